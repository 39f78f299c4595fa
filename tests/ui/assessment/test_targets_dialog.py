"""Targets from the Data menu (set by coordinators only), and the target grid: edit a cell,
go back to the defaults, saved on OK only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ewarong_desktop.services import access, assessments, profiles
from ewarong_desktop.ui.assessment.targets_dialog import CHANGED_STYLE, TargetsDialog
from ewarong_desktop.ui.safety.dialogs import SafetyActions


def stored_targets(database, advisor_type):
    with database.session() as session:
        return profiles.get_targets(session, advisor_type)


def open_from_menu(window) -> TargetsDialog:
    """The grid of the legacy dialog (targets edited before coordinators existed)."""
    dialog = TargetsDialog(window.database, lang="id", parent=window)
    dialog.open()
    return dialog


def test_the_data_menu_opens_targets_as_coordinators_set_them(window, demo_advisor, qtbot):
    from ewarong_desktop.services import coordinators
    from ewarong_desktop.services.demo_coordination import DEMO_PIN
    from ewarong_desktop.ui.coordination.targets_dialog import CoordinatorTargetsDialog

    actions = window.findChild(SafetyActions)
    assert actions.targets_action in window.data_menu.actions()
    actions.targets_action.trigger()
    dialog = actions.targets_dialog
    assert isinstance(dialog, CoordinatorTargetsDialog) and dialog.isVisible()
    assert not dialog.save_button.isEnabled()  # an advisor only looks
    dialog.reject()

    province = next(c for c in coordinators.list_coordinators(window.database)
                    if c.whole_province)
    window.coordination._entered(access.enter(window.database, access.COORDINATOR, province.id,
                                              DEMO_PIN))
    with window.database.session() as session:  # the advisor's own profile compares with it
        [summary, *_] = assessments.list_assessments(session, advisor_id=demo_advisor.id)
    actions.targets_action.trigger()
    dialog = actions.targets_dialog
    assert dialog.save_button.isEnabled() and dialog.region.currentData() == ""
    dialog.period.setCurrentIndex(dialog.period.findData(summary.period))
    box = dialog.grid.boxes["4.3.7"]
    wanted = (box.value() + 2) % 5
    box.setValue(wanted)
    assert box.styleSheet() in ("", CHANGED_STYLE)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()

    window.select_warong(summary.warong_id)
    window.assessment_view.selectRow(window.assessment_model.row_of(summary.id))
    view = window.view_profile()
    assert view.profile.cells["4.3.7"].target == wanted
    assert province.name in view.coordination.targets_by.text()


def test_reset_puts_the_defaults_back_and_cancel_saves_nothing(window, qtbot):
    defaults = profiles.default_targets("TKSK")
    with window.database.session() as session:
        profiles.set_targets(session, "TKSK", {"4.1.1": (defaults["4.1.1"] + 1) % 5,
                                               "4.4.8": (defaults["4.4.8"] + 1) % 5})
    edited = stored_targets(window.database, "TKSK")

    dialog = open_from_menu(window)
    tksk = dialog.grids["TKSK"]
    assert tksk.values() == edited and tksk.boxes["4.1.1"].styleSheet() == CHANGED_STYLE
    qtbot.mouseClick(tksk.reset_button, Qt.MouseButton.LeftButton)
    assert tksk.values() == defaults
    assert "sama dengan bawaan" in tksk.changed_count.text()
    dialog.reject()
    assert stored_targets(window.database, "TKSK") == edited  # cancelled: still the edits

    dialog = open_from_menu(window)
    dialog.grids["TKSK"].reset_to_defaults()
    dialog.accept()
    assert stored_targets(window.database, "TKSK") == defaults


def test_read_only_database_shows_targets_without_saving(demo_path, qtbot):
    from ewarong_desktop.db import open_database

    viewer = open_database(demo_path, read_only=True)
    try:
        dialog = TargetsDialog(viewer, lang="id")
        qtbot.addWidget(dialog)
        assert not dialog.save_button.isEnabled()
        assert dialog.grids["PKH"].boxes["4.1.1"].isReadOnly()
        assert "hanya-baca" in dialog.error.text()
    finally:
        viewer.close()
