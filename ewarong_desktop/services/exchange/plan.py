"""Merging a checked exchange file into a database: first a plan, then its application.

The plan compares the file with the database set by set (one query per table, never
one per record) and decides, per record:

- unknown here: new (unless this database deleted it later than the file last changed it);
- advisors, e-Warongs, drafts, target levels: the newer ``updated_at`` wins;
- a final assessment here is never overwritten by a different version: the incoming
  version is stored as an ``ExchangeConflict`` for a coordinator to resolve (an older
  draft of it is simply stale); the same conflict is not stored twice;
- an assessment is one version: when the incoming one wins, all its ratings replace
  the local ones, so "same id and same updated_at" always means "same content";
- audit entries are only ever added; tombstones delete a record that has not changed
  since and that no assessment needs;
- coordinators and the targets they set: the newer ``updated_at`` wins (targets are
  matched by advisor type, kabupaten, period and cell);
- a verification travels with the cells where it differs: the same verification (same
  id) in a later version wins; a different verification of the same assessment that
  says something else is kept as a ``VerificationConflict`` for a person to resolve;
- a plan is one unit per assessment: a later plan replaces an earlier one that has no
  follow-ups yet; a follow-up of an action: the newer wins.

Two laptops may have created the same e-Warong (same name in the same kelurahan) or the
same advisor/e-Warong/period assessment under different ids: the e-Warong is taken as
the one already here, the assessment becomes a conflict unless both say the same.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from ...db.models import (
    STATUS_DRAFT,
    STATUS_FINAL,
    Advisor,
    Assessment,
    ExchangeConflict,
    VerificationConflict,
    Warong,
)
from ...errors import Phrase
from ...instrument import all_cell_codes
from ..warongs import name_key
from .archive import KINDS, ExchangeFile, Progress
from .tables import (
    IN_CHUNK,
    WRITE_CHUNK,
    Codec,
    canonical_time,
    chunks,
    codec_for,
    raw_table,
)

CELL_CODES = frozenset(all_cell_codes())
EXAMPLES_SHOWN = 3


@dataclass
class KindCounts:
    """How many records of one kind the import adds, changes, leaves, or holds as conflicts."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicting: int = 0

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.conflicting


@dataclass(frozen=True)
class CellDifference:
    """One cell where the two versions of an assessment differ (levels as shown: 0-4, N/A, -)."""

    cell_code: str
    local_level: str
    incoming_level: str
    local_note: str
    incoming_note: str


@dataclass(frozen=True)
class ConflictInfo:
    """Two final versions of one assessment; ``id`` is None until the import is applied."""

    id: uuid.UUID | None
    assessment_id: uuid.UUID
    advisor_name: str
    warong_name: str
    period: str
    local_status: str
    local_updated_at: datetime
    incoming_status: str
    incoming_updated_at: datetime
    differences: tuple[CellDifference, ...]
    source_file: str | None
    source_id: str | None
    detected_at: datetime | None = None
    resolved_at: datetime | None = None
    resolution: str | None = None
    resolved_by: uuid.UUID | None = None

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


@dataclass
class PlannedConflict:
    local_assessment_id: str
    payload: dict[str, Any]
    local_version: dict[str, Any]


@dataclass
class Plan:
    """What importing one file would do; records are in exchange text."""

    file: ExchangeFile
    counts: dict[str, KindCounts] = field(default_factory=lambda: {k: KindCounts() for k in KINDS})
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    updates: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    replaced_assessments: list[str] = field(default_factory=list)
    conflicts: list[PlannedConflict] = field(default_factory=list)
    deletions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    tombstones_to_store: list[dict[str, Any]] = field(default_factory=list)
    tombstones_to_remove: list[tuple[str, str]] = field(default_factory=list)
    #: Verifications whose cells the incoming version replaces (their ids).
    replaced_verifications: list[str] = field(default_factory=list)
    #: Incoming verifications (with their cells) that differ from another one here.
    verification_conflicts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(any(self.inserts.values()) or any(self.updates.values()) or self.conflicts
                    or any(self.deletions.values()) or self.tombstones_to_store
                    or self.tombstones_to_remove or self.verification_conflicts)

    @property
    def write_count(self) -> int:
        return (sum(map(len, self.inserts.values())) + sum(map(len, self.updates.values()))
                + len(self.conflicts) + sum(map(len, self.deletions.values()))
                + len(self.verification_conflicts) + 1)


