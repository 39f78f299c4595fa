"""The database schema as SQLAlchemy 2.0 typed models.

Keys are UUIDs so records keep their identity when they travel between laptops.
Only portable constructs are used here; SQLite specifics live in ``db/engine.py``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    cast,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints make batch-mode ALTERs on SQLite (and later PostgreSQL) predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ADVISOR_TYPES = ("PKH", "TKSK", "OTHER")
STATUS_DRAFT = "draft"
STATUS_FINAL = "final"
NAME_MAX = 200
TEXT_MAX = 10_000


def whole_sum(expression: Any) -> Any:
    """``SUM`` of whole numbers as a whole number on every database: PostgreSQL's SUM of
    integers is ``numeric`` (Python ``Decimal``, which does not mix with floats)."""
    return cast(func.sum(expression), BigInteger)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, index=True
    )


class Advisor(Timestamped, Base):
    __tablename__ = "advisor"
    __table_args__ = (
        CheckConstraint("advisor_type IN ('PKH', 'TKSK', 'OTHER')", name="advisor_type"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    advisor_type: Mapped[str] = mapped_column(String(8))
    staff_number: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(64))
    kabupaten: Mapped[str | None] = mapped_column(String(NAME_MAX), index=True)
    kecamatan: Mapped[str | None] = mapped_column(String(NAME_MAX))
    pin_hash: Mapped[str | None] = mapped_column(String(512))  # never exported

    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="advisor", cascade="all, delete-orphan"
    )
    assessments: Mapped[list[Assessment]] = relationship(back_populates="advisor")


class Warong(Timestamped, Base):
    """An e-Warong KUBE: the shop and the joint business group (KUBE) that runs it."""

    __tablename__ = "warong"
    __table_args__ = (
        # One warung of a name per kelurahan; name_key is the name folded for comparison.
        UniqueConstraint("kabupaten", "kecamatan", "kelurahan", "name_key"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_key: Mapped[str] = mapped_column(String(NAME_MAX))
    kube_name: Mapped[str | None] = mapped_column(String(NAME_MAX))
    address: Mapped[str | None] = mapped_column(String(1000))
    kelurahan: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    kecamatan: Mapped[str] = mapped_column(String(NAME_MAX), default="", index=True)
    kabupaten: Mapped[str] = mapped_column(String(NAME_MAX), default="", index=True)
    provinsi: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    year_founded: Mapped[int | None] = mapped_column(Integer)
    member_count: Mapped[int | None] = mapped_column(Integer)
    services: Mapped[list[str]] = mapped_column(JSON, default=list)

    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="warong", cascade="all, delete-orphan"
    )
    assessments: Mapped[list[Assessment]] = relationship(back_populates="warong")


class Assignment(Base):
    """An advisor accompanies an e-Warong."""

    __tablename__ = "assignment"

    advisor_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("advisor.id", ondelete="CASCADE"), primary_key=True
    )
    warong_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("warong.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    advisor: Mapped[Advisor] = relationship(back_populates="assignments")
    warong: Mapped[Warong] = relationship(back_populates="assignments")


class Assessment(Timestamped, Base):
    """One advisor's self-assessment for one e-Warong in one semester."""

    __tablename__ = "assessment"
    __table_args__ = (
        UniqueConstraint("advisor_id", "warong_id", "period"),
        CheckConstraint("status IN ('draft', 'final')", name="status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    advisor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("advisor.id"), index=True)
    warong_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("warong.id"), index=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    instrument_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(8), default=STATUS_DRAFT)
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    advisor: Mapped[Advisor] = relationship(back_populates="assessments")
    warong: Mapped[Warong] = relationship(back_populates="assessments")
    ratings: Mapped[list[Rating]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )
    audit_entries: Mapped[list[AuditEntry]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="AuditEntry.at"
    )


class Rating(Base):
    """The advisor's level for one cell ``4.R.A``; ``level`` is None while unrated or N/A."""

    __tablename__ = "rating"
    __table_args__ = (
        UniqueConstraint("assessment_id", "cell_code"),
        CheckConstraint("level IS NULL OR (level >= 0 AND level <= 4)", name="level_range"),
        CheckConstraint("NOT (not_applicable AND level IS NOT NULL)", name="na_has_no_level"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE")
    )
    cell_code: Mapped[str] = mapped_column(String(16))
    level: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    assessment: Mapped[Assessment] = relationship(back_populates="ratings")


class TargetLevel(Base):
    """The level a coordinator expects of an advisor type in one cell."""

    __tablename__ = "target_level"
    __table_args__ = (
        CheckConstraint("level >= 0 AND level <= 4", name="level_range"),
    )

    advisor_type: Mapped[str] = mapped_column(String(8), primary_key=True)
    cell_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    level: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class AuditEntry(Base):
    """A change to an assessment after it was first finalised (reopen, rating, re-finalise)."""

    __tablename__ = "audit_entry"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    advisor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    coordinator_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(32))  # reopen | rating | finalise | verify...
    cell_code: Mapped[str | None] = mapped_column(String(16))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)

    assessment: Mapped[Assessment] = relationship(back_populates="audit_entries")


