"""Every kind of bad file is refused with a one-line reason and the database unchanged."""

import copy
import hashlib
import json
import zipfile

import pytest

from ewarong_desktop.services import exchange
from ewarong_desktop.services.exchange import archive as exchange_format

from .conftest import dump, read_parts, write_parts


@pytest.fixture
def coordinator(make_database, laptop):
    """A coordinator's database that already holds data, so 'unchanged' means something."""
    database = make_database("coordinator")
    from ewarong_desktop.services import advisors

    with database.session() as session:
        advisors.create_advisor(session, "Kortek Tasikmalaya", "OTHER")
    return database


@pytest.fixture
def parts(laptop_file):
    return read_parts(laptop_file)


def refused(database, path, *phrases):
    """Import ``path``; assert it is refused naming the file and ``phrases``, nothing written."""
    before = dump(database)
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.apply(database, path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{path.name}: ")
    for phrase in phrases:
        assert phrase in message, message
    assert dump(database) == before
    return caught.value


def setting(kind, **values):
    """A change that sets fields of the first record of ``kind``."""
    return lambda manifest, content: content[kind][0].update(values)


def changed(parts, tmp_path, change, name="bad.ewarong"):
    manifest, content = copy.deepcopy(parts)
    change(manifest, content)
    return write_parts(tmp_path / name, manifest, content)


def test_truncated_file(coordinator, laptop_file, tmp_path):
    data = laptop_file.read_bytes()
    for cut in (len(data) // 2, len(data) - 10, 30):
        path = tmp_path / f"cut{cut}.ewarong"
        path.write_bytes(data[:cut])
        refused(coordinator, path, "damaged")


def test_wrong_checksum(coordinator, parts, tmp_path):
    manifest, content = copy.deepcopy(parts)
    content["ratings"][0]["level"] = 0 if content["ratings"][0]["level"] else 1
    path = write_parts(tmp_path / "tampered.ewarong", manifest, content, fix_checksum=False)
    refused(coordinator, path, "checksum")


def test_not_a_zip_and_not_json(coordinator, parts, tmp_path):
    plain = tmp_path / "content.json"
    plain.write_text(json.dumps(parts[1]))
    refused(coordinator, plain, "not a zip")
    garbage = write_parts(tmp_path / "garbage.ewarong", parts[0], None,
                          raw_content=b'{"advisors": [ {"id": ')
    refused(coordinator, garbage, "content.json is not valid JSON")
    latin = write_parts(tmp_path / "latin.ewarong", parts[0], None,
                        raw_content='{"a": "é"}'.encode("latin-1"))
    refused(coordinator, latin, "not UTF-8")
    nan = write_parts(tmp_path / "nan.ewarong", parts[0], None, raw_content=b'{"advisors": NaN}')
    refused(coordinator, nan, "NaN")
    empty = tmp_path / "empty.ewarong"
    empty.write_bytes(b"")
    refused(coordinator, empty, "not a zip")


def test_wrong_types_missing_and_unknown_fields_all_reported(coordinator, parts, tmp_path):
    def damage(manifest, content):
        content["ratings"][3]["level"] = "3"
        del content["assessments"][0]["period"]
        content["advisors"][0]["nickname"] = "Euis"
        content["warongs"][0]["member_count"] = 12.5
        content["ratings"][7]["not_applicable"] = 1

    error = refused(coordinator, changed(parts, tmp_path, damage), "5 problem(s)")
    assert any("ratings[3].level" in p and "expected integer or null" in p for p in error.problems)
    assert any("assessments[0]" in p and "period" in p for p in error.problems)
    assert any("advisors[0]" in p and "'nickname'" in p for p in error.problems)
    assert any("warongs[0].member_count" in p for p in error.problems)
    assert any("ratings[7].not_applicable" in p for p in error.problems)


def test_strings_over_the_caps(coordinator, parts, tmp_path):
    def damage(manifest, content):
        content["advisors"][0]["name"] = "A" * 201
        content["ratings"][0]["note"] = "catatan " * 1251
        content["warongs"][0]["address"] = "Jl. " * 300

    error = refused(coordinator, changed(parts, tmp_path, damage), "cap")
    assert len(error.problems) == 3


def test_levels_and_cell_codes_outside_the_instrument(coordinator, parts, tmp_path):
    for value in (5, -1, 2.5, True):
        refused(coordinator, changed(parts, tmp_path, setting("ratings", level=value)),
                "ratings[0].level")
    for code in ("4.5.1", "4.1.9", "4.1.1\n", "5.1.1", ""):
        refused(coordinator, changed(parts, tmp_path, setting("ratings", cell_code=code)),
                "ratings[0].cell_code")
    not_applicable_with_level = changed(parts, tmp_path,
                                        setting("ratings", not_applicable=True, level=2))
    refused(coordinator, not_applicable_with_level, "ratings[0].level")


def test_duplicated_ids_inside_one_file(coordinator, parts, tmp_path):
    refused(coordinator, changed(parts, tmp_path, lambda m, c: c["advisors"].append(c["advisors"][0])),
            "twice", "advisors ids listed twice")

    def same_cell_twice(manifest, content):
        twin = dict(content["ratings"][0], id="0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0")
        content["ratings"].append(twin)

    refused(coordinator, changed(parts, tmp_path, same_cell_twice), "cells rated twice")


def test_references_to_records_that_exist_nowhere(coordinator, parts, tmp_path):
    nowhere = "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0"
    refused(coordinator, changed(parts, tmp_path, setting("ratings", assessment_id=nowhere)),
            "neither in the file nor here", nowhere)
    refused(coordinator, changed(parts, tmp_path, setting("assessments", advisor_id=nowhere)),
            "advisor that is neither")
    refused(coordinator, changed(parts, tmp_path, setting("audit_entries", assessment_id=nowhere)),
            "audit entries point")


def test_a_million_records(coordinator, parts, tmp_path):
    rating = json.dumps(parts[1]["ratings"][0]).encode()
    body = b'{"advisors":[],"warongs":[],"assignments":[],"assessments":[],"ratings":[' + \
        b",".join([rating] * 1_000_000) + b'],"target_levels":[],"audit_entries":[],"tombstones":[]}'
    manifest = dict(parts[0], counts={kind: 0 for kind in parts[0]["counts"]})
    path = write_parts(tmp_path / "million.ewarong", manifest, None, raw_content=body)
    del body
    refused(coordinator, path, "more than", "records")


def test_too_many_records_of_one_kind(coordinator, parts, tmp_path, monkeypatch):
    schema = copy.deepcopy(exchange_format.load_schema())
    schema["$defs"]["content"]["properties"]["ratings"]["maxItems"] = 10
    monkeypatch.setattr(exchange_format, "load_schema", lambda: schema)
    exchange_format.validator_for.cache_clear()
    try:
        count = len(parts[1]["ratings"])
        refused(coordinator, changed(parts, tmp_path, lambda m, c: None),
                f"{count} records is more")
    finally:
        exchange_format.validator_for.cache_clear()


@pytest.mark.parametrize("name, phrase", [
    ("/content.json", "absolute path"),
    ("../content.json", "'..'"),
    ("dir\\content.json", "backslash"),
    ("C:/content.json", "absolute path"),
])
def test_unsafe_entry_names(coordinator, parts, tmp_path, name, phrase):
    path = tmp_path / "unsafe.ewarong"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps(parts[0]))
        archive.writestr(zipfile.ZipInfo(name), json.dumps(parts[1]))
    refused(coordinator, path, phrase)


def test_unexpected_entries(coordinator, parts, tmp_path):
    extra = tmp_path / "extra.ewarong"
    with zipfile.ZipFile(extra, "w") as archive:
        archive.writestr("manifest.json", json.dumps(parts[0]))
        archive.writestr("content.json", json.dumps(parts[1]))
        archive.writestr("readme.txt", "hello")
    refused(coordinator, extra, "exactly manifest.json and content.json")
    missing = tmp_path / "missing.ewarong"
    with zipfile.ZipFile(missing, "w") as archive:
        archive.writestr("manifest.json", json.dumps(parts[0]))
    refused(coordinator, missing, "exactly")


def test_zip_bomb_is_stopped_at_the_cap(coordinator, parts, tmp_path, monkeypatch):
    monkeypatch.setattr(exchange_format, "MAX_CONTENT_BYTES", 1_000_000)
    body = json.dumps(parts[1]).encode()[:-1] + b"," + b'"padding":"' + b" " * 5_000_000 + b'"}'
    path = write_parts(tmp_path / "bomb.ewarong", parts[0], None, raw_content=body)
    assert path.stat().st_size < 200_000  # small on the stick, huge unpacked
    refused(coordinator, path, "unpack")


def test_file_from_a_newer_schema_names_the_program_that_reads_it(coordinator, parts, tmp_path):
    def future(manifest, content):
        manifest.update(schema_version=3, program_version="0.4.0")
        content["surveys"] = []

    refused(coordinator, changed(parts, tmp_path, future), "exchange format 3",
            "e-Warong Desktop 0.4.0 or newer")


def test_other_format_name(coordinator, parts, tmp_path):
    refused(coordinator, changed(parts, tmp_path, lambda m, c: m.update(format="kobo-export")),
            "not an e-Warong exchange file")


def test_counts_in_the_manifest_must_match(coordinator, parts, tmp_path):
    manifest, content = copy.deepcopy(parts)
    content["ratings"].pop()
    path = write_parts(tmp_path / "short.ewarong", manifest, content, fix_counts=False)
    refused(coordinator, path, "ratings: 35 listed, 34 found")


def test_unknown_manifest_fields_and_bad_checksum_form(coordinator, parts, tmp_path):
    refused(coordinator, changed(parts, tmp_path, lambda m, c: m.update(comment="hi")), "manifest")


def test_checksum_covers_the_bytes_not_the_meaning(coordinator, parts, tmp_path):
    # Same JSON meaning, different bytes: refused unless the manifest says so.
    data = json.dumps(parts[1], indent=1).encode()
    manifest = dict(parts[0], content_sha256=hashlib.sha256(json.dumps(parts[1]).encode()).hexdigest())
    path = write_parts(tmp_path / "reformatted.ewarong", manifest, None, raw_content=data,
                       fix_checksum=False)
    refused(coordinator, path, "checksum")
