"""The coordinator's figures on the summary screen: self vs verified, and training needs.

Per role and advisor type, over verified final assessments: the advisors' mean, the
verified mean and the difference (negative: the advisors rated themselves higher). From
the plans agreed: how many advisors need each kind of action, per kabupaten/kota and
type, so the Dinas can organise a training.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from ...instrument import ADVISOR_TYPES, ROLE_COUNT, load_instrument
from ...services.summary import CoordinatorSummary
from ...services.verified_summary import ALL, OTHER_ACTION
from ..reports.actions import advisor_type_name
from ..widgets.cell_table import CellTable
from ..widgets.charts import format_mean, role_label


def _signed(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + format_mean(value, lang)


class VerifiedSummaryPanel(QWidget):
    """Two boxes under the summary: self vs verified, and training needs from plans."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.versus_box = QGroupBox(self.tr("Penilaian diri dibanding terverifikasi"), self)
        box_layout = QVBoxLayout(self.versus_box)
        self.count_label = QLabel(self.versus_box)
        self.count_label.setWordWrap(True)
        box_layout.addWidget(self.count_label)
        self.versus_table = CellTable([self.tr("Jenis"), self.tr("Peran"), self.tr("Diri"),
                                       self.tr("Terverifikasi"), self.tr("Selisih")], 1,
                                      self.versus_box)
        box_layout.addWidget(self.versus_table)
        note = QLabel(self.tr("Selisih = terverifikasi dikurangi diri: negatif berarti pendamping "
                              "menilai dirinya lebih tinggi daripada koordinator."), self.versus_box)
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a4f57;")
        box_layout.addWidget(note)
        self.training_box = QGroupBox(self.tr("Kebutuhan pelatihan dari rencana pengembangan"),
                                      self)
        training_layout = QVBoxLayout(self.training_box)
        self.training_table = CellTable([self.tr("Kabupaten/kota"), self.tr("Jenis"),
                                         self.tr("Tindakan"), self.tr("Pendamping")], 2,
                                        self.training_box)
        self.training_empty = QLabel(self.tr("Belum ada rencana pengembangan pada periode ini."),
                                     self.training_box)
        training_layout.addWidget(self.training_table)
        training_layout.addWidget(self.training_empty)
        layout.addWidget(self.versus_box)
        layout.addWidget(self.training_box)

    def show_summary(self, summary: CoordinatorSummary) -> None:
        figures = summary.verified
        if figures is None:
            self.hide()
            return
        self.show()
        instrument = load_instrument()
        self.count_label.setText(self.tr("{count} penilaian terverifikasi.").format(
            count=figures.verified_assessments))
        rows = []
        for kind in (*ADVISOR_TYPES, ALL):
            for role in range(1, ROLE_COUNT + 1):
                row = figures.self_vs_verified.get((kind, role))
                if row is None or not row.cells:
                    continue
                rows.append([self.tr("Semua") if kind == ALL else advisor_type_name(kind, self.lang),
                             role_label(instrument.role(role), self.lang),
                             format_mean(row.self_mean, self.lang),
                             format_mean(row.verified_mean, self.lang),
                             _signed(row.difference, self.lang)])
        self.versus_table.set_rows(rows)
        actions = {area.key: area.action.get(self.lang) for area in instrument.areas}
        training = [[need.kabupaten, advisor_type_name(need.advisor_type, self.lang),
                     self.tr("Lainnya") if need.action == OTHER_ACTION
                     else actions.get(need.action, need.action), str(need.advisors)]
                    for need in figures.training]
        self.training_table.set_rows(training)
        self.training_table.setVisible(bool(training))
        self.training_empty.setVisible(not training)
