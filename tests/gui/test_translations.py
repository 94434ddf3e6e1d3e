"""Both catalogues (German, English) are complete for every string in the code and forms, and
compiled; the language follows the system unless the personal setting names one."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from mzdesk.core.resources import form_path, resource_path
from mzdesk.ui.i18n import Translations, ui_language

LANGUAGES = ("de", "en")
BIN = Path(sys.executable).parent
SOURCES = sorted((Path(__file__).parents[2] / "mzdesk" / "ui").rglob("*.py"))


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    return [
        message.findtext("source") or ""
        for message in tree.iter("message")
        if (t := message.find("translation")) is not None
        and t.get("type") in ("unfinished", "vanished", "obsolete")
    ]


def ts(language: str) -> Path:
    return resource_path("translations", f"mzdesk_{language}.ts")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated(language: str) -> None:
    assert unfinished(ts(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_in_code_and_forms_is_in_the_catalogue(language: str, tmp_path: Path) -> None:
    copy = tmp_path / f"mzdesk_{language}.ts"
    shutil.copy(ts(language), copy)
    forms = sorted(form_path("main_window.ui").parent.glob("*.ui"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *map(str, SOURCES),
            *map(str, forms),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    assert unfinished(copy) == [], "run tools/fill_translations.py (resources/translations/README)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_up_to_date(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts(language)), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    compiled = ts(language).with_suffix(".qm")
    assert fresh.read_bytes() == compiled.read_bytes(), "run tools/fill_translations.py"


def test_german_is_the_default_language() -> None:
    if QLocale.system().language() == QLocale.Language.English:
        assert ui_language() == "en"
    else:
        assert ui_language() == "de"


def test_installed_translation_speaks_german(german: Translations) -> None:
    assert QCoreApplication.translate("PersonTableModel", "File number") == "Aktenzeichen"
    assert QCoreApplication.translate("MainWindow", "&Quit") == "&Beenden"
    assert QLocale().toString(20000) == "20.000"


def test_english_plurals_come_from_the_english_catalogue(qapp: QCoreApplication) -> None:
    translations = Translations("en")
    translations.install(qapp)
    try:
        one = QCoreApplication.translate("MainWindow", "%Ln person(s)", "", 1)
        many = QCoreApplication.translate("MainWindow", "%Ln person(s)", "", 2)
    finally:
        translations.remove(qapp)
    assert (one, many) == ("1 person", "2 persons")


def test_the_personal_setting_overrides_the_system_language() -> None:
    assert ui_language("en") == "en"
    assert ui_language("de") == "de"
    assert ui_language("system") == ui_language()
    assert Translations("en").language == "en"
