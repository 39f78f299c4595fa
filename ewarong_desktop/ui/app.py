"""Starting the window: the QApplication, the database, who is using the laptop, the language.

``run_gui`` is what ``ewarong-desktop`` (no command) calls. ``Application`` owns the open
database and the main window; it replaces the window when another database is opened or the
language changes, so every string is drawn again in the new language.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .. import __version__
from ..db import Database, open_database
from ..db.health import DatabaseDamagedError, DatabaseFileError, DatabaseReadOnlyError
from ..errors import NotFoundError, UserError
from ..logging_setup import setup_logging
from ..paths import APP_AUTHOR, APP_NAME, default_database_path
from ..services import advisors
from .common import show_message, user_message
from .error_hook import ErrorReporter
from .i18n import Translation
from .main_window import MainWindow, ViewState
from .settings import Settings
from .setup_dialog import SetupDialog


def show_start_error(message: str) -> None:
    """The database could not be opened at start: there is no window yet, so this blocks."""
    title = QCoreApplication.translate("Application", "e-Warong Desktop tidak bisa dimulai")
    QMessageBox.critical(None, title, message)


class Application(QObject):
    """The open database, the current advisor and the main window of one running program."""

    finished = Signal(int)  # the person left before a window opened (set-up cancelled)
    # Each new MainWindow (start, other database, language): where later features add their
    # actions to window.reports_menu / window.data_menu with window.add_menu_action().
    window_changed = Signal(object)

    def __init__(self, settings: Settings, lang: str | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.translation = Translation()
        self.translation.switch(lang or settings.language)
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.setup_dialog: SetupDialog | None = None
        self.pending_database: Database | None = None  # opened, waiting for set-up
        # Each new window gets the Laporan menu (coordinator's summary, batch of profiles).
        self.window_changed.connect(self._install_report_actions)
        # Each new window gets the exchange actions (send, receive, conflicts, spreadsheets).
        self.window_changed.connect(self._install_exchange_actions)
        self.recovery_dialog: QDialog | None = None  # a damaged or read-only file explained
        self.window_changed.connect(self._install_data_menu)

    @property
    def lang(self) -> str:
        return self.translation.lang

    def start(self, path: Path) -> bool:
        """Open ``path`` and show set-up or the main window; False (after a message) if it fails."""
        try:
            database = open_database(path)
        except (DatabaseDamagedError, DatabaseReadOnlyError) as exc:
            self.offer_recovery(exc)  # restore a backup, open read-only, another file, or quit
            return True
        except UserError as exc:
            show_start_error(self.tr("Basis data {path} tidak bisa dibuka.\n\n{reason}").format(
                path=path, reason=user_message(exc)))
            return False
        self._adopt(database)
        return True

    def open_other_database(self, path: str | Path) -> None:
        """Berkas > Buka: switch to another file; on failure the current one stays open."""
        try:
            database = open_database(Path(path))
        except (DatabaseDamagedError, DatabaseReadOnlyError) as exc:
            self.offer_recovery(exc)
            return
        except UserError as exc:
            show_message(self.window, self.tr("Basis data tidak bisa dibuka"),
                         self.tr("{path}\n\n{reason}").format(path=path, reason=user_message(exc)))
            return
        self._adopt(database)

    def offer_recovery(self, error: DatabaseFileError) -> QDialog:
        """Explain a damaged or read-only file and offer the ways out (``RecoveryDialog``)."""
        from .safety_dialogs import RecoveryDialog, announce_restore

        # Kept (not deleted on close) until the next one replaces it: at start it has no
        # parent, and dropping the last reference from inside its own button's click would
        # delete it under Qt's feet.
        dialog = RecoveryDialog(error, settings=self.settings, parent=self.window)
        dialog.database_opened.connect(self._adopt)
        dialog.restored.connect(
            lambda result, backup: announce_restore(self.setup_dialog or self.window, result, backup))
        dialog.rejected.connect(self._recovery_abandoned)
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    def _recovery_abandoned(self) -> None:
        if self.window is None:  # at start: nothing was opened, so the program ends
            self.finished.emit(1)

    def _install_data_menu(self, window: MainWindow) -> None:
        from .safety_dialogs import install_safety_actions

        install_safety_actions(self, window)

    def _install_report_actions(self, window: MainWindow) -> None:
        from .report_actions import install_report_actions

        install_report_actions(self, window)

    def _known_advisor(self, database: Database) -> uuid.UUID | None:
        assert database.path is not None
        advisor_id = self.settings.current_advisor(database.path)
        if advisor_id is None:
            return None
        try:
            with database.session() as session:
                advisors.get_advisor(session, advisor_id)
        except NotFoundError:  # chosen on this laptop for another file of the same name
            return None
        return advisor_id

    def _adopt(self, database: Database) -> None:
        advisor_id = self._known_advisor(database)
        if advisor_id is not None:
            self._switch_to(database, advisor_id)
            return
        dialog = SetupDialog(database, self.lang, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.advisor_chosen.connect(lambda chosen: self._switch_to(database, chosen))
        dialog.rejected.connect(lambda: self._setup_cancelled(database))
        self.setup_dialog = dialog
        self.pending_database = database
        dialog.open()

    def _setup_cancelled(self, database: Database) -> None:
        self.setup_dialog = None
        self.pending_database = None
        if database is not self.database:
            database.close()
        if self.window is None:  # first launch and nobody chosen: nothing to show
            self.finished.emit(0)

    def _switch_to(self, database: Database, advisor_id: uuid.UUID) -> None:
        self.setup_dialog = None
        self.pending_database = None
        assert database.path is not None
        self.settings.set_current_advisor(database.path, advisor_id)
        self.settings.last_database = str(database.path)
        previous = self.database
        self.database = database
        self._show_window(advisor_id)
        if previous is not None and previous is not database:
            previous.close()

    def _show_window(self, advisor_id: uuid.UUID, state: ViewState | None = None) -> MainWindow:
        assert self.database is not None
        old = self.window
        if old is not None:
            old.save_state()
        window = MainWindow(self.database, advisor_id, self.settings, self.lang)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.language_requested.connect(self.set_language)
        window.database_requested.connect(self.open_other_database)
        window.destroyed.connect(lambda *_args: self._window_destroyed(window))
        if state is not None:
            window.restore_view_state(state)
        # Show the new window before closing the old one, or Qt would quit in between.
        window.show()
        self.window = window
        if old is not None:
            old.close()
        self.window_changed.emit(window)
        return window

    def _window_destroyed(self, window: MainWindow) -> None:
        if self.window is window:  # closed by the person: the program is ending
            self.window = None

    def set_language(self, lang: str) -> None:
        """Switch language now: remembered, and the window rebuilt with the new strings."""
        self.settings.language = lang
        self.translation.switch(lang)
        if self.window is not None:
            self._show_window(self.window.advisor_id, self.window.view_state())

    def _install_exchange_actions(self, window: MainWindow) -> None:
        from .exchange_dialogs import install_exchange_actions

        install_exchange_actions(self, window)

    def shutdown(self) -> None:
        """Close the window and database and remove translators (tests reuse one QApplication)."""
        if self.window is not None:
            self.window.close()
            self.window = None
        if self.setup_dialog is not None:
            self.setup_dialog.close()
            self.setup_dialog = None
        # A dialog shown over a window is deleted with that window: close only a live one.
        if self.recovery_dialog is not None and shiboken6.isValid(self.recovery_dialog):
            self.recovery_dialog.close()
        self.recovery_dialog = None
        from .workers import cancel_workers, wait_for_workers

        cancel_workers("reports")  # a PDF being made is dropped whole rather than waited for
        wait_for_workers()  # an export or import in progress finishes before the file closes
        for database in {self.database, self.pending_database} - {None}:
            database.close()
        self.database = self.pending_database = None
        self.translation.remove()
        self.settings.sync()


def startup_path(db_path: Path | None, settings: Settings) -> Path:
    """The file asked for with --db; else the last one opened (if still there); else the default."""
    if db_path is not None:
        return Path(db_path)
    last = settings.last_database
    if last and Path(last).is_file():
        return Path(last)
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def run_gui(db_path: Path | None = None, lang: str | None = None) -> int:
    """Run the window until it is closed; 1 when the database cannot be opened at start."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    setup_logging()
    # An error nobody caught: logged, notes in open forms saved, a window saying where the log is.
    reporter = ErrorReporter(app)
    reporter.install()
    try:
        settings = Settings()
        controller = Application(settings, lang)
        if not controller.start(startup_path(db_path, settings)):
            controller.shutdown()
            return 1
        controller.finished.connect(app.exit)
        code = app.exec()
        controller.shutdown()
        return code
    finally:
        reporter.uninstall()

