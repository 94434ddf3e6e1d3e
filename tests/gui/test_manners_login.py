"""Datei → Abmelden, Benutzer wechseln, Jetzt sperren; who is logged in; nothing before login.

The window as ``run_gui`` builds it (the frame, then the login over it: ``app.Desk``), driven
by real key events: the login typed, the menu shortcuts pressed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, Case, Person, User
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts
from mzdesk.ui.app import DeferredDatabase, Desk
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.dialogs.login import LoginDialog
from mzdesk.ui.lock import LockDialog
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.settings import Settings

PASSWORD = "geheim-123"


@pytest.fixture
def desk_db(tmp_path: Path) -> Iterator[Database]:
    """An admin, a counsellor of Team Nord with one client, and a team lead (no real people)."""
    database = Database(f"sqlite:///{tmp_path / 'desk.sqlite'}", create=True)
    schema.upgrade(database)
    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Ada Admin")
        session.commit()
    with database.session(admin.id) as session:
        accounts.create_team(session, "Team Nord")
        berater = accounts.create_user(
            session, "berater", PASSWORD, display_name="Britt Jessel", team="Team Nord"
        )
        accounts.create_user(
            session,
            "leitung",
            PASSWORD,
            display_name="Lea Leitung",
            role=Role.TEAM_LEAD,
            team="Team Nord",
        )
        session.commit()
        berater_id = berater.id
    with database.session() as session:
        person = Person(file_number="MZ-2026-0001", family_name="Testfall", given_names="Tara")
        session.add(person)
        session.flush()
        session.add(Case(person_id=person.id, counsellor_id=berater_id, opened_on=date.today()))
        session.commit()
    yield database
    database.close()


@pytest.fixture
def desk(qtbot: QtBot, desk_db: Database) -> Iterator[Desk]:
    """The painted frame with the database open, before anyone logged in."""
    deferred = DeferredDatabase()
    deferred.database = desk_db
    context = AreaContext(deferred.session, Settings(), "de")
    window = MainWindow(None, context, registry.areas())
    qtbot.addWidget(window.window)
    window.window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window.window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desk = Desk(window, deferred, app)
    yield desk
    desk.stop()


def shown_areas(window: MainWindow) -> list[str]:
    navigation = window.navigation
    return [
        navigation.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(navigation.count())
        if not navigation.item(row).isHidden()
    ]


def log_in(qtbot: QtBot, desk: Desk, username: str) -> LoginDialog:
    """Type name, Tab, password, Enter into the login the desk shows."""
    dialog = desk.login_dialog or desk.ask_login()
    qtbot.waitExposed(dialog)
    dialog.username.setFocus()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.account is not None and desk.account.username == username)
    return dialog


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    window.window.activateWindow()
    qtbot.waitActive(window.window)
    qtbot.keyClick(window.window, key, modifiers)


def audit_actions(database: Database) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def test_no_area_is_offered_before_the_login(qtbot: QtBot, desk: Desk) -> None:
    window = desk.main
    assert shown_areas(window) == []
    assert window.views == {}
    view_menu = window.window.findChild(QMenu, "menuView")
    assert view_menu is not None
    assert not [a for a in view_menu.actions() if a.isVisible() or a.isEnabled()]
    assert not window.log_out_action.isEnabled() and not window.lock_action.isEnabled()
    assert window.window.windowTitle() == "mzdesk"
    log_in(qtbot, desk, "berater")
    assert "clients" in shown_areas(window) and "audit" not in shown_areas(window)


def test_log_out_returns_to_the_login_and_the_person_list_is_gone(qtbot: QtBot, desk: Desk) -> None:
    window = desk.main
    log_in(qtbot, desk, "berater")
    view = window.open_area("clients")
    model = getattr(view, "model")  # noqa: B009 - the clients view's person list
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert window.window.windowTitle() == "Britt Jessel (Berater/in, Team Nord)"
    press(
        qtbot,
        window,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    login = desk.login_dialog
    assert isinstance(login, LoginDialog)
    qtbot.waitExposed(login)
    assert login.username.text() == ""  # the next one types their own name
    assert desk.account is None and desk.deferred.user_id is None
    assert window.views == {} and shown_areas(window) == []
    qtbot.waitUntil(lambda: not shiboken6.isValid(view))  # the list and its rows deleted
    assert window.window.windowTitle() == "mzdesk"
    assert window.user_label.text() == "" and window.count_label.text() == ""
    assert not window.log_out_action.isEnabled()
    log_in(qtbot, desk, "berater")  # and back in: the list comes again
    view = window.open_area("clients")
    qtbot.waitUntil(lambda: getattr(view, "model").rowCount() == 1)  # noqa: B009


def test_log_out_and_switch_user_are_in_the_audit_trail(
    qtbot: QtBot, desk: Desk, desk_db: Database
) -> None:
    """Who worked in the window until when: the trail has each "Abmelden" as it has each
    login (review 2026-12-06: a login of one user followed the other's with nothing between)."""
    log_in(qtbot, desk, "berater")
    before = len(audit_actions(desk_db))
    desk.main.log_out_action.trigger()
    assert audit_actions(desk_db)[before:] == ["window_logout"]
    log_in(qtbot, desk, "leitung")
    desk.main.switch_user_action.trigger()
    assert audit_actions(desk_db)[before:] == ["window_logout", "login", "window_logout"]
    with desk_db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "window_logout").order_by(AuditEntry.seq)
        ).all()
        names = [
            session.scalar(select(User.username).where(User.id == entry.user_id))
            for entry in entries
        ]
    assert names == ["berater", "leitung"]


