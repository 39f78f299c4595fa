"""What both executables of the bundle run: the program's own entry point.

``ewarong-desktop`` (windowed) and ``ewarong-desktop-cli`` (console) are the same program;
only the executable's subsystem differs (packaging/ewarong-desktop.spec).
"""

import sys

from ewarong_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
