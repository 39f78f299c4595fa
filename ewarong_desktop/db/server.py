"""A shared office database on a PostgreSQL server: addresses, engine, errors, change notices.

Everything PostgreSQL-specific lives here, as everything SQLite-specific lives in
``engine.py`` and ``health.py``. A server is named by a URL such as
``postgresql+psycopg://ani@10.0.0.5:5432/ewarong?sslmode=require``; ``postgresql://``
and ``postgres://`` mean the same (psycopg 3 is the driver). Every query parameter
(``sslmode``, ``sslrootcert``, ``connect_timeout``, ``application_name``, ...) goes to
libpq unchanged, so TLS is set up exactly as the libpq documentation describes.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.url import URL

from ..errors import ServerError

log = logging.getLogger(__name__)

DRIVER = "postgresql+psycopg"
SCHEMES = ("postgresql+psycopg://", "postgresql://", "postgres://")
CHANGE_CHANNEL = "ewarong_changes"
#: Seconds to wait for a server that does not answer, unless the URL sets connect_timeout.
CONNECT_TIMEOUT = 10
#: Group roles a login is made a member of (the policies that use them come in part 2).
ADVISOR_ROLE = "ewarong_advisor"
COORDINATOR_ROLE = "ewarong_coordinator"
#: Advisory lock key of ``Database.session(exclusive=True)`` (imports): any fixed number.
EXCLUSIVE_LOCK = 0x65_77_61_72  # "ewar"
#: Tables whose writes are announced to other users (all but Alembic's bookkeeping).
_UNANNOUNCED = {"alembic_version"}


def is_server_url(location: object) -> bool:
    """True when ``location`` names a PostgreSQL server rather than a database file."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def normalise_url(location: str) -> str:
    """The URL with psycopg 3 as its driver; refuses other drivers and URLs without a database."""
    scheme, _, rest = location.partition("://")
    if scheme.lower() not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise ServerError(
            f"unsupported database address {scheme}://...; use postgresql://user@host:port/database",
            id=f"alamat basis data {scheme}://... tidak didukung; gunakan "
               "postgresql://pengguna@host:port/basisdata", kind="unreachable")
    try:
        url = make_url(f"{DRIVER}://{rest}")
    except Exception as exc:  # noqa: BLE001 - SQLAlchemy's ArgumentError, ValueError for ports
        raise ServerError(f"the server address {describe(location)} cannot be read ({exc})",
                          id=f"alamat server {describe(location)} tidak dapat dibaca ({exc})",
                          kind="unreachable") from exc
    if not url.database:
        raise ServerError(
            f"the server address {describe(location)} names no database; add /DATABASE at the end",
            id=f"alamat server {describe(location)} tidak menyebut basis data; tambahkan "
               "/NAMA_BASIS_DATA di akhir", kind="no_database")
    return url.render_as_string(hide_password=False)


def describe(location: str) -> str:
    """The address as shown to people and written to logs: never with its password."""
    try:
        url = make_url(location)
        return url.set(drivername="postgresql").render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - unreadable: show the part before any password
        scheme, _, rest = location.partition("://")
        return f"{scheme}://{rest.rpartition('@')[2]}"


def login_key(location: str) -> str:
    """``user@host:port/database``: one saved password per login on one server database."""
    url = make_url(normalise_url(location))
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def with_password(location: str, password: str | None) -> str:
    """The URL with ``password`` filled in when it has none of its own."""
    url = make_url(location)
    if password is None or url.password:
        return location
    return url.set(password=password).render_as_string(hide_password=False)


def libpq_address(location: str) -> tuple[str, dict[str, str]]:
    """The URL as libpq's own tools (pg_dump, psql) take it, and the environment for them:
    the password travels in ``PGPASSWORD``, never on a command line others can read."""
    url = make_url(normalise_url(location))
    environment = dict(os.environ)
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    plain = URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                       database=url.database, query=url.query)  # no password
    return plain.render_as_string(hide_password=False), environment


