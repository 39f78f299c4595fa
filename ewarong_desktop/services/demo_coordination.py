"""Coordinators' part of the demo database: coordinators, targets, verifications, plans.

What it bakes in (so nobody mistakes it for findings):

- one coordinator per kabupaten/kota of the demo sites and one for the whole province,
  all with the PIN ``DEMO_PIN`` (1234), written here in plain sight: demo data only;
- the province coordinator raises the PKH target of the business areas' facilitator
  cells (4.4.4-4.4.8) by one from the first demo semester; the Kota Bandung coordinator
  lowers the TKSK target of 4.2.3 (TKSK rarely mediate distribution) there;
- about 60 % of the final assessments of every semester but the latest, and 30 % of
  the latest, are verified by their kabupaten's coordinator. Where the advisor rated a
  cell 3 or 4 the coordinator disagrees one level lower with probability 0.25, and
  where they rated it 0 or 1 one level higher with probability 0.08, each with a short
  comment: a made-up tendency to over-rate, chosen so the self-vs-verified table has
  something to show, not taken from the study;
- each verified assessment except the latest semester's gets a plan of 2-3 actions: the
  instrument's suggested actions for the areas with the largest verified gaps, done by
  the advisor, the coordinator or the Dinas in turn, due at the end of the next semester;
- where the same advisor assessed the same e-Warong the next semester, each action has a
  follow-up: done (50 %), partly (30 %) or not done (20 %), with a note.

Rows are inserted in bulk from each chunk of the demo's own rows as the generator writes
them, so a large demo costs a few seconds more, not a second pass over the ratings, and
its memory stays flat.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..db.models import (
    AuditEntry,
    Coordinator,
    FollowUp,
    PlanAction,
    TargetSetting,
    Verification,
    VerifiedCell,
)
from ..instrument import Instrument
from .access import hash_pin
from .plans import suggestions
from .profiles import default_targets

DEMO_PIN = "1234"
# Obviously made up, like every name in the demo (see demo.py).
COORDINATOR_NAMES = [f"Contoh Koordinator {number:02d}" for number in range(1, 8)]
LOWER_COMMENTS = ["Belum ada bukti kegiatan tertulis.", "Baru sekali dilakukan semester ini.",
                  "Masih dibantu pendamping lain.", "Perlu dilihat langsung di warung."]
HIGHER_COMMENTS = ["Sudah berjalan, hanya belum dicatat.", "Pengelola menyebut peran pendamping."]
FOLLOW_UP_NOTES = {"done": ["Sudah dilaksanakan.", "Pelatihan diikuti bersama pengelola."],
                   "partly": ["Baru sebagian, dilanjutkan semester ini.", "Tertunda jadwal Dinas."],
                   "not_done": ["Belum sempat, jadwal penyaluran padat.", "Belum ada anggaran."]}
OWNERS = ("advisor", "coordinator", "dinas")


def _semester_end(period: str) -> date:
    year, half = int(period[:4]), period[-1]
    return date(year, 6, 30) if half == "1" else date(year, 12, 31)


def _next_period(period: str) -> str:
    year, half = int(period[:4]), period[-1]
    return f"{year}-S2" if half == "1" else f"{year + 1}-S1"


class CoordinationDemo:
    """Adds the coordinators' demo records to the demo's rows chunk by chunk, as the
    generator writes them, so the demo's memory stays flat at any size."""

    def __init__(self, session: Session, rng: random.Random, instrument: Instrument,
                 provinsi: str, kabupaten: list[str], periods: list[str]) -> None:
        self.session, self.rng, self.instrument = session, rng, instrument
        self.periods = sorted(periods)
        self.verified = 0
        self.advisor_type: dict[uuid.UUID, str] = {}
        now = datetime.now(UTC)
        pin = hash_pin(DEMO_PIN)
        coordinator_rows: list[dict[str, Any]] = [
            dict(id=uuid.uuid4(), name=COORDINATOR_NAMES[i % len(COORDINATOR_NAMES)],
                 staff_number=f"CONTOH-NIP-{i + 1:03d}",
                 office=f"Dinas Sosial {kab}", whole_province=False, kabupaten=[kab],
                 pin_hash=pin, created_at=now, updated_at=now)
            for i, kab in enumerate(kabupaten)]
        self.province: dict[str, Any] = dict(
            id=uuid.uuid4(), name=COORDINATOR_NAMES[-1], staff_number="CONTOH-NIP-000",
            office=f"Dinas Sosial Provinsi {provinsi}", whole_province=True, kabupaten=[],
            pin_hash=pin, created_at=now, updated_at=now)
        coordinator_rows.append(self.province)
        self.by_kabupaten = {row["kabupaten"][0]: row["id"] for row in coordinator_rows
                             if row["kabupaten"]}
        session.execute(insert(Coordinator), coordinator_rows)

        # Targets: province-wide PKH facilitator cells up by one; a Bandung override for TKSK.
        first = self.periods[0]
        pkh = default_targets("PKH", instrument)
        setting_rows = [dict(id=uuid.uuid4(), advisor_type="PKH", kabupaten="", period=first,
                             cell_code=f"4.4.{area}", level=min(4, pkh[f"4.4.{area}"] + 1),
                             set_by=self.province["id"], created_at=now, updated_at=now)
                        for area in range(4, 9)]
        if "Kota Bandung" in self.by_kabupaten:
            setting_rows.append(dict(
                id=uuid.uuid4(), advisor_type="TKSK", kabupaten="Kota Bandung", period=first,
                cell_code="4.2.3", level=max(0, default_targets("TKSK", instrument)["4.2.3"] - 1),
                set_by=self.by_kabupaten["Kota Bandung"], created_at=now, updated_at=now))
        session.execute(insert(TargetSetting), setting_rows)
        self.targets: dict[tuple[str, str], dict[str, int]] = {}
        for kind in ("PKH", "TKSK", "OTHER"):
            for kab in kabupaten:
                levels = default_targets(kind, instrument)
                for row in setting_rows:
                    if row["advisor_type"] == kind and row["kabupaten"] in ("", kab):
                        levels[row["cell_code"]] = row["level"]
                self.targets[(kind, kab)] = levels

    def add(self, advisors: list[dict[str, Any]], warongs: list[dict[str, Any]],
            assessments: list[dict[str, Any]], ratings: list[dict[str, Any]]) -> None:
        """Verify, plan and follow up the assessments of one chunk just inserted (every
        semester of an advisor and e-Warong pair is in the same chunk)."""
        rng, instrument, periods = self.rng, self.instrument, self.periods
        now = datetime.now(UTC)
        self.advisor_type.update((row["id"], row["advisor_type"]) for row in advisors)
        warong_kab = {row["id"]: row["kabupaten"] for row in warongs}
        levels_of: dict[uuid.UUID, dict[str, int | None]] = defaultdict(dict)
        for rating in ratings:
            levels_of[rating["assessment_id"]][rating["cell_code"]] = rating["level"]
        by_pair = {(row["advisor_id"], row["warong_id"], row["period"]): row
                   for row in assessments}

        verification_rows: list[dict[str, Any]] = []
        cell_rows: list[dict[str, Any]] = []
        audit_rows: list[dict[str, Any]] = []
        action_rows: list[dict[str, Any]] = []
        follow_rows: list[dict[str, Any]] = []
        for row in assessments:
            if row["status"] != "final":
                continue
            latest = row["period"] == periods[-1]
            if rng.random() >= (0.3 if latest else 0.6):
                continue
            kab = warong_kab[row["warong_id"]]
            coordinator = self.by_kabupaten.get(kab, self.province["id"])
            at = min(now, row["updated_at"] + timedelta(days=rng.randint(7, 30)))
            verification_id = uuid.uuid4()
            verification_rows.append(dict(id=verification_id, assessment_id=row["id"],
                                          coordinator_id=coordinator, status="verified",
                                          comment="Dibahas bersama pendamping.", at=at,
                                          created_at=at, updated_at=at))
            audit_rows.append(dict(id=uuid.uuid4(), assessment_id=row["id"], at=at, advisor_id=None,
                                   coordinator_id=coordinator, action="verify", cell_code=None,
                                   old_value=None, new_value=None, reason=None))
            verified = dict(levels_of[row["id"]])
            for code, level in levels_of[row["id"]].items():
                if level is None:
                    continue
                if level >= 3 and rng.random() < 0.25:
                    verified[code] = level - 1
                    comment = rng.choice(LOWER_COMMENTS)
                elif level <= 1 and rng.random() < 0.08:
                    verified[code] = level + 1
                    comment = rng.choice(HIGHER_COMMENTS)
                else:
                    continue
                cell_rows.append(dict(id=uuid.uuid4(), verification_id=verification_id, cell_code=code,
                                      level=verified[code], not_applicable=False, comment=comment))
            if latest:
                continue
            wanted = self.targets[(self.advisor_type[row["advisor_id"]], kab)]
            gaps = {code: wanted[code] - level for code, level in verified.items() if level is not None}
            found = suggestions(gaps, "id", instrument)[:rng.choice((2, 3))]
            if len(found) < 2:
                continue
            due = _semester_end(_next_period(row["period"]))
            later = by_pair.get((row["advisor_id"], row["warong_id"], _next_period(row["period"])))
            for position, suggestion in enumerate(found, start=1):
                action_id = uuid.uuid4()
                action_rows.append(dict(
                    id=action_id, assessment_id=row["id"], position=position, text=suggestion.text,
                    suggestion=suggestion.key, owner=OWNERS[(position - 1) % len(OWNERS)],
                    due_date=due, cells=list(suggestion.cells[:4]), created_by=coordinator,
                    created_at=at, updated_at=at))
                if later is not None:
                    status = rng.choices(("done", "partly", "not_done"), (0.5, 0.3, 0.2))[0]
                    stamp = later["updated_at"]
                    follow_rows.append(dict(id=uuid.uuid4(), action_id=action_id, status=status,
                                            note=rng.choice(FOLLOW_UP_NOTES[status]),
                                            by_advisor=row["advisor_id"], by_coordinator=None,
                                            at=stamp, created_at=stamp, updated_at=stamp))
        for model, rows in ((Verification, verification_rows), (VerifiedCell, cell_rows),
                            (AuditEntry, audit_rows), (PlanAction, action_rows),
                            (FollowUp, follow_rows)):
            if rows:
                self.session.execute(insert(model), rows)
        self.verified += len(verification_rows)
