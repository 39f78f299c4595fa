"""Targets as coordinators set them: per advisor type, province default or kabupaten
override, from a period on. Advisors (and anyone not in coordinator mode) see the targets
in force read-only, with who set them ("Target ditetapkan oleh ...").

The grid is the target grid of ``ui/assessment/targets_dialog.py``; what it shows is
``services.targets.targets_for`` for the chosen type, region and period, and "Simpan"
writes through ``services.targets.set_targets``, which checks the coordinator's rights.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...instrument import ADVISOR_TYPES, load_instrument
from ...periods import period_name
from ...services import access, profiles, screens, targets
from ...services.store import Database
from ..assessment.targets_dialog import TargetGrid
from ..operations import TARGET, announce
from ..widgets.common import ErrorLabel, dialog_buttons


class CoordinatorTargetsDialog(QDialog):
    """View the targets in force; change them when a coordinator of that region."""

    saved = Signal(object)  # list of cell codes changed

    def __init__(self, database: Database, actor: access.Actor | None, *, lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.lang = lang
        self.instrument = load_instrument()
        self.setWindowTitle(self.tr("Target per jenis pendamping"))
        periods, kabupaten = screens.report_choices(database)
        layout = QVBoxLayout(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        form = QFormLayout()
        self.kind = QComboBox(self)
        for kind in ADVISOR_TYPES:
            self.kind.addItem(self.instrument.advisor_types[kind].get(lang), kind)
        self.region = QComboBox(self)
        self.region.addItem(self.tr("Seluruh provinsi (bawaan)"), "")
        for name in kabupaten:
            self.region.addItem(name, name)
        if actor is not None and actor.is_coordinator and not actor.whole_province:
            index = self.region.findData(sorted(actor.kabupaten)[0]) if actor.kabupaten else -1
            self.region.setCurrentIndex(max(index, 0))
        self.period = QComboBox(self)
        for period in periods or ["2026-1"]:
            self.period.addItem(period_name(period, lang), period)
        form.addRow(self.tr("&Jenis pendamping:"), self.kind)
        form.addRow(self.tr("&Wilayah:"), self.region)
        form.addRow(self.tr("Berlaku mulai &periode:"), self.period)
        layout.addLayout(form)
        self.setter = QLabel(self)
        self.setter.setObjectName("targetSetter")
        self.setter.setWordWrap(True)
        layout.addWidget(self.setter)
        self.grid_holder = QVBoxLayout()
        layout.addLayout(self.grid_holder, 1)
        self.grid: TargetGrid | None = None
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = dialog_buttons(self, self.tr("Simpan"))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(self.buttons)
        for combo in (self.kind, self.region, self.period):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.reload()
        self.resize(1040, 460)

    def can_edit(self) -> bool:
        """Whether the person using the program may change the targets now shown."""
        actor = self.actor
        if self.database.read_only or actor is None or not actor.is_coordinator:
            return False
        region = self.region.currentData()
        return actor.whole_province if not region else actor.covers(region)

    def reload(self) -> None:
        kind = self.kind.currentData()
        region = self.region.currentData() or None
        effective = targets.targets_for(self.database, kind, region, self.period.currentData())
        if self.grid is not None:
            self.grid_holder.removeWidget(self.grid)
            self.grid.deleteLater()
        self.grid = TargetGrid(self.instrument, kind, self.lang, effective.levels,
                               profiles.default_targets(kind, self.instrument), self)
        self.grid_holder.addWidget(self.grid)
        self.setter.setText(effective.describe(self.lang))
        editable = self.can_edit()
        self.grid.set_editable(editable)
        self.save_button.setEnabled(editable)
        self.save_button.setVisible(editable)  # only "Batal" to close for a viewer
        self.error.clear_error()
        if editable:
            self.notice.setText(self.tr(
                "Anda mengubah target sebagai koordinator {name}. Target berlaku mulai periode "
                "yang dipilih sampai diganti; target kabupaten/kota mengalahkan target "
                "provinsi.").format(name=self.actor.name if self.actor else ""))
        elif self.actor is not None and self.actor.is_coordinator:
            self.notice.setText(self.tr(
                "Wilayah ini di luar wewenang Anda: target hanya bisa dilihat."))
        else:
            self.notice.setText(self.tr(
                "Target ditetapkan oleh koordinator dan hanya bisa dilihat di sini. Untuk "
                "mengubahnya, masuk mode koordinator (menu Koordinator)."))

    def accept(self) -> None:
        if self.grid is None or not self.can_edit():
            return
        try:
            changed = targets.set_targets(
                self.database, self.actor, self.kind.currentData(), self.grid.values(),
                period=self.period.currentData(), kabupaten=self.region.currentData() or None)
        except UserError as exc:
            self.error.show_error(exc)
            return
        announce({TARGET})
        self.saved.emit(changed)
        super().accept()
