"""A save that meets a busy database waits, keeps its value and lands later, in order."""

import sqlite3

import pytest

from ewarong_desktop.db import engine, open_database
from ewarong_desktop.services import assessments
from ewarong_desktop.ui.assessment.form import AssessmentForm


@pytest.fixture
def database(db_path, monkeypatch):
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)  # meet "busy" quickly in a test
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def form(qtbot, database, draft, advisor_and_warong):
    form = AssessmentForm(database, draft, editor_id=advisor_and_warong[0], lang="id")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.fixture
def lock(db_path):
    """Another program holding the write lock (a long import), until released."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def stored(database, assessment_id):
    with database.reading() as session:
        return assessments.get_detail(session, assessment_id).ratings


def test_saves_wait_for_a_busy_database_and_land_in_order(qtbot, form, database, draft, lock):
    form.cell("4.1.1").level_buttons[3].click()
    assert "Menunggu" in form.save_state_text()
    assert form.cell("4.1.1").level_buttons[3].isChecked()  # the value is kept on screen
    form.cell("4.1.2").level_buttons[2].click()
    form.cell("4.1.1").level_buttons[1].click()  # a newer change to a waiting cell
    form.cell("4.1.3").note.setPlainText("=HYPERLINK(\"x\") catatan")
    form._autosave_notes()
    assert "Tidak tersimpan" not in form.save_state_text()
    assert stored(database, draft)["4.1.1"].level is None  # nothing landed yet
    lock.execute("COMMIT")  # the import finished
    qtbot.waitUntil(lambda: "Tersimpan" in form.save_state_text(), timeout=5000)
    ratings = stored(database, draft)
    assert ratings["4.1.1"].level == 1  # the newer change, never the older over it
    assert ratings["4.1.2"].level == 2
    assert ratings["4.1.3"].note == "=HYPERLINK(\"x\") catatan"
    assert form.cell("4.1.1").level_buttons[1].isChecked()


def test_closing_waits_for_the_database_then_reports(qtbot, form, database, draft, lock,
                                                     monkeypatch):
    from ewarong_desktop.ui.assessment import form as assessment_form

    monkeypatch.setattr(assessment_form, "CLOSE_WAIT_SECONDS", 0.3)
    form.cell("4.1.4").note.setPlainText("catatan penting")
    assert form.save_pending() is False  # still busy: closing must not pretend it saved
    code, reason = form.refused_note()
    assert code == "4.1.4" and "sibuk" in reason
    lock.execute("COMMIT")
    assert form.save_pending() is True
    assert stored(database, draft)["4.1.4"].note == "catatan penting"
