"""Writing ``.ewarong`` exchange files: everything, or one advisor, period or region.

A selection never leaks: only the selected assessments travel, with the records they
need (their advisor and e-Warong), their audit entries, verifications and plans (with
follow-ups), and the targets and coordinators (few, and needed by every profile).
Records without a period (advisors, e-Warongs, assignments) travel with an advisor or
region selection when they belong to it. Tombstones (deletions) travel with full exports.

The content is streamed into the zip while its checksum is computed, so a large export
never holds all its JSON in memory; the file appears under its name only when complete.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
import time
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO

from sqlalchemy import and_, exists, false, or_, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from ...db.models import Meta
from ...errors import ValidationError
from ...output_files import write_atomically
from .. import validation as v
from .archive import (
    CONTENT_NAME,
    FORMAT_NAME,
    KINDS,
    MANIFEST_NAME,
    SCHEMA_VERSION,
    Progress,
    ProgressCallback,
)
from .tables import Codec, codec_for, now_text, raw_table

SOURCE_ID_KEY = "source_id"
STREAM_CHUNK = 5000
# Level 1 deflate: 15% larger than the default level, three times faster.
COMPRESS_LEVEL = 1


@dataclass(frozen=True)
class ExportSelection:
    """What to export; all None means everything."""

    advisor_id: uuid.UUID | None = None
    period: str | None = None
    kabupaten: str | None = None

    @property
    def is_everything(self) -> bool:
        return self.advisor_id is None and self.period is None and self.kabupaten is None

    def as_manifest(self) -> dict[str, str | None]:
        return {"advisor_id": str(self.advisor_id) if self.advisor_id else None,
                "period": self.period, "kabupaten": self.kabupaten}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    counts: dict[str, int]
    source_id: str
    selection: ExportSelection = field(default_factory=ExportSelection)


def source_id(session: Session) -> str:
    """This installation's id, written into every export; created on first need."""
    row = session.get(Meta, SOURCE_ID_KEY)
    if row is not None:
        return row.value
    made = str(uuid.uuid4())
    try:
        with session.begin_nested():
            session.add(Meta(key=SOURCE_ID_KEY, value=made))
    except OperationalError:
        pass  # a database on a read-only medium: this export gets an id of its own
    return made


def make_selection(session: Session, advisor_id: uuid.UUID | str | None = None,
                   period: str | None = None, kabupaten: str | None = None) -> ExportSelection:
    """A checked selection: the advisor must exist, the period must be YYYY-S1/S2."""
    from ..advisors import get_advisor

    chosen_advisor = None
    if advisor_id is not None and str(advisor_id).strip():
        chosen_advisor = get_advisor(session, advisor_id).id
    chosen_period = v.period(period) if period else None
    chosen_region = v.optional_text(kabupaten, v.KABUPATEN)
    return ExportSelection(chosen_advisor, chosen_period, chosen_region)


