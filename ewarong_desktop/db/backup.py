"""Copies of a live SQLite database made through SQLite's online backup API, and their rotation.

A plain file copy of a database in WAL mode can miss committed pages still in the
``-wal`` file, or catch a page half-written; the backup API copies a consistent
snapshot while other connections keep working.

Backups of one database live in ``paths.backup_dir_for(db)`` and are named
``STEM-YYYYMMDDTHHMMSSffffffZ-REASON.sqlite3`` (UTC), so the folder sorts by time and
the name alone says when and why a copy was made.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..errors import DatabaseError
from .health import (
    SIDE_FILES,
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DiskFullError,
    check_database,
    disk_is_full,
    forget_check,
    is_io_error,
    open_for_reading,
    side_file,
    sqlite_problems,
)

log = logging.getLogger(__name__)

KEEP_LATEST = 10  # the last ten backups, whatever their age
KEEP_DAILY_DAYS = 30  # plus the newest backup of each of the last thirty days
BACKUP_INTERVAL = timedelta(days=1)  # start-up backup when the newest is older than this
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z][a-z-]*)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when (UTC) and why it was taken, its size in bytes."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def _write_error(exc: OSError | sqlite3.Error, source: Path, destination: Path) -> DatabaseError:
    os_errno = exc.errno if isinstance(exc, OSError) else None
    name = getattr(exc, "sqlite_errorname", "") or ""
    if os_errno == errno.ENOSPC or name.startswith("SQLITE_FULL") or "disk is full" in str(exc):
        return DiskFullError(destination)
    if is_io_error(exc) and (disk_is_full(destination) or disk_is_full(source)):
        return DiskFullError(destination if disk_is_full(destination) else source)
    if isinstance(exc, OSError) or name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return DatabaseError(
            f"cannot write the backup in {destination.parent} ({reason}); make sure that "
            "folder can be written, or choose another place for the backup",
            id=f"cadangan tidak dapat ditulis di {destination.parent} ({reason}); pastikan "
               "folder itu dapat ditulisi, atau pilih tempat lain untuk cadangan")
    return DatabaseError(f"backing up {source} failed: {exc}",
                         id=f"pencadangan {source} gagal: {exc}")


def backup_file(source: Path, destination: Path) -> Path:
    """Write a consistent, checked copy of the database ``source`` to ``destination``.

    The copy is written beside the destination under a temporary name, checked with
    ``quick_check`` and renamed into place only when complete and sound, so a failed
    backup never leaves a half-written file and a damaged database never produces a
    "good" backup. ``source`` is only read.
    """
    source, destination = Path(source), Path(destination)
    partial = destination.with_name(destination.name + ".partial")
    try:
        src = open_for_reading(source)
    except sqlite3.Error as exc:
        raise (database_error(exc, source) or DatabaseError(
            f"cannot read {source}: {exc}", id=f"{source} tidak dapat dibaca: {exc}")) from exc
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                # A temporary file, thrown away if anything fails: no journal needed.
                dst.execute("PRAGMA journal_mode = OFF")
                src.backup(dst)
                # The copy is a standalone file: no -wal beside it.
                dst.execute("PRAGMA journal_mode = DELETE")
                problems = sqlite_problems(dst, links=False)
            finally:
                dst.close()
        finally:
            src.close()
        if problems:
            raise DatabaseDamagedError(
                source, f"SQLite found damage while copying it ({problems[0]})",
                newest_good_backup(source),
                id=f"SQLite menemukan kerusakan saat menyalinnya ({problems[0]})")
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    except (OSError, sqlite3.Error) as exc:
        _discard(partial)
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            raise DatabaseDamagedError(source, f"SQLite cannot read it ({exc})",
                                       newest_good_backup(source),
                                       id=f"SQLite tidak dapat membacanya ({exc})") from exc
        raise _write_error(exc, source, destination) from exc
    except BaseException:
        _discard(partial)
        raise
    return destination


def _discard(partial: Path) -> None:
    for leftover in (partial, *(side_file(partial, suffix) for suffix in SIDE_FILES)):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove the unfinished backup %s", leftover)


def timestamped_name(db_path: Path, reason: str) -> str:
    stamp = datetime.now(UTC).strftime(STAMP_FORMAT)
    return f"{db_path.stem}-{stamp}-{reason}.sqlite3"


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first (unfinished ``.partial`` files are not backups)."""
    from ..paths import backup_dir_for

    folder = backup_dir_for(Path(db_path))
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.search(entry.name)
        if match is None or not entry.is_file():
            continue
        taken_at = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
        found.append(BackupInfo(entry, taken_at, match["reason"], entry.stat().st_size))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def backups_to_remove(backups: list[BackupInfo], now: datetime) -> list[BackupInfo]:
    """Which backups rotation removes: all but the last ten and the newest of each of 30 days.

    Days are counted in the laptop's local time, as the person sees them.
    """
    newest_first = sorted(backups, key=lambda backup: backup.taken_at, reverse=True)
    keep = {backup.path for backup in newest_first[:KEEP_LATEST]}
    first_day = (now.astimezone() - timedelta(days=KEEP_DAILY_DAYS - 1)).date()
    days_seen = set()
    for backup in newest_first:
        day = backup.taken_at.astimezone().date()
        if day >= first_day and day not in days_seen:
            days_seen.add(day)
            keep.add(backup.path)
    return [backup for backup in newest_first if backup.path not in keep]


