"""The radar on screen (QPainter) and on paper (reportlab) put every point in the same place.

Both painters take their axes from ``reports/chart_geometry.py``; these tests read what
each painter actually draws, scaled to a unit chart, and compare them, so a painter that
stops using the shared geometry (or turns its axes) is caught.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF
from reportlab.graphics.shapes import Polygon

from ewarong_desktop.reports import chart_geometry
from ewarong_desktop.reports.charts import RadarSeries, radar_chart
from ewarong_desktop.reports.theme import RADAR_SELF_FILL, RULE
from ewarong_desktop.ui.widgets.charts import RadarChart

VALUES = [3.5, 1.0, 2.25, 4.0]  # one per role, all different, so a turned chart differs
LABELS = ["Broker", "Mediator", "Educator", "Fasilitator"]


def unit(points, cx, cy, radius, *, y_down):
    """Points as fractions of the radius from the centre, y pointing up."""
    sign = -1 if y_down else 1
    return [((x - cx) / radius, sign * (y - cy) / radius) for x, y in points]


def paper_points() -> list[tuple[float, float]]:
    drawing = radar_chart(LABELS, [RadarSeries("Diri", VALUES, "self"),
                                   RadarSeries("Target", [3.0] * 4, "target")],
                          size=300, no_levels_text="-")
    polygons = [shape for shape in drawing.contents if isinstance(shape, Polygon)]
    rings = [p for p in polygons if p.strokeColor == RULE]
    outer = rings[-1].points  # rings are drawn from 1 to 4
    corners = list(zip(outer[::2], outer[1::2], strict=True))
    cx = sum(x for x, _ in corners) / len(corners)
    cy = sum(y for _, y in corners) / len(corners)
    radius = math.dist(corners[0], (cx, cy))
    [own] = [p for p in polygons if p.fillColor == RADAR_SELF_FILL]
    points = list(zip(own.points[::2], own.points[1::2], strict=True))
    return unit(points, cx, cy, radius, y_down=False)


def screen_points() -> list[tuple[float, float]]:
    centre, radius = QPointF(210, 190), 150.0
    points = [RadarChart.axis_point(centre, radius, index, len(VALUES), value)
              for index, value in enumerate(VALUES)]
    return unit([(p.x(), p.y()) for p in points], centre.x(), centre.y(), radius, y_down=True)


def test_screen_and_paper_put_each_role_at_the_same_place():
    paper, screen = paper_points(), screen_points()
    for (px, py), (sx, sy) in zip(paper, screen, strict=True):
        assert px == pytest.approx(sx, abs=1e-6) and py == pytest.approx(sy, abs=1e-6)
    # Both as the shared geometry says: the first role at the upper left, then clockwise.
    expected = chart_geometry.polygon(0, 0, 1, VALUES)
    assert [c for xy in screen for c in xy] == pytest.approx([c for xy in expected for c in xy])
    assert screen[0][0] < 0 < screen[0][1] and screen[1][0] > 0 < screen[1][1]
    assert screen[2][0] > 0 > screen[2][1] and screen[3][0] < 0 and screen[3][1] < 0


def test_a_value_lies_at_its_share_of_the_radius_on_both():
    for (x, y), value in zip(paper_points(), VALUES, strict=True):
        assert math.hypot(x, y) == pytest.approx(value / chart_geometry.MAX_LEVEL)
