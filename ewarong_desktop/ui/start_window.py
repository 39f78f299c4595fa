"""The window a person sees the moment the program starts, while the database is opened.

Loading the database layer, checking the file and reading the first lists takes longer than
painting a window (half a second on a fast machine, seconds on an old office laptop), and a
program that shows nothing for that long gets started a second time. So ``run_gui`` paints
this window first, where the main window will stand, and opens the database after it; the
main window then takes its place. It imports nothing but Qt and the settings, on purpose.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from .settings import Settings

MINIMUM_SIZE = (1000, 640)  # the main window's too: the start window stands where it will
DEFAULT_SIZE = (1280, 760)
FRAME = (40, 60)  # room a window's frame and the taskbar may take beyond its inside size
TITLE = "<p style='font-size: 14pt'><b>e-Warong Desktop</b></p>"
PAINT_WAIT_MS = 300  # started minimised or hidden: go on without waiting for a paint


def restore_window_geometry(window: QWidget, settings: Settings) -> None:
    """Where and how big the main window was last time; the first time, a size that fits
    this screen with the window's frame, or the whole screen on a small one."""
    window.setMinimumSize(*MINIMUM_SIZE)
    geometry = settings.window_geometry
    if not geometry.isEmpty() and window.restoreGeometry(geometry):
        return
    screen = window.screen().availableGeometry()
    # resize() sets the inside of the window: leave room for the title bar and borders.
    width = min(DEFAULT_SIZE[0], screen.width() - FRAME[0])
    height = min(DEFAULT_SIZE[1], screen.height() - FRAME[1])
    window.resize(max(MINIMUM_SIZE[0], width), max(MINIMUM_SIZE[1], height))
    if (width, height) != DEFAULT_SIZE:  # a 1366x768 laptop: all of it, as people expect
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


class StartWindow(QMainWindow):
    """"Membuka basis data…" in the main window's place; ``ready`` once it is on screen."""

    ready = Signal()  # painted (or given up waiting): the slow part of the start may begin

    def __init__(self, settings: Settings, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startWindow")
        self.setWindowTitle("e-Warong Desktop")
        opening = self.tr("Membuka basis data…")
        self.message = QLabel(f"{TITLE}<p>{html.escape(opening)}</p>"
                              f"<p>{html.escape(str(path))}</p>", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.setCentralWidget(self.message)
        restore_window_geometry(self, settings)
        self._ready_sent = False
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(PAINT_WAIT_MS)
        self._fallback.timeout.connect(self._send_ready)

    def opened(self) -> None:
        """The file is open (or could not be): a dialog now asks the person something."""
        self.message.setText(TITLE)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fallback.start()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._ready_sent:
            # Queued: the rest of this paint (the message) reaches the screen first.
            QTimer.singleShot(0, self._send_ready)

    def _send_ready(self) -> None:
        if self._ready_sent:
            return
        self._ready_sent = True
        self._fallback.stop()
        self.ready.emit()
