"""Keeping the file safe from the window: recovery at start, backups, restore and checks.

Everything slow (a backup takes about 250 ms on a 10,000-assessment database, a check or
a restore longer) runs as a ``workers.Worker`` in the "data" lane: the function gets file
paths and returns plain data (``BackupInfo``, ``Health``, ``RestoreResult``), which comes
back to the window by signal. One lane means a backup, a restore and an import never run
at the same time.

``RecoveryDialog`` is what the person sees when a database cannot be opened as it is
(damaged: restore the newest good backup; read-only: open it read-only) and
``SafetyActions`` fills the window's "Data" menu.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services import safety
from ...services.safety import BackupInfo, DatabaseDamagedError, DatabaseReadOnlyError, Health, RestoreResult
from ...services.store import Database, DatabaseFileError, open_database
from ..i18n import current_language
from ..operations import run_operation
from ..settings import Settings
from ..widgets.common import ErrorLabel, heading_label, local_time_text, show_message, user_message
from ..workers import Worker

if TYPE_CHECKING:
    from ..shell import Shell, ShellWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # texts outside a widget, in the "Safety" context


# --- work off the window's thread ----------------------------------------------------------


def in_background(function: Callable[..., Any], *args: Any,
                  on_success: Callable[[Any], None],
                  on_failure: Callable[[Exception], None]) -> Worker:
    """Run a safety service in the "data" lane of ``workers`` (after or before an import or
    export, never beside one); the safety services report no steps, so no progress."""

    def run(*run_args: Any, progress: Callable[..., bool]) -> Any:
        return function(*run_args)

    run.__name__ = getattr(function, "__name__", "safety task")
    return run_operation(run, *args, on_success=on_success, on_failure=on_failure)


# --- words for what the services return ------------------------------------------------------


def size_text(size: int) -> str:
    """Bytes as "1,3 MB" (decimal units, as file managers on Windows show them)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def reason_text(reason: str) -> str:
    """Why a backup was taken, in words (the file name only has a code)."""
    reasons = {
        "manual": translate("Safety", "dibuat manual"),
        "daily": translate("Safety", "harian, otomatis"),
        "pre-migration": translate("Safety", "sebelum pembaruan program"),
        "pre-import": translate("Safety", "sebelum impor data"),
        "pre-restore": translate("Safety", "sebelum pemulihan"),
    }
    return reasons.get(reason, reason)


def health_text(kind: str) -> str:
    """One sentence on what a check found (``Health.kind``), in the window's language."""
    texts = {
        "ok": translate("Safety", "Basis data dalam keadaan baik."),
        "missing": translate("Safety", "Berkas basis data tidak ditemukan."),
        "empty": translate("Safety", "Berkas basis data masih kosong: belum ada data di dalamnya."),
        "not_file": translate("Safety", "Jalur ini bukan sebuah berkas."),
        "unreadable": translate("Safety", "Berkas basis data tidak bisa dibaca."),
        "not_ewarong": translate(
            "Safety", "Berkas ini basis data SQLite, tetapi bukan milik e-Warong Desktop."),
        "not_sqlite": translate(
            "Safety", "Awal berkas bukan basis data e-Warong: berkas tertimpa isi lain, atau ini "
            "berkas jenis lain."),
        "truncated": translate(
            "Safety", "Berkas lebih pendek daripada seharusnya, misalnya karena penyalinan atau "
            "penyimpanan yang terputus."),
        "broken_links": translate(
            "Safety", "Sebagian catatan merujuk ke catatan lain yang sudah tidak ada."),
    }
    return texts.get(kind) or translate(
        "Safety", "Pemeriksaan SQLite menemukan bagian yang rusak di dalam berkas.")


def restore_report(result: RestoreResult, backup: BackupInfo) -> tuple[str, str]:
    """What a restore did, for the message shown once the window has reopened: the
    sentence, and where the damaged file or the previous contents went."""
    text = translate("Safety", "Data sudah dipulihkan dari cadangan {when}.").format(
        when=local_time_text(backup.taken_at))
    lines = []
    if result.moved_aside:
        lines.append(translate("Safety", "Berkas yang rusak tidak dihapus; berkas itu disimpan "
                                         "sebagai:"))
        lines += [str(path) for path in result.moved_aside]
    if result.safety_backup is not None:
        lines.append(translate("Safety", "Isi sebelumnya disimpan dulu sebagai cadangan: {path}")
                     .format(path=result.safety_backup.path))
    return text, "\n".join(lines)


