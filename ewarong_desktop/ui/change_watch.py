"""Noticing that another window or program saved to the open database file.

Two windows may work on one file at once (the engine lets both write). Each shows what
it read; ``ChangeWatcher`` polls ``Database.change_stamp()`` (two ``stat`` calls) every
two seconds and emits ``changed_elsewhere`` when the file moved without a save of this
window, so the window can read its lists again.

Telling our own saves apart: every transaction of this window that changed rows (the
database layer calls ``Database.add_commit_listener``'s callback) makes the watcher note
the stamp right after the commit. A stamp equal to that note is our own save. A save of the
other window that lands between our commit and the note (a few milliseconds) is only
shown with the next change: the price of not reading the database to find out.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from ..services.store import Database

POLL_INTERVAL_MS = 2000


class ChangeWatcher(QObject):
    """Emits ``changed_elsewhere`` when someone else committed to the database file."""

    changed_elsewhere = Signal()

    def __init__(self, database: Database, parent: QObject | None = None, *,
                 interval_ms: int = POLL_INTERVAL_MS):
        super().__init__(parent)
        self.database = database
        self._seen = database.change_stamp()
        self._own: tuple[int, ...] | None = None
        self._stop_listening = database.add_commit_listener(self._on_own_commit)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.destroyed.connect(lambda *_args, stop=self._stop_listening: stop())

    def stop(self) -> None:
        """Stop polling and listening (the window closes, or its database is replaced)."""
        self.timer.stop()
        self._stop_listening()

    def _on_own_commit(self) -> None:
        # This runs just before SQLite commits; note the stamp once control is back in the
        # event loop, when the commit is on disk. Other threads' commits are not ours to note.
        if threading.current_thread() is threading.main_thread():
            QTimer.singleShot(0, self, self._note_own_save)

    def _note_own_save(self) -> None:
        self._own = self.database.change_stamp()

    def poll(self) -> bool:
        """Compare the stamp; True (and ``changed_elsewhere``) when another one saved."""
        stamp = self.database.change_stamp()
        if stamp == self._seen:
            return False
        self._seen = stamp
        if stamp == self._own:
            return False
        self.changed_elsewhere.emit()
        return True
