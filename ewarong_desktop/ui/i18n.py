"""Languages of the window: Indonesian source strings, English from a Qt translation.

Every visible string in ``ui/`` is written in Indonesian inside ``tr()``; English comes
from ``resources/i18n/ewarong_en.qm`` (regenerate with ``tools/update_translations.py``).
Texts of the instrument itself are not Qt strings: they come bilingual from
``load_instrument()`` and widgets pick them with the current language code.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resource_path
from .settings import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

# Each language named in itself, so a person who cannot read the current one finds theirs.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}

# The language the window speaks now, for texts that are not Qt strings (service errors).
_current = DEFAULT_LANGUAGE


def current_language() -> str:
    """The window's language now: Indonesian until a Translation switches to another."""
    return _current


def translation_file(lang: str) -> str:
    return str(resource_path("i18n", f"ewarong_{lang}.qm"))


class Translation:
    """The translators installed for one language; ``switch`` replaces them."""

    def __init__(self) -> None:
        self.lang = DEFAULT_LANGUAGE
        self._translators: list[QTranslator] = []

    def switch(self, lang: str) -> str:
        """Install ``lang`` (falling back to Indonesian) and return the language now active."""
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE
        self.remove()
        app = QCoreApplication.instance()
        if lang != DEFAULT_LANGUAGE and app is not None:
            own = QTranslator(app)
            if own.load(translation_file(lang)):
                self._translators.append(own)
            else:  # the window stays usable in Indonesian rather than failing to start
                log.warning("translation %s is missing; staying in Indonesian", lang)
                lang = DEFAULT_LANGUAGE
        if app is not None:
            # Qt's own strings (file dialogs, context menus) where Qt ships them.
            qt = QTranslator(app)
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{lang}", qt_folder):
                self._translators.append(qt)
            for translator in self._translators:
                app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id"
                                   else QLocale.Language.English))
        self._set(lang)
        return lang

    def _set(self, lang: str) -> None:
        global _current
        self.lang = _current = lang

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators.clear()
        self._set(DEFAULT_LANGUAGE)
