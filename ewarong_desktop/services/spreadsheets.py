"""Ratings as spreadsheets for Excel and LibreOffice: XLSX (openpyxl) and CSV.

Two shapes, with Indonesian headers:

- the long table: one row per assessment and cell (advisor, type, e-Warong, region,
  period, level, note), every one of the 32 cells even when not rated yet, for
  pivot tables and filters;
- the wide sheet: one row per assessment, one column per cell, then the mean per role
  and overall (not-applicable and unrated cells are left out of the means).

The data are streamed from one ordered query and written in openpyxl's write-only
mode, so 10,000 assessments do not need the whole workbook in memory. Files are
written under a temporary name and renamed when complete (``output_files``). CSV is UTF-8 with a byte
order mark, which Excel needs to show Indonesian text correctly.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean
from typing import Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import STATUS_FINAL, Advisor, Assessment, Rating, Warong
from ..errors import ValidationError, id_number
from ..instrument import Instrument, load_instrument
from ..output_files import write_atomically
from .cell_text import csv_text, looks_like_formula, without_control_characters
from .exchange.archive import Progress, ProgressCallback
from .exchange.export import ExportSelection

EXCEL_MAX_ROWS = 1_048_576
NOT_APPLICABLE = "TB"  # "tidak berlaku", as a wide-sheet value
STATUS_WORDS = {STATUS_FINAL: "final", "draft": "draf"}
DELIMITERS = {"comma": ",", "semicolon": ";"}

# (header, SheetAssessment field): the long table repeats these on each of 32 rows, so it
# keeps to what the issue names; the wide sheet has room for everything.
LONG_ASSESSMENT_COLUMNS = (
    ("ID penilaian", "id"), ("Periode", "period"), ("Status", "status"),
    ("Nama pendamping", "advisor_name"), ("Jenis pendamping", "advisor_type"),
    ("e-Warong", "warong_name"), ("Kecamatan", "kecamatan"), ("Kabupaten/kota", "kabupaten"))
WIDE_ASSESSMENT_COLUMNS = (
    ("ID penilaian", "id"), ("Periode", "period"), ("Status", "status"),
    ("Versi instrumen", "instrument_version"), ("Nama pendamping", "advisor_name"),
    ("Jenis pendamping", "advisor_type"), ("e-Warong", "warong_name"), ("KUBE", "kube_name"),
    ("Kelurahan/desa", "kelurahan"), ("Kecamatan", "kecamatan"), ("Kabupaten/kota", "kabupaten"),
    ("Provinsi", "provinsi"))
LONG_HEADERS = (*(title for title, _ in LONG_ASSESSMENT_COLUMNS), "Kode sel", "Peran",
                "Bidang agenda", "Nilai (0-4)", "Tidak berlaku", "Catatan")


@dataclass
class SheetAssessment:
    """One assessment with its ratings (cell -> level, not applicable, note), as sheets show it."""

    id: str
    period: str
    status: str
    instrument_version: str
    advisor_name: str
    advisor_type: str
    warong_name: str
    kube_name: str | None
    kelurahan: str
    kecamatan: str
    kabupaten: str
    provinsi: str
    ratings: dict[str, tuple[int | None, bool, str]] = field(default_factory=dict)

    def values(self, columns: tuple[tuple[str, str], ...]) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for _, name in columns)


def _filtered(query: Any, selection: ExportSelection) -> Any:
    if selection.advisor_id is not None:
        query = query.where(Assessment.advisor_id == selection.advisor_id)
    if selection.period is not None:
        query = query.where(Assessment.period == selection.period)
    if selection.kabupaten is not None:
        query = query.where(Warong.kabupaten == selection.kabupaten)
    return query


def count_assessments(session: Session, selection: ExportSelection | None = None) -> int:
    query = select(func.count(Assessment.id)).join(Warong, Warong.id == Assessment.warong_id)
    return session.scalar(_filtered(query, selection or ExportSelection())) or 0


def iter_assessments(session: Session,
                     selection: ExportSelection | None = None) -> Iterator[SheetAssessment]:
    """Selected assessments with their ratings: newest period first, then region and names."""
    query = (
        select(Assessment.id, Assessment.period, Assessment.status, Assessment.instrument_version,
               Advisor.name, Advisor.advisor_type, Warong.name, Warong.kube_name, Warong.kelurahan,
               Warong.kecamatan, Warong.kabupaten, Warong.provinsi,
               Rating.cell_code, Rating.level, Rating.not_applicable, Rating.note)
        .join(Advisor, Advisor.id == Assessment.advisor_id)
        .join(Warong, Warong.id == Assessment.warong_id)
        .outerjoin(Rating, Rating.assessment_id == Assessment.id)
        .order_by(Assessment.period.desc(), Warong.kabupaten, Warong.kecamatan, Warong.name,
                  Advisor.name, Assessment.id)
    )
    current: SheetAssessment | None = None
    for row in session.execute(_filtered(query, selection or ExportSelection())).yield_per(5000):
        if current is None or current.id != str(row[0]):
            if current is not None:
                yield current
            current = SheetAssessment(str(row[0]), row[1], STATUS_WORDS.get(row[2], row[2]),
                                      *row[3:12])
        if row[12] is not None:
            current.ratings[row[12]] = (row[13], bool(row[14]), row[15] or "")
    if current is not None:
        yield current


def _long_rows(instrument: Instrument, assessment: SheetAssessment) -> Iterator[tuple[Any, ...]]:
    shared = assessment.values(LONG_ASSESSMENT_COLUMNS)
    for code, cell in instrument.cells.items():
        level, not_applicable, note = assessment.ratings.get(code, (None, False, ""))
        # Empty cells stay None: a spreadsheet shows them blank and openpyxl skips them.
        yield (*shared, code, instrument.role(cell.role).name.id,
               instrument.area(cell.area).name.id, level, "ya" if not_applicable else None,
               note or None)


def wide_headers(instrument: Instrument) -> tuple[str, ...]:
    role_means = tuple(f"Rata-rata {role.name.id}" for role in instrument.roles)
    return (*(title for title, _ in WIDE_ASSESSMENT_COLUMNS), *instrument.cell_codes,
            *role_means, "Rata-rata keseluruhan", "Sel terisi")


def _wide_row(instrument: Instrument, assessment: SheetAssessment) -> tuple[Any, ...]:
    values: list[Any] = []
    by_role: dict[int, list[int]] = {role.number: [] for role in instrument.roles}
    answered = 0
    for code, cell in instrument.cells.items():
        level, not_applicable, _note = assessment.ratings.get(code, (None, False, ""))
        values.append(NOT_APPLICABLE if not_applicable else level)
        answered += level is not None or not_applicable
        if level is not None:
            by_role[cell.role].append(level)
    means = [round(fmean(levels), 2) if levels else None for levels in by_role.values()]
    every = [level for levels in by_role.values() for level in levels]
    return (*assessment.values(WIDE_ASSESSMENT_COLUMNS), *values, *means,
            round(fmean(every), 2) if every else None, answered)


def _check_size(session: Session, selection: ExportSelection, instrument: Instrument) -> int:
    count = count_assessments(session, selection)
    if count == 0:
        raise ValidationError("no assessment matches the selection; nothing to export",
                              id="tidak ada penilaian yang cocok dengan pilihan ini; tidak ada "
                                 "yang diekspor")
    if count * len(instrument.cells) + 1 > EXCEL_MAX_ROWS:
        raise ValidationError(
            f"{count:,} assessments make more rows than one sheet can hold "
            f"({EXCEL_MAX_ROWS:,}); export one period or one kabupaten at a time",
            id=f"{id_number(count)} penilaian menghasilkan lebih banyak baris daripada yang muat "
               f"dalam satu lembar ({id_number(EXCEL_MAX_ROWS)}); ekspor per periode atau per "
               "kabupaten")
    return count


def export_xlsx(session: Session, out: str | Path, selection: ExportSelection | None = None,
                progress: ProgressCallback | None = None) -> int:
    """Write an XLSX workbook (long table, wide sheet, legend); returns the assessments written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    selection = selection or ExportSelection()
    instrument = load_instrument()
    total = _check_size(session, selection, instrument)
    report = Progress(progress, "export")
    workbook = Workbook(write_only=True)
    long_sheet = workbook.create_sheet("Nilai per sel")
    wide_sheet = workbook.create_sheet("Nilai per penilaian")
    bold = Font(bold=True)

    def header(sheet: Any, titles: tuple[str, ...], widths: Callable[[str], int]) -> None:
        for number, title in enumerate(titles, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = widths(title)
        sheet.freeze_panes = "B2"
        _bold_row(sheet, titles, bold)

    header(long_sheet, LONG_HEADERS, lambda title: 40 if title == "Catatan" else
           max(10, min(28, len(title) + 4)))
    header(wide_sheet, wide_headers(instrument), lambda title: 7 if title.startswith("4.") else
           max(10, min(28, len(title) + 4)))
    written = 0
    try:
        for assessment in iter_assessments(session, selection):
            for row in _long_rows(instrument, assessment):
                long_sheet.append(_xlsx_row(long_sheet, row))
            wide_sheet.append(_xlsx_row(wide_sheet, _wide_row(instrument, assessment)))
            written += 1
            if written % 200 == 0:
                report("export", written, total)
        _legend(workbook.create_sheet("Keterangan"), instrument, bold)
        write_atomically(Path(out), workbook.save)
    except BaseException:
        _discard(workbook)
        raise
    report("export", total, total)
    return written


def _discard(workbook: Any) -> None:
    """Close a write-only workbook that will not be saved, quietly.

    Its sheets stream rows into temporary files through open generators; left to the
    garbage collector they print "Exception ignored ... WriteOnlyWorksheet" tracebacks
    after the error message the person should see alone.
    """
    for sheet in workbook.worksheets:
        rows, writer = getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)
        sheet._rows = None
        if rows is not None:
            # Throwing into a paused generator ends it without the closing-tag write.
            with contextlib.suppress(BaseException):
                rows.throw(_Discarded)
        if writer is not None:
            with contextlib.suppress(BaseException):
                writer.xf.close()
            with contextlib.suppress(OSError, TypeError):
                os.remove(writer.out)


