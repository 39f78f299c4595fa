"""e-Warong KUBE records: the shop, its group (KUBE) and where it is."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..db.models import Assessment, Assignment, Warong
from ..errors import Phrase, ValidationError
from . import validation as v
from .deletion import delete_unassessed

SERVICES = ("BPNT", "EDC", "TOPUP", "BPJS", "OTHER")


@dataclass(frozen=True)
class WarongInfo:
    id: uuid.UUID
    name: str
    kube_name: str | None
    address: str | None
    kelurahan: str
    kecamatan: str
    kabupaten: str
    provinsi: str
    year_founded: int | None
    member_count: int | None
    services: tuple[str, ...]


@dataclass
class WarongFields:
    """What a person fills in for an e-Warong (the add/edit form)."""

    name: str
    kube_name: str | None = None
    address: str | None = None
    kelurahan: str = ""
    kecamatan: str = ""
    kabupaten: str = ""
    provinsi: str = "Jawa Barat"
    year_founded: int | str | None = None
    member_count: int | str | None = None
    services: list[str] = field(default_factory=list)


def _info(warong: Warong) -> WarongInfo:
    return WarongInfo(
        warong.id, warong.name, warong.kube_name, warong.address, warong.kelurahan,
        warong.kecamatan, warong.kabupaten, warong.provinsi, warong.year_founded,
        warong.member_count, tuple(warong.services or ()),
    )


def name_key(name: str) -> str:
    """The name as compared for duplicates: case and spacing do not make a new warung."""
    return " ".join(name.split()).casefold()


def _apply(session: Session, warong: Warong, fields: WarongFields) -> None:
    warong.name = v.required_text(fields.name, v.WARONG_NAME)
    warong.name_key = name_key(warong.name)
    warong.kube_name = v.optional_text(fields.kube_name, v.KUBE_NAME)
    warong.address = v.optional_text(fields.address, v.ADDRESS, 1000)
    warong.kelurahan = v.optional_text(fields.kelurahan, v.KELURAHAN) or ""
    warong.kecamatan = v.optional_text(fields.kecamatan, v.KECAMATAN) or ""
    warong.kabupaten = v.optional_text(fields.kabupaten, v.KABUPATEN) or ""
    warong.provinsi = v.optional_text(fields.provinsi, v.PROVINSI) or ""
    warong.year_founded = v.optional_int(fields.year_founded, v.YEAR_FOUNDED, 2000, date.today().year)
    warong.member_count = v.optional_int(fields.member_count, v.MEMBER_COUNT, 1, 10_000)
    unknown = sorted(set(fields.services) - set(SERVICES))
    if unknown:
        raise ValidationError(f"unknown service(s) {', '.join(unknown)}; use {', '.join(SERVICES)}",
                              id=f"layanan {', '.join(unknown)} tidak dikenal; pilih dari "
                                 f"{', '.join(SERVICES)}")
    warong.services = [code for code in SERVICES if code in fields.services]
    clash = session.scalar(
        select(Warong.id).where(
            Warong.name_key == warong.name_key,
            Warong.kelurahan == warong.kelurahan,
            Warong.kecamatan == warong.kecamatan,
            Warong.kabupaten == warong.kabupaten,
            Warong.id != warong.id,
        )
    )
    if clash is not None:
        place = warong.kelurahan or warong.kecamatan
        raise ValidationError(
            f"an e-Warong named {warong.name!r} already exists in {place or 'this area'}; "
            "open that one or use a different name",
            id=f"sudah ada e-Warong bernama {warong.name!r} di {place or 'wilayah ini'}; buka "
               "e-Warong itu dari daftar, atau pakai nama lain")


def create_warong(session: Session, fields: WarongFields, *,
                  advisor_id: uuid.UUID | None = None) -> WarongInfo:
    """Add an e-Warong (and assign it to ``advisor_id`` if given)."""
    warong = Warong(id=uuid.uuid4())
    _apply(session, warong, fields)
    session.add(warong)
    if advisor_id is not None:
        session.add(Assignment(advisor_id=advisor_id, warong_id=warong.id))
    session.flush()
    return _info(warong)


def update_warong(session: Session, warong_id: uuid.UUID, fields: WarongFields) -> WarongInfo:
    warong = _get(session, warong_id)
    _apply(session, warong, fields)
    session.flush()
    return _info(warong)


def _get(session: Session, warong_id: uuid.UUID | str) -> Warong:
    warong = session.get(Warong, v.record_id(warong_id, v.WARONG))
    if warong is None:
        raise v.not_found(v.WARONG, warong_id)
    return warong


def get_warong(session: Session, warong_id: uuid.UUID | str) -> WarongInfo:
    return _info(_get(session, warong_id))


def _filtered(query, *, search: str = "", kecamatan: str | None = None,  # type: ignore[no-untyped-def]
              kabupaten: str | None = None, advisor_id: uuid.UUID | None = None):
    term = search.strip()
    if term:
        pattern = f"%{term}%"
        query = query.where(or_(Warong.name.ilike(pattern), Warong.kube_name.ilike(pattern),
                                Warong.kelurahan.ilike(pattern)))
    if kecamatan:
        query = query.where(Warong.kecamatan == kecamatan)
    if kabupaten:
        query = query.where(Warong.kabupaten == kabupaten)
    if advisor_id is not None:
        query = query.join(Assignment, Assignment.warong_id == Warong.id).where(
            Assignment.advisor_id == advisor_id)
    return query


def list_warongs(session: Session, *, search: str = "", kecamatan: str | None = None,
                 kabupaten: str | None = None, advisor_id: uuid.UUID | None = None,
                 limit: int | None = None, offset: int = 0) -> list[WarongInfo]:
    """e-Warongs matching the filters, ordered by name; paging via limit/offset."""
    query = _filtered(select(Warong), search=search, kecamatan=kecamatan, kabupaten=kabupaten,
                      advisor_id=advisor_id)
    query = query.order_by(func.lower(Warong.name), Warong.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [_info(warong) for warong in session.scalars(query)]


def count_warongs(session: Session, *, search: str = "", kecamatan: str | None = None,
                  kabupaten: str | None = None, advisor_id: uuid.UUID | None = None) -> int:
    """How many e-Warongs ``list_warongs`` would return with the same filters and no limit."""
    query = _filtered(select(func.count(Warong.id)), search=search, kecamatan=kecamatan,
                      kabupaten=kabupaten, advisor_id=advisor_id)
    return session.scalar(query) or 0


def list_kecamatan(session: Session) -> list[str]:
    rows = session.scalars(select(Warong.kecamatan).distinct().order_by(Warong.kecamatan))
    return [name for name in rows if name]


def list_kabupaten(session: Session) -> list[str]:
    rows = session.scalars(select(Warong.kabupaten).distinct().order_by(Warong.kabupaten))
    return [name for name in rows if name]


def delete_warong(session: Session, warong_id: uuid.UUID | str) -> None:
    """Delete an e-Warong entered by mistake; refused once it has assessments."""
    delete_unassessed(session, _get(session, warong_id), "warong", Assessment.warong_id,
                      Phrase("an e-Warong", "e-Warong"))
