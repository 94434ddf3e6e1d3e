"""The follow-ups area ("Wiedervorlagen"): what is due for the logged-in counsellor.

One grouped list (``followups.due_for``): overdue, today, the next seven days, expiring
residence documents, legal-category hints; the heading of each group says what it is, and
overdue entries are also dark red (never colour alone). Keyboard: the list has the focus
when the area is opened; Up/Down, Home/End and Page Up/Down move between entries and skip the
group headings; Enter opens the person, Space or Ctrl+D marks done, Ctrl+Z (or the undo bar's
"Rückgängig") takes the last "done" back, Ctrl+P jumps to the date field (German date, Enter
postpones), F5 refreshes; the list refreshes whenever the area is shown. For a document, hint
or unanswered referral "done" and "postpone" first turn it into a follow-up (see
``followups.follow_up_from``), so every dismissal stays on record (and its undo reopens that
follow-up). A team lead gets "Ganzes Team": the follow-ups of every case of the team, with
whom each is assigned to (``followups.Scope.TEAM``; the core refuses it to anyone else).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
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
    QCheckBox,
    QFrame,
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
from mzdesk.core.services.followups import DueItem, DueList, Group, Scope
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
ASSIGNEE_COLUMN = 4
_MOVES = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -10,
    Qt.Key.Key_PageDown: 10,
}


@dataclass(frozen=True)
class Undone:
    """A "done" that can be taken back: the entry as it was, the follow-up marked done."""

    entry: DueItem
    follow_up_id: uuid.UUID


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
        self.team_toggle = child(self.form, QCheckBox, "teamToggle")
        self.undo_bar = child(self.form, QFrame, "undoBar")
        self.undo_label = child(self.form, QLabel, "undoLabel")
        self.undo_button = child(self.form, QPushButton, "undoButton")
        theme.style(
            self.undo_bar,
            "QFrame#undoBar { background: $warning_bg; border: 1px solid $warning_border;"
            " border-radius: 4px; } QLabel { color: $warning_fg; }",
        )
        self.undo_bar.hide()
        self._undo: list[Undone] = []
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((190, 130, 220)):
            self.tree.setColumnWidth(column, width)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(ASSIGNEE_COLUMN, 160)
        self.tree.setColumnHidden(ASSIGNEE_COLUMN, True)
        self.setFocusProxy(self.tree)  # Ctrl+2 focuses the view: the list takes it
        self.tree.installEventFilter(self)
        self.tree.itemActivated.connect(lambda _item, _column: self.open_person())
        self.done_button.clicked.connect(self.mark_done)
        self.open_button.clicked.connect(self.open_person)
        self.postpone_edit.returnPressed.connect(self.postpone)
        self.undo_button.clicked.connect(self.undo)
        self.due: DueList | None = None
        self._loading = False
        lead = context.user_id is not None and bool(
            context.read(followups.may_see_team, refused=lambda _text: None)
        )
        self.team_toggle.setVisible(lead)
        self.team_toggle.setChecked(lead)  # a lead's own list is mostly empty: the team first
        self.team_toggle.toggled.connect(lambda _on: self.refresh())

        self.done_action = self._action(self.tr("Mark done"), "Ctrl+D", self.mark_done)
        self.postpone_action = self._action(self.tr("Postpone…"), "Ctrl+P", self.start_postpone)
        self.refresh_action = self._action(self.tr("Refresh follow-ups"), "F5", self.refresh)
        self.undo_action = self._action(self.tr("Undo done"), "Ctrl+Z", self.undo)
        self.undo_action.setEnabled(False)
        self.list_actions = ListPrinting(context, self).actions("follow_ups")

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def menu_actions(self) -> list[QAction]:
        return [
            self.done_action,
            self.undo_action,
            self.postpone_action,
            self.refresh_action,
            *self.list_actions,
        ]

    def scope(self) -> Scope:
        return Scope.TEAM if self.team_toggle.isChecked() else Scope.MINE

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
            waiting.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(waiting)
            waiting.setFirstColumnSpanned(True)  # only once in the tree: it needs the view
        context = self._context
        scope = self.scope()

        def load(_progress: Progress) -> DueList:
            return context.read(
                lambda session: followups.due_for(
                    session, context.user_id, date.today(), scope=scope
                )
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
                due = followups.due_for(
                    session, self._context.user_id, date.today(), scope=self.scope()
                )
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
        team = self.scope() is Scope.TEAM
        self.tree.setColumnHidden(ASSIGNEE_COLUMN, not team)
        for group, title in self._titles().items():
            items = due.items(group)
            if not items:
                continue
            top = QTreeWidgetItem([f"{title} ({len(items)})"])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # after adding: Qt ignores it on a loose item
            for entry in items:
                row = QTreeWidgetItem(
                    [
                        format_date(entry.due_on),
                        entry.file_number,
                        entry.person_name,
                        entry.text,
                        entry.assignee_name,
                    ]
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
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        first = reselect or self._first_entry()
        if first is not None:
            self.tree.setCurrentItem(first)

    def _first_entry(self) -> QTreeWidgetItem | None:
        rows = self._entry_rows()
        return rows[0] if rows else None

    def _entry_rows(self) -> list[QTreeWidgetItem]:
        """The entries in the order shown, without the group headings."""
        rows: list[QTreeWidgetItem] = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            for position in range(top.childCount() if top is not None else 0):
                row = top.child(position) if top is not None else None
                if row is not None and isinstance(row.data(0, ITEM_ROLE), DueItem):
                    rows.append(row)
        return rows

    def _move(self, key: Qt.Key) -> bool:
        """Move the selection among the entries (headings are skipped); True if handled."""
        rows = self._entry_rows()
        if not rows:
            return False
        current = self.tree.currentItem()
        position = rows.index(current) if current in rows else -1
        if key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = len(rows) - 1
        elif position < 0:
            target = 0
        else:
            target = min(max(position + _MOVES[key], 0), len(rows) - 1)
        self.tree.setCurrentItem(rows[target])
        self.tree.scrollToItem(rows[target])
        return True

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
            moves = (Qt.Key.Key_Home, Qt.Key.Key_End, *_MOVES)
            if event.key() in moves and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return self._move(Qt.Key(event.key()))
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

        def done(session: Session) -> uuid.UUID:
            follow_up = followups.follow_up_from(session, entry, user_id=self._context.user_id)
            followups.mark_done(session, follow_up.id)
            return follow_up.id

        follow_up_id = self._context.write(done, refused=self.message_label.setText)
        if follow_up_id is None:
            return
        log.info("follow-up entry %s (%s) done", entry.record_id, entry.kind.value)
        self._undo.append(Undone(entry, follow_up_id))
        self.message_label.clear()
        self._show_undo_bar()
        self._select_next_after(entry)

    def _show_undo_bar(self) -> None:
        self.undo_action.setEnabled(bool(self._undo))
        if not self._undo:
            self.undo_bar.hide()
            return
        last = self._undo[-1].entry
        self.undo_label.setText(
            self.tr("Done: %1 – %2.").replace("%1", last.person_name).replace("%2", last.text)
        )
        self.undo_bar.show()

    def undo(self) -> None:
        """Take back the last "done": the follow-up is open again and selected."""
        if not self._undo:
            return
        last = self._undo[-1]
        result = self._context.write(
            lambda session: followups.reopen(session, last.follow_up_id) is not None,
            refused=self.message_label.setText,
        )
        if result is None:
            return
        self._undo.pop()
        log.info("follow-up %s open again", last.follow_up_id)
        self._show_undo_bar()
        self.message_label.setText(self.tr("Open again: %1.").replace("%1", last.entry.text))
        self.refresh()
        for row in self._entry_rows():
            value = row.data(0, ITEM_ROLE)
            if isinstance(value, DueItem) and value.record_id in (
                last.follow_up_id,
                last.entry.record_id,
            ):
                self.tree.setCurrentItem(row)
                break
        self.tree.setFocus()

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
