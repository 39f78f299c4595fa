from datetime import date, timedelta

import pytest

from ewarong_desktop.services import access, assessments, plans, targets, verification
from ewarong_desktop.services.verification import CellVerdict

THREE_CHANGES = [CellVerdict("4.1.1", 2, comment="belum ada bukti rujukan"),
                 CellVerdict("4.2.3", 1, comment="data KPM belum diperbarui"),
                 CellVerdict("4.4.8", 3, comment="sudah melatih EDC")]


def _rows(database, assessment_id):
    with database.reading() as session:
        return assessments.audit_trail(session, assessment_id)


def test_verify_keeps_self_and_verified_levels(database, final, bandung):
    info = verification.verify(database, bandung, final,
                               THREE_CHANGES + [CellVerdict("4.3.1", 2)], comment="dibahas 3 Mei")
    assert info.status == "verified" and info.coordinator_name == "Rina Kurniasih"
    assert set(info.cells) == {"4.1.1", "4.2.3", "4.4.8"}  # 4.3.1 agreed: not stored
    assert info.cells_changed == 3
    with database.reading() as session:
        detail = assessments.get_detail(session, final)
    assert detail.ratings["4.1.1"].level == 3  # the advisor's own level stays
    assert verification.get_verification(database, final).cells["4.2.3"].level == 1
    assert [r.action for r in _rows(database, final)][-1] == "verify"


def test_changing_a_verification_goes_into_the_audit_trail(database, final, bandung):
    verification.verify(database, bandung, final, THREE_CHANGES)
    changed = [CellVerdict("4.1.1", 1, comment="belum ada bukti rujukan"),
               CellVerdict("4.4.8", 3, comment="sudah melatih EDC")]
    info = verification.verify(database, bandung, final, changed)
    assert info.cells_changed == 2
    trail = [(r.action, r.cell_code, r.old_value, r.new_value, r.advisor_name)
             for r in _rows(database, final) if r.action.startswith("verify_")]
    assert ("verify_cell", "4.1.1", "2", "1", "Rina Kurniasih") in trail
    assert ("verify_cell", "4.2.3", "1", "2", "Rina Kurniasih") in trail  # back to agreeing


def test_a_draft_cannot_be_verified(database, draft, bandung):
    with pytest.raises(verification.VerificationError, match="still a draft") as caught:
        verification.verify(database, bandung, draft, THREE_CHANGES)
    assert "masih draf" in caught.value.text("id")
    assert verification.get_verification(database, draft) is None


def test_verification_outside_the_region_is_refused(database, final, garut):
    with pytest.raises(access.AccessError, match="outside your region"):
        verification.verify(database, garut, final, THREE_CHANGES)
    assert verification.get_verification(database, final) is None


def test_only_a_coordinator_verifies(database, final, advisor_and_warong):
    me = access.enter(database, access.ADVISOR, advisor_and_warong[0])
    with pytest.raises(access.AccessError, match="only a coordinator"):
        verification.verify(database, me, final, [])


@pytest.mark.parametrize("level", [5, -1, "3", True])
def test_a_verified_level_off_the_scale_is_refused_and_nothing_saved(database, final, bandung,
                                                                     level):
    with pytest.raises(verification.VerificationError) as caught:
        verification.verify(database, bandung, final, [THREE_CHANGES[0], CellVerdict("4.2.2", level)])
    assert "0, 1, 2, 3 atau 4" in caught.value.text("id")
    assert verification.get_verification(database, final) is None


def test_not_applicable_is_a_verified_answer(database, final, bandung):
    info = verification.verify(database, bandung, final, [CellVerdict("4.3.3", not_applicable=True)])
    assert info.cells["4.3.3"].not_applicable and info.cells_changed == 1


def test_returning_with_a_reason_reopens_the_assessment(database, final, bandung):
    with pytest.raises(Exception, match="Reason is empty"):
        verification.return_to_advisor(database, bandung, final, "  ")
    info = verification.return_to_advisor(database, bandung, final, "Lengkapi bukti sel 4.2.x")
    assert info.status == "returned"
    with database.reading() as session:
        assert assessments.get_summary(session, final).status == "draft"
    trail = _rows(database, final)
    assert (trail[-1].action, trail[-1].reason) == ("return", "Lengkapi bukti sel 4.2.x")
    with pytest.raises(verification.VerificationError, match="draft"):
        verification.verify(database, bandung, final, [])


# --- targets -------------------------------------------------------------------------

