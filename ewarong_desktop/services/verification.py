"""A coordinator's verification of a final assessment, kept beside the advisor's own levels.

The coordinator goes through the cells; where they agree nothing is stored, where they
do not they give a verified level (or "not applicable") and a comment. Then the
assessment is marked verified, or returned to the advisor with a reason, which reopens it
as a draft. The advisor's levels are never changed by a verification.

Every verification, return and later change is written to the assessment's audit trail,
cell by cell when a verification is changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..db.models import (
    STATUS_DRAFT,
    STATUS_FINAL,
    Assessment,
    AuditEntry,
    Coordinator,
    Rating,
    Verification,
    VerificationConflict,
    VerifiedCell,
    Warong,
    utcnow,
)
from ..errors import Phrase, ValidationError
from . import access
from . import validation as v
from .assessments import CELL_CODES, _audit_time

VERIFIED = "verified"
RETURNED = "returned"
COMMENT = Phrase("Comment", "Komentar")


class VerificationError(ValidationError):
    """A verification that cannot be recorded as asked (a draft, a level off the scale...)."""


@dataclass(frozen=True)
class CellVerdict:
    """The coordinator's view of one cell: a level 0-4 or not applicable, and a comment."""

    cell_code: str
    level: int | None = None
    not_applicable: bool = False
    comment: str = ""

    def describe(self) -> str:
        if self.not_applicable:
            return "N/A"
        return "-" if self.level is None else str(self.level)


@dataclass(frozen=True)
class VerificationInfo:
    id: uuid.UUID
    assessment_id: uuid.UUID
    status: str
    coordinator_id: uuid.UUID
    coordinator_name: str
    at: datetime
    comment: str
    #: Cells where the coordinator gave another level or a comment; the rest were agreed.
    cells: dict[str, CellVerdict]
    #: How many cells have a verified level other than the advisor's.
    cells_changed: int
    #: The advisor finalised the assessment again after this verification: look again.
    outdated: bool = False

    @property
    def is_verified(self) -> bool:
        return self.status == VERIFIED

    def as_json(self) -> dict:
        """The object ``list assessments --json`` prints."""
        return {"status": self.status, "by": self.coordinator_name,
                "at": self.at.isoformat(), "cells_changed": self.cells_changed,
                "outdated": self.outdated}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite keeps no zone: UTC


def _self_levels(session: Session, assessment_id: uuid.UUID) -> dict[str, tuple[int | None, bool]]:
    rows = session.execute(select(Rating.cell_code, Rating.level, Rating.not_applicable)
                           .where(Rating.assessment_id == assessment_id))
    return {code: (level, bool(na)) for code, level, na in rows}


def infos_for(session: Session, assessment_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, VerificationInfo]:
    """The verifications of these assessments (those that have one), for lists and profiles.

    Two queries per 500 assessments, whatever the number of verifications.
    """
    ids = list(assessment_ids)
    result: dict[uuid.UUID, VerificationInfo] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = session.execute(
            select(Verification.id, Verification.assessment_id, Verification.status,
                   Verification.coordinator_id, Coordinator.name, Verification.at,
                   Verification.comment, Assessment.finalised_at)
            .join(Coordinator, Coordinator.id == Verification.coordinator_id)
            .join(Assessment, Assessment.id == Verification.assessment_id)
            .where(Verification.assessment_id.in_(chunk))).all()
        cells: dict[uuid.UUID, dict[str, CellVerdict]] = {row[0]: {} for row in rows}
        changed: dict[uuid.UUID, int] = dict.fromkeys(cells, 0)
        for verification_id, code, level, na, comment, own_level, own_na in session.execute(
                select(VerifiedCell.verification_id, VerifiedCell.cell_code, VerifiedCell.level,
                       VerifiedCell.not_applicable, VerifiedCell.comment, Rating.level,
                       Rating.not_applicable)
                .join(Verification, Verification.id == VerifiedCell.verification_id)
                .outerjoin(Rating, and_(Rating.assessment_id == Verification.assessment_id,
                                        Rating.cell_code == VerifiedCell.cell_code))
                .where(Verification.assessment_id.in_(chunk))):
            cells[verification_id][code] = CellVerdict(code, level, bool(na), comment or "")
            if (level, bool(na)) != (own_level, bool(own_na)):
                changed[verification_id] += 1
        for (verification_id, assessment_id, status, coordinator_id, name, at, comment,
             finalised_at) in rows:
            at = _aware(at)
            outdated = (status == VERIFIED and finalised_at is not None
                        and _aware(finalised_at) > at)
            result[assessment_id] = VerificationInfo(
                verification_id, assessment_id, status, coordinator_id, name, at, comment or "",
                dict(sorted(cells[verification_id].items())), changed[verification_id], outdated)
    return result


