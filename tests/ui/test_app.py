"""Start-up: first launch set-up, the remembered advisor, database errors, languages."""

import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ewarong_desktop.db import open_database
from ewarong_desktop.errors import UserError
from ewarong_desktop.services import advisors
from ewarong_desktop.ui import app as app_module
from ewarong_desktop.ui.app import Application, run_gui, startup_path
from ewarong_desktop.ui.main_window import MainWindow
from ewarong_desktop.ui.settings import Settings


def menu_titles(window):
    return [action.text().replace("&", "") for action in window.menuBar().actions()
            if action.isVisible()]


def test_first_launch_registers_the_advisor_and_remembers_them(make_shell, db_path, settings,
                                                               qtbot):
    shell = make_shell(db_path)
    dialog = shell.setup_dialog
    assert shell.window is None and dialog.isVisible()
    # An empty database has nobody to choose: only the registration form is offered.
    assert not dialog.advisor_list.isVisible() and dialog.form.isEnabled()
    qtbot.keyClicks(dialog.form.name, "  Euis   Rahmawati ")
    dialog.form.advisor_type.setCurrentIndex(dialog.form.advisor_type.findData("TKSK"))
    qtbot.keyClicks(dialog.form.kecamatan.lineEdit(), "Lengkong")
    dialog.accept()

    window = shell.window
    assert window is not None and window.isVisible()
    assert "Euis Rahmawati" in window.user_label.text()
    with shell.database.session() as session:
        [advisor] = advisors.list_advisors(session)
    assert (advisor.name, advisor.advisor_type, advisor.kecamatan) == (
        "Euis Rahmawati", "TKSK", "Lengkong")
    assert settings.current_advisor(db_path) == advisor.id
    shell.shutdown()

    again = make_shell(db_path)  # next start: straight to the window, as the same advisor
    assert again.setup_dialog is None
    assert again.window.advisor_id == advisor.id


def test_setup_refuses_an_empty_name_inline(make_shell, db_path):
    shell = make_shell(db_path)
    dialog = shell.setup_dialog
    dialog.accept()
    assert dialog.isVisible() and shell.window is None
    assert dialog.error.isVisible() and dialog.error.text().startswith("Nama belum diisi")
    with dialog.database.session() as session:
        assert advisors.list_advisors(session) == []


def test_an_advisor_remembered_for_another_file_is_asked_again(make_shell, demo_path,
                                                               demo_advisor, settings):
    settings.set_current_advisor(demo_path, uuid.uuid4())  # not in this file
    shell = make_shell(demo_path)
    dialog = shell.setup_dialog
    assert dialog is not None and dialog.choose.isChecked()
    row = next(r for r in range(dialog.advisor_list.count())
               if demo_advisor.name in dialog.advisor_list.item(r).text())
    dialog.advisor_list.setCurrentRow(row)
    dialog.accept()
    assert shell.window.advisor_id == demo_advisor.id
    assert settings.current_advisor(demo_path) == demo_advisor.id


