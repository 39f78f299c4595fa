"""Where the program keeps its files and finds its bundled resources."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

APP_NAME = "ewarong-desktop"
APP_AUTHOR = "ewarong"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, in a source checkout, an installed wheel or a frozen app."""
    candidates = []
    if hasattr(sys, "_MEIPASS"):  # PyInstaller bundle
        candidates.append(Path(sys._MEIPASS) / "resources")
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    for base in candidates:
        if base.is_dir():
            return base.joinpath(*parts)
    raise FileNotFoundError("the program's resources folder is missing; reinstall the program")


def data_dir() -> Path:
    """The user's data folder (database, backups), created on demand."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    """The embedded default database used when no --db is given."""
    return data_dir() / "ewarong.sqlite3"


def backup_dir_for(db_path: Path) -> Path:
    """Backups of one database file: a folder under the user's data folder.

    Named after the file's stem plus a short hash of its absolute path, so two databases
    called ``ewarong.sqlite3`` in different folders never share (or rotate away) each
    other's backups, while the folder name still says whose backups they are.
    """
    absolute = os.path.normcase(str(Path(db_path).resolve()))
    digest = hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return data_dir() / "backups" / f"{Path(db_path).stem}-{digest}"
