"""Every refusal a person can meet says what to fix in Indonesian as well as in English.

``str(error)`` stays English (the command line's default, logs, scripts); ``error.text("id")``
is the Indonesian the window shows. The source scan at the end keeps new raises honest.
"""

import ast
import hashlib
import importlib
import json
import pkgutil
import re
import sqlite3
import uuid
import zipfile
from pathlib import Path

import pytest

import ewarong_desktop
from ewarong_desktop.cli import run
from ewarong_desktop.db import open_database
from ewarong_desktop.db.models import TEXT_MAX
from ewarong_desktop.errors import IncompleteAssessmentError, InstrumentError, UserError
from ewarong_desktop.output_files import check_output_file, check_output_folder
from ewarong_desktop.services import assessments, exchange, safety, warongs
from ewarong_desktop.services.exchange.export import export_exchange

# Words of which any Indonesian sentence here has at least one; an English one has none.
INDONESIAN = re.compile(r"\b(tidak|belum|sudah|bukan|pilih|harus|ada|atau|dengan|berkas|"
                        r"basis data|penilaian|periode|tingkat|terlalu|rusak|dapat)\b")


def bilingual(error: UserError, *in_both: str) -> str:
    """Assert ``error`` has a real Indonesian text; returns it. ``in_both``: facts both name."""
    english, indonesian = str(error), error.text("id")
    assert error.text("en") == english
    assert indonesian and indonesian != english, english
    for fact in in_both:
        assert fact in english and fact in indonesian, (fact, english, indonesian)
        # Names and paths (a file called rusak.ewarong) say nothing about the language.
        english, indonesian = english.replace(fact, ""), indonesian.replace(fact, "")
    assert INDONESIAN.search(indonesian), indonesian
    assert not INDONESIAN.search(english), english
    return error.text("id")


def refused(error_type, action, *args, **kwargs) -> UserError:
    with pytest.raises(error_type) as caught:
        action(*args, **kwargs)
    return caught.value


# --- what an advisor types ---------------------------------------------------------------

def test_empty_name(database):
    with database.session() as session:
        error = refused(UserError, warongs.create_warong, session, warongs.WarongFields(name="  "))
    assert bilingual(error).startswith("Nama e-Warong belum diisi")
    assert str(error).startswith("e-Warong name is empty")


def test_duplicate_warong_names_the_warong_and_place(database, advisor_and_warong):
    fields = warongs.WarongFields(name="E-WARONG  sauyunan", kelurahan="Cijagra",
                                  kecamatan="Lengkong", kabupaten="Kota Bandung")
    with database.session() as session:
        error = refused(UserError, warongs.create_warong, session, fields)
    indonesian = bilingual(error, "Cijagra", "E-WARONG sauyunan")
    assert "sudah ada" in indonesian and "already exists" in str(error)


def test_bad_period_level_and_note(database, advisor_and_warong, draft):
    advisor_id, warong_id = advisor_and_warong
    with database.session() as session:
        period = refused(UserError, assessments.start_assessment, session, advisor_id, warong_id,
                         "2026-S3")
        level = refused(UserError, assessments.set_rating, session, draft, "4.1.1", 7)
        note = refused(UserError, assessments.set_rating, session, draft, "4.1.1", 2,
                       note="x" * (TEXT_MAX + 1))
        cell = refused(UserError, assessments.set_rating, session, draft, "4.9.9", 2)
    assert "periode '2026-S3'" in bilingual(period, "2026-S3")
    assert "tingkat 7 di luar skala" in bilingual(level, "7")
    assert bilingual(note).startswith("Catatan terlalu panjang (10.001 karakter)")
    assert "10,001 characters" in str(note)
    bilingual(cell, "4.9.9")


def test_finalising_lists_the_unrated_cells_in_both(database, draft):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 3)
        error = refused(IncompleteAssessmentError, assessments.finalise, session, draft)
    indonesian = bilingual(error, "31", "4.1.2", "4.4.8")
    assert indonesian.startswith("31 sel belum dinilai: 4.1.2, ")


def test_unknown_and_malformed_ids(database):
    missing = uuid.uuid4()
    with database.session() as session:
        unknown = refused(UserError, assessments.get_summary, session, missing)
        malformed = refused(UserError, assessments.get_summary, session, "12-ab")
    assert bilingual(unknown, str(missing)).startswith("tidak ada penilaian dengan id")
    bilingual(malformed, "'12-ab'")


# --- database files ----------------------------------------------------------------------

def test_a_file_that_is_not_sqlite(tmp_path):
    notes = tmp_path / "catatan.sqlite3"
    notes.write_text("daftar belanja\n" * 20)
    error = refused(UserError, open_database, notes)
    assert "bukan basis data e-Warong" in bilingual(error, str(notes))
    health = safety.check_database(notes)
    assert health.summary_text("id").startswith("bukan basis data e-Warong")
    assert health.summary_text("en") == health.summary


def test_a_database_from_a_newer_version(db_path):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    error = refused(UserError, open_database, db_path)
    assert "versi yang lebih baru" in bilingual(error, "9999")


def test_a_truncated_database(db_path, database, draft):
    database.close()
    db_path.write_bytes(db_path.read_bytes()[:5000])
    error = refused(UserError, open_database, db_path)
    assert "terpotong" in bilingual(error, str(db_path), "5000")
    assert error.problem_text("id").startswith("berkas terpotong (5000 byte")
    assert error.problem_text("en") == error.problem


def test_a_missing_database_and_backup(tmp_path):
    error = refused(UserError, safety.backup_now, tmp_path / "hilang.sqlite3")
    assert bilingual(error, "hilang.sqlite3").startswith("basis data")


