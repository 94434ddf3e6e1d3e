"""Screenshot of the main window on a real display, for docs and for looking at the GUI.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tools/screenshot.py --db /tmp/demo2k.sqlite --user leitung1

Opens the database as the application does (migrating it if needed), acts for ``--user``
(an account name: sessions are opened for them and the areas their role may not use are
hidden, as after a login; without it the program itself, which sees everything), shows
``--area`` (default the clients area), types ``--search TEXT`` into the search field if
given, selects a row (``--select FILE_NUMBER`` or ``--row N``), waits for the person count
and saves the window to docs/screenshots/main-window.png (or ``-o FILE``). ``--language``
chooses the UI language (default German), ``--dark`` the dark colour scheme (default output
then docs/screenshots/main-window-dark.png). Settings go to a temporary folder, so saved
window geometry of the person running it plays no part.

Scripts that drive more (dialogs, other areas) use :func:`main_window` and :func:`save`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "docs" / "screenshots" / "main-window.png"
DARK_OUTPUT = ROOT / "docs" / "screenshots" / "main-window-dark.png"


@dataclass
class Shot:
    """What a screenshot script works with: the window, its database and context."""

    window: Any  # mzdesk.ui.main_window.MainWindow
    database: Any  # mzdesk.core.database.Database
    app: Any  # QApplication
    user_id: Any  # uuid.UUID | None


def wait_until(condition: Callable[[], object], timeout_ms: int = 10_000) -> bool:
    """Let the event loop run until ``condition()`` is true (False after ``timeout_ms``)."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(50)
    return True


@contextmanager
def main_window(
    db: str,
    *,
    user: str | None = None,
    language: str = "de",
    size: tuple[int, int] = (1280, 800),
    dark: bool = False,
) -> Iterator[Shot]:
    """The main window on ``db`` as ``user`` would see it after logging in, in ``language``."""
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="mzdesk-shot-")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QCoreApplication, QThreadPool
    from sqlalchemy import select

    from mzdesk.core.models import User
    from mzdesk.ui.app import gui_session, hide_areas, open_database
    from mzdesk.ui.areas import AreaContext, registry
    from mzdesk.ui.main_window import MainWindow
    from mzdesk.ui.settings import COLOR_SCHEME, LANGUAGE, Settings

    preference = Settings()
    preference.set(LANGUAGE, language)  # read by the translations gui_session installs
    preference.set(COLOR_SCHEME, "dark" if dark else "light")  # applied by gui_session
    preference.sync()
    with gui_session() as run:
        database = open_database(db)
        try:
            user_id = role = None
            if user is not None:
                with database.session(None) as session:
                    account = session.scalars(select(User).where(User.username == user)).one()
                    user_id, role = account.id, account.role
            context = AreaContext(
                lambda: database.session(user_id),
                Settings(),
                run.translations.language,
                user_id=user_id,
            )
            window = MainWindow(database, context, registry.areas())
            if role is not None:
                hide_areas(window, role)
            window.window.resize(*size)
            window.window.move(0, 0)
            window.show()
            wait_until(lambda: any(ch.isdigit() for ch in window.count_label.text()))
            yield Shot(window, database, run.app, user_id)
            window.window.close()
            QThreadPool.globalInstance().waitForDone(10_000)
            QCoreApplication.processEvents()
        finally:
            database.close()


def save(widget: Any, path: Path, *, screen: bool = False) -> None:
    """Save ``widget`` (or, with ``screen``, the whole screen: dialogs over the window)."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    QTest.qWait(300)
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QGuiApplication.primaryScreen().grabWindow(0) if screen else widget.grab()
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"saved {path}")


def select_file_number(view: Any, file_number: str) -> bool:
    """Select the loaded row of the clients list with ``file_number``."""
    from mzdesk.ui.models.person_table import Column

    model = view.model
    for row in range(model.rowCount()):
        if model.index(row, Column.FILE_NUMBER).data() == file_number:
            view.table.selectRow(row)
            view.table.scrollTo(model.index(row, 0))
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL or SQLite file")
    parser.add_argument("--user", help="act for this account (as after its login)")
    parser.add_argument("--language", choices=("de", "en"), default="de", help="UI language")
    parser.add_argument("--area", default="clients", help="area to show (default clients)")
    parser.add_argument("--row", type=int, default=2, help="row to select (default 2)")
    parser.add_argument("--select", metavar="FILE_NUMBER", help="select this person's row")
    parser.add_argument("--search", metavar="TEXT", help="search for TEXT in the client list")
    parser.add_argument("--size", default="1280x800", help="window size (default 1280x800)")
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    output = args.output or (DARK_OUTPUT if args.dark else DEFAULT_OUTPUT)
    with main_window(
        args.db, user=args.user, language=args.language, size=(width, height), dark=args.dark
    ) as shot:
        view = shot.window.open_area(args.area)
        if args.area == "clients":
            if args.search:
                view.focus_search()
                view.search_edit.setText(args.search)
                view.apply_search()
                wait_until(lambda: bool(view.match_label.text()), 5000)
            if args.select:
                if not select_file_number(view, args.select):
                    print(f"{args.select} is not in the list", file=sys.stderr)
                    return 1
            else:
                view.table.selectRow(args.row)
            view.table.setFocus()
        # let an area's background reads (follow-ups, statistics …) finish and show
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)
        wait_until(lambda: False, 300)
        save(shot.window.window, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
