"""Ratings as XLSX and CSV that Excel and LibreOffice read, with Indonesian headers."""

import csv

import pytest
from openpyxl import load_workbook

from ewarong_desktop.errors import ValidationError
from ewarong_desktop.services import exchange, spreadsheets


def export(laptop, path, **options):
    with laptop.database.session() as session:
        if path.suffix == ".xlsx":
            return spreadsheets.export_xlsx(session, path, **options)
        return spreadsheets.export_csv(session, path, **options)


def test_xlsx_has_long_table_wide_sheet_and_legend(laptop, tmp_path):
    path = tmp_path / "nilai.xlsx"
    assert export(laptop, path) == 2
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Nilai per sel", "Nilai per penilaian", "Keterangan"]
    width = len(spreadsheets.LONG_HEADERS)
    # Blank cells at a row's end are not written, so rows read back may be shorter.
    long_rows = [tuple(row) + (None,) * (width - len(row))
                 for row in book["Nilai per sel"].iter_rows(values_only=True)]
    assert long_rows[0] == spreadsheets.LONG_HEADERS
    assert long_rows[0][:5] == ("ID penilaian", "Periode", "Status", "Nama pendamping",
                                "Jenis pendamping")
    assert len(long_rows) == 1 + 2 * 32  # every cell of both assessments, rated or not
    final = {row[8]: row for row in long_rows[1:] if row[0] == str(laptop.final)}
    assert final["4.1.5"][3] == "Euis Nur’aini" and final["4.1.5"][2] == "final"
    assert final["4.1.5"][11] == 3 and final["4.1.5"][13] == "sudah dibantu laporan laba rugi"
    assert final["4.2.3"][11] is None and final["4.2.3"][12] == "ya"
    assert final["4.1.1"][9] == "Broker (penghubung sumber)"
    draft = [row for row in long_rows[1:] if row[0] == str(laptop.draft)]
    assert draft[0][2] == "draf" and draft[0][11] == 3 and draft[5][11] is None
    wide = list(book["Nilai per penilaian"].iter_rows(values_only=True))
    headers = wide[0]
    assert "4.1.1" in headers and "Rata-rata keseluruhan" in headers and len(wide) == 3
    row = next(r for r in wide[1:] if r[0] == str(laptop.final))
    assert row[headers.index("4.2.3")] == "TB" and row[headers.index("4.1.5")] == 3
    assert row[headers.index("Sel terisi")] == 32
    legend = list(book["Keterangan"].iter_rows(values_only=True))
    assert ("4.4.8", "Fasilitator") == legend[32][:2]


def test_csv_long_is_utf8_with_bom_for_excel(laptop, tmp_path):
    path = tmp_path / "nilai.csv"
    export(laptop, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == spreadsheets.LONG_HEADERS and len(rows) == 65
    names = {row[3] for row in rows[1:]}
    assert names == {"Euis Nur’aini", "Dédé Suryana"}


def test_csv_wide_with_semicolons(laptop, tmp_path):
    path = tmp_path / "lebar.csv"
    export(laptop, path, wide=True, delimiter="semicolon")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    headers = rows[0]
    assert len(rows) == 3 and headers[:3] == ["ID penilaian", "Periode", "Status"]
    draft = next(r for r in rows[1:] if r[0] == str(laptop.draft))
    assert draft[headers.index("4.1.1")] == "3" and draft[headers.index("4.3.3")] == ""
    assert draft[headers.index("Sel terisi")] == "3"


def test_selection_and_empty_selection(laptop, tmp_path):
    with laptop.database.session() as session:
        selection = exchange.make_selection(session, advisor_id=laptop.tksk)
        assert spreadsheets.export_csv(session, tmp_path / "tksk.csv", selection) == 1
        nothing = exchange.make_selection(session, period="2019-S1")
        with pytest.raises(ValidationError, match="no assessment"):
            spreadsheets.export_csv(session, tmp_path / "none.csv", nothing)
    assert not (tmp_path / "none.csv").exists()


def test_too_many_rows_for_one_sheet_is_refused(laptop, tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheets, "EXCEL_MAX_ROWS", 40)
    with pytest.raises(ValidationError, match="one period or one kabupaten"):
        export(laptop, tmp_path / "big.xlsx")
