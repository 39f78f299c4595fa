"""Role profiles: mean level per role, per agenda area and overall, and gaps to target.

``build_profile`` is a pure function of ratings and targets so the arithmetic can be
checked by hand; ``compute_profile`` gathers those from the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from statistics import fmean

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Coordinator, TargetLevel, TargetSetting, utcnow
from ..errors import InstrumentError, ValidationError
from ..instrument import ADVISOR_TYPES, AREA_COUNT, LEVELS, ROLE_COUNT, Instrument, load_instrument
from . import assessments, plans, verification
from . import validation as v
from .assessments import AssessmentSummary, RatingValue

PROVINCE = ""  # the kabupaten of a province-wide target setting


@dataclass(frozen=True)
class CellScore:
    code: str
    role: int
    area: int
    level: int | None
    not_applicable: bool
    target: int
    note: str

    @property
    def gap(self) -> int | None:
        """How many levels below target (negative: above); None when not rated or N/A."""
        return None if self.level is None else self.target - self.level


@dataclass(frozen=True)
class Coordination:
    """What the coordinator added to a profile: verified levels, targets' setter, plans.

    ``verified`` holds the level per cell after verification (the coordinator's where they
    gave one, else the advisor's; None for unrated or not applicable); it is empty while
    the assessment is not verified. ``role_differences`` is verified minus self per role:
    negative where the advisor rated themselves higher than the coordinator did.
    """

    verification: verification.VerificationInfo | None
    verified: dict[str, int | None]
    verified_role_means: dict[int, float | None]
    role_differences: dict[int, float | None]
    targets: EffectiveTargets
    plan: plans.PlanInfo
    previous_plan: plans.PlanInfo | None

    @property
    def is_verified(self) -> bool:
        return self.verification is not None and self.verification.is_verified


@dataclass(frozen=True)
class RoleProfile:
    """Everything a profile view or report needs, as plain data."""

    assessment: AssessmentSummary
    instrument_version: str
    cells: dict[str, CellScore]
    role_means: dict[int, float | None]
    area_means: dict[int, float | None]
    overall: float | None
    role_targets: dict[int, float]
    area_targets: dict[int, float]
    answered: int
    total: int
    coordination: Coordination | None = None

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def gaps(self) -> list[CellScore]:
        """Cells below target, largest gap first (then by code)."""
        below = [cell for cell in self.cells.values() if cell.gap is not None and cell.gap > 0]
        return sorted(below, key=lambda cell: (-(cell.gap or 0), cell.code))

    @property
    def strengths(self) -> list[CellScore]:
        """Cells at or above target, strongest first."""
        met = [cell for cell in self.cells.values() if cell.gap is not None and cell.gap <= 0]
        return sorted(met, key=lambda cell: (cell.gap or 0, cell.code))


def _mean(values: list[int]) -> float | None:
    return fmean(values) if values else None


def mean_targets(instrument: Instrument,
                 targets: Mapping[str, int]) -> tuple[dict[int, float], dict[int, float]]:
    """The mean target per role and per agenda area (the mean of its cells' targets): the
    one place it is computed, for the profile and the coordinator's summary."""
    cells = instrument.cells.items()
    return ({r: fmean(targets[code] for code, cell in cells if cell.role == r)
             for r in range(1, ROLE_COUNT + 1)},
            {a: fmean(targets[code] for code, cell in cells if cell.area == a)
             for a in range(1, AREA_COUNT + 1)})


def build_profile(instrument: Instrument, summary: AssessmentSummary,
                  ratings: dict[str, RatingValue], targets: dict[str, int]) -> RoleProfile:
    """Compute means and gaps; not-applicable and unrated cells are left out of every mean."""
    cells: dict[str, CellScore] = {}
    for code, cell in instrument.cells.items():
        rating = ratings.get(code, RatingValue(code))
        cells[code] = CellScore(code, cell.role, cell.area, rating.level, rating.not_applicable,
                                targets[code], rating.note)
    rated = [cell for cell in cells.values() if cell.level is not None]
    role_means = {r: _mean([c.level for c in rated if c.role == r])  # type: ignore[misc]
                  for r in range(1, ROLE_COUNT + 1)}
    area_means = {a: _mean([c.level for c in rated if c.area == a])  # type: ignore[misc]
                  for a in range(1, AREA_COUNT + 1)}
    role_targets, area_targets = mean_targets(instrument, targets)
    answered = sum(1 for c in cells.values() if c.level is not None or c.not_applicable)
    return RoleProfile(
        assessment=summary,
        instrument_version=instrument.version,
        cells=cells,
        role_means=role_means,
        area_means=area_means,
        overall=_mean([c.level for c in rated]),  # type: ignore[misc]
        role_targets=role_targets,
        area_targets=area_targets,
        answered=answered,
        total=len(cells),
    )


def instrument_for(version: str) -> Instrument:
    """The instrument an assessment was made with; the current one if that edition is unknown.

    Cells are matched by code, so an assessment from another edition still gets a profile.
    """
    try:
        return load_instrument(version)
    except InstrumentError:
        return load_instrument()


def default_targets(advisor_type: str, instrument: Instrument | None = None) -> dict[str, int]:
    """The instrument's own target level per cell for an advisor type (before any edit here)."""
    instrument = instrument or load_instrument()
    return dict(instrument.default_targets.get(advisor_type, instrument.default_targets["OTHER"]))


def get_targets(session: Session, advisor_type: str, instrument: Instrument | None = None) -> dict[str, int]:
    """Target level per cell for an advisor type: the instrument's defaults, as edited here."""
    targets = default_targets(advisor_type, instrument)
    rows = session.execute(select(TargetLevel.cell_code, TargetLevel.level)
                           .where(TargetLevel.advisor_type == advisor_type))
    for code, level in rows:
        if code in targets:
            targets[code] = level
    return targets


def _check_target(advisor_type: str, cell_code: str, level: int) -> None:
    if advisor_type not in ADVISOR_TYPES:
        raise v.unknown_advisor_type(advisor_type)
    if cell_code not in assessments.CELL_CODES:
        raise v.unknown_cell(cell_code)
    if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
        raise ValidationError(f"target {level!r} is outside the scale; choose 0 to 4",
                              id=f"target {level!r} di luar skala; pilih 0 sampai 4")


def set_target(session: Session, advisor_type: str, cell_code: str, level: int) -> None:
    """Change the expected level of one cell for an advisor type."""
    _check_target(advisor_type, cell_code, level)
    row = session.get(TargetLevel, (advisor_type, cell_code))
    if row is None:
        session.add(TargetLevel(advisor_type=advisor_type, cell_code=cell_code, level=level))
    else:
        row.level = level
        row.updated_at = utcnow()
    session.flush()


def set_targets(session: Session, advisor_type: str, levels: Mapping[str, int]) -> list[str]:
    """Set the target of several cells of one advisor type at once; returns the codes changed.

    Every level is checked before anything is written, so a bad one leaves all targets as
    they were. Cells already at the given level are not touched: their ``updated_at``
    stays, so an unchanged target does not win over another laptop's edit in an exchange.
    Setting the levels of ``default_targets`` is how a coordinator goes back to the defaults.
    """
    for code, level in levels.items():
        _check_target(advisor_type, code, level)
    current = get_targets(session, advisor_type)
    changed = [code for code, level in sorted(levels.items()) if current.get(code) != level]
    for code in changed:
        set_target(session, advisor_type, code, levels[code])
    return changed


@dataclass(frozen=True)
class TargetSource:
    """Who set a target, when, for which region ("" = province) and from which period."""

    coordinator_id: uuid.UUID | None
    coordinator_name: str | None
    at: datetime
    kabupaten: str
    period: str


@dataclass(frozen=True)
class EffectiveTargets:
    levels: dict[str, int]
    #: Per cell, the coordinator's setting in force; None where the default applies.
    sources: dict[str, TargetSource | None]

    @property
    def setters(self) -> list[TargetSource]:
        """One entry per coordinator whose settings are in force, latest setting first."""
        latest: dict[uuid.UUID | None, TargetSource] = {}
        for source in self.sources.values():
            if source is None:
                continue
            known = latest.get(source.coordinator_id)
            if known is None or source.at > known.at:
                latest[source.coordinator_id] = source
        return sorted(latest.values(), key=lambda s: s.at, reverse=True)

    def describe(self, lang: str = "id") -> str:
        """The line every profile prints, e.g. "Target ditetapkan oleh Ibu Rina (2026-01-05)"."""
        setters = self.setters
        if not setters:
            return ("Target: bawaan instrumen" if lang == "id"
                    else "Targets: the instrument's defaults")
        names = ", ".join(f"{s.coordinator_name or '?'} ({s.at:%Y-%m-%d})" for s in setters)
        return (f"Target ditetapkan oleh {names}" if lang == "id" else f"Targets set by {names}")


def effective_targets(session: Session, advisor_type: str, kabupaten: str | None,
                      period: str | None, instrument: Instrument | None = None) -> EffectiveTargets:
    """The targets in force for an advisor type in a kabupaten and period (None: latest)."""
    levels = get_targets(session, advisor_type, instrument)
    sources: dict[str, TargetSource | None] = {code: None for code in levels}
    query = (select(TargetSetting, Coordinator.name)
             .outerjoin(Coordinator, Coordinator.id == TargetSetting.set_by)
             .where(TargetSetting.advisor_type == advisor_type,
                    TargetSetting.kabupaten.in_([PROVINCE, kabupaten or PROVINCE])))
    if period:
        query = query.where(TargetSetting.period <= period)
    # Province rows first, then the kabupaten's; within each, older periods first: the last wins.
    query = query.order_by(TargetSetting.kabupaten != PROVINCE, TargetSetting.period)
    for setting, name in session.execute(query):
        if setting.cell_code in levels:
            levels[setting.cell_code] = setting.level
            sources[setting.cell_code] = TargetSource(setting.set_by, name, setting.updated_at,
                                                      setting.kabupaten, setting.period)
    return EffectiveTargets(levels, sources)


def verified_levels(ratings: Mapping[str, RatingValue],
                    check: verification.VerificationInfo | None) -> dict[str, int | None]:
    """The level of every cell after a verification; empty when not verified."""
    if check is None or not check.is_verified:
        return {}
    levels: dict[str, int | None] = {code: rating.level for code, rating in ratings.items()}
    for code, verdict in check.cells.items():
        levels[code] = None if verdict.not_applicable else verdict.level
    return levels


def _coordination(session: Session, profile: RoleProfile, ratings: Mapping[str, RatingValue],
                  targets: EffectiveTargets) -> Coordination:
    summary = profile.assessment
    check = verification.infos_for(session, [summary.id]).get(summary.id)
    verified = verified_levels(ratings, check)
    verified_means: dict[int, float | None] = {}
    differences: dict[int, float | None] = {}
    for role in range(1, ROLE_COUNT + 1):
        levels = [level for code, level in verified.items()
                  if level is not None and code in profile.cells and profile.cells[code].role == role]
        verified_means[role] = _mean(levels) if verified else None
        own = profile.role_means.get(role)
        mean = verified_means[role]
        differences[role] = None if mean is None or own is None else mean - own
    return Coordination(check, verified, verified_means, differences, targets,
                        plans.plan_for(session, summary.id),
                        plans.previous_plan_for(session, summary.id))


def compute_profile(session: Session, assessment_id: uuid.UUID | str) -> RoleProfile:
    """The role profile of one assessment: the targets in force for the advisor's type,
    kabupaten and period, and the verification and plans of the assessment."""
    detail = assessments.get_detail(session, assessment_id)
    instrument = instrument_for(detail.summary.instrument_version)
    targets = effective_targets(session, detail.summary.advisor_type, detail.summary.kabupaten,
                                detail.summary.period, instrument)
    profile = build_profile(instrument, detail.summary, detail.ratings, targets.levels)
    return replace(profile, coordination=_coordination(session, profile, detail.ratings, targets))