def rotate_backups(db_path: Path, *, now: datetime | None = None) -> list[Path]:
    """Remove backups rotation no longer keeps, and stale unfinished copies; returns them."""
    from ..paths import backup_dir_for

    now = now or datetime.now(UTC)
    removed = []
    for backup in backups_to_remove(list_backups(db_path), now):
        try:
            backup.path.unlink()
            removed.append(backup.path)
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", backup.path, exc)
    # A .partial older than a day is what a killed backup left; a younger one may be in progress.
    for partial in backup_dir_for(Path(db_path)).glob("*.partial"):
        try:
            if now.timestamp() - partial.stat().st_mtime > BACKUP_INTERVAL.total_seconds():
                partial.unlink()
                removed.append(partial)
        except OSError:
            pass
    return removed


def take_backup(db_path: Path, reason: str) -> BackupInfo:
    """Back ``db_path`` up into its backup folder, then rotate that folder."""
    from ..paths import backup_dir_for

    db_path = Path(db_path)
    target = backup_file(db_path, backup_dir_for(db_path) / timestamped_name(db_path, reason))
    log.info("backup of %s written to %s (%s)", db_path, target, reason)
    rotate_backups(db_path)
    match = _NAME.search(target.name)
    assert match is not None
    return BackupInfo(target, datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC),
                      reason, target.stat().st_size)


def backup_due(db_path: Path, *, now: datetime | None = None) -> bool:
    """True when the newest backup of ``db_path`` is older than a day (or there is none)."""
    backups = list_backups(db_path)
    now = now or datetime.now(UTC)
    return not backups or now - backups[0].taken_at > BACKUP_INTERVAL


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes the same checks as the database itself."""
    for backup in list_backups(db_path):
        if check_database(backup.path).ok:
            return backup
        log.warning("backup %s fails its check; trying an older one", backup.path)
    return None


# -- SQLite failures as errors a person can act on ----------------------------------------
# (here, not in health.py: a damaged file's error names the newest good backup)


def database_error(exc: BaseException, path: Path) -> DatabaseError | None:
    """The error to show for an SQLite or file-system failure on ``path``, or None.

    None means the failure is not about the file, the disk or the lock (a programming
    error, say) and should travel on unchanged.
    """
    original = getattr(exc, "orig", None) or exc
    name = getattr(original, "sqlite_errorname", "") or ""
    text = str(original).lower()
    os_errno = original.errno if isinstance(original, OSError) else None
    if os_errno == errno.ENOSPC or name.startswith("SQLITE_FULL") or "disk is full" in text:
        return DiskFullError(path)
    if (os_errno in (errno.EROFS, errno.EACCES, errno.EPERM) or name.startswith("SQLITE_READONLY")
            or "readonly database" in text):
        return DatabaseReadOnlyError(path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return DatabaseBusyError(path)
    if (name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text
            or "not a database" in text):
        forget_check(path)
        return DatabaseDamagedError(path, f"SQLite reports damage ({original})",
                                    newest_good_backup(path),
                                    id=f"SQLite melaporkan kerusakan ({original})")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        if disk_is_full(path):
            return DiskFullError(path)
        return DatabaseError(
            f"reading or writing {path} failed (disk I/O error); if the file is on a USB stick "
            "or network folder, copy it to the laptop's own disk, then run 'ewarong-desktop check'",
            id=f"membaca atau menulis {path} gagal (kesalahan I/O disk); jika berkas ada di "
               "flashdisk atau folder jaringan, salin ke disk laptop sendiri, lalu periksa basis "
               "datanya (Periksa basis data, atau 'ewarong-desktop check')")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in text:
        return DatabaseError(
            f"cannot open {path}; check that the file and its folder exist and that you may "
            "write there, or open it read-only",
            id=f"{path} tidak dapat dibuka; pastikan berkas dan foldernya ada dan Anda boleh "
               "menulis di sana, atau buka dalam mode hanya-baca")
    return None
