"""Targets set by coordinators: per advisor type, province-wide with kabupaten overrides, per period.

A setting applies from its period on, until a later setting of the same cell replaces it.
For an assessment of kabupaten K in period P the target of a cell is, first found:
the latest setting for K up to P, the latest province-wide setting up to P, an edit made
before coordinators existed (``target_level``), the instrument's default. Who set each
target and when is kept and printed on every profile ("Target ditetapkan oleh ...").

Only a coordinator sets targets: a province-wide default needs a province coordinator,
a kabupaten override a coordinator whose region includes that kabupaten.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import select

from ..db.engine import Database
from ..db.models import TargetSetting, utcnow
from ..errors import Phrase
from ..instrument import ADVISOR_TYPES
from . import access, profiles
from . import validation as v
from .profiles import PROVINCE, EffectiveTargets, TargetSource, effective_targets

__all__ = ["PROVINCE", "EffectiveTargets", "TargetSource", "effective_targets", "set_targets",
           "targets_for"]


def targets_for(database: Database, advisor_type: str, kabupaten: str | None = None,
                period: str | None = None) -> EffectiveTargets:
    with database.reading() as session:
        return effective_targets(session, advisor_type, kabupaten,
                                 v.period(period) if period else None)


def set_targets(database: Database, actor: access.Actor | None, advisor_type: str,
                levels: Mapping[str, int], *, period: str,
                kabupaten: str | None = None) -> list[str]:
    """Set targets from ``period`` on, province-wide or for one kabupaten; returns cells changed.

    Every level is checked before anything is written. Cells already at the level in
    force are not written, so an unchanged target keeps its setter and time.
    """
    coordinator = access.require_coordinator(actor, Phrase("set targets", "menetapkan target"))
    if advisor_type not in ADVISOR_TYPES:
        raise v.unknown_advisor_type(advisor_type)
    period = v.period(period)
    region = v.required_text(kabupaten, v.KABUPATEN) if kabupaten else PROVINCE
    if region == PROVINCE and not coordinator.whole_province:
        raise access.AccessError(
            "only a province coordinator can set province-wide targets; choose your "
            "kabupaten/kota to set targets for it",
            id="hanya koordinator provinsi yang dapat menetapkan target seluruh provinsi; pilih "
               "kabupaten/kota Anda untuk menetapkan targetnya")
    if region != PROVINCE:
        access.require_scope(coordinator, region)
    for code, level in levels.items():
        profiles._check_target(advisor_type, code, level)
    with database.session() as session:
        current = effective_targets(session, advisor_type, region or None, period).levels
        changed = [code for code, level in sorted(levels.items()) if current.get(code) != level]
        now = utcnow()
        for code in changed:
            row = session.scalar(select(TargetSetting).where(
                TargetSetting.advisor_type == advisor_type, TargetSetting.kabupaten == region,
                TargetSetting.period == period, TargetSetting.cell_code == code))
            if row is None:
                session.add(TargetSetting(id=uuid.uuid4(), advisor_type=advisor_type,
                                          kabupaten=region, period=period, cell_code=code,
                                          level=levels[code], set_by=coordinator.id,
                                          created_at=now, updated_at=now))
            else:
                row.level = levels[code]
                row.set_by = coordinator.id
                row.updated_at = now
        session.flush()
    return changed
