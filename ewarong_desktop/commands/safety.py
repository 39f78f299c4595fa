"""`backup`, `restore` and `check`: the database's safety net on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DatabaseError
from ..logging_setup import setup_logging
from .common import database_path, file_only, on_server, reading_options

NEWEST = "newest"


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = subparsers.add_parser(
        "backup", parents=[common],
        help="back the database up now (into its backup folder, or to --out FILE)")
    backup.add_argument("--out", type=Path, metavar="FILE",
                        help="write the backup to this new file instead of the backup folder")
    backup.add_argument("--list", action="store_true",
                        help="list the database's backups, newest first, instead")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", parents=[common],
        help="replace the database's contents with a backup (the current file is kept)")
    restore.add_argument("--from", dest="source", required=True, metavar="FILE",
                         help=f"the backup file, or '{NEWEST}' for the newest good backup")
    restore.set_defaults(handler=run_restore)

    check = subparsers.add_parser(
        "check", parents=[common, reading_options()],
        help="check the database for damage (exit 0 when sound, 1 with the diagnosis)")
    check.set_defaults(handler=run_check)


def run_backup(args: argparse.Namespace) -> int:
    from ..services import safety

    setup_logging()  # what was restored, moved aside or skipped goes to the log file

    if on_server(args):
        if args.list:
            file_only(args, "backup --list", "backup --list", "a server's backups are the pg_dump "
                      "files you keep", "cadangan server adalah berkas pg_dump yang Anda simpan")
        from ..services.server_admin import backup_server

        written = backup_server(args.db, args.out)
        print(f"backup of the server database written to {written} (pg_dump custom format; "
              "put it back with pg_restore)")
        return 0
    path = database_path(args)
    if args.list:
        backups = safety.list_backups(path)
        for backup in backups:
            print(f"{backup.taken_at.astimezone():%Y-%m-%d %H:%M:%S}  {backup.reason:<12}  "
                  f"{backup.size / 1_000_000:7.1f} MB  {backup.path}")
        print(f"({len(backups)} backups of {path})")
        return 0
    if args.out is not None:
        written = safety.backup_to(path, args.out)
    else:
        written = safety.backup_now(path).path
    print(f"backup of {path} written to {written}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from ..services import safety

    setup_logging()  # what was restored, moved aside or skipped goes to the log file

    file_only(args, "restore", "restore (pemulihan)",
              "the server's administrator restores a pg_dump backup with pg_restore",
              "administrator server memulihkan cadangan pg_dump dengan pg_restore")
    path = database_path(args)
    if args.source == NEWEST and not Path(NEWEST).exists():
        newest = safety.newest_good_backup(path)
        if newest is None:
            raise DatabaseError(f"no good backup of {path} was found; give one with --from FILE",
                                id=f"tidak ada cadangan yang baik dari {path}; sebutkan satu "
                                   "dengan --from BERKAS")
        source = newest.path
    else:
        source = Path(args.source)
    result = safety.restore(path, source)
    print(f"restored {result.database} from {result.restored_from}")
    if result.safety_backup is not None:
        print(f"the previous contents are kept in {result.safety_backup.path}")
    for moved in result.moved_aside:
        print(f"damaged file kept for inspection as {moved}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from ..services import safety

    setup_logging()  # what was restored, moved aside or skipped goes to the log file

    if on_server(args):
        from ..services.server_admin import check_server

        report = check_server(args.db)
        for line in report.lines:
            print(line)
        if report.problems:
            raise DatabaseError("; ".join(p.en for p in report.problems),
                                id="; ".join(p.id for p in report.problems))
        return 0
    path = database_path(args)
    found = safety.check_database(path)
    if found.ok:
        print(f"{path}: {found.summary}")
        return 0
    advice = advice_id = ""
    if found.damaged:
        newest = safety.newest_good_backup(path)
        if newest:
            command = f"'ewarong-desktop restore --db \"{path}\" --from \"{newest.path}\"'"
            advice = f"; restore the newest good backup with {command}"
            advice_id = f"; pulihkan cadangan baik yang terbaru dengan {command}"
        else:
            advice, advice_id = "; no good backup was found", "; tidak ada cadangan yang baik"
    named = "" if str(path) in found.summary else f"{path}: "
    raise DatabaseError(named + found.summary + advice,
                        id=named + found.summary_text("id") + advice_id)
