"""The Laporan menu of each main window: the coordinator's summary screen and the batch of
profiles (``BatchDialog`` in ``report_actions.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from .actions import BatchDialog

if TYPE_CHECKING:
    from ..shell import Shell, ShellWindow
    from .summary_screen import SummaryScreen


class ReportActions(QObject):
    """The Laporan menu of one main window: the coordinator's summary and the batch."""

    def __init__(self, controller: Shell, window: ShellWindow):
        super().__init__(window)
        self.controller = controller
        self.window = window
        self.summary_screen: SummaryScreen | None = None
        self.batch_dialog: BatchDialog | None = None
        self.summary_action = QAction(self.tr("&Ringkasan koordinator…"), window)
        self.summary_action.setStatusTip(self.tr(
            "Angka-angka satu periode per wilayah dan jenis pendamping, dan PDF-nya."))
        self.batch_action = QAction(self.tr("Semua &profil periode ini…"), window)
        self.batch_action.setStatusTip(self.tr(
            "Semua profil peran satu periode dalam satu PDF atau satu folder."))
        self.summary_action.triggered.connect(self.show_summary)
        self.batch_action.triggered.connect(self.show_batch)
        window.add_menu_action(window.reports_menu, self.summary_action)
        window.add_menu_action(window.reports_menu, self.batch_action)

    def show_summary(self) -> SummaryScreen:
        from .summary_screen import SummaryScreen

        if self.summary_screen is not None:
            self.summary_screen.showNormal()
            self.summary_screen.raise_()
            self.summary_screen.activateWindow()
            return self.summary_screen
        screen = SummaryScreen(self.window.database, lang=self.controller.lang,
                               settings=self.controller.settings, parent=self.window)
        screen.setWindowFlag(Qt.WindowType.Window, True)
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        available = self.window.screen().availableGeometry()
        screen.resize(min(1280, available.width() - 40), min(800, available.height() - 60))
        screen.destroyed.connect(self._summary_closed)
        self.summary_screen = screen
        screen.show()
        return screen

    def _summary_closed(self) -> None:
        self.summary_screen = None

    def show_batch(self) -> BatchDialog:
        dialog = BatchDialog(self.window.database, lang=self.controller.lang,
                             settings=self.controller.settings, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.batch_dialog = dialog
        dialog.destroyed.connect(self._batch_closed)
        dialog.open()
        return dialog

    def _batch_closed(self) -> None:
        self.batch_dialog = None


def install_report_actions(controller: Shell, window: ShellWindow) -> ReportActions:
    """Give a new main window its Laporan menu (connected to ``Application.window_changed``)."""
    window.report_actions = ReportActions(controller, window)  # type: ignore[attr-defined]
    return window.report_actions  # type: ignore[attr-defined, no-any-return]
