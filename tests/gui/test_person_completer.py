"""The person completer: typing a name offers matching persons; choosing one writes the file
number. Driven by keyboard, against a real database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import Person
from mzdesk.ui import operations
from mzdesk.ui.person_completer import PersonCompleter


@pytest.fixture
def household_db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'household.sqlite'}", create=True)
    schema.upgrade(database)
    with database.session() as session:
        session.add_all(
            [
                Person(
                    file_number="MZ-2024-000311",
                    family_name="Kowalczyk",
                    given_names="Irena",
                    birth_date=date(1984, 5, 6),
                ),
                Person(
                    file_number="MZ-2024-000312",
                    family_name="Kowalczyk",
                    given_names="Tomasz",
                    birth_date=date(1982, 1, 9),
                ),
                Person(file_number="MZ-2024-000400", family_name="Brandt", given_names="Ilse"),
            ]
        )
        session.commit()
    yield database
    database.close()


_hosts: list[QWidget] = []  # kept alive for the test (qtbot holds widgets weakly)


def _field(qtbot: QtBot, database: Database) -> tuple[QLineEdit, PersonCompleter]:
    host = QWidget()
    _hosts[:] = [host]
    qtbot.addWidget(host)
    field = QLineEdit(host)
    QVBoxLayout(host).addWidget(field)
    completer = PersonCompleter(field, database.session)
    host.show()
    qtbot.waitExposed(host)
    field.setFocus()
    return field, completer


def test_typing_a_name_offers_persons_and_enter_takes_the_file_number(
    qtbot: QtBot, household_db: Database
) -> None:
    field, completer = _field(qtbot, household_db)
    qtbot.keyClicks(field, "kowalczyk tom")
    popup = completer.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    lines = completer.model.stringList()
    assert lines == ["Kowalczyk, Tomasz · MZ-2024-000312 · 09.01.1982"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.text() == "MZ-2024-000312", timeout=2000)
    assert not popup.isVisible()


def test_two_matches_are_both_offered_and_nothing_for_one_letter(
    qtbot: QtBot, household_db: Database
) -> None:
    field, completer = _field(qtbot, household_db)
    qtbot.keyClicks(field, "k")
    # nothing for a single letter: no search is waiting for the pause, none is running
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    assert not any(timer.isActive() for timer in completer.findChildren(QTimer, "", direct))
    assert operations.running_count() == 0
    assert not completer.completer.popup().isVisible()
    assert completer.model.stringList() == []
    qtbot.keyClicks(field, "owa")
    qtbot.waitUntil(completer.completer.popup().isVisible, timeout=5000)
    assert [line.split(" · ")[1] for line in completer.model.stringList()] == [
        "MZ-2024-000311",
        "MZ-2024-000312",
    ]
    qtbot.keyClick(completer.completer.popup(), Qt.Key.Key_Escape)
    assert field.text() == "kowa"  # Esc keeps what was typed
