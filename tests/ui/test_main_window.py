"""The main window driven like a person would: list, filters, e-Warong dialog, assessments."""

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ewarong_desktop.periods import period_name
from ewarong_desktop.services import advisors, assessments, warongs
from ewarong_desktop.services import validation as v
from ewarong_desktop.ui.assessment.warong_dialog import WarongDialog
from ewarong_desktop.ui.main_window import MainWindow, NewAssessmentDialog
from ewarong_desktop.ui.setup_dialog import AdvisorEditDialog, SetupDialog
from ewarong_desktop.ui.start_window import MINIMUM_SIZE


def open_dialog(window, kind):
    [dialog] = [d for d in window.findChildren(kind) if d.isVisible()]
    return dialog


def listed_names(window):
    model = window.warong_model
    return [model.record(row).name for row in range(model.rowCount())]


def test_window_fits_a_laptop_screen(window):
    assert (window.minimumWidth(), window.minimumHeight()) == MINIMUM_SIZE
    assert window.width() <= 1366 and window.height() <= 768
    assert window.warong_model.rowCount() == 27
    assert window.warong_count.text() == "27 e-Warong"


def test_adding_an_e_warong_through_the_dialog(window, qtbot, demo_advisor):
    window.add_warong_action.trigger()
    dialog = open_dialog(window, WarongDialog)
    assert dialog.accompany.isChecked()  # a new e-Warong is the current advisor's by default
    qtbot.keyClicks(dialog.name, "e-Warong Cahaya Uji")
    qtbot.keyClicks(dialog.kube_name, "KUBE Sauyunan")
    qtbot.keyClicks(dialog.kelurahan, "Cijagra")
    dialog.kecamatan.setCurrentText("Lengkong")
    dialog.kabupaten.setCurrentText("Kota Bandung")
    dialog.year_founded.setValue(2018)
    dialog.member_count.setValue(12)
    dialog.service_boxes["BPNT"].setChecked(True)
    dialog.service_boxes["BPJS"].setChecked(True)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert save.text() == "Simpan"
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert "e-Warong Cahaya Uji" in listed_names(window)
    assert window.warong.name == "e-Warong Cahaya Uji"
    assert window.warong_title.text() == "e-Warong Cahaya Uji"
    assert window.fact_labels["services"].text() == "Penyaluran BPNT, Pembayaran BPJS Kesehatan"
    assert window.fact_labels["members"].text() == "12 orang"
    assert f"{demo_advisor.name} (Anda)" in window.fact_labels["advisors"].text()
    assert window.warong_count.text() == "28 e-Warong"
    with window.database.session() as session:
        [saved] = warongs.list_warongs(session, search="Cahaya Uji")
        assert (saved.year_founded, saved.member_count, saved.services) == (2018, 12, ("BPNT", "BPJS"))
        assert saved.id in {w.id for w in warongs.list_warongs(session, advisor_id=demo_advisor.id)}


def test_a_duplicate_e_warong_is_refused_with_a_message(window, qtbot):
    existing = window.warong_model.record(0)
    window.add_warong()
    dialog = open_dialog(window, WarongDialog)
    qtbot.keyClicks(dialog.name, existing.name.upper())
    qtbot.keyClicks(dialog.kelurahan, existing.kelurahan)
    dialog.kecamatan.setCurrentText(existing.kecamatan)
    dialog.kabupaten.setCurrentText(existing.kabupaten)
    dialog.accept()
    assert dialog.isVisible()
    # The service's refusal, in the window's language.
    assert dialog.error.isVisible() and "Sudah ada e-Warong bernama" in dialog.error.text()
    assert window.warong_model.total() == 27
    dialog.reject()
    assert window.warong_model.total() == 27


def test_an_e_warong_without_a_name_is_refused_in_indonesian(window, qtbot):
    window.add_warong()
    dialog = open_dialog(window, WarongDialog)
    qtbot.keyClicks(dialog.name, "   ")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text().startswith("Nama e-Warong belum diisi")
    assert window.warong_model.total() == 27


def test_search_narrows_the_list_after_a_pause_in_typing(window, qtbot):
    target = window.warong_model.record(5)
    qtbot.keyClicks(window.search, target.kelurahan)
    qtbot.waitUntil(lambda: window.warong_model.rowCount() < 27)
    assert target.name in listed_names(window)
    assert all(target.kelurahan.lower() in name.lower() for name in listed_names(window))
    window.search.clear()
    qtbot.waitUntil(lambda: window.warong_model.rowCount() == 27)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_from_the_search_box_the_keyboard_goes_on_to_the_result(window, qtbot, key):
    window.show()
    qtbot.waitExposed(window)
    target = window.warong_model.record(7)
    window.search.setFocus()
    qtbot.keyClicks(window.search, target.kelurahan)
    qtbot.keyClick(window.search, key)
    assert window.warong_view.hasFocus()
    assert window.warong is not None and target.kelurahan in window.warong.name
    assert target.name in window.warong_title.text()


