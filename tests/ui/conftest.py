"""Fixtures for the window's tests: isolated QSettings, a demo database, a started shell."""

import uuid

import pytest

# The offscreen platform warns that it cannot pass size hints to, or raise a window in, a
# window manager it does not have; that says nothing about our widgets. Every other Qt
# warning still fails a test.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path, qapp):
    """Settings() with no argument (as run_gui makes it) writes under this test's folder."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from ewarong_desktop.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    from ewarong_desktop.db import open_database
    from ewarong_desktop.services.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path)
    with database.session() as session:
        generate_demo(session, seed=7)
    database.close()
    return path


@pytest.fixture
def demo_path(_demo_template, tmp_path):
    """A fresh copy of the demo database (27 e-Warongs, 18 advisors, 3 semesters)."""
    from ewarong_desktop.db.backup import backup_file

    return backup_file(_demo_template, tmp_path / "demo.sqlite3")


@pytest.fixture
def demo_db(demo_path):
    from ewarong_desktop.db import open_database

    database = open_database(demo_path)
    yield database
    database.close()


@pytest.fixture
def demo_advisor(demo_db):
    """The first PKH advisor of the demo, as AdvisorInfo."""
    from ewarong_desktop.services import advisors

    with demo_db.session() as session:
        return next(a for a in advisors.list_advisors(session) if a.advisor_type == "PKH")


@pytest.fixture
def make_shell(settings, qtbot):
    """Start the shell (Application) on a database path; everything is closed afterwards."""
    from ewarong_desktop.ui.app import Application

    started = []

    def start(path, *, lang="id", advisor_id: uuid.UUID | None = None):
        if advisor_id is not None:
            settings.set_current_advisor(path, advisor_id)
        shell = Application(settings, lang)
        started.append(shell)
        assert shell.start(path)
        return shell

    yield start
    for shell in started:
        shell.shutdown()


def on_laptop(window):
    """The window as on an advisor's 1366x768 laptop. (The offscreen test screen is 800x800,
    too small for the default size, so a first start opens maximized.)"""
    window.showNormal()
    window.resize(1366, 768)
    return window


@pytest.fixture
def as_laptop():
    """``on_laptop`` for the fixtures of a test module."""
    return on_laptop


@pytest.fixture
def window(make_shell, demo_path, demo_advisor):
    """The main window on the demo database, as its first PKH advisor."""
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    return on_laptop(shell.window)
