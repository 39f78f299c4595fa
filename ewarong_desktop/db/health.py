"""Is a database file sound? Its header, SQLite's own checks, and moving a damaged file aside.

Nothing here writes to the database being examined: checks read through a connection
that cannot write, and a damaged file is only ever renamed (with its ``-wal`` and
``-shm``), never overwritten or deleted, so it stays on disk for inspection.

The errors defined here are the ones the window and the command line act on: a
damaged file (offer the newest good backup), a read-only location (offer read-only
use), a full disk, a database busy in another window.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DatabaseError, Phrase

if TYPE_CHECKING:
    from .backup import BackupInfo

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
NOT_SQLITE = Phrase("not an e-Warong database: its first bytes are not an SQLite header "
                    "(overwritten, or another kind of file)",
                    "bukan basis data e-Warong: awal berkasnya bukan kepala berkas SQLite "
                    "(tertimpa, atau berkas jenis lain)")
HEADER_SIZE = 100
SIDE_FILES = ("-wal", "-shm", "-journal")
# A full check at most this long after the last one when the file is as we left it.
CHECK_INTERVAL = timedelta(days=1)
HEALTH_STATE_NAME = "health.json"


class DatabaseFileError(DatabaseError):
    """A ``DatabaseError`` about one file; ``path`` names it for the window to act on."""

    def __init__(self, path: Path, message: str, *, id: str | None = None):
        self.path = path
        super().__init__(message, id=id)


class DatabaseDamagedError(DatabaseFileError):
    """The file is truncated, overwritten, not SQLite, or fails SQLite's checks.

    ``path`` is the damaged file (left untouched), ``problem`` what was found (``id``: the
    same in Indonesian) and ``backup`` the newest backup that passed the same checks (None
    when there is none). ``damage`` is the ``Health.kind`` of what was found (not_sqlite,
    truncated, broken_links or damaged).
    """

    kind = "damaged"

    def __init__(self, path: Path, problem: str, backup: BackupInfo | None = None, *,
                 id: str | None = None, damage: str = "damaged"):
        self.problem = problem
        self.damage = damage
        self.problem_id = id or problem
        self.backup = backup
        if backup is not None:
            when = f"{backup.taken_at.astimezone():%Y-%m-%d %H:%M}"
            command = f"'ewarong-desktop restore --db \"{path}\" --from \"{backup.path}\"'"
            advice = f"the file was left as it is; restore the backup of {when} with {command}"
            advice_id = f"berkas tidak diubah; pulihkan cadangan {when} (perintah: {command})"
        else:
            advice = ("the file was left as it is and no good backup was found; "
                      "choose another database file")
            advice_id = ("berkas tidak diubah, dan tidak ada cadangan yang baik; pilih berkas "
                         "basis data lain")
        super().__init__(path, f"{path} cannot be used: {problem}; {advice}",
                         id=f"{path} tidak dapat dipakai: {self.problem_id}; {advice_id}")

    def problem_text(self, lang: str) -> str:
        """``problem`` in ``lang``."""
        return self.problem_id if lang == "id" else self.problem


class DatabaseReadOnlyError(DatabaseFileError):
    """The file, its folder or the medium cannot be written; it can still be opened read-only.

    ``pending_wal``: its last changes wait in a ``-wal`` that cannot be read there either.
    """

    kind = "read_only"

    def __init__(self, path: Path, *, pending_wal: bool = False):
        if pending_wal:
            super().__init__(
                path, f"{path} is in a folder that cannot be written and its last changes, in "
                      f"{path.name}-wal, cannot be read there; copy the database together with "
                      "that file to your own disk and open the copy",
                id=f"{path} ada di folder yang tidak dapat ditulis, dan perubahan terakhirnya (di "
                   f"{path.name}-wal) tidak dapat dibaca di sana; salin basis data bersama berkas "
                   "itu ke disk Anda sendiri, lalu buka salinannya")
            return
        super().__init__(
            path, f"{path} cannot be written: it is read-only, in a read-only folder or on a "
                  "read-only medium; open it read-only, or copy it to a folder you can write to",
            id=f"{path} tidak dapat ditulis: berkasnya hanya-baca, atau ada di folder atau media "
               "yang hanya-baca; buka dalam mode hanya-baca, atau salin ke folder yang dapat Anda "
               "tulisi")


class DiskFullError(DatabaseFileError):
    """The disk holding the database (or its backups) has no space left."""

    kind = "disk_full"

    def __init__(self, path: Path):
        super().__init__(
            path, f"the disk holding {path} is full, so the last change was not saved; free some "
                  "space (empty the recycle bin, move large files away) and try again",
            id=f"disk tempat {path} penuh, jadi perubahan terakhir tidak tersimpan; kosongkan "
               "sebagian ruang (kosongkan Recycle Bin, pindahkan berkas besar) lalu coba lagi")


class DatabaseBusyError(DatabaseFileError):
    """Another window or program kept the database locked for longer than we wait."""

    kind = "busy"

    def __init__(self, path: Path):
        super().__init__(
            path, f"{path} is busy in another window or program; wait a moment and try again",
            id=f"{path} sedang dipakai jendela atau program lain; tunggu sebentar lalu coba lagi")


# Below this much free space an "I/O error" from SQLite is the full disk speaking: it
# cannot grow the -wal or map the -shm, and says "disk I/O error" instead of "full".
NEARLY_FULL_BYTES = 1024 * 1024


def disk_is_full(path: Path) -> bool:
    """True when the disk holding ``path`` has (almost) no space left."""
    folder = Path(path).parent
    try:
        return shutil.disk_usage(folder if str(folder) else ".").free < NEARLY_FULL_BYTES
    except OSError:
        return False


def is_io_error(exc: BaseException) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_IOERR") or "disk i/o error" in str(exc).lower()


def missing_database(path: Path) -> DatabaseError:
    """The error for a database file that is not where it was expected."""
    return DatabaseError(f"database {path} does not exist; check the path",
                         id=f"basis data {path} tidak ada; periksa lokasinya")


@dataclass(frozen=True)
class Health:
    """What a check of one database file found.

    ``kind`` is one of: ok, missing, empty, not_file, unreadable, not_sqlite, truncated,
    damaged, broken_links, not_ewarong. ``summary`` is one line for a person: the
    contents when healthy, the diagnosis otherwise (``summary_id`` in Indonesian).
    """

    path: Path
    kind: str
    summary: str
    problems: tuple[str, ...] = ()
    revision: str | None = None
    assessments: int | None = None
    ratings: int | None = None
    summary_id: str = ""

    @classmethod
    def found(cls, path: Path, kind: str, summary: Phrase, problems: tuple[str, ...] = ()) -> Health:
        """A diagnosis (anything but ok), said in both languages."""
        return cls(path, kind, summary.en, problems, summary_id=summary.id)

    def summary_text(self, lang: str) -> str:
        """``summary`` in ``lang``."""
        return self.summary_id if lang == "id" and self.summary_id else self.summary

    @property
    def ok(self) -> bool:
        return self.kind == "ok"

    @property
    def damaged(self) -> bool:
        """The file is there but its contents cannot be trusted: offer a backup."""
        return self.kind in ("not_sqlite", "truncated", "damaged", "broken_links")


def side_file(path: Path, suffix: str) -> Path:
    """``path`` with SQLite's suffix for its companion files (``-wal``, ``-shm``, ``-journal``)."""
    return path.with_name(path.name + suffix)


