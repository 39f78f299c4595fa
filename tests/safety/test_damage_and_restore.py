"""Damaged files are noticed on open and by `check`, kept byte for byte, and a backup
brings the data back; restoring never loses the file it replaces."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from ewarong_desktop.db import open_database
from ewarong_desktop.errors import DatabaseError
from ewarong_desktop.services import assessments, safety

from .conftest import integrity

PAGE = 4096


def truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def scribble_header(data: bytes) -> bytes:
    return bytes(range(100)) + data[100:]


def zero_a_table_page(data: bytes) -> bytes:
    middle = len(data) // PAGE // 2
    return data[: middle * PAGE] + bytes(PAGE) + data[(middle + 1) * PAGE:]


def zero_the_schema_page(data: bytes) -> bytes:
    return data[:100] + bytes(PAGE - 100) + data[PAGE:]


DAMAGE = [truncate, scribble_header, zero_a_table_page, zero_the_schema_page]


@pytest.fixture
def filled(tmp_path):
    """A closed database with a demo's worth of data, and one manual backup of it."""
    from ewarong_desktop.services.demo import generate_demo

    path = tmp_path / "kantor.sqlite3"
    database = open_database(path)
    with database.session() as session:
        generate_demo(session, seed=7, assessments=60)
    database.close()
    return path


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda d: d.__name__)
def test_damage_is_found_by_check_and_on_open_and_the_bytes_are_kept(filled, damage):
    backup = safety.backup_now(filled)
    damaged = damage(filled.read_bytes())
    filled.write_bytes(damaged)

    found = safety.check_database(filled)
    assert not found.ok and found.damaged
    with pytest.raises(safety.DatabaseDamagedError) as refused:
        open_database(filled)
    assert refused.value.path == filled
    assert refused.value.backup is not None and refused.value.backup.path == backup.path
    assert "restore" in str(refused.value) and "\n" not in str(refused.value)
    # Opening again is the same clear refusal, not a crash loop, and nothing was written.
    with pytest.raises(safety.DatabaseDamagedError):
        open_database(filled)
    assert filled.read_bytes() == damaged
    assert sorted(p.name for p in filled.parent.iterdir()) == [filled.name]


def test_restoring_a_damaged_file_moves_it_aside_with_its_wal_and_brings_data_back(filled):
    with sqlite3.connect(filled) as connection:
        wanted = connection.execute("SELECT count(*) FROM rating").fetchone()[0]
    backup = safety.backup_now(filled)
    damaged = zero_a_table_page(filled.read_bytes())
    filled.write_bytes(damaged)
    wal = filled.with_name(filled.name + "-wal")
    wal.write_bytes(b"sisa wal yang rusak")
    with pytest.raises(safety.DatabaseDamagedError) as refused:
        open_database(filled)

    result = safety.restore(filled, refused.value.backup.path)

    assert result.restored_from == backup.path and result.safety_backup is None
    moved = {p.name: p for p in result.moved_aside}  # the file, its -wal (and a -shm)
    kept_db = next(p for name, p in moved.items() if name.endswith(".sqlite3"))
    assert Path(f"{kept_db}-wal") in result.moved_aside
    assert kept_db.read_bytes() == damaged  # still on disk for inspection, unchanged
    assert Path(f"{kept_db}-wal").read_bytes() == b"sisa wal yang rusak"  # paired for SQLite
    assert ".damaged-" in kept_db.name
    database = open_database(filled)  # the next start works
    with database.session() as session:
        assert sum(a.answered for a in assessments.list_assessments(session)) == wanted
    database.close()


