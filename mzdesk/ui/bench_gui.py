"""The GUI figures of ``mzdesk bench``, each run in a fresh process so that every start is cold.

    python -m mzdesk.ui.bench_gui startup --db URL    the main window on that database
    python mzdesk/ui/bench_gui.py bare                 a bare PySide6 window (the baseline)

The child prints one line of JSON: ``painted_at`` (``time.time()`` at the window's first
paint; the parent subtracts the moment it started the process), and the memory after the
window is shown and its first page loaded (``rss_kb``, ``hwm_kb`` = peak RSS). ``bare`` is
started as a script, not with ``-m``, so that it imports nothing but PySide6: the floor.
Run offscreen (``QT_QPA_PLATFORM=offscreen``) with settings in a temporary
``XDG_CONFIG_HOME``; ``mzdesk.core.bench.gui`` does that.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

FIRST_PAINT_TIMEOUT_MS = 60_000


def _memory() -> dict[str, int]:
    """Resident and peak resident set size in KiB (Linux: /proc; elsewhere: getrusage)."""
    values: dict[str, int] = {}
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                name, _, rest = line.partition(":")
                if name in ("VmRSS", "VmHWM"):
                    values["rss_kb" if name == "VmRSS" else "hwm_kb"] = int(rest.split()[0])
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak //= 1024 if sys.platform == "darwin" else 1  # bytes on macOS, KiB on Linux
        values = {"rss_kb": peak, "hwm_kb": peak}
    return values


def _when_first_painted(widget: Any, done: Any) -> Any:
    """Call ``done(time.time())`` once, at the first Paint event ``widget`` receives."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__(widget)
            self.painted_at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.painted_at is None and event.type() == QEvent.Type.Paint:
                self.painted_at = time.time()
                done(self.painted_at)
            return False

    watcher = FirstPaint()
    widget.installEventFilter(watcher)
    return watcher


def _wait_for_paint(app: Any, window: Any) -> float:
    from PySide6.QtCore import QTimer

    painted: list[float] = []

    def finished(at: float) -> None:
        painted.append(at)
        QTimer.singleShot(0, app.quit)  # let the paint finish, then leave the loop

    watcher = _when_first_painted(window, finished)
    QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, app.quit)
    window.show()
    app.exec()
    window.removeEventFilter(watcher)
    if not painted:
        raise RuntimeError("the window was never painted")
    return painted[0]


def bare() -> dict[str, Any]:
    """The floor: a QApplication and an empty QMainWindow, shown."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 760)
    painted_at = _wait_for_paint(app, window)
    return {"painted_at": painted_at, **_memory()}


def startup(db_url: str) -> dict[str, Any]:
    """What ``mzdesk`` does on start (``run_gui``), up to the main window's first paint.

    As in ``run_gui``, the frame is painted first and the database is opened and the first
    page loaded from the event loop; ``page_at`` is ``time.time()`` when that page is there.
    """
    # mzdesk.ui.app first: it imports the core before PySide6, as ``mzdesk`` does.
    from mzdesk.ui.app import AfterFirstPaint, DeferredDatabase, gui_session, open_database

    # isort: split
    from PySide6.QtCore import QCoreApplication, QThreadPool

    from mzdesk.ui.areas import AreaContext, registry
    from mzdesk.ui.main_window import MainWindow
    from mzdesk.ui.settings import Settings

    with gui_session() as run:
        deferred = DeferredDatabase()
        try:
            context = AreaContext(deferred.session, Settings(), run.translations.language)
            main = MainWindow(None, context, registry.areas())
            main.window.resize(1200, 760)
            page_at: list[float] = []

            def open_and_attach() -> None:
                deferred.database = open_database(db_url)
                main.attach(deferred.database)
                page_at.append(time.time())

            AfterFirstPaint(main.window, open_and_attach)
            painted_at = _wait_for_paint(run.app, main.window)
            while not page_at:  # the paint came first: now the database and the first page
                QCoreApplication.processEvents()
            # The person count runs in the background: wait for it, then read the memory.
            QThreadPool.globalInstance().waitForDone(FIRST_PAINT_TIMEOUT_MS)
            QCoreApplication.processEvents()
            rows = sum(
                view.model.rowCount() for view in main.views.values() if hasattr(view, "model")
            )
            result = {"painted_at": painted_at, "page_at": page_at[0], "rows": rows, **_memory()}
            main.window.close()
            main.window.deleteLater()
            QCoreApplication.processEvents()
        finally:
            deferred.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_gui", description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["startup", "bare"])
    parser.add_argument("--db", help="database URL (startup)")
    args = parser.parse_args(argv)
    if args.mode == "startup":
        if not args.db:
            parser.error("startup needs --db")
        result = startup(args.db)
    else:
        result = bare()
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    # The result is printed: leave without interpreter finalization, where PySide6 6.12 can
    # crash tearing down Qt wrappers (a crash there would turn a measured run into a failure).
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
