"""PDFs from the window: a profile exported and printed, a period's batch, the Laporan menu.

The file dialogs' static calls, the system's PDF viewer (QDesktopServices) and the print
commands are patched; rendering runs on the real worker thread, which the tests check by
recording the thread each PDF was drawn in.
"""

import subprocess
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox
from shiboken6 import isValid

import ewarong_desktop.reports.batch as batch_report
import ewarong_desktop.reports.profile as profile_report
from ewarong_desktop.services import assessments
from ewarong_desktop.ui.reports import actions as report_actions
from ewarong_desktop.ui.reports.actions import BatchDialog, send_to_printer
from ewarong_desktop.ui.reports.menu import ReportActions
from ewarong_desktop.ui.reports.profile_view import ProfileView
from ewarong_desktop.ui.reports.summary_screen import SummaryScreen

WAIT_MS = 60_000  # generous: real rendering on a real thread on a slow machine
PERIOD = "2026-S1"  # every assessment of the demo's S1 is final


# --- helpers -------------------------------------------------------------------------------


def save_as(monkeypatch, path: Path) -> list[tuple[str, str]]:
    """Every "save file" dialog answers ``path``; returns (caption, proposed path) per call."""
    calls = []

    def answer(parent, caption, proposed, filters):
        calls.append((caption, proposed))
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return calls


def choose_folder(monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda parent, caption, start: str(folder)))


@pytest.fixture
def viewer(monkeypatch) -> list[str]:
    """The system's PDF viewer: records the files it was asked to open."""
    opened = []

    def open_url(url):
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return opened


def watch_rendering(monkeypatch, before=lambda data: None) -> list[int]:
    """Call ``before(data)`` ahead of drawing each role profile; returns the threads drawn in.

    The batch module holds its own reference to the function, so both are replaced.
    """
    threads = []
    real = profile_report.render_profile

    def render(data, lang="id", *position):
        threads.append(threading.get_ident())
        before(data)
        return real(data, lang, *position)

    for module in (profile_report, batch_report):
        monkeypatch.setattr(module, "render_profile", render)
    return threads


@pytest.fixture
def render_threads(monkeypatch) -> list[int]:
    """The thread each role profile PDF is drawn in."""
    return watch_rendering(monkeypatch)


def make_unwritable(monkeypatch, folder: Path) -> Path:
    """A folder nobody may write in (root ignores the mode bits, so ask os.access too)."""
    folder.mkdir()
    folder.chmod(0o555)
    real_access = report_actions.os.access

    def access(path, mode, *args, **kwargs):
        if Path(path) == folder and mode & 2:  # W_OK
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr("ewarong_desktop.output_files.os.access", access)
    return folder


def message_in(qtbot, parent) -> QMessageBox:
    """The message the window opened (non-blocking: it is just there, open)."""
    qtbot.waitUntil(lambda: any(box.isVisible() for box in parent.findChildren(QMessageBox)),
                    timeout=WAIT_MS)
    [box] = [box for box in parent.findChildren(QMessageBox) if box.isVisible()]
    return box


def output_folder(tmp_path: Path) -> Path:
    """An empty folder for the PDFs (tmp_path also holds the demo database)."""
    folder = tmp_path / "keluaran"
    folder.mkdir()
    return folder


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def final_assessment(demo_db):
    with demo_db.session() as session:
        return assessments.list_assessments(session, period=PERIOD)[0]


@pytest.fixture
def view(qtbot, demo_db, final_assessment):
    widget = ProfileView(demo_db, final_assessment.id, lang="id")
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


# --- the profile view ----------------------------------------------------------------------


