"""Sending and receiving through the window, as an advisor and a coordinator would.

Two databases: the demo (an advisor's laptop, run as its first PKH advisor) and a
coordinator's, empty but for the coordinator. Files travel through the dialogs with the
file dialogs' static calls patched; the work runs on the real worker thread.
"""

import csv
import sqlite3
import threading
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from shiboken6 import isValid

from ewarong_desktop.db import open_database
from ewarong_desktop.errors import ValidationError
from ewarong_desktop.services import advisors, assessments, exchange, warongs
from ewarong_desktop.ui import workers
from ewarong_desktop.ui.exchange.conflicts_view import ConflictsDialog
from ewarong_desktop.ui.exchange.dialogs import (
    CSV,
    EXCHANGE,
    XLSX,
    Counted,
    ExchangeActions,
    ReceiveDialog,
    file_slug,
)
from ewarong_desktop.ui.workers import start_worker

WAIT_MS = 30_000  # generous: the work runs on a real thread on a slow machine


# --- helpers -------------------------------------------------------------------------------


def actions_of(window) -> ExchangeActions:
    return window.findChild(ExchangeActions)


def save_as(monkeypatch, path: Path):
    """The next "save file" dialog answers ``path``; returns the calls it saw."""
    calls = []

    def answer(parent, caption, proposed, filters):
        calls.append((caption, proposed, filters))
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return calls


def open_files(monkeypatch, paths):
    calls = []

    def answer(parent, caption, folder, filters):
        calls.append((caption, folder, filters))
        return [str(path) for path in paths], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(answer))
    return calls


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_for_message(qtbot, actions) -> QMessageBox:
    qtbot.waitUntil(lambda: actions.message_box is not None, timeout=WAIT_MS)
    box = actions.message_box
    actions.message_box = None
    return box


def button_named(box: QMessageBox, text: str) -> QPushButton:
    [button] = [b for b in box.buttons() if b.text() == text]
    return button


def closed(dialog) -> bool:
    """Closed, and perhaps already deleted (the dialogs delete themselves on close)."""
    return not isValid(dialog) or not dialog.isVisible()


def database_text(path: Path) -> str:
    """Every table's rows as SQL text (WAL included): equal text, equal content."""
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def tree_counts(dialog: ReceiveDialog, file_row: int = 0) -> dict[str, tuple[str, ...]]:
    """The preview table of one file: kind of record -> (new, updated, unchanged, conflict)."""
    top = dialog.tree.topLevelItem(file_row)
    rows = [top.child(number) for number in range(top.childCount())]
    return {row.text(0): tuple(row.text(column) for column in range(1, 5))
            for row in rows if row.text(1)}


def listed_names(window) -> set[str]:
    model = window.warong_model
    return {model.record(row).name for row in range(model.rowCount())}


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture
def laptop(make_shell, demo_path, demo_advisor, as_laptop):
    """The advisor's laptop: the demo database, its window at 1366x768."""
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    return as_laptop(shell.window)


@pytest.fixture
def coordinator_path(tmp_path):
    path = tmp_path / "koordinator.sqlite3"
    database = open_database(path)
    with database.session() as session:
        coordinator = advisors.create_advisor(session, "Kortek Kota Bandung", "OTHER")
    database.close()
    return path, coordinator.id


@pytest.fixture
def coordinator(make_shell, coordinator_path, as_laptop):
    path, coordinator_id = coordinator_path
    shell = make_shell(path, advisor_id=coordinator_id)
    return as_laptop(shell.window)


def my_assessments(database, advisor_id):
    with database.session() as session:
        return assessments.list_assessments(session, advisor_id=advisor_id)


def export_through_dialog(qtbot, monkeypatch, window, path: Path, kind=EXCHANGE):
    actions = actions_of(window)
    {EXCHANGE: actions.send_action, XLSX: actions.xlsx_action, CSV: actions.csv_action}[kind].trigger()
    dialog = actions.export_dialog
    assert dialog.isVisible()
    calls = save_as(monkeypatch, path)
    click(qtbot, dialog.save_button)
    return dialog, calls, wait_for_message(qtbot, actions)


