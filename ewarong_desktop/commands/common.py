"""What every command shares: the database file named by ``--db``, opening it (read-only
when asked), and the error argument parsing raises."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DatabaseError, UserError


class CommandError(UserError):
    """Raised by argument parsing; printed like every other user error."""


def on_server(args: argparse.Namespace) -> bool:
    """True when ``--db`` names a PostgreSQL server."""
    return isinstance(getattr(args, "db", None), str)


def file_only(args: argparse.Namespace, what: str, what_id: str, instead: str, instead_id: str) -> None:
    """Refuse a command that works on SQLite database files only, saying what to do instead."""
    if on_server(args):
        raise DatabaseError(f"{what} applies to SQLite database files only, not to a server; {instead}",
                            id=f"{what_id} hanya berlaku untuk berkas basis data SQLite, bukan untuk "
                               f"server; {instead_id}")


def database_path(args: argparse.Namespace) -> Path:
    """The database file named by --db (or the default one); commands that also work on a
    server check ``on_server`` first."""
    from ..paths import default_database_path

    file_only(args, "this command", "perintah ini", "see 'ewarong-desktop server --help'",
              "lihat 'ewarong-desktop server --help'")
    path = getattr(args, "db", None)
    if path is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    return Path(path)


def reading_options() -> argparse.ArgumentParser:
    """``--read-only``, for the commands that only read the database (list, reports, exports)."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--read-only", action="store_true",
                         help="open the database without writing to it (a write-protected USB "
                              "stick, a CD, a folder you cannot write)")
    return options


def open_existing(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Open the database named by --db, refusing to create one where data were expected.

    With ``--read-only`` the file is opened without writing; a file that cannot be
    written is refused with advice to add that option.
    """
    from ..db import open_database
    from ..db.health import DatabaseReadOnlyError

    if on_server(args):  # the server says when the database is missing
        return open_database(args.db)
    path = database_path(args)
    if not path.exists():
        raise DatabaseError(f"database {path} does not exist; check the --db path",
                            id=f"basis data {path} tidak ada; periksa lokasi yang diberikan "
                               "dengan --db")
    read_only = getattr(args, "read_only", False)
    try:
        return open_database(path, read_only=read_only)
    except DatabaseReadOnlyError as exc:
        if read_only or "-wal" in str(exc):
            raise
        raise DatabaseError(
            f"{path} cannot be written (a read-only file, folder or medium); add --read-only to "
            "read it without writing, or copy it to a folder you can write to",
            id=f"{path} tidak dapat ditulis (berkas, folder atau media hanya-baca); tambahkan "
               "--read-only untuk membacanya tanpa menulis, atau salin ke folder yang dapat Anda "
               "tulisi") from exc
