"""The follow-ups area ("Wiedervorlagen"): what is due for the logged-in counsellor.

One grouped list (``followups.due_for``): overdue, today, the next seven days, expiring
residence documents, legal-category hints; the heading of each group says what it is, and
overdue entries are also dark red (never colour alone). Keyboard: Enter opens the person,
Space or Ctrl+D marks done, Ctrl+P jumps to the date field (German date, Enter postpones),
F5 refreshes; the list refreshes whenever the area is shown. For a document, hint or
unanswered referral "done" and "postpone" first turn it into a follow-up (see
``followups.follow_up_from``), so every dismissal stays on record.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QFont,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.datetext import format_date, parse_date
from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import followups
from mzdesk.core.services.followups import DueItem, DueList, Group
from mzdesk.ui import theme
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.list_printing import ListPrinting
from mzdesk.ui.operations import BackgroundOp, Progress

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_STYLE = (
    "border-radius: 9px; padding: 1px 8px; background: $badge_bg; color: $badge_fg;"
    " font-weight: bold;"
)


class FollowUpsView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.form = load_form("follow_ups_view.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.tree = child(self.form, QTreeWidget, "dueTree")
        self.count_label = child(self.form, QLabel, "countLabel")
        theme.style(self.count_label, BADGE_STYLE)
        self.message_label = child(self.form, QLabel, "messageLabel")
        self.postpone_edit = child(self.form, QLineEdit, "postponeEdit")
        self.done_button = child(self.form, QPushButton, "doneButton")
        self.open_button = child(self.form, QPushButton, "openButton")
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((190, 130, 220)):
            self.tree.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.tree.installEventFilter(self)
        self.tree.itemActivated.connect(lambda _item, _column: self.open_person())
        self.done_button.clicked.connect(self.mark_done)
        self.open_button.clicked.connect(self.open_person)
        self.postpone_edit.returnPressed.connect(self.postpone)
        self.due: DueList | None = None
        self._loading = False

        self.done_action = self._action(self.tr("Mark done"), "Ctrl+D", self.mark_done)
        self.postpone_action = self._action(self.tr("Postpone…"), "Ctrl+P", self.start_postpone)
        self.refresh_action = self._action(self.tr("Refresh follow-ups"), "F5", self.refresh)
        self.list_actions = ListPrinting(context, self).actions("follow_ups")

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def menu_actions(self) -> list[QAction]:
        return [self.done_action, self.postpone_action, self.refresh_action, *self.list_actions]

    # --- the list -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_in_background()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.PaletteChange
            and self.due is not None
            and shiboken6.isValid(self.tree)  # not while the view is being destroyed
        ):
            # light ↔ dark: the overdue colour of the new scheme, once the children have it
            QTimer.singleShot(0, self.tree, lambda: self.due and self._show_due(self.due))

    def refresh_in_background(self) -> None:
        """Read what is due off the GUI thread (half a second at 200,000 persons), then show it."""
        if self._loading:
            return
        self._loading = True
        if self.due is None:  # first time: say so instead of an empty list
            self.tree.clear()
            waiting = QTreeWidgetItem([self.tr("Reading what is due …")])
            waiting.setFirstColumnSpanned(True)
            waiting.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(waiting)
        context = self._context

        def load(_progress: Progress) -> DueList:
            return context.read(
                lambda session: followups.due_for(session, context.user_id, date.today())
            )

        def done(due: DueList) -> None:
            self._loading = False
            self._show_due(due)

        def failed(error: BaseException) -> None:
            self._loading = False
            if isinstance(error, MzdeskError):  # e.g. an admin: no case data; say so in German
                self._refused(error)
                return
            log.error("follow-ups could not be read: %s", type(error).__name__)
            self.message_label.setText(self.tr("The follow-ups could not be read."))

        BackgroundOp(parent=self, op=load, success=done).failure(failed).run_in_background()

    def _titles(self) -> dict[Group, str]:
        return {
            Group.OVERDUE: self.tr("Overdue"),
            Group.TODAY: self.tr("Today"),
            Group.THIS_WEEK: self.tr("Next 7 days"),
            Group.DOCUMENTS: self.tr("Residence documents expiring"),
            Group.HINTS: self.tr("Legal category hints"),
        }

    def refresh(self) -> None:
        """Read what is due now (one session) and rebuild the list, keeping the selection."""
        try:
            with self._context.session_factory() as session:
                due = followups.due_for(session, self._context.user_id, date.today())
        except MzdeskError as error:
            self._refused(error)
            return
        self._show_due(due)

    def _refused(self, error: MzdeskError) -> None:
        self.due = None
        self.tree.clear()
        self.message_label.setText(error.german)

    def _show_due(self, due: DueList) -> None:
        selected = self.selected_item()
        self.due = due
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        palette = self.tree.palette()
        reselect: QTreeWidgetItem | None = None
        for group, title in self._titles().items():
            items = due.items(group)
            if not items:
                continue
            top = QTreeWidgetItem([f"{title} ({len(items)})"])
            top.setFirstColumnSpanned(True)
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for entry in items:
                row = QTreeWidgetItem(
                    [format_date(entry.due_on), entry.file_number, entry.person_name, entry.text]
                )
                row.setData(0, ITEM_ROLE, entry)
                row.setToolTip(3, entry.text)
                if group is Group.OVERDUE:  # the date says it: a red list would tire the eye
                    row.setForeground(0, QBrush(theme.qcolor("overdue", palette)))
                top.addChild(row)
                if selected is not None and entry.record_id == selected.record_id:
                    reselect = row
            top.setExpanded(True)
        self.count_label.setText(self.tr("%n due", "", due.urgent_count))
        self.count_label.setVisible(True)
        if not due.items():
            empty = QTreeWidgetItem([self.tr("Nothing due. Well done.")])
            empty.setFirstColumnSpanned(True)
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
        first = reselect or self._first_entry()
        if first is not None:
            self.tree.setCurrentItem(first)

    def _first_entry(self) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is not None and top.childCount():
                return top.child(0)
        return None

    def selected_item(self) -> DueItem | None:
        current = self.tree.currentItem()
        value = current.data(0, ITEM_ROLE) if current is not None else None
        return value if isinstance(value, DueItem) else None

    # --- actions --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_person()
                return True
            if event.key() == Qt.Key.Key_Space and not event.modifiers():
                self.mark_done()
                return True
        return super().eventFilter(watched, event)

    def open_person(self) -> None:
        entry = self.selected_item()
        if entry is not None:
            self._context.show_person(entry.person_id)

    def _show_error(self, error: MzdeskError) -> None:
        self.message_label.setText(error.german)

    def mark_done(self) -> None:
        entry = self.selected_item()
        if entry is None:
            return

        def done(session: Session) -> bool:
            follow_up = followups.follow_up_from(session, entry, user_id=self._context.user_id)
            followups.mark_done(session, follow_up.id)
            return True

        if self._context.write(done, refused=self.message_label.setText) is None:
            return
        log.info("follow-up entry %s (%s) done", entry.record_id, entry.kind.value)
        self.message_label.setText(self.tr("Done."))
        self._select_next_after(entry)

    def start_postpone(self) -> None:
        if self.selected_item() is None:
            return
        if not self.postpone_edit.text().strip():
            self.postpone_edit.setText(format_date(date.today() + timedelta(days=7)))
        self.postpone_edit.setFocus()
        self.postpone_edit.selectAll()

    def postpone(self) -> None:
        entry = self.selected_item()
        if entry is None:
            return
        try:
            parsed = parse_date(self.postpone_edit.text())
            if parsed is None:
                self.message_label.setText(self.tr("Type the new date, like 24.11.2026."))
                return
            day = parsed.value

            def postpone(session: Session) -> None:
                follow_up = followups.follow_up_from(
                    session, entry, day, user_id=self._context.user_id
                )
                followups.postpone(session, follow_up.id, day)

            self._context.write(postpone)
        except MzdeskError as error:
            self._show_error(error)  # the typed date stays in the field
            return
        self.postpone_edit.clear()
        self.message_label.setText(
            self.tr("Postponed to %1.").replace("%1", format_date(parsed.value))
        )
        self.refresh()
        self.tree.setFocus()

    def _select_next_after(self, entry: DueItem) -> None:
        """Refresh, then select the entry that followed the one just handled."""
        order = [e.record_id for e in (self.due.items() if self.due else ())]
        self.refresh()
        if entry.record_id in order:
            later = order[order.index(entry.record_id) + 1 :]
            for index in range(self.tree.topLevelItemCount()):
                top = self.tree.topLevelItem(index)
                for position in range(top.childCount() if top else 0):
                    row = top.child(position) if top else None
                    value = row.data(0, ITEM_ROLE) if row else None
                    if isinstance(value, DueItem) and value.record_id in later[:1]:
                        self.tree.setCurrentItem(row)
        self.tree.setFocus()

    # --- selftest -------------------------------------------------------------------------

    def selftest(self) -> str:
        self.refresh()
        assert self.due is not None
        shown = sum(
            (self.tree.topLevelItem(i) or QTreeWidgetItem()).childCount()
            for i in range(self.tree.topLevelItemCount())
        )
        if shown != len(self.due.items()):
            raise AssertionError(f"{shown} entries shown, {len(self.due.items())} due")
        return (
            f"{shown} entries: {len(self.due.overdue)} overdue, {len(self.due.due_today)} today, "
            f"{len(self.due.documents)} documents, {len(self.due.hints)} hints"
        )


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="follow_ups",
            title=lambda: QCoreApplication.translate("Areas", "Follow-ups"),
            icon="followups.svg",
            factory=FollowUpsView,
            order=20,
        )
    )
