"""Development plans: 2-6 actions agreed after a verification, followed up next semester.

An action says what is to be done, who does it (the advisor, the coordinator or the
Dinas Sosial), by when, and which cells it addresses; it may come from the instrument's
suggested action for an agenda area (``suggestion`` is the area's key, so the Dinas can
count how many advisors need each kind of training). In the next semester the advisor or
the coordinator records each action's follow-up: done, partly done or not done, with a note.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..db.models import (
    FOLLOW_UP_STATUSES,
    PLAN_OWNERS,
    Advisor,
    Assessment,
    Coordinator,
    FollowUp,
    PlanAction,
    Verification,
    Warong,
    utcnow,
)
from ..errors import Phrase, ValidationError
from ..instrument import Instrument, load_instrument
from . import access
from . import validation as v
from .assessments import CELL_CODES

MIN_ACTIONS = 2
MAX_ACTIONS = 6
ACTION_TEXT_MAX = 1000
ACTION = Phrase("Action", "Tindakan")
PLAN_ACTION = Phrase("plan action", "tindakan rencana")
FOLLOW_UP_NOTE = Phrase("Follow-up note", "Catatan tindak lanjut")
OWNER_NAMES = {"advisor": Phrase("advisor", "pendamping"),
               "coordinator": Phrase("coordinator", "koordinator"),
               "dinas": Phrase("Dinas Sosial", "Dinas Sosial")}
FOLLOW_UP_NAMES = {"done": Phrase("done", "selesai"), "partly": Phrase("partly done", "sebagian"),
                   "not_done": Phrase("not done", "belum dilakukan")}


class PlanError(ValidationError):
    """A plan or follow-up that cannot be saved as given."""


@dataclass(frozen=True)
class ActionInput:
    """One action as the coordinator types it."""

    text: str
    owner: str
    due_date: date
    cells: tuple[str, ...] = ()
    suggestion: str | None = None


@dataclass(frozen=True)
class FollowUpInfo:
    status: str
    note: str
    by_name: str | None
    at: datetime


@dataclass(frozen=True)
class ActionInfo:
    id: uuid.UUID
    assessment_id: uuid.UUID
    position: int
    text: str
    suggestion: str | None
    owner: str
    due_date: date
    cells: tuple[str, ...]
    created_by_name: str | None
    follow_up: FollowUpInfo | None = None


@dataclass(frozen=True)
class PlanInfo:
    assessment_id: uuid.UUID
    period: str | None
    actions: list[ActionInfo] = field(default_factory=list)


@dataclass(frozen=True)
class Suggestion:
    """An action the instrument suggests for an agenda area with gaps."""

    key: str
    area: int
    text: str
    cells: tuple[str, ...]
    total_gap: int


def suggestions(gaps: dict[str, int], lang: str = "id",
                instrument: Instrument | None = None) -> list[Suggestion]:
    """The instrument's suggested actions for the areas with the largest gaps, largest first.

    ``gaps`` maps cell codes to how many levels they are below target (use the verified
    level where there is one); cells at or above target are ignored.
    """
    instrument = instrument or load_instrument()
    by_area: dict[int, list[tuple[str, int]]] = {}
    for code, gap in gaps.items():
        if gap > 0 and code in instrument.cells:
            by_area.setdefault(instrument.cells[code].area, []).append((code, gap))
    result = [Suggestion(instrument.area(area).key, area, instrument.area(area).action.get(lang),
                         tuple(sorted(c for c, _ in cells)), sum(g for _, g in cells))
              for area, cells in by_area.items()]
    return sorted(result, key=lambda s: (-s.total_gap, s.area))


def _suggestion_keys() -> set[str]:
    return {area.key for area in load_instrument().areas}


def _check_action(action: ActionInput, today: date) -> ActionInput:
    text = v.required_text(action.text, ACTION, ACTION_TEXT_MAX)
    if action.owner not in PLAN_OWNERS:
        raise PlanError(f"who does the action {action.owner!r} is unknown; choose the advisor, "
                        "the coordinator or the Dinas",
                        id=f"pelaksana tindakan {action.owner!r} tidak dikenal; pilih pendamping, "
                           "koordinator atau Dinas")
    if not isinstance(action.due_date, date):
        raise PlanError("the action has no due date; give the date it should be done by",
                        id="tindakan belum punya tenggat; isi tanggal batas penyelesaiannya")
    if action.due_date < today:
        raise PlanError(
            f"the due date {action.due_date:%Y-%m-%d} is in the past; choose today or a later date",
            id=f"tenggat {action.due_date:%d-%m-%Y} sudah lewat; pilih hari ini atau tanggal "
               "sesudahnya")
    for code in action.cells:
        if code not in CELL_CODES:
            raise v.unknown_cell(code)
    if action.suggestion is not None and action.suggestion not in _suggestion_keys():
        raise PlanError(f"{action.suggestion!r} is not one of the instrument's suggested actions",
                        id=f"{action.suggestion!r} bukan tindakan yang disarankan instrumen")
    return ActionInput(text, action.owner, action.due_date, tuple(sorted(set(action.cells))),
                       action.suggestion)


def _plan(session: Session, assessment_id: uuid.UUID) -> PlanInfo:
    period = session.scalar(select(Assessment.period).where(Assessment.id == assessment_id))
    rows = session.execute(
        select(PlanAction, Coordinator.name)
        .outerjoin(Coordinator, Coordinator.id == PlanAction.created_by)
        .where(PlanAction.assessment_id == assessment_id)
        .order_by(PlanAction.position, PlanAction.id))
    actions = []
    for action, creator in rows:
        follow = session.execute(
            select(FollowUp, Advisor.name, Coordinator.name)
            .outerjoin(Advisor, Advisor.id == FollowUp.by_advisor)
            .outerjoin(Coordinator, Coordinator.id == FollowUp.by_coordinator)
            .where(FollowUp.action_id == action.id)).one_or_none()
        info = None
        if follow is not None:
            record, advisor_name, coordinator_name = follow
            info = FollowUpInfo(record.status, record.note or "", advisor_name or coordinator_name,
                                record.at)
        actions.append(ActionInfo(action.id, action.assessment_id, action.position, action.text,
                                  action.suggestion, action.owner, action.due_date,
                                  tuple(action.cells or ()), creator, info))
    return PlanInfo(assessment_id, period, actions)


def plan_for(session: Session, assessment_id: uuid.UUID) -> PlanInfo:
    """The plan agreed after this assessment (empty when none), within a caller's session."""
    return _plan(session, assessment_id)


