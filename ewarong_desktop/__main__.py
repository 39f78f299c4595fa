"""Entry point: `ewarong-desktop` / `python -m ewarong_desktop`.

With no command it starts the GUI; commands such as `demo` or `list` run headless and
never import Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from .cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
