"""The user administration in the window (counsellor walk defect 4: "Einstellungen has no user
management" — accounts could only be made with `mzdesk user add`).

Driven by keyboard as the admin would: Ctrl+N, typing, Tab, Enter; every change is checked in
the database through the core (a login with the new password, the account's role and team)
and in the Protokoll.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts
from mzdesk.core.services.accounts import LoginFailed
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.users import UsersView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PASSWORD = "geheim-genug-1"  # synthetic


@dataclass
class World:
    db: Database
    admin: uuid.UUID
    counsellor: uuid.UUID

    def context(self, user: uuid.UUID) -> AreaContext:
        return AreaContext(lambda: self.db.session(user), Settings(), "de", user_id=user)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    db = Database(f"sqlite:///{tmp_path / 'users.sqlite'}", create=True)
    schema.upgrade(db)
    with db.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Ada Admin")
        session.commit()
        admin_id = admin.id
    with db.session(admin_id) as session:
        accounts.create_team(session, "Team Nord")
        accounts.create_team(session, "Team Süd")
        counsellor = accounts.create_user(
            session, "berater1", PASSWORD, display_name="Britt Beispiel", team="Team Nord"
        )
        session.commit()
        counsellor_id = counsellor.id
    yield World(db, admin_id, counsellor_id)
    db.close()


@pytest.fixture
def view(qtbot: QtBot, world: World) -> UsersView:
    shown = UsersView(world.context(world.admin))
    qtbot.addWidget(shown)
    shown.resize(1000, 600)
    shown.show()
    qtbot.waitExposed(shown)
    shown.table.setFocus()
    return shown


def _account(world: World, username: str) -> accounts.Account:
    with world.db.session(world.admin) as session:
        return next(a for a in accounts.list_users(session) if a.username == username)


def _can_log_in(world: World, username: str, password: str) -> bool:
    with world.db.session() as session:
        try:
            accounts.login(session, username, password)
        except LoginFailed:
            return False
    return True


def _type(qtbot: QtBot, widget: object, text: str) -> None:
    qtbot.keyClicks(widget, text)  # ASCII only (qasciikey)


def test_the_admin_creates_an_account_by_keyboard(
    qtbot: QtBot, view: UsersView, world: World
) -> None:
    assert [view.model.item(r, 0).text() for r in range(view.model.rowCount())] == [
        "admin",
        "berater1",
    ]
    _press(qtbot, view, Qt.Key.Key_N, shift=False)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert dialog.focusWidget() is dialog.username
    _type(qtbot, dialog.username, "berater9")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    _type(qtbot, dialog.focusWidget(), "Nora Neu")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.role
    qtbot.keyClick(dialog.role, Qt.Key.Key_Down)  # Beratungskraft → Teamleitung
    qtbot.keyClick(dialog.role, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.team
    qtbot.keyClick(dialog.team, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.team, Qt.Key.Key_Down)  # (kein Team) → Team Nord → Team Süd
    qtbot.keyClick(dialog.team, Qt.Key.Key_Tab)
    _type(qtbot, dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
    _type(qtbot, dialog.repeat, PASSWORD)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    made = _account(world, "berater9")
    assert (made.display_name, made.role, made.team, made.active) == (
        "Nora Neu",
        Role.TEAM_LEAD,
        "Team Süd",
        True,
    )
    assert _can_log_in(world, "berater9", PASSWORD)
    assert view.current() is not None and view.current().username == "berater9"
    assert view.status.text() == "Konto berater9 angelegt."
    assert view.model.item(view.table.currentIndex().row(), 2).text() == "Teamleitung"


def test_a_refused_account_keeps_the_typing_and_says_why_in_german(
    qtbot: QtBot, view: UsersView, world: World
) -> None:
    view.new_account()
    dialog = view.dialog
    _type(qtbot, dialog.username, "berater1")  # taken
    dialog.team.setCurrentIndex(1)
    _type(qtbot, dialog.password, PASSWORD)
    _type(qtbot, dialog.repeat, PASSWORD + "x")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "Die beiden Passwörter sind verschieden."
    dialog.repeat.setText(PASSWORD)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "Der Benutzername „berater1“ ist vergeben."
    assert dialog.username.text() == "berater1"  # the typing stays
    dialog.username.setText("kurz")
    dialog.password.setText("kurz")
    dialog.repeat.setText("kurz")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.error.text() == "Das Passwort muss mindestens 8 Zeichen lang sein."
    assert [a.username for a in _all(world)] == ["admin", "berater1"]


def _all(world: World) -> list[accounts.Account]:
    with world.db.session(world.admin) as session:
        return accounts.list_users(session)


def _answer_next_question(button: QMessageBox.StandardButton) -> list[str]:
    """Press ``button`` in the question box that is about to open (it runs its own loop);
    the list gets the question's text once it was asked."""
    asked: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)
    return asked


def _press(qtbot: QtBot, view: UsersView, key: Qt.Key, shift: bool = True) -> None:
    """A shortcut as the admin presses it, with the view's window active."""
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.table.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.table, key, modifiers)


