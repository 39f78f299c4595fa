"""Role profiles: mean level per role, per agenda area and overall, and gaps to target.

``build_profile`` is a pure function of ratings and targets so the arithmetic can be
checked by hand; ``compute_profile`` gathers those from the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from statistics import fmean

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import TargetLevel, utcnow
from ..errors import InstrumentError, ValidationError
from ..instrument import ADVISOR_TYPES, AREA_COUNT, LEVELS, ROLE_COUNT, Instrument, load_instrument
from . import assessments
from . import validation as v
from .assessments import AssessmentSummary, RatingValue


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


def compute_profile(session: Session, assessment_id: uuid.UUID | str) -> RoleProfile:
    """The role profile of one assessment, with this database's targets for the advisor's type."""
    detail = assessments.get_detail(session, assessment_id)
    instrument = instrument_for(detail.summary.instrument_version)
    targets = get_targets(session, detail.summary.advisor_type, instrument)
    return build_profile(instrument, detail.summary, detail.ratings, targets)
