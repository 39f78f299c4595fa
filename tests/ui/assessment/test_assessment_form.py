"""The assessment form driven like an advisor would: keys on the focused cell, a real database."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import advisors, assessments
from ewarong_desktop.ui.assessment.form import AssessmentForm, CellEditor

CODES = all_cell_codes()


@pytest.fixture
def owner_id(advisor_and_warong):
    return advisor_and_warong[0]


@pytest.fixture
def open_form(qtbot, database):
    """Open (and show) a form on the test database; closed by qtbot afterwards."""

    def open_(assessment_id, editor_id, *, lang="id"):
        form = AssessmentForm(database, assessment_id, editor_id=editor_id, lang=lang)
        qtbot.addWidget(form)
        form.resize(1366, 768)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), CellEditor))
        return form

    return open_


def stored(database, assessment_id):
    with database.session() as session:
        return assessments.get_detail(session, assessment_id)


def focused_cell() -> CellEditor:
    widget = QApplication.focusWidget()
    assert isinstance(widget, CellEditor), f"focus is on {widget!r}, not on a cell"
    return widget


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has the keyboard focus, as a person would type it."""
    QApplication.processEvents()
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifier)


def press_ctrl(key) -> None:
    press(key, Qt.KeyboardModifier.ControlModifier)


def rate_all_but(database, assessment_id, owner, missing=()):
    with database.session() as session:
        for code in CODES:
            if code not in missing:
                assessments.set_rating(session, assessment_id, code, 2, editor_id=owner)


def test_whole_assessment_by_keyboard_only(database, draft, owner_id, open_form):
    form = open_form(draft, owner_id)
    assert focused_cell().code == "4.1.1"
    keys = {0: Qt.Key.Key_0, 1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3, 4: Qt.Key.Key_4}
    expected = {}
    for number in range(len(CODES)):
        cell = focused_cell()  # choosing a level moved the focus on by itself
        choice = number % 6
        if choice == 5:
            press(Qt.Key.Key_N)
            expected[cell.code] = (None, True)
        else:
            press(keys[choice])
            expected[cell.code] = (choice, False)
        if number == 4:
            # Tab reaches the note, typing goes in, Tab again lands on the next cell.
            press(Qt.Key.Key_Up)
            assert focused_cell().code == cell.code
            press(Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is cell.note
            QTest.keyClicks(QApplication.focusWidget(), "Rapat bulanan rutin")
            press(Qt.Key.Key_Tab)
            assert focused_cell().code == CODES[5]
    assert len(expected) == 32 and set(expected) == set(CODES)
    assert form.progress_label.text() == "32 dari 32"
    detail = stored(database, draft)
    assert detail.unrated_cells == []
    assert {code: (r.level, r.not_applicable) for code, r in detail.ratings.items()} == expected
    assert detail.ratings[CODES[4]].note == "Rapat bulanan rutin"


def test_keys_clear_move_and_switch_groups(database, draft, owner_id, open_form):
    form = open_form(draft, owner_id)
    press(Qt.Key.Key_3)
    assert focused_cell().code == "4.1.2"
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Delete)
    assert stored(database, draft).ratings["4.1.1"].level is None
    assert focused_cell().code == "4.1.1"  # clearing does not move on
    press(Qt.Key.Key_Down)
    assert focused_cell().code == "4.1.2"
    press_ctrl(Qt.Key.Key_Tab)
    assert form.current_group() == 1 and focused_cell().role == 2
    press_ctrl(Qt.Key.Key_PageDown)
    assert form.current_group() == 2 and focused_cell().role == 3
    press_ctrl(Qt.Key.Key_PageUp)
    assert form.current_group() == 1
    # Grouping by agenda area: 8 tabs, and moving down walks the area's four roles.
    form.set_grouping("area")
    assert form.tabs.count() == 8
    form.focus_cell("4.1.5")
    press(Qt.Key.Key_Down)
    assert focused_cell().code == "4.2.5"
    press(Qt.Key.Key_4)
    assert focused_cell().code == "4.3.5"
    assert stored(database, draft).ratings["4.2.5"].level == 4


def test_next_unrated_jumps_over_rated_cells(database, draft, owner_id, open_form):
    rate_all_but(database, draft, owner_id, missing={"4.2.7", "4.4.1"})
    form = open_form(draft, owner_id)
    assert focused_cell().code == "4.2.7"  # the form opens on the first unrated cell
    press(Qt.Key.Key_F8)
    assert focused_cell().code == "4.4.1"
    form.next_unrated_button.click()
    assert form.current_cell() == "4.2.7"