def announce_restore(parent: QWidget | None, result: RestoreResult,
                     backup: BackupInfo) -> QMessageBox:
    text, details = restore_report(result, backup)
    return show_message(parent, translate("Safety", "Pemulihan selesai"), text,
                        icon=QMessageBox.Icon.Information, details=details)


def _busy_bar(parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)  # no steps to count: the backup API copies in one go
    bar.setTextVisible(False)
    bar.setMaximumHeight(12)
    bar.hide()
    return bar


# --- the database cannot be opened as it is ------------------------------------------------


class RecoveryDialog(QDialog):
    """A damaged or read-only database: explain, then restore, open read-only or open another.

    ``database_opened`` carries the ``Database`` that finally opened (the restored file,
    the read-only one or another file); the dialog closes itself then. Rejected (Keluar,
    Esc) means the person gave up: at start the program ends, from the menu the current
    database stays.
    """

    database_opened = Signal(object)  # Database
    restored = Signal(object, object)  # RestoreResult, BackupInfo; after database_opened

    def __init__(self, error: DatabaseFileError, *, settings: Settings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.error: DatabaseFileError = error
        self.file_dialog: QFileDialog | None = None
        self.task: Worker | None = None
        self.setMinimumWidth(600)

        self.icon = QLabel(self)
        self.heading = heading_label("", self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #4a4f57;")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = _busy_bar(self)
        self.progress_label = QLabel(self)
        self.progress_label.hide()
        self.error_label = ErrorLabel(self)

        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Pulihkan cadangan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_only_button = self.buttons.addButton(
            self.tr("Buka &hanya-baca"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = self.buttons.addButton(
            self.tr("Buka berkas &lain…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = self.buttons.addButton(
            self.tr("&Keluar") if parent is None else self.tr("Batal"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_backup)
        self.read_only_button.clicked.connect(self.open_read_only)
        self.other_button.clicked.connect(self.choose_other_file)
        self.quit_button.clicked.connect(self.reject)

        text_column = QVBoxLayout()
        for widget in (self.heading, self.explanation, self.path_label, self.advice,
                       self.details, self.progress_label, self.progress, self.error_label):
            text_column.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(8)
        top.addLayout(text_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)
        self.set_problem(error)

    @property
    def damaged(self) -> bool:
        return isinstance(self.error, DatabaseDamagedError)

    @property
    def backup(self) -> BackupInfo | None:
        return self.error.backup if isinstance(self.error, DatabaseDamagedError) else None

    def set_problem(self, error: DatabaseFileError) -> None:
        """Explain ``error`` (the file first asked for, or another one the person chose)."""
        self.error = error
        self.error_label.clear_error()
        icon = QStyle.StandardPixmap.SP_MessageBoxCritical if self.damaged else (
            QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(48, 48))
        self.path_label.setText(self.tr("Berkas: {path}").format(path=error.path))
        if isinstance(error, DatabaseDamagedError):
            self.setWindowTitle(self.tr("Basis data rusak"))
            self.heading.setText(self.tr("Berkas basis data ini rusak, jadi e-Warong Desktop "
                                         "tidak membukanya."))
            self.explanation.setText(health_text(error.damage) + " " + self.tr(
                "Berkas itu tidak diubah dan tidak dihapus."))
            self.details.setText(self.tr("Rincian teknis: {problem}").format(
                problem=error.problem_text(current_language())))
            backup = error.backup
            if backup is not None:
                self.advice.setText(self.tr(
                    "Cadangan baik terbaru dibuat pada {when} ({reason}, {size}). Memulihkannya "
                    "mengembalikan data sampai saat itu; perubahan sesudahnya tidak ada di "
                    "cadangan. Berkas yang rusak (beserta -wal dan -shm) diberi nama baru "
                    "bertanggal dan tetap di folder yang sama untuk diperiksa.").format(
                        when=local_time_text(backup.taken_at), reason=reason_text(backup.reason),
                        size=size_text(backup.size)))
            else:
                self.advice.setText(self.tr(
                    "Tidak ada cadangan yang baik untuk berkas ini. Buka berkas basis data lain "
                    "(misalnya salinan yang pernah Anda simpan atau kirim ke koordinator), atau "
                    "keluar dan minta bantuan; berkas yang rusak tetap ada."))
        else:
            self.setWindowTitle(self.tr("Basis data tidak bisa ditulis"))
            self.heading.setText(self.tr("Berkas basis data ini tidak bisa ditulis."))
            self.explanation.setText(self.tr(
                "Berkas itu, foldernya, atau medianya (misalnya CD atau flashdisk yang dikunci) "
                "hanya bisa dibaca."))
            self.advice.setText(self.tr(
                "Anda bisa membukanya hanya-baca: semua data bisa dilihat dan dicetak, tetapi "
                "tidak bisa diubah. Untuk mengubah data, salin berkas ke folder yang bisa ditulis "
                "(misalnya Dokumen), lalu buka salinannya."))
            self.details.setText(self.tr("Rincian teknis: {problem}").format(
                problem=user_message(error)))
        self.restore_button.setVisible(self.backup is not None)
        self.read_only_button.setVisible(isinstance(error, DatabaseReadOnlyError))
        default = self.restore_button if self.backup is not None else (
            self.read_only_button if not self.damaged else self.other_button)
        default.setDefault(True)
        default.setFocus()
        # As tall as the wrapped texts of this problem need at the dialog's width.
        layout = self.layout()
        if layout is not None:
            width = max(self.width(), self.minimumWidth())
            self.resize(width, layout.totalHeightForWidth(width))

    def _set_busy(self, text: str | None) -> None:
        for button in self.buttons.buttons():
            button.setEnabled(text is None)
        self.progress.setVisible(text is not None)
        self.progress_label.setVisible(text is not None)
        self.progress_label.setText(text or "")

    # -- the ways out

    def restore_backup(self) -> None:
        """Put the newest good backup in place (off the window's thread), then open the file."""
        backup = self.backup
        if backup is None or self.task is not None:
            return
        self.error_label.clear_error()
        self._set_busy(self.tr("Memulihkan cadangan {when}…").format(when=local_time_text(backup.taken_at)))
        self.task = in_background(safety.restore, self.error.path, backup.path,
                                      on_success=lambda result: self._restore_done(result, backup),
                                      on_failure=self._restore_failed)

    def _restore_done(self, result: RestoreResult, backup: BackupInfo) -> None:
        self.task = None
        self._set_busy(None)
        if self.open_file(result.database):
            self.restored.emit(result, backup)

    def _restore_failed(self, exc: Exception) -> None:
        self.task = None
        self._set_busy(None)
        self.error_label.show_error(exc)

    def open_read_only(self) -> None:
        self.open_file(self.error.path, read_only=True)

    def choose_other_file(self) -> None:
        folder = self.settings.last_folder("database") if self.settings else str(self.error.path.parent)
        dialog = QFileDialog(self, self.tr("Buka basis data e-Warong"), folder)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Basis data e-Warong (*.sqlite3 *.sqlite *.db)"),
                               self.tr("Semua berkas (*)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._file_chosen)
        self.file_dialog = dialog
        dialog.open()

    def _file_chosen(self, path: str) -> None:
        self.file_dialog = None
        if path:
            if self.settings is not None:
                self.settings.set_last_folder("database", Path(path).parent)
            self.open_file(Path(path))

    def open_file(self, path: Path, *, read_only: bool = False) -> bool:
        """Open ``path``; True when it opened (the dialog then closes), else say why."""
        self.error_label.clear_error()
        try:
            database = open_database(path, read_only=read_only)
        except (DatabaseDamagedError, DatabaseReadOnlyError) as exc:
            if read_only or exc.path != path:
                self.error_label.show_error(exc)
            else:
                self.set_problem(exc)  # another file, another problem: explain that one
            return False
        except UserError as exc:
            self.error_label.show_error(exc)
            return False
        self.database_opened.emit(database)
        self.accept()
        return True

    def reject(self) -> None:
        if self.task is not None:
            return  # a restore is running: let it finish rather than leave the file half-done
        super().reject()


# --- the Data menu -------------------------------------------------------------------------


class RestoreDialog(QDialog):
    """The backups of the open database, newest first; restore the chosen one after asking."""

    restored = Signal(object, object)  # RestoreResult, BackupInfo

    def __init__(self, database_path: Path, parent: QWidget | None = None, *,
                 ready: Callable[[], bool] | None = None):
        super().__init__(parent)
        self.database_path = database_path
        # Asked before the confirmation: False (the window said why) stops the restore.
        self.ready = ready
        self.task: Worker | None = None
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("Pulihkan dari cadangan"))
        intro = QLabel(self.tr(
            "Pilih cadangan yang isinya akan menggantikan isi basis data sekarang. Isi sekarang "
            "disimpan dulu sebagai cadangan baru, jadi pemulihan bisa dibatalkan dengan "
            "memulihkan cadangan itu."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Waktu"), self.tr("Alasan"), self.tr("Ukuran")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("Belum ada cadangan untuk basis data ini. Buat satu dengan "
                                    "\u201cCadangkan sekarang\u201d."), self)
        self.empty.setWordWrap(True)
        self.folder = QLabel(self.tr("Folder cadangan: {folder}").format(
            folder=safety_backup_folder(database_path)), self)
        self.folder.setWordWrap(True)
        self.folder.setStyleSheet("color: #4a4f57;")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = _busy_bar(self)
        self.error_label = ErrorLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(self.tr("&Pulihkan…"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Tutup"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.confirm)
        self.close_button.clicked.connect(self.reject)
        self.table.doubleClicked.connect(lambda _index: self.confirm())
        self.table.itemSelectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.empty, self.folder, self.progress, self.error_label):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self.reload()

    def reload(self) -> None:
        self.backups = safety.list_backups(self.database_path)  # a folder listing: quick
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            # Seconds: two backups of the same minute must be told apart.
            cells = [local_time_text(backup.taken_at, seconds=True), reason_text(backup.reason),
                     size_text(backup.size)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.backups))
        self.empty.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        self._selection_changed()

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def choose(self, path: Path) -> None:
        """Select the backup stored at ``path`` (tests and keyboard users)."""
        for row, backup in enumerate(self.backups):
            if backup.path == path:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None and self.task is None)

    def confirm(self) -> None:
        backup = self.chosen()
        if backup is None or self.task is not None or (self.ready and not self.ready()):
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Pulihkan cadangan"),
                          self.tr("Ganti isi basis data dengan cadangan {when}?").format(
                              when=local_time_text(backup.taken_at)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr(
            "Perubahan sesudah {when} tidak ada di cadangan ini. Isi sekarang disimpan dulu "
            "sebagai cadangan \u201csebelum pemulihan\u201d.").format(when=local_time_text(backup.taken_at)))
        go = box.addButton(self.tr("Pulihkan"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.restore(backup) if button is go else None)
        self.confirmation = box
        box.open()

    def restore(self, backup: BackupInfo) -> None:
        """Restore ``backup`` over the database (off the window's thread)."""
        self.confirmation = None
        self.error_label.clear_error()
        self.progress.show()
        self.task = in_background(safety.restore, self.database_path, backup.path,
                                      on_success=lambda result: self._done(result, backup),
                                      on_failure=self._failed)
        for button in self.buttons.buttons():
            button.setEnabled(False)

    def _done(self, result: RestoreResult, backup: BackupInfo) -> None:
        self.task = None
        self.progress.hide()
        self.accept()
        self.restored.emit(result, backup)

    def _failed(self, exc: Exception) -> None:
        self.task = None
        self.progress.hide()
        self.close_button.setEnabled(True)
        self._selection_changed()
        self.error_label.show_error(exc)

    def reject(self) -> None:
        if self.task is None:
            super().reject()


def safety_backup_folder(database_path: Path) -> Path:
    from ...paths import backup_dir_for

    return backup_dir_for(database_path)


class SafetyActions(QObject):
    """The window's Data menu: back up now, restore from a backup, check, target profiles.

    Made for each main window by ``install_safety_actions``; ``backup_finished`` and
    ``check_finished`` carry the plain result once the work in the background is done.
    """

    backup_finished = Signal(object)  # BackupInfo, or the exception
    check_finished = Signal(object)  # Health, or the exception

    def __init__(self, controller: Shell, window: ShellWindow):
        super().__init__(window)
        self.controller = controller
        self.window = window
        self.database: Database = window.database
        assert self.database.path is not None
        self.path: Path = self.database.path
        self.message_box: QMessageBox | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.targets_dialog: QDialog | None = None

        self.backup_action = QAction(self.tr("&Cadangkan sekarang"), window)
        self.restore_action = QAction(self.tr("&Pulihkan dari cadangan…"), window)
        self.check_action = QAction(self.tr("P&eriksa basis data"), window)
        self.targets_action = QAction(self.tr("&Target per jenis pendamping…"), window)
        self.restore_action.setEnabled(not self.database.read_only)
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action.triggered.connect(self.choose_backup)
        self.check_action.triggered.connect(self.check)
        self.targets_action.triggered.connect(self.edit_targets)
        for action in (self.backup_action, self.restore_action, self.check_action):
            window.add_menu_action(window.data_menu, action)
        window.data_menu.addSeparator()
        window.add_menu_action(window.data_menu, self.targets_action)

    def _status(self, text: str, timeout_ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str, details: str = "",
              actions: Sequence[tuple[str, Callable[[], object]]] = ()) -> QMessageBox:
        self.message_box = show_message(self.window, title, text, icon=icon, details=details,
                                        actions=actions)
        return self.message_box

    def _run(self, action: QAction, status: str, function: Callable[..., Any], *,
             on_success: Callable[[Any], None], on_failure: Callable[[Exception], None]) -> None:
        """Run a safety service in the background; its action waits (disabled) until it is done."""
        if not action.isEnabled():
            return  # already running: one at a time
        action.setEnabled(False)
        self._status(status)

        def finished(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(outcome: Any) -> None:
                action.setEnabled(True)
                self._status("")
                callback(outcome)
            return call

        in_background(function, self.path, on_success=finished(on_success),
                      on_failure=finished(on_failure))

    # -- backup now

    def backup_now(self) -> None:
        self._run(self.backup_action, self.tr("Mencadangkan basis data…"), safety.backup_now,
                  on_success=self._backup_done, on_failure=self._backup_failed)

    def _backup_done(self, backup: BackupInfo) -> None:
        self._status(self.tr("Cadangan tersimpan ({size}).").format(size=size_text(backup.size)),
                     10000)
        self._show(QMessageBox.Icon.Information, self.tr("Cadangan tersimpan"),
                   self.tr("Basis data sudah dicadangkan ({size}).").format(size=size_text(backup.size)),
                   self.tr("Berkas cadangan: {path}").format(path=backup.path))
        self.backup_finished.emit(backup)

    def _backup_failed(self, exc: Exception) -> None:
        self._show(QMessageBox.Icon.Warning, self.tr("Pencadangan gagal"), user_message(exc))
        self.backup_finished.emit(exc)

    # -- restore

    def choose_backup(self) -> RestoreDialog:
        # Forms save as they go; a note still being typed is saved (or asked about) first.
        dialog = RestoreDialog(self.path, self.window, ready=self.window.close_open_windows)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._restored)
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def _restored(self, result: RestoreResult, backup: BackupInfo) -> None:
        self.restore_dialog = None
        controller = self.controller
        controller.open_other_database(result.database)  # the window reloads on the restored data
        announce_restore(controller.setup_dialog or controller.window, result, backup)

    # -- check

    def check(self) -> None:
        self._run(self.check_action, self.tr("Memeriksa basis data…"), safety.check_database,
                  on_success=self._check_done, on_failure=self._check_failed)

    def _check_done(self, health: Health) -> None:
        title = self.tr("Pemeriksaan basis data")
        if health.ok:
            self._show(QMessageBox.Icon.Information, title, health_text(health.kind),
                       self.tr("{assessments} penilaian dan {ratings} nilai sel; SQLite tidak "
                               "menemukan kerusakan.").format(
                           assessments=QLocale().toString(health.assessments or 0),
                           ratings=QLocale().toString(health.ratings or 0)))
        else:
            offer = [(self.tr("Pulihkan dari cadangan…"), self.choose_backup)] if (
                health.damaged and not self.database.read_only) else []
            self._show(QMessageBox.Icon.Warning, title, health_text(health.kind),
                       self.tr("Rincian teknis: {summary}").format(
                           summary=health.summary_text(current_language())), offer)
        self.check_finished.emit(health)

    def _check_failed(self, exc: Exception) -> None:
        self._show(QMessageBox.Icon.Warning, self.tr("Pemeriksaan basis data"), user_message(exc))
        self.check_finished.emit(exc)

    # -- target profiles

    def edit_targets(self) -> QDialog:
        from ..coordination.targets_dialog import CoordinatorTargetsDialog

        # Only a coordinator changes targets; anyone else sees them with who set them.
        coordination = getattr(self.window, "coordination", None)
        dialog = CoordinatorTargetsDialog(self.database, coordination and coordination.actor,
                                          lang=self.window.lang, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.targets_dialog = dialog
        dialog.open()
        return dialog


def install_safety_actions(controller: Shell, window: ShellWindow) -> SafetyActions:
    """Give a new main window its Data menu (connected to ``Application.window_changed``)."""
    return SafetyActions(controller, window)
