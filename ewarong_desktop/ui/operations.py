"""One way to run work from the window, and one signal that says what data changed.

In the spirit of Anki's ``aqt/operations``: an ``Operation`` runs a service call off the
window's thread (on a lane of ``workers``, which holds the thread-safety rules) with
callbacks for success, failure, progress and cancel, all called in the window's thread.
An operation that writes names the kinds of data it changes (``changes=``); once it has
succeeded, ``data_changed(kinds)`` is emitted once, application-wide, and every open
screen decides for itself whether to read again. Saves made in the window's thread
(a rating, a dialog's "Simpan") call ``announce(kinds)`` the same way.

Kinds of data: ``advisor``, ``warong``, ``assessment``, ``target``, ``conflict``;
``EVERYTHING`` when the whole file may have changed (another window saved, an import).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal

from .workers import Worker, start_worker

ADVISOR, WARONG, ASSESSMENT, TARGET, CONFLICT = (
    "advisor", "warong", "assessment", "target", "conflict")
EVERYTHING = frozenset({ADVISOR, WARONG, ASSESSMENT, TARGET, CONFLICT})


class DataChanges(QObject):
    """The application-wide notice that data changed; ``data_changed`` carries a frozenset
    of kinds."""

    data_changed = Signal(object)


_hub: DataChanges | None = None


def data_changes() -> DataChanges:
    """The one ``DataChanges`` of this program (made on first use, in the window's thread)."""
    global _hub
    if _hub is None:
        _hub = DataChanges()
    return _hub


def announce(kinds: Iterable[str]) -> None:
    """Tell every open screen that data of these kinds changed."""
    changed = frozenset(kinds)
    if changed:
        data_changes().data_changed.emit(changed)


class Operation:
    """A service call to run off the window's thread.

    ``function(*args, progress=callback, **kwargs)`` runs on ``lane``; ``progress``
    returns False once ``cancel()`` was asked, and the service then stops and writes
    nothing. Give it paths, ids and plain data only: the service opens its own session.
    """

    def __init__(self, function: Callable[..., Any], *args: Any,
                 changes: Iterable[str] = (), lane: str = "data", **kwargs: Any):
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.changes = frozenset(changes)
        self.lane = lane
        self.worker: Worker | None = None
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[Exception], None] | None = None
        self._cancel: Callable[[], None] | None = None
        self._progress: Callable[[str, int, int], None] | None = None

    def success(self, callback: Callable[[Any], None] | None) -> Operation:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None] | None) -> Operation:
        self._failure = callback
        return self

    def cancelled(self, callback: Callable[[], None] | None) -> Operation:
        self._cancel = callback
        return self

    def progress(self, callback: Callable[[str, int, int], None] | None) -> Operation:
        self._progress = callback
        return self

    def run(self) -> Worker:
        """Start it; the callbacks run in the window's thread. Returns the worker."""
        # The callbacks go to Qt as they are, so a slot of a closed widget is dropped with
        # it; announcing is a plain function of this module, held until the worker reports.
        changes = self.changes

        def announce_changes(_result: Any) -> None:
            announce(changes)

        self.worker = start_worker(self.function, *self.args, on_success=self._success,
                                   on_failure=self._failure, on_cancel=self._cancel,
                                   on_progress=self._progress,
                                   after_success=announce_changes if changes else None,
                                   lane=self.lane, **self.kwargs)
        return self.worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()


def run_operation(function: Callable[..., Any], *args: Any,
                  on_success: Callable[[Any], None] | None = None,
                  on_failure: Callable[[Exception], None] | None = None,
                  on_cancel: Callable[[], None] | None = None,
                  on_progress: Callable[[str, int, int], None] | None = None,
                  changes: Iterable[str] = (), lane: str = "data", **kwargs: Any) -> Worker:
    """``Operation(...)`` with its callbacks, started at once; returns the worker."""
    return (Operation(function, *args, changes=changes, lane=lane, **kwargs)
            .success(on_success).failure(on_failure).cancelled(on_cancel)
            .progress(on_progress).run())
