"""A demo database, marked as such: the study's West Java sites, obviously fictional
PKH and TKSK advisors ("Contoh Pendamping PKH 01", phone ``0000-0000-0001``), several
e-Warongs each and three semesters of ratings.

The database records that it is a demo (``meta`` key ``demo_data``), so every window
title and every printed page made from it says "DATA CONTOH" / "SAMPLE DATA".

How the ratings are made (``pattern``):

- ``study`` (the default): an advisor's first-semester level for a cell is the study's
  reference level for their type (``instrument-2026.2.json``; measured for the broker
  role, derived for the others) plus the advisor's own skill (normal, sd 0.45) plus noise
  (normal, sd 0.6), rounded to the 0-4 scale. A summary of these data therefore repeats
  the study's pattern *because it was built in*: it shows nothing about real advisors.
- ``flat``: the same, but every cell of both types starts from level 2, so PKH and TKSK
  and all agenda areas differ only by chance. Use it to see what a report says about data
  that carry no pattern.

In each later semester a cell keeps its level, except that it rises by one with
probability 0.15 (training shows a little) and falls by one with probability 0.05: about
one cell in five changes. The last semester is partly in draft and drafts are partly
filled in. TKSK start 4.2.3 as not applicable, as the instrument suggests. Notes are drawn
from a short list per agenda area, so a note always fits its cell.

Rows are inserted in bulk so the 10,000-assessment benchmark database builds quickly,
in chunks as they are made so memory does not grow with the size asked for.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..db.models import Advisor, Assessment, Assignment, Meta, Rating, Warong
from ..instrument import Instrument, load_instrument
from .demo_coordination import CoordinationDemo
from .validation import current_period, previous_period
from .warongs import name_key

DEMO_KEY = "demo_data"  # meta key; its value is the pattern the demo was made with
PATTERNS = ("study", "flat")
FLAT_LEVEL = 2
RISE, FALL = 0.15, 0.05  # chance per cell and later semester of moving one level

# Kota -> kecamatan -> kelurahan; the study's sites, with real kelurahan of each kecamatan.
SITES: dict[str, dict[str, list[str]]] = {
    "Kota Bekasi": {
        "Bekasi Selatan": ["Pekayon Jaya", "Jaka Setia", "Kayuringin Jaya", "Marga Jaya"],
        "Bekasi Timur": ["Aren Jaya", "Duren Jaya", "Margahayu"],
    },
    "Kota Bandung": {
        "Lengkong": ["Burangrang", "Cijagra", "Lingkar Selatan", "Malabar"],
        "Cibiru": ["Cipadung", "Palasari", "Pasir Biru", "Cisurupan"],
        "Rancasari": ["Cipamokolan", "Derwati", "Mekarjaya", "Manjahlega"],
    },
    "Kota Tasikmalaya": {
        "Tawang": ["Kahuripan", "Lengkongsari", "Tawangsari", "Empangsari"],
        "Cihideung": ["Nagarawangi", "Tuguraja", "Yudanagara", "Tugujaya"],
    },
    "Kota Banjar": {
        "Banjar": ["Mekarsari", "Banjar", "Situbatu", "Balokang"],
        "Pataruman": ["Pataruman", "Hegarsari", "Karangpanimbal"],
    },
}
PROVINSI = "Jawa Barat"
# Notes per agenda area, so a note always speaks about its cell's area.
NOTES_BY_AREA: dict[int, list[str]] = {
    1: ["Dua keluarga dampingan belum terdaftar subsidi gas; sudah diajukan ke desa.",
        "Keluarga baru dijelaskan haknya atas BPNT dan PKH."],
    2: ["Data KPM dicek ulang bersama operator desa.",
        "Tiga nama penerima ganda dilaporkan ke Dinas Sosial."],
    3: ["Penyaluran BPNT bulan ini tertib; antrean dibagi per RW.",
        "Stok beras dan telur BPNT sempat terlambat dari pemasok."],
    4: ["Pertemuan bulanan dengan pengelola membahas pembagian tugas jaga.",
        "Pengelola belum pernah ikut pelatihan usaha."],
    5: ["Belum ada pelatihan pembukuan tahun ini.",
        "Sudah dibantu menyusun catatan kas harian."],
    6: ["Perlu pendampingan penataan rak dan etalase.",
        "Pengelola mulai mencatat stok barang tiap minggu."],
    7: ["Ide usaha baru: titip jual produk olahan anggota.",
        "Pengelola ragu mencoba barang dagangan baru."],
    8: ["Pengelola sudah bisa isi ulang pulsa lewat EDC, pembayaran BPJS belum.",
        "EDC sering gagal tersambung; sudah dilaporkan ke bank."],
}
SERVICE_SETS = [["BPNT", "EDC"], ["BPNT", "EDC", "TOPUP"], ["BPNT", "EDC", "TOPUP", "BPJS"],
                ["BPNT"], ["BPNT", "EDC", "OTHER"]]


CHUNK = 5000  # rating rows per insert
FLUSH_ORDER = (Advisor, Warong, Assignment, Assessment, Rating)  # parents before children


@dataclass(frozen=True)
class DemoCounts:
    advisors: int
    warongs: int
    assessments: int
    ratings: int


def _periods(count: int) -> list[str]:
    periods = [current_period()]
    while len(periods) < count:
        periods.append(previous_period(periods[-1]))
    return list(reversed(periods))


def _level(rng: random.Random, base: float) -> int:
    return max(0, min(4, round(base + rng.gauss(0, 0.6))))


def _next_level(rng: random.Random, level: int) -> int:
    """The same cell one semester later: mostly unchanged, sometimes one level up or down."""
    draw = rng.random()
    if draw < RISE:
        return min(4, level + 1)
    if draw < RISE + FALL:
        return max(0, level - 1)
    return level


def is_demo(session: Session) -> bool:
    """Whether this database was made by the demo generator (its pages and titles say so)."""
    return session.get(Meta, DEMO_KEY) is not None


def mark_demo(session: Session, pattern: str) -> None:
    """Record in the database itself that its data are a demo."""
    row = session.get(Meta, DEMO_KEY)
    if row is None:
        session.add(Meta(key=DEMO_KEY, value=pattern))
    else:
        row.value = pattern
    session.flush()


def generate_demo(session: Session, *, seed: int = 1, assessments: int | None = None,
                  instrument: Instrument | None = None, pattern: str = "study") -> DemoCounts:
    """Fill an empty database with demo data and mark it as a demo.

    ``assessments`` sets the approximate size; ``pattern`` is ``study`` or ``flat`` (see
    the module's docstring). By default one PKH advisor and one TKSK per kecamatan each
    accompany three e-Warongs there, over three semesters (the last one partly in draft).
    """
    if pattern not in PATTERNS:
        raise ValueError(f"unknown demo pattern {pattern!r}")
    rng = random.Random(seed)
    instrument = instrument or load_instrument()
    periods = _periods(3)
    kecamatan_list = [(kota, kec, kel) for kota, kecs in SITES.items() for kec, kel in kecs.items()]
    # Each warung gets two advisors x three periods = six assessments.
    per_kecamatan = 3 if assessments is None else max(1, round(assessments / 6 / len(kecamatan_list)))
    advisors_per_type = max(1, per_kecamatan // 25)  # keep a coordinator's-scale load realistic
    now = datetime.now(UTC)
    mark_demo(session, pattern)

    # Rows wait in these buffers only until CHUNK of them are ready, then go to the
    # database (parents first), so memory stays flat from 100 to 200,000 assessments.
    buffers: dict[Any, list[dict[str, Any]]] = {model: [] for model in FLUSH_ORDER}
    totals = dict.fromkeys(FLUSH_ORDER, 0)
    advisor_rows, warong_rows, assignment_rows, assessment_rows, rating_rows = buffers.values()
    serial = {"PKH": 0, "TKSK": 0}
    warong_serial = 0

    # Coordinators, verifications, plans and follow-ups for each chunk as it is written.
    coordination = CoordinationDemo(session, rng, instrument, PROVINSI, list(SITES), periods)

    def flush() -> None:
        for model, rows in buffers.items():
            if rows:
                session.execute(insert(model), rows)
                totals[model] += len(rows)
        coordination.add(advisor_rows, warong_rows, assessment_rows, rating_rows)
        for rows in buffers.values():
            rows.clear()

    for kota, kecamatan, kelurahan_names in kecamatan_list:
        team = []
        for advisor_type in ("PKH", "TKSK"):
            for _ in range(advisors_per_type):
                advisor_id = uuid.uuid4()
                skill = rng.gauss(0, 0.45)  # some advisors are simply stronger than others
                team.append((advisor_id, advisor_type, skill))
                serial[advisor_type] += 1
                number = serial[advisor_type]
                advisor_rows.append(dict(
                    id=advisor_id, name=f"Contoh Pendamping {advisor_type} {number:02d}",
                    advisor_type=advisor_type, staff_number=f"CONTOH-{advisor_type}-{number:03d}",
                    phone=f"0000-{'1' if advisor_type == 'PKH' else '2'}000-{number:04d}",
                    kabupaten=kota, kecamatan=kecamatan, created_at=now, updated_at=now))
        for number in range(per_kecamatan):
            warong_serial += 1
            kelurahan = kelurahan_names[number % len(kelurahan_names)]
            name = f"e-Warong Contoh {warong_serial:02d} {kelurahan}"
            warong_id = uuid.uuid4()
            warong_rows.append(dict(
                id=warong_id, name=name, name_key=name_key(name),
                kube_name=f"KUBE Contoh {warong_serial:02d}",
                address=f"Jl. Contoh No. {warong_serial}",
                kelurahan=kelurahan, kecamatan=kecamatan, kabupaten=kota, provinsi=PROVINSI,
                year_founded=rng.randint(2016, 2019), member_count=rng.randint(8, 15),
                services=rng.choice(SERVICE_SETS), created_at=now, updated_at=now))
            pkh_team = [member for member in team if member[1] == "PKH"]
            tksk_team = [member for member in team if member[1] == "TKSK"]
            for advisor_id, advisor_type, skill in (rng.choice(pkh_team), rng.choice(tksk_team)):
                assignment_rows.append(dict(advisor_id=advisor_id, warong_id=warong_id, created_at=now))
                not_applicable_here = set(instrument.not_applicable_by_default.get(advisor_type, ()))
                levels: dict[str, int] = {}
                for code, cell in instrument.cells.items():
                    base = (cell.baseline[advisor_type].level if pattern == "study"
                            else FLAT_LEVEL)
                    levels[code] = _level(rng, base + skill)
                for index, period in enumerate(periods):
                    last = index == len(periods) - 1
                    draft = last and rng.random() < 0.4
                    assessment_id = uuid.uuid4()
                    stamp = now - timedelta(days=180 * (len(periods) - 1 - index))
                    assessment_rows.append(dict(
                        id=assessment_id, advisor_id=advisor_id, warong_id=warong_id,
                        period=period, instrument_version=instrument.version,
                        status="draft" if draft else "final",
                        finalised_at=None if draft else stamp, created_at=stamp, updated_at=stamp))
                    if index:
                        levels = {code: _next_level(rng, level) for code, level in levels.items()}
                    for code, cell in instrument.cells.items():
                        if draft and rng.random() < 0.3:
                            continue  # drafts are partly filled in
                        not_applicable = code in not_applicable_here
                        level = None if not_applicable else levels[code]
                        note = (rng.choice(NOTES_BY_AREA[cell.area])
                                if not not_applicable and rng.random() < 0.12 else "")
                        rating_rows.append(dict(
                            id=uuid.uuid4(), assessment_id=assessment_id, cell_code=code,
                            level=level, not_applicable=not_applicable, note=note,
                            updated_at=stamp))
            if len(rating_rows) >= CHUNK:
                flush()
    flush()
    return DemoCounts(totals[Advisor], totals[Warong], totals[Assessment], totals[Rating])
