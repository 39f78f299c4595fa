"""Charts: geometry of the radar, the grid model, colours that survive greyscale."""

import math

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from ewarong_desktop import palette
from ewarong_desktop.instrument import all_cell_codes, load_instrument
from ewarong_desktop.reports.labels import label
from ewarong_desktop.services.assessments import RatingValue, get_summary
from ewarong_desktop.services.profiles import build_profile
from ewarong_desktop.ui.i18n import Translation
from ewarong_desktop.ui.widgets.charts import (
    LevelGrid,
    LevelGridModel,
    LevelLegend,
    LevelSwatch,
    RadarChart,
    format_mean,
)

BACKGROUND, FOREGROUND = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole


def brush_colours(brush) -> set[str]:
    """The colours a cell's background brush paints: one for a fill, more for a hatch."""
    if brush.style() == Qt.BrushStyle.SolidPattern:
        return {brush.color().name()}
    image = brush.textureImage()
    return {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height())}


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
    # The self-assessment's translucent fill over white (as the PDF blends it), and the
    # near-black target line.
    line, opacity = QColor(palette.RADAR_SELF), palette.RADAR_SELF_FILL_OPACITY
    expected = [round(255 - opacity * (255 - c)) for c in (line.red(), line.green(), line.blue())]
    fill = [c for c in colours if all(abs(a - b) <= 3 for a, b in zip(
        (QColor(c).red(), QColor(c).green(), QColor(c).blue()), expected, strict=True))]
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


def test_grid_cells_look_as_the_pdf_prints_them(profile):
    model = LevelGridModel()
    model.set_profile(profile, load_instrument(), "id")
    # A level: its fill from the shared ramp, its number in the matching ink.
    for column, level in ((4, 0), (0, 1), (1, 2), (2, 3), (3, 4)):
        index = model.index(0, column)
        assert index.data() == str(level)
        assert brush_colours(index.data(BACKGROUND)) == {palette.LEVEL_FILLS[level]}
        assert index.data(FOREGROUND).color().name() == palette.LEVEL_INK[level]
    # Not applicable: "TB" on plain white. Unrated: no number, grey hatch on white.
    assert model.index(1, 1).data() == "TB"
    assert brush_colours(model.index(1, 1).data(BACKGROUND)) == {palette.NOT_APPLICABLE_FILL}
    assert model.index(2, 2).data() == ""
    assert brush_colours(model.index(2, 2).data(BACKGROUND)) == {palette.UNRATED_FILL,
                                                                 palette.UNRATED_HATCH}


def test_higher_levels_are_darker_on_screen(profile):
    model = LevelGridModel()
    model.set_profile(profile, load_instrument(), "id")
    shade = {int(model.index(0, c).data()): model.index(0, c).data(BACKGROUND).color().lightness()
             for c in range(5)}
    assert [shade[level] for level in range(5)] == sorted(shade.values(), reverse=True)


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


@pytest.mark.parametrize("lang", ["id", "en"])
def test_legend_says_what_the_pdf_legend_says(qtbot, lang):
    translation = Translation()
    translation.switch(lang)
    try:
        instrument = load_instrument()
        legend = LevelLegend(instrument, lang)
        qtbot.addWidget(legend)
        texts = [label.text() for label in legend.findChildren(QLabel)]
        swatches = [swatch.text() for swatch in legend.findChildren(LevelSwatch)]
    finally:
        translation.remove()
    # The PDF's level entries are the scale names; then its N/A and unrated entries.
    pdf_words = [s.label.get(lang) for s in instrument.scale] + [
        label("legend_na", lang), label("legend_unrated", lang)]
    assert texts == pdf_words
    assert swatches == ["0", "1", "2", "3", "4", label("na_short", lang), ""]
