"""The coordinator summary's SQL aggregation, checked against a plain Python computation."""

from collections import defaultdict
from statistics import fmean

import pytest

from ewarong_desktop.errors import NotFoundError, ValidationError
from ewarong_desktop.instrument import load_instrument
from ewarong_desktop.services import advisors, assessments, profiles
from ewarong_desktop.services.demo import generate_demo
from ewarong_desktop.services.summary import ALL, NOT_APPLICABLE, SummaryFilters, coordinator_summary


@pytest.fixture
def demo(database):
    with database.session() as session:
        generate_demo(session, seed=7, assessments=120)
        # A coordinator's own target differs from the instrument's default.
        profiles.set_target(session, "TKSK", "4.1.5", 3)
    return database


def expected(session, filters: SummaryFilters, period: str):
    """The same figures computed rating by rating in Python."""
    instrument = load_instrument()
    found = [a for a in assessments.list_assessments(
        session, period=period, kabupaten=filters.kabupaten, kecamatan=filters.kecamatan,
        advisor_type=filters.advisor_type)]
    used = [a for a in found if filters.include_drafts or a.is_final]
    # The targets in force for the period (the demo's coordinators set some), as profiles use.
    targets = {t: profiles.effective_targets(session, t, filters.kabupaten, period).levels
               for t in ("PKH", "TKSK", "OTHER")}
    levels = defaultdict(list)  # (type, code) -> levels
    na = defaultdict(int)
    by_advisor = defaultdict(list)  # advisor -> [(target, level)]
    advisor_assessments = defaultdict(set)
    for summary in used:
        for code, rating in assessments.get_detail(session, summary.id).ratings.items():
            if rating.not_applicable:
                na[(summary.advisor_type, code)] += 1
            if rating.level is not None:
                levels[(summary.advisor_type, code)].append(rating.level)
                by_advisor[summary.advisor_id].append(
                    (targets[summary.advisor_type][code], rating.level, code))
                advisor_assessments[summary.advisor_id].add(summary.id)
    return instrument, found, used, targets, levels, na, by_advisor, advisor_assessments


def test_counts_means_and_distribution_match_python(demo):
    with demo.session() as session:
        period = assessments.list_periods(session)[0]
        filters = SummaryFilters()
        summary = coordinator_summary(session, filters)
        instrument, found, used, targets, levels, na, *_ = expected(session, filters, period)

    assert summary.period == period  # no period given: the latest with data
    assert summary.counts.assessments == len(found)
    assert summary.counts.final == sum(1 for a in found if a.is_final)
    assert summary.counts.draft == sum(1 for a in found if not a.is_final)
    assert summary.counts.advisors == len({a.advisor_id for a in found})
    assert summary.counts.warongs == len({a.warong_id for a in found})
    assert summary.counts_by_type["TKSK"].assessments == sum(
        1 for a in found if a.advisor_type == "TKSK")
    assert summary.advisor_types == ("PKH", "TKSK")

    for (advisor_type, code), values in levels.items():
        stat = summary.cells[(advisor_type, code)]
        assert stat.rated == len(values)
        assert stat.mean == pytest.approx(fmean(values))
        assert stat.target == targets[advisor_type][code]
        assert stat.below == sum(1 for value in values if value < stat.target)
        assert stat.not_applicable == na[(advisor_type, code)]
    assert summary.cells[("TKSK", "4.1.5")].target == 3  # the edited target is used

    for advisor_type in ("PKH", "TKSK", ALL):
        for role in instrument.roles:
            values = [v for (t, code), vs in levels.items() for v in vs
                      if instrument.cells[code].role == role.number
                      and advisor_type in (t, ALL)]
            assert summary.role_means[(advisor_type, role.number)] == pytest.approx(fmean(values))
        for area in instrument.areas:
            values = [v for (t, code), vs in levels.items() for v in vs
                      if instrument.cells[code].area == area.number
                      and advisor_type in (t, ALL)]
            assert summary.area_means[(advisor_type, area.number)] == pytest.approx(fmean(values))
        everything = [v for (t, _code), vs in levels.items() for v in vs if advisor_type in (t, ALL)]
        assert summary.overall[advisor_type] == pytest.approx(fmean(everything))
        for level in range(5):
            assert summary.distribution[advisor_type][level] == sum(
                vs.count(level) for (t, _code), vs in levels.items() if advisor_type in (t, ALL))
        assert summary.distribution[advisor_type][NOT_APPLICABLE] == sum(
            count for (t, _code), count in na.items() if advisor_type in (t, ALL))