def has_pending_wal(path: Path) -> bool:
    """True when a ``-wal`` holds pages not yet copied into the main file.

    That happens while another window has the database open or after a crash; either
    way the main file alone does not show the whole database.
    """
    try:
        return side_file(path, "-wal").stat().st_size > 0
    except OSError:
        return False


def header_damage(problem: Phrase) -> str:
    """The ``Health.kind`` a problem found by ``header_problem`` stands for."""
    if problem == NOT_SQLITE:
        return "not_sqlite"
    return "truncated" if problem.en.startswith(TRUNCATED_START) else "damaged"


TRUNCATED_START = "the file is truncated"


def header_problem(path: Path) -> Phrase | None:
    """What is wrong with the first 100 bytes and the length of the file, or None.

    Cheap enough for every start: one small read and a stat.
    """
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_HEADER):
        return NOT_SQLITE
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return Phrase(f"the header is damaged (page size {page_size} is impossible)",
                      f"kepala berkas rusak (ukuran halaman {page_size} tidak mungkin)")
    if has_pending_wal(path) or side_file(path, "-journal").exists():
        return None  # SQLite completes the file from the -wal/-journal: its length can differ
    pages = int.from_bytes(header[28:32], "big")
    pages_valid = header[24:28] == header[92:96] and pages > 0  # SQLite's own validity rule
    if size % page_size or (pages_valid and size < pages * page_size):
        expected = f"; the header announces {pages * page_size} bytes" if pages_valid else ""
        expected_id = f"; menurut kepalanya {pages * page_size} byte" if pages_valid else ""
        return Phrase(f"{TRUNCATED_START} ({size} bytes{expected})",
                      f"berkas terpotong ({size} byte{expected_id})")
    return None


