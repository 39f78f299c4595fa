"""e-Warong Desktop benchmarks: speed and memory as ratios to a floor measured in the same run.

    python bench/run.py            # sizes 100, 1,000 and 10,000 assessments
    python bench/run.py --quick    # the smallest size, fewer repeats (CI runs this)
    python bench/run.py --bundle   # also the built bundle's cold start (dist/ewarong-desktop)

Prints a table (median, min, max, floor, ratio, budget, pass/fail) and how each cost grows
from 100 to 10,000 assessments, and writes both as JSON. Demo databases are built once per
size in the work folder and reused by later runs. Everything runs offscreen with its own
HOME, so the person's settings, backups and logs are never touched.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from bench.harness import (  # noqa: E402
    Row,
    format_growth,
    format_table,
    growth_rows,
    interleaved,
    make_row,
    run_python,
    run_timed,
    shown,
    timed,
)

SIZES = (100, 1_000, 10_000)
GUI_PROBE = str(BENCH / "gui_probe.py")
# Costs the issue says must not grow with the database (everything else: linear or better).
FLAT = {"cold start to first paint", "cold start to filled window", "open assessment form",
        "bundle cold start to first paint", "bundle cold start to filled window"}
DEFAULT_BUNDLE = BENCH.parent / "dist" / "ewarong-desktop"
# The tables an exchange file carries, in an order their references allow.
EXCHANGED_TABLES = ("advisor", "warong", "assignment", "assessment", "rating", "target_level",
                    "coordinator", "verification", "verified_cell", "target_setting",
                    "plan_action", "follow_up", "audit_entry", "tombstone")
SMALL_SAMPLES = 20  # samples per repeat for costs under a millisecond
PRAGMAS = ("busy_timeout = 5000", "foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL")


@dataclass
class Context:
    """One size's database and what every measurement of that size shares."""

    size: int
    path: Path
    workdir: Path
    repeat: int
    quick: bool
    env: dict[str, str]  # for fresh interpreters: isolated HOME, offscreen, compiled modules
    assessments: int = 0
    bundle: Path | None = None  # dist/ewarong-desktop/ (packaging/build.py), when built
    cache: dict[str, object] = field(default_factory=dict)


# --------------------------------------------------------------------------- set-up


def isolate(workdir: Path) -> dict[str, str]:
    """Point HOME/XDG at the work folder (this process and its children); the child env."""
    home = workdir / "home"
    for name, folder in (("HOME", home), ("XDG_DATA_HOME", home / "data"),
                         ("XDG_CONFIG_HOME", home / "config"), ("XDG_STATE_HOME", home / "state"),
                         ("XDG_CACHE_HOME", home / "cache")):
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(folder)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    env = dict(os.environ)
    # A fresh interpreter should load compiled modules, as an installed program does; with
    # PYTHONDONTWRITEBYTECODE it would recompile the whole program at every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


def build_database(folder: Path, size: int) -> Path:
    """A demo database of about ``size`` assessments, built once per size and schema."""
    from ewarong_desktop.db import open_database
    from ewarong_desktop.db.migrations import HEAD_REVISION
    from ewarong_desktop.services.demo import generate_demo

    path = folder / f"demo-{size}-r{HEAD_REVISION}.sqlite3"
    if not path.exists():
        partial = _removed(path.with_name(path.name + ".partial"))
        database = open_database(partial)
        with database.session() as session:
            generate_demo(session, seed=size, assessments=size)
        database.close()
        partial.rename(path)
    return path


def _removed(path: Path) -> Path:
    """``path`` with no database file (nor its -wal/-shm) left from an earlier run."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def open_bench_database(path: Path):  # type: ignore[no-untyped-def]
    """Open without the daily background backup: it would run beside the measurements."""
    from ewarong_desktop.db import open_database

    return open_database(path, startup_backup=False)


def _draft(ctx: Context):  # type: ignore[no-untyped-def]
    """An advisor's own draft: what the form, the autosave and the window open."""
    from ewarong_desktop.services import assessments

    if "draft" not in ctx.cache:
        database = open_bench_database(ctx.path)
        with database.session() as session:
            ctx.cache["draft"] = assessments.list_assessments(session, status="draft", limit=1)[0]
        database.close()
    return ctx.cache["draft"]


