"""Keeping the advisor's file safe: check it, back it up, restore it, set damage aside.

Plain functions over file paths for the window and the command line; none of them
needs an open ``Database``, and all of them may run while another window has the
database open. Errors are ``DatabaseError`` subclasses whose message says what to do.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..db import backup as _backup
from ..db import health as _health
from ..db.backup import BackupInfo, database_error
from ..db.health import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DiskFullError,
    Health,
)
from ..errors import DatabaseError, DatabaseTooNewError

__all__ = [
    "BackupInfo", "DatabaseBusyError", "DatabaseDamagedError", "DatabaseReadOnlyError",
    "DiskFullError", "Health", "RestoreResult", "backup_now", "backup_to", "check_database",
    "list_backups", "move_aside", "newest_good_backup", "restore",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the file now holding the backup's data, where that came from,
    the copy taken of the previous (sound) file, and the damaged files renamed aside."""

    database: Path
    restored_from: Path
    safety_backup: BackupInfo | None
    moved_aside: tuple[Path, ...]


def check_database(path: str | Path) -> Health:
    """Check a database file without changing it: header, length, SQLite's quick_check and
    foreign_key_check, and what it holds. ``Health.ok`` is True for a sound e-Warong file."""
    return _health.check_database(path)


def move_aside(path: str | Path) -> list[Path]:
    """Rename a damaged database and its ``-wal``/``-shm`` with a timestamp; nothing is deleted.

    Returns the new paths. Fails with a ``DatabaseError`` when the folder cannot be
    written or another program holds the file open.
    """
    path = Path(path)
    try:
        return _health.move_aside(path)
    except OSError as exc:
        raise DatabaseError(
            f"cannot move {path} aside ({exc.strerror or exc}); close every window and program "
            "using it, and make sure its folder can be written",
            id=f"{path} tidak dapat disisihkan ({exc.strerror or exc}); tutup semua jendela dan "
               "program yang memakainya, dan pastikan foldernya dapat ditulisi") from exc


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The backups of ``db_path`` in its backup folder, newest first."""
    return _backup.list_backups(Path(db_path))


def newest_good_backup(db_path: str | Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes the integrity checks, or None."""
    return _backup.newest_good_backup(Path(db_path))


