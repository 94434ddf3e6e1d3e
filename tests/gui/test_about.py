"""Help → About names the versions and the licences of what ships with mzdesk, fonts included."""

from __future__ import annotations

from pathlib import Path

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.resources import resource_path
from mzdesk.ui.about import COMPONENTS, about_text


def test_about_lists_versions_and_licences(tmp_path: Path) -> None:
    with Database(f"sqlite:///{tmp_path / 'about.sqlite'}", create=True) as database:
        schema.upgrade(database)
        text = about_text(database)
    assert "SQLite 3." in text and "PySide6" in text
    assert "Komponenten und Lizenzen" in text  # German UI (tests/gui/conftest.py)
    for name, licence in COMPONENTS:
        assert name in text and licence in text
    assert resource_path("fonts", "LICENSE-DejaVu.txt").is_file()