def read_only_mode(path: Path) -> str:
    """The SQLite URI parameter for reading ``path`` without writing: ``mode=ro`` or ``immutable=1``.

    A WAL reader needs the ``-shm`` file, which SQLite cannot create in a read-only
    folder or on a read-only medium; there ``immutable`` reads without it, and is safe
    because nobody can write the file either. Refused when that would ignore unsaved
    pages in a ``-wal``.
    """
    if os.access(path.parent, os.W_OK) or (
            side_file(path, "-wal").exists() and side_file(path, "-shm").exists()):
        return "mode=ro"
    if not has_pending_wal(path):
        return "immutable=1"
    raise DatabaseReadOnlyError(path, pending_wal=True)


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A connection that can only read ``path`` and never writes its pages.

    With no pending ``-wal``: a normal connection with ``query_only``; it takes part in
    WAL locking like any reader (a check while another window writes sees a consistent
    snapshot) and removes the empty ``-wal``/``-shm`` it made when it closes. With a
    pending ``-wal`` (or no right to write): a read-only connection, because the last
    normal connection to close would copy the ``-wal`` into the main file, and a file
    being examined must keep its bytes.
    """
    path = Path(path).resolve()
    if not path.is_file():  # sqlite3.connect would create an empty database here
        raise DatabaseError(f"{path} does not exist or is not a file",
                            id=f"{path} tidak ada atau bukan berkas")
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if writable and not has_pending_wal(path):
        connection = sqlite3.connect(path, timeout=5, isolation_level=None)
        connection.execute("PRAGMA query_only = ON")
        return connection
    return sqlite3.connect(f"{path.as_uri()}?{read_only_mode(path)}", uri=True, timeout=5,
                           isolation_level=None)


def sqlite_problems(connection: sqlite3.Connection, *, links: bool = True) -> list[str]:
    """SQLite's ``quick_check`` (and ``foreign_key_check``) findings; empty when sound."""
    found = [row[0] for row in connection.execute("PRAGMA quick_check(20)")]
    if found != ["ok"]:
        return found
    if links:
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            tables = sorted({row[0] for row in broken})
            return [f"{len(broken)} record(s) in {', '.join(tables)} "
                    "refer to records that are missing"]
    return []


def _contents(connection: sqlite3.Connection) -> tuple[str | None, int | None, int | None]:
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"alembic_version", "assessment", "rating"} <= tables:
        return None, None, None
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assessments = connection.execute("SELECT count(*) FROM assessment").fetchone()[0]
    ratings = connection.execute("SELECT count(*) FROM rating").fetchone()[0]
    return (revision[0] if revision else None), assessments, ratings


def check_database(path: str | Path) -> Health:
    """Check one database file without changing it: header, length, SQLite's checks, contents.

    Safe to run while another window has the database open.
    """
    path = Path(path)
    if not path.exists():
        return Health.found(path, "missing", Phrase(f"{path} does not exist", f"{path} tidak ada"))
    if not path.is_file():
        return Health.found(path, "not_file", Phrase(f"{path} is not a file", f"{path} bukan berkas"))
    try:
        size = path.stat().st_size
        if size == 0:
            return Health.found(path, "empty", Phrase(
                f"{path} is empty (0 bytes): it holds no data yet",
                f"{path} kosong (0 byte): belum berisi data"))
        problem = header_problem(path)
    except OSError as exc:
        return Health.found(path, "unreadable", Phrase(
            f"{path} cannot be read: {exc.strerror or exc}",
            f"{path} tidak dapat dibaca: {exc.strerror or exc}"))
    if problem is not None:
        return Health.found(path, "not_sqlite" if problem == NOT_SQLITE else "truncated", problem)
    try:
        connection = open_for_reading(path)
    except sqlite3.Error as exc:
        if is_io_error(exc) and disk_is_full(path):
            return _disk_full_health(path)
        return Health.found(path, "unreadable", Phrase(f"{path} cannot be opened: {exc}",
                                                       f"{path} tidak dapat dibuka: {exc}"))
    try:
        found = sqlite_problems(connection)
        if found:
            first = " ".join(found[0].replace("*** in database main ***", "").split())
            if "refer to records" in found[0]:
                return Health.found(path, "broken_links", Phrase(
                    first, f"ada data yang merujuk ke data yang hilang ({first})"), tuple(found))
            return Health.found(path, "damaged", Phrase(
                f"SQLite found {len(found)} problem(s), the first: {first}",
                f"SQLite menemukan {len(found)} masalah, yang pertama: {first}"), tuple(found))
        revision, assessments, ratings = _contents(connection)
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed": damage
        if is_io_error(exc) and disk_is_full(path):
            return _disk_full_health(path)  # not damage: SQLite could not write its -shm
        return Health.found(path, "damaged", Phrase(f"SQLite cannot read it ({exc})",
                                                    f"SQLite tidak dapat membacanya ({exc})"),
                            (str(exc),))
    finally:
        connection.close()
    if revision is None:
        return Health.found(path, "not_ewarong", Phrase(
            "not an e-Warong database: an SQLite file without the program's tables",
            "bukan basis data e-Warong: berkas SQLite tanpa tabel-tabel program ini"))
    megabytes = size / 1_000_000
    summary = (f"ok: {assessments} assessments, {ratings} ratings, schema {revision}, "
               f"{megabytes:.1f} MB")
    summary_id = (f"baik: {assessments} penilaian, {ratings} nilai sel, skema {revision}, "
                  f"{megabytes:.1f} MB")
    return Health(path, "ok", summary, revision=revision, assessments=assessments, ratings=ratings,
                  summary_id=summary_id)


