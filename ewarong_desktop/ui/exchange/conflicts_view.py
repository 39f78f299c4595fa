"""Conflicting final assessments: both versions side by side, and the choice between them.

An import never overwrites a final assessment with a different version: the engine keeps
the one here and stores the incoming one as a conflict (``services.exchange``). This view
lists them (advisor, e-Warong, period, when, from which file), shows the cells where the
two versions differ (level and note, this laptop's on the left, the incoming on the
right), and records the person's choice with ``resolve_conflict``: "Pakai versi ini"
keeps this laptop's version, "Pakai versi kiriman" takes the incoming one. Either is
asked once more before it is written, and is recorded in the assessment's history under
the current advisor's name.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...instrument import CELL_COUNT, load_instrument
from ...services import screens, store
from ...services.exchange import CellDifference, ConflictInfo, resolve_conflict
from ...services.store import Database
from ..widgets.charts import LEVEL_COLOURS, LEVEL_TEXT_COLOURS, role_label
from ..widgets.common import ErrorLabel, heading_label, local_time_text

MUTED = "#6b7078"
LOCAL_TINT, INCOMING_TINT = "#eef4fb", "#fbf3e6"  # the two sides told apart at a glance
LEVEL_COLUMN_WIDTH = 130  # "4 · Sangat baik" with room to breathe


class VersionPanel(QFrame):
    """One version of the assessment: title, status and time, its differing cells, a button."""

    def __init__(self, title: str, button_text: str, tint: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("versionPanel")
        self.setStyleSheet(f"QFrame#versionPanel {{ background: {tint}; border: 1px solid #c9ced6; "
                           "border-radius: 4px; }")
        self.title = heading_label(title, self, scale=1.1)
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet(f"color: {MUTED};")
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Sel"), self.tr("Nilai"), self.tr("Catatan")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, LEVEL_COLUMN_WIDTH)
        self.button = QPushButton(button_text, self)
        self.button.setMinimumHeight(32)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.button)


class ConflictsDialog(QDialog):
    """The list of conflicts and, for the chosen one, both versions and the two choices.

    ``resolved`` carries the ``ConflictInfo`` after a choice was recorded. ``chooser_id``
    is the advisor recorded as the one who chose (the window's current advisor).
    """

    resolved = Signal(object)

    def __init__(self, database: Database, chooser_id: uuid.UUID, *, lang: str = "id",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.chooser_id = chooser_id
        self.lang = lang
        self.instrument = load_instrument()
        self.conflicts: list[ConflictInfo] = []
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("Konflik data"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        intro = QLabel(self.tr(
            "Penilaian final di bawah ini diterima dalam versi yang berbeda dari yang ada di "
            "laptop ini. Keduanya disimpan sampai Anda memilih salah satu. Pilihan Anda dicatat "
            "dalam riwayat penilaian."), self)
        intro.setWordWrap(True)
        self.show_resolved = QCheckBox(self.tr("Tampilkan juga yang sudah diputuskan"), self)
        self.show_resolved.toggled.connect(lambda _checked: self.reload())

        self.list = QTableWidget(0, 7, self)
        self.list.setHorizontalHeaderLabels([
            self.tr("Pendamping"), self.tr("e-Warong"), self.tr("Periode"), self.tr("Sel berbeda"),
            self.tr("Diterima"), self.tr("Dari berkas"), self.tr("Keputusan")])
        self.list.verticalHeader().hide()
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        header = self.list.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr(
            "Tidak ada konflik yang menunggu keputusan. Konflik muncul bila penilaian final "
            "yang sama diterima dalam dua versi yang berbeda."), self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED}; padding: 12px;")

        self.detail = QWidget(self)
        self.detail_heading = heading_label("", self.detail, scale=1.2)
        self.same_note = QLabel(self.detail)
        self.same_note.setStyleSheet(f"color: {MUTED};")
        self.decision = QLabel(self.detail)
        self.decision.setWordWrap(True)
        self.decision.setStyleSheet("QLabel { background: #e9f5ec; border: 1px solid #9fcdaa; "
                                    "padding: 6px; }")
        self.local_panel = VersionPanel(self.tr("Versi di laptop ini"), self.tr("Pakai &versi ini"),
                                        LOCAL_TINT, self.detail)
        self.incoming_panel = VersionPanel(self.tr("Versi kiriman"),
                                           self.tr("Pakai versi &kiriman"), INCOMING_TINT,
                                           self.detail)
        self.local_panel.button.clicked.connect(lambda: self.confirm("local"))
        self.incoming_panel.button.clicked.connect(lambda: self.confirm("incoming"))
        # Scrolling one side scrolls the other: the same cell stays on the same line.
        local_bar = self.local_panel.table.verticalScrollBar()
        incoming_bar = self.incoming_panel.table.verticalScrollBar()
        local_bar.valueChanged.connect(incoming_bar.setValue)
        incoming_bar.valueChanged.connect(local_bar.setValue)
        # A note column that gets wider or narrower changes how many lines a note takes.
        for panel in (self.local_panel, self.incoming_panel):
            panel.table.horizontalHeader().sectionResized.connect(
                lambda *_args: self._align_rows())
        sides = QHBoxLayout()
        sides.addWidget(self.local_panel, 1)
        sides.addWidget(self.incoming_panel, 1)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_heading)
        detail_layout.addWidget(self.same_note)
        detail_layout.addWidget(self.decision)
        detail_layout.addLayout(sides, 1)

        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list)
        top_layout.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1100, 680)
        self.splitter.setSizes([170, 480])
        self.reload()

    # -- the list

    def reload(self, *, select: uuid.UUID | None = None) -> None:
        """Read the conflicts again, keeping (or moving to) the chosen one."""
        current = self.current()
        wanted = select or (current.id if current is not None else None)
        self.conflicts, names = screens.conflicts(
            self.database, include_resolved=self.show_resolved.isChecked())
        self.decider_names = names
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            detected = local_time_text(conflict.detected_at) if conflict.detected_at else ""
            cells = [conflict.advisor_name, conflict.warong_name, conflict.period,
                     str(len(conflict.differences)), detected, conflict.source_file or "",
                     self.decision_word(conflict)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 6 and not conflict.is_resolved:
                    item.setForeground(QBrush(QColor("#a61b1b")))
                self.list.setItem(row, column, item)
        self.list.blockSignals(False)
        self.list.setVisible(bool(self.conflicts))
        self.empty.setVisible(not self.conflicts)
        self.detail.setVisible(bool(self.conflicts))
        ids = [c.id for c in self.conflicts]
        row = ids.index(wanted) if wanted in ids else (0 if ids else -1)
        if row >= 0:
            self.list.selectRow(row)
        self._selection_changed()

    def decision_word(self, conflict: ConflictInfo) -> str:
        if conflict.resolution == "kept_local":
            return self.tr("Versi laptop ini dipakai")
        if conflict.resolution == "kept_incoming":
            return self.tr("Versi kiriman dipakai")
        return self.tr("Belum diputuskan")

    def current(self) -> ConflictInfo | None:
        rows = self.list.selectionModel().selectedRows() if self.list.selectionModel() else []
        return self.conflicts[rows[0].row()] if rows and rows[0].row() < len(self.conflicts) else None

    def select(self, conflict_id: uuid.UUID) -> None:
        for row, conflict in enumerate(self.conflicts):
            if conflict.id == conflict_id:
                self.list.selectRow(row)

    # -- the chosen conflict

    def _selection_changed(self) -> None:
        self.error.clear_error()
        conflict = self.current()
        if conflict is None:
            self.detail.setVisible(False)
            return
        self.detail.setVisible(True)
        self.detail_heading.setText(self.tr("{advisor} — {warong} — {period}").format(
            advisor=conflict.advisor_name, warong=conflict.warong_name, period=conflict.period))
        same = CELL_COUNT - len(conflict.differences)
        self.same_note.setText(self.tr(
            "Hanya sel yang berbeda yang ditampilkan; %n sel lain sama di kedua versi.", "", same))
        self.local_panel.meta.setText(self.tr("{status} · terakhir diubah {when}").format(
            status=self.status_word(conflict.local_status),
            when=local_time_text(conflict.local_updated_at, seconds=True)))
        self.incoming_panel.meta.setText(self.tr(
            "{status} · terakhir diubah {when} · dari berkas {file}").format(
                status=self.status_word(conflict.incoming_status),
                when=local_time_text(conflict.incoming_updated_at, seconds=True),
                file=conflict.source_file or "?"))
        self._fill(self.local_panel.table, conflict.differences, incoming=False)
        self._fill(self.incoming_panel.table, conflict.differences, incoming=True)
        self._align_rows()
        if conflict.is_resolved:
            who = self.decider_names.get(conflict.resolved_by, "?") if conflict.resolved_by else "?"
            self.decision.setText(self.tr("Diputuskan {when} oleh {name}: {choice}.").format(
                when=local_time_text(conflict.resolved_at) if conflict.resolved_at else "?",
                name=who, choice=self.decision_word(conflict).lower()))
        self.decision.setVisible(conflict.is_resolved)
        writable = not self.database.read_only and not conflict.is_resolved
        for panel in (self.local_panel, self.incoming_panel):
            panel.button.setVisible(not conflict.is_resolved)
            panel.button.setEnabled(writable)

    def status_word(self, status: str) -> str:
        return self.tr("Final") if status == "final" else self.tr("Draf")

    def cell_name(self, code: str) -> str:
        cell = self.instrument.cells.get(code)
        if cell is None:  # a cell of another instrument version
            return code
        return f"{code} {role_label(self.instrument.role(cell.role), self.lang)} · " \
               f"{self.instrument.area(cell.area).short.get(self.lang)}"

    def cell_tooltip(self, code: str) -> str:
        cell = self.instrument.cells.get(code)
        if cell is None:
            return ""
        return f"{self.instrument.role(cell.role).name.get(self.lang)} — " \
               f"{self.instrument.area(cell.area).name.get(self.lang)}"

    def level_item(self, level: str) -> QTableWidgetItem:
        """A level as the form shows it: number and word on the level's colour."""
        if level.isdigit() and int(level) < len(LEVEL_COLOURS):
            number = int(level)
            label = self.instrument.scale[number].label.get(self.lang)
            item = QTableWidgetItem(f"{number} · {label}")
            item.setBackground(QBrush(QColor(LEVEL_COLOURS[number])))
            item.setForeground(QBrush(QColor(LEVEL_TEXT_COLOURS[number])))
        elif level == "N/A":
            item = QTableWidgetItem(self.instrument.not_applicable.label.get(self.lang))
        else:
            item = QTableWidgetItem(self.tr("kosong"))
            item.setForeground(QBrush(QColor(MUTED)))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item

    def _fill(self, table: QTableWidget, differences: tuple[CellDifference, ...], *,
              incoming: bool) -> None:
        table.setRowCount(len(differences))
        for row, difference in enumerate(differences):
            level = difference.incoming_level if incoming else difference.local_level
            note = difference.incoming_note if incoming else difference.local_note
            name = QTableWidgetItem(self.cell_name(difference.cell_code))
            name.setToolTip(self.cell_tooltip(difference.cell_code))
            table.setItem(row, 0, name)
            table.setItem(row, 1, self.level_item(level))
            note_item = QTableWidgetItem(note or "—")
            if not note:
                note_item.setForeground(QBrush(QColor(MUTED)))
            table.setItem(row, 2, note_item)

    def _align_rows(self) -> None:
        """The same cell on the same line on both sides, however long either note is."""
        left, right = self.local_panel.table, self.incoming_panel.table
        left.resizeRowsToContents()
        right.resizeRowsToContents()
        for row in range(left.rowCount()):
            height = max(left.rowHeight(row), right.rowHeight(row))
            left.setRowHeight(row, height)
            right.setRowHeight(row, height)

    # -- the choice

    def confirm(self, keep: str) -> QMessageBox | None:
        """Ask once more, then record ``keep`` ("local" or "incoming") for the chosen conflict."""
        conflict = self.current()
        if conflict is None or conflict.is_resolved:
            return None
        what = self.tr("{advisor} — {warong} — {period}").format(
            advisor=conflict.advisor_name, warong=conflict.warong_name, period=conflict.period)
        if keep == "local":
            question = self.tr("Pakai versi di laptop ini untuk {what}?").format(what=what)
            consequence = self.tr("Nilai di laptop ini tidak berubah; versi kiriman tidak dipakai.")
            go_text = self.tr("Pakai versi ini")
        else:
            question = self.tr("Pakai versi kiriman untuk {what}?").format(what=what)
            consequence = self.tr(
                "Nilai dan catatan penilaian ini diganti dengan versi kiriman (sel yang "
                "berbeda: {count}). Isi sebelum impor tetap ada di cadangan otomatis.").format(
                    count=len(conflict.differences))
            go_text = self.tr("Pakai versi kiriman")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Pilih versi"), question,
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(consequence + " " + self.tr("Pilihan ini dicatat atas nama Anda."))
        go = box.addButton(go_text, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is go and self.resolve(conflict, keep))
        self.confirmation = box
        box.open()
        return box

    def resolve(self, conflict: ConflictInfo, keep: str) -> ConflictInfo | None:
        """Record the choice now (one small transaction) and show the next undecided conflict."""
        self.confirmation = None
        assert conflict.id is not None
        try:
            result = store.write(self.database, resolve_conflict, conflict.id, keep,
                                 by=self.chooser_id)
        except UserError as exc:
            self.error.show_error(exc)
            self.reload()
            return None
        following = next((c.id for c in self.conflicts
                          if not c.is_resolved and c.id != conflict.id), None)
        self.reload(select=following or conflict.id)
        self.resolved.emit(result)
        return result
