"""The client list, driven like a person would: read, sort by clicking, scroll, select."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.models import Person
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.models.person_table import Column, PersonTableModel
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.clients import ClientsView

from .helpers import PersonsDb, build_main_window

# The offscreen platform says so whenever a main window is shown; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def main_window(qtbot: QtBot, open_db: Database, settings: Settings) -> Iterator[MainWindow]:
    window = build_main_window(open_db, settings)
    qtbot.addWidget(window.window)
    window.window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window.window)
    yield window
    qtbot.waitUntil(lambda: hasattr(window, "person_count"), timeout=10_000)


def clients(window: MainWindow) -> ClientsView:
    view = window.open_area("clients")
    assert isinstance(view, ClientsView)
    return view


def click_header(qtbot: QtBot, table: QTableView, column: int) -> None:
    header: QHeaderView = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def cell(view: ClientsView, row: int, column: Column) -> str:
    return str(view.model.index(row, column).data())


def first_in_sql(database: Database, *order: object) -> Person:
    with database.session() as session:
        person = session.scalars(
            select(Person).where(Person.merged_into_id.is_(None)).order_by(*order).limit(1)
        ).one()
        return person


def test_the_list_shows_persons_page_by_page(main_window: MainWindow, open_db: Database) -> None:
    view = clients(main_window)
    assert view.model.rowCount() == view.model.page_size == 200
    assert view.model.canFetchMore(QModelIndex())
    first = first_in_sql(open_db, Person.sort_key, Person.id)
    assert cell(view, 0, Column.FILE_NUMBER) == first.file_number
    assert cell(view, 0, Column.NAME) == f"{first.family_name}, {first.given_names}"
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == [
        "Aktenzeichen",
        "Name",
        "Geburtsdatum",
        "Staatsangehörigkeit",
        "Aufenthalt",
        "Rechtskreis",
        "Gemeinde",
    ]


def test_status_bar_shows_database_and_person_count(
    qtbot: QtBot, main_window: MainWindow, persons_20k: PersonsDb
) -> None:
    qtbot.waitUntil(lambda: main_window.count_label.text() == "20.000 Personen", timeout=10_000)
    assert str(persons_20k.path) in main_window.database_label.text()
    assert main_window.database_label.text().startswith("Datenbank: ")


def test_clicking_headers_sorts_in_the_database(
    qtbot: QtBot, main_window: MainWindow, open_db: Database
) -> None:
    view = clients(main_window)
    click_header(qtbot, view.table, Column.BIRTH_DATE)
    oldest = first_in_sql(open_db, Person.birth_date.is_(None), Person.birth_date, Person.id)
    assert cell(view, 0, Column.FILE_NUMBER) == oldest.file_number
    assert view.table.horizontalHeader().sortIndicatorSection() == Column.BIRTH_DATE

    click_header(qtbot, view.table, Column.BIRTH_DATE)  # again: descending
    youngest = first_in_sql(
        open_db, Person.birth_date.is_(None), Person.birth_date.desc(), Person.id.desc()
    )
    assert cell(view, 0, Column.FILE_NUMBER) == youngest.file_number

    click_header(qtbot, view.table, Column.FILE_NUMBER)
    assert cell(view, 0, Column.FILE_NUMBER) == "MZ-000000"
    assert view.model.rowCount() == 200

    click_header(qtbot, view.table, Column.MUNICIPALITY)  # not sortable at scale: unchanged
    assert cell(view, 0, Column.FILE_NUMBER) == "MZ-000000"
    assert view.table.horizontalHeader().sortIndicatorSection() == Column.FILE_NUMBER


def test_scrolling_to_the_end_fetches_all_20000(
    qtbot: QtBot, main_window: MainWindow, open_db: Database, persons_20k: PersonsDb
) -> None:
    view = clients(main_window)
    view.table.setFocus()
    view.table.selectRow(0)
    presses = 0
    while not view.model.exhausted and presses < 500:
        QTest.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        presses += 1
    assert view.model.exhausted
    assert view.model.rowCount() == persons_20k.count
    last = first_in_sql(open_db, Person.sort_key.desc(), Person.id.desc())
    assert cell(view, persons_20k.count - 1, Column.FILE_NUMBER) == last.file_number
    assert presses > persons_20k.count // view.model.page_size // 2  # it really paged


def test_selecting_a_row_shows_the_detail_pane(
    qtbot: QtBot, main_window: MainWindow, open_db: Database
) -> None:
    view = clients(main_window)
    assert view.detail.empty.isVisible()
    index = view.model.index(3, Column.NAME)
    rect = view.table.visualRect(index)
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    file_number = cell(view, 3, Column.FILE_NUMBER)
    with open_db.session() as session:
        person = session.scalars(select(Person).where(Person.file_number == file_number)).one()
        nationality = person.nationalities[0].country_code
    assert file_number in view.detail.title.text()
    assert view.detail.values["name"].text() == f"{person.family_name}, {person.given_names}"
    assert not view.detail.empty.isVisible()
    country = view.detail.values["nationalities"].text()
    assert country and country != nationality  # a German country name, not the code
    assert view.detail.values["cases"].text() == "0"


def test_placeholder_birth_dates_are_marked(main_window: MainWindow, open_db: Database) -> None:
    view = clients(main_window)
    view.model.sort(Column.BIRTH_DATE, Qt.SortOrder.AscendingOrder)
    tips = {
        view.model.index(row, Column.BIRTH_DATE).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(view.model.rowCount())
    }
    assert "Platzhalterdatum: Tag und Monat sind unbekannt" in tips
    assert "Nur das Geburtsjahr ist bekannt" in tips


def test_model_passes_the_model_tester(qtmodeltester: object, open_db: Database) -> None:
    model = PersonTableModel(open_db.session, page_size=50)
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() >= 50


def test_window_state_is_restored(qtbot: QtBot, open_db: Database, settings: Settings) -> None:
    first = build_main_window(open_db, settings)
    qtbot.addWidget(first.window)
    first.show()
    first.window.resize(720, 520)  # the offscreen screen is 800x600
    view = clients(first)
    view.table.setColumnWidth(Column.NAME, 333)
    first.splitter.setSizes([222, 490])
    qtbot.waitUntil(lambda: hasattr(first, "person_count"), timeout=10_000)
    # 720 wide, or the window's minimum when its content needs more (the status bar's user)
    left = (first.window.width(), first.window.height())
    assert left == (max(720, first.window.minimumSizeHint().width()), 520)
    first.window.close()

    second = build_main_window(open_db, Settings())
    qtbot.addWidget(second.window)
    second.show()
    assert (second.window.width(), second.window.height()) == left
    assert clients(second).table.columnWidth(Column.NAME) == 333
    assert second.splitter.sizes()[0] == 222
    qtbot.waitUntil(lambda: hasattr(second, "person_count"), timeout=10_000)
