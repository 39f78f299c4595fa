"""Coordinators' records travel in schema-2 files; version-1 files still import."""

import json

import pytest

from ewarong_desktop.services import access, coordinators, exchange, plans, targets, verification
from ewarong_desktop.services.verification import CellVerdict

from .conftest import (
    CONTENT_TABLES,
    COORDINATION_TABLES,
    dump,
    export_file,
    fill_coordination,
    location,
    read_parts,
    write_parts,
)


def counts_of(preview, kind):
    counts = preview.counts[kind]
    return counts.new, counts.updated, counts.unchanged, counts.conflicting


@pytest.fixture
def coordinated(laptop):
    fill_coordination(laptop)
    return laptop


def test_every_new_kind_of_record_round_trips(coordinated, make_database, tmp_path):
    path = export_file(coordinated.database, tmp_path / "all.ewarong")
    manifest, content = read_parts(path)
    assert manifest["schema_version"] == 2
    for kind in ("coordinators", "verifications", "verified_cells", "target_settings",
                 "plan_actions", "follow_ups"):
        assert content[kind], kind
    other = make_database("advisor-laptop")
    result = exchange.apply(other, path)
    assert counts_of(result, "verifications") == (1, 0, 0, 0)
    assert counts_of(result, "verified_cells") == (2, 0, 0, 0)
    assert counts_of(result, "plan_actions") == (2, 0, 0, 0)
    assert counts_of(result, "follow_ups") == (1, 0, 0, 0)
    tables = CONTENT_TABLES + COORDINATION_TABLES
    assert dump(other, tables) == dump(coordinated.database, tables)
    # The advisor's laptop now shows who verified, the plan and who set the targets.
    found = verification.get_verification(other, coordinated.final)
    assert found.coordinator_name == "Rina Kurniasih" and found.cells_changed == 2
    assert targets.targets_for(other, "PKH", "Kota Bandung", "2026-S1").levels["4.1.5"] == 3
    assert plans.get_plan(other, coordinated.final).actions[0].follow_up.status == "partly"
    again = exchange.apply(other, path)
    assert again.total("new") == again.total("updated") == again.total("conflicting") == 0


def test_pin_hashes_never_travel(coordinated, tmp_path):
    access.set_pin(coordinated.database, None, access.ADVISOR, coordinated.pkh, "8642")
    info = coordinators.list_coordinators(coordinated.database)[0]
    access.set_pin(coordinated.database, None, access.COORDINATOR, info.id, "1357")
    path = export_file(coordinated.database, tmp_path / "all.ewarong")
    content = read_parts(path)[1]
    text = json.dumps(content)
    assert "pin_hash" not in text and "scrypt$" not in text


def test_a_selection_carries_the_verification_and_plan_of_its_assessments(coordinated, tmp_path):
    path = export_file(coordinated.database, tmp_path / "sel.ewarong", advisor_id=coordinated.tksk)
    content = read_parts(path)[1]
    assert content["verifications"] == [] and content["plan_actions"] == []
    assert content["coordinators"]  # few, and needed to name who set the targets
    path = export_file(coordinated.database, tmp_path / "pkh.ewarong", advisor_id=coordinated.pkh)
    content = read_parts(path)[1]
    assert len(content["verifications"]) == 1 and len(content["follow_ups"]) == 1


def test_a_version_1_file_still_imports(laptop, laptop_file, make_database, tmp_path):
    manifest, content = read_parts(laptop_file)
    for kind in ("coordinators", "verifications", "verified_cells", "target_settings",
                 "plan_actions", "follow_ups"):
        del content[kind]
        del manifest["counts"][kind]
    for entry in content["audit_entries"]:
        del entry["coordinator_id"]
    manifest["schema_version"] = 1
    old = write_parts(tmp_path / "old.ewarong", manifest, content)
    other = make_database("other")
    result = exchange.apply(other, old)
    assert result.applied and counts_of(result, "assessments") == (2, 0, 0, 0)
    assert dump(other, CONTENT_TABLES) == dump(laptop.database, CONTENT_TABLES)


def test_a_later_verification_of_the_same_record_wins(coordinated, make_database, tmp_path):
    other = make_database("advisor-laptop")
    exchange.apply(other, export_file(coordinated.database, tmp_path / "first.ewarong"))
    actor = access.Actor(access.COORDINATOR, coordinators.list_coordinators(coordinated.database)[0].id,
                         "Rina Kurniasih", frozenset(["Kota Bandung"]))
    verification.verify(coordinated.database, actor, coordinated.final,
                        [CellVerdict("4.1.1", 1, comment="sudah ada satu rujukan")])
    result = exchange.apply(other, export_file(coordinated.database, tmp_path / "later.ewarong"))
    assert counts_of(result, "verifications") == (0, 1, 0, 0)
    found = verification.get_verification(other, coordinated.final)
    assert set(found.cells) == {"4.1.1"} and found.cells["4.1.1"].level == 1
    assert verification.list_conflicts(other) == []


