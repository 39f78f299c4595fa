"""The audit trail of one assessment: every change after it was first finalised.

Rows come from ``services.assessments.audit_trail`` (plain ``AuditRecord``s): when (local
time), who, what in words, which cell, the value before and after, and the reason given
for reopening. ``AuditTableModel`` can be read without a window; ``AuditView`` shows it.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services import screens
from ...services.assessments import AuditRecord
from ...services.store import Database
from ..operations import ASSESSMENT, data_changes
from ..widgets.common import local_time_text

AnyIndex = QModelIndex | QPersistentModelIndex
NOTE_SHOWN = 80  # characters of a changed note shown in the table; the tooltip has all of it


class AuditTableModel(QAbstractTableModel):
    """One row per audit entry, oldest first, in the window's language."""

    WHEN, ADVISOR, ACTION, CELL, CHANGE, REASON = range(6)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._records: list[AuditRecord] = []

    def set_records(self, records: list[AuditRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Waktu"), self.tr("Pendamping"), self.tr("Tindakan"), self.tr("Sel"),
                self.tr("Sebelum → sesudah"), self.tr("Alasan")][section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(record, column, full=False)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.CHANGE, self.REASON):
            return self.text(record, column, full=True) or None
        return None

    def text(self, record: AuditRecord, column: int, *, full: bool = True) -> str:
        """What one cell of the table says (``full``: notes not shortened)."""
        if column == self.WHEN:
            return local_time_text(record.at, seconds=True)
        if column == self.ADVISOR:
            return record.advisor_name or self.tr("(tidak dikenal)")
        if column == self.ACTION:
            return self.action_text(record.action)
        if column == self.CELL:
            return record.cell_code or ""
        if column == self.CHANGE:
            return self.change_text(record, full=full)
        return record.reason or ""

    def action_text(self, action: str) -> str:
        actions = {
            "reopen": self.tr("Dibuka kembali"),
            "finalise": self.tr("Difinalisasi"),
            "refinalise": self.tr("Difinalisasi lagi"),
            "rating": self.tr("Tingkat diubah"),
            "note": self.tr("Catatan diubah"),
            "conflict_kept_local": self.tr("Konflik data: versi di sini dipakai"),
            "conflict_kept_incoming": self.tr("Konflik data: versi kiriman dipakai"),
        }
        return actions.get(action, action)

    def change_text(self, record: AuditRecord, *, full: bool) -> str:
        if record.action == "reopen":
            return self.tr("Final → Draf")
        if record.action in ("finalise", "refinalise"):
            return self.tr("Draf → Final")
        if record.action.startswith("conflict_"):  # old/new: when each version was saved
            return self.tr("di sini {0} · kiriman {1}").format(
                self._saved_at(record.old_value), self._saved_at(record.new_value))
        if record.action == "rating":
            return f"{self._level(record.old_value)} → {self._level(record.new_value)}"
        return f"{self._note(record.old_value, full)} → {self._note(record.new_value, full)}"

    def _saved_at(self, value: str | None) -> str:
        try:
            return local_time_text(datetime.fromisoformat(value or ""))
        except ValueError:
            return value or ""

    def _level(self, value: str | None) -> str:
        if value == "N/A":
            return self.tr("TB")  # tidak berlaku, as in the profile grid
        if value in (None, "", "-"):
            return self.tr("belum dinilai")
        return value

    def _note(self, value: str | None, full: bool) -> str:
        if not value:
            return self.tr("(kosong)")
        text = value if full else " ".join(value.split())
        if not full and len(text) > NOTE_SHOWN:
            text = text[:NOTE_SHOWN - 1].rstrip() + "…"
        return f"\u201c{text}\u201d"


class AuditView(QWidget):
    """A window listing the audit trail of one assessment; ``refresh`` reads it again."""

    def __init__(self, database: Database, assessment_id: uuid.UUID, *, lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.assessment_id = assessment_id
        self.lang = lang
        self.setWindowFlag(Qt.WindowType.Window, True)

        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        intro = QLabel(self.tr(
            "Setiap perubahan sesudah penilaian ini pertama kali difinalisasi dicatat di sini: "
            "membuka kembali (dengan alasannya), setiap tingkat dan catatan yang diubah, dan "
            "finalisasi berikutnya. Catatan ini tidak bisa diubah atau dihapus."), self)
        intro.setWordWrap(True)
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Rows as tall as their wrapped reason or note, following the column widths.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        for column in (AuditTableModel.WHEN, AuditTableModel.ADVISOR, AuditTableModel.ACTION,
                       AuditTableModel.CELL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditTableModel.CHANGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AuditTableModel.REASON, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Belum ada perubahan yang tercatat."), self)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(980, 460)
        self.refresh()
        data_changes().data_changed.connect(self._data_changed)  # each save may add an entry

    def _data_changed(self, kinds: frozenset[str]) -> None:
        if ASSESSMENT in kinds:
            try:
                self.refresh()
            except UserError:  # the assessment is gone (another window removed it)
                self.close()

    def refresh(self) -> None:
        summary, records = screens.audit(self.database, self.assessment_id)
        title = self.tr("Riwayat perubahan: {advisor} — {warong}, {period}").format(
            advisor=summary.advisor_name, warong=summary.warong_name, period=summary.period)
        self.title.setText(title)
        self.setWindowTitle(title)
        self.model.set_records(records)
        self.table.setVisible(bool(records))
        self.empty.setVisible(not records)

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and screen readers alike)."""
        return [[self.model.index(row, column).data() for column in range(self.model.columnCount())]
                for row in range(self.model.rowCount())]


def open_audit_view(parent: QWidget, database: Database, assessment_id: uuid.UUID, *,
                    lang: str) -> AuditView:
    """Show the audit trail of the assessment beside ``parent`` (one window per assessment)."""
    for existing in parent.findChildren(AuditView):
        if existing.assessment_id == assessment_id:
            existing.refresh()
            existing.showNormal()
            existing.raise_()
            existing.activateWindow()
            return existing
    view = AuditView(database, assessment_id, lang=lang, parent=parent)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.show()
    # Keep the whole window, frame included, on the screen above the taskbar (1366x768).
    screen = view.screen().availableGeometry()
    frame = view.frameGeometry()
    extra_w, extra_h = frame.width() - view.width(), frame.height() - view.height()
    view.resize(min(view.width(), screen.width() - extra_w),
                min(view.height(), screen.height() - extra_h))
    frame = view.frameGeometry()
    view.move(max(screen.left(), min(frame.left(), screen.right() + 1 - frame.width())),
              max(screen.top(), min(frame.top(), screen.bottom() + 1 - frame.height())))
    return view
