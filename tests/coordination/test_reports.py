"""The coordinator's parts of the printed profile and summary."""

from datetime import date, timedelta

from ewarong_desktop.__main__ import main
from ewarong_desktop.services import plans, verification
from ewarong_desktop.services.verification import CellVerdict
from tests.reports.pdfcheck import page_texts, text


def _verify_with_plan(database, final, coordinator):
    verification.verify(database, coordinator, final, [
        CellVerdict("4.1.1", 1, comment="Belum ada bukti rujukan <b>tertulis</b>"),
        CellVerdict("4.2.3", 3, comment="")], comment="Dibahas bersama")
    due = date.today() + timedelta(days=30)
    plans.set_plan(database, coordinator, final, [
        plans.ActionInput("Sesi kelompok swabantu di warung", "advisor", due, ("4.1.7",),
                          "social_entrepreneurship"),
        plans.ActionInput("Pelatihan pembukuan", "dinas", due, ("4.1.5",), "finance")])


def test_profile_pdf_shows_self_and_verified_on_page_one(database, db_path, final, bandung,
                                                         tmp_path):
    _verify_with_plan(database, final, bandung)
    out = tmp_path / "profil.pdf"
    assert main(["report", "profile", "--db", str(db_path), "--assessment", str(final),
                 "--out", str(out)]) == 0
    pages = page_texts(out.read_bytes())
    first = pages[0]
    assert "Diverifikasi oleh Rina Kurniasih" in first
    assert "Penilaian diri" in first and "Terverifikasi" in first
    assert "Belum ada bukti rujukan <b>tertulis</b>" in first  # typed text printed as typed
    assert "Target: bawaan instrumen" in first
    everything = " ".join(pages)
    assert "Sesi kelompok swabantu di warung" in everything
    assert "diverifikasi koordinator" in everything  # the audit appendix names the step


def test_profile_pdf_in_english_says_not_verified_yet(database, db_path, final, tmp_path):
    out = tmp_path / "profile.pdf"
    assert main(["report", "profile", "--db", str(db_path), "--assessment", str(final),
                 "--out", str(out), "--lang", "en"]) == 0
    first = page_texts(out.read_bytes())[0]
    assert "Not verified by a coordinator yet" in first
    assert "Targets: the instrument's defaults" in first


def test_summary_pdf_prints_the_self_vs_verified_table(database, db_path, final, bandung,
                                                       tmp_path):
    _verify_with_plan(database, final, bandung)
    out = tmp_path / "ringkasan.pdf"
    assert main(["report", "summary", "--db", str(db_path), "--out", str(out)]) == 0
    printed = text(out.read_bytes())
    assert "Penilaian diri dan hasil verifikasi" in printed
    assert "Atas 1 penilaian terverifikasi" in printed
    assert "Kebutuhan pelatihan menurut rencana" in printed and "Kota Bandung" in printed
