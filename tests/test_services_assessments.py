"""The advisor's path through the services layer, without Qt."""

import pytest

from ewarong_desktop.errors import IncompleteAssessmentError, ValidationError
from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import advisors, assessments, warongs


def rate_all(database, assessment_id, level=2):
    with database.session() as session:
        for code in all_cell_codes():
            assessments.set_rating(session, assessment_id, code, level)


def test_rating_is_saved_and_read_back(database, draft):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.2.5", 3, note="Pembukuan\nbaris kedua")
        assessments.set_rating(session, draft, "4.2.3", not_applicable=True)
    with database.session() as session:
        detail = assessments.get_detail(session, draft)
    assert detail.ratings["4.2.5"].level == 3
    assert detail.ratings["4.2.5"].note == "Pembukuan\nbaris kedua"
    assert detail.ratings["4.2.3"].not_applicable
    assert detail.summary.answered == 2
    assert len(detail.unrated_cells) == 30


def test_note_is_kept_when_only_level_changes(database, draft):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 1, note="bukti rapat")
        assessments.set_rating(session, draft, "4.1.1", 2)
        assert assessments.get_detail(session, draft).ratings["4.1.1"].note == "bukti rapat"


def test_finalise_refused_with_the_unrated_cells(database, draft):
    with database.session() as session:
        for code in all_cell_codes()[:-2]:
            assessments.set_rating(session, draft, code, 2)
    with pytest.raises(IncompleteAssessmentError) as refused, database.session() as session:
        assessments.finalise(session, draft)
    assert refused.value.missing_cells == ["4.4.7", "4.4.8"]
    assert "4.4.7" in str(refused.value)
    with database.session() as session:
        assert assessments.get_summary(session, draft).status == "draft"


def test_not_applicable_counts_as_answered(database, draft):
    with database.session() as session:
        for code in all_cell_codes():
            assessments.set_rating(session, draft, code, not_applicable=True)
        summary = assessments.finalise(session, draft)
    assert summary.status == "final" and summary.completeness == 1.0


def test_final_assessment_cannot_be_edited_until_reopened_with_reason(database, draft):
    rate_all(database, draft)
    with database.session() as session:
        assessments.finalise(session, draft)
    with pytest.raises(ValidationError, match="reopen"), database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 4)
    with pytest.raises(ValidationError, match="Reason"), database.session() as session:
        assessments.reopen(session, draft, "   ")
    with database.session() as session:
        assessments.reopen(session, draft, "Salah input area keuangan")
        assessments.set_rating(session, draft, "4.1.5", 3)
        assessments.finalise(session, draft)
        trail = assessments.audit_trail(session, draft)
    assert [(e.action, e.cell_code, e.old_value, e.new_value) for e in trail] == [
        ("finalise", None, None, None),
        ("reopen", None, None, None),
        ("rating", "4.1.5", "2", "3"),
        ("refinalise", None, None, None),
    ]
    assert trail[1].reason == "Salah input area keuangan"


@pytest.mark.parametrize("level", [-1, 5, 2.5, True])
def test_level_outside_scale_is_refused_and_nothing_saved(database, draft, level):
    with pytest.raises(ValidationError), database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", level)
    with database.session() as session:
        assert assessments.get_summary(session, draft).answered == 0


def test_unknown_cell_and_oversized_note_are_refused(database, draft):
    with pytest.raises(ValidationError, match="not a cell"), database.session() as session:
        assessments.set_rating(session, draft, "4.5.1", 2)
    with pytest.raises(ValidationError, match="10,000"), database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 2, note="x" * 10_001)
    with database.session() as session:
        assert assessments.get_detail(session, draft).ratings["4.1.1"].level is None


@pytest.mark.parametrize("period", ["2026", "2026-S3", "26-S1", "2026/S1", ""])
def test_bad_period_is_refused(database, advisor_and_warong, period):
    advisor_id, warong_id = advisor_and_warong
    with pytest.raises(ValidationError, match="YYYY-S1"), database.session() as session:
        assessments.start_assessment(session, advisor_id, warong_id, period)


def test_one_assessment_per_advisor_warong_and_period(database, advisor_and_warong, draft):
    advisor_id, warong_id = advisor_and_warong
    with pytest.raises(ValidationError, match="already exists"), database.session() as session:
        assessments.start_assessment(session, advisor_id, warong_id, "2026-S1")


def test_prefill_copies_the_previous_period(database, advisor_and_warong, draft):
    advisor_id, warong_id = advisor_and_warong
    with database.session() as session:
        assessments.set_rating(session, draft, "4.3.2", 3, note="dari semester lalu")
        assessments.set_rating(session, draft, "4.2.3", not_applicable=True)
        new = assessments.start_assessment(session, advisor_id, warong_id, "2026-S2",
                                           prefill_from_previous=True)
        detail = assessments.get_detail(session, new.id)
    assert detail.ratings["4.3.2"].level == 3
    assert detail.ratings["4.3.2"].note == "dari semester lalu"
    assert detail.ratings["4.2.3"].not_applicable
    assert detail.summary.status == "draft"


def test_only_the_owner_edits(database, advisor_and_warong, draft):
    with database.session() as session:
        other = advisors.create_advisor(session, "Asep Hidayat", "TKSK")
    with pytest.raises(ValidationError, match="only the advisor"), database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 2, editor_id=other.id)


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_names_are_refused(database, name):
    with pytest.raises(ValidationError, match="empty"), database.session() as session:
        advisors.create_advisor(session, name, "PKH")
    with pytest.raises(ValidationError, match="empty"), database.session() as session:
        warongs.create_warong(session, warongs.WarongFields(name=name))


def test_duplicate_warong_in_same_kelurahan_is_refused(database, advisor_and_warong):
    fields = warongs.WarongFields(name="  E-WARONG   sauyunan ", kelurahan="Cijagra",
                                  kecamatan="Lengkong", kabupaten="Kota Bandung")
    with pytest.raises(ValidationError, match="already exists"), database.session() as session:
        warongs.create_warong(session, fields)
    fields.kelurahan = "Malabar"  # same name elsewhere is a different warung
    with database.session() as session:
        warongs.create_warong(session, fields)
        assert len(warongs.list_warongs(session, search="sauyunan")) == 2


def test_list_filters_by_kecamatan_and_search(database, advisor_and_warong):
    with database.session() as session:
        warongs.create_warong(session, warongs.WarongFields(name="e-Warong Berkah", kecamatan="Cibiru",
                                                             kabupaten="Kota Bandung"))
        assert [w.name for w in warongs.list_warongs(session, kecamatan="Cibiru")] == ["e-Warong Berkah"]
        assert [w.name for w in warongs.list_warongs(session, search="SAUY")] == ["e-Warong Sauyunan"]
        assert warongs.list_kecamatan(session) == ["Cibiru", "Lengkong"]
