"""Search while typing in the client list, driven from the keyboard like a counsellor would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import Person
from mzdesk.core.services import search
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.models.person_table import Column
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.clients import ClientsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MANY = 260  # more than a search page (50) and more than the list's first page (200)


@pytest.fixture
def search_db(tmp_path: Path) -> Iterator[Database]:
    """Synthetic persons written through the ORM, so the flush hook fills search_text."""
    database = Database(f"sqlite:///{tmp_path / 'search.sqlite'}", create=True)
    schema.upgrade(database)
    with database.session() as session:
        session.add_all(
            [
                Person(
                    family_name="Ağaoğlu",
                    given_names="Ahmet",
                    file_number="MZ-2024-000123",
                    phone="0176 1234567",
                    birth_date=date(1990, 11, 24),
                ),
                Person(
                    family_name="Kovalenko",
                    given_names="Olena",
                    family_name_original="Коваленко",
                    given_names_original="Олена",
                    file_number="MZ-2019-000045",
                ),
                *(
                    Person(
                        family_name=f"Testfamilie{index % 9}",
                        given_names=f"Vorname{index:03d}",
                        file_number=f"MZ-2020-{index + 1000:06d}",
                    )
                    for index in range(MANY)
                ),
            ]
        )
        session.commit()
    yield database
    database.close()


@pytest.fixture
def view(qtbot: QtBot, search_db: Database, settings: Settings) -> ClientsView:
    widget = ClientsView(AreaContext(search_db.session, settings, "de"))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def type_text(widget: QWidget, text: str) -> None:
    """One key event per character (qtbot.keyClicks aborts on ğ and Cyrillic, see style.md)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def names(view: ClientsView) -> list[str]:
    return [str(view.model.index(row, Column.NAME).data()) for row in range(view.model.rowCount())]


def test_the_field_is_there_in_german(view: ClientsView) -> None:
    assert view.search_edit.placeholderText() == "Name, Aktenzeichen, Telefon oder Geburtsdatum"
    assert view.match_label.text() == ""
    assert view.model.rowCount() == 200  # the full list's first page


def test_ctrl_f_typing_filters_after_a_pause_and_esc_clears(
    qtbot: QtBot, view: ClientsView
) -> None:
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    QTest.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search_edit.hasFocus)

    type_text(view.search_edit, "ağaoğ")
    assert view.search_edit.text() == "ağaoğ"
    assert view.model.rowCount() == 200  # debounced: nothing asked yet
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    assert names(view) == ["Ağaoğlu, Ahmet"]
    assert view.match_label.text() == "1 Treffer"
    assert not view.table.horizontalHeader().isSortIndicatorShown()

    type_text(view.search_edit, "xq")  # "ağaoğxq": nobody
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=3000)
    qtbot.waitUntil(lambda: "Strg+N" in view.match_label.text(), timeout=3000)
    assert view.match_label.text() == "Niemand gefunden – neue Person: Strg+N"

    QTest.keyClick(view.search_edit, Qt.Key.Key_Escape)
    assert view.search_edit.text() == ""
    assert view.model.rowCount() == 200  # the full list again, at once
    assert view.match_label.text() == ""
    assert view.table.horizontalHeader().isSortIndicatorShown()
    QTest.keyClick(view.search_edit, Qt.Key.Key_Escape)  # empty: Esc goes back to the list
    qtbot.waitUntil(view.table.hasFocus)


def test_cyrillic_phone_and_date_queries(qtbot: QtBot, view: ClientsView) -> None:
    view.focus_search()
    for typed, expected in [
        ("олена", ["Kovalenko, Olena"]),
        ("+49 176 123", ["Ağaoğlu, Ahmet"]),
        ("24.11.1990", ["Ağaoğlu, Ahmet"]),
        ("MZ-2019", ["Kovalenko, Olena"]),
        ("niemand", []),
    ]:
        view.search_edit.selectAll()
        type_text(view.search_edit, typed)
        qtbot.waitUntil(lambda expected=expected: names(view) == expected, timeout=3000)
        shown = f"{len(expected)} Treffer" if expected else "Niemand gefunden – neue Person: Strg+N"
        assert view.match_label.text() == shown


