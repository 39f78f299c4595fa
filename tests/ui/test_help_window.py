"""The guide: F1 opens it, in the program's language, with the instrument's roles and scale,
and its find box finds words."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ewarong_desktop.instrument import load_instrument
from ewarong_desktop.ui.help_window import HelpWindow, guide_markdown


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_guide_holds_roles_areas_scale_and_the_procedures(lang):
    text = guide_markdown(lang)
    instrument = load_instrument()
    for number in range(1, 5):
        assert instrument.role(number).name.get(lang) in text
    for number in range(1, 9):
        assert instrument.area(number).name.get(lang) in text
    for scale in instrument.scale:  # the instrument's own wording, not a copy
        assert scale.description.get(lang) in text
    words = {"id": ["jujur", "Finalisasi", "koordinator", "Cadangan"],
             "en": ["honestly", "Finalis", "coordinator", "Backups"]}[lang]
    for word in words:
        assert word in text
    assert "<!-- INSTRUMENT -->" not in text


def test_f1_opens_the_guide_and_the_find_box_finds(window, qtbot):
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = window.help_window
    assert isinstance(guide, HelpWindow) and guide.isVisible()
    guide.find_box.setText("Spasi")
    assert guide.find_next()
    assert guide.browser.textCursor().selectedText() == "Spasi"
    guide.find_box.setText("tidakadakatasepertiini")
    assert not guide.find_next() and guide.status.text() == "Tidak ditemukan"
    QTest.keyClick(guide, Qt.Key.Key_Escape)
    assert not guide.isVisible()
