"""The dialogs of the user administration: a new or changed account, a new password, a team.

Each dialog only collects and checks what was typed; the users view saves it through the core
(``core.services.accounts``), which decides who may. A refusal or an invalid entry comes back
as one German line under the fields, and the typing stays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.models.enums import Role


def role_labels() -> dict[Role, str]:
    """The roles in words (the same words as the Protokoll's)."""
    translate = QCoreApplication.translate
    return {
        Role.COUNSELLOR: translate("AccountDialog", "Counsellor"),
        Role.TEAM_LEAD: translate("AccountDialog", "Team lead"),
        Role.ADMIN: translate("AccountDialog", "Administrator"),
    }


class _FormDialog(QDialog):
    """A form with OK/Cancel and a line for the reason a save was refused. OK runs ``save``
    (set by the caller): it returns None when saved — the dialog closes — or the German
    reason, shown under the fields while the dialog stays open with the typing."""

    save: Callable[[_FormDialog], str | None] = staticmethod(lambda _dialog: None)

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)  # the title is never cut
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("accountError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def field(self, text: str, widget: QWidget, name: str) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        label = QLabel(text)
        label.setBuddy(widget)
        self.form.addRow(label, widget)

    def show_error(self, german: str) -> None:
        self.error.setText(german)

    def problem(self) -> str:
        """Why the typing cannot be saved yet ("" when it can)."""
        return ""

    def _accept_if_valid(self) -> None:
        problem = self.problem() or self.save(self)
        if problem:
            self.show_error(problem)
            return
        self.accept()


def _password_field() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AccountDialog(_FormDialog):
    """A new account (user name, name, role, team, password twice) or a changed one (name,
    role, team — the user name stays; the password has its own dialog)."""

    def __init__(
        self,
        teams: list[str],
        parent: QWidget | None = None,
        *,
        username: str = "",
        display_name: str = "",
        role: Role = Role.COUNSELLOR,
        team: str | None = None,
    ) -> None:
        self.new = not username
        super().__init__(self.tr("New account") if self.new else self.tr("Change account"), parent)
        self.username = QLineEdit(username)
        self.username.setReadOnly(not self.new)
        self.username.setPlaceholderText(self.tr("e.g. berater3 (a–z, 0–9, . _ -)"))
        self.field(self.tr("&User name:"), self.username, "accountUsername")
        self.display_name = QLineEdit(display_name)
        self.display_name.setPlaceholderText(self.tr("First name Last name"))
        self.field(self.tr("&Name:"), self.display_name, "accountDisplayName")
        self.role = QComboBox()
        for value, text in role_labels().items():
            self.role.addItem(text, value.value)
        self.role.setCurrentIndex(self.role.findData(role.value))
        self.field(self.tr("&Role:"), self.role, "accountRole")
        self.team = QComboBox()
        self.team.addItem(self.tr("(no team)"), "")
        for name in teams:
            self.team.addItem(name, name)
        self.team.setCurrentIndex(max(0, self.team.findData(team or "")))
        self.field(self.tr("&Team:"), self.team, "accountTeam")
        self.password = _password_field()
        self.repeat = _password_field()
        if self.new:
            self.field(self.tr("&Password:"), self.password, "accountPassword")
            self.field(self.tr("Password &again:"), self.repeat, "accountRepeat")
        (self.username if self.new else self.display_name).setFocus()

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def chosen_team(self) -> str | None:
        return str(self.team.currentData()) or None

    def problem(self) -> str:
        if self.new and not self.username.text().strip():
            return self.tr("Please enter a user name.")
        if self.chosen_role() is not Role.ADMIN and self.chosen_team() is None:
            return self.tr("Counsellors and team leads need a team.")
        if self.new and self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        return ""


class PasswordDialog(_FormDialog):
    """A new password for someone else's account, typed twice (it also lifts a lockout)."""

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Set password for %1").replace("%1", username), parent)
        self.password = _password_field()
        self.repeat = _password_field()
        self.field(self.tr("New &password:"), self.password, "newPassword")
        self.field(self.tr("Password &again:"), self.repeat, "newPasswordRepeat")
        self.password.setFocus()

    def problem(self) -> str:
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        return ""


class TeamDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New team"), parent)
        self.name = QLineEdit()
        self.field(self.tr("&Name of the team:"), self.name, "teamName")
        self.name.setFocus()

    def problem(self) -> str:
        return "" if self.name.text().strip() else self.tr("Please enter the team's name.")
