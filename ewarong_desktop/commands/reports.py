"""`report profile|summary|profiles`: print PDF reports from a database file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import open_existing, reading_options

ADVISOR_TYPES = ("PKH", "TKSK", "OTHER")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    report = subparsers.add_parser("report", help="print PDF role profiles and summaries")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True,
                                  parser_class=type(report))
    lang = argparse.ArgumentParser(add_help=False)
    common = argparse.ArgumentParser(add_help=False, parents=[common, reading_options()])
    # SUPPRESS: a default here would hide a --lang given before the command.
    lang.add_argument("--lang", choices=("id", "en"), default=argparse.SUPPRESS,
                      help="report language (default: id)")

    profile = kinds.add_parser("profile", parents=[common, lang],
                               help="the role profile of one assessment")
    profile.add_argument("--assessment", required=True, metavar="ID",
                         help="assessment id (see 'list assessments')")
    profile.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    profile.add_argument("--overwrite", action="store_true",
                         help="replace the output if it exists (never a database or a backup)")
    profile.set_defaults(handler=run_profile)

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--kabupaten", metavar="K", help="only this kabupaten/kota")
    filters.add_argument("--kecamatan", metavar="C", help="only this kecamatan")
    filters.add_argument("--type", dest="advisor_type", choices=ADVISOR_TYPES,
                         help="only this advisor type")

    summary = kinds.add_parser("summary", parents=[common, lang, filters],
                               help="the coordinator's summary of a period")
    summary.add_argument("--period", metavar="P",
                         help="semester such as 2026-S1 (default: the latest with data)")
    summary.add_argument("--include-drafts", action="store_true",
                         help="count draft assessments in the means too")
    summary.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    summary.add_argument("--overwrite", action="store_true",
                         help="replace the output if it exists (never a database or a backup)")
    summary.set_defaults(handler=run_summary)

    profiles = kinds.add_parser("profiles", parents=[common, lang, filters],
                                help="all role profiles of a period, in one PDF or a folder")
    profiles.add_argument("--period", required=True, metavar="P", help="semester such as 2026-S1")
    profiles.add_argument("--include-drafts", action="store_true",
                          help="print drafts too (marked DRAF); by default only final assessments")
    where = profiles.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.pdf",
                       help="one PDF, each profile starting on a new page")
    where.add_argument("--out-dir", type=Path, metavar="DIR", help="one PDF per profile")
    profiles.add_argument("--overwrite", action="store_true",
                          help="replace the output if it exists (never a database or a backup)")
    profiles.set_defaults(handler=run_profiles)


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "id"


def run_profile(args: argparse.Namespace) -> int:
    from ..services.report_export import export_profile

    database = open_existing(args)
    try:
        path = export_profile(database, args.assessment, args.out, _lang(args))
    finally:
        database.close()
    print(f"role profile written to {path}")
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from ..services.report_export import export_summary
    from ..services.summary import SummaryFilters

    filters = SummaryFilters(args.period, args.kabupaten, args.kecamatan, args.advisor_type,
                             args.include_drafts)
    database = open_existing(args)
    try:
        path = export_summary(database, filters, args.out, _lang(args))
    finally:
        database.close()
    print(f"coordinator summary written to {path}")
    return 0


def run_profiles(args: argparse.Namespace) -> int:
    from ..services.report_data import ProfileFilters
    from ..services.report_export import export_profiles

    filters = ProfileFilters(args.period, args.kabupaten, args.kecamatan, args.advisor_type,
                             include_drafts=args.include_drafts)
    show_progress = sys.stderr is not None and sys.stderr.isatty()  # None: windowed build

    def progress(done: int, total: int, name: str) -> None:
        if show_progress:
            print(f"\r{done}/{total} profiles", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    database = open_existing(args)
    try:
        result = export_profiles(database, filters, out_file=args.out, out_dir=args.out_dir,
                                 lang=_lang(args), progress=progress)
    finally:
        database.close()
    where = args.out if args.out is not None else args.out_dir
    print(f"{result.written} role profiles written to {where}")
    return 0
