"""The audit trail in the window: reached from the form and the profile of an assessment
that was once final, one row per change, in words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from ewarong_desktop.services import assessments
from ewarong_desktop.services.assessments import AuditRecord
from ewarong_desktop.ui.assessment.form import AssessmentForm
from ewarong_desktop.ui.reports.profile_view import ProfileView
from ewarong_desktop.ui.safety.audit_view import AuditTableModel, AuditView


@pytest.fixture
def reworked(database, draft, advisor_and_warong):
    """Finalised, reopened with a reason, one level and one note changed, finalised again."""
    advisor_id, _warong = advisor_and_warong
    with database.session() as session:
        for code in assessments.CELL_CODES:
            assessments.set_rating(session, draft, code, 2, editor_id=advisor_id)
        assessments.finalise(session, draft, editor_id=advisor_id)
    with database.session() as session:
        assessments.reopen(session, draft, "Salah pilih tingkat pada 4.1.1", editor_id=advisor_id)
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 3, editor_id=advisor_id)
        assessments.set_rating(session, draft, "4.2.5", 2, note="Pelatihan pembukuan, Mei",
                               editor_id=advisor_id)
        assessments.finalise(session, draft, editor_id=advisor_id)
    return draft


def test_the_form_shows_the_trail_after_reopen_change_and_refinalise(reworked, database,
                                                                     advisor_and_warong, qtbot):
    form = AssessmentForm(database, reworked, editor_id=advisor_and_warong[0], lang="id")
    qtbot.addWidget(form)
    form.show()
    assert form.history_button.isVisible()
    qtbot.mouseClick(form.history_button, Qt.MouseButton.LeftButton)
    [view] = form.findChildren(AuditView)
    assert view.isVisible() and view.table.isVisible() and not view.empty.isVisible()
    assert "Euis Rahmawati" in view.windowTitle() and "2026-S1" in view.windowTitle()
    rows = view.row_texts()
    assert [row[AuditTableModel.ACTION] for row in rows] == [
        "Difinalisasi", "Dibuka kembali", "Tingkat diubah", "Catatan diubah", "Difinalisasi lagi"]
    assert all(row[AuditTableModel.ADVISOR] == "Euis Rahmawati" for row in rows)
    reopen, level, note, refinal = rows[1:]
    assert reopen[AuditTableModel.REASON] == "Salah pilih tingkat pada 4.1.1"
    assert reopen[AuditTableModel.CHANGE] == "Final → Draf"
    assert (level[AuditTableModel.CELL], level[AuditTableModel.CHANGE]) == ("4.1.1", "2 → 3")
    assert note[AuditTableModel.CELL] == "4.2.5"
    assert note[AuditTableModel.CHANGE] == "(kosong) → \u201cPelatihan pembukuan, Mei\u201d"
    assert refinal[AuditTableModel.CHANGE] == "Draf → Final"

    # Asking again brings the same window forward instead of opening a second one.
    form.show_history()
    assert len(form.findChildren(AuditView)) == 1


def test_a_change_made_in_the_form_appears_in_the_open_trail(reworked, database,
                                                             advisor_and_warong, qtbot):
    form = AssessmentForm(database, reworked, editor_id=advisor_and_warong[0], lang="id")
    qtbot.addWidget(form)
    form.show()
    view = form.show_history()
    assert len(view.row_texts()) == 5
    form.request_reopen()
    form.reopen_dialog.reason.setPlainText("Bukti baru dari pengurus")
    form.reopen_dialog.reopen_button.click()
    rows = view.row_texts()  # refreshed when the form saved, without asking
    assert len(rows) == 6 and rows[-1][AuditTableModel.REASON] == "Bukti baru dari pengurus"


@pytest.fixture
def english(qapp):
    from ewarong_desktop.ui.i18n import Translation

    translation = Translation()
    translation.switch("en")
    yield
    translation.remove()


def test_the_profile_view_offers_the_trail_in_english(database, reworked, english, qtbot):
    profile = ProfileView(database, reworked, lang="en")
    qtbot.addWidget(profile)
    profile.show()
    assert profile.history_button.isVisible()
    assert profile.history_button.text().replace("&", "") == "Change history..."
    view = profile.show_history()
    assert view.model.headerData(AuditTableModel.CHANGE, Qt.Orientation.Horizontal) == (
        "Before → after")
    assert [row[AuditTableModel.ACTION] for row in view.row_texts()][:3] == [
        "Finalised", "Reopened", "Level changed"]


def test_a_draft_never_finalised_has_no_trail_button(database, draft, advisor_and_warong, qtbot):
    form = AssessmentForm(database, draft, editor_id=advisor_and_warong[0], lang="id")
    qtbot.addWidget(form)
    form.show()
    assert not form.history_button.isVisible()


def test_values_in_words_and_local_time(qapp):
    model = AuditTableModel()
    at = datetime(2026, 3, 2, 1, 5, 9)  # naive, as SQLite returns it: UTC
    records = [AuditRecord(at, "Asep", "rating", "4.3.2", "N/A", "-", None),
               AuditRecord(at, None, "note", "4.3.2", "a" * 200, "", None)]
    model.set_records(records)
    local = at.replace(tzinfo=UTC).astimezone()
    when = model.index(0, AuditTableModel.WHEN).data()
    assert when.endswith(local.strftime("%H:%M:%S")) and "2026" in when
    assert model.index(0, AuditTableModel.CHANGE).data() == "TB → belum dinilai"
    assert model.index(1, AuditTableModel.ADVISOR).data() == "(tidak dikenal)"
    shown = model.index(1, AuditTableModel.CHANGE).data()
    assert len(shown) < 100 and shown.endswith("→ (kosong)")
    tooltip = model.index(1, AuditTableModel.CHANGE).data(Qt.ItemDataRole.ToolTipRole)
    assert "a" * 200 in tooltip  # the whole note is one hover away


def test_a_resolved_exchange_conflict_reads_in_words(qapp):
    model = AuditTableModel()
    at = datetime(2026, 9, 1, 8, 0, 0, tzinfo=UTC)
    model.set_records([AuditRecord(at, "Koordinator", "conflict_kept_incoming", None,
                                   "2026-08-01T02:00:00+00:00", "2026-08-20T03:30:00+00:00",
                                   "rina.ewarong")])
    assert model.index(0, AuditTableModel.ACTION).data() == "Konflik data: versi kiriman dipakai"
    change = model.index(0, AuditTableModel.CHANGE).data()
    assert change.startswith("di sini ") and "2026" in change and "kiriman" in change
    assert "T02:00" not in change  # times in words, not raw ISO