def _version_digest(assessment: dict[str, Any], ratings: list[dict[str, Any]]) -> str:
    text = json.dumps({"assessment": assessment, "ratings": sorted(ratings, key=lambda r: r["cell_code"])},
                      sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rating_content(ratings: Iterable[dict[str, Any]]) -> tuple[tuple[Any, ...], ...]:
    """What a person sees of the ratings: cell, level, N/A and note (empty cells left out)."""
    seen = []
    for rating in ratings:
        level = None if rating["level"] is None else int(rating["level"])
        if level is None and not rating["not_applicable"] and not rating["note"]:
            continue  # a cleared cell says the same as a missing one
        seen.append((rating["cell_code"], level, bool(rating["not_applicable"]), rating["note"]))
    return tuple(sorted(seen))


def describe_level(rating: dict[str, Any] | None) -> str:
    if rating is None or (rating["level"] is None and not rating["not_applicable"]):
        return "-"
    return "N/A" if rating["not_applicable"] else str(int(rating["level"]))


def cell_differences(local: Iterable[dict[str, Any]],
                     incoming: Iterable[dict[str, Any]]) -> tuple[CellDifference, ...]:
    mine = {rating["cell_code"]: rating for rating in local}
    theirs = {rating["cell_code"]: rating for rating in incoming}
    differences = []
    for code in sorted(set(mine) | set(theirs)):
        a, b = mine.get(code), theirs.get(code)
        level_a, level_b = describe_level(a), describe_level(b)
        note_a, note_b = (a or {}).get("note") or "", (b or {}).get("note") or ""
        if level_a != level_b or note_a != note_b:
            differences.append(CellDifference(code, level_a, level_b, note_a, note_b))
    return tuple(differences)


def read_rows(session: Session, codec: Codec, kind: str, names: tuple[str, ...],
              where: Any = None) -> list[dict[str, Any]]:
    """Records of one kind (the named fields, in exchange text), optionally filtered."""
    columns, read = codec.row_reader(kind, names)
    t = raw_table(kind)
    statement = select(*(t.c[name] for name in columns))
    if where is not None:
        statement = statement.where(where)
    return [read(row) for row in session.connection().execute(statement)]


def read_by_ids(session: Session, codec: Codec, kind: str, names: tuple[str, ...],
                column_name: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Records whose ``column_name`` is one of ``ids`` (queried in chunks)."""
    t = raw_table(kind)
    found: list[dict[str, Any]] = []
    for chunk in chunks(sorted(set(ids)), IN_CHUNK):
        stored = [codec.uuid_to_db(text) for text in chunk]
        found += read_rows(session, codec, kind, names, t.c[column_name].in_(stored))
    return found


RATING_FIELDS = ("id", "assessment_id", "cell_code", "level", "not_applicable", "note", "updated_at")
VERIFICATION_FIELDS = ("id", "assessment_id", "coordinator_id", "status", "comment", "at",
                       "created_at", "updated_at")
VERIFIED_CELL_FIELDS = ("id", "verification_id", "cell_code", "level", "not_applicable", "comment")


def verification_content(verification: dict[str, Any],
                         cells: Iterable[dict[str, Any]]) -> tuple[Any, ...]:
    """What a person sees of a verification: its status, comment and differing cells."""
    return (verification["status"], verification["comment"] or "", tuple(sorted(
        (c["cell_code"], None if c["level"] is None else int(c["level"]),
         bool(c["not_applicable"]), c["comment"] or "") for c in cells)))
ASSESSMENT_FIELDS = ("id", "advisor_id", "warong_id", "period", "status", "instrument_version",
                     "finalised_at", "created_at", "updated_at")


def ratings_of(session: Session, codec: Codec,
               assessment_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Local ratings of the given assessments, grouped by assessment."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rating in read_by_ids(session, codec, "ratings", RATING_FIELDS, "assessment_id",
                              assessment_ids):
        grouped[rating["assessment_id"]].append(rating)
    return grouped


class LocalState:
    """The keys and version stamps already in the database, one query per table."""

    def __init__(self, session: Session, codec: Codec):
        self.session = session
        self.codec = codec
        self.advisors = {r["id"]: r["updated_at"] for r in self.rows("advisors", ("id", "updated_at"))}
        self.warongs: dict[str, dict[str, Any]] = {
            r["id"]: r for r in self.rows("warongs", ("id", "updated_at", "name", "kelurahan",
                                                      "kecamatan", "kabupaten"))}
        self.warong_keys = {natural_key(r): r["id"] for r in self.warongs.values()}
        self.assessments: dict[str, dict[str, Any]] = {
            r["id"]: r for r in self.rows("assessments", ASSESSMENT_FIELDS)}
        self.triples = {(r["advisor_id"], r["warong_id"], r["period"]): r["id"]
                        for r in self.assessments.values()}
        self.assignments = {(r["advisor_id"], r["warong_id"])
                            for r in self.rows("assignments", ("advisor_id", "warong_id"))}
        self.targets = {(r["advisor_type"], r["cell_code"]): r["updated_at"]
                        for r in self.rows("target_levels", ("advisor_type", "cell_code", "updated_at"))}
        self.audit_ids = {r["id"] for r in self.rows("audit_entries", ("id",))}
        self.tombstones = {(r["kind"], r["record_id"]): r["deleted_at"]
                           for r in self.rows("tombstones", ("kind", "record_id", "deleted_at"))}
        self.conflict_digests: dict[str, set[str]] = defaultdict(set)
        for conflict_assessment, incoming in session.execute(
                select(ExchangeConflict.assessment_id, ExchangeConflict.incoming)):
            if isinstance(incoming, dict) and "digest" in incoming:
                self.conflict_digests[str(conflict_assessment)].add(incoming["digest"])
        self.coordinators = {r["id"]: r["updated_at"]
                             for r in self.rows("coordinators", ("id", "updated_at"))}
        self.verifications: dict[str, dict[str, Any]] = {
            r["assessment_id"]: r for r in self.rows("verifications", VERIFICATION_FIELDS)}
        self.verification_ids = {r["id"] for r in self.verifications.values()}
        self.verification_conflict_digests: dict[str, set[str]] = defaultdict(set)
        for conflict_assessment, digest in session.execute(
                select(VerificationConflict.assessment_id, VerificationConflict.digest)):
            self.verification_conflict_digests[str(conflict_assessment)].add(digest)
        self.target_settings = {
            (r["advisor_type"], r["kabupaten"], r["period"], r["cell_code"]): r["updated_at"]
            for r in self.rows("target_settings", ("advisor_type", "kabupaten", "period",
                                                   "cell_code", "updated_at"))}
        self.plan_actions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for action in self.rows("plan_actions", ("id", "assessment_id", "created_at",
                                                 "updated_at")):
            self.plan_actions[action["assessment_id"]].append(action)
        self.follow_ups = {r["action_id"]: r["updated_at"]
                           for r in self.rows("follow_ups", ("action_id", "updated_at"))}

    def rows(self, kind: str, names: tuple[str, ...]) -> list[dict[str, Any]]:
        return read_rows(self.session, self.codec, kind, names)

    def ratings_of(self, assessment_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        return ratings_of(self.session, self.codec, assessment_ids)

    def rating_owners(self, rating_ids: list[str]) -> dict[str, str]:
        """For those of the ids already used here: the assessment each rating belongs to."""
        t = raw_table("ratings")
        if self.session.connection().execute(select(t.c.id).limit(1)).first() is None:
            return {}
        return {r["id"]: r["assessment_id"] for r in read_by_ids(
            self.session, self.codec, "ratings", ("id", "assessment_id"), "id", rating_ids)}


def natural_key(warong: dict[str, Any]) -> tuple[str, str, str, str]:
    """What makes two e-Warong records the same shop: its name (folded) and its place."""
    return (warong["kabupaten"], warong["kecamatan"], warong["kelurahan"], name_key(warong["name"]))


CLASHES = Phrase("the file clashes with this database", "isi berkas bertabrakan dengan basis data ini")


class _Problems:
    """Collects what is wrong with a file so one message can name all of it (in both languages)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.lines_id: list[str] = []

    def add(self, examples: list[str], what: Phrase) -> None:
        if examples:
            shown = ", ".join(examples[:EXAMPLES_SHOWN])
            self.lines.append(f"{len(examples)} {what.en} (first: {shown})")
            self.lines_id.append(f"{len(examples)} {what.id} (yang pertama: {shown})")

    def raise_if_any(self, xfile: ExchangeFile, summary: Phrase, *, kind: str = "damaged") -> None:
        if self.lines:
            raise xfile.error(f"{summary.en}: " + "; ".join(self.lines), self.lines,
                              id=f"{summary.id}: " + "; ".join(self.lines_id), kind=kind)


def _duplicates(keys: Iterable[Any]) -> list[str]:
    seen: set[Any] = set()
    twice = []
    for key in keys:
        if key in seen:
            twice.append(key if isinstance(key, str) else "/".join(map(str, key)))
        seen.add(key)
    return twice


class Planner:
    """Builds the Plan for one file against the current database."""

    def __init__(self, session: Session, xfile: ExchangeFile, progress: Progress):
        self.session = session
        self.xfile = xfile
        self.content = xfile.content
        self.progress = progress
        self.codec = codec_for(session)
        self.plan = Plan(xfile)
        self.alias: dict[str, str] = {}  # e-Warong id in the file -> the same e-Warong here
        self.skipped: set[str] = set()  # records this database deleted later than the file changed
        # assessment id in the file -> new, updated, unchanged, conflict, or held (a conflict
        # already listed: its version waits in exchange_conflict, not in the tables)
        self.fate: dict[str, str] = {}
        self.mapped: dict[str, str] = {}  # assessment id in the file -> the same assessment here
        self.ratings_by_assessment: dict[str, dict[str, dict[str, Any]]] = {}
        self.audit_by_assessment: dict[str, list[dict[str, Any]]] | None = None
        self.dropped_actions: set[str] = set()  # plan actions of a plan not taken here

    def build(self) -> Plan:
        self.progress("compare", 0, 6)
        self._refuse_duplicates()
        self.local = LocalState(self.session, self.codec)
        self.progress("compare", 1, 6)
        self._refuse_dangling_references()
        self.progress("compare", 2, 6)
        self._advisors()
        self._warongs()
        self._assignments()
        self.progress("compare", 3, 6)
        self._assessments()
        self.progress("compare", 4, 6)
        self._audit_entries()
        self._target_levels()
        self._coordinators()
        self._verifications()
        self._target_settings()
        self._plan_actions()
        self._follow_ups()
        self._tombstones()
        self.progress("compare", 6, 6)
        return self.plan

    # --- checks that need the whole file, then the database ---------------------------

    def _refuse_duplicates(self) -> None:
        c = self.content
        problems = _Problems()
        for kind in ("advisors", "warongs", "assessments", "ratings", "audit_entries",
                     "coordinators", "verifications", "verified_cells", "target_settings",
                     "plan_actions", "follow_ups"):
            problems.add(_duplicates(record["id"] for record in c[kind]),
                         Phrase(f"{kind} ids listed twice", f"id {kind} tercantum dua kali"))
        problems.add(_duplicates((r["advisor_id"], r["warong_id"]) for r in c["assignments"]),
                     Phrase("assignments listed twice", "penugasan tercantum dua kali"))
        problems.add(_duplicates((r["advisor_type"], r["cell_code"]) for r in c["target_levels"]),
                     Phrase("target levels listed twice", "target tercantum dua kali"))
        problems.add(_duplicates(r["assessment_id"] for r in c["verifications"]),
                     Phrase("assessments verified twice", "penilaian diverifikasi dua kali"))
        problems.add(_duplicates((r["verification_id"], r["cell_code"]) for r in c["verified_cells"]),
                     Phrase("verified cells listed twice", "sel terverifikasi tercantum dua kali"))
        problems.add(_duplicates((r["advisor_type"], r["kabupaten"], r["period"], r["cell_code"])
                                 for r in c["target_settings"]),
                     Phrase("targets set twice", "target ditetapkan dua kali"))
        problems.add(_duplicates(r["action_id"] for r in c["follow_ups"]),
                     Phrase("actions followed up twice", "tindakan ditindaklanjuti dua kali"))
        problems.add(_duplicates((r["kind"], r["record_id"]) for r in c["tombstones"]),
                     Phrase("tombstones listed twice", "catatan penghapusan tercantum dua kali"))
        problems.add(_duplicates(natural_key(r) for r in c["warongs"]),
                     Phrase("e-Warongs listed twice under different ids (same name and place)",
                            "e-Warong tercantum dua kali dengan id berbeda (nama dan tempatnya sama)"))
        problems.add(_duplicates((r["advisor_id"], r["warong_id"], r["period"])
                                 for r in c["assessments"]),
                     Phrase("assessments of the same advisor, e-Warong and period listed twice",
                            "penilaian dengan pendamping, e-Warong dan periode yang sama tercantum "
                            "dua kali"))
        grouped: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        twice = []
        for rating in c["ratings"]:
            cells = grouped[rating["assessment_id"]]
            if rating["cell_code"] in cells:
                twice.append(f"{rating['assessment_id']}/{rating['cell_code']}")
            cells[rating["cell_code"]] = rating
        problems.add(twice, Phrase("cells rated twice in one assessment",
                                   "sel dinilai dua kali dalam satu penilaian"))
        problems.raise_if_any(self.xfile, Phrase("the file lists records twice",
                                                 "berkas mencantumkan data dua kali"))
        self.ratings_by_assessment = grouped

    def _refuse_dangling_references(self) -> None:
        c, local = self.content, self.local
        advisors = {r["id"] for r in c["advisors"]} | set(local.advisors)
        warongs = {r["id"] for r in c["warongs"]} | set(local.warongs)
        in_file = {r["id"] for r in c["assessments"]}
        problems = _Problems()
        problems.add([f"{r['id']} -> advisor {r['advisor_id']}" for r in c["assessments"]
                      if r["advisor_id"] not in advisors],
                     Phrase("assessments point to an advisor that is neither in the file nor here",
                            "penilaian merujuk ke pendamping yang tidak ada di berkas maupun di sini"))
        problems.add([f"{r['id']} -> e-Warong {r['warong_id']}" for r in c["assessments"]
                      if r["warong_id"] not in warongs],
                     Phrase("assessments point to an e-Warong that is neither in the file nor here",
                            "penilaian merujuk ke e-Warong yang tidak ada di berkas maupun di sini"))
        problems.add([f"{r['advisor_id']}/{r['warong_id']}" for r in c["assignments"]
                      if r["advisor_id"] not in advisors or r["warong_id"] not in warongs],
                     Phrase("assignments point to an advisor or e-Warong that is neither in the file "
                            "nor here",
                            "penugasan merujuk ke pendamping atau e-Warong yang tidak ada di berkas "
                            "maupun di sini"))
        orphans = [aid for aid in self.ratings_by_assessment if aid not in in_file]
        problems.add([aid for aid in orphans if aid not in local.assessments],
                     Phrase("groups of ratings point to an assessment that is neither in the file "
                            "nor here",
                            "kelompok nilai merujuk ke penilaian yang tidak ada di berkas maupun di "
                            "sini"))
        problems.add([aid for aid in orphans if aid in local.assessments],
                     Phrase("groups of ratings travel without their assessment (an assessment travels "
                            "with all its ratings; export it again)",
                            "kelompok nilai terkirim tanpa penilaiannya (penilaian selalu dikirim "
                            "bersama semua nilainya; ekspor ulang)"))
        problems.add([r["id"] for r in c["audit_entries"]
                      if r["assessment_id"] not in in_file and r["assessment_id"] not in local.assessments],
                     Phrase("audit entries point to an assessment that is neither in the file nor "
                            "here",
                            "catatan riwayat merujuk ke penilaian yang tidak ada di berkas maupun di "
                            "sini"))
        coordinators = {r["id"] for r in c["coordinators"]} | set(local.coordinators)
        assessments_known = in_file | set(local.assessments)
        verifications = {r["id"] for r in c["verifications"]}
        actions = {r["id"] for r in c["plan_actions"]} | {
            a["id"] for group in local.plan_actions.values() for a in group}
        problems.add([r["id"] for r in c["verifications"]
                      if r["assessment_id"] not in assessments_known
                      or r["coordinator_id"] not in coordinators],
                     Phrase("verifications point to an assessment or coordinator that is neither "
                            "in the file nor here",
                            "verifikasi merujuk ke penilaian atau koordinator yang tidak ada di "
                            "berkas maupun di sini"))
        problems.add([r["id"] for r in c["verified_cells"] if r["verification_id"] not in verifications],
                     Phrase("verified cells travel without their verification",
                            "sel terverifikasi terkirim tanpa verifikasinya"))
        problems.add([r["id"] for r in c["plan_actions"]
                      if r["assessment_id"] not in assessments_known
                      or (r["created_by"] is not None and r["created_by"] not in coordinators)],
                     Phrase("plan actions point to an assessment or coordinator that is neither "
                            "in the file nor here",
                            "tindakan rencana merujuk ke penilaian atau koordinator yang tidak ada "
                            "di berkas maupun di sini"))
        problems.add([r["id"] for r in c["follow_ups"] if r["action_id"] not in actions],
                     Phrase("follow-ups point to an action that is neither in the file nor here",
                            "tindak lanjut merujuk ke tindakan yang tidak ada di berkas maupun di "
                            "sini"))
        problems.add([r["id"] for r in c["target_settings"]
                      if r["set_by"] is not None and r["set_by"] not in coordinators],
                     Phrase("targets name a coordinator that is neither in the file nor here",
                            "target menyebut koordinator yang tidak ada di berkas maupun di sini"))
        problems.add(sorted({r["cell_code"] for r in c["ratings"] if r["cell_code"] not in CELL_CODES}
                            | {r["cell_code"] for r in c["target_levels"]
                               if r["cell_code"] not in CELL_CODES}
                            | {code for r in c["plan_actions"] for code in r["cells"]
                               if code not in CELL_CODES}),
                     Phrase("unknown cell codes", "kode sel tidak dikenal"))
        problems.raise_if_any(self.xfile, Phrase("the file refers to records that do not exist",
                                                 "berkas merujuk ke data yang tidak ada"))

    # --- records without a period ---------------------------------------------------------

    def _newer_or_new(self, kind: str, record: dict[str, Any], local_stamp: str | None,
                      tombstone_kind: str, needed: set[str]) -> str:
        """new / updated / unchanged / skipped for an advisor or e-Warong record."""
        stamp = canonical_time(record["updated_at"])
        if local_stamp is not None:
            return "updated" if stamp > local_stamp else "unchanged"
        deleted_at = self.local.tombstones.get((tombstone_kind, record["id"]))
        if deleted_at is not None:
            if stamp <= deleted_at and record["id"] not in needed:
                return "skipped"
            self.plan.tombstones_to_remove.append((tombstone_kind, record["id"]))
        return "new"

    def _count_and_queue(self, kind: str, record: dict[str, Any], outcome: str) -> None:
        counts = self.plan.counts[kind]
        if outcome == "new":
            counts.new += 1
            self.plan.inserts[kind].append(record)
        elif outcome == "updated":
            counts.updated += 1
            self.plan.updates[kind].append(record)
        else:
            counts.unchanged += 1
            if outcome == "skipped":
                self.skipped.add(record["id"])

    def _advisors(self) -> None:
        needed = {r["advisor_id"] for r in self.content["assessments"]}
        for record in self.content["advisors"]:
            outcome = self._newer_or_new("advisors", record, self.local.advisors.get(record["id"]),
                                         "advisor", needed)
            self._count_and_queue("advisors", record, outcome)

    def _warongs(self) -> None:
        needed = {r["warong_id"] for r in self.content["assessments"]}
        problems = _Problems()
        clashes = []
        for record in self.content["warongs"]:
            key = natural_key(record)
            here = self.local.warong_keys.get(key)
            local = self.local.warongs.get(record["id"])
            if local is None and here is not None:
                # The same shop entered on two laptops: keep the id already here.
                self.alias[record["id"]] = here
                record = {**record, "id": here}
                local = self.local.warongs[here]
            elif local is not None and here not in (None, record["id"]):
                clashes.append(f"{record['name']} ({record['kelurahan']})")
                continue
            outcome = self._newer_or_new("warongs", record, local["updated_at"] if local else None,
                                         "warong", needed)
            self._count_and_queue("warongs", record, outcome)
        problems.add(clashes, Phrase("e-Warongs would get the name and place of another e-Warong here",
                            "e-Warong akan mendapat nama dan tempat e-Warong lain yang sudah ada di sini"))
        problems.raise_if_any(self.xfile, CLASHES, kind="clash")

    def _assignments(self) -> None:
        counts = self.plan.counts["assignments"]
        for record in self.content["assignments"]:
            warong_id = self.alias.get(record["warong_id"], record["warong_id"])
            if record["advisor_id"] in self.skipped or record["warong_id"] in self.skipped:
                counts.unchanged += 1
            elif (record["advisor_id"], warong_id) in self.local.assignments:
                counts.unchanged += 1
            else:
                counts.new += 1
                self.plan.inserts["assignments"].append({**record, "warong_id": warong_id})

    # --- assessments and their ratings ----------------------------------------------------

    def _assessments(self) -> None:
        plan, local = self.plan, self.local
        to_compare: list[tuple[dict[str, Any], str]] = []
        for record in self.content["assessments"]:
            aid = record["id"]
            stamp = canonical_time(record["updated_at"])
            mine = local.assessments.get(aid)
            if mine is None:
                warong_id = self.alias.get(record["warong_id"], record["warong_id"])
                other = local.triples.get((record["advisor_id"], warong_id, record["period"]))
                if other is None:
                    self._settle({**record, "warong_id": warong_id}, "new")
                else:
                    to_compare.append((record, other))
            elif mine["updated_at"] == stamp:
                self._settle(record, "unchanged")
            elif mine["status"] == STATUS_FINAL:
                to_compare.append((record, aid))
            elif stamp > mine["updated_at"]:
                self._settle(record, "updated")
            else:
                self._settle(record, "unchanged")
        local_ratings = local.ratings_of([other for _, other in to_compare]
                                         + plan.replaced_assessments)
        for record, other in to_compare:
            incoming = list(self.ratings_by_assessment.get(record["id"], {}).values())
            self._compare_with_final_or_twin(record, other, incoming, local_ratings.get(other, []))
        self._count_ratings(local_ratings)
        self._refuse_rating_id_clashes()

    def _settle(self, record: dict[str, Any], fate: str, local_id: str | None = None) -> None:
        self.fate[record["id"]] = fate
        self.mapped[record["id"]] = local_id or record["id"]
        counts = self.plan.counts["assessments"]
        if fate == "new":
            counts.new += 1
            self.plan.inserts["assessments"].append(record)
        elif fate == "updated":
            counts.updated += 1
            self.plan.updates["assessments"].append(record)
            self.plan.replaced_assessments.append(record["id"])
        elif fate == "conflict":
            counts.conflicting += 1
        else:
            counts.unchanged += 1

    def _compare_with_final_or_twin(self, record: dict[str, Any], local_id: str,
                                    incoming: list[dict[str, Any]],
                                    mine: list[dict[str, Any]]) -> None:
        here = self.local.assessments[local_id]
        same = (record["status"], record["instrument_version"], rating_content(incoming)) == \
            (here["status"], here["instrument_version"], rating_content(mine))
        stale_draft = (local_id == record["id"] and record["status"] == STATUS_DRAFT
                       and canonical_time(record["updated_at"]) < here["updated_at"])
        if same or stale_draft:
            self._settle(record, "unchanged", local_id)
            return
        digest = _version_digest(record, incoming)
        if digest in self.local.conflict_digests.get(local_id, ()):
            self._settle(record, "held", local_id)  # already listed for a coordinator
            return
        self._settle(record, "conflict", local_id)
        if self.audit_by_assessment is None:
            self.audit_by_assessment = defaultdict(list)
            for entry in self.content["audit_entries"]:
                self.audit_by_assessment[entry["assessment_id"]].append(entry)
        audit = self.audit_by_assessment.get(record["id"], [])
        self.plan.conflicts.append(PlannedConflict(
            local_id, {"digest": digest, "assessment": record, "ratings": incoming,
                       "audit_entries": audit},
            {"assessment": here, "ratings": mine}))

    def _count_ratings(self, local_ratings: dict[str, list[dict[str, Any]]]) -> None:
        counts = self.plan.counts["ratings"]
        conflicts = {c.payload["assessment"]["id"]: c for c in self.plan.conflicts}
        for aid, cells in self.ratings_by_assessment.items():
            fate = self.fate[aid]
            if fate == "new":
                counts.new += len(cells)
                self.plan.inserts["ratings"].extend(cells.values())
            elif fate == "updated":
                mine = {r["cell_code"]: r for r in local_ratings.get(aid, [])}
                for code, rating in cells.items():
                    old = mine.get(code)
                    if old is None:
                        counts.new += 1
                    elif rating_content([old]) == rating_content([rating]) and old["id"] == rating["id"]:
                        counts.unchanged += 1
                    else:
                        counts.updated += 1
                self.plan.inserts["ratings"].extend(cells.values())
            elif fate == "conflict":
                conflict = conflicts[aid]
                differing = {d.cell_code for d in cell_differences(conflict.local_version["ratings"],
                                                                   cells.values())}
                counts.conflicting += sum(1 for code in cells if code in differing)
                counts.unchanged += sum(1 for code in cells if code not in differing)
            else:
                counts.unchanged += len(cells)

    def _refuse_rating_id_clashes(self) -> None:
        replaced = set(self.plan.replaced_assessments)
        inserting = self.plan.inserts["ratings"]
        owners = self.local.rating_owners([rating["id"] for rating in inserting])
        clashes = [rating["id"] for rating in inserting
                   if rating["id"] in owners and not (owners[rating["id"]] in replaced
                                                      and owners[rating["id"]] == rating["assessment_id"])]
        problems = _Problems()
        problems.add(clashes, Phrase("ratings reuse the id of a rating of another assessment here",
                            "nilai memakai id yang sudah dipakai nilai dari penilaian lain di sini"))
        problems.raise_if_any(self.xfile, CLASHES, kind="clash")

    # --- the rest -----------------------------------------------------------------------

    def _audit_entries(self) -> None:
        counts = self.plan.counts["audit_entries"]
        for entry in self.content["audit_entries"]:
            fate = self.fate.get(entry["assessment_id"])
            if entry["id"] in self.local.audit_ids:
                counts.unchanged += 1
            elif fate == "conflict":
                counts.conflicting += 1  # kept with the conflict until it is resolved
            elif fate == "held":
                counts.unchanged += 1  # already kept with a listed conflict
            else:
                counts.new += 1
                target = self.mapped.get(entry["assessment_id"], entry["assessment_id"])
                self.plan.inserts["audit_entries"].append({**entry, "assessment_id": target})

    def _target_levels(self) -> None:
        for record in self.content["target_levels"]:
            here = self.local.targets.get((record["advisor_type"], record["cell_code"]))
            stamp = canonical_time(record["updated_at"])
            outcome = "new" if here is None else ("updated" if stamp > here else "unchanged")
            self._count_and_queue("target_levels", record, outcome)

    # --- coordinators' records -------------------------------------------------------------

    def _coordinators(self) -> None:
        for record in self.content["coordinators"]:
            here = self.local.coordinators.get(record["id"])
            stamp = canonical_time(record["updated_at"])
            outcome = "new" if here is None else ("updated" if stamp > here else "unchanged")
            self._count_and_queue("coordinators", record, outcome)

    def _verifications(self) -> None:
        counts = self.plan.counts["verifications"]
        cell_counts = self.plan.counts["verified_cells"]
        cells_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for cell in self.content["verified_cells"]:
            cells_of[cell["verification_id"]].append(cell)
        local_cells: dict[str, list[dict[str, Any]]] = defaultdict(list)
        wanted = [self.local.verifications[self.mapped.get(r["assessment_id"], r["assessment_id"])]["id"]
                  for r in self.content["verifications"]
                  if self.mapped.get(r["assessment_id"], r["assessment_id"]) in self.local.verifications]
        for cell in read_by_ids(self.session, self.codec, "verified_cells", VERIFIED_CELL_FIELDS,
                                "verification_id", wanted):
            local_cells[cell["verification_id"]].append(cell)
        for record in self.content["verifications"]:
            cells = cells_of.get(record["id"], [])
            if self.fate.get(record["assessment_id"]) in ("conflict", "held"):
                counts.unchanged += 1  # it verified a version that is itself in conflict here
                cell_counts.unchanged += len(cells)
                continue
            target = self.mapped.get(record["assessment_id"], record["assessment_id"])
            record = {**record, "assessment_id": target}
            mine = self.local.verifications.get(target)
            if mine is None:
                if record["id"] in self.local.verification_ids:
                    counts.unchanged += 1
                    continue
                counts.new += 1
                cell_counts.new += len(cells)
                self.plan.inserts["verifications"].append(record)
                self.plan.inserts["verified_cells"].extend(cells)
                continue
            same = verification_content(record, cells) == verification_content(
                mine, local_cells.get(mine["id"], []))
            if mine["id"] == record["id"]:
                if canonical_time(record["updated_at"]) > mine["updated_at"] and not same:
                    counts.updated += 1
                    cell_counts.updated += len(cells)
                    self.plan.updates["verifications"].append(record)
                    self.plan.replaced_verifications.append(record["id"])
                    self.plan.inserts["verified_cells"].extend(cells)
                else:
                    counts.unchanged += 1
                    cell_counts.unchanged += len(cells)
                continue
            if same:
                counts.unchanged += 1
                cell_counts.unchanged += len(cells)
                continue
            digest = hashlib.sha256(json.dumps(
                {"verification": record, "cells": sorted(cells, key=lambda c: c["cell_code"])},
                sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
            if digest in self.local.verification_conflict_digests.get(target, ()):
                counts.unchanged += 1  # already listed for a person
                cell_counts.unchanged += len(cells)
                continue
            counts.conflicting += 1
            cell_counts.conflicting += len(cells)
            self.plan.verification_conflicts.append(
                {"assessment_id": target, "digest": digest,
                 "incoming": {"verification": record, "cells": cells}})

    def _target_settings(self) -> None:
        for record in self.content["target_settings"]:
            key = (record["advisor_type"], record["kabupaten"], record["period"], record["cell_code"])
            here = self.local.target_settings.get(key)
            stamp = canonical_time(record["updated_at"])
            outcome = "new" if here is None else ("updated" if stamp > here else "unchanged")
            self._count_and_queue("target_settings", record, outcome)

    def _plan_actions(self) -> None:
        counts = self.plan.counts["plan_actions"]
        incoming: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in self.content["plan_actions"]:
            incoming[record["assessment_id"]].append(record)
        for assessment_id, actions in incoming.items():
            if self.fate.get(assessment_id) in ("conflict", "held"):
                counts.unchanged += len(actions)
                self.dropped_actions |= {a["id"] for a in actions}
                continue
            target = self.mapped.get(assessment_id, assessment_id)
            actions = [{**a, "assessment_id": target} for a in actions]
            mine = self.local.plan_actions.get(target, [])
            mine_by_id = {a["id"]: a for a in mine}
            if {a["id"] for a in actions} == set(mine_by_id):
                for action in actions:
                    newer = canonical_time(action["updated_at"]) > mine_by_id[action["id"]]["updated_at"]
                    self._count_and_queue("plan_actions", action, "updated" if newer else "unchanged")
                continue
            later = max(canonical_time(a["created_at"]) for a in actions) > max(
                (a["created_at"] for a in mine), default="")
            followed = any(a["id"] in self.local.follow_ups for a in mine)
            if mine and (not later or followed):
                counts.unchanged += len(actions)  # the plan here is the later one, or followed up
                self.dropped_actions |= {a["id"] for a in actions}
                continue
            self.plan.deletions["plan_actions"].extend(a["id"] for a in mine)
            counts.new += len(actions)
            self.plan.inserts["plan_actions"].extend(actions)

    def _follow_ups(self) -> None:
        deleted = set(self.plan.deletions["plan_actions"])
        for record in self.content["follow_ups"]:
            if record["action_id"] in self.dropped_actions or record["action_id"] in deleted:
                self.plan.counts["follow_ups"].unchanged += 1
                continue
            here = self.local.follow_ups.get(record["action_id"])
            stamp = canonical_time(record["updated_at"])
            outcome = "new" if here is None else ("updated" if stamp > here else "unchanged")
            self._count_and_queue("follow_ups", record, outcome)

    def _tombstones(self) -> None:
        counts = self.plan.counts["tombstones"]
        used_advisors = {a["advisor_id"] for a in self.local.assessments.values()} | {
            a["advisor_id"] for a in self.content["assessments"]}
        used_warongs = {a["warong_id"] for a in self.local.assessments.values()} | {
            self.alias.get(a["warong_id"], a["warong_id"]) for a in self.content["assessments"]}
        in_file = {("advisor", r["id"]) for r in self.content["advisors"]} | {
            ("warong", r["id"]) for r in self.content["warongs"]}
        for tombstone in self.content["tombstones"]:
            kind, record_id = tombstone["kind"], tombstone["record_id"]
            deleted_at = canonical_time(tombstone["deleted_at"])
            if kind == "advisor":
                local_stamp, used = self.local.advisors.get(record_id), used_advisors
            else:
                here = self.local.warongs.get(record_id)
                local_stamp, used = (here["updated_at"] if here else None), used_warongs
            known = self.local.tombstones.get((kind, record_id))
            if (kind, record_id) in in_file or record_id in used:
                counts.unchanged += 1  # still needed here: nothing may be lost
            elif local_stamp is not None:
                if local_stamp <= deleted_at:
                    counts.new += 1
                    self.plan.deletions[f"{kind}s"].append(record_id)
                    self.plan.tombstones_to_store.append({**tombstone, "deleted_at": deleted_at})
                else:
                    counts.unchanged += 1  # changed here after it was deleted there
            elif known is None or known < deleted_at:
                counts.new += 1
                self.plan.tombstones_to_store.append({**tombstone, "deleted_at": deleted_at})
            else:
                counts.unchanged += 1


def plan_import(session: Session, xfile: ExchangeFile, progress: Progress) -> Plan:
    """Compare a checked file with the database; raises ExchangeError for what cannot merge."""
    return Planner(session, xfile, progress).build()


# --- applying a plan ------------------------------------------------------------------------

UPDATE_COLUMNS = {
    "advisors": ("name", "advisor_type", "staff_number", "phone", "kabupaten", "kecamatan",
                 "created_at", "updated_at"),
    "warongs": ("name", "name_key", "kube_name", "address", "kelurahan", "kecamatan", "kabupaten",
                "provinsi", "year_founded", "member_count", "services", "created_at", "updated_at"),
    # An assessment's advisor, e-Warong and period are who and what it is: never changed.
    "assessments": ("status", "instrument_version", "finalised_at", "updated_at"),
    "target_levels": ("level", "updated_at"),
    "coordinators": ("name", "staff_number", "office", "whole_province", "kabupaten",
                     "created_at", "updated_at"),
    "verifications": ("coordinator_id", "status", "comment", "at", "updated_at"),
    "target_settings": ("level", "set_by", "updated_at"),
    "plan_actions": ("position", "text", "suggestion", "owner", "due_date", "cells",
                     "created_by", "updated_at"),
    # Matched by action: a follow-up recorded on two laptops is one follow-up.
    "follow_ups": ("status", "note", "by_advisor", "by_coordinator", "at", "updated_at"),
}
UPDATE_KEYS = {"advisors": ("id",), "warongs": ("id",), "assessments": ("id",),
               "target_levels": ("advisor_type", "cell_code"), "coordinators": ("id",),
               "verifications": ("id",),
               "target_settings": ("advisor_type", "kabupaten", "period", "cell_code"),
               "plan_actions": ("id",), "follow_ups": ("action_id",)}


class Writer:
    """Writes records (exchange text) through the untyped tables, reporting progress."""

    def __init__(self, session: Session, progress: Progress, total: int):
        self.session = session
        self.connection = session.connection()
        self.codec = codec_for(session)
        self.progress = progress
        self.total = total
        self.done = 0

    def _stored(self, kind: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        write = self.codec.row_writer(kind)
        rows = [write(record) for record in records]
        if kind == "warongs":
            for row, record in zip(rows, records, strict=True):
                row["name_key"] = name_key(record["name"])
        return rows

    def insert(self, kind: str, records: list[dict[str, Any]]) -> None:
        for chunk in chunks(records, WRITE_CHUNK):
            self.connection.execute(insert(raw_table(kind)), self._stored(kind, chunk))
            self._advance(len(chunk))

    def update(self, kind: str, records: list[dict[str, Any]]) -> None:
        t = raw_table(kind)
        keys, columns = UPDATE_KEYS[kind], UPDATE_COLUMNS[kind]
        statement = (update(t).where(and_(*(t.c[key] == bindparam(f"key_{key}") for key in keys)))
                     .values({name: bindparam(f"new_{name}") for name in columns}))
        for chunk in chunks(records, WRITE_CHUNK):
            rows = [{**{f"key_{key}": row[key] for key in keys},
                     **{f"new_{name}": row[name] for name in columns}}
                    for row in self._stored(kind, chunk)]
            self.connection.execute(statement, rows)
            self._advance(len(chunk))

    def delete_where_in(self, kind: str, column_name: str, ids: list[str]) -> None:
        t = raw_table(kind)
        for chunk in chunks(ids, IN_CHUNK):
            stored = [self.codec.uuid_to_db(text) for text in chunk]
            self.connection.execute(delete(t).where(t.c[column_name].in_(stored)))
            self._advance(len(chunk))

    def _advance(self, count: int) -> None:
        self.done += count
        self.progress("write", self.done, self.total)


def apply_plan(session: Session, plan: Plan, progress: Progress, *,
               source_file: str | None = None) -> list[uuid.UUID]:
    """Write the plan in the session's transaction; returns the ids of new conflicts."""
    writer = Writer(session, progress, plan.write_count)
    for kind in ("advisors", "warongs"):
        writer.insert(kind, plan.inserts[kind])
        writer.update(kind, plan.updates[kind])
    tombstones = raw_table("tombstones")
    codec = writer.codec
    for kind, record_id in plan.tombstones_to_remove:
        writer.connection.execute(delete(tombstones).where(
            tombstones.c.kind == kind, tombstones.c.record_id == codec.uuid_to_db(record_id)))
    writer.insert("assignments", plan.inserts["assignments"])
    writer.insert("assessments", plan.inserts["assessments"])
    writer.update("assessments", plan.updates["assessments"])
    writer.delete_where_in("ratings", "assessment_id", plan.replaced_assessments)
    writer.insert("ratings", plan.inserts["ratings"])
    writer.insert("audit_entries", plan.inserts["audit_entries"])
    writer.insert("target_levels", plan.inserts["target_levels"])
    writer.update("target_levels", plan.updates["target_levels"])
    _apply_coordination(session, writer, plan, source_file)
    conflict_ids = []
    for conflict in plan.conflicts:
        row = ExchangeConflict(assessment_id=uuid.UUID(conflict.local_assessment_id),
                               incoming=conflict.payload, source_file=source_file,
                               source_id=plan.file.manifest.get("source_id"))
        session.add(row)
        session.flush()
        conflict_ids.append(row.id)
    for kind in ("advisors", "warongs"):
        writer.delete_where_in(kind, "id", plan.deletions[kind])
    for tombstone in plan.tombstones_to_store:
        writer.connection.execute(delete(tombstones).where(
            tombstones.c.kind == tombstone["kind"],
            tombstones.c.record_id == codec.uuid_to_db(tombstone["record_id"])))
    writer.insert("tombstones", plan.tombstones_to_store)
    progress("write", writer.total, writer.total)
    return conflict_ids


def _apply_coordination(session: Session, writer: Writer, plan: Plan,
                        source_file: str | None) -> None:
    """Write coordinators, verifications, targets, plans and follow-ups, parents first."""
    for kind in ("coordinators", "verifications"):
        writer.insert(kind, plan.inserts[kind])
        writer.update(kind, plan.updates[kind])
    writer.delete_where_in("verified_cells", "verification_id", plan.replaced_verifications)
    writer.insert("verified_cells", plan.inserts["verified_cells"])
    writer.insert("target_settings", plan.inserts["target_settings"])
    writer.update("target_settings", plan.updates["target_settings"])
    writer.delete_where_in("follow_ups", "action_id", plan.deletions["plan_actions"])
    writer.delete_where_in("plan_actions", "id", plan.deletions["plan_actions"])
    writer.insert("plan_actions", plan.inserts["plan_actions"])
    writer.update("plan_actions", plan.updates["plan_actions"])
    writer.insert("follow_ups", plan.inserts["follow_ups"])
    writer.update("follow_ups", plan.updates["follow_ups"])
    for conflict in plan.verification_conflicts:
        session.add(VerificationConflict(
            assessment_id=uuid.UUID(conflict["assessment_id"]), incoming=conflict["incoming"],
            digest=conflict["digest"], source_file=source_file))
    session.flush()


def names_of(session: Session, assessment_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str, str]]:
    """Advisor name, e-Warong name and period of local assessments (for conflict lists)."""
    ids = list(assessment_ids)
    names: dict[uuid.UUID, tuple[str, str, str]] = {}
    for chunk in chunks(ids, IN_CHUNK):
        rows = session.execute(
            select(Assessment.id, Advisor.name, Warong.name, Assessment.period)
            .join(Advisor, Advisor.id == Assessment.advisor_id)
            .join(Warong, Warong.id == Assessment.warong_id)
            .where(Assessment.id.in_(chunk)))
        for assessment_id, advisor_name, warong_name, period in rows:
            names[assessment_id] = (advisor_name, warong_name, period)
    return names
