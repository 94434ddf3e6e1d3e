"""Starting the desktop application, and the offscreen selftest (``mzdesk --selftest``).

Order matters: the crash handler first, then Qt's messages into logging, the translators,
then the main window's frame is shown and painted, and only then — from the event loop — the
database is opened, backed up and migrated (or refused with one German line) and the first
page loaded. The selftest opens the database before it builds the window, and changes
nothing: no database created or migrated, no backup, no personal setting (:func:`run_selftest`).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

# Only Qt and the light parts of mzdesk before the first paint: the core (SQLAlchemy, the
# models: ~230 ms of imports) is imported from the event loop once the window is painted.
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from mzdesk import APP_NAME
from mzdesk.core.errors import DatabaseKeyRequired, MzdeskError, WrongDatabaseKey
from mzdesk.core.logs import log_directory
from mzdesk.core.resources import resource_path
from mzdesk.ui import dialog_titles, qtlog, wheel_guard
from mzdesk.ui.areas import Area, AreaContext, registry
from mzdesk.ui.crash import CrashHandler
from mzdesk.ui.i18n import Translations
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.operations import running_count
from mzdesk.ui.settings import Settings
from mzdesk.ui.theme import apply_color_scheme

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mzdesk.core.database import Database
    from mzdesk.core.models.enums import Role
    from mzdesk.core.services import accounts
    from mzdesk.ui.dialogs.login import LoginDialog
    from mzdesk.ui.lock import InactivityLock

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED = 0, 1


def application() -> QApplication:
    """The one QApplication (a test may already have made it)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon_file = resource_path("icons", "mzdesk.svg")
    if icon_file.exists():
        app.setWindowIcon(QIcon(str(icon_file)))
    wheel_guard.install(app)  # the wheel scrolls pages, never a value it passes over
    dialog_titles.install(app)  # no dialog title cut off
    return app


@dataclass
class GuiRun:
    app: QApplication
    translations: Translations


@contextmanager
def gui_session() -> Iterator[GuiRun]:
    """Crash handler, Qt log routing and translators for one run; all undone afterwards."""
    crash = CrashHandler(log_directory())
    crash.install()
    try:
        with qtlog.routed_to_logging():
            app = application()
            translations = Translations()
            translations.install(app)
            apply_color_scheme(app, Settings())  # the system's light or dark, or the user's
            try:
                yield GuiRun(app, translations)
            finally:
                translations.remove(app)
    finally:
        crash.uninstall()


def open_database(
    db_url: str | None, ask_key: Callable[[str], str | None] | None = None
) -> Database:
    """Open (creating the default SQLite file if needed), back up and migrate.

    An encrypted database without its key (or with a wrong one) calls ``ask_key`` with the
    German reason until a key opens it; None from ``ask_key`` (cancelled) re-raises.
    """
    from mzdesk.core import schema
    from mzdesk.core.database import Database, resolve_url

    url = resolve_url(db_url)
    key: str | None = None
    while True:
        try:
            database = Database(url, create=True, key=key)
            break
        except (DatabaseKeyRequired, WrongDatabaseKey) as error:
            key = ask_key(error.german) if ask_key is not None else None
            if key is None:
                raise
    try:
        backup = schema.migrate_on_start(database)
    except BaseException:
        database.close()
        raise
    if backup is not None:
        log.info("database backed up before the upgrade to %s", backup.name)
    return database


def ask_database_key(parent: QWidget | None, reason: str) -> str | None:
    """Ask for the key of an encrypted database (None: cancelled)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("databaseKeyDialog")
    dialog.setWindowTitle(QCoreApplication.translate("App", "mzdesk – encrypted database"))
    dialog.setLabelText(reason + "\n\n" + QCoreApplication.translate("App", "Database key:"))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    key = dialog.textValue() if accepted else None
    dialog.deleteLater()
    return key


def refuse(error: MzdeskError) -> int:
    log.info("database refused: %s", type(error).__name__)
    QMessageBox.critical(None, QCoreApplication.translate("App", "mzdesk – database"), error.german)
    return EXIT_FAILED


class DeferredDatabase:
    """The database opened after the window's first paint; sessions come from it once open."""

    def __init__(self) -> None:
        self.database: Database | None = None
        self.user_id: uuid.UUID | None = None  # the logged-in user: sessions act for them

    def session(self) -> Session:
        assert self.database is not None, "the database is not open yet"
        return self.database.session(self.user_id)

    def close(self) -> None:
        if self.database is not None:
            self.database.close()


