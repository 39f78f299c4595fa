"""Property: however a valid file is damaged, an import is complete or refused, never partial,
and never fails with anything but the exchange's one-line error.

The JSON inside is mutated too, with the checksum recomputed so the later checks are the
ones exercised: type swaps, removed and duplicated keys and records, out-of-range values,
dangling references, control characters and formula-looking text."""

import copy
import json
import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ewarong_desktop.db import open_database
from ewarong_desktop.services import advisors, exchange
from ewarong_desktop.services.validation import CONTROL_CHARACTER

from .conftest import dump, fill_laptop, read_parts, write_parts

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A valid file and a coordinator database (closed) to copy for every example."""
    folder = tmp_path_factory.mktemp("world")
    laptop_db = open_database(folder / "laptop.sqlite3")
    fill_laptop(laptop_db)
    with laptop_db.session() as session:
        exchange.export_exchange(session, folder / "valid.ewarong")
    laptop_db.close()
    template = folder / "coordinator.sqlite3"
    coordinator = open_database(template)
    with coordinator.session() as session:
        advisors.create_advisor(session, "Kortek Bandung", "OTHER")
    coordinator.close()
    return folder / "valid.ewarong", template


def try_import(world, tmp_path, data: bytes) -> bool:
    """Import ``data`` into a fresh copy of the coordinator's database and check the outcome:
    True when it was imported (completely), False when it was refused (nothing written)."""
    _valid, template = world
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    db_path = work / "coordinator.sqlite3"
    for leftover in work.glob("coordinator.sqlite3*"):
        leftover.unlink()
    shutil.copy(template, db_path)
    path = work / "mutated.ewarong"
    path.write_bytes(data)
    database = open_database(db_path)
    try:
        before = dump(database)
        try:
            exchange.apply(database, path)
        except exchange.ExchangeError as error:
            assert "\n" not in str(error) and str(error).startswith("mutated.ewarong: ")
            assert dump(database) == before  # refused: not one row written
            return False
        # Accepted: no control character got in, ...
        stored = [value for rows in dump(database).values() for row in rows for value in row
                  if isinstance(value, str)]
        assert not any(CONTROL_CHARACTER.search(value) for value in stored)
        # ... and completely, so importing it again finds nothing left to do.
        again = exchange.apply(database, path)
        assert not again.has_changes
        return True
    finally:
        database.close()


@pytest.mark.slow  # hundreds of imports: the full tier (CI), not the fast one
@SETTINGS
@given(data=st.data())
def test_cut_or_flipped_bytes(world, tmp_path, data):
    original = world[0].read_bytes()
    damaged = bytearray(original)
    if data.draw(st.booleans(), label="cut"):
        damaged = damaged[:data.draw(st.integers(0, len(damaged) - 1), label="length")]
    for _ in range(data.draw(st.integers(0 if len(damaged) < len(original) else 1, 8), label="flips")):
        if damaged:
            position = data.draw(st.integers(0, len(damaged) - 1), label="position")
            damaged[position] ^= data.draw(st.integers(1, 255), label="mask")
    try_import(world, tmp_path, bytes(damaged))


ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children,
                                                                      max_size=3),
    max_leaves=5)


# Values just outside (or far outside) what a field allows.
OUT_OF_RANGE = st.sampled_from([-1, 5, 99, -(2**63), 2**63, 10**30, 1.5, 1799, 3000, 10**9, "", "9"])
# References: fields that name another record.
REFERENCES = ("advisor_id", "warong_id", "assessment_id", "record_id")
HOSTILE_TEXT = st.sampled_from([
    "\x00", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\r\n", "\u202e", "\ufeff", " \t ",
    '=HYPERLINK("http://evil.example/x","klik")', "+1+1", "-2", "@SUM(A1)", "\t=1", "＝1",
    "'; DROP TABLE rating; --", "<b>tebal</b>", "%s%s%n",
])


def _hostile(draw, record):
    """Change one field of ``record`` the way a careless or hostile editor might."""
    action = draw(st.sampled_from(["range", "dangle", "text"]))
    if action == "range":
        record[draw(st.sampled_from(sorted(record)))] = draw(OUT_OF_RANGE)
    elif action == "dangle":
        names = [name for name in REFERENCES if name in record] or ["id"]
        record[draw(st.sampled_from(names))] = str(draw(st.uuids()))
    else:
        texts = [name for name, value in record.items() if isinstance(value, str)] or sorted(record)
        name = draw(st.sampled_from(texts))
        where = draw(st.sampled_from(["before", "after", "instead"]))
        value = record.get(name) if isinstance(record.get(name), str) else ""
        extra = draw(HOSTILE_TEXT)
        record[name] = {"before": extra + value, "after": value + extra, "instead": extra}[where]


@st.composite
def content_mutation(draw, manifest, content):
    manifest, content = copy.deepcopy(manifest), copy.deepcopy(content)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(sorted(content)))
        records = content[kind]
        action = draw(st.sampled_from(["type", "remove", "duplicate", "add", "drop", "manifest",
                                       "hostile"]))
        if not records and action != "manifest":
            continue
        index = draw(st.integers(0, len(records) - 1)) if records else 0
        record = records[index] if records else {}
        if action == "type" and record:
            record[draw(st.sampled_from(sorted(record)))] = draw(ANY_JSON)
        elif action == "remove" and record:
            del record[draw(st.sampled_from(sorted(record)))]
        elif action == "duplicate":
            records.append(copy.deepcopy(record))
        elif action == "add":
            record[draw(st.text(min_size=1, max_size=8))] = draw(ANY_JSON)
        elif action == "drop":
            records.pop(index)
        elif action == "manifest":
            manifest[draw(st.sampled_from(sorted(manifest)))] = draw(ANY_JSON)
        elif action == "hostile" and record:
            _hostile(draw, record)
    return manifest, content


@pytest.mark.slow  # hundreds of imports: the full tier (CI), not the fast one
@SETTINGS
@given(data=st.data())
def test_mutated_json_imports_cleanly_or_is_refused(world, tmp_path, data):
    manifest, content = read_parts(world[0])
    manifest, content = data.draw(content_mutation(manifest, content))
    path = write_parts(tmp_path / "built.ewarong", manifest, content)  # checksum made to match
    try_import(world, tmp_path, path.read_bytes())


def test_the_untouched_file_imports(world, tmp_path):
    assert try_import(world, tmp_path, world[0].read_bytes()), "a valid file was refused"


def test_whole_document_replaced_by_other_json(world, tmp_path):
    manifest, _content = read_parts(world[0])
    for other in ([], "x", 1, None, {"advisors": {}}, [[[[]]]]):
        path = write_parts(tmp_path / "other.ewarong", manifest, other)
        try_import(world, tmp_path, path.read_bytes())
    deep = json.dumps({"advisors": [[]] * 1}).replace("[[]]", "[" * 100_000 + "]" * 100_000)
    path = write_parts(tmp_path / "deep.ewarong", manifest, None, raw_content=deep.encode())
    try_import(world, tmp_path, path.read_bytes())
    with zipfile.ZipFile(tmp_path / "empty.ewarong", "w"):
        pass
    try_import(world, tmp_path, (tmp_path / "empty.ewarong").read_bytes())
