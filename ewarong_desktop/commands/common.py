"""What every command shares: the database file named by ``--db``, and opening it."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DatabaseError


def database_path(args: argparse.Namespace) -> Path:
    from ..paths import default_database_path

    path = getattr(args, "db", None)
    if path is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    return Path(path)


def open_existing(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Open the database named by --db, refusing to create one where data were expected."""
    from ..db import open_database

    path = database_path(args)
    if not path.exists():
        raise DatabaseError(f"database {path} does not exist; check the --db path",
                            id=f"basis data {path} tidak ada; periksa lokasi yang diberikan "
                               "dengan --db")
    return open_database(path)
