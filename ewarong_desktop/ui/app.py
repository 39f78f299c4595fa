"""Starting the window: the QApplication, the database, who is using the laptop, the language.

``run_gui`` is what ``ewarong-desktop`` (no command) calls. It paints the start window
(``start_window.py``) first and opens the database once that is on screen, so this module
imports nothing of the database layer at the top. ``Application`` owns the open database and
the main window; it replaces the window when another database is opened or the language
changes, so every string is drawn again in the new language.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from .. import __version__
from ..errors import UserError
from ..logging_setup import setup_logging
from ..paths import APP_AUTHOR, APP_NAME, default_database_path, resource_path
from .error_hook import ErrorReporter
from .i18n import Translation
from .settings import Settings
from .single_instance import SingleInstance
from .start_window import StartWindow
from .theme import apply_theme
from .widgets.common import show_message, user_message

# Everything that loads the database layer (SQLAlchemy alone takes longer to import than
# Qt takes to paint a window) is imported where it is first needed, after the start window
# is on screen: see ``Application.launch``.
if TYPE_CHECKING:
    from ..services.store import Database, DatabaseFileError
    from .main_window import MainWindow, ViewState
    from .setup_dialog import SetupDialog


def show_start_error(message: str, parent: QWidget | None = None) -> None:
    """The database could not be opened at start: no main window yet, so this blocks."""
    title = QCoreApplication.translate("Application", "e-Warong Desktop tidak bisa dimulai")
    QMessageBox.critical(parent, title, message)


class Application(QObject):
    """The open database, the current advisor and the main window of one running program."""

    finished = Signal(int)  # ended before a main window opened: 0 set-up cancelled, 1 no file
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
        self.start_window: StartWindow | None = None  # on screen until the first main window
        self.setup_dialog: SetupDialog | None = None
        self.pending_database: Database | None = None  # opened, waiting for set-up
        # Each new window gets the Laporan menu (coordinator's summary, batch of profiles).
        self.window_changed.connect(self._install_report_actions)
        # Each new window gets the exchange actions (send, receive, conflicts, spreadsheets).
        self.window_changed.connect(self._install_exchange_actions)
        self.recovery_dialog: QDialog | None = None  # a damaged or read-only file explained
        self.window_changed.connect(self._install_data_menu)
        # Each new window gets the Koordinator menu and its current user (coordination.actor).
        self.window_changed.connect(self._install_coordination_actions)

    @property
    def lang(self) -> str:
        return self.translation.lang

    def launch(self, path: Path) -> StartWindow:
        """Paint the start window now; open ``path`` once it is on screen (``run_gui``).

        ``finished`` is emitted with 1 if the file cannot be opened.
        """
        window = StartWindow(self.settings, path)
        self.start_window = window
        window.ready.connect(lambda: self._start_after_paint(path))
        window.show()
        return window

    def _start_after_paint(self, path: Path) -> None:
        if not self.start(path):
            self.finished.emit(1)

    def start(self, path: Path) -> bool:
        """Open ``path`` and show set-up or the main window; False (after a message) if it fails."""
        from ..services.store import DatabaseDamagedError, DatabaseReadOnlyError, open_database

        try:
            database = open_database(path)
        except (DatabaseDamagedError, DatabaseReadOnlyError) as exc:
            self.offer_recovery(exc)  # restore a backup, open read-only, another file, or quit
            return True
        except UserError as exc:
            self._asking_at_start()
            show_start_error(self.tr("Basis data {path} tidak bisa dibuka.\n\n{reason}").format(
                path=path, reason=user_message(exc)), self.start_window)
            return False
        self._adopt(database)
        return True

    def _asking_at_start(self) -> None:
        """A dialog is about to ask the person something: the start window stops saying
        "opening the database"."""
        if self.start_window is not None:
            self.start_window.opened()

    @property
    def front_window(self) -> QWidget | None:
        """What a dialog opens over: the main window, or the start window before there is one."""
        return self.window or self.start_window

    def open_other_database(self, path: str | Path) -> None:
        """Berkas > Buka: switch to another file; on failure the current one stays open."""
        from ..services.store import DatabaseDamagedError, DatabaseReadOnlyError, open_database

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
        from .safety.dialogs import RecoveryDialog, announce_restore

        # Kept (not deleted on close) until the next one replaces it: at start its parent is
        # the start window or nothing, and dropping the last reference from inside its own
        # button's click would delete it under Qt's feet.
        self._asking_at_start()
        dialog = RecoveryDialog(error, settings=self.settings, parent=self.front_window)
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
        from .safety.dialogs import install_safety_actions

        install_safety_actions(self, window)

    def _install_coordination_actions(self, window: MainWindow) -> None:
        from .coordination.menu import install_coordination_actions

        install_coordination_actions(self, window)

    def _install_report_actions(self, window: MainWindow) -> None:
        from .reports.menu import install_report_actions

        install_report_actions(self, window)

    def _known_advisor(self, database: Database) -> uuid.UUID | None:
        from ..services import screens

        assert database.path is not None
        advisor_id = self.settings.current_advisor(database.path)
        if advisor_id is None:
            return None
        if not screens.advisor_exists(database, advisor_id):
            return None  # chosen on this laptop for another file of the same name
        return advisor_id

    def _adopt(self, database: Database) -> None:
        from .setup_dialog import SetupDialog

        advisor_id = self._known_advisor(database)
        if advisor_id is not None:
            self._switch_to(database, advisor_id)
            return
        self._asking_at_start()
        dialog = SetupDialog(database, self.lang, self.front_window)
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
        from .main_window import MainWindow

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
        # It takes the place of the start window or the old window: keys go to it at once.
        window.activateWindow()
        self.window = window
        if old is not None:
            old.close()
        self._close_start_window()
        self.window_changed.emit(window)
        return window

    def _close_start_window(self) -> None:
        if self.start_window is not None:
            # Deleted later, not now: a dialog over it may be the one whose click got us here.
            self.start_window.hide()
            self.start_window.deleteLater()
            self.start_window = None

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
        from .exchange.dialogs import install_exchange_actions

        install_exchange_actions(self, window)

    def bring_forward(self) -> None:
        """Another start on this file asked for this program: show its window, and say why."""
        window: QWidget | None = self.window or self.setup_dialog or self.start_window
        if window is None:
            return
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if self.window is not None:
            self.window.statusBar().showMessage(self.tr(
                "e-Warong Desktop dijalankan lagi pada berkas ini: jendela yang sudah terbuka "
                "ini dipakai."), 10000)

    def shutdown(self) -> None:
        """Close the window and database and remove translators (tests reuse one QApplication)."""
        if self.window is not None:
            self.window.close()
            self.window = None
        if self.setup_dialog is not None:
            self.setup_dialog.close()
            self.setup_dialog = None
        self._close_start_window()
        # A dialog shown over a window is deleted with that window: close only a live one.
        if self.recovery_dialog is not None and shiboken6.isValid(self.recovery_dialog):
            self.recovery_dialog.close()
        self.recovery_dialog = None
        from .workers import cancel_workers, wait_for_workers

        cancel_workers("reports")  # a PDF being made is dropped whole rather than waited for
        wait_for_workers()  # an export or import in progress finishes before the file closes
        for database in {d for d in (self.database, self.pending_database) if d is not None}:
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


def application_icon() -> QIcon:
    """The program's icon in every size it ships (resources/icons, made by tools/make_icons.py)."""
    icon = QIcon()
    for png in sorted(resource_path("icons", "png").glob("ewarong-desktop-*.png")):
        icon.addFile(str(png))
    return icon


