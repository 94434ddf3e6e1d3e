"""The event loop keeps running while long work runs in the background (a timer keeps firing).

The work is the real thing on a demo database: computing and exporting a year's statistics.
(Backups and kit merges join this list where they run from the GUI.) Nothing here asserts a
duration or a number of ticks (a fast machine finishes between two, a loaded one may not
tick for a while): after each year the work waits until a timer of the GUI thread has fired
once more — it could not go on if the export ran on the GUI thread or blocked its event
loop. ``mzdesk bench`` reports the largest gap as the figure ``event_loop_gap``.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core.database import Database
from mzdesk.core.demo.generate import generate_demo
from mzdesk.core.exports.xlsx import write_xlsx
from mzdesk.core.stats.period import Period
from mzdesk.core.stats.report import compute_statistics
from mzdesk.ui.loop_watch import watch
from mzdesk.ui.operations import Progress


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('loop') / 'demo.sqlite'}"
    with Database(url, create=True) as database:
        generate_demo(database, 1500, seed=11)
    return url


def test_statistics_export_leaves_the_event_loop_running(
    qtbot: QtBot, demo_db: str, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "stats.xlsx"
    ticked = threading.Event()
    timer = QTimer(parent)
    timer.setInterval(5)
    timer.timeout.connect(ticked.set)  # runs on the GUI thread, in its event loop
    timer.start()

    def export(_progress: Progress) -> tuple[int, int]:
        seen = 0
        with Database(demo_db) as database, database.session() as session:
            for year in (2024, 2025, 2026):
                ticked.clear()
                write_xlsx(compute_statistics(session, Period.year(year)), target)
                # the event loop runs while the export is under way (a generous bound)
                if ticked.wait(60):
                    seen += 1
        return seen, target.stat().st_size

    report = watch(parent, export)
    timer.stop()
    assert report.error is None
    assert report.result == (3, target.stat().st_size)
    assert target.stat().st_size > 0
