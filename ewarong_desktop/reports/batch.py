"""Many role profiles at once: one combined PDF or a folder of files, in constant memory.

reportlab keeps every page of a document in memory until it saves, so a thousand
profiles built as one document would grow without bound. Instead each profile is
rendered on its own (its pages numbered "Halaman X dari Y" within the profile) and
its pages are streamed into the combined file at once by ``StreamingPdfWriter``;
only the byte offsets of the objects written so far stay in memory. pypdf parses
each small PDF and writes its objects; the combined file gets a bookmark per profile.

Progress is reported through a callback and a batch can be cancelled through another,
so a GUI worker thread can drive it. A cancelled combined PDF leaves nothing behind.
"""

from __future__ import annotations

import io
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    create_string_object,
)

from .. import __version__
from ..output_files import check_output_folder, write_atomically, write_bytes
from .document import PDF_LANG
from .labels import check_lang, label
from .profile import render_profile

if TYPE_CHECKING:
    from ..services.report_data import ProfileReportData

# done, total, what was just finished (the advisor's name)
ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]

_CATALOG, _PAGES, _INFO, _OUTLINES = 1, 2, 3, 4  # object numbers written last


@dataclass(frozen=True)
class BatchEntry:
    """One profile of a batch, as its cover's index lists it."""

    advisor_name: str
    advisor_type: str
    warong_name: str
    kecamatan: str
    kabupaten: str
    final: bool


@dataclass(frozen=True)
class BatchCover:
    """What a combined batch says about itself on its first pages."""

    scope: str
    include_drafts: bool
    demo: bool
    printed_at: datetime
    entries: list[BatchEntry]


