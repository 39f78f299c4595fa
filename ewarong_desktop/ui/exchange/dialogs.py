"""Sending and receiving data between laptops, and spreadsheets, from the window's Data menu.

- ``ExportDialog`` ("Kirim ke koordinator…", "Ekspor ke Excel…", "Ekspor CSV…"): choose
  what goes (my own data, everything, a period, a kabupaten), then a file; the file is
  written off the window's thread with progress and cancel.
- ``ReceiveDialog`` ("Terima data…"): the chosen ``.ewarong`` files are read, checked and
  compared with this database off the window's thread; the preview says per file and per
  kind of record what is new, updated, unchanged or in conflict, and why a file is
  refused. Nothing is written until the person confirms; the engine then takes a backup
  and imports in one transaction.
- ``ExchangeActions`` puts these (and the conflicts view, ``conflicts_view.py``) in the
  Data menu of each new main window and shows the closing messages.

What the workers run (``check_files``, ``receive_files``, ``write_exchange_file``,
``write_spreadsheet``) holds no Qt and lives in ``services/transfer.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...output_files import confirm_replacement
from ...services import screens, store
from ...services.advisors import AdvisorInfo
from ...services.exchange import (
    KINDS,
    ExportResult,
    ExportSelection,
    ImportPreview,
    list_conflicts,
)
from ...services.exchange.archive import FILE_SUFFIX
from ...services.spreadsheets import count_assessments
from ...services.store import Database
from ...services.transfer import (
    CSV,
    EXCHANGE,
    XLSX,
    FileFacts,
    ReceiveCheck,
    SpreadsheetResult,
    check_files,
    file_slug,
    receive_files,
    write_exchange_file,
    write_spreadsheet,
)
from ..i18n import current_language
from ..operations import ADVISOR, ASSESSMENT, CONFLICT, WARONG, announce, data_changes, run_operation
from ..settings import Settings
from ..widgets.common import (
    ErrorLabel,
    heading_label,
    local_time_text,
    show_message,
    user_message,
)
from ..workers import Worker

if TYPE_CHECKING:
    from ..shell import Shell, ShellWindow
    from .conflicts_view import ConflictsDialog

translate = QCoreApplication.translate  # texts outside a widget, in the "Exchange" context

SUFFIXES = {EXCHANGE: FILE_SUFFIX, XLSX: ".xlsx", CSV: ".csv"}
# Which remembered folder each file dialog opens in (Settings.FOLDER_KINDS): spreadsheets
# go where the printed reports go, for the same coordinator.
FOLDERS = {EXCHANGE: "exchange", XLSX: "reports", CSV: "reports"}
RECEIVED = frozenset({ADVISOR, WARONG, ASSESSMENT, CONFLICT})  # what an import may change
COUNT_COLUMNS = ("new", "updated", "unchanged", "conflicting")
CONFLICT_COLOUR = "#a61b1b"
NEW_COLOUR = "#1d6b2f"
MUTED_COLOUR = "#6b7078"


# --- words ---------------------------------------------------------------------------------


def kind_label(kind: str) -> str:
    """A kind of record (``KINDS``) as the person knows it."""
    labels = {
        "advisors": translate("Exchange", "Pendamping"),
        "warongs": translate("Exchange", "e-Warong"),
        "assignments": translate("Exchange", "Penugasan pendamping"),
        "assessments": translate("Exchange", "Penilaian"),
        "ratings": translate("Exchange", "Nilai sel"),
        "target_levels": translate("Exchange", "Target"),
        "coordinators": translate("Exchange", "Koordinator"),
        "verifications": translate("Exchange", "Verifikasi"),
        "verified_cells": translate("Exchange", "Sel terverifikasi"),
        "target_settings": translate("Exchange", "Target dari koordinator"),
        "plan_actions": translate("Exchange", "Tindakan rencana pengembangan"),
        "follow_ups": translate("Exchange", "Tindak lanjut"),
        "audit_entries": translate("Exchange", "Riwayat perubahan"),
        "tombstones": translate("Exchange", "Data yang dihapus"),
    }
    return labels.get(kind, kind)


def stage_text(stage: str) -> str:
    texts = {
        "read": translate("Exchange", "Membaca berkas…"),
        "check": translate("Exchange", "Memeriksa isi berkas…"),
        "compare": translate("Exchange", "Membandingkan dengan data di laptop ini…"),
        "backup": translate("Exchange", "Membuat cadangan basis data…"),
        "write": translate("Exchange", "Menyimpan data…"),
        "export": translate("Exchange", "Menulis berkas…"),
    }
    return texts.get(stage, "")


def refusal_headline(kind: str) -> str:
    """Why a file is refused (``ExchangeError.kind``), in the window's language; the
    engine's line follows it."""
    if kind == "not_exchange":
        return translate("Exchange", "Ini bukan berkas kiriman e-Warong.")
    if kind == "too_new":
        return translate("Exchange", "Berkas ini dibuat oleh versi e-Warong Desktop yang lebih "
                                     "baru; perbarui program ini untuk menerimanya.")
    if kind == "clash":
        return translate("Exchange", "Isi berkas ini bertabrakan dengan data di laptop ini.")
    if kind == "unreadable":
        return translate("Exchange", "Berkas ini tidak bisa dibaca.")
    return translate("Exchange", "Berkas ini rusak atau tidak lengkap (misalnya terpotong "
                                 "saat disalin); minta pengirim mengirim ulang.")


