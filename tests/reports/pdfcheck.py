"""Reading generated PDFs back the way a person (or a PDF viewer) would."""

from __future__ import annotations

import io

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, whitespace runs folded to one space."""
    return [" ".join((page.extract_text() or "").split()) for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def font_names(pdf: bytes) -> set[str]:
    """Every /BaseFont used by any page, with whether its program is embedded."""
    names = set()
    for page in reader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            names.add((str(font["/BaseFont"]), embedded))
    return names


def text_runs(pdf: bytes) -> list[list[tuple[float, float, bool, str]]]:
    """Per page, every run of text as (y from the page's foot, font size, bold, text)."""
    pages = []
    for page in reader(pdf).pages:
        runs: list[tuple[float, float, bool, str]] = []

        def visit(text: str, cm, tm, font, size, runs=runs) -> None:  # noqa: ANN001
            if text.strip():
                base = str((font or {}).get("/BaseFont", ""))
                scale = abs(tm[3]) if tm[3] else 1
                runs.append((float(tm[5] * cm[3] + cm[5]), float(size * scale),
                             "Bold" in base, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def stranded_headings(pdf: bytes, *, heading_size: float = 9.5, min_below: float = 30,
                      foot: float = 60, lower_part: float = 320) -> list[tuple[int, str]]:
    """Headings (bold, ``heading_size`` to 20 points: section and sub-section headings,
    not the draft watermark, nor bold sentences ending in a full stop such as notices) in
    the lower part of a page with less than ``min_below``
    points of the page's own text under them: a heading left alone at a page's foot.
    Text lower than ``foot`` (the running footer) does not count."""
    found = []
    for number, runs in enumerate(text_runs(pdf), start=1):
        body = [run for run in runs if run[0] > foot]
        if not body:
            continue
        lowest = min(run[0] for run in body)
        for y, size, bold, text in body:
            if (bold and heading_size <= size <= 20 and not text.endswith(".")
                    and y < lower_part and y - lowest < min_below):
                found.append((number, text))
    return found
