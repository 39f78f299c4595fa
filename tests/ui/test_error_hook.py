"""An error nobody caught: written to the log, a window that does not block says where the
log is, and a note being typed in an open form is saved."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from ewarong_desktop import logging_setup
from ewarong_desktop.services import assessments
from ewarong_desktop.ui.assessment.form import AssessmentForm
from ewarong_desktop.ui.error_hook import ErrorReporter


@pytest.fixture
def reporter(qapp):
    logging_setup.setup_logging()
    reporter = ErrorReporter()
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()


def raise_in_a_slot(message: str) -> None:
    def broken_slot():
        raise RuntimeError(message)

    QTimer.singleShot(0, broken_slot)


def test_an_error_in_a_slot_is_logged_and_explained(reporter, qtbot):
    assert sys.excepthook == reporter.handle
    raise_in_a_slot("tombol rusak")
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    log_path = logging_setup.log_file()
    assert log_path is not None and str(log_path) in dialog.log_label.text()
    assert "RuntimeError: tombol rusak" in dialog.summary.text()
    assert not dialog.isModal()  # the person may go on working
    logged = log_path.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "RuntimeError: tombol rusak" in logged
    assert "Traceback" in logged and "broken_slot" in logged

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(log_path)


def test_more_errors_are_counted_in_the_same_window(reporter, qtbot):
    raise_in_a_slot("pertama")
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    first = reporter.dialog
    raise_in_a_slot("kedua")
    qtbot.waitUntil(lambda: first.count == 2)
    assert reporter.dialog is first and "kedua" in first.summary.text()
    assert "2 kesalahan" in first.summary.text()


def test_an_error_in_another_thread_is_shown_in_the_window_thread(reporter, qtbot):
    worker = threading.Thread(target=lambda: 1 / 0, name="pekerja")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "ZeroDivisionError" in reporter.dialog.summary.text()


def test_a_note_being_typed_is_saved_when_an_error_happens(reporter, qtbot, database, draft,
                                                          advisor_and_warong, monkeypatch):
    advisor_id, _warong = advisor_and_warong
    # The pause-in-typing save must not come first and make this test pass on its own.
    monkeypatch.setattr("ewarong_desktop.ui.assessment.form.NOTE_SAVE_DELAY_MS", 600_000)
    form = AssessmentForm(database, draft, editor_id=advisor_id, lang="id")
    qtbot.addWidget(form)
    form.show()
    cell = form.cell("4.1.1")
    cell.note.setPlainText("Rapat dengan pengurus KUBE, 3 Maret")  # not saved yet: still typing
    with database.session() as session:
        assert assessments.get_detail(session, draft).ratings["4.1.1"].note == ""
    raise_in_a_slot("sesuatu yang lain")
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    with database.session() as session:
        saved = assessments.get_detail(session, draft).ratings["4.1.1"].note
    assert saved == "Rapat dengan pengurus KUBE, 3 Maret"


def test_uninstall_puts_the_previous_hooks_back(qapp):
    before = sys.excepthook, threading.excepthook
    reporter = ErrorReporter()
    reporter.install()
    assert sys.excepthook != before[0]
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_error_window_in_english(qapp, qtbot, make_shell, demo_path, demo_advisor):
    from ewarong_desktop.ui.error_hook import ErrorDialog

    shell = make_shell(demo_path, lang="en", advisor_id=demo_advisor.id)
    dialog = ErrorDialog(None, "ValueError: x", shell.window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Something went wrong"
    assert not dialog.copy_button.isEnabled()  # no log file to point at
