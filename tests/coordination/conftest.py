import uuid

import pytest

from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import access, assessments, coordinators

PIN = "4711"


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch):
    """Record the delays after wrong PINs instead of sleeping through them."""
    delays: list[float] = []
    monkeypatch.setattr(access, "sleep", delays.append)
    monkeypatch.setattr(access, "THROTTLE", access._Throttle())
    return delays


@pytest.fixture
def final(database, draft) -> uuid.UUID:
    """The draft of the root conftest, rated 2 everywhere (3 in 4.1.1) and finalised."""
    with database.session() as session:
        for code in all_cell_codes():
            assessments.set_rating(session, draft, code, 3 if code == "4.1.1" else 2)
        assessments.finalise(session, draft)
    return draft


@pytest.fixture
def bandung(database) -> access.Actor:
    """A coordinator for Kota Bandung, in coordinator mode."""
    info = coordinators.add_coordinator(database, "Rina Kurniasih", kabupaten=["Kota Bandung"],
                                        office="Dinas Sosial Kota Bandung", pin=PIN)
    return access.enter(database, access.COORDINATOR, info.id, PIN)


@pytest.fixture
def garut(database) -> access.Actor:
    info = coordinators.add_coordinator(database, "Dedi Hidayat", kabupaten=["Kabupaten Garut"],
                                        pin=PIN)
    return access.enter(database, access.COORDINATOR, info.id, PIN)


@pytest.fixture
def province(database) -> access.Actor:
    info = coordinators.add_coordinator(database, "Siti Nurhayati", whole_province=True, pin=PIN)
    return access.enter(database, access.COORDINATOR, info.id, PIN)
