"""Entering as a person with a PIN, and adding coordinators.

The PIN is checked by ``services.access.enter`` off the window's thread: after several
wrong tries the service waits before each next one, and the dialog must not freeze the
window meanwhile. A wrong PIN gets the service's one message, with no hint of which part
was wrong.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services import access, coordinators
from ...services.store import Database
from ..operations import run_operation
from ..widgets.common import ErrorLabel, dialog_buttons


def _enter(database: Database, kind: str, person_id: uuid.UUID, pin: str | None,
           progress: Any = None) -> access.Actor:
    return access.enter(database, kind, person_id, pin)


class PinDialog(QDialog):
    """Choose a coordinator (or confirm an advisor) and type the PIN; emits the Actor."""

    entered = Signal(object)  # services.access.Actor

    def __init__(self, database: Database, kind: str, *, person_id: uuid.UUID | None = None,
                 person_name: str = "", lang: str = "id", parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.kind = kind
        self.person_id = person_id
        self.actor: access.Actor | None = None
        self.busy = False
        layout = QVBoxLayout(self)
        self.people = QListWidget(self)
        if kind == access.COORDINATOR:
            self.setWindowTitle(self.tr("Masuk mode koordinator"))
            intro = QLabel(self.tr("Pilih nama Anda lalu ketik PIN atau frasa sandi Anda."), self)
            for person in coordinators.list_coordinators(database):
                item = QListWidgetItem(f"{person.name} — {person.describe_scope(lang)}")
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                self.people.addItem(item)
            if self.people.count():
                self.people.setCurrentRow(0)
            layout.addWidget(intro)
            layout.addWidget(self.people, 1)
        else:
            self.setWindowTitle(self.tr("PIN pendamping"))
            self.people.hide()
            intro = QLabel(self.tr("{name} melindungi datanya dengan PIN. Ketik PIN untuk "
                                   "masuk sebagai {name}.").format(name=person_name), self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        form.addRow(self.tr("&PIN:"), self.pin)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = dialog_buttons(self, self.tr("Masuk"))
        layout.addWidget(self.buttons)
        self.pin.setFocus()
        self.setMinimumWidth(460)

    def chosen_id(self) -> uuid.UUID | None:
        if self.kind != access.COORDINATOR:
            return self.person_id
        item = self.people.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def accept(self) -> None:
        if self.busy:
            return
        person = self.chosen_id()
        if person is None:
            self.error.show_error(self.tr("Belum ada koordinator di basis data ini; tambahkan "
                                          "dulu lewat Koordinator > Tambah koordinator."))
            return
        self.busy = True
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.error.show_error(self.tr("Memeriksa PIN…"))
        run_operation(_enter, self.database, self.kind, person, self.pin.text(),
                      on_success=self._entered, on_failure=self._refused)

    def _entered(self, actor: access.Actor) -> None:
        self.busy = False
        self.actor = actor
        self.entered.emit(actor)
        super().accept()

    def _refused(self, exc: Exception) -> None:
        self.busy = False
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        self.error.show_error(exc)


class CoordinatorDialog(QDialog):
    """Add a coordinator: name, NIP, office, region (kabupaten list or whole province), PIN."""

    saved = Signal(object)  # services.coordinators.CoordinatorInfo

    def __init__(self, database: Database, actor: access.Actor | None, kabupaten: list[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.setWindowTitle(self.tr("Tambah koordinator"))
        self.first = not coordinators.list_coordinators(database)
        layout = QVBoxLayout(self)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(self.tr(
            "Koordinator pertama basis data ini dapat ditambahkan siapa saja; koordinator "
            "berikutnya hanya oleh koordinator yang sedang masuk.") if self.first else self.tr(
            "Koordinator memverifikasi penilaian, menetapkan target dan menyepakati rencana "
            "pengembangan di wilayahnya."))
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.staff_number = QLineEdit(self)
        self.office = QLineEdit(self)
        self.whole_province = QCheckBox(self.tr("Seluruh &provinsi"), self)
        self.kabupaten = QPlainTextEdit(self)
        self.kabupaten.setPlaceholderText(self.tr("Satu kabupaten/kota per baris"))
        self.kabupaten.setPlainText("\n".join(kabupaten[:1]))
        self.kabupaten.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.whole_province.toggled.connect(lambda on: self.kabupaten.setEnabled(not on))
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit(self)
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Nama:"), self.name)
        form.addRow(self.tr("NI&P:"), self.staff_number)
        form.addRow(self.tr("&Kantor:"), self.office)
        form.addRow(self.tr("Wilayah:"), self.whole_province)
        form.addRow(self.tr("Kabupaten/&kota:"), self.kabupaten)
        form.addRow(self.tr("P&IN:"), self.pin)
        form.addRow(self.tr("PIN &sekali lagi:"), self.pin_again)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.tr("Simpan")))
        self.setMinimumWidth(480)

    def accept(self) -> None:
        if not self.first and (self.actor is None or not self.actor.is_coordinator):
            self.error.show_error(self.tr(
                "Hanya koordinator yang dapat menambah koordinator; masuk mode koordinator "
                "dulu."))
            return
        if self.pin.text() != self.pin_again.text():
            self.error.show_error(self.tr("Kedua PIN tidak sama; ketik ulang keduanya."))
            return
        places = [line.strip() for line in self.kabupaten.toPlainText().splitlines()]
        try:
            info = coordinators.add_coordinator(
                self.database, self.name.text(), kabupaten=[p for p in places if p],
                whole_province=self.whole_province.isChecked(),
                staff_number=self.staff_number.text() or None, office=self.office.text() or None,
                pin=self.pin.text())
        except UserError as exc:
            self.error.show_error(exc)
            return
        self.saved.emit(info)
        super().accept()



class SetPinDialog(QDialog):
    """Set or change the PIN of the person using the program (advisor or coordinator)."""

    def __init__(self, database: Database, actor: access.Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.setWindowTitle(self.tr("Atur PIN saya"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Dengan PIN, orang lain di laptop ini tidak dapat memakai program atas nama {name}. "
            "PIN tidak melindungi salinan berkas basis data.").format(name=actor.name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit(self)
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("PIN &baru:"), self.pin)
        form.addRow(self.tr("PIN &sekali lagi:"), self.pin_again)
        layout.addLayout(form)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.tr("Simpan")))
        self.setMinimumWidth(440)

    def accept(self) -> None:
        if self.pin.text() != self.pin_again.text():
            self.error.show_error(self.tr("Kedua PIN tidak sama; ketik ulang keduanya."))
            return
        try:
            access.set_pin(self.database, self.actor, self.actor.kind, self.actor.id,
                           self.pin.text())
        except UserError as exc:
            self.error.show_error(exc)
            return
        super().accept()


def confirm_advisor(database: Database, current: uuid.UUID | None, advisor_id: uuid.UUID,
                    name: str, parent: QWidget, then: Any) -> PinDialog | None:
    """Call ``then(advisor_id)`` once it is sure the person may act as that advisor: at once
    when the advisor has no PIN (or is the current one), else after their PIN was typed."""
    if advisor_id == current or not access.has_pin(database, access.ADVISOR, advisor_id):
        then(advisor_id)
        return None
    dialog = PinDialog(database, access.ADVISOR, person_id=advisor_id, person_name=name,
                       parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.entered.connect(lambda actor: then(actor.id))
    dialog.open()
    return dialog