class Counted(QObject):
    """Phrases with a number in them, in the "Counted" context.

    They go through ``tr(text, "", count)``: that is the call lupdate reads as having a
    singular and a plural, so the English can say "1 new assessment" and "9 new
    assessments". Whole phrases per kind, so a translation orders number and words freely.
    """

    def change(self, kind: str, column: str, count: int) -> str:
        phrases = {
            ("assessments", "new"): lambda: self.tr("%n penilaian baru", "", count),
            ("assessments", "updated"): lambda: self.tr("%n penilaian diperbarui", "", count),
            ("warongs", "new"): lambda: self.tr("%n e-Warong baru", "", count),
            ("warongs", "updated"): lambda: self.tr("%n e-Warong diperbarui", "", count),
            ("advisors", "new"): lambda: self.tr("%n pendamping baru", "", count),
            ("advisors", "updated"): lambda: self.tr("%n data pendamping diperbarui", "", count),
        }
        return phrases[(kind, column)]()

    def conflicts(self, count: int, *, done: bool) -> str:
        if done:
            return self.tr("%n penilaian final berbeda dari versi di laptop ini. Kedua versi "
                           "disimpan dan menunggu keputusan Anda di Data > Konflik data.", "", count)
        return self.tr("%n penilaian final datang dalam versi yang berbeda dari yang ada di "
                       "laptop ini (konflik). Kedua versi disimpan; sesudah menerima, pilih salah "
                       "satunya lewat Data > Konflik data.", "", count)

    def assessments(self, count: int) -> str:
        return self.tr("%n penilaian", "", count)

    def assessments_written(self, count: int) -> str:
        return self.tr("%n penilaian ditulis.", "", count)

    def files_received(self, count: int) -> str:
        return self.tr("%n berkas diterima.", "", count)


def change_summary(previews: Sequence[ImportPreview], *, done: bool = False) -> tuple[str, str]:
    """In words: what the import adds or updates (main kinds), and the conflicts it brings.

    ``done``: said after the import rather than before it.
    """
    def total(kind: str, column: str) -> int:
        return sum(getattr(preview.counts[kind], column) for preview in previews)

    counted = Counted()
    phrases = [counted.change(kind, column, total(kind, column))
               for kind in ("assessments", "warongs", "advisors") for column in ("new", "updated")
               if total(kind, column)]
    changes = ", ".join(phrases) + "." if phrases else ""
    conflicts = total("assessments", "conflicting")
    return changes, counted.conflicts(conflicts, done=done) if conflicts else ""


def facts_text(facts: FileFacts) -> str:
    """Where a file comes from and what it was limited to, in one line."""
    scope = []
    if facts.advisor_name:
        scope.append(translate("Exchange", "data {advisor}").format(advisor=facts.advisor_name))
    if facts.kabupaten:
        scope.append(facts.kabupaten)
    if facts.period:
        scope.append(translate("Exchange", "periode {period}").format(period=facts.period))
    what = ", ".join(scope) if scope else translate("Exchange", "semua data laptop pengirim")
    when = local_time_text(facts.created_at) if facts.created_at else "?"
    return translate("Exchange", "Dibuat {when} · isi: {what} · {assessments}").format(
        when=when, what=what,
        assessments=Counted().assessments(facts.assessments))


# --- progress ------------------------------------------------------------------------------