def receive_through_dialog(qtbot, monkeypatch, window, paths) -> ReceiveDialog:
    actions = actions_of(window)
    open_files(monkeypatch, paths)
    actions.receive_action.trigger()
    dialog = actions.receive_dialog
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        pass
    return dialog


# --- the Data menu -------------------------------------------------------------------------


def test_the_data_menu_leads_with_sending_and_receiving(laptop):
    texts = [action.text() for action in laptop.data_menu.actions() if not action.isSeparator()]
    assert texts[:5] == ["&Kirim ke koordinator…", "Teri&ma data…", "Kon&flik data…",
                         "Ekspor ke E&xcel (XLSX)…", "Ekspor CS&V…"]
    assert laptop.data_menu.menuAction().isVisible()


# --- export --------------------------------------------------------------------------------


def test_export_proposes_a_name_and_tells_where_the_file_is(qtbot, monkeypatch, laptop,
                                                             demo_advisor, tmp_path):
    mine = my_assessments(laptop.database, demo_advisor.id)
    dialog, calls, box = export_through_dialog(qtbot, monkeypatch, laptop, tmp_path / "kiriman")

    [(_caption, proposed, _filters)] = calls
    name = Path(proposed).name
    assert name.startswith(f"ewarong-{file_slug(demo_advisor.name)}-") and name.endswith(".ewarong")
    written = tmp_path / "kiriman.ewarong"  # the suffix is added when the person left it off
    assert written.is_file() and closed(dialog)
    assert str(written) in box.text()
    assert f"Isinya: {len(mine)} penilaian " in box.informativeText()
    manifest = exchange.read_exchange_file(written).manifest
    assert manifest["selection"]["advisor_id"] == str(demo_advisor.id)  # "Data saya" by default
    assert manifest["counts"]["assessments"] == len(mine)
    assert "Buka folder" in [button.text() for button in box.buttons()]
    # The next export starts in the folder the file went to.
    assert laptop.settings.last_folder("exchange") == str(tmp_path)


def test_export_of_everyone_for_one_period_writes_that_selection(qtbot, monkeypatch, laptop,
                                                                  tmp_path):
    actions = actions_of(laptop)
    dialog = actions.open_export(EXCHANGE)
    dialog.everyone.setChecked(True)
    period = dialog.period.itemData(1)
    dialog.period.setCurrentIndex(1)
    with laptop.database.session() as session:
        expected = len(assessments.list_assessments(session, period=period))
    assert dialog.match_label.text() == f"{expected} penilaian cocok dengan pilihan ini."
    assert f"-semua-{period}-" in dialog.suggested_name()
    save_as(monkeypatch, tmp_path / "periode.ewarong")
    click(qtbot, dialog.save_button)
    wait_for_message(qtbot, actions)
    manifest = exchange.read_exchange_file(tmp_path / "periode.ewarong").manifest
    assert manifest["selection"] == {"advisor_id": None, "period": period, "kabupaten": None}
    assert manifest["counts"]["assessments"] == expected


def test_cancelling_an_export_writes_no_file(qtbot, monkeypatch, laptop, tmp_path):
    # Hold the one worker thread, so the export is still waiting when it is cancelled.
    release = threading.Event()
    blocker = start_worker(lambda progress: release.wait(WAIT_MS / 1000))
    dialog = actions_of(laptop).open_export(EXCHANGE)
    dialog.start(tmp_path / "batal.ewarong")
    assert dialog.cancel_button.text() == "Hentikan" and not dialog.save_button.isEnabled()
    click(qtbot, dialog.cancel_button)  # Hentikan
    assert dialog.isVisible()  # stopping does not close the dialog
    with qtbot.waitSignal(blocker.signals.finished, timeout=WAIT_MS):
        release.set()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=WAIT_MS)
    assert dialog.error.text() == "Dihentikan; tidak ada berkas yang dibuat."
    assert list(tmp_path.glob("batal*")) == []
    assert dialog.save_button.isEnabled() and dialog.cancel_button.text() == "Batal"