def get_verification(database: Database, assessment_id: uuid.UUID | str) -> VerificationInfo | None:
    """The assessment's verification, or None when no coordinator has looked at it yet."""
    key = v.record_id(assessment_id, v.ASSESSMENT)
    with database.reading() as session:
        return infos_for(session, [key]).get(key)


def _check_verdict(verdict: CellVerdict) -> CellVerdict:
    if verdict.cell_code not in CELL_CODES:
        raise v.unknown_cell(verdict.cell_code)
    level = verdict.level
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)
                              or not 0 <= level <= 4):
        raise VerificationError(
            f"verified level {level!r} in cell {verdict.cell_code} is outside the scale; "
            "choose 0, 1, 2, 3 or 4 (or not applicable)",
            id=f"tingkat terverifikasi {level!r} pada sel {verdict.cell_code} di luar skala; "
               "pilih 0, 1, 2, 3 atau 4 (atau tidak berlaku)")
    if level is not None and verdict.not_applicable:
        raise VerificationError(
            f"cell {verdict.cell_code} is either given a level or not applicable, not both",
            id=f"sel {verdict.cell_code} diberi tingkat atau tidak berlaku, tidak keduanya")
    if level is None and not verdict.not_applicable:
        raise VerificationError(
            f"cell {verdict.cell_code} has no verified level; give 0-4, not applicable, or "
            "leave the cell out to agree with the advisor",
            id=f"sel {verdict.cell_code} belum diberi tingkat terverifikasi; isi 0-4, tidak "
               "berlaku, atau lewati sel itu bila setuju dengan pendamping")
    return CellVerdict(verdict.cell_code, level, verdict.not_applicable,
                       v.long_text(verdict.comment, COMMENT).strip())


def _load_in_scope(session: Session, actor: access.Actor, assessment_id: uuid.UUID | str
                   ) -> tuple[Assessment, Verification | None]:
    key = v.record_id(assessment_id, v.ASSESSMENT)
    row = session.execute(select(Assessment, Warong.kabupaten)
                          .join(Warong, Warong.id == Assessment.warong_id)
                          .where(Assessment.id == key)).one_or_none()
    if row is None:
        raise v.not_found(v.ASSESSMENT, assessment_id)
    assessment, kabupaten = row
    access.require_scope(actor, kabupaten)
    existing = session.scalar(select(Verification).where(Verification.assessment_id == key))
    return assessment, existing


def _audit(session: Session, assessment_id: uuid.UUID, actor: access.Actor, action: str, *,
           cell_code: str | None = None, old: str | None = None, new: str | None = None,
           reason: str | None = None) -> None:
    session.add(AuditEntry(id=uuid.uuid4(), assessment_id=assessment_id, coordinator_id=actor.id,
                           at=_audit_time(session.connection(), assessment_id, utcnow()),
                           action=action, cell_code=cell_code, old_value=old, new_value=new,
                           reason=reason))
    session.flush()


