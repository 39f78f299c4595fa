"""Databases to exchange between, a table dump to compare them, and file surgery helpers."""

import hashlib
import json
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from ewarong_desktop.db.models import Base
from ewarong_desktop.instrument import all_cell_codes
from ewarong_desktop.services import advisors, assessments, exchange, profiles, warongs

# What a person entered and what travels: everything but this installation's own facts.
CONTENT_TABLES = ("advisor", "warong", "assignment", "assessment", "rating", "target_level",
                  "audit_entry", "tombstone")
# The coordinators' records that travel too (coordinators here have no PIN: hashes stay home).
COORDINATION_TABLES = ("coordinator", "verification", "verified_cell", "target_setting",
                       "plan_action", "follow_up")


def dump(database, tables=None) -> dict[str, list[tuple]]:
    """Every row of every table (or of ``tables``), sorted: two dumps are equal iff the data are."""
    names = tables or [t.name for t in Base.metadata.sorted_tables] + ["alembic_version"]
    with database.engine.connect() as connection:
        return {name: sorted(tuple(row) for row in connection.execute(text(f"SELECT * FROM {name}")))
                for name in names}


@pytest.fixture
def make_database(open_test_database):
    """Open (creating) a database by name, a file in tmp_path or a database on the test
    server (tests/postgres_server.py); all are closed at the end."""
    return open_test_database


def location(database) -> str:
    """What `--db` takes for this database: its file, or its server URL."""
    return database.url if database.is_server else str(database.path)


@dataclass
class Laptop:
    """An advisor's laptop: a PKH advisor, a TKSK and two e-Warongs, with assessments.

    The TKSK's draft starts with 4.2.3 not applicable (the instrument's default for TKSK),
    so it holds one rating more than the cells rated here: 32 + 3 = 35 ratings in all.
    """

    database: object
    pkh: uuid.UUID
    tksk: uuid.UUID
    warong_a: uuid.UUID
    warong_b: uuid.UUID
    final: uuid.UUID
    draft: uuid.UUID


def rate_all(session, assessment_id, *, level_for=lambda code: 2, note=""):
    for code in all_cell_codes():
        if code == "4.2.3":
            assessments.set_rating(session, assessment_id, code, not_applicable=True,
                                   note="TKSK tidak ikut mengelola e-Warong")
        else:
            assessments.set_rating(session, assessment_id, code, level_for(code), note=note)


def fill_laptop(database) -> Laptop:
    """Realistic content: a final assessment with notes, N/A and an audit trail; a draft;
    an edited target level; a deleted advisor (tombstone); Indonesian text."""
    with database.session() as session:
        pkh = advisors.create_advisor(session, "Euis Nur’aini", "PKH", staff_number="PKH-1001",
                                      kabupaten="Kota Bandung", kecamatan="Lengkong").id
        tksk = advisors.create_advisor(session, "Dédé Suryana", "TKSK",
                                       kabupaten="Kota Tasikmalaya", kecamatan="Tawang").id
        mistake = advisors.create_advisor(session, "Salah Ketik", "OTHER").id
        warong_a = warongs.create_warong(session, warongs.WarongFields(
            name="e-Warong Sauyunan", kube_name="KUBE Sauyunan", kelurahan="Cijagra",
            kecamatan="Lengkong", kabupaten="Kota Bandung", services=["BPNT", "EDC"]),
            advisor_id=pkh).id
        warong_b = warongs.create_warong(session, warongs.WarongFields(
            name="e-Warong Barokah", kelurahan="Tawangsari", kecamatan="Tawang",
            kabupaten="Kota Tasikmalaya", year_founded=2017, member_count=10),
            advisor_id=tksk).id
        final = assessments.start_assessment(session, pkh, warong_a, "2026-S1").id
        rate_all(session, final, level_for=lambda code: int(code[4]) % 5,
                 note="Rapat bulanan rutin")
        assessments.finalise(session, final, editor_id=pkh)
        assessments.reopen(session, final, "salah isi 4.1.5", editor_id=pkh)
        assessments.set_rating(session, final, "4.1.5", 3, note="sudah dibantu laporan laba rugi",
                               editor_id=pkh)
        assessments.finalise(session, final, editor_id=pkh)
        draft = assessments.start_assessment(session, tksk, warong_b, "2026-S1").id
        assessments.set_rating(session, draft, "4.1.1", 3, note="cek ulang data KPM")
        assessments.set_rating(session, draft, "4.1.2", 1)
        profiles.set_target(session, "PKH", "4.1.5", 4)
        advisors.delete_advisor(session, mistake)
    return Laptop(database, pkh, tksk, warong_a, warong_b, final, draft)


