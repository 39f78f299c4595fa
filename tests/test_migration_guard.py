"""A program whose migration scripts are missing or stop short refuses, leaving the file as it was.

cx_Freeze once shipped the migrations as bytecode only: Alembic found no revision, the
upgrade did nothing, and the program died later on "no such table". These tests simulate
such a build by pointing Alembic at an empty folder, or by an upgrade that does nothing.
"""

import sqlite3

import pytest

from ewarong_desktop.db import migrations, open_database
from ewarong_desktop.db.engine import current_revision, make_engine
from ewarong_desktop.errors import DatabaseError, DatabaseTooNewError
from ewarong_desktop.paths import backup_dir_for

FIRST_REVISION = "0001"


def stamp(path, revision):
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()  # the last connection's close folds the WAL back into the file


@pytest.fixture
def old_database(tmp_path):
    """A database at the first schema, opened and closed cleanly by this program."""
    path = tmp_path / "old.sqlite3"
    open_database(path, startup_backup=False).close()
    stamp(path, FIRST_REVISION)
    return path


@pytest.fixture
def scripts_missing(tmp_path, monkeypatch):
    """A bundle that shipped the migrations folder empty."""
    empty = tmp_path / "migrations-missing"
    empty.mkdir()
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", empty)


@pytest.fixture
def program_expects_newer_schema(monkeypatch):
    """This program's models want a later revision than the database holds (0001)."""
    monkeypatch.setattr(migrations, "HEAD_REVISION", "0099")


def test_shipped_head_is_read_from_the_scripts_and_is_the_programs_head():
    assert migrations.shipped_head() == migrations.HEAD_REVISION


def test_missing_scripts_refuse_an_old_database_byte_for_byte_unchanged(
        old_database, scripts_missing, program_expects_newer_schema):
    before = old_database.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(old_database)
    assert not isinstance(caught.value, DatabaseTooNewError)  # not blamed on the file
    assert "upgrade scripts" in str(caught.value) and "reinstall" in str(caught.value)
    assert "pasang ulang program" in caught.value.text("id")
    assert old_database.read_bytes() == before
    assert not (old_database.parent / "old.sqlite3-wal").exists()
    # Refused before anything was done: no pre-migration backup to clutter the folder.
    assert not list(backup_dir_for(old_database).glob("*pre-migration*"))


def test_missing_scripts_refuse_a_new_database_and_leave_no_file(tmp_path, scripts_missing):
    path = tmp_path / "new.sqlite3"
    with pytest.raises(DatabaseError, match="missing or incomplete"):
        open_database(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["migrations-missing"]


def test_scripts_that_stop_short_of_the_head_are_refused(old_database, program_expects_newer_schema):
    # The real scripts end at the shipped head; the program says 0099: a build that lost
    # the newer ones.
    from ewarong_desktop.db.migrations import shipped_head

    before = old_database.read_bytes()
    with pytest.raises(DatabaseError, match=rf"schema 0099 needed, found {shipped_head()}"):
        open_database(old_database)
    assert old_database.read_bytes() == before


def test_an_upgrade_that_silently_does_nothing_is_rolled_back_and_refused(old_database, monkeypatch):
    stamp(old_database, "0000")  # an older schema the scripts claim to upgrade
    monkeypatch.setattr(migrations, "known_revisions", lambda: {"0000", migrations.HEAD_REVISION})

    def half_upgrade(config, revision):  # writes something, then fails to reach the head
        config.attributes["connection"].exec_driver_sql("CREATE TABLE half_built (x INTEGER)")

    monkeypatch.setattr("alembic.command.upgrade", half_upgrade)
    before = old_database.read_bytes()
    with pytest.raises(DatabaseError, match="missing or incomplete"):
        open_database(old_database)
    assert old_database.read_bytes() == before
    with sqlite3.connect(old_database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "half_built" not in tables
    # The backup taken before the attempt holds the database as it was.
    backups = list(backup_dir_for(old_database).glob("*pre-migration*"))
    assert len(backups) == 1
    assert current_revision(make_engine(backups[0])) == "0000"


def test_command_line_says_so_in_one_line(old_database, scripts_missing, program_expects_newer_schema,
                                          capsys):
    from ewarong_desktop.cli import run

    assert run(["list", "advisors", "--db", str(old_database)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "upgrade scripts" in err and "Traceback" not in err


def test_a_file_not_in_wal_mode_keeps_even_its_header(old_database, scripts_missing,
                                                      program_expects_newer_schema):
    # Opening switches a file to WAL, which rewrites bytes 18-19 of its header: the refusal
    # must come before that, for files written by other tools or older programs.
    connection = sqlite3.connect(old_database)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    before = old_database.read_bytes()
    assert before[18:20] == b"\x01\x01"
    with pytest.raises(DatabaseError, match="missing or incomplete"):
        open_database(old_database)
    assert old_database.read_bytes() == before
