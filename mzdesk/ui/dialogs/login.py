"""The login dialog, and on a database nobody can log in to yet: the first administrator.

It shows the German reason of a failed login (wrong name or password, account locked until
…) and keeps what was typed: the name stays, the password is selected for retyping. The
check itself (argon2, a few tens of milliseconds) runs in the core's accounts service with a
session of the program (no user yet); failed attempts are counted and audited there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import accounts
from mzdesk.ui import session_scope, theme

log = logging.getLogger(__name__)

MIN_WIDTH = 380  # px: the intro and error texts wrap into a few full lines


class LoginDialog(QDialog):
    """Log in (or create the first admin); ``account`` holds who logged in after ``accept``."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        parent: QWidget | None = None,
        *,
        first_admin: bool = False,
        username: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._sessions = session_factory
        self.first_admin = first_admin
        self.account: accounts.Account | None = None
        self.setWindowTitle(
            self.tr("Create the first administrator account") if first_admin else self.tr("Log in")
        )
        self.setModal(True)
        self.setMinimumWidth(MIN_WIDTH)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Nobody can log in to this database yet. Create the administrator account: "
                "it manages accounts and settings, but does not read case files."
            )
            if first_admin
            else self.tr("Please log in with your user name and password.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        form.addRow(*self._label(self.tr("&User name:"), self.username))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        if first_admin:
            form.addRow(*self._label(self.tr("&Full name:"), self.display_name))
        form.addRow(*self._label(self.tr("&Password:"), self.password))
        if first_admin:
            form.addRow(*self._label(self.tr("&Repeat password:"), self.repeat))
        layout.addLayout(form)

        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        theme.style(self.error, theme.ERROR_STYLE)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Create account") if first_admin else self.tr("Log in"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _label(self, text: str, buddy: QLineEdit) -> tuple[QLabel, QLineEdit]:
        label = QLabel(text)
        label.setBuddy(buddy)
        buddy.setAccessibleName(text.replace("&", "").rstrip(":"))
        return label, buddy

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:
        name = self.username.text().strip()
        password = self.password.text()
        if not name:
            self.show_error(self.tr("Please enter your user name."))
            self.username.setFocus()
            return
        if self.first_admin and password != self.repeat.text():
            self.show_error(self.tr("The two passwords differ."))
            self.repeat.selectAll()
            self.repeat.setFocus()
            return
        try:
            if self.first_admin:
                session_scope.write(
                    self._sessions,
                    lambda session: accounts.create_first_admin(
                        session, name, password, self.display_name.text()
                    ),
                )
            # accounts.login commits itself, the count of a failed attempt too
            with self._sessions() as session:
                self.account = accounts.login(session, name, password)
        except MzdeskError as error:
            log.info("login refused: %s", type(error).__name__)
            self.show_error(error.german)
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()
