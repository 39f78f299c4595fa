"""Command-line parsing and the rules every command follows.

Each command lives in a module of ``ewarong_desktop.commands`` that adds its parser in
``register(subparsers, common)``. An error a person can fix is printed as one line on
stderr with exit code 1, never as a traceback: in English (what scripts and logs expect)
unless ``--lang id`` is given.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .errors import DatabaseError, UserError

COMMAND_MODULES = (
    "ewarong_desktop.commands.core",
    "ewarong_desktop.commands.safety",
    "ewarong_desktop.commands.server",
    "ewarong_desktop.commands.reports",
    "ewarong_desktop.commands.exchange",
)

log = logging.getLogger(__name__)


class CommandError(UserError):
    """Raised by argument parsing; printed like every other user error."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise CommandError(f"{message} (see '{self.prog} --help')",
                           id=f"{message} (lihat '{self.prog} --help')")


DB_HELP = ("database file (default: the one in your data folder), or a server: "
           "postgresql://USER@HOST:PORT/DATABASE[?sslmode=require]")


def database_location(text: str) -> Path | str:
    """``--db``: a server URL stays text (a Path would fold its '//'), anything else is a file."""
    from .db.server import is_server_url

    return text if is_server_url(text) else Path(text)


def on_server(args: argparse.Namespace) -> bool:
    """True when ``--db`` names a PostgreSQL server."""
    return isinstance(getattr(args, "db", None), str)


def file_only(args: argparse.Namespace, what: str, what_id: str, instead: str, instead_id: str) -> None:
    """Refuse a command that works on SQLite database files only, saying what to do instead."""
    if on_server(args):
        raise DatabaseError(f"{what} applies to SQLite database files only, not to a server; {instead}",
                            id=f"{what_id} hanya berlaku untuk berkas basis data SQLite, bukan untuk "
                               f"server; {instead_id}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ewarong-desktop",
                     description="Self-assessment of social advisors' roles in e-Warong KUBE.")
    parser.add_argument("--version", action="version", version=f"ewarong-desktop {__version__}")
    parser.add_argument("--db", type=database_location, help=DB_HELP)
    parser.add_argument("--lang", choices=("id", "en"),
                        help="language of the window, and of the messages here (default: en)")
    common = _Parser(add_help=False)
    common.add_argument("--db", type=database_location, default=argparse.SUPPRESS, help=DB_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def database_path(args: argparse.Namespace) -> Path:
    """The database file named by --db (or the default one); commands that also work on a
    server check ``on_server`` first."""
    from .paths import default_database_path

    file_only(args, "this command", "perintah ini", "see 'ewarong-desktop server --help'",
              "lihat 'ewarong-desktop server --help'")
    path = getattr(args, "db", None)
    if path is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    return Path(path)


def open_existing(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Open the database named by --db, refusing to create one where data were expected.

    A server database must exist already (the server says so when it does not); an empty
    one gets the schema, as ``server init`` would.
    """
    from .db import open_database

    if on_server(args):
        return open_database(args.db)
    path = database_path(args)
    if not path.exists():
        raise DatabaseError(f"database {path} does not exist; check the --db path",
                            id=f"basis data {path} tidak ada; periksa lokasi yang diberikan "
                               "dengan --db")
    return open_database(path)


def message_language(argv: list[str]) -> str:
    """The language of the command line's messages: the last ``--lang`` given, before the
    command or as a report's language; English when there is none.

    Read from the raw arguments so that a mistake in them is reported in that language too.
    """
    lang = "en"
    for index, token in enumerate(argv):
        if token == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif token.startswith("--lang="):
            lang = token.partition("=")[2]
    return lang if lang in ("id", "en") else "en"


def run(argv: list[str]) -> int:
    lang = message_language(argv)
    try:
        args = build_parser().parse_args(argv)
        handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
        if handler is None:
            if on_server(args):
                raise DatabaseError(
                    "the window cannot open a server database yet; use the commands "
                    "(list, report, import, export) with --db URL",
                    id="jendela program belum dapat membuka basis data server; gunakan perintah "
                       "(list, report, import, export) dengan --db URL")
            from .ui.app import run_gui

            # No --db: the window reopens the last database used (its own setting).
            return run_gui(args.db, lang=args.lang)
        if getattr(args, "overwrite", False):
            from .output_files import confirm_replacement

            for chosen in (getattr(args, "out", None), getattr(args, "out_dir", None)):
                if chosen is not None:
                    confirm_replacement(chosen)
        return handler(args) or 0
    except UserError as exc:
        print(f"ewarong-desktop: {exc.text(lang)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"ewarong-desktop: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("ewarong-desktop: " + ("dihentikan" if lang == "id" else "interrupted"),
              file=sys.stderr)
        return 1
    except Exception as exc:  # last resort: one line for the person, details in the log
        from .logging_setup import setup_logging

        log_path = setup_logging()  # the traceback goes to the file, not over the terminal
        log.exception("unexpected error")
        if lang == "id":
            where = f"; rinciannya di {log_path}" if log_path else ""
            what = "kesalahan tak terduga"
        else:
            where = f"; details in {log_path}" if log_path else ""
            what = "unexpected error"
        print(f"ewarong-desktop: {what}: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return 1
