"""A windowed build has no stdout or stderr (both None): no path of the program may crash on it.

PyInstaller's windowed executable, ``pythonw`` and the ``gui-scripts`` launcher on Windows
all start the program that way; a double-clicked program that dies there shows nothing at all.
"""

import os
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest

from ewarong_desktop.cli import run

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def no_streams():
    # Set inside the test body: pytest puts its own capture streams back between phases.
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = None
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "demo.sqlite3"
    assert run(["demo", "--db", str(path), "--assessments", "6"]) == 0
    return path


def test_commands_run_without_streams(demo_db, tmp_path):
    out_dir = tmp_path / "profiles"
    out_dir.mkdir()
    with no_streams():
        assert run(["list", "advisors", "--db", str(demo_db)]) == 0
        assert run(["list", "assessments", "--db", str(demo_db), "--json"]) == 0
        # The batch of profiles reports progress on stderr when that is a terminal.
        assert run(["report", "profiles", "--db", str(demo_db), "--period", "2026-S1",
                    "--out-dir", str(out_dir)]) == 0
        assert run(["export", "--db", str(demo_db), "--out", str(tmp_path / "all.ewarong")]) == 0
    assert any(out_dir.glob("*.pdf"))
    assert (tmp_path / "all.ewarong").is_file()


def test_errors_without_streams_still_exit_1(tmp_path, monkeypatch):
    import ewarong_desktop.commands.core as core

    def broken(_args):
        raise RuntimeError("simulated bug")

    with no_streams():
        assert run(["list", "advisors", "--db", str(tmp_path / "missing.sqlite3")]) == 1  # UserError
        assert run(["no-such-command"]) == 1  # argparse's complaint
        monkeypatch.setattr(core, "run_list", broken)
        assert run(["list", "advisors", "--db", str(tmp_path / "x.sqlite3")]) == 1  # last resort
    log = Path(os.environ["XDG_STATE_HOME"]) / "ewarong-desktop" / "log" / "ewarong-desktop.log"
    assert "simulated bug" in log.read_text(encoding="utf-8")


def test_version_and_help_without_streams():
    for asked in (["--version"], ["--help"]):
        with no_streams(), pytest.raises(SystemExit) as done:
            run(asked)
        assert done.value.code == 0


def test_entry_point_gives_missing_streams_a_harmless_target():
    from ewarong_desktop.__main__ import fill_missing_streams

    with no_streams():
        fill_missing_streams()
        filled = sys.stdout, sys.stderr
        print("goes nowhere", file=sys.stderr)
    assert None not in filled


GUI_SCRIPT = textwrap.dedent("""
    import sys
    sys.stdout = sys.stderr = None  # as in a windowed executable
    result_file = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    seen = []

    def boom():
        raise RuntimeError("simulated bug in a slot")  # goes through the error hook

    def close_all():
        for widget in QApplication.topLevelWidgets():
            widget.close()
        app.exit(0)

    class Painted(QObject):
        def eventFilter(self, watched, event):
            if (event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow)
                    and watched.objectName() != "startWindow" and not seen):
                seen.append(watched.windowTitle())
                QTimer.singleShot(0, boom)
                QTimer.singleShot(500, close_all)
            return False

    watcher = Painted()
    app.installEventFilter(watcher)
    QTimer.singleShot(60_000, lambda: app.exit(3))
    from ewarong_desktop.__main__ import main
    code = main(["--db", sys.argv[2]])
    with open(result_file, "w", encoding="utf-8") as out:
        out.write(f"{code} {len(seen)}")
""")


def test_window_starts_and_survives_an_error_without_streams(demo_db, tmp_path):
    from PySide6.QtCore import QSettings

    from ewarong_desktop.db import open_database
    from ewarong_desktop.services import advisors
    from ewarong_desktop.ui.settings import Settings

    database = open_database(demo_db)
    with database.reading() as session:
        advisor_id = advisors.list_advisors(session)[0].id
    database.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # No "who are you" dialog. Written where the new process looks: Qt fixes the settings
    # folder once per process, so Settings() here may still point at an earlier test's home.
    ini = Path(env["XDG_CONFIG_HOME"]) / "ewarong" / "ewarong-desktop.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.set_current_advisor(demo_db, advisor_id)
    settings.sync()
    result = tmp_path / "result.txt"
    done = subprocess.run([sys.executable, "-c", GUI_SCRIPT, str(result), str(demo_db)],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert result.read_text() == "0 1"  # the main window was painted, the program ended normally
    log = Path(os.environ["XDG_STATE_HOME"]) / "ewarong-desktop" / "log" / "ewarong-desktop.log"
    assert "simulated bug in a slot" in log.read_text(encoding="utf-8")