class ProgressPanel(QWidget):
    """Which step is running (and of which file) above a bar; hidden while idle."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.file_label = QLabel(self)
        self.stage_label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file_label)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.bar)
        self.hide()

    def start(self, text: str) -> None:
        self.file_label.hide()
        self.stage_label.setText(text)
        self.bar.setRange(0, 0)
        self.show()

    def update_progress(self, stage: str, done: int, total: int) -> None:
        if stage == "file":
            self.file_label.setText(self.tr("Berkas {number} dari {count}").format(
                number=done + 1, count=total))
            self.file_label.show()
            return
        text = stage_text(stage)
        if text:
            self.stage_label.setText(text)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # no steps to count: a moving bar

    def stop(self) -> None:
        self.hide()


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED_COLOUR};")
    return label


class WorkDialog(QDialog):
    """A dialog whose main button starts work on a worker, with progress and a way to stop.

    While the work runs, "Batal" reads "Hentikan": it (and Esc) asks the worker to stop
    instead of closing the dialog. Subclasses lay out ``progress``, ``error`` and
    ``buttons`` and start work with ``start_work``.
    """

    def __init__(self, action_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker: Worker | None = None
        self.progress = ProgressPanel(self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.action_button = self.buttons.addButton(action_text,
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(translate("Exchange", "Batal"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.reject)

    def start_work(self, function: Callable[..., Any], *args: Any, first_stage: str,
                   on_success: Callable[[Any], None], on_failure: Callable[[Exception], None],
                   on_cancel: Callable[[], None], changes: Iterable[str] = (),
                   **kwargs: Any) -> None:
        """Run ``function(*args, **kwargs)`` as an operation; each callback runs after the
        panel resets; ``changes``: the kinds of data it writes (``operations``)."""
        def ended(callback: Callable[..., None]) -> Callable[..., None]:
            def call(*result: Any) -> None:
                self.worker = None
                self.progress.stop()
                self.cancel_button.setText(translate("Exchange", "Batal"))
                self.cancel_button.setEnabled(True)
                self.set_busy(False)
                callback(*result)
            return call

        self.error.clear_error()
        self.set_busy(True)
        self.cancel_button.setText(translate("Exchange", "Hentikan"))
        self.progress.start(stage_text(first_stage))
        self.worker = run_operation(function, *args, on_success=ended(on_success),
                                    on_failure=ended(on_failure), on_cancel=ended(on_cancel),
                                    on_progress=self.progress.update_progress, changes=changes,
                                    **kwargs)

    def set_busy(self, busy: bool) -> None:
        """Enable or disable the dialog's choices while work runs."""
        self.action_button.setEnabled(not busy)

    def reject(self) -> None:
        if self.worker is not None:  # "Hentikan" (or Esc) while working: stop, stay open
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            return
        super().reject()


# --- export --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportChoice:
    """What the export dialog was asked for, handed to the worker (plain data)."""

    kind: str
    selection: ExportSelection
    wide: bool = False
    delimiter: str = "comma"


