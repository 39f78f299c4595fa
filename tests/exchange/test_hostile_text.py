"""Hostile text: formulas never run from a spreadsheet, control characters never get in,
names are tidied the same at every entrance, unknown instrument editions are refused."""

import csv

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from ewarong_desktop.db.models import Advisor, Rating
from ewarong_desktop.errors import ValidationError
from ewarong_desktop.services import advisors, assessments, exchange, spreadsheets, warongs
from ewarong_desktop.services.cell_text import csv_text, looks_like_formula, terminal_text

from .conftest import dump, read_parts, write_parts

HYPERLINK = '=HYPERLINK("http://evil.example/x","klik")'
FORMULAS = [HYPERLINK, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠A1"]
# What a note can hold (a carriage return is refused as a control character).
NOTES = [text for text in FORMULAS if not text.startswith("\r")]


def put_notes(laptop, notes):
    codes = ["4.1.1", "4.1.2", "4.1.3", "4.1.4", "4.1.6", "4.1.7", "4.1.8", "4.2.1", "4.2.2",
             "4.2.4", "4.2.5"]
    with laptop.database.session() as session:
        for code, note in zip(codes, notes, strict=False):
            assessments.set_rating(session, laptop.draft, code, 2, note=note)
        advisors.update_advisor(session, laptop.tksk, name="=1+2", advisor_type="TKSK")
    return dict(zip(codes, notes, strict=False))


def test_formula_rule():
    assert all(looks_like_formula(text) for text in FORMULAS)
    assert not looks_like_formula("Rapat bulanan") and not looks_like_formula("4.1.1")
    assert csv_text("=1+1") == "'=1+1" and csv_text("biasa") == "biasa"


def test_xlsx_holds_no_formula_and_keeps_the_text(laptop, tmp_path):
    by_code = put_notes(laptop, NOTES)
    path = tmp_path / "nilai.xlsx"
    with laptop.database.reading() as session:
        spreadsheets.export_xlsx(session, path)
    book = load_workbook(path)  # not read-only: data_type tells formulas apart
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    rows = list(book["Nilai per sel"].iter_rows(values_only=True))
    notes = {row[8]: row[13] for row in rows[1:] if row[0] == str(laptop.draft)}
    for code, note in by_code.items():
        assert notes[code] == note  # the text as typed, only no longer live
    assert "=1+2" in {row[3] for row in rows[1:]}


@pytest.mark.parametrize("wide", [False, True])
def test_csv_cells_are_neutralised(laptop, tmp_path, wide):
    by_code = put_notes(laptop, NOTES)
    path = tmp_path / "nilai.csv"
    with laptop.database.reading() as session:
        spreadsheets.export_csv(session, path, wide=wide)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert not any(looks_like_formula(cell) for cell in cells if cell)
    assert "'=1+2" in cells
    if not wide:
        for note in by_code.values():
            assert "'" + note in cells


def test_exchange_keeps_formula_looking_text_exactly(laptop, tmp_path, make_database):
    by_code = put_notes(laptop, NOTES)
    path = tmp_path / "kirim.ewarong"
    with laptop.database.session() as session:
        exchange.export_exchange(session, path)
    _manifest, content = read_parts(path)
    notes = {r["cell_code"]: r["note"] for r in content["ratings"]
             if r["assessment_id"] == str(laptop.draft)}
    assert all(notes[code] == note for code, note in by_code.items())
    other = make_database("coordinator")
    exchange.import_files(other, [path])
    with other.reading() as session:
        detail = assessments.get_detail(session, laptop.draft)
    stored = {code: rating.note for code, rating in detail.ratings.items()}
    assert all(stored[code] == note for code, note in by_code.items())


@pytest.mark.parametrize("bad", ["a\x00b", "bel\x07", "esc\x1b[31m", "vt\x0b", "ff\x0c"])
def test_services_refuse_control_characters_naming_the_field(laptop, bad):
    with laptop.database.session() as session:
        with pytest.raises(ValidationError, match="Note holds a control character") as caught:
            assessments.set_rating(session, laptop.draft, "4.1.1", 2, note=bad)
        assert "Catatan memuat karakter kendali" in caught.value.text("id")
        with pytest.raises(ValidationError, match="Name holds a control character"):
            advisors.create_advisor(session, "Asep" + bad, "PKH")
        with pytest.raises(ValidationError, match="Kecamatan holds a control character"):
            warongs.create_warong(session, warongs.WarongFields(
                name="e-Warong X", kelurahan="K", kecamatan=bad, kabupaten="Kota Bandung"))


def test_notes_keep_line_breaks_and_tabs(laptop):
    with laptop.database.session() as session:
        assessments.set_rating(session, laptop.draft, "4.1.1", 2, note="baris 1\n\tbaris 2")
        detail = assessments.get_detail(session, laptop.draft)
    assert detail.ratings["4.1.1"].note == "baris 1\n\tbaris 2"


def edited_file(laptop_file, tmp_path, change):
    manifest, content = read_parts(laptop_file)
    change(manifest, content)
    return write_parts(tmp_path / "edited.ewarong", manifest, content)


def test_import_refuses_a_vt_in_a_note_naming_the_record(laptop_file, tmp_path, make_database):
    def vt_note(_manifest, content):
        content["ratings"][0]["note"] = "catatan\x0bdengan VT"
    path = edited_file(laptop_file, tmp_path, vt_note)
    _m, content = read_parts(path)
    rating_id = content["ratings"][0]["id"]
    other = make_database("coordinator")
    before = dump(other)
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.import_files(other, [path])
    message = str(caught.value)
    assert "edited.ewarong" in message and rating_id in message and "U+000B" in message
    assert "Note" in message and dump(other) == before


def test_import_tidies_names_like_the_window(laptop_file, tmp_path, make_database):
    def messy(_manifest, content):
        content["advisors"][0]["name"] = "  Euis \t Nur’aini  "
        content["warongs"][0]["kecamatan"] = "Lengkong\t "
    path = edited_file(laptop_file, tmp_path, messy)
    other = make_database("coordinator")
    exchange.import_files(other, [path])
    _m, content = read_parts(path)
    with other.reading() as session:
        names = {a.name for a in advisors.list_advisors(session)}
        places = {w.kecamatan for w in warongs.list_warongs(session)}
    assert "Euis Nur’aini" in names and "Lengkong" in places
    assert not any(name != name.strip() for name in names)


def test_import_refuses_a_blank_name(laptop_file, tmp_path, make_database):
    def blank(_manifest, content):
        content["advisors"][0]["name"] = " \t "
    path = edited_file(laptop_file, tmp_path, blank)
    with pytest.raises(exchange.ExchangeError, match="Name is empty"):
        exchange.import_files(make_database("coordinator"), [path])


def test_import_refuses_an_unknown_instrument_version(laptop_file, tmp_path, make_database):
    def future(manifest, content):
        content["assessments"][0]["instrument_version"] = "2099.1"
        manifest["instrument_versions"] = ["2026.1", "2099.1"]
    path = edited_file(laptop_file, tmp_path, future)
    other = make_database("coordinator")
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.import_files(other, [path])
    assert "2099.1" in str(caught.value) and "2026.1" in str(caught.value)
    assert "2099.1" in caught.value.text("id")


def test_a_database_already_holding_control_characters_exports_cleanly(laptop, tmp_path):
    # Written before the rule existed (or by another program): straight into the table.
    # (PostgreSQL's text cannot hold NUL at all, so a server never has one to export.)
    nul = "" if laptop.database.is_server else "\x00"
    with laptop.database.session() as session:
        session.execute(update(Rating).where(Rating.assessment_id == laptop.draft)
                        .values(note=f"lama\x0bcatatan{nul}"))
        session.execute(update(Advisor).where(Advisor.id == laptop.tksk).values(name="Dédé\x1b[31m"))
    xlsx, table = tmp_path / "nilai.xlsx", tmp_path / "nilai.csv"
    with laptop.database.reading() as session:
        assert spreadsheets.export_xlsx(session, xlsx) == 2
        assert spreadsheets.export_csv(session, table) == 2
    rows = list(load_workbook(xlsx, read_only=True)["Nilai per sel"].iter_rows(values_only=True))
    expected = "lama\\x0bcatatan" + ("\\x00" if nul else "")
    assert expected in {row[13] for row in rows[1:] if len(row) > 13}
    assert "Dédé\\x1b[31m" in table.read_text(encoding="utf-8-sig")


def test_terminal_text_escapes_what_a_terminal_would_act_on():
    assert terminal_text("Dédé\x1b[31m merah\x07") == "Dédé\\x1b[31m merah\\x07"
    assert terminal_text("a\nb\tc\u202ed") == "a\\nb\\tc\\u202ed"
    assert terminal_text("Euis Nur’aini") == "Euis Nur’aini"