class _Query:
    """The selection as SQL over the untyped tables."""

    def __init__(self, codec: Codec, selection: ExportSelection):
        self.codec = codec
        self.selection = selection
        self.t = {kind: raw_table(kind) for kind in KINDS}

    def assessment_ids(self) -> Select[Any]:
        a = self.t["assessments"]
        query = select(a.c.id)
        if self.selection.advisor_id is not None:
            query = query.where(a.c.advisor_id == self.codec.uuid_to_db(str(self.selection.advisor_id)))
        if self.selection.period is not None:
            query = query.where(a.c.period == self.selection.period)
        if self.selection.kabupaten is not None:
            query = query.where(a.c.warong_id.in_(self._region_warongs()))
        return query

    def _region_warongs(self) -> Select[Any]:
        w = self.t["warongs"]
        return select(w.c.id).where(w.c.kabupaten == self.selection.kabupaten)

    def assignments_where(self) -> ColumnElement[bool]:
        g, a = self.t["assignments"], self.t["assessments"]
        if self.selection.advisor_id is not None:
            condition = g.c.advisor_id == self.codec.uuid_to_db(str(self.selection.advisor_id))
            if self.selection.kabupaten is not None:
                condition = and_(condition, g.c.warong_id.in_(self._region_warongs()))
            return condition
        if self.selection.kabupaten is not None:
            return g.c.warong_id.in_(self._region_warongs())
        # A period alone: the pairs that made the selected assessments.
        return exists().where(a.c.advisor_id == g.c.advisor_id, a.c.warong_id == g.c.warong_id,
                              a.c.id.in_(self.assessment_ids()))

    def where(self, kind: str) -> ColumnElement[bool] | None:
        """The condition selecting rows of ``kind``; None selects them all."""
        if self.selection.is_everything:
            return None
        t = self.t[kind]
        if kind == "assessments":
            return t.c.id.in_(self.assessment_ids())
        if kind in ("ratings", "audit_entries"):
            return t.c.assessment_id.in_(self.assessment_ids())
        if kind == "assignments":
            return self.assignments_where()
        a, g = self.t["assessments"], self.t["assignments"]
        selected_pairs = select(g.c.advisor_id, g.c.warong_id).where(self.assignments_where())
        if kind == "advisors":
            parents = or_(t.c.id.in_(select(a.c.advisor_id).where(a.c.id.in_(self.assessment_ids()))),
                          t.c.id.in_(select(selected_pairs.subquery().c.advisor_id)))
            if self.selection.advisor_id is not None:
                return or_(parents, t.c.id == self.codec.uuid_to_db(str(self.selection.advisor_id)))
            if self.selection.kabupaten is not None:
                return or_(parents, t.c.kabupaten == self.selection.kabupaten)
            return parents
        if kind == "warongs":
            parents = or_(t.c.id.in_(select(a.c.warong_id).where(a.c.id.in_(self.assessment_ids()))),
                          t.c.id.in_(select(selected_pairs.subquery().c.warong_id)))
            if self.selection.kabupaten is not None and self.selection.advisor_id is None:
                return or_(parents, t.c.kabupaten == self.selection.kabupaten)
            return parents
        if kind in ("target_levels", "target_settings", "coordinators"):
            return None  # few, and every profile and verification needs them
        if kind in ("verifications", "plan_actions"):
            return t.c.assessment_id.in_(self.assessment_ids())
        if kind == "verified_cells":
            checks = self.t["verifications"]
            return t.c.verification_id.in_(select(checks.c.id).where(
                checks.c.assessment_id.in_(self.assessment_ids())))
        if kind == "follow_ups":
            actions = self.t["plan_actions"]
            return t.c.action_id.in_(select(actions.c.id).where(
                actions.c.assessment_id.in_(self.assessment_ids())))
        return false()  # tombstones travel only with full exports


def _records(session: Session, query: _Query, kind: str) -> Iterator[list[dict[str, Any]]]:
    names, read = query.codec.row_reader(kind)
    t = query.t[kind]
    statement = select(*(t.c[name] for name in names))
    condition = query.where(kind)
    if condition is not None:
        statement = statement.where(condition)
    result = session.connection().execute(statement)
    for rows in result.partitions(STREAM_CHUNK):
        yield [read(row) for row in rows]


def export_exchange(session: Session, out: str | Path,
                    selection: ExportSelection | None = None,
                    progress: ProgressCallback | None = None) -> ExportResult:
    """Write the selected records to ``out`` (a ``.ewarong`` file) and return the counts.

    Raises ValidationError when a partial selection matches nothing (a mistyped
    kabupaten, a period without assessments); ExchangeCancelled when cancelled. The file
    is written beside ``out`` under a temporary name and renamed when complete.
    """
    selection = selection or ExportSelection()
    out = Path(out)
    report = Progress(progress, "export")
    query = _Query(codec_for(session), selection)
    installation = source_id(session)
    counts: dict[str, int] = {}

    def write(stream: BinaryIO) -> None:
        counts.update(_write_archive(session, query, stream, report, installation))

    write_atomically(out, write)
    report("export", 1, 1)
    return ExportResult(out, counts, installation, selection)