def verify(database: Database, actor: access.Actor | None, assessment_id: uuid.UUID | str,
           cells: Iterable[CellVerdict] = (), comment: str = "") -> VerificationInfo:
    """Mark a final assessment verified, with the cells where the coordinator's level differs.

    A cell given with the advisor's own level and no comment counts as agreed and is not
    stored. Verifying again replaces the earlier verification; each changed cell goes
    into the audit trail. Refused, with nothing saved: not a coordinator, outside the
    coordinator's region, a draft, a level off the scale.
    """
    coordinator = access.require_coordinator(actor, Phrase("verify an assessment",
                                                           "memverifikasi penilaian"))
    verdicts = [_check_verdict(c) for c in cells]
    if len({c.cell_code for c in verdicts}) != len(verdicts):
        raise VerificationError("a cell is given twice; give each cell once",
                                id="sebuah sel diisi dua kali; isi setiap sel satu kali")
    note = v.long_text(comment, COMMENT).strip()
    with database.session() as session:
        assessment, existing = _load_in_scope(session, coordinator, assessment_id)
        if assessment.status != STATUS_FINAL:
            raise VerificationError(
                "this assessment is still a draft; the advisor must finalise it before it can "
                "be verified",
                id="penilaian ini masih draf; pendamping harus memfinalkannya sebelum dapat "
                   "diverifikasi")
        own = _self_levels(session, assessment.id)
        kept = {c.cell_code: c for c in verdicts
                if c.comment or (c.level, c.not_applicable) != own.get(c.cell_code, (None, False))}
        now = utcnow()
        if existing is None:
            existing = Verification(id=uuid.uuid4(), assessment_id=assessment.id,
                                    coordinator_id=coordinator.id, status=VERIFIED,
                                    comment=note, at=now)
            session.add(existing)
            _audit(session, assessment.id, coordinator, "verify", reason=note or None)
        else:
            before = {c.cell_code: c for c in existing.cells}
            for code in sorted(set(before) | set(kept)):
                old = before.get(code)
                new = kept.get(code)
                own_level, own_na = own.get(code, (None, False))
                agreed = CellVerdict(code, own_level, own_na)
                old_v = CellVerdict(code, old.level, bool(old.not_applicable), old.comment) \
                    if old else agreed
                new_v = new or agreed
                if (old_v.level, old_v.not_applicable) != (new_v.level, new_v.not_applicable):
                    _audit(session, assessment.id, coordinator, "verify_cell", cell_code=code,
                           old=old_v.describe(), new=new_v.describe())
                if old_v.comment != new_v.comment:
                    _audit(session, assessment.id, coordinator, "verify_comment", cell_code=code,
                           old=old_v.comment, new=new_v.comment)
            for old in list(existing.cells):
                session.delete(old)
            session.flush()
            _audit(session, assessment.id, coordinator, "reverify",
                   old=existing.status, new=VERIFIED, reason=note or None)
            existing.coordinator_id = coordinator.id
            existing.status = VERIFIED
            existing.comment = note
            existing.at = now
            existing.updated_at = now
        for verdict in kept.values():
            session.add(VerifiedCell(id=uuid.uuid4(), verification_id=existing.id,
                                     cell_code=verdict.cell_code, level=verdict.level,
                                     not_applicable=verdict.not_applicable,
                                     comment=verdict.comment))
        session.flush()
        session.expire(existing)
        return infos_for(session, [assessment.id])[assessment.id]


def return_to_advisor(database: Database, actor: access.Actor | None,
                      assessment_id: uuid.UUID | str, reason: str) -> VerificationInfo:
    """Send a final assessment back to its advisor with a reason; it becomes a draft again."""
    coordinator = access.require_coordinator(actor, Phrase("return an assessment",
                                                           "mengembalikan penilaian"))
    reason_text = v.required_text(reason, v.REASON, 1000)
    with database.session() as session:
        assessment, existing = _load_in_scope(session, coordinator, assessment_id)
        if assessment.status != STATUS_FINAL:
            raise VerificationError(
                "this assessment is a draft already; only a final assessment can be returned",
                id="penilaian ini sudah berupa draf; hanya penilaian final yang dapat dikembalikan")
        now = utcnow()
        if existing is None:
            existing = Verification(id=uuid.uuid4(), assessment_id=assessment.id,
                                    coordinator_id=coordinator.id, status=RETURNED,
                                    comment=reason_text, at=now)
            session.add(existing)
        else:
            existing.coordinator_id = coordinator.id
            existing.status = RETURNED
            existing.comment = reason_text
            existing.at = now
            existing.updated_at = now
        assessment.status = STATUS_DRAFT
        assessment.updated_at = now
        session.flush()
        _audit(session, assessment.id, coordinator, "return", reason=reason_text)
        return infos_for(session, [assessment.id])[assessment.id]


# --- two verifications of one assessment that arrived from two laptops ----------------------

