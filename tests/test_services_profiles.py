"""Scores and gaps, checked against values computed by hand."""

import pytest

from ewarong_desktop.instrument import all_cell_codes, load_instrument
from ewarong_desktop.services import assessments, profiles


def test_profile_means_and_gaps_match_hand_computation(database, draft):
    # Broker (role 1) rated 4,3,2,1,0,0,N/A,unrated; every other cell 2.
    broker = {"4.1.1": 4, "4.1.2": 3, "4.1.3": 2, "4.1.4": 1, "4.1.5": 0, "4.1.6": 0}
    with database.session() as session:
        for code in all_cell_codes():
            if code.startswith("4.1."):
                continue
            assessments.set_rating(session, draft, code, 2)
        for code, level in broker.items():
            assessments.set_rating(session, draft, code, level)
        assessments.set_rating(session, draft, "4.1.7", not_applicable=True)
        for code in all_cell_codes():
            profiles.set_target(session, "PKH", code, 3)
        profile = profiles.compute_profile(session, draft)

    assert profile.role_means[1] == pytest.approx(10 / 6)  # (4+3+2+1+0+0)/6, N/A and unrated left out
    assert profile.role_means[2] == profile.role_means[3] == profile.role_means[4] == 2
    assert profile.area_means[1] == pytest.approx((4 + 2 + 2 + 2) / 4)
    assert profile.area_means[7] == 2  # 4.1.7 is N/A: only three cells count
    assert profile.area_means[8] == 2  # 4.1.8 unrated
    assert profile.overall == pytest.approx((10 + 24 * 2) / 30)
    assert profile.answered == 31 and profile.completeness == pytest.approx(31 / 32)
    gaps = [(c.code, c.gap) for c in profile.gaps]
    assert gaps[:2] == [("4.1.5", 3), ("4.1.6", 3)]
    assert gaps[2] == ("4.1.4", 2)
    assert ("4.1.1", -1) not in gaps and "4.1.7" not in dict(gaps) and "4.1.8" not in dict(gaps)
    assert [c.code for c in profile.strengths][:2] == ["4.1.1", "4.1.2"]
    assert profile.role_targets[1] == 3


def test_targets_default_from_instrument_and_can_be_edited(database):
    instrument = load_instrument()
    with database.session() as session:
        assert profiles.get_targets(session, "TKSK") == instrument.default_targets["TKSK"]
        profiles.set_target(session, "TKSK", "4.2.3", 4)
        assert profiles.get_targets(session, "TKSK")["4.2.3"] == 4
        assert profiles.get_targets(session, "PKH") == instrument.default_targets["PKH"]


def test_all_not_applicable_gives_no_means_and_no_gaps(database, draft):
    with database.session() as session:
        for code in all_cell_codes():
            assessments.set_rating(session, draft, code, not_applicable=True)
        profile = profiles.compute_profile(session, draft)
    assert profile.overall is None and set(profile.role_means.values()) == {None}
    assert profile.gaps == [] and profile.completeness == 1.0
