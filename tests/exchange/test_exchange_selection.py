"""A selective export holds the selection and the records it needs, and nothing else."""

import pytest

from ewarong_desktop.errors import NotFoundError, ValidationError
from ewarong_desktop.services import exchange
from ewarong_desktop.services.demo import generate_demo

from .conftest import export_file, read_parts


@pytest.fixture
def demo(make_database):
    database = make_database("demo")
    with database.session() as session:
        generate_demo(session, seed=11)
    return database


@pytest.fixture
def everything(demo, tmp_path):
    return read_parts(export_file(demo, tmp_path / "all.ewarong"))[1]


def ids(records, key="id"):
    return {record[key] for record in records}


def check_closed(content):
    """Every reference in the file points to a record in the file."""
    advisors, warongs = ids(content["advisors"]), ids(content["warongs"])
    assert {a["advisor_id"] for a in content["assessments"]} <= advisors
    assert {a["warong_id"] for a in content["assessments"]} <= warongs
    assert {g["advisor_id"] for g in content["assignments"]} <= advisors
    assert {g["warong_id"] for g in content["assignments"]} <= warongs
    assessments = ids(content["assessments"])
    assert {r["assessment_id"] for r in content["ratings"]} <= assessments
    assert {e["assessment_id"] for e in content["audit_entries"]} <= assessments


def test_one_advisor(demo, everything, tmp_path):
    advisor = everything["advisors"][0]
    path = export_file(demo, tmp_path / "one.ewarong", advisor_id=advisor["id"])
    manifest, content = read_parts(path)
    assert manifest["selection"]["advisor_id"] == advisor["id"]
    assert ids(content["advisors"]) == {advisor["id"]}
    expected = {a["id"] for a in everything["assessments"] if a["advisor_id"] == advisor["id"]}
    assert ids(content["assessments"]) == expected and expected
    assert {g["advisor_id"] for g in content["assignments"]} == {advisor["id"]}
    assert content["tombstones"] == []
    check_closed(content)


def test_one_period(demo, everything, tmp_path):
    period = sorted({a["period"] for a in everything["assessments"]})[0]
    content = read_parts(export_file(demo, tmp_path / "p.ewarong", period=period))[1]
    assert {a["period"] for a in content["assessments"]} == {period}
    assert len(content["assessments"]) == sum(a["period"] == period for a in everything["assessments"])
    used = {a["advisor_id"] for a in content["assessments"]}
    assert ids(content["advisors"]) == used  # only the advisors the period needs
    check_closed(content)


def test_one_kabupaten_and_period(demo, everything, tmp_path):
    region = "Kota Banjar"
    period = max(a["period"] for a in everything["assessments"])
    content = read_parts(export_file(demo, tmp_path / "k.ewarong", kabupaten=region,
                                     period=period))[1]
    assert {w["kabupaten"] for w in content["warongs"]} == {region}
    in_region = {w["id"] for w in everything["warongs"] if w["kabupaten"] == region}
    assert ids(content["warongs"]) == in_region
    assert {a["period"] for a in content["assessments"]} == {period}
    assert {a["warong_id"] for a in content["assessments"]} <= in_region
    ratings = {r["assessment_id"] for r in content["ratings"]}
    assert ratings == ids(content["assessments"])
    check_closed(content)


def test_target_levels_travel_with_every_selection(laptop, tmp_path):
    content = read_parts(export_file(laptop.database, tmp_path / "t.ewarong",
                                     advisor_id=laptop.tksk))[1]
    assert [t["cell_code"] for t in content["target_levels"]] == ["4.1.5"]
    assert ids(content["assessments"]) == {str(laptop.draft)}
    assert content["audit_entries"] == []  # the final's audit trail is not the TKSK's


def test_a_selection_that_matches_nothing_is_refused(demo, tmp_path):
    with pytest.raises(ValidationError, match="known here: Kota Bandung"):
        export_file(demo, tmp_path / "x.ewarong", kabupaten="Kota Bogor")
    with pytest.raises(ValidationError, match="YYYY-S1"):
        export_file(demo, tmp_path / "x.ewarong", period="2026")
    with pytest.raises(NotFoundError):
        export_file(demo, tmp_path / "x.ewarong", advisor_id="0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0")
    assert list(tmp_path.glob("x.ewarong*")) == []


def test_partial_exports_merge_into_the_whole(demo, everything, make_database, tmp_path):
    coordinator = make_database("coordinator")
    periods = sorted({a["period"] for a in everything["assessments"]})
    files = [export_file(demo, tmp_path / f"{p}.ewarong", period=p) for p in periods]
    exchange.import_files(coordinator, files)
    whole = exchange.apply(coordinator, export_file(demo, tmp_path / "whole.ewarong"))
    assert whole.counts["assessments"].new == 0 and whole.counts["ratings"].new == 0


def test_export_from_a_read_only_database(laptop, tmp_path):
    from ewarong_desktop.db import open_database

    where = laptop.database.url if laptop.database.is_server else laptop.database.path
    laptop.database.close()
    read_only = open_database(where, read_only=True)
    try:
        manifest, content = read_parts(export_file(read_only, tmp_path / "ro.ewarong"))
    finally:
        read_only.close()
    assert len(content["assessments"]) == 2 and manifest["source_id"]


def test_region_names_are_capped_like_everywhere(demo, tmp_path):
    with pytest.raises(ValidationError, match="under 200"):
        export_file(demo, tmp_path / "x.ewarong", kabupaten="K" * 201)
