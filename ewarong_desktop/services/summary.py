"""The coordinator's summary of a period and region, aggregated in SQL.

Every figure comes from a handful of GROUP BY queries over ratings joined to their
assessment, advisor, e-Warong and a small table of targets (one row per advisor type
and cell), so the cost grows with the database's own scan, never with a Python loop
over assessments. Python only combines the few dozen grouped rows that come back.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Integer, String, and_, case, column, distinct, func, select, text, values
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from ..db.models import STATUS_FINAL, Advisor, Assessment, Rating, Warong, whole_sum
from ..errors import NotFoundError
from ..instrument import ADVISOR_TYPES, LEVELS, Instrument, load_instrument
from . import validation as v
from .demo import is_demo
from .profiles import effective_targets, mean_targets
from .verified_summary import VerifiedFigures, verified_figures

ALL = "ALL"  # key of figures over every advisor type together
NOT_APPLICABLE = -1  # key of not-applicable ratings in a distribution
TOP_CELLS = 10
TOP_ADVISORS = 10


@dataclass(frozen=True)
class SummaryFilters:
    """Which assessments a summary covers. ``period=None`` means the latest one with data."""

    period: str | None = None
    kabupaten: str | None = None
    kecamatan: str | None = None
    advisor_type: str | None = None
    include_drafts: bool = False  # means use final assessments only unless asked
    #: A coordinator's region (kabupaten/kota); None: no limit. See coordinators.scope_for.
    scope: frozenset[str] | None = None

    def describe(self, period: str | None = None, lang: str = "en") -> str:
        """The filters in a few words, for messages ("2026-S1, Bandung, PKH")."""
        parts = [period or self.period, self.kabupaten, self.kecamatan, self.advisor_type]
        everything = "seluruh basis data" if lang == "id" else "the whole database"
        return ", ".join(part for part in parts if part) or everything


@dataclass(frozen=True)
class Counts:
    advisors: int
    warongs: int
    assessments: int
    final: int

    @property
    def draft(self) -> int:
        return self.assessments - self.final


@dataclass(frozen=True)
class CellStat:
    """One cell for one advisor type: mean level of the rated ratings and how many fall short."""

    advisor_type: str
    code: str
    role: int
    area: int
    target: int
    mean: float | None
    rated: int
    not_applicable: int
    below: int  # ratings below target

    @property
    def gap(self) -> float | None:
        """Target minus mean level; positive means the advisors fall short on average."""
        return None if self.mean is None else self.target - self.mean


@dataclass(frozen=True)
class AdvisorGap:
    advisor_id: uuid.UUID
    name: str
    advisor_type: str
    kabupaten: str | None
    kecamatan: str | None
    assessments: int
    rated: int
    mean_shortfall: float  # mean of max(target - level, 0) over rated cells
    cells_below: float  # cells below target per assessment


@dataclass(frozen=True)
class TrainingNeed:
    """An agenda area: how many advisors have a cell below target in it, and how many of
    its rated cells fall below target (the share tells areas apart when nearly every
    advisor has at least one such cell everywhere)."""

    area: int
    advisors_needing: int
    advisors_rated: int
    needing_by_type: dict[str, int]
    mean_shortfall: float | None
    cells_below: int = 0
    cells_rated: int = 0

    @property
    def share_below(self) -> float | None:
        return self.cells_below / self.cells_rated if self.cells_rated else None


@dataclass(frozen=True)
class TrendPoint:
    period: str
    advisor_type: str  # or ALL
    mean: float | None
    role_means: dict[int, float | None]
    assessments: int


@dataclass(frozen=True)
class CoordinatorSummary:
    """Everything the summary report prints, as plain data."""

    filters: SummaryFilters
    period: str
    advisor_types: tuple[str, ...]  # types present, in PKH, TKSK, OTHER order
    counts: Counts
    counts_by_type: dict[str, Counts]
    instrument: Instrument
    targets: dict[str, dict[str, int]]  # advisor type -> cell code -> target
    cells: dict[tuple[str, str], CellStat]  # (advisor type, cell code)
    role_means: dict[tuple[str, int], float | None]  # (advisor type or ALL, role)
    area_means: dict[tuple[str, int], float | None]  # (advisor type or ALL, area)
    overall: dict[str, float | None]  # advisor type or ALL
    distribution: dict[str, dict[int, int]]  # type or ALL -> level (or NOT_APPLICABLE) -> count
    largest_gaps: list[CellStat]
    advisors_with_gaps: list[AdvisorGap]  # the largest shortfalls within each type, type by type
    training_needs: list[TrainingNeed]
    trend: list[TrendPoint]  # every period in the region, oldest first
    #: Self vs verified means and the training view from plans (verified assessments only).
    verified: VerifiedFigures | None = None
    #: advisor type -> role (or agenda area) -> the mean of its cells' targets
    role_targets: dict[str, dict[int, float]] = field(default_factory=dict)
    area_targets: dict[str, dict[int, float]] = field(default_factory=dict)
    demo: bool = False  # made by the demo generator: every page says so

    @property
    def rated(self) -> int:
        return sum(stat.rated for stat in self.cells.values())


def _check_filters(filters: SummaryFilters) -> SummaryFilters:
    if filters.advisor_type is not None and filters.advisor_type not in ADVISOR_TYPES:
        raise v.unknown_advisor_type(filters.advisor_type)
    period = v.period(filters.period) if filters.period else None
    return SummaryFilters(period, filters.kabupaten or None, filters.kecamatan or None,
                          filters.advisor_type, filters.include_drafts, filters.scope)


def _scoped(query: Select, filters: SummaryFilters, *, period: str | None,
            ratings: bool) -> Select:
    """Join assessment, advisor and e-Warong and apply the region/type/period filters.

    ``ratings`` also keeps final assessments only, unless drafts were asked for.
    """
    query = (query.join(Advisor, Advisor.id == Assessment.advisor_id)
             .join(Warong, Warong.id == Assessment.warong_id))
    if period is not None:
        query = query.where(Assessment.period == period)
    if filters.kabupaten:
        query = query.where(Warong.kabupaten == filters.kabupaten)
    if filters.kecamatan:
        query = query.where(Warong.kecamatan == filters.kecamatan)
    if filters.advisor_type:
        query = query.where(Advisor.advisor_type == filters.advisor_type)
    if filters.scope is not None:
        query = query.where(Warong.kabupaten.in_(sorted(filters.scope)))
    if ratings and not filters.include_drafts:
        query = query.where(Assessment.status == STATUS_FINAL)
    return query


def _targets_table(targets: dict[str, dict[str, int]], instrument: Instrument):  # type: ignore[no-untyped-def]
    """The targets as a CTE: (advisor_type, cell_code, role, area, target)."""
    rows = [(advisor_type, code, cell.role, cell.area, per_type[code])
            for advisor_type, per_type in targets.items()
            for code, cell in instrument.cells.items()]
    return values(column("advisor_type", String), column("cell_code", String),
                  column("role", Integer), column("area", Integer), column("target", Integer),
                  name="targets").data(rows).cte("targets")


def _mean(total: float, count: int) -> float | None:
    return total / count if count else None


def coordinator_summary(session: Session, filters: SummaryFilters,
                        instrument: Instrument | None = None) -> CoordinatorSummary:
    """Counts, means, level distribution, gaps, training needs and trend for a period.

    Raises NotFoundError when no assessment matches the filters.
    """
    filters = _check_filters(filters)
    instrument = instrument or load_instrument()
    period = filters.period or session.scalar(
        _scoped(select(func.max(Assessment.period)), filters, period=None, ratings=False))
    if period is None:
        raise NotFoundError(
            f"there are no assessments for {filters.describe()}; check the filters",
            id=f"belum ada penilaian untuk {filters.describe(lang='id')}; periksa pilihan "
               "filternya")

    count_columns = (func.count(distinct(Assessment.advisor_id)),
                     func.count(distinct(Assessment.warong_id)), func.count(Assessment.id),
                     func.coalesce(whole_sum(case((Assessment.status == STATUS_FINAL, 1),
                                                 else_=0)), 0))
    totals = session.execute(_scoped(select(*count_columns).select_from(Assessment), filters,
                                     period=period, ratings=False)).one()
    counts = Counts(*totals)
    if counts.assessments == 0:
        raise NotFoundError(
            f"there are no assessments for {filters.describe(period)}; "
            "choose another period or filter",
            id=f"belum ada penilaian untuk {filters.describe(period, 'id')}; pilih periode "
               "atau filter lain")
    counts_by_type = {
        row[0]: Counts(*row[1:]) for row in session.execute(
            _scoped(select(Advisor.advisor_type, *count_columns).select_from(Assessment),
                    filters, period=period, ratings=False).group_by(Advisor.advisor_type))}
    advisor_types = tuple(t for t in ADVISOR_TYPES if t in counts_by_type)
    # Targets in force for the period: a kabupaten's own when one is chosen, else the province's.
    targets = {advisor_type: effective_targets(session, advisor_type, filters.kabupaten, period,
                                               instrument).levels
               for advisor_type in advisor_types}
    target_table = _targets_table(targets, instrument)

    # Ratings are first counted per (keys, cell, level) with the cheap join order
    # (assessments of the period -> their ratings); the targets are joined to those few
    # grouped rows afterwards. Joining targets to every rating made SQLite start from the
    # targets table and probe each assessment once per cell: five times slower.
    cell_groups = _rating_groups(filters, period, Advisor.advisor_type)
    cell_targets = _with_targets(cell_groups, target_table)
    rated = whole_sum(case((cell_groups.c.level.is_not(None), cell_groups.c.n), else_=0))
    cells: dict[tuple[str, str], CellStat] = {}
    for advisor_type, code, role, area, target, rated_count, level_sum, na, below_count in (
            session.execute(cell_targets(
                cell_groups.c.advisor_type, cell_groups.c.cell_code, target_table.c.role,
                target_table.c.area, target_table.c.target, func.coalesce(rated, 0),
                func.coalesce(whole_sum(cell_groups.c.level * cell_groups.c.n), 0),
                func.coalesce(whole_sum(case((cell_groups.c.na, cell_groups.c.n), else_=0)), 0),
                func.coalesce(whole_sum(_below(cell_groups, target_table) * cell_groups.c.n), 0))
                .group_by(cell_groups.c.advisor_type, cell_groups.c.cell_code,
                          target_table.c.role, target_table.c.area, target_table.c.target))):
        cells[(advisor_type, code)] = CellStat(advisor_type, code, role, area, target,
                                               _mean(level_sum, rated_count), rated_count, na,
                                               below_count)

    # Role, area and overall means combine the grouped sums (at most 96 rows).
    sums: dict[tuple[str, str, int], list[float]] = defaultdict(lambda: [0.0, 0])
    for stat in cells.values():
        total = (stat.mean or 0.0) * stat.rated
        for key in ((stat.advisor_type, "role", stat.role), (ALL, "role", stat.role),
                    (stat.advisor_type, "area", stat.area), (ALL, "area", stat.area),
                    (stat.advisor_type, "all", 0), (ALL, "all", 0)):
            sums[key][0] += total
            sums[key][1] += stat.rated
    keys = (*advisor_types, ALL)
    role_means = {(t, r.number): _mean(*sums[(t, "role", r.number)])  # type: ignore[arg-type]
                  for t in keys for r in instrument.roles}
    area_means = {(t, a.number): _mean(*sums[(t, "area", a.number)])  # type: ignore[arg-type]
                  for t in keys for a in instrument.areas}
    overall = {t: _mean(*sums[(t, "all", 0)]) for t in keys}  # type: ignore[arg-type]

    distribution: dict[str, dict[int, int]] = {t: dict.fromkeys((*LEVELS, NOT_APPLICABLE), 0)
                                               for t in keys}
    for advisor_type, level, na, count in session.execute(cell_targets(
            cell_groups.c.advisor_type, cell_groups.c.level, cell_groups.c.na,
            whole_sum(cell_groups.c.n))
            .where(cell_groups.c.level.is_not(None) | cell_groups.c.na)
            .group_by(cell_groups.c.advisor_type, cell_groups.c.level, cell_groups.c.na)):
        bucket = NOT_APPLICABLE if na else level
        distribution[advisor_type][bucket] += count
        distribution[ALL][bucket] += count

    largest_gaps = sorted((stat for stat in cells.values() if stat.gap is not None and stat.gap > 0),
                          key=lambda stat: (-(stat.gap or 0), -stat.below, stat.code,
                                            stat.advisor_type))[:TOP_CELLS]

    advisor_groups = _rating_groups(filters, period, Advisor.advisor_type, Assessment.advisor_id)
    advisor_targets = _with_targets(advisor_groups, target_table)
    shortfall = _shortfall(advisor_groups, target_table) * advisor_groups.c.n
    below = _below(advisor_groups, target_table) * advisor_groups.c.n
    per_advisor = _scoped(select(Assessment.advisor_id.label("advisor_id"),
                                 func.count(Assessment.id).label("assessments"))
                          .select_from(Assessment), filters, period=period, ratings=True
                          ).group_by(Assessment.advisor_id).subquery()
    # Each type is ranked against its own targets and on its own: PKH and TKSK have
    # different targets, so one list would mostly rank the targets, not the advisors.
    advisors_with_gaps: list[AdvisorGap] = []
    for ranked_type in advisor_types:
        worst = (advisor_targets(advisor_groups.c.advisor_id, whole_sum(advisor_groups.c.n),
                                 (whole_sum(shortfall) * 1.0 / whole_sum(advisor_groups.c.n))
                                 .label("mean_shortfall"), whole_sum(below).label("below"))
                 .where(advisor_groups.c.level.is_not(None),
                        advisor_groups.c.advisor_type == ranked_type)
                 .group_by(advisor_groups.c.advisor_id)
                 .having(whole_sum(below) > 0)
                 .order_by(text("mean_shortfall DESC"), text("below DESC"))
                 .limit(TOP_ADVISORS).subquery())
        advisors_with_gaps += [
            AdvisorGap(advisor_id, name, advisor_type, kabupaten, kecamatan, assessments,
                       rated_count, float(mean_shortfall or 0),
                       (below_count or 0) / max(assessments, 1))
            for advisor_id, name, advisor_type, kabupaten, kecamatan, assessments, rated_count,
            mean_shortfall, below_count in session.execute(
                select(Advisor.id, Advisor.name, Advisor.advisor_type, Advisor.kabupaten,
                       Advisor.kecamatan, per_advisor.c.assessments, *list(worst.c)[1:])
                .join(worst, worst.c.advisor_id == Advisor.id)
                .join(per_advisor, per_advisor.c.advisor_id == Advisor.id)
                .order_by(worst.c.mean_shortfall.desc(), worst.c.below.desc(), Advisor.name))]

    needing: dict[int, dict[str, tuple[int, int, float, int, int]]] = defaultdict(dict)
    for (area, advisor_type, advisors_needing, advisors_rated, shortfall_sum, rated_count,
         below_sum) in (
            session.execute(advisor_targets(
                target_table.c.area, advisor_groups.c.advisor_type,
                func.count(distinct(case((_below(advisor_groups, target_table) == 1,
                                          advisor_groups.c.advisor_id)))),
                func.count(distinct(advisor_groups.c.advisor_id)), whole_sum(shortfall),
                whole_sum(advisor_groups.c.n), whole_sum(below))
                .where(advisor_groups.c.level.is_not(None))
                .group_by(target_table.c.area, advisor_groups.c.advisor_type))):
        needing[area][advisor_type] = (advisors_needing, advisors_rated, shortfall_sum or 0,
                                       rated_count, below_sum or 0)
    training_needs = sorted(
        (TrainingNeed(area, sum(item[0] for item in by_type.values()),
                      sum(item[1] for item in by_type.values()),
                      {t: item[0] for t, item in by_type.items()},
                      _mean(sum(item[2] for item in by_type.values()),
                            sum(item[3] for item in by_type.values())),
                      sum(item[4] for item in by_type.values()),
                      sum(item[3] for item in by_type.values()))
         for area, by_type in needing.items()),
        key=lambda need: (-(need.share_below or 0), -(need.mean_shortfall or 0), need.area))

    return CoordinatorSummary(
        filters=filters, period=period, advisor_types=advisor_types, counts=counts,
        counts_by_type=counts_by_type, instrument=instrument, targets=targets, cells=cells,
        role_means=role_means, area_means=area_means, overall=overall,
        distribution=distribution, largest_gaps=largest_gaps,
        advisors_with_gaps=advisors_with_gaps, training_needs=training_needs,
        trend=_trend(session, filters, target_table, advisor_types),
        verified=verified_figures(session, instrument, period, kabupaten=filters.kabupaten,
                                  kecamatan=filters.kecamatan, advisor_type=filters.advisor_type,
                                  scope=filters.scope),
        role_targets={t: mean_targets(instrument, per_cell)[0] for t, per_cell in targets.items()},
        area_targets={t: mean_targets(instrument, per_cell)[1] for t, per_cell in targets.items()},
        demo=is_demo(session),
    )


def _rating_groups(filters: SummaryFilters, period: str | None, *keys):  # type: ignore[no-untyped-def]
    """Ratings in scope counted per ``keys``, cell, level and not-applicable flag."""
    labelled = [key.label(key.key) for key in keys]
    query = (select(*labelled, Rating.cell_code.label("cell_code"), Rating.level.label("level"),
                    Rating.not_applicable.label("na"), func.count().label("n"))
             .select_from(Rating).join(Assessment, Assessment.id == Rating.assessment_id))
    query = _scoped(query, filters, period=period, ratings=True)
    return query.group_by(*keys, Rating.cell_code, Rating.level,
                          Rating.not_applicable).subquery()


def _with_targets(groups, target_table):  # type: ignore[no-untyped-def]
    """A select over grouped ratings joined to their advisor type's target for the cell."""
    def query(*columns):  # type: ignore[no-untyped-def]
        return select(*columns).select_from(groups).join(target_table, and_(
            target_table.c.advisor_type == groups.c.advisor_type,
            target_table.c.cell_code == groups.c.cell_code))
    return query


