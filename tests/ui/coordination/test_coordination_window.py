"""The coordinator's main paths through the real widgets: coordinator mode with a PIN,
verifying cells with comments, a plan of three actions, self vs verified on the profile;
targets closed to advisors; a PIN-protected advisor only with their PIN."""

import uuid

import pytest
from PySide6.QtCore import Qt

from ewarong_desktop.services import access, advisors, assessments, coordinators, plans, verification
from ewarong_desktop.services.demo_coordination import DEMO_PIN


@pytest.fixture(autouse=True)
def _fresh_throttle(monkeypatch):
    """Wrong PINs of one test do not slow down the next."""
    monkeypatch.setattr(access, "THROTTLE", access._Throttle())
    delays = []
    monkeypatch.setattr(access, "sleep", delays.append)
    return delays


def unverified_final(database):
    """A final, not yet verified assessment of a kabupaten with its own coordinator."""
    people = [c for c in coordinators.list_coordinators(database) if not c.whole_province]
    with database.reading() as session:
        for person in people:
            finals = assessments.list_assessments(session, status="final",
                                                  scope=frozenset(person.kabupaten))
            checked = verification.infos_for(session, [a.id for a in finals])
            for summary in finals:
                if summary.id not in checked:
                    return person, summary
    raise AssertionError("the demo has no unverified final assessment")


def enter_as(qtbot, window, coordinator, pin):
    dialog = window.coordination.enter()
    items = [dialog.people.item(row) for row in range(dialog.people.count())]
    dialog.people.setCurrentItem(next(i for i in items
                                      if i.data(Qt.ItemDataRole.UserRole) == coordinator.id))
    dialog.pin.clear()
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    return dialog


def test_coordinator_verifies_plans_and_sees_self_vs_verified(qtbot, window):
    database = window.database
    coordinator, summary = unverified_final(database)
    coordination = window.coordination

    # A wrong PIN is refused with the one message that gives no hint.
    dialog = enter_as(qtbot, window, coordinator, "9999")
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible())
    assert "PIN" in dialog.error.text()
    assert coordination.coordinator is None and dialog.isVisible()
    assert dialog.pin.text() == ""
    qtbot.keyClicks(dialog.pin, DEMO_PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: coordination.coordinator is not None)
    assert coordination.coordinator.name == coordinator.name
    assert window.coordination.actor.is_coordinator
    assert coordinator.name in window.windowTitle()
    assert coordinator.name in coordination.mode_label.text()

    # Three cells get another level, each with a comment; Enter agrees on a fourth.
    form = coordination.verify(summary.id)
    qtbot.addWidget(form)
    rated = [code for code, e in form.editors.items() if e.own.level is not None]
    changed = rated[:3]
    for code in changed:
        editor = form.editors[code]
        form.focus_cell(code)
        new = (editor.own.level + 1) % 5
        qtbot.keyClick(editor, str(new))
        assert editor.saved.level == new and editor.unrated_badge.isVisibleTo(editor)
        qtbot.keyClicks(editor.note, f"Dibahas: {code}")
    agreed = rated[3]
    form.focus_cell(agreed)
    qtbot.keyClick(form.editors[agreed], str((form.editors[agreed].own.level + 2) % 5))
    qtbot.keyClick(form.editors[agreed], Qt.Key.Key_Return)  # back to the advisor's level
    assert not form.editors[agreed].differs()
    qtbot.mouseClick(form.verify_button, Qt.MouseButton.LeftButton)
    info = verification.get_verification(database, summary.id)
    assert info is not None and info.is_verified and info.cells_changed == 3
    assert {code: c.comment for code, c in info.cells.items()} == {
        code: f"Dibahas: {code}" for code in changed}
    assert coordinator.name in form.state_label.text()

    # A plan of three actions, starting from the instrument's suggestions.
    plan_dialog = coordination.plan(summary.id)
    assert len(plan_dialog.rows) >= 1 and plan_dialog.rows[0].text.text()
    while len(plan_dialog.rows) < 3:
        qtbot.mouseClick(plan_dialog.add_button, Qt.MouseButton.LeftButton)
    del plan_dialog.rows[3:]
    plan_dialog.rows[2].text.setText("Kunjungan bersama ke e-Warong")
    plan_dialog.rows[2].owner.setCurrentIndex(plan_dialog.rows[2].owner.findData("coordinator"))
    plan_dialog.rows[2].cells.setText(changed[0])
    qtbot.mouseClick(plan_dialog.save_button, Qt.MouseButton.LeftButton)
    plan = plans.get_plan(database, summary.id)
    assert len(plan.actions) == 3
    assert plan.actions[2].text == "Kunjungan bersama ke e-Warong"
    assert plan.actions[2].owner == "coordinator" and plan.actions[2].cells == (changed[0],)

    # The profile shows self and verified side by side, who verified, and the plan.
    from ewarong_desktop.ui.reports.profile_view import ProfileView

    view = ProfileView(database, summary.id, lang="id")
    qtbot.addWidget(view)
    panel = view.coordination
    assert coordinator.name in panel.verified_by.text()
    assert panel.roles.rowCount() == 4
    cells = {panel.cells.item(r, 0).text(): panel.cells.item(r, 3).text()
             for r in range(panel.cells.rowCount())}
    assert all(cells[code] for code in changed) and not cells[agreed]
    assert panel.cells.item(0, 4).text().startswith("Dibahas:")  # differing cells come first
    assert "Kunjungan bersama ke e-Warong" in panel.plan.text()

    # Leaving coordinator mode goes back to the advisor.
    coordination.leave()
    assert not window.coordination.actor.is_coordinator and coordinator.name not in window.windowTitle()


