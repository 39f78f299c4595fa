"""The program's log: a rotating file in the user's log folder.

The window calls ``setup_logging()`` once at start and shows ``log_file()`` in its
"something went wrong" dialog; the command line calls it when an unexpected error
needs its details written somewhere other than the person's terminal.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "ewarong-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # ewarong-desktop.log.1 ... .5: a few weeks of normal use
HANDLER_NAME = "ewarong-desktop-log"  # how a second call finds the handler of the first
FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d %(threadName)s] %(message)s"


class _RotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotation that gives up quietly when another window holds the file (Windows)."""

    def doRollover(self) -> None:  # noqa: N802 - the standard library's name
        try:
            super().doRollover()
        except OSError:
            # Keep writing to the current file; the next record tries again.
            if self.stream is None:
                self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - the library's name
        # A log that cannot be written (a full disk) must not print a traceback over the
        # person's terminal after the message they should read: the record is dropped.
        return None


_current: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the program's log records to the rotating log file; returns its path.

    Safe to call more than once. When the log folder cannot be written the records
    are dropped (None is returned) rather than printed over the person's screen.
    """
    global _current
    from .paths import log_dir

    root = logging.getLogger()
    for previous in list(root.handlers):
        if previous.get_name() == HANDLER_NAME:
            root.removeHandler(previous)
            previous.close()
    path: Path | None = log_dir() / LOG_FILE_NAME
    handler: logging.Handler
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        # backslashreplace: a path with bytes that are not UTF-8 is logged, not a traceback.
        handler = _RotatingFileHandler(log_dir() / LOG_FILE_NAME, maxBytes=MAX_BYTES,
                                       backupCount=BACKUP_COUNT, encoding="utf-8",
                                       errors="backslashreplace")
    except OSError:
        path, handler = None, logging.NullHandler()
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(min(level, root.level or level))
    logging.captureWarnings(True)
    _current = path
    return path


def log_file() -> Path | None:
    """The log file set up by ``setup_logging``, for messages that point the person to it."""
    return _current