def fill_coordination(laptop: Laptop):
    """A Bandung coordinator (no PIN) who set a target, verified the final assessment with
    two changed cells, agreed a plan of two actions; the advisor followed one up."""
    from datetime import date, timedelta

    from ewarong_desktop.services import access, coordinators, plans, targets, verification
    from ewarong_desktop.services.verification import CellVerdict

    database = laptop.database
    info = coordinators.add_coordinator(database, "Rina Kurniasih", kabupaten=["Kota Bandung"],
                                        staff_number="19800101", office="Dinsos Kota Bandung")
    actor = access.Actor(access.COORDINATOR, info.id, info.name, frozenset(["Kota Bandung"]))
    targets.set_targets(database, actor, "PKH", {"4.1.5": 3}, period="2026-S1",
                        kabupaten="Kota Bandung")
    verification.verify(database, actor, laptop.final, [
        CellVerdict("4.1.1", 0, comment="belum terlihat"), CellVerdict("4.2.3", 2, comment="ikut")])
    due = date(2030, 6, 30)
    plan = plans.set_plan(database, actor, laptop.final, [
        plans.ActionInput("Sesi kelompok swabantu", "advisor", due, ("4.1.7", "4.2.7"),
                          "social_entrepreneurship"),
        plans.ActionInput("Pelatihan EDC oleh Dinas", "dinas", due, ("4.4.8",), "it")],
        today=due - timedelta(days=100))
    advisor = access.Actor(access.ADVISOR, laptop.pkh, "Euis")
    plans.record_follow_up(database, advisor, plan.actions[0].id, "partly", "baru satu sesi")
    return actor


@pytest.fixture
def laptop(make_database) -> Laptop:
    return fill_laptop(make_database("laptop"))


def export_file(database, path: Path, **selection) -> Path:
    with database.session() as session:
        chosen = exchange.make_selection(session, **selection) if selection else None
        exchange.export_exchange(session, path, chosen)
    return path


@pytest.fixture
def laptop_file(laptop, tmp_path) -> Path:
    return export_file(laptop.database, tmp_path / "laptop.ewarong")


def read_parts(path: Path) -> tuple[dict, dict]:
    with zipfile.ZipFile(path) as archive:
        return (json.loads(archive.read("manifest.json")), json.loads(archive.read("content.json")))


def write_parts(path: Path, manifest: dict, content, *, fix_checksum=True, fix_counts=True,
                raw_content: bytes | None = None) -> Path:
    """Write an exchange file from parts; by default with a matching checksum and counts,
    so that the checks after the checksum are the ones being exercised."""
    data = raw_content if raw_content is not None else json.dumps(content).encode("utf-8")
    manifest = dict(manifest)
    if fix_checksum:
        manifest["content_sha256"] = hashlib.sha256(data).hexdigest()
    if fix_counts and isinstance(content, dict) and isinstance(manifest.get("counts"), dict):
        manifest["counts"] = {kind: len(content[kind]) if isinstance(content.get(kind), list)
                              else manifest["counts"].get(kind, 0)
                              for kind in manifest["counts"]}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("content.json", data)
    return path