def previous_plan_for(session: Session, assessment_id: uuid.UUID) -> PlanInfo | None:
    """The plan of the same advisor's latest earlier assessment with a plan (same e-Warong)."""
    current = session.get(Assessment, assessment_id)
    if current is None:
        raise v.not_found(v.ASSESSMENT, assessment_id)
    earlier = session.scalar(
        select(Assessment.id)
        .join(PlanAction, PlanAction.assessment_id == Assessment.id)
        .where(Assessment.advisor_id == current.advisor_id,
               Assessment.warong_id == current.warong_id,
               Assessment.period < current.period)
        .order_by(Assessment.period.desc()).limit(1))
    return None if earlier is None else _plan(session, earlier)


def get_plan(database: Database, assessment_id: uuid.UUID | str) -> PlanInfo:
    key = v.record_id(assessment_id, v.ASSESSMENT)
    with database.reading() as session:
        if session.get(Assessment, key) is None:
            raise v.not_found(v.ASSESSMENT, assessment_id)
        return _plan(session, key)


def get_previous_plan(database: Database, assessment_id: uuid.UUID | str) -> PlanInfo | None:
    """The earlier semester's plan with its follow-ups, as the next assessment shows it."""
    with database.reading() as session:
        return previous_plan_for(session, v.record_id(assessment_id, v.ASSESSMENT))


