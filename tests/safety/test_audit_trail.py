"""The audit trail of a finalised assessment: reopen with its reason, every later change with
old and new value, re-finalise; each with time and advisor, in the order it happened."""

from __future__ import annotations

from datetime import UTC, datetime

from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import assessments


def finalised(database, draft) -> None:
    with database.session() as session:
        for code in all_cell_codes():
            assessments.set_rating(session, draft, code, 2, note="awal" if code == "4.1.1" else "")
        assessments.finalise(session, draft)


def test_every_change_after_finalising_is_recorded_with_advisor_and_values(database, draft):
    with database.session() as session:  # changes to a draft never finalised: no trail
        assessments.set_rating(session, draft, "4.1.1", 1)
        assert assessments.audit_trail(session, draft) == []
    finalised(database, draft)
    with database.session() as session:
        assessments.reopen(session, draft, "Data bulan Maret salah")
        assessments.set_rating(session, draft, "4.1.1", 4, note="sudah diperbaiki")
        assessments.set_rating(session, draft, "4.3.6", not_applicable=True)
        assessments.set_rating(session, draft, "4.3.6", not_applicable=True)  # no change: no entry
        assessments.finalise(session, draft)
        trail = assessments.audit_trail(session, draft)

    assert [(e.action, e.cell_code, e.old_value, e.new_value) for e in trail] == [
        ("finalise", None, None, None),
        ("reopen", None, None, None),
        ("rating", "4.1.1", "2", "4"),
        ("note", "4.1.1", "awal", "sudah diperbaiki"),
        ("rating", "4.3.6", "2", "N/A"),
        ("refinalise", None, None, None),
    ]
    assert trail[1].reason == "Data bulan Maret salah"
    assert {e.advisor_name for e in trail} == {"Euis Rahmawati"}  # who, even if not passed in
    times = [e.at for e in trail]
    assert times == sorted(times) and all(t.tzinfo is not None or t.year > 2000 for t in times)


def test_trail_keeps_its_order_when_the_clock_does_not_move(database, draft, monkeypatch):
    # Windows clocks tick in steps of about 15 ms: several entries can share one reading.
    frozen = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)
    monkeypatch.setattr(assessments, "utcnow", lambda: frozen)
    finalised(database, draft)
    for round_ in range(3):
        with database.session() as session:
            assessments.reopen(session, draft, f"koreksi {round_}")
            assessments.set_rating(session, draft, "4.2.2", round_ % 2 + 3)
            assessments.finalise(session, draft)
    with database.session() as session:
        actions = [e.action for e in assessments.audit_trail(session, draft)]
    assert actions == ["finalise"] + ["reopen", "rating", "refinalise"] * 3
