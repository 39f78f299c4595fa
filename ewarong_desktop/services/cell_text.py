"""Text as it may leave the program for a spreadsheet or a terminal.

Notes and names arrive from many laptops by file, so a coordinator's spreadsheet must
never run what an advisor typed: a cell beginning with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return (or the full-width ``＝ ＋ － ＠`` some spreadsheets also accept) is a
formula to Excel or LibreOffice. One rule here decides which text looks like a formula;
each writer applies it its own way (XLSX: an explicit string cell; CSV: a leading
apostrophe, as OWASP advises). The ``.ewarong`` exchange and the PDF keep the text as
typed.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# Control characters other than tab, line feed and carriage return: XLSX cannot hold them
# (openpyxl refuses the whole file) and a terminal would act on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What a terminal cannot show in one line of a table or a message.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula rather than as text."""
    return text.startswith(FORMULA_STARTS)


def without_control_characters(text: str) -> str:
    """``text`` with each control character (not tab or line breaks) written as ``\\xNN``.

    For a database that already holds one (from before they were refused): the export
    still works and shows where the character was.
    """
    return _CONTROL.sub(_escaped, text)


def csv_text(text: str) -> str:
    """A CSV cell's text: a formula-looking one gets a leading apostrophe, so Excel shows
    it as text instead of running it."""
    text = without_control_characters(text)
    return "'" + text if looks_like_formula(text) else text


def terminal_text(text: str) -> str:
    """``text`` for one line of terminal output: control characters, line breaks and
    direction marks escaped (``\\x1b``, ``\\n``), so printed data cannot move the cursor,
    change colours or break a table."""
    return _UNPRINTABLE.sub(lambda m: {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(
        m.group(), "") or _escaped(m), text)
