"""Long work off the window's thread: a ``Worker`` whose news comes back by signal.

A ``Worker`` runs ``function(*args, progress=report)`` on a thread pool. ``report(stage,
done, total)`` is the services' progress callback (``services.exchange.archive``): it emits
``progress`` and returns False once the person asked to cancel, which makes the service
stop and write nothing. The result, the exception or the cancellation arrives as a signal
in the thread that made the worker (the window's), so slots may touch widgets.

Give a worker paths, ids and plain data only, never a live ORM object or session: the
service opens its own session in the worker's thread.

The pool runs one worker at a time: an export, an import and a spreadsheet then never
compete for the database's write lock, and the order they were asked in is the order
they happen in. Printed reports only read, one short transaction per profile, so they
run in a lane of their own (``lane="reports"``): a batch of a thousand profiles does not
hold an import back, nor an import a PDF.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..errors import UserError

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """What a worker tells the window; made in the window's thread, so slots run there."""

    progress = Signal(str, int, int)  # stage, done, total (total 0: no steps to count)
    succeeded = Signal(object)  # what the function returned
    failed = Signal(object)  # the exception
    cancelled = Signal()  # stopped on request; the function wrote nothing
    finished = Signal()  # after any of the three above


class Worker(QRunnable):
    """Runs ``function(*args, progress=callback, **kwargs)`` once on the pool; can be cancelled."""

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any):
        super().__init__()
        # Python owns it (see _running): the pool must not delete it under the signals.
        self.setAutoDelete(False)
        self.function = function
        self.args = args
        self.kwargs = kwargs
        # The window's thread holds the signals (in _running); the worker's thread only
        # borrows them, so a QObject of the window's thread is never deleted in the other.
        signals = WorkerSignals()
        self._owned_signals: WorkerSignals | None = signals  # until start_worker takes them
        self._signals = weakref.ref(signals)
        self.lane = "data"  # set by start_worker
        self._cancel = threading.Event()
        self.left = threading.Event()  # run() has returned all it borrowed

    @property
    def signals(self) -> WorkerSignals:
        signals = self._signals()
        if signals is None:
            raise RuntimeError("the worker has reported and its signals are gone")
        return signals

    def cancel(self) -> None:
        """Ask the function to stop at its next progress report."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def report(self, stage: str, done: int = 0, total: int = 0) -> bool:
        """The progress callback given to the function: False means "stop now"."""
        signals = self._signals()
        if signals is not None:
            signals.progress.emit(stage, done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        signals = self.signals
        try:
            result = self.function(*self.args, progress=self.report, **self.kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the window
            if self._cancel.is_set() and isinstance(exc, UserError):
                signals.cancelled.emit()  # the service stopped as asked
            else:
                if not isinstance(exc, UserError | OSError):
                    log.exception("worker %s failed", getattr(self.function, "__name__", "?"))
                signals.failed.emit(exc)
        else:
            # Finished before the cancel was seen: the work is done and must be reported.
            signals.succeeded.emit(result)
        finally:
            signals.finished.emit()
            del signals
            self.left.set()


LANES = ("data", "reports")  # each lane runs its workers one at a time, in order
_pools: dict[str, QThreadPool] = {}
# Each worker and its signals, kept by the window's thread until it has had the news and
# the worker's thread has let go: the signals object then ends in the thread it lives in.
_running: dict[int, tuple[Worker, WorkerSignals]] = {}


def _forget(key: int) -> None:
    """Drop a worker once every slot had "finished" and its thread has let go of it."""
    def release() -> None:
        entry = _running.get(key)
        if entry is not None and entry[0].left.is_set():
            del _running[key]
        elif entry is not None:  # run() has not returned yet: look again in a moment
            QTimer.singleShot(1, release)

    # Not at once: later slots of "finished" still need the signals object.
    QTimer.singleShot(0, release)


def _thread_pool(lane: str = "data") -> QThreadPool:
    if lane not in LANES:
        raise KeyError(f"unknown worker lane {lane!r}; add it to LANES")
    pool = _pools.get(lane)
    if pool is None:
        pool = _pools[lane] = QThreadPool()
        pool.setMaxThreadCount(1)
    return pool


def start_worker(function: Callable[..., Any], *args: Any,
                 on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[Exception], None] | None = None,
                 on_cancel: Callable[[], None] | None = None,
                 on_progress: Callable[[str, int, int], None] | None = None,
                 after_success: Callable[[Any], None] | None = None,
                 lane: str = "data", **kwargs: Any) -> Worker:
    """Start ``function`` in ``lane`` (see LANES) with the given callbacks, which run in the
    caller's thread; ``after_success`` runs after ``on_success`` (``operations`` uses it to
    announce what changed)."""
    worker = Worker(function, *args, **kwargs)
    worker.lane = lane
    signals, worker._owned_signals = worker.signals, None
    for signal, slot in ((signals.succeeded, on_success), (signals.succeeded, after_success),
                         (signals.failed, on_failure),
                         (signals.cancelled, on_cancel), (signals.progress, on_progress)):
        if slot is not None:
            signal.connect(slot)
    key = id(worker)
    _running[key] = (worker, signals)
    signals.finished.connect(lambda: _forget(key))  # the key only: no cycle
    _thread_pool(lane).start(worker)
    return worker


def cancel_workers(lane: str) -> None:
    """Ask every running or queued worker of ``lane`` to stop at its next progress report."""
    for worker, _signals in list(_running.values()):
        if worker.lane == lane:
            worker.cancel()


def wait_for_workers() -> None:
    """Let running work finish before the database closes (never cut an import off)."""
    for pool in _pools.values():
        pool.waitForDone()
