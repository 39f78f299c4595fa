"""`demo` and `list`: make a demo database, list what a database holds."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from ..errors import DatabaseError
from .common import database_path, on_server, open_existing, reading_options


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser("demo", parents=[common], help="write a demo database")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.add_argument("--assessments", type=int, default=None, metavar="N",
                      help="approximate number of assessments (default: about 160)")
    demo.add_argument("--pattern", choices=("study", "flat"), default="study",
                      help="study: levels start from the study's reference levels (built in, so "
                           "reports repeat the study by construction); flat: every cell starts at "
                           "level 2 for both advisor types")
    demo.set_defaults(handler=run_demo)

    listing = subparsers.add_parser("list", parents=[common, reading_options()],
                                    help="list advisors, e-Warongs, assessments or coordinators")
    listing.add_argument("kind", choices=("advisors", "warongs", "assessments", "coordinators"))
    listing.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    listing.set_defaults(handler=run_list)


def run_demo(args: argparse.Namespace) -> int:
    from ..db import open_database
    from ..services.demo import generate_demo

    if args.assessments is not None and not 1 <= args.assessments <= 200_000:
        raise DatabaseError("--assessments must be between 1 and 200000",
                            id="--assessments harus antara 1 dan 200000")
    if on_server(args):
        return _demo_on_server(args)
    path = database_path(args)
    if path.exists() and path.stat().st_size > 0:
        raise DatabaseError(f"{path} already exists; the demo only writes a new file",
                            id=f"{path} sudah ada; demo hanya menulis berkas baru")
    # Only what this command creates is removed on failure (never a device or a file
    # that was there before).
    ours = [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")
            if not os.path.lexists(path.with_name(path.name + suffix))]
    database = None
    try:
        database = open_database(path)
        with database.session() as session:
            counts = generate_demo(session, seed=args.seed, assessments=args.assessments,
                                   pattern=args.pattern)
    except BaseException:
        if database is not None:
            database.close()
        for leftover in ours:  # nothing half-written is left behind
            leftover.unlink(missing_ok=True)
        raise
    database.close()
    print(f"demo database {path} (sample data, pattern {args.pattern}): {counts.advisors} "
          f"advisors, {counts.warongs} e-Warongs, {counts.assessments} assessments, "
          f"{counts.ratings} ratings")
    return 0


def _demo_on_server(args: argparse.Namespace) -> int:
    """The demo into a server database that holds no records yet, in one transaction."""
    from sqlalchemy import func, select

    from ..db import open_database
    from ..db.models import Advisor, Warong
    from ..services.demo import generate_demo

    database = open_database(args.db)
    try:
        with database.session() as session:
            if session.scalar(select(func.count()).select_from(Advisor)) or \
                    session.scalar(select(func.count()).select_from(Warong)):
                raise DatabaseError(
                    f"{database.location} already holds data; the demo only fills an empty database",
                    id=f"{database.location} sudah berisi data; demo hanya mengisi basis data kosong")
            counts = generate_demo(session, seed=args.seed, assessments=args.assessments)
    finally:
        database.close()
    print(f"demo database {database.location}: {counts.advisors} advisors, {counts.warongs} "
          f"e-Warongs, {counts.assessments} assessments, {counts.ratings} ratings")
    return 0


def _rows(session, kind: str) -> tuple[list[str], list[dict[str, Any]]]:  # type: ignore[no-untyped-def]
    from ..services import advisors, assessments, verification, warongs

    if kind == "advisors":
        return ["name", "advisor_type", "kabupaten", "kecamatan"], [
            dict(id=str(a.id), name=a.name, advisor_type=a.advisor_type, staff_number=a.staff_number,
                 phone=a.phone, kabupaten=a.kabupaten, kecamatan=a.kecamatan)
            for a in advisors.list_advisors(session)]
    if kind == "warongs":
        return ["name", "kelurahan", "kecamatan", "kabupaten"], [
            dict(id=str(w.id), name=w.name, kube_name=w.kube_name, kelurahan=w.kelurahan,
                 kecamatan=w.kecamatan, kabupaten=w.kabupaten, provinsi=w.provinsi,
                 year_founded=w.year_founded, member_count=w.member_count, services=list(w.services))
            for w in warongs.list_warongs(session)]
    if kind == "coordinators":
        from ..services.coordinators import list_coordinators_in

        return ["name", "scope", "office"], [
            dict(id=str(c.id), name=c.name, scope=c.scope, staff_number=c.staff_number,
                 office=c.office, has_pin=c.has_pin)
            for c in list_coordinators_in(session)]
    found = assessments.list_assessments(session)
    checked = verification.infos_for(session, [a.id for a in found])
    return ["period", "advisor_name", "advisor_type", "warong_name", "status", "completeness",
            "verification"], [
        dict(id=str(a.id), period=a.period, status=a.status, advisor_id=str(a.advisor_id),
             advisor_name=a.advisor_name, advisor_type=a.advisor_type, warong_id=str(a.warong_id),
             warong_name=a.warong_name, kecamatan=a.kecamatan, kabupaten=a.kabupaten,
             answered=a.answered, total=a.total, completeness=round(a.completeness, 4),
             instrument_version=a.instrument_version,
             verification=checked[a.id].as_json() if a.id in checked else None)
        for a in found]


def run_list(args: argparse.Namespace) -> int:
    database = open_existing(args)
    try:
        with database.reading() as session:
            columns, rows = _rows(session, args.kind)
    finally:
        database.close()
    if args.json:
        # print, not json.dump(sys.stdout): a windowed build has no stdout (None) at all.
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    shown_columns = ["id", *columns]
    table = [[_cell(row[c], c) for c in shown_columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in table]) for i, c in enumerate(shown_columns)]
    print("  ".join(c.upper().ljust(w) for c, w in zip(shown_columns, widths, strict=True)).rstrip())
    for r in table:
        print("  ".join(value.ljust(w) for value, w in zip(r, widths, strict=True)).rstrip())
    print(f"({len(rows)} {args.kind})")
    return 0


def _cell(value: Any, column: str) -> str:
    from ..services.cell_text import terminal_text

    if column == "completeness":
        return f"{value:.0%}"
    if column == "scope":
        return ", ".join(value)
    if column == "verification":
        return "" if value is None else f"{value['status']} ({value['cells_changed']})"
    if column == "period":  # as people say it; the JSON keeps the code ("2026-S2")
        from ..periods import period_name

        return period_name(value, "en")
    return "" if value is None else terminal_text(str(value))
