"""The inactivity lock: after ``security.lock_minutes`` without a key or a mouse move the
screen locks and asks for the logged-in user's password again.

An application-wide event filter notices activity. Locking covers every open window with an
opaque panel (nothing of the content shows; nothing is closed, hidden or reset, so half-typed
fields and open dialogs are there afterwards) and opens an application-modal dialog for the
password. Unlocking removes the panels and gives the focus back to where it was. Wrong
passwords count towards the account's lockout like a login; the right one is audited as
``unlock``, not as a login (the user never logged out). Datei → "Jetzt sperren" locks at once
(:meth:`InactivityLock.lock` with ``manual=True``).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import accounts
from mzdesk.ui import theme

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
CHECK_MS = 1000  # how often the idle time is looked at (at most this late)


class LockDialog(QDialog):
    """Asks for the password of the logged-in user; accepted when it is right."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        user_id: uuid.UUID,
        display_name: str,
        parent: QWidget | None = None,
        *,
        manual: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self._sessions = session_factory
        self._user_id = user_id
        self.setWindowTitle(self.tr("mzdesk is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        reason = (
            self.tr("Locked. Enter the password of %1 to continue.")
            if manual
            else self.tr("Locked after inactivity. Enter the password of %1 to continue.")
        )
        text = QLabel(reason.replace("%1", display_name))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        layout.addWidget(self.password)
        self.error = QLabel()
        self.error.setObjectName("lockError")
        theme.style(self.error, theme.ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        unlock = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        unlock.setDefault(True)
        buttons.accepted.connect(self.submit)
        layout.addWidget(buttons)
        self.password.setFocus()

    def submit(self) -> None:
        try:
            with self._sessions() as session:
                try:
                    accounts.verify_password(session, self._user_id, self.password.text())
                finally:
                    session.commit()  # a failed attempt is counted and audited too
        except accounts.LoginFailed:
            # only the password was typed here: the login's "user name or password" misleads
            self._show_error(self.tr("The password is wrong."))
            self.password.selectAll()
            return
        except MzdeskError as error:  # locked after too many attempts, …
            self._show_error(error.german)
            self.password.selectAll()
            return
        self.password.clear()
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # the dialog grows with the line instead of cutting the text above

    def reject(self) -> None:
        """Escape does not unlock."""


class _Cover(QWidget):
    """An opaque panel over a window's whole content."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Dark))
        self.setPalette(palette)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class InactivityLock(QObject):
    """Installed on the application; locks after ``timeout_ms`` without activity."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        user_id: uuid.UUID,
        display_name: str,
        timeout_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = session_factory
        self._user_id = user_id
        self._display_name = display_name
        self.timeout_ms = timeout_ms
        self._last = time.monotonic()
        self.dialog: LockDialog | None = None
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(min(CHECK_MS, max(50, timeout_ms // 4)))
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.dialog is None:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if self.dialog is None and (time.monotonic() - self._last) * 1000 >= self.timeout_ms:
            self.lock()

    def lock(self, *, manual: bool = False) -> None:
        """Cover every window and ask for the password (``manual``: "Jetzt sperren")."""
        if self.dialog is not None:
            return
        log.info("screen locked %s", "by the user" if manual else "after inactivity")
        self._focus = QApplication.focusWidget()
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        self._covers = [_Cover(window) for window in windows]
        parent = next((w for w in windows if w.parentWidget() is None), None)
        self.dialog = LockDialog(
            self._sessions, self._user_id, self._display_name, parent, manual=manual
        )
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.show()
        self.dialog.activateWindow()
        self.dialog.password.setFocus()

    def _unlocked(self) -> None:
        log.info("screen unlocked")
        for cover in self._covers:
            cover.deleteLater()
        self._covers = []
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self._last = time.monotonic()
        focus, self._focus = self._focus, None
        if focus is not None:
            focus.activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