class ExportDialog(WorkDialog):
    """Choose what to export, then the file; writing runs off the window's thread.

    ``kind`` is ``"exchange"`` (a ``.ewarong`` file for a coordinator), ``"xlsx"`` or
    ``"csv"``. ``exported`` carries the ``ExportResult``/``SpreadsheetResult`` once the file
    is complete; the dialog then closes.
    """

    exported = Signal(object)

    def __init__(self, database: Database, settings: Settings, advisor: AdvisorInfo, kind: str,
                 parent: QWidget | None = None):
        super().__init__(translate("Exchange", "&Simpan berkas…"), parent)
        self.database = database
        self.settings = settings
        self.advisor = advisor
        self.kind = kind
        titles = {EXCHANGE: self.tr("Kirim data ke koordinator"),
                  XLSX: self.tr("Ekspor nilai ke Excel (XLSX)"),
                  CSV: self.tr("Ekspor nilai ke CSV")}
        self.setWindowTitle(titles[kind])
        intros = {
            EXCHANGE: self.tr(
                "Program membuat satu berkas .ewarong berisi penilaian yang Anda pilih, beserta "
                "data e-Warong dan pendampingnya. Kirim berkas itu ke koordinator lewat flashdisk "
                "atau lampiran surel. Data di laptop ini tidak berubah."),
            XLSX: self.tr(
                "Buku kerja Excel dengan tiga lembar: satu baris per sel, satu baris per "
                "penilaian (dengan rata-rata per peran), dan keterangan kode sel dan skala."),
            CSV: self.tr(
                "Berkas teks CSV (UTF-8) yang bisa dibuka Excel, LibreOffice atau program "
                "statistik."),
        }
        heading = heading_label(titles[kind], self)
        intro = QLabel(intros[kind], self)
        intro.setWordWrap(True)

        periods, regions = screens.report_choices(database)
        self.mine = QRadioButton(self.tr("Data saya saja ({name})").format(name=advisor.name), self)
        self.mine.setToolTip(self.tr("Penilaian Anda, dan e-Warong yang Anda dampingi."))
        self.everyone = QRadioButton(self.tr("Data semua pendamping di laptop ini"), self)
        self.everyone.setToolTip(self.tr("Untuk koordinator yang meneruskan data yang sudah "
                                         "dikumpulkan."))
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.mine)
        self.scope.addButton(self.everyone)
        self.mine.setChecked(True)
        self.period = QComboBox(self)
        self.period.addItem(self.tr("Semua periode"), None)
        for period in periods:
            self.period.addItem(period, period)
        self.kabupaten = QComboBox(self)
        self.kabupaten.addItem(self.tr("Semua kabupaten/kota"), None)
        for region in regions:
            self.kabupaten.addItem(region, region)
        self.match_label = QLabel(self)
        self.match_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Apa yang diekspor:"), self.mine)
        form.addRow("", self.everyone)
        form.addRow(self.tr("&Periode:"), self.period)
        form.addRow(self.tr("&Kabupaten/kota:"), self.kabupaten)
        self.shape: QComboBox | None = None
        self.delimiter: QComboBox | None = None
        if kind == CSV:
            self.shape = QComboBox(self)
            self.shape.addItem(self.tr("Satu baris per sel (untuk tabel pivot)"), False)
            self.shape.addItem(self.tr("Satu baris per penilaian (32 kolom sel)"), True)
            self.delimiter = QComboBox(self)
            self.delimiter.addItem(self.tr("Titik koma ( ; ) — Excel berbahasa Indonesia"),
                                   "semicolon")
            self.delimiter.addItem(self.tr("Koma ( , )"), "comma")
            # Excel splits CSV on the system's list separator: ";" where the decimal point
            # is a comma, as with Indonesian number settings. A program speaking Indonesian
            # is most likely beside an Excel set to Indonesian.
            from ..i18n import current_language

            semicolon = current_language() == "id" or QLocale.system().decimalPoint() == ","
            self.delimiter.setCurrentIndex(0 if semicolon else 1)
            form.addRow(self.tr("&Bentuk tabel:"), self.shape)
            form.addRow(self.tr("Pe&misah kolom:"), self.delimiter)
        form.addRow("", self.match_label)

        self.save_button = self.action_button
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.choose_file)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        for signal in (self.mine.toggled, self.period.currentIndexChanged,
                       self.kabupaten.currentIndexChanged):
            signal.connect(self.update_match)
        self.update_match()

    # -- what is chosen

    def selection(self) -> ExportSelection:
        return ExportSelection(self.advisor.id if self.mine.isChecked() else None,
                               self.period.currentData(), self.kabupaten.currentData())

    def choice(self) -> ExportChoice:
        return ExportChoice(self.kind, self.selection(),
                            wide=bool(self.shape.currentData()) if self.shape else False,
                            delimiter=self.delimiter.currentData() if self.delimiter else "comma")

    def update_match(self) -> None:
        count = store.read(self.database, count_assessments, self.selection())
        self.error.clear_error()
        if count:
            self.match_label.setText(self.tr("%n penilaian cocok dengan pilihan ini.", "", count))
        elif self.kind == EXCHANGE:
            self.match_label.setText(self.tr(
                "Belum ada penilaian yang cocok; yang dikirim hanya data pendamping dan "
                "e-Warong."))
        else:
            self.match_label.setText(self.tr("Tidak ada penilaian yang cocok dengan pilihan ini."))
        self.match_label.setStyleSheet("" if count else f"color: {CONFLICT_COLOUR};")
        self.save_button.setEnabled(self.worker is None and (count > 0 or self.kind == EXCHANGE))

    def suggested_name(self, today: date | None = None) -> str:
        """advisor or region, period, date: "ewarong-Euis-Nuraini-2026-S1-2026-03-05.ewarong"."""
        selection = self.selection()
        prefix = "ewarong" if self.kind == EXCHANGE else self.tr("nilai-ewarong")
        parts = [prefix]
        if selection.advisor_id is not None:
            parts.append(file_slug(self.advisor.name))
        if selection.kabupaten:
            parts.append(file_slug(selection.kabupaten))
        if selection.advisor_id is None and not selection.kabupaten:
            parts.append(self.tr("semua"))
        if selection.period:
            parts.append(selection.period)
        parts.append((today or date.today()).isoformat())
        return "-".join(part for part in parts if part) + SUFFIXES[self.kind]

    # -- writing

    def choose_file(self) -> None:
        folder = Path(self.settings.last_folder(FOLDERS[self.kind]))
        filters = {EXCHANGE: self.tr("Berkas kiriman e-Warong (*.ewarong)"),
                   XLSX: self.tr("Buku kerja Excel (*.xlsx)"),
                   CSV: self.tr("Berkas CSV (*.csv)")}
        path, _filter = QFileDialog.getSaveFileName(
            self, self.windowTitle(), str(folder / self.suggested_name()), filters[self.kind])
        if path:
            if Path(path).suffix.lower() == SUFFIXES[self.kind]:
                confirm_replacement(Path(path))  # the save dialog asked before replacing it
            self.start(Path(path))

    def start(self, path: Path) -> None:
        """Write the chosen data to ``path`` (the suffix is added when missing)."""
        if path.suffix.lower() != SUFFIXES[self.kind]:
            path = path.with_name(path.name + SUFFIXES[self.kind])
        self.settings.set_last_folder(FOLDERS[self.kind], path.parent)
        self.error.clear_error()
        choice = self.choice()
        if self.kind == EXCHANGE:
            work: Callable[..., Any] = write_exchange_file
            args: tuple[Any, ...] = (self.database, path, choice.selection)
            kwargs: dict[str, Any] = {}
        else:
            work = write_spreadsheet
            args = (self.database, path, choice.selection, self.kind)
            kwargs = {"wide": choice.wide, "delimiter": choice.delimiter}
        self.start_work(work, *args, first_stage="export", on_success=self._done,
                        on_failure=self._failed, on_cancel=self._cancelled, **kwargs)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for widget in (self.mine, self.everyone, self.period, self.kabupaten, self.shape,
                       self.delimiter):
            if widget is not None:
                widget.setEnabled(not busy)

    def _done(self, result: ExportResult | SpreadsheetResult) -> None:
        self.accept()
        self.exported.emit(result)

    def _failed(self, exc: Exception) -> None:
        self.update_match()  # first: it clears the error line
        if isinstance(exc, OSError) and not isinstance(exc, UserError):
            self.error.show_error(self.tr("Berkas tidak bisa ditulis: {reason}").format(
                reason=exc.strerror or exc))
        else:
            self.error.show_error(exc)

    def _cancelled(self) -> None:
        self.update_match()
        self.error.show_error(self.tr("Dihentikan; tidak ada berkas yang dibuat."))


