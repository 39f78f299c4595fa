"""Who is using this laptop: choose an advisor of the database or register a new one.

Shown at first launch (and whenever the remembered advisor is not in the opened file),
and from the Pengguna menu to switch advisor. "Ubah profil saya" edits the same fields.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..instrument import load_instrument
from ..services import advisors, screens, store
from ..services.advisors import AdvisorInfo
from ..services.store import Database
from .widgets.common import ErrorLabel, dialog_buttons, place_combo


class AdvisorForm(QWidget):
    """The advisor's own details: name, type, staff number, phone, area of assignment."""

    def __init__(self, database: Database, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        known_places = screens.places(database)
        kabupaten, kecamatan = known_places.kabupaten, known_places.kecamatan
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Nama lengkap"))
        self.advisor_type = QComboBox(self)
        for code, name in load_instrument().advisor_types.items():
            self.advisor_type.addItem(name.get(lang), code)
        self.staff_number = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText("08…")
        self.kabupaten = place_combo(kabupaten, parent=self)
        self.kecamatan = place_combo(kecamatan, parent=self)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Nama:"), self.name)
        form.addRow(self.tr("&Jenis pendamping:"), self.advisor_type)
        form.addRow(self.tr("Nomor &induk/petugas:"), self.staff_number)
        form.addRow(self.tr("Nomor &telepon:"), self.phone)
        form.addRow(self.tr("&Kabupaten/kota tugas:"), self.kabupaten)
        form.addRow(self.tr("K&ecamatan tugas:"), self.kecamatan)

    def set_advisor(self, advisor: AdvisorInfo) -> None:
        self.name.setText(advisor.name)
        self.advisor_type.setCurrentIndex(max(0, self.advisor_type.findData(advisor.advisor_type)))
        self.staff_number.setText(advisor.staff_number or "")
        self.phone.setText(advisor.phone or "")
        self.kabupaten.setCurrentText(advisor.kabupaten or "")
        self.kecamatan.setCurrentText(advisor.kecamatan or "")

    def check_name(self, error: ErrorLabel) -> bool:
        """The one field people most often leave empty, refused here in the window's language."""
        if self.name.text().strip():
            return True
        error.show_error(self.tr("Nama belum diisi; tulis nama lengkap Anda."))
        self.name.setFocus()
        return False

    def values(self) -> dict[str, str]:
        """Keyword arguments for ``create_advisor``/``update_advisor`` (checked there)."""
        return dict(name=self.name.text(), advisor_type=self.advisor_type.currentData(),
                    staff_number=self.staff_number.text(), phone=self.phone.text(),
                    kabupaten=self.kabupaten.currentText(), kecamatan=self.kecamatan.currentText())


class SetupDialog(QDialog):
    """Pick "who is using this laptop" from the database's advisors, or create one."""

    advisor_chosen = Signal(object)  # uuid.UUID of the advisor

    def __init__(self, database: Database, lang: str, parent: QWidget | None = None, *,
                 current_advisor_id: uuid.UUID | None = None):
        super().__init__(parent)
        self.database = database
        self.advisor_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Siapa yang memakai laptop ini?"))
        known = store.read(database, advisors.list_advisors)

        intro = QLabel(self)
        intro.setWordWrap(True)
        if known:
            intro.setText(self.tr(
                "Penilaian diri disimpan atas nama seorang pendamping. Pilih nama Anda bila "
                "sudah terdaftar di basis data ini, atau daftarkan diri Anda sebagai pendamping "
                "baru. Anda dapat menggantinya nanti lewat menu Pengguna."))
        else:
            intro.setText(self.tr(
                "Selamat datang. Penilaian diri disimpan atas nama seorang pendamping: isi data "
                "Anda sekali saja. Nama dan jenis pendamping wajib diisi; yang lain boleh "
                "dilengkapi nanti lewat menu Pengguna."))

        self.choose = QRadioButton(self.tr("Nama saya &sudah ada di daftar ini:"), self)
        self.advisor_list = QListWidget(self)
        for advisor in known:
            place = ", ".join(p for p in (advisor.kecamatan, advisor.kabupaten) if p)
            kind = self.tr("lainnya") if advisor.advisor_type == "OTHER" else advisor.advisor_type
            label = f"{advisor.name} — {kind}"
            item = QListWidgetItem(f"{label} ({place})" if place else label)
            item.setData(Qt.ItemDataRole.UserRole, advisor.id)
            self.advisor_list.addItem(item)
            if advisor.id == current_advisor_id:
                self.advisor_list.setCurrentItem(item)
        self.create_new = QRadioButton(self.tr("Daftarkan saya sebagai pendamping &baru:"), self)
        self.form = AdvisorForm(database, lang, self)
        self.error = ErrorLabel(self)
        modes = QButtonGroup(self)
        modes.addButton(self.choose)
        modes.addButton(self.create_new)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choose)
        layout.addWidget(self.advisor_list, 1)
        layout.addWidget(self.create_new)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.tr("Lanjutkan")))

        self.choose.toggled.connect(self._mode_changed)
        self.advisor_list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.advisor_list.itemClicked.connect(lambda _item: self.choose.setChecked(True))
        if known:
            self.choose.setChecked(True)
            if self.advisor_list.currentItem() is None:
                self.advisor_list.setCurrentRow(0)
        else:  # nothing to choose from: only the form
            for widget in (self.choose, self.advisor_list, self.create_new):
                widget.hide()
            self.create_new.setChecked(True)
        self._mode_changed()
        self.setMinimumWidth(600)

    def reject(self) -> None:
        """Esc or closing the dialog: ask first, since the program cannot go on without a
        user and what was typed would be lost."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Keluar dari e-Warong Desktop?"),
                          self.tr("Tanpa memilih atau mendaftarkan pengguna, program ditutup "
                                  "dan isian di sini hilang. Keluar sekarang?"),
                          QMessageBox.StandardButton.NoButton, self)
        leave = box.addButton(self.tr("&Keluar"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("&Kembali mengisi"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: super(SetupDialog, self).reject()
                                  if button is leave else None)
        self.quit_box = box
        box.open()

    def _mode_changed(self) -> None:
        choosing = self.choose.isChecked()
        self.advisor_list.setEnabled(choosing)
        self.form.setEnabled(not choosing)
        self.error.clear_error()
        (self.advisor_list if choosing else self.form.name).setFocus()

    def accept(self) -> None:
        if self.choose.isChecked():
            item = self.advisor_list.currentItem()
            if item is None:
                self.error.show_error(
                    self.tr("Pilih nama Anda di daftar, atau daftarkan diri Anda."))
                return
            self.advisor_id = item.data(Qt.ItemDataRole.UserRole)
        else:
            if not self.form.check_name(self.error):
                return
            try:
                self.advisor_id = store.write(self.database, advisors.create_advisor,
                                              **self.form.values()).id
            except UserError as exc:
                self.error.show_error(exc)
                return
        self.advisor_chosen.emit(self.advisor_id)
        super().accept()


class AdvisorEditDialog(QDialog):
    """"Ubah profil saya": the current advisor edits their own details."""

    saved = Signal(object)  # AdvisorInfo

    def __init__(self, database: Database, advisor_id: uuid.UUID, lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.advisor_id = advisor_id
        self.setWindowTitle(self.tr("Profil saya"))
        self.form = AdvisorForm(database, lang, self)
        self.form.set_advisor(store.read(database, advisors.get_advisor, advisor_id))
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(dialog_buttons(self, self.tr("Simpan")))
        self.setMinimumWidth(480)

    def accept(self) -> None:
        if not self.form.check_name(self.error):
            return
        try:
            advisor = store.write(self.database, advisors.update_advisor, self.advisor_id,
                                  **self.form.values())
        except UserError as exc:
            self.error.show_error(exc)
            return
        self.saved.emit(advisor)
        super().accept()
