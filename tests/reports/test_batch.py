"""Many profiles at once: one combined PDF or a folder; progress, cancel, no half files."""

import pytest

from ewarong_desktop.errors import NotFoundError
from ewarong_desktop.output_files import OutputFileError
from ewarong_desktop.services import assessments
from ewarong_desktop.services.demo import generate_demo
from ewarong_desktop.services.report_data import ProfileFilters
from ewarong_desktop.services.report_export import export_profiles

from .pdfcheck import font_names, page_texts, reader


@pytest.fixture
def demo(database):
    with database.session() as session:
        generate_demo(session, seed=5, assessments=60)
    return database


@pytest.fixture
def period(demo):
    with demo.session() as session:
        return assessments.list_periods(session)[0]


def expected_ids(database, period, **filters):
    with database.session() as session:
        return [a.id for a in assessments.list_assessments(session, period=period, **filters)]


def test_combined_pdf_has_every_profile_from_a_new_page(demo, period, out):
    filters = ProfileFilters(period, kabupaten="Kota Bekasi")
    names = {}
    with demo.session() as session:
        for item in assessments.list_assessments(session, period=period, kabupaten="Kota Bekasi",
                                                 status="final"):
            names[item.id] = item.advisor_name
    seen = []
    result = export_profiles(demo, filters, out_file=out / "all.pdf",
                             progress=lambda done, total, name: seen.append((done, total, name)))
    assert result.written == len(names) and not result.cancelled
    assert [done for done, _total, _name in seen] == list(range(1, len(names) + 1))
    assert {total for _done, total, _name in seen} == {len(names)}

    pdf = (out / "all.pdf").read_bytes()
    pages = page_texts(pdf)
    # A cover first: scope, date, what is included, and an index numbered like the footers.
    assert "Daftar isi" in pages[0] and "Semester II" in pages[0] and "Kota Bekasi" in pages[0]
    assert "Hanya penilaian final" in pages[0] and "Draf" not in pages[0].split("Status")[-1]
    for name in set(names.values()):
        assert name in pages[0]
    starts = [page for page in pages[1:] if "Halaman 1 dari" in page]
    assert len(starts) == len(names)
    for number, page in enumerate(starts, start=1):
        assert f"Profil {number} dari {len(names)}" in page
    assert not any("DRAF" in page for page in pages[1:])  # finals only by default
    assert all(page.count("Profil Peran Pendamping") >= 2 for page in starts)  # header + title
    for name in set(names.values()):
        assert any(name in page for page in starts)
    document = reader(pdf)
    assert len(document.outline) == len(names) + 1  # the index, then each profile
    assert document.outline[0].title == "Daftar isi" and document.outline[1].title.startswith("1. ")
    assert document.metadata.title.startswith("Profil Peran Pendamping")
    assert document.trailer["/Root"]["/Lang"] == "id-ID"
    assert all("DejaVuSans" in name and embedded for name, embedded in font_names(pdf))
    assert [p.name for p in out.iterdir()] == ["all.pdf"]


def test_folder_of_files_one_per_profile(demo, period, out):
    ids = expected_ids(demo, period, advisor_type="TKSK", kecamatan="Lengkong")
    result = export_profiles(demo, ProfileFilters(period, kecamatan="Lengkong",
                                                  advisor_type="TKSK", include_drafts=True),
                             out_dir=out, lang="en")
    assert result.written == len(ids) == len(list(out.iterdir()))
    for path in result.paths:
        assert path.name.startswith(f"{period}_Kota-Bandung_Lengkong_")
        first = page_texts(path.read_bytes())[0]
        assert "Advisor Role Profile" in first and f"of {len(ids)}" in first


def test_cancel_leaves_no_combined_file(demo, period, out):
    calls = []
    result = export_profiles(demo, ProfileFilters(period), out_file=out / "all.pdf",
                             progress=lambda done, total, name: calls.append(done),
                             cancelled=lambda: len(calls) >= 2)
    assert result.cancelled and result.written == 2
    assert list(out.iterdir()) == []  # neither the PDF nor its temporary file


def test_cancel_keeps_the_files_already_finished(demo, period, out):
    calls = []
    result = export_profiles(demo, ProfileFilters(period), out_dir=out,
                             progress=lambda done, total, name: calls.append(done),
                             cancelled=lambda: len(calls) >= 3)
    assert result.cancelled and result.written == 3
    assert sorted(out.iterdir()) == sorted(result.paths)


def test_period_without_data_and_bad_outputs(demo, out):
    with pytest.raises(NotFoundError, match="no final assessments for 2012-S1"):
        export_profiles(demo, ProfileFilters("2012-S1"), out_file=out / "x.pdf")
    with pytest.raises(OutputFileError, match="does not exist"):
        export_profiles(demo, ProfileFilters("2012-S1"), out_dir=out / "missing")
    assert list(out.iterdir()) == []


def test_drafts_only_on_request(demo, period, out):
    finals = expected_ids(demo, period, status="final")
    everything = expected_ids(demo, period)
    assert len(everything) > len(finals)
    result = export_profiles(demo, ProfileFilters(period, include_drafts=True),
                             out_file=out / "all.pdf")
    assert result.written == len(everything)
    cover = page_texts((out / "all.pdf").read_bytes())[0]
    assert "Draf ikut dicetak" in cover
