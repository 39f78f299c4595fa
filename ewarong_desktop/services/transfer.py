"""Sending and receiving files as the window does it, with no Qt: what its workers run.

``check_files`` reads and checks ``.ewarong`` files and counts what importing them would
do (writing nothing); ``receive_files`` imports them; ``write_exchange_file`` and
``write_spreadsheet`` write a selection. Each takes the ``Database`` and opens its own
session; results are plain data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .exchange import (
    ExchangeError,
    ExchangeFile,
    ExportResult,
    ExportSelection,
    ImportPreview,
    export_exchange,
    import_files,
    read_exchange_file,
)
from .exchange.archive import ProgressCallback
from .spreadsheets import export_csv, export_xlsx
from .store import Database

EXCHANGE, XLSX, CSV = "exchange", "xlsx", "csv"


@dataclass(frozen=True)
class FileFacts:
    """What a checked exchange file says about itself: who made it, when, what it holds."""

    path: Path
    created_at: datetime | None
    program_version: str
    advisor_name: str | None  # the advisor the file was limited to, if any
    period: str | None
    kabupaten: str | None
    assessments: int

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class FileRefusal:
    """A file that cannot be received: the engine's one-line reason in English
    (``reason``) and Indonesian (``reason_id``), and its kind (``ExchangeError.kind``)."""

    path: Path
    reason: str
    reason_id: str = ""
    kind: str = "damaged"

    @property
    def name(self) -> str:
        return self.path.name

    def text(self, lang: str) -> str:
        """The reason in ``lang``."""
        return self.reason_id if lang == "id" and self.reason_id else self.reason


@dataclass(frozen=True)
class ReceiveCheck:
    """The result of checking files against this database: nothing has been written."""

    facts: tuple[FileFacts, ...]  # accepted files, in the order they will be imported
    previews: tuple[ImportPreview, ...]  # one per accepted file, counted in that order
    refusals: tuple[FileRefusal, ...]

    @property
    def paths(self) -> list[Path]:
        return [facts.path for facts in self.facts]

    @property
    def has_changes(self) -> bool:
        return any(preview.has_changes for preview in self.previews)


def _facts(path: Path, manifest: dict[str, Any], content: dict[str, list[dict[str, Any]]]) -> FileFacts:
    selection = manifest.get("selection") or {}
    advisor_id = selection.get("advisor_id")
    advisor_name = next((a["name"] for a in content["advisors"] if a["id"] == advisor_id), None) \
        if advisor_id else None
    try:
        created = datetime.fromisoformat(manifest["created_at"])
    except (KeyError, TypeError, ValueError):
        created = None
    return FileFacts(path, created, str(manifest.get("program_version", "?")), advisor_name,
                     selection.get("period"), selection.get("kabupaten"),
                     len(content["assessments"]))


class _ReadAsNeeded(Sequence[ExchangeFile]):
    """The files as the engine takes them: each read and checked when its turn comes.

    ``import_files`` goes through its files one by one, so only one file's records are in
    memory at a time and each is read once. On the way it notes which file is being worked
    on (``current``: a refusal belongs to it), says so to the progress display, and keeps
    what each file says about itself (``facts``).
    """

    def __init__(self, paths: Sequence[Path], progress: ProgressCallback | None):
        self.paths = list(paths)
        self.progress = progress
        self.current: int | None = None
        self.facts: dict[int, FileFacts] = {}

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, index: int) -> ExchangeFile:  # type: ignore[override]
        if not 0 <= index < len(self.paths):
            raise IndexError(index)
        self.current = index
        if self.progress is not None and len(self.paths) > 1:
            self.progress("file", index, len(self.paths))
        checked = read_exchange_file(self.paths[index], self.progress)
        self.facts[index] = _facts(self.paths[index], checked.manifest, checked.content)
        return checked


def check_files(database: Database, paths: Sequence[str | Path], *,
                progress: ProgressCallback | None = None) -> ReceiveCheck:
    """Read and check each file and count what importing them would do; writes nothing.

    The counts are made as the import makes them (one file after the other, in one
    transaction, here rolled back: ``import_files(dry_run=True)``). A file that fails its
    checks or clashes with this database is set aside with its reason, and the others are
    counted again without it.
    """
    remaining = [Path(path) for path in paths]
    refusals: list[FileRefusal] = []
    while remaining:
        files = _ReadAsNeeded(remaining, progress)
        try:
            previews = import_files(database, files, dry_run=True, progress=progress)
        except ExchangeError as exc:
            if files.current is None:
                raise
            refusals.append(FileRefusal(remaining.pop(files.current), str(exc), exc.text("id"),
                                        exc.kind))
            continue
        facts = tuple(files.facts[index] for index in range(len(remaining)))
        return ReceiveCheck(facts, tuple(previews), tuple(refusals))
    return ReceiveCheck((), (), tuple(refusals))


def receive_files(database: Database, paths: Sequence[Path], *,
                  progress: ProgressCallback | None = None) -> list[ImportPreview]:
    """Import the files: a backup first, then all of them in one transaction, or nothing."""
    return import_files(database, _ReadAsNeeded(paths, progress), progress=progress)


def write_exchange_file(database: Database, out: Path, selection: ExportSelection, *,
                        progress: ProgressCallback | None = None) -> ExportResult:
    """Write the selection to ``out`` as an exchange file."""
    with database.session() as session:
        return export_exchange(session, out, selection, progress)


@dataclass(frozen=True)
class SpreadsheetResult:
    path: Path
    assessments: int


def write_spreadsheet(database: Database, out: Path, selection: ExportSelection, kind: str, *,
                      wide: bool = False, delimiter: str = "comma",
                      progress: ProgressCallback | None = None) -> SpreadsheetResult:
    """Write the ratings as XLSX or CSV; returns where and how many assessments."""
    with database.reading() as session:
        if kind == XLSX:
            count = export_xlsx(session, out, selection, progress)
        else:
            count = export_csv(session, out, selection, wide=wide, delimiter=delimiter,
                               progress=progress)
    return SpreadsheetResult(out, count)


def file_slug(text: str) -> str:
    """A piece of a file name any USB stick and e-mail program accepts: ASCII, dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
