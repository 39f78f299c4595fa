"""The open database as the window sees it: the ``Database`` handle, opening a file, the
errors a database can raise, and running one service call in the right kind of session.

The window imports these from here, never from ``db/``: every call it makes goes through
a service that opens its own unit of work, reads deferred (``reading``: no write lock,
so a list never waits behind an import) and writes ``BEGIN IMMEDIATE`` (``session``).
Errors come out as the program's own types (``UserError`` and its kinds), never as
SQLAlchemy exceptions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from ..db import Database, open_database
from ..db.health import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseFileError,
    DatabaseReadOnlyError,
    DiskFullError,
)

__all__ = [
    "Database", "DatabaseBusyError", "DatabaseDamagedError", "DatabaseFileError",
    "DatabaseReadOnlyError", "DiskFullError", "open_database", "read", "write",
]

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
