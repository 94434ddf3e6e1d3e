"""GUI fixtures: SQLite databases with many synthetic persons, made fast with Core inserts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mzdesk.core.database import Database
from mzdesk.ui.i18n import Translations
from mzdesk.ui.settings import Settings

from .helpers import PersonsDb, make_persons_db


@pytest.fixture(scope="session")
def persons_20k(tmp_path_factory: pytest.TempPathFactory) -> PersonsDb:
    """20,000 persons in a migrated SQLite file, shared by the tests that only read it."""
    return make_persons_db(tmp_path_factory.mktemp("big") / "persons20k.sqlite", 20_000)


@pytest.fixture
def small_db(tmp_path: Path) -> PersonsDb:
    return make_persons_db(tmp_path / "small.sqlite", 450)


@pytest.fixture
def open_db(persons_20k: PersonsDb) -> Iterator[Database]:
    database = Database(persons_20k.url)
    yield database
    database.close()


@pytest.fixture
def settings() -> Settings:
    """Settings in this test's own config folder (XDG_CONFIG_HOME from the root conftest)."""
    return Settings()


@pytest.fixture(autouse=True)
def german(qapp: QApplication) -> Iterator[Translations]:
    """The UI in German, as run_gui sets it up on a non-English system."""
    translations = Translations()
    translations.language = "de"
    translations.install(qapp)
    yield translations
    translations.remove(qapp)
