"""The coordinator's summary PDF, read back."""

from datetime import datetime

import pytest

from ewarong_desktop.errors import NotFoundError
from ewarong_desktop.instrument import load_instrument
from ewarong_desktop.reports.labels import format_number
from ewarong_desktop.reports.summary import render_summary
from ewarong_desktop.services import assessments
from ewarong_desktop.services.demo import generate_demo
from ewarong_desktop.services.report_export import export_summary
from ewarong_desktop.services.summary import ALL, SummaryFilters, coordinator_summary

from .pdfcheck import font_names, page_texts, reader


@pytest.fixture
def demo(database):
    with database.session() as session:
        generate_demo(session, seed=3, assessments=100)
    return database


def summary_of(database, filters: SummaryFilters | None = None):
    with database.session() as session:
        return coordinator_summary(session, filters or SummaryFilters())


def test_counts_means_and_sections_are_printed(demo):
    summary = summary_of(demo)
    pages = page_texts(render_summary(summary, printed_at=datetime(2026, 5, 4)))
    content = " ".join(pages)
    counts = summary.counts
    assert (f"Jumlah {counts.advisors} {counts.warongs} {counts.assessments} "
            f"{counts.final} {counts.draft}") in content
    number = lambda value: format_number(value, "id")  # noqa: E731
    instrument = load_instrument()
    for role in instrument.roles:
        means = [summary.role_means[(t, role.number)] for t in ("PKH", "TKSK", ALL)]
        row = " ".join(number(m) for m in means)
        assert row in content.replace(" ▼", ""), role.name.id
    for area in instrument.areas:
        assert area.name.id in content
    for section in ("Sebaran tingkat", "Sel dengan rata-rata kesenjangan terbesar",
                    "Pendamping dengan kesenjangan terbesar", "Kebutuhan pelatihan, berurutan",
                    "Tren antarperiode", "Peran 1: Broker"):
        assert section in content
    worst = summary.advisors_with_gaps[0]
    assert worst.name in content
    top_need = instrument.area(summary.training_needs[0].area)
    assert " ".join(top_need.action.id.split()) in content
    for number_, page in enumerate(pages, start=1):
        assert f"Halaman {number_} dari {len(pages)}" in page


def test_cell_table_has_the_study_tables_shape(demo):
    summary = summary_of(demo)
    content = " ".join(page_texts(render_summary(summary)))
    stat = summary.cells[("TKSK", "4.2.4")]
    pkh = summary.cells[("PKH", "4.2.4")]
    mark = lambda s: " ▼" if s.mean < s.target else ""  # noqa: E731
    assert f"4.2.4 SDM {format_number(pkh.mean, 'id')}{mark(pkh)} ({pkh.rated}) " in content
    assert f" {format_number(stat.mean, 'id')}{mark(stat)} ({stat.rated}) " in content
    # Beside each type's mean: the study's level, its basis, and a comparison (not a verdict).
    instrument = summary.instrument
    for advisor_type, cell_stat in (("PKH", pkh), ("TKSK", stat)):
        baseline = instrument.cells["4.2.4"].baseline[advisor_type]
        difference = cell_stat.mean - baseline.level
        word = ("di atas acuan" if difference >= 0.5 else "di bawah acuan" if difference <= -0.5
                else "dekat acuan")
        assert f"{baseline.level} (diturunkan): {word}" in content
    assert "(diukur):" in content and "membuktikan" not in content
    assert "Pesan utama" in content and "PKH dibanding TKSK per peran" in content


def test_advisors_are_ranked_within_their_type_and_training_needs_differ(demo):
    summary = summary_of(demo)
    content = " ".join(page_texts(render_summary(summary, "en")))
    assert "PKH advisor, against PKH advisor targets" in content
    assert "sub-district social worker), against TKSK" in content
    shares = {round(100 * need.share_below) for need in summary.training_needs}
    assert len(shares) >= 5
    for need in summary.training_needs:
        assert f"{round(100 * need.share_below)}% ({need.cells_below} / {need.cells_rated})" in content
    # Headings wrap between words, never inside one.
    for word in ("Assessments", "Advisors", "shortfall"):
        assert word in content
    assert "Assessme " not in content and "Assessme\n" not in content


def test_english_filters_and_metadata(demo):
    summary = summary_of(demo, SummaryFilters(kabupaten="Kota Bandung", advisor_type="PKH"))
    pdf = render_summary(summary, "en")
    content = " ".join(page_texts(pdf))
    assert "Coordinator Summary" in content and "Kota Bandung" in content
    assert "Page 1 of" in content
    assert "TKSK" not in content.split("Counts")[1].split("Mean level per role")[0]
    document = reader(pdf)
    assert document.metadata.title.startswith("Coordinator Summary Semester ")
    assert document.metadata.title.endswith(", Kota Bandung, PKH")
    assert document.trailer["/Root"]["/Lang"] == "en"
    assert all("DejaVuSans" in name and embedded for name, embedded in font_names(pdf))


def test_summary_with_only_drafts_says_there_are_no_means(database, draft):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 2)
    content = " ".join(page_texts(render_summary(summary_of(database))))
    assert "Belum ada penilaian final untuk saringan ini" in content


def test_export_errors_leave_no_file(demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFoundError, match="no assessments for 2011-S2"):
        export_summary(demo, SummaryFilters("2011-S2"), out / "summary.pdf")
    assert list(out.iterdir()) == []
    path = export_summary(demo, SummaryFilters(), out / "summary.pdf", lang="en")
    assert [p.name for p in out.iterdir()] == ["summary.pdf"]
    assert "Coordinator Summary" in page_texts(path.read_bytes())[0]
