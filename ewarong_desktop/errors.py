"""Errors a person can act on.

Every ``UserError`` carries one sentence that says what is wrong and what to do;
the command line prints it as one line on stderr and the GUI shows it in a dialog.
"""


class UserError(Exception):
    """A problem with what the user asked for or gave; the message says what to fix."""


class ValidationError(UserError):
    """Input that cannot be saved as it is (empty name, bad period, level out of range...)."""


class NotFoundError(UserError):
    """A record named by id does not exist."""


class IncompleteAssessmentError(UserError):
    """Finalising was refused because some cells have no rating yet."""

    def __init__(self, missing_cells: list[str]):
        self.missing_cells = missing_cells
        super().__init__(
            f"{len(missing_cells)} cell(s) are not rated yet: {', '.join(missing_cells)}. "
            "Rate them (or mark them not applicable) before finalising."
        )


class DatabaseError(UserError):
    """The database file cannot be opened, written or upgraded."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer version of the program."""


class InstrumentError(UserError):
    """The instrument file in resources/ is broken; the message names what is wrong."""