def test_verifying_needs_coordinator_mode(window):
    assert window.coordination.verify(uuid.uuid4()) is None
    assert window.coordination.coordinator is None


def test_an_advisor_sees_targets_but_cannot_change_them(qtbot, window):
    dialog = window.coordination.targets()
    assert not dialog.save_button.isEnabled()
    assert all(box.isReadOnly() for box in dialog.grid.boxes.values())
    assert "Target ditetapkan oleh" in dialog.setter.text()  # the demo's province coordinator
    before = dialog.grid.values()
    dialog.accept()
    assert dialog.isVisible()
    dialog.reload()
    assert dialog.grid.values() == before


def test_a_coordinator_changes_their_kabupaten_targets(qtbot, window):
    coordinator, _summary = unverified_final(window.database)
    enter_as(qtbot, window, coordinator, DEMO_PIN)
    qtbot.waitUntil(lambda: window.coordination.coordinator is not None)
    dialog = window.coordination.targets()
    assert dialog.region.currentData() in coordinator.kabupaten
    assert dialog.save_button.isEnabled()
    box = dialog.grid.boxes["4.1.1"]
    box.setValue((box.value() + 1) % 5)
    wanted = box.value()
    dialog.accept()
    from ewarong_desktop.services import targets

    effective = targets.targets_for(window.database, dialog.kind.currentData(),
                                    dialog.region.currentData(), dialog.period.currentData())
    assert effective.levels["4.1.1"] == wanted
    assert coordinator.name in effective.describe("id")
    # Province-wide targets stay closed to a kabupaten coordinator.
    dialog = window.coordination.targets()
    dialog.region.setCurrentIndex(dialog.region.findData(""))
    assert not dialog.save_button.isEnabled()


def test_a_pin_protected_advisor_is_not_chosen_without_the_pin(qtbot, window, demo_advisor):
    database = window.database
    with database.reading() as session:
        other = next(a for a in advisors.list_advisors(session) if a.id != demo_advisor.id)
    access.set_pin(database, None, access.ADVISOR, other.id, "2468")
    window._advisor_switched(other.id)
    dialog = window.pin_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.advisor_id == demo_advisor.id
    qtbot.keyClicks(dialog.pin, "1111")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible())
    assert window.advisor_id == demo_advisor.id
    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.advisor_id == other.id)
    assert other.name in window.windowTitle()
    assert window.coordination.actor.id == other.id


