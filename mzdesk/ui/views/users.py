"""The user administration (admins): accounts and teams, in the window instead of the CLI.

A list of every account (user name, name, role, team, state) and the actions: new account
(Ctrl+N), change name/role/team (F2 or Enter), set a password (also lifts a lockout),
disable and enable again (never delete: the account's history stays in the Protokoll), new
team. The core decides who may (``Action.MANAGE_ACCOUNTS``: admins) and audits each change;
the area is shown to admins only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import accounts
from mzdesk.core.services.accounts import Account
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView
from mzdesk.ui.dialogs.account import AccountDialog, PasswordDialog, TeamDialog, role_labels

log = logging.getLogger(__name__)

ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1


class UsersView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersView")
        self.context = context
        self.dialog: AccountDialog | PasswordDialog | TeamDialog | None = None
        layout = QVBoxLayout(self)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Team"),
                self.tr("State"),
            ]
        )
        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("User accounts"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.edit_account())
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("usersStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.actions: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        specs: list[tuple[str, str, str | None, Callable[[], object]]] = [
            ("new", self.tr("&New account…"), "Ctrl+N", self.new_account),
            ("edit", self.tr("&Change…"), "F2", self.edit_account),
            ("password", self.tr("Set &password…"), "Ctrl+Shift+P", self.set_password),
            ("disable", self.tr("&Disable"), "Ctrl+Shift+D", self.disable_account),
            ("enable", self.tr("&Enable"), "Ctrl+Shift+E", self.enable_account),
            ("team", self.tr("New &team…"), "Ctrl+Shift+T", self.new_team),
        ]
        for key, text, shortcut, slot in specs:
            action = QAction(text.replace("&", ""), self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
            self.actions[key] = action
            button = QPushButton(text)
            button.setObjectName(f"users_{key}")
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    # --- the list -----------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        shown = self.context.read(accounts.list_users, refused=self.status.setText)
        self.model.removeRows(0, self.model.rowCount())
        labels = role_labels()
        for account in shown or []:
            cells = [
                account.username,
                account.display_name,
                labels[account.role],
                account.team or "–",
                self._state(account),
            ]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(account, ACCOUNT_ROLE)
            if not account.active:
                for item in items:
                    item.setForeground(Qt.GlobalColor.gray)
            self.model.appendRow(items)
        row = next(
            (r for r in range(self.model.rowCount()) if self._account_at(r).username == select),
            0 if self.model.rowCount() else -1,
        )
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._update_buttons()

    def _state(self, account: Account) -> str:
        if not account.active:
            return self.tr("disabled")
        if account.locked_until is not None:
            from mzdesk.core.models.base import utcnow

            if account.locked_until > utcnow():
                local = account.locked_until.astimezone().strftime("%d.%m.%Y %H:%M")
                return self.tr("locked until %1").replace("%1", local)
        return self.tr("active")

    def _account_at(self, row: int) -> Account:
        account = self.model.item(row, 0).data(ACCOUNT_ROLE)
        assert isinstance(account, Account)
        return account

    def current(self) -> Account | None:
        index = self.table.currentIndex()
        return self._account_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        account = self.current()
        enabled = {
            "edit": account is not None,
            "password": account is not None,
            "disable": account is not None and account.active,
            "enable": account is not None and not account.active,
        }
        for key, on in enabled.items():
            self.buttons[key].setEnabled(on)
            self.actions[key].setEnabled(on)

    def _teams(self) -> list[str]:
        teams = self.context.read(
            lambda session: [team.name for team in accounts.list_teams(session) if team.active]
        )
        return teams

    # --- actions ------------------------------------------------------------------------------

    def _write(self, work: Callable[..., object]) -> str | None:
        """Save in a session of its own; the German reason when it is refused or invalid."""
        refusal: list[str] = []
        try:
            self.context.write(work, refused=refusal.append)
        except MzdeskError as error:
            log.info("user administration: %s", type(error).__name__)
            return error.german
        return refusal[0] if refusal else None

    def _open(self, dialog: AccountDialog | PasswordDialog | TeamDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def new_account(self) -> None:
        dialog = AccountDialog(self._teams(), self)

        def save(_dialog: object) -> str | None:
            name = dialog.username.text()
            problem = self._write(
                lambda session: accounts.create_user(
                    session,
                    name,
                    dialog.password.text(),
                    display_name=dialog.display_name.text(),
                    role=dialog.chosen_role(),
                    team=dialog.chosen_team(),
                )
            )
            if problem is None:
                self.refresh(select=name.strip().lower())
                self.status.setText(self.tr("Account %1 created.").replace("%1", name.strip()))
            return problem

        dialog.save = save
        self._open(dialog)

    def edit_account(self) -> None:
        account = self.current()
        if account is None:
            return
        dialog = AccountDialog(
            self._teams(),
            self,
            username=account.username,
            display_name=account.display_name,
            role=account.role,
            team=account.team,
        )

        def save(_dialog: object) -> str | None:
            problem = self._write(
                lambda session: accounts.update_user(
                    session,
                    account.username,
                    display_name=dialog.display_name.text(),
                    role=dialog.chosen_role(),
                    team=dialog.chosen_team(),
                )
            )
            if problem is None:
                self.refresh(select=account.username)
                self.status.setText(self.tr("Account %1 changed.").replace("%1", account.username))
            return problem

        dialog.save = save
        self._open(dialog)

    def set_password(self) -> None:
        account = self.current()
        if account is None:
            return
        dialog = PasswordDialog(account.username, self)

        def save(_dialog: object) -> str | None:
            problem = self._write(
                lambda session: accounts.set_password(
                    session, account.username, dialog.password.text()
                )
            )
            if problem is None:
                self.refresh(select=account.username)
                self.status.setText(
                    self.tr("New password set for %1.").replace("%1", account.username)
                )
            return problem

        dialog.save = save
        self._open(dialog)

    def disable_account(self) -> None:
        account = self.current()
        if account is None or not account.active:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Disable account?"),
            self.tr(
                "%1 can no longer log in. The account's history stays; it can be enabled again."
            ).replace("%1", account.display_name or account.username),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._change(lambda s: accounts.disable_user(s, account.username), account, "disabled")

    def enable_account(self) -> None:
        account = self.current()
        if account is None or account.active:
            return
        self._change(lambda s: accounts.enable_user(s, account.username), account, "enabled")

    def _change(self, work: Callable[..., object], account: Account, done: str) -> None:
        problem = self._write(work)
        if problem is not None:
            self.status.setText(problem)
            return
        self.refresh(select=account.username)
        texts = {
            "disabled": self.tr("Account %1 disabled."),
            "enabled": self.tr("Account %1 enabled."),
        }
        self.status.setText(texts[done].replace("%1", account.username))

    def new_team(self) -> None:
        dialog = TeamDialog(self)

        def save(_dialog: object) -> str | None:
            name = dialog.name.text()
            problem = self._write(lambda session: accounts.create_team(session, name))
            if problem is None:
                self.status.setText(self.tr("Team %1 created.").replace("%1", name.strip()))
            return problem

        dialog.save = save
        self._open(dialog)

    def menu_actions(self) -> list[QAction]:
        return list(self.actions.values())

    def selftest(self) -> str:
        return f"{self.model.rowCount()} accounts"


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="users",
            title=lambda: QCoreApplication.translate("Areas", "Users"),
            icon="users.svg",
            factory=UsersView,
            order=950,
        )
    )
