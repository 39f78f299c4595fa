"""The role profile of one assessment: who and what, radar chart, level grid, gaps, strengths.

Everything shown comes from ``services.profiles.compute_profile`` (plain data); the view
keeps no database objects and can be refreshed after the assessment changes.
"""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...instrument import ROLE_COUNT, Instrument
from ...periods import period_name
from ...services import profiles, screens
from ...services.profiles import CellScore, RoleProfile
from ...services.store import Database
from .. import theme
from ..widgets.cell_table import CellTable
from ..widgets.charts import LevelGrid, LevelLegend, RadarChart, format_mean, role_label
from ..widgets.common import fact_grid
from ..widgets.study_finding import study_finding_text
from .actions import ProfileReportBar

GAPS_SHOWN = 10
WIDE_LAYOUT_WIDTH = 1100
STRENGTHS_SHOWN = 6


class ProfileView(QWidget):
    """Header, radar chart, 4 x 8 grid with means, largest gaps and strengths."""

    def __init__(self, database: Database, assessment_id: uuid.UUID, *, lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._database = database
        self._assessment_id = assessment_id
        self._lang = lang
        self.profile: RoleProfile | None = None
        self.previous: RoleProfile | None = None  # the previous period, if any
        self._build()
        self._apply_palette()
        self.refresh()

    def _apply_palette(self) -> None:
        # Secondary text in a shade of the palette's own text, so it reads in any theme.
        colours = QApplication.palette()
        self.setStyleSheet(f'QLabel[muted="true"] {{ color: {theme.muted_text(colours)}; }}')

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # A secondary window: Esc and Ctrl+W close it.
        closing = event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Close) \
            or (event.key() == Qt.Key.Key_W
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier)
        if closing and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._apply_palette()

    # -- layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget(scroll)
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(10)

        self.title = QLabel(content)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        self.history_button = QPushButton(self.tr("&Riwayat perubahan..."), content)
        self.history_button.clicked.connect(self.show_history)
        title_row.addWidget(self.history_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(title_row)

        header = QGridLayout()
        header.setHorizontalSpacing(14)
        header.setVerticalSpacing(2)
        fields = [
            ("advisor", self.tr("Pendamping")), ("type", self.tr("Jenis pendamping")),
            ("warong", self.tr("e-Warong")), ("region", self.tr("Wilayah")),
            ("period", self.tr("Periode")), ("status", self.tr("Status")),
            ("completeness", self.tr("Kelengkapan")), ("overall", self.tr("Rerata keseluruhan")),
            ("change", self.tr("Sejak semester lalu")),
        ]
        self.header_values = fact_grid(header, [(key, caption + ":") for key, caption in fields],
                                       content, rows=5)
        for caption in content.findChildren(QLabel):
            if caption.text().endswith(":"):
                caption.setProperty("muted", True)
        layout.addLayout(header)
        # Ekspor PDF / Cetak for this profile; the PDF is rendered off the window's thread.
        self.report_bar = ProfileReportBar(self._database, self._assessment_id, lang=self._lang,
                                           parent=content)
        layout.addWidget(self.report_bar)

        # Two columns: the radar with the strengths under it, the grid with the gaps under it,
        # so the first screen shows the picture, the numbers and where to improve.
        # On a narrow window (below WIDE_LAYOUT_WIDTH) everything goes in one column instead.
        self._columns = columns = QHBoxLayout()
        columns.setSpacing(10)
        self._left = QVBoxLayout()
        self._right = QVBoxLayout()
        columns.addLayout(self._left, 2)
        columns.addLayout(self._right, 3)
        layout.addLayout(columns)

        radar_box = QGroupBox(self.tr("Peran dibanding target"), content)
        radar_layout = QVBoxLayout(radar_box)
        self.radar = RadarChart(radar_box)
        self.radar.setFixedHeight(400)
        radar_layout.addWidget(self.radar)
        radar_box.setMinimumWidth(360)
        radar_box.setMaximumWidth(440)

        grid_box = QGroupBox(self.tr("Tingkat per sel (peran x bidang agenda)"), content)
        grid_layout = QVBoxLayout(grid_box)
        self.grid = LevelGrid(grid_box)
        grid_layout.addWidget(self.grid)
        self.legend_holder = QVBoxLayout()
        grid_layout.addLayout(self.legend_holder)
        self.grid_note = QLabel(grid_box)
        self.grid_note.setWordWrap(True)
        self.grid_note.setProperty("muted", True)
        grid_layout.addWidget(self.grid_note)

        headers = [self.tr("Kode"), self.tr("Bidang"), self.tr("Pernyataan"), self.tr("Tingkat"),
                   self.tr("Target")]
        gaps_box, self.gaps_table, self.gaps_empty, self.gaps_more = self._cell_list(
            self.tr("Kesenjangan terbesar terhadap target"),
            [*headers, self.tr("Selisih"), self.tr("Temuan studi")],
            self.tr("Tidak ada sel di bawah target."), content)
        strengths_box, self.strengths_table, self.strengths_empty, self.strengths_more = \
            self._cell_list(self.tr("Kekuatan (mencapai atau melampaui target)"),
                            [*headers, self.tr("Temuan studi")],
                            self.tr("Belum ada sel yang mencapai target."), content)
        self._boxes = (radar_box, grid_box, gaps_box, strengths_box)
        # Self vs verified, who verified, who set the targets, the plan (issue 11).
        from ..coordination.profile_panel import CoordinationPanel

        self.coordination = CoordinationPanel(self._lang, content)
        layout.addWidget(self.coordination)
        self.expanded: set[str] = set()  # lists shown whole after "tampilkan semua"
        for name, label in (("gaps", self.gaps_more), ("strengths", self.strengths_more)):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.linkActivated.connect(lambda _link, name=name: self.expand(name))
        self._wide: bool | None = None
        self._arrange(wide=True)

    def _arrange(self, *, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        radar_box, grid_box, gaps_box, strengths_box = self._boxes
        for column in (self._left, self._right):
            while column.count():
                column.takeAt(0)
        if wide:
            placement = [(self._left, radar_box), (self._left, strengths_box),
                         (self._right, grid_box), (self._right, gaps_box)]
        else:
            placement = [(self._left, box) for box in (radar_box, grid_box, gaps_box, strengths_box)]
        for column, box in placement:
            column.addWidget(box)
        strengths_box.setMaximumWidth(440 if wide else 16777215)
        self._columns.setStretch(0, 2 if wide else 1)
        self._columns.setStretch(1, 3 if wide else 0)
        self._left.addStretch(1)
        self._right.addStretch(1)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._arrange(wide=self.width() >= WIDE_LAYOUT_WIDTH)

    @staticmethod
    def _cell_list(title: str, headers: list[str], empty_text: str,
                   parent: QWidget) -> tuple[QGroupBox, CellTable, QLabel, QLabel]:
        box = QGroupBox(title, parent)
        box_layout = QVBoxLayout(box)
        # The study's finding (last column) wraps beside the statement instead of
        # squeezing it.
        table = CellTable(headers, 2, box, wrapped=(len(headers) - 1,))
        empty = QLabel(empty_text, box)
        more = QLabel(box)
        more.setProperty("muted", True)
        for widget in (table, empty, more):
            box_layout.addWidget(widget)
        return box, table, empty, more

    # -- data

    def refresh(self) -> None:
        """Recompute the profile from the database and redraw everything."""
        profile, previous = screens.profile_and_previous(self._database, self._assessment_id)
        self.profile = profile
        self.previous = previous
        instrument = profiles.instrument_for(profile.instrument_version)
        self._show_header(profile, instrument)
        roles = range(1, ROLE_COUNT + 1)
        self.radar.set_data([role_label(instrument.role(r), self._lang) for r in roles],
                            [profile.role_means[r] for r in roles],
                            [profile.role_targets[r] for r in roles], self._lang,
                            None if previous is None else [previous.role_means[r] for r in roles])
        self.grid.set_profile(profile, instrument, self._lang)
        if self.legend_holder.count() == 0:
            self.legend_holder.addWidget(LevelLegend(instrument, self._lang, self))
        self.grid_note.setText(self.tr(
            "Angka = tingkat 0-4; TB = tidak berlaku (tidak ikut dihitung); sel kosong berarsir = "
            "belum dinilai. Kolom dan baris \"Rerata\" memuat rerata per peran dan per bidang."))
        self._fill(self.gaps_table, self.gaps_empty, self.gaps_more, profile.gaps,
                   len(profile.gaps) if "gaps" in self.expanded else GAPS_SHOWN,
                   instrument, with_gap=True)
        self._fill(self.strengths_table, self.strengths_empty, self.strengths_more,
                   profile.strengths,
                   len(profile.strengths) if "strengths" in self.expanded else STRENGTHS_SHOWN,
                   instrument, with_gap=False)
        self.coordination.show_profile(profile)

    def _show_header(self, profile: RoleProfile, instrument: Instrument) -> None:
        summary = profile.assessment
        self.title.setText(self.tr("Profil peran: {advisor} — {warong}, {period}").format(
            advisor=summary.advisor_name, warong=summary.warong_name,
            period=period_name(summary.period, self._lang)))
        advisor_type = instrument.advisor_types.get(summary.advisor_type)
        warong = summary.warong_name + (f" ({summary.kube_name})" if summary.kube_name else "")
        values = {
            "advisor": summary.advisor_name,
            "type": advisor_type.get(self._lang) if advisor_type else summary.advisor_type,
            "warong": warong,
            "region": ", ".join(place for place in (summary.kelurahan, summary.kecamatan,
                                                     summary.kabupaten) if place),
            "period": period_name(summary.period, self._lang),
            "status": self.tr("Final") if summary.is_final else self.tr("Draf (belum final)"),
            "completeness": self.tr("{answered} dari {total} sel ({percent})").format(
                answered=profile.answered, total=profile.total,
                percent=f"{round(100 * profile.completeness)}%"),
            "overall": format_mean(profile.overall, self._lang),
            "change": self._change_text(profile),
        }
        for key, text in values.items():
            self.header_values[key].setText(text)
        self.history_button.setVisible(summary.finalised_at is not None)  # final once: audited

    def _change_text(self, profile: RoleProfile) -> str:
        """The overall mean then and now, and each role's change, as the PDF reports it."""
        previous = self.previous
        if previous is None or previous.overall is None or profile.overall is None:
            return self.tr("belum ada penilaian semester lalu")
        instrument = profiles.instrument_for(profile.instrument_version)
        parts = []
        for role in range(1, ROLE_COUNT + 1):
            now, then = profile.role_means[role], previous.role_means[role]
            if now is not None and then is not None:
                change = now - then
                sign = "+" if change > 0.05 else ""
                parts.append(f"{role_label(instrument.role(role), self._lang)} "
                             f"{sign}{format_mean(change, self._lang)}")
        return self.tr("rerata {before} → {now} ({period}); {roles}").format(
            before=format_mean(previous.overall, self._lang),
            now=format_mean(profile.overall, self._lang),
            period=period_name(previous.assessment.period, self._lang), roles=", ".join(parts))

    def show_history(self) -> QWidget:
        """The audit trail of this assessment in a window of its own."""
        from ..safety.audit_view import open_audit_view

        return open_audit_view(self, self._database, self._assessment_id, lang=self._lang)

    def study_finding(self, instrument: Instrument, code: str, advisor_type: str) -> str:
        """The study's finding for this cell and type, saying whether it was measured."""
        return study_finding_text(instrument, code, advisor_type, self._lang)

    def _fill(self, table: CellTable, empty: QLabel, more: QLabel, cells: list[CellScore],
              limit: int, instrument: Instrument, *, with_gap: bool) -> None:
        assert self.profile is not None
        advisor_type = self.profile.assessment.advisor_type
        rows = []
        for cell in cells[:limit]:
            area = instrument.area(cell.area).short.get(self._lang)
            role = role_label(instrument.role(cell.role), self._lang)
            row = [cell.code, f"{role}\n{area}", instrument.cells[cell.code].prompt(advisor_type, self._lang),
                   str(cell.level), str(cell.target)]
            if with_gap:
                row.append(str(cell.gap))
            row.append(self.study_finding(instrument, cell.code, advisor_type))
            rows.append(row)
        table.set_rows(rows)
        table.setVisible(bool(rows))
        empty.setVisible(not rows)
        hidden = len(cells) - len(rows)
        more.setVisible(hidden > 0)
        more.setText(html.escape(self.tr("… dan {count} sel lain.").format(count=hidden))
                     + " <a href='#all'>" + html.escape(self.tr("Tampilkan semua")) + "</a>")

    def expand(self, name: str) -> None:
        """Show the whole list of gaps (``gaps``) or strengths (``strengths``)."""
        self.expanded.add(name)
        self.refresh()
