"""A database written by the program before coordinators existed opens with its data intact."""

import sqlite3

from sqlalchemy import create_engine

from ewarong_desktop.db import open_database
from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import access, assessments, profiles, targets, verification


def test_a_0001_database_upgrades_and_keeps_everything(db_path):
    from alembic import command

    from ewarong_desktop.db.migrations import alembic_config

    config = alembic_config()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with sqlite3.connect(db_path) as old:  # what the older program wrote, by hand
        old.execute("INSERT INTO advisor VALUES ('0f1e2d3c4b5a49788796a5b4c3d2e1f0', 'Euis', 'PKH',"
                    " NULL, NULL, 'Kota Bandung', 'Lengkong', '2026-01-01 00:00:00.000000',"
                    " '2026-01-01 00:00:00.000000')")
        old.execute("INSERT INTO target_level VALUES ('PKH', '4.1.5', 4, '2026-01-01 00:00:00.000000')")
    engine.dispose()

    database = open_database(db_path)
    try:
        assert not access.has_pin(database, access.ADVISOR, "0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0")
        with database.reading() as session:
            assert profiles.get_targets(session, "PKH")["4.1.5"] == 4
        # The old edit still shows, as a target nobody is named for.
        found = targets.targets_for(database, "PKH", "Kota Bandung", "2026-S1")
        assert found.levels["4.1.5"] == 4 and found.setters == []
    finally:
        database.close()


def test_verification_of_an_assessment_changed_later_is_marked_outdated(database, final, bandung):
    verification.verify(database, bandung, final, [verification.CellVerdict("4.1.1", 1)])
    assert not verification.get_verification(database, final).outdated
    with database.session() as session:
        assessments.reopen(session, final, "salah ketik")
        for code in all_cell_codes()[:1]:
            assessments.set_rating(session, final, code, 4)
        assessments.finalise(session, final)
    assert verification.get_verification(database, final).outdated
    verification.verify(database, bandung, final, [])
    assert not verification.get_verification(database, final).outdated
