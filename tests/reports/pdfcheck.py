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
