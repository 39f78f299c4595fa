"""The colours and marks of a role profile, shared by the window and the printed PDF.

A coordinator compares the screen with the printout, so both paint the 4 x 8 grid and
the radar from these plain hex strings; ``ui/`` turns them into ``QColor`` and
``reports/`` into reportlab colours, nothing here imports either toolkit.

The grid's convention, identical on screen and on paper:

- levels 0-4: one blue ramp (after ColorBrewer "Blues") whose lightness falls at every
  step, so the order survives a greyscale print, with the level's number always written
  in the cell in an ink that keeps WCAG contrast >= 4.5 on its fill;
- not applicable: "TB" (tidak berlaku) written on plain white, no hatch, since it is an
  answer the advisor gave;
- not yet rated: no number, grey diagonal hatch on white, since it is work still to do
  (a final assessment has none, so a final printout carries no hatching).
"""

from __future__ import annotations

INK = "#1a1a1a"  # near-black text; prints as solid black on an office laser printer
WHITE = "#ffffff"

# CIE lightness about 92, 79, 68, 46, 21. Level 0 is tinted so it is not read as the
# white of "not applicable"; the step from 2 to 3 is wide because the ink switches from
# dark to white there and neither reads well on a mid blue.
LEVEL_FILLS: tuple[str, ...] = ("#deebf7", "#9ecae1", "#6baed6", "#2171b5", "#08306b")
LEVEL_INK: tuple[str, ...] = (INK, INK, INK, WHITE, WHITE)

NOT_APPLICABLE_FILL = WHITE
NOT_APPLICABLE_INK = INK

UNRATED_FILL = WHITE
UNRATED_HATCH = "#8c8c8c"  # the diagonal lines over an unrated cell

# Radar: the self-assessment a filled area with a solid outline, the target a dashed
# line, the previous period (printed only) a dotted one: apart in greyscale by pattern.
RADAR_SELF = "#08519c"
RADAR_SELF_FILL_OPACITY = 0.25  # of RADAR_SELF over white
RADAR_TARGET = INK
RADAR_PREVIOUS = "#555555"


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    code = colour.removeprefix("#")
    if len(code) != 6:
        raise ValueError(f"expected a colour as #rrggbb, not {colour!r}")

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(code[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def lightness(colour: str) -> float:
    """CIE L* (0 black - 100 white): how light the colour prints in greyscale."""
    luminance = relative_luminance(colour)
    if luminance <= 216 / 24389:
        return luminance * 24389 / 27
    return 116 * luminance ** (1 / 3) - 16
