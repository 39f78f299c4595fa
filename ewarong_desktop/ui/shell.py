"""What a feature's screens and menus may ask of the program's shell, as protocols.

The exchange, report and safety actions are installed by ``app.Application`` into each
``main_window.MainWindow``; they depend on these small protocols, not on those classes,
so neither side imports the other (and a test can hand them a stand-in).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QScreen
    from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

    from ..services.advisors import AdvisorInfo
    from ..services.store import Database
    from .settings import Settings


class ShellWindow(Protocol):
    """The main window as the feature menus see it."""

    @property
    def database(self) -> Database: ...
    @property
    def settings(self) -> Settings: ...
    @property
    def lang(self) -> str: ...
    @property
    def advisor_id(self) -> uuid.UUID: ...
    @property
    def advisor(self) -> AdvisorInfo | None: ...
    @property
    def data_menu(self) -> QMenu: ...
    @property
    def reports_menu(self) -> QMenu: ...

    def add_menu_action(self, menu: QMenu, action: QAction) -> None: ...
    def reload_from_database(self) -> None: ...
    def close_open_windows(self, *, then: Callable[[], None] | None = None) -> bool: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
    def screen(self) -> QScreen: ...


class Shell(Protocol):
    """The application as the feature menus see it: language, settings, switching files."""

    @property
    def lang(self) -> str: ...
    @property
    def settings(self) -> Settings: ...
    @property
    def window(self) -> QWidget | None: ...
    @property
    def setup_dialog(self) -> QWidget | None: ...

    def open_other_database(self, path: str | Path) -> None: ...
