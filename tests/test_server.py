"""A shared office database on PostgreSQL: addresses, commands, errors, concurrency, notices.

Needs the test server (tests/postgres_server.py): skipped without one, failed under CI=true.
"""

import json
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from postgres_server import database_url, server_url

from ewarong_desktop.__main__ import main
from ewarong_desktop.db import open_database
from ewarong_desktop.db import server as pg
from ewarong_desktop.db.migrations import HEAD_REVISION
from ewarong_desktop.errors import ServerError
from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import advisors, assessments, warongs


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def server_db(postgres_pool):
    """The URL of an empty database with the schema on the test server."""
    url = postgres_pool.borrow()
    yield url
    postgres_pool.give_back(url)


@pytest.fixture
def empty_db():
    """The URL of a brand-new database with nothing in it, dropped afterwards."""
    import psycopg

    name = f"ewt_empty_{uuid.uuid4().hex[:8]}"
    admin = database_url("postgres").replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield database_url(name)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def make_draft(database):
    with database.session() as session:
        advisor = advisors.create_advisor(session, "Euis Rahmawati", "PKH", kabupaten="Kota Bandung")
        warong = warongs.create_warong(session, warongs.WarongFields(
            name="e-Warong Sauyunan", kelurahan="Cijagra", kecamatan="Lengkong",
            kabupaten="Kota Bandung"), advisor_id=advisor.id)
        return assessments.start_assessment(session, advisor.id, warong.id, "2026-S1").id


# --- addresses (no server needed) --------------------------------------------------------------

def test_addresses_are_normalised_to_psycopg_and_keep_their_options():
    assert pg.is_server_url("postgresql://ani@10.0.0.5/ewarong")
    assert pg.is_server_url("postgres://ani@10.0.0.5/ewarong")
    assert not pg.is_server_url("/home/ani/ewarong.sqlite3")
    url = pg.normalise_url("postgresql://ani:rahasia@10.0.0.5:5433/ewarong?sslmode=require")
    assert url == "postgresql+psycopg://ani:rahasia@10.0.0.5:5433/ewarong?sslmode=require"
    assert "rahasia" not in pg.describe(url) and "sslmode=require" in pg.describe(url)
    assert pg.login_key(url) == "ani@10.0.0.5:5433/ewarong"
    address, environment = pg.libpq_address(url)
    assert "rahasia" not in address and environment["PGPASSWORD"] == "rahasia"
    with pytest.raises(ServerError, match="names no database"):
        pg.normalise_url("postgresql://ani@10.0.0.5:5432")


def test_a_remembered_password_lives_in_the_keyring_only(monkeypatch, _isolated_user_dirs):
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.backends import fail

    from ewarong_desktop.services import credentials

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self):
            super().__init__()
            self.store = {}

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def get_password(self, service, username):
            return self.store.get((service, username))

        def delete_password(self, service, username):
            self.store.pop((service, username))

    memory = MemoryKeyring()
    # The keyring in use, swapped for this test only (restored afterwards).
    monkeypatch.setattr(keyring.core, "_keyring_backend", memory)
    url = "postgresql://ani@10.0.0.5/ewarong"
    credentials.remember_password(url, "rahasia-kantor")
    assert memory.store == {("ewarong-desktop", "ani@10.0.0.5:5432/ewarong"): "rahasia-kantor"}
    assert credentials.saved_password(url + "?sslmode=require") == "rahasia-kantor"
    home = _isolated_user_dirs  # settings, data, logs: the password is in none of them
    assert not any("rahasia" in p.read_text(errors="ignore") for p in home.rglob("*") if p.is_file())
    credentials.forget_password(url)
    assert credentials.saved_password(url) is None
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    with pytest.raises(credentials.KeyringUnavailableError, match="no keyring"):
        credentials.remember_password(url, "rahasia-kantor")
    assert credentials.saved_password(url) is None


# --- on the server ---------------------------------------------------------------------------

