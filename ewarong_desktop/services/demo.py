"""A realistic demo database: the study's West Java sites, PKH and TKSK advisors,
several e-Warongs each and three semesters of ratings following the study's pattern
(PKH advisors above TKSK, business areas 4-8 weakest), with variation.

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

from ..db.models import Advisor, Assessment, Assignment, Rating, Warong
from ..instrument import Instrument, load_instrument
from .demo_coordination import CoordinationDemo
from .validation import current_period, previous_period
from .warongs import name_key

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
FIRST_NAMES = ["Asep", "Dedi", "Euis", "Yanti", "Rina", "Ujang", "Siti", "Agus", "Nining",
               "Dadang", "Lilis", "Hendra", "Wulan", "Iwan", "Tati", "Budi", "Neneng", "Ridwan",
               "Sri", "Cecep", "Dewi", "Yusuf", "Ani", "Rudi"]
LAST_NAMES = ["Suryana", "Rahmawati", "Hidayat", "Kurniasih", "Saepudin", "Nurhayati",
              "Permana", "Sutisna", "Maulana", "Handayani", "Gunawan", "Setiawati", "Ramdani",
              "Mulyana", "Fitriani", "Sopandi"]
WARONG_WORDS = ["Berkah", "Mandiri", "Sejahtera", "Barokah", "Gotong Royong", "Harapan",
                "Maju Bersama", "Sauyunan", "Rukun", "Makmur", "Sinar", "Amanah"]
NOTES = [
    "Rapat bulanan dengan pengurus KUBE sudah rutin.",
    "Belum ada pelatihan pembukuan tahun ini.",
    "Pengurus sudah bisa isi ulang pulsa lewat EDC, pembayaran BPJS belum.",
    "Stok beras dan telur BPNT sering terlambat dari pemasok.",
    "Sudah dibantu menyusun laporan laba rugi sederhana.",
    "Perlu pendampingan penataan rak dan etalase.",
    "Konflik pembagian shift jaga warung sudah diselesaikan bersama.",
    "Data KPM dicek ulang bersama operator desa.",
    "Belum paham cara menghubungkan warung dengan program CSR.",
    "Ide usaha baru: titip jual produk olahan anggota.",
]
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
    return max(0, min(4, round(base + rng.gauss(0, 0.7))))


def generate_demo(session: Session, *, seed: int = 1, assessments: int | None = None,
                  instrument: Instrument | None = None) -> DemoCounts:
    """Fill an empty database with demo data; ``assessments`` sets the approximate size.

    By default one PKH advisor and one TKSK per kecamatan each accompany three e-Warongs
    there, over three semesters (the last one partly in draft).
    """
    rng = random.Random(seed)
    instrument = instrument or load_instrument()
    periods = _periods(3)
    kecamatan_list = [(kota, kec, kel) for kota, kecs in SITES.items() for kec, kel in kecs.items()]
    # Each warung gets two advisors x three periods = six assessments.
    per_kecamatan = 3 if assessments is None else max(1, round(assessments / 6 / len(kecamatan_list)))
    advisors_per_type = max(1, per_kecamatan // 25)  # keep a coordinator's-scale load realistic
    now = datetime.now(UTC)

    # Rows wait in these buffers only until CHUNK of them are ready, then go to the
    # database (parents first), so memory stays flat from 100 to 200,000 assessments.
    buffers: dict[Any, list[dict[str, Any]]] = {model: [] for model in FLUSH_ORDER}
    totals = dict.fromkeys(FLUSH_ORDER, 0)
    advisor_rows, warong_rows, assignment_rows, assessment_rows, rating_rows = buffers.values()
    used_names: set[str] = set()

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

    def person_name() -> str:
        for _ in range(20):  # prefer distinct names; large demos may repeat some
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name not in used_names:
                break
        used_names.add(name)
        return name

    for kota, kecamatan, kelurahan_names in kecamatan_list:
        team = []
        for advisor_type in ("PKH", "TKSK"):
            for _ in range(advisors_per_type):
                advisor_id = uuid.uuid4()
                skill = rng.gauss(0, 0.45)  # some advisors are simply stronger than others
                team.append((advisor_id, advisor_type, skill))
                advisor_rows.append(dict(
                    id=advisor_id, name=person_name(), advisor_type=advisor_type,
                    staff_number=f"{'PKH' if advisor_type == 'PKH' else 'TKSK'}-{rng.randint(10000, 99999)}",
                    phone=f"08{rng.randint(1000000000, 9999999999)}", kabupaten=kota,
                    kecamatan=kecamatan, created_at=now, updated_at=now))
        for number in range(per_kecamatan):
            kelurahan = kelurahan_names[number % len(kelurahan_names)]
            name = f"e-Warong {rng.choice(WARONG_WORDS)} {kelurahan}"
            if number >= len(kelurahan_names):
                name += f" {number // len(kelurahan_names) + 1}"
            warong_id = uuid.uuid4()
            warong_rows.append(dict(
                id=warong_id, name=name, name_key=name_key(name),
                kube_name=f"KUBE {rng.choice(WARONG_WORDS)} {number + 1}",
                address=f"Jl. {rng.choice(['Melati', 'Kenanga', 'Mawar', 'Cempaka', 'Anggrek'])} "
                        f"No. {rng.randint(1, 120)}, RT 0{rng.randint(1, 9)}/RW 0{rng.randint(1, 9)}",
                kelurahan=kelurahan, kecamatan=kecamatan, kabupaten=kota, provinsi=PROVINSI,
                year_founded=rng.randint(2016, 2019), member_count=rng.randint(8, 15),
                services=rng.choice(SERVICE_SETS), created_at=now, updated_at=now))
            pkh_team = [member for member in team if member[1] == "PKH"]
            tksk_team = [member for member in team if member[1] == "TKSK"]
            for advisor_id, advisor_type, skill in (rng.choice(pkh_team), rng.choice(tksk_team)):
                assignment_rows.append(dict(advisor_id=advisor_id, warong_id=warong_id, created_at=now))
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
                    growth = 0.25 * index  # training shows a little, semester by semester
                    for code, cell in instrument.cells.items():
                        if draft and rng.random() < 0.3:
                            continue  # drafts are partly filled in
                        not_applicable = (advisor_type == "TKSK" and cell.area == 3 and cell.role == 2
                                          and rng.random() < 0.5) or rng.random() < 0.02
                        level = None if not_applicable else _level(
                            rng, cell.baseline[advisor_type].level + skill + growth)
                        note = rng.choice(NOTES) if rng.random() < 0.15 else ""
                        rating_rows.append(dict(
                            id=uuid.uuid4(), assessment_id=assessment_id, cell_code=code,
                            level=level, not_applicable=not_applicable, note=note,
                            updated_at=stamp))
            if len(rating_rows) >= CHUNK:
                flush()
    flush()
    return DemoCounts(totals[Advisor], totals[Warong], totals[Assessment], totals[Rating])
