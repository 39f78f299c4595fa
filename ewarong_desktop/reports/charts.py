"""Charts as reportlab Drawings: the role radar, the roles x areas grid, summary charts.

Every label is drawn in the embedded font and passes through ``theme.printable``.
Charts must survive a greyscale print: series differ by line pattern (targets are
always dashed) and levels by lightness and by the number printed on them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import chart_geometry
from .theme import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    LEVEL_FILLS,
    LEVEL_INK,
    MUTED,
    NOT_APPLICABLE_FILL,
    NOT_APPLICABLE_INK,
    RADAR_PREVIOUS,
    RADAR_SELF,
    RADAR_SELF_FILL,
    RADAR_TARGET,
    RULE,
    UNRATED_FILL,
    UNRATED_HATCH,
    printable,
)

MAX_LEVEL = 4
TARGET_DASH = (4, 2.5)
PREVIOUS_DASH = (1, 2)


def _text(x: float, y: float, text: str, size: float, *, font: str = FONT,
          anchor: str = "start", color: colors.Color = INK) -> String:
    return String(x, y, printable(text), fontName=font, fontSize=size, fillColor=color,
                  textAnchor=anchor)


def _fit_lines(text: str, width: float, size: float, font: str = FONT,
               max_lines: int = 3) -> tuple[list[str], float]:
    """Wrap ``text`` to ``width``, shrinking the font a little if a word is too long."""
    text = printable(text)
    while True:
        lines = simpleSplit(text, font, size, width)
        widest = max((stringWidth(line, font, size) for line in lines), default=0)
        if (widest <= width and len(lines) <= max_lines) or size <= 5:
            return lines, size
        size -= 0.5


def _lines(x: float, top: float, lines: Sequence[str], size: float, *, font: str = FONT,
           anchor: str = "start", color: colors.Color = INK) -> Group:
    group = Group()
    for number, line in enumerate(lines):
        group.add(String(x, top - size - number * size * 1.15, line, fontName=font,
                         fontSize=size, fillColor=color, textAnchor=anchor))
    return group


# --------------------------------------------------------------------------- radar


@dataclass(frozen=True)
class RadarSeries:
    """One polygon on the radar: ``kind`` is ``self``, ``target`` or ``previous``."""

    name: str
    values: Sequence[float | None]
    kind: str


def radar_chart(axis_labels: Sequence[str], series: Sequence[RadarSeries], *, size: float,
                no_levels_text: str) -> Drawing:
    """A radar of the four roles on the 0-4 scale, with rings and a legend underneath.

    The self-assessment is a filled solid polygon, the target dashed, the previous period
    dotted. A series with a missing value (a role with nothing rated) shows markers only.
    """
    legend_height = 12 * len(series) + 4
    count = len(axis_labels)
    label_size = 8.0
    fitted = [_fit_lines(label, size * 0.3, label_size, FONT_BOLD, max_lines=2)
              for label in axis_labels]
    side_room = max(max(stringWidth(line, FONT_BOLD, font_size) for line in lines)
                    for lines, font_size in fitted) + 8
    label_height = max(len(lines) * font_size * 1.15 for lines, font_size in fitted) + 8
    # The largest radius that leaves room for the labels beside the axes' ends.
    reach = max(abs(chart_geometry.direction(index, count)[0]) for index in range(count))
    radius = (size / 2 - side_room) / max(reach, 0.5)
    rise = max(abs(chart_geometry.direction(index, count)[1]) for index in range(count))
    height = legend_height + 2 * (radius * rise + label_height)
    drawing = Drawing(size, height)
    cx, cy = size / 2, legend_height + label_height + radius * rise

    def point(index: int, value: float) -> tuple[float, float]:
        return chart_geometry.point(cx, cy, radius, index, count, value)

    for ring in range(1, MAX_LEVEL + 1):
        corners = [coordinate for index in range(count) for coordinate in point(index, ring)]
        drawing.add(Polygon(corners, fillColor=None, strokeColor=RULE, strokeWidth=0.4))
        # The ring's number where no axis passes, as on screen: midway between the first two.
        (x0, y0), (x1, y1) = point(0, ring), point(1, ring)
        drawing.add(_text((x0 + x1) / 2, (y0 + y1) / 2 - 2.5, str(ring), 6, anchor="middle",
                          color=MUTED))
    for index, (lines, font_size) in enumerate(fitted):
        x, y = point(index, MAX_LEVEL)
        drawing.add(Line(cx, cy, x, y, strokeColor=RULE, strokeWidth=0.4))
        dx, dy = chart_geometry.direction(index, count)
        anchor = "middle" if abs(dx) < 0.3 else ("start" if dx > 0 else "end")
        lx, ly = x + dx * 5, y + dy * 5
        block = len(lines) * font_size * 1.15
        top = ly + block + 1 if dy > 0.3 else (ly - 1 if dy < -0.3 else ly + block / 2 + 2)
        drawing.add(_lines(lx, top, lines, font_size, font=FONT_BOLD, anchor=anchor))

    any_self = False
    for entry in series:
        known = [(index, value) for index, value in enumerate(entry.values) if value is not None]
        if entry.kind == "self":
            any_self = any_self or bool(known)
        stroke, width, dash = _radar_stroke(entry.kind)
        if len(known) == count:
            corners = [c for index, value in known for c in point(index, value)]
            fill = RADAR_SELF_FILL if entry.kind == "self" else None
            drawing.add(Polygon(corners, fillColor=fill, strokeColor=stroke, strokeWidth=width,
                                strokeDashArray=dash))
        if entry.kind != "target":
            for index, value in known:
                x, y = point(index, value)
                drawing.add(_marker(entry.kind, x, y))
    if not any_self:
        message = printable(no_levels_text)
        half = stringWidth(message, FONT, 7.5) / 2 + 3
        drawing.add(Rect(cx - half, cy - 6, 2 * half, 13, fillColor=colors.white,
                         strokeColor=RULE, strokeWidth=0.4))
        drawing.add(_text(cx, cy - 2.5, message, 7.5, anchor="middle", color=MUTED))

    for number, entry in enumerate(series):
        y = legend_height - 10 - 12 * number
        stroke, width, dash = _radar_stroke(entry.kind)
        drawing.add(Line(8, y + 3, 30, y + 3, strokeColor=stroke, strokeWidth=width,
                         strokeDashArray=dash))
        if entry.kind != "target":
            drawing.add(_marker(entry.kind, 19, y + 3))
        drawing.add(_text(36, y, entry.name, 7.5))
    return drawing


def _radar_stroke(kind: str) -> tuple[colors.Color, float, tuple[float, float] | None]:
    if kind == "target":
        return RADAR_TARGET, 1.3, TARGET_DASH
    if kind == "previous":
        return RADAR_PREVIOUS, 1.3, PREVIOUS_DASH
    return RADAR_SELF, 2.0, None


def _marker(kind: str, x: float, y: float) -> Group:
    marker = makeMarker("Square" if kind == "previous" else "FilledCircle")
    marker.x, marker.y, marker.size = x, y, 4.5
    marker.strokeColor = RADAR_PREVIOUS if kind == "previous" else RADAR_SELF
    marker.fillColor = colors.white if kind == "previous" else RADAR_SELF
    marker.strokeWidth = 0.8
    group = Group()
    group.add(marker)
    return group


# --------------------------------------------------------------------------- grid


@dataclass(frozen=True)
class GridCell:
    """What one box of the grid shows."""

    level: int | None
    not_applicable: bool
    target: int


@dataclass(frozen=True)
class GridLabels:
    """The words of the grid in the report's language."""

    corner: str  # above the role column
    mean: str
    not_applicable: str  # short mark inside a box, e.g. "TB"
    target_prefix: str  # before the small target number, e.g. "T"
    legend_levels: Sequence[str]  # "Tidak terlibat", ... (the swatch shows the number)
    legend_not_applicable: str
    legend_unrated: str
    legend_below: str


