"""Opening a database: engine, SQLite pragmas, transactions and start-up migration.

Everything SQLite-specific is kept in this module (and ``db/backup.py``) so the rest of
the program runs unchanged against PostgreSQL later.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DatabaseError, DatabaseTooNewError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _install_sqlite_pragmas(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Hand transaction control to us: pysqlite's implicit BEGIN would be DEFERRED.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            # FULL: a save acknowledged to the user survives a power cut.
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        # Take the write lock up front so two writers queue instead of failing mid-way.
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(url_or_path: str | Path, *, read_only: bool = False) -> Engine:
    """An engine for a SQLite file path or any SQLAlchemy URL."""
    text_url = str(url_or_path)
    if "://" not in text_url:
        path = Path(text_url).resolve()
        if read_only:
            text_url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
        else:
            text_url = f"sqlite:///{path.as_posix()}"
    engine = create_engine(text_url)
    if engine.dialect.name == "sqlite":
        _install_sqlite_pragmas(engine, read_only=read_only)
    return engine


class Database:
    """An open database: hands out sessions, one unit of work each."""

    def __init__(self, engine: Engine, path: Path | None = None, *, read_only: bool = False):
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def check_database_file(path: Path) -> None:
    """Refuse a path that cannot hold a database, before SQLite creates or touches anything."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give the path of a database file")
    if path.exists():
        if path.stat().st_size == 0:
            return
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise DatabaseError(f"cannot read {path}: {exc.strerror}") from exc
        if header != SQLITE_HEADER:
            raise DatabaseError(
                f"{path} is not an e-Warong database (not an SQLite file); choose another file"
            )
        return
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseError(f"folder {folder} does not exist; create it or choose another path")
    if not os.access(folder, os.W_OK):
        raise DatabaseError(f"cannot write in folder {folder}; choose a folder you can write to")


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or None for an empty file."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_database(
    path: str | Path, *, read_only: bool = False, backup_before_migration: bool = True
) -> Database:
    """Open (creating if needed) and upgrade the database at ``path``.

    Refuses files that are not SQLite, folders that cannot be written and databases
    written by a newer version of the program; a backup is taken before any upgrade.
    """
    from .migrations import HEAD_REVISION

    db_path = Path(path)
    check_database_file(db_path)
    engine = make_engine(db_path, read_only=read_only)
    try:
        revision = current_revision(engine)
        if revision != HEAD_REVISION:
            if read_only:
                raise DatabaseError(
                    f"{db_path} needs an upgrade and is open read-only; open it normally once"
                )
            from .migrations import upgrade_to_head

            upgrade_to_head(engine, db_path, revision, backup=backup_before_migration)
    except DatabaseTooNewError:
        engine.dispose()
        raise
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        reason = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        raise DatabaseError(f"cannot open {db_path}: {reason}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, db_path, read_only=read_only)
