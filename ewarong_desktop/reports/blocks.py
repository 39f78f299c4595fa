"""Building blocks shared by the reports: labelled paragraphs, data tables, headings.

``StoryBuilder`` holds the language, the styles and the instrument so each report's
sections can say ``self.t("key")`` or ``self.table(rows, widths)`` without repeating
the plumbing. Our own markup goes through ``p``; anything a person typed through
``user`` (or ``theme.markup``), which escapes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from ..instrument import Instrument
from .labels import check_lang, format_number, label
from .theme import layout_commands, markup, styles, table_style_commands


def format_signed(value: float | None, lang: str, digits: int = 1) -> str:
    """A difference to a target or baseline: ``−0,8``, ``+1``, ``0``."""
    if value is None:
        return format_number(None, lang)
    if round(value, digits) == 0:
        return format_number(0.0, lang, digits)
    sign = "+" if value > 0 else "\u2212"
    return sign + format_number(abs(value), lang, digits)


class StoryBuilder:
    """The plumbing every report's sections share."""

    def __init__(self, instrument: Instrument, lang: str) -> None:
        self.instrument = instrument
        self.lang = check_lang(lang)
        self.styles = styles()

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of our own markup (labels, numbers); user text must go through markup()."""
        return Paragraph(text, getattr(self.styles, style))

    def user(self, text: str | None, style: str = "body") -> Paragraph:
        """A paragraph of text someone typed: escaped, printable, line breaks kept."""
        return Paragraph(markup(text), getattr(self.styles, style))

    def number(self, value: float | None, digits: int = 1) -> str:
        return format_number(value, self.lang, digits)

    def role_name(self, number: int) -> str:
        return self.instrument.role(number).name.get(self.lang)

    def area_short(self, number: int) -> str:
        return self.instrument.area(number).short.get(self.lang)

    def type_name(self, advisor_type: str) -> str:
        text = self.instrument.advisor_types.get(advisor_type)
        return text.get(self.lang) if text else advisor_type

    def table(self, rows: list[list[object]], widths: Sequence[float],
              extra: Sequence[tuple] = (), header_rows: int = 1) -> Table:
        """A data table whose header repeats and whose rows may split across pages."""
        table = Table(rows, colWidths=list(widths), repeatRows=header_rows, splitInRow=1,
                      hAlign="LEFT")
        table.setStyle(TableStyle(table_style_commands(header_rows) + list(extra)))
        return table

    def side_by_side(self, cells: list[object], widths: Sequence[float]) -> Table:
        table = Table([cells], colWidths=list(widths), hAlign="LEFT")
        table.setStyle(TableStyle(layout_commands()))
        return table

    def header_row(self, *keys: str, right_from: int | None = None) -> list[object]:
        """Column headings; those from ``right_from`` on sit over right-aligned numbers."""
        return [self.p(self.t(key), "header_right" if right_from is not None
                       and index >= right_from else "header")
                for index, key in enumerate(keys)]

    def heading(self, text: str) -> list[Flowable]:
        # Never leave a heading alone at the foot of a page.
        return [CondPageBreak(40 * mm), self.p(text, "heading")]
