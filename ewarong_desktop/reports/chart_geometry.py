"""Where the radar's axes and points lie, for both painters of the role chart.

The window draws the radar with QPainter (``ui/widgets/charts.py``), the PDF with
reportlab (``reports/charts.py``); both take their axes and points from here, so screen
and paper cannot drift apart. No Qt and no reportlab: plain numbers.

Angles are in radians in a y-up frame (reportlab's); a y-down painter (Qt) flips y with
``point(..., y_down=True)``. With four roles the axes point to the corners, clockwise from
the upper left, which leaves the wide space above and below the chart for the role names.
"""

from __future__ import annotations

from math import cos, pi, sin

from ..instrument import LEVELS

MAX_LEVEL = float(max(LEVELS))


def axis_angle(index: int, count: int) -> float:
    """The angle of axis ``index`` of ``count`` (y up), clockwise, the top edge lying flat."""
    return pi / 2 + pi / count - 2 * pi * index / count


def direction(index: int, count: int, *, y_down: bool = False) -> tuple[float, float]:
    """The unit vector along axis ``index``."""
    angle = axis_angle(index, count)
    return cos(angle), (-sin(angle) if y_down else sin(angle))


def point(cx: float, cy: float, radius: float, index: int, count: int, value: float, *,
          y_down: bool = False) -> tuple[float, float]:
    """Where ``value`` (0-4, kept on the chart) lies on axis ``index``: 0 at the centre
    ``(cx, cy)``, 4 on the outer ring of ``radius``."""
    distance = radius * max(0.0, min(float(value), MAX_LEVEL)) / MAX_LEVEL
    dx, dy = direction(index, count, y_down=y_down)
    return cx + distance * dx, cy + distance * dy


def polygon(cx: float, cy: float, radius: float, values: list[float], *,
            y_down: bool = False) -> list[tuple[float, float]]:
    """The corners of a series (one value per axis)."""
    return [point(cx, cy, radius, index, len(values), value, y_down=y_down)
            for index, value in enumerate(values)]
