"""Alembic migrations, shipped inside the package and run at start-up.

``HEAD_REVISION`` lets an up-to-date database open without importing Alembic at all
(start-up time matters on old laptops); a test checks it matches Alembic's head.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Connection, Engine

from ...errors import DatabaseTooNewError

HEAD_REVISION = "0001"
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


def upgrade_to_head(engine: Engine, db_path: Path | None, revision: str | None, *, backup: bool,
                    after: Callable[[Connection], None] | None = None) -> None:
    """Upgrade the schema; refuse a revision this program does not know (a newer program's).

    ``after`` runs in the same transaction once the migrations are done (a server's
    triggers and policies).
    """
    from alembic import command

    from ... import __version__

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
