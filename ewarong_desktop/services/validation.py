"""Checks on what a person typed, with messages that say what to fix.

Field names come as ``Phrase`` pairs (English, Indonesian) so every message can be
written in both languages; the ones the services use are named here.
"""

from __future__ import annotations

import re
import uuid
from datetime import date

from ..db.models import NAME_MAX, TEXT_MAX
from ..errors import NotFoundError, Phrase, ValidationError, id_number

PERIOD_RE = re.compile(r"^(\d{4})-S([12])$")

# Fields, as the window labels them.
NAME = Phrase("Name", "Nama")
WARONG_NAME = Phrase("e-Warong name", "Nama e-Warong")
KUBE_NAME = Phrase("KUBE name", "Nama KUBE")
ADDRESS = Phrase("Address", "Alamat")
KELURAHAN = Phrase("Kelurahan/desa", "Kelurahan/desa")
KECAMATAN = Phrase("Kecamatan", "Kecamatan")
KABUPATEN = Phrase("Kabupaten/kota", "Kabupaten/kota")
PROVINSI = Phrase("Provinsi", "Provinsi")
YEAR_FOUNDED = Phrase("Year founded", "Tahun berdiri")
MEMBER_COUNT = Phrase("Number of members", "Jumlah anggota")
STAFF_NUMBER = Phrase("Staff number", "Nomor induk/petugas")
PHONE = Phrase("Phone", "Nomor telepon")
NOTE = Phrase("Note", "Catatan")
REASON = Phrase("Reason", "Alasan")

# Kinds of record, as "no <kind> with id ..." names them.
RECORD = Phrase("record", "data")
ADVISOR = Phrase("advisor", "pendamping")
WARONG = Phrase("e-Warong", "e-Warong")
ASSESSMENT = Phrase("assessment", "penilaian")
CONFLICT = Phrase("exchange conflict", "konflik data")


def _lower_first(text: str) -> str:
    # "Nama e-Warong" -> "nama e-Warong": str.lower() would also turn e-Warong into e-warong.
    return text[:1].lower() + text[1:]


def _too_long(field: Phrase, length: int, max_length: int) -> ValidationError:
    return ValidationError(
        f"{field.en} is {length} characters long; keep it under {max_length}",
        id=f"{field.id} terlalu panjang ({id_number(length)} karakter); persingkat menjadi paling "
           f"banyak {id_number(max_length)} karakter")


# Control characters a person cannot type on purpose (NUL, BEL, ESC, VT, FF...): they break
# spreadsheets and terminals. Line feed and tab are kept in notes (folded away in names).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def refuse_control_characters(value: str, field: Phrase) -> str:
    """``value`` unchanged, or a ValidationError naming ``field`` and the character."""
    found = CONTROL_CHARACTER.search(value)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise ValidationError(
            f"{field.en} holds a control character ({code}) at position {found.start() + 1}; "
            "remove it and type the text again",
            id=f"{field.id} memuat karakter kendali ({code}) di posisi {found.start() + 1}; "
               "hapus karakter itu dan ketik ulang teksnya")
    return value


def tidy_name(value: str | None) -> str:
    """A name as it is stored: no leading or trailing spaces, runs of whitespace (tabs,
    line breaks) folded to one space. The one rule for the window, services and import."""
    return " ".join((value or "").split())


def required_text(value: str | None, field: Phrase, max_length: int = NAME_MAX) -> str:
    """The text with runs of spaces folded; refused when empty or longer than ``max_length``."""
    cleaned = tidy_name(refuse_control_characters(value or "", field))
    if not cleaned:
        raise ValidationError(f"{field.en} is empty; type a {_lower_first(field.en)}",
                              id=f"{field.id} belum diisi; ketik {_lower_first(field.id)}")
    if len(cleaned) > max_length:
        raise _too_long(field, len(cleaned), max_length)
    return cleaned


def optional_text(value: str | None, field: Phrase, max_length: int = NAME_MAX) -> str | None:
    """Like ``required_text``, but empty gives None."""
    cleaned = tidy_name(refuse_control_characters(value or "", field))
    if len(cleaned) > max_length:
        raise _too_long(field, len(cleaned), max_length)
    return cleaned or None


def long_text(value: str | None, field: Phrase, max_length: int = TEXT_MAX) -> str:
    """Free text such as a note: kept as typed (line breaks too), only length-checked."""
    text = refuse_control_characters(value or "", field)
    if len(text) > max_length:
        raise ValidationError(
            f"{field.en} is {len(text):,} characters long; shorten it to at most {max_length:,}",
            id=f"{field.id} terlalu panjang ({id_number(len(text))} karakter); persingkat menjadi "
               f"paling banyak {id_number(max_length)} karakter")
    return text


def optional_int(value: int | str | None, field: Phrase, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high``, or None when left empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"{field.en} must be a whole number, not {value!r}",
                              id=f"{field.id} harus berupa angka bulat, bukan {value!r}") from exc
    if not low <= number <= high:
        raise ValidationError(f"{field.en} must be between {low} and {high}, not {number}",
                              id=f"{field.id} harus antara {low} dan {high}, bukan {number}")
    return number


def period(value: str | None) -> str:
    """A semester such as ``2026-S1``."""
    text = (value or "").strip().upper()
    match = PERIOD_RE.match(text)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise ValidationError(
            f"period {value!r} is not of the form YYYY-S1 or YYYY-S2 (for example 2026-S1)",
            id=f"periode {value!r} tidak berbentuk TTTT-S1 atau TTTT-S2 (contoh: 2026-S1 untuk "
               "semester pertama 2026)")
    return text


def current_period(today: date | None = None) -> str:
    today = today or date.today()
    return f"{today.year}-S{1 if today.month <= 6 else 2}"


def previous_period(value: str) -> str:
    year, half = int(value[:4]), int(value[-1])
    return f"{year}-S1" if half == 2 else f"{year - 1}-S2"


def record_id(value: str | uuid.UUID, kind: Phrase = RECORD) -> uuid.UUID:
    """An id given as text (from the command line, a file) as a UUID; refused when malformed."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value).strip())
    except ValueError as exc:
        raise ValidationError(f"{value!r} is not a valid {kind.en} id",
                              id=f"{value!r} bukan id {kind.id} yang sah; salin id lengkapnya") from exc


def not_found(kind: Phrase, value: object) -> NotFoundError:
    """The error for an id that names no record of ``kind``."""
    return NotFoundError(f"no {kind.en} with id {value}",
                         id=f"tidak ada {kind.id} dengan id {value}; periksa id-nya")


def unknown_advisor_type(value: object) -> ValidationError:
    """The error for an advisor type other than PKH, TKSK or OTHER."""
    return ValidationError(f"advisor type {value!r} is unknown; use PKH, TKSK or OTHER",
                           id=f"jenis pendamping {value!r} tidak dikenal; pilih PKH, TKSK "
                              "atau OTHER (lainnya)")


def unknown_cell(code: object) -> ValidationError:
    """The error for a cell code that is not one of the instrument's 32."""
    return ValidationError(f"{code!r} is not a cell of the instrument (4.1.1 to 4.4.8)",
                           id=f"{code!r} bukan sel instrumen; kode sel 4.1.1 sampai 4.4.8")
