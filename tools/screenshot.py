"""Screenshot of the main window on a real display, for docs and for looking at the GUI.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/screenshot.py --db /tmp/demo2k.sqlite

Opens the database as the application does (migrating it if needed), shows the clients
area, types ``--search TEXT`` into the search field if given, selects a row, waits for the
person count and saves the window to docs/screenshots/main-window.png (or ``-o FILE``).
Settings go to a temporary folder, so saved window
geometry of the person running it plays no part.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL or SQLite file")
    parser.add_argument("--row", type=int, default=2, help="row to select (default 2)")
    parser.add_argument("--search", metavar="TEXT", help="search for TEXT in the client list")
    parser.add_argument("--size", default="1200x760", help="window size (default 1200x760)")
    parser.add_argument(
        "-o", "--output", type=Path, default=ROOT / "docs" / "screenshots" / "main-window.png"
    )
    args = parser.parse_args()
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mzdesk-shot-")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QCoreApplication, QThreadPool
    from PySide6.QtTest import QTest

    from mzdesk.ui.app import gui_session, open_database
    from mzdesk.ui.areas import AreaContext, registry
    from mzdesk.ui.main_window import MainWindow
    from mzdesk.ui.settings import Settings
    from mzdesk.ui.views.clients import ClientsView

    width, height = (int(part) for part in args.size.split("x"))
    with gui_session() as run:
        database = open_database(args.db)
        try:
            context = AreaContext(database.session, Settings(), run.translations.language)
            window = MainWindow(database, context, registry.areas())
            window.window.resize(width, height)
            window.window.move(20, 20)
            window.show()
            view = window.open_area("clients")
            assert isinstance(view, ClientsView)
            for _ in range(100):
                if hasattr(window, "person_count"):
                    break
                QTest.qWait(50)
            if args.search:
                view.focus_search()
                view.search_edit.setText(args.search)
                QTest.qWait(400)  # the search runs after the typing pause
            view.table.selectRow(args.row)
            view.table.setFocus()
            QTest.qWait(300)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            if not window.window.grab().save(str(args.output)):
                print(f"could not write {args.output}", file=sys.stderr)
                return 1
            print(f"saved {args.output}")
            window.window.close()
            QThreadPool.globalInstance().waitForDone(5000)
            QCoreApplication.processEvents()
        finally:
            database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
