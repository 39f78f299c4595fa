"""What the program remembers on this laptop (QSettings), each setting declared once.

Every setting is a ``Setting`` on ``Settings`` with its key and default, so a reader finds
all of them here and a wrong or missing stored value falls back to the default instead of
breaking start-up. Tests pass their own ``QSettings`` (an ini file in a temporary folder).
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from ..paths import APP_AUTHOR, APP_NAME

T = TypeVar("T")

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
# Folders a file dialog starts in, one per kind of file the program reads or writes.
FOLDER_KINDS = ("database", "reports", "exchange", "backup")


class Setting(Generic[T]):
    """One stored value: its key, its default and its type (read back as that type)."""

    def __init__(self, key: str, default: T, kind: type, *, choices: tuple[Any, ...] = ()):
        self.key = key
        self.default = default
        self.kind = kind
        self.choices = choices

    def __get__(self, settings: Settings | None, owner: type) -> T:
        if settings is None:
            return self  # type: ignore[return-value]  # class access: the declaration itself
        return settings.read(self)

    def __set__(self, settings: Settings, value: T) -> None:
        settings.write(self, value)


class Settings:
    """Typed access to QSettings; construct with no argument for the user's real settings."""

    window_geometry = Setting("window/geometry", QByteArray(), QByteArray)
    window_state = Setting("window/state", QByteArray(), QByteArray)
    splitter_state = Setting("window/splitter", QByteArray(), QByteArray)
    last_database = Setting("database/last", "", str)
    language = Setting("ui/language", DEFAULT_LANGUAGE, str, choices=LANGUAGES)
    only_mine = Setting("ui/only_mine", False, bool)
    # "system" follows the desktop's theme; "light" and "dark" are the program's own palettes.
    theme = Setting("ui/theme", "system", str, choices=("system", "light", "dark"))
    # After a PDF report is saved: open it in the system's PDF viewer (or its folder).
    open_saved_reports = Setting("reports/open_after_saving", True, bool)

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)

    def read(self, setting: Setting[T]) -> T:
        if not self.store.contains(setting.key):
            return setting.default
        value = self.store.value(setting.key, setting.default, type=setting.kind)
        if setting.choices and value not in setting.choices:
            return setting.default
        return value  # type: ignore[no-any-return, return-value]

    def write(self, setting: Setting[T], value: T) -> None:
        self.store.setValue(setting.key, value)

    # --- per database file -------------------------------------------------------------
    @staticmethod
    def _database_key(path: Path) -> str:
        # A hash keeps the key free of the slashes QSettings would read as groups.
        digest = hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:16]
        return f"advisor_by_database/{digest}"

    def current_advisor(self, database_path: Path) -> uuid.UUID | None:
        """The advisor who uses this laptop with this database file, if one was chosen."""
        text = str(self.store.value(self._database_key(database_path), "", type=str) or "")
        try:
            return uuid.UUID(text) if text else None
        except ValueError:
            return None

    def set_current_advisor(self, database_path: Path, advisor_id: uuid.UUID | None) -> None:
        key = self._database_key(database_path)
        if advisor_id is None:
            self.store.remove(key)
        else:
            self.store.setValue(key, str(advisor_id))

    # --- file dialogs ------------------------------------------------------------------
    def last_folder(self, kind: str) -> str:
        """The folder a file dialog for ``kind`` (see FOLDER_KINDS) opened last, else home."""
        if kind not in FOLDER_KINDS:
            raise KeyError(f"unknown folder kind {kind!r}; add it to FOLDER_KINDS")
        folder = str(self.store.value(f"folders/{kind}", "", type=str) or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def set_last_folder(self, kind: str, folder: str | Path) -> None:
        if kind not in FOLDER_KINDS:
            raise KeyError(f"unknown folder kind {kind!r}; add it to FOLDER_KINDS")
        self.store.setValue(f"folders/{kind}", str(folder))

    def sync(self) -> None:
        self.store.sync()
