"""Self-assessments: start, rate a cell, finalise, reopen, list.

Each call is one small unit of work; the GUI autosaves every rating through
``set_rating`` so nothing typed waits for a "Save" button.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, case, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..db.models import (
    STATUS_DRAFT,
    STATUS_FINAL,
    Advisor,
    Assessment,
    Assignment,
    AuditEntry,
    Coordinator,
    Rating,
    Warong,
    utcnow,
    whole_sum,
)
from ..errors import IncompleteAssessmentError, InstrumentError, ValidationError
from ..instrument import DEFAULT_VERSION, LEVELS, all_cell_codes, load_instrument
from . import validation as v

CELL_CODES = frozenset(all_cell_codes())
TOTAL_CELLS = len(CELL_CODES)


@dataclass(frozen=True)
class RatingValue:
    """One cell's answer: a level 0-4, "not applicable", or nothing yet; plus a note."""

    cell_code: str
    level: int | None = None
    not_applicable: bool = False
    note: str = ""

    @property
    def answered(self) -> bool:
        return self.level is not None or self.not_applicable

    def describe(self) -> str:
        """As shown in the audit trail."""
        if self.not_applicable:
            return "N/A"
        return "-" if self.level is None else str(self.level)


@dataclass(frozen=True)
class AssessmentSummary:
    id: uuid.UUID
    advisor_id: uuid.UUID
    advisor_name: str
    advisor_type: str
    warong_id: uuid.UUID
    warong_name: str
    kube_name: str | None
    kelurahan: str
    kecamatan: str
    kabupaten: str
    period: str
    status: str
    instrument_version: str
    answered: int
    finalised_at: datetime | None
    updated_at: datetime

    total: int = TOTAL_CELLS

    @property
    def is_final(self) -> bool:
        return self.status == STATUS_FINAL

    @property
    def completeness(self) -> float:
        return self.answered / self.total


@dataclass(frozen=True)
class AssessmentDetail:
    summary: AssessmentSummary
    ratings: dict[str, RatingValue]  # every cell code, answered or not

    @property
    def unrated_cells(self) -> list[str]:
        return [code for code, rating in self.ratings.items() if not rating.answered]


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    advisor_name: str | None
    action: str
    cell_code: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


_ANSWERED = whole_sum(
    case((and_(Rating.id.is_not(None), (Rating.level.is_not(None)) | Rating.not_applicable), 1), else_=0)
)


def _summary_query():  # type: ignore[no-untyped-def]
    return (
        select(
            Assessment.id, Assessment.advisor_id, Advisor.name, Advisor.advisor_type,
            Assessment.warong_id, Warong.name, Warong.kube_name, Warong.kelurahan,
            Warong.kecamatan, Warong.kabupaten, Assessment.period, Assessment.status,
            Assessment.instrument_version, func.coalesce(_ANSWERED, 0),
            Assessment.finalised_at, Assessment.updated_at,
        )
        .join(Advisor, Advisor.id == Assessment.advisor_id)
        .join(Warong, Warong.id == Assessment.warong_id)
        .outerjoin(Rating, Rating.assessment_id == Assessment.id)
        .group_by(Assessment.id, Advisor.id, Warong.id)
    )


def list_assessments(session: Session, *, warong_id: uuid.UUID | None = None,
                     advisor_id: uuid.UUID | None = None, period: str | None = None,
                     status: str | None = None, kabupaten: str | None = None,
                     kecamatan: str | None = None, advisor_type: str | None = None,
                     limit: int | None = None, offset: int = 0,
                     scope: frozenset[str] | None = None) -> list[AssessmentSummary]:
    """Assessments matching the filters, newest period first, with their completeness.

    ``scope`` limits them to a coordinator's kabupaten/kota (see ``coordinators.scope_for``).
    """
    query = _summary_query()
    if warong_id is not None:
        query = query.where(Assessment.warong_id == warong_id)
    if advisor_id is not None:
        query = query.where(Assessment.advisor_id == advisor_id)
    if period:
        query = query.where(Assessment.period == v.period(period))
    if status:
        query = query.where(Assessment.status == status)
    if kabupaten:
        query = query.where(Warong.kabupaten == kabupaten)
    if kecamatan:
        query = query.where(Warong.kecamatan == kecamatan)
    if advisor_type:
        query = query.where(Advisor.advisor_type == advisor_type)
    if scope is not None:
        query = query.where(Warong.kabupaten.in_(sorted(scope)))
    query = query.order_by(Assessment.period.desc(), Warong.name, Advisor.name).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [AssessmentSummary(*row) for row in session.execute(query)]


def get_summary(session: Session, assessment_id: uuid.UUID | str) -> AssessmentSummary:
    key = v.record_id(assessment_id, v.ASSESSMENT)
    row = session.execute(_summary_query().where(Assessment.id == key)).one_or_none()
    if row is None:
        raise v.not_found(v.ASSESSMENT, assessment_id)
    return AssessmentSummary(*row)


