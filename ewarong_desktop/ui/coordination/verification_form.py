"""A coordinator's verification of a final assessment, cell by cell, keyboard first.

Each cell is the assessment form's own ``CellEditor`` (the same level buttons, keys and
note field), showing the coordinator's verified level; the advisor's level and note are
shown above it. Keys on a cell: 0-4 set the verified level, N not applicable, Enter
agrees with the advisor (their level back, and on to the next cell), Down/Up move, Tab
goes into the comment. Nothing is written until "Tandai terverifikasi" (or "Kembalikan"),
which saves the whole verification in one transaction through ``services.verification``.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...instrument import Cell, Instrument
from ...services import access, assessments, profiles, store, verification
from ...services.assessments import RatingValue
from ...services.store import Database
from ..assessment.form import NEXT, PREVIOUS, CellEditor, form_style
from ..operations import ASSESSMENT, announce
from ..widgets.common import ErrorLabel, heading_label, local_time_text


def _describe(rating: RatingValue) -> str:
    if rating.not_applicable:
        return "N/A"
    return "-" if rating.level is None else str(rating.level)


class VerifyCellEditor(CellEditor):
    """One cell as the coordinator sees it: the advisor's answer above, the verified level
    in the level buttons, the comment in the note field."""

    agreed = Signal(str)

    def __init__(self, cell: Cell, instrument: Instrument, advisor_type: str, lang: str,
                 own: RatingValue, verdict: RatingValue, parent: QWidget | None = None):
        super().__init__(cell, instrument, advisor_type, lang, verdict, parent)
        self.own = own
        self.unrated_badge.setText(self.tr("Berbeda"))
        self.own_label = QLabel(self)
        self.own_label.setObjectName("cellContext")
        self.own_label.setWordWrap(True)
        text = self.tr("Penilaian pendamping: {level}").format(level=_describe(own))
        if own.note:
            text += " — " + self.tr("catatan: {note}").format(note=own.note)
        self.own_label.setText(text)
        left = self._outer.itemAt(0)  # the column of code, prompt and level buttons
        column = left.layout() if left is not None else None
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(1, self.own_label)  # under the header
        self.note.setPlaceholderText(self.tr("Komentar koordinator (wajib bila berbeda)"))
        notes = self._outer.itemAt(1)  # the column of the note: its caption says comment here
        notes_column = notes.layout() if notes is not None else None
        first = notes_column.itemAt(0) if notes_column is not None else None
        caption = first.widget() if first is not None else None
        if isinstance(caption, QLabel):
            caption.setText(self.tr("Komentar koordinator"))
        self.show_saved()

    def differs(self) -> bool:
        return (self.saved.level, self.saved.not_applicable) != (self.own.level,
                                                                  self.own.not_applicable)

    def show_saved(self) -> None:
        super().show_saved()
        if hasattr(self, "own"):
            self.unrated_badge.setVisible(self.differs())

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        self.note.setPlaceholderText(self.tr("Komentar koordinator") if editable else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier) == \
            Qt.KeyboardModifier.NoModifier
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.agreed.emit(self.code)
            return
        if plain and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.agreed.emit(self.code)  # no verified level of its own: back to the advisor's
            return
        super().keyPressEvent(event)


class VerificationForm(QWidget):
    """Verify one final assessment: 32 cells, an overall comment, verify or return."""

    saved = Signal(object)  # services.verification.VerificationInfo

    def __init__(self, database: Database, assessment_id: uuid.UUID, actor: access.Actor,
                 *, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.assessment_id = assessment_id
        self.actor = actor
        self.lang = lang
        detail = store.read(database, assessments.get_detail, assessment_id)
        self.summary = detail.summary
        instrument = profiles.instrument_for(detail.summary.instrument_version)
        existing = verification.get_verification(database, assessment_id)
        # The same cards as the advisor's form, in the colours of the current palette.
        self.setStyleSheet(form_style(self.palette()))
        self.setWindowTitle(self.tr("Verifikasi — {advisor} — {warong} — {period}").format(
            advisor=self.summary.advisor_name, warong=self.summary.warong_name,
            period=self.summary.period))

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Verifikasi penilaian {advisor} di {warong}, "
                                               "{period}").format(
            advisor=self.summary.advisor_name, warong=self.summary.warong_name,
            period=self.summary.period), self))
        hint = QLabel(self.tr(
            "Tombol pada sel: 0–4 tingkat terverifikasi, N tidak berlaku, Enter setuju dengan "
            "pendamping lalu ke sel berikut, Tab ke komentar, ↓/↑ pindah sel. Sel yang "
            "berbeda dari pendamping ditandai \"Berbeda\"."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)

        self.editors: dict[str, VerifyCellEditor] = {}
        page = QWidget(self)
        cells_layout = QVBoxLayout(page)
        cells_layout.setSpacing(2)
        for code, cell in instrument.cells.items():
            own = detail.ratings.get(code, RatingValue(code))
            verdict = RatingValue(code, own.level, own.not_applicable, "")
            if existing is not None and code in existing.cells:
                mine = existing.cells[code]
                verdict = RatingValue(code, mine.level, mine.not_applicable, mine.comment)
            editor = VerifyCellEditor(cell, instrument, self.summary.advisor_type, lang, own,
                                      verdict, page)
            editor.set_context("role")
            editor.context_label.setText(instrument.area(cell.area).name.get(lang))
            editor.level_requested.connect(self._level_requested)
            editor.agreed.connect(self._agreed)
            editor.navigate.connect(self._navigate)
            cells_layout.addWidget(editor)
            self.editors[code] = editor
        cells_layout.addStretch(1)
        self.cells_area = QScrollArea(self)
        self.cells_area.setWidgetResizable(True)
        self.cells_area.setWidget(page)
        layout.addWidget(self.cells_area, 1)

        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(self.tr("Catatan umum verifikasi (tidak wajib)"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Alasan mengembalikan ke pendamping"))
        self.verify_button = QPushButton(self.tr("Tandai &terverifikasi"), self)
        self.return_button = QPushButton(self.tr("&Kembalikan ke pendamping"), self)
        self.verify_button.clicked.connect(self.mark_verified)
        self.return_button.clicked.connect(self.return_to_advisor)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Catatan:"), self))
        row.addWidget(self.comment, 2)
        row.addWidget(self.verify_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Alasan:"), self))
        row.addWidget(self.reason, 2)
        row.addWidget(self.return_button)
        layout.addLayout(row)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        if existing is not None:
            self.comment.setText(existing.comment if existing.is_verified else "")
        self._show_state(existing)
        editable = self.summary.is_final and not database.read_only
        for editor in self.editors.values():
            editor.set_editable(editable)
        self.verify_button.setEnabled(editable)
        self.return_button.setEnabled(editable)
        self.focus_cell(next(iter(self.editors)))

    # --- cells --------------------------------------------------------------------------
    def focus_cell(self, code: str) -> None:
        for other, editor in self.editors.items():
            editor.set_current(other == code)
        editor = self.editors[code]
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.cells_area.ensureWidgetVisible(editor, 0, 40)

    def _step(self, code: str, step: int) -> None:
        order = list(self.editors)
        index = order.index(code) + step
        if 0 <= index < len(order):
            self.focus_cell(order[index])

    def _navigate(self, code: str, how: str) -> None:
        if how in (NEXT, PREVIOUS):
            self._step(code, 1 if how == NEXT else -1)

    def _level_requested(self, code: str, level: int | None, not_applicable: bool) -> None:
        editor = self.editors[code]
        if level is None and not not_applicable:
            level, not_applicable = editor.own.level, editor.own.not_applicable
        editor.saved = RatingValue(code, level, not_applicable, "")
        editor.show_saved()
        self.focus_cell(code)

    def _agreed(self, code: str) -> None:
        editor = self.editors[code]
        editor.saved = RatingValue(code, editor.own.level, editor.own.not_applicable, "")
        editor.show_saved()
        self._step(code, 1)

    def set_level(self, code: str, level: int) -> None:
        """As typing the digit on the cell (for tests and scripted use)."""
        self._level_requested(code, level, False)

    def verdicts(self) -> list[verification.CellVerdict]:
        """The cells that differ from the advisor or carry a comment, as the service takes them."""
        result = []
        for code, editor in self.editors.items():
            comment = editor.note_text().strip()
            if editor.differs() or comment:
                result.append(verification.CellVerdict(code, editor.saved.level,
                                                       editor.saved.not_applicable, comment))
        return result

    def changed_count(self) -> int:
        return sum(1 for editor in self.editors.values() if editor.differs())

    # --- saving ---------------------------------------------------------------------------
    def _show_state(self, info: verification.VerificationInfo | None) -> None:
        if info is None:
            text = self.tr("Belum diverifikasi.")
        elif info.is_verified:
            text = self.tr("Diverifikasi oleh {name} pada {at}; {count} sel berbeda.").format(
                name=info.coordinator_name, at=local_time_text(info.at), count=info.cells_changed)
            if info.outdated:
                text += " " + self.tr("Pendamping memfinalkan ulang sesudahnya: periksa lagi.")
        else:
            text = self.tr("Dikembalikan ke pendamping oleh {name} pada {at}: {reason}").format(
                name=info.coordinator_name, at=local_time_text(info.at), reason=info.comment)
        if not self.summary.is_final:
            text += " " + self.tr("Penilaian ini masih draf: pendamping harus memfinalkannya "
                                  "dulu.")
        self.state_label.setText(text)

    def mark_verified(self) -> None:
        missing = [code for code, editor in self.editors.items()
                   if editor.differs() and not editor.note_text().strip()]
        if missing:
            self.error.show_error(self.tr(
                "Beri komentar pada sel yang berbeda dari pendamping: {cells}").format(
                cells=", ".join(missing)))
            self.focus_cell(missing[0])
            return
        try:
            info = verification.verify(self.database, self.actor, self.assessment_id,
                                       self.verdicts(), self.comment.text())
        except UserError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self._show_state(info)
        announce({ASSESSMENT})
        self.saved.emit(info)

    def return_to_advisor(self) -> None:
        try:
            info = verification.return_to_advisor(self.database, self.actor, self.assessment_id,
                                                  self.reason.text())
        except UserError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.summary = store.read(self.database, assessments.get_summary, self.assessment_id)
        self._show_state(info)
        for editor in self.editors.values():
            editor.set_editable(False)
        self.verify_button.setEnabled(False)
        self.return_button.setEnabled(False)
        announce({ASSESSMENT})
        self.saved.emit(info)
