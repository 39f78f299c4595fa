"""The open database as the window sees it: the ``Database`` handle, opening a file, the
errors a database can raise, and running one service call in the right kind of session.

The window imports these from here, never from ``db/``: every call it makes goes through
a service that opens its own unit of work, reads deferred (``reading``: no write lock,
so a list never waits behind an import) and writes ``BEGIN IMMEDIATE`` (``session``).
Errors come out as the program's own types (``UserError`` and its kinds), never as
SQLAlchemy exceptions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..db import Database, open_database
from ..db.health import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseFileError,
    DatabaseReadOnlyError,
    DiskFullError,
)
from ..errors import DatabaseError

__all__ = [
    "Database", "DatabaseBusyError", "DatabaseDamagedError", "DatabaseFileError",
    "DatabaseReadOnlyError", "DiskFullError", "open_database", "read", "save", "write",
]

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


def read(database: Database, call: Callable[Concatenate[Session, P], T],
         *args: P.args, **kwargs: P.kwargs) -> T:
    """``call(session, ...)`` in a session that only reads; returns its plain result."""
    with database.reading() as session:
        return call(session, *args, **kwargs)


def write(database: Database, call: Callable[Concatenate[Session, P], T],
          *args: P.args, **kwargs: P.kwargs) -> T:
    """``call(session, ...)`` in one write transaction: all of it is saved, or nothing."""
    with database.session() as session:
        return call(session, *args, **kwargs)


def save(database: Database, call: Callable[Concatenate[Session, P], T],
         *args: P.args, **kwargs: P.kwargs) -> T:
    """Like ``write``, for a save the person is waiting on (a rating, finalising): any
    database failure, even one the engine has no special words for, comes back as a
    ``DatabaseError`` to show next to what was being saved; nothing of it was kept.
    """
    try:
        return write(database, call, *args, **kwargs)
    except SQLAlchemyError as exc:
        log.exception("saving failed")
        detail = str(getattr(exc, "orig", None) or exc)
        raise DatabaseError(f"the database could not be written ({detail}); try again",
                            id=f"Basis data tidak dapat ditulis ({detail}); coba lagi.") from exc
