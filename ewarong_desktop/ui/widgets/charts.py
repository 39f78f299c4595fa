"""Charts of a role profile, painted with QPainter (QtCharts is not in PySide6-Essentials).

- ``RadarChart``: the four role means against their targets on the 0-4 scale.
- ``LevelGridModel`` + ``LevelGrid``: the 4 x 8 cells coloured by level, with the number
  written in every cell and the role/area means in the margins.
- ``LevelLegend``: what the grid's colours and marks mean.

Colours and marks come from ``palette.py``, shared with the printed profile, so the window
and the PDF look alike: levels go from light to dark in one ramp that survives greyscale,
every cell carries its number, "not applicable" is written out (TB) on white and unrated
cells are hatched; the target on the radar is a dashed line and the self-assessment a
filled area.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QWidget,
)

from ... import palette
from ...instrument import AREA_COUNT, LEVELS, ROLE_COUNT, Instrument, Role, cell_code
from ...reports import chart_geometry
from ...reports.labels import format_number
from ...services.profiles import CellScore, RoleProfile

MAX_LEVEL = LEVELS[-1]

# The level ramp and its ink, under the names other screens use for level colours.
LEVEL_COLOURS = palette.LEVEL_FILLS
LEVEL_TEXT_COLOURS = palette.LEVEL_INK
MEAN_BACKGROUND = "#eceff3"
GRID_LINE_COLOUR = "#b8bcc2"
HATCH_SPACING = 6  # pixels between the hatch lines of an unrated cell

Roles = Qt.ItemDataRole


def format_mean(value: float | None, lang: str) -> str:
    """A mean with one decimal (2,4 in Indonesian, 2.4 in English), as the PDF prints it."""
    return format_number(value, lang)


def role_label(role: Role, lang: str) -> str:
    """The role's name without its explanation in brackets: "Broker (penghubung sumber)" -> "Broker"."""
    return role.name.get(lang).split(" (")[0]


def level_brush(level: int) -> QBrush:
    return QBrush(QColor(LEVEL_COLOURS[level]))


def not_applicable_brush() -> QBrush:
    return QBrush(QColor(palette.NOT_APPLICABLE_FILL))


def unrated_brush() -> QBrush:
    """Grey diagonal lines on white, as the PDF draws them, whatever the window's base colour.

    Qt's own hatch patterns leave the gaps transparent, so a dark theme would show through.
    """
    tile = QImage(HATCH_SPACING, HATCH_SPACING, QImage.Format.Format_RGB32)
    tile.fill(QColor(palette.UNRATED_FILL))
    hatch = QColor(palette.UNRATED_HATCH)
    for x in range(HATCH_SPACING):  # one "/" diagonal; tiles join into continuous lines
        tile.setPixelColor(x, HATCH_SPACING - 1 - x, hatch)
    return QBrush(tile)


def self_fill() -> QColor:
    """The radar's self-assessment area: its outline colour, translucent."""
    fill = QColor(palette.RADAR_SELF)
    fill.setAlphaF(palette.RADAR_SELF_FILL_OPACITY)
    return fill


# --------------------------------------------------------------------------- radar


