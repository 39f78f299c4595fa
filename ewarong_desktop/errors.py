"""Errors a person can act on, in Indonesian and English.

Every ``UserError`` carries one sentence that says what is wrong and what to do.
``str(error)`` is the English sentence (the command line's default, the log, scripts);
``error.text("id")`` is the Indonesian one, written next to the English where the error
is raised (``id=``). The window shows ``text()`` in its own language; the command line
prints ``text()`` in the language given with ``--lang``.
"""

from __future__ import annotations

from typing import NamedTuple


class Phrase(NamedTuple):
    """A piece of a message in both languages (a field name, a diagnosis), for messages
    built from pieces; ``get(lang)`` picks one."""

    en: str
    id: str

    def get(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


def id_number(number: int) -> str:
    """A whole number as Indonesian writes it, dots between thousands: 10.000 (10,000 would
    read as ten)."""
    return f"{number:,}".replace(",", ".")


class UserError(Exception):
    """A problem with what the user asked for or gave; the message says what to fix.

    ``message`` is English; ``id`` the same sentence in Indonesian (missing only for
    errors meant for developers, such as a broken instrument file, which then show the
    English everywhere).
    """

    #: What kind of problem this is, for code that must tell problems apart (the window
    #: picks its words or its offer by it): never match the message text instead.
    kind: str = "user"

    def __init__(self, message: str, *, id: str | None = None) -> None:
        super().__init__(message)
        self.indonesian = id

    def text(self, lang: str) -> str:
        """The message in ``lang``: Indonesian for "id" when written, English otherwise."""
        if lang == "id" and self.indonesian:
            return self.indonesian
        return str(self)

    def phrase(self) -> Phrase:
        """Both languages, for a message that wraps this one (adds a file name, say)."""
        return Phrase(str(self), self.text("id"))


class ValidationError(UserError):
    """Input that cannot be saved as it is (empty name, bad period, level out of range...)."""

    kind = "validation"


class NotFoundError(UserError):
    """A record named by id does not exist."""

    kind = "not_found"


class IncompleteAssessmentError(UserError):
    """Finalising was refused because some cells have no rating yet."""

    kind = "incomplete"

    def __init__(self, missing_cells: list[str]):
        self.missing_cells = missing_cells
        cells = ", ".join(missing_cells)
        super().__init__(
            f"{len(missing_cells)} cell(s) are not rated yet: {cells}. "
            "Rate them (or mark them not applicable) before finalising.",
            id=f"{len(missing_cells)} sel belum dinilai: {cells}. Beri nilai (atau tandai "
               "tidak berlaku) pada sel itu sebelum finalisasi.",
        )


class DatabaseError(UserError):
    """The database file cannot be opened, written or upgraded."""

    kind = "database"


class ServerError(DatabaseError):
    """A PostgreSQL server refused or lost a request; ``kind`` says which, for the window
    (reconnect on "connection_lost", say) and for tests: "unreachable", "login_failed",
    "no_database", "connection_lost", "permission_denied", "busy", "disk_full",
    "read_only", "refused" (a rule of the schema) or "server_error"."""

    def __init__(self, message: str, *, id: str | None = None, kind: str = "server_error") -> None:
        super().__init__(message, id=id)
        self.kind = kind


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer version of the program."""

    kind = "too_new"


class InstrumentError(UserError):
    """The instrument file in resources/ is broken; the message names what is wrong.

    Meant for whoever edits the instrument: English only.
    """

    kind = "instrument"