def get_detail(session: Session, assessment_id: uuid.UUID | str) -> AssessmentDetail:
    """The assessment with a RatingValue for every one of the 32 cells."""
    summary = get_summary(session, assessment_id)
    ratings = {code: RatingValue(code) for code in all_cell_codes()}
    rows = session.execute(
        select(Rating.cell_code, Rating.level, Rating.not_applicable, Rating.note)
        .where(Rating.assessment_id == summary.id)
    )
    for code, level, not_applicable, note in rows:
        ratings[code] = RatingValue(code, level, bool(not_applicable), note or "")
    return AssessmentDetail(summary, ratings)


def _get(session: Session, assessment_id: uuid.UUID | str) -> Assessment:
    assessment = session.get(Assessment, v.record_id(assessment_id, v.ASSESSMENT))
    if assessment is None:
        raise v.not_found(v.ASSESSMENT, assessment_id)
    return assessment


def find_assessment(session: Session, advisor_id: uuid.UUID, warong_id: uuid.UUID,
                    period: str) -> uuid.UUID | None:
    return session.scalar(select(Assessment.id).where(
        Assessment.advisor_id == advisor_id, Assessment.warong_id == warong_id,
        Assessment.period == v.period(period)))


def previous_assessment_id(session: Session, assessment_id: uuid.UUID) -> uuid.UUID | None:
    """The same advisor's assessment of the same e-Warong in the latest earlier period."""
    current = _get(session, assessment_id)
    return session.scalar(
        select(Assessment.id)
        .where(Assessment.advisor_id == current.advisor_id,
               Assessment.warong_id == current.warong_id,
               Assessment.period < current.period)
        .order_by(Assessment.period.desc())
        .limit(1)
    )


def previous_answers(session: Session, assessment_id: uuid.UUID) -> dict[str, RatingValue]:
    """The cells (level, not applicable or a note) the same advisor gave this e-Warong in the
    latest earlier period: what the form offers as "dari semester lalu" until confirmed."""
    previous_id = previous_assessment_id(session, assessment_id)
    if previous_id is None:
        return {}
    return {code: rating for code, rating in get_detail(session, previous_id).ratings.items()
            if rating.answered}


def start_assessment(session: Session, advisor_id: uuid.UUID, warong_id: uuid.UUID, period: str,
                     *, prefill_from_previous: bool = False,
                     instrument_version: str = DEFAULT_VERSION) -> AssessmentSummary:
    """Create a draft assessment; optionally copy levels and notes from the previous period."""
    period = v.period(period)
    if session.get(Advisor, advisor_id) is None:
        raise v.not_found(v.ADVISOR, advisor_id)
    if session.get(Warong, warong_id) is None:
        raise v.not_found(v.WARONG, warong_id)
    if find_assessment(session, advisor_id, warong_id, period) is not None:
        raise ValidationError(
            f"an assessment for {period} already exists for this advisor and e-Warong; open it",
            id=f"penilaian periode {period} untuk pendamping dan e-Warong ini sudah ada; "
               "buka penilaian itu")
    assessment = Assessment(id=uuid.uuid4(), advisor_id=advisor_id, warong_id=warong_id,
                            period=period, instrument_version=instrument_version,
                            status=STATUS_DRAFT)
    session.add(assessment)
    if session.get(Assignment, (advisor_id, warong_id)) is None:
        session.add(Assignment(advisor_id=advisor_id, warong_id=warong_id))
    session.flush()
    if prefill_from_previous:
        previous_id = previous_assessment_id(session, assessment.id)
        if previous_id is not None:
            for rating in get_detail(session, previous_id).ratings.values():
                if rating.answered or rating.note:
                    session.add(Rating(assessment_id=assessment.id, cell_code=rating.cell_code,
                                       level=rating.level, not_applicable=rating.not_applicable,
                                       note=rating.note))
            session.flush()
    # Cells the instrument marks not applicable for this advisor type (TKSK 4.2.3: the
    # study finds TKSK play no part there) start that way; the advisor can still rate them.
    advisor_type = session.get(Advisor, advisor_id).advisor_type  # type: ignore[union-attr]
    prefilled = {code for (code,) in session.execute(
        select(Rating.cell_code).where(Rating.assessment_id == assessment.id))}
    try:
        instrument = load_instrument(instrument_version)
    except InstrumentError:  # an edition this program does not have: no defaults to apply
        instrument = load_instrument()
    for code in instrument.not_applicable_by_default.get(advisor_type, ()):
        if code not in prefilled:
            session.add(Rating(assessment_id=assessment.id, cell_code=code, level=None,
                               not_applicable=True, note=""))
    session.flush()
    return get_summary(session, assessment.id)