# --- reports -----------------------------------------------------------------------------

def test_report_output_folder_problems(tmp_path):
    missing = refused(UserError, check_output_folder, tmp_path / "belum-ada")
    assert "tidak ada" in bilingual(missing, str(tmp_path / "belum-ada"))
    folder = refused(UserError, check_output_file, tmp_path)
    assert "adalah folder" in bilingual(folder, str(tmp_path))


# --- exchange files ----------------------------------------------------------------------

@pytest.fixture
def exchange_parts(database, draft, tmp_path):
    with database.session() as session:
        export_exchange(session, tmp_path / "asli.ewarong")
    with zipfile.ZipFile(tmp_path / "asli.ewarong") as archive:
        return json.loads(archive.read("manifest.json")), archive.read("content.json")


def _write(path: Path, manifest: dict, content: bytes) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("content.json", content)
    return path


def test_exchange_files_refused_in_both_languages(database, exchange_parts, tmp_path):
    manifest, content = exchange_parts
    damaged = tmp_path / "rusak.ewarong"
    damaged.write_bytes(b"PK\x03\x04" + bytes(range(200)))
    tampered = _write(tmp_path / "diubah.ewarong", manifest, content.replace(b"2026-S1", b"2026-S2"))
    future = {**manifest, "schema_version": 7, "program_version": "9.0"}
    newer = _write(tmp_path / "baru.ewarong", future, content)
    wrong_counts = {**manifest, "counts": {**manifest["counts"], "advisors": 5},
                    "content_sha256": hashlib.sha256(content).hexdigest()}
    counted = _write(tmp_path / "hitungan.ewarong", wrong_counts, content)

    texts = {path.name: bilingual(refused(exchange.ExchangeError, exchange.apply, database, path),
                                  f"{path.name}: ")
             for path in (damaged, tampered, newer, counted)}
    assert "rusak atau terpotong" in texts["rusak.ewarong"]
    assert "checksum content.json tidak cocok" in texts["diubah.ewarong"]
    assert "e-Warong Desktop 9.0 atau yang lebih baru" in texts["baru.ewarong"]
    assert "advisors: 5 tercatat" in texts["hitungan.ewarong"]


def test_a_cancelled_import_says_so(database, exchange_parts, tmp_path):
    path = _write(tmp_path / "kiriman.ewarong", *exchange_parts)
    error = refused(UserError, exchange.apply, database, path, progress=lambda *_: False)
    assert bilingual(error).startswith("impor dihentikan")


def test_errors_for_developers_fall_back_to_english():
    error = InstrumentError("instrument file x is missing")
    assert error.text("id") == error.text("en") == "instrument file x is missing"


# --- the command line --------------------------------------------------------------------

def test_command_line_messages_follow_lang(tmp_path, capsys):
    missing = str(tmp_path / "tidak-ada.sqlite3")
    assert run(["list", "advisors", "--db", missing]) == 1
    english = capsys.readouterr().err
    assert run(["--lang", "id", "list", "advisors", "--db", missing]) == 1
    indonesian = capsys.readouterr().err
    assert english.startswith("ewarong-desktop: database ") and "check the --db path" in english
    assert indonesian.startswith("ewarong-desktop: basis data ") and missing in indonesian
    assert indonesian.count("\n") == english.count("\n") == 1
    assert run(["--lang=id", "list", "kucing"]) == 1
    assert "(lihat 'ewarong-desktop list --help')" in capsys.readouterr().err


# --- the source scan ---------------------------------------------------------------------

# Classes whose __init__ takes no free text and writes both languages itself.
BUILDS_BOTH = {"IncompleteAssessmentError", "DiskFullError", "DatabaseBusyError",
               "DatabaseReadOnlyError"}
SCANNED = ("services", "db", "reports", "commands", "cli.py")
PACKAGE = Path(ewarong_desktop.__file__).parent


def _user_error_names() -> set[str]:
    for module in pkgutil.walk_packages(ewarong_desktop.__path__, "ewarong_desktop."):
        if not any(part in module.name for part in (".ui", "__main__", ".migrations.")):
            importlib.import_module(module.name)
    names, pending = set(), [UserError]
    while pending:
        cls = pending.pop()
        names.add(cls.__name__)
        pending += cls.__subclasses__()
    return names


def test_every_user_error_raised_in_the_program_has_indonesian():
    """Rule: a call that makes a UserError (or subclass) in services/, db/, reports/,
    commands/ or cli.py passes ``id=`` (the Indonesian), unless its class is in
    BUILDS_BOTH. Helpers that build errors (``validation.not_found``, ``ExchangeFile.error``)
    are covered because the error they make is such a call; ``ExchangeFile.error`` also
    requires ``id``."""
    names = _user_error_names() - BUILDS_BOTH
    files = [path for part in SCANNED for path in
             ([PACKAGE / part] if part.endswith(".py") else (PACKAGE / part).rglob("*.py"))]
    missing, seen = [], 0
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Another library's class of the same name (jsonschema's ValidationError) is not ours.
        foreign = {alias.asname or alias.name for node in ast.walk(tree)
                   if isinstance(node, ast.ImportFrom) and node.level == 0
                   and not (node.module or "").startswith("ewarong_desktop")
                   for alias in node.names}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else None)
            if name in names and name not in foreign:
                seen += 1
                if not any(keyword.arg == "id" for keyword in node.keywords):
                    missing.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {name}")
    assert seen > 80  # the scan does see the program's errors
    assert missing == []