def _final_with_previous(database):  # type: ignore[no-untyped-def]
    """A final assessment of the latest period that has one before it (a full profile)."""
    from ewarong_desktop.services import assessments

    with database.session() as session:
        for summary in assessments.list_assessments(session, status="final", limit=50):
            if assessments.previous_assessment_id(session, summary.id) is not None:
                return summary
        return assessments.list_assessments(session, status="final", limit=1)[0]


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


# --------------------------------------------------------------------------- the window


def bench_cold_start(ctx: Context) -> list[Row]:
    """``ewarong-desktop --db FILE`` until its first window, then its main window with the
    list, is painted, vs a bare QMainWindow; all from the moment the process is launched."""
    from ewarong_desktop.ui.settings import Settings

    # First-launch set-up done, as the person would have: this laptop's advisor is known.
    settings = Settings()
    settings.set_current_advisor(ctx.path, _draft(ctx).advisor_id)
    settings.sync()
    db = str(ctx.path)
    # Not counted: the first start may run the daily full check and backup, build the font
    # cache and compile modules; the rows are the starts after it.
    probes = {"floor": ("floor",), "program": ("start", "--db", db),
              "libraries": ("libraries",)}

    def paints(name: str) -> dict[str, float]:
        """Seconds from starting the process to its first paint and to the filled window."""
        started = time.perf_counter()  # the probe reports the same system-wide clock
        moments = json.loads(run_timed(GUI_PROBE, *probes[name], env=ctx.env)[1])
        return {"first": moments["painted_at"] - started, "filled": moments["filled_at"] - started}

    def bundle_paints(_name: str) -> dict[str, float]:
        """The same moments for the bundle's windowed executable (its runtime hook reports
        them when EWARONG_PAINT_PROBE names a file: packaging/rthooks/paint_probe.py)."""
        assert ctx.bundle is not None
        report = ctx.workdir / "bundle-paint.json"
        report.unlink(missing_ok=True)
        env = dict(ctx.env, EWARONG_PAINT_PROBE=str(report))
        started = time.perf_counter()
        done = subprocess.run([str(ctx.bundle / "ewarong-desktop"), "--db", db], env=env,
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or not report.exists():
            raise RuntimeError(f"the bundle did not paint: {done.stderr.strip()[-2000:]}")
        moments = json.loads(report.read_text(encoding="utf-8"))
        return {"first": moments["painted_at"] - started, "filled": moments["filled_at"] - started}

    measure = {name: paints for name in probes}
    if ctx.bundle is not None:
        measure["bundle"] = bundle_paints
        measure["bundle"]("bundle")  # warm-up, as for the program
    warm_up = paints("program")["filled"]
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in measure}
    for _ in range(ctx.repeat):  # taking turns, so a noisy moment hits a cost and its floor
        for name, probe in measure.items():
            samples[name].append(probe(name))
    floor = [sample["first"] for sample in samples["floor"]]
    bundle_rows = [] if ctx.bundle is None else [
        make_row("bundle cold start to first paint", ctx.size,
                 [sample["first"] for sample in samples["bundle"]], floor_samples=floor,
                 max_ratio=2.5, note="the PyInstaller bundle's windowed executable; same floor"),
        make_row("bundle cold start to filled window", ctx.size,
                 [sample["filled"] for sample in samples["bundle"]], floor_samples=floor,
                 note="reference: the bundle's main window with its list"),
    ]
    return bundle_rows + [
        make_row("cold start to first paint", ctx.size,
                 [sample["first"] for sample in samples["program"]], floor_samples=floor,
                 max_ratio=2.5, note="the start window, 'opening the database'"),
        make_row("cold start to filled window", ctx.size,
                 [sample["filled"] for sample in samples["program"]], floor_samples=floor,
                 note=f"reference: the main window with its list; warm-up start "
                      f"{warm_up * 1000:.0f} ms not counted"),
        make_row("start floor + SQLAlchemy import", ctx.size,
                 [sample["first"] for sample in samples["libraries"]], floor_samples=floor,
                 note="reference: the bare window after importing the database library"),
    ]


