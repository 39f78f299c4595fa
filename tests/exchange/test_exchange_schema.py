"""The published schema: closed, capped, in step with the database and with the fast check."""

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from ewarong_desktop.services.exchange import archive as fmt
from ewarong_desktop.services.exchange.tables import MODELS, fields

from .conftest import read_parts

SCHEMA = fmt.load_schema()
DEFS = SCHEMA["$defs"]


def walk(schema):
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from walk(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from walk(value)


def test_schema_is_valid_draft_2020_12_and_closed():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    objects = [s for s in walk(SCHEMA) if s.get("type") == "object"]
    assert len(objects) >= 12
    assert all(s.get("additionalProperties") is False for s in objects)


def test_every_string_is_capped_or_shaped():
    for schema in walk(SCHEMA):
        kinds = schema.get("type")
        if kinds == "string" or (isinstance(kinds, list) and "string" in kinds):
            assert {"maxLength", "pattern", "enum", "const"} & set(schema), schema


def test_records_carry_exactly_the_database_columns():
    for kind, model in MODELS.items():
        definition = DEFS[fmt.KIND_DEFS[kind]]
        assert set(definition["properties"]) == {f.name for f in fields(kind)}, kind
        assert set(definition["required"]) == set(definition["properties"]), kind
        # Caps in the schema are no looser than the columns.
        for column in model.__table__.columns:
            length = getattr(column.type, "length", None)
            prop = definition["properties"].get(column.name)
            if length and prop and "$ref" not in prop and "maxLength" in prop:
                assert prop["maxLength"] <= length, (kind, column.name)


def test_an_export_follows_the_published_schema_with_a_plain_validator(laptop_file):
    manifest, content = read_parts(laptop_file)
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors({"manifest": manifest, "content": content})) == []


def test_dollar_means_end_of_text_as_in_ecma_262():
    assert fmt.ecma_regex("^4\\.[1-4]\\.[1-8]$").search("4.1.1")
    assert not fmt.ecma_regex("^4\\.[1-4]\\.[1-8]$").search("4.1.1\n")


def test_the_fast_check_knows_no_more_keywords_than_it_can_check():
    with pytest.raises(ValueError, match="multipleOf"):
        fmt._PredicateCompiler(SCHEMA).function({"type": "integer", "multipleOf": 2})


# --- the compiled predicate says exactly what jsonschema says ---------------------------

INTERESTING_VALUES = [
    None, True, False, 0, 1, 4, 5, -1, 2.0, 2.5, 1e300, "", "x", "A" * 201, "n" * 10_001,
    "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0", "0F1E2D3C-4B5A-4978-8796-A5B4C3D2E1F0",
    "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0\n", "0f1e2d3c4b5a49788796a5b4c3d2e1f0",
    "4.1.1", "4.4.8", "4.1.1\n", "4.0.1", "4.1.9", "2026-S1", "2026-S3", "1999-S1",
    "2026-03-01T08:30:00.000000Z", "2026-03-01T08:30:00Z", "2026-02-30T08:30:00Z",
    "2026-03-01T08:30:00+07:00", "2026-03-01 08:30:00", "PKH", "TKSK", "OTHER", "pkh",
    "draft", "final", "advisor", "warong", "BPNT", [], ["BPNT"], ["BPNT", "BPNT"], ["EDC", 1],
    {}, {"a": 1}, 2000, 1899, 100_001, "2026.1", "2026.1 ", "x" * 33,
]
INTERESTING = st.sampled_from(INTERESTING_VALUES)
JSON_VALUES = st.one_of(INTERESTING, st.integers(), st.floats(allow_nan=False),
                        st.text(max_size=12), st.lists(st.integers(), max_size=3))


@pytest.fixture(scope="module")
def valid_records(tmp_path_factory):
    """One valid record of each kind, from a real export."""
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import exchange

    from .conftest import fill_coordination, fill_laptop

    folder = tmp_path_factory.mktemp("records")
    database = open_database(folder / "laptop.sqlite3")
    laptop = fill_laptop(database)
    fill_coordination(laptop)
    with laptop.database.session() as session:
        exchange.export_exchange(session, folder / "f.ewarong")
    database.close()
    content = read_parts(folder / "f.ewarong")[1]
    return {kind: records[0] for kind, records in content.items()}


@st.composite
def mutated(draw, records):
    kind = draw(st.sampled_from(fmt.KINDS))
    record = copy.deepcopy(records[kind])
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["set", "set", "set", "remove", "add", "replace"]))
        names = sorted(record) if isinstance(record, dict) else []
        if action == "set" and names:
            record[draw(st.sampled_from(names))] = draw(JSON_VALUES)
        elif action == "remove" and names:
            del record[draw(st.sampled_from(names))]
        elif action == "add" and isinstance(record, dict):
            record[draw(st.sampled_from(["extra", "id", "note", "name"]))] = draw(JSON_VALUES)
        elif action == "replace":
            record = draw(JSON_VALUES)
    return kind, record


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_check_and_jsonschema_reject_the_same_records(valid_records, data):
    kind, record = data.draw(mutated(valid_records))
    accepted = fmt.record_predicates()[kind](record)
    errors = list(fmt.validator_for(fmt.KIND_DEFS[kind]).iter_errors(record))
    assert accepted == (not errors), (kind, record, [e.message for e in errors])


def test_every_field_with_every_odd_value_is_judged_alike(valid_records):
    """Exhaustive where the random search above samples: each field of each kind set to
    each interesting value, or removed, or joined by an unknown field."""
    checked = 0
    for kind, valid in valid_records.items():
        accepts = fmt.record_predicates()[kind]
        validator = fmt.validator_for(fmt.KIND_DEFS[kind])
        variants = [{**valid, "unknown": 1}]
        variants += [{k: v for k, v in valid.items() if k != name} for name in valid]
        variants += [{**valid, name: value} for name in valid for value in INTERESTING_VALUES]
        if kind == "ratings":
            variants += [{**valid, "not_applicable": True, "level": level} for level in (None, 0, 3)]
        for record in variants:
            errors = list(validator.iter_errors(record))
            assert accepts(record) == (not errors), (kind, record)
            checked += 1
    assert checked > 2000


def test_valid_records_are_accepted_by_both(valid_records):
    for kind, record in valid_records.items():
        assert fmt.record_predicates()[kind](record), kind
        assert list(fmt.validator_for(fmt.KIND_DEFS[kind]).iter_errors(record)) == [], kind


def test_bad_ratings_are_rejected_by_both():
    good = {"id": "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0",
            "assessment_id": "1f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0", "cell_code": "4.2.3",
            "level": 3, "not_applicable": False, "note": "", "updated_at": "2026-03-01T08:30:00Z"}
    bad = [dict(good, level=5), dict(good, level="3"), dict(good, cell_code="4.9.9"),
           dict(good, not_applicable=True), dict(good, note="x" * 10_001), dict(good, extra=1),
           {k: v for k, v in good.items() if k != "note"}, dict(good, level=True),
           dict(good, updated_at="2026-13-01T08:30:00Z"), dict(good, id=None), [good]]
    accepts = fmt.record_predicates()["ratings"]
    validator = fmt.validator_for("rating")
    assert accepts(good) and not list(validator.iter_errors(good))
    for record in bad:
        assert not accepts(record) and list(validator.iter_errors(record)), record
