"""The coordinator's summary on screen (Laporan > Ringkasan koordinator…) and as a PDF.

The filters (period, kabupaten/kota, kecamatan of that kabupaten, advisor type) are those of
the printed summary; every change recomputes ``services.summary.coordinator_summary`` off
the window's thread and shows its key numbers: counts, mean level per role and agenda area
for each advisor type side by side, the cells with the largest average gap and the training
needs in order. "Ekspor PDF…" prints the full summary (distribution, advisors, trend too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...errors import NotFoundError
from ...instrument import ADVISOR_TYPES, AREA_COUNT, ROLE_COUNT
from ...services import store
from ...services.store import Database
from ...services.summary import ALL, CoordinatorSummary, Counts, SummaryFilters, coordinator_summary
from ..operations import ADVISOR, ASSESSMENT, TARGET, WARONG, data_changes
from ..settings import Settings
from ..widgets.cell_table import CellTable
from ..widgets.charts import format_mean, role_label
from ..widgets.common import error_text, heading_label
from ..workers import Worker
from .actions import (
    MUTED,
    ReportFilters,
    announce_saved,
    choose_pdf_file,
    open_after_saving_box,
    run_report,
    safe_file_name,
    save_summary,
    show_report_failure,
)

BELOW_MARK = "\u25bc"  # after a mean below the type's mean target, as the PDF marks it
BELOW_COLOUR = "#a61b1b"


@dataclass(frozen=True)
class SummaryOutcome:
    """A computed summary (or why there is none) for the request numbered ``generation``."""

    generation: int
    summary: CoordinatorSummary | None
    missing: str = ""  # the service's reason when nothing matches the filters


def compute_summary(database: Database, filters: SummaryFilters, generation: int, *,
                    progress: Callable[..., bool]) -> SummaryOutcome:
    """Run on a worker: the summary in a session of its own (skipped if already outdated)."""
    if not progress("summary", 0, 1):  # the filters changed again before this one started
        return SummaryOutcome(generation, None)
    try:
        return SummaryOutcome(generation, store.read(database, coordinator_summary, filters))
    except NotFoundError as exc:
        return SummaryOutcome(generation, None, error_text(exc))


def mean_targets(summary: CoordinatorSummary, advisor_type: str) -> tuple[dict[int, float],
                                                                          dict[int, float]]:
    """The type's mean target per role and per agenda area, as the summary carries them."""
    return summary.role_targets[advisor_type], summary.area_targets[advisor_type]


