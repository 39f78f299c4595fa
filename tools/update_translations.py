"""Refresh the English translation of the window after ui/ strings changed.

Runs ``pyside6-lupdate`` over every ``ewarong_desktop/ui/**/*.py`` (new strings are added to
``resources/i18n/ewarong_en.ts``, translations already made are kept, vanished strings
marked obsolete and dropped), then ``pyside6-lrelease`` to compile ``ewarong_en.qm``, the
file the program loads. Lists the strings still waiting for an English translation; add
them in the .ts (by hand or with ``pyside6-linguist``) and run this again.

    python tools/update_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ewarong_desktop" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en",)  # Indonesian is the source language and needs no file


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (a venv's bin/ or Scripts/), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found; install PySide6 in this environment")
    return found


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    waiting = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                waiting.append((name, message.findtext("source", "")))
    return waiting


def main() -> int:
    sources = sorted(str(path.relative_to(ROOT)) for path in UI.rglob("*.py"))
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts_file = I18N / f"ewarong_{lang}.ts"
        # No source locations: line numbers would change the .ts on every edit of ui/.
        subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                        "-target-language", lang, "-ts", str(ts_file.relative_to(ROOT))],
                       cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm",
                        str(ts_file.with_suffix(".qm"))], cwd=ROOT, check=True)
        waiting = unfinished(ts_file)
        for context, source in waiting:
            print(f"untranslated ({lang}) {context}: {source!r}")
        print(f"{ts_file.name}: {len(waiting)} string(s) still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
