"""The self-contained bundle works where there is no Python: built once, then used as a person would.

Builds ``dist``-style bundle with ``packaging/build.py`` into a temporary folder (about a
minute and a half on two cores), or uses the one named by ``EWARONG_BUNDLE`` (the Windows
workflow builds first, then runs these tests against its bundle). Every run of the bundle
gets a PATH without Python, no PYTHON* variables and this test's own fresh home folder.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from ewarong_desktop import __version__

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
EXE = ".exe" if sys.platform == "win32" else ""
TIMEOUT = 180


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    given = os.environ.get("EWARONG_BUNDLE")
    if given:
        return Path(given)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--no-sync",
                           "--dist", str(dist)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "built " in done.stdout
    return dist / "ewarong-desktop"


@pytest.fixture
def no_python_env(tmp_path, _isolated_user_dirs) -> dict[str, str]:
    """The environment of a laptop without Python: an empty PATH, this test's fresh home."""
    empty_path = tmp_path / "empty-path"
    empty_path.mkdir()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA"))}
    home = str(_isolated_user_dirs)
    # HOME and the XDG folders are this test's fresh ones (tests/conftest.py); on Windows the
    # runner's profile is fresh, and the settings written below must be where the bundle looks.
    env.update(PATH=str(empty_path), HOME=home, QT_QPA_PLATFORM="offscreen")
    assert shutil.which("python", path=env["PATH"]) is None
    assert shutil.which("python3", path=env["PATH"]) is None
    return env


def settings_for(env: dict[str, str]):  # type: ignore[no-untyped-def]
    """The program's settings as a fresh process with ``env`` finds them. (Qt fixes the
    settings folder once per process, so Settings() here may point at an earlier test's.)"""
    from PySide6.QtCore import QSettings

    from ewarong_desktop.ui.settings import Settings

    if sys.platform == "win32":
        base = Path(env["APPDATA"])
    else:
        base = Path(env.get("XDG_CONFIG_HOME") or Path(env["HOME"]) / ".config")
    return Settings(QSettings(str(base / "ewarong" / "ewarong-desktop.ini"), QSettings.Format.IniFormat))


def cli(bundle: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle / f"ewarong-desktop-cli{EXE}"), *args], env=env,
                          capture_output=True, text=True, timeout=TIMEOUT)


