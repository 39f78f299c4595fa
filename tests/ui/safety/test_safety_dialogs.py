"""The window keeps the file safe: recovery at start, read-only use, the Data menu, and
closing never throws a typed note away without asking."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ewarong_desktop.db import open_database
from ewarong_desktop.db.health import DatabaseReadOnlyError
from ewarong_desktop.services import advisors, assessments, safety, warongs
from ewarong_desktop.ui.assessment.form import AssessmentForm
from ewarong_desktop.ui.safety.dialogs import RecoveryDialog, RestoreDialog, SafetyActions


def add_warong(path, name="e-Warong Tambahan"):
    """Another program (or window) adds an e-Warong to the file."""
    other = open_database(path, startup_backup=False)
    try:
        with other.session() as session:
            warongs.create_warong(session, warongs.WarongFields(
                name=name, kelurahan="Cibeunying", kecamatan="Cimenyan",
                kabupaten="Kabupaten Bandung"))
    finally:
        other.close()


def scribble_header(path):
    path.write_bytes(bytes(range(100)) + path.read_bytes()[100:])


def visible_boxes(parent):
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


@pytest.fixture
def damaged_with_backup(demo_path):
    """The demo file (27 e-Warongs) backed up, then one more e-Warong, then its header
    overwritten; returns the path, the backup and a PKH advisor of the file."""
    backup = safety.backup_now(demo_path)
    add_warong(demo_path)
    database = open_database(demo_path, startup_backup=False)
    with database.session() as session:
        advisor = next(a for a in advisors.list_advisors(session) if a.advisor_type == "PKH")
    database.close()
    scribble_header(demo_path)
    return demo_path, backup, advisor.id


def test_damaged_file_at_start_is_explained_and_the_backup_restored(damaged_with_backup, make_shell,
                                                                     qtbot, settings):
    path, backup, advisor_id = damaged_with_backup
    damaged_bytes = path.read_bytes()
    shell = make_shell(path, advisor_id=advisor_id)
    dialog = shell.recovery_dialog
    assert shell.window is None and dialog.isVisible()
    assert dialog.windowTitle() == "Basis data rusak"
    assert str(path) in dialog.path_label.text()
    assert "tidak diubah dan tidak dihapus" in dialog.explanation.text()
    assert dialog.restore_button.isVisible() and dialog.restore_button.isDefault()
    assert dialog.quit_button.text().replace("&", "") == "Keluar"  # nothing else is open yet

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window is not None, timeout=10000)

    window = shell.window
    assert window.warong_model.total() == 27  # the backup's data, without the later e-Warong
    assert safety.check_database(path).ok
    # The damaged file is still on disk, renamed with a timestamp, byte for byte.
    [aside] = [p for p in path.parent.iterdir() if ".damaged-" in p.name and p.suffix == ".sqlite3"]
    assert aside.read_bytes() == damaged_bytes
    [report] = visible_boxes(window)
    assert "dipulihkan" in report.text() and str(aside) in report.informativeText()
    assert settings.last_database == str(path)

    shell.shutdown()  # no crash loop: the next start opens the restored file directly
    again = make_shell(path, advisor_id=advisor_id)
    assert again.recovery_dialog is None and again.window.warong_model.total() == 27


def test_giving_up_at_start_ends_the_program_and_leaves_the_file(damaged_with_backup, make_shell,
                                                                 qtbot):
    path, _backup, _advisor = damaged_with_backup
    damaged_bytes = path.read_bytes()
    shell = make_shell(path)
    with qtbot.waitSignal(shell.finished) as ended:
        shell.recovery_dialog.quit_button.click()
    assert ended.args == [1] and shell.window is None
    assert path.read_bytes() == damaged_bytes
    assert not [p for p in path.parent.iterdir() if ".damaged-" in p.name]


def test_damaged_file_without_a_backup_offers_another_file(demo_path, db_path, make_shell,
                                                           monkeypatch, qtbot):
    scribble_header(demo_path)
    shell = make_shell(demo_path)
    dialog = shell.recovery_dialog
    assert not dialog.restore_button.isVisible()
    assert "Tidak ada cadangan yang baik" in dialog.advice.text()
    dialog.choose_other_file()
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    dialog.file_dialog.fileSelected.emit(str(db_path))  # a new, empty file: set-up follows
    assert not dialog.isVisible()
    assert shell.setup_dialog is not None and shell.pending_database.path == db_path


@pytest.fixture
def read_only_medium(monkeypatch, demo_advisor):
    """Opening for writing is refused as on a read-only medium; opening read-only works.

    (After the demo database is made: its fixtures open it for writing.)"""
    import ewarong_desktop.services.store

    real_open = ewarong_desktop.services.store.open_database

    def open_refusing_writes(path, *, read_only=False, **options):
        if not read_only:
            raise DatabaseReadOnlyError(path)
        return real_open(path, read_only=True, **options)

    monkeypatch.setattr(ewarong_desktop.services.store, "open_database", open_refusing_writes)  # app.py
    monkeypatch.setattr("ewarong_desktop.ui.safety.dialogs.open_database", open_refusing_writes)


def test_read_only_file_is_offered_read_only_and_refuses_edits_gracefully(
        read_only_medium, demo_path, demo_advisor, make_shell, qtbot):
    before = demo_path.read_bytes()
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    dialog = shell.recovery_dialog
    assert dialog.windowTitle() == "Basis data tidak bisa ditulis"
    assert dialog.read_only_button.isVisible() and not dialog.restore_button.isVisible()
    dialog.read_only_button.click()

    window = shell.window
    assert window is not None and window.database.read_only
    assert "hanya baca" in window.windowTitle()
    assert any(label.text() == "HANYA BACA" and label.isVisible()
               for label in window.statusBar().findChildren(type(window.user_label)))
    assert not window.add_warong_action.isEnabled()
    window.select_warong(window.warong_model.record(0).id)
    assert window.warong is not None and not window.new_assessment_action.isEnabled()
    assert not window.edit_warong_action.isEnabled()
    actions = window.findChild(SafetyActions)
    assert not actions.restore_action.isEnabled() and actions.backup_action.isEnabled()

    # Even the advisor's own draft opens read-only, says why, and ignores a key press.
    with window.database.session() as session:
        own = [a for a in assessments.list_assessments(session, advisor_id=demo_advisor.id)]
    draft = next(a for a in own if not a.is_final)
    form = window.open_assessment(draft)
    assert isinstance(form, AssessmentForm) and not form.is_editable
    assert "hanya-baca" in form.banner.text() and form.banner.isVisible()
    cell = form.cell(form.current_cell())
    saved = cell.saved
    qtbot.keyClick(cell, Qt.Key.Key_4)
    assert cell.saved == saved
    shell.shutdown()
    assert demo_path.read_bytes() == before


def test_backup_now_writes_a_backup_in_the_background(window, demo_path, qtbot):
    actions = window.findChild(SafetyActions)
    before = {b.path for b in safety.list_backups(demo_path)}
    with qtbot.waitSignal(actions.backup_finished, timeout=10000) as done:
        actions.backup_action.trigger()
        assert not actions.backup_action.isEnabled()  # one at a time, while it runs
    backup = done.args[0]
    assert backup.reason == "manual" and backup.path.is_file() and backup.path not in before
    assert safety.check_database(backup.path).ok
    assert actions.backup_action.isEnabled()
    [box] = visible_boxes(window)
    assert box.text().startswith("Basis data sudah dicadangkan")
    assert str(backup.path) in box.informativeText()


def test_restore_from_a_chosen_backup_replaces_the_content(make_shell, demo_path, demo_advisor,
                                                           qtbot):
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    chosen = safety.backup_now(demo_path)
    add_warong(demo_path, "e-Warong Setelah Cadangan")
    window = shell.window
    window.reload_from_database()
    assert window.warong_model.total() == 28

    dialog = window.findChild(SafetyActions).choose_backup()
    assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
    dialog.choose(chosen.path)
    assert dialog.chosen() == chosen
    assert "dibuat manual" in [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    dialog.restore_button.click()
    box = dialog.confirmation
    assert box is not None and "Ganti isi basis data" in box.text()
    go = next(b for b in box.buttons() if b.text() == "Pulihkan")
    with qtbot.waitSignal(dialog.restored, timeout=10000):
        go.click()

    assert shell.window is not window  # the window reloaded on the restored file
    assert shell.window.warong_model.total() == 27
    reasons = [b.reason for b in safety.list_backups(demo_path)]
    assert "pre-restore" in reasons  # the replaced content was kept first
    [report] = visible_boxes(shell.window)
    assert "dipulihkan" in report.text()


def test_check_runs_in_the_background_and_reports_a_healthy_file(window, qtbot):
    actions = window.findChild(SafetyActions)
    with qtbot.waitSignal(actions.check_finished, timeout=10000) as done:
        actions.check_action.trigger()
    assert done.args[0].ok
    [box] = visible_boxes(window)
    assert box.text() == "Basis data dalam keadaan baik."
    assert "162 penilaian" in box.informativeText()


def test_closing_with_a_note_that_cannot_be_saved_asks_first(window, demo_db, demo_advisor, qtbot,
                                                             monkeypatch):
    with demo_db.session() as session:
        draft = next(a for a in assessments.list_assessments(session, advisor_id=demo_advisor.id)
                     if not a.is_final)
    form = window.open_assessment(draft)
    code = form.current_cell()
    cell = form.cell(code)
    cell.note.setPlainText("x" * 10_001)  # over the limit: the service refuses it
    assert not window.close()
    box = window.unsaved_note_box
    assert window.isVisible() and form.isVisible()
    assert box is not None and code in box.text()
    back = next(b for b in box.buttons() if b.text() == "Kembali ke catatan")
    back.click()
    assert form.isVisible() and cell.note.toPlainText() == "x" * 10_001  # nothing thrown away

    assert not window.close()
    discard = next(b for b in window.unsaved_note_box.buttons()
                   if b.text() == "Tutup tanpa catatan ini")
    discard.click()
    assert not window.isVisible()
    with demo_db.session() as session:
        assert len(assessments.get_detail(session, draft.id).ratings[code].note) <= 10_000


def test_recovery_dialog_in_english(damaged_with_backup, make_shell):
    path, _backup, _advisor = damaged_with_backup
    shell = make_shell(path, lang="en")
    dialog = shell.recovery_dialog
    assert isinstance(dialog, RecoveryDialog)
    assert dialog.windowTitle() == "Damaged database"
    assert dialog.restore_button.text().replace("&", "") == "Restore backup"


def test_damaged_file_opened_from_the_menu_can_be_restored(make_shell, demo_path, demo_advisor,
                                                          tmp_path, qtbot):
    from ewarong_desktop.db.backup import backup_file

    other = backup_file(demo_path, tmp_path / "kiriman.sqlite3")  # a file from another laptop
    safety.backup_now(other)
    scribble_header(other)
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    first = shell.window
    first.database_requested.emit(str(other))
    [dialog] = [d for d in first.findChildren(RecoveryDialog) if d.isVisible()]
    assert dialog.quit_button.text() == "Batal"
    with qtbot.waitSignal(dialog.database_opened, timeout=10000):
        dialog.restore_button.click()
    # Nobody is known on this laptop for that file yet: who uses it is asked next.
    assert shell.setup_dialog is not None and shell.pending_database.path == other
    assert safety.check_database(other).ok
    assert [p for p in tmp_path.iterdir() if p.name.startswith("kiriman.damaged-")]
    setup = shell.setup_dialog
    setup.advisor_list.setCurrentRow(0)
    setup.accept()
    assert shell.database.path == other and shell.window is not first
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))  # deleted, with its dialogs
    shell.shutdown()  # the recovery dialog went with the window it was shown over