class _Discarded(Exception):
    """Thrown into a worksheet's row writer to end it without writing."""


def _xlsx_row(sheet: Any, row: tuple[Any, ...]) -> list[Any]:
    """A row ready for openpyxl: text that would be a formula becomes an explicit string
    cell (openpyxl would write ``=...`` as a live formula), and control characters, which
    XLSX cannot hold, are shown escaped."""
    return [_xlsx_value(sheet, value) if isinstance(value, str) else value for value in row]


def _xlsx_value(sheet: Any, text: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    text = without_control_characters(text)
    if not looks_like_formula(text):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # text, whatever it starts with
    return cell


def _csv_row(row: tuple[Any, ...]) -> list[Any]:
    return [csv_text(value) if isinstance(value, str) else value for value in row]


def _bold_row(sheet: Any, titles: tuple[str, ...], bold: Any) -> None:
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)


def _legend(sheet: Any, instrument: Instrument, bold: Any) -> None:
    for letter, width in zip("ABCD", (10, 28, 48, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    _bold_row(sheet, ("Kode sel", "Peran", "Bidang agenda", "Keterangan"), bold)
    for code, cell in instrument.cells.items():
        sheet.append((code, instrument.role(cell.role).name.id, instrument.area(cell.area).name.id, ""))
    sheet.append(())
    sheet.append(("Skala", "", "", ""))
    for level in instrument.scale:
        sheet.append((level.level, level.label.id, level.description.id, ""))
    sheet.append((NOT_APPLICABLE, instrument.not_applicable.label.id,
                  instrument.not_applicable.description.id, ""))
    sheet.append(())
    sheet.append(("", "", f"Instrumen versi {instrument.version}", ""))


def export_csv(session: Session, out: str | Path, selection: ExportSelection | None = None, *,
               wide: bool = False, delimiter: str = "comma",
               progress: ProgressCallback | None = None) -> int:
    """Write the long table (or, with ``wide``, the wide sheet) as CSV; returns the assessments.

    ``delimiter`` is "comma" or "semicolon" (Excel set to Indonesian expects semicolons).
    """
    if delimiter not in DELIMITERS:
        raise ValidationError(f"delimiter must be one of {', '.join(DELIMITERS)}, not {delimiter!r}",
                              id=f"pemisah kolom harus salah satu dari {', '.join(DELIMITERS)}, "
                                 f"bukan {delimiter!r}")
    selection = selection or ExportSelection()
    instrument = load_instrument()
    total = _check_size(session, selection, instrument)
    report = Progress(progress, "export")
    written = 0

    def write(binary: BinaryIO) -> None:
        nonlocal written
        stream = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        writer = csv.writer(stream, delimiter=DELIMITERS[delimiter])
        writer.writerow(wide_headers(instrument) if wide else LONG_HEADERS)
        for assessment in iter_assessments(session, selection):
            if wide:
                writer.writerow(_csv_row(_wide_row(instrument, assessment)))
            else:
                writer.writerows(_csv_row(row) for row in _long_rows(instrument, assessment))
            written += 1
            if written % 200 == 0:
                report("export", written, total)
        stream.flush()
        stream.detach()  # the binary file stays open for write_atomically to finish

    write_atomically(Path(out), write)
    report("export", total, total)
    return written