def test_autosave_survives_closing_and_reopening(database, draft, owner_id, open_form, qtbot):
    form = open_form(draft, owner_id)
    form.cell("4.1.1").level_buttons[3].click()
    form.cell("4.3.2").na_button.click()
    first = form.cell("4.1.1").note
    first.setFocus()
    qtbot.keyClicks(first, "Catatan pertama")
    assert form.save_state_text() == "Menyimpan..."
    # Saved after the short pause in typing, without leaving the field.
    qtbot.waitUntil(lambda: stored(database, draft).ratings["4.1.1"].note == "Catatan pertama")
    assert form.save_state_text() == "✓ Tersimpan"
    second = form.cell("4.4.8").note
    second.setFocus()
    qtbot.keyClicks(second, "Ditulis tepat sebelum menutup")
    assert form.close()  # no pause: closing saves it
    form.deleteLater()

    again = open_form(draft, owner_id)
    assert again.cell("4.1.1").level_buttons[3].isChecked()
    assert again.cell("4.3.2").na_button.isChecked()
    assert again.cell("4.1.1").note.toPlainText() == "Catatan pertama"
    assert again.cell("4.4.8").note.toPlainText() == "Ditulis tepat sebelum menutup"
    assert again.progress_label.text() == "2 dari 32"


def test_note_over_the_limit_shows_the_error_and_keeps_the_text(database, draft, owner_id,
                                                                open_form):
    form = open_form(draft, owner_id)
    editor = form.cell("4.2.3")
    too_long = "b" * 10_001
    editor.note.setPlainText(too_long)
    assert form.save_pending() is False
    assert editor.note.toPlainText() == too_long
    assert not editor.note_error.isHidden() and "10.000 karakter" in editor.note_error.text()
    # Cells are named in words: the role and the agenda area, not "4.2.3".
    assert form.save_state_text().startswith("Tidak tersimpan (Mediator — Penyaluran)")
    assert stored(database, draft).ratings["4.2.3"].note == ""
    # Closing is refused (the text would be lost), with a message saying why.
    assert form.close() is False
    assert form.isVisible() and "Mediator — Penyaluran" in form.message_box.text()
    form.message_box.close()
    # Finalising is refused too, for the same reason.
    rate_all_but(database, draft, owner_id)
    form.finalise_button.click()
    assert "Mediator — Penyaluran" in form.message_box.text()
    form.message_box.close()
    assert not stored(database, draft).summary.is_final
    # Shortened, it saves and the error goes away.
    editor.note.setPlainText("b" * 10_000)
    assert form.save_pending() is True
    assert editor.note_error.isHidden()
    assert stored(database, draft).ratings["4.2.3"].note == "b" * 10_000
    assert form.save_state_text() == "✓ Tersimpan"


def test_finalise_is_refused_while_cells_are_unrated(database, draft, owner_id, open_form):
    rate_all_but(database, draft, owner_id, missing={"4.3.4", "4.4.2", "4.4.8"})
    form = open_form(draft, owner_id)
    form.focus_cell("4.1.1")
    form.finalise_button.click()
    box = form.message_box
    assert box is not None and box.isVisible()
    assert "3 sel belum dinilai" in box.text()
    lines = box.informativeText().splitlines()
    # In words, by role then area: no cell codes an advisor would have to look up.
    assert any(line.startswith("Edukator: ") and "SDM" in line for line in lines), lines
    assert any(line.startswith("Fasilitator: ") and "Data KPM" in line and "TI & EDC" in line
               for line in lines), lines
    assert not any(line.startswith("Broker") for line in lines)
    assert "4.3.4" not in box.informativeText()
    assert form.current_cell() == "4.3.4" and form.current_group() == 2
    assert not stored(database, draft).summary.is_final
    box.button(QMessageBox.StandardButton.Ok).click()


