"""The German catalogue is complete for every string in the code and forms, and compiled."""

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

TS = resource_path("translations", "mzdesk_de.ts")
QM = resource_path("translations", "mzdesk_de.qm")
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


def test_every_entry_is_translated() -> None:
    assert unfinished(TS) == []


def test_every_string_in_code_and_forms_is_in_the_catalogue(tmp_path: Path) -> None:
    copy = tmp_path / "mzdesk_de.ts"
    shutil.copy(TS, copy)
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
    assert unfinished(copy) == [], "run pyside6-lupdate (see resources/translations/README)"


def test_the_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on mzdesk_de.ts"


def test_german_is_the_default_language() -> None:
    if QLocale.system().language() == QLocale.Language.English:
        assert ui_language() == "en"
    else:
        assert ui_language() == "de"


def test_installed_translation_speaks_german(german: Translations) -> None:
    assert QCoreApplication.translate("PersonTableModel", "File number") == "Aktenzeichen"
    assert QCoreApplication.translate("MainWindow", "&Quit") == "&Beenden"
    assert QLocale().toString(20000) == "20.000"