def test_an_export_that_cannot_be_written_says_why_and_stays_open(qtbot, monkeypatch, laptop,
                                                                   tmp_path):
    actions = actions_of(laptop)
    dialog = actions.open_export(EXCHANGE)
    save_as(monkeypatch, tmp_path / "tidak-ada" / "kiriman.ewarong")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT_MS)
    assert "tidak ada" in dialog.error.text()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert actions.message_box is None


# --- receive -------------------------------------------------------------------------------


def test_two_laptops_through_the_dialogs(qtbot, monkeypatch, laptop, coordinator, demo_advisor,
                                         tmp_path):
    mine = my_assessments(laptop.database, demo_advisor.id)
    file = tmp_path / "dari-laptop.ewarong"
    export_through_dialog(qtbot, monkeypatch, laptop, file)
    with laptop.database.session() as session:
        my_warongs = {w.name for w in warongs.list_warongs(session, advisor_id=demo_advisor.id)}
    assert coordinator.warong_model.rowCount() == 0

    dialog = receive_through_dialog(qtbot, monkeypatch, coordinator, [file])
    assert dialog.heading.text() == "Jika data ini diterima:"
    assert f"{len(mine)} penilaian baru" in dialog.summary.text()
    assert f"{len(my_warongs)} e-Warong baru" in dialog.summary.text()
    counts = tree_counts(dialog)
    assert counts["Penilaian"] == (str(len(mine)), "–", "–", "–")
    assert counts["Pendamping"] == ("1", "–", "–", "–")
    assert counts["e-Warong"] == (str(len(my_warongs)), "–", "–", "–")
    assert dialog.tree.topLevelItem(0).text(0) == file.name
    assert not dialog.refusal_box.isVisible() and dialog.receive_button.isEnabled()
    with coordinator.database.session() as session:
        assert assessments.list_assessments(session) == []  # the preview wrote nothing

    click(qtbot, dialog.receive_button)
    box = wait_for_message(qtbot, actions_of(coordinator))
    assert box.text() == "1 berkas diterima."
    assert "Cadangan sebelum impor:" in box.informativeText()
    with coordinator.database.session() as session:
        received = assessments.list_assessments(session)
    assert sorted(a.id for a in received) == sorted(a.id for a in mine)
    assert listed_names(coordinator) == my_warongs  # the window shows them at once
    assert coordinator.warong_count.text() == f"{len(my_warongs)} e-Warong"

    # The same file again: nothing new, nothing to confirm.
    again = receive_through_dialog(qtbot, monkeypatch, coordinator, [file])
    assert again.heading.text() == "Tidak ada data baru"
    assert not again.receive_button.isVisible() and again.cancel_button.text() == "Tutup"
    assert set(tree_counts(again)["Penilaian"][:2]) == {"–"}


def test_a_damaged_file_is_refused_and_nothing_changes(qtbot, monkeypatch, laptop, coordinator,
                                                       coordinator_path, tmp_path):
    good = tmp_path / "utuh.ewarong"
    export_through_dialog(qtbot, monkeypatch, laptop, good)
    damaged = tmp_path / "terpotong.ewarong"
    damaged.write_bytes(good.read_bytes()[:-300])  # an interrupted copy
    before = database_text(coordinator_path[0])

    dialog = receive_through_dialog(qtbot, monkeypatch, coordinator, [damaged])
    assert dialog.heading.text() == "Berkas tidak bisa diterima"
    assert dialog.refusal_box.isVisible()
    refusal = dialog.refusal_box.text()
    assert "terpotong.ewarong" in refusal and "rusak atau tidak lengkap" in refusal
    assert "salin lagi berkasnya" in refusal  # the engine's own line, for whoever helps
    assert not dialog.receive_button.isEnabled()
    click(qtbot, dialog.cancel_button)
    assert closed(dialog)
    assert database_text(coordinator_path[0]) == before


