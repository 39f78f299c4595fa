"""The shared palette: levels stay in order in greyscale and every number stays readable."""

import subprocess
import sys

import pytest

from ewarong_desktop import palette
from ewarong_desktop.palette import contrast_ratio, lightness, relative_luminance


def test_wcag_arithmetic_matches_known_values():
    assert relative_luminance("#ffffff") == pytest.approx(1.0)
    assert relative_luminance("#000000") == 0.0
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == contrast_ratio("#000000", "#ffffff")
    # A mid grey commonly quoted as the lightest that passes 4.5 on white.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert lightness("#777777") == pytest.approx(50.0, abs=0.5)
    with pytest.raises(ValueError):
        relative_luminance("blue")


@pytest.mark.parametrize("level", range(5))
def test_the_number_is_readable_on_its_level(level):
    assert contrast_ratio(palette.LEVEL_FILLS[level], palette.LEVEL_INK[level]) >= 4.5


def test_levels_get_darker_step_by_step_in_greyscale():
    # Printed in grey each level must still be visibly darker than the one below it.
    grey = [lightness(fill) for fill in palette.LEVEL_FILLS]
    assert all(lower - higher >= 8 for lower, higher in zip(grey, grey[1:], strict=False))


def test_not_applicable_and_unrated_are_told_apart_from_level_zero():
    assert lightness(palette.NOT_APPLICABLE_FILL) - lightness(palette.LEVEL_FILLS[0]) >= 5
    assert contrast_ratio(palette.NOT_APPLICABLE_FILL, palette.NOT_APPLICABLE_INK) >= 4.5
    # The hatch of an unrated cell is a mark, not text: WCAG asks 3:1 for such graphics.
    assert contrast_ratio(palette.UNRATED_FILL, palette.UNRATED_HATCH) >= 3


def test_radar_series_differ_in_greyscale_too():
    assert contrast_ratio(palette.RADAR_SELF, palette.WHITE) >= 4.5
    assert contrast_ratio(palette.RADAR_TARGET, palette.WHITE) >= 4.5
    assert contrast_ratio(palette.RADAR_PREVIOUS, palette.WHITE) >= 4.5
    assert 0 < palette.RADAR_SELF_FILL_OPACITY < 1


def test_importing_the_palette_loads_neither_toolkit():
    code = ("import sys, ewarong_desktop.palette; "
            "print(sorted(m for m in ('PySide6', 'reportlab') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
