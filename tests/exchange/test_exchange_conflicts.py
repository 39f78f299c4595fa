"""A final assessment is never overwritten silently: both versions kept, listed, resolved."""

import pytest

from ewarong_desktop.errors import NotFoundError, ValidationError
from ewarong_desktop.services import advisors, assessments, exchange

from .conftest import CONTENT_TABLES, dump, export_file


@pytest.fixture
def conflicted(laptop, laptop_file, make_database, tmp_path):
    """The coordinator has the laptop's final; the advisor then reopened and changed it."""
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, laptop_file)
    with laptop.database.session() as session:
        assessments.reopen(session, laptop.final, "nilai keuangan keliru", editor_id=laptop.pkh)
        assessments.set_rating(session, laptop.final, "4.4.5", 4, note="pelatihan pembukuan",
                               editor_id=laptop.pkh)
        assessments.finalise(session, laptop.final, editor_id=laptop.pkh)
    changed = export_file(laptop.database, tmp_path / "changed.ewarong")
    return coordinator, changed


def level_at(database, assessment_id, code):
    with database.session() as session:
        return assessments.get_detail(session, assessment_id).ratings[code].level


def test_conflicting_final_is_kept_twice_and_listed(laptop, conflicted):
    coordinator, changed = conflicted
    before_level = level_at(coordinator, laptop.final, "4.4.5")
    result = exchange.apply(coordinator, changed)
    assert result.counts["assessments"].conflicting == 1
    assert result.counts["ratings"].conflicting == 1  # only 4.4.5 differs
    # reopen, rating, note, refinalise wait with the conflict; the five earlier ones are here
    assert result.counts["audit_entries"].conflicting == 4
    assert result.counts["audit_entries"].unchanged == 5
    assert level_at(coordinator, laptop.final, "4.4.5") == before_level  # local kept
    [preview_conflict] = result.conflicts
    assert preview_conflict.id is not None
    with coordinator.session() as session:
        [listed] = exchange.list_conflicts(session)
    assert listed.id == preview_conflict.id and listed.assessment_id == laptop.final
    assert (listed.advisor_name, listed.warong_name, listed.period) == (
        "Euis Nur’aini", "e-Warong Sauyunan", "2026-S1")
    [difference] = listed.differences
    assert (difference.cell_code, difference.incoming_level, difference.incoming_note) == (
        "4.4.5", "4", "pelatihan pembukuan")
    assert listed.source_file == "changed.ewarong" and not listed.is_resolved


def test_the_same_conflict_is_not_stored_twice(conflicted):
    coordinator, changed = conflicted
    exchange.apply(coordinator, changed)
    before = dump(coordinator)
    again = exchange.apply(coordinator, changed)
    assert dump(coordinator) == before and not again.has_changes


def test_keep_local_is_recorded(laptop, conflicted):
    coordinator, changed = conflicted
    [conflict] = exchange.apply(coordinator, changed).conflicts
    before = dump(coordinator, ("rating", "assessment"))
    with coordinator.session() as session:
        coordinator_id = advisors.create_advisor(session, "Kortek Bandung", "OTHER").id
        resolved = exchange.resolve_conflict(session, conflict.id, keep="local", by=coordinator_id)
    assert resolved.resolution == "kept_local" and resolved.resolved_by == coordinator_id
    assert dump(coordinator, ("rating", "assessment")) == before
    with coordinator.session() as session:
        assert exchange.list_conflicts(session) == []
        assert [c.id for c in exchange.list_conflicts(session, include_resolved=True)] == [conflict.id]
        trail = assessments.audit_trail(session, laptop.final)
    assert trail[-1].action == "conflict_kept_local" and trail[-1].advisor_name == "Kortek Bandung"
    # The file again does not bring the decided conflict back.
    assert not exchange.apply(coordinator, changed).has_changes


def test_keep_incoming_takes_the_other_version(laptop, conflicted):
    coordinator, changed = conflicted
    [conflict] = exchange.apply(coordinator, changed).conflicts
    with coordinator.session() as session:
        exchange.resolve_conflict(session, conflict.id, keep="incoming")
        trail = [entry.action for entry in assessments.audit_trail(session, laptop.final)]
    assert level_at(coordinator, laptop.final, "4.4.5") == 4
    assert trail[-1] == "conflict_kept_incoming" and trail.count("reopen") == 2
    # Now both laptops hold the same version: importing either way changes nothing.
    laptop_rows = dump(laptop.database, ("rating",))
    assert dump(coordinator, ("rating",)) == laptop_rows
    assert not exchange.apply(coordinator, changed).has_changes


def test_same_assessment_started_on_two_laptops_becomes_a_conflict(laptop, laptop_file,
                                                                   make_database, tmp_path):
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, laptop_file)
    with laptop.database.session() as session:  # period 2026-S2 started on both machines
        mine = assessments.start_assessment(session, laptop.pkh, laptop.warong_a, "2026-S2").id
        assessments.set_rating(session, mine, "4.1.1", 3)
    with coordinator.session() as session:
        theirs = assessments.start_assessment(session, laptop.pkh, laptop.warong_a, "2026-S2").id
        assessments.set_rating(session, theirs, "4.1.1", 1)
    result = exchange.apply(coordinator, export_file(laptop.database, tmp_path / "s2.ewarong"))
    [conflict] = result.conflicts
    assert conflict.assessment_id == theirs and result.counts["assessments"].conflicting == 1
    with coordinator.session() as session:
        exchange.resolve_conflict(session, conflict.id, keep="incoming")
    assert level_at(coordinator, theirs, "4.1.1") == 3
    again = export_file(laptop.database, tmp_path / "again.ewarong")
    assert not exchange.apply(coordinator, again).has_changes


def test_an_older_draft_of_a_final_is_stale_not_a_conflict(laptop, make_database, tmp_path):
    draft_file = export_file(laptop.database, tmp_path / "draft.ewarong")
    with laptop.database.session() as session:
        for code in ("4.1.3", "4.1.4", "4.1.5", "4.1.6", "4.1.7", "4.1.8"):
            assessments.set_rating(session, laptop.draft, code, 1)
        for role in range(2, 5):
            for area in range(1, 9):
                assessments.set_rating(session, laptop.draft, f"4.{role}.{area}", 2)
        assessments.finalise(session, laptop.draft)
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, export_file(laptop.database, tmp_path / "final.ewarong"))
    before = dump(coordinator, CONTENT_TABLES)
    result = exchange.apply(coordinator, draft_file)
    assert result.conflicts == () and dump(coordinator, CONTENT_TABLES) == before


def test_resolving_is_checked(conflicted):
    coordinator, changed = conflicted
    [conflict] = exchange.apply(coordinator, changed).conflicts
    with coordinator.session() as session:
        with pytest.raises(ValidationError, match="local"):
            exchange.resolve_conflict(session, conflict.id, keep="both")
        with pytest.raises(NotFoundError):
            exchange.resolve_conflict(session, "6f1c2d3e-4b5a-4978-8796-a5b4c3d2e1f0", keep="local")
        with pytest.raises(NotFoundError):
            exchange.resolve_conflict(session, conflict.id, keep="local",
                                      by="6f1c2d3e-4b5a-4978-8796-a5b4c3d2e1f0")
    with coordinator.session() as session:
        exchange.resolve_conflict(session, conflict.id, keep="local")
    with coordinator.session() as session, pytest.raises(ValidationError, match="already"):
        exchange.resolve_conflict(session, conflict.id, keep="incoming")
