"""Decisions a kit merge left open: field conflicts side by side, and possible duplicates.

Conflicts: one row per field with the office value and the kit value next to each other;
Ctrl+1 keeps the office value, Ctrl+2 takes the kit's. Duplicates: each new person with the
existing persons it may be; Ctrl+L links it to the selected one (the persons are merged),
Ctrl+N keeps it as a new person. Every decision is one session, one commit.
"""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.core.kits import review
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView
from mzdesk.ui.operations import show_message

ID_ROLE = Qt.ItemDataRole.UserRole
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1  # the conflict's column name (field cell)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("KitReview", "yes")
            if value
            else QCoreApplication.translate("KitReview", "no")
        )
    return str(value)


def field_labels() -> dict[str, str]:
    """German (translated) names of the common person, case and contact columns."""
    return {
        "family_name": QCoreApplication.translate("RecordFields", "Family name"),
        "given_names": QCoreApplication.translate("RecordFields", "Given names"),
        "family_name_original": QCoreApplication.translate(
            "RecordFields", "Family name (original script)"
        ),
        "given_names_original": QCoreApplication.translate(
            "RecordFields", "Given names (original script)"
        ),
        "birth_date": QCoreApplication.translate("RecordFields", "Date of birth"),
        "birth_date_precision": QCoreApplication.translate(
            "RecordFields", "Date of birth precision"
        ),
        "sex": QCoreApplication.translate("RecordFields", "Sex"),
        "phone": QCoreApplication.translate("RecordFields", "Phone"),
        "email": QCoreApplication.translate("RecordFields", "Email"),
        "street": QCoreApplication.translate("RecordFields", "Street"),
        "postcode": QCoreApplication.translate("RecordFields", "Postcode"),
        "city": QCoreApplication.translate("RecordFields", "Town"),
        "municipality": QCoreApplication.translate("RecordFields", "Municipality"),
        "country_code": QCoreApplication.translate("RecordFields", "Country"),
        "language_code": QCoreApplication.translate("RecordFields", "Language"),
        "interpreter_language": QCoreApplication.translate("RecordFields", "Interpreter language"),
        "arrival_date": QCoreApplication.translate("RecordFields", "Arrival date"),
        "cefr_level": QCoreApplication.translate("RecordFields", "German level"),
        "file_number": QCoreApplication.translate("RecordFields", "File number"),
        "note": QCoreApplication.translate("RecordFields", "Note"),
        "household_id": QCoreApplication.translate("RecordFields", "Household"),
        "team_id": QCoreApplication.translate("RecordFields", "Team"),
        "status": QCoreApplication.translate("RecordFields", "Status"),
        "opened_on": QCoreApplication.translate("RecordFields", "Opened on"),
        "closed_on": QCoreApplication.translate("RecordFields", "Closed on"),
        "closing_reason": QCoreApplication.translate("RecordFields", "Closing reason"),
        "goals": QCoreApplication.translate("RecordFields", "Goals"),
        "topics": QCoreApplication.translate("RecordFields", "Topics"),
        "counsellor_id": QCoreApplication.translate("RecordFields", "Counsellor"),
        "occurred_at": QCoreApplication.translate("RecordFields", "Date and time"),
        "channel": QCoreApplication.translate("RecordFields", "Channel"),
        "minutes": QCoreApplication.translate("RecordFields", "Minutes"),
        "summary": QCoreApplication.translate("RecordFields", "Summary"),
        "due_on": QCoreApplication.translate("RecordFields", "Due on"),
        "done_at": QCoreApplication.translate("RecordFields", "Done on"),
        "text": QCoreApplication.translate("RecordFields", "Text"),
        "assigned_to_id": QCoreApplication.translate("RecordFields", "Assigned to"),
        "source": QCoreApplication.translate("RecordFields", "Source"),
        "reason": QCoreApplication.translate("RecordFields", "Reason"),
        "role": QCoreApplication.translate("RecordFields", "Role"),
    }


