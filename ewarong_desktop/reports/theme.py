"""Fonts, colours, paragraph styles and the safe way to put user text on a page.

One embedded TTF family (DejaVu Sans, in ``resources/fonts``) prints every piece of
text, chart labels included, so Indonesian names, ``≥`` or ``→`` print the same on
every computer. Characters the font cannot draw (emoji) are replaced by a visible
``�`` rather than left to a viewer's fallback box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import palette
from ..paths import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf",
               FONT_ITALIC: "DejaVuSans-Oblique.ttf"}
REPLACEMENT = "\ufffd"  # printed in place of a character the font lacks

PAGE_MARGIN = 16 * mm

# Text and lines: near-black and greys print cleanly on any office laser printer.
INK = colors.HexColor(palette.INK)
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#e4e4e4")
ZEBRA_FILL = colors.HexColor("#f4f4f4")
KEY_BOX = colors.HexColor("#eef3f9")  # the page-1 key-messages box; near white in greyscale
ACCENT = colors.HexColor("#08519c")  # headings; dark enough to read as black in greyscale
DRAFT_WATERMARK = colors.Color(0.55, 0.55, 0.55, alpha=0.18)

# The grid and radar share their colours with the window (see palette.py for why).
LEVEL_FILLS = tuple(colors.HexColor(code) for code in palette.LEVEL_FILLS)
LEVEL_INK = tuple(colors.HexColor(code) for code in palette.LEVEL_INK)
NOT_APPLICABLE_FILL = colors.HexColor(palette.NOT_APPLICABLE_FILL)
NOT_APPLICABLE_INK = colors.HexColor(palette.NOT_APPLICABLE_INK)
UNRATED_FILL = colors.HexColor(palette.UNRATED_FILL)
UNRATED_HATCH = colors.HexColor(palette.UNRATED_HATCH)
RADAR_SELF = colors.HexColor(palette.RADAR_SELF)
RADAR_SELF_FILL = RADAR_SELF.clone(alpha=palette.RADAR_SELF_FILL_OPACITY)
RADAR_TARGET = colors.HexColor(palette.RADAR_TARGET)
RADAR_PREVIOUS = colors.HexColor(palette.RADAR_PREVIOUS)

# Advisor types side by side in summary charts: dark, light, mid (also apart in greyscale).
TYPE_FILLS = {"PKH": colors.HexColor("#08519c"), "TKSK": colors.HexColor("#9ecae1"),
              "OTHER": colors.HexColor("#525252"), "ALL": colors.white}

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@lru_cache(maxsize=1)
def register_fonts() -> frozenset[int]:
    """Register the embedded family with reportlab once.

    Returns the code points all three faces can draw (and reportlab can map back to
    text), so text shown in bold or italic never meets a missing glyph either.
    """
    faces = []
    for name, file_name in _FONT_FILES.items():
        font = TTFont(name, str(resource_path("fonts", file_name)))
        pdfmetrics.registerFont(font)
        faces.append(set(font.face.charToGlyph))
    # <b> and <i> inside our own markup pick the matching face of the family.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD)
    # The chart renderer starts every Drawing in this default font; left as Helvetica it
    # would put a non-embedded font into every PDF even though no text uses it.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT
    # DejaVu draws a few emoji beyond the Basic Multilingual Plane, but reportlab writes
    # their text mapping (ToUnicode) wrongly, so copying or searching the PDF would lose
    # them: those are replaced too, visibly.
    return frozenset(code for code in set.intersection(*faces) if code <= 0xFFFF)


def printable(text: str | None) -> str:
    """Text as the embedded font can print it.

    Line breaks are kept (``\\r\\n`` becomes ``\\n``), tabs become spaces, and every
    character the font cannot draw, control characters included, becomes ``�``.
    """
    drawable = register_fonts()
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _CONTROL_CHARACTERS.sub(REPLACEMENT, text)
    if all(ord(character) in drawable or character == "\n" for character in text):
        return text
    return "".join(character if character == "\n" or ord(character) in drawable
                   else REPLACEMENT for character in text)


def markup(text: str | None) -> str:
    """User text made safe for a Paragraph: printable, XML-escaped, line breaks kept."""
    escaped = escape(printable(text))
    # Runs of spaces would collapse in a Paragraph; keep what the advisor typed.
    escaped = escaped.replace("  ", "\u00a0 ")
    return escaped.replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles every report uses."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    header: ParagraphStyle
    header_right: ParagraphStyle
    source: ParagraphStyle
    notice: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """Styles built on the embedded font (registered on first use)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12.5, textColor=INK,
                          spaceAfter=4, splitLongWords=True)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=22,
                             textColor=ACCENT, spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=10.5, leading=14,
                                textColor=MUTED, spaceAfter=8),
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=12.5,
                               leading=16, textColor=ACCENT, spaceBefore=10, spaceAfter=5,
                               keepWithNext=True),
        subheading=ParagraphStyle("subheading", parent=body, fontName=FONT_BOLD, fontSize=9.5,
                                  leading=12.5, spaceBefore=6, spaceAfter=2, keepWithNext=True),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        note=ParagraphStyle("note", parent=body, leftIndent=4 * mm, spaceAfter=6),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        # Column headings wrap between words only ("Assessme-nts" helps nobody).
        header=ParagraphStyle("header", parent=cell, fontName=FONT_BOLD, alignment=TA_LEFT,
                              splitLongWords=False),
        header_right=ParagraphStyle("header_right", parent=cell, fontName=FONT_BOLD,
                                    splitLongWords=False,
                                    alignment=TA_RIGHT),
        source=ParagraphStyle("source", parent=body, fontName=FONT_ITALIC, fontSize=7.5,
                              leading=9.5, textColor=MUTED),
        notice=ParagraphStyle("notice", parent=body, fontName=FONT_BOLD, fontSize=9.5,
                              leading=13, borderColor=INK, borderWidth=1.2, borderPadding=5,
                              spaceBefore=4, spaceAfter=10),
    )


def layout_commands() -> list[tuple]:
    """For tables that only place things side by side: no lines, no padding.

    The font is set even here: reportlab would otherwise select Helvetica for empty cells.
    """
    return [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]


def table_style_commands(header_rows: int = 1) -> list[tuple]:
    """Grid lines, a grey header and top alignment shared by every data table."""
    header = [("LINEBELOW", (0, 0), (-1, header_rows - 1), 0.8, INK),
              ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL)] if header_rows else [
              ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK), ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK)]
    return [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *header,
        ("LINEBELOW", (0, header_rows), (-1, -2 if not header_rows else -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