def test_two_different_verifications_are_kept_for_a_person(coordinated, make_database, tmp_path):
    """The coordinator verified on her laptop; a second coordinator verified the same
    assessment differently on the advisor's laptop. Neither silently wins."""
    advisor_laptop = make_database("advisor-laptop")
    exchange.apply(advisor_laptop, export_file(coordinated.database, tmp_path / "a.ewarong",
                                               advisor_id=coordinated.pkh))
    # Start over on the advisor's laptop with a verification of its own.
    with advisor_laptop.session() as session:
        from ewarong_desktop.db.models import Verification
        session.query(Verification).delete()
    second = coordinators.add_coordinator(advisor_laptop, "Asep Saepudin", whole_province=True)
    actor = access.Actor(access.COORDINATOR, second.id, second.name, whole_province=True)
    verification.verify(advisor_laptop, actor, coordinated.final,
                        [CellVerdict("4.3.3", 4, comment="sangat baik")])
    before = verification.get_verification(advisor_laptop, coordinated.final)
    result = exchange.apply(advisor_laptop, export_file(coordinated.database, tmp_path / "b.ewarong"))
    assert counts_of(result, "verifications")[3] == 1
    assert verification.get_verification(advisor_laptop, coordinated.final) == before  # untouched
    [conflict] = verification.list_conflicts(advisor_laptop)
    assert conflict.local.coordinator_name == "Asep Saepudin"
    assert set(conflict.incoming_cells) == {"4.1.1", "4.2.3"}
    # Importing the same file again does not list it twice.
    exchange.apply(advisor_laptop, export_file(coordinated.database, tmp_path / "c.ewarong"))
    assert len(verification.list_conflicts(advisor_laptop)) == 1
    with pytest.raises(access.AccessError):
        verification.resolve_conflict(advisor_laptop, None, conflict.id, "incoming")
    kept = verification.resolve_conflict(advisor_laptop, actor, conflict.id, "incoming")
    assert kept.coordinator_name == "Rina Kurniasih" and set(kept.cells) == {"4.1.1", "4.2.3"}
    assert verification.list_conflicts(advisor_laptop) == []
    with advisor_laptop.reading() as session:
        from ewarong_desktop.services import assessments
        trail = assessments.audit_trail(session, coordinated.final)
    assert trail[-1].action == "verify_conflict_kept_incoming"


def test_a_later_plan_replaces_one_without_follow_ups(laptop, make_database, tmp_path):
    from datetime import date

    actor = fill_coordination(laptop)
    other = make_database("advisor-laptop")
    exchange.apply(other, export_file(laptop.database, tmp_path / "first.ewarong"))
    with laptop.database.session() as session:
        from ewarong_desktop.db.models import FollowUp
        session.query(FollowUp).delete()
    with other.session() as session:
        session.query(FollowUp).delete()
    plans.set_plan(laptop.database, actor, laptop.final, [
        plans.ActionInput("Pelatihan pembukuan", "dinas", date(2031, 1, 31), ("4.1.5",), "finance"),
        plans.ActionInput("Kunjungan bersama", "coordinator", date(2031, 2, 28))],
        today=date(2030, 1, 1))
    result = exchange.apply(other, export_file(laptop.database, tmp_path / "second.ewarong"))
    assert counts_of(result, "plan_actions")[0] == 2
    assert [a.text for a in plans.get_plan(other, laptop.final).actions] == [
        "Pelatihan pembukuan", "Kunjungan bersama"]


def test_verification_conflicts_on_the_command_line(coordinated, make_database, tmp_path, capsys,
                                                    monkeypatch):
    from ewarong_desktop.__main__ import main

    other = make_database("other")
    exchange.apply(other, export_file(coordinated.database, tmp_path / "a.ewarong"))
    with other.session() as session:
        from ewarong_desktop.db.models import Verification
        session.query(Verification).delete()
    second = coordinators.add_coordinator(other, "Asep Saepudin", whole_province=True, pin="2468")
    actor = access.enter(other, access.COORDINATOR, second.id, "2468")
    verification.verify(other, actor, coordinated.final, [CellVerdict("4.3.3", 4)])
    exchange.apply(other, export_file(coordinated.database, tmp_path / "b.ewarong"))
    db = location(other)  # its file, or its server URL
    capsys.readouterr()
    assert main(["verification-conflicts", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "here verified by Asep Saepudin" in out and "(1 verification conflict(s))" in out
    conflict_id = out.split()[0]
    monkeypatch.setenv("EWARONG_PIN", "0000")
    assert main(["resolve-verification-conflict", "--db", db, conflict_id, "--keep", "incoming",
                 "--coordinator", str(second.id)]) == 1
    assert "name or PIN" in capsys.readouterr().err
    monkeypatch.setenv("EWARONG_PIN", "2468")
    assert main(["resolve-verification-conflict", "--db", db, conflict_id, "--keep", "incoming",
                 "--coordinator", str(second.id)]) == 0
    assert "by Rina Kurniasih" in capsys.readouterr().out
    assert verification.list_conflicts(other) == []
