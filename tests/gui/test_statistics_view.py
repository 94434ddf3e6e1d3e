"""The statistics area on the hand-built county of tests/integration/stats_world.py.

Expected numbers are the hand-worked ones from stats_world's docstring (2025: five
placements; by legal category SGB2 1, SGB3 1, SGB12 0, ASYLBLG 1, NONE 1, unknown 1).
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mzdesk.core.database import Database
from mzdesk.core.models import Case, Person, Placement, User
from mzdesk.core.models.enums import Role
from mzdesk.core.schema import upgrade
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.operations import running_count
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.statistics import StatisticsView, nice_axis

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
    # The program itself (no user) sees every record: the list is all of the figure.
    assert dialog.label.text() == "Liste: 3 von 3, alle Datensätze hinter der Zahl"
    shown = {
        (
            dialog.model.data(dialog.model.index(r, 0), Qt.ItemDataRole.DisplayRole),
            dialog.model.data(dialog.model.index(r, 2), Qt.ItemDataRole.DisplayRole),
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
            expected.add((person.file_number, f"{placement.starts_on:%d.%m.%Y}"))
    assert shown == expected
    dialog.close()
    # no cell: no dialog, no operation (the label column drills its row's first figure:
    # test_enter_on_a_rows_label_drills_its_first_figure)
    view.last_drill = None
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


def test_enter_on_a_rows_label_drills_its_first_figure(
    qtbot: QtBot, view: StatisticsView, world_db: tuple[Database, World]
) -> None:
    """Walk 2026-12-06: Enter on "in Arbeit" did nothing; only the number's cell opened."""
    computed(qtbot, view)
    model = view.models["by_counsellor"]
    table = view.views["by_counsellor"]
    view.tabs.setCurrentWidget(table)
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))  # the counsellor's name
    assert model.figure_key(model.index(0, 0)) is None
    view.last_drill = None
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.last_drill is not None, timeout=10_000)
    assert view.last_drill is not None and view.last_drill.model.rowCount() >= 1
    view.last_drill.close()
    assert view.compute_button.text() == "&Berechnen"  # Alt+B computes


# --- a team lead of Team Nord (counsellor walk, defect 7) -------------------------------------


@pytest.fixture
def lead_view(
    qtbot: QtBot, world_db: tuple[Database, World], settings: Settings
) -> tuple[StatisticsView, list[uuid.UUID]]:
    database, world = world_db
    with database.session() as session:
        lead = User(
            username="leitung",
            display_name="Lea Leiter",
            role=Role.TEAM_LEAD,
            team_id=world.ids["team_nord"],
        )
        session.add(lead)
        session.commit()
        lead_id = lead.id
    opened: list[uuid.UUID] = []
    context = AreaContext(
        session_factory=lambda: database.session(lead_id),
        settings=settings,
        user_id=lead_id,
        show_person=opened.append,
    )
    widget = StatisticsView(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget, opened


def enter_on(qtbot: QtBot, view: StatisticsView, table: str, label: str, column: str) -> None:
    model, grid = view.models[table], view.views[table]
    view.tabs.setCurrentWidget(grid)
    grid.setFocus()
    grid.setCurrentIndex(model.index(row_of(view, table, label), model.table.column_index(column)))
    view.last_drill = None
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.last_drill is not None and running_count() == 0)


def dialog_rows(view: StatisticsView) -> list[list[str]]:
    dialog = view.last_drill
    assert dialog is not None
    model = dialog.model
    return [
        [str(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)) for c in range(4)]
        for r in range(model.rowCount())
    ]


