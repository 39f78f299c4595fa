"""Alembic migrations, shipped inside the package and run at start-up.

``HEAD_REVISION`` lets an up-to-date database open without importing Alembic at all
(start-up time matters on old laptops); a test checks it matches Alembic's head.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from ...errors import DatabaseError, DatabaseTooNewError

HEAD_REVISION = "0002"
MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def shipped_head() -> str | None:
    """The head revision of the migration scripts that actually ship with this program.

    None when they cannot be read: a build that left out ``env.py`` or the ``versions``
    scripts (a freezer that ships only ``.pyc``, say) would otherwise upgrade nothing.
    """
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_current_head()
    except (CommandError, OSError):
        return None


def broken_install_error(db_path: Path | None, found: str | None) -> DatabaseError:
    """The program cannot bring a database to its own schema: its migrations are missing."""
    from ... import __version__

    where = db_path or "the database"
    where_id = db_path or "basis data"
    found_en = f"found {found}" if found else "none found"
    found_id = f"yang ada {found}" if found else "tidak ada sama sekali"
    return DatabaseError(
        f"cannot open {where}: the database upgrade scripts of e-Warong Desktop {__version__} "
        f"are missing or incomplete (schema {HEAD_REVISION} needed, {found_en}); reinstall the "
        "program. The file was not changed",
        id=f"{where_id} tidak dapat dibuka: skrip pembaruan basis data e-Warong Desktop "
           f"{__version__} hilang atau tidak lengkap (perlu skema {HEAD_REVISION}, {found_id}); "
           "pasang ulang program. Berkas tidak diubah")


def require_shipped_head(db_path: Path | None) -> None:
    """Refuse (``DatabaseError``) unless the shipped scripts reach this program's head."""
    head = shipped_head()
    if head != HEAD_REVISION:
        raise broken_install_error(db_path, head)


def current_revision(bind: Engine | Connection) -> str | None:
    """The schema revision stamped in the database, or None for an empty file."""
    if isinstance(bind, Connection):
        if not inspect(bind).has_table("alembic_version"):
            return None
        return bind.execute(text("SELECT version_num FROM alembic_version")).scalar()
    with bind.connect() as connection:
        return current_revision(connection)


def upgrade_to_head(engine: Engine, db_path: Path | None, revision: str | None, *, backup: bool,
                    after: Callable[[Connection], None] | None = None) -> None:
    """Upgrade the schema to ``HEAD_REVISION``, or refuse and leave the file as it was.

    Refuses a revision this program does not know (a newer program's), and a program whose
    shipped migration scripts do not reach its own head (checked before anything is
    written, and again inside the upgrade's transaction, which is rolled back if the
    database did not end at the head: a silent no-op upgrade is impossible). ``after``
    runs in the same transaction once the migrations are done (a server's triggers and
    policies).
    """
    from alembic import command

    from ... import __version__

    require_shipped_head(db_path)
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNewError(
            f"{db_path or 'this database'} was written by a newer version of e-Warong Desktop "
            f"(schema {revision}); this is version {__version__}. Install the newer version "
            "to open it; the file was not changed",
            id=f"{db_path or 'basis data ini'} ditulis oleh e-Warong Desktop versi yang lebih "
               f"baru (skema {revision}); program ini versi {__version__}. Pasang versi yang "
               "lebih baru untuk membukanya; berkas tidak diubah")
    if revision is not None and backup and db_path is not None:
        from ...paths import backup_dir_for
        from ..backup import backup_file, timestamped_name

        backup_file(db_path, backup_dir_for(db_path) / timestamped_name(db_path, "pre-migration"))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if after is not None:
            after(connection)
        # Still inside the transaction: raising here rolls the whole upgrade back.
        reached = current_revision(connection)
        if reached != HEAD_REVISION:
            raise broken_install_error(db_path, reached)
