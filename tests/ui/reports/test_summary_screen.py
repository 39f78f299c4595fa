"""The coordinator's summary screen shows what services.summary computes for its filters."""

import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

import ewarong_desktop.reports.summary as summary_report
from ewarong_desktop.instrument import AREA_COUNT, ROLE_COUNT
from ewarong_desktop.services.summary import ALL, SummaryFilters, coordinator_summary
from ewarong_desktop.ui.reports import summary_screen
from ewarong_desktop.ui.reports.summary_screen import BELOW_MARK, SummaryScreen
from ewarong_desktop.ui.widgets.charts import format_mean

WAIT_MS = 60_000


@pytest.fixture
def screen(qtbot, demo_db, settings):
    widget = SummaryScreen(demo_db, lang="id", settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.summary is not None, timeout=WAIT_MS)
    return widget


def choose(qtbot, screen, **filters):
    """Change the filters as a person would and wait until the new numbers are shown."""
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS,
                          check_params_cb=lambda shown: screen.summary_worker is None):
        screen.filters.choose(**filters)
    return screen.summary


def expected(demo_db, **filters):
    with demo_db.session() as session:
        return coordinator_summary(session, SummaryFilters(**filters))


def counts_shown(screen) -> list[list[str]]:
    table = screen.counts_table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def means_shown(screen) -> dict[str, list[str]]:
    """Column header -> the texts of the 4 roles, the 8 areas and the overall mean."""
    table = screen.means_table
    rows = [r for r in range(table.rowCount()) if table.item(r, 1).text()]  # skip section titles
    return {table.horizontalHeaderItem(c).text(): [table.item(r, c).text() for r in rows]
            for c in range(1, table.columnCount())}


def means_of(summary, advisor_type) -> list[str]:
    values = ([summary.role_means[(advisor_type, r)] for r in range(1, ROLE_COUNT + 1)]
              + [summary.area_means[(advisor_type, a)] for a in range(1, AREA_COUNT + 1)]
              + [summary.overall[advisor_type]])
    return [format_mean(value, "id") for value in values]


def without_mark(texts: list[str]) -> list[str]:
    return [text.replace(BELOW_MARK, "").strip() for text in texts]


def test_first_shows_the_latest_period_for_everyone(screen, demo_db):
    service = expected(demo_db, period="2026-S2")
    assert screen.filters.period.currentText() == "2026-S2"
    assert counts_shown(screen) == [
        ["PKH", *map(str, _counts(service.counts_by_type["PKH"]))],
        ["TKSK", *map(str, _counts(service.counts_by_type["TKSK"]))],
        ["Jumlah", *map(str, _counts(service.counts))]]
    means = means_shown(screen)
    assert list(means) == ["PKH", "TKSK", "Semua"]  # side by side, then together
    for column, key in (("PKH", "PKH"), ("TKSK", "TKSK"), ("Semua", ALL)):
        assert without_mark(means[column]) == means_of(service, key)
    assert screen.gaps_table.column_texts(0) == [stat.code for stat in service.largest_gaps]
    needs = [need for need in service.training_needs if need.advisors_needing]
    assert [text.split(".")[0] for text in screen.training_table.column_texts(1)] == [
        str(need.area) for need in needs]


def _counts(counts):
    return counts.advisors, counts.warongs, counts.assessments, counts.final, counts.draft


def test_filters_change_the_numbers_as_the_service_computes_them(qtbot, screen, demo_db):
    before = counts_shown(screen)
    summary = choose(qtbot, screen, period="2026-S1", kabupaten="Kota Bekasi")
    service = expected(demo_db, period="2026-S1", kabupaten="Kota Bekasi")
    assert summary.counts == service.counts and counts_shown(screen) != before
    assert counts_shown(screen)[-1][1:] == list(map(str, _counts(service.counts)))
    assert without_mark(means_shown(screen)["Semua"]) == means_of(service, ALL)
    # Kecamatan offered are those of the chosen kabupaten.
    combo = screen.filters.kecamatan
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Semua kecamatan", "Bekasi Selatan", "Bekasi Timur"]
    choose(qtbot, screen, period="2026-S1", kabupaten="Kota Bekasi", kecamatan="Bekasi Timur",
           advisor_type="TKSK")
    service = expected(demo_db, period="2026-S1", kabupaten="Kota Bekasi",
                       kecamatan="Bekasi Timur", advisor_type="TKSK")
    assert list(means_shown(screen)) == ["TKSK"]  # one type: no "Semua" column
    assert without_mark(means_shown(screen)["TKSK"]) == means_of(service, "TKSK")
    assert counts_shown(screen) == [["TKSK", *map(str, _counts(service.counts))],
                                    ["Jumlah", *map(str, _counts(service.counts))]]
    assert "Kota Bekasi / Bekasi Timur" in screen.heading.text()


