"""Offline exchange between laptops: export a selection, preview and import files, conflicts.

What the GUI and the command line call:

- ``export_exchange(session, out, selection, progress)`` writes a ``.ewarong`` file;
- ``read_exchange_file(path, progress)`` reads and checks a file (no database needed);
- ``preview(session, file)`` says what importing would do, per kind of record, and lists
  the conflicts, without writing anything;
- ``apply(database, file)`` / ``import_files(database, files)`` take a backup and import
  in one transaction: everything or nothing;
- ``list_conflicts`` and ``resolve_conflict`` let a coordinator keep one of two final
  versions of an assessment; the choice is recorded.

Long steps call ``progress(stage, done, total)``; returning False cancels
(``ExchangeCancelled``) and nothing is written. Everything returned is plain data.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...db.engine import Database
from ...db.models import Advisor, AuditEntry, ExchangeConflict, utcnow
from ...errors import ValidationError
from .. import validation as v
from .archive import (
    KINDS,
    ExchangeCancelled,
    ExchangeError,
    ExchangeFile,
    Progress,
    ProgressCallback,
    read_exchange_file,
)
from .export import (
    ExportResult,
    ExportSelection,
    export_exchange,
    make_selection,
    source_id,
)
from .plan import (
    CellDifference,
    ConflictInfo,
    KindCounts,
    Plan,
    Writer,
    apply_plan,
    cell_differences,
    names_of,
    plan_import,
    ratings_of,
    read_by_ids,
)
from .tables import codec_for

__all__ = [
    "KINDS", "CellDifference", "ConflictInfo", "ExchangeCancelled", "ExchangeError",
    "ExchangeFile", "ExportResult", "ExportSelection", "ImportPreview", "KindCounts",
    "apply", "export_exchange", "import_files", "list_conflicts", "make_selection", "preview",
    "read_exchange_file", "resolve_conflict", "source_id",
]

KEEP_LOCAL = "local"
KEEP_INCOMING = "incoming"
RESOLUTIONS = {KEEP_LOCAL: "kept_local", KEEP_INCOMING: "kept_incoming"}


@dataclass(frozen=True)
class ImportPreview:
    """What importing one file does (or did): counts per kind and the conflicts."""

    file_name: str
    source_id: str
    program_version: str
    created_at: str
    instrument_versions: tuple[str, ...]
    selection: dict[str, str | None]
    counts: dict[str, KindCounts]
    conflicts: tuple[ConflictInfo, ...]
    applied: bool = False
    backup_path: Path | None = None

    @property
    def has_changes(self) -> bool:
        return any(c.new or c.updated or c.conflicting for c in self.counts.values())

    def total(self, column: str) -> int:
        """Sum of one column (new, updated, unchanged, conflicting) over all kinds."""
        return sum(getattr(counts, column) for counts in self.counts.values())


def _as_file(file: str | Path | ExchangeFile, progress: ProgressCallback | None) -> ExchangeFile:
    return file if isinstance(file, ExchangeFile) else read_exchange_file(file, progress)


def _preview_of(session: Session, plan: Plan, conflict_ids: Sequence[uuid.UUID | None] = (),
                *, applied: bool = False, backup_path: Path | None = None) -> ImportPreview:
    manifest = plan.file.manifest
    names = names_of(session, (uuid.UUID(c.local_assessment_id) for c in plan.conflicts))
    conflicts = []
    for number, conflict in enumerate(plan.conflicts):
        local_id = uuid.UUID(conflict.local_assessment_id)
        advisor_name, warong_name, period = names.get(local_id, ("?", "?", "?"))
        here, incoming = conflict.local_version["assessment"], conflict.payload["assessment"]
        conflicts.append(ConflictInfo(
            id=conflict_ids[number] if number < len(conflict_ids) else None,
            assessment_id=local_id, advisor_name=advisor_name, warong_name=warong_name,
            period=period, local_status=here["status"],
            local_updated_at=datetime.fromisoformat(here["updated_at"]),
            incoming_status=incoming["status"],
            incoming_updated_at=datetime.fromisoformat(incoming["updated_at"]),
            differences=cell_differences(conflict.local_version["ratings"], conflict.payload["ratings"]),
            source_file=plan.file.name, source_id=manifest["source_id"]))
    return ImportPreview(
        file_name=plan.file.name, source_id=manifest["source_id"],
        program_version=manifest["program_version"], created_at=manifest["created_at"],
        instrument_versions=tuple(manifest["instrument_versions"]),
        selection=dict(manifest["selection"]), counts=plan.counts, conflicts=tuple(conflicts),
        applied=applied, backup_path=backup_path)


def preview(session: Session, file: str | Path | ExchangeFile,
            progress: ProgressCallback | None = None) -> ImportPreview:
    """What importing ``file`` would do to this database; writes nothing.

    Raises ExchangeError (a UserError naming the file and every problem found) for a
    file that cannot be imported.
    """
    exchange_file = _as_file(file, progress)
    plan = plan_import(session, exchange_file, Progress(progress))
    return _preview_of(session, plan)


class _DryRun(Exception):
    """Raised inside the transaction of a dry run so that it rolls back."""


def import_files(database: Database, files: Sequence[str | Path | ExchangeFile], *,
                 dry_run: bool = False,
                 progress: ProgressCallback | None = None) -> list[ImportPreview]:
    """Import files in one transaction: all of them or, on any problem, none.

    A backup of the database is written first (when something will change). With
    ``dry_run`` the counts are computed the same way and nothing is written.
    A single file is read and checked before the write lock is taken, so the lock is
    held only to compare and write.
    """
    report = Progress(progress)
    results: list[ImportPreview] = []
    if len(files) == 1:
        # One file (the usual case) is read and checked before any lock is taken, and a
        # dry run of it only reads: other windows keep saving meanwhile.
        only = _as_file(files[0], progress)
        files = [only]
        if dry_run:
            with database.reading() as session:
                plan = plan_import(session, only, report)
                return [_preview_of(session, plan, applied=False)]
    try:
        with database.session(exclusive=True) as session:  # two imports at once: one waits
            backup: Path | None = None
            for number, file in enumerate(files):
                exchange_file = _as_file(file, progress)
                plan = plan_import(session, exchange_file, report)
                last = number == len(files) - 1
                conflict_ids: list[uuid.UUID] = []
                if plan.has_changes and not (dry_run and last):
                    if backup is None and not dry_run:
                        backup = _backup(database, report)
                    conflict_ids = _apply(session, plan, report)
                results.append(_preview_of(session, plan, conflict_ids, applied=not dry_run,
                                           backup_path=backup))
                del plan, exchange_file  # one file's records in memory at a time
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return results


def apply(database: Database, file: str | Path | ExchangeFile,
          progress: ProgressCallback | None = None) -> ImportPreview:
    """Import one file (backup first, then one transaction); returns what was done."""
    return import_files(database, [file], progress=progress)[0]


def _apply(session: Session, plan: Plan, report: Progress) -> list[uuid.UUID]:
    try:
        return apply_plan(session, plan, report, source_file=plan.file.name)
    except IntegrityError as exc:
        # The plan checks every clash it knows of; this is the net for the rest.
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
        if constraint:  # a server's error: name the rule, not the driver's text
            reason = constraint
        raise plan.file.error(f"the file clashes with this database ({reason}); "
                              "nothing was imported",
                              id=f"isi berkas bertabrakan dengan basis data ini ({reason}); "
                                 "tidak ada yang dimasukkan", kind="clash") from exc


def _backup(database: Database, report: Progress) -> Path | None:
    if database.path is None:
        return None
    from ...db.backup import take_backup

    report("backup", 0, 1)
    # Taken inside the import's write transaction, before its first write: the copy is
    # exactly what the import starts from. The backup folder is rotated as usual.
    taken = take_backup(database.path, "pre-import")
    report("backup", 1, 1)
    return taken.path


# --- conflicts ------------------------------------------------------------------------------

def _conflict_info(row: ExchangeConflict,
                   names: dict[uuid.UUID, tuple[str, str, str]],
                   local: dict[str, Any], local_ratings: list[dict[str, Any]]) -> ConflictInfo:
    incoming = row.incoming
    advisor_name, warong_name, period = names.get(row.assessment_id, ("?", "?", "?"))
    return ConflictInfo(
        id=row.id, assessment_id=row.assessment_id, advisor_name=advisor_name,
        warong_name=warong_name, period=period, local_status=local["status"],
        local_updated_at=datetime.fromisoformat(local["updated_at"]),
        incoming_status=incoming["assessment"]["status"],
        incoming_updated_at=datetime.fromisoformat(incoming["assessment"]["updated_at"]),
        differences=cell_differences(local_ratings, incoming["ratings"]),
        source_file=row.source_file, source_id=row.source_id, detected_at=row.detected_at,
        resolved_at=row.resolved_at, resolution=row.resolution, resolved_by=row.resolved_by)


def _infos(session: Session, rows: list[ExchangeConflict]) -> list[ConflictInfo]:
    codec = codec_for(session)
    ids = [str(row.assessment_id) for row in rows]
    ratings = ratings_of(session, codec, ids)
    assessments = {record["id"]: record for record in read_by_ids(
        session, codec, "assessments", ("id", "status", "updated_at"), "id", ids)}
    names = names_of(session, (row.assessment_id for row in rows))
    return [_conflict_info(row, names, assessments[str(row.assessment_id)],
                           ratings.get(str(row.assessment_id), [])) for row in rows]


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictInfo]:
    """Conflicting final assessments, oldest first; resolved ones too when asked."""
    query = select(ExchangeConflict).order_by(ExchangeConflict.detected_at, ExchangeConflict.id)
    if not include_resolved:
        query = query.where(ExchangeConflict.resolved_at.is_(None))
    return _infos(session, list(session.scalars(query)))


def resolve_conflict(session: Session, conflict_id: uuid.UUID | str, keep: str,
                     by: uuid.UUID | str | None = None) -> ConflictInfo:
    """Keep the local (``keep="local"``) or the incoming version of a conflicting assessment.

    The choice is recorded on the conflict and in the assessment's audit trail; keeping
    the incoming version replaces the assessment's status and ratings with it.
    """
    if keep not in RESOLUTIONS:
        raise ValidationError(f"keep must be 'local' or 'incoming', not {keep!r}",
                              id=f"pilihan harus 'local' (versi laptop ini) atau 'incoming' "
                                 f"(versi kiriman), bukan {keep!r}")
    row = session.get(ExchangeConflict, v.record_id(conflict_id, v.CONFLICT))
    if row is None:
        raise v.not_found(v.CONFLICT, conflict_id)
    if row.resolved_at is not None:
        raise ValidationError("this conflict was already resolved; nothing was changed",
                              id="konflik ini sudah diputuskan sebelumnya; tidak ada yang diubah")
    resolver = None
    if by is not None:
        resolver = v.record_id(by, v.ADVISOR)
        if session.get(Advisor, resolver) is None:
            raise v.not_found(v.ADVISOR, by)
    before = _infos(session, [row])[0]
    if keep == KEEP_INCOMING:
        _take_incoming(session, row)
    row.resolution = RESOLUTIONS[keep]
    row.resolved_at = utcnow()
    row.resolved_by = resolver
    session.add(AuditEntry(
        assessment_id=row.assessment_id, advisor_id=resolver, action=f"conflict_{row.resolution}",
        old_value=before.local_updated_at.isoformat(),
        new_value=before.incoming_updated_at.isoformat(), reason=row.source_file))
    session.flush()
    return _infos(session, [row])[0]


def _take_incoming(session: Session, row: ExchangeConflict) -> None:
    """Make the local assessment the incoming version (its id stays the local one)."""
    payload = row.incoming
    local_id = str(row.assessment_id)
    record = {**payload["assessment"], "id": local_id}
    ratings = [{**rating, "assessment_id": local_id} for rating in payload["ratings"]]
    writer = Writer(session, Progress(None), 0)
    session.flush()
    writer.update("assessments", [record])
    writer.delete_where_in("ratings", "assessment_id", [local_id])
    known = set(session.scalars(select(AuditEntry.id).where(AuditEntry.assessment_id == row.assessment_id)))
    writer.insert("ratings", ratings)
    writer.insert("audit_entries", [{**entry, "assessment_id": local_id}
                                    for entry in payload.get("audit_entries", [])
                                    if uuid.UUID(entry["id"]) not in known])
