"""The statistics area on the hand-built county of tests/integration/stats_world.py.

Expected numbers are the hand-worked ones from stats_world's docstring (2025: five
placements; by legal category SGB2 1, SGB3 1, SGB12 0, ASYLBLG 1, NONE 1, unknown 1).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mzdesk.core.database import Database
from mzdesk.core.models import Person, Placement
from mzdesk.core.schema import upgrade
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.operations import running_count
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.statistics import StatisticsView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from stats_world import World, build

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def world_db(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    url = f"sqlite:///{tmp_path / 'stats.sqlite'}"
    database = Database(url, create=True)
    upgrade(database)
    with database.session() as session:
        world = build(session)
    yield database, world
    database.close()


@pytest.fixture
def view(qtbot: QtBot, world_db: tuple[Database, World], settings: Settings) -> StatisticsView:
    database, _world = world_db
    widget = StatisticsView(AreaContext(session_factory=database.session, settings=settings))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def computed(qtbot: QtBot, view: StatisticsView, year: int = 2025) -> None:
    view.year_spin.setValue(year)
    view.part_combo.setCurrentIndex(0)
    qtbot.mouseClick(view.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.report is not None and running_count() == 0, timeout=10_000)


def row_of(view: StatisticsView, table: str, label: str) -> int:
    model = view.models[table]
    return next(r for r in range(model.rowCount()) if model.table.rows[r][0] == label)


def cell(view: StatisticsView, table: str, label: str, column: str) -> str:
    model = view.models[table]
    index = model.index(row_of(view, table, label), model.table.column_index(column))
    return str(model.data(index, Qt.ItemDataRole.DisplayRole))


def test_compute_fills_the_tables(qtbot: QtBot, view: StatisticsView) -> None:
    assert not view.chart_view.isVisible()  # no loose chart over the form before computing
    computed(qtbot, view)
    assert cell(view, "by_legal_category", "Summe", "total") == "5"
    sgb2 = next(
        str(row[0]) for row in view.models["by_legal_category"].table.rows if "II" in str(row[0])
    )
    assert cell(view, "by_legal_category", sgb2, "total") == "1"
    assert cell(view, "overview", "Überweisungen", "value") == "4"
    assert cell(view, "events", "Summe", "attendees") == "42"
    assert view.chart_view.chart().series()[0].barSets()[0].sum() == 5
    # 2024 is a different world: one placement (the MINIJOB)
    computed(qtbot, view, 2024)
    assert cell(view, "by_legal_category", "Summe", "total") == "1"


def test_drill_down_lists_the_records(
    qtbot: QtBot, view: StatisticsView, world_db: tuple[Database, World]
) -> None:
    database, world = world_db
    computed(qtbot, view)
    model = view.models["by_counsellor"]
    table = view.views["by_counsellor"]
    # U1 has three placements in 2025 (IK, SVB, EQ): the row with the largest total first
    index = model.index(0, model.table.column_index("total"))
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "3"
    view.tabs.setCurrentWidget(table)
    rect = table.visualRect(index)
    # Qt 6 only reports a double click that follows a click
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.last_drill is not None, timeout=10_000)
    dialog = view.last_drill
    assert dialog is not None
    assert dialog.model.rowCount() == 3
    shown = {
        (
            dialog.model.data(dialog.model.index(r, 0), Qt.ItemDataRole.DisplayRole),
            dialog.model.data(dialog.model.index(r, 1), Qt.ItemDataRole.DisplayRole),
        )
        for r in range(3)
    }
    with database.session() as session:
        expected = set()
        for key in ("ik", "svb", "eq"):
            placement = session.get(Placement, world.ids[key])
            assert placement is not None
            person = session.get(Person, placement.person_id)
            assert person is not None
            expected.add((person.file_number, str(placement.id)))
    assert shown == expected
    dialog.close()
    # the label column has no figure: no dialog, no operation
    view.last_drill = None
    assert view.drill(model, model.index(0, 0)) is None
    assert view.drill(model, QModelIndex()) is None


def test_export_writes_a_suppressed_xlsx(
    qtbot: QtBot, view: StatisticsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed(qtbot, view)
    target = tmp_path / "stats"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "stats.xlsx"
    qtbot.waitUntil(lambda: running_count() == 0 and written.exists(), timeout=10_000)
    workbook = load_workbook(written)
    sheet = workbook["Nach Rechtskreis"]
    values = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "<3" in values  # counts of 1 are suppressed by default
    assert values[-1] == "x"  # the sum 5 of five "<3" would make each 1: hidden, not "<3"


def test_selftest_summarises(view: StatisticsView) -> None:
    view.year_spin.setValue(2025)
    assert view.selftest() == "2025: 5 placements, 4 referrals"


def test_area_is_registered() -> None:
    assert "statistics" in {area.key for area in registry.areas()}


def test_drill_down_opens_with_enter(
    qtbot: QtBot, view: StatisticsView, world_db: tuple[Database, World]
) -> None:
    computed(qtbot, view)
    model = view.models["by_counsellor"]
    table = view.views["by_counsellor"]
    view.tabs.setCurrentWidget(table)
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.table.column_index("total")))
    view.last_drill = None
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.last_drill is not None, timeout=10_000)
    assert view.last_drill is not None and view.last_drill.model.rowCount() == 3
    view.last_drill.close()
