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
from .commands import core, exchange, reports, safety
from .commands.common import database_path, open_existing
from .errors import UserError

#: The commands, in the order ``--help`` lists them.
COMMAND_MODULES = (core, safety, reports, exchange)

__all__ = ["build_parser", "database_path", "open_existing", "run"]

log = logging.getLogger(__name__)


class CommandError(UserError):
    """Raised by argument parsing; printed like every other user error."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise CommandError(f"{message} (see '{self.prog} --help')",
                           id=f"{message} (lihat '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ewarong-desktop",
                     description="Self-assessment of social advisors' roles in e-Warong KUBE.")
    parser.add_argument("--version", action="version", version=f"ewarong-desktop {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: the one in your data folder)")
    parser.add_argument("--lang", choices=("id", "en"),
                        help="language of the window, and of the messages here (default: en)")
    common = _Parser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="database file (default: the one in your data folder)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


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
            from .ui.app import run_gui

            # No --db: the window reopens the last database used (its own setting).
            return run_gui(args.db, lang=args.lang)
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
