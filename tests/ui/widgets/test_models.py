"""The lazily loaded list models, tested without a window (and once inside a view)."""

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from ewarong_desktop.services import advisors, assessments, warongs
from ewarong_desktop.ui.widgets.item_models import (
    AssessmentTableModel,
    IdRole,
    RecordRole,
    WarongFilter,
    WarongTableModel,
)

DEMO_WARONGS = 27


def all_warongs(database, **filters):
    with database.session() as session:
        return warongs.list_warongs(session, **filters)


def test_warong_model_loads_one_page_at_a_time(demo_db, qtmodeltester):
    model = WarongTableModel(demo_db, page_size=10)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
    model.refresh()
    assert model.rowCount() == 10
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
    model.fetchMore(QModelIndex())
    assert model.rowCount() == DEMO_WARONGS
    assert not model.canFetchMore(QModelIndex())
    expected = all_warongs(demo_db)
    assert [model.index(row, 0).data() for row in range(DEMO_WARONGS)] == [w.name for w in expected]
    assert model.index(3, WarongTableModel.KECAMATAN).data() == expected[3].kecamatan
    assert model.index(3, WarongTableModel.KELURAHAN).data() == expected[3].kelurahan
    assert model.index(3, 0).data(IdRole) == expected[3].id
    assert model.index(3, 0).data(RecordRole) == expected[3]
    assert model.total() == DEMO_WARONGS
    qtmodeltester.check(model)


def test_a_list_that_fills_whole_pages_ends_after_one_empty_fetch(database, advisor_and_warong):
    with database.session() as session:
        for number in range(3):  # 1 + 3 = 4 rows, two pages of two
            warongs.create_warong(session, warongs.WarongFields(name=f"e-Warong {number}"))
    model = WarongTableModel(database, page_size=2)
    model.refresh()
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4 and not model.canFetchMore(QModelIndex())


def test_filters_narrow_the_rows_and_the_total(demo_db, demo_advisor):
    model = WarongTableModel(demo_db)
    model.set_filter(WarongFilter(kecamatan="Lengkong"))
    assert model.rowCount() == model.total() == 3
    assert {model.index(row, WarongTableModel.KECAMATAN).data() for row in range(3)} == {"Lengkong"}
    model.set_filter(WarongFilter(search="zzz-no-such-warung"))
    assert model.rowCount() == model.total() == 0
    model.set_filter(WarongFilter(advisor_id=demo_advisor.id))
    mine = all_warongs(demo_db, advisor_id=demo_advisor.id)
    assert 0 < model.rowCount() == len(mine) < DEMO_WARONGS
    assert model.row_of(mine[-1].id) == len(mine) - 1


def test_view_fetches_the_next_page_when_scrolled_to_the_end(demo_db, qtbot):
    model = WarongTableModel(demo_db, page_size=5)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 120)  # room for fewer rows than one page
    view.show()
    model.refresh()
    qtbot.waitExposed(view)
    assert model.rowCount() == 5
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 5)


def test_assessment_model_shows_periods_progress_and_own_rows(demo_db, demo_advisor,
                                                              qtmodeltester):
    with demo_db.session() as session:
        warong = warongs.list_warongs(session, advisor_id=demo_advisor.id)[0]
        expected = assessments.list_assessments(session, warong_id=warong.id)
        others = [a for a in advisors.list_warong_advisors(session, warong.id)
                  if a.id != demo_advisor.id]
    model = AssessmentTableModel(demo_db, page_size=4)
    model.current_advisor_id = demo_advisor.id
    model.show_warong(warong.id)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == len(expected) == 6
    assert [model.index(r, model.PERIOD).data() for r in range(6)] == [a.period for a in expected]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Periode", "Pendamping", "Jenis", "Status", "Terisi"]
    for row, summary in enumerate(expected):
        answered = model.index(row, model.ANSWERED).data()
        assert answered == f"{summary.answered} dari 32"
        status = model.index(row, model.STATUS).data()
        assert status == ("Final" if summary.is_final else "Draf")
        name = model.index(row, model.ADVISOR).data()
        bold = model.index(row, model.ADVISOR).data(Qt.ItemDataRole.FontRole)
        if summary.advisor_id == demo_advisor.id:
            assert name == f"{demo_advisor.name} (Anda)" and bold.bold()
        else:
            assert name in {a.name for a in others} and bold is None
    qtmodeltester.check(model)
    model.show_warong(None)
    assert model.rowCount() == 0


def test_an_unfinished_assessment_counts_its_answered_cells(database, draft):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 3)
        assessments.set_rating(session, draft, "4.2.5", not_applicable=True)
        warong_id = assessments.get_summary(session, draft).warong_id
    model = AssessmentTableModel(database)
    model.show_warong(warong_id)
    assert model.index(0, model.ANSWERED).data() == "2 dari 32"
    assert model.index(0, model.STATUS).data() == "Draf"


@pytest.mark.parametrize("column", [WarongTableModel.NAME, WarongTableModel.KECAMATAN])
def test_tooltip_names_the_place(demo_db, column):
    model = WarongTableModel(demo_db)
    model.refresh()
    record = model.record(0)
    tip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
    assert record.name in tip and record.kecamatan in tip and record.kabupaten in tip
