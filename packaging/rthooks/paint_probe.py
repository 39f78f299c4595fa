"""Runtime hook of the bundle: report the window's first paints when asked, else do nothing.

The bundle cannot run ``bench/gui_probe.py``, so the benchmark (bench/run.py, the bundle's
cold-start row) and the bundle's smoke test (tests/bundle/) set
``EWARONG_PAINT_PROBE=FILE``: the program then runs exactly as usual, and once its main
window (not the start window) has been painted, writes one JSON line to FILE — the moments
(``time.perf_counter()``, one system-wide monotonic clock) of the first paint of any main
window and of the filled main window, and the window's title — saves a screenshot of it to
``EWARONG_PAINT_PROBE_GRAB`` if that is set, and closes it as a person would.
Without the variable this hook only reads the environment.
"""

import os

_TARGET = os.environ.get("EWARONG_PAINT_PROBE")

if _TARGET:
    import json
    import time

    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    _GRAB = os.environ.get("EWARONG_PAINT_PROBE_GRAB")

    class _FirstPaint(QObject):
        painted_at = None
        filled_at = None

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if (self.filled_at is None and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QtWidgets.QMainWindow)):
                now = time.perf_counter()
                if self.painted_at is None:
                    self.painted_at = now
                if watched.objectName() != "startWindow":
                    self.filled_at = now
                    QTimer.singleShot(0, lambda: self._report(watched))
            return False

        def _report(self, window):
            if _GRAB:
                window.grab().save(_GRAB)
            with open(_TARGET, "w", encoding="utf-8") as out:
                out.write(json.dumps({"painted_at": self.painted_at, "filled_at": self.filled_at,
                                      "title": window.windowTitle()}) + "\n")
            window.close()

    class _ProbedApplication(QtWidgets.QApplication):
        def __init__(self, *args):
            super().__init__(*args)
            self._paint_probe = _FirstPaint()
            self.installEventFilter(self._paint_probe)

    QtWidgets.QApplication = _ProbedApplication
