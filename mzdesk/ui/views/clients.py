"""The clients area: the lazily paged list of all persons, search while typing, detail pane.

Search: typing in the field above the list filters it after a pause of ``SEARCH_DELAY_MS``
(one query per pause, not per key). The query runs on the GUI thread: at 200,000 persons the
first page takes a few milliseconds on SQLite (see ``core.services.search``), well inside a
frame, so there is no worker thread and no stale result to discard — the timer makes sure
only the latest text is asked for. Ctrl+F focuses the field, Esc clears it (and, when it is
already empty, goes back to the list), Down moves into the results.

Actions (also in the main window's Actions menu): "Neue Person" (Ctrl+N) opens the intake,
"Bearbeiten" (F2) the same dialog for the selected person, "Zusammenführen…" (Ctrl+Shift+M)
the merge of the two selected persons (the list allows extended selection for that). After a
save or a merge the list is read again and the saved person is shown.
"""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.services import persons
from mzdesk.ui import settings as keys
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView
from mzdesk.ui.dialogs.intake import IntakeDialog
from mzdesk.ui.dialogs.merge import MergeDialog
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.list_printing import ListPrinting, clients_filter
from mzdesk.ui.models.person_table import Column, PersonTableModel
from mzdesk.ui.views.person_detail import PersonDetailPane

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150

DEFAULT_WIDTHS = {
    Column.FILE_NUMBER: 100,
    Column.NAME: 190,
    Column.BIRTH_DATE: 100,
    Column.NATIONALITY: 145,
    Column.RESIDENCE: 190,
    Column.LEGAL_CATEGORY: 150,
}


