"""What a feature's screens and menus may ask of the program's shell, as protocols.

The exchange, report and safety actions are installed by ``app.Application`` into each
``main_window.MainWindow``; they depend on these small types (``MainWindow`` derives from
``ShellWindow``; ``Application`` fits ``Shell``), not on those classes, so neither side
imports the other.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QWidget

    from ..services.advisors import AdvisorInfo
    from ..services.store import Database
    from .settings import Settings


class ShellWindow(QMainWindow):
    """The main window as the feature menus see it (``main_window.MainWindow`` is one):
    a ``QMainWindow`` with the open database, its menus and a few services."""

    database: Database
    settings: Settings
    lang: str
    advisor_id: uuid.UUID
    advisor: AdvisorInfo | None
    data_menu: QMenu
    reports_menu: QMenu

    def add_menu_action(self, menu: QMenu, action: QAction) -> None:
        raise NotImplementedError

    def reload_from_database(self) -> None:
        raise NotImplementedError

    def close_open_windows(self, *, then: Callable[[], object] | None = None) -> bool:
        raise NotImplementedError


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
