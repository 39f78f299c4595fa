"""Target profiles: the level a coordinator expects of each advisor type in each cell.

One tab per advisor type (PKH, TKSK, other) with the 4 roles x 8 agenda areas as spin
boxes 0-4. Values start from ``services.profiles.get_targets`` (the instrument's
defaults as edited in this database); a cell that differs from the instrument's default
is shown in bold on a tinted field. "Kembalikan ke bawaan" puts a type's defaults back
in the fields; nothing is written until "Simpan", which saves every type in one
transaction through ``profiles.set_targets``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...instrument import ADVISOR_TYPES, AREA_COUNT, ROLE_COUNT, Instrument, cell_code, load_instrument
from ...services import profiles, screens
from ...services.store import Database
from ..widgets.charts import role_label
from ..widgets.common import ErrorLabel, dialog_buttons

CHANGED_STYLE = "QSpinBox { font-weight: bold; background: #fff4d6; color: #1a1a1a; }"


class TargetGrid(QWidget):
    """The 32 targets of one advisor type: roles down, agenda areas across."""

    def __init__(self, instrument: Instrument, advisor_type: str, lang: str,
                 targets: dict[str, int], defaults: dict[str, int], parent: QWidget | None = None):
        super().__init__(parent)
        self.advisor_type = advisor_type
        self.defaults = defaults
        self.boxes: dict[str, QSpinBox] = {}
        self.changed_count = QLabel(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(8)
        for area in range(1, AREA_COUNT + 1):
            header = QLabel(f"{area}. {instrument.area(area).short.get(lang)}", self)
            header.setWordWrap(True)
            header.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            header.setToolTip(instrument.area(area).name.get(lang))
            header.setMinimumWidth(86)
            grid.addWidget(header, 0, area)
        for role in range(1, ROLE_COUNT + 1):
            name = QLabel(role_label(instrument.role(role), lang), self)
            bold = QFont(name.font())
            bold.setBold(True)
            name.setFont(bold)
            name.setToolTip(instrument.role(role).name.get(lang))
            grid.addWidget(name, role, 0)
            for area in range(1, AREA_COUNT + 1):
                code = cell_code(role, area)
                box = QSpinBox(self)
                box.setRange(0, 4)
                box.setAlignment(Qt.AlignmentFlag.AlignCenter)
                box.setValue(targets[code])
                box.setAccessibleName(code)
                box.setToolTip(self.tr("{code}: {role} × {area} (bawaan instrumen: {default})").format(
                    code=code, role=role_label(instrument.role(role), lang),
                    area=instrument.area(area).name.get(lang), default=defaults[code]))
                box.valueChanged.connect(lambda _value, c=code: self._mark(c))
                grid.addWidget(box, role, area)
                self.boxes[code] = box
                self._mark(code)
        for area in range(1, AREA_COUNT + 1):
            grid.setColumnStretch(area, 1)

        self.reset_button = QPushButton(self.tr("&Kembalikan ke bawaan"), self)
        self.reset_button.setToolTip(self.tr(
            "Isi semua sel jenis pendamping ini dengan target bawaan instrumen (disimpan saat "
            "Anda menekan Simpan)."))
        self.reset_button.clicked.connect(self.reset_to_defaults)
        footer = QHBoxLayout()
        footer.addWidget(self.changed_count, 1)
        footer.addWidget(self.reset_button)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(footer)
        layout.addStretch(1)
        self._count_changed()

    def values(self) -> dict[str, int]:
        return {code: box.value() for code, box in self.boxes.items()}

    def reset_to_defaults(self) -> None:
        for code, box in self.boxes.items():
            box.setValue(self.defaults[code])

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setReadOnly(not editable)
            box.setButtonSymbols(QSpinBox.ButtonSymbols.UpDownArrows if editable
                                 else QSpinBox.ButtonSymbols.NoButtons)
        self.reset_button.setEnabled(editable)

    def _mark(self, code: str) -> None:
        box = self.boxes[code]
        box.setStyleSheet(CHANGED_STYLE if box.value() != self.defaults[code] else "")
        self._count_changed()

    def _count_changed(self) -> None:
        if len(self.boxes) < ROLE_COUNT * AREA_COUNT:
            return  # still being built
        changed = sum(1 for code, box in self.boxes.items() if box.value() != self.defaults[code])
        self.changed_count.setText(
            self.tr("{count} sel berbeda dari bawaan instrumen (ditebalkan).").format(count=changed)
            if changed else self.tr("Semua sel sama dengan bawaan instrumen."))


class TargetsDialog(QDialog):
    """Edit the target level per advisor type and cell; saved in one transaction."""

    saved = Signal(object)  # {advisor type: [cell codes changed]}

    def __init__(self, database: Database, *, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Target per jenis pendamping"))
        instrument = load_instrument()
        intro = QLabel(self.tr(
            "Target adalah tingkat (0–4) yang diharapkan dari setiap jenis pendamping pada "
            "setiap sel. Profil dan laporan membandingkan nilai dengan target ini untuk "
            "menunjukkan kesenjangan. Target berlaku untuk semua penilaian di basis data ini."),
            self)
        intro.setWordWrap(True)
        scale = "  ·  ".join(f"{level.level} = {level.label.get(lang)}" for level in instrument.scale)
        legend = QLabel(self.tr("Skala: {scale}").format(scale=scale), self)
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #4a4f57;")

        self.tabs = QTabWidget(self)
        self.grids: dict[str, TargetGrid] = {}
        stored = screens.all_targets(database, instrument)
        for kind in ADVISOR_TYPES:
            grid = TargetGrid(instrument, kind, lang, stored[kind],
                              profiles.default_targets(kind, instrument), self.tabs)
            grid.set_editable(not database.read_only)
            self.tabs.addTab(grid, instrument.advisor_types[kind].get(lang))
            self.grids[kind] = grid
        self.error = ErrorLabel(self)
        buttons = dialog_buttons(self, self.tr("Simpan"))
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if database.read_only:
            self.error.show_error(self.tr("Basis data ini dibuka hanya-baca: target bisa dilihat, "
                                          "tetapi tidak bisa diubah."))
            self.save_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(legend)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1040, 380)

    def accept(self) -> None:
        if self.database.read_only:
            return
        try:
            changed = screens.save_targets(
                self.database, {kind: grid.values() for kind, grid in self.grids.items()})
        except UserError as exc:  # nothing was saved: the transaction was rolled back
            self.error.show_error(exc)
            return
        self.saved.emit(changed)
        super().accept()
