"""Printed reports from the window: a profile's PDF and print, a period's batch, the Laporan menu.

- ``ProfileReportBar`` (on the profile view): "Ekspor PDF…" writes the role profile where
  the person chooses; "Cetak" hands it to the system's printing.
- ``BatchDialog`` (Laporan > Semua profil periode ini…): every profile of a period and
  region in one PDF or a folder of PDFs, with a progress dialog that can stop the batch.
- The Laporan menu of each new main window is filled in ``report_menu.py`` (the summary
  screen itself is in ``summary_screen.py``).

Rendering never runs in the window's thread: the functions at the top hold no Qt and run
on the "reports" lane of ``workers`` with the ``Database`` (each call opens its own
sessions), ids, paths and plain filters. Files are written whole or not at all by the
report engine (``output_files``); a PDF can then be opened in the system's viewer.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import NotFoundError, UserError
from ...instrument import ADVISOR_TYPES, load_instrument
from ...output_files import OutputFileError, confirm_replacement, unused_path, write_bytes
from ...services import assessments, screens, store
from ...services.report_data import ProfileFilters
from ...services.report_export import export_profile, export_profiles, export_summary, profile_pdf
from ...services.store import Database
from ...services.summary import SummaryFilters
from ..operations import run_operation
from ..settings import Settings
from ..widgets.common import ErrorLabel, dialog_buttons, show_message, user_message
from ..workers import Worker

if TYPE_CHECKING:
    from ...reports.batch import BatchResult

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # texts outside a widget, in the "Reports" context

LANE = "reports"  # the worker lane reports run in, one after the other
FOLDER = "reports"  # Settings.last_folder kind of every report file dialog
WINDOWS = sys.platform == "win32"
PRINT_COMMANDS = ("lp", "lpr")  # CUPS and BSD spoolers, tried in this order
PRINT_TIMEOUT_S = 60
# Files handed to printing are kept a day: on Windows the PDF program reads the file after
# os.startfile has returned, so it cannot be removed at once.
PRINT_FILES_KEPT_S = 24 * 3600
FILE_NAME_LIMIT = 120
MUTED = "color: #4a4f57;"


# --- the work itself (no Qt: run by the workers) -------------------------------------------


def save_profile(database: Database, assessment_id: uuid.UUID, path: Path, lang: str, *,
                 progress: Callable[..., bool]) -> Path:
    """Write one role profile to ``path`` (the engine writes it whole or not at all)."""
    return export_profile(database, assessment_id, path, lang)


def save_summary(database: Database, filters: SummaryFilters, path: Path, lang: str, *,
                 progress: Callable[..., bool]) -> Path:
    """Write the coordinator's summary to ``path``."""
    return export_summary(database, filters, path, lang)


def save_profiles(database: Database, filters: ProfileFilters, out_file: Path | None,
                  out_dir: Path | None, lang: str, *,
                  progress: Callable[[str, int, int], bool]) -> BatchResult:
    """All profiles of a batch; ``progress(advisor_name, done, total)`` False means stop.

    The engine asks whether to stop before each profile: the answer is the worker's, given
    by re-reporting the progress already made, so a stop takes effect at the next profile.
    """
    made: tuple[str, int, int] = ("", 0, 0)  # advisor name, done, total of the last report

    def profile_done(done: int, total: int, name: str) -> None:
        nonlocal made
        made = (name, done, total)
        progress(*made)

    def stop() -> bool:
        return not progress(*made)

    return export_profiles(database, filters, out_file=out_file, out_dir=out_dir, lang=lang,
                           progress=profile_done, cancelled=stop)


@dataclass(frozen=True)
class PrintOutcome:
    """What happened to a PDF handed to the system's printing."""

    path: Path  # the PDF, kept in print_folder() for a day
    sent: bool  # accepted by the print service
    command: str | None  # "lp", "lpr" or "startfile"; None when there is no way to print
    reply: str  # what the print service said: a job id, or why it refused


def print_folder() -> Path:
    """Where PDFs for printing are written; files older than a day are removed first."""
    folder = Path(tempfile.gettempdir()) / "ewarong-desktop-print"
    folder.mkdir(exist_ok=True)
    oldest = time.time() - PRINT_FILES_KEPT_S
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < oldest:
                old.unlink()
        except OSError:  # in use by a print program: left for next time
            pass
    return folder