def test_a_leads_drill_down_says_it_is_her_team_and_matches_the_teams_figure(
    qtbot: QtBot,
    lead_view: tuple[StatisticsView, list[uuid.UUID]],
    world_db: tuple[Database, World],
) -> None:
    view, opened = lead_view
    database, world = world_db
    computed(qtbot, view)
    # The figure is the organisation's: 5 placements in 2025 (stats_world).
    assert cell(view, "overview", "Vermittlungen gesamt", "value") == "5"
    # Nach Team is on screen: Nord 3 (IK, SVB of C1; EQ of C3), Süd 2 (AUSB, SELF).
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())].count("Nach Team") == 1
    assert cell(view, "by_team", "Team Nord", "total") == "3"
    assert cell(view, "by_team", "Team Süd", "total") == "2"
    enter_on(qtbot, view, "overview", "Vermittlungen gesamt", "value")
    dialog = view.last_drill
    assert dialog is not None
    # The list is the team's only, and says so: 3 of 5, which is Team Nord's figure.
    assert dialog.label.text() == (
        "Liste: nur Team Nord — 3 von 5; die Zahl gilt für die ganze Organisation"
    )
    assert dialog.model.rowCount() == int(cell(view, "by_team", "Team Nord", "total"))
    rows = dialog_rows(view)
    assert rows == [
        ["T-0001", "Testperson1, Erika", "01.03.2025", "Integrationskurs"],
        [
            "T-0001",
            "Testperson1, Erika",
            "01.07.2025",
            "Sozialversicherungspflichtige Beschäftigung",
        ],
        ["T-0003", "Testperson3, Erika", "31.12.2025", "Einstiegsqualifizierung"],
    ]
    ids = {str(value) for value in world.ids.values()}
    assert not any(text in ids for row in rows for text in row)  # no record ids
    # Enter on a row opens that person's file.
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(2, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    with database.session() as session:
        placement = session.get(Placement, world.ids["eq"])
        assert placement is not None
        assert opened == [placement.person_id]
    dialog.close()
    # The team's own row lists all of the team's figure.
    enter_on(qtbot, view, "by_team", "Team Nord", "total")
    assert view.last_drill is not None
    assert view.last_drill.label.text() == (
        "Liste: nur Team Nord — 3 von 3; die Zahl gilt für die ganze Organisation"
    )
    assert view.last_drill.model.rowCount() == 3
    view.last_drill.close()
    # Süd's figure has no records the Nord lead may see — and the list says why it is empty.
    enter_on(qtbot, view, "by_team", "Team Süd", "total")
    assert view.last_drill is not None
    assert view.last_drill.model.rowCount() == 0
    assert view.last_drill.label.text().startswith("Liste: nur Team Nord — 0 von 2")
    view.last_drill.close()


def test_caseload_drill_down_lists_cases_with_names(
    qtbot: QtBot,
    lead_view: tuple[StatisticsView, list[uuid.UUID]],
    world_db: tuple[Database, World],
) -> None:
    view, opened = lead_view
    database, world = world_db
    computed(qtbot, view)
    # Fallbelastung: Beraterin Eins has C1 and C3 open at the end of 2025.
    assert cell(view, "caseload", "Beraterin Eins", "open_at_end") == "2"
    enter_on(qtbot, view, "caseload", "Beraterin Eins", "open_at_end")
    assert dialog_rows(view) == [
        ["T-0001", "Testperson1, Erika", "01.03.2024", "Fall offen"],
        ["T-0003", "Testperson3, Erika", "01.11.2024", "Fall offen"],
    ]
    dialog = view.last_drill
    assert dialog is not None
    assert dialog.label.text().startswith("Liste: nur Team Nord — 2 von 2")
    # A double click on a row opens the person too (Qt 6 reports it after a click).
    rect = dialog.table.visualRect(dialog.model.index(1, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with database.session() as session:
        case = session.get(Case, world.ids["c3"])
        assert case is not None
        assert opened == [case.person_id]
    dialog.close()


def _shown(view: StatisticsView, key: str) -> list[list[str]]:
    model = view.models[key]
    return [
        [
            str(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole))
            for c in range(model.columnCount())
        ]
        for r in range(model.rowCount())
    ]


def _as_window_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)


@pytest.mark.parametrize("suppressed", [False, True])
def test_team_and_caseload_tabs_show_the_exports_numbers(
    qtbot: QtBot,
    lead_view: tuple[StatisticsView, list[uuid.UUID]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suppressed: bool,
) -> None:
    view, _opened = lead_view
    computed(qtbot, view)
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Nach Team" in tabs and "Fallbelastung" in tabs
    if view.suppress_check.isChecked() != suppressed:
        view.suppress_check.setFocus()
        qtbot.keyClick(view.suppress_check, Qt.Key.Key_Space)
    assert view.suppress_check.isChecked() == suppressed
    target = tmp_path / "statistik.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: running_count() == 0 and target.exists())
    book = load_workbook(target)
    for key, sheet in (("by_team", "Nach Team"), ("caseload", "Fallbelastung")):
        exported = [
            [_as_window_text(v) for v in row]
            for row in book[sheet].iter_rows(min_row=2, values_only=True)
        ]
        shown = _shown(view, key)
        assert len(exported) == len(shown) > 1
        for window_row, export_row in zip(shown, exported, strict=True):
            for on_screen, in_file in zip(window_row, export_row, strict=True):
                if in_file in ("<3", "x"):
                    assert suppressed
                    value = int(on_screen.replace(".", ""))
                    # "<3" only ever for 1 or 2; "x" hides a count to protect one
                    assert (0 < value < 3) if in_file == "<3" else value >= 0
                else:
                    assert on_screen == in_file, (sheet, window_row, export_row)


def test_chart_axis_has_round_ticks() -> None:
    # The walk saw 47/94/142/189 (a top of 236 split in five): now round steps.
    assert nice_axis(236 * 1.0) == (50, 250)
    assert nice_axis(5.5) == (2, 6)
    assert nice_axis(1.1) == (1, 2)
    assert nice_axis(1234) == (500, 1500)


def test_chart_ticks_on_screen(qtbot: QtBot, view: StatisticsView) -> None:
    computed(qtbot, view)
    axis = next(
        a for a in view.chart_view.chart().axes() if a.orientation() == Qt.Orientation.Vertical
    )
    assert (axis.min(), axis.max(), axis.tickInterval()) == (0, 2, 1)  # max 1 per category
