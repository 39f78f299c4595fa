"""While another program holds the write lock (an import, say), the window still reads.

Every read of the window goes through ``Database.reading()`` (deferred, no write lock), so
the e-Warong list, a profile and the summary load while the lock is held, instead of
waiting up to the busy timeout. A second connection holds the lock (as an import would,
longer than the 5 s busy timeout) until the screens are done; each must have its data
while the lock is still held. (How long the loads take, under 0.1 s beside a writer
holding the lock for 1.5 s, is measured in bench/, not asserted here.)
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from ewarong_desktop.services import assessments, store
from ewarong_desktop.ui.reports.profile_view import ProfileView
from ewarong_desktop.ui.reports.summary_screen import SummaryScreen

HOLD_SECONDS = 10  # at most: longer than the busy timeout, so a waiting read would fail


class Writer:
    """A second connection that takes the write lock and keeps it until the test is done
    (``done``), ``HOLD_SECONDS`` at most."""

    def __init__(self, path):
        self.path = path
        self.holding = threading.Event()
        self.done = threading.Event()
        self.released = threading.Event()
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("UPDATE advisor SET name = name")  # a real pending write
            self.holding.set()
            self.done.wait(HOLD_SECONDS)
            connection.execute("ROLLBACK")
        finally:
            connection.close()
            self.released.set()

    def __enter__(self) -> Writer:
        self.thread.start()
        assert self.holding.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


@pytest.fixture
def final_id(demo_db):
    return next(a.id for a in store.read(demo_db, assessments.list_assessments) if a.is_final)


def test_lists_profile_and_summary_load_while_another_connection_holds_the_write_lock(
        qtbot, window, final_id, settings):
    database = window.database
    model = window.warong_model
    with Writer(database.path) as writer:
        started = time.perf_counter()
        model.refresh()
        assert model.rowCount() > 0
        view = ProfileView(database, final_id, lang="id")
        qtbot.addWidget(view)
        assert view.profile is not None and view.profile.assessment.id == final_id
        screen = SummaryScreen(database, lang="id", settings=settings)
        qtbot.addWidget(screen)
        qtbot.waitUntil(lambda: screen.summary is not None, timeout=5000)
        waited = time.perf_counter() - started
        assert not writer.released.is_set(), f"the reads waited for the writer ({waited:.2f} s)"
