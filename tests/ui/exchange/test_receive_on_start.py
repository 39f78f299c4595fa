"""A double-clicked .ewarong file (``ewarong-desktop --receive FILE``) opens the receive dialog."""

from ewarong_desktop.cli import run
from ewarong_desktop.ui import app as app_module
from ewarong_desktop.ui.app import run_gui
from ewarong_desktop.ui.exchange.dialogs import ReceiveDialog
from ewarong_desktop.ui.main_window import MainWindow
from ewarong_desktop.ui.settings import Settings


def visible(kind):
    return [w for w in app_module.QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_receive_option_opens_the_receive_dialog_on_that_file(monkeypatch, qtbot, demo_path, demo_advisor,
                                                              tmp_path):
    exchange_file = tmp_path / "from-field.ewarong"
    assert run(["export", "--db", str(demo_path), "--out", str(exchange_file)]) == 0
    Settings().set_current_advisor(demo_path, demo_advisor.id)
    seen = []

    def person(_app):
        qtbot.waitUntil(lambda: bool(visible(MainWindow)), timeout=10_000)
        [window] = visible(MainWindow)
        qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ReceiveDialog)),
                        timeout=10_000)
        dialogs = [d for d in window.findChildren(ReceiveDialog) if d.isVisible()]
        seen.extend(dialog.paths for dialog in dialogs)
        # The file was read and checked: one row for it in the preview.
        qtbot.waitUntil(lambda: dialogs[0].tree.topLevelItemCount() == 1, timeout=20_000)
        for dialog in dialogs:
            dialog.reject()
        window.close()
        return 0

    monkeypatch.setattr(app_module.QApplication, "exec", person)
    assert run_gui(demo_path, receive=exchange_file) == 0
    assert seen == [[exchange_file]]


def test_menu_start_without_a_file_is_a_plain_start():
    from ewarong_desktop.cli import build_parser

    # The desktop file's "Exec=ewarong-desktop --receive %f" drops %f when no file is given.
    args = build_parser().parse_args(["--receive"])
    assert args.receive is None and getattr(args, "handler", None) is None