def test_server_init_creates_the_schema_notices_and_group_roles_once(empty_db, capsys):
    code, text, _ = run(capsys, "server", "init", "--db", empty_db)
    assert code == 0 and f"schema {HEAD_REVISION} created" in text
    code, text, _ = run(capsys, "server", "init", "--db", empty_db)
    assert code == 0 and "already up to date" in text
    code, text, _ = run(capsys, "check", "--db", empty_db)
    assert code == 0 and f"revision {HEAD_REVISION}" in text and "change notices: on for every table" in text
    assert "row-level security: not yet on" in text
    import psycopg

    with psycopg.connect(empty_db.replace("+psycopg", "")) as connection:
        roles = {row[0] for row in connection.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'ewarong_%'")}
    assert {"ewarong_advisor", "ewarong_coordinator"} <= roles


def test_check_fails_clearly_on_an_empty_database_and_an_unreachable_server(empty_db, capsys):
    code, _, err = run(capsys, "check", "--db", empty_db)
    assert code == 1 and "no e-Warong schema yet" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--lang", "id", "check", "--db", "postgresql://ani@127.0.0.1:1/ewarong")
    assert code == 1 and "tidak dapat dihubungi" in err and "psycopg" not in err


def test_demo_list_summary_and_backup_on_a_server(server_db, capsys, tmp_path):
    code, text, _ = run(capsys, "demo", "--db", server_db, "--assessments", "40")
    assert code == 0 and "assessments" in text
    code, _, err = run(capsys, "demo", "--db", server_db)
    assert code == 1 and "already holds data" in err
    code, text, _ = run(capsys, "list", "assessments", "--db", server_db, "--json")
    listed = json.loads(text)
    assert code == 0 and len(listed) >= 30 and all(0 <= row["completeness"] <= 1 for row in listed)
    code, _, err = run(capsys, "report", "summary", "--db", server_db, "--out", tmp_path / "s.pdf")
    assert code == 0, err
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    code, text, err = run(capsys, "backup", "--db", server_db, "--out", tmp_path / "kantor.dump")
    assert code == 0, err
    assert (tmp_path / "kantor.dump").read_bytes().startswith(b"PGDMP")


def test_a_sqlite_demo_travels_to_the_server_and_back_unchanged(server_db, capsys, tmp_path):
    laptop = tmp_path / "laptop.sqlite3"
    assert run(capsys, "demo", "--db", laptop, "--assessments", "30")[0] == 0
    assert run(capsys, "export", "--db", laptop, "--out", tmp_path / "kirim.ewarong")[0] == 0
    code, text, err = run(capsys, "import", "--db", server_db, tmp_path / "kirim.ewarong")
    assert code == 0 and "no backup taken on a server" in text, err
    code, text, _ = run(capsys, "import", "--db", server_db, tmp_path / "kirim.ewarong")
    assert code == 0 and " 0          0 " in text
    counted = [line.split() for line in text.splitlines() if line.startswith("  ") and
               not line.strip().startswith("records")]
    assert all(new == updated == conflicts == "0" for _, new, updated, _same, conflicts in counted)
    assert run(capsys, "export", "--db", server_db, "--out", tmp_path / "balik.ewarong")[0] == 0
    code, text, _ = run(capsys, "import", "--db", laptop, tmp_path / "balik.ewarong")
    counted = [line.split() for line in text.splitlines() if line.startswith("  ") and
               not line.strip().startswith("records")]
    assert code == 0 and counted
    assert all(new == updated == conflicts == "0" for _, new, updated, _same, conflicts in counted)


def test_two_imports_of_the_same_file_at_once_both_succeed(server_db, tmp_path):
    from ewarong_desktop.services import exchange
    from ewarong_desktop.services.demo import generate_demo

    laptop = open_database(tmp_path / "laptop.sqlite3")
    with laptop.session() as session:
        generate_demo(session, seed=3, assessments=20)
    with laptop.session() as session:
        exchange.export_exchange(session, tmp_path / "kirim.ewarong")
    laptop.close()
    hub_a, hub_b = open_database(server_db), open_database(server_db)
    results, failures = [], []

    def receive(hub):
        try:
            results.append(exchange.apply(hub, tmp_path / "kirim.ewarong"))
        except BaseException as exc:  # noqa: BLE001 - asserted below
            failures.append(exc)

    threads = [threading.Thread(target=receive, args=(hub,)) for hub in (hub_a, hub_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    hub_a.close()
    hub_b.close()
    assert failures == []
    assert sorted(result.total("new") > 0 for result in results) == [False, True]


def test_the_window_is_not_offered_a_server_yet(capsys):
    code, _, err = run(capsys, "--db", "postgresql://ani@127.0.0.1:1/ewarong")
    assert code == 1 and "cannot open a server database yet" in err


def test_times_are_utc_whatever_the_servers_time_zone(server_db):
    import psycopg
    from sqlalchemy.engine import make_url

    name = make_url(server_db).database
    with psycopg.connect(server_db.replace("+psycopg", ""), autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} SET TimeZone = 'Asia/Jakarta'")
    database = open_database(server_db)
    try:
        draft = make_draft(database)
        with database.reading() as session:
            updated = assessments.get_summary(session, draft).updated_at
        assert updated.utcoffset().total_seconds() == 0
    finally:
        database.close()
        with psycopg.connect(server_db.replace("+psycopg", ""), autocommit=True) as admin:
            admin.execute(f"ALTER DATABASE {name} RESET TimeZone")


def test_file_only_commands_say_so_on_a_server(server_db, capsys, monkeypatch):
    code, _, err = run(capsys, "restore", "--db", server_db, "--from", "newest")
    assert code == 1 and "SQLite database files only" in err and "pg_restore" in err
    code, _, err = run(capsys, "backup", "--db", server_db, "--list")
    assert code == 1 and "SQLite database files only" in err
    monkeypatch.setattr("shutil.which", lambda name: None)
    code, _, err = run(capsys, "backup", "--db", server_db)
    assert code == 1 and "needs PostgreSQL's pg_dump" in err


def test_two_people_saving_the_same_cells_never_fail_and_the_last_save_wins(server_db):
    first, second = open_database(server_db), open_database(server_db)
    draft = make_draft(first)
    commit_order = threading.Lock()
    last: dict[str, int] = {}
    failures: list[BaseException] = []

    def save_all(database, level, rounds=5):
        for _ in range(rounds):
            for code in all_cell_codes():
                try:
                    with database.session() as session:
                        assessments.set_rating(session, draft, code, level, note=f"oleh {level}")
                        commit_order.acquire()  # released once the commit has returned
                    last[code] = level
                except BaseException as exc:  # noqa: BLE001 - counted, then asserted
                    failures.append(exc)
                finally:
                    if commit_order.locked():
                        commit_order.release()

    threads = [threading.Thread(target=save_all, args=(db, level))
               for db, level in ((first, 1), (second, 3))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failures == []
        with first.reading() as session:
            detail = assessments.get_detail(session, draft)
        assert detail.summary.answered == 32
        assert {code: rating.level for code, rating in detail.ratings.items()} == last
        assert all(rating.note == f"oleh {rating.level}" for rating in detail.ratings.values())
    finally:
        first.close()
        second.close()


def test_server_errors_reach_the_person_as_the_programs_own_message(server_db):
    import psycopg

    database = open_database(server_db)
    draft = make_draft(database)
    try:
        with pytest.raises(ServerError) as lost, database.reading() as session:
            pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with psycopg.connect(server_db.replace("+psycopg", ""), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            assessments.get_detail(session, draft)
        assert lost.value.kind == "connection_lost" and "psycopg" not in str(lost.value)
        # The pool notices the dead connection and the next save simply works.
        with database.session() as session:
            assessments.set_rating(session, draft, "4.1.1", 2)
        with psycopg.connect(server_db.replace("+psycopg", ""), autocommit=True) as admin:
            admin.execute("DROP ROLE IF EXISTS ewt_reader")
            admin.execute("CREATE ROLE ewt_reader LOGIN")
        reader = pg.make_server_engine(server_db.replace("postgres@", "ewt_reader@", 1))
        from ewarong_desktop.db.engine import Database

        as_reader = Database(reader, url=server_db)
        with pytest.raises(ServerError) as refused, as_reader.session() as session:
            assessments.set_rating(session, draft, "4.1.2", 3)
        as_reader.close()
        assert refused.value.kind == "permission_denied"
        assert "nothing was changed" in str(refused.value)
        assert "tidak ada yang diubah" in refused.value.text("id")
    finally:
        database.close()
        with psycopg.connect(server_db.replace("+psycopg", ""), autocommit=True) as admin:
            admin.execute("DROP ROLE IF EXISTS ewt_reader")


def test_another_users_commit_is_heard_within_seconds_and_ours_is_not(server_db):
    import psycopg

    database = open_database(server_db)
    heard: list[frozenset[str]] = []
    arrived = threading.Event()

    def on_change(tables):
        heard.append(tables)
        arrived.set()

    try:
        database.subscribe(on_change)
        stamp = database.change_stamp()
        draft = make_draft(database)  # our own saves are not news to us
        time.sleep(1.5)
        assert heard == [] and database.change_stamp() == stamp
        with psycopg.connect(server_db.replace("+psycopg", "")) as other:
            other.execute("UPDATE rating SET level = 4")
            other.execute("INSERT INTO rating (id, assessment_id, cell_code, level, not_applicable,"
                          " note, updated_at) VALUES (%s, %s, '4.1.1', 2, false, '', now())",
                          (uuid.uuid4(), draft))
        assert arrived.wait(5), "the other connection's commit was not heard within 5 s"
        assert heard[0] == frozenset({"rating"}) and database.change_stamp() != stamp
    finally:
        database.close()


def test_the_postgres_tests_cannot_pass_quietly_in_ci(monkeypatch):
    """Under CI=true a missing server fails the PostgreSQL tests instead of skipping them."""
    tests = str(Path(__file__).resolve().parent)
    code = (f"import os, pytest, sys; sys.path.insert(0, {tests!r}); "
            "from postgres_server import server_url; server_url()")
    environment = {k: v for k, v in __import__("os").environ.items()
                   if k != "EWARONG_TEST_POSTGRES_URL"}
    environment["CI"] = "true"
    result = subprocess.run([sys.executable, "-c", code], env=environment,
                            capture_output=True, text=True)
    assert result.returncode != 0 and "CI=true" in result.stderr
    assert server_url()  # and here, with a server, the URL is there
