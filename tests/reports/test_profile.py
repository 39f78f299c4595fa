"""The printed role profile, read back from the PDF as a coordinator would read it."""

import re
from datetime import datetime

import pytest

from ewarong_desktop.errors import NotFoundError, ValidationError
from ewarong_desktop.instrument import all_cell_codes, load_instrument
from ewarong_desktop.output_files import OutputFileError
from ewarong_desktop.reports.labels import format_level, format_number
from ewarong_desktop.reports.profile import render_profile
from ewarong_desktop.services import advisors, assessments, profiles, warongs
from ewarong_desktop.services.report_data import profile_report_data
from ewarong_desktop.services.report_export import export_profile

from .pdfcheck import font_names, page_texts, reader, text

HOSTILE = ['<b>', '&', '<font size=60>', '0.1 < x > 0.9', '<img src="/etc/passwd">',
           'Ā', '≥', '→']
EMOJI = "\U0001F600"


def render(database, assessment_id, lang="id") -> bytes:
    with database.session() as session:
        data = profile_report_data(session, assessment_id, printed_at=datetime(2026, 5, 4, 9, 0))
    return render_profile(data, lang)


def test_header_names_the_advisor_warong_place_and_period(database, rich):
    pages = page_texts(render(database, rich.current))
    first = pages[0]
    for expected in ("Profil Peran Pendamping", "Euis Rahmawati", "Pendamping PKH",
                     "e-Warong Sauyunan", "KUBE Sauyunan", "Cijagra, Lengkong, Kota Bandung",
                     "Semester I 2026", "Tanggal cetak 4 Mei 2026"):
        assert expected in first
    assert "Final (sejak" in first
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page
        assert "DRAF" not in page


def test_every_role_and_area_label_is_printed(database, rich):
    instrument = load_instrument()
    content = text(render(database, rich.current))
    for role in instrument.roles:
        assert role.name.id in content
    for area in instrument.areas:
        assert area.name.id in content


def test_numbers_are_those_of_the_computed_profile(database, rich):
    with database.session() as session:
        profile = profiles.compute_profile(session, rich.current)
        previous = profiles.compute_profile(session, rich.previous)
    content = text(render(database, rich.current))
    number = lambda value: format_number(value, "id")  # noqa: E731

    # Role table beside the radar: mean, target, difference, change since 2025-S2.
    for role in range(1, 5):
        mean, target = profile.role_means[role], profile.role_targets[role]
        difference = mean - target
        sign = "+" if round(difference, 1) > 0 else ("\u2212" if round(difference, 1) < 0 else "")
        change = mean - previous.role_means[role]
        arrow = "\u2191 +" if change > 0 else "\u2193 \u2212"
        assert (f"{number(mean)} {number(target)} {sign}{number(abs(difference))} "
                f"{arrow}{number(abs(change))}") in content
    # Grid: each agenda area's row lists the four roles' levels and targets, then its mean.
    for area in range(1, 9):
        cells = [profile.cells[f"4.{role}.{area}"] for role in range(1, 5)]
        row = " ".join(f"{format_level(c.level, c.not_applicable, 'id')} T{c.target}" for c in cells)
        assert f"{row} {number(profile.area_means[area])}" in content
    assert "Rata-rata " + " ".join(number(profile.role_means[r]) for r in range(1, 5)) in content
    assert f"Rata-rata semua sel yang dinilai: {number(profile.overall)}" in content
    # Gap table: every cell below target, with its level, target and gap.
    for cell in profile.gaps:
        assert f"{cell.code} " in content
    assert f"{len(profile.gaps)} sel di bawah target" in content


def test_gap_table_uses_the_prompt_for_the_advisors_type(database, rich):
    with database.session() as session:
        profile = profiles.compute_profile(session, rich.current)
    instrument = load_instrument()
    content = text(render(database, rich.current))
    largest = profile.gaps[0]
    prompt = instrument.cells[largest.code].prompt("PKH", "id")
    assert " ".join(prompt.split()) in content


