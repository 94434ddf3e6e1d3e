"""How long the GUI thread's event loop was blocked while something ran in the background.

A ``LoopWatch`` fires a short timer and records the largest interval between two ticks: when
the event loop is free, ticks come every ``interval_ms``; any longer gap is time the GUI could
not paint or react. ``watch(op)`` runs ``op`` through the one background helper
(``BackgroundOp``) and reports the largest gap while it ran — the figure ``event_loop_gap`` of
``mzdesk bench`` and the check of tests/gui/test_event_loop_during_work.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from mzdesk.ui.operations import BackgroundOp, Progress

TICK_MS = 5


@dataclass(frozen=True)
class LoopReport:
    max_gap_ms: float  # the longest time the event loop did not get to the timer
    ticks: int  # how often the timer fired while the operation ran
    elapsed_ms: float  # how long the operation took
    result: Any = None
    error: BaseException | None = None


class LoopWatch(QObject):
    def __init__(self, interval_ms: int = TICK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.max_gap_ms = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.max_gap_ms, self.ticks = 0.0, 0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._tick()
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap_ms = max(self.max_gap_ms, (now - self._last) * 1000.0)
        self._last = now
        self.ticks += 1


def watch(parent: QWidget, op: Callable[[Progress], Any], timeout_ms: int = 600_000) -> LoopReport:
    """Run ``op`` in the background and wait (in an event loop) until it has finished."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    watcher = LoopWatch(parent=parent)
    started = time.perf_counter()
    watcher.start()
    BackgroundOp(parent=parent, op=op, success=done).failure(failed).run_in_background()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    watcher.stop()
    return LoopReport(
        max_gap_ms=watcher.max_gap_ms,
        ticks=watcher.ticks,
        elapsed_ms=(time.perf_counter() - started) * 1000.0,
        result=outcome.get("result"),
        error=outcome.get("error"),
    )