def send_to_printer(path: Path) -> PrintOutcome:
    """Hand a PDF to the system: the PDF program's "print" verb on Windows, else lp/lpr.

    Never raises for a printing problem: the outcome says whether the PDF was accepted.
    """
    if WINDOWS:
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]  # Windows only
        except OSError as exc:  # no program registered to print PDFs
            return PrintOutcome(path, False, "startfile", exc.strerror or str(exc))
        return PrintOutcome(path, True, "startfile", "")
    command = next((found for name in PRINT_COMMANDS if (found := shutil.which(name))), None)
    if command is None:
        return PrintOutcome(path, False, None, "")
    name = Path(command).name
    try:
        done = subprocess.run([command, str(path)], capture_output=True, text=True,
                              timeout=PRINT_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return PrintOutcome(path, False, name, f"{name}: no answer in {PRINT_TIMEOUT_S} s")
    except OSError as exc:
        return PrintOutcome(path, False, name, exc.strerror or str(exc))
    reply = (done.stdout.strip() or done.stderr.strip())
    return PrintOutcome(path, done.returncode == 0, name, reply)


def print_profile(database: Database, assessment_id: uuid.UUID, file_name: str, lang: str, *,
                  progress: Callable[..., bool]) -> PrintOutcome:
    """Render the role profile into the print folder and hand it to the system's printing."""
    path = write_bytes(unused_path(print_folder() / file_name),
                       profile_pdf(database, assessment_id, lang))
    return send_to_printer(path)


# --- pieces the report screens share ---------------------------------------------------------


def safe_file_name(*parts: str | None, suffix: str = ".pdf") -> str:
    """A file name readable by a person and valid on Windows: the parts joined by " - "."""
    text = " - ".join(part.strip() for part in parts if part and part.strip())
    text = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", text)
    text = re.sub(r"\s+", " ", text)[:FILE_NAME_LIMIT].rstrip(" .")
    return (text or "laporan") + suffix


def run_report(function: Callable[..., Any], *args: Any, on_success: Callable[[Any], None],
               on_failure: Callable[[Exception], None],
               on_progress: Callable[[str, int, int], None] | None = None,
               on_cancel: Callable[[], None] | None = None) -> Worker:
    """Run a report function on the reports lane; the callbacks run in the window's thread."""
    return run_operation(function, *args, on_success=on_success, on_failure=on_failure,
                         on_progress=on_progress, on_cancel=on_cancel, lane=LANE)


def open_in_viewer(path: Path) -> bool:
    """Open a PDF (or a folder) with the system's program for it; False when there is none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_after_saving_box(settings: Settings, parent: QWidget) -> QCheckBox:
    """The "open after saving" tick, remembered for every report."""
    box = QCheckBox(translate("Reports", "Buka setelah disimpan"), parent)
    box.setToolTip(translate("Reports", "Buka PDF di penampil PDF komputer ini setelah disimpan."))
    box.setChecked(settings.open_saved_reports)
    box.toggled.connect(lambda checked: setattr(settings, "open_saved_reports", checked))
    return box


def choose_pdf_file(parent: QWidget, settings: Settings, title: str, file_name: str) -> Path | None:
    """Ask where to save a PDF, starting in the folder used last; None when cancelled."""
    start = str(Path(settings.last_folder(FOLDER)) / file_name)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, start, translate("Reports", "Dokumen PDF (*.pdf)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    else:
        confirm_replacement(path)  # the save dialog asked before replacing it
    settings.set_last_folder(FOLDER, path.parent)
    return path


def choose_folder(parent: QWidget, settings: Settings, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, settings.last_folder(FOLDER))
    if not chosen:
        return None
    settings.set_last_folder(FOLDER, chosen)
    # Profiles printed into the folder chosen for them replace their earlier prints there.
    confirm_replacement(Path(chosen))
    return Path(chosen)


def failure_text(error: Exception) -> tuple[str, str]:
    """(what went wrong, the details) for a report that could not be made."""
    if isinstance(error, OutputFileError):
        return translate("Reports", "PDF tidak bisa disimpan di tempat itu."), user_message(error)
    if isinstance(error, NotFoundError):
        return translate("Reports", "Tidak ada data untuk laporan ini."), user_message(error)
    if isinstance(error, UserError):
        return translate("Reports", "Laporan tidak bisa dibuat."), user_message(error)
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return (translate("Reports", "Berkas laporan tidak bisa ditulis."),
                where + (error.strerror or str(error)))
    return (translate("Reports", "Laporan tidak bisa dibuat karena kesalahan program."),
            translate("Reports", "Rinciannya tercatat di berkas log program."))


def show_report_failure(parent: QWidget | None, error: Exception) -> QMessageBox:
    text, details = failure_text(error)
    return show_message(parent, translate("Reports", "Laporan gagal"), text, details=details)


def announce_saved(parent: QWidget | None, path: Path, *, open_it: bool) -> QMessageBox | None:
    """Open the saved PDF (or folder) if asked; otherwise say where it is, offering to open it.

    Returns the message shown, or None when the viewer opened it.
    """
    if open_it and open_in_viewer(path):
        return None
    title = translate("Reports", "Laporan tersimpan")
    if open_it:  # asked for, but nothing on this computer opens PDFs
        return show_message(parent, title, translate("Reports", "Laporan tersimpan di:\n{path}")
                            .format(path=path), icon=QMessageBox.Icon.Information,
                            details=translate("Reports", "Tidak ada program di komputer ini yang "
                                              "bisa membukanya; buka berkas itu dari pengelola "
                                              "berkas."))
    return show_message(parent, title, translate("Reports", "Laporan tersimpan di:\n{path}")
                        .format(path=path), icon=QMessageBox.Icon.Information,
                        actions=[(translate("Reports", "Buka"), lambda: open_in_viewer(path))])


def advisor_type_name(code: str, lang: str) -> str:
    return load_instrument().advisor_types[code].get(lang)


class ReportFilters(QWidget):
    """Period, kabupaten/kota, kecamatan (of the chosen kabupaten) and advisor type.

    ``changed`` is emitted once per change the person makes.
    """

    changed = Signal()

    def __init__(self, database: Database, lang: str, parent: QWidget | None = None, *,
                 in_rows: bool = False):
        super().__init__(parent)
        self.database = database
        #: A coordinator's region the figures stay within (coordinators.scope_for); None: all.
        self.scope: frozenset[str] | None = None
        self.period = QComboBox(self)
        self.kabupaten = QComboBox(self)
        self.kecamatan = QComboBox(self)
        self.advisor_type = QComboBox(self)
        self.advisor_type.addItem(self.tr("Semua jenis"), None)
        for code in ADVISOR_TYPES:
            self.advisor_type.addItem(advisor_type_name(code, lang), code)
        # Wide enough for "Semua kabupaten/kota" without growing with a long place name.
        for combo in (self.kabupaten, self.kecamatan, self.advisor_type):
            combo.setMinimumContentsLength(18)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        rows = [(self.tr("&Periode:"), self.period), (self.tr("&Kabupaten/kota:"), self.kabupaten),
                (self.tr("Kec&amatan:"), self.kecamatan),
                (self.tr("&Jenis pendamping:"), self.advisor_type)]
        if in_rows:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
            for text, combo in rows:
                form.addRow(text, combo)
        else:
            line = QHBoxLayout(self)
            line.setContentsMargins(0, 0, 0, 0)
            for text, combo in rows:
                label = QLabel(text, self)
                label.setBuddy(combo)
                line.addWidget(label)
                line.addWidget(combo)
                line.addSpacing(6)
        self.reload()
        self.period.currentIndexChanged.connect(self.changed)
        self.kabupaten.currentIndexChanged.connect(self._kabupaten_chosen)
        self.kecamatan.currentIndexChanged.connect(self.changed)
        self.advisor_type.currentIndexChanged.connect(self.changed)

    def reload(self) -> None:
        """Read the periods and places again, keeping what was chosen where it still exists."""
        periods, kabupaten = screens.report_choices(self.database)
        if not periods:
            self.period.setEnabled(False)
            self._refill(self.period, self.tr("(belum ada penilaian)"), [])
        else:  # newest first, the newest chosen unless another was
            self.period.setEnabled(True)
            self._refill(self.period, None, periods)
        self._refill(self.kabupaten, self.tr("Semua kabupaten/kota"), kabupaten)
        self._fill_kecamatan()

    def _kabupaten_chosen(self) -> None:
        self._fill_kecamatan()
        self.changed.emit()

    def _fill_kecamatan(self) -> None:
        kabupaten = self.kabupaten.currentData()
        names = screens.kecamatan_in(self.database, kabupaten)
        self._refill(self.kecamatan, self.tr("Semua kecamatan"), names)

    @staticmethod
    def _refill(combo: QComboBox, everything: str | None, values: list[str]) -> None:
        """Replace the choices quietly, keeping the chosen value where it is still offered."""
        chosen = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            if everything is not None:
                combo.addItem(everything, None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    @property
    def has_data(self) -> bool:
        return self.period.currentData() is not None

    def choose(self, *, period: str | None = None, kabupaten: str | None = None,
               kecamatan: str | None = None, advisor_type: str | None = None) -> None:
        """Set the filters as a person would (each change emits ``changed``)."""
        for combo, value in ((self.period, period), (self.kabupaten, kabupaten),
                             (self.kecamatan, kecamatan), (self.advisor_type, advisor_type)):
            index = combo.findData(value) if value is not None else 0  # 0: "all" (or newest)
            if index < 0:
                raise KeyError(f"{value!r} is not offered")
            combo.setCurrentIndex(index)

    def values(self) -> tuple[str | None, str | None, str | None, str | None]:
        """(period, kabupaten, kecamatan, advisor type); None where "all" is chosen."""
        return (self.period.currentData(), self.kabupaten.currentData(),
                self.kecamatan.currentData(), self.advisor_type.currentData())

    def summary_filters(self, include_drafts: bool = False) -> SummaryFilters:
        return SummaryFilters(*self.values(), include_drafts=include_drafts, scope=self.scope)

    def profile_filters(self) -> ProfileFilters:
        period, kabupaten, kecamatan, advisor_type = self.values()
        assert period is not None, "no period to print"
        return ProfileFilters(period, kabupaten, kecamatan, advisor_type, scope=self.scope)

    def file_name_parts(self) -> list[str | None]:
        return list(self.values())


# --- the profile view's buttons --------------------------------------------------------------


class ProfileReportBar(QWidget):
    """ "Ekspor PDF…", "Cetak" and "Buka setelah disimpan" for the role profile on screen."""

    saved = Signal(object)  # Path of the PDF written
    printed = Signal(object)  # PrintOutcome

    def __init__(self, database: Database, assessment_id: uuid.UUID, *, lang: str,
                 settings: Settings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.assessment_id = assessment_id
        self.lang = lang
        self.settings = settings or Settings()
        self.worker: Worker | None = None
        self.export_button = QPushButton(self.tr("&Ekspor PDF…"), self)
        self.export_button.setToolTip(self.tr("Simpan profil peran ini sebagai PDF untuk dicetak "
                                              "atau dikirim."))
        self.print_button = QPushButton(self.tr("&Cetak"), self)
        self.print_button.setToolTip(self.tr("Kirim PDF profil ini ke pencetak bawaan komputer."))
        self.open_after = open_after_saving_box(self.settings, self)
        self.status = QLabel(self)
        self.status.setStyleSheet(MUTED)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.export_button)
        layout.addWidget(self.print_button)
        layout.addWidget(self.open_after)
        layout.addWidget(self.status, 1)
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_pdf)

    def _file_name(self) -> str:
        summary = store.read(self.database, assessments.get_summary, self.assessment_id)
        return safe_file_name(self.tr("Profil peran"), summary.period, summary.advisor_name,
                              summary.warong_name)

    def _busy(self, text: str) -> None:
        self.export_button.setEnabled(not text)
        self.print_button.setEnabled(not text)
        self.status.setText(text)

    def export_pdf(self) -> Worker | None:
        """Ask where, then write the PDF off the window's thread."""
        path = choose_pdf_file(self.window(), self.settings, self.tr("Simpan profil peran sebagai PDF"),
                               self._file_name())
        if path is None:
            return None
        self._busy(self.tr("Membuat PDF…"))
        self.worker = run_report(save_profile, self.database, self.assessment_id, path, self.lang,
                                 on_success=self._saved, on_failure=self._failed)
        return self.worker

    def print_pdf(self) -> Worker:
        """Render the PDF off the window's thread and hand it to the system's printing."""
        self._busy(self.tr("Menyiapkan cetakan…"))
        self.worker = run_report(print_profile, self.database, self.assessment_id,
                                 self._file_name(), self.lang,
                                 on_success=self._printed, on_failure=self._failed)
        return self.worker

    def _saved(self, path: Path) -> None:
        self.worker = None
        self._busy("")
        self.status.setText(self.tr("Tersimpan: {name}").format(name=path.name))
        self.saved.emit(path)
        announce_saved(self.window(), path, open_it=self.open_after.isChecked())

    def _printed(self, outcome: PrintOutcome) -> None:
        self.worker = None
        self._busy("")
        self.printed.emit(outcome)
        title = self.tr("Cetak profil peran")
        if outcome.sent:
            self.status.setText(self.tr("Dikirim ke pencetak."))
            details = outcome.reply or (self.tr("Program PDF komputer ini mencetaknya ke pencetak "
                                                "bawaan.") if outcome.command == "startfile" else "")
            show_message(self.window(), title, self.tr("Profil peran dikirim ke pencetak."),
                         icon=QMessageBox.Icon.Information, details=details)
            return
        opened = open_in_viewer(outcome.path)
        if outcome.command is None:
            text = self.tr("Komputer ini tidak punya layanan cetak (lp atau lpr).")
        else:
            text = self.tr("Pencetak menolak PDF ini: {reply}").format(
                reply=outcome.reply or self.tr("tanpa keterangan"))
        if opened:
            details = self.tr("PDF dibuka di penampil PDF; cetak dari sana (Ctrl+P).")
        else:
            details = self.tr("PDF tersimpan di {path}; buka dan cetak dari program lain.").format(
                path=outcome.path)
        self.status.setText(self.tr("Belum tercetak."))
        show_message(self.window(), title, text, details=details)

    def _failed(self, error: Exception) -> None:
        self.worker = None
        self._busy("")
        show_report_failure(self.window(), error)


# --- every profile of a period ---------------------------------------------------------------


class BatchDialog(QDialog):
    """Every role profile of a period (and region, advisor type) in one PDF or a folder.

    The work runs on a worker; a progress dialog shows each profile as it is finished and
    "Hentikan" stops the batch at the next profile. A stopped single PDF is not written at
    all; in a folder the profiles already finished stay, whole.
    """

    batch_finished = Signal(object)  # BatchResult, also when stopped

    def __init__(self, database: Database, *, lang: str, settings: Settings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.lang = lang
        self.settings = settings
        self.worker: Worker | None = None
        self.progress: QProgressDialog | None = None
        self.stop_button: QPushButton | None = None
        self.target: Path | None = None
        self.setWindowTitle(self.tr("Cetak semua profil peran"))
        intro = QLabel(self.tr(
            "Profil peran setiap penilaian dalam periode dan wilayah yang dipilih, sekaligus. "
            "Profil yang masih draf diberi tanda DRAF di setiap halamannya."), self)
        intro.setWordWrap(True)
        self.filters = ReportFilters(database, lang, self, in_rows=True)
        self.one_file = QRadioButton(self.tr("Satu berkas PDF (setiap profil mulai di halaman baru)"),
                                     self)
        self.many_files = QRadioButton(self.tr("Satu berkas PDF per profil, dalam sebuah folder"),
                                       self)
        self.one_file.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_file)
        group.addButton(self.many_files)
        self.open_after = open_after_saving_box(settings, self)
        self.error = ErrorLabel(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.buttons = dialog_buttons(self, self.tr("Buat PDF…"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filters)
        layout.addSpacing(6)
        layout.addWidget(self.one_file)
        layout.addWidget(self.many_files)
        layout.addWidget(self.open_after)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        if not self.filters.has_data:
            self.error.show_error(self.tr("Belum ada penilaian untuk dicetak."))
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(self.filters.has_data)

    def accept(self) -> None:
        """Ask where the PDF (or folder) goes, then start; the dialog stays until it is done."""
        if self.worker is not None or not self.filters.has_data:
            return
        filters = self.filters.profile_filters()
        if self.one_file.isChecked():
            out_file = choose_pdf_file(self, self.settings, self.tr("Simpan profil peran sebagai PDF"),
                                       safe_file_name(self.tr("Profil peran"),
                                                      *self.filters.file_name_parts()))
            out_dir = None
            if out_file is None:
                return
        else:
            out_dir = choose_folder(self, self.settings,
                                    self.tr("Folder untuk berkas PDF profil peran"))
            out_file = None
            if out_dir is None:
                return
        self.start(filters, out_file=out_file, out_dir=out_dir)

    def start(self, filters: ProfileFilters, *, out_file: Path | None = None,
              out_dir: Path | None = None) -> Worker:
        self.error.clear_error()
        self.note.hide()
        self.target = out_file or out_dir
        self.worker = run_report(save_profiles, self.database, filters, out_file, out_dir,
                                 self.lang, on_success=self._finished, on_failure=self._failed,
                                 on_progress=self._progressed, on_cancel=self._stopped)
        self.destroyed.connect(self.worker.cancel)  # the window closed: no reason to go on
        progress = QProgressDialog(self.tr("Menyiapkan profil pertama…"), "", 0, 0, self)
        progress.setWindowTitle(self.tr("Membuat profil peran"))
        # Stopping waits for the profile being drawn: the dialog stays until the worker ends.
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(440)
        self.stop_button = QPushButton(self.tr("&Hentikan"), progress)
        progress.setCancelButton(self.stop_button)
        progress.canceled.connect(self.stop)
        self.progress = progress
        progress.open()
        return self.worker

    def stop(self) -> None:
        """Stop the batch after the profile being drawn now."""
        if self.worker is None:
            return
        self.worker.cancel()
        if self.progress is not None and self.stop_button is not None:
            self.progress.setLabelText(self.tr("Menghentikan setelah profil yang sedang dibuat…"))
            self.stop_button.setEnabled(False)

    def _progressed(self, name: str, done: int, total: int) -> None:
        if (self.progress is None or self.worker is None or self.worker.cancel_requested
                or not total):  # total 0: asked before the first profile is done
            return
        progress = self.progress
        progress.setLabelText(self.tr("{done} dari {total} profil selesai\n{name}").format(
            done=done, total=total, name=name))
        if progress.maximum() != total:
            progress.setMaximum(total)
        # Last: a modal progress dialog handles pending events inside setValue, and the
        # batch may end (and the dialog close) right there.
        progress.setValue(done)

    def _close_progress(self) -> None:
        self.worker = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.stop)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = self.stop_button = None

    def _finished(self, result: BatchResult) -> None:
        self._close_progress()
        self.batch_finished.emit(result)
        if result.cancelled:
            if result.paths and self.many_files.isChecked():
                text = self.tr("Dihentikan. {count} profil yang sudah selesai ada di folder {folder}; "
                               "sisanya belum dibuat.").format(count=result.written,
                                                               folder=self.target)
            else:
                text = self.tr("Dihentikan. Tidak ada berkas yang dibuat.")
            self.note.setText(text)
            self.note.show()
            return
        assert self.target is not None
        super().accept()
        announce_saved(self.parentWidget(), self.target, open_it=self.open_after.isChecked())

    def _stopped(self) -> None:
        """The engine gave up after "Hentikan" with an error: like a stop, nothing whole was lost."""
        self._close_progress()
        self.note.setText(self.tr("Dihentikan. Tidak ada berkas yang dibuat."))
        self.note.show()

    def _failed(self, error: Exception) -> None:
        self._close_progress()
        text, details = failure_text(error)
        self.error.show_error(f"{text} {details}")

    def reject(self) -> None:
        if self.worker is not None:  # Esc while working: stop, stay until the worker ends
            self.stop()
            return
        super().reject()
