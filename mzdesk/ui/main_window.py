"""The main window: navigation on the left, the areas' views in a stack, status bar, menus.

It composes views from the area registry and wires signals; it holds its form
(forms/main_window.ui) rather than inheriting it. Views are created lazily, the first time
their area is opened.

Who is logged in is shown in the title and the status bar (:meth:`MainWindow.set_user`).
Before a login, and after "Abmelden", no area is offered (the navigation is empty) and no
view exists: :meth:`MainWindow.close_user_views` deletes the views with their data. Datei →
"Jetzt sperren", "Benutzer wechseln" and "Abmelden" are signals; ``mzdesk.ui.app.Desk``,
which owns the login and the lock, answers them.
"""

from __future__ import annotations

import logging
import uuid
import weakref
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QTreeView,
    QWidget,
)

from mzdesk.core.files import private_dir
from mzdesk.core.logs import log_directory
from mzdesk.core.resources import resource_path
from mzdesk.ui import settings as keys
from mzdesk.ui.areas import Area, AreaContext, AreaView
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.operations import BackgroundOp

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mzdesk.core.database import Database
    from mzdesk.core.services.accounts import Account

log = logging.getLogger(__name__)


def icon(name: str) -> QIcon:
    path = resource_path("icons", name)
    return QIcon(str(path)) if path.exists() else QIcon()


def _header_keys(area: str, view: QWidget) -> list[tuple[keys.Key, QHeaderView]]:
    """Each named list or table of an area with the setting that remembers its columns."""
    found = []
    for widget in view.findChildren(QAbstractItemView):
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else None
        if isinstance(widget, QTreeView):
            header = widget.header()
        if header is not None and widget.objectName():
            found.append((keys.Key(f"{area}/columns/{widget.objectName()}", QByteArray()), header))
    return found


def restore_headers(settings: keys.Settings, area: str, view: QWidget) -> None:
    """Column widths and order of every named table in every area, as the user left them."""
    for key, header in _header_keys(area, view):
        state = settings.bytes(key)
        if not state.isEmpty():
            header.restoreState(state)


def save_headers(settings: keys.Settings, area: str, view: QWidget) -> None:
    for key, header in _header_keys(area, view):
        settings.set(key, header.saveState())


def _weak_call(method: Callable[[uuid.UUID], None]) -> Callable[[uuid.UUID], None]:
    ref = weakref.WeakMethod(method)

    def call(person_id: uuid.UUID) -> None:
        target = ref()
        if target is not None:
            target(person_id)

    return call