def receive_when_open(controller: Application, receive: Path) -> None:
    """Open the receive dialog on ``receive`` in the first main window (a double-clicked
    ``.ewarong`` file: ``ewarong-desktop --receive FILE``)."""
    def first_window(window: MainWindow) -> None:
        from .exchange.dialogs import ExchangeActions

        controller.window_changed.disconnect(first_window)
        actions = window.findChild(ExchangeActions)
        if actions is not None and actions.receive_action.isEnabled():
            actions.open_receive([receive])

    controller.window_changed.connect(first_window)


def run_gui(db_path: Path | None = None, lang: str | None = None, receive: Path | None = None) -> int:
    """Run the window until it is closed; 1 when the database cannot be opened at start."""
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(APP_NAME)  # ties the window to ewarong-desktop.desktop (Wayland)
    setup_logging()
    # An error nobody caught: logged, notes in open forms saved, a window saying where the log is.
    reporter = ErrorReporter(app)
    reporter.install()
    instance: SingleInstance | None = None
    try:
        settings = Settings()
        apply_theme(settings.theme, app)
        path = startup_path(db_path, settings)
        instance = SingleInstance(path, app)
        # A file to receive is handled by this start; otherwise one program per file.
        if receive is None and not instance.claim():
            if sys.stderr is not None:
                print(QCoreApplication.translate(
                    "Application", "e-Warong Desktop sudah terbuka pada berkas ini; jendelanya "
                    "dibawa ke depan."), file=sys.stderr)
            return 0
        controller = Application(settings, lang)
        instance.activated.connect(controller.bring_forward)
        controller.finished.connect(app.exit)
        if receive is not None:
            receive_when_open(controller, receive)
        # The start window first, the database after it is painted (see Application.launch).
        controller.launch(path)
        code = app.exec()
        controller.shutdown()
        return code
    finally:
        if instance is not None:
            # Every way out closes the local server and its socket notifiers: the
            # QApplication may live on (tests, a second run_gui) after this start ends.
            instance.release()
            instance.deleteLater()
        reporter.uninstall()

