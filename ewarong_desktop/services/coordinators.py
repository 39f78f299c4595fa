"""Coordinators: the people who verify assessments, set targets and agree plans in a region.

A coordinator's scope is the whole province or one or more kabupaten/kota. Every function
takes the ``Database`` and returns plain data.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.engine import Database
from ..db.models import Coordinator
from ..errors import Phrase, ValidationError
from . import access
from . import validation as v

OFFICE = Phrase("Office", "Kantor")
WHOLE_PROVINCE = "*"  # how the command line and the exchange write "the whole province"


@dataclass(frozen=True)
class CoordinatorInfo:
    id: uuid.UUID
    name: str
    staff_number: str | None
    office: str | None
    whole_province: bool
    kabupaten: tuple[str, ...]
    has_pin: bool

    @property
    def scope(self) -> list[str]:
        """The scope as ``list coordinators --json`` writes it: ["*"] for the province."""
        return [WHOLE_PROVINCE] if self.whole_province else list(self.kabupaten)

    def describe_scope(self, lang: str = "en") -> str:
        if self.whole_province:
            return "seluruh provinsi" if lang == "id" else "whole province"
        return ", ".join(self.kabupaten)


def _info(record: Coordinator) -> CoordinatorInfo:
    return CoordinatorInfo(record.id, record.name, record.staff_number, record.office,
                           bool(record.whole_province), tuple(record.kabupaten or ()),
                           record.pin_hash is not None)


def _scope(whole_province: bool, kabupaten: Iterable[str]) -> list[str]:
    names = sorted({v.required_text(name, v.KABUPATEN) for name in kabupaten if name.strip()})
    if whole_province:
        return []
    if not names:
        raise ValidationError(
            "a coordinator needs a region: give one or more kabupaten/kota, or the whole province",
            id="koordinator perlu wilayah: isi satu atau lebih kabupaten/kota, atau seluruh provinsi")
    return names


def add_coordinator(database: Database, name: str, *, kabupaten: Iterable[str] = (),
                    whole_province: bool = False, staff_number: str | None = None,
                    office: str | None = None, pin: str | None = None) -> CoordinatorInfo:
    """A new coordinator; with ``pin``, coordinator mode can be entered at once."""
    record = Coordinator(
        id=uuid.uuid4(), name=v.required_text(name, v.NAME),
        staff_number=v.optional_text(staff_number, v.STAFF_NUMBER, 64),
        office=v.optional_text(office, OFFICE), whole_province=whole_province,
        kabupaten=_scope(whole_province, kabupaten),
        pin_hash=access.hash_pin(access.check_pin_text(pin)) if pin is not None else None)
    with database.session() as session:
        session.add(record)
        session.flush()
        return _info(record)


def update_coordinator(database: Database, actor: access.Actor, coordinator_id: uuid.UUID, *,
                       name: str, kabupaten: Iterable[str] = (), whole_province: bool = False,
                       staff_number: str | None = None, office: str | None = None) -> CoordinatorInfo:
    """Change a coordinator's details; only a province-wide coordinator or that person may."""
    access.require_coordinator(actor, Phrase("change a coordinator", "mengubah data koordinator"))
    if not (actor.whole_province or actor.id == coordinator_id):
        raise access.AccessError(
            "only the coordinator themself or a province coordinator can change these details",
            id="hanya koordinator itu sendiri atau koordinator provinsi yang dapat mengubah data ini")
    with database.session() as session:
        record = session.get(Coordinator, v.record_id(coordinator_id, access.COORDINATOR_KIND))
        if record is None:
            raise v.not_found(access.COORDINATOR_KIND, coordinator_id)
        record.name = v.required_text(name, v.NAME)
        record.staff_number = v.optional_text(staff_number, v.STAFF_NUMBER, 64)
        record.office = v.optional_text(office, OFFICE)
        record.whole_province = whole_province
        record.kabupaten = _scope(whole_province, kabupaten)
        session.flush()
        return _info(record)


def list_coordinators(database: Database) -> list[CoordinatorInfo]:
    with database.reading() as session:
        return list_coordinators_in(session)


def list_coordinators_in(session: Session) -> list[CoordinatorInfo]:
    """Every coordinator by name, within a caller's session."""
    return [_info(c) for c in session.scalars(select(Coordinator).order_by(Coordinator.name))]


def get_coordinator(database: Database, coordinator_id: uuid.UUID | str) -> CoordinatorInfo:
    with database.reading() as session:
        record = session.get(Coordinator, v.record_id(coordinator_id, access.COORDINATOR_KIND))
        if record is None:
            raise v.not_found(access.COORDINATOR_KIND, coordinator_id)
        return _info(record)


@dataclass(frozen=True)
class ListDefaults:
    """What a list opens with for the person using the program: a coordinator sees their
    region, an advisor "only mine"; anyone else (no one entered) everything."""

    advisor_id: uuid.UUID | None
    scope: frozenset[str] | None


def list_defaults(actor: access.Actor | None) -> ListDefaults:
    if actor is None:
        return ListDefaults(None, None)
    if actor.is_coordinator:
        return ListDefaults(None, actor.scope_filter())
    return ListDefaults(actor.id, None)


def scope_for(actor: access.Actor | None, requested: Iterable[str] | None = None) -> frozenset[str] | None:
    """The kabupaten set a list, summary, batch print or export should use.

    An explicit request wins, but a coordinator never gets more than their scope; with no
    request a coordinator gets their scope and anyone else everything (None).
    """
    asked = frozenset(requested) if requested is not None else None
    limit = actor.scope_filter() if actor is not None else None
    if limit is None:
        return asked
    if asked is None:
        return limit
    return asked & limit
