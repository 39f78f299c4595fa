"""Advisors (Pendamping PKH, TKSK, other) and which e-Warong each accompanies."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import ADVISOR_TYPES, Advisor, Assessment, Assignment, Warong
from ..errors import Phrase
from . import validation as v
from .deletion import delete_unassessed


@dataclass(frozen=True)
class AdvisorInfo:
    id: uuid.UUID
    name: str
    advisor_type: str
    staff_number: str | None
    phone: str | None
    kabupaten: str | None
    kecamatan: str | None


def _info(advisor: Advisor) -> AdvisorInfo:
    return AdvisorInfo(
        advisor.id, advisor.name, advisor.advisor_type, advisor.staff_number, advisor.phone,
        advisor.kabupaten, advisor.kecamatan,
    )


def _advisor_type(value: str) -> str:
    code = (value or "").strip().upper()
    if code not in ADVISOR_TYPES:
        raise v.unknown_advisor_type(value)
    return code


def _apply(advisor: Advisor, name: str, advisor_type: str, staff_number: str | None,
           phone: str | None, kabupaten: str | None, kecamatan: str | None) -> None:
    advisor.name = v.required_text(name, v.NAME)
    advisor.advisor_type = _advisor_type(advisor_type)
    advisor.staff_number = v.optional_text(staff_number, v.STAFF_NUMBER, 64)
    advisor.phone = v.optional_text(phone, v.PHONE, 64)
    advisor.kabupaten = v.optional_text(kabupaten, v.KABUPATEN)
    advisor.kecamatan = v.optional_text(kecamatan, v.KECAMATAN)


def create_advisor(session: Session, name: str, advisor_type: str, *, staff_number: str | None = None,
                   phone: str | None = None, kabupaten: str | None = None,
                   kecamatan: str | None = None) -> AdvisorInfo:
    """Add an advisor; raises ValidationError for an empty name or unknown type."""
    advisor = Advisor()
    _apply(advisor, name, advisor_type, staff_number, phone, kabupaten, kecamatan)
    session.add(advisor)
    session.flush()
    return _info(advisor)


def update_advisor(session: Session, advisor_id: uuid.UUID, name: str, advisor_type: str, *,
                   staff_number: str | None = None, phone: str | None = None,
                   kabupaten: str | None = None, kecamatan: str | None = None) -> AdvisorInfo:
    advisor = _get(session, advisor_id)
    _apply(advisor, name, advisor_type, staff_number, phone, kabupaten, kecamatan)
    session.flush()
    return _info(advisor)


def _get(session: Session, advisor_id: uuid.UUID | str) -> Advisor:
    advisor = session.get(Advisor, v.record_id(advisor_id, v.ADVISOR))
    if advisor is None:
        raise v.not_found(v.ADVISOR, advisor_id)
    return advisor


def get_advisor(session: Session, advisor_id: uuid.UUID | str) -> AdvisorInfo:
    return _info(_get(session, advisor_id))


def list_advisors(session: Session) -> list[AdvisorInfo]:
    rows = session.scalars(select(Advisor).order_by(Advisor.name, Advisor.id))
    return [_info(advisor) for advisor in rows]


def list_warong_advisors(session: Session, warong_id: uuid.UUID) -> list[AdvisorInfo]:
    """The advisors who accompany the e-Warong, by name."""
    rows = session.scalars(
        select(Advisor).join(Assignment, Assignment.advisor_id == Advisor.id)
        .where(Assignment.warong_id == warong_id).order_by(Advisor.name, Advisor.id))
    return [_info(advisor) for advisor in rows]


def assign(session: Session, advisor_id: uuid.UUID, warong_id: uuid.UUID) -> None:
    """Record that the advisor accompanies the e-Warong (no-op if already so)."""
    _get(session, advisor_id)
    if session.get(Warong, warong_id) is None:
        raise v.not_found(v.WARONG, warong_id)
    if session.get(Assignment, (advisor_id, warong_id)) is None:
        session.add(Assignment(advisor_id=advisor_id, warong_id=warong_id))
        session.flush()


def unassign(session: Session, advisor_id: uuid.UUID, warong_id: uuid.UUID) -> None:
    assignment = session.get(Assignment, (advisor_id, warong_id))
    if assignment is not None:
        session.delete(assignment)
        session.flush()


def delete_advisor(session: Session, advisor_id: uuid.UUID | str) -> None:
    """Delete an advisor entered by mistake; refused once the advisor has assessments."""
    delete_unassessed(session, _get(session, advisor_id), "advisor", Assessment.advisor_id,
                      Phrase("an advisor", "pendamping"))
