"""Entry point: `ewarong-desktop` / `python -m ewarong_desktop`.

With no command it starts the GUI; commands such as `demo` or `list` run headless and
never import Qt.
"""

from __future__ import annotations

import os
import sys


def fill_missing_streams() -> None:
    """Give a windowed program somewhere harmless to write.

    A windowed build (PyInstaller's windowed executable, ``pythonw``, the
    ``gui-scripts`` launcher on Windows) starts with ``sys.stdout``/``sys.stderr`` set to
    None; library code that writes to them unguarded would crash the program. The
    program's own output paths are safe without this (tests/test_windowed_streams.py).
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main(argv: list[str] | None = None) -> int:
    fill_missing_streams()
    from .cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