def test_restoring_over_a_sound_file_keeps_a_copy_of_it_first(database, draft, db_path):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 1, note="versi lama")
    older = safety.backup_now(db_path)
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 4, note="versi baru")

    result = safety.restore(db_path, older.path)

    assert result.moved_aside == ()
    assert result.safety_backup is not None and result.safety_backup.reason == "pre-restore"
    # The window that stayed open reads the restored data, not a file swapped away under it.
    with database.session() as session:
        rating = assessments.get_detail(session, draft).ratings["4.1.1"]
        assessments.set_rating(session, draft, "4.2.1", 2)
    assert (rating.level, rating.note) == (1, "versi lama")
    with sqlite3.connect(result.safety_backup.path) as connection:
        assert connection.execute("SELECT level, note FROM rating").fetchall() == [(4, "versi baru")]
    assert integrity(db_path) == ["ok"]


def test_a_bad_backup_is_refused_and_nothing_changes(database, draft, db_path, tmp_path):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 3)
    before = safety.check_database(db_path).summary
    broken = tmp_path / "rusak.sqlite3"
    broken.write_bytes(truncate(db_path.read_bytes()))
    with pytest.raises(DatabaseError, match="cannot be restored.*nothing was changed"):
        safety.restore(db_path, broken)
    with pytest.raises(DatabaseError, match="does not exist"):
        safety.restore(db_path, tmp_path / "tidak-ada.sqlite3")
    with pytest.raises(DatabaseError, match="the database itself"):
        safety.restore(db_path, db_path)
    assert safety.check_database(db_path).summary == before
    assert safety.list_backups(db_path) == []  # not even a pre-restore copy was needed


def test_restore_to_a_missing_file_and_from_a_backup_of_an_older_program(filled, tmp_path):
    backup = safety.backup_now(filled)
    fresh = tmp_path / "laptop-baru" / "ewarong.sqlite3"
    fresh.parent.mkdir()
    result = safety.restore(fresh, backup.path)
    assert result.moved_aside == () and result.safety_backup is None
    assert safety.check_database(fresh).ok


def test_newest_good_backup_skips_damaged_backups(filled):
    good = safety.backup_now(filled)
    newer = safety.backup_now(filled)
    newer.path.write_bytes(truncate(newer.path.read_bytes()))
    assert safety.newest_good_backup(filled) == good
    assert [b.path for b in safety.list_backups(filled)] == [newer.path, good.path]


def test_a_damaged_database_gives_no_backup_and_keeps_the_good_ones(filled):
    good = safety.backup_now(filled)
    filled.write_bytes(zero_a_table_page(filled.read_bytes()))
    with pytest.raises(safety.DatabaseDamagedError):
        safety.backup_now(filled)
    assert safety.list_backups(filled) == [good]
    assert not [p for p in good.path.parent.iterdir() if p.name.endswith(".partial")]


def test_damage_noticed_while_working_is_a_clear_error(database, draft, db_path, monkeypatch):
    import sqlalchemy.exc

    def malformed(*_args, **_kwargs):
        raise sqlalchemy.exc.DatabaseError("SELECT", {}, sqlite3.DatabaseError(
            "database disk image is malformed"))

    monkeypatch.setattr(assessments, "get_detail", malformed)
    with pytest.raises(safety.DatabaseDamagedError, match="damage"), database.session() as s:
        assessments.get_detail(s, draft)


def test_move_aside_never_overwrites(tmp_path):
    path = tmp_path / "a.sqlite3"
    names = set()
    for round_ in range(3):
        path.write_bytes(f"isi {round_}".encode())
        names.update(p.name for p in safety.move_aside(path))
    assert len(names) == 3 and not path.exists()
    assert sorted(p.read_bytes() for p in tmp_path.iterdir()) == [b"isi 0", b"isi 1", b"isi 2"]


def test_quick_check_runs_again_when_the_file_changed_outside_the_program(filled):
    from ewarong_desktop.db import health

    open_database(filled).close()  # a clean close records how the file looked
    assert not health.needs_full_check(filled)
    with open(filled, "r+b") as handle:  # someone (a sync client, a hand) writes into it
        handle.seek(os.path.getsize(filled) // 2)
        handle.write(b"\0" * PAGE)
    assert health.needs_full_check(filled)
    with pytest.raises(safety.DatabaseDamagedError):
        open_database(filled)