def _check_editable(advisor_id: uuid.UUID, status: str, editor_id: uuid.UUID | None) -> None:
    if editor_id is not None and editor_id != advisor_id:
        raise ValidationError("only the advisor who made this assessment can change it",
                              id="hanya pendamping yang membuat penilaian ini yang dapat mengubahnya")
    if status == STATUS_FINAL:
        raise ValidationError("this assessment is final; reopen it (with a reason) to change it",
                              id="penilaian ini sudah final; buka kembali (dengan alasan) untuk "
                                 "mengubahnya")


_ASSESSMENTS = cast(Table, Assessment.__table__)
_RATINGS = cast(Table, Rating.__table__)
_AUDIT = cast(Table, AuditEntry.__table__)
# The autosave statements are built once: constructing a statement costs more than running it.
_LOAD_FOR_RATING = (
    select(_ASSESSMENTS.c.advisor_id, _ASSESSMENTS.c.status, _ASSESSMENTS.c.finalised_at,
           _RATINGS.c.id, _RATINGS.c.level, _RATINGS.c.not_applicable, _RATINGS.c.note)
    .select_from(_ASSESSMENTS.outerjoin(
        _RATINGS, and_(_RATINGS.c.assessment_id == _ASSESSMENTS.c.id,
                       _RATINGS.c.cell_code == bindparam("cell"))))
    .where(_ASSESSMENTS.c.id == bindparam("assessment"))
)
# On a server, two people saving the same assessment queue on this lock, taken before the
# rating is read: a FOR UPDATE on the join itself would, after waiting, recheck only the
# assessment row and still see the rating as it was before the other save (PostgreSQL's
# READ COMMITTED), so "unchanged" could be judged on a stale level. SQLite's BEGIN IMMEDIATE
# already queues writers.
_LOCK_ASSESSMENT = (select(_ASSESSMENTS.c.id).where(_ASSESSMENTS.c.id == bindparam("assessment"))
                    .with_for_update())
_SAVED_COLUMNS = ("level", "not_applicable", "note", "updated_at")
_UPSERTS: dict[str, Any] = {}
_TOUCH_ASSESSMENT = _ASSESSMENTS.update().where(_ASSESSMENTS.c.id == bindparam("assessment"))
_LAST_AUDIT = select(func.max(_AUDIT.c.at)).where(_AUDIT.c.assessment_id == bindparam("assessment"))


def _upsert_rating(dialect: str) -> Any:
    """``INSERT ... ON CONFLICT (assessment_id, cell_code) DO UPDATE``, built once per dialect.

    Two people (or two windows) saving the same cell at once never fail on the unique
    constraint: whoever commits last wins, as with a plain UPDATE.
    """
    statement = _UPSERTS.get(dialect)
    if statement is None:
        make_insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        insert = make_insert(_RATINGS)
        statement = insert.on_conflict_do_update(
            index_elements=[_RATINGS.c.assessment_id, _RATINGS.c.cell_code],
            set_={name: insert.excluded[name] for name in _SAVED_COLUMNS})
        _UPSERTS[dialect] = statement
    return statement


def _audit_time(connection: Connection, assessment_id: uuid.UUID, now: datetime) -> datetime:
    """``now``, or just after the assessment's latest audit entry if the clock has not passed it.

    The trail is ordered by time: two entries of one save, or a reopen and a change within
    one tick of a coarse clock (about 15 ms on Windows), must not come out shuffled.
    """
    last = connection.execute(_LAST_AUDIT, {"assessment": assessment_id}).scalar()
    if last is None:
        return now
    last = last if last.tzinfo else last.replace(tzinfo=UTC)  # SQLite keeps no zone: UTC
    return now if now > last else last + timedelta(microseconds=1)


