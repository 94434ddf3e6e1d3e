"""Child process of the ``event_loop_gap`` figure: the largest event-loop gap during real work.

    python -m mzdesk.ui.bench_loop --db URL

Runs, each through ``BackgroundOp`` while a 5 ms timer watches the GUI thread
(``mzdesk.ui.loop_watch``): a kit merge (600 attendees and 600 employer contacts, rolled back),
a statistics export (the latest full year to XLSX), a backup (SQLite online backup to a
temporary file), and — the floor — a background thread that only sleeps. Prints one JSON line:
``{"merge": ms, "export": ms, "backup": ms, "idle": ms}``. Offscreen; settings in a temporary
``XDG_CONFIG_HOME`` (``mzdesk.core.bench.gui`` sets up the environment).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from mzdesk.core.database import Database


def _ops(database: Database, folder: Path) -> dict[str, object]:
    from mzdesk.core import backup
    from mzdesk.core.bench.kit import PASSPHRASE, build_return
    from mzdesk.core.exports.xlsx import write_xlsx
    from mzdesk.core.kits import merge_kit
    from mzdesk.core.stats.period import Period
    from mzdesk.core.stats.report import compute_statistics
    from mzdesk.ui.operations import Progress

    kit = build_return(database, folder)  # made before the watch: only the merge is measured

    def merge(_progress: Progress) -> int:
        with database.session() as session:
            report = merge_kit(session, kit, PASSPHRASE)
            session.flush()
            session.rollback()
        return int(report.inserted)

    def export(_progress: Progress) -> int:
        target = folder / "stats.xlsx"
        with database.session() as session:
            year = time.localtime().tm_year - 1
            write_xlsx(compute_statistics(session, Period.year(year)), target)
        return target.stat().st_size

    def back_up(_progress: Progress) -> int:
        result = backup.create_backup(database, folder / "backup.sqlite")
        return int(result.size)

    def idle(_progress: Progress) -> int:
        time.sleep(0.5)
        return 0

    return {"merge": merge, "export": export, "backup": back_up, "idle": idle}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_loop")
    parser.add_argument("--db", required=True)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication, QWidget

    from mzdesk.ui.app import freeze_startup_objects
    from mzdesk.ui.loop_watch import watch

    app = QApplication.instance() or QApplication(sys.argv[:1])
    parent = QWidget()
    gaps: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="mzdesk-loop-") as raw, Database(args.db) as database:
        ops = _ops(database, Path(raw))
        freeze_startup_objects()  # as run_gui does once the main window is up
        for name, op in ops.items():
            report = watch(parent, op)  # type: ignore[arg-type]
            if report.error is not None:
                print(
                    f"{name} failed: {type(report.error).__name__}: {report.error}", file=sys.stderr
                )
                return 1
            gaps[name] = round(report.max_gap_ms, 2)
    del app
    print(json.dumps(gaps))
    return 0


if __name__ == "__main__":
    # The result is printed: leave without interpreter finalization, where PySide6 6.12 can
    # crash tearing down Qt wrappers (a crash there would turn a measured run into a failure).
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