def _program_version() -> str:
    from ... import __version__

    return __version__


def _nothing_selected(session: Session, selection: ExportSelection) -> ValidationError:
    if selection.kabupaten is not None:
        from ..warongs import list_kabupaten

        known = list_kabupaten(session)
        return ValidationError(
            f"nothing in this database matches kabupaten/kota {selection.kabupaten!r}; "
            f"known here: {', '.join(known) or 'none yet'}",
            id=f"tidak ada data untuk kabupaten/kota {selection.kabupaten!r} di basis data ini; "
               f"yang ada: {', '.join(known) or 'belum ada'}")
    return ValidationError(
        "nothing in this database matches the selection; check the advisor and the period",
        id="tidak ada data yang cocok dengan pilihan ini; periksa pendamping dan periodenya")


class _BackgroundWriter:
    """Hashes, compresses and writes in a second thread while the next records are built.

    zlib and hashlib let go of the interpreter lock on large buffers, so on a two-core
    laptop compressing one chunk overlaps with reading and encoding the next.
    """

    def __init__(self, stream: IO[bytes], digest: Any):
        self.stream = stream
        self.digest = digest
        self.chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)  # bounds the memory
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="exchange-export-writer",
                                       daemon=True)

    def __enter__(self) -> _BackgroundWriter:
        self.thread.start()
        return self

    def _run(self) -> None:
        while (data := self.chunks.get()) is not None:
            if self.error is None:
                try:
                    self.digest.update(data)
                    self.stream.write(data)
                except BaseException as exc:  # handed to the caller's thread below
                    self.error = exc

    def write(self, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.chunks.put(data)

    def __exit__(self, *exc_info: Any) -> None:
        self.chunks.put(None)
        self.thread.join()
        if self.error is not None and exc_info[0] is None:
            raise self.error


def _write_archive(session: Session, query: _Query, target: BinaryIO, report: Progress,
                   installation: str) -> dict[str, int]:
    """Stream content.json into the zip while hashing it, then add the manifest."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256()
    counts = dict.fromkeys(KINDS, 0)
    versions: set[str] = set()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED,
                         compresslevel=COMPRESS_LEVEL) as archive:
        entry = zipfile.ZipInfo(CONTENT_NAME, date_time=time.localtime()[:6])
        entry.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(entry, "w", force_zip64=True) as stream, \
                _BackgroundWriter(stream, digest) as background:
            def put(text: str) -> None:
                background.write(text.encode("utf-8"))

            put("{")
            for number, kind in enumerate(KINDS):
                report("export", number, len(KINDS))
                put(("," if number else "") + json.dumps(kind) + ":[")
                first = True
                for records in _records(session, query, kind):
                    if kind == "assessments":
                        versions.update(record["instrument_version"] for record in records)
                    counts[kind] += len(records)
                    # One encode per chunk: the list's brackets are cut off.
                    put(("" if first else ",") + encoder.encode(records)[1:-1])
                    first = False
                    report("export", number, len(KINDS))
                put("]")
            put("}")
        selection = query.selection
        if not selection.is_everything and not any(
                counts[kind] for kind in ("assessments", "advisors", "warongs")):
            raise _nothing_selected(session, selection)
        manifest = {
            "format": FORMAT_NAME, "schema_version": SCHEMA_VERSION,
            "program_version": _program_version(), "instrument_versions": sorted(versions),
            "created_at": now_text(), "source_id": installation,
            "selection": selection.as_manifest(), "content_sha256": digest.hexdigest(),
            "counts": counts,
        }
        archive.writestr(MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=2))
    return counts
