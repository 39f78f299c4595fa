"""Add or edit an e-Warong KUBE: the shop, its group, where it is and what it offers."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services import advisors, screens, store, warongs
from ...services.store import Database
from ...services.warongs import WarongFields, WarongInfo
from ..widgets.common import ErrorLabel, dialog_buttons, place_combo

FIRST_YEAR = 2000  # the services refuse earlier founding years; e-Warong began in 2016
NO_YEAR = FIRST_YEAR - 1  # the spin box's "not known" position


def service_labels() -> dict[str, str]:
    """What each service code (``warongs.SERVICES``) is called on screen."""
    translate = QCoreApplication.translate
    return {
        "BPNT": translate("WarongDialog", "Penyaluran BPNT"),
        "EDC": translate("WarongDialog", "Transaksi EDC (bank Himbara)"),
        "TOPUP": translate("WarongDialog", "Isi pulsa dan token listrik"),
        "BPJS": translate("WarongDialog", "Pembayaran BPJS Kesehatan"),
        "OTHER": translate("WarongDialog", "Layanan lain"),
    }


class WarongDialog(QDialog):
    """The e-Warong form; ``warong_id`` None adds a new one. Emits ``saved`` with WarongInfo."""

    saved = Signal(object)

    def __init__(self, database: Database, *, advisor_id: uuid.UUID, advisor_name: str,
                 warong_id: uuid.UUID | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.advisor_id = advisor_id
        self.warong_id = warong_id
        self.setWindowTitle(self.tr("Tambah e-Warong") if warong_id is None
                            else self.tr("Ubah data e-Warong"))
        loaded = screens.warong_form(database, advisor_id, warong_id)
        kabupaten, kecamatan = loaded.places.kabupaten, loaded.places.kecamatan
        warong, accompanied = loaded.warong, loaded.accompanied

        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("mis. e-Warong Sauyunan"))
        self.kube_name = QLineEdit(self)
        self.kube_name.setPlaceholderText(self.tr("mis. KUBE Sauyunan"))
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("Jalan, nomor, RT/RW"))
        self.kelurahan = QLineEdit(self)
        self.kecamatan = place_combo(kecamatan, parent=self)
        self.kabupaten = place_combo(kabupaten, parent=self)
        self.provinsi = QLineEdit(self)
        self.year_founded = QSpinBox(self)
        self.year_founded.setRange(NO_YEAR, date.today().year)
        self.year_founded.setSpecialValueText(self.tr("tidak diketahui"))
        self.member_count = QSpinBox(self)
        self.member_count.setRange(0, 10_000)
        self.member_count.setSpecialValueText(self.tr("tidak diketahui"))
        self.member_count.setSuffix(self.tr(" orang"))

        self.service_boxes: dict[str, QCheckBox] = {}
        services = QGroupBox(self.tr("Layanan yang tersedia"), self)
        grid = QGridLayout(services)
        labels = service_labels()
        for index, code in enumerate(warongs.SERVICES):
            box = QCheckBox(labels[code], services)
            self.service_boxes[code] = box
            grid.addWidget(box, index // 2, index % 2)

        self.accompany = QCheckBox(
            self.tr("Saya ({name}) mendampingi e-Warong ini").format(name=advisor_name), self)
        self.accompany.setChecked(accompanied)
        self.error = ErrorLabel(self)

        form = QFormLayout()
        form.addRow(self.tr("&Nama e-Warong:"), self.name)
        form.addRow(self.tr("Nama &KUBE:"), self.kube_name)
        form.addRow(self.tr("&Alamat:"), self.address)
        form.addRow(self.tr("Ke&lurahan/desa:"), self.kelurahan)
        form.addRow(self.tr("K&ecamatan:"), self.kecamatan)
        form.addRow(self.tr("Ka&bupaten/kota:"), self.kabupaten)
        form.addRow(self.tr("&Provinsi:"), self.provinsi)
        form.addRow(self.tr("&Tahun berdiri:"), self.year_founded)
        form.addRow(self.tr("Jumlah &anggota:"), self.member_count)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(services)
        layout.addWidget(self.accompany)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(dialog_buttons(self, self.tr("Simpan")))
        self.setMinimumWidth(560)

        if warong is not None:
            self._show(warong)
        else:
            self.provinsi.setText(WarongFields(name="").provinsi)
            self.year_founded.setValue(NO_YEAR)
            # A new e-Warong is most likely in the advisor's own area: start from it.
            advisor = store.read(database, advisors.get_advisor, advisor_id)
            self.kecamatan.setCurrentText(advisor.kecamatan or "")
            self.kabupaten.setCurrentText(advisor.kabupaten or "")
        self.name.setFocus()

    def _show(self, warong: WarongInfo) -> None:
        self.name.setText(warong.name)
        self.kube_name.setText(warong.kube_name or "")
        self.address.setText(warong.address or "")
        self.kelurahan.setText(warong.kelurahan)
        self.kecamatan.setCurrentText(warong.kecamatan)
        self.kabupaten.setCurrentText(warong.kabupaten)
        self.provinsi.setText(warong.provinsi)
        self.year_founded.setValue(warong.year_founded or NO_YEAR)
        self.member_count.setValue(warong.member_count or 0)
        for code, box in self.service_boxes.items():
            box.setChecked(code in warong.services)

    def fields(self) -> WarongFields:
        year = self.year_founded.value()
        members = self.member_count.value()
        return WarongFields(
            name=self.name.text(), kube_name=self.kube_name.text(), address=self.address.text(),
            kelurahan=self.kelurahan.text(), kecamatan=self.kecamatan.currentText(),
            kabupaten=self.kabupaten.currentText(), provinsi=self.provinsi.text(),
            year_founded=None if year == NO_YEAR else year,
            member_count=None if members == 0 else members,
            services=[code for code, box in self.service_boxes.items() if box.isChecked()],
        )

    def accept(self) -> None:
        if not self.name.text().strip():  # the common slip, said in the window's language
            self.error.show_error(self.tr("Nama e-Warong belum diisi; tulis namanya."))
            self.name.setFocus()
            return
        # Without them the e-Warong drops out of every regional list and report.
        for box, message in (
                (self.kecamatan, self.tr("Kecamatan belum diisi; pilih atau tulis kecamatannya.")),
                (self.kabupaten, self.tr("Kabupaten/kota belum diisi; pilih atau tulis "
                                         "kabupaten/kotanya."))):
            if not box.currentText().strip():
                self.error.show_error(message)
                box.setFocus()
                return
        fields = self.fields()
        try:
            # One transaction: the record and the advisor's assignment are saved together.
            warong = screens.save_warong(self.database, self.advisor_id, self.warong_id, fields,
                                         accompany=self.accompany.isChecked())
        except UserError as exc:
            self.error.show_error(exc)
            return
        self.saved.emit(warong)
        super().accept()