class KitReviewView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        conflicts_page = QWidget()
        self.conflict_count = QLabel()
        self.conflicts = QTableWidget(0, 4)
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Field"), self.tr("Office value"), self.tr("Kit value")]
        )
        self.conflicts.setAccessibleName(self.tr("Conflicts"))
        self.conflicts.setTabKeyNavigation(False)  # Tab moves on, not cell to cell
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.verticalHeader().hide()
        header = self.conflicts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keep_office = QPushButton(self.tr("Keep &office value"))
        self.take_kit = QPushButton(self.tr("Take &kit value"))
        self.keep_office.setToolTip(self.tr("Ctrl+1"))
        self.take_kit.setToolTip(self.tr("Ctrl+2"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflict_count)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_office)
        buttons.addWidget(self.take_kit)
        page = QVBoxLayout(conflicts_page)
        page.addWidget(self.conflicts)
        page.addLayout(buttons)
        self.tabs.addTab(conflicts_page, self.tr("&Conflicts"))

        duplicates_page = QWidget()
        self.duplicate_count = QLabel()
        self.duplicates = QTreeWidget()
        self.duplicates.setColumnCount(3)
        self.duplicates.setHeaderLabels([self.tr("Person"), self.tr("Score"), self.tr("Reasons")])
        self.duplicates.setAccessibleName(self.tr("Possible duplicates"))
        duplicate_header = self.duplicates.header()
        duplicate_header.setStretchLastSection(False)
        duplicate_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        duplicate_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        duplicate_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.link = QPushButton(self.tr("&Link to this person"))
        self.keep_new = QPushButton(self.tr("Keep as &new person"))
        self.link.setToolTip(self.tr("Ctrl+L"))
        self.keep_new.setToolTip(self.tr("Ctrl+N"))
        row = QHBoxLayout()
        row.addWidget(self.duplicate_count)
        row.addStretch(1)
        row.addWidget(self.link)
        row.addWidget(self.keep_new)
        page = QVBoxLayout(duplicates_page)
        page.addWidget(self.duplicates)
        page.addLayout(row)
        self.tabs.addTab(duplicates_page, self.tr("&Duplicates to review"))

        self.keep_office_action = self._action(
            self.tr("Keep office value"), "Ctrl+1", self.decide_office
        )
        self.take_kit_action = self._action(self.tr("Take kit value"), "Ctrl+2", self.decide_kit)
        self.link_action = self._action(
            self.tr("Link to existing person"), "Ctrl+L", self.link_selected
        )
        self.keep_new_action = self._action(
            self.tr("Keep as new person"), "Ctrl+N", self.keep_selected_new
        )
        self.refresh_action = self._action(self.tr("Reload"), "F5", self.reload)
        self.keep_office.clicked.connect(self.decide_office)
        self.take_kit.clicked.connect(self.decide_kit)
        self.link.clicked.connect(self.link_selected)
        self.keep_new.clicked.connect(self.keep_selected_new)
        self.reload()

    def _action(self, text: str, keys: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _reason_labels(self) -> dict[str, str]:
        """The duplicate check's reason codes (core/dedupe/scoring.py) in words."""
        return {
            "name_key": self.tr("same name"),
            "name_similar": self.tr("similar name"),
            "names_swapped": self.tr("given and family name swapped"),
            "birth_date": self.tr("same date of birth"),
            "birth_date_transposed": self.tr("date of birth with swapped day and month"),
            "birth_year_placeholder": self.tr("same year of birth"),
            "nationality": self.tr("same nationality"),
            "phone": self.tr("same phone number"),
            "common_name": self.tr("common name"),
        }

    def menu_actions(self) -> list[QAction]:
        return [
            self.keep_office_action,
            self.take_kit_action,
            self.link_action,
            self.keep_new_action,
        ]

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            with self._context.session_factory() as session:
                conflicts = review.open_conflicts(session)
                duplicates = review.open_duplicates(session)
        except MzdeskError as error:  # e.g. an admin: no kits for them; say so in German
            self.conflicts.setRowCount(0)
            self.duplicates.clear()
            for label in (self.conflict_count, self.duplicate_count):
                label.setText(error.german)
            for button in (self.keep_office, self.take_kit, self.link, self.keep_new):
                button.setEnabled(False)
            return
        current = self.conflicts.currentRow()
        self.conflicts.setRowCount(len(conflicts))
        fields = field_labels()
        for index, item in enumerate(conflicts):
            field = fields.get(item.field, item.field)
            cells = [item.record, field, shown(item.office_value), shown(item.kit_value)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, str(item.id))
                if column == 1:
                    cell.setData(FIELD_ROLE, item.field)
                self.conflicts.setItem(index, column, cell)
        if conflicts:
            self.conflicts.selectRow(min(max(current, 0), len(conflicts) - 1))
        self.conflict_count.setText(self.tr("%n open conflict(s)", "", len(conflicts)))
        self.duplicates.clear()
        reasons = self._reason_labels()
        for dup in duplicates:
            top = QTreeWidgetItem([dup.label, "", ""])
            top.setData(0, ID_ROLE, str(dup.person_id))
            for candidate in dup.candidates:
                words = ", ".join(reasons.get(code, code) for code in candidate.reasons)
                score = self.tr("%1 %").replace("%1", str(round(candidate.score * 100)))
                child = QTreeWidgetItem([candidate.label, score, words])
                child.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                child.setToolTip(2, words)
                child.setData(0, ID_ROLE, str(candidate.conflict_id))
                top.addChild(child)
            self.duplicates.addTopLevelItem(top)
            top.setExpanded(True)
        if duplicates:
            first = self.duplicates.topLevelItem(0)
            if first is not None:
                self.duplicates.setCurrentItem(first.child(0) or first)
        self.duplicate_count.setText(self.tr("%n new person(s) to review", "", len(duplicates)))
        has_conflict = bool(conflicts)
        self.keep_office.setEnabled(has_conflict)
        self.take_kit.setEnabled(has_conflict)
        self.link.setEnabled(bool(duplicates))
        self.keep_new.setEnabled(bool(duplicates))

    # -- decisions -----------------------------------------------------------------------------
    def _selected_conflict(self) -> uuid.UUID | None:
        item = self.conflicts.item(self.conflicts.currentRow(), 0)
        return uuid.UUID(item.data(ID_ROLE)) if item is not None else None

    def _decide(self, choice: review.Choice) -> None:
        conflict_id = self._selected_conflict()
        if conflict_id is None:
            return
        self._run(lambda session: review.resolve_conflict(session, conflict_id, choice))

    def decide_office(self) -> None:
        self._decide(review.Choice.OFFICE)

    def decide_kit(self) -> None:
        self._decide(review.Choice.KIT)

    def link_selected(self) -> None:
        item = self.duplicates.currentItem()
        if item is None or item.parent() is None:
            return  # a candidate must be chosen, not the new person itself
        conflict_id = uuid.UUID(item.data(0, ID_ROLE))
        self._run(lambda session: review.link_duplicate(session, conflict_id))

    def keep_selected_new(self) -> None:
        item = self.duplicates.currentItem()
        if item is None:
            return
        top = item.parent() or item
        person_id = uuid.UUID(top.data(0, ID_ROLE))
        self._run(lambda session: review.keep_as_new(session, person_id))

    def _run(self, action: Any) -> None:
        self._context.write(action, refused=partial(show_message, self))
        self.reload()

    def selftest(self) -> str:
        duplicates = self.duplicates.topLevelItemCount()
        return f"{self.conflicts.rowCount()} conflicts, {duplicates} duplicates"


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="kit_review",
            title=lambda: QCoreApplication.translate("Areas", "Kit review"),
            icon="kitreview.svg",
            factory=KitReviewView,
            order=75,
        )
    )