class RadarChart(QWidget):
    """Spider chart of the role means (solid filled area) against the targets (dashed line)."""

    RINGS = MAX_LEVEL

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._labels: list[str] = []
        self._values: list[float | None] = []
        self._targets: list[float] = []
        self._previous: list[float | None] | None = None
        self._lang = "id"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 300)

    def set_data(self, labels: Sequence[str], values: Sequence[float | None],
                 targets: Sequence[float], lang: str,
                 previous: Sequence[float | None] | None = None) -> None:
        """Axis labels (one per role), the self-assessed means (None: nothing rated), targets
        and, when there is one, the previous period's means (dotted, as the PDF shows it)."""
        if not len(labels) == len(values) == len(targets):
            raise ValueError("labels, values and targets must have the same length")
        if previous is not None and len(previous) != len(labels):
            raise ValueError("previous must have one value per label")
        self._labels = list(labels)
        self._values = list(values)
        self._targets = list(targets)
        self._previous = list(previous) if previous is not None else None
        self._lang = lang
        self.setAccessibleDescription("; ".join(
            f"{label}: {self._numbers(value, target)}"
            for label, value, target in zip(labels, values, targets, strict=True)))
        self.update()

    def _numbers(self, value: float | None, target: float) -> str:
        return self.tr("{mean} (target {target})").format(mean=format_mean(value, self._lang),
                                                          target=format_mean(target, self._lang))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(440, 420)

    @staticmethod
    def axis_angle(index: int, count: int) -> float:
        """Angle in radians of axis ``index`` on screen (y down), from ``chart_geometry``,
        which the PDF's radar uses too."""
        return -chart_geometry.axis_angle(index, count)

    @classmethod
    def axis_point(cls, centre: QPointF, radius: float, index: int, count: int,
                   value: float) -> QPointF:
        """Where ``value`` (0-4) lies on axis ``index``: 0 at the centre, 4 on the outer ring."""
        return QPointF(*chart_geometry.point(centre.x(), centre.y(), radius, index, count, value,
                                             y_down=True))

    def _polygon(self, centre: QPointF, radius: float, values: Sequence[float | None]) -> QPolygonF:
        count = len(values)
        return QPolygonF([self.axis_point(centre, radius, i, count, value or 0.0)
                          for i, value in enumerate(values)])

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The chart is a white card in every theme: its series colours are the printout's,
        # chosen for white paper.
        painter.fillRect(self.rect(), QColor(palette.WHITE))
        count = len(self._labels)
        if count < 3:
            painter.end()
            return
        font = QFont(self.font())
        metrics = QFontMetricsF(font)
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetricsF(bold)
        line = metrics.height()

        legend_height = line * 2
        label_height = line * 2 + 4
        area = QRectF(self.rect()).adjusted(10, 6, -10, -6 - legend_height)
        centre = area.center()
        # The largest radius whose outer ring and labels still fit in the widget.
        radius = math.inf
        for i in range(count):
            angle = self.axis_angle(i, count)
            if abs(math.cos(angle)) > 1e-6:
                radius = min(radius, (area.width() / 2 - 8) / abs(math.cos(angle)))
            if abs(math.sin(angle)) > 1e-6:
                radius = min(radius, (area.height() / 2 - label_height - 8) / abs(math.sin(angle)))
        radius = max(30.0, radius)

        painter.setPen(QPen(QColor(GRID_LINE_COLOUR), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ring in range(1, self.RINGS + 1):
            painter.drawPolygon(self._polygon(centre, radius, [float(ring)] * count))
        for i in range(count):
            painter.drawLine(centre, self.axis_point(centre, radius, i, count, MAX_LEVEL))

        # The self-assessment as a filled area, then the target as a dashed line on top.
        self_polygon = self._polygon(centre, radius, self._values)
        target_polygon = self._polygon(centre, radius, self._targets)
        painter.setBrush(self_fill())
        painter.setPen(QPen(QColor(palette.RADAR_SELF), 2.5))
        painter.drawPolygon(self_polygon)
        painter.setPen(QPen(QColor(palette.RADAR_TARGET), 2.2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(target_polygon)
        if self._previous is not None:  # dotted, hollow squares where it was rated
            previous_polygon = self._polygon(centre, radius, self._previous)
            if all(value is not None for value in self._previous):
                painter.setPen(QPen(QColor(palette.RADAR_PREVIOUS), 1.6, Qt.PenStyle.DotLine))
                painter.drawPolygon(previous_polygon)
            painter.setPen(QPen(QColor(palette.RADAR_PREVIOUS), 1.3))
            painter.setBrush(QColor(palette.WHITE))
            for i in range(previous_polygon.count()):
                if self._previous[i] is not None:
                    point = previous_polygon.at(i)
                    painter.drawRect(QRectF(point.x() - 3.5, point.y() - 3.5, 7, 7))
            painter.setBrush(Qt.BrushStyle.NoBrush)

        # Markers: filled circles for the self-assessment, hollow squares for the target.
        painter.setPen(QPen(QColor(palette.RADAR_SELF), 1.5))
        painter.setBrush(QColor(palette.RADAR_SELF))
        for i in range(self_polygon.count()):
            point = self_polygon.at(i)
            if self._values[i] is not None:
                painter.drawEllipse(point, 4.5, 4.5)
        painter.setPen(QPen(QColor(palette.RADAR_TARGET), 1.5))
        painter.setBrush(QColor(palette.WHITE))
        for point in (target_polygon.at(i) for i in range(target_polygon.count())):
            painter.drawRect(QRectF(point.x() - 4, point.y() - 4, 8, 8))

        # Scale numbers where no axis passes: on the vertical centre line, on each ring's edge.
        small = QFont(font)
        small.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        painter.setFont(small)
        for ring in range(0, self.RINGS + 1):
            first = self.axis_point(centre, radius, 0, count, ring)
            second = self.axis_point(centre, radius, 1, count, ring)
            middle = QPointF((first.x() + second.x()) / 2, (first.y() + second.y()) / 2)
            box = QRectF(middle.x() - 7, middle.y() - line * 0.5, 14, line * 0.9)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.WHITE))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("#4a4f57"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(ring))

        # Axis labels: the role name, and "mean / target" under it.
        bounds = QRectF(self.rect()).adjusted(4, 2, -4, -legend_height)
        for i, label in enumerate(self._labels):
            angle = self.axis_angle(i, count)
            anchor = self.axis_point(centre, radius, i, count, MAX_LEVEL)
            numbers = self._numbers(self._values[i], self._targets[i])
            width = max(bold_metrics.horizontalAdvance(label), metrics.horizontalAdvance(numbers)) + 6
            width = min(width, bounds.width() / 2)
            box = QRectF(0, 0, width, label_height)
            above = math.sin(angle) < 0
            box.moveCenter(QPointF(anchor.x(), anchor.y() + (-1 if above else 1) * (label_height / 2 + 8)))
            # Keep the label inside the widget.
            box.moveLeft(max(bounds.left(), min(box.left(), bounds.right() - box.width())))
            painter.setPen(QColor(palette.INK))
            painter.setFont(bold)
            painter.drawText(QRectF(box.left(), box.top(), box.width(), line),
                             Qt.AlignmentFlag.AlignCenter,
                             bold_metrics.elidedText(label, Qt.TextElideMode.ElideRight, box.width()))
            painter.setFont(font)
            painter.drawText(QRectF(box.left(), box.top() + line + 2, box.width(), line),
                             Qt.AlignmentFlag.AlignCenter, numbers)

        self._paint_legend(painter, QRectF(8, self.height() - legend_height, self.width() - 16,
                                           legend_height), font, metrics)
        painter.end()

    def _paint_legend(self, painter: QPainter, rect: QRectF, font: QFont,
                      metrics: QFontMetricsF) -> None:
        entries = [(self.tr("Penilaian diri (rerata)"), "self"), (self.tr("Target"), "target")]
        if self._previous is not None:
            entries.append((self.tr("Periode sebelumnya"), "previous"))
        swatch = 26.0
        gap = 18.0
        widths = [swatch + 6 + metrics.horizontalAdvance(text) for text, _kind in entries]
        # One row when everything fits, else the previous period on a second row.
        rows = [entries] if sum(widths) + gap * (len(entries) - 1) <= rect.width() \
            else [entries[:2], entries[2:]]
        rows = [row for row in rows if row]
        line = metrics.height()
        painter.setFont(font)
        for number, row in enumerate(rows):
            total = sum(swatch + 6 + metrics.horizontalAdvance(text) for text, _kind in row) \
                + gap * (len(row) - 1)
            x = rect.left() + max(0.0, (rect.width() - total) / 2)
            y = rect.center().y() + (number - (len(rows) - 1) / 2) * line
            for text, kind in row:
                if kind == "self":  # a filled box with a solid outline
                    painter.setBrush(self_fill())
                    painter.setPen(QPen(QColor(palette.RADAR_SELF), 2))
                    painter.drawRect(QRectF(x, y - 7, swatch, 14))
                elif kind == "target":  # a dashed line
                    painter.setPen(QPen(QColor(palette.RADAR_TARGET), 2.2, Qt.PenStyle.DashLine))
                    painter.drawLine(QPointF(x, y), QPointF(x + swatch, y))
                else:  # the previous period: a dotted line
                    painter.setPen(QPen(QColor(palette.RADAR_PREVIOUS), 1.6, Qt.PenStyle.DotLine))
                    painter.drawLine(QPointF(x, y), QPointF(x + swatch, y))
                x += swatch + 6
                painter.setPen(QColor(palette.INK))
                painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), text)
                x += metrics.horizontalAdvance(text) + gap


