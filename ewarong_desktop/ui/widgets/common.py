"""Small pieces every dialog of the shell uses: the inline error, buttons, messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from ...errors import UserError
from ..i18n import current_language


def error_text(exc: BaseException) -> str:
    """What a failure says, in the window's language: a ``UserError`` has its own Indonesian;
    anything else (an OSError, say) shows its own text."""
    if isinstance(exc, UserError):
        return exc.text(current_language())
    return str(exc)


def user_message(error: BaseException | str) -> str:
    """A service's one-sentence message in the window's language, shown as a sentence
    (capital first, full stop)."""
    text = (error if isinstance(error, str) else error_text(error)).strip()
    if not text:
        return text
    first_word = text.split(maxsplit=1)[0]
    # A plain word gets its capital; a name keeps its spelling (e-Warong, rusak.ewarong).
    if first_word.isalpha() and first_word.islower():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def local_time_text(moment: datetime, *, seconds: bool = False) -> str:
    """A stored time as the person reads it: local time, month named in the window's language.

    The program stores UTC; SQLite hands it back without a zone, so a naive time is UTC.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(local, "d MMM yyyy, HH:mm:ss" if seconds else "d MMM yyyy, HH:mm")


def heading_label(text: str, parent: QWidget | None = None, *, scale: float = 1.15) -> QLabel:
    """A dialog's first line: bold, a little larger, wrapping."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def fact_grid(grid: QGridLayout, fields: Sequence[tuple[str, str]], parent: QWidget, *,
              rows: int, label_style: str = "") -> dict[str, QLabel]:
    """Caption/value pairs in two columns (filled top to bottom); returns the value labels by key.

    Values wrap and can be selected with the mouse, so an address or a name can be copied.
    """
    values: dict[str, QLabel] = {}
    for index, (key, caption) in enumerate(fields):
        row, column = index % rows, (index // rows) * 2
        label = QLabel(caption, parent)
        label.setStyleSheet(label_style)
        value = QLabel(parent)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, column + 1)
        values[key] = value
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return values


class ErrorLabel(QLabel):
    """Why the last save was refused, under the fields; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # A red that keeps AA contrast on this theme's window colour; an icon-free
        # label keeps the message next to the fields it is about.
        from ..theme import error_text

        self.setStyleSheet(f"QLabel#errorLabel {{ color: {error_text(QApplication.palette())}; "
                           "font-weight: bold; }")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, error: Exception | str) -> None:
        self.setText(user_message(error))
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def dialog_buttons(dialog: QDialog, accept_text: str) -> QDialogButtonBox:
    """OK/Cancel with our own words: Qt ships no Indonesian translation of its buttons."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_text)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("Common", "Batal"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def place_combo(names: list[str], current: str | None = None,
                parent: QWidget | None = None) -> QComboBox:
    """An editable combo offering the places already in the database (typing a new one is fine)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(names)
    combo.setCurrentText(current or "")
    return combo


def show_message(parent: QWidget | None, title: str, text: str, *,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning, details: str = "",
                 actions: Sequence[tuple[str, Callable[[], object]]] = ()) -> QMessageBox:
    """A window-modal message opened with ``open()`` (never a blocking ``exec()``).

    ``details`` (the informative text) and ``actions`` (more buttons: their text and what
    a click does) are put in before the box opens: an open box keeps the size it opened at.
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    close = box.button(QMessageBox.StandardButton.Ok)
    close.setText(QCoreApplication.translate("Common", "Tutup"))
    if details:
        box.setInformativeText(details)
    for label, action in actions:
        box.addButton(label, QMessageBox.ButtonRole.ActionRole).clicked.connect(action)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
