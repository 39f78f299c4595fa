"""Saves that wait for a busy database instead of failing.

Another window or a long import may hold the database's write lock for longer than the
busy timeout. A save that meets it is not refused: it keeps its value, waits in this
queue ("menunggu ...") and is tried again until it lands. Saves land in the order they
were made; a newer change to the same thing replaces a waiting older one, so an old
value never lands over a newer one. While anything waits, new saves queue behind it.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...services.store import DatabaseBusyError

RETRY_MS = 500


@dataclass
class _Save:
    write: Callable[[], Any]
    landed: Callable[[Any], None]
    failed: Callable[[Exception], None]


class SaveQueue(QObject):
    """Runs saves now, or, while the database is busy, later and in order.

    ``waiting_changed(bool)`` tells the form when to show "menunggu ...".
    """

    waiting_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, retry_ms: int = RETRY_MS,
                 errors: tuple[type[BaseException], ...] = (Exception,)):
        super().__init__(parent)
        self._pending: OrderedDict[Hashable, _Save] = OrderedDict()
        self._errors = errors
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self.retry)

    @property
    def waiting(self) -> bool:
        return bool(self._pending)

    def waiting_keys(self) -> list[Hashable]:
        return list(self._pending)

    def submit(self, key: Hashable, write: Callable[[], Any], landed: Callable[[Any], None],
               failed: Callable[[Exception], None]) -> bool:
        """Save now (True when it landed), or queue it behind waiting saves (False).

        ``write`` runs the save and returns its result; it is called again on every try,
        so it should read the value to save when called. ``landed(result)`` or
        ``failed(error)`` is called once, when the save lands or is refused for good.
        """
        save = _Save(write, landed, failed)
        if self._pending:
            self._pending.pop(key, None)  # the newer change replaces the waiting one
            self._pending[key] = save
            return False
        if self._attempt(save):
            return True
        self._pending[key] = save
        self._timer.start()
        self.waiting_changed.emit(True)
        return False

    def retry(self) -> None:
        """Try the waiting saves again, oldest first, stopping at the first still busy."""
        while self._pending:
            key, save = next(iter(self._pending.items()))
            if not self._attempt(save):
                self._timer.start()
                return
            # The save may have queued another under this key meanwhile: remove only ours.
            if self._pending.get(key) is save:
                del self._pending[key]
        self.waiting_changed.emit(False)

    def forget(self, keys: list[Hashable]) -> None:
        """Drop waiting saves the person chose not to keep."""
        for key in keys:
            self._pending.pop(key, None)
        if not self._pending:
            self._timer.stop()
            self.waiting_changed.emit(False)

    def flush(self, seconds: float) -> bool:
        """Keep trying for up to ``seconds`` (the window is closing); True when all landed."""
        deadline = time.monotonic() + seconds
        while self._pending and time.monotonic() < deadline:
            self._timer.stop()
            self.retry()
            if self._pending:
                time.sleep(RETRY_MS / 1000)
        return not self._pending

    def _attempt(self, save: _Save) -> bool:
        """True when the save is done (landed or refused for good), False when still busy."""
        try:
            result = save.write()
        except DatabaseBusyError:
            return False
        except self._errors as exc:  # type: ignore[misc]
            save.failed(exc)  # type: ignore[arg-type]
            return True
        save.landed(result)
        return True