def test_good_files_go_in_and_a_foreign_one_stays_out(qtbot, monkeypatch, laptop, coordinator,
                                                      demo_advisor, tmp_path):
    good = tmp_path / "baik.ewarong"
    export_through_dialog(qtbot, monkeypatch, laptop, good)
    foreign = tmp_path / "foto.ewarong"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("manifest.json", '{"format": "something-else", "schema_version": 1}')
        archive.writestr("content.json", "{}")

    dialog = receive_through_dialog(qtbot, monkeypatch, coordinator, [foreign, good])
    assert dialog.receive_button.text() == "&Terima 1 berkas yang baik"
    assert "bukan berkas kiriman e-Warong" in dialog.refusal_box.text()
    assert dialog.tree.topLevelItem(1).text(0) == "foto.ewarong — ditolak"
    click(qtbot, dialog.receive_button)
    wait_for_message(qtbot, actions_of(coordinator))
    with coordinator.database.session() as session:
        received = assessments.list_assessments(session)
    assert len(received) == len(my_assessments(laptop.database, demo_advisor.id))


# --- conflicts -----------------------------------------------------------------------------


@pytest.fixture
def changed_final(qtbot, monkeypatch, laptop, coordinator, demo_advisor, tmp_path):
    """The coordinator has the advisor's file; the advisor then reopened a final and changed
    cell 4.4.5; the second file is received through the dialog: a conflict."""
    first = tmp_path / "pertama.ewarong"
    export_through_dialog(qtbot, monkeypatch, laptop, first)
    exchange.apply(coordinator.database, first)
    final = next(a for a in my_assessments(laptop.database, demo_advisor.id) if a.status == "final")
    with laptop.database.session() as session:
        before = assessments.get_detail(session, final.id).ratings["4.4.5"].level
        incoming_level = 4 if before != 4 else 1
        assessments.reopen(session, final.id, "nilai keuangan keliru", editor_id=demo_advisor.id)
        assessments.set_rating(session, final.id, "4.4.5", incoming_level,
                               note="sudah ikut pelatihan pembukuan", editor_id=demo_advisor.id)
        assessments.finalise(session, final.id, editor_id=demo_advisor.id)
    second = tmp_path / "kedua.ewarong"
    export_through_dialog(qtbot, monkeypatch, laptop, second)

    dialog = receive_through_dialog(qtbot, monkeypatch, coordinator, [second])
    assert tree_counts(dialog)["Penilaian"][3] == "1"
    top = dialog.tree.topLevelItem(0)
    assert top.child(top.childCount() - 1).text(0) == (
        f"Konflik: {demo_advisor.name} — {final.warong_name} — {final.period} · "
        "sel yang berbeda: 1")
    assert "1 penilaian final datang dalam versi yang berbeda" in dialog.conflict_note.text()
    click(qtbot, dialog.receive_button)
    box = wait_for_message(qtbot, actions_of(coordinator))
    return final, before, incoming_level, box


def level_here(database, assessment_id, code="4.4.5"):
    with database.session() as session:
        return assessments.get_detail(session, assessment_id).ratings[code].level


def open_conflicts(qtbot, box) -> ConflictsDialog:
    click(qtbot, button_named(box, "Lihat konflik…"))
    [view] = [w for w in box.parent().findChildren(ConflictsDialog) if w.isVisible()]
    return view


def choose(qtbot, view, panel, answer_text):
    click(qtbot, panel.button)
    box = view.confirmation
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(view.resolved, timeout=WAIT_MS):
        click(qtbot, button_named(box, answer_text))


