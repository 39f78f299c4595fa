"""The summary's coordinator figures: self vs verified ratings, and the Dinas's training view.

Self vs verified: over the verified assessments of a period, per advisor type and role,
the mean of the advisors' own levels, the mean of the verified levels and the difference
(verified minus self: negative means advisors rate themselves higher than their
coordinators do). Cells rated not applicable on either side are left out of both means.

Training view: from the development plans agreed for the period's assessments, how many
advisors need each kind of action (the instrument's suggested action, or "other" for an
action written freely), per kabupaten/kota and advisor type.

Sums come back from the database as int, Decimal (PostgreSQL's numeric) or float;
everything is turned into float before any arithmetic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Integer, Select, String, and_, case, column, distinct, func, select, values
from sqlalchemy.orm import Session

from ..db.models import (
    STATUS_FINAL,
    Advisor,
    Assessment,
    PlanAction,
    Rating,
    Verification,
    VerifiedCell,
    Warong,
    whole_sum,
)
from ..instrument import ADVISOR_TYPES, ROLE_COUNT, Instrument

ALL = "ALL"
OTHER_ACTION = "other"


@dataclass(frozen=True)
class SelfVsVerified:
    advisor_type: str  # or ALL
    role: int
    self_mean: float | None
    verified_mean: float | None
    cells: int  # cells rated on both sides

    @property
    def difference(self) -> float | None:
        if self.self_mean is None or self.verified_mean is None:
            return None
        return self.verified_mean - self.self_mean


@dataclass(frozen=True)
class TrainingDemand:
    kabupaten: str
    advisor_type: str
    action: str  # instrument area key, or OTHER_ACTION
    advisors: int


@dataclass(frozen=True)
class VerifiedFigures:
    verified_assessments: int
    self_vs_verified: dict[tuple[str, int], SelfVsVerified]  # (advisor type or ALL, role)
    training: list[TrainingDemand]


def _filtered(query: Select, period: str, kabupaten: str | None, kecamatan: str | None,
              advisor_type: str | None, scope: frozenset[str] | None) -> Select:
    query = (query.join(Advisor, Advisor.id == Assessment.advisor_id)
             .join(Warong, Warong.id == Assessment.warong_id)
             .where(Assessment.period == period))
    if kabupaten:
        query = query.where(Warong.kabupaten == kabupaten)
    if kecamatan:
        query = query.where(Warong.kecamatan == kecamatan)
    if advisor_type:
        query = query.where(Advisor.advisor_type == advisor_type)
    if scope is not None:
        query = query.where(Warong.kabupaten.in_(sorted(scope)))
    return query


def verified_figures(session: Session, instrument: Instrument, period: str, *,
                     kabupaten: str | None = None, kecamatan: str | None = None,
                     advisor_type: str | None = None,
                     scope: frozenset[str] | None = None) -> VerifiedFigures:
    roles = values(column("cell_code", String), column("role", Integer), name="roles").data(
        [(code, cell.role) for code, cell in instrument.cells.items()]).cte("roles")
    verified_level = case((VerifiedCell.id.is_(None), Rating.level), else_=VerifiedCell.level)
    query = _filtered(
        select(Advisor.advisor_type, roles.c.role, whole_sum(Rating.level),
               whole_sum(verified_level), func.count(), func.count(distinct(Assessment.id)))
        .select_from(Rating)
        .join(Assessment, Assessment.id == Rating.assessment_id)
        .join(Verification, Verification.assessment_id == Assessment.id)
        .join(roles, roles.c.cell_code == Rating.cell_code)
        .outerjoin(VerifiedCell, and_(VerifiedCell.verification_id == Verification.id,
                                      VerifiedCell.cell_code == Rating.cell_code))
        .where(Verification.status == "verified", Assessment.status == STATUS_FINAL,
               Rating.level.is_not(None), verified_level.is_not(None)),
        period, kabupaten, kecamatan, advisor_type, scope
    ).group_by(Advisor.advisor_type, roles.c.role)
    sums: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for kind, role, self_sum, verified_sum, count, _n in session.execute(query):
        for group in (kind, ALL):
            total = sums[(group, role)]
            total[0] += float(self_sum or 0)
            total[1] += float(verified_sum or 0)
            total[2] += float(count or 0)
    assessments_verified = session.scalar(_filtered(
        select(func.count(Assessment.id))
        .join(Verification, Verification.assessment_id == Assessment.id)
        .where(Verification.status == "verified", Assessment.status == STATUS_FINAL),
        period, kabupaten, kecamatan, advisor_type, scope)) or 0
    table: dict[tuple[str, int], SelfVsVerified] = {}
    for group in (*ADVISOR_TYPES, ALL):
        for role in range(1, ROLE_COUNT + 1):
            self_sum, verified_sum, count = sums.get((group, role), [0.0, 0.0, 0.0])
            if count or group == ALL:
                table[(group, role)] = SelfVsVerified(
                    group, role, self_sum / count if count else None,
                    verified_sum / count if count else None, int(count))
    action = func.coalesce(PlanAction.suggestion, OTHER_ACTION)
    training = [
        TrainingDemand(kab, kind, key, int(n)) for kab, kind, key, n in session.execute(
            _filtered(select(Warong.kabupaten, Advisor.advisor_type, action,
                             func.count(distinct(Assessment.advisor_id)))
                      .select_from(Assessment)
                      .join(PlanAction, PlanAction.assessment_id == Assessment.id),
                      period, kabupaten, kecamatan, advisor_type, scope)
            .group_by(Warong.kabupaten, Advisor.advisor_type, action)
            .order_by(Warong.kabupaten, Advisor.advisor_type, action))]
    return VerifiedFigures(int(assessments_verified), table, training)