def bench_open_form(ctx: Context) -> list[Row]:
    """The assessment form constructed, shown and painted, in this process."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bench.gui_probe import wait_painted

    app = QApplication.instance() or QApplication(sys.argv[:1])
    database = open_bench_database(ctx.path)
    draft = _draft(ctx)

    def open_form() -> tuple[float, object]:
        start = time.perf_counter()
        # Imported on first use, as the main window does.
        from ewarong_desktop.ui.assessment.form import AssessmentForm

        form = AssessmentForm(database, draft.id, editor_id=draft.advisor_id, lang="id")
        form.setWindowFlag(Qt.WindowType.Window, True)  # as MainWindow shows it
        form.resize(1280, 800)
        form.show()
        wait_painted(app, form)
        return time.perf_counter() - start, form

    def close(form) -> None:  # type: ignore[no-untyped-def]
        form.close()
        form.deleteLater()
        app.processEvents()

    first, form = open_form()
    close(form)
    samples = []
    for _ in range(ctx.repeat):
        elapsed, form = open_form()
        samples.append(elapsed)
        close(form)
    database.close()
    return [make_row("open assessment form", ctx.size, samples, max_value=0.150,
                     note=f"first open in a session {first * 1000:.0f} ms")]


def bench_gui_memory(ctx: Context) -> list[Row]:
    """Peak memory of the program: start, main window, a form and a profile view, quit."""
    runs = [json.loads(run_timed(GUI_PROBE, "memory", "--db", str(ctx.path), env=ctx.env)[1])
            for _ in range(min(ctx.repeat, 3))]
    return [make_row("GUI peak memory", ctx.size, [run["peak_mb"] for run in runs], unit="MB",
                     max_value=300)]


# --------------------------------------------------------------------------- saving


def bench_save_rating(ctx: Context) -> list[Row]:
    """The autosave path: one rating through the services vs a bare sqlite3 UPDATE + COMMIT."""
    from ewarong_desktop.services import assessments

    database = open_bench_database(ctx.path)
    assessment_id = _draft(ctx).id
    level = iter(range(10**9))

    def save() -> None:
        with database.session() as session:
            assessments.set_rating(session, assessment_id, "4.3.5", next(level) % 5)

    connection = sqlite3.connect(ctx.path, isolation_level=None)
    for pragma in PRAGMAS:
        connection.execute(f"PRAGMA {pragma}")

    def bare() -> None:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE rating SET level = ? WHERE assessment_id = ? AND cell_code = ?",
                           (next(level) % 5, assessment_id.hex, "4.3.5"))
        connection.execute("COMMIT")

    save()  # warm caches (instrument, mapper configuration)
    bare()
    # Each sample is under a millisecond: many of them, so the medians settle.
    samples = interleaved({"save": save, "floor": bare}, ctx.repeat * SMALL_SAMPLES)
    database.close()
    connection.close()
    return [make_row("save one rating", ctx.size, samples["save"], floor_samples=samples["floor"],
                     max_ratio=3, max_value=0.010,
                     note=f"{len(samples['save'])} saves, taking turns with the floor")]


# --------------------------------------------------------------------------- reports


def bare_profile_page() -> bytes:
    """The floor of a profile page in plain reportlab: the same embedded font, a radar of
    the four roles (self, target, previous) and a 32-row table, on one A4 page."""
    from reportlab.graphics.charts.spider import SpiderChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    radar = SpiderChart()
    radar.x, radar.y, radar.width, radar.height = 60, 20, 180, 180
    radar.data = [[2.4, 2.9, 2.1, 1.8], [3, 3, 3, 3], [2.0, 2.6, 1.9, 1.5]]
    radar.labels = ["Broker", "Mediator", "Educator", "Facilitator"]
    radar.strandLabels.fontName = radar.spokeLabels.fontName = "BenchSans"
    radar.strands[0].fillColor = colors.Color(0.03, 0.32, 0.61, alpha=0.16)
    radar.strands[1].strokeDashArray = (4, 2.5)
    radar.strands[2].strokeDashArray = (1, 2)
    drawing = Drawing(300, 210)
    drawing.add(radar)
    rows = [["Sel", "Kegiatan", "Nilai", "Target", "Selisih"]] + [
        [f"4.{role}.{area}", f"Peran {role} pada agenda {area}: kegiatan pendamping di e-Warong",
         str((role + area) % 5), "3", str((role + area) % 5 - 3)]
        for role in range(1, 5) for area in range(1, 9)]
    table = Table(rows, colWidths=[36, 290, 40, 40, 40], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "BenchSans", 7.5), ("FONT", (0, 0), (-1, 0), "BenchSans-Bold", 7.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e4e4")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f4f4f4")]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, topMargin=45, bottomMargin=45).build([drawing, table])
    return buffer.getvalue()


def _register_bench_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from ewarong_desktop.paths import resource_path

    for name, file_name in (("BenchSans", "DejaVuSans.ttf"), ("BenchSans-Bold", "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))


def bench_profile_pdf(ctx: Context) -> list[Row]:
    """One role profile (data gathered + rendered) per page, vs the bare reportlab page."""
    from ewarong_desktop.services.report_export import profile_pdf

    database = open_bench_database(ctx.path)
    assessment_id = _final_with_previous(database).id
    pages = _pages(profile_pdf(database, assessment_id))  # warm: fonts registered, imports
    _register_bench_fonts()
    floor_pages = _pages(bare_profile_page())
    samples = interleaved({"profile": lambda: profile_pdf(database, assessment_id),
                           "floor": bare_profile_page}, ctx.repeat)
    database.close()
    floor = [s / floor_pages for s in samples["floor"]]
    return [make_row("role profile PDF, per page", ctx.size, samples["profile"], per=pages,
                     floor_samples=floor, max_ratio=3,
                     note=f"{pages} pages")]


def bench_summary_pdf(ctx: Context) -> list[Row]:
    """The coordinator's summary of the latest period over the whole database."""
    from ewarong_desktop.services.report_export import summary_pdf
    from ewarong_desktop.services.summary import SummaryFilters

    database = open_bench_database(ctx.path)
    pages = _pages(summary_pdf(database, SummaryFilters()))
    samples = timed(lambda: summary_pdf(database, SummaryFilters()), ctx.repeat)
    database.close()
    return [make_row("coordinator summary PDF", ctx.size, samples, max_value=2.0,
                     note=f"{pages} pages")]


