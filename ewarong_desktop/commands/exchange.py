"""`export`, `import`, `conflicts`, `resolve-conflict`, `export-xlsx`, `export-csv`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import ValidationError
from .common import database_path, on_server, open_existing, reading_options

COUNT_COLUMNS = (("new", "new"), ("updated", "updated"), ("unchanged", "unchanged"),
                 ("conflicting", "conflicts"))


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    selection = argparse.ArgumentParser(add_help=False, parents=[reading_options()])
    selection.add_argument("--advisor", metavar="ID", help="only this advisor's records")
    selection.add_argument("--period", metavar="P", help="only this semester, such as 2026-S1")
    selection.add_argument("--kabupaten", metavar="K", help="only this kabupaten/kota")

    export = subparsers.add_parser(
        "export", parents=[common, selection],
        help="write an exchange file (.ewarong) to send to a coordinator or another laptop")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.ewarong")
    export.add_argument("--overwrite", action="store_true",
                        help="replace the output if it exists (never a database or a backup)")
    export.set_defaults(handler=run_export)

    receive = subparsers.add_parser(
        "import", parents=[common],
        help="import exchange files: all of them, or nothing if any is refused")
    receive.add_argument("files", nargs="+", type=Path, metavar="FILE")
    receive.add_argument("--dry-run", action="store_true",
                         help="print what would change without writing anything")
    receive.set_defaults(handler=run_import)

    conflicts = subparsers.add_parser(
        "conflicts", parents=[common, reading_options()],
        help="list final assessments that arrived in two different versions")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    conflicts.set_defaults(handler=run_conflicts)

    resolve = subparsers.add_parser(
        "resolve-conflict", parents=[common],
        help="keep the local or the incoming version of a conflicting assessment")
    resolve.add_argument("conflict", metavar="CONFLICT_ID")
    resolve.add_argument("--keep", required=True, choices=("local", "incoming"))
    resolve.add_argument("--by", metavar="ADVISOR_ID", help="who decided (recorded)")
    resolve.set_defaults(handler=run_resolve)

    xlsx = subparsers.add_parser(
        "export-xlsx", parents=[common, selection],
        help="write the ratings as an Excel workbook (one row per cell, one row per assessment)")
    xlsx.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    xlsx.add_argument("--overwrite", action="store_true",
                      help="replace the output if it exists (never a database or a backup)")
    xlsx.set_defaults(handler=run_export_xlsx)

    table = subparsers.add_parser(
        "export-csv", parents=[common, selection],
        help="write the ratings as CSV (UTF-8): one row per assessment and cell")
    table.add_argument("--out", required=True, type=Path, metavar="FILE.csv")
    table.add_argument("--wide", action="store_true",
                       help="one row per assessment, one column per cell, instead")
    table.add_argument("--delimiter", choices=("comma", "semicolon"), default="comma",
                       help="semicolon suits Excel set to Indonesian (default: comma)")
    table.add_argument("--overwrite", action="store_true",
                       help="replace the output if it exists (never a database or a backup)")
    table.set_defaults(handler=run_export_csv)


def _selection(session, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from ..services.exchange import make_selection

    return make_selection(session, args.advisor, args.period, args.kabupaten)


def run_export(args: argparse.Namespace) -> int:
    from ..services.exchange import export_exchange

    database = open_existing(args)
    try:
        with database.session() as session:
            result = export_exchange(session, args.out, _selection(session, args))
    finally:
        database.close()
    counts = result.counts
    print(f"exported {counts['assessments']} assessments ({counts['ratings']} ratings), "
          f"{counts['advisors']} advisors and {counts['warongs']} e-Warongs to {result.path}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ..db import open_database
    from ..services.exchange import import_files

    if on_server(args):  # one transaction on the server: refused means nothing written
        database = open_existing(args)
        try:
            reports = import_files(database, args.files, dry_run=args.dry_run)
        finally:
            database.close()
        for report in reports:
            _print_report(report)
        print("dry run: nothing was written" if args.dry_run else
              "no backup taken on a server: back it up with 'ewarong-desktop backup --db URL' (pg_dump)")
        return 0
    path = database_path(args)
    created = not path.exists()
    database = open_database(path)
    try:
        reports = import_files(database, args.files, dry_run=args.dry_run)
    except BaseException:
        database.close()
        if created:  # a refused import leaves no new empty database behind
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    database.close()
    if created and args.dry_run:  # a dry run leaves nothing behind, not even a new file
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    for report in reports:
        _print_report(report)
    if args.dry_run:
        print("dry run: nothing was written")
    elif reports and reports[-1].backup_path is not None:
        print(f"backup taken before the import: {reports[-1].backup_path}")
    return 0


def _print_report(report) -> None:  # type: ignore[no-untyped-def]
    print(f"{report.file_name}: from e-Warong Desktop {report.program_version}, "
          f"written {report.created_at}")
    print(f"  {'records':<14}" + "".join(f"{title:>11}" for _, title in COUNT_COLUMNS))
    for kind, counts in report.counts.items():
        print(f"  {kind:<14}" + "".join(f"{getattr(counts, name):>11}" for name, _ in COUNT_COLUMNS))
    from ..services.cell_text import terminal_text

    for conflict in report.conflicts:
        print(f"  conflict: {terminal_text(conflict.advisor_name)} / "
              f"{terminal_text(conflict.warong_name)} / {conflict.period}: "
              f"{len(conflict.differences)} cell(s) differ; both versions kept"
              + (f" (conflict {conflict.id})" if conflict.id else ""))


def run_conflicts(args: argparse.Namespace) -> int:
    from ..services.exchange import list_conflicts

    database = open_existing(args)
    try:
        with database.reading() as session:
            conflicts = list_conflicts(session, include_resolved=args.all)
    finally:
        database.close()
    from ..services.cell_text import terminal_text

    for conflict in conflicts:
        state = conflict.resolution or "open"
        print(f"{conflict.id}  {state:<13}  {conflict.period}  {terminal_text(conflict.advisor_name)} / "
              f"{terminal_text(conflict.warong_name)}  here {conflict.local_updated_at:%Y-%m-%d %H:%M} "
              f"vs incoming {conflict.incoming_updated_at:%Y-%m-%d %H:%M} "
              f"({len(conflict.differences)} cells differ, from {conflict.source_file})")
    print(f"({len(conflicts)} conflicts)")
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    from ..services.exchange import resolve_conflict

    database = open_existing(args)
    try:
        with database.session() as session:
            conflict = resolve_conflict(session, args.conflict, args.keep, by=args.by)
    finally:
        database.close()
    from ..services.cell_text import terminal_text

    print(f"conflict {conflict.id} resolved: {(conflict.resolution or '').replace('_', ' ')} version "
          f"of {terminal_text(conflict.advisor_name)} / {terminal_text(conflict.warong_name)} / "
          f"{conflict.period}")
    return 0


def _spreadsheet(args: argparse.Namespace, write) -> int:  # type: ignore[no-untyped-def]
    database = open_existing(args)
    try:
        with database.reading() as session:
            count = write(session, _selection(session, args))
    finally:
        database.close()
    print(f"wrote {count} assessments to {args.out}")
    return 0


def run_export_xlsx(args: argparse.Namespace) -> int:
    from ..services.spreadsheets import export_xlsx

    if args.out.suffix.lower() != ".xlsx":
        raise ValidationError(f"{args.out} should end in .xlsx so Excel and LibreOffice open it",
                              id=f"{args.out} harus berakhiran .xlsx agar dapat dibuka Excel dan "
                                 "LibreOffice")
    return _spreadsheet(args, lambda session, selection: export_xlsx(session, args.out, selection))


def run_export_csv(args: argparse.Namespace) -> int:
    from ..services.spreadsheets import export_csv

    return _spreadsheet(args, lambda session, selection: export_csv(
        session, args.out, selection, wide=args.wide, delimiter=args.delimiter))