def test_kecamatan_filter_and_only_mine(window, demo_advisor):
    window.kecamatan.setCurrentIndex(window.kecamatan.findData("Lengkong"))
    rows = window.warong_model.rowCount()
    assert 0 < rows < 27
    assert {window.warong_model.record(r).kecamatan for r in range(rows)} == {"Lengkong"}
    assert window.warong_count.text() == f"{rows} e-Warong"

    window.kecamatan.setCurrentIndex(0)  # Semua kecamatan
    window.only_mine.setChecked(True)
    with window.database.session() as session:
        mine = warongs.list_warongs(session, advisor_id=demo_advisor.id)
    assert listed_names(window) == [w.name for w in mine]
    assert window.settings.only_mine is True


def test_a_filter_that_hides_the_chosen_e_warong_clears_the_details(window):
    chosen = window.warong_model.record(0)
    window.select_warong(chosen.id)
    assert window.detail_stack.currentWidget() is window.detail_page
    window.search.setText("tidak-ada-yang-cocok")
    window.apply_filter()
    assert window.warong is None
    assert window.detail_stack.currentWidget() is window.empty_hint
    assert "cocok" in window.empty_hint.text()


def test_choosing_an_e_warong_shows_its_assessments(window, demo_advisor):
    with window.database.session() as session:
        mine = warongs.list_warongs(session, advisor_id=demo_advisor.id)[0]
    window.select_warong(mine.id)
    assert window.warong_title.text() == mine.name
    model = window.assessment_model
    assert model.rowCount() == 6
    own_rows = [r for r in range(6) if model.index(r, model.ADVISOR).data().endswith("(Anda)")]
    assert len(own_rows) == 3
    assert window.open_assessment_action.isEnabled() and window.view_profile_action.isEnabled()
    # Another advisor's assessment can be looked at, not edited.
    other = next(r for r in range(6) if r not in own_rows)
    window.assessment_view.selectRow(other)
    assert window.open_assessment_action.text() == "Lihat penilaian"


def test_editing_an_e_warong_and_leaving_it(window, demo_advisor):
    with window.database.session() as session:
        mine = warongs.list_warongs(session, advisor_id=demo_advisor.id)[0]
    window.select_warong(mine.id)
    window.edit_warong_action.trigger()
    dialog = open_dialog(window, WarongDialog)
    assert dialog.name.text() == mine.name and dialog.accompany.isChecked()
    dialog.name.setText(mine.name + " Baru")
    dialog.accompany.setChecked(False)
    dialog.accept()
    assert window.warong_title.text() == mine.name + " Baru"
    assert demo_advisor.name not in window.fact_labels["advisors"].text()
    with window.database.session() as session:
        assert mine.id not in {w.id for w in warongs.list_warongs(session,
                                                                 advisor_id=demo_advisor.id)}


def test_new_assessment_defaults_to_this_semester_and_refuses_a_taken_period(window, demo_advisor):
    with window.database.session() as session:
        mine = warongs.list_warongs(session, advisor_id=demo_advisor.id)[0]
        taken = {a.period for a in assessments.list_assessments(
            session, warong_id=mine.id, advisor_id=demo_advisor.id)}
    window.select_warong(mine.id)
    window.new_assessment_action.trigger()
    dialog = open_dialog(window, NewAssessmentDialog)
    combo = dialog.period
    periods = [combo.itemData(i) for i in range(combo.count())]
    enabled = {combo.itemData(i) for i in range(combo.count())
               if combo.model().item(i).isEnabled()}
    assert v.current_period() in periods
    assert enabled == set(periods) - taken  # the demo's three semesters cannot be redone
    assert "usulan" in dialog.carry_note.text()  # nothing is copied without a look
    assert combo.currentData() in enabled
    dialog.reject()


