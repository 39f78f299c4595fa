"""Command-line parsing and the rules every command follows.

Each command lives in a module of ``ewarong_desktop.commands`` that adds its parser in
``register(subparsers, common)``; what they share (finding and opening the database) is in
``commands/common.py``, so no command imports this module back. An error a person can fix
is printed as one line on stderr with exit code 1, never as a traceback: in English (what
scripts and logs expect) unless ``--lang id`` is given.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .commands import coordination, core, exchange, reports, safety, server
from .commands.common import CommandError, database_path, on_server, open_existing
from .errors import DatabaseError, UserError

#: The commands, in the order ``--help`` lists them.
COMMAND_MODULES = (core, safety, server, reports, exchange, coordination)

__all__ = ["build_parser", "database_path", "open_existing", "run"]

log = logging.getLogger(__name__)


def say_error(line: str) -> None:
    """One line on stderr; nothing where there is no stderr (a windowed build sets it to None,
    and ``print(file=None)`` would write to stdout instead)."""
    if sys.stderr is not None:
        print(f"ewarong-desktop: {line}", file=sys.stderr)


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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ewarong-desktop",
                     description="Self-assessment of social advisors' roles in e-Warong KUBE.")
    parser.add_argument("--version", action="version", version=f"ewarong-desktop {__version__}")
    parser.add_argument("--db", type=database_location, help=DB_HELP)
    parser.add_argument("--lang", choices=("id", "en"),
                        help="language of the window, and of the messages here (default: en)")
    # nargs="?": a desktop menu starts "ewarong-desktop --receive %f" with no file at all.
    parser.add_argument("--receive", type=Path, nargs="?", const=None, metavar="FILE.ewarong",
                        help="open the window and check this exchange file for import "
                             "(what double-clicking a .ewarong file does)")
    common = _Parser(add_help=False)
    common.add_argument("--db", type=database_location, default=argparse.SUPPRESS, help=DB_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


def refuse_empty_values(argv: list[str]) -> None:
    """Refuse ``--period ''`` and the like: an empty value is a slip (an unset shell
    variable), never a wish for "all" or "the latest"; leaving the option out is."""
    for index, token in enumerate(argv):
        name, value = token, None
        if token.startswith("--") and "=" in token:
            name, _, value = token.partition("=")
        elif index > 0 and argv[index - 1].startswith("--") and "=" not in argv[index - 1]:
            name, value = argv[index - 1], token
        if value is not None and not value.strip() and name not in FLAGS:
            raise CommandError(f"{name} is empty; give a value or leave the option out",
                               id=f"{name} kosong; beri nilainya atau jangan pakai pilihan itu")
        if not token.strip():
            raise CommandError("an empty argument ('') was given; give a value or leave it out",
                               id="ada argumen kosong (''); beri nilainya atau hapus argumen itu")


# Options that take no value: the token after them is a value of its own (a file name).
FLAGS = frozenset({"--dry-run", "--json", "--list", "--wide", "--all", "--include-drafts",
                   "--read-only", "--overwrite", "--no-pin", "--province",
                   "--version", "--help"})


def _disk_full(exc: OSError, args: argparse.Namespace | None) -> UserError | None:
    """A full disk while writing an output file, naming that file."""
    import errno

    if exc.errno != errno.ENOSPC:
        return None
    target = exc.filename or (args is not None and (getattr(args, "out", None)
                                                    or getattr(args, "out_dir", None)))
    if not target:
        return None
    return UserError(f"the disk is full, so {target} was not written; free some space and try "
                     "again (nothing was changed)",
                     id=f"disk penuh, jadi {target} tidak ditulis; kosongkan sebagian ruang lalu "
                        "coba lagi (tidak ada yang diubah)")


def _tolerant_streams() -> None:
    # A file name with bytes that are not UTF-8 comes back as surrogates: print them
    # escaped instead of failing on the last line of a command that worked.
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


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
    from .services.cell_text import terminal_text

    lang = message_language(argv)
    _tolerant_streams()
    args: argparse.Namespace | None = None
    try:
        refuse_empty_values(argv)
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
            return run_gui(args.db, lang=args.lang, receive=args.receive)
        from .logging_setup import setup_logging

        # Warnings (a start-up backup that failed) go to the log file, not after the line
        # the person should read.
        setup_logging()
        if getattr(args, "overwrite", False):
            from .output_files import confirm_replacement

            for chosen in (getattr(args, "out", None), getattr(args, "out_dir", None)):
                if chosen is not None:
                    confirm_replacement(chosen)
        return handler(args) or 0
    except UserError as exc:
        say_error(terminal_text(exc.text(lang)))
        return 1
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except OSError as exc:
        full = _disk_full(exc, args)
        if full is not None:
            say_error(terminal_text(full.text(lang)))
            return 1
        where = f" ({exc.filename})" if exc.filename else ""
        say_error(f"{exc.strerror or exc}{where}")
        return 1
    except KeyboardInterrupt:
        say_error("dihentikan" if lang == "id" else "interrupted")
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
        say_error(f"{what}: {type(exc).__name__}: {exc}{where}")
        return 1