def set_rating(session: Session, assessment_id: uuid.UUID, cell_code: str,
               level: int | None = None, *, not_applicable: bool = False,
               note: str | None = None, editor_id: uuid.UUID | None = None) -> RatingValue:
    """Save one cell: a level 0-4, not applicable, or cleared (level None); ``note=None`` keeps the note.

    After an assessment has once been finalised, every change is written to the audit trail.
    This is the autosave path, run on every key press in the form, so it runs three
    prepared Core statements rather than loading ORM objects.
    """
    if cell_code not in CELL_CODES:
        raise v.unknown_cell(cell_code)
    if level is not None:
        if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
            raise ValidationError(f"level {level!r} is outside the scale; choose 0, 1, 2, 3 or 4",
                                  id=f"tingkat {level!r} di luar skala; pilih 0, 1, 2, 3 atau 4")
        if not_applicable:
            raise ValidationError("a cell is either rated 0-4 or not applicable, not both",
                                  id="sebuah sel diberi nilai 0-4 atau ditandai tidak berlaku, "
                                     "tidak keduanya")
    key = v.record_id(assessment_id, v.ASSESSMENT)
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        connection.execute(_LOCK_ASSESSMENT, {"assessment": key})
    row = connection.execute(_LOAD_FOR_RATING, {"cell": cell_code, "assessment": key}).one_or_none()
    if row is None:
        raise v.not_found(v.ASSESSMENT, assessment_id)
    owner, status, finalised_at, rating_id, old_level, old_na, old_note = row
    _check_editable(owner, status, editor_id)
    old = RatingValue(cell_code) if rating_id is None else RatingValue(
        cell_code, old_level, bool(old_na), old_note or "")
    new = RatingValue(cell_code, level, not_applicable,
                      old.note if note is None else v.long_text(note, v.NOTE))
    if new == old:
        return new
    now = utcnow()
    connection.execute(_upsert_rating(connection.dialect.name), {
        "id": uuid.uuid4(), "assessment_id": key, "cell_code": cell_code, "level": new.level,
        "not_applicable": new.not_applicable, "note": new.note, "updated_at": now})
    connection.execute(_TOUCH_ASSESSMENT, {"assessment": key, "updated_at": now})
    if finalised_at is not None:
        changes = []
        if (old.level, old.not_applicable) != (new.level, new.not_applicable):
            changes.append(("rating", old.describe(), new.describe()))
        if old.note != new.note:
            changes.append(("note", old.note, new.note))
        for action, before, after in changes:
            connection.execute(_AUDIT.insert(), {
                "id": uuid.uuid4(), "assessment_id": key,
                "at": _audit_time(connection, key, now), "advisor_id": editor_id or owner,
                "action": action, "cell_code": cell_code, "old_value": before, "new_value": after})
    return new


def finalise(session: Session, assessment_id: uuid.UUID, *,
             editor_id: uuid.UUID | None = None) -> AssessmentSummary:
    """Mark the assessment final; refused, listing the cells, while any cell is unrated."""
    assessment = _get(session, assessment_id)
    _check_editable(assessment.advisor_id, assessment.status, editor_id)
    missing = get_detail(session, assessment.id).unrated_cells
    if missing:
        raise IncompleteAssessmentError(missing)
    refinalise = assessment.finalised_at is not None
    assessment.status = STATUS_FINAL
    assessment.finalised_at = utcnow()
    session.add(AuditEntry(assessment_id=assessment.id,
                           advisor_id=editor_id or assessment.advisor_id,
                           at=_audit_time(session.connection(), assessment.id, utcnow()),
                           action="refinalise" if refinalise else "finalise"))
    session.flush()
    return get_summary(session, assessment.id)


def reopen(session: Session, assessment_id: uuid.UUID, reason: str, *,
           editor_id: uuid.UUID | None = None) -> AssessmentSummary:
    """Turn a final assessment back into a draft; the reason is kept in the audit trail."""
    assessment = _get(session, assessment_id)
    if editor_id is not None and editor_id != assessment.advisor_id:
        raise ValidationError("only the advisor who made this assessment can reopen it",
                              id="hanya pendamping yang membuat penilaian ini yang dapat "
                                 "membukanya kembali")
    if assessment.status != STATUS_FINAL:
        raise ValidationError("this assessment is still a draft; there is nothing to reopen",
                              id="penilaian ini masih draf; tidak ada yang perlu dibuka kembali")
    reason_text = v.required_text(reason, v.REASON, 1000)
    assessment.status = STATUS_DRAFT
    assessment.updated_at = utcnow()
    session.add(AuditEntry(assessment_id=assessment.id,
                           advisor_id=editor_id or assessment.advisor_id,
                           at=_audit_time(session.connection(), assessment.id, utcnow()),
                           action="reopen", reason=reason_text))
    session.flush()
    return get_summary(session, assessment.id)


def audit_trail(session: Session, assessment_id: uuid.UUID) -> list[AuditRecord]:
    """Changes recorded for the assessment, oldest first (by an advisor or a coordinator)."""
    rows = session.execute(
        select(AuditEntry.at, func.coalesce(Advisor.name, Coordinator.name), AuditEntry.action,
               AuditEntry.cell_code, AuditEntry.old_value, AuditEntry.new_value, AuditEntry.reason)
        .outerjoin(Advisor, Advisor.id == AuditEntry.advisor_id)
        .outerjoin(Coordinator, Coordinator.id == AuditEntry.coordinator_id)
        .where(AuditEntry.assessment_id == v.record_id(assessment_id, v.ASSESSMENT))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [AuditRecord(*row) for row in rows]


def list_periods(session: Session) -> list[str]:
    return list(session.scalars(select(Assessment.period).distinct().order_by(Assessment.period.desc())))