def test_finalise_when_complete_makes_the_form_read_only(database, draft, owner_id, open_form,
                                                         qtbot):
    rate_all_but(database, draft, owner_id, missing={"4.4.8"})
    form = open_form(draft, owner_id)
    assert focused_cell().code == "4.4.8"
    press(Qt.Key.Key_N)
    # The last unrated cell: the program offers to finalise, the cursor stays.
    prompt = form.completion_box
    assert prompt is not None and prompt.isVisible()
    assert prompt.text() == "Semua 32 sel terisi — finalisasi sekarang?"
    later = next(b for b in prompt.buttons() if b.text() == "&Nanti")
    later.click()
    assert form.current_cell() == "4.4.8" and not stored(database, draft).summary.is_final
    form.finalise_button.click()
    box = form.message_box
    confirm = next(b for b in box.buttons() if b.text() == "Finalisasi")
    with qtbot.waitSignal(form.finalised):
        confirm.click()
    assert stored(database, draft).summary.is_final
    assert not form.is_editable and form.finalise_button.isHidden()
    assert not form.cell("4.1.1").level_buttons[0].isEnabled()
    assert form.cell("4.1.1").note.isReadOnly()
    assert not form.reopen_button.isHidden()
    form.activateWindow()
    form.focus_cell("4.1.1")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.cell("4.1.1"))
    press(Qt.Key.Key_0)  # ignored: the assessment is final
    assert stored(database, draft).ratings["4.1.1"].level == 2


def test_reopen_asks_for_a_reason(database, draft, owner_id, open_form):
    rate_all_but(database, draft, owner_id)
    with database.session() as session:
        assessments.finalise(session, draft, editor_id=owner_id)
    form = open_form(draft, owner_id)
    assert not form.is_editable
    form.reopen_button.click()
    dialog = form.reopen_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reopen_button.click()  # no reason given
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert stored(database, draft).summary.is_final
    dialog.reason.setPlainText("Salah memilih tingkat pada 4.2.5")
    dialog.reopen_button.click()
    assert not dialog.isVisible()
    assert not stored(database, draft).summary.is_final
    assert form.is_editable and not form.finalise_button.isHidden()
    with database.session() as session:
        reasons = [e.reason for e in assessments.audit_trail(session, draft) if e.action == "reopen"]
    assert reasons == ["Salah memilih tingkat pada 4.2.5"]


@pytest.mark.parametrize("who", ["another advisor", "nobody"])
def test_read_only_for_anyone_but_the_advisor(database, draft, open_form, who):
    editor_id = None
    if who == "another advisor":
        with database.session() as session:
            editor_id = advisors.create_advisor(session, "Ujang Permana", "TKSK").id
    form = open_form(draft, editor_id)
    assert not form.is_editable
    assert not form.banner.isHidden() and "Euis Rahmawati" in form.banner.text()
    assert form.finalise_button.isHidden() and form.reopen_button.isHidden()
    cell = focused_cell()
    assert not cell.level_buttons[3].isEnabled() and cell.note.isReadOnly()
    press(Qt.Key.Key_3)
    press(Qt.Key.Key_Down)  # moving around still works
    assert focused_cell().code == "4.1.2"
    assert stored(database, draft).ratings["4.1.1"].level is None


def test_a_narrow_window_puts_the_note_under_the_levels(draft, owner_id, open_form, qtbot):
    form = open_form(draft, owner_id)
    cell = form.cell("4.1.1")
    wide_note = cell.note.mapTo(cell, cell.note.rect().topLeft())
    button = cell.level_buttons[4].mapTo(cell, cell.level_buttons[4].rect().topLeft())
    assert wide_note.x() > button.x()  # beside the picker at 1366 px
    form.resize(760, 700)
    qtbot.waitUntil(lambda: cell.note.mapTo(cell, cell.note.rect().topLeft()).y() > button.y())
    page = form.tabs.currentWidget()
    qtbot.waitUntil(lambda: not page.horizontalScrollBar().isVisible())


def test_the_studys_finding_folds_out_beside_the_prompt(database, draft, owner_id, open_form,
                                                         qtbot):
    form = open_form(draft, owner_id)
    broker, mediator = form.cell("4.1.4"), form.cell("4.2.4")
    assert not broker.study_label.isVisible()  # folded away until asked for
    broker.study_toggle.click()
    qtbot.waitUntil(broker.study_label.isVisible)
    # The test advisor is a PKH advisor: Table 1 gives a level, Table 2 only activities.
    assert broker.study_label.text().startswith("Tingkat 1, diukur dalam studi:")
    assert "masih rendah" in broker.study_label.text()
    assert mediator.study_label.text().startswith("Tingkat 3, diturunkan dari uraian studi:")
    broker.study_toggle.click()
    qtbot.waitUntil(lambda: not broker.study_label.isVisible())