class SummaryScreen(QWidget):
    """Filters, key numbers and the PDF of the coordinator's summary."""

    shown = Signal(object)  # the CoordinatorSummary now on screen, or None
    saved = Signal(object)  # Path of a PDF written

    def __init__(self, database: Database, *, lang: str, settings: Settings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.lang = lang
        self.settings = settings or Settings()
        self.summary: CoordinatorSummary | None = None
        self.summary_worker: Worker | None = None
        self.export_worker: Worker | None = None
        self._generation = 0
        self.setWindowTitle(self.tr("Ringkasan koordinator"))
        self._build()
        self.filters.changed.connect(self.recompute)
        self.include_drafts.toggled.connect(self.recompute)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export_pdf)
        self.recompute()
        data_changes().data_changed.connect(self._data_changed)

    def _data_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {ADVISOR, WARONG, ASSESSMENT, TARGET}:
            self.reload()  # a save here, an import or another window: the figures moved

    # -- layout

    def _build(self) -> None:
        self.filters = ReportFilters(self.database, self.lang, self)
        self.include_drafts = QCheckBox(self.tr("Hitung juga penilaian &draf"), self)
        self.include_drafts.setToolTip(self.tr(
            "Biasanya rata-rata hanya memakai penilaian final; centang untuk menghitung draf juga."))
        self.refresh_button = QPushButton(self.tr("Hitung &ulang"), self)
        self.refresh_button.setToolTip(self.tr("Baca lagi data terbaru dari basis data."))
        self.export_button = QPushButton(self.tr("&Ekspor PDF…"), self)
        self.export_button.setToolTip(self.tr(
            "Simpan ringkasan lengkap (termasuk sebaran, pendamping dan tren) sebagai PDF."))
        self.open_after = open_after_saving_box(self.settings, self)
        self.status = QLabel(self)
        self.status.setStyleSheet(MUTED)

        top = QHBoxLayout()
        top.addWidget(self.filters)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.include_drafts)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.open_after)

        self.heading = heading_label("", self, scale=1.3)
        self.basis = QLabel(self)
        self.basis.setStyleSheet(MUTED)
        self.basis.setWordWrap(True)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)

        self.content = QWidget(self)
        self.counts_table = CellTable([self.tr("Jenis pendamping"), self.tr("Pendamping"),
                                       self.tr("e-Warong"), self.tr("Penilaian"), self.tr("Final"),
                                       self.tr("Draf")], 0, self.content)
        counts_box = self._box(self.tr("Pendamping, e-Warong dan penilaian"), self.counts_table)
        self.means_table = CellTable([""], 0, self.content)
        means_note = QLabel(self.tr("{mark} = di bawah target rata-rata jenis pendamping itu. "
                                    "Tingkat 0-4.").format(mark=BELOW_MARK), self.content)
        means_note.setStyleSheet(MUTED)
        means_note.setWordWrap(True)
        means_box = self._box(self.tr("Rata-rata tingkat per peran dan bidang agenda"),
                              self.means_table, means_note)
        self.gaps_table = CellTable([self.tr("Sel"), self.tr("Jenis"), self.tr("Peran — bidang"),
                                     self.tr("Rerata"), self.tr("Target"), self.tr("Selisih"),
                                     self.tr("Di bawah target")], 2, self.content)
        self.gaps_empty = QLabel(self.tr("Tidak ada sel yang rata-ratanya di bawah target."),
                                 self.content)
        gaps_box = self._box(self.tr("Sel dengan kesenjangan rata-rata terbesar"),
                             self.gaps_table, self.gaps_empty)
        self.training_table = CellTable([self.tr("No."), self.tr("Bidang agenda dan saran tindakan"),
                                         self.tr("Pendamping yang perlu"),
                                         self.tr("Rerata kekurangan")], 1, self.content)
        self.training_empty = QLabel(self.tr("Tidak ada pendamping dengan sel di bawah target."),
                                     self.content)
        training_note = QLabel(self.tr(
            "Pendamping yang perlu = pendamping dengan sedikitnya satu sel bidang itu di bawah "
            "target; rerata kekurangan = rata-rata jarak ke target per sel yang dinilai."),
            self.content)
        training_note.setStyleSheet(MUTED)
        training_note.setWordWrap(True)
        training_box = self._box(self.tr("Kebutuhan pelatihan, berurutan"), self.training_table,
                                 self.training_empty, training_note)

        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(counts_box)
        left.addWidget(means_box)
        left.addStretch(1)
        right.addWidget(gaps_box)
        right.addWidget(training_box)
        # Self vs verified and the training needs from plans (issue 11).
        from ..coordination.summary_panel import VerifiedSummaryPanel

        self.verified_panel = VerifiedSummaryPanel(self.lang, self.content)
        right.addWidget(self.verified_panel)
        right.addStretch(1)
        columns = QHBoxLayout(self.content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(12, 4, 12, 12)
        body_layout.addWidget(self.heading)
        body_layout.addWidget(self.basis)
        body_layout.addWidget(self.empty)
        body_layout.addWidget(self.content, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(scroll, 1)

    def _box(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title, self.content)
        layout = QVBoxLayout(box)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    # -- computing

    def current_filters(self) -> SummaryFilters:
        return self.filters.summary_filters(self.include_drafts.isChecked())

    def reload(self) -> None:
        """Read the periods and places again, then recompute (data may have changed)."""
        self.filters.reload()
        self.recompute()

    def recompute(self) -> Worker | None:
        """Compute the summary for the filters off the window's thread; the newest request wins."""
        self._generation += 1
        if self.summary_worker is not None:
            self.summary_worker.cancel()  # not started yet: skipped; running: its result ignored
        if not self.filters.has_data:
            self._show_missing(self.tr("Belum ada penilaian di basis data ini."))
            return None
        self.status.setText(self.tr("Menghitung…"))
        self.content.setEnabled(False)
        self.export_button.setEnabled(False)
        self.summary_worker = run_report(compute_summary, self.database, self.current_filters(),
                                         self._generation, on_success=self._computed,
                                         on_failure=self._failed)
        return self.summary_worker

    def _computed(self, outcome: SummaryOutcome) -> None:
        if outcome.generation != self._generation:
            return  # the filters changed since: a newer result is on its way
        self.summary_worker = None
        if outcome.summary is None:
            self._show_missing(self.tr("Tidak ada penilaian untuk pilihan ini. Pilih periode atau "
                                       "wilayah lain."))
            return
        self.status.setText("")
        self.show_summary(outcome.summary)

    def _failed(self, error: Exception) -> None:
        self.summary_worker = None
        self._show_missing(self.tr("Ringkasan tidak bisa dihitung."))
        show_report_failure(self, error)

    def _show_missing(self, text: str) -> None:
        self.summary = None
        self.status.setText("")
        self.heading.setText(self.tr("Ringkasan koordinator"))
        self.basis.clear()
        self.empty.setText(text)
        self.empty.show()
        self.content.hide()
        self.export_button.setEnabled(False)
        self.shown.emit(None)

    # -- showing

    def type_column_name(self, key: str) -> str:
        return {ALL: self.tr("Semua"), "OTHER": self.tr("Lainnya")}.get(key, key)

    def show_summary(self, summary: CoordinatorSummary) -> None:
        self.summary = summary
        filters = summary.filters
        region = " / ".join(part for part in (filters.kabupaten, filters.kecamatan) if part)
        self.heading.setText(self.tr("Ringkasan koordinator {period} — {region} — {types}").format(
            period=summary.period, region=region or self.tr("semua wilayah"),
            types=(self.type_column_name(filters.advisor_type) if filters.advisor_type
                   else self.tr("semua jenis pendamping"))))
        self.basis.setText(self.tr("Rata-rata dari penilaian final dan draf.")
                           if filters.include_drafts
                           else self.tr("Rata-rata dari penilaian final saja; jumlah memuat draf."))
        self._show_counts(summary)
        self._show_means(summary)
        self._show_gaps(summary)
        self._show_training(summary)
        self.verified_panel.show_summary(summary)
        self.empty.hide()
        self.content.show()
        self.content.setEnabled(True)
        self.export_button.setEnabled(self.export_worker is None)
        self.shown.emit(summary)

    def _show_counts(self, summary: CoordinatorSummary) -> None:
        def row(name: str, counts: Counts) -> list[str]:
            return [name, *(str(n) for n in (counts.advisors, counts.warongs, counts.assessments,
                                             counts.final, counts.draft))]

        rows = [row(self.type_column_name(t), summary.counts_by_type[t])
                for t in summary.advisor_types]
        rows.append(row(self.tr("Jumlah"), summary.counts))
        self.counts_table.set_rows(rows)
        self._bold_row(self.counts_table, len(rows) - 1)

    def _show_means(self, summary: CoordinatorSummary) -> None:
        columns = list(summary.advisor_types)
        if len(columns) > 1:
            columns.append(ALL)
        table = self.means_table
        table.setColumnCount(1 + len(columns))
        table.setHorizontalHeaderLabels(["", *(self.type_column_name(c) for c in columns)])
        for column in range(1, table.columnCount()):
            table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        targets = {c: mean_targets(summary, c) for c in columns if c != ALL}
        instrument = summary.instrument
        # (label, mean per column, mean target per column); None rows are section titles
        rows: list[tuple[str, dict[str, float | None] | None, dict[str, float | None]]] = [
            (self.tr("Peran"), None, {})]
        for role in range(1, ROLE_COUNT + 1):
            rows.append((f"{role}. {role_label(instrument.role(role), self.lang)}",
                         {c: summary.role_means[(c, role)] for c in columns},
                         {c: targets[c][0][role] for c in targets}))
        rows.append((self.tr("Bidang agenda"), None, {}))
        for area in range(1, AREA_COUNT + 1):
            rows.append((f"{area}. {instrument.area(area).name.get(self.lang)}",
                         {c: summary.area_means[(c, area)] for c in columns},
                         {c: targets[c][1][area] for c in targets}))
        rows.append((self.tr("Keseluruhan"), {c: summary.overall[c] for c in columns}, {}))
        table.set_rows([[name, *(self._mean_text(means[c], target.get(c)) if means else ""
                                 for c in columns)] for name, means, target in rows])
        for index, (_name, means, target) in enumerate(rows):
            if means is None or index == len(rows) - 1:
                self._bold_row(table, index)
            for column, key in enumerate(columns, start=1):
                goal = target.get(key)
                if goal is None:
                    continue
                item = table.item(index, column)
                assert item is not None  # set_rows filled every cell
                item.setToolTip(self.tr("Target rata-rata: {target}").format(
                    target=format_mean(goal, self.lang)))
                if BELOW_MARK in item.text():
                    item.setForeground(QBrush(QColor(BELOW_COLOUR)))

    def _mean_text(self, mean: float | None, target: float | None) -> str:
        text = format_mean(mean, self.lang)
        if mean is not None and target is not None and mean < target - 1e-9:
            text += f" {BELOW_MARK}"
        return text

    def _show_gaps(self, summary: CoordinatorSummary) -> None:
        instrument = summary.instrument
        rows = [[stat.code, self.type_column_name(stat.advisor_type),
                 f"{role_label(instrument.role(stat.role), self.lang)} — "
                 f"{instrument.area(stat.area).name.get(self.lang)}",
                 format_mean(stat.mean, self.lang), str(stat.target),
                 format_mean(stat.gap, self.lang),
                 self.tr("{below} dari {rated}").format(below=stat.below, rated=stat.rated)]
                for stat in summary.largest_gaps]
        self.gaps_table.set_rows(rows)
        self.gaps_table.setVisible(bool(rows))
        self.gaps_empty.setVisible(not rows)

    def _show_training(self, summary: CoordinatorSummary) -> None:
        instrument = summary.instrument
        rows = []
        for rank, need in enumerate((n for n in summary.training_needs if n.advisors_needing),
                                    start=1):
            by_type = ", ".join(f"{self.type_column_name(t)} {need.needing_by_type[t]}"
                                for t in ADVISOR_TYPES if need.needing_by_type.get(t))
            area = instrument.area(need.area)
            rows.append([str(rank),
                         f"{need.area}. {area.name.get(self.lang)}\n{area.action.get(self.lang)}",
                         self.tr("{needing} dari {rated}\n({by_type})").format(
                             needing=need.advisors_needing, rated=need.advisors_rated,
                             by_type=by_type),
                         format_mean(need.mean_shortfall, self.lang)])
        self.training_table.set_rows(rows)
        self.training_table.setVisible(bool(rows))
        self.training_empty.setVisible(not rows)

    @staticmethod
    def _bold_row(table: CellTable, row: int) -> None:
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                font = item.font()
                font.setBold(True)
                item.setFont(font)

    # -- the PDF

    def export_pdf(self) -> Worker | None:
        """Ask where, then write the summary PDF (the shown period and filters) off the window's thread."""
        if self.summary is None:
            return None
        shown = self.summary.filters
        filters = SummaryFilters(self.summary.period, shown.kabupaten, shown.kecamatan,
                                 shown.advisor_type, shown.include_drafts)
        path = choose_pdf_file(self, self.settings, self.tr("Simpan ringkasan koordinator sebagai PDF"),
                               safe_file_name(self.tr("Ringkasan koordinator"), filters.period,
                                              filters.kabupaten, filters.kecamatan,
                                              filters.advisor_type))
        if path is None:
            return None
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Membuat PDF…"))
        self.export_worker = run_report(save_summary, self.database, filters, path, self.lang,
                                        on_success=self._saved, on_failure=self._export_failed)
        return self.export_worker

    def _export_done(self) -> None:
        self.export_worker = None
        self.export_button.setEnabled(self.summary is not None and self.summary_worker is None)

    def _saved(self, path: Path) -> None:
        self._export_done()
        self.status.setText(self.tr("Tersimpan: {name}").format(name=path.name))
        self.saved.emit(path)
        announce_saved(self, path, open_it=self.open_after.isChecked())

    def _export_failed(self, error: Exception) -> None:
        self._export_done()
        self.status.setText("")
        show_report_failure(self, error)