class AfterFirstPaint(QObject):
    """Run ``callback`` once, from the event loop, after ``widget`` was first painted (or
    after ``fallback_ms`` if it never is, e.g. started minimised)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], fallback_ms: int = 500):
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint has finished
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def freeze_startup_objects() -> None:
    """Move everything alive after start-up out of the garbage collector's sight.

    A full collection walks every tracked object; with the modules, Qt wrappers and models of
    a running mzdesk that took 150–300 ms — on whichever thread triggered it, holding the GIL,
    so a kit merge in the background froze the window that long (``event_loop_gap``). After
    ``gc.freeze()`` collections only walk what was created since (30 ms at 200,000 persons).
    """
    gc.collect()
    gc.freeze()


class Desk(QObject):
    """Who works in the window: the login, the inactivity lock, and Datei → "Jetzt sperren",
    "Benutzer wechseln" and "Abmelden".

    Logging out (or switching the user) ends the user's sessions (the window's session
    factory acts for nobody), deletes every view with the data it showed, closes the windows
    and dialogs the views opened, offers no area and shows the login again over the empty
    window. "Beenden" in that login ends the program, as at the start.
    """

    def __init__(
        self,
        window: MainWindow,
        deferred: DeferredDatabase,
        app: QApplication,
        username: str | None = None,
    ) -> None:
        super().__init__(window)
        self.main = window
        self.deferred = deferred
        self.app = app
        self.username = username
        self.account: accounts.Account | None = None
        self.lock: InactivityLock | None = None
        self.login_dialog: LoginDialog | None = None
        window.lock_requested.connect(self.lock_now)
        window.switch_user_requested.connect(self.switch_user)
        window.log_out_requested.connect(self.log_out)

    def ask_login(self, title: str | None = None) -> LoginDialog:
        assert self.deferred.database is not None, "the database is not open yet"
        self.login_dialog = ask_login(
            self.deferred.database,
            self.main.window,
            self.username,
            self.logged_in,
            self.app,
            title=title,
        )
        return self.login_dialog

    def logged_in(self, database: Database, account: accounts.Account) -> None:
        from mzdesk.core.org_settings import get_setting
        from mzdesk.ui.lock import InactivityLock

        self.login_dialog = None
        self.account = account
        self.deferred.user_id = account.id
        self.main.context = replace(self.main.context, user_id=account.id)
        self.main.set_user(account)
        hide_areas(self.main, account.role)
        with database.session(account.id) as db_session:
            minutes = int(get_setting(db_session, "security.lock_minutes"))
        self.lock = InactivityLock(
            lambda: database.session(None),
            account.id,
            account.display_name,
            minutes * 60_000,
            self.main.window,
        )
        self.main.attach(database)
        QTimer.singleShot(0, freeze_startup_objects)

    def lock_now(self) -> None:
        """Datei → "Jetzt sperren": the inactivity lock, at once."""
        if self.lock is not None:
            self.lock.lock(manual=True)

    def log_out(self) -> None:
        """Datei → "Abmelden": the window emptied, then the login again."""
        self.end_session()
        self.username = None  # the next one types their own name
        self.ask_login()

    def switch_user(self) -> None:
        """Datei → "Benutzer wechseln": as "Abmelden", with the login titled for it."""
        self.end_session()
        self.username = None
        self.ask_login(QCoreApplication.translate("App", "Switch user"))

    def end_session(self) -> None:
        if self.account is None:
            return
        log.info("account %s logged out", self.account.id)
        self._audit_logout(self.account.id)
        self.stop()
        self.account = None
        self.deferred.user_id = None  # sessions from now on act for nobody
        self.main.close_user_views()
        self.main.context = replace(self.main.context, user_id=None)
        self.main.set_user(None)

    def _audit_logout(self, user_id: uuid.UUID) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from mzdesk.core.services import accounts

        database = self.deferred.database
        if database is None:
            return
        try:
            with database.session(None) as session:
                accounts.record_logout(session, user_id)
                session.commit()
        except (MzdeskError, SQLAlchemyError) as error:  # the logout goes on regardless
            log.warning("logout not audited (%s)", type(error).__name__)

    def stop(self) -> None:
        lock, self.lock = self.lock, None
        if lock is not None and shiboken6.isValid(lock):  # gone with the window, else
            lock.stop()
            lock.deleteLater()


def run_gui(db_url: str | None, user: str | None = None) -> int:
    """Paint first: show the window's frame, then open (and migrate) the database, log in
    (on a database nobody can log in to yet: create the first admin), and only then load the
    first page. A refused database shows its one German line and ends the run with 1;
    quitting the login ends it with 0. ``user`` pre-fills the login name (``--user``)."""
    with gui_session() as session:
        deferred = DeferredDatabase()
        desks: list[Desk] = []
        try:
            context = AreaContext(deferred.session, Settings(), session.translations.language)
            window = MainWindow(None, context, registry.areas())
            desk = Desk(window, deferred, session.app, user)
            desks.append(desk)

            def open_and_attach() -> None:
                try:
                    deferred.database = open_database(
                        db_url, lambda reason: ask_database_key(window.window, reason)
                    )
                except (DatabaseKeyRequired, WrongDatabaseKey):
                    session.app.exit(EXIT_OK)  # the key prompt was cancelled
                    return
                except MzdeskError as error:
                    session.app.exit(refuse(error))
                    return
                desk.ask_login()

            AfterFirstPaint(window.window, open_and_attach)
            window.show()
            return int(session.app.exec())
        finally:
            for desk in desks:
                desk.stop()
            _wait_for_operations()
            deferred.close()


def ask_login(
    database: Database,
    parent: QWidget,
    user: str | None,
    done: Callable[[Database, accounts.Account], None],
    app: QApplication,
    *,
    title: str | None = None,
) -> LoginDialog:
    """The login dialog over the painted frame (window-modal, not blocking the event loop)."""
    from mzdesk.core.services import accounts
    from mzdesk.ui.dialogs.login import LoginDialog

    with database.session(None) as db_session:
        first = accounts.needs_first_admin(db_session)
    dialog = LoginDialog(
        lambda: database.session(None), parent, first_admin=first, username=user or ""
    )
    if title is not None and not first:
        dialog.setWindowTitle(title)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.account is not None:
            done(database, dialog.account)
        else:
            app.exit(EXIT_OK)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


# Areas only some roles see: the core's permission for the area's work decides (the core
# refuses the rest anyway; hiding spares the user a refusal).
AREA_ACTIONS: dict[str, str] = {
    "clients": "read_person",
    "follow_ups": "read_person",
    "referrals": "read_person",
    "events": "events",
    "kit_review": "events",
    "statistics": "read_statistics",
    "audit": "read_audit",
    "users": "manage_accounts",
}


def hide_areas(window: MainWindow, role: Role | None) -> None:
    """Offer exactly the areas ``role`` may use (navigation and View menu entries); None
    (nobody logged in): none."""
    from mzdesk.core.access import ALLOWED, Action

    if role is None:
        window.show_areas(())
        return
    window.show_areas(
        area.key
        for area in window.areas
        if area.key not in AREA_ACTIONS or role in ALLOWED[Action(AREA_ACTIONS[area.key])]
    )


def _wait_for_operations() -> None:
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


# --- selftest --------------------------------------------------------------------------------


def _ensure_platform() -> None:
    if not any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_selftest(db_url: str | None, areas: list[Area] | None = None) -> int:
    """Build the main window on the database and render every area — leaving no trace but
    the log: no database is created or migrated, no backup written, no personal setting
    saved (newcomer walk F12).

    A database that does not exist, or would need an upgrade, is left as it is and the
    selftest runs on a temporary empty database instead (and says so); the window's state
    is saved into a copy of the user's settings; the automatic backup is off. Everything
    temporary lives in a private folder (0700) removed at the end. The one thing it adds to
    a database is to the audit trail: it opens the first person's file (does the detail pane
    render?), and that look is audited as every other is ("view", by no user) — a read of
    personal data nobody can see in the trail is what the trail exists to prevent.
    """
    from mzdesk.core.files import private_temp_dir

    _ensure_platform()
    with gui_session() as session, private_temp_dir() as scratch_name:
        scratch = Path(scratch_name)
        try:
            database = _selftest_database(db_url, scratch)
        except MzdeskError as error:
            print(f"mzdesk: {error}", file=sys.stderr)
            return EXIT_FAILED
        try:
            areas = registry.areas() if areas is None else areas
            return _selftest(database, session, areas, _scratch_settings(scratch))
        finally:
            _wait_for_operations()
            database.close()


def _selftest_database(db_url: str | None, scratch: Path) -> Database:
    """The database to test, opened without changing it — or a temporary empty one in
    ``scratch`` when it does not exist or needs an upgrade first."""
    from sqlalchemy.engine import make_url

    from mzdesk.core import schema
    from mzdesk.core.database import Database, describe_url, resolve_url, sqlite_file
    from mzdesk.core.errors import SchemaOutdated

    url = resolve_url(db_url)
    path = sqlite_file(make_url(url))
    if path is not None and not path.exists():
        reason = f"{describe_url(url)} does not exist (the selftest creates no database)"
    else:
        database = Database(url)
        try:
            schema.require_current(database)  # a newer or foreign schema is refused
            return database
        except SchemaOutdated:
            reason = (
                f"{database.display_url} needs 'mzdesk db upgrade' (schema "
                f"{schema.current_revision(database) or 'none'}; the GUI migrates it on start, "
                "after a backup — the selftest changes nothing)"
            )
            database.close()
        except BaseException:
            database.close()
            raise
    print(f"database: {reason}; the selftest uses a temporary empty database")
    temporary = Database(f"sqlite:///{scratch / 'selftest.sqlite'}", create=True)
    schema.upgrade(temporary)
    return temporary


def _scratch_settings(scratch: Path) -> Settings:
    """A copy of the user's settings (the window opens as it would): what the window and the
    views save on closing goes into the copy, never into the user's file."""
    from mzdesk.core.files import write_private
    from mzdesk.ui.settings import settings_file

    copy = scratch / "mzdesk.ini"
    with contextlib.suppress(FileNotFoundError):
        write_private(copy, settings_file().read_bytes())
    return Settings(copy)


