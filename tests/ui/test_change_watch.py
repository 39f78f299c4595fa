"""Two windows on one file: each notices the other's saves and reads its lists again; an
open profile follows the form it belongs to."""

from __future__ import annotations

from ewarong_desktop.db import open_database
from ewarong_desktop.services import assessments, warongs
from ewarong_desktop.ui.change_watch import POLL_INTERVAL_MS


def test_another_connection_adding_an_e_warong_shows_up_in_the_list(window, demo_path, qtbot):
    watcher = window.change_watcher
    assert watcher.timer.isActive() and watcher.timer.interval() == POLL_INTERVAL_MS
    assert window.warong_model.total() == 27
    assert not watcher.poll()  # nothing happened yet

    other = open_database(demo_path, startup_backup=False)  # the second window
    with other.session() as session:
        warongs.create_warong(session, warongs.WarongFields(
            name="e-Warong Mekar Sari", kelurahan="Sukamaju", kecamatan="Cibeunying Kaler",
            kabupaten="Kota Bandung"))
    other.close()

    with qtbot.waitSignal(watcher.changed_elsewhere):
        assert watcher.poll()
    assert window.warong_model.total() == 28
    assert window.kecamatan.findData("Cibeunying Kaler") >= 0  # the new kecamatan is offered
    assert not watcher.poll()  # read once, not again


def test_the_timer_notices_without_being_asked(window, demo_path, qtbot):
    window.change_watcher.timer.setInterval(50)
    other = open_database(demo_path, startup_backup=False)
    with other.session() as session:
        warongs.create_warong(session, warongs.WarongFields(
            name="e-Warong Harapan", kelurahan="Cigadung", kecamatan="Cibeunying Kaler",
            kabupaten="Kota Bandung"))
    other.close()
    qtbot.waitUntil(lambda: window.warong_model.total() == 28, timeout=5000)


def test_own_saves_do_not_count_as_someone_elses(window, demo_advisor, qtbot):
    watcher = window.change_watcher
    with window.database.session() as session:
        draft = next(a for a in assessments.list_assessments(session, advisor_id=demo_advisor.id)
                     if not a.is_final)
    form = window.open_assessment(draft)
    code = form.current_cell()
    changes = []
    watcher.changed_elsewhere.connect(lambda: changes.append(True))
    qtbot.keyClick(form.cell(code), "3")  # saved at once through this window's database
    qtbot.wait(10)  # the stamp after our own commit is noted on the next turn of the loop
    assert watcher.poll() is False and changes == []


def test_an_open_profile_follows_the_form(window, demo_advisor, qtbot):
    with window.database.session() as session:
        draft = next(a for a in assessments.list_assessments(session, advisor_id=demo_advisor.id)
                     if not a.is_final and a.answered < a.total)
    window.select_warong(draft.warong_id)
    window.assessment_view.selectRow(window.assessment_model.row_of(draft.id))
    profile = window.view_profile()
    form = window.open_assessment(draft)
    answered = profile.profile.answered
    assert form.next_unrated()
    code = form.current_cell()
    qtbot.keyClick(form.cell(code), "2")
    assert profile.profile.answered == answered + 1
    assert profile.profile.cells[code].level == 2