def test_a_conflict_is_shown_side_by_side(qtbot, coordinator, demo_advisor, changed_final):
    final, before, incoming_level, box = changed_final
    assert "menunggu keputusan" in box.informativeText()
    assert coordinator.data_menu.actions()[2].text() == "Kon&flik data (1)…"
    view = open_conflicts(qtbot, box)
    assert view.list.rowCount() == 1
    assert view.list.item(0, 0).text() == demo_advisor.name
    assert view.list.item(0, 2).text() == final.period
    assert view.list.item(0, 5).text() == "kedua.ewarong"
    assert view.list.item(0, 6).text() == "Belum diputuskan"
    local, incoming = view.local_panel.table, view.incoming_panel.table
    assert local.rowCount() == incoming.rowCount() == 1
    assert local.item(0, 0).text() == incoming.item(0, 0).text() == "4.4.5 Fasilitator · Keuangan"
    assert local.item(0, 1).text().startswith(f"{before} · ")
    assert incoming.item(0, 1).text().startswith(f"{incoming_level} · ")
    assert incoming.item(0, 2).text() == "sudah ikut pelatihan pembukuan"
    assert "31 sel lain sama" in view.same_note.text()
    assert level_here(coordinator.database, final.id) == before  # nothing decided yet


def test_keeping_the_incoming_version_changes_the_database(qtbot, coordinator, coordinator_path,
                                                           changed_final):
    final, _before, incoming_level, box = changed_final
    view = open_conflicts(qtbot, box)
    choose(qtbot, view, view.incoming_panel, "Pakai versi kiriman")
    assert level_here(coordinator.database, final.id) == incoming_level
    with coordinator.database.session() as session:
        assert exchange.list_conflicts(session) == []
        [decided] = exchange.list_conflicts(session, include_resolved=True)
        trail = assessments.audit_trail(session, final.id)
    assert decided.resolution == "kept_incoming" and decided.resolved_by == coordinator_path[1]
    assert trail[-1].advisor_name == "Kortek Kota Bandung"
    assert view.empty.isVisible() and not view.list.isVisible()
    assert coordinator.data_menu.actions()[2].text() == "Kon&flik data…"
    view.show_resolved.setChecked(True)
    assert view.list.item(0, 6).text() == "Versi kiriman dipakai"
    assert "Kortek Kota Bandung" in view.decision.text()
    assert not view.local_panel.button.isVisible()


def test_keeping_this_laptops_version_keeps_the_database(qtbot, coordinator, coordinator_path,
                                                         changed_final):
    final, before, _incoming_level, box = changed_final
    before_text = database_text(coordinator_path[0])
    view = open_conflicts(qtbot, box)
    choose(qtbot, view, view.local_panel, "Pakai versi ini")
    assert level_here(coordinator.database, final.id) == before
    with coordinator.database.session() as session:
        [decided] = exchange.list_conflicts(session, include_resolved=True)
    assert decided.resolution == "kept_local" and decided.resolved_by == coordinator_path[1]
    assert database_text(coordinator_path[0]) != before_text  # the choice itself is recorded
    with pytest.raises(ValidationError):  # and cannot be made twice
        with coordinator.database.session() as session:
            exchange.resolve_conflict(session, decided.id, "incoming")


def test_cancelling_the_question_decides_nothing(qtbot, coordinator, changed_final):
    final, before, _incoming_level, box = changed_final
    view = open_conflicts(qtbot, box)
    click(qtbot, view.incoming_panel.button)
    click(qtbot, button_named(view.confirmation, "Batal"))
    assert level_here(coordinator.database, final.id) == before
    assert view.list.item(0, 6).text() == "Belum diputuskan"


# --- spreadsheets --------------------------------------------------------------------------


def test_xlsx_export_writes_a_workbook_openpyxl_reads(qtbot, monkeypatch, laptop, demo_advisor,
                                                      tmp_path):
    from openpyxl import load_workbook

    mine = my_assessments(laptop.database, demo_advisor.id)
    _dialog, calls, box = export_through_dialog(qtbot, monkeypatch, laptop, tmp_path / "nilai.xlsx",
                                                kind=XLSX)
    assert Path(calls[0][1]).suffix == ".xlsx"
    assert box.informativeText() == f"{len(mine)} penilaian ditulis."
    workbook = load_workbook(tmp_path / "nilai.xlsx", read_only=True)
    assert workbook.sheetnames == ["Nilai per sel", "Nilai per penilaian", "Keterangan"]
    wide = list(workbook["Nilai per penilaian"].iter_rows(values_only=True))
    assert wide[0][:2] == ("ID penilaian", "Periode")
    assert sorted(row[0] for row in wide[1:]) == sorted(str(a.id) for a in mine)
    assert sum(1 for _row in workbook["Nilai per sel"].iter_rows()) == 1 + 32 * len(mine)
    workbook.close()


