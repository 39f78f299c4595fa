"""The main window: e-Warong list on the left, the chosen e-Warong and its assessments on the right.

The window only calls services (each opens its own unit of work) and shows what they return.
The assessment form and the profile view open in windows of their own, imported when first
asked for so the shell starts without them.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..errors import UserError
from ..instrument import load_instrument, study_citation
from ..periods import period_name
from ..services import advisors, assessments, demo, screens, store, warongs
from ..services import validation as v
from ..services.advisors import AdvisorInfo
from ..services.assessments import AssessmentSummary
from ..services.store import Database
from ..services.warongs import WarongInfo
from . import theme
from .assessment.warong_dialog import WarongDialog, service_labels
from .change_watch import ChangeWatcher
from .i18n import LANGUAGE_NAMES
from .operations import ADVISOR, ASSESSMENT, CONFLICT, EVERYTHING, TARGET, WARONG, announce, data_changes
from .settings import LANGUAGES, Settings
from .setup_dialog import AdvisorEditDialog, SetupDialog
from .shell import ShellWindow
from .start_window import restore_window_geometry
from .widgets.common import ErrorLabel, dialog_buttons, fact_grid, heading_label, show_message
from .widgets.item_models import AssessmentTableModel, RecordRole, WarongFilter, WarongTableModel

if TYPE_CHECKING:
    from .assessment.form import AssessmentForm

SEARCH_DELAY_MS = 250  # wait for a pause in typing before filtering the list
PERIODS_AHEAD, PERIODS_BACK = 1, 5  # choices offered for a new assessment


@dataclass(frozen=True)
class ViewState:
    """What the person was looking at, carried over when the window is rebuilt."""

    warong_id: uuid.UUID | None
    search: str
    kecamatan: str | None
    only_mine: bool


class NewAssessmentDialog(QDialog):
    """Choose the period of a new assessment of the e-Warong, and whether to pre-fill it."""

    created = Signal(object)  # AssessmentSummary

    def __init__(self, database: Database, *, advisor_id: uuid.UUID, warong: WarongInfo,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.advisor_id = advisor_id
        self.warong = warong
        self.setWindowTitle(self.tr("Penilaian baru"))
        existing = screens.used_periods(database, advisor_id, warong.id)
        current = v.current_period()
        periods = [current]
        for _ in range(PERIODS_AHEAD):
            year, half = int(periods[0][:4]), int(periods[0][-1])
            periods.insert(0, f"{year}-S2" if half == 1 else f"{year + 1}-S1")
        while len(periods) < PERIODS_AHEAD + 1 + PERIODS_BACK:
            periods.append(v.previous_period(periods[-1]))

        self.period = QComboBox(self)
        for period in periods:
            label = period if period not in existing else self.tr("{period} (sudah ada)").format(
                period=period)
            self.period.addItem(label, period)
            # Periods already assessed cannot be started twice; open them from the list.
            model = self.period.model()
            assert isinstance(model, QStandardItemModel)  # a QComboBox's own model
            item = model.item(self.period.count() - 1)
            if item is not None:
                item.setEnabled(period not in existing)
        free = [p for p in periods if p not in existing]
        default = current if current in free else (free[0] if free else current)
        self.period.setCurrentIndex(periods.index(default))
        # Nothing is copied: last semester's answers are offered cell by cell in the form,
        # marked "dari semester lalu", and count only once the advisor confirms them.
        self.carry_note = QLabel(self.tr(
            "Penilaian dimulai kosong. Jawaban Anda semester lalu (bila ada) tampil di setiap "
            "sel sebagai usulan \"dari semester lalu\"; sel terhitung terisi setelah Anda "
            "memakainya (Spasi) atau memilih tingkat."), self)
        self.carry_note.setWordWrap(True)
        self.error = ErrorLabel(self)

        intro = QLabel(self.tr("Penilaian diri Anda untuk <b>{name}</b>.").format(
            name=html.escape(warong.name)), self)
        form = QFormLayout()
        form.addRow(self.tr("&Periode (semester):"), self.period)
        form.addRow("", self.carry_note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.tr("Mulai")))
        self.setMinimumWidth(420)

    def accept(self) -> None:
        try:
            summary = store.write(self.database, assessments.start_assessment,
                                  self.advisor_id, self.warong.id, self.period.currentData())
        except UserError as exc:
            self.error.show_error(exc)
            return
        self.created.emit(summary)
        super().accept()


class MainWindow(ShellWindow):
    """e-Warong list, details and assessments of the current advisor's database."""

    language_requested = Signal(str)  # "id" or "en"
    database_requested = Signal(str)  # path of a database file to open instead

    def __init__(self, database: Database, advisor_id: uuid.UUID, settings: Settings,
                 lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.lang = lang
        self.advisor_id = advisor_id
        self.advisor: AdvisorInfo | None = None
        self.is_demo = False  # a demo database: every window title says DATA CONTOH
        self.warong: WarongInfo | None = None
        self._windows: dict[tuple[str, uuid.UUID], QWidget] = {}
        self.unsaved_note_box: QMessageBox | None = None
        self.pin_dialog: QDialog | None = None  # an advisor's PIN asked before switching
        self.setObjectName("mainWindow")

        self.warong_model = WarongTableModel(database, self)
        self.assessment_model = AssessmentTableModel(database, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)

        self._build_actions()
        self._build_menus()
        self.setCentralWidget(self._build_central())
        self._build_status_bar()
        self._connect()

        self.set_advisor(advisor_id)
        self.reload_kecamatan()
        self.only_mine.setChecked(settings.only_mine)
        self.apply_filter()
        self._restore_geometry()
        self._update_actions()
        # Every save (here, in an operation, or by another window or program on the same
        # file) arrives as data_changed; the window reads again what it shows.
        data_changes().data_changed.connect(self._data_changed)
        self.change_watcher = ChangeWatcher(database, self)
        self.change_watcher.changed_elsewhere.connect(self._changed_elsewhere)

    # --- building ----------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.open_database_action = QAction(self.tr("&Buka basis data…"), self)
        self.open_database_action.setShortcut(QKeySequence.StandardKey.Open)
        self.quit_action = QAction(self.tr("&Keluar"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.add_warong_action = QAction(self.tr("&Tambah e-Warong…"), self)
        self.edit_warong_action = QAction(self.tr("&Ubah data e-Warong…"), self)
        self.new_assessment_action = QAction(self.tr("Penilaian &baru…"), self)
        self.new_assessment_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_assessment_action = QAction(self.tr("B&uka penilaian"), self)
        self.view_profile_action = QAction(self.tr("Lihat &profil"), self)
        self.find_action = QAction(self.tr("&Cari e-Warong"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.switch_advisor_action = QAction(self.tr("&Ganti pengguna…"), self)
        self.edit_profile_action = QAction(self.tr("&Ubah profil saya…"), self)
        self.about_action = QAction(self.tr("&Tentang e-Warong Desktop"), self)
        self.help_action = QAction(self.tr("&Panduan"), self)
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        # F1 works in the form and profile windows too, not only here.
        self.help_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.help_action.triggered.connect(self.open_help)
        self.help_window: QWidget | None = None
        self.theme_actions = QActionGroup(self)
        for code, name in ((theme.SYSTEM, self.tr("Ikuti &sistem")), (theme.LIGHT, self.tr("&Terang")),
                           (theme.DARK, self.tr("&Gelap"))):
            action = QAction(name, self.theme_actions)
            action.setCheckable(True)
            action.setChecked(code == self.settings.theme)
            action.setData(code)
        self.theme_actions.triggered.connect(lambda action: self.set_theme(action.data()))
        self.language_actions = QActionGroup(self)
        for code in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[code], self.language_actions)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.setData(code)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Berkas"))
        file_menu.addAction(self.open_database_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        warong_menu = bar.addMenu(self.tr("&e-Warong"))
        for action in (self.add_warong_action, self.edit_warong_action, self.find_action):
            warong_menu.addAction(action)
        assessment_menu = bar.addMenu(self.tr("&Penilaian"))
        for action in (self.new_assessment_action, self.open_assessment_action,
                       self.view_profile_action):
            assessment_menu.addAction(action)
        # Places for later features: printed reports (Laporan) and export, import and
        # backups (Data). Each stays hidden until an action is added with add_menu_action().
        self.reports_menu = bar.addMenu(self.tr("&Laporan"))
        self.data_menu = bar.addMenu(self.tr("&Data"))
        for menu in (self.reports_menu, self.data_menu):
            menu.menuAction().setVisible(False)
        user_menu = bar.addMenu(self.tr("Pen&gguna"))
        user_menu.addAction(self.switch_advisor_action)
        user_menu.addAction(self.edit_profile_action)
        language_menu = bar.addMenu(self.tr("B&ahasa"))
        language_menu.addActions(self.language_actions.actions())
        theme_menu = bar.addMenu(self.tr("Ta&mpilan"))
        theme_menu.addActions(self.theme_actions.actions())
        help_menu = bar.addMenu(self.tr("Ban&tuan"))
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def open_help(self) -> QWidget:
        """The guide (F1): roles, areas, scale, rating honestly, finalising, sending, backups."""
        if self.help_window is None:
            from .help_window import HelpWindow

            window = HelpWindow(self.lang, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_args: setattr(self, "help_window", None))
            self.help_window = window
        self.help_window.show()
        return self._raise(self.help_window)

    def set_theme(self, name: str) -> None:
        """Follow the system's theme or use the light or dark palette, now and next time."""
        self.settings.theme = name
        theme.apply_theme(name)
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == name)

    def add_menu_action(self, menu: QMenu, action: QAction) -> None:
        """Add a report or data action (``reports_menu``/``data_menu``) and show the menu."""
        menu.addAction(action)
        menu.menuAction().setVisible(True)

    def _build_central(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_warong_panel())
        splitter.addWidget(self._build_detail_panel())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 780])
        self.splitter = splitter
        return splitter

    def _build_warong_panel(self) -> QWidget:
        panel = QWidget(self)
        self.search = QLineEdit(panel)
        self.search.setPlaceholderText(self.tr("Cari nama e-Warong, KUBE atau kelurahan…"))
        self.search.setClearButtonEnabled(True)
        self.kecamatan = QComboBox(panel)
        self.kecamatan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.only_mine = QCheckBox(self.tr("Hanya yang saya dampingi"), panel)
        self.warong_view = self._table(panel, self.warong_model)
        header = self.warong_view.horizontalHeader()
        header.setSectionResizeMode(WarongTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(WarongTableModel.KELURAHAN, 130)
        header.resizeSection(WarongTableModel.KECAMATAN, 120)
        self.warong_count = QLabel(panel)
        add_button = QToolButton(panel)
        add_button.setDefaultAction(self.add_warong_action)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Kecamatan:"), panel))
        filters.addWidget(self.kecamatan, 1)
        filters.addWidget(self.only_mine)
        footer = QHBoxLayout()
        footer.addWidget(self.warong_count, 1)
        footer.addWidget(add_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.warong_view, 1)
        layout.addLayout(footer)
        return panel

    def _build_detail_panel(self) -> QWidget:
        self.detail_stack = QStackedWidget(self)
        self.empty_hint = QLabel(self.detail_stack)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setMargin(24)
        self.detail_stack.addWidget(self.empty_hint)

        page = QWidget(self.detail_stack)
        self.warong_title = heading_label("", page, scale=1.4)
        self.warong_subtitle = QLabel(page)
        self.warong_subtitle.setWordWrap(True)
        edit_button = QToolButton(page)
        edit_button.setDefaultAction(self.edit_warong_action)
        title_row = QHBoxLayout()
        title_column = QVBoxLayout()
        title_column.addWidget(self.warong_title)
        title_column.addWidget(self.warong_subtitle)
        title_row.addLayout(title_column, 1)
        title_row.addWidget(edit_button, 0, Qt.AlignmentFlag.AlignTop)

        facts = QGroupBox(self.tr("Data e-Warong"), page)
        grid = QGridLayout(facts)
        grid.setHorizontalSpacing(12)
        # Filled top to bottom, so each column reads as a group (place / the warung itself).
        self.fact_labels = fact_grid(grid, [
            ("address", self.tr("Alamat:")), ("kelurahan", self.tr("Kelurahan/desa:")),
            ("kecamatan", self.tr("Kecamatan:")), ("kabupaten", self.tr("Kabupaten/kota:")),
            ("founded", self.tr("Tahun berdiri:")), ("members", self.tr("Jumlah anggota:")),
            ("services", self.tr("Layanan:")), ("advisors", self.tr("Pendamping:")),
        ], facts, rows=4)

        assessments_box = QGroupBox(self.tr("Penilaian per periode"), page)
        self.assessment_view = self._table(assessments_box, self.assessment_model)
        header = self.assessment_view.horizontalHeader()
        header.setSectionResizeMode(AssessmentTableModel.ADVISOR, QHeaderView.ResizeMode.Stretch)
        for column, width in ((AssessmentTableModel.PERIOD, 90),
                              (AssessmentTableModel.ADVISOR_TYPE, 70),
                              (AssessmentTableModel.STATUS, 80),
                              (AssessmentTableModel.ANSWERED, 90)):
            header.resizeSection(column, width)
        self.assessment_hint = QLabel(assessments_box)
        self.assessment_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for action in (self.new_assessment_action, self.open_assessment_action,
                       self.view_profile_action):
            button = QToolButton(assessments_box)
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(assessments_box)
        box_layout.addWidget(self.assessment_view, 1)
        box_layout.addWidget(self.assessment_hint)
        box_layout.addLayout(buttons)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.addLayout(title_row)
        layout.addWidget(facts)
        layout.addWidget(assessments_box, 1)
        self.detail_stack.addWidget(page)
        self.detail_page = page
        return self.detail_stack

    def _table(self, parent: QWidget, model: WarongTableModel | AssessmentTableModel) -> QTableView:
        view = QTableView(parent)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        # Compact rows: a laptop screen shows about twenty e-Warongs at once.
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.horizontalHeader().setHighlightSections(False)
        view.setFrameShape(QFrame.Shape.StyledPanel)
        return view

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(self)
        self.database_label = QLabel(self)
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self.database_label.setText(self.tr("Basis data: {path}").format(path=self.database.path))
        if self.database.read_only:
            read_only = QLabel(self.tr("HANYA BACA"), self)
            read_only.setToolTip(self.tr(
                "Basis data ini dibuka hanya-baca: data bisa dilihat dan dicetak, tetapi tidak "
                "bisa diubah."))
            read_only.setStyleSheet("QLabel { background: #fff4d6; color: #5c3c00; "
                                    "border: 1px solid #d9a400; padding: 1px 6px; font-weight: bold; }")
            self.statusBar().addPermanentWidget(read_only)

    def _connect(self) -> None:
        self.open_database_action.triggered.connect(self.choose_database)
        self.quit_action.triggered.connect(self.close)
        self.add_warong_action.triggered.connect(self.add_warong)
        self.edit_warong_action.triggered.connect(self.edit_warong)
        self.new_assessment_action.triggered.connect(self.new_assessment)
        # triggered(bool) would land in open_assessment's optional argument
        self.open_assessment_action.triggered.connect(lambda _checked: self.open_assessment())
        self.view_profile_action.triggered.connect(lambda: self.view_profile())
        self.find_action.triggered.connect(self.focus_search)
        self.switch_advisor_action.triggered.connect(self.switch_advisor)
        self.edit_profile_action.triggered.connect(self.edit_profile)
        self.about_action.triggered.connect(self.show_about)
        self.language_actions.triggered.connect(self._language_chosen)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        # Enter or Down in the search box goes on to the results, so the keyboard never stalls there.
        self.search.returnPressed.connect(self.go_to_results)
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, self.go_to_results,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.kecamatan.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.only_mine.toggled.connect(self._only_mine_toggled)
        self.warong_view.selectionModel().currentRowChanged.connect(self._warong_row_changed)
        self.warong_view.doubleClicked.connect(lambda _index: self.edit_warong())
        self.assessment_view.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_actions())
        self.assessment_view.doubleClicked.connect(lambda _index: self.open_assessment())
        self.warong_model.modelReset.connect(self._update_count)
        self.assessment_model.modelReset.connect(self._update_assessment_hint)
        self.assessment_model.rowsInserted.connect(self._update_assessment_hint)

    # --- the current advisor -----------------------------------------------------------
    def set_advisor(self, advisor_id: uuid.UUID) -> None:
        """Act as this advisor from now on (after switching or editing the profile)."""
        self.advisor = store.read(self.database, advisors.get_advisor, advisor_id)
        self.is_demo = store.read(self.database, demo.is_demo)
        self.advisor_id = advisor_id
        self.assessment_model.current_advisor_id = advisor_id
        types = load_instrument().advisor_types
        kind = types[self.advisor.advisor_type].get(self.lang) if (
            self.advisor.advisor_type in types) else self.advisor.advisor_type
        self.user_label.setText(self.tr("Pengguna: {name} ({kind})").format(
            name=self.advisor.name, kind=kind))
        name = self.database.path.name if self.database.path else ""
        self.setWindowTitle(
            (self.tr("DATA CONTOH — ") if self.is_demo else "")
            + self.tr("e-Warong Desktop — {advisor} — {file}").format(
                advisor=self.advisor.name, file=name)
            + (self.tr(" (hanya baca)") if self.database.read_only else ""))
        if self.only_mine.isChecked():
            self.apply_filter()
        if self.warong is not None:
            self.show_warong(self.warong.id)

    def switch_advisor(self) -> None:
        dialog = SetupDialog(self.database, self.lang, self, current_advisor_id=self.advisor_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.advisor_chosen.connect(self._advisor_switched)
        dialog.open()

    def _advisor_switched(self, advisor_id: uuid.UUID) -> None:
        # An advisor protected by a PIN is only switched to after their PIN (issue 11).
        from .coordination.people import confirm_advisor

        name = store.read(self.database, advisors.get_advisor, advisor_id).name
        self.pin_dialog = confirm_advisor(self.database, self.advisor_id, advisor_id, name, self,
                                          self._use_advisor)

    def _use_advisor(self, advisor_id: uuid.UUID) -> None:
        if self.database.path is not None:
            self.settings.set_current_advisor(self.database.path, advisor_id)
        self.set_advisor(advisor_id)

    def edit_profile(self) -> None:
        dialog = AdvisorEditDialog(self.database, self.advisor_id, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda advisor: self.set_advisor(advisor.id))
        dialog.open()

    # --- the e-Warong list -------------------------------------------------------------
    def reload_kecamatan(self) -> None:
        """Refill the kecamatan filter (a new e-Warong may bring a new one), keeping the choice."""
        chosen = self.kecamatan.currentData()
        names = store.read(self.database, warongs.list_kecamatan)
        self.kecamatan.blockSignals(True)
        self.kecamatan.clear()
        self.kecamatan.addItem(self.tr("Semua kecamatan"), None)
        for name in names:
            self.kecamatan.addItem(name, name)
        self.kecamatan.setCurrentIndex(max(0, self.kecamatan.findData(chosen)))
        self.kecamatan.blockSignals(False)

    def current_filter(self) -> WarongFilter:
        return WarongFilter(search=self.search.text().strip(),
                            kecamatan=self.kecamatan.currentData(),
                            advisor_id=self.advisor_id if self.only_mine.isChecked() else None)

    def apply_filter(self) -> None:
        """Narrow the list to the search, kecamatan and "only mine"; keep the choice if listed."""
        self._search_timer.stop()
        keep = self.warong.id if self.warong is not None else None
        self.warong_model.set_filter(self.current_filter())
        if keep is not None and not self.select_warong(keep):
            self.show_warong(None)

    def go_to_results(self) -> None:
        """Apply the search now and move to the list, choosing its first e-Warong if none is."""
        self.apply_filter()
        if self.warong_model.rowCount() == 0:
            return
        self.warong_view.setFocus()
        if not self.warong_view.selectionModel().hasSelection():
            self.warong_view.selectRow(0)

    def _only_mine_toggled(self, checked: bool) -> None:
        self.settings.only_mine = checked
        self.apply_filter()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select_warong(self, warong_id: uuid.UUID) -> bool:
        """Select the e-Warong in the list if it is loaded; True when it was."""
        row = self.warong_model.row_of(warong_id)
        if row is None:
            return False
        index = self.warong_model.index(row, 0)
        self.warong_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.warong_view.scrollTo(index)
        return True

    def _warong_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = current.data(RecordRole) if current.isValid() else None
        if record is not None and (self.warong is None or record.id != self.warong.id):
            self.show_warong(record.id)

    def _update_count(self) -> None:
        total = self.warong_model.total()
        self.warong_count.setText(self.tr("{count} e-Warong").format(count=total))
        if total == 0 and self.warong is None:
            filtered = self.current_filter() != WarongFilter()
            self.empty_hint.setText(
                self.tr("Tidak ada e-Warong yang cocok dengan pencarian ini.") if filtered else
                self.tr("Belum ada e-Warong di basis data ini.\nKlik \u201cTambah e-Warong\u201d "
                        "untuk mencatat e-Warong yang Anda dampingi."))
        elif self.warong is None:
            self.empty_hint.setText(self.tr("Pilih sebuah e-Warong di daftar sebelah kiri."))

    # --- the chosen e-Warong -----------------------------------------------------------
    def show_warong(self, warong_id: uuid.UUID | None) -> None:
        """Show the e-Warong's details and assessments (None: the hint page)."""
        if warong_id is None:
            self.warong = None
            self.assessment_model.show_warong(None)
            self.detail_stack.setCurrentWidget(self.empty_hint)
            self._update_count()
            self._update_actions()
            return
        self.warong, companions = screens.warong_details(self.database, warong_id)
        warong = self.warong
        self.warong_title.setText(warong.name)
        self.warong_subtitle.setText(warong.kube_name or self.tr("(nama KUBE belum diisi)"))
        unknown = self.tr("—")
        services = service_labels()
        facts = {
            "address": warong.address or unknown,
            "kelurahan": warong.kelurahan or unknown,
            "kecamatan": warong.kecamatan or unknown,
            "kabupaten": ", ".join(p for p in (warong.kabupaten, warong.provinsi) if p) or unknown,
            "founded": str(warong.year_founded) if warong.year_founded else unknown,
            "members": (self.tr("{count} orang").format(count=warong.member_count)
                        if warong.member_count else unknown),
            "services": ", ".join(services.get(code, code) for code in warong.services) or unknown,
            "advisors": ", ".join(
                self.tr("{name} (Anda)").format(name=a.name) if a.id == self.advisor_id
                else a.name for a in companions) or unknown,
        }
        for key, text in facts.items():
            self.fact_labels[key].setText(text)
        self.detail_stack.setCurrentWidget(self.detail_page)
        self.assessment_model.show_warong(warong_id)
        if self.assessment_model.rowCount():
            self.assessment_view.selectRow(0)
        self._update_actions()

    def _update_assessment_hint(self) -> None:
        if self.warong is not None and self.assessment_model.rowCount() == 0:
            self.assessment_hint.setText(self.tr(
                "Belum ada penilaian untuk e-Warong ini. Klik \u201cPenilaian baru\u201d untuk "
                "menilai peran Anda pada semester ini."))
            self.assessment_hint.show()
        else:
            self.assessment_hint.hide()

    def selected_assessment(self) -> AssessmentSummary | None:
        rows = self.assessment_view.selectionModel().selectedRows()
        return rows[0].data(RecordRole) if rows else None

    def _update_actions(self) -> None:
        has_warong = self.warong is not None
        writable = not self.database.read_only  # a read-only file: look, print, change nothing
        summary = self.selected_assessment()
        self.add_warong_action.setEnabled(writable)
        self.edit_warong_action.setEnabled(has_warong and writable)
        self.new_assessment_action.setEnabled(has_warong and writable)
        self.edit_profile_action.setEnabled(writable)
        self.open_assessment_action.setEnabled(summary is not None)
        self.view_profile_action.setEnabled(summary is not None)
        if summary is not None and (summary.advisor_id != self.advisor_id or not writable):
            self.open_assessment_action.setText(self.tr("Lihat penilaian"))
        else:
            self.open_assessment_action.setText(self.tr("B&uka penilaian"))

    def add_warong(self) -> None:
        self._open_warong_dialog(None)

    def edit_warong(self) -> None:
        if self.warong is not None:
            self._open_warong_dialog(self.warong.id)

    def _open_warong_dialog(self, warong_id: uuid.UUID | None) -> WarongDialog:
        assert self.advisor is not None
        dialog = WarongDialog(self.database, advisor_id=self.advisor_id,
                              advisor_name=self.advisor.name, warong_id=warong_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._warong_saved)
        dialog.open()
        return dialog

    def _warong_saved(self, warong: WarongInfo) -> None:
        announce({WARONG})  # the lists (here: reload_from_database) and other screens
        self.show_warong(warong.id)
        self.select_warong(warong.id)  # shown even when the filter hides it from the list

    # --- assessments -------------------------------------------------------------------
    def new_assessment(self) -> None:
        if self.warong is None:
            return
        dialog = NewAssessmentDialog(self.database, advisor_id=self.advisor_id,
                                     warong=self.warong, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._assessment_created)
        dialog.open()

    def _assessment_created(self, summary: AssessmentSummary) -> None:
        self.refresh_assessments(select=summary.id)
        self.open_assessment(summary)

    def refresh_assessments(self, *, select: uuid.UUID | None = None) -> None:
        """Reload the assessments table (after a save elsewhere), keeping the selected row."""
        if self.warong is None:
            return
        if select is None:
            current = self.selected_assessment()
            select = current.id if current is not None else None
        self.assessment_model.refresh()
        row = self.assessment_model.row_of(select) if select is not None else None
        if row is not None:
            self.assessment_view.selectRow(row)
        self._update_actions()

    def open_assessment(self, summary: AssessmentSummary | None = None) -> QWidget | None:
        """The assessment form in its own window; read-only unless it is the advisor's own."""
        summary = summary or self.selected_assessment()
        if summary is None:
            return None
        key = ("form", summary.id)
        if key in self._windows:
            return self._raise(self._windows[key])
        from .assessment.form import AssessmentForm  # written alongside; loaded on first use

        form = AssessmentForm(self.database, summary.id,
                              editor_id=None if self.database.read_only else self.advisor_id,
                              lang=self.lang, parent=self)
        form.profile_requested.connect(lambda: self.view_profile(form.summary))
        title = self.tr("Penilaian {period} — {warong} — {advisor}").format(
            period=period_name(summary.period, self.lang), warong=summary.warong_name,
            advisor=summary.advisor_name)
        return self._show_window(key, form, title)

    def view_profile(self, summary: AssessmentSummary | None = None) -> QWidget | None:
        summary = summary or self.selected_assessment()
        if summary is None:
            return None
        key = ("profile", summary.id)
        if key in self._windows:
            return self._raise(self._windows[key])
        from .reports.profile_view import ProfileView  # written alongside; loaded on first use

        view = ProfileView(self.database, summary.id, lang=self.lang, parent=self)
        title = self.tr("Profil peran {period} — {warong} — {advisor}").format(
            period=period_name(summary.period, self.lang), warong=summary.warong_name,
            advisor=summary.advisor_name)
        return self._show_window(key, view, title)

    def _show_window(self, key: tuple[str, uuid.UUID], widget: QWidget, title: str) -> QWidget:
        # A child with the Window flag: its own frame, closed together with the main window.
        widget.setWindowFlag(Qt.WindowType.Window, True)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if not widget.windowTitle():
            widget.setWindowTitle((self.tr("DATA CONTOH — ") if self.is_demo else "") + title)
        screen = self.screen().availableGeometry()
        widget.resize(min(1280, screen.width() - 40), min(800, screen.height() - 60))
        self._windows[key] = widget
        widget.destroyed.connect(lambda *_args: self._windows.pop(key, None))
        widget.show()
        return widget

    @staticmethod
    def _raise(widget: QWidget) -> QWidget:
        widget.showNormal()
        widget.raise_()
        widget.activateWindow()
        return widget

    def open_windows(self) -> list[QWidget]:
        return list(self._windows.values())

    def _refresh_view(self, key: tuple[str, uuid.UUID]) -> None:
        view = self._windows.get(key)
        if view is not None and hasattr(view, "refresh"):
            try:
                view.refresh()
            except UserError:  # its assessment was removed meanwhile (another window)
                view.close()

    def _changed_elsewhere(self) -> None:
        announce(EVERYTHING)

    def _data_changed(self, kinds: frozenset[str]) -> None:
        """Read again what changed: everything after an import or another window's save, the
        assessments and open profiles after a rating, the profiles after new targets."""
        if kinds & {ADVISOR, WARONG, CONFLICT}:
            self.reload_from_database()
            return
        if ASSESSMENT in kinds:
            self.refresh_assessments()
        if kinds & {ASSESSMENT, TARGET}:
            for key in list(self._windows):
                if key[0] == "profile":
                    self._refresh_view(key)

    def reload_from_database(self) -> None:
        """Show what another window or program saved: the lists, the e-Warong and open profiles."""
        selected = self.selected_assessment()
        self.reload_kecamatan()
        # Rows may have come or gone under the same filter; apply_filter alone keeps the list.
        self.warong_model.refresh()
        self.apply_filter()
        if self.warong is not None:
            try:
                self.show_warong(self.warong.id)
            except UserError:  # removed meanwhile
                self.show_warong(None)
            else:
                self.refresh_assessments(select=selected.id if selected is not None else None)
        for key in list(self._windows):
            if key[0] == "profile":
                self._refresh_view(key)

    def close_open_windows(self, *, then: Callable[[], object] | None = None) -> bool:
        """Close the forms and profiles; False while a typed note cannot be saved.

        Then the person is asked: back to the note, or close without it (``then`` runs
        after that choice, e.g. closing the main window).
        """
        from .assessment.form import AssessmentForm

        for window in self.open_windows():
            if isinstance(window, AssessmentForm) and not window.save_pending():
                self._ask_about_unsaved_note(window, then)
                return False
        for window in self.open_windows():
            window.close()
        return True

    def _ask_about_unsaved_note(self, form: AssessmentForm,
                                then: Callable[[], object] | None) -> None:
        code, reason = form.refused_note() or ("", "")
        self._raise(form)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Catatan belum tersimpan"),
                          self.tr("Catatan pada sel {code} belum tersimpan.").format(code=code),
                          QMessageBox.StandardButton.NoButton, form)
        box.setInformativeText(self.tr(
            "{reason}\n\nKembali ke catatan untuk memperbaikinya atau menyalin teksnya, atau "
            "tutup tanpa catatan itu.").format(reason=reason))
        back = box.addButton(self.tr("Kembali ke catatan"), QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(self.tr("Tutup tanpa catatan ini"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if button is discard:
                form.discard_unsaved_notes()
                if then is not None:
                    then()
            else:
                form.focus_cell(code, into_note=True)

        box.buttonClicked.connect(answered)
        self.unsaved_note_box = box
        box.open()

    # --- file, language, help ----------------------------------------------------------
    def choose_database(self) -> None:
        dialog = QFileDialog(self, self.tr("Buka basis data e-Warong"),
                             self.settings.last_folder("database"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Basis data e-Warong (*.sqlite3 *.sqlite *.db)"),
                               self.tr("Semua berkas (*)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._database_chosen)
        dialog.open()

    def _database_chosen(self, path: str) -> None:
        if path:
            self.settings.set_last_folder("database", Path(path).parent)
            self.database_requested.emit(path)

    def _language_chosen(self, action: QAction) -> None:
        lang = action.data()
        if lang != self.lang:
            self.language_requested.emit(lang)

    def show_about(self) -> QMessageBox:
        instrument = load_instrument()
        text = self.tr(
            "<h3>e-Warong Desktop {version}</h3>"
            "<p>Penilaian diri peran pendamping sosial (Pendamping PKH, TKSK dan pendamping "
            "lain) dalam pengembangan usaha e-Warong KUBE.</p>"
            "<p><b>Instrumen:</b> {title}, versi {instrument_version}.<br>{source}</p>"
            "<p><b>Studi:</b> {citation}</p>"
            "<p>Semua data tersimpan di laptop ini, dalam berkas basis data:<br>{path}</p>"
        ).format(version=__version__, title=html.escape(instrument.title.get(self.lang)),
                 instrument_version=html.escape(instrument.version),
                 source=html.escape(instrument.source.get(self.lang)),
                 citation=html.escape(study_citation(self.lang)),
                 path=html.escape(str(self.database.path)))
        box = show_message(self, self.tr("Tentang e-Warong Desktop"), text,
                           icon=QMessageBox.Icon.Information)
        box.setTextFormat(Qt.TextFormat.RichText)
        return box

    # --- window state ------------------------------------------------------------------
    def view_state(self) -> ViewState:
        return ViewState(self.warong.id if self.warong else None, self.search.text(),
                         self.kecamatan.currentData(), self.only_mine.isChecked())

    def restore_view_state(self, state: ViewState) -> None:
        self.search.setText(state.search)
        index = self.kecamatan.findData(state.kecamatan)
        self.kecamatan.setCurrentIndex(max(0, index))
        self.only_mine.setChecked(state.only_mine)
        self.apply_filter()
        if state.warong_id is not None:
            try:
                self.show_warong(state.warong_id)
            except UserError:  # deleted meanwhile (another laptop's import)
                self.show_warong(None)
            else:
                self.select_warong(state.warong_id)

    def _restore_geometry(self) -> None:
        restore_window_geometry(self, self.settings)
        splitter = self.settings.splitter_state
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.splitter_state = self.splitter.saveState()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Forms save every change as it is made; only a note the service refused could be
        # lost, and then the person decides.
        if not self.close_open_windows(then=self.close):
            event.ignore()
            return
        self.save_state()
        self.change_watcher.stop()
        data_changes().data_changed.disconnect(self._data_changed)  # its database may close
        super().closeEvent(event)