def test_gaps_advisors_and_training_needs_match_python(demo):
    with demo.session() as session:
        period = assessments.list_periods(session)[0]
        filters = SummaryFilters(period=period)
        summary = coordinator_summary(session, filters)
        instrument, _found, _used, _targets, _levels, _na, by_advisor, advisor_assessments = (
            expected(session, filters, period))
        advisor_type_of = {a.id: a.advisor_type for a in advisors.list_advisors(session)}

    gaps = [stat.gap for stat in summary.largest_gaps]
    assert gaps == sorted(gaps, reverse=True)
    worst_possible = max(stat.gap for stat in summary.cells.values() if stat.gap is not None)
    assert gaps[0] == pytest.approx(worst_possible)

    shortfall = {advisor: fmean(max(target - level, 0) for target, level, _ in rows)
                 for advisor, rows in by_advisor.items()
                 if any(level < target for target, level, _ in rows)}
    # Ranked within each advisor type, against that type's own targets.
    types = [a.advisor_type for a in summary.advisors_with_gaps]
    assert types == sorted(types, key=["PKH", "TKSK", "OTHER"].index) and len(set(types)) == 2
    for advisor_type in set(types):
        shown = [a for a in summary.advisors_with_gaps if a.advisor_type == advisor_type]
        own = [value for advisor, value in shortfall.items()
               if advisor_type_of[advisor] == advisor_type]
        assert [a.mean_shortfall for a in shown] == pytest.approx(
            sorted(own, reverse=True)[:len(shown)])
    for advisor in summary.advisors_with_gaps:
        rows = by_advisor[advisor.advisor_id]
        assert advisor.mean_shortfall == pytest.approx(shortfall[advisor.advisor_id])
        assert advisor.rated == len(rows)
        assert advisor.assessments == len(advisor_assessments[advisor.advisor_id])
        assert advisor.cells_below == pytest.approx(
            sum(1 for target, level, _ in rows if level < target) / advisor.assessments)

    for need in summary.training_needs:
        needing = {advisor for advisor, rows in by_advisor.items()
                   if any(level < target and instrument.cells[code].area == need.area
                          for target, level, code in rows)}
        assert need.advisors_needing == len(needing)
        cells = [(target, level) for rows in by_advisor.values() for target, level, code in rows
                 if instrument.cells[code].area == need.area]
        assert need.share_below == pytest.approx(
            sum(1 for target, level in cells if level < target) / len(cells))
    shares = [need.share_below for need in summary.training_needs]
    assert shares == sorted(shares, reverse=True)
    # The share tells areas apart even where almost every advisor has some gap.
    assert len({round(share, 2) for share in shares}) >= 5


def test_filters_by_region_type_and_drafts(demo):
    with demo.session() as session:
        period = assessments.list_periods(session)[0]
        filters = SummaryFilters(period, kabupaten="Kota Bandung", advisor_type="TKSK",
                                 include_drafts=True)
        summary = coordinator_summary(session, filters)
        _i, found, used, _t, levels, *_ = expected(session, filters, period)
    assert summary.advisor_types == ("TKSK",)
    assert summary.counts.assessments == len(found) == len(used)
    assert summary.rated == sum(len(values) for values in levels.values())
    assert summary.role_means[("TKSK", 1)] == summary.role_means[(ALL, 1)]


def test_trend_covers_every_period_of_the_region(demo):
    with demo.session() as session:
        periods = sorted(assessments.list_periods(session))
        summary = coordinator_summary(session, SummaryFilters(kecamatan="Lengkong"))
        old = coordinator_summary(session, SummaryFilters(periods[0], kecamatan="Lengkong"))
    assert sorted({point.period for point in summary.trend}) == periods
    first = {p.advisor_type: p for p in summary.trend if p.period == periods[0]}
    assert first["PKH"].mean == pytest.approx(old.overall["PKH"])
    assert first[ALL].mean == pytest.approx(old.overall[ALL])
    assert first[ALL].assessments == old.counts.final
    assert first["TKSK"].role_means[2] == pytest.approx(old.role_means[("TKSK", 2)])


def test_period_without_data_is_a_clear_error(demo, database):
    with demo.session() as session:
        with pytest.raises(NotFoundError, match="no assessments for 2010-S1"):
            coordinator_summary(session, SummaryFilters("2010-S1"))
        with pytest.raises(NotFoundError, match="Nowhere"):
            coordinator_summary(session, SummaryFilters(kabupaten="Nowhere"))
        with pytest.raises(ValidationError, match="advisor type"):
            coordinator_summary(session, SummaryFilters(advisor_type="BOSS"))
        with pytest.raises(ValidationError, match="YYYY-S1"):
            coordinator_summary(session, SummaryFilters("2026"))


def test_only_drafts_gives_counts_but_no_means(database, draft):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 2)
        summary = coordinator_summary(session, SummaryFilters("2026-S1"))
    assert summary.counts.assessments == 1 and summary.counts.draft == 1
    assert summary.overall[ALL] is None
    assert summary.largest_gaps == [] and summary.advisors_with_gaps == []