def test_drafts_can_be_counted_in_the_means(qtbot, screen, demo_db):
    final_only = means_shown(screen)["Semua"]
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS):
        screen.include_drafts.setChecked(True)
    service = expected(demo_db, period="2026-S2", include_drafts=True)
    assert without_mark(means_shown(screen)["Semua"]) == means_of(service, ALL) != without_mark(
        final_only)


def test_means_below_the_types_target_are_marked(screen):
    service = screen.summary
    table = screen.means_table
    targets = summary_screen.mean_targets(service, "PKH")[0]
    for role in range(1, ROLE_COUNT + 1):
        item = table.item(role, 1)  # row 0 is the "Peran" title
        below = service.role_means[("PKH", role)] < targets[role]
        assert (BELOW_MARK in item.text()) == below
        assert item.toolTip() == f"Target rata-rata: {format_mean(targets[role], 'id')}"


def test_nothing_to_show_says_so_and_offers_no_pdf(qtbot, screen):
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS) as shown:
        screen.filters.choose(period="2026-S2", advisor_type="OTHER")  # no such advisors
    assert shown.args == [None]
    assert screen.empty.isVisible() and not screen.content.isVisible()
    assert screen.empty.text().startswith("Tidak ada penilaian untuk pilihan ini.")
    assert not screen.export_button.isEnabled()


def test_the_summary_is_computed_off_the_window_thread(qtbot, monkeypatch, screen):
    threads = []
    real = summary_screen.coordinator_summary

    def compute(session, filters):
        threads.append(threading.get_ident())
        return real(session, filters)

    monkeypatch.setattr(summary_screen, "coordinator_summary", compute)
    choose(qtbot, screen, period="2025-S2")
    assert threads and threading.get_ident() not in threads


def test_only_the_latest_filters_are_shown(qtbot, screen, demo_db):
    """Quick changes: earlier results arrive late or not at all, and are never shown."""
    seen = []
    screen.shown.connect(seen.append)
    screen.filters.choose(period="2026-S1")
    screen.filters.choose(period="2026-S1", kabupaten="Kota Banjar")
    qtbot.waitUntil(lambda: screen.summary_worker is None, timeout=WAIT_MS)
    assert len(seen) == 1  # one result on screen: the last asked for
    assert seen[0].counts == expected(demo_db, period="2026-S1", kabupaten="Kota Banjar").counts


def test_export_writes_the_summary_pdf_off_the_window_thread(qtbot, monkeypatch, screen,
                                                             tmp_path, settings):
    threads = []
    real = summary_report.render_summary

    def render(summary, lang="id", **kwargs):
        threads.append(threading.get_ident())
        return real(summary, lang, **kwargs)

    monkeypatch.setattr(summary_report, "render_summary", render)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    proposed = []

    def save_as(parent, caption, start, filters):
        proposed.append(start)
        return str(tmp_path / "ringkasan.pdf"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    choose(qtbot, screen, period="2026-S1", kabupaten="Kota Banjar")
    with qtbot.waitSignal(screen.saved, timeout=WAIT_MS):
        qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "ringkasan.pdf").pages)
    assert "Ringkasan Koordinator" in text and "2026-S1" in text and "Kota Banjar" in text
    assert threads and threading.get_ident() not in threads
    assert opened == [str(tmp_path / "ringkasan.pdf")]
    assert "Ringkasan koordinator - 2026-S1 - Kota Banjar.pdf" in proposed[0]
    assert settings.last_folder("reports") == str(tmp_path)


def test_in_english(qtbot, demo_db, settings):
    from ewarong_desktop.ui.i18n import Translation

    translation = Translation()
    translation.switch("en")
    try:
        widget = SummaryScreen(demo_db, lang="en", settings=settings)
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda: widget.summary is not None, timeout=WAIT_MS)
        assert widget.export_button.text() == "&Export PDF…"
        assert widget.counts_table.horizontalHeaderItem(1).text() == "Advisors"
        assert means_shown(widget)["All"][0] == format_mean(
            widget.summary.role_means[(ALL, 1)], "en")
    finally:
        translation.switch("id")  # the locale back to Indonesian for the tests after this one
        translation.remove()
