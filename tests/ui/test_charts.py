"""Charts: geometry of the radar, the grid model, colours that survive greyscale."""

import math

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from ewarong_desktop.instrument import all_cell_codes, load_instrument
from ewarong_desktop.services.assessments import RatingValue, get_summary
from ewarong_desktop.services.profiles import build_profile
from ewarong_desktop.ui.charts import (
    LEVEL_COLOURS,
    LEVEL_TEXT_COLOURS,
    LevelGrid,
    LevelGridModel,
    LevelLegend,
    RadarChart,
    format_mean,
    relative_luminance,
)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_level_colours_get_darker_step_by_step():
    # Printed in grey, each level must still be visibly darker than the one below it:
    # CIE lightness (0 black - 100 white) at least 8 apart.
    lightness = [116 * relative_luminance(colour) ** (1 / 3) - 16 for colour in LEVEL_COLOURS]
    assert all(a - b >= 8 for a, b in zip(lightness, lightness[1:], strict=False))
    # and level 0 is not mistaken for the white (100) of "not applicable".
    assert lightness[0] <= 92


@pytest.mark.parametrize("level", range(5))
def test_numbers_are_readable_on_their_colour(level):
    assert contrast(LEVEL_COLOURS[level], LEVEL_TEXT_COLOURS[level]) >= 4.5


def test_radar_puts_zero_at_the_centre_and_four_on_the_outer_ring():
    centre = QPointF(100, 100)
    for index in range(4):
        assert RadarChart.axis_point(centre, 80, index, 4, 0) == centre
        outer = RadarChart.axis_point(centre, 80, index, 4, 4)
        assert math.dist((outer.x(), outer.y()), (100, 100)) == pytest.approx(80)
        half = RadarChart.axis_point(centre, 80, index, 4, 2)
        assert math.dist((half.x(), half.y()), (100, 100)) == pytest.approx(40)
    # Values outside the scale are kept on the chart.
    clipped = RadarChart.axis_point(centre, 80, 0, 4, 7)
    assert math.dist((clipped.x(), clipped.y()), (100, 100)) == pytest.approx(80)
    # Four axes, one per quadrant, so the role names sit above and below the chart.
    points = [RadarChart.axis_point(centre, 80, i, 4, 4) for i in range(4)]
    assert {(p.x() > 100, p.y() > 100) for p in points} == {(False, False), (True, False),
                                                           (True, True), (False, True)}


def test_radar_paints_without_complaint(qtbot):
    chart = RadarChart()
    qtbot.addWidget(chart)
    chart.resize(420, 400)
    chart.set_data(["Broker", "Mediator", "Edukator", "Fasilitator"], [2.5, None, 3.0, 1.25],
                   [3.0, 3.0, 2.75, 3.0], "id")
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 420, 3) for y in range(0, 400, 3)}
    # The self-assessment's translucent fill over white, and the near-black target line.
    fill = [QColor(c) for c in colours if abs(QColor(c).blue() - 224) < 12
            and abs(QColor(c).red() - 164) < 12]
    dark = [c for c in colours if QColor(c).lightness() < 60]
    assert fill and dark
    assert "Mediator: – (target 3,0)" in chart.accessibleDescription()
    with pytest.raises(ValueError):
        chart.set_data(["a", "b", "c"], [1, 2], [1, 2, 3], "en")


def test_means_follow_the_language():
    assert format_mean(2.46, "en") == "2.5"
    assert format_mean(2.46, "id") == "2,5"
    assert format_mean(None, "id") == "–"


@pytest.fixture
def profile(database, draft):
    instrument = load_instrument()
    with database.session() as session:
        summary = get_summary(session, draft)
    ratings = {code: RatingValue(code, level=(int(code[-1]) % 5)) for code in all_cell_codes()}
    ratings["4.2.2"] = RatingValue("4.2.2", not_applicable=True)
    ratings["4.3.3"] = RatingValue("4.3.3")
    return build_profile(instrument, summary, ratings, instrument.default_targets["PKH"])


def test_grid_model_is_a_well_behaved_table(profile, qtmodeltester):
    model = LevelGridModel()
    assert model.rowCount() == 0
    model.set_profile(profile, load_instrument(), "id")
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == "4"
    assert model.index(0, 4).data() == "0"
    assert model.index(1, 1).data() == "TB"
    assert model.index(2, 2).data() == ""
    assert model.index(0, 3).data(LevelGridModel.LEVEL_ROLE) == 4
    assert model.index(1, 1).data(LevelGridModel.LEVEL_ROLE) is None
    assert model.headerData(0, Qt.Orientation.Vertical) == "Broker"
    assert model.headerData(7, Qt.Orientation.Horizontal) == "8\nTI & EDC"
    assert model.headerData(8, Qt.Orientation.Horizontal) == "Rerata"
    assert "4.1.4" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_grid_view_shows_all_rows_without_scrolling(qtbot, profile):
    grid = LevelGrid()
    qtbot.addWidget(grid)
    grid.set_profile(profile, load_instrument(), "en")
    grid.resize(900, grid.height())
    grid.show()
    qtbot.waitExposed(grid)
    assert grid.viewport().height() >= 5 * LevelGrid.ROW_HEIGHT
    header = grid.horizontalHeader()
    widths = [header.sectionSize(column) for column in range(9)]
    longest = max(header.fontMetrics().horizontalAdvance("Entrepreneurship"), 1)
    assert widths[6] >= longest  # the longest area name is not cut


def test_legend_names_every_level(qtbot):
    legend = LevelLegend(load_instrument(), "id")
    qtbot.addWidget(legend)
    texts = {label.text() for label in legend.findChildren(QLabel)}
    assert {"Tidak terlibat", "Sangat baik", "Tidak berlaku", "Belum dinilai"} <= texts
