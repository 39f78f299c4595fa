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


BACKENDS = ("sqlite", "postgresql")
# Test modules whose `database` (and exchange's `make_database`) run on both backends; a
# module can narrow this with a module-level BACKENDS = ("sqlite",).
BOTH_BACKENDS = ("tests/test_services_", "tests/exchange/")


def pytest_generate_tests(metafunc):
    if "backend" not in metafunc.fixturenames:
        return
    module_path = metafunc.module.__file__.replace(os.sep, "/")
    if not any(f"/{part}" in module_path for part in BOTH_BACKENDS):
        return
    backends = getattr(metafunc.module, "BACKENDS", BACKENDS)
    metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request) -> str:
    """"sqlite" (a file) or "postgresql" (a database on the test server:
    tests/postgres_server.py)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_pool():
    from postgres_server import DatabasePool

    pool = DatabasePool()
    yield pool
    pool.close()


@pytest.fixture
def open_test_database(backend, tmp_path, request):
    """Open a new empty database by name, on the test's backend; closed at the end."""
    from ewarong_desktop.db import open_database

    opened = []

    def open_named(name: str):
        if backend == "postgresql":
            pool = request.getfixturevalue("postgres_pool")
            url = pool.borrow()
            database = open_database(url)
            opened.append((database, lambda: pool.give_back(url)))
        else:
            database = open_database(tmp_path / f"{name}.sqlite3")
            opened.append((database, None))
        return database

    yield open_named
    for database, give_back in opened:
        database.close()
        if give_back is not None:
            give_back()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.sqlite3"


@pytest.fixture
def database(backend, db_path, open_test_database):
    if backend == "postgresql":
        yield open_test_database("test")
        return
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