def render_batch_cover(cover: BatchCover, lang: str) -> bytes:
    """The cover of a combined batch: scope, date, what is included, and a printed index
    numbered as the profiles' footers ("Profil k dari n")."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from ..instrument import load_instrument
    from .blocks import StoryBuilder
    from .document import FRAME_WIDTH, DocumentInfo, render_pdf
    from .labels import format_date
    from .theme import markup

    builder = StoryBuilder(load_instrument(), lang)
    total = len(cover.entries)
    finals = sum(1 for entry in cover.entries if entry.final)
    rows: list[list[object]] = [builder.header_row("rank", "advisor", "type_short", "warong",
                                                   "kecamatan", "status")]
    for number, entry in enumerate(cover.entries, start=1):
        rows.append([number, builder.user(entry.advisor_name, "cell"), entry.advisor_type,
                     builder.user(entry.warong_name, "cell"), builder.user(entry.kecamatan, "cell"),
                     builder.t("final" if entry.final else "draft")])
    facts = builder.table([
        [builder.p(builder.t("batch_scope"), "cell_bold"), builder.user(cover.scope, "cell")],
        [builder.p(builder.t("date_printed"), "cell_bold"),
         builder.p(format_date(cover.printed_at, lang), "cell")],
        [builder.p(builder.t("batch_contents"), "cell_bold"),
         builder.p(builder.t("batch_counts", total=total, final=finals, draft=total - finals)
                   + " " + builder.t("batch_with_drafts" if cover.include_drafts
                                     else "batch_finals_only"), "cell")],
    ], [40 * mm, FRAME_WIDTH - 40 * mm], header_rows=0)
    story = [builder.p(builder.t("batch_title"), "title"),
             builder.p(markup(builder.instrument.title.get(lang)), "subtitle"), facts,
             Spacer(1, 4 * mm), *builder.heading(builder.t("batch_index")),
             builder.p(builder.t("batch_index_intro"), "small"),
             builder.table(rows, [10 * mm, 50 * mm, 14 * mm, 52 * mm, 32 * mm,
                                  FRAME_WIDTH - 158 * mm])]
    info = DocumentInfo(
        title=builder.t("batch_title"), author=label("program", lang), subject=cover.scope,
        lang=lang, header_left=f"{builder.t('batch_title')} \u00b7 {cover.scope}",
        header_right=builder.t("batch_index"),
        footer_left=" \u00b7 ".join([label("printed_on", lang,
                                           date=format_date(cover.printed_at, lang)),
                                     label("program", lang)]),
        sample=cover.demo)
    return render_pdf(story, info)


@dataclass
class BatchResult:
    """What a batch did: profiles written, whether it was cancelled, the files made."""

    total: int
    written: int = 0
    cancelled: bool = False
    paths: list[Path] = field(default_factory=list)


class StreamingPdfWriter:
    """Appends whole PDFs, page by page, to one output stream as they arrive.

    Objects are renumbered and written immediately; the catalogue, page tree,
    bookmarks and cross-reference table are written by ``close``.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._start = stream.tell()
        self._offsets = array("q", [0] * (_OUTLINES + 1))  # index = object number
        self._pages = array("q")  # object numbers of the pages, in order
        self._bookmarks: list[tuple[str, int]] = []  # (title, first page's object number)
        stream.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def _reserve(self) -> int:
        self._offsets.append(0)
        return len(self._offsets) - 1

    def _write(self, number: int, value: PdfObject) -> None:
        self._offsets[number] = self._stream.tell() - self._start
        self._stream.write(b"%d 0 obj\n" % number)
        value.write_to_stream(self._stream)
        self._stream.write(b"\nendobj\n")

    def append(self, pdf: bytes, bookmark: str | None = None) -> int:
        """Add every page of ``pdf``; returns the number of pages added."""
        reader = PdfReader(io.BytesIO(pdf))
        renumbered: dict[int, int] = {}
        pending: list[int] = []

        def relink(value: PdfObject) -> PdfObject:
            """Point references at this file's object numbers, queueing what they name."""
            if isinstance(value, IndirectObject):
                number = renumbered.get(value.idnum)
                if number is None:
                    number = renumbered[value.idnum] = self._reserve()
                    pending.append(value.idnum)
                return IndirectObject(number, 0, None)
            if isinstance(value, DictionaryObject):  # streams are dictionaries too
                for key, item in list(dict.items(value)):
                    dict.__setitem__(value, key, relink(item))
            elif isinstance(value, ArrayObject):
                for index, item in enumerate(list.__iter__(value)):
                    list.__setitem__(value, index, relink(item))
            return value

        pages = []
        for page in reader.pages:  # pypdf copies inherited MediaBox/Resources into each page
            reference = page.indirect_reference
            assert reference is not None
            renumbered[reference.idnum] = self._reserve()
            pages.append(page)
        for page in pages:
            number = renumbered[page.indirect_reference.idnum]  # type: ignore[union-attr]
            dict.pop(page, NameObject("/Parent"), None)
            relink(page)
            dict.__setitem__(page, NameObject("/Parent"), IndirectObject(_PAGES, 0, None))
            self._write(number, page)
            self._pages.append(number)
        while pending:
            original = pending.pop()
            self._write(renumbered[original],
                        relink(reader.get_object(IndirectObject(original, 0, reader))
                               or NullObject()))
        if bookmark is not None and pages:
            self._bookmarks.append((bookmark, renumbered[pages[0].indirect_reference.idnum]))  # type: ignore[union-attr]
        return len(pages)

    def _outline(self) -> None:
        numbers = [self._reserve() for _ in self._bookmarks]
        for index, ((title, page), number) in enumerate(zip(self._bookmarks, numbers,
                                                            strict=True)):
            item = DictionaryObject({
                NameObject("/Title"): create_string_object(title),
                NameObject("/Parent"): IndirectObject(_OUTLINES, 0, None),
                NameObject("/Dest"): ArrayObject([IndirectObject(page, 0, None),
                                                  NameObject("/Fit")]),
            })
            if index:
                item[NameObject("/Prev")] = IndirectObject(numbers[index - 1], 0, None)
            if index + 1 < len(numbers):
                item[NameObject("/Next")] = IndirectObject(numbers[index + 1], 0, None)
            self._write(number, item)
        outlines = DictionaryObject({NameObject("/Type"): NameObject("/Outlines"),
                                     NameObject("/Count"): NumberObject(len(numbers))})
        if numbers:
            outlines[NameObject("/First")] = IndirectObject(numbers[0], 0, None)
            outlines[NameObject("/Last")] = IndirectObject(numbers[-1], 0, None)
        self._write(_OUTLINES, outlines)

    def close(self, *, title: str, author: str, subject: str, lang: str) -> None:
        """Write the page tree, bookmarks, metadata and cross-reference table."""
        self._outline()
        self._write(_PAGES, DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"),
            NameObject("/Kids"): ArrayObject(IndirectObject(n, 0, None) for n in self._pages),
            NameObject("/Count"): NumberObject(len(self._pages)),
        }))
        self._write(_CATALOG, DictionaryObject({
            NameObject("/Type"): NameObject("/Catalog"),
            NameObject("/Pages"): IndirectObject(_PAGES, 0, None),
            NameObject("/Outlines"): IndirectObject(_OUTLINES, 0, None),
            NameObject("/PageMode"): NameObject("/UseOutlines"),
            NameObject("/Lang"): create_string_object(PDF_LANG.get(lang, lang)),
            NameObject("/ViewerPreferences"): DictionaryObject(
                {NameObject("/DisplayDocTitle"): BooleanObject(True)}),
        }))
        now = datetime.now().astimezone()
        offset = now.strftime("%z")
        stamp = f"D:{now:%Y%m%d%H%M%S}{offset[:3]}'{offset[3:]}'"
        self._write(_INFO, DictionaryObject({
            NameObject("/Title"): create_string_object(title),
            NameObject("/Author"): create_string_object(author),
            NameObject("/Subject"): create_string_object(subject),
            NameObject("/Creator"): create_string_object(f"e-Warong Desktop {__version__}"),
            NameObject("/Producer"): create_string_object("ReportLab, pypdf"),
            NameObject("/CreationDate"): create_string_object(stamp),
        }))
        xref = self._stream.tell() - self._start
        self._stream.write(b"xref\n0 %d\n0000000000 65535 f \n" % len(self._offsets))
        for position in self._offsets[1:]:
            self._stream.write(b"%010d 00000 n \n" % position)
        self._stream.write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n"
                           b"startxref\n%d\n%%%%EOF\n"
                           % (len(self._offsets), _CATALOG, _INFO, xref))


