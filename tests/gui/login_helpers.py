"""For tests that start ``run_gui``: answer the login dialog like a person would.

On a database nobody can log in to yet (setup mode) the dialog asks for the first admin:
it is created with ``username``/``password``; otherwise they are used to log in.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from mzdesk.ui.dialogs.login import LoginDialog

TEST_USER, TEST_PASSWORD = "testadmin", "test-passwort"


def answer_login(username: str = TEST_USER, password: str = TEST_PASSWORD) -> None:
    def step() -> None:
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, LoginDialog) and w.isVisible()  # not an earlier test's one
            ),
            None,
        )
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, step)
            return
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.repeat.setText(password)
        dialog.ok_button.click()

    QTimer.singleShot(20, step)


def close_and_quit(window: QWidget) -> None:
    """Close ``window`` like the user does, then end ``app.exec()`` once it is gone.

    Another test may have left a window open; then closing this one would not end the event
    loop (Qt quits when the *last* window closes) and ``run_gui`` would never return.
    """
    window.close()

    def quit_when_closed() -> None:
        if window.isVisible():
            QTimer.singleShot(50, quit_when_closed)  # e.g. the backup on close is running
        else:
            QApplication.quit()

    QTimer.singleShot(50, quit_when_closed)