def test_switch_user_shows_the_new_user_in_the_title(qtbot: QtBot, desk: Desk) -> None:
    window = desk.main
    log_in(qtbot, desk, "berater")
    assert "statistics" not in shown_areas(window)
    window.switch_user_action.trigger()  # Datei → Benutzer wechseln …
    login = desk.login_dialog
    assert isinstance(login, LoginDialog)
    assert login.windowTitle() == QCoreApplication.translate("App", "Switch user")
    assert login.windowTitle() == "Benutzer wechseln"
    assert shown_areas(window) == []  # nothing of Britt's behind the dialog
    log_in(qtbot, desk, "leitung")
    assert window.window.windowTitle() == "Lea Leitung (Teamleitung, Team Nord)"
    assert "Lea Leitung" in window.user_label.text()
    assert "statistics" in shown_areas(window)  # what a team lead may use
    assert window.context.user_id == desk.account.id if desk.account else False


def test_lock_now_then_unlock_is_no_new_login(qtbot: QtBot, desk: Desk, desk_db: Database) -> None:
    window = desk.main
    log_in(qtbot, desk, "berater")
    before = len(audit_actions(desk_db))
    press(
        qtbot,
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    lock = desk.lock
    assert lock is not None
    qtbot.waitUntil(lambda: lock.locked)
    dialog = lock.dialog
    assert isinstance(dialog, LockDialog)
    qtbot.waitExposed(dialog)
    covers = window.window.findChildren(QWidget, "lockCover")
    assert covers and covers[0].geometry() == window.window.rect()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith("Gesperrt.") and "Britt Jessel" in t for t in texts), texts
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked)
    qtbot.waitUntil(lambda: not window.window.findChildren(QWidget, "lockCover"))
    since = audit_actions(desk_db)[before:]  # (the day's first automatic backup may be there)
    assert "unlock" in since
    assert "login" not in since  # unlocking is not audited as a login
    assert desk.account is not None and desk.account.username == "berater"


def test_the_audit_view_names_the_unlock(qtbot: QtBot, desk_db: Database) -> None:
    from mzdesk.ui.models.audit_table import AuditModel

    context = AreaContext(lambda: desk_db.session(None), Settings(), "de", user_id=uuid.uuid4())
    assert AuditModel(context).action_labels()["unlock"] == "Bildschirm entsperrt"
