import uuid
from dataclasses import dataclass

import pytest

from ewarong_desktop.instrument import all_cell_codes


@pytest.fixture
def out(tmp_path):
    """An empty output folder (the test database lives beside it in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@dataclass(frozen=True)
class Rich:
    """A final assessment with a previous period, notes, an N/A cell and an audit trail."""

    current: uuid.UUID
    previous: uuid.UUID
    advisor_id: uuid.UUID


def levels_for(code: str) -> int:
    """A spread of levels: business areas lower, as in the study."""
    role, area = int(code[2]), int(code[4])
    return max(0, min(4, 4 - area // 2 + (role % 2)))


@pytest.fixture
def rich(database, advisor_and_warong) -> Rich:
    from ewarong_desktop.services import assessments as a

    advisor_id, warong_id = advisor_and_warong
    with database.session() as session:
        previous = a.start_assessment(session, advisor_id, warong_id, "2025-S2").id
        for code in all_cell_codes():
            a.set_rating(session, previous, code, max(0, levels_for(code) - 1))
        a.finalise(session, previous)
        current = a.start_assessment(session, advisor_id, warong_id, "2026-S1").id
        for code in all_cell_codes():
            if code == "4.2.3":
                a.set_rating(session, current, code, not_applicable=True,
                             note="Bukan tugas saya di warung ini.")
            else:
                a.set_rating(session, current, code, levels_for(code))
        a.set_rating(session, current, "4.1.5", 1,
                     note="Belum ada pelatihan pembukuan.\nBaris kedua catatan.")
        a.finalise(session, current)
        a.reopen(session, current, "Salah ketik pada sel keuangan")
        a.set_rating(session, current, "4.1.5", 2)
        a.finalise(session, current)
    return Rich(current, previous, advisor_id)