def test_many_matches_page_by_50_and_down_enters_the_list(qtbot: QtBot, view: ClientsView) -> None:
    view.focus_search()
    type_text(view.search_edit, "testfam")
    qtbot.waitUntil(lambda: view.match_label.text() == f"{MANY} Treffer", timeout=3000)
    assert view.model.rowCount() == search.DEFAULT_LIMIT
    assert names(view) == sorted(names(view))  # few enough matches: by name
    assert view.model.canFetchMore(QModelIndex())
    view.model.fetchMore(QModelIndex())
    assert view.model.rowCount() == 2 * search.DEFAULT_LIMIT

    QTest.keyClick(view.search_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(view.table.hasFocus)
    assert view.table.selectionModel().selectedRows()[0].row() == 0
    qtbot.waitUntil(lambda: view.detail.title.text() != "")


def test_more_matches_than_counted(
    qtbot: QtBot, view: ClientsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "SORT_LIMIT", 100)
    view.focus_search()
    type_text(view.search_edit, "mz")
    qtbot.waitUntil(lambda: view.match_label.text() == "100+ Treffer", timeout=3000)
    assert view.model.rowCount() == search.DEFAULT_LIMIT
    while view.model.canFetchMore(QModelIndex()):
        view.model.fetchMore(QModelIndex())
        QApplication.processEvents()
    assert view.model.rowCount() == MANY + 2  # streamed to the end, each person once
    ids = {view.model.person_id(row) for row in range(view.model.rowCount())}
    assert len(ids) == MANY + 2


def test_a_name_heard_on_the_phone_is_found_under_its_other_spelling(
    qtbot: QtBot, search_db: Database, settings: Settings
) -> None:
    """Counsellor walk item 9: "hadad" found nobody although Haddad, Yousef exists, and
    invited a duplicate. Now the exact Hadad comes first, Haddad after it, marked."""
    with search_db.session() as session:
        session.add_all(
            [
                Person(family_name="Haddad", given_names="Yousef", file_number="MZ-2026-000901"),
                Person(family_name="Hadad", given_names="Jusuf", file_number="MZ-2026-000902"),
            ]
        )
        session.commit()
    view = ClientsView(AreaContext(search_db.session, settings, "de"))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.search_edit.setFocus()
    type_text(view.search_edit, "hadad")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=3000)
    assert names(view) == ["Hadad, Jusuf", "≈ Haddad, Yousef"]
    assert view.model.index(1, Column.NAME).data(Qt.ItemDataRole.FontRole).italic()
    assert view.model.index(0, Column.NAME).data(Qt.ItemDataRole.FontRole) is None
    assert view.match_label.text() == "1 Treffer · 1 ähnliche Schreibweise"

    view.search_edit.clear()
    type_text(view.search_edit, "yousef hadad")  # given name first, both as heard
    qtbot.waitUntil(lambda: "Niemand unter" in view.match_label.text(), timeout=3000)
    assert view.model.similar_count == 2
    assert view.match_label.text() == (
        "Niemand unter dieser Schreibweise – 2 ähnliche Schreibweisen (≈); neue Person: Strg+N"
    )
    QTest.keyClick(view.search_edit, Qt.Key.Key_Down)  # into the list, first row chosen
    qtbot.waitUntil(view.table.hasFocus)
    assert view.table.currentIndex().row() == 0


def test_f2_edits_the_person_opened_from_another_area(
    qtbot: QtBot, view: ClientsView, search_db: Database
) -> None:
    """Walk 2026-12-06: a person opened from Wiedervorlagen or a statistics list has no row
    selected in the client list, and F2 (Bearbeiten) stayed greyed."""
    from sqlalchemy import select

    with search_db.session() as session:
        person_id = session.scalars(
            select(Person.id).where(Person.family_name == "Kovalenko")
        ).one()
    view.table.clearSelection()
    view.show_person(person_id)  # as the main window does for another area
    assert view.selected_ids() == []
    assert view.edit_action.isEnabled()
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    assert view.dialog._person_id == person_id  # the edit of that person, not a new one
