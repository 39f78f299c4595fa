from datetime import date, timedelta

import pytest

from ewarong_desktop.services import plans, profiles, summary, targets, verification
from ewarong_desktop.services.verification import CellVerdict


@pytest.fixture
def verified(database, final, bandung, province):
    targets.set_targets(database, province, "PKH", {"4.1.1": 4}, period="2026-S1")
    verification.verify(database, bandung, final, [
        CellVerdict("4.1.1", 1, comment="belum ada rujukan"),  # self 3
        CellVerdict("4.1.2", 1, comment="ragu"),  # self 2
        CellVerdict("4.3.3", 3, comment="bagus")])  # self 2
    due = date.today() + timedelta(days=90)
    plans.set_plan(database, bandung, final, [
        plans.ActionInput("Sesi kelompok swabantu", "advisor", due, ("4.1.7",),
                          "social_entrepreneurship"),
        plans.ActionInput("Pelatihan EDC", "dinas", due, ("4.4.8",), "it")])
    return final


def test_profile_shows_self_and_verified_with_the_difference(database, verified):
    with database.reading() as session:
        profile = profiles.compute_profile(session, verified)
    extra = profile.coordination
    assert extra.is_verified and extra.verification.coordinator_name == "Rina Kurniasih"
    assert profile.cells["4.1.1"].level == 3 and extra.verified["4.1.1"] == 1
    # Role 1 (broker): self (3 + 2*7)/8, verified (1 + 1 + 2*6)/8.
    assert profile.role_means[1] == pytest.approx(17 / 8)
    assert extra.verified_role_means[1] == pytest.approx(14 / 8)
    assert extra.role_differences[1] == pytest.approx(-3 / 8)
    assert extra.role_differences[3] == pytest.approx(1 / 8)
    assert extra.role_differences[2] == 0
    assert profile.cells["4.1.1"].target == 4  # the province coordinator's target
    assert extra.targets.describe("id").startswith("Target ditetapkan oleh Siti Nurhayati")
    assert [a.text for a in extra.plan.actions] == ["Sesi kelompok swabantu", "Pelatihan EDC"]


def test_an_unverified_profile_has_no_verified_column(database, final):
    with database.reading() as session:
        extra = profiles.compute_profile(session, final).coordination
    assert extra.verified == {} and not extra.is_verified
    assert extra.targets.describe("en") == "Targets: the instrument's defaults"


def test_summary_reports_self_vs_verified_and_training_needs(database, verified):
    with database.reading() as session:
        result = summary.coordinator_summary(session, summary.SummaryFilters(period="2026-S1"))
    figures = result.verified
    assert figures.verified_assessments == 1
    broker = figures.self_vs_verified[("PKH", 1)]
    assert broker.self_mean == pytest.approx(17 / 8)
    assert broker.difference == pytest.approx(-3 / 8)
    everyone = figures.self_vs_verified[(summary.ALL, 1)]
    assert (everyone.self_mean, everyone.verified_mean) == (broker.self_mean, broker.verified_mean)
    assert [(t.kabupaten, t.advisor_type, t.action, t.advisors) for t in figures.training] == [
        ("Kota Bandung", "PKH", "it", 1), ("Kota Bandung", "PKH", "social_entrepreneurship", 1)]


def test_summary_scope_keeps_to_the_coordinators_region(database, verified, garut):
    from ewarong_desktop.services import coordinators
    filters = summary.SummaryFilters(scope=coordinators.scope_for(garut))
    with database.reading() as session, pytest.raises(Exception, match="no assessments"):
        summary.coordinator_summary(session, filters)
