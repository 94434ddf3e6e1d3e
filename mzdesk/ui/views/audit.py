"""The audit area (team leads and admins): who viewed, changed, exported … what, and when.

Filters: person (file number or id), user name, action, period (TT.MM.JJJJ). The list is
paged lazily, newest first (``canFetchMore``/``fetchMore``, 200 entries per page by ``seq``).
The core decides what shows: a lead sees entries about their team's persons (and those about
no person), an admin all entries but only the field names of their details.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
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
from mzdesk.ui.views.kit_review import field_labels

log = logging.getLogger(__name__)

PAGE = 200
SHORT_DETAILS = 120  # characters shown in the details column; the tooltip has all
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Shown:
    """What one audit row shows: translated action and record, details short and in full."""

    action: str
    record: str
    details: str
    full_details: str


class AuditModel(QAbstractTableModel):
    """Audit rows for one filter, fetched a page at a time."""

    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.where = audit.AuditFilter()
        self.rows: list[audit.AuditRow] = []
        self.shown: list[Shown] = []
        self._actions = self.action_labels()
        self._entities = self._entity_labels()
        self._fields = field_labels()
        self._denials = self._denial_labels()
        self._permissions = self._permission_labels()
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
        self.shown = [self._shown(row) for row in first]
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
            self.shown.extend(self._shown(row) for row in page)
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
        shown = self.shown[index.row()]
        if column == 3:
            return shown.action
        if column == 4:
            return shown.record
        if column == 5:
            if row.file_number:
                return row.file_number
            return row.person_id.hex[-8:] if row.person_id else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown.full_details
        return shown.details

    # --- codes in words -----------------------------------------------------------------------

    def action_labels(self) -> dict[str, str]:
        """The action codes of the trail (``audit.append`` calls) in words."""
        return {
            "view": self.tr("viewed"),
            "login": self.tr("logged in"),
            "login_failed": self.tr("login failed"),
            "login_refused": self.tr("login refused"),
            "password_changed": self.tr("password changed"),
            "password_set": self.tr("password set"),
            "disable": self.tr("disabled"),
            "denied": self.tr("access denied"),
            "edit": self.tr("edited"),
            "update": self.tr("changed"),
            "create": self.tr("created"),
            "status": self.tr("status changed"),
            "merge": self.tr("merged"),
            "kit_merge": self.tr("kit merged"),
            "erase": self.tr("erased"),
            "export": self.tr("exported"),
            "privacy_export": self.tr("data subject export"),
            "print": self.tr("printed"),
            "override": self.tr("consent overridden"),
            "consent_override": self.tr("consent overridden"),
            "residence_status": self.tr("residence status"),
            "legal_category": self.tr("legal category"),
            "backup": self.tr("backup"),
            "restore": self.tr("restore"),
            "retention": self.tr("retention deletion"),
            "audit_retention": self.tr("audit trail shortened"),
        }

    def _entity_labels(self) -> dict[str, str]:
        return {
            "person": self.tr("Person"),
            "persons": self.tr("Persons"),
            "case": self.tr("Case"),
            "contact": self.tr("Contact"),
            "follow_up": self.tr("Follow-up"),
            "referral": self.tr("Referral"),
            "user": self.tr("User account"),
            "team": self.tr("Team"),
            "event": self.tr("Event"),
            "database": self.tr("Database"),
            "audit_entries": self.tr("Audit trail"),
            "access": self.tr("Access"),
        }

    def _denial_labels(self) -> dict[str, str]:
        """The reasons of core/access.py's ``_reason`` (English phrases) in words."""
        return {
            "the account is disabled": self.tr("the account is disabled"),
            "an admin does not read case contents": self.tr(
                "an administrator does not read case contents"
            ),
            "the case belongs to another team": self.tr("the case belongs to another team"),
            "the person belongs to another team": self.tr("the person belongs to another team"),
        }

    def _permission_labels(self) -> dict[str, str]:
        """The permission codes (``access.Action``) named in a denial."""
        return {
            "read_person": self.tr("read person data"),
            "edit_person": self.tr("edit person data"),
            "merge_persons": self.tr("merge persons"),
            "refer": self.tr("referrals and consents"),
            "override_consent": self.tr("referral without consent"),
            "read_statistics": self.tr("statistics"),
            "export": self.tr("export"),
            "privacy": self.tr("data protection"),
            "read_audit": self.tr("read the audit trail"),
            "manage_accounts": self.tr("manage accounts"),
            "manage_settings": self.tr("change settings"),
            "backup": self.tr("backup and restore"),
            "events": self.tr("events"),
        }

    def _shown(self, row: audit.AuditRow) -> Shown:
        entity = self._entities.get(row.entity, row.entity)
        record = f"{entity} {row.entity_id.hex[-8:]}" if row.entity_id else entity
        full = self._details(row)
        short = " ".join(full.split())
        if len(short) > SHORT_DETAILS:
            short = short[: SHORT_DETAILS - 1] + "…"
        return Shown(self._actions.get(row.action, row.action), record, short, full)

    def _field(self, name: str) -> str:
        return self._fields.get(name, name)

    def _value(self, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, list):
            return ", ".join(self._value(item) for item in value) or "—"
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        text = str(value)
        if len(text) == 36 and text.count("-") == 4:  # an id: short, as in the record column
            try:
                return uuid.UUID(text).hex[-8:]
            except ValueError:
                pass
        return text

    def _details(self, row: audit.AuditRow) -> str:
        """The details readable: "field: old → new" for edits, the reason of a denial; for an
        admin only the field names. Every change, however long the entry."""
        data = row.values
        if data is None:  # an admin: the field names only
            names = [name.strip() for name in row.details.split(",") if name.strip()]
            return ", ".join(self._field(name) for name in names)
        if row.action == "denied" and "reason" in data:
            reason = str(data["reason"])
            if reason.startswith("the role ") and reason.endswith(" may not"):
                role = reason.removeprefix("the role ").removesuffix(" may not")
                text = self.tr("the role %1 may not do this").replace("%1", role)
            else:
                text = self._denials.get(reason, reason)
            permission = str(data.get("action", ""))
            if permission:
                text = f"{self._permissions.get(permission, permission)}: {text}"
            return text
        nested = data.get("changes")
        changes: dict[str, Any] = nested if isinstance(nested, dict) else data
        parts = []
        for key, value in sorted(changes.items()):
            if isinstance(value, dict) and set(value) == {"old", "new"}:
                old, new = self._value(value["old"]), self._value(value["new"])
                parts.append(f"{self._field(key)}: {old} → {new}")
            else:
                parts.append(f"{self._field(key)}: {self._value(value)}")
        return "; ".join(parts)


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
        try:
            with self.context.session_factory() as session:
                names = audit.known_actions(session)
        except MzdeskError:
            names = []
        labels = self.model.action_labels()
        self.action.addItem("", "")
        for name in names:
            self.action.addItem(labels.get(name, name), name)

    def _action_code(self) -> str:
        """The chosen action's code; typed text may be a code or a shown label."""
        text = self.action.currentText().strip()
        index = self.action.findText(text)
        return str(self.action.itemData(index)) if index >= 0 else text

    def menu_actions(self) -> list[QAction]:
        return [self.refresh_action]

    def apply(self) -> None:
        try:
            with self.context.session_factory() as session:
                where = audit.make_filter(
                    session,
                    person=self.person.text(),
                    user=self.user.text(),
                    action=self._action_code(),
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
