"""A service's refusal reaches the person in the window's language."""

import pytest

from ewarong_desktop.errors import ValidationError
from ewarong_desktop.ui.assessment.warong_dialog import WarongDialog
from ewarong_desktop.ui.widgets.common import error_text, user_message


@pytest.mark.parametrize(("lang", "refusal"), [("id", "Sudah ada e-Warong bernama"),
                                               ("en", "already exists in")])
def test_a_duplicate_e_warong_is_refused_in_the_windows_language(make_shell, demo_path, demo_advisor,
                                                                 qtbot, lang, refusal):
    window = make_shell(demo_path, lang=lang, advisor_id=demo_advisor.id).window
    existing = window.warong_model.record(0)
    window.add_warong()
    [dialog] = [d for d in window.findChildren(WarongDialog) if d.isVisible()]
    qtbot.keyClicks(dialog.name, existing.name)
    qtbot.keyClicks(dialog.kelurahan, existing.kelurahan)
    dialog.kecamatan.setCurrentText(existing.kecamatan)
    dialog.kabupaten.setCurrentText(existing.kabupaten)
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible()
    shown = dialog.error.text()
    assert refusal in shown and existing.name in shown and existing.kelurahan in shown
    assert shown[0].isupper() and shown.endswith(".")
    dialog.reject()


def test_other_failures_keep_their_own_text():
    # No Translation switched: the window's first language, Indonesian.
    error = ValidationError("period is wrong", id="periode salah")
    assert error_text(error) == "periode salah" and user_message(error) == "Periode salah."
    assert error_text(OSError("No space left on device")) == "No space left on device"
    # A sentence gets its capital, a name keeps its spelling.
    assert user_message("e-Warong itu sudah dinilai") == "e-Warong itu sudah dinilai."
    assert user_message("kiriman.ewarong: rusak") == "kiriman.ewarong: rusak."
