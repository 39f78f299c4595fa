"""The text rules of the window, applied to the records of an exchange file.

The schema checks shapes and lengths; what a person could not have typed in the window
is refused here, naming the record: a control character (other than line feed and tab)
in any text, an empty name, an instrument version this program does not know. Names
and places are tidied exactly as the window tidies them (``validation.tidy_name``), so a
typed kecamatan filter finds imported records too. Notes keep their text as written.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ...errors import Phrase, UserError
from ...paths import resource_path
from .. import validation as v

if TYPE_CHECKING:  # archive.py calls check_exchange_text on every file it reads
    from .archive import ExchangeFile

OFFICE = Phrase("Office", "Kantor")
COMMENT = Phrase("Comment", "Komentar")
ACTION = Phrase("Action", "Tindakan")
REQUIRED, NULLABLE, BLANK = "required", "nullable", "blank"  # empty: refused, None, ""
# Per kind: (field, label, what empty means) for names and places, tidied like the window's.
NAME_FIELDS: dict[str, tuple[tuple[str, Phrase, str], ...]] = {
    "advisors": (("name", v.NAME, REQUIRED), ("staff_number", v.STAFF_NUMBER, NULLABLE),
                 ("phone", v.PHONE, NULLABLE), ("kabupaten", v.KABUPATEN, NULLABLE),
                 ("kecamatan", v.KECAMATAN, NULLABLE)),
    "warongs": (("name", v.WARONG_NAME, REQUIRED), ("kube_name", v.KUBE_NAME, NULLABLE),
                ("address", v.ADDRESS, NULLABLE), ("kelurahan", v.KELURAHAN, BLANK),
                ("kecamatan", v.KECAMATAN, BLANK), ("kabupaten", v.KABUPATEN, BLANK),
                ("provinsi", v.PROVINSI, BLANK)),
    "coordinators": (("name", v.NAME, REQUIRED), ("staff_number", v.STAFF_NUMBER, NULLABLE),
                     ("office", OFFICE, NULLABLE)),
}
# Free text kept as written, only checked for control characters.
FREE_TEXT_FIELDS: dict[str, tuple[tuple[str, Phrase], ...]] = {
    "ratings": (("note", v.NOTE),),
    "audit_entries": (("old_value", Phrase("Old value", "Nilai lama")),
                      ("new_value", Phrase("New value", "Nilai baru")),
                      ("reason", v.REASON)),
    "verifications": (("comment", COMMENT),),
    "verified_cells": (("comment", COMMENT),),
    "plan_actions": (("text", ACTION),),
    "follow_ups": (("note", v.NOTE),),
}
RECORD_NAMES = {"advisors": v.ADVISOR, "warongs": v.WARONG, "assessments": v.ASSESSMENT,
                "ratings": Phrase("rating", "nilai"),
                "audit_entries": Phrase("history entry", "riwayat"),
                "coordinators": Phrase("coordinator", "koordinator"),
                "verifications": Phrase("verification", "verifikasi"),
                "verified_cells": Phrase("verified cell", "sel terverifikasi"),
                "plan_actions": Phrase("plan action", "tindakan rencana"),
                "follow_ups": Phrase("follow-up", "tindak lanjut")}


@lru_cache(maxsize=1)
def known_instrument_versions() -> tuple[str, ...]:
    """The instrument editions bundled with this program, such as ("2026.1",)."""
    folder = resource_path("instrument")
    prefix, suffix = "instrument-", ".json"
    return tuple(sorted(path.name[len(prefix):-len(suffix)]
                        for path in folder.glob(f"{prefix}*{suffix}")))


def _refused(xfile: ExchangeFile, kind: str, record: dict[str, Any], error: UserError):  # type: ignore[no-untyped-def]
    what = RECORD_NAMES[kind]
    label = record.get("name") if isinstance(record.get("name"), str) else None
    named = f" {v.CONTROL_CHARACTER.sub('?', label)!r}" if label else ""
    return xfile.error(f"{what.en}{named} (id {record.get('id')}): {error}",
                       id=f"{what.id}{named} (id {record.get('id')}): {error.text('id')}")


def check_exchange_text(xfile: ExchangeFile) -> None:
    """Refuse what the window would refuse, and tidy names as the window does, in place.

    Raises ExchangeError naming the file, the record (kind, name and id) and the field.
    """
    known = known_instrument_versions()
    versions = xfile.manifest.get("instrument_versions") or []
    unknown = sorted({version for version in versions if version not in known}
                     | {record["instrument_version"] for record in xfile.content["assessments"]
                        if record["instrument_version"] not in known})
    if unknown:
        raise xfile.error(
            f"made with instrument version {', '.join(unknown)}, which this program does not "
            f"know (it knows {', '.join(known)}); update e-Warong Desktop to import it",
            id=f"dibuat dengan instrumen versi {', '.join(unknown)} yang tidak dikenal program "
               f"ini (yang dikenal: {', '.join(known)}); perbarui e-Warong Desktop untuk "
               "memasukkannya")
    for kind, fields in NAME_FIELDS.items():
        for record in xfile.content.get(kind, []):
            for name, label, empty in fields:
                value = record.get(name)
                if not isinstance(value, str):
                    continue  # the schema has already said whether None may stand here
                try:
                    # Lengths were checked by the schema; only the rules of the window here.
                    if empty == REQUIRED:
                        record[name] = v.required_text(value, label, max_length=len(value))
                    else:
                        tidied = v.optional_text(value, label, max_length=len(value))
                        record[name] = tidied if tidied is not None or empty == NULLABLE else ""
                except UserError as exc:
                    raise _refused(xfile, kind, record, exc) from exc
    for kind, free in FREE_TEXT_FIELDS.items():
        for record in xfile.content.get(kind, []):
            for name, label in free:
                value = record.get(name)
                if isinstance(value, str) and v.CONTROL_CHARACTER.search(value):
                    try:
                        v.refuse_control_characters(value, label)
                    except UserError as exc:
                        raise _refused(xfile, kind, record, exc) from exc
