"""Writing output files safely (PDF reports, exchange files, spreadsheets, backups).

One rule for every file the program writes, in the window and on the command line:

- never over a database (any file with SQLite's header: the open one too), the
  ``-wal``/``-shm``/``-journal`` files beside one, or anything in the backups folder;
- never over something that is not a regular file (a device such as ``/dev/full``, a
  pipe, a folder);
- an existing file only when the person confirmed replacing it: the window's save dialog
  asked, or the command line was given ``--overwrite``; the caller records that with
  ``confirm_replacement(path)`` just before writing;
- written to a temporary name beside its destination, flushed to disk and renamed over
  it only when complete, so a crash, a full disk or a cancelled batch never leaves half
  a file where the coordinator expects one.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import UserError

SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class OutputFileError(UserError):
    """The file cannot be written where asked; the message says what to change."""


class OutputExistsError(OutputFileError):
    """The destination exists and replacing it was not confirmed."""


_lock = threading.Lock()
_confirmed: set[Path] = set()


def _key(path: Path) -> Path:
    return Path(os.path.normcase(os.path.realpath(path)))


def confirm_replacement(path: Path) -> None:
    """The person agreed to replace the existing file at ``path`` (the save dialog asked,
    or ``--overwrite`` was given); the next write to it may replace it. For a folder
    (``--out-dir``), the files written into it may replace theirs."""
    with _lock:
        _confirmed.add(_key(path))


def _replacement_confirmed(path: Path) -> bool:
    key = _key(path)
    with _lock:
        return key in _confirmed or key.parent in _confirmed


def _forget_confirmation(path: Path) -> None:
    with _lock:
        _confirmed.discard(_key(path))


def _holds_database(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _protected_reason(path: Path) -> tuple[str, str] | None:
    """Why nothing may be written at ``path`` (English, Indonesian), or None."""
    key = _key(path)
    from .paths import data_dir

    backups = _key(data_dir() / "backups")
    if key == backups or backups in key.parents:
        return ("it is in the backups folder", "itu ada di folder cadangan")
    for suffix in DATABASE_SIDE_SUFFIXES:
        if key.name.endswith(suffix) and _holds_database(Path(str(key)[: -len(suffix)])):
            return ("it belongs to the database beside it", "itu milik basis data di sebelahnya")
    if _holds_database(path):
        return ("it holds a database", "itu berisi basis data")
    return None


def _creation_mode() -> int:
    # mkstemp makes its file private (0600); an exported file should get the permissions
    # any new file gets here, so a colleague's account or a USB stick's reader can open it.
    # The umask can only be read by setting it, so this runs once, at import.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _creation_mode()


def check_output_folder(folder: Path) -> Path:
    """The folder, if it exists and can be written to; otherwise a clear OutputFileError."""
    folder = Path(folder)
    if not folder.exists():
        raise OutputFileError(f"folder {folder} does not exist; create it or choose another",
                                id=f"folder {folder} tidak ada; buat folder itu atau pilih "
                                   "folder lain")
    if not folder.is_dir():
        raise OutputFileError(f"{folder} is a file, not a folder; choose a folder",
                                id=f"{folder} adalah berkas, bukan folder; pilih sebuah folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputFileError(f"folder {folder} cannot be written to; choose another folder",
                                id=f"folder {folder} tidak dapat ditulisi; pilih folder lain")
    return folder


def check_output_file(path: Path) -> Path:
    """A destination the rule above allows: its folder exists and is writable, and it is
    a new file or a regular file the person agreed to replace that holds no database."""
    path = Path(path)
    if path.is_dir():
        raise OutputFileError(f"{path} is a folder; give a file name such as report.pdf",
                                id=f"{path} adalah folder; beri nama berkas, misalnya "
                                   "laporan.pdf")
    try:
        mode: int | None = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputFileError(
            f"{path} is not an ordinary file (a device or pipe); give the name of a file",
            id=f"{path} bukan berkas biasa (perangkat atau pipa); beri nama sebuah berkas")
    reason = _protected_reason(path)
    if reason is not None:
        raise OutputFileError(
            f"will not write over {path}: {reason[0]}; choose another file name",
            id=f"tidak akan menimpa {path}: {reason[1]}; pilih nama berkas lain")
    if mode is not None and not _replacement_confirmed(path):
        raise OutputExistsError(
            f"{path} already exists; choose another file name (on the command line, "
            "--overwrite replaces it)",
            id=f"{path} sudah ada; pilih nama berkas lain (di baris perintah, --overwrite "
               "menggantinya)")
    check_output_folder(path.parent if str(path.parent) else Path("."))
    return path


def disk_full_error(path: Path) -> OutputFileError:
    """The message for a destination whose disk filled up while writing."""
    return OutputFileError(
        f"the disk is full while writing {path}; free some space or choose another place "
        "(nothing was written)",
        id=f"disk penuh saat menulis {path}; kosongkan sebagian ruang atau pilih tempat lain "
           "(tidak ada yang ditulis)")


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write`` with a temporary file beside ``path``, then rename it into place.

    On any error (or KeyboardInterrupt) the temporary file is removed and ``path`` is
    left as it was.
    """
    path = check_output_file(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                             dir=path.parent)
    except OSError as exc:
        raise OutputFileError(
            f"cannot write in folder {path.parent} ({exc.strerror}); choose another folder",
            id=f"tidak dapat menulis di folder {path.parent} ({exc.strerror}); pilih folder lain"
        ) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _FILE_MODE)
        # Checked again: the destination may have appeared while the file was written.
        check_output_file(path)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise disk_full_error(path) from exc
        raise
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _forget_confirmation(path)
    return path


def unused_path(path: Path) -> Path:
    """``path``, or the first of "name (2).pdf", "name (3).pdf", ... that does not exist."""
    path = Path(path)
    number = 2
    candidate = path
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate


def write_bytes(path: Path, data: bytes) -> Path:
    """Write finished PDF bytes to ``path`` atomically."""
    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write_atomically(path, write)
