"""Work from the window runs as operations, and one data_changed signal refreshes screens."""

from __future__ import annotations

import threading

import pytest

from ewarong_desktop.errors import UserError, ValidationError
from ewarong_desktop.services import store, warongs
from ewarong_desktop.services.warongs import WarongFields
from ewarong_desktop.ui.operations import EVERYTHING, WARONG, Operation, announce, data_changes

WAIT_MS = 10_000


@pytest.fixture
def announced(qapp):
    """Every data_changed emitted during the test, in order."""
    seen: list[frozenset[str]] = []
    data_changes().data_changed.connect(seen.append)
    yield seen
    data_changes().data_changed.disconnect(seen.append)


def test_a_writing_operation_runs_off_the_window_and_then_says_what_changed(qtbot, announced):
    threads, results = [], []

    def work(value, *, progress):
        threads.append(threading.current_thread())
        assert progress("work", 1, 1)
        return value * 2

    def done(result):
        results.append((result, list(announced)))  # the success callback comes first

    Operation(work, 21, changes={WARONG}).success(done).run()
    qtbot.waitUntil(lambda: bool(announced), timeout=WAIT_MS)
    assert threads and threads[0] is not threading.main_thread()
    assert results == [(42, [])]
    assert announced == [frozenset({WARONG})]


def test_a_failed_or_cancelled_operation_changes_nothing_on_screen(qtbot, announced):
    failures, cancels = [], []

    def refused(*, progress):
        raise ValidationError("no", id="tidak")

    Operation(refused, changes=EVERYTHING).failure(failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert isinstance(failures[0], ValidationError)

    started = threading.Event()

    def long_work(*, progress):
        started.set()
        while progress("work", 0, 0):
            pass
        raise UserError("stopped")

    operation = Operation(long_work, changes=EVERYTHING).cancelled(lambda: cancels.append(1))
    operation.run()
    assert started.wait(5)
    operation.cancel()
    qtbot.waitUntil(lambda: bool(cancels), timeout=WAIT_MS)
    qtbot.wait(50)
    assert announced == []


def listed(model) -> set[str]:
    while model.canFetchMore():
        model.fetchMore()
    return {model.record(row).name for row in range(model.rowCount())}


def test_the_window_lists_what_an_announced_save_added(window, demo_advisor):
    fields = WarongFields(name="e-Warong Operasi Uji", kelurahan="Cipadung",
                          kecamatan="Cibiru", kabupaten="Kota Bandung")
    created = store.write(window.database, warongs.create_warong, fields,
                          advisor_id=demo_advisor.id)
    assert created.name not in listed(window.warong_model)  # the list was read before
    announce({WARONG})
    assert created.name in listed(window.warong_model)
