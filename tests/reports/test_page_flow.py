"""Page flow read back from the PDFs: no heading alone at a page's foot, demo data marked
on every page (and never on a normal database)."""

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from ewarong_desktop.reports.document import DocumentInfo, render_pdf
from ewarong_desktop.reports.summary import render_summary
from ewarong_desktop.reports.theme import styles
from ewarong_desktop.services import assessments
from ewarong_desktop.services.demo import generate_demo
from ewarong_desktop.services.report_data import ProfileFilters
from ewarong_desktop.services.report_export import export_profiles, profile_pdf
from ewarong_desktop.services.summary import SummaryFilters, coordinator_summary

from .pdfcheck import page_texts, stranded_headings


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from ewarong_desktop.db import open_database

    database = open_database(tmp_path_factory.mktemp("flow") / "demo.sqlite3")
    with database.session() as session:
        generate_demo(session, seed=11)
    yield database
    database.close()


def rendered(demo, out):
    """A PKH and a TKSK profile (draft and final), the summary and a batch, both languages."""
    with demo.reading() as session:
        items = assessments.list_assessments(session)
    latest = max(item.period for item in items)
    chosen = {}
    for item in items:
        if item.period == latest:
            chosen.setdefault((item.advisor_type, item.status), item.id)
    assert len(chosen) == 4
    with demo.reading() as session:
        summary = coordinator_summary(session, SummaryFilters())
    pdfs = {}
    for lang in ("id", "en"):
        for (advisor_type, status), assessment_id in chosen.items():
            pdfs[f"{advisor_type}-{status}-{lang}"] = profile_pdf(demo, assessment_id, lang)
        pdfs[f"summary-{lang}"] = render_summary(summary, lang)
        export_profiles(demo, ProfileFilters(latest, kabupaten="Kota Tasikmalaya"),
                        out_file=out / f"batch-{lang}.pdf", lang=lang)
        pdfs[f"batch-{lang}"] = (out / f"batch-{lang}.pdf").read_bytes()
    return pdfs


def test_no_heading_is_left_alone_and_every_page_says_sample_data(demo, tmp_path):
    for name, pdf in rendered(demo, tmp_path).items():
        assert stranded_headings(pdf) == [], name
        mark = "SAMPLE DATA" if name.endswith("en") else "DATA CONTOH"
        pages = page_texts(pdf)
        assert all(mark in page for page in pages), name


def test_a_normal_database_never_says_sample_data(database, draft):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 2)
    for lang in ("id", "en"):
        text = " ".join(page_texts(profile_pdf(database, draft, lang)))
        assert "DATA CONTOH" not in text and "SAMPLE DATA" not in text


def test_the_check_finds_a_heading_left_at_the_foot():
    sheet = styles()
    body = Paragraph("Teks isi. " * 40, sheet.body)
    info = DocumentInfo("t", "a", "s", "id", "kiri", "kanan", "kaki")
    # What the reports must never do: a heading, then its text on the next page.
    pdf = render_pdf([Spacer(1, 225 * mm), Paragraph("Judul yang tertinggal", sheet.heading),
                      PageBreak(), body], info)
    assert stranded_headings(pdf) == [(1, "Judul yang tertinggal")]
    kept = render_pdf([Spacer(1, 225 * mm), Paragraph("Judul yang tertinggal", sheet.heading),
                       body], info)
    assert stranded_headings(kept) == []