def make_server_engine(location: str) -> Engine:
    """An engine for the server: READ COMMITTED, a liveness check before reuse of a pooled
    connection (so a restarted server costs one retry, not an error), a connect timeout.

    Writes run at READ COMMITTED too, made safe where they read before writing: a rating
    save locks its assessment's row (``SELECT ... FOR UPDATE``) and upserts the rating; an
    import takes an advisory lock (``Database.session(exclusive=True)``). REPEATABLE READ
    or SERIALIZABLE would instead fail the second of two concurrent saves, to be retried.
    """
    url = make_url(normalise_url(location))
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    if "application_name" not in url.query:
        connect_args["application_name"] = "ewarong-desktop"
    if "options" not in url.query:
        # Times come back in UTC, as the program stores them (and as SQLite returns them),
        # whatever time zone the office's server is set to.
        connect_args["options"] = "-c TimeZone=UTC"
    engine = create_engine(url, isolation_level="READ COMMITTED", pool_pre_ping=True,
                           connect_args=connect_args)
    own_backends: set[int] = set()
    engine.info = {"own_backends": own_backends}  # type: ignore[attr-defined]

    @event.listens_for(engine, "connect")
    def _remember_backend(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Change notices carry the sending backend's id: ours are not "other users' changes".
        own_backends.add(dbapi_connection.info.backend_pid)

    return engine


def own_backends(engine: Engine) -> set[int]:
    info = getattr(engine, "info", None) or {}
    backends: set[int] = info.get("own_backends", set())
    return backends


# --- errors ---------------------------------------------------------------------------------

def server_error(exc: BaseException, location: str) -> ServerError:
    """A failure reported by psycopg or the server, as the program's own message.

    Sorted by SQLSTATE class, the server's stable error code: the person is told what
    happened and what to do; the original text goes to the log only.
    """
    original = getattr(exc, "orig", None) or exc
    state = getattr(original, "sqlstate", None) or ""
    message = str(original).lower()
    where = describe(location)
    # INFO, not WARNING: Python's last-resort handler would print WARNING over the
    # command line's one-line message when no log file is set up.
    log.info("server %s: %s (%s)", where, original, state or type(original).__name__)
    if state in ("28P01", "28000") or "password authentication failed" in message \
            or "no password supplied" in message:
        return ServerError(
            f"the server {where} refused the login; check the user name and password",
            id=f"server {where} menolak login; periksa nama pengguna dan kata sandi",
            kind="login_failed")
    if state == "3D000" or ("database" in message and "does not exist" in message):
        return ServerError(
            f"the database in {where} does not exist on the server; ask the office's "
            "administrator to create it ('ewarong-desktop server init')",
            id=f"basis data pada {where} tidak ada di server; minta administrator kantor "
               "membuatnya ('ewarong-desktop server init')", kind="no_database")
    if state == "42501":  # insufficient privilege; row-level security refusals too
        return ServerError(
            "the server does not allow this login to do that; nothing was changed",
            id="server tidak mengizinkan login ini melakukan itu; tidak ada yang diubah",
            kind="permission_denied")
    if state in ("40001", "40P01", "55P03", "57014"):
        return ServerError(
            "the server was busy with someone else's change; nothing was saved, try again",
            id="server sedang sibuk dengan perubahan orang lain; tidak ada yang disimpan, "
               "coba lagi", kind="busy")
    if state in ("53100",):
        return ServerError(
            "the server's disk is full; nothing was saved. Tell the office's administrator",
            id="disk server penuh; tidak ada yang disimpan. Beri tahu administrator kantor",
            kind="disk_full")
    if state == "25006":
        return ServerError(
            f"the server {where} accepts reading only (a standby copy?); nothing was saved",
            id=f"server {where} hanya menerima pembacaan (salinan cadangan?); tidak ada yang "
               "disimpan", kind="read_only")
    if state.startswith("23"):
        return ServerError(
            "the server refused the change because it breaks a rule of the data "
            f"({getattr(getattr(original, 'diag', None), 'constraint_name', None) or state}); "
            "nothing was saved",
            id="server menolak perubahan karena melanggar aturan data "
               f"({getattr(getattr(original, 'diag', None), 'constraint_name', None) or state}); "
               "tidak ada yang disimpan", kind="refused")
    connection_trouble = (
        state.startswith(("08", "57P", "53300"))
        or any(words in message for words in (
            "connection", "could not connect", "server closed", "timeout expired",
            "could not translate host name", "terminating", "consuming input failed")))
    if connection_trouble:
        never_connected = any(words in message for words in (
            "could not connect", "connection refused", "could not translate host name",
            "timeout expired", "connection failed", "too many clients"))
        if never_connected or state == "53300":
            return ServerError(
                f"cannot reach the server {where}; check the network (LAN, VPN), the address "
                "and that the server is running",
                id=f"server {where} tidak dapat dihubungi; periksa jaringan (LAN, VPN), "
                   "alamatnya, dan apakah server menyala", kind="unreachable")
        return ServerError(
            f"the connection to the server {where} was lost; what was not saved is kept, "
            "try again when the network is back",
            id=f"sambungan ke server {where} terputus; yang belum tersimpan tetap ada, coba "
               "lagi setelah jaringan pulih", kind="connection_lost")
    return ServerError(
        f"the server {where} reported an error ({state or type(original).__name__}); nothing "
        "was saved. Details are in the log file",
        id=f"server {where} melaporkan kesalahan ({state or type(original).__name__}); tidak "
           "ada yang disimpan. Rinciannya ada di berkas log", kind="server_error")


def is_driver_error(exc: BaseException) -> bool:
    """True for errors raised by psycopg (directly or wrapped by SQLAlchemy)."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - no driver, no server errors
        return False
    return isinstance(exc, psycopg.Error)


def driver_missing() -> ServerError:
    return ServerError(
        "the PostgreSQL driver is not installed; run: python -m pip install \"ewarong-desktop[server]\"",
        id="driver PostgreSQL belum terpasang; jalankan: python -m pip install "
           "\"ewarong-desktop[server]\"", kind="unreachable")


# --- schema extras on the server ---------------------------------------------------------------

_NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION ewarong_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- One notice per table and transaction (PostgreSQL folds duplicates): the payload
    -- is the table's name, so each window rereads only what it shows.
    PERFORM pg_notify('{CHANGE_CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END
$$
"""


def announced_tables(connection: Connection) -> list[str]:
    rows = connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"))
    return [name for (name,) in rows if name not in _UNANNOUNCED]


def install_change_notices(connection: Connection) -> None:
    """Triggers that ``NOTIFY ewarong_changes, '<table>'`` after every write to a table.

    Idempotent; run after every upgrade of the schema so tables added later are covered.
    """
    connection.execute(text(_NOTIFY_FUNCTION))
    for table in announced_tables(connection):
        connection.execute(text(f'DROP TRIGGER IF EXISTS ewarong_notify ON "{table}"'))
        connection.execute(text(
            f'CREATE TRIGGER ewarong_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION ewarong_notify_change()'))


def tables_without_notices(connection: Connection) -> list[str]:
    """Tables whose writes other users would not hear of (``check`` reports them)."""
    noticed = {name for (name,) in connection.execute(text(
        "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE t.tgname = 'ewarong_notify'"))}
    return [table for table in announced_tables(connection) if table not in noticed]


def create_group_roles(connection: Connection) -> list[str]:
    """Create the group roles ``ewarong_advisor`` and ``ewarong_coordinator`` if missing.

    Group roles cannot log in; each person's login is made a member of one
    (``server add-login``, part 2). Returns the roles created now. Needs CREATEROLE; an
    owner without it is told so by ``server init``.
    """
    created = []
    for role in (ADVISOR_ROLE, COORDINATOR_ROLE):
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"),
                                    {"role": role}).first()
        if exists is None:
            connection.execute(text(f"CREATE ROLE {role} NOLOGIN"))
            created.append(role)
    return created


