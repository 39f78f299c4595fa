"""Everything a printed role profile needs, gathered from the database as plain data.

``reports.profile`` turns a ``ProfileReportData`` into PDF bytes without ever seeing a
session, so a GUI worker can gather the data, close its session and render at leisure.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import STATUS_FINAL, Advisor
from ..errors import NotFoundError
from ..instrument import Instrument
from ..periods import period_name
from . import assessments
from . import validation as v
from .assessments import AssessmentSummary, AuditRecord
from .demo import is_demo
from .profiles import RoleProfile, compute_profile, default_targets, instrument_for


@dataclass(frozen=True)
class ProfileReportData:
    """One assessment's profile with its context: previous period, audit trail, instrument."""

    profile: RoleProfile
    previous: RoleProfile | None
    audit: tuple[AuditRecord, ...]
    instrument: Instrument
    printed_at: datetime
    demo: bool = False  # made by the demo generator: every page says so
    targets_changed: int = 0  # cells whose target this database changed from the default
    advisor_staff_number: str | None = None  # NIP or contract number, for the signature

    @property
    def assessment_id(self) -> uuid.UUID:
        return self.profile.assessment.id


@dataclass(frozen=True)
class ProfileFilters:
    """Which assessments a batch of profiles covers: one period, optionally one region/type."""

    period: str
    kabupaten: str | None = None
    kecamatan: str | None = None
    advisor_type: str | None = None
    #: A coordinator's region (see coordinators.scope_for); None: no limit.
    scope: frozenset[str] | None = None
    include_drafts: bool = False  # a batch prints final assessments unless drafts are asked for

    def describe(self, lang: str | None = None) -> str:
        """The scope in a few words; with ``lang``, the period as people say it."""
        period = period_name(self.period, lang) if lang else self.period
        parts = [period, self.kabupaten, self.kecamatan, self.advisor_type]
        return ", ".join(part for part in parts if part)


def profile_report_data(session: Session, assessment_id: uuid.UUID | str,
                        printed_at: datetime | None = None) -> ProfileReportData:
    """Gather the profile, the previous period's profile (same advisor and e-Warong),
    the audit trail and the instrument edition of one assessment.

    Raises NotFoundError for an unknown id, ValidationError for a malformed one.
    """
    profile = compute_profile(session, assessment_id)
    previous_id = assessments.previous_assessment_id(session, profile.assessment.id)
    previous = compute_profile(session, previous_id) if previous_id is not None else None
    audit = tuple(assessments.audit_trail(session, profile.assessment.id))
    instrument = instrument_for(profile.instrument_version)
    defaults = default_targets(profile.assessment.advisor_type, instrument)
    changed = sum(1 for code, cell in profile.cells.items() if defaults.get(code) != cell.target)
    return ProfileReportData(profile, previous, audit, instrument,
                             printed_at or datetime.now().astimezone(), is_demo(session), changed,
                             session.scalar(select(Advisor.staff_number).where(
                                 Advisor.id == profile.assessment.advisor_id)))


def batch_assessments(session: Session, filters: ProfileFilters) -> list[AssessmentSummary]:
    """The assessments of a batch, in print order (region, e-Warong, advisor): final ones,
    and drafts too when the filters ask for them.

    Raises NotFoundError when nothing matches, naming the filters.
    """
    period = v.period(filters.period)
    found = assessments.list_assessments(
        session, period=period, kabupaten=filters.kabupaten, kecamatan=filters.kecamatan,
        advisor_type=filters.advisor_type, scope=filters.scope,
        status=None if filters.include_drafts else STATUS_FINAL)
    if not found:
        kind = "assessments" if filters.include_drafts else "final assessments"
        kind_id = "penilaian" if filters.include_drafts else "penilaian final"
        raise NotFoundError(
            f"no {kind} for {filters.describe()}; check the period and filters "
            "(see 'ewarong-desktop list assessments')"
            + ("" if filters.include_drafts else "; drafts are printed with --include-drafts"),
            id=f"belum ada {kind_id} untuk {filters.describe()}; periksa periode dan "
               "filternya")
    found.sort(key=lambda item: (item.kabupaten, item.kecamatan, item.warong_name,
                                 item.advisor_name, str(item.id)))
    return found


def batch_assessment_ids(session: Session, filters: ProfileFilters) -> list[uuid.UUID]:
    """The ids of ``batch_assessments``, in print order."""
    return [item.id for item in batch_assessments(session, filters)]


def iter_profile_report_data(session: Session, assessment_ids: list[uuid.UUID],
                             printed_at: datetime | None = None) -> Iterator[ProfileReportData]:
    """Profile data one assessment at a time, so a batch holds only one in memory."""
    moment = printed_at or datetime.now().astimezone()
    for assessment_id in assessment_ids:
        yield profile_report_data(session, assessment_id, moment)