def backup_now(db_path: str | Path, reason: str = "manual") -> BackupInfo:
    """Back the database up now ("Cadangkan sekarang"; also before an import), then rotate.

    Rotation keeps the last 10 backups plus the newest of each of the last 30 days.
    ``reason`` is part of the file name: manual, daily, pre-import, pre-restore...
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise _health.missing_database(db_path)
    return _backup.take_backup(db_path, reason)


def backup_to(db_path: str | Path, destination: str | Path) -> Path:
    """Back the database up to a file the person chose (a USB stick, say); never overwrites."""
    db_path, destination = Path(db_path), Path(destination)
    if not db_path.is_file():
        raise _health.missing_database(db_path)
    if destination.exists() or destination.is_symlink():
        raise DatabaseError(f"{destination} already exists; choose a new file name",
                            id=f"{destination} sudah ada; pilih nama berkas baru")
    from ..output_files import check_output_folder

    # Like every other output: the folder must exist (a mistyped USB-stick path is
    # refused, not created).
    check_output_folder(destination.parent if str(destination.parent) else Path("."))
    return _backup.backup_file(db_path, destination)


def _check_restorable(backup_path: Path, db_path: Path) -> Health:
    if not backup_path.is_file():
        raise DatabaseError(f"backup {backup_path} does not exist; choose a backup file",
                            id=f"cadangan {backup_path} tidak ada; pilih berkas cadangan")
    if db_path.exists() and backup_path.resolve() == db_path.resolve():
        raise DatabaseError(f"{backup_path} is the database itself; choose one of its backups",
                            id=f"{backup_path} adalah basis data itu sendiri; pilih salah satu "
                               "cadangannya")
    candidate = _health.check_database(backup_path)
    if not candidate.ok:
        raise DatabaseError(
            f"{backup_path} cannot be restored: {candidate.summary}; choose another backup "
            "(nothing was changed)",
            id=f"{backup_path} tidak dapat dipulihkan: {candidate.summary_text('id')}; pilih "
               "cadangan lain (tidak ada yang diubah)")
    from ..db.migrations import HEAD_REVISION, known_revisions

    if candidate.revision != HEAD_REVISION and candidate.revision not in known_revisions():
        raise DatabaseTooNewError(
            f"{backup_path} was written by a newer version of e-Warong Desktop; install that "
            "version to restore it (nothing was changed)",
            id=f"{backup_path} ditulis oleh e-Warong Desktop versi yang lebih baru; pasang versi "
               "itu untuk memulihkannya (tidak ada yang diubah)")
    return candidate


def _copy_into_place(backup_path: Path, db_path: Path) -> None:
    """Overwrite the live database's contents with the backup's, in one SQLite transaction.

    Done through the backup API rather than by replacing the file, so a window that
    has the database open reads the restored data instead of writing on into a file
    that was swapped away under it.
    """
    source = _health.open_for_reading(backup_path)
    try:
        target = sqlite3.connect(db_path, timeout=30, isolation_level=None)
        try:
            target_page = target.execute("PRAGMA page_size").fetchone()[0]
            source_page = source.execute("PRAGMA page_size").fetchone()[0]
            if target_page != source_page:
                raise DatabaseError(
                    f"{backup_path} was not made by this program (page size {source_page}, "
                    f"not {target_page}); choose one of the program's own backups",
                    id=f"{backup_path} tidak dibuat oleh program ini (ukuran halaman "
                       f"{source_page}, bukan {target_page}); pilih salah satu cadangan "
                       "buatan program ini")
            source.backup(target)
            problems = _health.sqlite_problems(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        translated = database_error(exc, db_path)
        raise (translated or DatabaseError(
            f"restoring into {db_path} failed: {exc}",
            id=f"pemulihan ke {db_path} gagal: {exc}")) from exc
    finally:
        source.close()
    if problems:
        raise DatabaseError(f"the restored {db_path} fails its check ({problems[0]}); "
                            "restore an older backup",
                            id=f"{db_path} yang dipulihkan tidak lolos pemeriksaan ({problems[0]}); "
                               "pulihkan cadangan yang lebih lama")


def restore(db_path: str | Path, backup_path: str | Path) -> RestoreResult:
    """Put the contents of ``backup_path`` into ``db_path``.

    The backup is checked first (nothing changes if it fails). A sound current file is
    itself backed up ("pre-restore") and then overwritten through SQLite's backup API;
    a damaged one is moved aside with its ``-wal``/``-shm`` (kept for inspection) and the
    backup copied into its place. The next open runs the full integrity check.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    _check_restorable(backup_path, db_path)
    current = _health.check_database(db_path)
    if current.kind in ("not_file", "unreadable"):
        raise DatabaseError(f"cannot restore into {db_path}: {current.summary}",
                            id=f"tidak dapat memulihkan ke {db_path}: {current.summary_text('id')}")
    safety_backup: BackupInfo | None = None
    moved: list[Path] = []
    if current.kind in ("ok", "not_ewarong"):
        safety_backup = _backup.take_backup(db_path, "pre-restore")
        _copy_into_place(backup_path, db_path)
    else:
        # Copy first, under a temporary name: if that fails (a full disk) the damaged file
        # is still where the person left it, not gone from its place.
        staged = _backup.backup_file(backup_path, db_path.with_name(db_path.name + ".restoring"))
        if current.kind != "missing":
            try:
                moved = move_aside(db_path)
            except DatabaseError:
                staged.unlink(missing_ok=True)
                raise
        os.replace(staged, db_path)
    _health.forget_check(db_path)
    log.warning("restored %s from %s (previous copy: %s; moved aside: %s)", db_path, backup_path,
                safety_backup.path if safety_backup else None, [str(p) for p in moved])
    return RestoreResult(db_path, backup_path, safety_backup, tuple(moved))