def test_only_coordinators_set_targets_and_who_set_them_is_kept(database, advisor_and_warong,
                                                                bandung, province):
    me = access.enter(database, access.ADVISOR, advisor_and_warong[0])
    with pytest.raises(access.AccessError):
        targets.set_targets(database, me, "PKH", {"4.1.1": 4}, period="2026-S1")
    with pytest.raises(access.AccessError, match="province coordinator"):
        targets.set_targets(database, bandung, "PKH", {"4.1.1": 4}, period="2026-S1")
    with pytest.raises(access.AccessError, match="outside your region"):
        targets.set_targets(database, bandung, "PKH", {"4.1.1": 4}, period="2026-S1",
                            kabupaten="Kabupaten Garut")
    assert targets.set_targets(database, province, "PKH", {"4.1.1": 4, "4.1.2": 4},
                               period="2026-S1") == ["4.1.1", "4.1.2"]
    assert targets.set_targets(database, bandung, "PKH", {"4.1.1": 1}, period="2026-S1",
                               kabupaten="Kota Bandung") == ["4.1.1"]
    in_bandung = targets.targets_for(database, "PKH", "Kota Bandung", "2026-S1")
    assert in_bandung.levels["4.1.1"] == 1 and in_bandung.levels["4.1.2"] == 4
    assert in_bandung.sources["4.1.1"].coordinator_name == "Rina Kurniasih"
    assert "Target ditetapkan oleh Rina Kurniasih" in in_bandung.describe("id")
    elsewhere = targets.targets_for(database, "PKH", "Kabupaten Garut", "2026-S1")
    assert elsewhere.levels["4.1.1"] == 4
    assert elsewhere.describe("en").startswith("Targets set by Siti Nurhayati")
    # A setting applies from its period on, not before.
    before = targets.targets_for(database, "PKH", "Kota Bandung", "2025-S2")
    assert before.sources["4.1.1"] is None
    assert targets.targets_for(database, "PKH", "Kota Bandung", "2027-S1").levels["4.1.1"] == 1


def test_a_bad_target_level_leaves_every_target_as_it_was(database, province):
    with pytest.raises(Exception, match="outside the scale"):
        targets.set_targets(database, province, "PKH", {"4.1.1": 4, "4.1.2": 7}, period="2026-S1")
    assert targets.targets_for(database, "PKH").setters == []


# --- plans ---------------------------------------------------------------------------

def _actions(count, due=None):
    due = due or date.today() + timedelta(days=60)
    return [plans.ActionInput(f"Tindakan {n}", "advisor", due, ("4.2.3",), "beneficiary_data")
            for n in range(1, count + 1)]


def test_a_plan_is_agreed_after_verification(database, final, bandung):
    with pytest.raises(plans.PlanError, match="verify this assessment first"):
        plans.set_plan(database, bandung, final, _actions(3))
    verification.verify(database, bandung, final, THREE_CHANGES)
    plan = plans.set_plan(database, bandung, final, _actions(3))
    assert [a.text for a in plan.actions] == ["Tindakan 1", "Tindakan 2", "Tindakan 3"]
    assert plan.actions[0].created_by_name == "Rina Kurniasih"
    assert plans.get_plan(database, final) == plan


@pytest.mark.parametrize("count", [0, 1, 7])
def test_a_plan_needs_two_to_six_actions(database, final, bandung, count):
    verification.verify(database, bandung, final, THREE_CHANGES)
    with pytest.raises(plans.PlanError, match="2 to 6 actions") as caught:
        plans.set_plan(database, bandung, final, _actions(count))
    assert "2 sampai 6" in caught.value.text("id")
    assert plans.get_plan(database, final).actions == []


def test_an_empty_action_or_a_past_due_date_is_refused(database, final, bandung):
    verification.verify(database, bandung, final, THREE_CHANGES)
    with pytest.raises(Exception, match="Action is empty"):
        plans.set_plan(database, bandung, final,
                       [*_actions(2), plans.ActionInput("  ", "dinas", date.today())])
    yesterday = date.today() - timedelta(days=1)
    with pytest.raises(plans.PlanError, match="in the past") as caught:
        plans.set_plan(database, bandung, final, _actions(1) + _actions(1, due=yesterday))
    assert "sudah lewat" in caught.value.text("id")
    assert plans.get_plan(database, final).actions == []


def test_follow_ups_are_recorded_by_the_advisor_next_semester(database, final, bandung,
                                                              advisor_and_warong):
    verification.verify(database, bandung, final, THREE_CHANGES)
    plan = plans.set_plan(database, bandung, final, _actions(2))
    advisor_id, warong_id = advisor_and_warong
    with database.session() as session:
        later = assessments.start_assessment(session, advisor_id, warong_id, "2026-S2").id
    me = access.enter(database, access.ADVISOR, advisor_id)
    plans.record_follow_up(database, me, plan.actions[0].id, "done", "pelatihan diikuti")
    plans.record_follow_up(database, bandung, plan.actions[1].id, "partly")
    previous = plans.get_previous_plan(database, later)
    assert [(a.follow_up.status, a.follow_up.by_name) for a in previous.actions] == [
        ("done", "Euis Rahmawati"), ("partly", "Rina Kurniasih")]
    with pytest.raises(plans.PlanError, match="already has follow-ups"):
        plans.set_plan(database, bandung, final, _actions(2))
    with pytest.raises(plans.PlanError, match="unknown"):
        plans.record_follow_up(database, me, plan.actions[0].id, "finished")


def test_suggestions_follow_the_largest_gaps():
    found = plans.suggestions({"4.1.7": 2, "4.2.7": 1, "4.1.8": 1, "4.3.1": -1})
    assert [s.key for s in found] == ["social_entrepreneurship", "it"]
    assert found[0].cells == ("4.1.7", "4.2.7") and "swabantu" in found[0].text
