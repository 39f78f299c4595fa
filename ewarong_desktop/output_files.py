"""Writing output files safely (PDF reports, exchange files, spreadsheets).

A file is written to a temporary name beside its destination and renamed over it only
when complete, so a crash, a full disk or a cancelled batch never leaves half a file
where the coordinator expects one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import UserError


class OutputFileError(UserError):
    """The file cannot be written where asked; the message says what to change."""


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
    """A destination file whose folder exists and is writable, and which is not a folder."""
    path = Path(path)
    if path.is_dir():
        raise OutputFileError(f"{path} is a folder; give a file name such as report.pdf",
                                id=f"{path} adalah folder; beri nama berkas, misalnya "
                                   "laporan.pdf")
    check_output_folder(path.parent if str(path.parent) else Path("."))
    return path


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
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    """Write finished PDF bytes to ``path`` atomically."""
    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write_atomically(path, write)
