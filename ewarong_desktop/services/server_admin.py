"""Setting up, checking and backing up a shared PostgreSQL server database.

Run by the office's administrator (the database's owner) from the command line:
``server init``, ``check --db URL``, ``backup --db URL``.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import text

from ..db import server
from ..db.engine import current_revision, make_engine, upgrade_server
from ..errors import DatabaseError, Phrase, ServerError


@dataclass
class InitResult:
    location: str
    previous_revision: str | None
    revision: str
    roles_created: list[str]
    roles_problem: str | None = None


def init_server(url: str) -> InitResult:
    """Create or upgrade the schema on the server with the program's Alembic migrations,
    install the change-notice triggers and create the group roles.

    Idempotent: running it again on an up-to-date database changes nothing.
    """
    from ..db.migrations import HEAD_REVISION

    engine = _engine(url)
    try:
        previous = current_revision(engine)
        upgrade_server(engine, previous)  # also refuses a newer program's schema
        with engine.begin() as connection:
            server.after_upgrade(connection)  # an up-to-date schema still gets its triggers
        roles_problem = None
        try:
            with engine.begin() as connection:
                created = server.create_group_roles(connection)
        except Exception as exc:
            if not server.is_driver_error(exc):
                raise
            created = []
            roles_problem = str(server.server_error(exc, url))
    except Exception as exc:
        if server.is_driver_error(exc):
            raise server.server_error(exc, url) from exc
        raise
    finally:
        engine.dispose()
    return InitResult(server.describe(url), previous, HEAD_REVISION, created, roles_problem)


@dataclass
class ServerCheck:
    lines: list[str] = field(default_factory=list)
    problems: list[Phrase] = field(default_factory=list)


def check_server(url: str) -> ServerCheck:
    """Reachability, server version, schema revision, change notices and row-level security.

    Problems (unreachable, schema missing or older/newer than the program, tables without
    change notices) make ``check`` exit 1. Row-level security is reported but not yet
    counted as a problem: its policies come with part 2 of issue 12.
    """
    from ..db.migrations import HEAD_REVISION, known_revisions

    report = ServerCheck()
    where = server.describe(url)
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar()
            login = connection.execute(text("SELECT current_user")).scalar()
            tls = connection.execute(text(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
        report.lines.append(f"{where}: reachable, PostgreSQL {version}, login {login}, "
                            f"{'TLS' if tls else 'no TLS (add ?sslmode=require across a network)'}")
        revision = current_revision(engine)
        if revision == HEAD_REVISION:
            report.lines.append(f"schema: revision {revision}, as this program expects")
        elif revision is None:
            report.problems.append(Phrase(
                f"{where} holds no e-Warong schema yet; run 'ewarong-desktop server init'",
                f"{where} belum berisi skema e-Warong; jalankan 'ewarong-desktop server init'"))
        elif revision not in known_revisions():
            report.problems.append(Phrase(
                f"{where} has schema {revision}, written by a newer program; install the newer version",
                f"{where} berskema {revision}, ditulis program yang lebih baru; pasang versi itu"))
        else:
            report.problems.append(Phrase(
                f"{where} has the older schema {revision}; run 'ewarong-desktop server init' to upgrade",
                f"{where} berskema lama {revision}; jalankan 'ewarong-desktop server init' "
                "untuk memperbaruinya"))
        if revision is not None:
            with engine.connect() as connection:
                silent = server.tables_without_notices(connection)
                unprotected = server.tables_without_row_security(connection)
            if silent:
                report.problems.append(Phrase(
                    f"tables without change notices: {', '.join(silent)}; run "
                    "'ewarong-desktop server init'",
                    f"tabel tanpa pemberitahuan perubahan: {', '.join(silent)}; jalankan "
                    "'ewarong-desktop server init'"))
            else:
                report.lines.append("change notices: on for every table")
            report.lines.append(
                "row-level security: on for every table" if not unprotected else
                f"row-level security: not yet on for {len(unprotected)} tables "
                "(the access policies are not set up by this version)")
    except Exception as exc:
        if server.is_driver_error(exc):
            raise server.server_error(exc, url) from exc
        raise
    finally:
        engine.dispose()
    return report


def backup_server(url: str, out: Path | None = None) -> Path:
    """A ``pg_dump`` of the server database (custom format, for ``pg_restore``).

    Written whole under a temporary name and renamed into place; by default into the
    user's data folder (``server-backups/HOST-PORT-DATABASE/``). Needs PostgreSQL's
    client tools; says so when missing.
    """
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DatabaseError(
            "backing up a server needs PostgreSQL's pg_dump; install the PostgreSQL client "
            "tools (Debian/Ubuntu: apt-get install postgresql-client) and try again",
            id="mencadangkan server memerlukan pg_dump dari PostgreSQL; pasang alat klien "
               "PostgreSQL (Debian/Ubuntu: apt-get install postgresql-client) lalu coba lagi")
    address, environment = server.libpq_address(url)
    if out is None:
        from ..paths import data_dir

        key = server.login_key(url).partition("@")[2].replace(":", "-").replace("/", "-")
        folder = data_dir() / "server-backups" / key
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{datetime.now():%Y%m%d-%H%M%S}.dump"
    from ..output_files import write_atomically

    def dump_into(file: BinaryIO) -> None:
        with subprocess.Popen([pg_dump, "--format=custom", address], env=environment,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) as dump:
            assert dump.stdout is not None and dump.stderr is not None
            shutil.copyfileobj(dump.stdout, file)
            problem = dump.stderr.read().decode("utf-8", "replace")
        if dump.returncode != 0:
            reason = (problem.strip().splitlines() or ["pg_dump failed"])[-1]
            raise ServerError(f"pg_dump could not back up {server.describe(url)}: {reason}",
                              id=f"pg_dump tidak dapat mencadangkan {server.describe(url)}: {reason}",
                              kind="unreachable")

    return write_atomically(out, dump_into)


def _engine(url: str):  # type: ignore[no-untyped-def]
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise server.driver_missing() from exc
    return make_engine(server.normalise_url(url))