def level_grid(role_labels: Sequence[str], area_labels: Sequence[str],
               cells: dict[tuple[int, int], GridCell], role_means: Sequence[str],
               area_means: Sequence[str], labels: GridLabels, *, width: float) -> Drawing:
    """The roles x agenda areas grid with role and area means and a legend at the right.

    Agenda areas are rows (their names need the room) and roles are columns, as in the
    study's tables. ``cells`` is keyed by (role, area). Boxes are shaded by level
    (lighter = lower), carry the level as a number and the target as a small number;
    boxes below target get a dashed border. As in the window: a not-applicable box is
    white with the short mark (``TB``), an unrated box is hatched and has no number.
    """
    legend_width, gap = 92.0, 12.0
    label_width, mean_width = 118.0, 40.0
    grid_width = width - legend_width - gap
    column = (grid_width - label_width - mean_width) / len(role_labels)
    header, row = 34.0, 22.0
    height = header + row * (len(area_labels) + 1)
    drawing = Drawing(width, height)
    top = height - header

    drawing.add(_lines(2, height - 2, _fit_lines(labels.corner, label_width - 4, 7)[0], 7,
                       color=MUTED))
    for index, label in enumerate(role_labels):
        lines, font_size = _fit_lines(label, column - 4, 7.5, FONT_BOLD)
        drawing.add(_lines(label_width + index * column + column / 2, height - 2, lines,
                           font_size, font=FONT_BOLD, anchor="middle"))
    mean_x = label_width + len(role_labels) * column
    drawing.add(_text(mean_x + mean_width / 2, height - 10, labels.mean, 7.5, font=FONT_BOLD,
                      anchor="middle"))

    for a, area_label in enumerate(area_labels, start=1):
        y = top - a * row
        lines, font_size = _fit_lines(area_label, label_width - 6, 7, max_lines=2)
        block = len(lines) * font_size * 1.15
        drawing.add(_lines(2, y + row / 2 + block / 2 + 1, lines, font_size))
        for r in range(1, len(role_labels) + 1):
            drawing.add(_grid_box(label_width + (r - 1) * column, y, column, row,
                                  cells[(r, a)], labels))
        drawing.add(_mean_box(mean_x, y, mean_width, row, area_means[a - 1]))
    y = top - (len(area_labels) + 1) * row
    drawing.add(_text(2, y + row / 2 - 3, labels.mean, 7.5, font=FONT_BOLD))
    for r, mean in enumerate(role_means):
        drawing.add(_mean_box(label_width + r * column, y, column, row, mean))
    drawing.add(Line(0, top, grid_width, top, strokeColor=INK, strokeWidth=0.8))
    drawing.add(Line(0, y + row, grid_width, y + row, strokeColor=INK, strokeWidth=0.8))
    legend = _grid_legend(labels, legend_width)
    legend.translate(grid_width + gap, top - 2)
    drawing.add(legend)
    return drawing


