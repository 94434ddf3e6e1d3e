"""The audit area (team leads and admins): who viewed, changed, exported … what, and when.

Filters: person (file number or id), user name, action, period (TT.MM.JJJJ). The list is
paged lazily, newest first (``canFetchMore``/``fetchMore``, 200 entries per page by ``seq``).
The core decides what shows: a lead sees entries about their team's persons (and those about
no person), an admin all entries but only the field names of their details.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import audit
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView

log = logging.getLogger(__name__)

PAGE = 200
_Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """Audit rows for one filter, fetched a page at a time."""

    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.where = audit.AuditFilter()
        self.rows: list[audit.AuditRow] = []
        self._more = False
        self.total = 0
        self.headers = [
            self.tr("No."),
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Person"),
            self.tr("Details"),
        ]

    def load(self, where: audit.AuditFilter) -> None:
        """Start over with ``where`` (raises MzdeskError, e.g. no permission)."""
        with self._context.session_factory() as session:
            total = audit.count_filtered(session, where)
            first = audit.list_entries(session, where, limit=PAGE)
        self.beginResetModel()
        self.where, self.total, self.rows = where, total, first
        self._more = len(first) == PAGE
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or not self.rows:
            return
        try:
            with self._context.session_factory() as session:
                page = audit.list_entries(
                    session, self.where, before_seq=self.rows[-1].seq, limit=PAGE
                )
        except MzdeskError:
            self._more = False
            return
        self._more = len(page) == PAGE
        if page:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return str(row.seq)
        if column == 1:
            return row.at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
        if column == 2:
            return row.user or self.tr("(program)")
        if column == 3:
            return row.action
        if column == 4:
            suffix = f" {row.entity_id.hex[-8:]}" if row.entity_id else ""
            return f"{row.entity}{suffix}"
        if column == 5:
            if row.file_number:
                return row.file_number
            return row.person_id.hex[-8:] if row.person_id else ""
        return row.details


def _parse_day(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        day, month, year = (int(part) for part in text.split("."))
        return date(year, month, day)
    except ValueError:
        raise MzdeskError(
            f"not a date: {text!r}", german=f"„{text}“ ist kein Datum (TT.MM.JJJJ)."
        ) from None


class AuditView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.context = context
        layout = QVBoxLayout(self)
        filters = QFormLayout()
        self.person = self._field(filters, self.tr("&Person (file number):"), "auditPerson")
        self.user = self._field(filters, self.tr("&User:"), "auditUser")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.setEditable(True)
        self.action.setAccessibleName(self.tr("Action"))
        label = QLabel(self.tr("&Action:"))
        label.setBuddy(self.action)
        filters.addRow(label, self.action)
        period = QHBoxLayout()
        self.start = QLineEdit()
        self.start.setObjectName("auditFrom")
        self.start.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.start.setAccessibleName(self.tr("From"))
        self.end = QLineEdit()
        self.end.setObjectName("auditTo")
        self.end.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.end.setAccessibleName(self.tr("To"))
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        period_label = QLabel(self.tr("P&eriod:"))
        period_label.setBuddy(self.start)
        filters.addRow(period_label, period)
        layout.addLayout(filters)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("&Show"))
        self.apply_button.clicked.connect(self.apply)
        buttons.addWidget(self.apply_button)
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        for edit in (self.person, self.user, self.start, self.end):
            edit.returnPressed.connect(self.apply)
        lined = self.action.lineEdit()
        if lined is not None:
            lined.returnPressed.connect(self.apply)

        self.model = AuditModel(context, self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Audit trail"))
        layout.addWidget(self.table, 1)
        self.refresh_action = QAction(self.tr("Refresh audit trail"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.apply)
        self.addAction(self.refresh_action)
        self._fill_actions()
        self.apply()

    def _field(self, form: QFormLayout, text: str, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(text.replace("&", "").rstrip(":"))
        label = QLabel(text)
        label.setBuddy(edit)
        form.addRow(label, edit)
        return edit

    def _fill_actions(self) -> None:
        try:
            with self.context.session_factory() as session:
                names = audit.known_actions(session)
        except MzdeskError:
            names = []
        self.action.addItem("")
        self.action.addItems(names)

    def menu_actions(self) -> list[QAction]:
        return [self.refresh_action]

    def apply(self) -> None:
        try:
            with self.context.session_factory() as session:
                where = audit.make_filter(
                    session,
                    person=self.person.text(),
                    user=self.user.text(),
                    action=self.action.currentText(),
                    start=_parse_day(self.start.text()),
                    end=_parse_day(self.end.text()),
                )
            self.model.load(where)
        except MzdeskError as error:
            log.info("audit view: %s", type(error).__name__)
            self.status.setText(error.german)
            return
        self.status.setText(self.tr("%n entries", "", self.model.total))

    def selftest(self) -> str:
        return f"{self.model.total} entries"


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="audit",
            title=lambda: QCoreApplication.translate("Areas", "Audit trail"),
            icon="administration.svg",
            factory=AuditView,
            order=900,
        )
    )