def test_change_baseline_plan_audit_and_notes(database, rich):
    instrument = load_instrument()
    pages = page_texts(render(database, rich.current))
    content = " ".join(pages)
    assert "Perubahan sejak periode sebelumnya" in content
    assert "periode Semester II 2025" in content
    # Study baseline for PKH advisors, attributed.
    role_one = [c.baseline["PKH"].level for c in instrument.cells.values() if c.role == 1]
    assert "Pesan utama dan langkah berikut" in pages[0]
    assert "Acuan studi (PKH)" in content
    # Per cell, the study's finding for the type, marked measured or derived.
    assert content.count("diukur dalam studi") == 8
    assert content.count("diturunkan dari uraian studi") == 24
    assert " ".join(instrument.cell(2, 4).baseline["PKH"].finding.id.split()) in content
    assert format_number(sum(role_one) / len(role_one), "id") in content
    assert "Pustaka Rahmat" in content and "978-602-7810-71-3" in content
    # Development plan: the largest gaps' suggested actions, a self-help group, blank lines.
    assert "Rencana pengembangan" in content
    assert " ".join(instrument.area(8).action.id.split()) in content
    assert "Sesi kelompok swabantu" in content
    assert content.count("Tindakan yang disepakati") >= 2
    # Signatures in the Indonesian convention, on the page of the plan's last item.
    signed = next(page for page in pages if "Mengetahui" in page)
    assert "Sesi kelompok swabantu" in signed and "Bandung, ...." in signed
    assert signed.count("NIP.") == 2 and "Disetujui oleh" not in signed
    # Appendices: the note with its line break, the audit trail with the reopen reason.
    appendix = " ".join(page for page in pages if "Lampiran A" in page or "Lampiran B" in page)
    assert "Belum ada pelatihan pembukuan. Baris kedua catatan." in appendix
    assert "Alasan: Salah ketik pada sel keuangan" in appendix
    assert "tingkat diubah (4.1.5)" in appendix and "1 → 2" in appendix


def test_hostile_text_prints_exactly_as_typed(database):
    name = "<b>Budi</b> & <font size=60> Ā≥→"
    with database.session() as session:
        advisor = advisors.create_advisor(session, name, "TKSK")
        warong = warongs.create_warong(session, warongs.WarongFields(
            name='<img src="/etc/passwd"> & co', kube_name="0.1 < x > 0.9",
            kelurahan="Āmbon", kecamatan="≥ Lengkong", kabupaten="Kota → Bandung"),
            advisor_id=advisor.id)
        assessment = assessments.start_assessment(session, advisor.id, warong.id, "2026-S1").id
        assessments.set_rating(session, assessment, "4.1.1", 0,
                               note="\n".join(HOSTILE) + f"\nsenyum {EMOJI} selesai")
    pdf = render(database, assessment)
    content = text(pdf)
    assert name in content
    assert '<img src="/etc/passwd"> & co' in content
    for hostile in HOSTILE:
        assert hostile in content
    # The emoji is not in the font: it is replaced visibly, never silently dropped.
    assert EMOJI not in content
    assert "senyum \ufffd selesai" in content
    assert reader(pdf).metadata.author == name


def test_fonts_are_the_embedded_ttf_family_only(database, rich):
    fonts = font_names(render(database, rich.current))
    assert fonts, "no fonts found"
    for base_font, embedded in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold|-Oblique)?", base_font), base_font
        assert embedded, base_font


def test_metadata_title_author_subject_language(database, rich):
    pdf = render(database, rich.current, lang="en")
    document = reader(pdf)
    assert document.metadata.title == "Advisor Role Profile: Euis Rahmawati, Semester 1, 2026"
    assert document.metadata.author == "Euis Rahmawati"
    assert "Semester 1, 2026" in document.metadata.subject
    assert document.trailer["/Root"]["/Lang"] == "en"
    assert reader(render(database, rich.current)).trailer["/Root"]["/Lang"] == "id-ID"


def test_english_on_request(database, rich):
    pages = page_texts(render(database, rich.current, lang="en"))
    assert "Advisor Role Profile" in pages[0]
    assert "Page 1 of" in pages[0]
    assert "Development plan" in " ".join(pages)
    assert "Halaman" not in " ".join(pages)


def test_draft_is_marked_on_every_page(database, draft):
    with database.session() as session:
        for code in all_cell_codes()[:10]:
            assessments.set_rating(session, draft, code, 1)
    pages = page_texts(render(database, draft))
    assert len(pages) >= 2
    for page in pages:
        assert "DRAF" in page
    assert "Draf, belum final" in pages[0]


def test_grid_prints_tb_for_not_applicable_and_no_number_for_unrated(database, draft):
    # As on screen: "TB" for not applicable, nothing but the target for an unrated cell.
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.3", 2)
        assessments.set_rating(session, draft, "4.2.3", not_applicable=True)
        targets = {code: cell.target
                   for code, cell in profiles.compute_profile(session, draft).cells.items()}
    content = text(render(database, draft))
    area_three = (f"2 T{targets['4.1.3']} TB T{targets['4.2.3']} T{targets['4.3.3']} "
                  f"T{targets['4.4.3']} 2,0")
    assert area_three in content
    # No dash standing in for a missing level before a grid box's target ("– T3").
    assert re.search("\u2013 T[0-9]", content) is None


