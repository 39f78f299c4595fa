"""The advisor's self-assessment form: 32 cells, rated from the keyboard, saved as you go.

Keys on a focused cell: 0-4 set the level, N "not applicable", Delete/Backspace clear it,
Up/Down move between cells (choosing a level moves on by itself), Tab goes to the note,
Ctrl+Tab / Ctrl+PgDn (Ctrl+Shift+Tab / Ctrl+PgUp) switch group, F8 jumps to the next
unrated cell.

Every level is saved at once through ``services.assessments.set_rating``; notes are saved
after a short pause in typing, when the note loses focus, and when the form is hidden or
closed. A note the service refuses stays in its field, marked in red with the reason.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import IncompleteAssessmentError, UserError
from ...instrument import AREA_COUNT, ROLE_COUNT, Cell, Instrument
from ...periods import period_name
from ...services import assessments, profiles, store
from ...services.assessments import AssessmentSummary, RatingValue
from ...services.store import Database
from .. import theme
from ..operations import ASSESSMENT, announce, data_changes
from ..widgets.charts import role_label
from ..widgets.common import show_message, user_message
from ..widgets.study_finding import study_finding_text
from .save_queue import SaveQueue

NOTE_SAVE_DELAY_MS = 600
# Below this page width a cell's note goes under its level picker instead of beside it.
NARROW_PAGE_WIDTH = 980
SCALE_PANEL_MIN_WIDTH = 1000  # below this form width the scale panel gives way to the cells
GROUP_BY_ROLE = "role"
GROUP_BY_AREA = "area"
# What can go wrong while saving: a refusal with a message, or the file itself.
SAVE_ERRORS = (UserError, OSError)
CLOSE_WAIT_SECONDS = 30  # closing waits this long for a busy database before asking

LEVEL_KEYS = {Qt.Key.Key_0: 0, Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}

# Navigation requests passed from a cell or note up to the form.
NEXT, PREVIOUS = "next", "previous"
NEXT_GROUP, PREVIOUS_GROUP = "next-group", "previous-group"
NEXT_UNRATED = "next-unrated"
TO_CELL = "cell"

def form_style(colours: QPalette) -> str:
    """The form's style sheet, its colours taken from (or chosen against) ``colours``."""
    role = QPalette.ColorRole
    base = colours.color(role.Base).name()
    text = colours.color(role.Text).name()
    window_text = colours.color(role.WindowText).name()
    mid = colours.color(role.Mid).name()
    highlight = colours.color(role.Highlight).name()
    highlighted_text = colours.color(role.HighlightedText).name()
    button = colours.color(role.Button).name()
    button_text = colours.color(role.ButtonText).name()
    disabled = colours.color(QPalette.ColorGroup.Disabled, role.ButtonText).name()
    badge_fill, badge_ink, badge_border = theme.attention_colours(colours)
    banner_fill, banner_ink, banner_border = theme.banner_colours(colours)
    return f"""
QFrame#assessmentCell {{ border: 1px solid {mid}; border-radius: 6px; background: {base};
                        margin: 2px; }}
QFrame#assessmentCell QLabel {{ color: {text}; }}
QFrame#assessmentCell[current="true"] {{ border: 3px solid {highlight};
    background: {theme.current_cell_fill(colours)}; margin: 0px; }}
QLabel#cellCode {{ font-weight: bold; color: {text}; }}
QFrame#assessmentCell QLabel#cellContext {{ color: {theme.muted_text(colours, role.Base)}; }}
QLabel#groupAbout, QLabel#keyHint {{ color: {theme.muted_text(colours)}; }}
QFrame#assessmentCell QLabel#unratedBadge, QFrame#assessmentCell QLabel#carriedBadge {{
    background: {badge_fill}; color: {badge_ink}; border: 1px solid {badge_border};
    border-radius: 4px; padding: 1px 6px; font-weight: bold; }}
QFrame#assessmentCell QLabel#noteError {{ color: {theme.error_text(colours, role.Base)}; }}
QLabel#noteError {{ color: {theme.error_text(colours)}; }}
QLabel#saveError {{ color: {theme.error_text(colours)}; font-weight: bold; }}
QLabel#banner {{ background: {banner_fill}; color: {banner_ink}; border: 1px solid {banner_border};
                border-radius: 4px; padding: 6px; }}
QLabel {{ color: {window_text}; }}
QPlainTextEdit {{ background: {base}; color: {text}; }}
QPlainTextEdit[error="true"] {{ border: 2px solid {theme.error_text(colours, role.Base)}; }}
QPushButton[levelButton="true"] {{ border: 1px solid {colours.color(role.Dark).name()};
    border-radius: 4px; padding: 4px 8px; background: {button}; color: {button_text}; }}
QPushButton[levelButton="true"]:hover {{ border: 1px solid {highlight}; }}
QPushButton[levelButton="true"]:checked {{ background: {highlight}; color: {highlighted_text};
    border: 2px solid {window_text}; font-weight: bold; }}
QPushButton[levelButton="true"]:disabled {{ color: {disabled}; background: {button}; }}
QPushButton[levelButton="true"]:checked:disabled {{ background: {highlight};
    color: {highlighted_text}; }}
"""


def navigation_for(event: QKeyEvent) -> str | None:
    """The group/unrated navigation a key asks for, wherever in the form it was pressed."""
    key = event.key()
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if ctrl and key == Qt.Key.Key_Backtab or ctrl and key == Qt.Key.Key_Tab and shift:
        return PREVIOUS_GROUP
    if ctrl and key == Qt.Key.Key_Tab or ctrl and key == Qt.Key.Key_PageDown:
        return NEXT_GROUP
    if ctrl and key == Qt.Key.Key_PageUp:
        return PREVIOUS_GROUP
    if key == Qt.Key.Key_F8:
        return NEXT_UNRATED
    return None


def level_text(instrument: Instrument, rating: RatingValue, lang: str, na_mark: str = "TB") -> str:
    """A level in words as the buttons show it: "3 · Baik", or "TB · Tidak berlaku"."""
    if rating.not_applicable:
        return f"{na_mark} · {instrument.not_applicable.label.get(lang)}"
    if rating.level is None:
        return "–"
    scale = next(s for s in instrument.scale if s.level == rating.level)
    return f"{scale.level} · {scale.label.get(lang)}"


def _repolish(widget: QWidget) -> None:
    # Style sheets read dynamic properties only when the widget is polished again.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class NoteEdit(QPlainTextEdit):
    """A cell's note: Tab leaves it (instead of typing a tab), Esc goes back to the cell."""

    navigate = Signal(str)
    entered = Signal()
    left = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        lines = 3
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        how = navigation_for(event)
        if how is None and event.key() == Qt.Key.Key_Escape:
            how = TO_CELL
        if how is not None:
            self.navigate.emit(how)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusInEvent(event)
        self.entered.emit()

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusOutEvent(event)
        self.left.emit()

    def set_error(self, message: str | None) -> None:
        self.setProperty("error", message is not None)
        _repolish(self)