class ClientsView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.form = load_form("clients_view.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.table = child(self.form, QTableView, "personTable")
        self.splitter = child(self.form, QSplitter, "detailSplitter")
        self.detail = PersonDetailPane(context)
        scroll = child(self.form, QScrollArea, "detailScroll")
        host = scroll.widget()
        host_layout = host.layout() if host is not None else None
        assert host_layout is not None, "detailHost in clients_view.ui has a layout"
        host_layout.addWidget(self.detail)

        self.model = PersonTableModel(
            context.session_factory, language=context.language, parent=self
        )
        self.model.fetch_failed.connect(self._fetch_failed)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        column, order = self.model.current_sort
        header.setSortIndicator(column, order)
        header.sortIndicatorChanged.connect(self._sort_requested)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(col, width)
        # file numbers look like "MZ-2024-001186": wide enough for that, whatever the font
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(
            Column.FILE_NUMBER, metrics.horizontalAdvance("MZ-0000-0000000") + 16
        )
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 720])  # the case file needs the room
        self.detail.person_changed.connect(self._person_saved)
        self._restore_state()
        self._setup_search()
        self._setup_actions()
        if self.model.rowCount() == 0:  # a restored sort order may have loaded the first page
            self.model.fetchMore(QModelIndex())

    # --- search ---------------------------------------------------------------------------

    def _setup_search(self) -> None:
        self.search_edit = child(self.form, QLineEdit, "searchEdit")
        self._nobody_found = ""  # the search text that found nobody (for Ctrl+N)
        self.match_label = child(self.form, QLabel, "matchLabel")
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_edit.installEventFilter(self)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.focus_search)
        self.model.search_counted.connect(self._show_matches)
        self.model.similar_found.connect(lambda _count: self._show_matches(*self._counted))
        self._counted = (0, False)  # the last search's count, for the similar spellings

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def apply_search(self) -> None:
        """Filter the list by the field's text now (the timer calls this after a pause)."""
        self.search_timer.stop()
        if not self.model.set_search(self.search_edit.text()):
            return
        searching = self.model.searching
        # search results come in the search's order: no sort indicator while searching
        self.table.horizontalHeader().setSortIndicatorShown(not searching)
        if not searching:
            self.match_label.clear()
        self.detail.load(None)
        self.table.scrollToTop()

    def _show_matches(self, matches: int, more: bool) -> None:
        self._counted = (matches, more)
        similar = self.model.similar_count
        if more:
            text = self.tr("%1+ matches").replace("%1", self.locale().toString(matches - 1))
        elif matches == 0 and similar:
            text = self.tr(
                "Nobody under this spelling – %n similar spelling(s) (≈); a new person: Ctrl+N",
                "",
                similar,
            )
            self._nobody_found = self.search_edit.text().strip()  # Ctrl+N takes it
        elif matches == 0:
            text = self.tr("Nobody found – a new person: Ctrl+N")
            self._nobody_found = self.search_edit.text().strip()  # Ctrl+N takes it
        elif similar:
            text = " · ".join(
                (
                    self.tr("%n match(es)", "", matches),
                    self.tr("%n similar spelling(s)", "", similar),
                )
            )
        else:
            text = self.tr("%n match(es)", "", matches)
        self.match_label.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                if self.search_edit.text():
                    self.search_edit.clear()
                    self.apply_search()  # at once: Esc is a deliberate "show everything"
                else:
                    self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.search_timer.isActive():
                    self.apply_search()
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                if self.model.rowCount() and not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # --- actions --------------------------------------------------------------------------

    def _setup_actions(self) -> None:
        self.new_action = QAction(self.tr("&New person"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self.new_person)
        self.edit_action = QAction(self.tr("&Edit"), self)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.triggered.connect(self.edit_person)
        self.merge_action = QAction(self.tr("&Merge …"), self)
        self.merge_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.merge_action.triggered.connect(self.merge_selected)
        for action in (self.new_action, self.edit_action, self.merge_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        printing = ListPrinting(self._context, self, lambda: clients_filter(self))
        self.list_actions = printing.actions("clients")  # the list as filtered here
        self.dialog: IntakeDialog | MergeDialog | None = None
        self._update_actions()

    def menu_actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.edit_action,
            self.merge_action,
            *self.detail.actions(),
            *self.list_actions,
        ]

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        found = (self.model.person_id(row) for row in rows)
        return [person_id for person_id in found if person_id is not None]

    def _edit_target(self) -> uuid.UUID | None:
        """The person F2 edits: the one chosen in the list, else the one whose file is open
        (opened from Wiedervorlagen, a statistics list … without a row of this list)."""
        ids = self.selected_ids()
        if len(ids) == 1:
            return ids[0]
        shown = self.detail.file
        return shown.person.id if not ids and shown is not None else None

    def _update_actions(self) -> None:
        count = len(self.selected_ids())
        self.edit_action.setEnabled(self._edit_target() is not None)
        self.merge_action.setEnabled(count == 2)

    def new_person(self) -> None:
        """Ctrl+N: after a search that found nobody, the typed name fills the form."""
        typed = self.search_edit.text().strip()
        self._open_intake(None, name=typed if typed and typed == self._nobody_found else "")

    def edit_person(self) -> None:
        target = self._edit_target()
        if target is not None:
            self._open_intake(target)

    def _open_intake(self, person_id: uuid.UUID | None, name: str = "") -> None:
        dialog = IntakeDialog(self._context, person_id, self, name=name)
        dialog.saved.connect(self._person_saved)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        dialog = MergeDialog(self._context, ids[0], ids[1], self)
        dialog.merged.connect(lambda keep_id, _other: self._person_saved(keep_id))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _person_saved(self, person_id: uuid.UUID) -> None:
        """Read the list again (the person may be new or renamed) and show the person."""
        self.model.reload()
        if self.model.rowCount() == 0:
            self.model.fetchMore(QModelIndex())
        for row in range(self.model.rowCount()):  # select it when it is on a loaded page
            if self.model.person_id(row) == person_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return
        self.show_person(person_id)

    # --- state ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self._context.settings
        header_state = settings.bytes(keys.CLIENTS_HEADER)
        if not header_state.isEmpty():
            self.table.horizontalHeader().restoreState(header_state)
            # the restored indicator is only a picture: the model starts in name order
            column, order = self.model.current_sort
            self.table.horizontalHeader().blockSignals(True)
            self.table.horizontalHeader().setSortIndicator(column, order)
            self.table.horizontalHeader().blockSignals(False)
        splitter_state = settings.bytes(keys.CLIENTS_SPLITTER)
        if not splitter_state.isEmpty():
            self.splitter.restoreState(splitter_state)

    def save_state(self) -> None:
        settings = self._context.settings
        settings.set(keys.CLIENTS_HEADER, self.table.horizontalHeader().saveState())
        settings.set(keys.CLIENTS_SPLITTER, self.splitter.saveState())

    # --- sorting and selection ------------------------------------------------------------

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if not self.model.is_sortable(column):
            current, current_order = self.model.current_sort
            header.blockSignals(True)
            header.setSortIndicator(current, current_order)
            header.blockSignals(False)
            return
        self.detail.load(None)
        self.model.sort(column, order)
        self.table.scrollToTop()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()
        current = self.table.selectionModel().currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row()):
            person_id = self.model.person_id(current.row())
        else:
            person_id = self.model.person_id(rows[0].row()) if rows else None
        self.show_person(person_id)

    def show_person(self, person_id: uuid.UUID | None) -> None:
        self.detail.load(person_id)
        self._update_actions()  # F2 edits the person shown, with or without a list row

    def _fetch_failed(self) -> None:
        QMessageBox.warning(
            self,
            "mzdesk",
            QCoreApplication.translate(
                "ClientsView", "The client list could not be read from the database."
            ),
        )

    # --- selftest -------------------------------------------------------------------------

    def selftest(self) -> str:
        total = self._context.read(persons.count)
        expected = min(total, self.model.page_size)
        if self.model.rowCount() < expected:
            raise AssertionError(
                f"{self.model.rowCount()} rows fetched, expected at least {expected}"
            )
        if total:
            self.table.selectRow(0)
            if not self.detail.title.text():
                raise AssertionError("selecting the first row showed no details")
            pixmap = self.detail.grab()
            if pixmap.isNull() or pixmap.width() == 0 or pixmap.height() == 0:
                raise AssertionError("the detail pane did not render")
        return f"{self.model.rowCount()} of {total} persons fetched"


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="clients",
            title=lambda: QCoreApplication.translate("Areas", "Clients"),
            icon="clients.svg",
            factory=ClientsView,
            order=10,
        )
    )
