"""Backups through SQLite's backup API: while others write, on start-up, on demand; rotation."""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ewarong_desktop.db import open_database
from ewarong_desktop.db.backup import BackupInfo, backups_to_remove, list_backups
from ewarong_desktop.errors import DatabaseError
from ewarong_desktop.paths import backup_dir_for, data_dir
from ewarong_desktop.services import safety

from .conftest import integrity


def rounds_in(db_path: Path) -> dict[str, int]:
    """note -> how many of the 32 cells carry it."""
    with sqlite3.connect(db_path) as connection:
        return dict(connection.execute("SELECT note, count(*) FROM rating GROUP BY note"))


def test_backup_taken_while_another_process_writes_restores_consistent(prepared, start_writer,
                                                                       tmp_path):
    db_path, assessment_id = prepared
    writer = start_writer(db_path, assessment_id, "round", "--rounds")
    assert writer.first_ack.wait(60), writer.process.stderr.read()
    backups = []
    for _ in range(4):
        backups.append(safety.backup_now(db_path))
        time.sleep(0.05)
    writer.kill()
    assert len(writer.acks) > 1
    for number, backup in enumerate(backups):
        restored = tmp_path / f"restored{number}.sqlite3"
        safety.restore(restored, backup.path)
        assert integrity(restored) == ["ok"]
        assert safety.check_database(restored).ok
        # Each save wrote all 32 cells in one transaction: a snapshot holds whole saves only.
        assert set(rounds_in(restored).values()) == {32}
    assert not list(backup_dir_for(db_path).glob("*.partial"))


def test_backup_is_a_standalone_copy_with_the_data(database, draft, db_path):
    from ewarong_desktop.services import assessments

    with database.session() as session:
        assessments.set_rating(session, draft, "4.3.3", 4, note="catatan sebelum cadangan")
    backup = safety.backup_now(db_path)  # the database stays open, as in the window
    assert backup.reason == "manual" and backup.path.parent == backup_dir_for(db_path)
    assert not Path(f"{backup.path}-wal").exists()
    with sqlite3.connect(backup.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT note FROM rating").fetchall() == [
            ("catatan sebelum cadangan",)]


def test_backup_folders_are_per_database_file(tmp_path):
    first, second = tmp_path / "a" / "ewarong.sqlite3", tmp_path / "b" / "ewarong.sqlite3"
    assert backup_dir_for(first) != backup_dir_for(second)
    assert backup_dir_for(first) == backup_dir_for(tmp_path / "a" / ".." / "a" / "ewarong.sqlite3")
    assert backup_dir_for(first).name.startswith("ewarong-")
    assert backup_dir_for(first).parent == data_dir() / "backups"


def _fake(day: datetime, number: int) -> BackupInfo:
    return BackupInfo(Path(f"b-{day:%Y%m%d}-{number}.sqlite3"), day, "daily", 1)


def test_rotation_keeps_last_ten_and_one_a_day_for_thirty_days():
    now = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
    backups = [_fake(now - timedelta(days=days, hours=hour), hour)
               for days in range(60) for hour in (0, 3, 6)]  # three a day for sixty days
    removed = {b.path for b in backups_to_remove(backups, now)}
    kept = [b for b in backups if b.path not in removed]
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    assert set(newest_first[:10]) <= set(kept)  # the last ten, whatever their day
    days_kept = {b.taken_at.astimezone().date() for b in kept}
    thirty_days = {(now - timedelta(days=d)).astimezone().date() for d in range(30)}
    assert thirty_days <= days_kept
    assert all(b.taken_at > now - timedelta(days=31) for b in kept)  # nothing older survives
    for day in thirty_days:  # the one kept for a day is that day's newest
        of_day = [b for b in backups if b.taken_at.astimezone().date() == day]
        assert max(of_day, key=lambda b: b.taken_at) in kept
    assert len(kept) < 10 + 30


def test_rotation_removes_files_and_stale_unfinished_copies(database, db_path):
    folder = backup_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    old = datetime.now(UTC) - timedelta(days=45)
    for number in range(12):
        stamp = (old + timedelta(minutes=number)).strftime("%Y%m%dT%H%M%S%fZ")
        (folder / f"test-{stamp}-daily.sqlite3").write_bytes(b"x")
    stale = folder / "test-20200101T000000000000Z-daily.sqlite3.partial"
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 3 * 86400,) * 2)
    fresh = folder / "test-20990101T000000000000Z-manual.sqlite3.partial"  # a backup in progress
    fresh.write_bytes(b"x")
    safety.backup_now(db_path)
    remaining = list_backups(db_path)
    assert len(remaining) == 10  # the new one plus the nine newest old ones
    assert remaining[0].reason == "manual"
    assert not stale.exists() and fresh.exists()


def test_start_up_backup_once_a_day_in_the_background(db_path):
    open_database(db_path).close()  # a new file: nothing to back up yet
    assert list_backups(db_path) == []
    database = open_database(db_path)
    database.wait_for_backup()
    database.close()
    backups = list_backups(db_path)
    assert [b.reason for b in backups] == ["daily"]
    open_database(db_path).close()  # the same day: no second one
    assert len(list_backups(db_path)) == 1
    day_old = backups[0].taken_at - timedelta(days=1, minutes=1)
    backups[0].path.rename(backups[0].path.with_name(
        f"test-{day_old.strftime('%Y%m%dT%H%M%S%fZ')}-daily.sqlite3"))
    open_database(db_path).close()  # close() waits for the backup to finish
    assert len(list_backups(db_path)) == 2


def test_backup_to_a_chosen_file_never_overwrites(database, db_path, tmp_path):
    (tmp_path / "usb").mkdir()
    target = safety.backup_to(db_path, tmp_path / "usb" / "salinan.sqlite3")
    assert safety.check_database(target).ok
    with pytest.raises(DatabaseError, match="already exists"):
        safety.backup_to(db_path, target)


def test_backup_on_a_full_disk_leaves_nothing_half_written(database, db_path, monkeypatch, tmp_path):
    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("ewarong_desktop.db.backup.os.fsync", full)
    with pytest.raises(safety.DiskFullError, match="full.*free some space"):
        safety.backup_now(db_path)
    assert list(backup_dir_for(db_path).iterdir()) == []


def test_backup_onto_a_really_full_small_disk(db_path, tmpfs):
    from ewarong_desktop.services.demo import generate_demo

    database = open_database(db_path)
    with database.session() as session:
        generate_demo(session, seed=3, assessments=300)
    database.close()
    small = tmpfs("256k")
    with pytest.raises(safety.DiskFullError):
        safety.backup_to(db_path, small / "salinan.sqlite3")
    assert list(small.iterdir()) == []


def test_unwritable_backup_folder_is_a_clear_error_and_opening_still_works(db_path, monkeypatch,
                                                                          tmp_path):
    open_database(db_path).close()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    with pytest.raises(DatabaseError, match="cannot write the backup in"):
        safety.backup_now(db_path)
    database = open_database(db_path)  # the start-up backup fails: the program still opens
    database.wait_for_backup()
    problem = database.backup_problem
    database.close()
    assert problem and "cannot write the backup" in problem
