import pytest

from ewarong_desktop.db.models import Advisor, Coordinator
from ewarong_desktop.errors import ValidationError
from ewarong_desktop.services import access, coordinators

from .conftest import PIN


def test_pin_is_stored_only_as_a_salted_scrypt_hash_with_its_parameters(database):
    info = coordinators.add_coordinator(database, "Rina", kabupaten=["Kota Bandung"], pin=PIN)
    other = coordinators.add_coordinator(database, "Dedi", kabupaten=["Kota Bandung"], pin=PIN)
    with database.reading() as session:
        first = session.get(Coordinator, info.id).pin_hash
        second = session.get(Coordinator, other.id).pin_hash
    assert PIN not in first
    assert first.startswith(f"scrypt${access.SCRYPT_N}${access.SCRYPT_R}${access.SCRYPT_P}$")
    assert first != second  # the salt differs
    assert access.pin_matches(PIN, first) and not access.pin_matches("4712", first)


def test_a_hash_made_with_lower_parameters_still_matches():
    stored = access.hash_pin("rahasia", n=2**10)
    assert access.pin_matches("rahasia", stored)
    assert not access.pin_matches("rahasiA", stored)


def test_a_coordinator_enters_with_the_right_pin(database, bandung):
    assert bandung.is_coordinator and bandung.name == "Rina Kurniasih"
    assert bandung.covers("Kota Bandung") and not bandung.covers("Kabupaten Garut")


def test_wrong_pins_give_no_hint_and_each_later_try_waits_longer(database, _no_waiting):
    info = coordinators.add_coordinator(database, "Rina", kabupaten=["Kota Bandung"], pin=PIN)
    messages = set()
    for _ in range(6):
        with pytest.raises(access.WrongPinError) as caught:
            access.enter(database, access.COORDINATOR, info.id, "0000")
        messages.add((str(caught.value), caught.value.text("id")))
    assert len(messages) == 1
    english, indonesian = messages.pop()
    assert "name or PIN" in english and "nama atau PIN" in indonesian
    assert _no_waiting == [1.0, 2.0, 4.0]  # three free tries, then a growing wait
    access.enter(database, access.COORDINATOR, info.id, PIN)  # waits 8 s, then succeeds
    assert _no_waiting[-1] == 8.0
    access.enter(database, access.COORDINATOR, info.id, PIN)
    assert len(_no_waiting) == 4  # success cleared the count


def test_coordinator_mode_needs_a_pin_to_be_set(database):
    info = coordinators.add_coordinator(database, "Rina", kabupaten=["Kota Bandung"])
    with pytest.raises(access.AccessError, match="no PIN yet"):
        access.enter(database, access.COORDINATOR, info.id)


def test_an_advisor_with_a_pin_cannot_be_acted_as_without_it(database, advisor_and_warong):
    advisor_id, _ = advisor_and_warong
    assert access.enter(database, access.ADVISOR, advisor_id).id == advisor_id  # no PIN yet
    access.set_pin(database, None, access.ADVISOR, advisor_id, "1234")
    with pytest.raises(access.WrongPinError):
        access.enter(database, access.ADVISOR, advisor_id)
    with pytest.raises(access.AccessError):
        access.act_as_advisor(database, None, advisor_id)
    me = access.enter(database, access.ADVISOR, advisor_id, "1234")
    access.act_as_advisor(database, me, advisor_id)
    # Someone else cannot replace the PIN; the advisor can.
    with pytest.raises(access.AccessError, match="only Euis Rahmawati"):
        access.set_pin(database, None, access.ADVISOR, advisor_id, "9999")
    access.set_pin(database, me, access.ADVISOR, advisor_id, "5678")
    with database.reading() as session:
        assert access.pin_matches("5678", session.get(Advisor, advisor_id).pin_hash)


def test_a_too_short_pin_is_refused(database):
    with pytest.raises(ValidationError, match="at least 4"):
        coordinators.add_coordinator(database, "Rina", kabupaten=["Kota Bandung"], pin="12")
    assert coordinators.list_coordinators(database) == []


def test_a_coordinator_needs_a_region(database):
    with pytest.raises(ValidationError, match="needs a region"):
        coordinators.add_coordinator(database, "Rina")
    whole = coordinators.add_coordinator(database, "Siti", whole_province=True)
    assert whole.scope == ["*"]


def test_scope_defaults_to_the_coordinators_region(bandung, province):
    assert coordinators.scope_for(bandung) == {"Kota Bandung"}
    assert coordinators.scope_for(bandung, ["Kabupaten Garut", "Kota Bandung"]) == {"Kota Bandung"}
    assert coordinators.scope_for(province) is None
    assert coordinators.scope_for(None, ["Kabupaten Garut"]) == {"Kabupaten Garut"}


def test_lists_default_to_the_region_or_to_only_mine(database, final, bandung, garut,
                                                     advisor_and_warong):
    from ewarong_desktop.services import assessments
    from ewarong_desktop.services.report_data import ProfileFilters, batch_assessment_ids

    def listed(defaults):
        with database.reading() as session:
            return [a.id for a in assessments.list_assessments(
                session, advisor_id=defaults.advisor_id, scope=defaults.scope)]

    assert listed(coordinators.list_defaults(bandung)) == [final]
    assert listed(coordinators.list_defaults(garut)) == []
    me = access.enter(database, access.ADVISOR, advisor_and_warong[0])
    assert coordinators.list_defaults(me).advisor_id == me.id
    assert listed(coordinators.list_defaults(me)) == [final]
    with database.reading() as session, pytest.raises(Exception, match="no (final )?assessments"):
        batch_assessment_ids(session, ProfileFilters("2026-S1", scope=garut.scope_filter()))
