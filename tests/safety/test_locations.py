"""Awkward places: a read-only medium or folder, a folder that cannot be written, a full disk.
Each gives one clear sentence saying what to do, and read-only use where that is possible."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import event

from ewarong_desktop.db import open_database
from ewarong_desktop.errors import DatabaseError
from ewarong_desktop.services import assessments, safety


def test_database_on_a_read_only_medium_opens_read_only(prepared, read_only_place):
    db_path, assessment_id = prepared
    database = open_database(db_path)
    with database.session() as session:
        assessments.set_rating(session, assessment_id, "4.4.4", 2, note="dibawa dengan flashdisk")
    database.close()
    on_medium = read_only_place.folder / "advisor.sqlite3"
    shutil.copy(db_path, on_medium)  # a closed database: WAL mode in its header, no -wal
    read_only_place.freeze()

    with pytest.raises(safety.DatabaseReadOnlyError, match="open it read-only") as refused:
        open_database(on_medium)
    assert refused.value.path == on_medium

    viewer = open_database(on_medium, read_only=True)
    with viewer.session() as session:
        rating = assessments.get_detail(session, assessment_id).ratings["4.4.4"]
    viewer.close()
    assert (rating.level, rating.note) == (2, "dibawa dengan flashdisk")
    assert safety.check_database(on_medium).ok
    assert safety.backup_now(on_medium).path.exists()  # backing up from the medium works
    assert sorted(p.name for p in on_medium.parent.iterdir()) == ["advisor.sqlite3"]


def test_new_database_in_a_folder_that_cannot_be_written(read_only_place):
    read_only_place.freeze()
    with pytest.raises(DatabaseError, match="cannot write in folder .*choose a folder"):
        open_database(read_only_place.folder / "baru.sqlite3")


def test_writes_refused_by_sqlite_become_the_read_only_error(database, draft, db_path):
    # Where the system says yes to "may I write?" but SQLite still cannot (Windows ACLs,
    # a medium made read-only while open), the failure is translated the same way.
    @event.listens_for(database.engine, "connect")
    def _query_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")

    database.engine.dispose()
    with pytest.raises(safety.DatabaseReadOnlyError), database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 1)


def test_full_disk_while_saving_keeps_what_was_saved(database, draft, db_path):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 3, note="tersimpan sebelum penuh")

    # SQLite's own "database or disk is full", as on a full disk: cap the file's size.
    @event.listens_for(database.engine, "connect")
    def _cap(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    database.engine.dispose()
    with pytest.raises(safety.DiskFullError, match="disk .* is full.*free some space"):
        for round_ in range(200):
            with database.session() as session:
                assessments.set_rating(session, draft, "4.1.2", round_ % 5, note="x" * 9000)
    event.remove(database.engine, "connect", _cap)
    database.engine.dispose()  # space freed
    with database.session() as session:
        detail = assessments.get_detail(session, draft)
        assessments.set_rating(session, draft, "4.1.3", 1)
    assert detail.ratings["4.1.1"].note == "tersimpan sebelum penuh"
    assert safety.check_database(db_path).ok


def test_full_disk_on_a_small_real_filesystem(tmpfs):
    small = tmpfs("450k")  # an empty database of schema 0002 takes about 280 kB
    path = small / "kecil.sqlite3"
    database = open_database(path)
    try:
        from ewarong_desktop.services import advisors

        with pytest.raises(safety.DiskFullError):
            for number in range(2000):
                with database.session() as session:
                    advisors.create_advisor(session, f"Pendamping {number} " + "x" * 150, "TKSK")
    finally:
        database.close()
    found = safety.check_database(path)
    assert found.ok, found.summary


@pytest.mark.parametrize("with_shm", [True, False], ids=["wal-and-shm", "wal-only"])
def test_copy_with_unsaved_wal_on_a_read_only_medium(prepared, read_only_place, with_shm):
    db_path, assessment_id = prepared
    writer = open_database(db_path)  # still open: the newest save lives only in the -wal
    with writer.session() as session:
        assessments.set_rating(session, assessment_id, "4.2.2", 4, note="hanya di wal")
    suffixes = ["", "-wal", "-shm"] if with_shm else ["", "-wal"]
    for suffix in suffixes:
        shutil.copy(f"{db_path}{suffix}", read_only_place.folder / f"advisor.sqlite3{suffix}")
    writer.close()
    read_only_place.freeze()
    on_medium = read_only_place.folder / "advisor.sqlite3"

    if not with_shm:  # SQLite cannot read that -wal here: say so rather than show old data
        with pytest.raises(safety.DatabaseReadOnlyError, match="copy the database together"):
            open_database(on_medium, read_only=True)
        return
    viewer = open_database(on_medium, read_only=True)
    with viewer.session() as session:
        rating = assessments.get_detail(session, assessment_id).ratings["4.2.2"]
    viewer.close()
    assert rating.note == "hanya di wal"
