"""The in-program guide (F1, Bantuan → Panduan): offline, in the program's language, searchable.

The text is ``resources/help/panduan_<lang>.md``; the four roles, eight areas and the scale
are not written there but taken from the instrument (``<!-- INSTRUMENT -->`` marks the place),
so the guide always describes the edition the program uses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..instrument import Instrument, load_instrument
from ..paths import resource_path

MARKER = "<!-- INSTRUMENT -->"
EXAMPLE_AREA = 3  # the aid distribution through the warung: every role has a clear example there


def instrument_markdown(instrument: Instrument, lang: str) -> str:
    """Roles (with an example statement), areas and the scale, as the instrument words them."""
    en = lang == "en"
    lines = ["## " + ("The four roles" if en else "Empat peran"), ""]
    for number in range(1, 5):
        role = instrument.role(number)
        cell = next(c for c in instrument.cells.values()
                    if c.role == number and c.area == EXAMPLE_AREA)
        lines += [f"**{number}. {role.name.get(lang)}** — {role.description.get(lang)}", "",
                  ("*Example:* " if en else "*Contoh:* ") + cell.prompt("PKH", lang), ""]
    lines += ["## " + ("The eight agenda areas" if en else "Delapan bidang agenda"), ""]
    for number in range(1, 9):
        area = instrument.area(number)
        lines += [f"**{number}. {area.name.get(lang)}** — {area.description.get(lang)}", ""]
    lines += ["## " + ("The scale" if en else "Skala tingkat"), ""]
    for scale in instrument.scale:
        lines += [f"- **{scale.level} · {scale.label.get(lang)}**: {scale.description.get(lang)}"]
    na = instrument.not_applicable
    lines += [f"- **{'N/A' if en else 'TB'} · {na.label.get(lang)}**: {na.description.get(lang)}",
              ""]
    return "\n".join(lines)


def guide_markdown(lang: str) -> str:
    name = "panduan_en.md" if lang == "en" else "panduan_id.md"
    text = resource_path("help", name).read_text(encoding="utf-8")
    return text.replace(MARKER, instrument_markdown(load_instrument(), lang))


class HelpWindow(QWidget):
    """The guide in a window of its own, with a find box; Esc and Ctrl+W close it."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Panduan e-Warong Desktop"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        label = QLabel(self.tr("&Cari:"), self)
        self.find_box = QLineEdit(self)
        self.find_box.setPlaceholderText(self.tr("kata yang dicari, lalu Enter"))
        self.find_box.setClearButtonEnabled(True)
        label.setBuddy(self.find_box)
        self.find_box.returnPressed.connect(self.find_next)
        self.find_button = QPushButton(self.tr("Berikut&nya"), self)
        self.find_button.clicked.connect(self.find_next)
        self.status = QLabel(self)
        bar.addWidget(label)
        bar.addWidget(self.find_box, 1)
        bar.addWidget(self.find_button)
        bar.addWidget(self.status)
        layout.addLayout(bar)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_markdown(lang))
        layout.addWidget(self.browser, 1)
        self.resize(820, 640)
        self.find_box.setFocus()

    def find_next(self) -> bool:
        """Select the next place the typed text occurs (wrapping round); False if nowhere."""
        text = self.find_box.text().strip()
        if not text:
            return False
        found = self.browser.find(text)
        if not found:  # from the top again
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, QTextDocument.FindFlag(0))
        self.status.setText("" if found else self.tr("Tidak ditemukan"))
        return found

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Close) or (
                event.key() == Qt.Key.Key_W
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            self.close()
            return
        super().keyPressEvent(event)