def _selftest(database: Database, session: GuiRun, areas: list[Area], settings: Settings) -> int:
    from PySide6.QtCore import Qt

    context = AreaContext(database.session, settings, session.translations.language)
    window = MainWindow(database, context, areas)
    window.auto_backup.disable()  # before the event loop runs its first check
    window.window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.window.resize(1200, 760)
    window.show()
    failed: list[str] = []
    from mzdesk.core import schema

    print(f"database: {database.display_url} (schema {schema.current_revision(database)})")
    for area in areas:
        try:
            view = window.open_area(area.key)
            QCoreApplication.processEvents()
            pixmap = view.grab()
            if pixmap.isNull() or pixmap.width() == 0 or pixmap.height() == 0:
                raise AssertionError("the view rendered nothing")
            summary = view.selftest()
            print(f"{area.key}: ok ({pixmap.width()}x{pixmap.height()}, {summary})")
        except Exception as error:
            failed.append(area.key)
            print(f"{area.key}: FAILED ({type(error).__name__}: {error})")
            log.error("selftest: area %s failed (%s)", area.key, type(error).__name__)
    try:
        _wait_for_operations()
        whole = window.window.grab()
        if whole.isNull() or whole.width() == 0:
            raise AssertionError("the main window rendered nothing")
        if running_count():
            raise AssertionError("background operations did not finish")
        print(f"main window: ok ({window.count_label.text()})")
    except Exception as error:
        failed.append("main window")
        print(f"main window: FAILED ({type(error).__name__}: {error})")
    window.window.close()
    window.window.deleteLater()
    if not areas:
        failed.append("no areas registered")
    if failed:
        print(f"selftest failed: {', '.join(failed)}")
        return EXIT_FAILED
    print(f"selftest passed: {len(areas)} area(s)")
    return EXIT_OK
