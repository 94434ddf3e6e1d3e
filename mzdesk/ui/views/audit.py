"""The audit area (team leads and admins): who viewed, changed, exported … what, and when.

Filters: person (file number or id), user name, action, period (TT.MM.JJJJ). The list is
paged lazily, newest first (``canFetchMore``/``fetchMore``, 200 entries per page by ``seq``).
The core decides what shows: a lead sees entries about their team's persons (and those about
no person), an admin all entries but only the field names of their details.

Everything is in words, never codes or JSON: each action has a German label ("Brief
gedruckt", "Statistik exportiert (Excel)", "Einwilligung erfasst" …), codes become their
reference labels ("Kontaktweg: Telefon", data categories, roles), ids the partner's, user's,
team's or event's name (``core.services.audit_names``), dates German.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
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
from mzdesk.ui.models.audit_table import AuditModel

log = logging.getLogger(__name__)


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
        self.table.setTabKeyNavigation(False)  # Tab moves on, not cell to cell
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
        # refused (no right to read the trail): no actions to offer
        names = self.context.read(audit.known_actions, refused=lambda _german: None) or []
        labels = self.model.action_labels()
        self.action.addItem("", "")
        for name in names:
            self.action.addItem(labels.get(name, name.replace("_", " ")), name)

    def _action_code(self) -> str:
        """The chosen action's code; typed text may be a code or a shown label."""
        text = self.action.currentText().strip()
        index = self.action.findText(text)
        return str(self.action.itemData(index)) if index >= 0 else text

    def menu_actions(self) -> list[QAction]:
        return [self.refresh_action]

    def apply(self) -> None:
        try:
            where = self.context.read(
                lambda session: audit.make_filter(
                    session,
                    person=self.person.text(),
                    user=self.user.text(),
                    action=self._action_code(),
                    start=_parse_day(self.start.text()),
                    end=_parse_day(self.end.text()),
                )
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
