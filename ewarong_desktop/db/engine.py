"""Opening a database: engine, SQLite pragmas, transactions and start-up migration.

Everything SQLite-specific is kept in this module (and ``db/backup.py``, ``db/health.py``);
everything PostgreSQL-specific in ``db/server.py``. The rest of the program runs unchanged
on either.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DatabaseError, UserError
from . import health, server
from .backup import database_error
from .health import DatabaseDamagedError, DatabaseReadOnlyError
from .migrations import current_revision

log = logging.getLogger(__name__)

SQLITE_HEADER = health.SQLITE_HEADER
BUSY_TIMEOUT_MS = 5000
READ_ONLY_OPTION = "ewarong_read_only"


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
        # Take the write lock up front so two writers queue instead of failing mid-way;
        # reads (Database.reading) begin deferred so a long report never blocks an autosave.
        deferred = read_only or connection.get_execution_options().get(READ_ONLY_OPTION, False)
        connection.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")


def make_engine(url_or_path: str | Path, *, read_only: bool = False) -> Engine:
    """An engine for a SQLite file path, a PostgreSQL server URL or any SQLAlchemy URL."""
    if server.is_server_url(url_or_path):
        return server.make_server_engine(str(url_or_path))
    text_url = str(url_or_path)
    if "://" not in text_url:
        path = Path(text_url).resolve()
        if read_only:
            text_url = f"sqlite:///file:{path.as_posix()}?{health.read_only_mode(path)}&uri=true"
        else:
            text_url = f"sqlite:///{path.as_posix()}"
    engine = create_engine(text_url)
    if engine.dialect.name == "sqlite":
        _install_sqlite_pragmas(engine, read_only=read_only)
    return engine


class Database:
    """An open database: hands out sessions, one unit of work each.

    Two windows (or a window and a command) may have the same file open at once: each
    save is its own short transaction begun with ``BEGIN IMMEDIATE``, WAL lets readers
    go on while one writer commits, and the busy timeout makes a second writer wait for
    the first instead of failing. Every acknowledged save of both is kept; a window
    shows the other's changes when it next reads (tests/safety/test_two_instances.py).
    """

    def __init__(self, engine: Engine, path: Path | None = None, *, read_only: bool = False,
                 url: str | None = None):
        self.engine = engine
        self.path = path
        #: The server's address (``postgresql+psycopg://...``) when on a server, else None.
        self.url = url
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        reader_options: dict[str, object] = {READ_ONLY_OPTION: True}
        if url is not None:
            # A read-only transaction: the server refuses a write made here by mistake.
            reader_options["postgresql_readonly"] = True
        self._readers = sessionmaker(engine.execution_options(**reader_options),
                                     expire_on_commit=False)
        self._listener: server.ChangeListener | None = None
        self._backup_thread: threading.Thread | None = None
        #: Why the start-up backup failed (shown as a warning), or None.
        self.backup_problem: str | None = None
        self._commit_listeners: list[Callable[[], None]] = []
        self._listening = False

    @contextmanager
    def session(self, *, exclusive: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on error.

        A full disk, a read-only file, a lock held too long or damage found while working
        become the matching ``DatabaseError``; nothing of the failed unit is saved.
        ``exclusive``: one such unit at a time (an import, which plans from what it reads
        and then writes): on SQLite every write is already alone (``BEGIN IMMEDIATE``); on
        a server a transaction-scoped advisory lock makes a second one wait.
        """
        with self._database_errors(), self._sessions() as session, session.begin():
            if exclusive and self.url is not None:
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                {"key": server.EXCLUSIVE_LOCK})
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading only (lists, profiles, summaries, reports, exports).

        Its transaction begins deferred and takes no write lock, so a long summary over
        thousands of assessments never makes an autosave wait; closing the session at the
        end of the block rolls back anything written by mistake.
        """
        with self._database_errors(), self._readers() as session:
            yield session

    @property
    def is_server(self) -> bool:
        """True on a shared PostgreSQL server, where file-only features do not apply."""
        return self.url is not None

    @property
    def location(self) -> str:
        """The file path, or the server address without its password: as shown to people."""
        if self.url is not None:
            return server.describe(self.url)
        return str(self.path)

    @contextmanager
    def _database_errors(self) -> Iterator[None]:
        """SQLite's or the server's errors while working, as the ``DatabaseError`` a person
        can act on; on a server every driver error is translated (never psycopg's text)."""
        try:
            yield
        except Exception as exc:
            if self.url is not None and server.is_driver_error(exc):
                raise server.server_error(exc, self.url) from exc
            if not isinstance(exc, OperationalError | SADatabaseError):
                raise
            translated = _translate(exc, self.path)
            if translated is None:
                raise
            raise translated from exc

    def change_stamp(self) -> tuple[int, ...]:
        """A value that changes whenever anyone commits to the file, this window or another.

        Cheap (two ``stat`` calls): the window can poll it every few seconds and reread
        what it shows when the stamp moved without a save of its own. On a server it counts
        the change notices of other users (``subscribe`` says which tables changed).
        """
        if self.url is not None:
            return (self._change_listener().count,)
        if self.path is None:
            return ()
        stamp: list[int] = []
        for file in (self.path, health.side_file(self.path, "-wal")):
            try:
                stat = file.stat()
                stamp += [stat.st_size, stat.st_mtime_ns]
            except OSError:
                stamp += [-1, -1]
        return tuple(stamp)

    def add_commit_listener(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` whenever a transaction of this ``Database`` that changed rows
        commits (in the committing thread, just before SQLite commits); returns a function
        that stops the calls. Transactions that only read do not call it.
        """
        self._commit_listeners.append(callback)
        if not self._listening:
            # The engine holds the listener; a weak reference back keeps the engine from
            # holding this Database in a cycle, so it is freed when the program drops it
            # (not later by the garbage collector, in whatever thread runs it then).
            database = weakref.ref(self)

            def on_commit(connection: Any) -> None:
                found = database()
                if found is not None:
                    found._on_commit(connection)

            event.listen(self.engine, "begin", _note_changes_at_begin)
            event.listen(self.engine, "commit", on_commit)
            self._listening = True

        def remove() -> None:
            if callback in self._commit_listeners:
                self._commit_listeners.remove(callback)
        return remove

    def _on_commit(self, connection: Any) -> None:
        before = connection.info.pop(_CHANGES_AT_BEGIN, None)
        if before is None or before == _total_changes(connection):
            return  # a transaction that only read
        for callback in list(self._commit_listeners):
            callback()

    def subscribe(self, callback: Callable[[frozenset[str]], None]) -> Callable[[], None]:
        """Hear of other users' commits on a server: ``callback(tables)`` runs in a
        background thread with the names of the tables changed ("*": reread everything).

        On a SQLite file nothing is heard this way (poll ``change_stamp`` instead);
        returns the function that ends the subscription.
        """
        if self.url is None:
            return lambda: None
        return self._change_listener().subscribe(callback)

    def _change_listener(self) -> server.ChangeListener:
        # Started on first use: commands that never watch for changes open no extra connection.
        if self._listener is None:
            assert self.url is not None
            self._listener = server.ChangeListener(self.url, server.own_backends(self.engine))
            self._listener.wait_until_listening(timeout=2.0)  # never hold a window up long
        return self._listener

    def start_backup(self, reason: str = "daily") -> None:
        """Back the file up in a background thread, so the window opens without waiting.

        Not on a server: its backups are the server's (``pg_dump``, ``backup --db URL``).
        """
        if self.path is None or self._backup_thread is not None:
            return
        self._backup_thread = threading.Thread(
            target=self._backup, args=(self.path, reason), name="ewarong-backup", daemon=True)
        self._backup_thread.start()

    def _backup(self, path: Path, reason: str) -> None:
        from .backup import take_backup

        try:
            take_backup(path, reason)
        except (UserError, OSError, sqlite3.Error) as exc:
            log.warning("start-up backup of %s failed: %s", path, exc)
            self.backup_problem = str(exc)

    def wait_for_backup(self) -> None:
        """Block until a backup started with ``start_backup`` has finished."""
        if self._backup_thread is not None:
            self._backup_thread.join()

    def close(self) -> None:
        self.wait_for_backup()  # never leave a half-written backup behind on a normal exit
        if self._listener is not None:
            self._listener.stop()
        self.engine.dispose()
        if self.path is not None and not self.read_only:
            health.remember_clean_close(self.path)


_CHANGES_AT_BEGIN = "ewarong_changes_at_begin"


def _total_changes(connection: Any) -> int | None:
    raw = getattr(connection.connection, "dbapi_connection", None)
    return getattr(raw, "total_changes", None)


def _note_changes_at_begin(connection: Any) -> None:
    connection.info[_CHANGES_AT_BEGIN] = _total_changes(connection)


def _translate(exc: BaseException, path: Path | None) -> DatabaseError | None:
    from sqlalchemy.exc import DataError, IntegrityError, InterfaceError, ProgrammingError

    programming = IntegrityError | ProgrammingError | InterfaceError | DataError
    if path is None or isinstance(exc, programming):
        return None  # the program's own mistakes: keep them visible as they are
    return database_error(exc, path)


def check_database_file(path: Path, *, read_only: bool = False) -> bool:
    """Refuse a path that cannot hold a database, before SQLite creates or touches anything.

    Returns True when the file already holds data. A file whose header or length is
    wrong raises ``DatabaseDamagedError``; a file or folder that cannot be written (when
    not opening read-only) raises ``DatabaseReadOnlyError`` so the caller can offer
    read-only use.
    """
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give the path of a database file",
                            id=f"{path} adalah folder; pilih berkas basis data")
    if path.exists() and not path.is_file():
        # A device (/dev/full), a pipe or a socket: SQLite would write a -journal beside it.
        raise DatabaseError(f"{path} is not a regular file (a device, pipe or socket); give the "
                            "path of a database file",
                            id=f"{path} bukan berkas biasa (perangkat, pipa atau soket); pilih "
                               "berkas basis data")
    if path.exists():
        try:
            if path.stat().st_size == 0:
                has_data = False
            else:
                problem = health.header_problem(path)
                if problem is not None:
                    from .backup import newest_good_backup

                    raise DatabaseDamagedError(path, problem.en, newest_good_backup(path),
                                               id=problem.id, damage=health.header_damage(problem))
                has_data = True
        except OSError as exc:
            raise DatabaseError(f"cannot read {path}: {exc.strerror}",
                                id=f"{path} tidak dapat dibaca: {exc.strerror}") from exc
        # WAL writes -wal/-shm beside the file, so the folder must be writable too.
        if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise DatabaseReadOnlyError(path)
        return has_data
    if read_only:
        raise health.missing_database(path)
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseError(f"folder {folder} does not exist; create it or choose another path",
                            id=f"folder {folder} tidak ada; buat folder itu atau pilih lokasi lain")
    if not os.access(folder, os.W_OK):
        raise DatabaseError(f"cannot write in folder {folder}; choose a folder you can write to",
                            id=f"folder {folder} tidak dapat ditulisi; pilih folder yang dapat "
                               "Anda tulisi")
    return False


def peek_revision(path: Path, has_data: bool) -> str | None:
    """The file's schema revision, read without changing anything in it (no pragmas)."""
    if not has_data:
        return None
    connection = sqlite3.connect(path)
    try:
        found = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone()
        if found is None:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None  # the open below reports what is wrong with the file
    finally:
        connection.close()


def open_database(
    path: str | Path, *, read_only: bool = False, backup_before_migration: bool = True,
    startup_backup: bool = True,
) -> Database:
    """Open (creating if needed), check and upgrade the database at ``path``.

    Refuses files that are not SQLite, damaged files (``DatabaseDamagedError``, naming
    the newest good backup; the file is left untouched), locations that cannot be
    written (``DatabaseReadOnlyError``: open with ``read_only=True`` instead) and
    databases written by a newer version of the program; a backup is taken before any
    upgrade, and in the background when the newest backup is more than a day old.

    ``path`` may also be a server URL (``postgresql+psycopg://user@host:port/db``): see
    ``open_server``.
    """
    from .migrations import HEAD_REVISION

    if server.is_server_url(path):
        return open_server(str(path), read_only=read_only)
    db_path = Path(path)
    has_data = check_database_file(db_path, read_only=read_only)
    # SQLite's full check reads every page; see health.py for when it runs and why.
    if has_data and health.needs_full_check(db_path):
        found = health.check_database(db_path)
        if found.damaged:
            from .backup import newest_good_backup

            raise DatabaseDamagedError(db_path, found.summary, newest_good_backup(db_path),
                                       id=found.summary_id, damage=found.kind)
        if found.kind == "unreadable":
            raise DatabaseError(found.summary, id=found.summary_id)
        if not read_only:
            health.remember_check(db_path)
    if not read_only and peek_revision(db_path, has_data) != HEAD_REVISION:
        # An upgrade is due: make sure this installation can do it before the file is
        # touched at all (connecting switches it to WAL, which rewrites its header).
        from .migrations import require_shipped_head

        require_shipped_head(db_path)
    # A refusal below leaves no file where there was none, and an empty file empty.
    created, was_empty = not db_path.exists(), db_path.exists() and not has_data
    engine = make_engine(db_path, read_only=read_only)
    try:
        revision = current_revision(engine)
        if revision != HEAD_REVISION:
            if read_only:
                raise DatabaseError(
                    f"{db_path} needs an upgrade and is open read-only; open it normally once",
                    id=f"{db_path} perlu diperbarui, tetapi dibuka hanya-baca; buka sekali "
                       "secara biasa (tidak hanya-baca)")
            from .migrations import upgrade_to_head

            upgrade_to_head(engine, db_path, revision, backup=backup_before_migration)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        translated = database_error(exc, db_path)
        if translated is not None:
            raise translated from exc
        reason = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        raise DatabaseError(f"cannot open {db_path}: {reason}",
                            id=f"{db_path} tidak dapat dibuka: {reason}") from exc
    except BaseException:
        engine.dispose()
        if created or was_empty:
            for leftover in (health.side_file(db_path, "-wal"), health.side_file(db_path, "-shm")):
                leftover.unlink(missing_ok=True)
            if created:
                db_path.unlink(missing_ok=True)
            else:
                db_path.write_bytes(b"")
        raise
    database = Database(engine, db_path, read_only=read_only)
    if startup_backup and has_data and not read_only:
        from .backup import backup_due

        if backup_due(db_path):
            database.start_backup("daily")
    return database


def open_server(url: str, *, read_only: bool = False, password: str | None = None) -> Database:
    """Connect to a PostgreSQL server database, creating or upgrading its schema if needed.

    The file-only safety features do not apply here and are skipped: no start-up or
    pre-upgrade backup (the server is backed up with ``pg_dump``), no damage check, no
    ``-wal`` change stamp (change notices come through ``LISTEN``). ``password`` (from a
    prompt or the keyring) is used when the URL carries none; otherwise libpq's own
    sources apply (``PGPASSWORD``, ``~/.pgpass``).
    """
    from .migrations import HEAD_REVISION

    try:
        import psycopg  # noqa: F401 - only to say clearly that the driver is missing
    except ImportError as exc:
        raise server.driver_missing() from exc
    address = server.with_password(server.normalise_url(url), password)
    engine = make_engine(address)
    try:
        revision = current_revision(engine)
        if revision != HEAD_REVISION:
            if read_only:
                raise DatabaseError(
                    f"{server.describe(url)} needs its schema created or upgraded; run "
                    "'ewarong-desktop server init' as the database's owner",
                    id=f"{server.describe(url)} perlu skemanya dibuat atau diperbarui; jalankan "
                       "'ewarong-desktop server init' sebagai pemilik basis data")
            upgrade_server(engine, revision)
    except BaseException as exc:
        engine.dispose()
        if server.is_driver_error(exc):
            raise server.server_error(exc, url) from exc
        raise
    return Database(engine, None, read_only=read_only, url=address)


def upgrade_server(engine: Engine, revision: str | None) -> None:
    """Alembic's migrations (the same as for files), then the server's own extras
    (change-notice triggers, later the access policies), in one transaction."""
    from .migrations import upgrade_to_head

    upgrade_to_head(engine, None, revision, backup=False, after=server.after_upgrade)