def set_plan(database: Database, actor: access.Actor | None, assessment_id: uuid.UUID | str,
             actions: Sequence[ActionInput], *, today: date | None = None) -> PlanInfo:
    """Agree the plan of a verified assessment: 2-6 actions, replacing an earlier plan.

    Refused, with nothing saved: not a coordinator of the region, an assessment not
    verified, fewer than 2 or more than 6 actions, an empty action, a due date in the past,
    or an earlier plan whose actions already have follow-ups.
    """
    coordinator = access.require_coordinator(actor, Phrase("agree a development plan",
                                                           "menyepakati rencana pengembangan"))
    today = today or date.today()
    if not MIN_ACTIONS <= len(actions) <= MAX_ACTIONS:
        raise PlanError(
            f"a plan has {MIN_ACTIONS} to {MAX_ACTIONS} actions and this one has {len(actions)}; "
            f"agree {'more' if len(actions) < MIN_ACTIONS else 'fewer'} actions",
            id=f"rencana berisi {MIN_ACTIONS} sampai {MAX_ACTIONS} tindakan, rencana ini berisi "
               f"{len(actions)}; sepakati tindakan "
               f"{'tambahan' if len(actions) < MIN_ACTIONS else 'yang lebih sedikit'}")
    checked = [_check_action(action, today) for action in actions]
    key = v.record_id(assessment_id, v.ASSESSMENT)
    with database.session() as session:
        row = session.execute(select(Assessment.id, Warong.kabupaten, Verification.status)
                              .join(Warong, Warong.id == Assessment.warong_id)
                              .outerjoin(Verification, Verification.assessment_id == Assessment.id)
                              .where(Assessment.id == key)).one_or_none()
        if row is None:
            raise v.not_found(v.ASSESSMENT, assessment_id)
        access.require_scope(coordinator, row[1])
        if row[2] != "verified":
            raise PlanError("verify this assessment first; a plan is agreed after verification",
                            id="verifikasi penilaian ini dulu; rencana disepakati sesudah verifikasi")
        existing = list(session.scalars(select(PlanAction).where(PlanAction.assessment_id == key)))
        if existing and session.scalar(select(FollowUp.id).where(
                FollowUp.action_id.in_([a.id for a in existing])).limit(1)) is not None:
            raise PlanError("this plan already has follow-ups; it can no longer be replaced",
                            id="rencana ini sudah punya tindak lanjut; tidak dapat diganti lagi")
        for old in existing:
            session.delete(old)
        session.flush()
        now = utcnow()
        for position, action in enumerate(checked, start=1):
            session.add(PlanAction(id=uuid.uuid4(), assessment_id=key, position=position,
                                   text=action.text, suggestion=action.suggestion,
                                   owner=action.owner, due_date=action.due_date,
                                   cells=list(action.cells), created_by=coordinator.id,
                                   created_at=now, updated_at=now))
        session.flush()
        return _plan(session, key)


def record_follow_up(database: Database, actor: access.Actor | None, action_id: uuid.UUID | str,
                     status: str, note: str = "") -> ActionInfo:
    """Record what became of an earlier action (done, partly, not done), by its advisor or a
    coordinator of the region; recording again replaces the earlier follow-up."""
    if status not in FOLLOW_UP_STATUSES:
        raise PlanError(f"follow-up {status!r} is unknown; choose done, partly or not done",
                        id=f"tindak lanjut {status!r} tidak dikenal; pilih selesai, sebagian "
                           "atau belum dilakukan")
    text = v.long_text(note, FOLLOW_UP_NOTE).strip()
    key = v.record_id(action_id, PLAN_ACTION)
    with database.session() as session:
        row = session.execute(select(PlanAction, Assessment.advisor_id, Warong.kabupaten)
                              .join(Assessment, Assessment.id == PlanAction.assessment_id)
                              .join(Warong, Warong.id == Assessment.warong_id)
                              .where(PlanAction.id == key)).one_or_none()
        if row is None:
            raise v.not_found(PLAN_ACTION, action_id)
        action, advisor_id, kabupaten = row
        if actor is not None and actor.is_coordinator:
            access.require_scope(actor, kabupaten)
        elif actor is None or actor.id != advisor_id:
            raise access.AccessError(
                "only the advisor of this plan or a coordinator of the region can record its "
                "follow-up; enter as one of them",
                id="hanya pendamping pemilik rencana ini atau koordinator wilayahnya yang dapat "
                   "mencatat tindak lanjutnya; masuk sebagai salah satunya")
        record = session.scalar(select(FollowUp).where(FollowUp.action_id == key))
        now = utcnow()
        if record is None:
            record = FollowUp(id=uuid.uuid4(), action_id=key, created_at=now)
            session.add(record)
        record.status = status
        record.note = text
        record.by_advisor = None if actor.is_coordinator else actor.id
        record.by_coordinator = actor.id if actor.is_coordinator else None
        record.at = now
        record.updated_at = now
        session.flush()
        return next(a for a in _plan(session, action.assessment_id).actions if a.id == key)