def profile_file_name(data: ProfileReportData) -> str:
    """A file name that sorts by period and region and stays unique: ASCII, no spaces."""
    s = data.profile.assessment

    def slug(text: str | None) -> str:
        ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
        return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:40]

    parts = [s.period, s.kabupaten, s.kecamatan, s.advisor_name, s.warong_name]
    name = "_".join(part for part in (slug(part) for part in parts) if part)
    return f"{name}_{str(s.id)[:8]}.pdf"


def _bookmark(data: ProfileReportData) -> str:
    s = data.profile.assessment
    return f"{s.advisor_name} \u00b7 {s.warong_name} ({s.kecamatan})"


def write_profiles_pdf(profiles: Iterable[ProfileReportData], total: int, path: Path, *,
                       lang: str = "id", title: str,
                       progress: ProgressCallback | None = None,
                       cancelled: CancelCheck | None = None,
                       cover: BatchCover | None = None) -> BatchResult:
    """All profiles in one PDF, each starting on a new page, generated one at a time,
    after a ``cover`` with the scope and an index when one is given.

    ``profiles`` should be lazy (a generator) so only one is in memory. When
    ``cancelled()`` turns true the batch stops and no file is written.
    """
    check_lang(lang)
    result = BatchResult(total)

    class _Cancelled(Exception):
        pass

    def write(stream: BinaryIO) -> None:
        writer = StreamingPdfWriter(stream)
        if cover is not None:
            writer.append(render_batch_cover(cover, lang), label("batch_index", lang))
        for data in profiles:
            if cancelled is not None and cancelled():
                raise _Cancelled
            position = (result.written + 1, total)
            writer.append(render_profile(data, lang, position),
                          f"{position[0]}. {_bookmark(data)}")
            result.written += 1
            if progress is not None:
                progress(result.written, total, data.profile.assessment.advisor_name)
        writer.close(title=title, author=label("program", lang), subject=title, lang=lang)

    try:
        result.paths.append(write_atomically(path, write))
    except _Cancelled:
        result.cancelled = True
    return result


def write_profile_files(profiles: Iterable[ProfileReportData], total: int, folder: Path, *,
                        lang: str = "id", progress: ProgressCallback | None = None,
                        cancelled: CancelCheck | None = None) -> BatchResult:
    """One PDF per profile in ``folder`` (see ``profile_file_name``), each written whole.

    On cancel the files already finished stay; the result says how many there are.
    """
    check_lang(lang)
    folder = check_output_folder(Path(folder))
    result = BatchResult(total)
    for data in profiles:
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        result.paths.append(write_bytes(folder / profile_file_name(data),
                                        render_profile(data, lang, (result.written + 1, total))))
        result.written += 1
        if progress is not None:
            progress(result.written, total, data.profile.assessment.advisor_name)
    return result
