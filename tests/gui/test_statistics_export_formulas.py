"""The statistics area's exports (F8): names that look like formulas leave as text.

The same county as test_statistics_view, with the job fair, a counsellor and a team named
like formulas; the XLSX and CSV written through the window's buttons.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mzdesk.core.database import Database
from mzdesk.core.schema import upgrade
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.operations import running_count
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.statistics import StatisticsView

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from formula_world import FORMULAS, assert_csv_safe, assert_xlsx_safe, name_it

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'stats.sqlite'}", create=True)
    upgrade(database)
    name_it(database, FORMULAS[0])
    yield database
    database.close()


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_window_exports_names_as_text(
    qtbot: QtBot,
    database: Database,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    view = StatisticsView(AreaContext(session_factory=database.session, settings=settings))
    qtbot.addWidget(view)
    view.show()
    view.year_spin.setValue(2025)
    view.part_combo.setCurrentIndex(0)
    view.suppress_check.setChecked(False)
    qtbot.mouseClick(view.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.report is not None and running_count() == 0, timeout=10_000)
    target = tmp_path / f"stats.{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    button = view.xlsx_button if kind == "xlsx" else view.csv_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: running_count() == 0 and target.exists(), timeout=10_000)
    check = assert_xlsx_safe if kind == "xlsx" else assert_csv_safe
    check(target, FORMULAS[0])