# --------------------------------------------------------------------------- level grid


class LevelGridModel(QAbstractTableModel):
    """Roles (rows) x agenda areas (columns); a last row and column hold the means.

    DisplayRole is what a person reads in the cell: the level number, "TB" for not
    applicable, nothing for an unrated cell, a mean with one decimal in the margins.
    ``LEVEL_ROLE`` gives the raw level (None when unrated or not applicable).
    """

    LEVEL_ROLE = Roles.UserRole + 1
    CODE_ROLE = Roles.UserRole + 2
    MEAN_ROW = ROLE_COUNT
    MEAN_COLUMN = AREA_COUNT

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._profile: RoleProfile | None = None
        self._instrument: Instrument | None = None
        self._lang = "id"

    def set_profile(self, profile: RoleProfile, instrument: Instrument, lang: str) -> None:
        self.beginResetModel()
        self._profile = profile
        self._instrument = instrument
        self._lang = lang
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._profile is None else ROLE_COUNT + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._profile is None else AREA_COUNT + 1

    def cell_at(self, row: int, column: int) -> CellScore | None:
        """The cell shown at (row, column), or None in the margins."""
        if self._profile is None or row >= ROLE_COUNT or column >= AREA_COUNT:
            return None
        return self._profile.cells[cell_code(row + 1, column + 1)]

    def _mean_at(self, row: int, column: int) -> float | None:
        assert self._profile is not None
        if row == self.MEAN_ROW and column == self.MEAN_COLUMN:
            return self._profile.overall
        if row == self.MEAN_ROW:
            return self._profile.area_means[column + 1]
        return self._profile.role_means[row + 1]

    def _mean_target_at(self, row: int, column: int) -> float | None:
        assert self._profile is not None
        if row == self.MEAN_ROW and column == self.MEAN_COLUMN:
            return None
        if row == self.MEAN_ROW:
            return self._profile.area_targets[column + 1]
        return self._profile.role_targets[row + 1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Roles.DisplayRole):  # type: ignore[override]  # noqa: ANN201
        if not index.isValid() or self._profile is None:
            return None
        row, column = index.row(), index.column()
        if role == Roles.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        cell = self.cell_at(row, column)
        if cell is None:
            return self._mean_data(row, column, role)
        if role == Roles.DisplayRole:
            if cell.not_applicable:
                return self.tr("TB")
            return "" if cell.level is None else str(cell.level)
        if role == self.LEVEL_ROLE:
            return cell.level
        if role == self.CODE_ROLE:
            return cell.code
        if role == Roles.BackgroundRole:
            if cell.level is not None:
                return level_brush(cell.level)
            return not_applicable_brush() if cell.not_applicable else unrated_brush()
        if role == Roles.ForegroundRole:
            if cell.level is not None:
                return QBrush(QColor(LEVEL_TEXT_COLOURS[cell.level]))
            return QBrush(QColor(palette.NOT_APPLICABLE_INK if cell.not_applicable
                                 else palette.INK))
        if role == Roles.FontRole:
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.25)
            return font
        if role == Roles.ToolTipRole:
            return self._cell_tooltip(cell)
        return None

    def _mean_data(self, row: int, column: int, role: int):  # noqa: ANN202
        if role == Roles.DisplayRole:
            return format_mean(self._mean_at(row, column), self._lang)
        if role == Roles.BackgroundRole:
            return QBrush(QColor(MEAN_BACKGROUND))
        if role == Roles.ForegroundRole:  # chosen with its light fill, whatever the theme
            return QBrush(QColor(palette.INK))
        if role == Roles.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Roles.ToolTipRole:
            target = self._mean_target_at(row, column)
            mean = format_mean(self._mean_at(row, column), self._lang)
            if target is None:
                return self.tr("Rerata keseluruhan: {mean}").format(mean=mean)
            return self.tr("Rerata {mean}, target {target}").format(
                mean=mean, target=format_mean(target, self._lang))
        return None

    def _cell_tooltip(self, cell: CellScore) -> str:
        assert self._instrument is not None and self._profile is not None
        prompt = self._instrument.cells[cell.code].prompt(self._profile.assessment.advisor_type,
                                                          self._lang)
        if cell.not_applicable:
            state = self.tr("tidak berlaku")
        elif cell.level is None:
            state = self.tr("belum dinilai")
        else:
            state = self.tr("tingkat {level}").format(level=cell.level)
        return self.tr("{code}: {state}, target {target}\n{prompt}").format(
            code=cell.code, state=state, target=cell.target, prompt=prompt)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Roles.DisplayRole):  # noqa: ANN201
        if self._instrument is None:
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        last = AREA_COUNT if horizontal else ROLE_COUNT
        if role == Roles.DisplayRole:
            if section == last:
                return self.tr("Rerata")
            if horizontal:
                return f"{section + 1}\n{self._instrument.area(section + 1).short.get(self._lang)}"
            return role_label(self._instrument.role(section + 1), self._lang)
        if role == Roles.ToolTipRole and section < last:
            if horizontal:
                return self._instrument.area(section + 1).name.get(self._lang)
            return self._instrument.role(section + 1).description.get(self._lang)
        return None