def test_export_writes_the_profile_off_the_window_thread_and_opens_it(
        qtbot, monkeypatch, view, final_assessment, tmp_path, viewer, render_threads):
    bar = view.report_bar
    target = tmp_path / "profil"  # no suffix typed: .pdf is added
    calls = save_as(monkeypatch, target)
    with qtbot.waitSignal(bar.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(bar.export_button, Qt.MouseButton.LeftButton)
        # While the worker draws, the buttons wait and say so; the window is not blocked.
        assert not bar.export_button.isEnabled() and bar.status.text() == "Membuat PDF…"
    path = saved.args[0]
    assert path == tmp_path / "profil.pdf"
    assert render_threads and threading.get_ident() not in render_threads
    assert final_assessment.advisor_name in pdf_text(path)
    assert viewer == [str(path)]  # "Buka setelah disimpan" is ticked by default
    assert bar.export_button.isEnabled()
    # The proposed name says whose profile it is; the folder is remembered for next time.
    assert final_assessment.advisor_name in Path(calls[0][1]).name
    assert bar.settings.last_folder("reports") == str(tmp_path)
    second = save_as(monkeypatch, tmp_path / "lagi.pdf")
    with qtbot.waitSignal(bar.saved, timeout=WAIT_MS):
        bar.export_pdf()
    assert Path(second[0][1]).parent == tmp_path


def test_without_open_after_saving_a_message_says_where_the_pdf_is(
        qtbot, monkeypatch, view, tmp_path, viewer):
    bar = view.report_bar
    bar.open_after.setChecked(False)
    assert bar.settings.open_saved_reports is False  # remembered
    save_as(monkeypatch, tmp_path / "profil.pdf")
    with qtbot.waitSignal(bar.saved, timeout=WAIT_MS):
        bar.export_pdf()
    box = message_in(qtbot, view)
    assert str(tmp_path / "profil.pdf") in box.text() and viewer == []
    [open_button] = [b for b in box.buttons() if b.text() == "Buka"]
    open_button.click()
    assert viewer == [str(tmp_path / "profil.pdf")]


def test_export_to_a_folder_that_cannot_be_written_says_so_and_writes_nothing(
        qtbot, monkeypatch, view, tmp_path, viewer):
    folder = make_unwritable(monkeypatch, tmp_path / "terkunci")
    save_as(monkeypatch, folder / "profil.pdf")
    bar = view.report_bar
    bar.export_pdf()
    box = message_in(qtbot, view)
    assert box.text() == "PDF tidak bisa disimpan di tempat itu."
    assert "tidak dapat ditulisi" in box.informativeText() and str(folder) in box.informativeText()
    assert list(folder.iterdir()) == [] and viewer == []
    assert bar.export_button.isEnabled()  # ready to try another folder


def test_closing_the_profile_while_its_pdf_is_made_still_writes_it(
        qtbot, monkeypatch, demo_db, final_assessment, tmp_path, viewer):
    widget = ProfileView(demo_db, final_assessment.id, lang="id")  # closed by the test itself
    widget.show()
    release = threading.Event()
    watch_rendering(monkeypatch, lambda data: release.wait(WAIT_MS / 1000))
    save_as(monkeypatch, tmp_path / "profil.pdf")
    widget.report_bar.export_pdf()
    widget.close()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not isValid(widget), timeout=WAIT_MS)
    release.set()  # the worker finishes after the window is gone: nobody left to tell
    qtbot.waitUntil((tmp_path / "profil.pdf").exists, timeout=WAIT_MS)
    assert final_assessment.advisor_name in pdf_text(tmp_path / "profil.pdf")


def test_print_hands_the_pdf_to_lp(qtbot, monkeypatch, view, final_assessment, tmp_path,
                                   render_threads):
    commands = []

    def run(command, **kwargs):
        commands.append(command)
        return subprocess.CompletedProcess(command, 0, stdout="request id is Kantor-7 (1 file(s))\n",
                                           stderr="")

    monkeypatch.setattr(report_actions, "WINDOWS", False)
    monkeypatch.setattr(report_actions, "print_folder", lambda: tmp_path)
    monkeypatch.setattr(report_actions.shutil, "which",
                        lambda name: "/usr/bin/lp" if name == "lp" else None)
    monkeypatch.setattr(report_actions.subprocess, "run", run)
    bar = view.report_bar
    with qtbot.waitSignal(bar.printed, timeout=WAIT_MS) as printed:
        qtbot.mouseClick(bar.print_button, Qt.MouseButton.LeftButton)
    outcome = printed.args[0]
    assert outcome.sent and outcome.command == "lp"
    [[program, sent_file]] = commands
    assert program == "/usr/bin/lp" and Path(sent_file) == outcome.path
    assert outcome.path.parent == tmp_path and final_assessment.advisor_name in pdf_text(outcome.path)
    assert threading.get_ident() not in render_threads
    box = message_in(qtbot, view)
    assert box.text() == "Profil peran dikirim ke pencetak."
    assert "Kantor-7" in box.informativeText()


