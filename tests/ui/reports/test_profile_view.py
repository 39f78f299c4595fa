"""The profile view shows what compute_profile computed: grid numbers, means, gaps in order."""

import pytest
from PySide6.QtCore import Qt

from ewarong_desktop import palette
from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import assessments, profiles
from ewarong_desktop.ui.reports.profile_view import GAPS_SHOWN, ProfileView
from ewarong_desktop.ui.widgets.charts import LevelGridModel

# A PKH advisor's answers: strong in areas 1-3, weak in 4-8, two not applicable, two unrated.
LEVELS = {code: (3 if int(code[-1]) <= 3 else 1) for code in all_cell_codes()}
LEVELS.update({"4.1.1": 4, "4.2.4": 0, "4.3.8": 0, "4.4.6": 2})
NOT_APPLICABLE = {"4.2.3", "4.4.7"}
UNRATED = {"4.3.5", "4.1.8"}


@pytest.fixture
def rated(database, draft, advisor_and_warong):
    owner = advisor_and_warong[0]
    with database.session() as session:
        for code, level in LEVELS.items():
            if code in NOT_APPLICABLE:
                assessments.set_rating(session, draft, code, not_applicable=True, editor_id=owner)
            elif code not in UNRATED:
                assessments.set_rating(session, draft, code, level, editor_id=owner)
    return draft


@pytest.fixture
def view(qtbot, database, rated):
    widget = ProfileView(database, rated, lang="id")
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def profile(database, rated):
    with database.session() as session:
        return profiles.compute_profile(session, rated)


def test_grid_shows_every_level_as_a_number(view, profile):
    model = view.grid.model()
    assert (model.rowCount(), model.columnCount()) == (5, 9)  # 4 roles x 8 areas + means
    for code, cell in profile.cells.items():
        index = model.index(cell.role - 1, cell.area - 1)
        if code in NOT_APPLICABLE:
            assert index.data() == "TB"
        elif code in UNRATED:
            assert index.data() == ""
        else:
            assert index.data() == str(LEVELS[code]) == str(cell.level)
        assert index.data(LevelGridModel.CODE_ROLE) == code
    # Unrated cells are hatched grey on white (as printed), so they do not look like a
    # pale level; a not-applicable cell is plain white.
    unrated = model.index(0, 7)
    assert unrated.data(LevelGridModel.CODE_ROLE) == "4.1.8"
    hatch = unrated.data(Qt.ItemDataRole.BackgroundRole).textureImage()
    assert {hatch.pixelColor(x, y).name() for x in range(hatch.width())
            for y in range(hatch.height())} == {palette.UNRATED_FILL, palette.UNRATED_HATCH}
    not_applicable = model.index(1, 2)
    assert not_applicable.data(LevelGridModel.CODE_ROLE) == "4.2.3"
    assert not_applicable.data(Qt.ItemDataRole.BackgroundRole).color().name() == (
        palette.NOT_APPLICABLE_FILL)


def test_grid_margins_hold_the_means(view, profile):
    model = view.grid.model()
    for role, mean in profile.role_means.items():
        assert model.index(role - 1, 8).data() == f"{mean:.1f}".replace(".", ",")
    for area, mean in profile.area_means.items():
        assert model.index(4, area - 1).data() == f"{mean:.1f}".replace(".", ",")
    assert model.index(4, 8).data() == f"{profile.overall:.1f}".replace(".", ",")
    assert view.header_values["overall"].text() == f"{profile.overall:.1f}".replace(".", ",")


def test_gaps_are_listed_largest_first_with_their_prompts(view, profile):
    expected = profile.gaps[:GAPS_SHOWN]
    assert len(profile.gaps) > GAPS_SHOWN  # so the cut-off is exercised too
    assert view.gaps_table.column_texts(0) == [cell.code for cell in expected]
    assert view.gaps_table.column_texts(5) == [str(cell.gap) for cell in expected]
    gaps = [int(text) for text in view.gaps_table.column_texts(5)]
    assert gaps == sorted(gaps, reverse=True) and gaps[0] > gaps[-1]
    first_prompt = view.gaps_table.column_texts(2)[0]
    assert first_prompt.startswith("Saya ")  # the Indonesian prompt for a PKH advisor
    assert f"{len(profile.gaps) - GAPS_SHOWN} sel lain" in view.gaps_more.text()
    assert view.strengths_table.column_texts(0)[0] == profile.strengths[0].code
    # Beside each cell: the study's finding for a PKH advisor, measured or derived.
    for table, cells, column in ((view.gaps_table, expected, 6),
                                 (view.strengths_table, profile.strengths, 5)):
        for cell, text in zip(cells, table.column_texts(column), strict=False):
            basis = "diukur dalam studi" if cell.role == 1 else "diturunkan dari uraian studi"
            assert text.startswith("Tingkat ") and basis in text, cell.code


