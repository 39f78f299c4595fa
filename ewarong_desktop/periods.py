"""Assessment periods as people say them: "2026-S2" is "Semester II 2026".

The stored code stays "YYYY-Sn" (it sorts and travels in exchange files); every window,
PDF and command-line message that shows a period to a person uses ``period_name``.
"""

from __future__ import annotations

import re

_PERIOD = re.compile(r"^(\d{4})-S([12])$")
_ROMAN = {"1": "I", "2": "II"}


def period_name(period: str | None, lang: str = "id") -> str:
    """"Semester II 2026" (Indonesian) or "Semester 2, 2026" (English); other text as given."""
    if not period:
        return ""
    match = _PERIOD.match(period)
    if match is None:
        return period
    year, half = match.groups()
    return f"Semester {half}, {year}" if lang == "en" else f"Semester {_ROMAN[half]} {year}"
