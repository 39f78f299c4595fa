"""Two windows on one database: both keep working and no acknowledged save is lost.

The behaviour chosen (see db/engine.py ``Database``): no lock file and no read-only
second window. WAL lets readers carry on while one writer commits, every save is a short
``BEGIN IMMEDIATE`` transaction, and the busy timeout makes the second writer wait its
turn. A window sees the other's saves the next time it reads.
"""

from __future__ import annotations

from ewarong_desktop.instrument import all_cell_codes

from .conftest import integrity, stored_notes
from .writer import cell_of, level_of

CELLS = all_cell_codes()
SAVES = 160


def test_two_processes_saving_at_once_lose_nothing(prepared, start_writer):
    db_path, assessment_id = prepared
    first_cells, second_cells = CELLS[:16], CELLS[16:]
    first = start_writer(db_path, assessment_id, "first", "--saves", str(SAVES),
                         "--cells", ",".join(first_cells))
    second = start_writer(db_path, assessment_id, "second", "--saves", str(SAVES),
                          "--cells", ",".join(second_cells))
    assert first.finish() == 0, first.process.stderr.read()
    assert second.finish() == 0, second.process.stderr.read()
    assert len(first.acks) == len(second.acks) == SAVES  # nobody was turned away as "locked"

    stored = stored_notes(db_path, assessment_id)
    for label, cells in (("first", first_cells), ("second", second_cells)):
        for cell in cells:
            last = max(save for save in range(1, SAVES + 1) if cell_of(save, cells) == cell)
            assert stored[cell] == (level_of(last), f"{label} {last}")
    assert integrity(db_path) == ["ok"]


def test_a_window_sees_the_other_windows_saves_when_it_reads_again(prepared):
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import assessments

    db_path, assessment_id = prepared
    window_a, window_b = open_database(db_path), open_database(db_path)
    try:
        with window_a.session() as session:
            assessments.set_rating(session, assessment_id, "4.1.1", 3, note="dari jendela A")
        with window_b.session() as session:
            assessments.set_rating(session, assessment_id, "4.2.2", 1)
            seen_by_b = assessments.get_detail(session, assessment_id).ratings["4.1.1"]
        with window_a.session() as session:
            seen_by_a = assessments.get_detail(session, assessment_id).ratings["4.2.2"]
    finally:
        window_a.close()
        window_b.close()
    assert (seen_by_b.level, seen_by_b.note) == (3, "dari jendela A")
    assert seen_by_a.level == 1


def test_change_stamp_tells_a_window_that_the_other_one_saved(prepared):
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import assessments

    db_path, assessment_id = prepared
    window_a, window_b = open_database(db_path), open_database(db_path)
    try:
        with window_a.session() as session:  # both windows have read the file
            assessments.get_detail(session, assessment_id)
        seen = window_a.change_stamp()
        with window_a.session() as session:
            assessments.get_detail(session, assessment_id)
        assert window_a.change_stamp() == seen  # reading changes nothing
        with window_b.session() as session:
            assessments.set_rating(session, assessment_id, "4.3.1", 2)
        assert window_a.change_stamp() != seen
    finally:
        window_a.close()
        window_b.close()