class LevelGrid(QTableView):
    """The 4 x 8 level grid, sized to show every cell without scrolling."""

    ROW_HEIGHT = 38

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid_model = LevelGridModel(self)
        self.setModel(self.grid_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(24)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.ROW_HEIGHT)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.grid_model.modelReset.connect(self._fit_height)

    def set_profile(self, profile: RoleProfile, instrument: Instrument, lang: str) -> None:
        self.grid_model.set_profile(profile, instrument, lang)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        # Every column at least as wide as its (two-line) area name; the rest shared out
        # equally so the colours form an even grid.
        columns = self.grid_model.columnCount()
        if not columns:
            return
        metrics = self.horizontalHeader().fontMetrics()
        needed = []
        for column in range(columns):
            text = str(self.grid_model.headerData(column, Qt.Orientation.Horizontal) or "")
            needed.append(max(metrics.horizontalAdvance(part) for part in text.split("\n")) + 14)
        available = self.viewport().width()
        if max(needed) * columns <= available:
            widths = [available // columns] * columns
        elif sum(needed) <= available:
            share = (available - sum(needed)) // columns
            widths = [width + share for width in needed]
        else:  # too narrow for every name: shrink alike, names are elided (full in tooltips)
            widths = [width * available // sum(needed) for width in needed]
        for column, width in enumerate(widths):
            self.horizontalHeader().resizeSection(column, width)

    def _fit_height(self) -> None:
        self._fit_columns()
        header = self.horizontalHeader()
        header_height = max(header.sizeHint().height(), 2 * self.fontMetrics().height() + 10)
        header.setFixedHeight(header_height)
        rows = self.grid_model.rowCount()
        self.setFixedHeight(header_height + rows * self.ROW_HEIGHT + 2 * self.frameWidth() + 1)


class LevelSwatch(QWidget):
    """A small box painted like a grid cell: fill, hatch and the text a cell would show."""

    def __init__(self, brush: QBrush, text: str, text_colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._brush = brush
        self._text = text
        self._text_colour = text_colour
        self.setFixedSize(34, 24)

    def text(self) -> str:
        """What the swatch shows: the level number, the N/A mark, or nothing (unrated)."""
        return self._text

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, QColor("#ffffff"))
        painter.fillRect(rect, self._brush)
        painter.setPen(QPen(QColor("#7a7f86"), 1))
        painter.drawRect(rect)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(self._text_colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()


class LevelLegend(QWidget):
    """Key to the grid: the five level colours with their labels, N/A and unrated."""

    COLUMNS = 4

    def __init__(self, instrument: Instrument, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(4)
        entries: list[tuple[QBrush, str, str, str]] = [
            (level_brush(s.level), str(s.level), LEVEL_TEXT_COLOURS[s.level], s.label.get(lang))
            for s in instrument.scale
        ]
        # Same words as the PDF's legend (reports/labels.py legend_na, legend_unrated).
        entries.append((not_applicable_brush(), self.tr("TB"), palette.NOT_APPLICABLE_INK,
                        instrument.not_applicable.label.get(lang)))
        entries.append((unrated_brush(), "", palette.INK, self.tr("Belum dinilai")))
        for i, (brush, text, colour, label) in enumerate(entries):
            row, column = divmod(i, self.COLUMNS)
            layout.addWidget(LevelSwatch(brush, text, colour, self), row, 2 * column)
            layout.addWidget(QLabel(label, self), row, 2 * column + 1)
        layout.setColumnStretch(2 * self.COLUMNS - 1, 1)