def test_summary_in_coordinator_mode_keeps_to_the_region_and_shows_self_vs_verified(
        qtbot, window):
    coordinator, _summary = unverified_final(window.database)
    enter_as(qtbot, window, coordinator, DEMO_PIN)
    qtbot.waitUntil(lambda: window.coordination.coordinator is not None)
    reports = window.report_actions
    reports.summary_action.trigger()
    screen = reports.summary_screen
    qtbot.waitUntil(lambda: screen.summary is not None
                    and screen.summary.filters.scope == frozenset(coordinator.kabupaten),
                    timeout=15000)
    assert screen.filters.kabupaten.currentData() in coordinator.kabupaten
    panel = screen.verified_panel
    qtbot.waitUntil(lambda: panel.versus_table.rowCount() > 0, timeout=15000)
    assert screen.summary.verified.verified_assessments > 0
    kabupaten = {panel.training_table.item(r, 0).text()
                 for r in range(panel.training_table.rowCount())}
    assert kabupaten <= set(coordinator.kabupaten)


def test_opening_as_a_pin_protected_advisor_asks_the_pin_first(qtbot, make_shell, demo_path,
                                                               demo_advisor):
    from ewarong_desktop.db import open_database

    database = open_database(demo_path)
    access.set_pin(database, None, access.ADVISOR, demo_advisor.id, "8642")
    database.close()
    window = make_shell(demo_path, advisor_id=demo_advisor.id).window
    qtbot.waitUntil(lambda: window.coordination.start_dialog is not None)
    dialog = window.coordination.start_dialog
    assert not window.centralWidget().isEnabled() and not window.menuBar().isEnabled()
    qtbot.keyClicks(dialog.pin, "0000")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible())
    assert not window.centralWidget().isEnabled()
    qtbot.keyClicks(dialog.pin, "8642")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.centralWidget().isEnabled())
    assert window.menuBar().isEnabled()


def test_return_with_a_reason_reopens_and_a_one_action_plan_is_refused(qtbot, window):
    database = window.database
    coordinator, summary = unverified_final(database)
    enter_as(qtbot, window, coordinator, DEMO_PIN)
    qtbot.waitUntil(lambda: window.coordination.coordinator is not None)
    form = window.coordination.verify(summary.id)
    qtbot.addWidget(form)
    # A cell rated differently without a comment is not saved.
    code = next(c for c, e in form.editors.items() if e.own.level is not None)
    form.set_level(code, (form.editors[code].own.level + 1) % 5)
    qtbot.mouseClick(form.verify_button, Qt.MouseButton.LeftButton)
    assert code in form.error.text()
    assert verification.get_verification(database, summary.id) is None
    # Returning needs a reason; with one the assessment is a draft again.
    qtbot.mouseClick(form.return_button, Qt.MouseButton.LeftButton)
    assert form.error.isVisible()
    assert verification.get_verification(database, summary.id) is None
    form.reason.setText("Bukti untuk peran fasilitator belum ada.")
    qtbot.mouseClick(form.return_button, Qt.MouseButton.LeftButton)
    info = verification.get_verification(database, summary.id)
    assert info.status == "returned" and "fasilitator" in info.comment
    with database.reading() as session:
        assert assessments.get_summary(session, summary.id).status == "draft"
    assert not form.verify_button.isEnabled()

    # A plan is agreed after verification only, and never with a single action.
    other = [s for s in _finals_of(database, coordinator) if s.id != summary.id][0]
    verification.verify(database, window.coordination.actor, other.id)
    dialog = window.coordination.plan(other.id)
    while len(dialog.rows) > 1:
        dialog.remove_row(dialog.rows[-1])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "2" in dialog.error.text()
    assert plans.get_plan(database, other.id).actions == []


def _finals_of(database, coordinator):
    with database.reading() as session:
        finals = assessments.list_assessments(session, status="final",
                                              scope=frozenset(coordinator.kabupaten))
        checked = verification.infos_for(session, [a.id for a in finals])
    return [s for s in finals if s.id not in checked]
