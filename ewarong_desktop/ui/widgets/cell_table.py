"""``CellTable``: cells of the instrument listed with their wrapped prompts (the profile
view's gaps and strengths, the summary screen's cells)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class CellTable(QTableWidget):
    """A read-only list of cells with wrapped prompts, as tall as its rows (no inner scrolling)."""

    def __init__(self, headers: list[str], prompt_column: int, parent: QWidget | None = None,
                 *, wrapped: tuple[int, ...] = ()):
        """``prompt_column`` and the ``wrapped`` columns (long text such as the study's
        finding) share the width left over and wrap; the other columns fit their contents."""
        super().__init__(0, len(headers), parent)
        self._prompt_column = prompt_column
        self._text_columns = {prompt_column, *wrapped}
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in range(len(headers)):
            mode = (QHeaderView.ResizeMode.Stretch if column in self._text_columns
                    else QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(column, mode)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Row heights depend on the wrapped prompt, i.e. on the prompt column's width,
        # which the header settles only after the table itself was resized.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit)
        header.sectionResized.connect(lambda *_args: self._fit_timer.start())

    def set_rows(self, rows: list[list[str]]) -> None:
        self.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c not in self._text_columns:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, item)
        self._fit()

    def column_texts(self, column: int) -> list[str]:
        items = (self.item(row, column) for row in range(self.rowCount()))
        return [item.text() if item is not None else "" for item in items]

    def _fit(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        if self.height() != height:
            self.setFixedHeight(height)