def test_disable_asks_first_and_enable_lets_the_account_in_again(
    qtbot: QtBot, view: UsersView, world: World
) -> None:
    view.table.setCurrentIndex(view.model.index(1, 0))  # berater1
    asked = _answer_next_question(QMessageBox.StandardButton.Cancel)
    _press(qtbot, view, Qt.Key.Key_D)
    assert asked == [
        "Britt Beispiel kann sich dann nicht mehr anmelden. Der Verlauf des Kontos bleibt; "
        "es lässt sich wieder aktivieren."
    ]
    assert _account(world, "berater1").active  # cancelled: nothing changed

    asked = _answer_next_question(QMessageBox.StandardButton.Yes)
    _press(qtbot, view, Qt.Key.Key_D)
    assert len(asked) == 1
    assert not _account(world, "berater1").active
    assert not _can_log_in(world, "berater1", PASSWORD)
    assert view.model.item(1, 4).text() == "deaktiviert"
    assert not view.buttons["disable"].isEnabled() and view.buttons["enable"].isEnabled()

    _press(qtbot, view, Qt.Key.Key_E)
    assert _account(world, "berater1").active
    assert _can_log_in(world, "berater1", PASSWORD)
    assert view.status.text() == "Konto berater1 aktiviert."
    with world.db.session() as session:
        trail = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == world.counsellor)
        ).all()
    assert "disable" in trail and "enable" in trail


def test_a_new_password_and_a_changed_team(qtbot: QtBot, view: UsersView, world: World) -> None:
    view.table.setCurrentIndex(view.model.index(1, 0))
    _press(qtbot, view, Qt.Key.Key_P)
    dialog = view.dialog
    _type(qtbot, dialog.password, "ganz-neu-2026")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
    _type(qtbot, dialog.repeat, "ganz-neu-2026")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _can_log_in(world, "berater1", "ganz-neu-2026")
    assert not _can_log_in(world, "berater1", PASSWORD)

    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    dialog = view.dialog
    assert dialog.username.isReadOnly() and dialog.username.text() == "berater1"
    dialog.team.setCurrentIndex(dialog.team.findText("Team Süd"))
    qtbot.keyClick(dialog.display_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _account(world, "berater1").team == "Team Süd"


def test_the_admin_cannot_change_their_own_role(
    qtbot: QtBot, view: UsersView, world: World
) -> None:
    view.table.setCurrentIndex(view.model.index(0, 0))  # admin
    view.edit_account()
    dialog = view.dialog
    dialog.role.setCurrentIndex(0)
    dialog.team.setCurrentIndex(1)
    qtbot.keyClick(dialog.display_name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.text() == "Die eigene Rolle kann nicht geändert werden."
    assert _account(world, "admin").role is Role.ADMIN


def test_a_counsellor_is_refused_by_the_core(qtbot: QtBot, world: World) -> None:
    shown = UsersView(world.context(world.counsellor))
    qtbot.addWidget(shown)
    assert shown.model.rowCount() == 0
    assert "Benutzerkonten verwalten" in shown.status.text()


def test_the_admin_finds_the_area_and_its_menu(qtbot: QtBot, world: World) -> None:
    """The navigation offers "Benutzer" to the admin only, and its Actions menu works (the
    admin's menu used to stay greyed: hiding the clients area disabled it for good)."""
    from mzdesk.ui.app import hide_areas
    from mzdesk.ui.areas import registry
    from mzdesk.ui.main_window import MainWindow

    shown = {}
    for user, role in ((world.admin, Role.ADMIN), (world.counsellor, Role.COUNSELLOR)):
        window = MainWindow(world.db, world.context(user), registry.areas())
        qtbot.addWidget(window.window)
        hide_areas(window, role)
        navigation = window.navigation
        shown[role] = [
            navigation.item(r).text()
            for r in range(navigation.count())
            if not navigation.item(r).isHidden()
        ]
        if role is Role.ADMIN:
            window.open_area("users")
            menu = window.area_menu
            assert menu.title() == "Benutzer"
            assert menu.menuAction().isEnabled() and menu.menuAction().isVisible()
            assert "Neues Konto…" in [action.text() for action in menu.actions()]
    assert shown[Role.ADMIN] == ["Partner", "Protokoll", "Benutzer"]
    assert "Benutzer" not in shown[Role.COUNSELLOR]


def test_the_protokoll_names_the_account_for_the_admin(
    qtbot: QtBot, view: UsersView, world: World
) -> None:
    """Walk 2026-12-06: the admin's Protokoll said "Benutzerkonto ee8ca1e3" instead of the
    account's name (the admin sees details' field names only, and names were looked up only
    with the details' values)."""
    from mzdesk.ui.views.audit import AuditView

    view.table.setCurrentIndex(view.model.index(1, 0))
    asked = _answer_next_question(QMessageBox.StandardButton.Yes)
    _press(qtbot, view, Qt.Key.Key_D)
    assert asked
    trail = AuditView(world.context(world.admin))
    qtbot.addWidget(trail)
    records = [trail.model.index(row, 4).data() for row in range(trail.model.rowCount())]
    assert "Benutzerkonto Britt Beispiel" in records
    assert not any(
        str(text).startswith("Benutzerkonto ") and len(str(text)) == 22 for text in records
    )


def test_each_button_has_its_own_alt_key_apart_from_the_menus(view: UsersView) -> None:
    """Walk 2026-12-06: Alt+N, Alt+D, Alt+A only moved the focus (shared with another button,
    or with the Datei and Ansicht menus)."""
    import re

    keys = []
    for button in view.buttons.values():
        found = re.search(r"&(\w)", button.text())
        assert found, button.text()
        keys.append(found.group(1).lower())
    assert len(keys) == len(set(keys)), keys
    assert not set(keys) & {"d", "a", "h"}  # Datei, Ansicht, Hilfe
