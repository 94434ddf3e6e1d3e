"""The UI speaks German first; English when the system locale is English.

Source strings are English (``self.tr``/``QCoreApplication.translate``); the German
catalogue is resources/translations/mzdesk_de.ts, compiled to mzdesk_de.qm with
``pyside6-lrelease``. Qt's own strings (dialog buttons …) come from qtbase_de.qm.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mzdesk.core.resources import resource_path

log = logging.getLogger(__name__)


def ui_language() -> str:
    """``"en"`` on an English system, else ``"de"`` (also for reference-data labels)."""
    return "en" if QLocale.system().language() == QLocale.Language.English else "de"


class Translations:
    """The translators for one application run; ``remove()`` undoes ``install()``."""

    def __init__(self) -> None:
        self.language = ui_language()
        self._translators: list[QTranslator] = []
        self._previous_locale = QLocale()

    def install(self, app: QCoreApplication) -> None:
        if self.language != "de":
            return
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        own = QTranslator(app)
        if own.load(str(resource_path("translations", "mzdesk_de.qm"))):
            self._add(app, own)
        else:
            log.warning("German translation not found: the UI stays English")
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