BATCH_PROBE = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from bench.gui_probe import peak_mb
from ewarong_desktop.db import open_database
from ewarong_desktop.reports.batch import write_profiles_pdf
from ewarong_desktop.services import assessments
# The generator export_profiles prints from: one short session per profile.
from ewarong_desktop.services.report_export import _profiles

path, count, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
database = open_database(path, startup_backup=False)
with database.session() as session:
    ids = [summary.id for summary in assessments.list_assessments(session, limit=count)]
result = write_profiles_pdf(_profiles(database, ids), len(ids), out, title="bench")
database.close()
out.unlink()
print(json.dumps({"profiles": result.written, "peak_mb": peak_mb()}))
"""


def bench_batch_memory(ctx: Context) -> list[Row]:
    """Peak memory of a combined PDF of 1,000 profiles vs one of 100 (fresh processes)."""
    large = min(1_000, ctx.assessments)
    out = str(ctx.workdir / "batch.pdf")
    runs = {count: json.loads(run_python(BATCH_PROBE, str(ctx.path), str(count), out,
                                         str(BENCH.parent), env=ctx.env))
            for count in (100, large)}
    note = f"{runs[large]['profiles']} profiles vs 100, one run each"
    if large < 1_000:
        note += f" (all {large} this database holds)"
    return [make_row("batch of profiles, peak memory", ctx.size, [runs[large]["peak_mb"]],
                     unit="MB", floor_samples=[runs[100]["peak_mb"]], max_ratio=1.10, note=note)]


# --------------------------------------------------------------------------- exchange


def bench_export(ctx: Context) -> list[Row]:
    """Everything in the database written to one exchange file."""
    from ewarong_desktop.output_files import confirm_replacement
    from ewarong_desktop.services.exchange import export_exchange

    database = open_bench_database(ctx.path)
    out = ctx.workdir / f"export-{ctx.size}.ewarong"

    def export() -> None:
        confirm_replacement(out)  # each repeat writes over the last, as --overwrite allows
        with database.session() as session:
            export_exchange(session, out)

    export()  # not counted: the first export of the process loads the exchange modules
    samples = timed(export, ctx.repeat)
    database.close()
    ctx.cache["export"] = out
    return [make_row("export everything", ctx.size, samples, max_value=5.0,
                     note=f"{out.stat().st_size / 2**20:.1f} MB file")]


def _empty_database(path: Path) -> Path:
    open_bench_database(_removed(path)).close()  # the program's schema, nothing in it
    return path


def bench_import(ctx: Context) -> list[Row]:
    """The export imported into an empty database, then again (nothing changes), vs plain
    sqlite3 executemany of the same rows into an empty database in one transaction."""
    from ewarong_desktop.services.exchange import import_files

    file = ctx.cache.get("export")
    if file is None:
        bench_export(ctx)
        file = ctx.cache["export"]
    source = sqlite3.connect(ctx.path)
    tables = {}
    for table in EXCHANGED_TABLES:
        cursor = source.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
        tables[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    source.close()

    def floor_once() -> float:
        connection = sqlite3.connect(_empty_database(ctx.workdir / "floor.sqlite3"),
                                     isolation_level=None)
        for pragma in PRAGMAS:
            connection.execute(f"PRAGMA {pragma}")
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        for table, (columns, rows) in tables.items():
            marks = ", ".join("?" * len(columns))
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608
        connection.execute("COMMIT")
        elapsed = time.perf_counter() - start
        connection.close()
        return elapsed

    # Not counted: the first import of the process loads the schema checker.
    database = open_bench_database(_empty_database(ctx.workdir / "import.sqlite3"))
    import_files(database, [file])
    database.close()
    first, again, floor = [], [], []
    for _ in range(ctx.repeat):
        floor.append(floor_once())
        database = open_bench_database(_empty_database(ctx.workdir / "import.sqlite3"))
        start = time.perf_counter()
        import_files(database, [file])
        first.append(time.perf_counter() - start)
        start = time.perf_counter()
        report = import_files(database, [file])[0]
        again.append(time.perf_counter() - start)
        database.close()
        assert report.total("new") == 0, "a re-import must change nothing"
    return [
        make_row("import into empty database", ctx.size, first, floor_samples=floor,
                 max_ratio=5, max_value=15.0),
        make_row("re-import (nothing changes)", ctx.size, again, floor_samples=floor,
                 max_ratio=5, max_value=5.0, note="floor: the same executemany"),
    ]


def bench_save_rating_server(ctx: Context) -> list[Row]:
    """The autosave path on a PostgreSQL server vs a bare psycopg UPDATE + COMMIT.

    Only with ``--server URL`` (a login that may create databases): a throwaway database
    is made there for the run and dropped after it.
    """
    url = ctx.cache.get("server")
    if not isinstance(url, str):
        return []
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import advisors, assessments, warongs

    name = f"ewarong_bench_{os.getpid()}"
    admin_url = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    bench_url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        database = open_database(bench_url)
        with database.session() as session:
            advisor = advisors.create_advisor(session, "Bench", "PKH")
            warong = warongs.create_warong(session, warongs.WarongFields(
                name="e-Warong Bench", kelurahan="K", kecamatan="C", kabupaten="B"),
                advisor_id=advisor.id)
            assessment_id: uuid.UUID = assessments.start_assessment(
                session, advisor.id, warong.id, "2026-S1").id
        level = iter(range(10**9))

        def save() -> None:
            with database.session() as session:
                assessments.set_rating(session, assessment_id, "4.3.5", next(level) % 5)

        connection = psycopg.connect(bench_url)

        def bare() -> None:
            connection.execute("UPDATE rating SET level = %s WHERE assessment_id = %s AND "
                               "cell_code = %s", (next(level) % 5, assessment_id, "4.3.5"))
            connection.commit()

        save()
        bare()
        samples = interleaved({"save": save, "floor": bare}, ctx.repeat * SMALL_SAMPLES)
        connection.close()
        database.close()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return [make_row("save one rating on the server", ctx.size, samples["save"],
                     floor_samples=samples["floor"], max_ratio=3,
                     note=f"{len(samples['save'])} saves on local PostgreSQL, taking turns "
                          "with a bare psycopg UPDATE + COMMIT")]


MEASUREMENTS = [bench_cold_start, bench_open_form, bench_save_rating, bench_save_rating_server,
                bench_profile_pdf, bench_summary_pdf, bench_batch_memory, bench_export,
                bench_import, bench_gui_memory]
# Rows every run prints (the quick-mode test checks that none is missing).
ROW_NAMES = ("cold start to first paint", "cold start to filled window",
             "start floor + SQLAlchemy import",
             "open assessment form", "save one rating", "role profile PDF, per page",
             "coordinator summary PDF", "batch of profiles, peak memory", "export everything",
             "import into empty database", "re-import (nothing changes)", "GUI peak memory")


def _count_assessments(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM assessment").fetchone()[0]
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smallest size only, fewer repeats")
    parser.add_argument("--sizes", help="comma-separated sizes (default 100,1000,10000)")
    parser.add_argument("--repeat", type=int, help="repeats per measurement")
    parser.add_argument("--json", type=Path, default=BENCH / "results" / "latest.json")
    parser.add_argument("--markdown", type=Path,
                        help="also write the tables as Markdown (for bench/RESULTS.md)")
    parser.add_argument("--server", metavar="URL",
                        help="also time saving a rating on this PostgreSQL server (a login that "
                             "may create databases)")
    parser.add_argument("--only", help="comma-separated measurement functions, e.g. bench_save_rating")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ewarong-bench",
                        help="where demo databases are built and kept between runs")
    parser.add_argument("--bundle", type=Path, nargs="?", const=DEFAULT_BUNDLE,
                        help="also time the built bundle (python packaging/build.py; "
                             "default dist/ewarong-desktop)")
    args = parser.parse_args(argv)
    bundle = None
    if args.bundle is not None:
        bundle = args.bundle.resolve()
        if not (bundle / "ewarong-desktop").is_file():
            parser.error(f"no bundle in {bundle}: build it with python packaging/build.py")
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    else:
        sizes = [100] if args.quick else list(SIZES)
    repeat = args.repeat or (3 if args.quick else 7)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    env = isolate(workdir)

    rows: list[Row] = []
    counts: dict[int, int] = {}
    for size in sizes:
        path = build_database(workdir, size)
        counts[size] = _count_assessments(path)
        ctx = Context(size, path, workdir, repeat, args.quick, env, counts[size], bundle=bundle)
        if args.server:
            ctx.cache["server"] = args.server
        print(f"size {size:,}: {counts[size]:,} assessments", file=sys.stderr, flush=True)
        chosen = set(args.only.split(",")) if args.only else None
        for measure in MEASUREMENTS:
            if chosen is not None and measure.__name__ not in chosen:
                continue
            for row in measure(ctx):
                rows.append(row)
                print(f"  {row.measurement} @ {size:,}: {shown(row.median, row.unit)}",
                      file=sys.stderr, flush=True)
    growth = growth_rows(rows, counts, FLAT)
    tables = format_table(rows) + (f"\n\n{format_growth(growth, counts)}" if growth else "")
    print(tables)
    date = datetime.now(UTC).isoformat(timespec="seconds")
    # The cores this run may use, as `nproc` counts them.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    machine = {"cores": cores, "platform": platform.platform(), "python": platform.python_version()}
    if args.markdown is not None:
        args.markdown.write_text(
            f"Run {date} on {machine['platform']}, {cores} cores, Python {machine['python']}; "
            f"{repeat} repeats.\n\n{tables}\n", encoding="utf-8")
    report = {
        "date": date, "machine": machine,
        "sizes": sizes, "assessments": counts, "repeat": repeat,
        "rows": [row.as_dict() for row in rows], "growth": growth,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    failed = [row for row in rows if not row.passed]
    print(f"{len(rows) - len(failed)} passed, {len(failed)} failed budgets; JSON in {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