def test_a_new_semester_starts_empty_with_last_semester_as_proposals(window, demo_advisor, qtbot):
    pytest.importorskip("ewarong_desktop.ui.assessment.form")
    with window.database.session() as session:
        mine = warongs.list_warongs(session, advisor_id=demo_advisor.id)[0]
    window.select_warong(mine.id)
    window.new_assessment()
    dialog = open_dialog(window, NewAssessmentDialog)
    period = next(dialog.period.itemData(i) for i in range(dialog.period.count())
                  if dialog.period.model().item(i).isEnabled()
                  and dialog.period.itemData(i) > v.current_period())
    dialog.period.setCurrentIndex(dialog.period.findData(period))
    dialog.accept()

    model = window.assessment_model
    assert model.rowCount() == 7
    created = window.selected_assessment()
    assert created.period == period and created.advisor_id == demo_advisor.id
    assert created.answered == 0  # last semester's answers are proposals, not answers
    [form] = window.open_windows()
    carried = [code for code in form._order() if not form.cell(code).carried_badge.isHidden()]
    assert carried and "dari semester lalu" in form.cell(carried[0]).carried_badge.text()
    assert form.answered_count() == 0
    assert form.isVisible() and period_name(period) in form.windowTitle()
    assert form.is_editable  # the advisor's own draft
    assert window.open_assessment() is form  # asked again: the same window comes forward


def test_the_form_and_profile_of_another_advisor_open_read_only(window, demo_advisor):
    form_module = pytest.importorskip("ewarong_desktop.ui.assessment.form")
    profile_module = pytest.importorskip("ewarong_desktop.ui.reports.profile_view")
    with window.database.session() as session:
        mine = warongs.list_warongs(session, advisor_id=demo_advisor.id)[0]
    window.select_warong(mine.id)
    model = window.assessment_model
    other = next(r for r in range(model.rowCount())
                 if model.record(r).advisor_id != demo_advisor.id)
    window.assessment_view.selectRow(other)
    window.open_assessment_action.trigger()
    window.view_profile_action.trigger()
    form, profile = window.open_windows()
    assert isinstance(form, form_module.AssessmentForm)
    assert isinstance(profile, profile_module.ProfileView)
    assert form.isWindow() and profile.isWindow()
    assert form.isVisible() and profile.isVisible()
    assert not form.is_editable
    window.close()  # the main window takes its child windows with it
    assert not form.isVisible() and not profile.isVisible()


def test_switching_user_from_the_menu(window, demo_advisor):
    window.switch_advisor_action.trigger()
    dialog = open_dialog(window, SetupDialog)
    current = dialog.advisor_list.currentItem().data(Qt.ItemDataRole.UserRole)
    assert current == demo_advisor.id
    other_row = next(r for r in range(dialog.advisor_list.count())
                     if dialog.advisor_list.item(r).data(Qt.ItemDataRole.UserRole) != current)
    dialog.advisor_list.setCurrentRow(other_row)
    other_id = dialog.advisor_list.item(other_row).data(Qt.ItemDataRole.UserRole)
    dialog.accept()
    assert window.advisor_id == other_id
    assert window.settings.current_advisor(window.database.path) == other_id
    with window.database.session() as session:
        other = advisors.get_advisor(session, other_id)
    assert other.name in window.user_label.text() and other.name in window.windowTitle()


def test_editing_my_profile(window, qtbot, demo_advisor):
    window.edit_profile_action.trigger()
    dialog = open_dialog(window, AdvisorEditDialog)
    assert dialog.form.name.text() == demo_advisor.name
    dialog.form.name.clear()
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text().startswith("Nama belum diisi")
    qtbot.keyClicks(dialog.form.name, "Nama Baru")
    dialog.accept()
    assert not dialog.isVisible()
    assert "Nama Baru" in window.user_label.text()


def test_report_and_data_menus_appear_when_given_actions(demo_db, demo_advisor, settings, qtbot):
    from PySide6.QtGui import QAction

    window = MainWindow(demo_db, demo_advisor.id, settings, "id")  # no feature has added any yet
    qtbot.addWidget(window)
    assert not window.reports_menu.menuAction().isVisible()
    assert not window.data_menu.menuAction().isVisible()
    window.add_menu_action(window.reports_menu, QAction("Ringkasan kecamatan", window))
    assert window.reports_menu.menuAction().isVisible()


def test_about_names_the_instrument_source(window):
    from ewarong_desktop.instrument import load_instrument

    box = window.show_about()
    assert isinstance(box, QMessageBox) and box.isVisible()
    text = box.text()
    assert load_instrument().version in text
    # The full reference: chapter, editor, publisher and ISBN.
    for part in ("Peran Pendamping Sosial", "Agus Haidar", "Pustaka Rahmat", "978-602-7810-71-3"):
        assert part in text
    box.close()


def test_window_geometry_is_remembered(window, settings, make_shell, demo_path):
    # The offscreen test screen is 800x800, so a size that fits it is restored as it was
    # (the first start would pick 1000x760).
    window.resize(1000, 720)
    window.splitter.setSizes([300, 700])
    left = window.splitter.sizes()[0]
    window.close()
    assert not settings.window_geometry.isEmpty()
    again = make_shell(demo_path).window
    assert (again.width(), again.height()) == (1000, 720)
    assert again.splitter.sizes()[0] == left


