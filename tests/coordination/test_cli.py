"""The command line for coordinators: add, PINs, lists with scope and verification."""

import json

from ewarong_desktop.__main__ import main
from ewarong_desktop.services import access, verification
from ewarong_desktop.services.verification import CellVerdict

from .conftest import PIN


def test_coordinator_add_then_list_json(database, db_path, capsys, monkeypatch):
    monkeypatch.setenv("EWARONG_PIN", PIN)
    assert main(["coordinator", "add", "--db", str(db_path), "--name", "Rina Kurniasih",
                 "--scope", "Kota Bandung", "--scope", "Kabupaten Bandung"]) == 0
    assert main(["coordinator", "add", "--db", str(db_path), "--name", "Siti",
                 "--province", "--no-pin"]) == 0
    capsys.readouterr()
    assert main(["list", "coordinators", "--db", str(db_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["scope"], r["has_pin"]) for r in rows] == [
        ("Rina Kurniasih", ["Kabupaten Bandung", "Kota Bandung"], True), ("Siti", ["*"], False)]
    access.enter(database, access.COORDINATOR, rows[0]["id"], PIN)  # the PIN from EWARONG_PIN


def test_a_bad_coordinator_is_one_line_in_indonesian(db_path, database, capsys, monkeypatch):
    monkeypatch.setenv("EWARONG_PIN", "12")
    assert main(["--lang", "id", "coordinator", "add", "--db", str(db_path), "--name", "Rina",
                 "--scope", "Kota Bandung"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PIN minimal 4 karakter" in err


def test_pin_change_needs_the_current_pin(database, db_path, bandung, capsys, monkeypatch):
    monkeypatch.setenv("EWARONG_PIN", "2468")
    monkeypatch.setenv("EWARONG_CURRENT_PIN", "0000")
    assert main(["pin", "--db", str(db_path), "--coordinator", str(bandung.id)]) == 1
    assert "name or PIN is not right" in capsys.readouterr().err
    monkeypatch.setenv("EWARONG_CURRENT_PIN", PIN)
    assert main(["pin", "--db", str(db_path), "--coordinator", str(bandung.id)]) == 0
    access.enter(database, access.COORDINATOR, bandung.id, "2468")


def test_list_assessments_json_carries_the_verification(database, db_path, final, bandung, capsys):
    assert main(["list", "assessments", "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["verification"] is None
    verification.verify(database, bandung, final, [CellVerdict("4.1.1", 1), CellVerdict("4.2.2", 3)])
    assert main(["list", "assessments", "--db", str(db_path), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)[0]["verification"]
    assert found["status"] == "verified" and found["by"] == "Rina Kurniasih"
    assert found["cells_changed"] == 2 and found["at"].startswith("20")


def test_demo_has_coordinators_verifications_plans_and_follow_ups(tmp_path, capsys):
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import coordinators, plans, summary
    from ewarong_desktop.services.demo_coordination import DEMO_PIN

    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    database = open_database(db)
    try:
        found = coordinators.list_coordinators(database)
        scopes = sorted(tuple(c.scope) for c in found)
        assert scopes == [("*",), ("Kota Bandung",), ("Kota Banjar",), ("Kota Bekasi",),
                          ("Kota Tasikmalaya",)]
        access.enter(database, access.COORDINATOR, found[0].id, DEMO_PIN)
        with database.reading() as session:
            periods = sorted({a.period for a in assessments_list(session)})
            result = summary.coordinator_summary(session, summary.SummaryFilters(period=periods[1]))
            verified_ids = [a for a in assessments_list(session)
                            if a.period == periods[-1]]
        assert result.verified.verified_assessments > 0
        # Some disagreement, in the direction the docstring says.
        assert any(stat.difference < 0 for stat in result.verified.self_vs_verified.values()
                   if stat.difference is not None)
        assert result.verified.training
        followed = [plans.get_previous_plan(database, a.id) for a in verified_ids]
        assert any(p and p.actions and p.actions[0].follow_up for p in followed)
    finally:
        database.close()


def assessments_list(session):
    from ewarong_desktop.services import assessments
    return assessments.list_assessments(session)