def role_label(role: str) -> str:
    """The role in words (German: Berater/in, Teamleitung, Administration)."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        "counsellor": QCoreApplication.translate("MainWindow", "Counsellor"),
        "team_lead": QCoreApplication.translate("MainWindow", "Team lead"),
        "admin": QCoreApplication.translate("MainWindow", "Administrator"),
    }
    return labels.get(str(role), str(role))


def user_title(account: Account) -> str:
    """``Britt Jessel (Berater/in, Team Nord)``: who works in this window."""
    parts = [role_label(account.role)]
    if account.team:
        parts.append(account.team)
    return f"{account.display_name or account.username} ({', '.join(parts)})"


def _owned_by(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


class MainWindow(QObject):
    lock_requested = Signal()
    switch_user_requested = Signal()
    log_out_requested = Signal()

    def __init__(
        self, database: Database | None, context: AreaContext, areas: Sequence[Area]
    ) -> None:
        """The main window; ``database=None`` builds only the frame (navigation, menus, status
        bar, saved geometry) so that it can be painted first — ``attach`` then adds the
        database, the person count and the last area with its first page."""
        window = load_form("main_window.ui")
        super().__init__(window)
        assert isinstance(window, QMainWindow)
        self.window = window
        self.database: Database | None = None
        self.context = context
        self.areas = list(areas)
        self.views: dict[str, AreaView] = {}
        self.account: Account | None = None
        self._logged_out = False  # after "Abmelden": no view opens until the next login
        self._closing = False
        # Views navigate to a person through the context: point that at this window (weakly:
        # the views hold the context, and the window must not outlive its last reference).
        self.context = replace(context, show_person=_weak_call(self.show_person))

        window.setWindowIcon(icon("mzdesk.svg"))
        self.navigation = child(window, QListWidget, "navigation")
        self.stack = child(window, QStackedWidget, "areaStack")
        self.splitter = child(window, QSplitter, "mainSplitter")
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1110])
        status = child(window, QStatusBar, "statusBar")
        self.database_label = QLabel()
        self.count_label = QLabel(self.tr("Counting persons …"))
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.count_label)

        child(window, QAction, "actionQuit").triggered.connect(window.close)
        self.about_action = about = child(window, QAction, "actionAbout")
        about.setIcon(icon("about.svg"))
        about.setEnabled(False)  # until the database is attached
        about.triggered.connect(self.show_about)
        child(window, QAction, "actionOpenLogFolder").triggered.connect(self.open_log_folder)
        self.lock_action = child(window, QAction, "actionLockNow")
        self.lock_action.triggered.connect(self.lock_requested)
        self.switch_user_action = child(window, QAction, "actionSwitchUser")
        self.switch_user_action.triggered.connect(self.switch_user_requested)
        self.log_out_action = child(window, QAction, "actionLogOut")
        self.log_out_action.triggered.connect(self.log_out_requested)
        for action in self.user_actions():
            action.setEnabled(False)  # until someone logged in

        self._pages: dict[str, QWidget] = {}
        for area in self.areas:
            item = QListWidgetItem(icon(area.icon), area.title())
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.navigation.addItem(item)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
            self._pages[area.key] = placeholder
        self._build_view_menu(window)
        from mzdesk.ui import list_printing  # File → print or save a list

        self.list_printing = list_printing.add_file_menu(self)
        self.area_menu = child(window, QMenu, "menuArea")
        self.area_menu.setEnabled(False)
        self.settings_action = child(window, QAction, "actionSettings")
        self.settings_action.setEnabled(False)  # until the database is attached
        self.settings_action.triggered.connect(self.show_settings)
        self.navigation.currentRowChanged.connect(self._area_selected)
        window.installEventFilter(self)
        self._restore_state()
        if database is None:
            self.show_areas(())  # the frame before the login offers no area
            self.count_label.clear()  # nothing is counted for nobody
        else:
            self.attach(database)

    def attach(self, database: Database) -> None:
        """Add the opened database: its name, the person count, the last area's first page.
        Again after a new login on the same database: only the area and the count."""
        if self.database is database:
            self._area_selected(self.navigation.currentRow())
            self.refresh_count()
            return
        self.database = database
        self.database_label.setText(self.tr("Database: %1").replace("%1", database.display_url))
        self.about_action.setEnabled(True)
        self.settings_action.setEnabled(True)
        self._start_auto_backup(database)
        self._area_selected(self.navigation.currentRow())
        self.refresh_count()

    # --- who is logged in ------------------------------------------------------------------

    def user_actions(self) -> list[QAction]:
        return [self.lock_action, self.switch_user_action, self.log_out_action]

    def set_user(self, account: Account | None) -> None:
        """Show who is logged in (title and status bar); None: nobody (after "Abmelden")."""
        self.account = account
        self._logged_out = account is None and self.database is not None
        title = user_title(account) if account is not None else ""
        # the platform adds " — mzdesk" (the application's display name) to the title
        self.window.setWindowTitle(title or "mzdesk")
        self.user_label.setText(self.tr("Logged in: %1").replace("%1", title) if title else "")
        for action in self.user_actions():
            action.setEnabled(account is not None)

    def show_areas(self, keys: Iterable[str]) -> None:
        """Offer only these areas (navigation entries and View menu entries); the rest hidden."""
        shown = set(keys)
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in shown)
        for action in self.view_actions:
            row = action.data()
            visible = isinstance(row, int) and self.areas[row].key in shown
            action.setVisible(visible)
            action.setEnabled(visible)
        self.view_menu.menuAction().setVisible(any(a.isVisible() for a in self.view_actions))
        current = self.navigation.currentItem()
        if current is None or current.isHidden():
            offered = [
                r for r in range(self.navigation.count()) if not self.navigation.item(r).isHidden()
            ]
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(offered[0] if offered else -1)  # the first offered
            self.navigation.blockSignals(False)

    def close_user_views(self) -> None:
        """Log out: save the layout, delete every view with what it shows, close the windows
        and dialogs they opened, empty the status bar's count; no area is offered."""
        if self.views:
            self.save_state()
        for window in QApplication.topLevelWidgets():
            if window is not self.window and window.isVisible() and _owned_by(window, self.window):
                window.hide()
        for key, view in list(self.views.items()):
            placeholder = QWidget()
            index = self.stack.indexOf(view)
            self.stack.insertWidget(index, placeholder)
            self.stack.removeWidget(view)
            view.hide()
            view.deleteLater()  # with it its models, the rows it loaded, its dialogs
            self._pages[key] = placeholder
        self.views.clear()
        self.area_menu.clear()
        self.area_menu.setEnabled(False)
        self.area_menu.menuAction().setVisible(False)
        self.count_label.clear()
        self.show_areas(())
        self._logged_out = True

    # --- areas ----------------------------------------------------------------------------

    def area_keys(self) -> list[str]:
        return [area.key for area in self.areas]

    def open_area(self, key: str) -> AreaView:
        """Show the area (creating its view on first use); raises if its factory fails."""
        index = self.area_keys().index(key)
        view = self._view(key)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(index)
        self.navigation.blockSignals(False)
        self.stack.setCurrentWidget(view)
        self._fill_area_menu(key, view)
        return view

    def show_person(self, person_id: uuid.UUID) -> None:
        """Open the clients area on this person's file."""
        if "clients" not in self.area_keys():
            return
        view = self.open_area("clients")
        show = getattr(view, "show_person", None)
        if callable(show):
            show(person_id)

    def _build_view_menu(self, window: QMainWindow) -> None:
        """View → one entry per area, Ctrl+1 … Ctrl+9 in the navigation's order."""
        menu = child(window, QMenu, "menuView")
        self.view_menu = menu
        self.view_actions: list[QAction] = []
        for number, area in enumerate(self.areas, start=1):
            action = QAction(icon(area.icon), area.title(), window)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setData(number - 1)
            menu.addAction(action)
            self.view_actions.append(action)
        # a bound method, not a lambda: PySide holds it weakly, so the window can go away
        menu.triggered.connect(self._view_menu_triggered)

    def _view_menu_triggered(self, action: QAction) -> None:
        row = action.data()
        if isinstance(row, int):
            self._go_to(row)

    def _go_to(self, row: int) -> None:
        self.navigation.setCurrentRow(row)
        view = self.views.get(self.areas[row].key)
        if view is not None:
            view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _fill_area_menu(self, key: str, view: AreaView) -> None:
        """The Actions menu shows the current area's actions with their shortcuts."""
        self.area_menu.clear()
        area = next(a for a in self.areas if a.key == key)
        self.area_menu.setTitle(area.title().replace("&", "&&"))
        actions = view.menu_actions()
        for action in actions:
            self.area_menu.addAction(action)
        self.area_menu.setEnabled(bool(actions))
        # the menu's own action too: hiding the areas of a role may have disabled it when it
        # still carried a hidden area's title (the admin's first area)
        self.area_menu.menuAction().setEnabled(bool(actions))
        self.area_menu.menuAction().setVisible(bool(actions))

    def _view(self, key: str) -> AreaView:
        if key not in self.views:
            area = next(a for a in self.areas if a.key == key)
            view = area.factory(self.context)
            placeholder = self._pages[key]
            index = self.stack.indexOf(placeholder)
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[key] = view
            self.views[key] = view
            restore_headers(self.context.settings, key, view)
        return self.views[key]

    def _area_selected(self, row: int) -> None:
        if self.database is None or self._logged_out or not 0 <= row < len(self.areas):
            return
        key = self.areas[row].key
        try:
            self.open_area(key)
        except Exception:
            log.exception("area %s could not be opened", key)
            QMessageBox.critical(
                self.window,
                "mzdesk",
                self.tr("This area could not be opened. Details are in the log."),
            )

    # --- automatic backups ----------------------------------------------------------------

    def _start_auto_backup(self, database: Database) -> None:
        """Daily and on close (SQLite only). The program itself makes these backups — not the
        logged-in user, whose role may not allow backups: restoring stays an admin's task."""
        from mzdesk.ui.auto_backup import AutoBackup

        self.auto_backup = AutoBackup(self.window, database, user_id=None)
        self.auto_backup.failed.connect(self._backup_failed)
        self.auto_backup.start()

    def _backup_failed(self, reason: str) -> None:
        self.window.statusBar().showMessage(reason, 15_000)

    # --- status bar -----------------------------------------------------------------------

    def refresh_count(self) -> None:
        if self._logged_out:
            return
        if not self.count_label.text():
            self.count_label.setText(self.tr("Counting persons …"))

        def count(_progress: object) -> int:
            from mzdesk.core.services import persons

            return self.context.read(persons.count)

        BackgroundOp(parent=self.window, op=count, success=self._show_count).failure(
            self._count_failed
        ).run_in_background()

    def _show_count(self, total: int) -> None:
        if self._logged_out:
            return  # counted for the one who has logged out since
        self.person_count = total
        self.count_label.setText(self.tr("%Ln person(s)", "", total))

    def _count_failed(self, _error: BaseException) -> None:
        self.count_label.setText(self.tr("Persons could not be counted"))

    # --- menus ----------------------------------------------------------------------------

    def show_settings(self) -> None:
        from mzdesk.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.context, self.window)
        dialog.exec()

    def show_about(self) -> None:
        if self.database is not None:
            from mzdesk.ui.about import about_text

            QMessageBox.about(self.window, self.tr("About mzdesk"), about_text(self.database))

    def open_log_folder(self) -> None:
        folder = log_directory()
        private_dir(folder)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- window state ---------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.bytes(keys.MAIN_GEOMETRY)
        if not geometry.isEmpty():
            self.window.restoreGeometry(geometry)
        state = settings.bytes(keys.MAIN_STATE)
        if not state.isEmpty():
            self.window.restoreState(state)
        splitter = settings.bytes(keys.MAIN_SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        keys_ = self.area_keys()
        last = settings.text(keys.MAIN_AREA)
        if keys_:  # the area itself opens in ``attach``
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(keys_.index(last) if last in keys_ else 0)
            self.navigation.blockSignals(False)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.set(keys.MAIN_GEOMETRY, self.window.saveGeometry())
        settings.set(keys.MAIN_STATE, self.window.saveState())
        settings.set(keys.MAIN_SPLITTER, self.splitter.saveState())
        row = self.navigation.currentRow()
        if 0 <= row < len(self.areas):
            settings.set(keys.MAIN_AREA, self.areas[row].key)
        for key, view in self.views.items():
            view.save_state()
            save_headers(settings, key, view)
        settings.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt may still deliver events while Python tears this controller down: look first.
        window = self.__dict__.get("window")
        if window is not None and watched is window and event.type() == QEvent.Type.Close:
            backup = self.__dict__.get("auto_backup")
            if backup is not None and backup.enabled and not self._closing:
                # once: back up in the background (with progress), then close for real
                self._closing = True
                self.save_state()
                event.ignore()
                backup.backup_on_close(window.close)
                return True
            if not self._closing:
                self.save_state()
        return False

    def show(self) -> None:
        self.window.show()
