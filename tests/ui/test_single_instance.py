"""One program per database file and user: a second start on the same file brings the
first forward; another file opens normally."""

import subprocess
import sys

from ewarong_desktop.ui.single_instance import SingleInstance

SECOND_START = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from ewarong_desktop.ui.single_instance import SingleInstance
app = QCoreApplication([])
print("first" if SingleInstance(Path(sys.argv[1])).claim() else "second")
"""


def test_a_second_start_on_the_same_file_signals_the_first(qtbot, tmp_path):
    path = tmp_path / "ewarong.sqlite3"
    first = SingleInstance(path)
    assert first.claim()
    try:
        with qtbot.waitSignal(first.activated, timeout=10000):
            second = subprocess.Popen([sys.executable, "-c", SECOND_START, str(path)],
                                      stdout=subprocess.PIPE, text=True)
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=10000)
        assert second.stdout.read().strip() == "second"
    finally:
        first.release()


def test_another_file_opens_normally_and_a_released_file_is_free(tmp_path):
    first = SingleInstance(tmp_path / "a.sqlite3")
    assert first.claim()
    try:
        other = SingleInstance(tmp_path / "b.sqlite3")
        assert other.claim()
        other.release()
    finally:
        first.release()
    again = SingleInstance(tmp_path / "a.sqlite3")
    assert again.claim()
    again.release()


def test_bringing_forward_says_so_in_the_status_bar(make_shell, demo_path, demo_advisor):
    shell = make_shell(demo_path, advisor_id=demo_advisor.id)
    shell.bring_forward()
    assert "dijalankan lagi" in shell.window.statusBar().currentMessage()
