"""What the window's screens read or save in one unit of work, over the ``Database``.

Each function opens the session its work needs (``reading()`` for what only reads, so
a screen never waits behind another window's save; ``session()`` for what writes, all
of it or nothing) and returns plain data. Single service calls go through
``store.read`` / ``store.write``; the units here are the ones that need several calls
in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import NotFoundError
from ..instrument import ADVISOR_TYPES, Instrument
from . import advisors, assessments, profiles, warongs
from .advisors import AdvisorInfo
from .assessments import AssessmentSummary, AuditRecord
from .exchange import ConflictInfo, list_conflicts
from .profiles import RoleProfile
from .store import Database
from .warongs import WarongFields, WarongInfo


@dataclass(frozen=True)
class Places:
    """The kabupaten and kecamatan already used, offered when typing a place."""

    kabupaten: list[str]
    kecamatan: list[str]


def places(database: Database) -> Places:
    with database.reading() as session:
        return Places(warongs.list_kabupaten(session), warongs.list_kecamatan(session))


@dataclass(frozen=True)
class WarongForm:
    """What the e-Warong dialog starts from."""

    places: Places
    warong: WarongInfo | None
    accompanied: bool  # the advisor accompanies it (always True for a new one)


def warong_form(database: Database, advisor_id: uuid.UUID, warong_id: uuid.UUID | None) -> WarongForm:
    with database.reading() as session:
        found = Places(warongs.list_kabupaten(session), warongs.list_kecamatan(session))
        warong = None if warong_id is None else warongs.get_warong(session, warong_id)
        accompanied = warong_id is None or any(
            a.id == advisor_id for a in advisors.list_warong_advisors(session, warong_id))
    return WarongForm(found, warong, accompanied)


def save_warong(database: Database, advisor_id: uuid.UUID, warong_id: uuid.UUID | None,
                fields: WarongFields, *, accompany: bool) -> WarongInfo:
    """Create or update an e-Warong and the advisor's assignment, in one transaction."""
    with database.session() as session:
        if warong_id is None:
            return warongs.create_warong(session, fields,
                                         advisor_id=advisor_id if accompany else None)
        warong = warongs.update_warong(session, warong_id, fields)
        if accompany:
            advisors.assign(session, advisor_id, warong.id)
        else:
            advisors.unassign(session, advisor_id, warong.id)
        return warong


def warong_details(database: Database, warong_id: uuid.UUID) -> tuple[WarongInfo, list[AdvisorInfo]]:
    """An e-Warong and the advisors who accompany it."""
    with database.reading() as session:
        return (warongs.get_warong(session, warong_id),
                advisors.list_warong_advisors(session, warong_id))


def used_periods(database: Database, advisor_id: uuid.UUID, warong_id: uuid.UUID) -> set[str]:
    """The periods this advisor already assessed this e-Warong in."""
    with database.reading() as session:
        return {a.period for a in assessments.list_assessments(
            session, warong_id=warong_id, advisor_id=advisor_id)}


def advisor_exists(database: Database, advisor_id: uuid.UUID) -> bool:
    try:
        with database.reading() as session:
            advisors.get_advisor(session, advisor_id)
    except NotFoundError:
        return False
    return True


def all_targets(database: Database, instrument: Instrument) -> dict[str, dict[str, int]]:
    """The target levels of every kind of advisor."""
    with database.reading() as session:
        return {kind: profiles.get_targets(session, kind, instrument) for kind in ADVISOR_TYPES}


def save_targets(database: Database, levels: Mapping[str, Mapping[str, int]]) -> dict[str, list[str]]:
    """Save the targets of each kind of advisor in one transaction; the changed cells."""
    with database.session() as session:
        return {kind: profiles.set_targets(session, kind, values) for kind, values in levels.items()}


def audit(database: Database, assessment_id: uuid.UUID) -> tuple[AssessmentSummary, list[AuditRecord]]:
    """An assessment and its audit trail, read together."""
    with database.reading() as session:
        return (assessments.get_summary(session, assessment_id),
                assessments.audit_trail(session, assessment_id))


def conflicts(database: Database, *,
              include_resolved: bool) -> tuple[list[ConflictInfo], dict[uuid.UUID, str]]:
    """The conflicts, and the names of the advisors who decided them ("?" if gone)."""
    with database.reading() as session:
        found = list_conflicts(session, include_resolved=include_resolved)
        names = {}
        for advisor_id in {c.resolved_by for c in found if c.resolved_by is not None}:
            try:
                names[advisor_id] = advisors.get_advisor(session, advisor_id).name
            except NotFoundError:
                names[advisor_id] = "?"
    return found, names


def report_choices(database: Database) -> tuple[list[str], list[str]]:
    """The periods with assessments (newest first) and the kabupaten, for report filters."""
    with database.reading() as session:
        return assessments.list_periods(session), warongs.list_kabupaten(session)


def kecamatan_in(database: Database, kabupaten: str | None) -> list[str]:
    """The kecamatan of one kabupaten (all of them when None)."""
    with database.reading() as session:
        if kabupaten:
            return sorted({w.kecamatan for w in warongs.list_warongs(session, kabupaten=kabupaten)
                           if w.kecamatan})
        return warongs.list_kecamatan(session)


def profile_and_previous(database: Database,
                         assessment_id: uuid.UUID) -> tuple[RoleProfile, RoleProfile | None]:
    """An assessment's role profile and the previous period's (same advisor and e-Warong),
    read together; the radar shows both, as the printed profile does."""
    with database.reading() as session:
        profile = profiles.compute_profile(session, assessment_id)
        previous_id = assessments.previous_assessment_id(session, profile.assessment.id)
        previous = None if previous_id is None else profiles.compute_profile(session, previous_id)
    return profile, previous
