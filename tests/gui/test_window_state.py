"""Column widths of every area's named tables are remembered across starts."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from mzdesk.core.database import Database
from mzdesk.ui.settings import Settings

from .helpers import PersonsDb, build_main_window


def test_partner_columns_come_back_as_the_user_left_them(
    qtbot: QtBot, small_db: PersonsDb, settings: Settings
) -> None:
    with Database(small_db.url) as database:
        first = build_main_window(database, settings)
        qtbot.addWidget(first.window)
        view = first.open_area("partners")
        table = view.findChild(QTableView, "partnerTable")
        assert table is not None
        table.setColumnWidth(0, 333)
        first.save_state()

        second = build_main_window(database, Settings())
        qtbot.addWidget(second.window)
        again = second.open_area("partners").findChild(QTableView, "partnerTable")
        assert again is not None and again.columnWidth(0) == 333
