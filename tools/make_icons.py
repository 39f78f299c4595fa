"""Render the application icon from its SVG source: PNG sizes and the Windows ``.ico``.

    python tools/make_icons.py

Reads ``resources/icons/ewarong-desktop.svg`` and writes ``resources/icons/png/ewarong-desktop-N.png``
(the window icon and the Linux desktop icon) and ``resources/icons/ewarong-desktop.ico`` (the
Windows executable, installer and file association). Qt renders the SVG through its image
plugin (QtSvg's Python module is not in PySide6-Essentials, the plugin is); Pillow, already
a dependency of reportlab, packs the sizes into one ``.ico``. The results are committed, so
neither runs when the program starts or the bundle is built.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "ewarong-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    """The icon as PNG bytes, ``size`` pixels square."""
    from PySide6.QtCore import QBuffer, QIODevice, QSize
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(SOURCE))
    reader.setScaledSize(QSize(size, size))
    image = reader.read()
    if image.isNull():
        raise SystemExit(f"cannot render {SOURCE}: {reader.errorString()}")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])  # noqa: F841 - image plugins need an application
    png_dir = ICONS / "png"
    png_dir.mkdir(parents=True, exist_ok=True)
    rendered = {size: render(size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        (png_dir / f"ewarong-desktop-{size}.png").write_bytes(rendered[size])
    # Each size drawn from the SVG, not scaled down from the largest: sharper small icons.
    images = [Image.open(io.BytesIO(rendered[size])).convert("RGBA") for size in ICO_SIZES]
    images[-1].save(ICONS / "ewarong-desktop.ico", format="ICO",
                    sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    print(f"wrote {len(PNG_SIZES)} PNGs to {png_dir} and {ICONS / 'ewarong-desktop.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