def _grid_box(x: float, y: float, w: float, h: float, cell: GridCell,
              labels: GridLabels) -> Group:
    group = Group()
    pad = 1.2
    inner = (x + pad, y + pad, w - 2 * pad, h - 2 * pad)
    if cell.level is not None:
        fill, ink = LEVEL_FILLS[cell.level], LEVEL_INK[cell.level]
    elif cell.not_applicable:
        fill, ink = NOT_APPLICABLE_FILL, NOT_APPLICABLE_INK
    else:
        fill, ink = UNRATED_FILL, INK
    group.add(Rect(*inner, fillColor=fill, strokeColor=RULE, strokeWidth=0.3))
    if cell.level is not None:
        group.add(_text(x + w / 2, y + h / 2 - 4.4, str(cell.level), 12.5, font=FONT_BOLD,
                        anchor="middle", color=ink))
        if cell.level < cell.target:
            group.add(Rect(x + pad + 1.5, y + pad + 1.5, w - 2 * pad - 3, h - 2 * pad - 3,
                           fillColor=None, strokeColor=ink, strokeWidth=1.1,
                           strokeDashArray=TARGET_DASH))
    elif cell.not_applicable:
        group.add(_text(x + w / 2, y + h / 2 - 3.8, labels.not_applicable, 10.5,
                        font=FONT_BOLD, anchor="middle", color=ink))
    else:
        group.add(_hatch(*inner))
        # A white patch keeps the target readable over the hatching.
        group.add(Rect(x + w - 15, y + h / 2 - 4, 11, 9, fillColor=UNRATED_FILL,
                       strokeColor=None))
    # The target sits at the right, inside the dashed border of a box below target.
    group.add(_text(x + w - 6, y + h / 2 - 2.2, f"{labels.target_prefix}{cell.target}", 6,
                    anchor="end", color=ink))
    return group


