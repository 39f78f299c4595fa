"""The Qt binding the project installs must not corrupt Python's reference counts.

PySide6 6.12.0 released a reference to None on every Qt call returning void; a long
session in the window then aborted with "deallocating None". This guards the pin.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(500):
        label.setText(str(number))
        label.setToolTip("x")
    assert sys.getrefcount(None) > before - 50