def test_print_without_a_print_service_opens_the_viewer_and_says_so(
        qtbot, monkeypatch, view, tmp_path, viewer):
    monkeypatch.setattr(report_actions, "WINDOWS", False)
    monkeypatch.setattr(report_actions, "print_folder", lambda: tmp_path)
    monkeypatch.setattr(report_actions.shutil, "which", lambda name: None)
    bar = view.report_bar
    with qtbot.waitSignal(bar.printed, timeout=WAIT_MS) as printed:
        bar.print_pdf()
    assert not printed.args[0].sent
    assert viewer == [str(printed.args[0].path)]
    box = message_in(qtbot, view)
    assert "lp atau lpr" in box.text() and "Ctrl+P" in box.informativeText()


def test_a_printer_that_refuses_is_reported_with_its_words(monkeypatch, tmp_path):
    pdf = tmp_path / "profil.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(report_actions, "WINDOWS", False)
    monkeypatch.setattr(report_actions.shutil, "which",
                        lambda name: "/usr/bin/lpr" if name == "lpr" else None)
    monkeypatch.setattr(report_actions.subprocess, "run", lambda command, **kwargs:
                        subprocess.CompletedProcess(command, 1, stdout="",
                                                    stderr="lpr: No default destination.\n"))
    outcome = send_to_printer(pdf)
    assert (outcome.sent, outcome.command, outcome.reply) == (
        False, "lpr", "lpr: No default destination.")


def test_print_on_windows_uses_the_pdf_programs_print_verb(monkeypatch, tmp_path):
    pdf = tmp_path / "profil.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    verbs = []
    monkeypatch.setattr(report_actions, "WINDOWS", True)
    monkeypatch.setattr(report_actions.os, "startfile",
                        lambda path, verb: verbs.append((path, verb)), raising=False)
    assert send_to_printer(pdf).sent and verbs == [(str(pdf), "print")]

    def no_program(path, verb):
        raise OSError(1155, "No application is associated with the specified file")

    monkeypatch.setattr(report_actions.os, "startfile", no_program, raising=False)
    outcome = send_to_printer(pdf)
    assert not outcome.sent and "No application" in outcome.reply


# --- every profile of a period -------------------------------------------------------------


