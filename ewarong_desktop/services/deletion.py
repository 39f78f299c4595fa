"""Deleting an advisor or e-Warong entered by mistake, so that the deletion travels too."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Advisor, Assessment, Tombstone, Warong, utcnow
from ..errors import Phrase, ValidationError


def delete_unassessed(session: Session, record: Advisor | Warong, kind: str,
                      assessment_column: Any, what: Phrase) -> None:
    """Delete ``record`` unless assessments refer to it (those must never lose their parent).

    A tombstone is kept so the deletion reaches other laptops with the next export.
    """
    count = session.scalar(select(func.count()).select_from(Assessment)
                           .where(assessment_column == record.id))
    if count:
        raise ValidationError(f"{record.name} has {count} assessment(s); {what.en} with "
                              "assessments cannot be deleted",
                              id=f"{record.name} sudah punya {count} penilaian; {what.id} yang "
                                 "sudah dinilai tidak dapat dihapus")
    session.delete(record)
    session.merge(Tombstone(kind=kind, record_id=record.id, deleted_at=utcnow()))
    session.flush()