def test_csv_export_with_semicolons_one_row_per_assessment(qtbot, monkeypatch, laptop, tmp_path):
    actions = actions_of(laptop)
    dialog = actions.open_export(CSV)
    dialog.everyone.setChecked(True)
    dialog.shape.setCurrentIndex(1)  # one row per assessment
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData("semicolon"))
    save_as(monkeypatch, tmp_path / "nilai.csv")
    click(qtbot, dialog.save_button)
    wait_for_message(qtbot, actions)
    with open(tmp_path / "nilai.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    with laptop.database.session() as session:
        everything = assessments.list_assessments(session)
    assert rows[0][0] == "ID penilaian" and "4.1.1" in rows[0]
    assert len(rows) == 1 + len(everything)


def test_a_spreadsheet_of_nothing_cannot_be_asked_for(laptop, demo_advisor):
    dialog = actions_of(laptop).open_export(XLSX)
    dialog.kabupaten.addItem("Kabupaten Tanpa Data", "Kabupaten Tanpa Data")
    dialog.kabupaten.setCurrentIndex(dialog.kabupaten.count() - 1)
    assert dialog.match_label.text() == "Tidak ada penilaian yang cocok dengan pilihan ini."
    assert not dialog.save_button.isEnabled()


# --- the worker ----------------------------------------------------------------------------


def test_a_worker_reports_progress_result_and_failure_in_the_window_thread(qtbot):
    seen = []
    main_thread = threading.current_thread()

    def counting(limit, *, progress):
        for number in range(limit):
            progress("write", number + 1, limit)
        return limit * 2

    worker = start_worker(counting, 3, on_success=seen.append, on_progress=lambda *args: seen.append(
        (args, threading.current_thread() is main_thread)))
    worker.signals.finished.connect(lambda: seen.append("finished"))  # a slot of the caller's
    qtbot.waitUntil(lambda: "finished" in seen, timeout=WAIT_MS)
    assert seen == [(("write", n, 3), True) for n in (1, 2, 3)] + [6, "finished"]
    # Once reported, the worker is let go (its signals end in the window's thread).
    qtbot.waitUntil(lambda: id(worker) not in workers._running, timeout=WAIT_MS)

    def failing(*, progress):
        raise ValidationError("no such period")

    failures = []
    start_worker(failing, on_failure=failures.append, on_success=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert isinstance(failures[0], ValidationError) and str(failures[0]) == "no such period"


def test_export_dialog_in_english(make_shell, demo_path, demo_advisor):
    shell = make_shell(demo_path, lang="en", advisor_id=demo_advisor.id)
    actions = actions_of(shell.window)
    assert actions.send_action.text() == "&Send to coordinator…"
    dialog = actions.open_export(EXCHANGE)
    assert dialog.windowTitle() == "Send data to the coordinator"
    assert dialog.mine.text() == f"Only my data ({demo_advisor.name})"
    mine = my_assessments(shell.window.database, demo_advisor.id)
    assert dialog.match_label.text() == f"{len(mine)} assessments match this choice."
    # Counts choose singular or plural in English.
    counted = Counted()
    assert counted.change("assessments", "new", 1) == "1 new assessment"
    assert counted.change("warongs", "new", 3) == "3 new e-Warongs"
    assert counted.files_received(2) == "2 files received."


@pytest.mark.parametrize(("lang", "expected"), [("id", "semicolon"), ("en", "comma")])
def test_csv_delimiter_follows_the_programs_language(monkeypatch, laptop, lang, expected):
    from PySide6.QtCore import QLocale

    from ewarong_desktop.ui import i18n

    monkeypatch.setattr(i18n, "_current", lang)
    # An English (dot-decimal) system, so only the program's language decides.
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.English)))
    dialog = actions_of(laptop).open_export(CSV)
    assert dialog.delimiter.currentData() == expected
    dialog.reject()