def test_a_deleted_warong_on_rebuild_falls_back_to_the_hint(window):
    state = window.view_state()
    window.restore_view_state(type(state)(uuid.uuid4(), "", None, False))
    assert window.warong is None


def test_a_first_start_on_a_laptop_screen_fills_it(make_shell, demo_path, demo_advisor):
    # Nothing remembered yet, and the screen (800x800 here, 1366x768 on an advisor's
    # laptop) has no room for the default size with a title bar and a taskbar.
    window = make_shell(demo_path, advisor_id=demo_advisor.id).window
    assert window.isMaximized()
    window.showNormal()  # un-maximized by the person: the next start remembers that
    window.close()
    assert not make_shell(demo_path, advisor_id=demo_advisor.id).window.isMaximized()


def test_a_demo_database_says_so_in_every_window_title(window, demo_advisor):
    assert window.windowTitle().startswith("DATA CONTOH — e-Warong Desktop")
    with window.database.session() as session:
        mine = warongs.list_warongs(session, advisor_id=demo_advisor.id)[0]
    window.select_warong(mine.id)
    window.assessment_view.setCurrentIndex(window.assessment_model.index(0, 0))
    profile = window.view_profile()
    assert profile is not None and profile.windowTitle().startswith("DATA CONTOH — ")
    assert "Semester" in profile.windowTitle()


def test_a_normal_database_never_says_demo(make_shell, db_path, advisor_and_warong):
    shell = make_shell(db_path, advisor_id=advisor_and_warong[0])
    assert "DATA CONTOH" not in shell.window.windowTitle()
    assert "e-Warong Desktop" in shell.window.windowTitle()


def test_the_theme_menu_switches_palette_and_is_remembered(window, settings, qapp):
    from PySide6.QtGui import QPalette

    before, style = QPalette(qapp.palette()), qapp.style().name()
    try:
        assert settings.theme == "system"
        [dark] = [a for a in window.theme_actions.actions() if a.data() == "dark"]
        dark.trigger()
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert settings.theme == "dark" and dark.isChecked()
        [system] = [a for a in window.theme_actions.actions() if a.data() == "system"]
        system.trigger()
        assert qapp.palette().color(QPalette.ColorRole.Window) == before.color(
            QPalette.ColorRole.Window)
        assert settings.theme == "system"
    finally:
        qapp.setStyle(style)
        qapp.setPalette(before)


def test_an_open_form_and_profile_show_a_rating_another_connection_saved(window, demo_advisor,
                                                                       demo_path):
    from ewarong_desktop.db import open_database

    with window.database.session() as session:
        mine = warongs.list_warongs(session, advisor_id=demo_advisor.id)[0]
        draft = assessments.start_assessment(session, demo_advisor.id, mine.id, "2031-S1")
    window.select_warong(mine.id)
    window.refresh_assessments(select=draft.id)
    form = window.open_assessment()
    form.cell("4.1.1")  # built and on screen
    profile = window.view_profile(draft)
    other = open_database(demo_path)  # another window or program on the same file
    try:
        with other.session() as session:
            assessments.set_rating(session, draft.id, "4.1.1", 1, editor_id=demo_advisor.id)
    finally:
        other.close()
    assert form.cell("4.1.1").saved.level is None  # not read yet
    assert window.change_watcher.poll()  # what the two-second poll does
    editor = form.cell("4.1.1")
    assert editor.level_buttons[1].isChecked() and editor.unrated_badge.isHidden()
    assert form.answered_count() == 1 and form.progress_label.text() == "1 dari 32"
    assert profile.profile.cells["4.1.1"].level == 1


def test_a_new_e_warong_starts_in_the_advisors_area_and_needs_both_places(window, qtbot,
                                                                        demo_advisor):
    assert demo_advisor.kecamatan and demo_advisor.kabupaten
    window.add_warong_action.trigger()
    dialog = open_dialog(window, WarongDialog)
    assert dialog.kecamatan.currentText() == demo_advisor.kecamatan
    assert dialog.kabupaten.currentText() == demo_advisor.kabupaten
    qtbot.keyClicks(dialog.name, "e-Warong Tanpa Wilayah")
    dialog.kecamatan.setCurrentText("")
    dialog.accept()
    assert dialog.isVisible() and "Kecamatan belum diisi" in dialog.error.text()
    dialog.kecamatan.setCurrentText(demo_advisor.kecamatan)
    dialog.kabupaten.setCurrentText("  ")
    dialog.accept()
    assert dialog.isVisible() and "Kabupaten/kota belum diisi" in dialog.error.text()
    with window.database.session() as session:
        assert warongs.list_warongs(session, search="Tanpa Wilayah") == []
    dialog.reject()