def ok(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def font_names(pdf: Path) -> set[tuple[str, bool]]:
    """Every font the PDF's pages use, with whether its program is embedded."""
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            names.add((str(font["/BaseFont"]), embedded))
    return names


def revision(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def test_bundle_holds_two_executables_and_what_it_needs(bundle):
    assert (bundle / f"ewarong-desktop{EXE}").is_file()
    assert (bundle / f"ewarong-desktop-cli{EXE}").is_file()
    internal = bundle / "_internal"
    assert list(internal.rglob("0001_initial_schema.py")), "migrations must ship as source"
    assert list(internal.rglob("ewarong_en.qm")) and not list(internal.rglob("*.ts"))
    assert not list(internal.rglob("tkinter")) and not list(internal.rglob("_tkinter*"))
    assert not list(internal.rglob("*qgtk3*"))


def test_commands_work_without_python(bundle, no_python_env, tmp_path):
    env = no_python_env
    assert ok(cli(bundle, env, "--version")).strip() == f"ewarong-desktop {__version__}"
    field = tmp_path / "field.sqlite3"
    ok(cli(bundle, env, "demo", "--db", str(field), "--assessments", "8"))
    assessments = json.loads(ok(cli(bundle, env, "list", "assessments", "--db", str(field), "--json")))
    assert assessments

    pdf = tmp_path / "profile.pdf"
    ok(cli(bundle, env, "report", "profile", "--db", str(field), "--assessment",
           assessments[0]["id"], "--out", str(pdf)))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    fonts = font_names(pdf)
    assert fonts and all(embedded for _name, embedded in fonts)
    assert any("DejaVuSans" in name for name, _ in fonts)

    exchange = tmp_path / "field.ewarong"
    ok(cli(bundle, env, "export", "--db", str(field), "--out", str(exchange)))
    office = tmp_path / "office.sqlite3"
    office.touch()  # an empty file: the bundle creates the schema in it
    ok(cli(bundle, env, "import", "--db", str(office), str(exchange)))
    received = json.loads(ok(cli(bundle, env, "list", "assessments", "--db", str(office), "--json")))
    assert sorted(a["id"] for a in received) == sorted(a["id"] for a in assessments)

    # A mistake is one line on stderr and exit code 1, no traceback, even frozen.
    wrong = cli(bundle, env, "list", "advisors", "--db", str(tmp_path / "missing.sqlite3"))
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1 and "Traceback" not in wrong.stderr


def test_database_of_the_first_schema_upgrades_inside_the_bundle(bundle, no_python_env, tmp_path):
    """A file written by the oldest schema that ships is brought to the head by the bundle."""
    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from ewarong_desktop.db.migrations import HEAD_REVISION, alembic_config

    config = alembic_config()
    first = ScriptDirectory.from_config(config).get_base()
    old = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, first)
    engine.dispose()
    assert revision(old) == first
    ok(cli(bundle, no_python_env, "list", "advisors", "--db", str(old)))
    assert revision(old) == HEAD_REVISION


@pytest.fixture
def bundle_without_migrations(bundle):
    """The bundle as a freezer that dropped the migration scripts would have built it."""
    migrations = bundle / "_internal" / "ewarong_desktop" / "db" / "migrations"
    hidden = migrations.with_name("migrations-hidden-by-test")
    migrations.rename(hidden)
    try:
        yield bundle
    finally:
        hidden.rename(migrations)


def test_bundle_without_migrations_refuses_and_leaves_files_unchanged(bundle_without_migrations,
                                                                      no_python_env, tmp_path):
    new = tmp_path / "new.sqlite3"
    new.touch()
    older = tmp_path / "older.sqlite3"
    older.touch()
    connection = sqlite3.connect(older)
    with connection:  # a file from an older schema than this program's
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('0000_older')")
    connection.close()
    for path in (new, older):
        before = path.read_bytes()
        refused = cli(bundle_without_migrations, no_python_env, "list", "advisors", "--db", str(path))
        assert refused.returncode == 1
        assert "upgrade scripts" in refused.stderr and "missing or incomplete" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert path.read_bytes() == before


def test_window_opens_from_the_bundle(bundle, no_python_env, tmp_path):
    field = tmp_path / "field.sqlite3"
    ok(cli(bundle, no_python_env, "demo", "--db", str(field), "--assessments", "8"))
    advisors = json.loads(ok(cli(bundle, no_python_env, "list", "advisors", "--db", str(field), "--json")))
    settings = settings_for(no_python_env)  # who uses this laptop: chosen at an earlier start
    settings.set_current_advisor(field, uuid.UUID(advisors[0]["id"]))
    settings.sync()
    probe, grab = tmp_path / "paint.json", tmp_path / "window.png"
    env = dict(no_python_env, EWARONG_PAINT_PROBE=str(probe), EWARONG_PAINT_PROBE_GRAB=str(grab))
    done = subprocess.run([str(bundle / f"ewarong-desktop{EXE}"), "--db", str(field)], env=env,
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stdout + done.stderr
    painted = json.loads(probe.read_text(encoding="utf-8"))
    # A demo database: the title says so before the program's name and the advisor's.
    assert painted["title"].startswith("DATA CONTOH") and "e-Warong Desktop" in painted["title"]
    assert advisors[0]["name"] in painted["title"]
    assert painted["painted_at"] <= painted["filled_at"]
    assert grab.stat().st_size > 10_000  # a real picture of the window, not an empty image