def test_ten_thousand_character_note_in_every_cell(database, draft):
    words = "catatan panjang tentang pembukuan warung "
    with database.session() as session:
        for code in all_cell_codes():
            note = (words * 250)[:9_980] + f" AKHIR-{code}"
            assessments.set_rating(session, draft, code, 1, note=note)
    pages = page_texts(render(database, draft))
    # 320,000 characters of notes: many pages, but a bounded number, and every note whole.
    assert 30 < len(pages) < 200
    content = " ".join(pages)
    for code in all_cell_codes():
        assert f"AKHIR-{code}" in content
    assert "selengkapnya di Lampiran A" in content  # the gap table shows an excerpt


def test_unbroken_long_word_does_not_break_the_build(database, draft):
    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 0, note="x" * 10_000)
    content = text(render(database, draft))
    assert content.count("x") >= 10_000


def test_assessment_with_every_cell_not_applicable(database, draft):
    with database.session() as session:
        for code in all_cell_codes():
            assessments.set_rating(session, draft, code, not_applicable=True)
        assessments.finalise(session, draft)
    content = text(render(database, draft))
    assert "Belum ada tingkat yang dinilai" in content
    assert "Tidak ada sel di bawah target." in content
    assert "32 sel tidak berlaku" in content


def test_other_advisor_type_has_no_study_baseline(database):
    with database.session() as session:
        advisor = advisors.create_advisor(session, "Tati Sutisna", "OTHER")
        warong = warongs.create_warong(session, warongs.WarongFields(name="e-Warong Rukun"),
                                       advisor_id=advisor.id)
        assessment = assessments.start_assessment(session, advisor.id, warong.id, "2026-S1").id
    content = text(render(database, assessment))
    assert "tidak ada temuan studi yang bisa dibandingkan" in content
    assert "Belum ada penilaian periode sebelumnya" in content


def test_export_writes_the_file(database, rich, out):
    written = export_profile(database, rich.current, out / "profil.pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.iterdir()] == ["profil.pdf"]


def test_export_replaces_an_older_file_whole_once_confirmed(database, rich, out):
    from ewarong_desktop.output_files import OutputExistsError, confirm_replacement

    target = out / "profil.pdf"
    target.write_bytes(b"old")
    with pytest.raises(OutputExistsError):
        export_profile(database, rich.current, target, lang="en")
    assert target.read_bytes() == b"old"
    confirm_replacement(target)
    export_profile(database, rich.current, target, lang="en")
    assert "Advisor Role Profile" in text(target.read_bytes())
    assert [p.name for p in out.iterdir()] == ["profil.pdf"]


def test_unknown_or_malformed_id_is_a_clear_error_and_writes_nothing(database, out):
    with pytest.raises(NotFoundError, match="no assessment with id"):
        export_profile(database, "00000000-0000-0000-0000-000000000000", out / "x.pdf")
    with pytest.raises(ValidationError, match="not a valid assessment id"):
        export_profile(database, "nonsense", out / "x.pdf")
    assert list(out.iterdir()) == []


def test_missing_or_unusable_output_folder(database, rich, out):
    with pytest.raises(OutputFileError, match="does not exist"):
        export_profile(database, rich.current, out / "missing" / "x.pdf")
    blocker = out / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputFileError, match="is a file, not a folder"):
        export_profile(database, rich.current, blocker / "x.pdf")
    with pytest.raises(OutputFileError, match="is a folder"):
        export_profile(database, rich.current, out)
    assert sorted(p.name for p in out.iterdir()) == ["a-file"]


def test_audit_labels_cover_every_action_the_services_write():
    from ewarong_desktop.reports.labels import LABELS
    from ewarong_desktop.services.exchange import RESOLUTIONS

    actions = {"finalise", "refinalise", "reopen", "rating", "note"}
    actions |= {f"conflict_{resolution}" for resolution in RESOLUTIONS.values()}
    assert {f"audit_{action}" for action in actions} <= set(LABELS)


def test_a_draft_has_no_signature_block(database, draft):
    from ewarong_desktop.services import assessments

    with database.session() as session:
        assessments.set_rating(session, draft, "4.1.1", 2)
    content = " ".join(page_texts(render(database, draft)))
    assert "Mengetahui" not in content and "NIP." not in content
    assert "Tanda tangan dicetak setelah penilaian dinyatakan final" in content
