"""The A4 page every report is printed on: header, footer, "Halaman X dari Y", draft mark.

``render_pdf`` builds a story of flowables into PDF bytes with the document's metadata
(title, author, subject, language). The page count is only known at the end, so a
numbered canvas holds each page back and stamps "X of Y" when the document is saved.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .. import __version__
from .labels import label
from .theme import (
    DRAFT_WATERMARK,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    PAGE_MARGIN,
    RULE,
    printable,
    register_fonts,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
FRAME_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN
HEADER_Y = PAGE_HEIGHT - PAGE_MARGIN + 6
FOOTER_Y = PAGE_MARGIN - 16
PDF_LANG = {"id": "id-ID", "en": "en"}


@dataclass(frozen=True)
class DocumentInfo:
    """What a report says about itself: metadata and the running header and footer."""

    title: str
    author: str
    subject: str
    lang: str
    header_left: str
    header_right: str
    footer_left: str
    draft: bool = False  # marks every page "DRAF"
    sample: bool = False  # demo data: every page says "DATA CONTOH" / "SAMPLE DATA"
    keywords: Sequence[str] = ()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten a header text with an ellipsis so it never runs into the other side."""
    text = printable(" ".join(text.split()))
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text + "\u2026"


class _NumberedCanvas(Canvas):
    """Keeps every page until ``save`` so the footer can say "page X of Y"."""

    def __init__(self, *args: Any, info: DocumentInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._info = info
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE_WIDTH - PAGE_MARGIN, FOOTER_Y,
                                 label("page_of", self._info.lang, page=number, total=total))
            super().showPage()
        super().save()


def _decorate_page(canvas: Canvas, document: BaseDocTemplate, info: DocumentInfo) -> None:
    """Header, footer line and, for drafts, the draft mark; drawn before the page's content."""
    canvas.saveState()
    mark = label("draft_mark", info.lang)
    if info.draft:
        canvas.setFillColor(DRAFT_WATERMARK)
        canvas.setFont(FONT_BOLD, 110)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -35, mark)
        canvas.rotate(-50)
        canvas.translate(-PAGE_WIDTH / 2, -PAGE_HEIGHT / 2)
    right_edge = PAGE_WIDTH - PAGE_MARGIN
    if info.sample:
        # Demo data: a boxed mark in the header and a line under the footer of every page,
        # in ink (not colour) so it survives greyscale printing and photocopies.
        sample = label("sample_mark", info.lang)
        canvas.setFont(FONT_BOLD, 9)
        box = stringWidth(sample, FONT_BOLD, 9) + 10
        canvas.setFillColor(INK)
        canvas.rect(right_edge - box, HEADER_Y - 3.5, box, 13.5, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.drawCentredString(right_edge - box / 2, HEADER_Y, sample)
        right_edge -= box + 6
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 7.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y - 11, label("sample_footer", info.lang))
    if info.draft:
        canvas.setFont(FONT_BOLD, 9)
        box = stringWidth(mark, FONT_BOLD, 9) + 10
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.2)
        canvas.rect(right_edge - box, HEADER_Y - 3.5, box, 13.5, stroke=1, fill=0)
        canvas.setFillColor(INK)
        canvas.drawCentredString(right_edge - box / 2, HEADER_Y, mark)
        right_edge -= box + 8
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(MUTED)
    right = _fit(info.header_right, FONT, 7.5, FRAME_WIDTH * 0.3)
    canvas.drawRightString(right_edge, HEADER_Y, right)
    room = right_edge - PAGE_MARGIN - stringWidth(right, FONT, 7.5) - 12
    canvas.drawString(PAGE_MARGIN, HEADER_Y, _fit(info.header_left, FONT, 7.5, room))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(PAGE_MARGIN, HEADER_Y - 5, PAGE_WIDTH - PAGE_MARGIN, HEADER_Y - 5)
    canvas.line(PAGE_MARGIN, FOOTER_Y + 10, PAGE_WIDTH - PAGE_MARGIN, FOOTER_Y + 10)
    canvas.drawString(PAGE_MARGIN, FOOTER_Y, _fit(info.footer_left, FONT, 7.5, FRAME_WIDTH * 0.7))
    canvas.restoreState()


def build_pdf(story: list[Flowable], info: DocumentInfo, output: BinaryIO) -> None:
    """Lay out ``story`` on A4 pages and write the PDF to ``output``."""
    register_fonts()
    document = BaseDocTemplate(
        output, pagesize=A4, leftMargin=PAGE_MARGIN, rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN + 8, bottomMargin=PAGE_MARGIN + 6,
        title=printable(info.title), author=printable(info.author),
        subject=printable(info.subject), keywords=[printable(word) for word in info.keywords],
        creator=f"e-Warong Desktop {__version__}", lang=PDF_LANG.get(info.lang, info.lang),
        displayDocTitle=True, initialFontName=FONT,
    )
    frame = Frame(document.leftMargin, document.bottomMargin, document.width, document.height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    document.addPageTemplates([PageTemplate(
        id="page", frames=[frame], onPage=partial(_decorate_page, info=info))])
    document.build(story, canvasmaker=partial(_NumberedCanvas, info=info))


def render_pdf(story: list[Flowable], info: DocumentInfo) -> bytes:
    """The PDF as bytes."""
    buffer = io.BytesIO()
    build_pdf(story, info, buffer)
    return buffer.getvalue()