KEEP_LOCAL = "local"
KEEP_INCOMING = "incoming"
VERIFICATION_CONFLICT = Phrase("verification conflict", "konflik verifikasi")


@dataclass(frozen=True)
class VerificationConflictInfo:
    id: uuid.UUID
    assessment_id: uuid.UUID
    local: VerificationInfo | None
    incoming_status: str
    incoming_coordinator_id: uuid.UUID
    incoming_at: datetime
    incoming_comment: str
    incoming_cells: dict[str, CellVerdict]
    source_file: str | None
    resolved_at: datetime | None
    resolution: str | None


def _conflict_info(session: Session, row: VerificationConflict) -> VerificationConflictInfo:
    incoming = row.incoming["verification"]
    cells = {c["cell_code"]: CellVerdict(c["cell_code"], c["level"], bool(c["not_applicable"]),
                                         c["comment"] or "")
             for c in row.incoming["cells"]}
    return VerificationConflictInfo(
        row.id, row.assessment_id, infos_for(session, [row.assessment_id]).get(row.assessment_id),
        incoming["status"], uuid.UUID(incoming["coordinator_id"]),
        datetime.fromisoformat(incoming["at"]), incoming["comment"] or "",
        dict(sorted(cells.items())), row.source_file, row.resolved_at, row.resolution)


def list_conflicts(database: Database, *, include_resolved: bool = False
                   ) -> list[VerificationConflictInfo]:
    """Verifications that arrived while a different one of the same assessment was here."""
    with database.reading() as session:
        query = select(VerificationConflict).order_by(VerificationConflict.detected_at)
        if not include_resolved:
            query = query.where(VerificationConflict.resolved_at.is_(None))
        return [_conflict_info(session, row) for row in session.scalars(query)]


def resolve_conflict(database: Database, actor: access.Actor | None,
                     conflict_id: uuid.UUID | str, keep: str) -> VerificationInfo | None:
    """Keep the verification here (``keep="local"``) or the one that arrived; a coordinator
    of the region chooses, and the choice goes into the assessment's audit trail."""
    coordinator = access.require_coordinator(actor, Phrase("resolve a verification conflict",
                                                           "menyelesaikan konflik verifikasi"))
    if keep not in (KEEP_LOCAL, KEEP_INCOMING):
        raise ValidationError(f"keep {keep!r}? choose 'local' or 'incoming'",
                              id=f"simpan {keep!r}? pilih 'local' atau 'incoming'")
    with database.session() as session:
        row = session.get(VerificationConflict, v.record_id(conflict_id, VERIFICATION_CONFLICT))
        if row is None:
            raise v.not_found(VERIFICATION_CONFLICT, conflict_id)
        if row.resolved_at is not None:
            raise ValidationError("this conflict was already resolved; nothing was changed",
                                  id="konflik ini sudah diselesaikan; tidak ada yang diubah")
        _load_in_scope(session, coordinator, row.assessment_id)
        if keep == KEEP_INCOMING:
            incoming = row.incoming["verification"]
            existing = session.scalar(select(Verification).where(
                Verification.assessment_id == row.assessment_id))
            if existing is not None:
                session.delete(existing)
                session.flush()
            verification_id = uuid.UUID(incoming["id"])
            session.add(Verification(
                id=verification_id, assessment_id=row.assessment_id,
                coordinator_id=uuid.UUID(incoming["coordinator_id"]), status=incoming["status"],
                comment=incoming["comment"] or "", at=datetime.fromisoformat(incoming["at"]),
                created_at=datetime.fromisoformat(incoming["created_at"]),
                updated_at=utcnow()))
            for cell in row.incoming["cells"]:
                session.add(VerifiedCell(id=uuid.UUID(cell["id"]), verification_id=verification_id,
                                         cell_code=cell["cell_code"], level=cell["level"],
                                         not_applicable=bool(cell["not_applicable"]),
                                         comment=cell["comment"] or ""))
        row.resolved_at = utcnow()
        row.resolution = f"kept_{keep}"
        row.resolved_by = coordinator.id
        session.flush()
        _audit(session, row.assessment_id, coordinator, f"verify_conflict_kept_{keep}")
        return infos_for(session, [row.assessment_id]).get(row.assessment_id)