def folder_action(path: Path) -> tuple[str, Callable[[], object]]:
    """A "Buka folder" button for a finished message: most people next look for the file."""
    return (translate("Exchange", "Buka folder"),
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))


def export_message(parent: QWidget | None, result: ExportResult | SpreadsheetResult) -> QMessageBox:
    """Where the file is and what it holds, once an export is complete."""
    where = translate("Exchange", "Berkas tersimpan:\n{path}").format(path=result.path)
    if isinstance(result, ExportResult):
        counts = result.counts
        return show_message(
            parent, translate("Exchange", "Berkas siap dikirim"), where,
            icon=QMessageBox.Icon.Information, actions=[folder_action(result.path)],
            details=translate(
                "Exchange", "Isinya: {assessments} penilaian ({ratings} nilai sel), {advisors} "
                "pendamping dan {warongs} e-Warong.\n\nSalin berkas ini ke flashdisk atau "
                "lampirkan ke surel untuk koordinator. Data di laptop ini tetap ada.").format(
                    assessments=counts.get("assessments", 0), ratings=counts.get("ratings", 0),
                    advisors=counts.get("advisors", 0), warongs=counts.get("warongs", 0)))
    return show_message(parent, translate("Exchange", "Ekspor selesai"), where,
                        icon=QMessageBox.Icon.Information, actions=[folder_action(result.path)],
                        details=Counted().assessments_written(result.assessments))


# --- receive -------------------------------------------------------------------------------