@pytest.fixture
def batch(qtbot, demo_db, settings):
    dialog = BatchDialog(demo_db, lang="id", settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.filters.choose(period=PERIOD, kabupaten="Kota Bandung")
    return dialog


def bandung_profiles(demo_db) -> list:
    with demo_db.session() as session:
        # A batch prints final assessments only (drafts on request, from the command line).
        return assessments.list_assessments(session, period=PERIOD, kabupaten="Kota Bandung",
                                            status="final")


def test_batch_writes_one_pdf_with_every_profile_of_the_region(
        qtbot, monkeypatch, batch, demo_db, tmp_path, viewer, render_threads):
    expected = bandung_profiles(demo_db)
    out = output_folder(tmp_path)
    save_as(monkeypatch, out / "bandung.pdf")
    with qtbot.waitSignal(batch.batch_finished, timeout=WAIT_MS) as finished:
        batch.accept()
        assert batch.progress is not None and batch.progress.isVisible()
    result = finished.args[0]
    assert (result.written, result.total, result.cancelled) == (len(expected), len(expected), False)
    reader = PdfReader(out / "bandung.pdf")
    assert len(reader.outline) == len(expected) + 1  # the index, then one per profile
    text = pdf_text(out / "bandung.pdf")
    assert all(item.advisor_name in text for item in expected)
    assert "Kota Banjar" not in text
    assert set(render_threads) and threading.get_ident() not in render_threads
    assert viewer == [str(out / "bandung.pdf")] and list(out.iterdir()) == [out / "bandung.pdf"]
    assert not isValid(batch) or not batch.isVisible()


def test_stopping_a_batch_after_the_first_profile_leaves_no_file(
        qtbot, monkeypatch, batch, demo_db, tmp_path, viewer):
    assert len(bandung_profiles(demo_db)) > 3
    stop_pressed = threading.Event()

    def hold_the_second(data):  # until "Hentikan" was pressed
        if len(drawn) == 2:
            assert stop_pressed.wait(WAIT_MS / 1000)

    drawn = watch_rendering(monkeypatch, hold_the_second)
    out = output_folder(tmp_path)
    save_as(monkeypatch, out / "bandung.pdf")
    batch.accept()
    qtbot.waitUntil(lambda: batch.progress is not None and batch.progress.value() == 1,
                    timeout=WAIT_MS)
    assert "1 dari" in batch.progress.labelText()
    with qtbot.waitSignal(batch.batch_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(batch.stop_button, Qt.MouseButton.LeftButton)
        assert batch.progress.labelText().startswith("Menghentikan")
        stop_pressed.set()
    result = finished.args[0]
    # The worker may see the stop before the second profile or just after it.
    assert result.cancelled and result.written == len(drawn) <= 2 < result.total
    assert list(out.iterdir()) == []  # no PDF, no half-written temporary file
    assert batch.note.text() == "Dihentikan. Tidak ada berkas yang dibuat."
    assert batch.isVisible() and batch.progress is None and viewer == []


def test_a_batch_into_a_folder_writes_a_file_per_profile(qtbot, monkeypatch, batch, demo_db,
                                                         tmp_path, viewer):
    batch.many_files.setChecked(True)
    out = output_folder(tmp_path)
    choose_folder(monkeypatch, out)
    with qtbot.waitSignal(batch.batch_finished, timeout=WAIT_MS):
        batch.accept()
    files = sorted(out.iterdir())
    assert len(files) == len(bandung_profiles(demo_db))
    assert all(name.name.startswith(f"{PERIOD}_Kota-Bandung_") for name in files)
    assert all(PdfReader(name).pages for name in files)
    assert viewer == [str(out)]  # the folder is opened


def test_a_batch_into_a_folder_that_cannot_be_written_says_why(qtbot, monkeypatch, batch,
                                                              tmp_path):
    folder = make_unwritable(monkeypatch, tmp_path / "terkunci")
    batch.many_files.setChecked(True)
    choose_folder(monkeypatch, folder)
    batch.accept()
    qtbot.waitUntil(batch.error.isVisible, timeout=WAIT_MS)
    assert batch.error.text().startswith("PDF tidak bisa disimpan di tempat itu.")
    assert "tidak dapat ditulisi" in batch.error.text()
    assert batch.isVisible() and batch.progress is None and list(folder.iterdir()) == []


def test_a_region_without_assessments_prints_nothing(qtbot, monkeypatch, batch, tmp_path):
    batch.filters.choose(period=PERIOD, advisor_type="OTHER")  # the demo has no other advisors
    out = output_folder(tmp_path)
    save_as(monkeypatch, out / "kosong.pdf")
    batch.accept()
    qtbot.waitUntil(batch.error.isVisible, timeout=WAIT_MS)
    assert batch.error.text().startswith("Tidak ada data untuk laporan ini.")
    assert list(out.iterdir()) == []


def test_the_kecamatan_follow_the_chosen_kabupaten(batch):
    combo = batch.filters.kecamatan
    names = [combo.itemText(i) for i in range(1, combo.count())]
    assert names == ["Cibiru", "Lengkong", "Rancasari"]  # Kota Bandung's
    batch.filters.choose(period=PERIOD)  # all kabupaten again
    assert batch.filters.kecamatan.count() == 1 + 9


# --- the Laporan menu ----------------------------------------------------------------------


def test_the_laporan_menu_opens_the_summary_and_the_batch(qtbot, window):
    actions = window.findChild(ReportActions)
    assert window.reports_menu.menuAction().isVisible()
    assert [a.text() for a in window.reports_menu.actions()][:2] == [
        "&Ringkasan koordinator…", "Semua &profil periode ini…"]
    actions.summary_action.trigger()
    screen = actions.summary_screen
    assert isinstance(screen, SummaryScreen) and screen.isWindow() and screen.isVisible()
    actions.summary_action.trigger()
    assert actions.summary_screen is screen  # raised again, not opened twice
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=WAIT_MS)
    actions.batch_action.trigger()
    assert isinstance(actions.batch_dialog, BatchDialog) and actions.batch_dialog.isVisible()
    actions.batch_dialog.reject()


def test_closing_the_program_stops_a_batch_and_leaves_no_file(monkeypatch, make_shell, demo_path,
                                                               demo_advisor, tmp_path, viewer):
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    dialog = shell.window.findChild(ReportActions).show_batch()
    dialog.filters.choose(period=PERIOD)
    release = threading.Event()
    drawn = watch_rendering(monkeypatch, lambda data: release.wait(WAIT_MS / 1000))
    out = output_folder(tmp_path)
    save_as(monkeypatch, out / "semua.pdf")
    dialog.accept()
    # The program ends as the batch starts: at most the profile being drawn is finished.
    threading.Timer(0.2, release.set).start()
    shell.shutdown()
    assert len(drawn) <= 1 and list(out.iterdir()) == []
