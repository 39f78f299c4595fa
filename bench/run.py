"""e-Warong Desktop benchmarks: speed and memory as ratios to a floor measured in the same run.

    python bench/run.py            # sizes 100, 1,000 and 10,000 assessments
    python bench/run.py --quick    # the smallest size, fewer repeats (CI runs this)

Prints a table (median, min, max, floor, ratio, budget, pass/fail) and writes it as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import Row, format_table, make_row, timed  # noqa: E402

SIZES = (100, 1_000, 10_000)


def build_database(folder: Path, size: int) -> Path:
    """A demo database of about ``size`` assessments (built once per run and size)."""
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services.demo import generate_demo

    path = folder / f"demo-{size}.sqlite3"
    if not path.exists():
        database = open_database(path)
        with database.session() as session:
            generate_demo(session, seed=size, assessments=size)
        database.close()
    return path


def _draft_assessment(path: Path):  # type: ignore[no-untyped-def]
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import assessments

    database = open_database(path)
    with database.session() as session:
        drafts = assessments.list_assessments(session, status="draft", limit=1)
    return database, drafts[0].id


def bench_save_rating(path: Path, repeat: int) -> list[Row]:
    """The autosave path: one rating through the services vs a bare sqlite3 UPDATE + COMMIT."""
    from ewarong_desktop.services import assessments

    database, assessment_id = _draft_assessment(path)
    level = iter(range(10**9))

    def save() -> None:
        with database.session() as session:
            assessments.set_rating(session, assessment_id, "4.3.5", next(level) % 5)

    save()  # warm caches (instrument, mapper configuration)
    samples = timed(save, repeat)
    database.close()

    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("busy_timeout = 5000", "foreign_keys = ON", "journal_mode = WAL",
                   "synchronous = FULL"):
        connection.execute(f"PRAGMA {pragma}")

    def bare() -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE rating SET level = ? WHERE assessment_id = ? AND cell_code = ?",
                           (next(level) % 5, assessment_id.hex, "4.3.5"))
        connection.execute("COMMIT")

    bare()
    floor = timed(bare, repeat)
    connection.close()
    return [make_row("save one rating", 0, samples, floor_samples=floor,
                     max_ratio=3, max_value=0.010)]


MEASUREMENTS = [bench_save_rating]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smallest size only, fewer repeats")
    parser.add_argument("--sizes", help="comma-separated sizes (default 100,1000,10000)")
    parser.add_argument("--repeat", type=int, help="repeats per measurement")
    parser.add_argument("--json", type=Path, default=Path("bench/results/latest.json"))
    parser.add_argument("--workdir", type=Path, help="where the demo databases are built")
    args = parser.parse_args(argv)
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    else:
        sizes = [100] if args.quick else list(SIZES)
    repeat = args.repeat or (3 if args.quick else 7)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ewarong-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)

    rows: list[Row] = []
    for size in sizes:
        path = build_database(workdir, size)
        for measure in MEASUREMENTS:
            for row in measure(path, repeat):
                row.size = size
                rows.append(row)
                shown = f"{row.median * 1000:.1f} ms" if row.unit == "s" else f"{row.median:.1f} MB"
                print(f"  {row.measurement} @ {size:,}: {shown}", file=sys.stderr, flush=True)
    print(format_table(rows))
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "sizes": sizes, "repeat": repeat, "rows": [row.as_dict() for row in rows],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    failed = [row for row in rows if not row.passed]
    print(f"{len(rows) - len(failed)} passed, {len(failed)} failed budgets; JSON in {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
