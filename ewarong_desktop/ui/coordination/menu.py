"""The Koordinator menu of each main window, and who is using the program.

``window.coordination.actor`` is the ``services.access.Actor`` every coordinator screen passes on to
the services: the advisor the window is opened as, or, after "Masuk mode koordinator…"
and a right PIN, a coordinator. The status bar and the window title say which; leaving
coordinator mode goes back to the advisor. In coordinator mode the summary screen and
the batch of profiles open limited to the coordinator's region.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QWidget

from ...services import access, advisors, coordinators, screens, store
from ..operations import ADVISOR, announce
from ..widgets.common import show_message
from .people import CoordinatorDialog, PinDialog, SetPinDialog, confirm_advisor

if TYPE_CHECKING:
    from ..shell import Shell, ShellWindow

COORDINATOR_STYLE = ("QLabel { background: #1d3f73; color: #ffffff; padding: 1px 8px; "
                     "border-radius: 3px; font-weight: bold; }")


class CoordinationActions(QObject):
    """Coordinator mode, verification, plans and targets for one main window."""

    def __init__(self, controller: Shell, window: ShellWindow):
        super().__init__(window)
        self.controller = controller
        self.window = window
        self.coordinator: access.Actor | None = None
        self.dialog: QDialog | None = None
        self.views: dict[tuple[str, uuid.UUID], QWidget] = {}
        self.mode_label = QLabel(window)
        self.mode_label.setObjectName("coordinatorMode")
        self.mode_label.setStyleSheet(COORDINATOR_STYLE)
        self.mode_label.hide()
        window.statusBar().addPermanentWidget(self.mode_label)

        self.menu = QMenu(self.tr("&Koordinator"), window)
        self.enter_action = QAction(self.tr("&Masuk mode koordinator…"), window)
        self.leave_action = QAction(self.tr("&Keluar dari mode koordinator"), window)
        self.add_action = QAction(self.tr("&Tambah koordinator…"), window)
        self.pin_action = QAction(self.tr("Atur &PIN saya…"), window)
        self.verify_action = QAction(self.tr("&Verifikasi penilaian terpilih…"), window)
        self.plan_action = QAction(self.tr("&Rencana pengembangan…"), window)
        self.targets_action = QAction(self.tr("T&arget…"), window)
        self.verify_action.setStatusTip(self.tr(
            "Periksa penilaian final pendamping sel demi sel, lalu tandai terverifikasi."))
        self.plan_action.setStatusTip(self.tr(
            "Sepakati 2–6 tindakan sesudah verifikasi dan catat tindak lanjut semester lalu."))
        for action in (self.enter_action, self.leave_action, self.add_action, self.pin_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.verify_action, self.plan_action, self.targets_action):
            self.menu.addAction(action)
        bar = window.menuBar()
        # Before Pengguna, Bahasa and Bantuan, which stay the last three menus.
        switch = getattr(window, "switch_advisor_action", None)
        user = next((action for action in bar.actions()
                     if isinstance(menu := action.menu(), QMenu) and switch in menu.actions()),
                    None)
        if user is not None:
            bar.insertMenu(user, self.menu)
        else:
            bar.addMenu(self.menu)
        self.enter_action.triggered.connect(self.enter)
        self.leave_action.triggered.connect(self.leave)
        self.add_action.triggered.connect(self.add_coordinator)
        self.pin_action.triggered.connect(self.set_pin)
        self.verify_action.triggered.connect(lambda _checked=False: self.verify())
        self.plan_action.triggered.connect(lambda _checked=False: self.plan())
        self.targets_action.triggered.connect(self.targets)
        report_actions: Any = getattr(window, "report_actions", None)
        if report_actions is not None:  # installed before this menu: open them in scope
            report_actions.summary_action.triggered.connect(
                lambda _checked=False: self._limit(report_actions.summary_screen))
            report_actions.batch_action.triggered.connect(
                lambda _checked=False: self._limit(report_actions.batch_dialog))
        self._show_mode()
        self.start_dialog: QDialog | None = None
        # Opened as the advisor last used on this laptop: ask their PIN first, if they set one.
        QTimer.singleShot(0, self.check_start)

    # --- who is using the program --------------------------------------------------------
    @property
    def actor(self) -> access.Actor:
        """A coordinator in coordinator mode, else the advisor the window is opened as."""
        if self.coordinator is not None:
            return self.coordinator
        name = self.window.advisor.name if self.window.advisor else ""
        return access.Actor(access.ADVISOR, self.window.advisor_id, name)

    def check_start(self) -> PinDialog | None:
        """Lock the window until the advisor it opened as types their PIN (when they have one);
        "Batal" offers to choose another person instead."""
        window = self.window
        if not access.has_pin(window.database, access.ADVISOR, window.advisor_id):
            return None
        self._lock(True)
        name = window.advisor.name if window.advisor else ""
        dialog = PinDialog(window.database, access.ADVISOR, person_id=window.advisor_id,
                           person_name=name, lang=self.controller.lang, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.entered.connect(lambda _actor: self._lock(False))
        dialog.rejected.connect(self._ask_who)
        self.start_dialog = dialog
        dialog.open()
        return dialog

    def _lock(self, locked: bool) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(not locked)
        self.window.menuBar().setEnabled(not locked)

    def _ask_who(self) -> None:
        from ..setup_dialog import SetupDialog

        dialog = SetupDialog(self.window.database, self.controller.lang, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.advisor_chosen.connect(self._chosen_at_start)
        dialog.rejected.connect(self.check_start)  # back to the PIN of the last user
        self.start_dialog = dialog
        dialog.open()

    def _chosen_at_start(self, advisor_id: uuid.UUID) -> None:
        name = store.read(self.window.database, advisors.get_advisor, advisor_id).name
        pin = confirm_advisor(self.window.database, None, advisor_id, name, self.window,
                              self._unlocked_as)
        if pin is not None:
            pin.rejected.connect(self._ask_who)
            self.start_dialog = pin

    def _unlocked_as(self, advisor_id: uuid.UUID) -> None:
        self.window._use_advisor(advisor_id)  # type: ignore[attr-defined]
        self._lock(False)
        self._show_mode()

    def enter(self) -> PinDialog | CoordinatorDialog:
        """Ask for a coordinator's PIN; with no coordinator yet, offer to add the first."""
        if not coordinators.list_coordinators(self.window.database):
            return self.add_coordinator()
        dialog = PinDialog(self.window.database, access.COORDINATOR, lang=self.controller.lang,
                           parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.entered.connect(self._entered)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _entered(self, actor: access.Actor) -> None:
        self.coordinator = actor
        self._show_mode()
        announce({ADVISOR})  # lists re-read what they show for the new user

    def leave(self) -> None:
        self.coordinator = None
        for view in list(self.views.values()):
            view.close()
        self._show_mode()
        announce({ADVISOR})

    def _show_mode(self) -> None:
        coordinator = self.coordinator
        self.leave_action.setEnabled(coordinator is not None)
        self.enter_action.setEnabled(coordinator is None)
        base = self.window.windowTitle().split(self.tr(" — Koordinator: "))[0]
        if coordinator is None:
            self.mode_label.hide()
            self.window.setWindowTitle(base)
            return
        scope = (self.tr("seluruh provinsi") if coordinator.whole_province
                 else ", ".join(sorted(coordinator.kabupaten)))
        self.mode_label.setText(self.tr("Mode koordinator: {name} ({scope})").format(
            name=coordinator.name, scope=scope))
        self.mode_label.show()
        self.window.setWindowTitle(base + self.tr(" — Koordinator: ") + coordinator.name)

    def add_coordinator(self) -> CoordinatorDialog:
        places = screens.places(self.window.database).kabupaten
        dialog = CoordinatorDialog(self.window.database, self.coordinator, places, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_pin(self) -> SetPinDialog:
        dialog = SetPinDialog(self.window.database, self.actor, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- the coordinator's screens -------------------------------------------------------
    def _need_coordinator(self) -> access.Actor | None:
        if self.coordinator is None:
            show_message(self.window, self.tr("Mode koordinator"), self.tr(
                "Hanya koordinator yang dapat melakukan ini. Masuk mode koordinator dengan PIN "
                "Anda dulu (menu Koordinator)."))
        return self.coordinator

    def _selected(self) -> Any:
        summary = self.window.selected_assessment()  # type: ignore[attr-defined]
        if summary is None:
            show_message(self.window, self.tr("Pilih penilaian"), self.tr(
                "Pilih dulu sebuah penilaian di daftar penilaian e-Warong."),
                icon=QMessageBox.Icon.Information)
        return summary

    def verify(self, assessment_id: uuid.UUID | None = None) -> QWidget | None:
        actor = self._need_coordinator()
        if actor is None:
            return None
        if assessment_id is None:
            summary = self._selected()
            if summary is None:
                return None
            assessment_id = summary.id
        key = ("verify", assessment_id)
        if key in self.views:
            view = self.views[key]
            view.raise_()
            view.activateWindow()
            return view
        from .verification_form import VerificationForm

        form = VerificationForm(self.window.database, assessment_id, actor,
                                lang=self.controller.lang, parent=self.window)
        return self._show(key, form)

    def plan(self, assessment_id: uuid.UUID | None = None) -> QDialog | None:
        actor = self._need_coordinator()
        if actor is None:
            return None
        if assessment_id is None:
            summary = self._selected()
            if summary is None:
                return None
            assessment_id = summary.id
        from .plan_dialog import PlanDialog

        dialog = PlanDialog(self.window.database, assessment_id, actor,
                            lang=self.controller.lang, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def targets(self) -> QDialog:
        from .targets_dialog import CoordinatorTargetsDialog

        dialog = CoordinatorTargetsDialog(self.window.database, self.actor,
                                          lang=self.controller.lang, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _show(self, key: tuple[str, uuid.UUID], widget: QWidget) -> QWidget:
        widget.setWindowFlag(Qt.WindowType.Window, True)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        available = self.window.screen().availableGeometry()
        widget.resize(min(1280, available.width() - 40), min(800, available.height() - 60))
        self.views[key] = widget
        widget.destroyed.connect(lambda *_args: self.views.pop(key, None))
        widget.show()
        return widget

    def _limit(self, screen: Any) -> None:
        """A summary screen or batch dialog just opened: keep it to the coordinator's region."""
        if screen is None:
            return
        scope = coordinators.scope_for(self.coordinator)
        filters = screen.filters
        if filters.scope == scope:
            return
        filters.scope = scope
        if scope is not None and len(scope) == 1:
            try:
                filters.choose(period=filters.period.currentData(), kabupaten=next(iter(scope)))
            except KeyError:  # no assessment there yet: the scope still holds
                filters.changed.emit()
        else:
            filters.changed.emit()


def install_coordination_actions(controller: Shell, window: ShellWindow) -> CoordinationActions:
    """Give a new main window its Koordinator menu (connected to ``Application.window_changed``)."""
    window.coordination = CoordinationActions(controller, window)  # type: ignore[attr-defined]
    return window.coordination  # type: ignore[attr-defined, no-any-return]
