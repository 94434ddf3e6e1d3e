"""Login dialog, first administrator, inactivity lock and the audit area, driven by keyboard."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry
from mzdesk.core.models.enums import Role
from mzdesk.core.org_settings import set_setting
from mzdesk.core.services import accounts, audit
from mzdesk.ui import app
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.login import LoginDialog
from mzdesk.ui.lock import InactivityLock, LockDialog
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.audit import AuditView

from .login_helpers import close_and_quit

PASSWORD = "geheim-123"


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'login.sqlite'}", create=True)
    schema.upgrade(database)
    yield database
    database.close()


@pytest.fixture
def accounts_db(empty_db: Database) -> Database:
    with empty_db.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Ada Admin")
        session.commit()
    with empty_db.session(admin.id) as session:
        accounts.create_team(session, "Team Nord")
        accounts.create_user(
            session, "berater", PASSWORD, display_name="Bea Test", team="Team Nord"
        )
        accounts.create_user(session, "leitung", PASSWORD, role=Role.TEAM_LEAD, team="Team Nord")
        session.commit()
    return empty_db


def _type(qtbot: QtBot, widget: QWidget, text: str, enter: bool = False) -> None:
    qtbot.keyClicks(widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def _dialog(qtbot: QtBot, database: Database, **kwargs: object) -> LoginDialog:
    dialog = LoginDialog(lambda: database.session(None), None, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_first_start_creates_the_administrator(qtbot: QtBot, empty_db: Database) -> None:
    dialog = _dialog(qtbot, empty_db, first_admin=True)
    assert dialog.focusWidget() is dialog.username
    _type(qtbot, dialog.username, "chefin")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    _type(qtbot, dialog.focusWidget(), "Chefin Test")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    _type(qtbot, dialog.focusWidget(), "erstes-passwort")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    _type(qtbot, dialog.focusWidget(), "anderes-passwort", enter=True)
    assert dialog.error.isVisible() and dialog.account is None
    assert dialog.username.text() == "chefin"  # nothing typed is lost
    dialog.repeat.clear()
    _type(qtbot, dialog.repeat, "erstes-passwort", enter=True)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.role is Role.ADMIN
    with empty_db.session() as session:
        assert not accounts.needs_first_admin(session)


def test_wrong_password_then_right(qtbot: QtBot, accounts_db: Database) -> None:
    dialog = _dialog(qtbot, accounts_db)
    _type(qtbot, dialog.username, "berater")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    _type(qtbot, dialog.password, "falsch-falsch", enter=True)
    assert dialog.error.text() == "Benutzername oder Passwort ist falsch."
    assert dialog.width() >= 380  # wide enough for the intro and the error in full lines
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width())
    assert dialog.username.text() == "berater"
    assert dialog.password.selectedText() == "falsch-falsch"  # ready to be retyped
    _type(qtbot, dialog.password, PASSWORD, enter=True)
    assert dialog.account is not None and dialog.account.username == "berater"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_lockout_is_explained(qtbot: QtBot, accounts_db: Database) -> None:
    with accounts_db.session() as session:
        set_setting(session, "security.max_failed_logins", 2)
        session.commit()
    dialog = _dialog(qtbot, accounts_db, username="berater")
    assert dialog.focusWidget() is dialog.password
    for _ in range(2):
        _type(qtbot, dialog.password, "falsch-falsch", enter=True)
    assert "gesperrt" in dialog.error.text()
    _type(qtbot, dialog.password, PASSWORD, enter=True)  # locked: even the right one
    assert "gesperrt" in dialog.error.text() and dialog.account is None


class _Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.secret = QLabel("Zubrowa, Testa")
        self.edit = QLineEdit()
        layout.addWidget(self.secret)
        layout.addWidget(self.edit)


def test_inactivity_lock_keeps_a_half_typed_field(qtbot: QtBot, accounts_db: Database) -> None:
    form = _Form()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.edit.setFocus()
    _type(qtbot, form.edit, "halb getipp")
    with accounts_db.session() as session:
        user = accounts.find_user(session, "berater")
        assert user is not None
        user_id = user.id
    lock = InactivityLock(lambda: accounts_db.session(None), user_id, "Bea Test", 400)
    try:
        qtbot.waitUntil(lambda: lock.locked, timeout=5000)
        dialog = lock.dialog
        assert isinstance(dialog, LockDialog) and dialog.isVisible()
        covers = form.findChildren(QWidget, "lockCover")
        assert covers and covers[0].isVisible() and covers[0].geometry() == form.rect()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no way around it
        assert lock.locked
        _type(qtbot, dialog.password, "falsch-falsch", enter=True)
        assert lock.locked and dialog.error.text() == "Das Passwort ist falsch."
        dialog.password.clear()
        _type(qtbot, dialog.password, PASSWORD, enter=True)
        assert not lock.locked
        # no second lock while the rest is checked, however long a loaded machine takes
        lock.timeout_ms = 3_600_000
        qtbot.waitUntil(lambda: not form.findChildren(QWidget, "lockCover"))
        assert form.edit.text() == "halb getipp"
        _type(qtbot, form.edit, "t")
        assert form.edit.text() == "halb getippt"
    finally:
        lock.stop()
    with accounts_db.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert actions[-2:] == ["login_failed", "unlock"]  # unlocking is no new login


def _logged_in_context(database: Database, username: str) -> AreaContext:
    with database.session() as session:
        user = accounts.find_user(session, username)
        assert user is not None
        user_id: uuid.UUID = user.id
    return AreaContext(lambda: database.session(user_id), Settings(), "de", user_id=user_id)


def test_audit_view_filters_by_user_and_action(qtbot: QtBot, accounts_db: Database) -> None:
    with accounts_db.session() as session:
        accounts.login(session, "berater", PASSWORD)
    view = AuditView(_logged_in_context(accounts_db, "admin"))
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    everything = view.model.total
    assert everything == view.model.rowCount() >= 5
    _type(qtbot, view.user, "berater", enter=True)
    assert 0 < view.model.total < everything
    view.user.clear()
    view.action.setCurrentText("login")
    view.apply()
    assert {r.action for r in view.model.rows} == {"login"}
    logged_in = QCoreApplication.translate("AuditModel", "Logged in")
    assert view.model.index(0, 3).data() == logged_in  # "Angemeldet", not the code
    account = QCoreApplication.translate("AuditModel", "User account")
    assert str(view.model.index(0, 4).data()).startswith(account + " ")
    view.action.setCurrentText(logged_in)  # the shown label filters too
    view.apply()
    assert {r.action for r in view.model.rows} == {"login"}
    _type(qtbot, view.person, "MZ-0000-9999", enter=True)
    assert "Aktenzeichen" in view.status.text()


def test_audit_view_details_are_readable(qtbot: QtBot, accounts_db: Database) -> None:
    lead = _logged_in_context(accounts_db, "leitung")
    with lead.session_factory() as session:
        changes = {"changes": {"city": {"old": "Altdorf", "new": "Neustadt"}}}
        audit.append(session, "edit", "person", entity_id=uuid.uuid4(), details=changes)
        denial = {"action": "read_person", "reason": "the person belongs to another team"}
        audit.append(session, "denied", "person", entity_id=uuid.uuid4(), details=denial)
        session.commit()
    view = AuditView(lead)
    qtbot.addWidget(view)

    def tr(text: str) -> str:
        return QCoreApplication.translate("AuditModel", text)

    denied, edited = view.model.index(0, 6), view.model.index(1, 6)
    assert view.model.index(0, 3).data() == tr("Access denied")
    assert denied.data() == tr("read person data") + ": " + tr("the person belongs to another team")
    town = QCoreApplication.translate("RecordFields", "Town")
    assert edited.data() == f"{town}: Altdorf → Neustadt"
    assert edited.data(Qt.ItemDataRole.ToolTipRole) == edited.data()
    assert str(view.model.index(1, 4).data()).startswith(tr("Person") + " ")


def test_audit_view_refuses_counsellors(qtbot: QtBot, accounts_db: Database) -> None:
    view = AuditView(_logged_in_context(accounts_db, "berater"))
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0
    assert view.status.text().startswith("Keine Berechtigung")


def _log_in_when_asked(username: str, password: str, seen: list[MainWindow]) -> None:
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
            QTimer.singleShot(50, step)
            return
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.ok_button.click()

        tries: list[int] = []

        def close() -> None:
            """Close the main window once its database is attached (poll: slow machines)."""
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMainWindow) and widget.isVisible():
                    controller = widget.findChild(MainWindow)
                    if controller is not None and controller.database is not None:
                        seen.append(controller)
                        close_and_quit(widget)
                        return
            if len(tries) < 1200:  # 60 s or more, then the assertions below say what is missing
                tries.append(1)
                QTimer.singleShot(50, close)
            else:
                QApplication.quit()

        QTimer.singleShot(50, close)

    QTimer.singleShot(50, step)


def _nav_hidden(controller: MainWindow, key: str) -> bool:
    navigation = controller.navigation
    for row in range(navigation.count()):
        item = navigation.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            return item.isHidden()
    raise AssertionError(f"no area {key}")


@pytest.mark.parametrize(("username", "audit_hidden"), [("berater", True), ("leitung", False)])
def test_run_gui_logs_in_then_loads(
    accounts_db: Database, username: str, audit_hidden: bool
) -> None:
    seen: list[MainWindow] = []
    _log_in_when_asked(username, PASSWORD, seen)
    assert app.run_gui(str(accounts_db.url.render_as_string(hide_password=False))) == 0
    assert len(seen) == 1
    controller = seen[0]
    assert controller.context.user_id is not None
    assert controller.database is not None
    assert _nav_hidden(controller, "audit") is audit_hidden
    assert _nav_hidden(controller, "statistics") is audit_hidden  # team leads only, too