class Meta(Base):
    """Key/value facts about this database (e.g. the installation's source id for exchange)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Tombstone(Base):
    """A deleted record, kept so the deletion travels to other laptops with an export."""

    __tablename__ = "tombstone"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)  # advisor | warong | ...
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ExchangeConflict(Base):
    """An imported final assessment that differs from the final one already here.

    Both versions are kept: the local one in ``assessment``, the incoming one as the
    exchange payload here, until a coordinator chooses which to keep.
    """

    __tablename__ = "exchange_conflict"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    incoming: Mapped[dict] = mapped_column(JSON)
    source_file: Mapped[str | None] = mapped_column(String(1000))
    source_id: Mapped[str | None] = mapped_column(String(64))
    detected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolution: Mapped[str | None] = mapped_column(String(16))  # kept_local | kept_incoming
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


# --- Coordinators, verification, targets they set, development plans (issue 11) ---

VERIFICATION_STATUSES = ("verified", "returned")
PLAN_OWNERS = ("advisor", "coordinator", "dinas")
FOLLOW_UP_STATUSES = ("done", "partly", "not_done")


class Coordinator(Timestamped, Base):
    """A PKH coordinator or Dinas Sosial officer who supervises the advisors of a region.

    ``whole_province`` or the kabupaten/kota in ``kabupaten`` make the scope. ``pin_hash``
    never leaves this database (it is not exported).
    """

    __tablename__ = "coordinator"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    staff_number: Mapped[str | None] = mapped_column(String(64))
    office: Mapped[str | None] = mapped_column(String(NAME_MAX))
    whole_province: Mapped[bool] = mapped_column(Boolean, default=False)
    kabupaten: Mapped[list[str]] = mapped_column(JSON, default=list)
    pin_hash: Mapped[str | None] = mapped_column(String(512))


class Verification(Timestamped, Base):
    """A coordinator's review of one final assessment: verified, or returned with a reason."""

    __tablename__ = "verification"
    __table_args__ = (
        CheckConstraint("status IN ('verified', 'returned')", name="status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), unique=True)
    coordinator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("coordinator.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    cells: Mapped[list[VerifiedCell]] = relationship(
        back_populates="verification", cascade="all, delete-orphan")


class VerifiedCell(Base):
    """The coordinator's level for a cell where it differs from the advisor's, or a comment.

    Cells without a row were agreed as the advisor rated them.
    """

    __tablename__ = "verified_cell"
    __table_args__ = (
        UniqueConstraint("verification_id", "cell_code"),
        CheckConstraint("level IS NULL OR (level >= 0 AND level <= 4)", name="level_range"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    verification_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("verification.id", ondelete="CASCADE"))
    cell_code: Mapped[str] = mapped_column(String(16))
    level: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    comment: Mapped[str] = mapped_column(Text, default="")

    verification: Mapped[Verification] = relationship(back_populates="cells")


class TargetSetting(Timestamped, Base):
    """A target a coordinator set: one cell, one advisor type, from one period on.

    ``kabupaten`` is "" for the province-wide default, else the kabupaten/kota it overrides.
    Cells nobody set keep the older ``target_level`` edits or the instrument's default.
    """

    __tablename__ = "target_setting"
    __table_args__ = (
        UniqueConstraint("advisor_type", "kabupaten", "period", "cell_code"),
        CheckConstraint("level >= 0 AND level <= 4", name="level_range"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    advisor_type: Mapped[str] = mapped_column(String(8))
    kabupaten: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    period: Mapped[str] = mapped_column(String(7))
    cell_code: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer)
    set_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("coordinator.id"))


class PlanAction(Timestamped, Base):
    """One agreed development action after a verified assessment (2-6 per assessment)."""

    __tablename__ = "plan_action"
    __table_args__ = (
        CheckConstraint("owner IN ('advisor', 'coordinator', 'dinas')", name="owner"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    suggestion: Mapped[str | None] = mapped_column(String(64))  # instrument area key
    owner: Mapped[str] = mapped_column(String(16))
    due_date: Mapped[date] = mapped_column(Date)
    cells: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("coordinator.id"))


class FollowUp(Timestamped, Base):
    """What became of an earlier action, recorded in the next semester."""

    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint("status IN ('done', 'partly', 'not_done')", name="status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_action.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    by_advisor: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    by_coordinator: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class VerificationConflict(Base):
    """An imported verification that differs from another verification of the same
    assessment here (two coordinators, or one on two laptops, each verified it).

    The local one stays in ``verification``; the incoming one (with its cells) waits here
    until a person keeps one of them.
    """

    __tablename__ = "verification_conflict"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    incoming: Mapped[dict] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))
    source_file: Mapped[str | None] = mapped_column(String(1000))
    detected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolution: Mapped[str | None] = mapped_column(String(16))  # kept_local | kept_incoming
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