def _disk_full_health(path: Path) -> Health:
    return Health.found(path, "unreadable", Phrase(
        f"the disk holding {path} is full, so it cannot be opened; free some space (empty the "
        "recycle bin, move large files away) and try again",
        f"disk tempat {path} penuh, jadi berkas itu tidak dapat dibuka; kosongkan sebagian "
        "ruang (kosongkan Recycle Bin, pindahkan berkas besar) lalu coba lagi"))


def move_aside(path: Path) -> list[Path]:
    """Rename a damaged database and its companion files out of the way; returns the new paths.

    The new names keep SQLite's pairing (``NAME.damaged-STAMP.sqlite3`` with its own
    ``-wal``), so the set can still be opened for inspection. Companions go first: a
    stale ``-wal`` left beside a new file of the old name could be replayed into it.
    Nothing is deleted; a name already taken gets a counter.
    """
    path = Path(path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    for attempt in range(1000):
        label = f"damaged-{stamp}" + (f"-{attempt}" if attempt else "")
        target = path.with_name(f"{path.stem}.{label}{path.suffix}")
        pairs = [(side_file(path, s), side_file(target, s)) for s in SIDE_FILES]
        pairs.append((path, target))
        if not any(new.exists() for _, new in pairs):
            break
    moved = []
    for old, new in pairs:
        if old.exists():
            os.rename(old, new)
            moved.append(new)
            log.warning("moved %s aside to %s", old, new)
    return moved


# -- when to run the full check ---------------------------------------------------------
#
# PRAGMA quick_check reads every page: on the 10,000-assessment demo database (75 MB)
# about 0.14 s with the file in the page cache and 1.1 s cold on our test machine, several
# seconds on an old laptop's disk. That is too slow for every start, so the full check
# runs when something may have happened to the file outside the program: it is not
# exactly as we left it at our last clean close (size and modification time differ, so
# any outside write, truncation or copy over it is caught), a -wal is pending (crash or
# another window), the last check is more than a day old, or there is no record at all.
# The header and length check above still runs on every start.


def _state_path(db_path: Path) -> Path:
    from ..paths import backup_dir_for

    return backup_dir_for(db_path) / HEALTH_STATE_NAME


def _fingerprint(db_path: Path) -> dict[str, int]:
    stat = db_path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _read_state(db_path: Path) -> dict:
    try:
        return json.loads(_state_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_state(db_path: Path, state: dict) -> None:
    target = _state_path(db_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_text(json.dumps(state), encoding="utf-8")
        os.replace(partial, target)
    except OSError as exc:  # an unwritable data folder only means a full check every start
        log.info("cannot record the health check of %s: %s", db_path, exc)


def needs_full_check(db_path: Path, *, now: datetime | None = None) -> bool:
    """Whether the file may have changed outside the program since its last good check."""
    state = _read_state(db_path)
    now = now or datetime.now(UTC)
    try:
        checked_at = datetime.fromisoformat(state["checked_at"])
        closed = state["closed"]
    except (KeyError, TypeError, ValueError):
        return True
    if now - checked_at > CHECK_INTERVAL or has_pending_wal(db_path):
        return True
    try:
        return closed != _fingerprint(db_path)
    except OSError:
        return True


def remember_check(db_path: Path) -> None:
    """Record a passed full check (the file will change from now on: no fingerprint yet)."""
    _write_state(db_path, {"checked_at": datetime.now(UTC).isoformat(), "closed": None})


def remember_clean_close(db_path: Path) -> None:
    """Record how the file looks after the program closed it cleanly.

    Skipped while another window still has it open (a -wal remains): its next writes
    would not match the record anyway.
    """
    state = _read_state(db_path)
    if "checked_at" not in state or side_file(db_path, "-wal").exists():
        return
    try:
        state["closed"] = _fingerprint(db_path)
    except OSError:
        return
    _write_state(db_path, state)


def forget_check(db_path: Path) -> None:
    """Make the next open run the full check (after damage was seen, or a restore)."""
    try:
        _state_path(db_path).unlink(missing_ok=True)
    except OSError as exc:
        log.info("cannot reset the health record of %s: %s", db_path, exc)