class CellEditor(QFrame):
    """One of the 32 cells: code, area, prompt, level picker 0-4/N and a note."""

    level_requested = Signal(str, object, bool)  # code, level or None, not applicable
    navigate = Signal(str, str)  # code, NEXT / PREVIOUS / NEXT_GROUP / ...
    note_edited = Signal(str)
    note_left = Signal(str)
    entered = Signal(str)
    proposal_accepted = Signal(str)  # code: take over last semester's answer (Space)

    def __init__(self, cell: Cell, instrument: Instrument, advisor_type: str, lang: str,
                 rating: RatingValue, parent: QWidget | None = None):
        super().__init__(parent)
        self.code = cell.code
        self.role = cell.role
        self.area = cell.area
        self.saved = rating  # what the database holds for this cell
        self.proposal: RatingValue | None = None  # last semester's answer, not yet confirmed
        self._instrument = instrument
        self._lang = lang
        self.setObjectName("assessmentCell")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("current", False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

        # Note beside the picker on a wide page, under it on a narrow one (set_narrow).
        self._outer = outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(14)
        left = QVBoxLayout()
        left.setSpacing(5)
        outer.addLayout(left, 3)

        header = QHBoxLayout()
        header.setSpacing(8)
        self.code_label = QLabel(cell.code, self)
        self.code_label.setObjectName("cellCode")
        self.context_label = QLabel(self)
        self.context_label.setObjectName("cellContext")
        self.context_label.setWordWrap(True)
        self.unrated_badge = QLabel(self.tr("Belum dinilai"), self)
        self.unrated_badge.setObjectName("unratedBadge")
        header.addWidget(self.code_label)
        header.addWidget(self.context_label, 1)
        header.addWidget(self.unrated_badge)
        # Last semester's answer, offered but never counted until the advisor takes it.
        self.carried_badge = QLabel(self)
        self.carried_badge.setObjectName("carriedBadge")
        self.carried_badge.hide()
        header.addWidget(self.carried_badge)
        left.addLayout(header)

        self.prompt_label = QLabel(cell.prompt(advisor_type, lang), self)
        self.prompt_label.setWordWrap(True)
        prompt_font = QFont(self.font())
        prompt_font.setPointSizeF(prompt_font.pointSizeF() * 1.08)
        self.prompt_label.setFont(prompt_font)
        self.prompt_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        left.addWidget(self.prompt_label)

        # The study's finding for this cell and type, folded away until asked for.
        self.study_toggle = QToolButton(self)
        self.study_toggle.setObjectName("studyToggle")
        self.study_toggle.setText(self.tr("Temuan studi"))
        self.study_toggle.setCheckable(True)
        self.study_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.study_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.study_toggle.setAutoRaise(True)
        self.study_toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.study_label = QLabel(study_finding_text(instrument, cell.code, advisor_type, lang),
                                  self)
        self.study_label.setObjectName("cellContext")
        self.study_label.setWordWrap(True)
        self.study_label.setVisible(False)
        self.study_toggle.toggled.connect(self._show_study)
        left.addWidget(self.study_toggle)
        left.addWidget(self.study_label)

        picker = QHBoxLayout()
        picker.setSpacing(4)
        self.level_buttons: dict[int, QPushButton] = {}
        for scale in instrument.scale:
            button = self._level_button(f"{scale.level} · {scale.label.get(lang)}",
                                        scale.description.get(lang), str(scale.level))
            button.clicked.connect(lambda _=False, n=scale.level: self._request(n, False))
            self.level_buttons[scale.level] = button
            picker.addWidget(button)
        na = instrument.not_applicable
        # "TB" (tidak berlaku) as in the profile, the audit trail and the PDF; key T (or N).
        self.na_button = self._level_button(f"{self.tr('TB')} · {na.label.get(lang)}",
                                            na.description.get(lang), "T")
        self.na_button.clicked.connect(lambda _=False: self._request(None, True))
        picker.addWidget(self.na_button)
        picker.addStretch(1)
        left.addLayout(picker)

        right = QVBoxLayout()
        right.setSpacing(3)
        outer.addLayout(right, 2)
        note_caption = QLabel(self.tr("Catatan / bukti (tidak wajib)"), self)
        note_caption.setObjectName("cellContext")
        right.addWidget(note_caption)
        self.note = NoteEdit(self)
        self.note.setPlainText(rating.note)
        self.note.textChanged.connect(lambda: self.note_edited.emit(self.code))
        self.note.left.connect(lambda: self.note_left.emit(self.code))
        self.note.entered.connect(lambda: self.entered.emit(self.code))
        self.note.navigate.connect(self._note_navigation)
        right.addWidget(self.note)
        self.note_error = QLabel(self)
        self.note_error.setObjectName("noteError")
        self.note_error.setWordWrap(True)
        self.note_error.hide()
        right.addWidget(self.note_error)
        right.addStretch(1)
        self.show_saved()

    def _show_study(self, shown: bool) -> None:
        self.study_label.setVisible(shown)
        self.study_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _level_button(self, text: str, description: str, key: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(True)
        button.setProperty("levelButton", True)
        # The chosen level is shown in bold: keep room for that so the text is never cut.
        bold = QFont(button.font())
        bold.setBold(True)
        button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + 24)
        # The cell, not the button, holds the keyboard focus: keys 0-4/N work on the cell.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(self.tr("{description} (tombol {key})").format(description=description,
                                                                          key=key))
        return button

    def set_context(self, grouping: str) -> None:
        """Name the other dimension: the area when grouped by role, the role when by area."""
        if grouping == GROUP_BY_ROLE:
            text = self._instrument.area(self.area).name.get(self._lang)
        else:
            text = self._instrument.role(self.role).name.get(self._lang)
        self.context_label.setText(text)

    def set_narrow(self, narrow: bool) -> None:
        self._outer.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                 else QBoxLayout.Direction.LeftToRight)

    def set_editable(self, editable: bool) -> None:
        for button in (*self.level_buttons.values(), self.na_button):
            button.setEnabled(editable)
        self.note.setReadOnly(not editable)
        self.note.setPlaceholderText(self.tr("Contoh kegiatan, tanggal, hasil...") if editable else "")

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            _repolish(self)

    def show_saved(self) -> None:
        """Show the level the database holds (after a save, or to undo a refused one)."""
        for level, button in self.level_buttons.items():
            button.setChecked(self.saved.level == level)
        self.na_button.setChecked(self.saved.not_applicable)
        carried = self.proposal is not None and not self.saved.answered
        self.unrated_badge.setVisible(not self.saved.answered and not carried)
        self.carried_badge.setVisible(carried)

    def set_proposal(self, proposal: RatingValue | None) -> None:
        """Offer last semester's answer: shown as "dari semester lalu" until confirmed."""
        self.proposal = proposal
        if proposal is not None:
            self.carried_badge.setText(self.tr(
                "dari semester lalu: {level} — belum dikonfirmasi (Spasi)").format(
                    level=level_text(self._instrument, proposal, self._lang, self.tr("TB"))))
            self.carried_badge.setToolTip(self.tr(
                "Jawaban Anda semester lalu. Tekan Spasi untuk memakainya, atau pilih tingkat "
                "lain. Sel ini belum dihitung terisi sampai Anda memilih."))
        self.show_saved()

    def note_text(self) -> str:
        return self.note.toPlainText()

    def set_note_error(self, message: str | None) -> None:
        self.note.set_error(message)
        self.note_error.setText(message or "")
        self.note_error.setVisible(message is not None)

    def _request(self, level: int | None, not_applicable: bool) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.level_requested.emit(self.code, level, not_applicable)

    def _note_navigation(self, how: str) -> None:
        if how == TO_CELL:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.navigate.emit(self.code, how)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        how = navigation_for(event)
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if how is None and modifiers == Qt.KeyboardModifier.NoModifier:
            if key in LEVEL_KEYS:
                self.level_requested.emit(self.code, LEVEL_KEYS[Qt.Key(key)], False)
                return
            if key in (Qt.Key.Key_T, Qt.Key.Key_N):
                self.level_requested.emit(self.code, None, True)
                return
            if key == Qt.Key.Key_Space and self.proposal is not None:
                self.proposal_accepted.emit(self.code)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.level_requested.emit(self.code, None, False)
                return
            if key == Qt.Key.Key_Down:
                how = NEXT
            elif key == Qt.Key.Key_Up:
                how = PREVIOUS
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.note.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if how is not None:
            self.navigate.emit(self.code, how)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusInEvent(event)
        self.entered.emit(self.code)


