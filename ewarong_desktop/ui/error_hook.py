"""The last safety net: an error nobody caught is logged, explained, and costs no work.

``ErrorReporter.install()`` replaces ``sys.excepthook`` (and ``threading.excepthook``):
the traceback goes to the rotating log file, notes typed in open assessment forms are
saved, and a small window that does not block the program says what happened and where
the log is. Qt's own warnings and critical messages go to the log too.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMessageLogContext, QObject, Qt, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .. import logging_setup

log = logging.getLogger("ewarong_desktop.unexpected")
qt_log = logging.getLogger("ewarong_desktop.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def save_open_forms() -> int:
    """Save the notes typed in every open assessment form; returns how many forms were asked.

    Levels are saved the moment they are chosen; a note waits for a pause in typing, so
    this is what could still be lost when something fails.
    """
    from .assessment.form import AssessmentForm

    forms = [w for w in QApplication.allWidgets() if isinstance(w, AssessmentForm)]
    for form in forms:
        try:
            form.save_pending()
        except Exception:  # noqa: BLE001 - keep saving the others; the failure is logged
            log.exception("saving the notes of an open form failed")
    return len(forms)


class ErrorDialog(QDialog):
    """Says that something went wrong, that saved work is safe, and where the log file is."""

    def __init__(self, log_path: Path | None, summary: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.log_path = log_path
        self.count = 0
        self.setWindowTitle(self.tr("Terjadi kesalahan"))
        self.setWindowModality(Qt.WindowModality.NonModal)  # the person may carry on working
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        heading = QLabel(self.tr("Terjadi kesalahan yang tidak terduga."), self)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        heading.setWordWrap(True)
        explanation = QLabel(self.tr(
            "Nilai dan catatan yang sudah tersimpan tetap aman, dan catatan yang sedang diketik "
            "sudah disimpan. Anda bisa melanjutkan pekerjaan. Jika kesalahan ini berulang, tutup "
            "program lalu buka lagi, dan kirim berkas log di bawah ini kepada koordinator atau "
            "pengembang."), self)
        explanation.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #4a4f57;")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label = QLabel(self)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if log_path is not None:
            self.log_label.setText(self.tr("Berkas log: {path}").format(path=log_path))
        else:
            self.log_label.setText(self.tr(
                "Log tidak bisa ditulis (folder log tidak bisa ditulis), jadi rinciannya tidak "
                "tersimpan."))

        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("&Salin lokasi log"), self)
        self.copy_button.setEnabled(log_path is not None)
        self.copy_button.clicked.connect(self.copy_log_path)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)

        column = QVBoxLayout()
        for widget in (heading, explanation, self.summary, self.log_label):
            column.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(8)
        top.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.add_occurrence(summary)

    def add_occurrence(self, summary: str) -> None:
        """Another error while the window is still open: count it rather than stack windows."""
        self.count += 1
        text = self.tr("Kesalahan: {summary}").format(summary=summary)
        if self.count > 1:
            text += "\n" + self.tr("({count} kesalahan sejak jendela ini terbuka)").format(
                count=self.count)
        self.summary.setText(text)
        self.adjustSize()  # wrapped texts: grow with them rather than overlap

    def copy_log_path(self) -> None:
        if self.log_path is not None:
            QGuiApplication.clipboard().setText(str(self.log_path))
            self.copy_button.setText(self.tr("Lokasi tersalin"))


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class ErrorReporter(QObject):
    """Logs every uncaught exception and shows ``ErrorDialog`` in the window's thread."""

    reported = Signal(str)  # "Type: message"; queued to the window's thread from any thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.dialog: ErrorDialog | None = None
        self._previous_hook: Callable[..., Any] | None = None
        self._previous_thread_hook: Callable[..., Any] | None = None
        self._previous_qt_handler: Any = None
        self._installed = False
        self._failed = False  # showing the dialog itself failed once: only log from then on
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._installed:
            return
        self._previous_hook, sys.excepthook = sys.excepthook, self.handle
        self._previous_thread_hook = threading.excepthook
        threading.excepthook = self._handle_thread
        self._previous_qt_handler = qInstallMessageHandler(self._qt_message)
        self._installed = True

    def uninstall(self) -> None:
        if not self._installed:
            return
        sys.excepthook = self._previous_hook or sys.__excepthook__
        threading.excepthook = self._previous_thread_hook or threading.__excepthook__
        qInstallMessageHandler(self._previous_qt_handler)
        self._installed = False

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               traceback: TracebackType | None) -> None:
        """``sys.excepthook``: log the traceback, then tell the person (never raises)."""
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            (self._previous_hook or sys.__excepthook__)(exc_type, exc, traceback)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, traceback))
        self.reported.emit(f"{exc_type.__name__}: {exc}")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str) -> None:
        if self._failed:
            return
        try:
            save_open_forms()
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.add_occurrence(summary)
                self.dialog.raise_()
                return
            dialog = ErrorDialog(logging_setup.log_file(), summary, QApplication.activeWindow())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._dialog_gone)
            self.dialog = dialog
            dialog.show()
        except Exception:  # noqa: BLE001 - an error here must not loop back into the hook
            self._failed = True
            log.exception("the error window itself failed")

    def _dialog_gone(self, *_args: object) -> None:
        self.dialog = None

    def _qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
        if self._previous_qt_handler is not None:
            self._previous_qt_handler(kind, context, message)