def apply_access_policies(connection: Connection) -> None:
    """Grants and row-level-security policies for the group roles.

    Part 2 of issue 12 fills this in, once the coordinator schema (migration
    0002_coordinators) is merged: GRANTs on every table to both group roles, ``ALTER TABLE
    ... ENABLE/FORCE ROW LEVEL SECURITY`` on every table, and the policies (an advisor
    writes only their own assessments, ratings and notes; a coordinator verifies and sets
    targets within their kabupaten; nobody rewrites the audit trail). ``server init`` and
    every schema upgrade on a server already call this function, and ``check`` reads
    ``tables_without_row_security`` to report what is not yet protected.
    """


def tables_without_row_security(connection: Connection) -> list[str]:
    """Tables on which row-level security is not switched on."""
    rows = connection.execute(text(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = "
        "current_schema()::regnamespace AND NOT relrowsecurity ORDER BY relname"))
    return [name for (name,) in rows if name not in _UNANNOUNCED]


def after_upgrade(connection: Connection) -> None:
    """What a server needs beyond the tables, after the schema was created or upgraded."""
    install_change_notices(connection)
    apply_access_policies(connection)


# --- hearing other users' changes ------------------------------------------------------------

class ChangeListener:
    """Listens on ``ewarong_changes`` in a background thread and tells subscribers which
    tables other users changed.

    One extra connection in autocommit mode, waiting in ``LISTEN``; notices sent by this
    program's own pooled connections are skipped (their backend ids are known). When the
    connection drops it reconnects every few seconds, and then reports every table as
    changed, since notices sent meanwhile are lost.
    """

    def __init__(self, location: str, own_backends: set[int], *, poll_seconds: float = 0.5):
        self._location = location
        self._own = own_backends
        self._poll = poll_seconds
        self._subscribers: list[Callable[[frozenset[str]], None]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self.count = 0  # how many changes of others were heard: the window's change stamp
        self._thread = threading.Thread(target=self._run, name="ewarong-listen", daemon=True)
        self._thread.start()

    def subscribe(self, callback: Callable[[frozenset[str]], None]) -> Callable[[], None]:
        """Call ``callback(tables)`` (from the listener's thread) after others' commits;
        returns a function that ends the subscription."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)
        return unsubscribe

    def wait_until_listening(self, timeout: float = 10.0) -> bool:
        return self._ready.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _announce(self, tables: frozenset[str]) -> None:
        if not tables:
            return
        with self._lock:
            self.count += 1
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(tables)
            except Exception:  # a subscriber's bug must not end listening for the others
                log.exception("change subscriber failed")

    def _run(self) -> None:
        import psycopg

        conninfo, _environment = libpq_address(self._location)
        password = make_url(normalise_url(self._location)).password
        lost = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True, password=password,
                                     connect_timeout=CONNECT_TIMEOUT,
                                     application_name="ewarong-desktop listen") as connection:
                    connection.execute(f"LISTEN {CHANGE_CHANNEL}")
                    self._ready.set()
                    if lost:  # notices sent while we were away are gone: reread everything
                        self._announce(frozenset({"*"}))
                        lost = False
                    while not self._stop.is_set():
                        tables = {notice.payload for notice in
                                  connection.notifies(timeout=self._poll)
                                  if notice.pid not in self._own}
                        self._announce(frozenset(tables))
            except psycopg.Error as exc:
                if self._stop.is_set():
                    return
                log.info("listening for changes on %s: %s", describe(self._location), exc)
                lost = True
                self._stop.wait(3.0)
