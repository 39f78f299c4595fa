"""Opening, migrating and refusing database files."""

import sqlite3

import pytest

from ewarong_desktop.db import open_database
from ewarong_desktop.db.migrations import HEAD_REVISION, known_revisions
from ewarong_desktop.errors import DatabaseError, DatabaseTooNewError
from ewarong_desktop.paths import backup_dir_for


def test_head_revision_constant_matches_alembic():
    from alembic.script import ScriptDirectory

    from ewarong_desktop.db.migrations import alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION
    assert HEAD_REVISION in known_revisions()


def test_migration_from_an_empty_file_creates_the_schema(db_path):
    db_path.touch()
    database = open_database(db_path)
    database.close()
    with sqlite3.connect(db_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        journal = connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert {"advisor", "warong", "assessment", "rating", "target_level", "audit_entry"} <= tables
    assert version == HEAD_REVISION and journal == "wal"


def test_pragmas_are_set_on_every_connection(database):
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_database_from_a_newer_version_is_refused_untouched(db_path):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_old_schema_is_backed_up_before_migration(db_path, monkeypatch):
    import ewarong_desktop.db.engine as engine_module

    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:  # pretend an older program wrote it
        connection.execute("UPDATE alembic_version SET version_num = '0000'")
    monkeypatch.setattr("ewarong_desktop.db.migrations.known_revisions", lambda: {"0000", HEAD_REVISION})
    calls = []

    def upgrade(config, rev):  # stands in for a migration 0000 -> head
        calls.append(rev)
        config.attributes["connection"].exec_driver_sql(
            f"UPDATE alembic_version SET version_num = '{HEAD_REVISION}'")

    monkeypatch.setattr("alembic.command.upgrade", upgrade)
    engine_module.open_database(db_path).close()
    assert calls == ["head"]
    backups = list(backup_dir_for(db_path).glob("*pre-migration*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0000"


def test_non_sqlite_file_is_refused_and_kept(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("this is not a database")
    with pytest.raises(DatabaseError, match="not an e-Warong database"):
        open_database(path)
    assert path.read_text() == "this is not a database"


def test_unwritable_location_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(tmp_path / "missing" / "db.sqlite3")
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def test_reading_takes_no_write_lock_but_a_session_does(database, db_path):
    from sqlalchemy import text

    other = sqlite3.connect(db_path, timeout=0.05, isolation_level=None)
    with database.reading() as session:
        session.execute(text("SELECT count(*) FROM advisor")).scalar()
        other.execute("BEGIN IMMEDIATE")  # an autosave elsewhere is not held up by a report
        other.execute("COMMIT")
    with database.session() as session:
        session.execute(text("SELECT count(*) FROM advisor")).scalar()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.close()


def test_reading_never_writes(database):
    from ewarong_desktop.services import advisors

    with database.reading() as session:
        advisors.create_advisor(session, "Tidak tersimpan", "PKH")
    with database.reading() as session:
        assert advisors.list_advisors(session) == []