def _hatch(x: float, y: float, w: float, h: float, step: float = 4.0) -> Group:
    """Diagonal lines clipped by hand to the box (reportlab Drawings have no clip paths)."""
    group = Group()
    offset = -h
    while offset < w:
        x0, y0 = x + max(offset, 0), y + max(-offset, 0)
        length = min(w - max(offset, 0), h - max(-offset, 0))
        group.add(Line(x0, y0, x0 + length, y0 + length, strokeColor=UNRATED_HATCH,
                       strokeWidth=0.5))
        offset += step
    return group


def _mean_box(x: float, y: float, w: float, h: float, text: str) -> Group:
    group = Group()
    group.add(Rect(x + 1.2, y + 1.2, w - 2.4, h - 2.4, fillColor=colors.white,
                   strokeColor=RULE, strokeWidth=0.3))
    group.add(_text(x + w / 2, y + h / 2 - 3.2, text, 9.5, font=FONT_BOLD, anchor="middle"))
    return group


def _grid_legend(labels: GridLabels, width: float) -> Group:
    """One entry per line, growing downwards from y = 0."""
    group = Group()
    entries: list[tuple[Callable[[float, float], Group], str]] = []
    for level, text in enumerate(labels.legend_levels):
        entries.append((partial(_legend_level, level=level), text))
    for kind, text in (("na", labels.legend_not_applicable), ("unrated", labels.legend_unrated),
                       ("below", labels.legend_below)):
        entries.append((partial(_legend_special, kind=kind, mark=labels.not_applicable),
                        text))
    y = 0.0
    for swatch, text in entries:
        lines, size = _fit_lines(text, width - 22, 7, max_lines=2)
        y -= 6 + len(lines) * size * 1.15
        group.add(swatch(0, y + 1))
        group.add(_lines(21, y + len(lines) * size * 1.15 + 1.5, lines, size))
        y -= 4
    return group


def _legend_level(x: float, y: float, level: int) -> Group:
    group = Group()
    group.add(Rect(x, y - 1, 16, 11, fillColor=LEVEL_FILLS[level], strokeColor=RULE,
                   strokeWidth=0.3))
    group.add(_text(x + 8, y + 1.5, str(level), 7.5, font=FONT_BOLD, anchor="middle",
                    color=LEVEL_INK[level]))
    return group


def _legend_special(x: float, y: float, kind: str, mark: str) -> Group:
    """The swatch for not applicable (the mark on white), unrated (hatched), below target."""
    group = Group()
    fill = NOT_APPLICABLE_FILL if kind == "na" else UNRATED_FILL
    group.add(Rect(x, y - 1, 16, 11, fillColor=fill, strokeColor=RULE, strokeWidth=0.3))
    if kind == "na":
        group.add(_text(x + 8, y + 1.5, mark, 6.5, font=FONT_BOLD, anchor="middle",
                        color=NOT_APPLICABLE_INK))
    elif kind == "unrated":
        group.add(_hatch(x, y - 1, 16, 11, step=3))
    else:
        group.add(Rect(x + 1.5, y + 0.5, 13, 8, fillColor=None, strokeColor=INK,
                       strokeWidth=1.1, strokeDashArray=TARGET_DASH))
    return group


