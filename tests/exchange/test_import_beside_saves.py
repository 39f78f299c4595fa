"""An import beside a stream of autosaves: none refused, none lost.

The file is read and checked, and a dry run compared, without the write lock; what
remains under the lock is the comparison and the writing, and autosaves that meet it
wait (ui/assessment/save_queue.py) instead of failing.
"""

import threading
import time

import pytest

from ewarong_desktop.db import engine, open_database
from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import advisors, assessments, exchange, warongs
from ewarong_desktop.services.safety import DatabaseBusyError

from .conftest import export_file


@pytest.fixture
def window_draft(make_database):
    """The coordinator's database with a draft being typed in another window."""
    database = make_database("coordinator")
    if database.is_server:
        # About SQLite's single write lock; a server queues writers per row (test_server.py).
        pytest.skip("SQLite file lock only")
    with database.session() as session:
        advisor = advisors.create_advisor(session, "Kortek Bandung", "OTHER").id
        warong = warongs.create_warong(session, warongs.WarongFields(
            name="e-Warong Rukun", kelurahan="Cijagra", kecamatan="Lengkong",
            kabupaten="Kota Bandung"), advisor_id=advisor).id
        draft = assessments.start_assessment(session, advisor, warong, "2026-S1").id
    return database, draft


def save_now(database, draft, code, level) -> None:
    with database.session() as session:
        assessments.set_rating(session, draft, code, level)


@pytest.mark.parametrize("dry_run", [False, True])
def test_reading_and_checking_a_file_takes_no_lock(laptop, tmp_path, window_draft, monkeypatch,
                                                   dry_run):
    database, draft = window_draft
    path = export_file(laptop.database, tmp_path / "kirim.ewarong")
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    other_window = open_database(database.path)  # refuses after 0.1 s if the lock is held
    saved_meanwhile = []
    real_read, real_preview = exchange.read_exchange_file, exchange._preview_of

    def read_slowly(*args, **kwargs):
        save_now(other_window, draft, "4.1.1", 3)  # the advisor types on meanwhile
        saved_meanwhile.append("read")
        return real_read(*args, **kwargs)

    def preview_slowly(*args, **kwargs):
        if dry_run:  # compared, the counts being made: still no lock for a dry run
            save_now(other_window, draft, "4.1.2", 2)
            saved_meanwhile.append("compare")
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(exchange, "read_exchange_file", read_slowly)
    monkeypatch.setattr(exchange, "_preview_of", preview_slowly)
    try:
        exchange.import_files(database, [path], dry_run=dry_run)
    finally:
        other_window.close()
    assert saved_meanwhile == (["read", "compare"] if dry_run else ["read"])


def autosave_stream(database, draft, stop: threading.Event, log: list, min_saves: int) -> None:
    """Autosaves as the window's save queue makes them: a busy database is waited for."""
    codes = all_cell_codes()
    number = 0
    while not stop.is_set() or number < min_saves:
        code, level = codes[number % len(codes)], number % 5
        while True:
            try:
                save_now(database, draft, code, level)
                break
            except DatabaseBusyError:
                log.append(("waited", code))
                time.sleep(0.01)
        log.append(("saved", code, level))
        number += 1


def run_beside_autosaves(database, draft, files, min_saves: int) -> list:
    other_window = open_database(database.path)
    stop, log = threading.Event(), []
    saver = threading.Thread(target=autosave_stream,
                             args=(other_window, draft, stop, log, min_saves))
    saver.start()
    try:
        for path in files:
            exchange.import_files(database, [path])
    finally:
        stop.set()
        saver.join()
        other_window.close()
    saves = [entry for entry in log if entry[0] == "saved"]
    last = {}
    for _, code, level in saves:
        last[code] = level
    with database.reading() as session:
        stored = assessments.get_detail(session, draft).ratings
    assert {code: stored[code].level for code in last} == last  # none lost
    return saves


def test_an_import_beside_a_stream_of_autosaves_loses_none(laptop, tmp_path, window_draft):
    database, draft = window_draft
    files = [export_file(laptop.database, tmp_path / f"kirim{n}.ewarong") for n in range(3)]
    saves = run_beside_autosaves(database, draft, files, min_saves=40)
    assert len(saves) >= 40
    with database.reading() as session:  # and the import landed whole
        assert assessments.get_summary(session, laptop.final).status == "final"


@pytest.mark.slow
def test_a_long_import_beside_a_thousand_autosaves(tmp_path, window_draft):
    from ewarong_desktop.services.demo import generate_demo

    source = open_database(tmp_path / "source.sqlite3")
    with source.session() as session:
        counts = generate_demo(session, seed=2, assessments=6000)
    path = export_file(source, tmp_path / "besar.ewarong")
    source.close()
    database, draft = window_draft
    saves = run_beside_autosaves(database, draft, [path], min_saves=1000)
    assert len(saves) >= 1000
    with database.reading() as session:
        assert len(assessments.list_assessments(session)) == counts.assessments + 1