def _below(groups, target_table):  # type: ignore[no-untyped-def]
    """1 for a rated level below its target, else 0."""
    return case((groups.c.level < target_table.c.target, 1), else_=0)


def _shortfall(groups, target_table):  # type: ignore[no-untyped-def]
    """How many levels a rating falls short of its target (0 when it meets it)."""
    return case((groups.c.level < target_table.c.target,
                 target_table.c.target - groups.c.level), else_=0)


def _trend(session: Session, filters: SummaryFilters, target_table,  # type: ignore[no-untyped-def]
           advisor_types: tuple[str, ...]) -> list[TrendPoint]:
    """Mean level per period (and per role) for the same region, every period available."""
    groups = _rating_groups(filters, None, Assessment.period, Advisor.advisor_type)
    assessments = {
        (period, advisor_type): count for period, advisor_type, count in session.execute(
            _scoped(select(Assessment.period, Advisor.advisor_type, func.count(Assessment.id))
                    .select_from(Assessment), filters, period=None, ratings=True)
            .group_by(Assessment.period, Advisor.advisor_type))}
    sums: dict[tuple[str, str], dict[int, list[float]]] = defaultdict(
        lambda: defaultdict(lambda: [0.0, 0]))
    for period, advisor_type, role, level_sum, rated in session.execute(
            _with_targets(groups, target_table)(
                groups.c.period, groups.c.advisor_type, target_table.c.role,
                func.coalesce(whole_sum(groups.c.level * groups.c.n), 0),
                whole_sum(groups.c.n))
            .where(groups.c.level.is_not(None))
            .group_by(groups.c.period, groups.c.advisor_type, target_table.c.role)):
        for key in ((period, advisor_type), (period, ALL)):
            sums[key][role][0] += level_sum
            sums[key][role][1] += rated
    points = []
    for period in sorted({period for period, _ in sums}):
        for advisor_type in (*advisor_types, ALL):
            by_role = sums.get((period, advisor_type))
            if not by_role:
                continue
            total = sum(item[0] for item in by_role.values())
            count = sum(int(item[1]) for item in by_role.values())
            count_assessments = (
                sum(n for (p, _t), n in assessments.items() if p == period)
                if advisor_type == ALL else assessments.get((period, advisor_type), 0))
            points.append(TrendPoint(period, advisor_type, _mean(total, count),
                                     {role: _mean(item[0], int(item[1]))
                                      for role, item in sorted(by_role.items())},
                                     count_assessments))
    return points