class ReceiveDialog(WorkDialog):
    """Check the chosen files, show what receiving them would do, and import on request.

    Checking starts at once (off the window's thread). ``received`` carries the list of
    ``ImportPreview`` (as applied) after a successful import; the dialog then closes.
    """

    received = Signal(object)
    checked = Signal()  # the preview is shown (or every file was refused)

    def __init__(self, database: Database, paths: Sequence[str | Path], parent: QWidget | None = None):
        super().__init__(translate("Exchange", "&Terima data"), parent)
        self.database = database
        self.paths = [Path(path) for path in paths]
        self.check: ReceiveCheck | None = None
        self.setWindowTitle(self.tr("Terima data"))

        self.heading = heading_label(self.tr("Memeriksa %n berkas…", "", len(self.paths)), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_note = QLabel(self)
        self.conflict_note.setWordWrap(True)
        self.conflict_note.setStyleSheet(f"color: {CONFLICT_COLOUR};")
        self.conflict_note.hide()

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(1 + len(COUNT_COLUMNS))
        self.tree.setHeaderLabels([self.tr("Berkas dan jenis data"), self.tr("Baru"),
                                   self.tr("Diperbarui"), self.tr("Tidak berubah"),
                                   self.tr("Konflik")])
        tips = [self.tr("Jenis data di dalam berkas"),
                self.tr("Belum ada di laptop ini; akan ditambahkan"),
                self.tr("Versi dalam berkas lebih baru; akan menggantikan yang ada"),
                self.tr("Sudah sama di laptop ini; tidak ada yang berubah"),
                self.tr("Penilaian final yang berbeda dari yang ada: kedua versi disimpan, "
                        "Anda yang memilih")]
        for column, tip in enumerate(tips):
            self.tree.headerItem().setToolTip(column, tip)
            if column:
                self.tree.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(COUNT_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 112)
        self.tree.hide()

        self.refusal_box = QLabel(self)
        self.refusal_box.setWordWrap(True)
        self.refusal_box.setTextFormat(Qt.TextFormat.RichText)
        self.refusal_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.refusal_box.setStyleSheet("QLabel { background: #fdecea; border: 1px solid #e0a9a4; "
                                       "padding: 8px; color: #3d1411; }")
        self.refusal_box.hide()
        self.backup_note = _note(self.tr(
            "Sebelum data disimpan, program membuat cadangan basis data secara otomatis. Impor "
            "berjalan utuh atau tidak sama sekali."), self)
        self.backup_note.hide()

        self.receive_button = self.action_button
        self.receive_button.clicked.connect(self.receive)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflict_note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.refusal_box)
        layout.addWidget(self.backup_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(860, 600)
        self._start_check()

    # -- checking

    def _start_check(self) -> None:
        self.start_work(check_files, self.database, self.paths, first_stage="read",
                        on_success=self._checked, on_failure=self._failed, on_cancel=self.reject)

    def set_busy(self, busy: bool) -> None:
        # Receiving needs a checked preview with something in it.
        self.receive_button.setEnabled(not busy and self.check is not None
                                       and self.check.has_changes)
        self.tree.setEnabled(not busy)

    def _checked(self, check: ReceiveCheck) -> None:
        self.show_check(check)
        self.checked.emit()

    def show_check(self, check: ReceiveCheck) -> None:
        """Fill the preview: the summary in words, the table per file, the refusals."""
        self.check = check
        accepted, refused = len(check.facts), len(check.refusals)
        if not accepted:
            self.heading.setText(self.tr("Berkas tidak bisa diterima"))
            self.summary.setText(self.tr("Tidak ada data yang dimasukkan ke laptop ini."))
        elif not check.has_changes:
            self.heading.setText(self.tr("Tidak ada data baru"))
            self.summary.setText(self.tr(
                "Semua isi berkas sudah ada di laptop ini; menerimanya tidak mengubah apa pun."))
        else:
            self.heading.setText(self.tr("Jika data ini diterima:"))
            changes, conflicts = change_summary(check.previews)
            self.summary.setText(changes or self.tr("Tidak ada data baru atau yang diperbarui."))
            self.conflict_note.setText(conflicts)
            self.conflict_note.setVisible(bool(conflicts))
        self._fill_tree(check)
        self._fill_refusals(check)
        self.backup_note.setVisible(check.has_changes)
        self.receive_button.setEnabled(check.has_changes)
        if check.has_changes:
            self.receive_button.setText(
                self.tr("&Terima data") if accepted == 1 and not refused
                else self.tr("&Terima %n berkas yang baik", "", accepted))
            self.receive_button.setDefault(True)
            self.receive_button.setFocus()
        else:
            self.receive_button.hide()
            self.cancel_button.setText(translate("Exchange", "Tutup"))

    def _fill_tree(self, check: ReceiveCheck) -> None:
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for facts, preview in zip(check.facts, check.previews, strict=True):
            top = QTreeWidgetItem(self.tree, [facts.name])
            top.setFont(0, bold)
            top.setToolTip(0, str(facts.path))
            top.setFirstColumnSpanned(True)
            about = QTreeWidgetItem(top, [facts_text(facts)])
            about.setFirstColumnSpanned(True)
            about.setForeground(0, QBrush(QColor(MUTED_COLOUR)))
            for kind in KINDS:
                counts = preview.counts[kind]
                if counts.total == 0:
                    continue  # kinds the file does not carry are noise here
                row = QTreeWidgetItem(top, [kind_label(kind)])
                for column, name in enumerate(COUNT_COLUMNS, start=1):
                    value = getattr(counts, name)
                    row.setText(column, str(value) if value else "–")
                    row.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
                    if value and name in ("new", "updated"):
                        row.setFont(column, bold)
                        row.setForeground(column, QBrush(QColor(NEW_COLOUR)))
                    elif value and name == "conflicting":
                        row.setFont(column, bold)
                        row.setForeground(column, QBrush(QColor(CONFLICT_COLOUR)))
                    elif not value:
                        row.setForeground(column, QBrush(QColor(MUTED_COLOUR)))
            for conflict in preview.conflicts:  # which assessments, so nobody has to guess
                row = QTreeWidgetItem(top, [self.tr(
                    "Konflik: {advisor} — {warong} — {period} · sel yang berbeda: {count}").format(
                        advisor=conflict.advisor_name, warong=conflict.warong_name,
                        period=conflict.period, count=len(conflict.differences))])
                row.setFirstColumnSpanned(True)
                row.setForeground(0, QBrush(QColor(CONFLICT_COLOUR)))
            top.setExpanded(True)
        for refusal in check.refusals:
            top = QTreeWidgetItem(self.tree, [self.tr("{name} — ditolak").format(name=refusal.name)])
            top.setFont(0, bold)
            top.setForeground(0, QBrush(QColor(CONFLICT_COLOUR)))
            top.setToolTip(0, refusal.text(current_language()))
            top.setFirstColumnSpanned(True)
        self.tree.setVisible(bool(check.facts))

    def _fill_refusals(self, check: ReceiveCheck) -> None:
        if not check.refusals:
            self.refusal_box.hide()
            return
        import html

        parts = [self.tr("<b>Ditolak — tidak ada isi berkas ini yang dimasukkan:</b>")]
        for refusal in check.refusals:
            parts.append("<p><b>{name}</b>: {headline}<br><span style='color:#6b3430'>{detail}"
                         "</span></p>".format(
                             name=html.escape(refusal.name),
                             headline=html.escape(refusal_headline(refusal.kind)),
                             detail=html.escape(self.tr("Rincian: {reason}").format(
                                 reason=refusal.text(current_language())))))
        self.refusal_box.setText("".join(parts))
        self.refusal_box.show()

    # -- importing

    def receive(self) -> None:
        """Import the accepted files (backup first, one transaction), off the window's thread."""
        if self.check is None or not self.check.has_changes or self.worker is not None:
            return
        self.start_work(receive_files, self.database, self.check.paths, first_stage="read",
                        on_success=self._received, on_failure=self._failed,
                        on_cancel=self._cancelled, changes=RECEIVED)

    def _received(self, results: list[ImportPreview]) -> None:
        self.accept()
        self.received.emit(results)

    def _failed(self, exc: Exception) -> None:
        # All or nothing: after a failed import, nothing is left to do here but close.
        self.cancel_button.setText(translate("Exchange", "Tutup"))
        self.receive_button.setEnabled(False)
        if self.check is None:
            self.heading.setText(self.tr("Berkas tidak bisa diperiksa"))
        self.error.show_error(self.tr("Tidak ada data yang diubah. {reason}").format(
            reason=user_message(exc)))

    def _cancelled(self) -> None:
        self.error.show_error(self.tr("Dihentikan; tidak ada data yang diubah."))


def receive_message(parent: QWidget | None, results: Sequence[ImportPreview],
                    show_conflicts: Callable[[], object] | None = None) -> QMessageBox:
    """What an import did and where the backup is; "Lihat konflik…" when it brought conflicts."""
    changes, conflicts = change_summary(results, done=True)
    details = [line for line in (changes, conflicts) if line] or [
        translate("Exchange", "Tidak ada yang berubah: semua isinya sudah ada di laptop ini.")]
    backup = next((result.backup_path for result in results if result.backup_path), None)
    if backup is not None:
        details.append(translate("Exchange", "Cadangan sebelum impor: {path}").format(path=backup))
    actions = [(translate("Exchange", "Lihat konflik…"), show_conflicts)] \
        if conflicts and show_conflicts is not None else []
    return show_message(parent, translate("Exchange", "Data diterima"),
                        Counted().files_received(len(results)),
                        icon=QMessageBox.Icon.Information, details="\n\n".join(details),
                        actions=actions)


# --- the Data menu -------------------------------------------------------------------------


class ExchangeActions(QObject):
    """Send, receive, conflicts and spreadsheets in a main window's Data menu.

    Made for each new window by ``install_exchange_actions``; keeps the dialog and the
    last message it opened (``export_dialog``, ``receive_dialog``, ``conflicts_dialog``,
    ``message_box``) so a test or the next action can find them.
    """

    def __init__(self, controller: Shell | None, window: ShellWindow):
        super().__init__(window)
        self.controller = controller
        self.window = window
        self.database: Database = window.database
        self.settings: Settings = window.settings
        self.export_dialog: ExportDialog | None = None
        self.receive_dialog: ReceiveDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.message_box: QMessageBox | None = None
        data_changes().data_changed.connect(self._data_changed)

        self.send_action = QAction(self.tr("&Kirim ke koordinator…"), window)
        self.send_action.setToolTip(self.tr("Buat berkas .ewarong untuk dikirim ke koordinator"))
        self.receive_action = QAction(self.tr("Teri&ma data…"), window)
        self.receive_action.setToolTip(self.tr("Masukkan berkas .ewarong dari laptop lain"))
        self.conflicts_action = QAction(self.tr("Kon&flik data…"), window)
        self.xlsx_action = QAction(self.tr("Ekspor ke E&xcel (XLSX)…"), window)
        self.csv_action = QAction(self.tr("Ekspor CS&V…"), window)
        writable = not self.database.read_only
        self.receive_action.setEnabled(writable)
        self.send_action.triggered.connect(lambda: self.open_export(EXCHANGE))
        self.receive_action.triggered.connect(self.choose_files)
        self.conflicts_action.triggered.connect(self.show_conflicts)
        self.xlsx_action.triggered.connect(lambda: self.open_export(XLSX))
        self.csv_action.triggered.connect(lambda: self.open_export(CSV))

        # The exchange leads the Data menu: it is what advisors and coordinators use most.
        menu = window.data_menu
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.send_action, self.receive_action, self.conflicts_action, None,
                       self.xlsx_action, self.csv_action, None):
            if action is None:
                menu.insertSeparator(first) if first else menu.addSeparator()
            elif first is not None:
                menu.insertAction(first, action)
            else:
                window.add_menu_action(menu, action)
        menu.menuAction().setVisible(True)
        self.update_conflict_count()

    def _advisor(self) -> AdvisorInfo:
        if self.window.advisor is None:
            raise RuntimeError("the window has no current advisor")
        return self.window.advisor

    def _keep(self, box: QMessageBox) -> QMessageBox:
        self.message_box = box
        return box

    # -- export

    def open_export(self, kind: str) -> ExportDialog:
        dialog = ExportDialog(self.database, self.settings, self._advisor(), kind, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda result: self._keep(export_message(self.window, result)))
        dialog.destroyed.connect(lambda *_args: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    # -- receive

    def choose_files(self) -> ReceiveDialog | None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Pilih berkas kiriman (.ewarong)"),
            self.settings.last_folder("exchange"),
            ";;".join([self.tr("Berkas kiriman e-Warong (*.ewarong)"), self.tr("Semua berkas (*)")]))
        if not paths:
            return None
        self.settings.set_last_folder("exchange", Path(paths[0]).parent)
        return self.open_receive(paths)

    def open_receive(self, paths: Sequence[str | Path]) -> ReceiveDialog:
        dialog = ReceiveDialog(self.database, paths, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.received.connect(self._received)
        dialog.destroyed.connect(lambda *_args: setattr(self, "receive_dialog", None))
        self.receive_dialog = dialog
        dialog.open()
        return dialog

    def _received(self, results: list[ImportPreview]) -> None:
        # The lists, the conflict count and the conflicts view follow data_changed.
        self._keep(receive_message(self.window, results, self.show_conflicts))

    def _data_changed(self, kinds: frozenset[str]) -> None:
        if CONFLICT in kinds or ASSESSMENT in kinds:
            self.update_conflict_count()
            if self.conflicts_dialog is not None:
                self.conflicts_dialog.reload()

    # -- conflicts

    def show_conflicts(self) -> ConflictsDialog:
        from .conflicts_view import ConflictsDialog

        if self.conflicts_dialog is not None:
            self.conflicts_dialog.reload()
            self.conflicts_dialog.raise_()
            self.conflicts_dialog.activateWindow()
            return self.conflicts_dialog
        dialog = ConflictsDialog(self.database, self.window.advisor_id, lang=self.window.lang,
                                 parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self._resolved)
        dialog.destroyed.connect(lambda *_args: setattr(self, "conflicts_dialog", None))
        self.conflicts_dialog = dialog
        dialog.show()
        return dialog

    def _resolved(self, _conflict: object) -> None:
        announce({ASSESSMENT, CONFLICT})  # the kept version is now the assessment

    def update_conflict_count(self) -> int:
        """Show the number of undecided conflicts in the menu, so they are not forgotten."""
        count = len(store.read(self.database, list_conflicts))
        self.conflicts_action.setText(self.tr("Kon&flik data ({count})…").format(count=count)
                                      if count else self.tr("Kon&flik data…"))
        return count


def install_exchange_actions(controller: Shell | None, window: ShellWindow) -> ExchangeActions:
    """Give a new main window its exchange actions (connected to ``Application.window_changed``)."""
    return ExchangeActions(controller, window)
