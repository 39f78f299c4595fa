"""Run the real window in a fresh process and stop it right after the first paint.

    python bench/gui_probe.py floor                # a bare QMainWindow: paint, close
    python bench/gui_probe.py libraries            # the same after importing SQLAlchemy's ORM
    python bench/gui_probe.py start --db FILE      # ewarong-desktop --db FILE until painted
    python bench/gui_probe.py memory --db FILE     # also open a form and a profile view

``start`` and ``memory`` go through the program's own entry point (``__main__.main``, the
same as ``ewarong-desktop --db FILE``); the probe only imports the window module first (the
entry point would import it next anyway) so that it can watch the paints, and closes the
main window the way a person would once it is painted, so the program's normal shutdown
runs too. Every mode pays for the same watcher. Prints one JSON line: the moments
(``time.perf_counter()``, which on Linux, Windows and macOS reads one system-wide monotonic
clock, so the parent can subtract the moment it started this process) of the first paint of
any main window (the program paints its start window, "opening the database", first) and of
the first paint of the program's main window with the e-Warong list filled in (the same
moment in the other modes), and the peak resident memory (MB).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

WATCHDOG_SECONDS, WATCHDOG_EXIT = 120, 3
START_WINDOW = "startWindow"  # the object name of the program's start window

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    try:
        # Linux: the high-water mark of this program's own memory. ru_maxrss would report
        # the parent's size instead when that was larger at the fork (Linux keeps it
        # across exec), so a probe started by a big benchmark process would look big.
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**10  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 2**10)  # bytes on macOS, else KiB


def watch_first_paint(app: Any, then: Any) -> Any:
    """Note the first paint of any QMainWindow (``painted_at``) and of one that is not the
    program's start window (``filled_at``); then call ``then(window)`` once, after the
    latter's paint has finished."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class FirstPaint(QObject):
        painted_at: float | None = None
        filled_at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if (self.filled_at is None and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QMainWindow)):
                now = time.perf_counter()
                if self.painted_at is None:
                    self.painted_at = now
                if watched.objectName() != START_WINDOW:
                    self.filled_at = now
                    # Queued: the rest of this paint pass (the children) completes first.
                    QTimer.singleShot(0, lambda: then(watched))
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    return watcher


def wait_painted(app: Any, widget: Any, timeout: float = 30.0) -> None:
    """Process events until ``widget`` (just shown) has been painted once."""
    from PySide6.QtCore import QEvent, QObject

    seen: list[bool] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                seen.append(True)
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    deadline = time.perf_counter() + timeout
    while not seen and time.perf_counter() < deadline:
        app.processEvents()
    widget.removeEventFilter(watch)
    if not seen:
        raise RuntimeError(f"{type(widget).__name__} was never painted")


def open_form_and_profile(app: Any, window: Any) -> None:
    """What a person does next: open one of their own assessments and a profile view."""
    from ewarong_desktop.services import assessments

    with window.database.session() as session:
        own = assessments.list_assessments(session, advisor_id=window.advisor_id, limit=1)
    window.show_warong(own[0].warong_id)
    wait_painted(app, window.open_assessment(own[0]))
    wait_painted(app, window.view_profile())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("floor", "libraries", "start", "memory"))
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.mode in ("start", "memory") and (args.db is None or not args.db.is_file()):
        parser.error("--db must name an existing database (a new one would open set-up)")
    if args.mode == "libraries":
        import sqlalchemy.dialects.sqlite  # noqa: F401
        import sqlalchemy.orm  # noqa: F401
    elif args.mode in ("start", "memory"):
        import ewarong_desktop.ui.app  # noqa: F401 - what the entry point imports first

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    def painted(window: QMainWindow) -> None:
        if args.mode == "memory":
            open_form_and_profile(app, window)
        window.close()  # as the person would: the program's own shutdown follows

    watcher = watch_first_paint(app, painted)
    # A dialog instead of the main window (set-up, recovery) would wait for a person.
    QTimer.singleShot(int(WATCHDOG_SECONDS * 1000), lambda: app.exit(WATCHDOG_EXIT))
    if args.mode in ("floor", "libraries"):
        window = QMainWindow()
        window.resize(1280, 760)
        window.show()
        code = app.exec()
    else:
        from ewarong_desktop.__main__ import main as program

        code = program(["--db", str(args.db)])
    if code != 0 or watcher.painted_at is None or watcher.filled_at is None:
        print(f"the window did not paint (exit code {code})", file=sys.stderr)
        return 1
    print(json.dumps({"painted_at": watcher.painted_at, "filled_at": watcher.filled_at,
                      "peak_mb": peak_mb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
