"""Target profiles from the Data menu: edit a cell, go back to the defaults, saved on OK only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ewarong_desktop.services import assessments, profiles
from ewarong_desktop.ui.assessment.targets_dialog import CHANGED_STYLE, TargetsDialog
from ewarong_desktop.ui.safety.dialogs import SafetyActions


def stored_targets(database, advisor_type):
    with database.session() as session:
        return profiles.get_targets(session, advisor_type)


def open_from_menu(window) -> TargetsDialog:
    actions = window.findChild(SafetyActions)
    assert actions.targets_action in window.data_menu.actions()
    actions.targets_action.trigger()
    dialog = actions.targets_dialog
    assert isinstance(dialog, TargetsDialog) and dialog.isVisible()
    return dialog


def test_a_changed_target_is_saved_on_ok_and_shown_in_the_profile(window, demo_advisor, qtbot):
    dialog = open_from_menu(window)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs[0] == "Pendamping PKH" and tabs[1].startswith("TKSK") and len(tabs) == 3
    pkh = dialog.grids["PKH"]
    default = profiles.default_targets("PKH")["4.3.7"]
    box = pkh.boxes["4.3.7"]
    assert box.value() == default and box.styleSheet() == ""
    box.setValue((default + 2) % 5)
    assert box.styleSheet() == CHANGED_STYLE  # differs from the instrument: marked
    assert "1 sel berbeda" in pkh.changed_count.text()
    assert stored_targets(window.database, "PKH")["4.3.7"] == default  # nothing saved yet

    saved = []
    dialog.saved.connect(saved.append)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert saved == [{"PKH": ["4.3.7"], "TKSK": [], "OTHER": []}]
    assert stored_targets(window.database, "PKH")["4.3.7"] == (default + 2) % 5
    assert stored_targets(window.database, "TKSK") == profiles.default_targets("TKSK")

    with window.database.session() as session:  # the advisor's own profile compares with it
        [summary, *_] = assessments.list_assessments(session, advisor_id=demo_advisor.id)
    window.select_warong(summary.warong_id)
    window.assessment_view.selectRow(window.assessment_model.row_of(summary.id))
    view = window.view_profile()
    assert view.profile.cells["4.3.7"].target == (default + 2) % 5


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
