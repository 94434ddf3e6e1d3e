"""The UI speaks German first; English when the system locale is English or the user says so.

Source strings are English (``self.tr``/``QCoreApplication.translate``). The catalogues are
resources/translations/mzdesk_de.ts (German) and mzdesk_en.ts (English: the plural forms of
``%n`` strings), compiled to .qm with ``pyside6-lrelease`` (tools/fill_translations.py does
both). Qt's own strings (dialog buttons …) come from qtbase_de.qm. The personal setting
``ui/language`` ("system", "de" or "en", Settings → Personal) overrides the system's language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mzdesk.core.resources import resource_path

log = logging.getLogger(__name__)


LANGUAGES = ("de", "en")


def ui_language(preference: str = "system") -> str:
    """The UI language: ``preference`` if it names one we speak, else ``"en"`` on an English
    system and ``"de"`` everywhere else (also used for reference-data labels)."""
    if preference in LANGUAGES:
        return preference
    return "en" if QLocale.system().language() == QLocale.Language.English else "de"


def preferred_language() -> str:
    """The personal setting ``ui/language`` ("system" when unset or unreadable)."""
    from mzdesk.ui.settings import LANGUAGE, Settings

    return Settings().text(LANGUAGE)


class Translations:
    """The translators for one application run; ``remove()`` undoes ``install()``."""

    def __init__(self, preference: str | None = None) -> None:
        self.language = ui_language(preferred_language() if preference is None else preference)
        self._translators: list[QTranslator] = []
        self._previous_locale = QLocale()

    def install(self, app: QCoreApplication) -> None:
        own = QTranslator(app)
        if own.load(str(resource_path("translations", f"mzdesk_{self.language}.qm"))):
            self._add(app, own)
        else:
            log.warning("translation %s not found: the UI speaks the source strings", self.language)
        if self.language != "de":
            return
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        base = QTranslator(app)
        if base.load("qtbase_de", qt_dir):
            self._add(app, base)

    def _add(self, app: QCoreApplication, translator: QTranslator) -> None:
        app.installTranslator(translator)
        self._translators.append(translator)

    def remove(self, app: QCoreApplication) -> None:
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        QLocale.setDefault(self._previous_locale)
