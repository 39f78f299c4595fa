import os
import uuid

import pytest

# Tests never need a screen; set before Qt is imported by pytest-qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep data, backups, logs and settings of every test out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    return home


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.sqlite3"


@pytest.fixture
def database(db_path):
    from ewarong_desktop.db import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def advisor_and_warong(database):
    """A PKH advisor who accompanies one e-Warong; returns their ids."""
    from ewarong_desktop.services import advisors, warongs

    with database.session() as session:
        advisor = advisors.create_advisor(session, "Euis Rahmawati", "PKH",
                                          kabupaten="Kota Bandung", kecamatan="Lengkong")
        warong = warongs.create_warong(
            session,
            warongs.WarongFields(name="e-Warong Sauyunan", kube_name="KUBE Sauyunan",
                                 kelurahan="Cijagra", kecamatan="Lengkong",
                                 kabupaten="Kota Bandung", services=["BPNT", "EDC"]),
            advisor_id=advisor.id,
        )
    return advisor.id, warong.id


@pytest.fixture
def draft(database, advisor_and_warong) -> uuid.UUID:
    """An empty draft assessment for 2026-S1."""
    from ewarong_desktop.services import assessments

    advisor_id, warong_id = advisor_and_warong
    with database.session() as session:
        return assessments.start_assessment(session, advisor_id, warong_id, "2026-S1").id