def test_cancelling_the_first_setup_asks_then_ends_the_program(make_shell, db_path, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    shell = make_shell(db_path)
    dialog = shell.setup_dialog
    dialog.form.name.setText("Siti Aminah")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc asks; "Kembali mengisi" keeps the typing
    box = dialog.quit_box
    assert box.isVisible() and dialog.isVisible()
    stay = next(b for b in box.buttons() if b.text() == "&Kembali mengisi")
    stay.click()
    assert dialog.isVisible() and dialog.form.name.text() == "Siti Aminah"
    dialog.reject()
    leave = next(b for b in dialog.quit_box.buttons() if b.text() == "&Keluar")
    with qtbot.waitSignal(shell.finished) as ended:
        leave.click()
    assert ended.args == [0]
    assert shell.window is None


@pytest.fixture
def start_errors(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *rest: shown.append((title, text)))
    return shown


def visible(kind):
    return [w for w in app_module.QApplication.topLevelWidgets()
            if isinstance(w, kind) and w.isVisible()]


@pytest.fixture
def event_loop(monkeypatch, qtbot):
    """Stand in for ``QApplication.exec`` in ``run_gui``: events are processed while
    ``person()`` does what a person would, then until the program asks to exit; returns the
    code it asked for. (A real exit() would leave this test process's Qt unable to run
    another event loop.)"""
    exit_codes: list[int] = []
    monkeypatch.setattr(app_module.QApplication, "exit",
                        staticmethod(lambda code=0: exit_codes.append(code)))

    def install(person=lambda: None):
        def run(_app):
            person()
            qtbot.waitUntil(lambda: bool(exit_codes), timeout=10_000)
            return exit_codes[-1]

        monkeypatch.setattr(app_module.QApplication, "exec", run)

    return install


def test_the_start_window_is_painted_before_the_database_is_opened(monkeypatch, qtbot,
                                                                 demo_path, demo_advisor):
    import ewarong_desktop.services.store
    from ewarong_desktop.ui.main_window import MainWindow
    from ewarong_desktop.ui.start_window import StartWindow

    Settings().set_current_advisor(demo_path, demo_advisor.id)
    painted, seen = [], []

    class Paints(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                painted.append(watched.objectName())
            return False

    def opened_after(path, **kwargs):  # what was on screen when the file was opened
        seen.append(("opening", list(painted), [w.geometry() for w in visible(StartWindow)]))
        return real_open(path, **kwargs)

    real_open = ewarong_desktop.services.store.open_database
    monkeypatch.setattr(ewarong_desktop.services.store, "open_database", opened_after)

    def person():
        [start] = visible(StartWindow)  # there at once, saying what it is doing
        seen.append(("start", start.message.text()))
        qtbot.waitUntil(lambda: bool(visible(MainWindow)), timeout=10_000)
        [window] = visible(MainWindow)
        seen.append(("main", window.geometry(), visible(StartWindow)))
        window.close()

    watcher = Paints()
    app_module.QApplication.instance().installEventFilter(watcher)
    monkeypatch.setattr(app_module.QApplication, "exec", lambda _app: (person(), 0)[1])
    try:
        assert run_gui(demo_path) == 0
    finally:
        app_module.QApplication.instance().removeEventFilter(watcher)
    [(_, message), (_, painted_then, [start_place]), (_, place, start_windows_after)] = seen
    assert "Membuka basis data" in message and str(demo_path) in message
    assert painted_then == ["startWindow"]  # on screen before the database was touched
    assert place == start_place and start_windows_after == []  # the main window took its place


def test_a_file_that_is_not_a_database_gives_a_message_and_exit_code_1(tmp_path, event_loop,
                                                                       qtbot):
    from ewarong_desktop.ui.safety.dialogs import RecoveryDialog

    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan basis data")
    with pytest.raises(UserError) as refused:
        open_database(notes)
    shown = []

    def person():  # reads the explanation and chooses "Keluar"
        qtbot.waitUntil(lambda: bool(visible(RecoveryDialog)), timeout=10_000)
        [dialog] = visible(RecoveryDialog)
        shown.append((dialog.windowTitle(), dialog.path_label.text(), dialog.details.text()))
        dialog.quit_button.click()

    event_loop(person)
    assert run_gui(notes) == 1
    [(title, path_text, details)] = shown
    assert title == "Basis data rusak"
    assert str(notes) in path_text and refused.value.problem_text("id") in details
    assert notes.read_text() == "bukan basis data"


def test_a_database_from_a_newer_version_is_refused_unchanged(tmp_path, start_errors,
                                                              event_loop):
    event_loop()
    path = tmp_path / "baru.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    assert run_gui(path) == 1
    [(_title, text)] = start_errors
    assert "versi yang lebih baru" in text
    with sqlite3.connect(path) as connection:  # neither migrated nor stamped down
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("9999_future",)]
        assert [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")] == ["alembic_version"]


def test_run_gui_returns_the_event_loop_exit_code(monkeypatch, qtbot, demo_path, demo_advisor):
    Settings().set_current_advisor(demo_path, demo_advisor.id)  # the isolated user settings
    shown = []

    def event_loop(_app):  # what is on screen while the program runs
        qtbot.waitUntil(lambda: bool(visible(MainWindow)), timeout=10_000)
        shown.extend((w.lang, w.advisor_id) for w in visible(MainWindow))
        return 3

    monkeypatch.setattr(app_module.QApplication, "exec", event_loop)
    assert run_gui(demo_path, lang="en") == 3
    assert shown == [("en", demo_advisor.id)]
    assert Settings().last_database == str(demo_path)


def test_startup_reopens_the_last_database_when_no_path_is_given(tmp_path, settings):
    from ewarong_desktop.paths import default_database_path

    assert startup_path(None, settings) == default_database_path()
    last = tmp_path / "koordinator.sqlite3"
    last.write_bytes(b"")
    settings.last_database = str(last)
    assert startup_path(None, settings) == last
    assert startup_path(tmp_path / "lain.sqlite3", settings) == tmp_path / "lain.sqlite3"
    last.unlink()  # moved away since: back to the default file
    assert startup_path(None, settings) == default_database_path()


def test_switching_to_english_redraws_the_window_and_is_remembered(make_shell, demo_path,
                                                                   demo_advisor, settings):
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    window = shell.window
    assert menu_titles(window)[:3] == ["Berkas", "e-Warong", "Penilaian"]
    window.kecamatan.setCurrentIndex(window.kecamatan.findData("Lengkong"))
    chosen = window.warong_model.record(1)
    window.select_warong(chosen.id)

    english = next(a for a in window.language_actions.actions() if a.data() == "en")
    english.trigger()

    new = shell.window
    assert new is not window and new.isVisible()
    titles = menu_titles(new)  # Reports and Data sit in between, filled by their features
    assert titles[:3] == ["File", "e-Warong", "Assessment"]
    assert titles[-4:] == ["User", "Language", "View", "Help"] and "Data" in titles
    assert new.add_warong_action.text().replace("&", "") == "Add e-Warong…"
    assert new.assessment_model.headerData(4, Qt.Orientation.Horizontal) == "Answered"
    # What the person was looking at survives the redraw.
    assert new.kecamatan.currentData() == "Lengkong"
    assert new.warong is not None and new.warong.id == chosen.id
    assert settings.language == "en"
    shell.shutdown()

    following = Application(settings)  # the next start uses the remembered language
    assert following.lang == "en"
    following.shutdown()


def test_an_unknown_stored_language_falls_back_to_indonesian(tmp_path):
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "xx")
    assert Settings(store).language == "id"


def test_opening_a_broken_file_from_the_menu_keeps_the_current_database(window, tmp_path,
                                                                        qtbot):
    shell_window = window
    broken = tmp_path / "rusak.sqlite3"
    broken.write_text("not sqlite")
    shell_window.database_requested.emit(str(broken))
    from ewarong_desktop.ui.safety.dialogs import RecoveryDialog

    dialogs = [d for d in shell_window.findChildren(RecoveryDialog) if d.isVisible()]
    assert len(dialogs) == 1 and str(broken) in dialogs[0].path_label.text()
    assert dialogs[0].quit_button.text() == "Batal"  # giving up keeps the current database
    dialogs[0].quit_button.click()
    assert shell_window.isVisible() and shell_window.warong_model.rowCount() == 27


def test_opening_another_database_from_the_menu_asks_who_uses_it(make_shell, demo_path,
                                                                 demo_advisor, db_path):
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    first = shell.window
    first.database_requested.emit(str(db_path))  # a new, empty file
    dialog = shell.setup_dialog
    assert dialog is not None and dialog.parent() is first
    dialog.form.name.setText("Asep Hidayat")
    dialog.accept()
    assert shell.window is not first
    assert shell.database.path == db_path
    assert shell.window.warong_model.rowCount() == 0


def test_every_window_text_has_an_english_translation(tmp_path):
    """Run lupdate over ui/ into a copy of the .ts: nothing may be left untranslated."""
    import importlib.util
    import shutil
    import subprocess

    from ewarong_desktop.paths import resource_path

    script = Path(__file__).resolve().parents[2] / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", script)
    tools = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tools)
    copy = tmp_path / "ewarong_en.ts"
    shutil.copy(resource_path("i18n", "ewarong_en.ts"), copy)
    sources = sorted(str(p) for p in tools.UI.glob("*.py"))
    subprocess.run([tools.tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(copy)],
                   check=True, capture_output=True)
    assert tools.unfinished(copy) == [], (
        "run `python tools/update_translations.py` and translate the strings it lists")


def test_the_start_window_needs_nothing_of_the_database_layer():
    # What run_gui imports before the first paint: the command line and this module. Should
    # SQLAlchemy creep back in, the window appears a third of a second later (bench/).
    code = ("import sys, ewarong_desktop.cli as cli, ewarong_desktop.ui.app; cli.build_parser(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'reportlab',"
            " 'openpyxl', 'jsonschema') or m.startswith('ewarong_desktop.db')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert loaded.strip() == "[]"