# --------------------------------------------------------------------------- summary charts


def _level_axis(axis) -> None:  # type: ignore[no-untyped-def]
    """A value axis for the 0-4 scale, with light grid lines at each level."""
    axis.valueMin, axis.valueMax, axis.valueStep = 0, MAX_LEVEL, 1
    axis.labels.fontName = FONT
    axis.labels.fontSize = 7
    axis.visibleGrid = True
    axis.gridStrokeColor = RULE
    axis.gridStrokeWidth = 0.3


@dataclass(frozen=True)
class BarSeries:
    """One advisor type's means over the chart's categories."""

    name: str
    values: Sequence[float | None]
    fill: colors.Color


def grouped_bars(categories: Sequence[str], series: Sequence[BarSeries], *, width: float,
                 height: float, value_format: Callable[[float], str]) -> Drawing:
    """Means on the 0-4 scale as grouped bars, each bar labelled with its value."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 42
    chart.width, chart.height = width - 36, height - 54
    # A missing mean (None) draws no bar and no label rather than a bar at 0.
    chart.data = [list(entry.values) for entry in series]
    chart.categoryAxis.categoryNames = [printable(category) for category in categories]
    chart.categoryAxis.labels.fontName = FONT_BOLD
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "n"
    _level_axis(chart.valueAxis)
    chart.barSpacing, chart.groupSpacing = 1.5, 10
    for index, entry in enumerate(series):
        chart.bars[index].fillColor = entry.fill
        chart.bars[index].strokeColor = INK
        chart.bars[index].strokeWidth = 0.4
    chart.barLabelFormat = value_format
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    drawing.add(chart)
    step = (width - 28) / max(len(series), 1)
    for index, entry in enumerate(series):
        x = 28 + index * step
        drawing.add(Rect(x, 6, 14, 9, fillColor=entry.fill, strokeColor=INK, strokeWidth=0.4))
        drawing.add(_text(x + 18, 8, entry.name, 7.5))
    return drawing


TREND_DASHES: tuple[tuple[float, ...] | None, ...] = (None, (4, 2.5), (1, 2), (6, 2, 1, 2))
TREND_MARKERS = ("FilledCircle", "Square", "Triangle", "FilledDiamond")


def trend_lines(periods: Sequence[str], series: Sequence[BarSeries], *, width: float,
                height: float) -> Drawing:
    """Mean level per period, one line per advisor type, told apart by dash and marker."""
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 28, 34
    chart.width, chart.height = width - 40, height - 44
    chart.data = [list(entry.values) for entry in series]
    chart.categoryAxis.categoryNames = [printable(period) for period in periods]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    _level_axis(chart.valueAxis)
    chart.joinedLines = True
    for index, _entry in enumerate(series):
        line = chart.lines[index]
        line.strokeColor = INK if index else ACCENT
        line.strokeWidth = 1.4
        line.strokeDashArray = TREND_DASHES[index % len(TREND_DASHES)]
        line.symbol = makeMarker(TREND_MARKERS[index % len(TREND_MARKERS)])
        line.symbol.size = 4.5
    drawing.add(chart)
    step = (width - 28) / max(len(series), 1)
    for index, entry in enumerate(series):
        x = 28 + index * step
        drawing.add(Line(x, 9, x + 20, 9, strokeColor=INK if index else ACCENT, strokeWidth=1.4,
                         strokeDashArray=TREND_DASHES[index % len(TREND_DASHES)]))
        drawing.add(_text(x + 24, 6.5, entry.name, 7.5))
    return drawing
