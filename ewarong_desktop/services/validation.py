"""Checks on what a person typed, with messages that say what to fix."""

from __future__ import annotations

import re
import uuid
from datetime import date

from ..db.models import NAME_MAX, TEXT_MAX
from ..errors import ValidationError

PERIOD_RE = re.compile(r"^(\d{4})-S([12])$")


def required_text(value: str | None, field: str, max_length: int = NAME_MAX) -> str:
    cleaned = " ".join((value or "").split())
    if not cleaned:
        raise ValidationError(f"{field} is empty; type a {field.lower()}")
    if len(cleaned) > max_length:
        raise ValidationError(f"{field} is {len(cleaned)} characters long; keep it under {max_length}")
    return cleaned


def optional_text(value: str | None, field: str, max_length: int = NAME_MAX) -> str | None:
    cleaned = " ".join((value or "").split())
    if len(cleaned) > max_length:
        raise ValidationError(f"{field} is {len(cleaned)} characters long; keep it under {max_length}")
    return cleaned or None


def long_text(value: str | None, field: str, max_length: int = TEXT_MAX) -> str:
    """Free text such as a note: kept as typed (line breaks too), only length-checked."""
    text = value or ""
    if len(text) > max_length:
        raise ValidationError(
            f"{field} is {len(text):,} characters long; shorten it to at most {max_length:,}"
        )
    return text


def optional_int(value: int | str | None, field: str, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"{field} must be a whole number, not {value!r}") from exc
    if not low <= number <= high:
        raise ValidationError(f"{field} must be between {low} and {high}, not {number}")
    return number


def period(value: str | None) -> str:
    """A semester such as ``2026-S1``."""
    text = (value or "").strip().upper()
    match = PERIOD_RE.match(text)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise ValidationError(
            f"period {value!r} is not of the form YYYY-S1 or YYYY-S2 (for example 2026-S1)"
        )
    return text


def current_period(today: date | None = None) -> str:
    today = today or date.today()
    return f"{today.year}-S{1 if today.month <= 6 else 2}"


def previous_period(value: str) -> str:
    year, half = int(value[:4]), int(value[-1])
    return f"{year}-S1" if half == 2 else f"{year - 1}-S2"


def record_id(value: str | uuid.UUID, kind: str = "record") -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value).strip())
    except ValueError as exc:
        raise ValidationError(f"{value!r} is not a valid {kind} id") from exc