def test_header_names_the_assessment_and_its_completeness(view):
    values = {key: label.text() for key, label in view.header_values.items()}
    assert values["advisor"] == "Euis Rahmawati"
    assert values["type"] == "Pendamping PKH"
    assert values["period"] == "Semester I 2026"
    assert values["status"].startswith("Draf")
    assert values["completeness"].startswith("30 dari 32")


def test_radar_gets_role_means_and_targets(view, profile):
    description = view.radar.accessibleDescription()
    for role, mean in profile.role_means.items():
        target = profile.role_targets[role]
        assert f"{mean:.1f} (target {target:.1f})".replace(".", ",") in description


def test_refresh_follows_a_change(view, database, rated, advisor_and_warong):
    with database.session() as session:
        assessments.set_rating(session, rated, "4.1.8", 4, editor_id=advisor_and_warong[0])
    view.refresh()
    assert view.grid.model().index(0, 7).data() == "4"
    assert view.header_values["completeness"].text().startswith("31 dari 32")


def test_english_uses_the_english_instrument_texts(qtbot, database, rated):
    widget = ProfileView(database, rated, lang="en")
    qtbot.addWidget(widget)
    assert widget.grid.model().headerData(4, Qt.Orientation.Horizontal) == "5\nFinance"
    assert widget.gaps_table.column_texts(2)[0].startswith("I ")
    assert widget.header_values["type"].text() == "PKH advisor"


def test_a_narrow_window_stacks_everything_in_one_column(view, qtbot):
    from PySide6.QtWidgets import QScrollArea

    assert view.grid.mapTo(view, view.grid.rect().topLeft()).x() > view.radar.width()
    view.resize(760, 700)
    qtbot.waitUntil(lambda: view.grid.mapTo(view, view.grid.rect().topLeft()).y()
                    > view.radar.mapTo(view, view.radar.rect().bottomLeft()).y())
    assert not view.findChild(QScrollArea).horizontalScrollBar().isVisible()


def test_the_radar_shows_the_previous_period_as_the_pdf_does(qtbot, demo_db):
    with demo_db.reading() as session:
        summaries = assessments.list_assessments(session)
        later = next(s for s in summaries
                     if assessments.previous_assessment_id(session, s.id) is not None)
        earlier = profiles.compute_profile(
            session, assessments.previous_assessment_id(session, later.id))
    view = ProfileView(demo_db, later.id, lang="id")
    qtbot.addWidget(view)
    assert view.previous is not None and view.previous.assessment.id == earlier.assessment.id
    assert view.radar._previous == [earlier.role_means[r] for r in range(1, 5)]
    view.resize(900, 700)
    view.radar.grab()  # paints the dotted polygon and its legend entry without complaint

    first = next(s for s in summaries if s.period == min(x.period for x in summaries))
    alone = ProfileView(demo_db, first.id, lang="id")
    qtbot.addWidget(alone)
    assert alone.previous is None and alone.radar._previous is None


@pytest.mark.parametrize("key", ["esc", "ctrl+w"])
def test_esc_and_ctrl_w_close_the_profile_window(qtbot, database, rated, key):
    from PySide6.QtTest import QTest

    widget = ProfileView(database, rated, lang="id")
    qtbot.addWidget(widget)
    widget.setWindowFlag(Qt.WindowType.Window, True)
    widget.show()
    qtbot.waitExposed(widget)
    if key == "esc":
        QTest.keyClick(widget, Qt.Key.Key_Escape)
    else:
        QTest.keyClick(widget, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not widget.isVisible()


def test_the_cut_off_lists_expand_and_the_change_since_last_semester_shows(
        view, profile, database, advisor_and_warong, rated):
    assert len(view.gaps_table.column_texts(0)) == GAPS_SHOWN
    assert "Tampilkan semua" in view.gaps_more.text()
    view.gaps_more.linkActivated.emit("#all")
    assert len(view.gaps_table.column_texts(0)) == len(profile.gaps) and view.gaps_more.isHidden()
    assert view.header_values["change"].text() == "belum ada penilaian semester lalu"
    owner, warong = advisor_and_warong
    with database.session() as session:
        earlier = assessments.start_assessment(session, owner, warong, "2025-S2")
        for code in all_cell_codes():
            assessments.set_rating(session, earlier.id, code, 1, editor_id=owner)
    view.refresh()
    change = view.header_values["change"].text()
    assert change.startswith("rerata 1,0 → ") and "Semester II 2025" in change
    assert "Broker +" in change
    assert len(view.gaps_table.column_texts(0)) == len(profile.gaps)  # stays expanded on refresh