@pytest.fixture
def last_semester(database, advisor_and_warong, draft, owner_id):
    """Last semester (2025-S2) rated 3 everywhere, 4.2.3 not applicable, a note on 4.1.1;
    this semester's draft is the ``draft`` fixture's period."""
    with database.session() as session:
        summary = assessments.get_summary(session, draft)
        year, half = int(summary.period[:4]), int(summary.period[-1])
        earlier = f"{year - 1}-S2" if half == 1 else f"{year}-S1"
        old = assessments.start_assessment(session, owner_id, advisor_and_warong[1], earlier)
        for code in CODES:
            if code == "4.2.3":
                assessments.set_rating(session, old.id, code, not_applicable=True,
                                       editor_id=owner_id)
            else:
                assessments.set_rating(session, old.id, code, 3, editor_id=owner_id,
                                       note="rapat bulanan" if code == "4.1.1" else None)
    return old.id


def test_carried_cells_count_as_unanswered_until_confirmed(database, draft, owner_id,
                                                          last_semester, open_form, qtbot):
    form = open_form(draft, owner_id)
    editor = form.cell("4.1.1")
    assert focused_cell() is editor
    assert not editor.carried_badge.isHidden()
    assert "dari semester lalu: 3 · " in editor.carried_badge.text()
    assert editor.unrated_badge.isHidden()  # the proposal mark says it instead
    assert not any(button.isChecked() for button in editor.level_buttons.values())
    assert form.answered_count() == 0 and form.progress_label.text() == "0 dari 32"
    # Finalising lists the unconfirmed proposals.
    form.finalise_button.click()
    box = form.message_box
    assert "32 sel belum dinilai" in box.text()
    assert "32 di antaranya masih usulan dari semester lalu" in box.informativeText()
    box.close()
    # Space takes last semester's answer and its note; the cursor moves on.
    form.activateWindow()
    form.focus_cell("4.1.1")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    press(Qt.Key.Key_Space)
    assert stored(database, draft).ratings["4.1.1"].level == 3
    assert form.save_pending()  # the note is saved like a typed one
    assert stored(database, draft).ratings["4.1.1"].note == "rapat bulanan"
    assert editor.carried_badge.isHidden() and form.answered_count() == 1
    assert focused_cell().code == "4.1.2"
    # Choosing another level confirms by changing it.
    press(Qt.Key.Key_1)
    assert stored(database, draft).ratings["4.1.2"].level == 1
    assert form.cell("4.1.2").carried_badge.isHidden()
    assert not form.cell("4.1.3").carried_badge.isHidden()


def test_undo_and_redo_a_rating_and_a_note(database, draft, owner_id, open_form):
    form = open_form(draft, owner_id)
    assert focused_cell().code == "4.1.1"
    press(Qt.Key.Key_2)
    press(Qt.Key.Key_4)
    assert stored(database, draft).ratings["4.1.2"].level == 4
    assert focused_cell().code == "4.1.3"
    press_ctrl(Qt.Key.Key_Z)  # the last change, 4.1.2, goes back to unrated; cursor there
    assert stored(database, draft).ratings["4.1.2"].level is None
    assert focused_cell().code == "4.1.2" and form.answered_count() == 1
    assert not form.cell("4.1.2").unrated_badge.isHidden()
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(database, draft).ratings["4.1.2"].level == 4
    assert form.cell("4.1.2").level_buttons[4].isChecked()
    press_ctrl(Qt.Key.Key_Z)
    press_ctrl(Qt.Key.Key_Y)  # Ctrl+Y redoes as well
    assert stored(database, draft).ratings["4.1.2"].level == 4
    # A note, once saved, is one undo step too; the menu item names what it undoes.
    form.cell("4.1.1").note.setPlainText("kunjungan")
    assert form.save_pending()
    assert "catatan Broker — Bansos" in form.undo_action.text()
    form.undo_action.trigger()
    assert stored(database, draft).ratings["4.1.1"].note == ""
    assert form.cell("4.1.1").note.toPlainText() == ""
    assert stored(database, draft).ratings["4.1.1"].level == 2  # the level stays


def test_ctrl_w_closes_the_form(draft, owner_id, open_form):
    form = open_form(draft, owner_id)
    press_ctrl(Qt.Key.Key_W)
    assert not form.isVisible()


def test_the_scale_follows_the_current_cell_and_esc_closes(database, draft, owner_id,
                                                         open_form):
    form = open_form(draft, owner_id)
    panel = form.scale_panel
    assert panel.isVisible() and "Broker — Bansos" in panel.text()
    for scale in form._instrument.scale:  # all five descriptions, where the eyes are
        assert scale.description.get("id")[:30] in panel.text()
    press(Qt.Key.Key_3)
    assert "Broker — Data KPM" in panel.text() and "▶" not in panel.text()
    press(Qt.Key.Key_Up)
    assert "▶ <b>3 · " in panel.text()
    press(Qt.Key.Key_Escape)
    assert not form.isVisible()
