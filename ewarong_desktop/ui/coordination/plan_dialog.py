"""The development plan agreed after a verification, and the follow-up of last semester's.

The dialog opens with the instrument's suggested actions for the agenda areas with the
largest gaps (verified level against the target in force), one row each, up to three;
the coordinator edits the words, who does it, the due date and the cells, adds or removes
rows (2-6), and saves through ``services.plans.set_plan``. Above, when the same advisor
had a plan for the same e-Warong the semester before, each earlier action can be given
its follow-up (done, partly, not done, with a note).
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services import access, plans, profiles, store
from ...services.store import Database
from ..operations import ASSESSMENT, announce
from ..widgets.common import ErrorLabel

OWNERS = ("advisor", "coordinator", "dinas")
FOLLOW_UPS = ("done", "partly", "not_done")


def _next_semester_end(today: date) -> date:
    """The end of the semester after today's: where a plan's actions are due by default."""
    return date(today.year, 12, 31) if today.month <= 6 else date(today.year + 1, 6, 30)


class ActionRow:
    """The widgets of one action in the grid."""

    def __init__(self, parent: QWidget, owner_names: dict[str, str], *, text: str = "",
                 owner: str = "advisor", due: date, cells: tuple[str, ...] = (),
                 suggestion: str | None = None):
        self.suggestion = suggestion
        self.text = QLineEdit(text, parent)
        self.text.setToolTip(text)
        self.text.setCursorPosition(0)
        self.text.setAccessibleName(QCoreApplication.translate("PlanDialog", "Tindakan"))
        self.owner = QComboBox(parent)
        for key in OWNERS:
            self.owner.addItem(owner_names[key], key)
        self.owner.setCurrentIndex(OWNERS.index(owner))
        self.due = QDateEdit(QDate(due.year, due.month, due.day), parent)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd-MM-yyyy")
        self.cells = QLineEdit(", ".join(cells), parent)
        self.cells.setPlaceholderText("4.1.1, 4.2.3")
        self.remove = QPushButton(QCoreApplication.translate("PlanDialog", "Hapus"), parent)

    def widgets(self) -> list[QWidget]:
        return [self.text, self.owner, self.due, self.cells, self.remove]

    def value(self) -> plans.ActionInput:
        due = self.due.date()
        cells = tuple(c.strip() for c in self.cells.text().replace(";", ",").split(",")
                      if c.strip())
        return plans.ActionInput(self.text.text(), self.owner.currentData(),
                                 date(due.year(), due.month(), due.day()), cells,
                                 self.suggestion)


class PlanDialog(QDialog):
    """Agree 2-6 actions for a verified assessment; record last semester's follow-ups."""

    saved = Signal(object)  # services.plans.PlanInfo

    def __init__(self, database: Database, assessment_id: uuid.UUID, actor: access.Actor,
                 *, lang: str, today: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.assessment_id = assessment_id
        self.actor = actor
        self.lang = lang
        self.today = today or date.today()
        profile = store.read(database, profiles.compute_profile, assessment_id)
        self.profile = profile
        summary = profile.assessment
        self.setWindowTitle(self.tr("Rencana pengembangan — {advisor} — {period}").format(
            advisor=summary.advisor_name, period=summary.period))
        self.owner_names = {"advisor": self.tr("pendamping"),
                            "coordinator": self.tr("koordinator"),
                            "dinas": self.tr("Dinas Sosial")}
        self.follow_names = {"done": self.tr("selesai"), "partly": self.tr("sebagian"),
                             "not_done": self.tr("belum dilakukan")}
        layout = QVBoxLayout(self)

        coordination = profile.coordination
        self.follow_ups: dict[uuid.UUID, tuple[QComboBox, QLineEdit]] = {}
        previous = coordination.previous_plan if coordination else None
        if previous is not None and previous.actions:
            box = QGroupBox(self.tr("Tindak lanjut rencana {period}").format(
                period=previous.period or ""), self)
            grid = QGridLayout(box)
            for row, action in enumerate(previous.actions):
                label = QLabel(f"{action.position}. {action.text}", box)
                label.setWordWrap(True)
                grid.addWidget(label, row, 0)
                status = QComboBox(box)
                status.addItem(self.tr("(belum dicatat)"), None)
                for key in FOLLOW_UPS:
                    status.addItem(self.follow_names[key], key)
                note = QLineEdit(box)
                note.setPlaceholderText(self.tr("Catatan tindak lanjut"))
                note.setMinimumWidth(240)
                if action.follow_up is not None:
                    status.setCurrentIndex(FOLLOW_UPS.index(action.follow_up.status) + 1)
                    note.setText(action.follow_up.note)
                grid.addWidget(status, row, 1)
                grid.addWidget(note, row, 2)
                self.follow_ups[action.id] = (status, note)
            grid.setColumnStretch(0, 2)
            grid.setColumnStretch(2, 2)
            layout.addWidget(box)

        verified = bool(coordination and coordination.is_verified)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(self.tr(
            "Sepakati 2–6 tindakan dengan pendamping. Usulan di bawah diambil dari area agenda "
            "dengan kesenjangan terbesar (tingkat terverifikasi terhadap target) dan tindakan "
            "yang disarankan instrumen; ubah seperlunya.") if verified else self.tr(
            "Rencana disepakati sesudah verifikasi: verifikasi penilaian ini dulu."))
        layout.addWidget(intro)

        self.grid = QGridLayout()
        for column, title in enumerate((self.tr("Tindakan"), self.tr("Pelaksana"),
                                        self.tr("Tenggat"), self.tr("Sel"))):
            self.grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, column)
        self.grid.setColumnStretch(0, 4)
        self.grid.setColumnStretch(3, 1)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.rows: list[ActionRow] = []
        due = _next_semester_end(self.today)
        existing = coordination.plan.actions if coordination else []
        if existing:
            for action in existing:
                self.add_row(text=action.text, owner=action.owner,
                             due=max(action.due_date, self.today), cells=action.cells,
                             suggestion=action.suggestion)
        elif verified:
            for number, suggestion in enumerate(self.suggestions()[:3]):
                self.add_row(text=suggestion.text, owner=OWNERS[number % len(OWNERS)], due=due,
                             cells=suggestion.cells, suggestion=suggestion.key)
        self.add_button = QPushButton(self.tr("&Tambah tindakan"), self)
        self.add_button.clicked.connect(lambda: self.add_row(due=due))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("&Simpan rencana"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.accept)
        close = QPushButton(self.tr("Tutup"), self)
        close.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.save_button.setEnabled(not database.read_only)
        self.setMinimumWidth(900)

    def suggestions(self) -> list[plans.Suggestion]:
        coordination = self.profile.coordination
        levels = coordination.verified if coordination and coordination.verified else {
            code: cell.level for code, cell in self.profile.cells.items()}
        gaps = {code: cell.target - level for code, cell in self.profile.cells.items()
                if (level := levels.get(code)) is not None}
        return plans.suggestions(gaps, self.lang)

    def add_row(self, *, text: str = "", owner: str = "advisor", due: date,
                cells: tuple[str, ...] = (), suggestion: str | None = None) -> ActionRow | None:
        if len(self.rows) >= plans.MAX_ACTIONS:
            self.error.show_error(self.tr("Rencana berisi paling banyak {count} tindakan.").format(
                count=plans.MAX_ACTIONS))
            return None
        row = ActionRow(self, self.owner_names, text=text, owner=owner, due=due, cells=cells,
                        suggestion=suggestion)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._lay_out()
        return row

    def remove_row(self, row: ActionRow) -> None:
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._lay_out()

    def _lay_out(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)

    def accept(self) -> None:
        """Save the plan (unless only follow-ups are given), then the follow-ups."""
        follow = [(action_id, status.currentData(), note.text())
                  for action_id, (status, note) in self.follow_ups.items()
                  if status.currentData() is not None]
        info = None
        try:
            if self.rows or not follow:
                info = plans.set_plan(self.database, self.actor, self.assessment_id,
                                      [row.value() for row in self.rows], today=self.today)
            for action_id, status, note in follow:
                plans.record_follow_up(self.database, self.actor, action_id, status, note)
        except UserError as exc:
            self.error.show_error(exc)
            if info is not None:
                announce({ASSESSMENT})
            return
        announce({ASSESSMENT})
        self.saved.emit(info)
        super().accept()