class GroupPage(QScrollArea):
    """One tab: a role (or an agenda area) with its description and its cells.

    The cells are put in only when the page is first needed, so opening the form
    builds and styles one group's cells rather than all 32.
    """

    def __init__(self, title: str, description: str, codes: list[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.codes = codes
        self.filled = False
        self._editors: list[CellEditor] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget(self)
        self.setWidget(content)
        self.cells_layout = QVBoxLayout(content)
        self.cells_layout.setContentsMargins(6, 6, 10, 6)
        self.cells_layout.setSpacing(6)
        heading = QLabel(title, content)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        about = QLabel(description, content)
        about.setWordWrap(True)
        about.setObjectName("groupAbout")
        self.cells_layout.addWidget(heading)
        self.cells_layout.addWidget(about)

    def fill(self, editors: list[CellEditor]) -> None:
        self._editors = editors
        for editor in editors:
            editor.set_narrow(self._narrow())
            self.cells_layout.addWidget(editor)
            editor.show()
        self.cells_layout.addStretch(1)
        self.filled = True

    def _narrow(self) -> bool:
        return self.viewport().width() < NARROW_PAGE_WIDTH

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        for editor in self._editors:
            editor.set_narrow(self._narrow())


class ReopenDialog(QDialog):
    """Asks why a final assessment is reopened; the reason goes to the audit trail."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Buka kembali penilaian"))
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "Penilaian ini sudah final. Tulis alasan membukanya kembali; alasan ini disimpan "
            "dalam riwayat perubahan."), self)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Contoh: salah memilih tingkat pada sel 4.2.5"))
        layout.addWidget(self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("noteError")
        self.error.setStyleSheet(f"color: {theme.error_text(self.palette())};")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.reopen_button = buttons.addButton(self.tr("Buka kembali"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(lambda: self.submitted.emit(self.reason.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.reason.setFocus()


class RatingCommand(QUndoCommand):
    """One change of a cell (level, not applicable, cleared, or its note), undoable.

    Pushed after the change was saved, so its first ``redo`` does nothing; later undo and
    redo save the cell's earlier or later value again, through the same service."""

    def __init__(self, form: AssessmentForm, before: RatingValue, after: RatingValue,
                 text: str):
        super().__init__(text)
        self._form = form
        self._before = before
        self._after = after
        self._pushed = True

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        self._form.restore_rating(self._after)

    def undo(self) -> None:
        self._form.restore_rating(self._before)


class AssessmentForm(QWidget):
    """Rate the 32 cells of one assessment; read-only unless the editor owns a draft.

    ``changed`` is emitted after every successful save (level, note, finalise, reopen);
    ``finalised`` once the assessment has become final.
    """

    changed = Signal()
    finalised = Signal()
    profile_requested = Signal()  # "Lihat profil" after finalising

    def __init__(self, database: Database, assessment_id: uuid.UUID, *,
                 editor_id: uuid.UUID | None, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._database = database
        self._assessment_id = assessment_id
        self._editor_id = editor_id
        self._lang = lang
        detail = store.read(database, assessments.get_detail, assessment_id)
        self._summary: AssessmentSummary = detail.summary
        self._instrument = profiles.instrument_for(detail.summary.instrument_version)
        self._grouping = GROUP_BY_ROLE
        self._current: str | None = None
        self._last_in_group: dict[tuple[str, int], str] = {}
        self._dirty_notes: set[str] = set()
        self._note_errors: dict[str, str] = {}
        # Every save tells the open screens (lists, profiles, audit trail, summary).
        self.changed.connect(self._announce_change)
        self._announcing = False
        # Saves of other screens, windows or programs (an import, a second window on the
        # same file): read the cells again so no stale level stays on screen.
        data_changes().data_changed.connect(self._on_data_changed)
        self._rating_error: tuple[str, str] | None = None
        self._switching_group = False
        self._shown_once = False
        self.message_box: QMessageBox | None = None
        self.reopen_dialog: ReopenDialog | None = None

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._autosave_notes)
        # A save that meets a busy database (a long import, another window) waits here.
        self._saves = SaveQueue(self, errors=SAVE_ERRORS)
        self._saves.waiting_changed.connect(lambda _waiting: self._update_save_state())

        # What the database holds per cell; editors show it and are built when needed.
        self._ratings: dict[str, RatingValue] = {
            code: detail.ratings.get(code, RatingValue(code)) for code in self._instrument.cells}
        self._editors: dict[str, CellEditor] = {}
        # Last semester's answers, offered per cell as "dari semester lalu" until confirmed.
        self._proposals: dict[str, RatingValue] = (
            store.read(database, assessments.previous_answers, assessment_id)
            if not detail.summary.is_final else {})
        self.undo_stack = QUndoStack(self)
        self.completion_box: QMessageBox | None = None

        self.setStyleSheet(form_style(QApplication.palette()))
        self._build_top()
        self._build_groups()
        self._apply_state()
        first = self._first_unrated() or next(iter(self._ratings))
        self.focus_cell(first)

    # ------------------------------------------------------------------ building

    def _build_menu(self, layout: QVBoxLayout) -> None:
        menu_bar = QMenuBar(self)
        edit_menu = menu_bar.addMenu(self.tr("&Sunting"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Batalkan"))
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Ulangi"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        close_action = QAction(self.tr("&Tutup jendela"), self)
        close_action.setShortcuts([QKeySequence("Ctrl+W")])
        close_action.triggered.connect(self.close)
        for action in (self.undo_action, self.redo_action, close_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(close_action)
        self.menu_bar = menu_bar
        layout.setMenuBar(menu_bar)

    def _build_top(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        self._build_menu(layout)

        title_row = QHBoxLayout()
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        title_row.addWidget(self.title)
        # The save state sits in the roomy title row so a long refusal does not push the
        # tool row around.
        self.save_state = QLabel(self)
        self.save_state.setWordWrap(True)
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.save_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_row.addWidget(self.save_state, 1)
        title_row.addSpacing(16)
        self.status_label = QLabel(self)
        title_row.addWidget(self.status_label)
        layout.addLayout(title_row)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        grouping_label = QLabel(self.tr("&Kelompokkan per:"), self)
        self.grouping_box = QComboBox(self)
        self.grouping_box.addItem(self.tr("Peran (4 kelompok)"), GROUP_BY_ROLE)
        self.grouping_box.addItem(self.tr("Bidang agenda (8 kelompok)"), GROUP_BY_AREA)
        grouping_label.setBuddy(self.grouping_box)
        self.grouping_box.currentIndexChanged.connect(
            lambda index: self.set_grouping(self.grouping_box.itemData(index)))
        bar.addWidget(grouping_label)
        bar.addWidget(self.grouping_box)
        bar.addSpacing(12)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, len(self._instrument.cells))
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedWidth(140)
        self.progress_label = QLabel(self)
        bar.addWidget(self.progress_bar)
        bar.addWidget(self.progress_label)
        self.next_unrated_button = QPushButton(self.tr("Sel belum dinilai berikutnya (F8)"), self)
        self.next_unrated_button.clicked.connect(self.next_unrated)
        bar.addWidget(self.next_unrated_button)
        bar.addStretch(1)
        self.finalise_button = QPushButton(self.tr("&Finalisasi..."), self)
        self.finalise_button.setToolTip(self.tr(
            "Menandai penilaian selesai; setelah itu hanya bisa diubah dengan membukanya kembali."))
        self.finalise_button.clicked.connect(self.request_finalise)
        bar.addWidget(self.finalise_button)
        self.reopen_button = QPushButton(self.tr("&Buka kembali..."), self)
        self.reopen_button.clicked.connect(self.request_reopen)
        bar.addWidget(self.reopen_button)
        self.history_button = QPushButton(self.tr("&Riwayat perubahan..."), self)
        self.history_button.setToolTip(self.tr("Perubahan sesudah penilaian ini pertama kali "
                                               "difinalisasi: siapa, kapan, apa, dan alasannya."))
        self.history_button.clicked.connect(self.show_history)
        bar.addWidget(self.history_button)
        self.profile_button = QPushButton(self.tr("Lihat &profil"), self)
        self.profile_button.setToolTip(self.tr("Profil peran penilaian ini: grafik, tingkat per "
                                               "sel dan kesenjangan terhadap target."))
        self.profile_button.clicked.connect(self.profile_requested)
        bar.addWidget(self.profile_button)
        layout.addLayout(bar)

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        self.key_hint = QLabel(self.tr(
            "Papan ketik: 0–4 pilih tingkat, T tidak berlaku (TB), Del hapus · ↑/↓ pindah sel · "
            "Tab ke catatan, Esc kembali · Ctrl+Tab / Ctrl+PgDn kelompok berikutnya · "
            "F8 sel belum dinilai"), self)
        self.key_hint.setObjectName("keyHint")
        self.key_hint.setWordWrap(True)
        layout.addWidget(self.key_hint)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        body = QHBoxLayout()
        body.setSpacing(8)
        body.addWidget(self.tabs, 1)
        # What 0-4 mean, beside the cells where the keyboard user looks; it follows the
        # current cell (its name, and its chosen level marked).
        self.scale_panel = QLabel(self)
        self.scale_panel.setObjectName("scalePanel")
        self.scale_panel.setWordWrap(True)
        self.scale_panel.setTextFormat(Qt.TextFormat.RichText)
        self.scale_panel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scale_panel.setFixedWidth(250)
        body.addWidget(self.scale_panel)
        layout.addLayout(body, 1)

    def _groups(self) -> list[tuple[str, str, list[str]]]:
        """(tab title, description, cell codes) for the current grouping."""
        cells = self._instrument.cells.values()
        if self._grouping == GROUP_BY_ROLE:
            return [(self._instrument.role(r).name.get(self._lang),
                     self._instrument.role(r).description.get(self._lang),
                     [c.code for c in cells if c.role == r])
                    for r in range(1, ROLE_COUNT + 1)]
        return [(f"{a}. {self._instrument.area(a).name.get(self._lang)}",
                 self._instrument.area(a).description.get(self._lang),
                 [c.code for c in cells if c.area == a])
                for a in range(1, AREA_COUNT + 1)]

    @contextmanager
    def _swapping(self) -> Iterator[None]:
        """Pages are being swapped: focus moving meanwhile is not the person moving."""
        before = self._switching_group
        self._switching_group = True
        try:
            yield
        finally:
            self._switching_group = before

    def _build_groups(self) -> None:
        with self._swapping():
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            # Keep the cell editors (and any note being typed) while their pages are replaced.
            for editor in list(self._editors.values()):
                editor.hide()
                editor.setParent(self)
            old_pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
            self.tabs.clear()
            for title, description, codes in self._groups():
                self.tabs.addTab(GroupPage(title, description, codes, self.tabs), "")
            for page in old_pages:
                if page is not None:
                    page.deleteLater()
        self._update_progress()

    def _page(self, index: int) -> GroupPage:
        """The group's page, with its cells put in if this is the first time it is needed."""
        page = self.tabs.widget(index)
        assert isinstance(page, GroupPage)
        if not page.filled:
            editors = [self._editors.get(code) or self._make_editor(code) for code in page.codes]
            for editor in editors:
                editor.set_context(self._grouping)
            page.fill(editors)
        return page

    def _make_editor(self, code: str) -> CellEditor:
        editor = CellEditor(self._instrument.cells[code], self._instrument,
                            self._summary.advisor_type, self._lang, self._ratings[code], self)
        editor.set_editable(self.is_editable)
        editor.set_proposal(self._proposals.get(code) if self.is_editable else None)
        editor.proposal_accepted.connect(self._accept_proposal)
        editor.level_requested.connect(self._on_level_requested)
        editor.navigate.connect(self._on_navigate)
        editor.note_edited.connect(self._on_note_edited)
        editor.note_left.connect(self._on_note_left)
        editor.entered.connect(self._set_current)
        self._editors[code] = editor
        return editor

    def cell(self, code: str) -> CellEditor:
        """The editor of one cell (its page is filled on first use)."""
        self._page(self._group_index(code))
        return self._editors[code]

    # ------------------------------------------------------------------ state shown

    @property
    def summary(self) -> AssessmentSummary:
        return self._summary

    @property
    def is_owner(self) -> bool:
        return self._editor_id is not None and self._editor_id == self._summary.advisor_id

    @property
    def is_editable(self) -> bool:
        return self.is_owner and not self._summary.is_final

    @property
    def grouping(self) -> str:
        return self._grouping

    def _apply_state(self) -> None:
        """Title, status, banner and which actions are offered, after load/finalise/reopen."""
        summary = self._summary
        self.title.setText(self.tr("{advisor} — {warong}, periode {period}").format(
            advisor=summary.advisor_name, warong=summary.warong_name,
            period=period_name(summary.period, self._lang)))
        self.status_label.setText(
            self.tr("Status: <b>Final</b>") if summary.is_final else self.tr("Status: <b>Draf</b>"))
        editable = self.is_editable
        for editor in self._editors.values():
            editor.set_editable(editable)
        self.finalise_button.setVisible(editable)
        self.reopen_button.setVisible(summary.is_final and self.is_owner)
        self.history_button.setVisible(summary.finalised_at is not None)  # final once: audited
        self.profile_button.setVisible(summary.is_final)
        if not editable:
            self.undo_stack.clear()  # nothing to undo in a final or someone else's assessment
        for code, editor in self._editors.items():
            editor.set_proposal(self._proposals.get(code) if editable else None)
        self.key_hint.setVisible(editable)
        if summary.is_final and self.is_owner:
            banner = self.tr("Penilaian ini sudah final dan hanya bisa dibaca. Untuk mengubahnya, "
                             "pilih \"Buka kembali\" dan tulis alasannya.")
        elif summary.is_final:
            banner = self.tr("Penilaian ini sudah final dan hanya bisa dibaca.")
        elif self._database.read_only:
            banner = self.tr("Basis data ini dibuka hanya-baca: penilaian bisa dilihat, tetapi "
                             "tidak bisa diubah.")
        elif not self.is_owner:
            banner = self.tr("Hanya-baca: hanya {advisor} yang dapat mengubah penilaian ini.").format(
                advisor=summary.advisor_name)
        else:
            banner = ""
        self.banner.setText(banner)
        self.banner.setVisible(bool(banner))
        self._update_save_state()

    def _update_progress(self) -> None:
        answered = self.answered_count()
        total = len(self._ratings)
        self.progress_bar.setValue(answered)
        self.progress_label.setText(self.tr("{answered} dari {total}").format(answered=answered,
                                                                             total=total))
        for index, (_, _, codes) in enumerate(self._groups()):
            done = sum(1 for code in codes if self._ratings[code].answered)
            if self._grouping == GROUP_BY_ROLE:
                name = role_label(self._instrument.role(index + 1), self._lang)
            else:
                name = f"{index + 1}. {self._instrument.area(index + 1).short.get(self._lang)}"
            mark = "✓ " if done == len(codes) else ""
            # "&" would turn into a keyboard mnemonic in a tab title ("TI & EDC").
            label = f"{mark}{name}  {done}/{len(codes)}".replace("&", "&&")
            self.tabs.setTabText(index, label)
            self.tabs.setTabToolTip(index, self.tr("{done} dari {total} sel terisi").format(
                done=done, total=len(codes)))

    def answered_count(self) -> int:
        return sum(1 for rating in self._ratings.values() if rating.answered)

    def _update_save_state(self) -> None:
        errors = list(self._note_errors.items())
        if self._rating_error is not None:
            errors.insert(0, self._rating_error)
        if errors:
            code, message = errors[0]
            self.save_state.setObjectName("saveError")
            self.save_state.setText(self.tr("Tidak tersimpan ({code}): {message}").format(
                code=self.cell_words(code), message=message))
            self.save_state.setToolTip("\n".join(f"{self.cell_words(c)}: {m}" for c, m in errors))
        elif self._saves.waiting:
            self.save_state.setObjectName("")
            self.save_state.setText(self.tr("Menunggu basis data yang sedang sibuk..."))
            self.save_state.setToolTip(self.tr(
                "Basis data sedang dipakai (impor atau jendela lain). Perubahan Anda disimpan "
                "otomatis begitu basis data bebas."))
        elif self._dirty_notes:
            self.save_state.setObjectName("")
            self.save_state.setText(self.tr("Menyimpan..."))
            self.save_state.setToolTip("")
        elif not self.is_editable:
            self.save_state.setObjectName("")
            self.save_state.setText(self.tr("Hanya-baca"))
            self.save_state.setToolTip("")
        else:
            self.save_state.setObjectName("")
            self.save_state.setText(self.tr("✓ Tersimpan"))
            self.save_state.setToolTip(self.tr("Setiap perubahan langsung disimpan."))
        _repolish(self.save_state)

    def save_state_text(self) -> str:
        return self.save_state.text()

    # ------------------------------------------------------------------ navigation

    def current_cell(self) -> str | None:
        """Code of the cell that has (or last had) the keyboard focus."""
        return self._current

    def current_group(self) -> int:
        return self.tabs.currentIndex()

    def _group_index(self, code: str) -> int:
        cell = self._instrument.cells[code]
        return (cell.role if self._grouping == GROUP_BY_ROLE else cell.area) - 1

    def _order(self) -> list[str]:
        return [code for _, _, codes in self._groups() for code in codes]

    def _set_current(self, code: str) -> None:
        if self._switching_group:
            return  # focus passing through while pages are swapped
        if self._current is not None and self._current != code:
            self._editors[self._current].set_current(False)
        self._current = code
        self._editors[code].set_current(True)
        self._show_scale(code)
        self._last_in_group[(self._grouping, self._group_index(code))] = code

    def _show_scale(self, code: str) -> None:
        """The five levels and TB with their descriptions; the current cell's level marked."""
        rating = self._ratings[code]
        heading = self.tr("Skala tingkat")
        rows = [f"<b>{html.escape(heading)}</b><br>{html.escape(self.cell_words(code))}"]
        entries = [(str(s.level), s.label.get(self._lang), s.description.get(self._lang),
                    rating.level == s.level) for s in self._instrument.scale]
        na = self._instrument.not_applicable
        entries.append((self.tr("TB"), na.label.get(self._lang), na.description.get(self._lang),
                        rating.not_applicable))
        for key, label, description, chosen in entries:
            mark = "▶ " if chosen else ""
            rows.append(f"<p style='margin-top:6px'>{mark}<b>{html.escape(key)} · "
                        f"{html.escape(label)}</b><br>{html.escape(description)}</p>")
        proposal = self._proposals.get(code)
        if proposal is not None and not rating.answered and self.is_editable:
            rows.append("<p style='margin-top:6px'><i>" + html.escape(self.tr(
                "Semester lalu: {level}. Spasi = pakai lagi.").format(
                    level=level_text(self._instrument, proposal, self._lang, self.tr("TB"))))
                + "</i></p>")
        self.scale_panel.setText("".join(rows))

    def focus_cell(self, code: str, *, into_note: bool = False) -> None:
        """Show the cell's group, scroll it into view and give it the keyboard focus."""
        index = self._group_index(code)
        page = self._page(index)
        if self.tabs.currentIndex() != index:
            with self._swapping():
                # Take the focus off the page being hidden first, or Qt hands it on to
                # some widget of its own choosing while the pages swap.
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                self.tabs.setCurrentIndex(index)
        editor = self.cell(code)
        target = editor.note if into_note else editor
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._set_current(code)
        page.ensureWidgetVisible(editor, 0, 16)

    def _first_unrated(self, after: str | None = None) -> str | None:
        order = self._order()
        start = order.index(after) + 1 if after in order else 0
        for code in order[start:] + order[:start]:
            if not self._ratings[code].answered:
                return code
        return None

    def next_unrated(self) -> bool:
        """Jump to the next cell without a rating (wrapping around); False if there is none."""
        code = self._first_unrated(self._current)
        if code is None:
            self.save_state.setText(self.tr("Semua {total} sel sudah terisi.").format(
                total=len(self._ratings)))
            return False
        self.focus_cell(code)
        return True

    def switch_group(self, step: int) -> None:
        count = self.tabs.count()
        index = (self.tabs.currentIndex() + step) % count
        self.focus_cell(self._cell_for_group(index))

    def _cell_for_group(self, index: int) -> str:
        remembered = self._last_in_group.get((self._grouping, index))
        if remembered is not None:
            return remembered
        codes = self._groups()[index][2]
        return next((c for c in codes if not self._ratings[c].answered), codes[0])

    def _on_navigate(self, code: str, how: str) -> None:
        order = self._order()
        position = order.index(code)
        if how == NEXT and position + 1 < len(order):
            self.focus_cell(order[position + 1])
        elif how == PREVIOUS and position > 0:
            self.focus_cell(order[position - 1])
        elif how == NEXT_GROUP:
            self.switch_group(1)
        elif how == PREVIOUS_GROUP:
            self.switch_group(-1)
        elif how == NEXT_UNRATED:
            self.next_unrated()

    def _on_tab_changed(self, index: int) -> None:
        if self._switching_group or index < 0:
            return
        # A tab chosen with the mouse (or from the tab bar): put the focus on a cell of it,
        # unless the person is moving along the tab bar with the keyboard.
        if not isinstance(QApplication.focusWidget(), QTabBar):
            self.focus_cell(self._cell_for_group(index))

    def set_grouping(self, grouping: str) -> None:
        """Group the cells by role (4 tabs) or by agenda area (8 tabs)."""
        if grouping not in (GROUP_BY_ROLE, GROUP_BY_AREA) or grouping == self._grouping:
            return
        self._grouping = grouping
        self.grouping_box.setCurrentIndex(self.grouping_box.findData(grouping))
        current = self._current
        self._build_groups()
        if current is not None:
            self.focus_cell(current)

    def _editor_of(self, widget: QWidget | None) -> CellEditor | None:
        while widget is not None and widget is not self:
            if isinstance(widget, CellEditor):
                return widget
            widget = widget.parentWidget()
        return None

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        # Tab runs cell -> its note -> next cell (across groups); Shift+Tab goes back.
        widget = QApplication.focusWidget()
        editor = self._editor_of(widget)
        if editor is None or self._switching_group:
            return super().focusNextPrevChild(forward)
        order = self._order()
        position = order.index(editor.code)
        if widget is editor.note:
            if not forward:
                self.focus_cell(editor.code)
                return True
            if position + 1 < len(order):
                self.focus_cell(order[position + 1])
                return True
            return super().focusNextPrevChild(forward)
        if forward:
            self.focus_cell(editor.code, into_note=True)
            return True
        if position > 0:
            self.focus_cell(order[position - 1], into_note=True)
            return True
        return super().focusNextPrevChild(forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Keys not taken by a cell (e.g. pressed on a button) still navigate.
        how = navigation_for(event)
        if how == NEXT_UNRATED:
            self.next_unrated()
        elif how in (NEXT_GROUP, PREVIOUS_GROUP):
            self.switch_group(1 if how == NEXT_GROUP else -1)
        elif event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()  # a secondary window: Esc closes it (in a note, Esc goes to the cell)
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------------ saving

    def _announce_change(self) -> None:
        self._announcing = True  # our own save: nothing to read again
        try:
            announce({ASSESSMENT})
        finally:
            self._announcing = False

    def _on_data_changed(self, kinds: frozenset[str]) -> None:
        if not self._announcing and ASSESSMENT in kinds:
            self.refresh()

    def refresh(self) -> bool:
        """Show what the database holds now (another window or program may have saved);
        True when something on screen changed. A note being typed here is kept."""
        try:
            detail = store.read(self._database, assessments.get_detail, self._assessment_id)
        except UserError:
            return False  # removed meanwhile: the main window closes this form
        waiting = {key[1] for key in self._saves.waiting_keys() if isinstance(key, tuple)}
        changed = False
        for code, rating in detail.ratings.items():
            if rating == self._ratings.get(code) or code in waiting:
                continue
            changed = True
            self._ratings[code] = rating
            editor = self._editors.get(code)
            if editor is None:
                continue  # built from self._ratings when first shown
            editor.saved = rating
            editor.show_saved()
            if code not in self._dirty_notes and code not in self._note_errors:
                editor.note.setPlainText(rating.note)
        if changed:
            # Undoing now could silently overwrite what the other window saved.
            self.undo_stack.clear()
            self._update_progress()
            if self._current is not None:
                self._show_scale(self._current)
        if detail.summary != self._summary:
            self._summary = detail.summary
            self._apply_state()
            changed = True
        return changed

    def _error_text(self, exc: Exception) -> str:
        if isinstance(exc, UserError):
            return user_message(exc)
        return self.tr("Basis data tidak dapat ditulis ({detail}); coba lagi.").format(detail=exc)

    def _on_level_requested(self, code: str, level: int | None, not_applicable: bool) -> None:
        editor = self.cell(code)
        if not self.is_editable:
            editor.show_saved()
            return
        before = editor.saved

        def write() -> RatingValue:
            return store.save(self._database, assessments.set_rating, self._assessment_id,
                              code, level, not_applicable=not_applicable,
                              editor_id=self._editor_id)

        def refused(exc: Exception) -> None:
            editor.show_saved()
            self._rating_error = (code, self._error_text(exc))
            self._update_save_state()

        if not self._saves.submit(("cell", code), write,
                                  lambda saved: self._level_saved(code, saved, advance=True,
                                                                  before=before),
                                  refused):
            # Waiting for a busy database: keep showing what was chosen, carry on typing.
            for number, button in editor.level_buttons.items():
                button.setChecked(not not_applicable and level == number)
            editor.na_button.setChecked(not_applicable)
            if level is not None or not_applicable:
                self._advance_after(code)

    def _level_saved(self, code: str, saved: RatingValue, *, advance: bool,
                     before: RatingValue | None = None) -> None:
        editor = self.cell(code)
        was_complete = self.answered_count() == len(self._ratings)
        self._ratings[code] = editor.saved = saved
        if editor.note_text() != saved.note and code not in self._dirty_notes:
            editor.note.setPlainText(saved.note)  # an undone or redone note
        waited = self._saves.waiting  # landed after waiting: the focus has moved on already
        editor.show_saved()
        if code == self._current:
            self._show_scale(code)
        self._rating_error = None
        self._update_progress()
        self._update_save_state()
        self.changed.emit()
        if before is not None and before != saved:
            self.undo_stack.push(RatingCommand(self, before, saved, self.tr(
                "tingkat {cell}").format(cell=self.cell_words(code))))
        now_complete = self.answered_count() == len(self._ratings)
        if advance and now_complete and not was_complete:
            self._offer_finalise(code)  # the cursor stays on the last cell rated
        elif saved.answered and advance and not waited:
            self._advance_after(code)

    def restore_rating(self, value: RatingValue) -> None:
        """Save a cell's earlier (undo) or later (redo) value and show the cell."""
        code = value.cell_code
        editor = self.cell(code)
        self.focus_cell(code)
        if not self.is_editable:
            return
        self._saves.forget([("note", code)])
        self._dirty_notes.discard(code)

        def write() -> RatingValue:
            return store.save(self._database, assessments.set_rating, self._assessment_id,
                              code, value.level, not_applicable=value.not_applicable,
                              note=value.note, editor_id=self._editor_id)

        def refused(exc: Exception) -> None:
            editor.show_saved()
            self._rating_error = (code, self._error_text(exc))
            self._update_save_state()

        self._saves.submit(("cell", code), write,
                           lambda saved: self._level_saved(code, saved, advance=False), refused)

    def _accept_proposal(self, code: str) -> None:
        """Space on a carried-over cell: take last semester's answer (and its note)."""
        proposal = self._proposals.get(code)
        if proposal is None or not self.is_editable:
            return
        editor = self.cell(code)
        if proposal.note and not editor.note_text().strip():
            editor.note.setPlainText(proposal.note)
        self._on_level_requested(code, proposal.level, proposal.not_applicable)

    def cell_words(self, code: str) -> str:
        """A cell named as an advisor knows it: "Broker — Keuangan" rather than "4.1.5"."""
        cell = self._instrument.cells[code]
        role = role_label(self._instrument.role(cell.role), self._lang)
        return f"{role} — {self._instrument.area(cell.area).short.get(self._lang)}"

    def _offer_finalise(self, code: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Semua sel terisi"),
                          self.tr("Semua {total} sel terisi — finalisasi sekarang?").format(
                              total=len(self._ratings)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr(
            "Pilih \"Nanti\" untuk memeriksa jawaban dulu; tidak ada yang berubah. Setelah "
            "final, penilaian hanya bisa diubah dengan membukanya kembali."))
        confirm = box.addButton(self.tr("&Finalisasi sekarang"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Nanti"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(confirm)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(button: object) -> None:
            if button is confirm:
                if self.save_pending():
                    self._finalise()
                else:
                    self._show_unsaved_note(self.tr("Belum bisa difinalisasi"))
            else:
                self.focus_cell(code)

        box.buttonClicked.connect(chosen)
        self.completion_box = box
        box.open()

    def _advance_after(self, code: str) -> None:
        order = self._order()
        position = order.index(code)
        if position + 1 < len(order):
            self.focus_cell(order[position + 1])
        else:
            following = self._first_unrated(code)
            if following is not None:
                self.focus_cell(following)

    def _on_note_edited(self, code: str) -> None:
        editor = self.cell(code)
        if not self.is_editable:
            return
        if editor.note_text() == editor.saved.note and code not in self._note_errors:
            self._dirty_notes.discard(code)
        else:
            self._dirty_notes.add(code)
            self._note_timer.start()
        self._update_save_state()

    def _on_note_left(self, code: str) -> None:
        if code in self._dirty_notes:
            self._save_note(code)

    def _save_note(self, code: str) -> bool:
        """Save the note as typed now; False when refused or still waiting for the database."""
        editor = self.cell(code)

        def write() -> RatingValue:
            text = editor.note_text()  # read on every try: the newest text is what lands
            if text == editor.saved.note:
                return editor.saved
            return store.save(
                self._database, assessments.set_rating, self._assessment_id, code,
                editor.saved.level, not_applicable=editor.saved.not_applicable, note=text,
                editor_id=self._editor_id)

        def refused(exc: Exception) -> None:
            message = self._error_text(exc)
            self._note_errors[code] = message
            editor.set_note_error(message)
            self._update_save_state()

        done = self._saves.submit(("note", code), write,
                                  lambda saved: self._note_saved(code, saved), refused)
        return done and code not in self._note_errors

    def _note_saved(self, code: str, saved: RatingValue) -> None:
        editor = self.cell(code)
        changed = saved != editor.saved
        if changed and saved.note != editor.saved.note:
            self.undo_stack.push(RatingCommand(self, editor.saved, saved, self.tr(
                "catatan {cell}").format(cell=self.cell_words(code))))
        self._ratings[code] = editor.saved = saved
        if editor.note_text() == saved.note:  # typed on while it waited: still dirty
            self._dirty_notes.discard(code)
        self._note_errors.pop(code, None)
        editor.set_note_error(None)
        self._update_save_state()
        if changed:
            self.changed.emit()

    def _autosave_notes(self) -> None:
        self._note_timer.stop()
        for code in sorted(self._dirty_notes):
            self._save_note(code)

    def save_pending(self) -> bool:
        """Save every note typed but not saved yet, waiting a while for a busy database;
        False if one was refused or still waits (it stays shown)."""
        self._note_timer.stop()
        results = [self._save_note(code) for code in sorted(self._dirty_notes)]
        landed = self._saves.flush(CLOSE_WAIT_SECONDS)
        return landed and (all(results) or (not self._note_errors and not self._dirty_notes))

    def refused_note(self) -> tuple[str, str] | None:
        """(cell code, reason) of the first typed note the service refused, or None."""
        refused = next(iter(self._note_errors.items()), None)
        if refused is None and self._saves.waiting:
            key = self._saves.waiting_keys()[0]  # ("cell" or "note", cell code)
            code = str(key[1]) if isinstance(key, tuple) else str(key)
            return code, self.tr("basis data masih sibuk; perubahan ini belum tersimpan")
        return refused

    def discard_unsaved_notes(self) -> None:
        """Put back the saved text of every note not saved yet: the person chose to lose it."""
        self._note_timer.stop()
        codes = self._dirty_notes | set(self._note_errors)
        self._saves.forget([("note", code) for code in codes])
        self._note_errors.clear()
        for code in codes:
            editor = self.cell(code)
            editor.note.setPlainText(editor.saved.note)
            editor.set_note_error(None)
        self._dirty_notes.clear()
        self._update_save_state()

    def show_history(self) -> QWidget:
        """The audit trail of this assessment in a window of its own."""
        from ..safety.audit_view import open_audit_view

        return open_audit_view(self, self._database, self._assessment_id, lang=self._lang)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.setStyleSheet(form_style(QApplication.palette()))

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        # On a narrow window the cells need the room; the buttons' tooltips still say it.
        self.scale_panel.setVisible(self.width() >= SCALE_PANEL_MIN_WIDTH)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.save_pending()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once and self._current is not None:
            self._shown_once = True
            code = self._current
            QTimer.singleShot(0, self, lambda: self.focus_cell(code))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.save_pending():
            event.ignore()  # closing now would throw the typed note away
            self._show_unsaved_note(self.tr("Catatan belum tersimpan"))
            return
        super().closeEvent(event)

    def _show_unsaved_note(self, title: str) -> None:
        """Point at the first note the service refused, and say why."""
        code = next(iter(self._note_errors))
        self.focus_cell(code, into_note=True)
        self._show_message(QMessageBox.Icon.Warning, title,
                           self.tr("Catatan pada sel {code} belum tersimpan: {message}").format(
                               code=self.cell_words(code), message=self._note_errors[code]))

    # ------------------------------------------------------------------ finalise / reopen

    def _show_message(self, icon: QMessageBox.Icon, title: str, text: str,
                      details: str = "") -> QMessageBox:
        box = show_message(self, title, text, icon=icon)
        if details:
            box.setInformativeText(details)
        self.message_box = box
        return box

    def request_finalise(self) -> None:
        """Finalise after a confirmation; refused, listing the unrated cells, while incomplete."""
        if not self.is_editable:
            return
        if not self.save_pending():
            self._show_unsaved_note(self.tr("Belum bisa difinalisasi"))
            return
        missing = [code for code in self._order() if not self._ratings[code].answered]
        if missing:
            self._show_incomplete(sorted(missing))
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Finalisasi penilaian"),
                          self.tr("Finalisasi penilaian {period} untuk {warong}?").format(
                              period=self._summary.period, warong=self._summary.warong_name),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr(
            "Setelah final, nilai tidak bisa diubah lagi kecuali penilaian dibuka kembali "
            "dengan alasan."))
        confirm = box.addButton(self.tr("Finalisasi"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(confirm)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._finalise() if button is confirm else None)
        self.message_box = box
        box.open()

    def _show_incomplete(self, missing: list[str]) -> None:
        lines = []
        carried = [code for code in missing if code in self._proposals]
        for role in range(1, ROLE_COUNT + 1):
            names = []
            for code in missing:
                cell = self._instrument.cells[code]
                if cell.role != role:
                    continue
                name = self._instrument.area(cell.area).short.get(self._lang)
                if code in self._proposals:
                    name += " " + self.tr("(usulan semester lalu, belum dikonfirmasi)")
                names.append(name)
            if names:
                lines.append(f"{role_label(self._instrument.role(role), self._lang)}: "
                             + "; ".join(names))
        if carried:
            lines.append("")
            lines.append(self.tr("{count} di antaranya masih usulan dari semester lalu: tekan "
                                 "Spasi pada sel itu untuk memakainya, atau pilih tingkat lain.")
                         .format(count=len(carried)))
        first = next(code for code in self._order() if code in missing)
        self.focus_cell(first)
        box = self._show_message(
            QMessageBox.Icon.Warning, self.tr("Belum bisa difinalisasi"),
            self.tr("{count} sel belum dinilai:").format(count=len(missing)),
            "\n".join(lines) + "\n\n" + self.tr(
                "Beri tingkat 0–4 atau tandai TB (tidak berlaku) pada sel-sel ini, lalu "
                "finalisasi lagi."))
        box.finished.connect(lambda _result: self.focus_cell(first))

    def _finalise(self) -> None:
        try:
            summary = store.save(self._database, assessments.finalise, self._assessment_id,
                                 editor_id=self._editor_id)
        except IncompleteAssessmentError as exc:
            self._show_incomplete(exc.missing_cells)
            return
        except SAVE_ERRORS as exc:
            self._show_message(QMessageBox.Icon.Critical, self.tr("Finalisasi gagal"),
                               self._error_text(exc))
            return
        self._summary = summary
        self._apply_state()
        if self._current is not None:
            self.focus_cell(self._current)
        self.changed.emit()
        self.finalised.emit()

    def request_reopen(self) -> None:
        """Ask for a reason, then turn the final assessment back into a draft."""
        if not (self._summary.is_final and self.is_owner):
            return
        dialog = ReopenDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda reason: self._reopen(dialog, reason))
        self.reopen_dialog = dialog
        dialog.open()

    def _reopen(self, dialog: ReopenDialog, reason: str) -> None:
        try:
            summary = store.save(self._database, assessments.reopen, self._assessment_id, reason,
                                 editor_id=self._editor_id)
        except SAVE_ERRORS as exc:
            dialog.show_error(self._error_text(exc))
            return
        dialog.accept()
        self._summary = summary
        self._apply_state()
        self.changed.emit()
        if self._current is not None:
            self.focus_cell(self._current)
