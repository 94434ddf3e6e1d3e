"""``mzdesk`` paints the main window's frame first, then opens the database and the first page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from mzdesk.ui import app
from mzdesk.ui.main_window import MainWindow

from .helpers import PersonsDb
from .login_helpers import answer_login, close_and_quit

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class FirstPaintOfMainWindow(QObject):
    """Records the main window's state at its first Paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.at_first_paint: tuple[bool, list[str]] | None = None
        self.controller: MainWindow | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.at_first_paint is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QMainWindow)
        ):
            controller = watched.findChild(MainWindow)
            if controller is not None:
                self.controller = controller
                self.at_first_paint = (controller.database is None, list(controller.views))
        return False


def test_run_gui_paints_the_frame_before_it_opens_the_database(small_db: PersonsDb) -> None:
    qapp = QApplication.instance()
    assert qapp is not None
    watcher = FirstPaintOfMainWindow()
    qapp.installEventFilter(watcher)
    after: list[tuple[bool, list[str], str]] = []

    waited: list[int] = []

    def look_and_close() -> None:
        """Once the clients' view is there (or after 15 s): look, then close the window."""
        controller = watcher.controller
        ready = controller is not None and "clients" in controller.views
        if not ready and len(waited) < 300:
            waited.append(1)
            QTimer.singleShot(50, look_and_close)
            return
        if controller is not None:
            after.append(
                (
                    controller.database is not None,
                    list(controller.views),
                    controller.database_label.text(),
                )
            )
            close_and_quit(controller.window)

    answer_login()  # the first admin of this database, then the data
    QTimer.singleShot(500, look_and_close)
    try:
        assert app.run_gui(small_db.url) == 0
    finally:
        qapp.removeEventFilter(watcher)
    # First paint: the frame only, no database, no area view yet.
    assert watcher.at_first_paint == (True, [])
    # Then the database was attached and the clients' first page loaded.
    assert len(after) == 1
    attached, views, label = after[0]
    assert attached
    assert "clients" in views
    assert str(small_db.path) in label
