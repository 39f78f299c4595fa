"""Copies of a live SQLite database made through SQLite's online backup API.

A plain file copy of a database in WAL mode can miss committed pages still in the
``-wal`` file, or catch a page half-written; the backup API copies a consistent
snapshot while other connections keep working.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path


def backup_file(source: Path, destination: Path) -> Path:
    """Write a consistent copy of the database ``source`` to ``destination``.

    The copy is written beside the destination under a temporary name and renamed into
    place only when complete, so a failed backup never leaves a half-written file.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # The copy is a standalone file: no -wal beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return destination


def timestamped_name(db_path: Path, reason: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{db_path.stem}-{stamp}-{reason}.sqlite3"
