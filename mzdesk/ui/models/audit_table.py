"""The audit trail as a Qt model: one filter's entries, newest first, a page at a time.

``load(where)`` reads the first page (raises MzdeskError, e.g. no permission) and
``canFetchMore``/``fetchMore`` the next, 200 entries per page by ``seq``; ``show_rows`` puts
rows already read in place. Each row is described in words, never codes or JSON: each action
has a German label, codes become their reference labels, ids the partner's, user's, team's or
event's name (``core.services.audit_names``), dates German.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import audit, audit_names
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.views.kit_review import field_labels

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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
        self._pairs = self._pair_labels()
        self._entities = self._entity_labels()
        self._fields = {**field_labels(), **self._detail_labels()}
        self._denials = self._denial_labels()
        self._permissions = self._permission_labels()
        self._roles = self._role_labels()
        self._formats = self._format_labels()
        self._statuses = self._status_labels()
        self._tables = self._table_labels()
        self._names: dict[uuid.UUID, str] = {}  # partner, user, team, event names; file numbers
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

        def read(
            session: Session,
        ) -> tuple[int, list[audit.AuditRow], dict[uuid.UUID, str]]:
            total = audit.count_filtered(session, where)
            first = audit.list_entries(session, where, limit=PAGE)
            return total, first, self._lookup(session, first)

        self.show_rows(where, *self._context.read(read))

    def show_rows(
        self,
        where: audit.AuditFilter,
        total: int,
        rows: list[audit.AuditRow],
        names: dict[uuid.UUID, str],
    ) -> None:
        """Start over with the first page already read: ``total`` entries match ``where``,
        ``names`` are those of the ids the rows refer to. More pages follow from the database
        when ``rows`` is a full page."""
        self.beginResetModel()
        self.where, self.total, self.rows = where, total, rows
        self._names = names
        self.shown = [self.describe(row) for row in rows]
        self._more = len(rows) == PAGE
        self.endResetModel()

    def _lookup(self, session: Session, rows: list[audit.AuditRow]) -> dict[uuid.UUID, str]:
        """The names of the ids the rows' details refer to (one query per kind of record)."""
        ids = {found for row in rows if row.values for found in _ids_in(row.values)}
        # the organisation's own records are named for every reader of the trail (an admin,
        # who sees only the field names of details, too): accounts, teams, events, partners
        ids |= {row.entity_id for row in rows if row.entity_id and row.entity in _NAMED_RECORDS}
        return audit_names.names_for(session, ids) if ids else {}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or not self.rows:
            return

        def read(session: Session) -> list[audit.AuditRow]:
            page = audit.list_entries(session, self.where, before_seq=self.rows[-1].seq, limit=PAGE)
            self._names.update(self._lookup(session, page))
            return page

        try:
            page = self._context.read(read)
        except MzdeskError:
            self._more = False
            return
        self._more = len(page) == PAGE
        if page:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.rows.extend(page)
            self.shown.extend(self.describe(row) for row in page)
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
        """Every action code of the trail (``audit.append`` calls, ``outputs.OutputKind``) in
        words; tests/gui/test_audit_labels.py finds the codes in the source and checks."""
        return {
            "view": self.tr("Viewed"),
            "login": self.tr("Logged in"),
            "unlock": self.tr("Screen unlocked"),
            "logout": self.tr("Logged out (command line)"),
            "window_logout": self.tr("Logged out"),
            "login_failed": self.tr("Login failed"),
            "login_refused": self.tr("Login refused"),
            "password_changed": self.tr("Password changed"),
            "password_set": self.tr("Password set"),
            "disable": self.tr("Account disabled"),
            "enable": self.tr("Account enabled"),
            "denied": self.tr("Access denied"),
            "edit": self.tr("Edited"),
            "update": self.tr("Changed"),
            "create": self.tr("Created"),
            "status": self.tr("Status changed"),
            "merge": self.tr("Persons merged"),
            "kit_merge": self.tr("Event kit merged"),
            "erase": self.tr("Person erased"),
            "export": self.tr("Exported"),
            "privacy_export": self.tr("Data subject access export (Art. 15 GDPR)"),
            "print": self.tr("Printed"),
            "override": self.tr("Exception without consent (team lead)"),
            "consent_override": self.tr("Exception without consent (team lead)"),
            "residence_status": self.tr("Residence status recorded"),
            "legal_category": self.tr("Legal category recorded"),
            "backup": self.tr("Backup made"),
            "restore": self.tr("Backup restored"),
            "retention": self.tr("Deleted after the retention period"),
            "audit_retention": self.tr("Audit trail shortened"),
            "audit_anchor_reset": self.tr("Audit trail accepted as it is (anchor reset)"),
            "encrypt": self.tr("Database encrypted"),
            "rekey": self.tr("Database key changed"),
            "letter_printed": self.tr("Letter printed"),
            "letter_saved": self.tr("Letter saved as PDF"),
            "letter_reprinted": self.tr("Letter printed again"),
            "letter_batch_printed": self.tr("Letter printed with today's letters"),
            "consent_form_printed": self.tr("Consent form printed"),
            "consent_form_saved": self.tr("Consent form saved as PDF"),
            "statistics_exported": self.tr("Statistics exported"),
            "attendance_list": self.tr("Attendance list created"),
            "employer_list": self.tr("Employer list created"),
            "follow_up_list": self.tr("Follow-up list printed or saved"),
            "contact_list": self.tr("Contact list printed or saved"),
            "client_list": self.tr("Client list printed or saved"),
            "kit_exported": self.tr("Event kit exported"),
            "kit_returned": self.tr("Event kit returned from the laptop"),
            "consent_recorded": self.tr("Consent recorded"),
            "consent_withdrawn": self.tr("Consent withdrawn"),
            "referral_sent": self.tr("Referral sent"),
        }

    def _pair_labels(self) -> dict[tuple[str, str], str]:
        """Where the record says more than the action: "created" a case, a contact …"""
        return {
            ("view", "person"): self.tr("Person file viewed"),
            ("create", "person"): self.tr("Person created"),
            ("create", "case"): self.tr("Case opened"),
            ("create", "contact"): self.tr("Contact recorded"),
            ("create", "follow_up"): self.tr("Follow-up created"),
            ("create", "referral"): self.tr("Referral created"),
            ("create", "placement"): self.tr("Placement recorded"),
            ("update", "placement"): self.tr("Placement changed"),
            ("create", "user"): self.tr("User account created"),
            ("create", "team"): self.tr("Team created"),
            ("update", "user"): self.tr("User account changed"),
            ("edit", "person"): self.tr("Person data edited"),
            ("update", "case"): self.tr("Case changed"),
            ("status", "case"): self.tr("Case status changed"),
            ("status", "referral"): self.tr("Referral answered or closed"),
        }

    def _entity_labels(self) -> dict[str, str]:
        return {
            "person": self.tr("Person"),
            "persons": self.tr("Persons"),
            "case": self.tr("Case"),
            "contact": self.tr("Contact"),
            "follow_up": self.tr("Follow-up"),
            "referral": self.tr("Referral"),
            "placement": self.tr("Placement"),
            "consent": self.tr("Consent"),
            "statistics": self.tr("Statistics"),
            "user": self.tr("User account"),
            "team": self.tr("Team"),
            "event": self.tr("Event"),
            "partner": self.tr("Partner"),
            "database": self.tr("Database"),
            "audit_entries": self.tr("Audit trail"),
            "access": self.tr("Access"),
        }

    def _detail_labels(self) -> dict[str, str]:
        """The details' keys that are not record fields (those come from ``field_labels``)."""
        return {
            "anchor_reset": self.tr("Anchor replaced"),
            "missing": self.tr("Entries missing"),
            "problem": self.tr("Problem"),
            "partner_id": self.tr("Partner"),
            "partner_ids": self.tr("Partners"),
            "partner_kinds": self.tr("Partner kinds"),
            "categories": self.tr("Data"),
            "data_categories": self.tr("Data"),
            "format": self.tr("Format"),
            "via": self.tr("Via"),
            "consent_id": self.tr("Consent"),
            "case_id": self.tr("Case"),
            "event_id": self.tr("Event"),
            "kit_id": self.tr("Kit"),
            "override_by_id": self.tr("Exception by"),
            "persons": self.tr("Persons"),
            "entries": self.tr("Entries"),
            "contacts": self.tr("Contacts"),
            "filter": self.tr("Filter"),
            "attendances": self.tr("Attendances"),
            "partners": self.tr("Exhibitors"),
            "suppress_below": self.tr("Small counts hidden below"),
            "period": self.tr("Period"),
            "form": self.tr("Form"),
            "text_version": self.tr("Text version"),
            "given_on": self.tr("Given on"),
            "expires_on": self.tr("Valid until"),
            "withdrawn_on": self.tr("Withdrawn on"),
            "sent_on": self.tr("Sent on"),
            "answer_due_on": self.tr("Answer due"),
            "case_topics_added": self.tr("Topics added to the case"),
            "follow_up_id": self.tr("Follow-up"),
            "follow_up_on": self.tr("Follow-up on"),
            "has_note": self.tr("With a note"),
            "fields": self.tr("Fields given"),
            "file": self.tr("File"),
            "encrypted": self.tr("Encrypted"),
            "bytes": self.tr("Size (bytes)"),
            "aside": self.tr("Previous database kept as"),
            "revision": self.tr("Schema version"),
            "migrated": self.tr("Upgraded"),
            "purpose": self.tr("Purpose of the output"),
            "erasures_reapplied": self.tr("Erasures re-applied"),
            "cli_sessions_ended": self.tr("Command-line sessions ended"),
            "tables": self.tr("Tables"),
            "keep": self.tr("Kept"),
            "other": self.tr("Merged into it"),
            "moved": self.tr("Moved"),
            "dropped": self.tr("Duplicates not copied"),
            "filled": self.tr("Fields taken over"),
            "status_code": self.tr("Residence status"),
            "work_permission": self.tr("Employment"),
            "valid_from": self.tr("Valid from"),
            "valid_until": self.tr("Valid until"),
            "category": self.tr("Legal category"),
            "ended_periods": self.tr("Periods ended"),
            "failed_logins": self.tr("Failed attempts"),
            "locked_minutes": self.tr("Locked (minutes)"),
            "inserted": self.tr("Inserted"),
            "updated": self.tr("Updated"),
            "unchanged": self.tr("Unchanged"),
            "conflicts": self.tr("Conflicts"),
            "duplicates": self.tr("Duplicates to check"),
            "rejected": self.tr("Rejected"),
            "deleted": self.tr("Deleted"),
            "rows": self.tr("Records"),
            "deleted_rows": self.tr("Deleted records"),
            "not_deleted": self.tr("Kept although deleted on the laptop"),
            "renumbered": self.tr("New file numbers"),
            "per_table": self.tr("Per table"),
            "already_merged": self.tr("Already merged before"),
            "records": self.tr("Records"),
            "changed": self.tr("Changed"),
            "binaries_deleted": self.tr("Files deleted"),
            "redacted_audit_entries": self.tr("Audit entries blanked"),
            "redacted_seqs": self.tr("Audit entries blanked"),
            "erased": self.tr("Persons erased"),
            "audit": self.tr("Audit trail"),
            "rules": self.tr("Rules"),
            "removed": self.tr("Removed"),
            "removed_from_seq": self.tr("From entry"),
            "removed_through_seq": self.tr("Through entry"),
            "last_removed_hash": self.tr("Check value"),
            "cutoff": self.tr("Older than"),
            "checkpoint_seq": self.tr("Checkpoint entry"),
            "from": self.tr("Before"),
            "to": self.tr("After"),
            "was_closed_on": self.tr("Was closed on"),
            "was_reason": self.tr("Closing reason then"),
        }

    def _role_labels(self) -> dict[str, str]:
        return {
            "counsellor": self.tr("Counsellor"),
            "team_lead": self.tr("Team lead"),
            "admin": self.tr("Administrator"),
        }

    def _format_labels(self) -> dict[str, str]:
        return {
            "xlsx": self.tr("Excel"),
            "csv": self.tr("CSV"),
            "pdf": self.tr("PDF"),
            "print": self.tr("paper"),
            "json_pdf": self.tr("JSON and PDF"),
            "mzkit": self.tr("encrypted kit file"),
            "window": self.tr("the window"),
            "cli": self.tr("the command line"),
        }

    def _status_labels(self) -> dict[str, str]:
        """Case and referral states, consent forms, case sources."""
        return {
            "open": self.tr("open"),
            "active": self.tr("active"),
            "paused": self.tr("paused"),
            "closed": self.tr("closed"),
            "draft": self.tr("draft"),
            "sent": self.tr("sent"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
            "done": self.tr("done"),
            "revoked": self.tr("revoked"),
            "signed_paper": self.tr("signed on paper"),
            "verbal_witness": self.tr("verbally, with a witness"),
            "desk": self.tr("at the desk"),
            "event": self.tr("at an event"),
            "import": self.tr("imported"),
        }

    def _table_labels(self) -> dict[str, str]:
        return {
            "persons": self.tr("Persons"),
            "person_nationalities": self.tr("Nationalities"),
            "person_languages": self.tr("Languages"),
            "residence_statuses": self.tr("Residence statuses"),
            "legal_category_periods": self.tr("Legal categories"),
            "households": self.tr("Households"),
            "cases": self.tr("Cases"),
            "case_topics": self.tr("Case topics"),
            "contacts": self.tr("Contacts"),
            "follow_ups": self.tr("Follow-ups"),
            "consents": self.tr("Consents"),
            "consent_recipients": self.tr("Consent recipients"),
            "referrals": self.tr("Referrals"),
            "placements": self.tr("Placements"),
            "attendances": self.tr("Attendances"),
            "event_contacts": self.tr("Employer contacts"),
            "events": self.tr("Events"),
            "partners": self.tr("Partners"),
            "audit_entries": self.tr("Audit entries"),
            "merge_conflicts": self.tr("Merge conflicts"),
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
            "no consent covers the letter": self.tr(
                "no consent covers the letter (not printed, saved or sent)"
            ),
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

    def action_text(self, row: audit.AuditRow) -> str:
        """The action in words: by action and record, the export's format where it matters."""
        text = self._pairs.get((row.action, row.entity)) or self._actions.get(row.action)
        if text is None:
            text = row.action.replace("_", " ")
        if row.action == "statistics_exported" and row.values:
            shown = self._formats.get(str(row.values.get("format", "")))
            if shown:
                text = f"{text} ({shown})"
        return text

    def describe(self, row: audit.AuditRow) -> Shown:
        """What one row shows: the action, the record, the details in words."""
        entity = self._entities.get(row.entity, row.entity.replace("_", " "))
        record = entity
        if row.entity_id:  # an event, user, team by name where known; else the short id
            named = self._names.get(row.entity_id) if row.entity in _NAMED_RECORDS else None
            record = f"{entity} {named or row.entity_id.hex[-8:]}"
        full = self._details(row)
        short = " ".join(full.split())
        if len(short) > SHORT_DETAILS:
            short = short[: SHORT_DETAILS - 1] + "…"
        return Shown(self.action_text(row), record, short, full)

    def _field(self, name: str) -> str:
        if name in self._fields:
            return self._fields[name]
        table, dot, _column = name.partition(".")
        if dot and table in self._tables:  # "cases.person_id": rows of a table
            return self._tables[table]
        if name in self._tables:
            return self._tables[name]
        return name  # a key no label knows yet: as written

    def _code(self, key: str, code: str) -> str:
        """A code in words, by what the key says it is."""
        sets = {
            "channel": "contact_channels",
            "topics": "case_topics",
            "case_topics_added": "case_topics",
            "categories": "data_categories",
            "data_categories": "data_categories",
            "partner_kinds": "partner_kinds",
            "status_code": "residence_statuses",
            "work_permission": "work_permissions",
            "category": "legal_categories",
            "language_code": "languages",
            "interpreter_language": "languages",
            "country_code": "countries",
        }
        if key in sets:
            language = "de" if self._context.language.startswith("de") else "en"
            shown = reference.label(sets[key], code.upper(), language)
            return shown if shown != code.upper() else reference.label(sets[key], code, language)
        if key == "role":
            return self._roles.get(code, code)
        if key in ("format", "via"):
            return self._formats.get(code, code)
        if key == "filter":  # the client list: as searched, or all
            return self.tr("search") if code == "search" else self.tr("none")
        if key in ("fields", "filled"):
            return self._field(code)
        if code in self._statuses and key in ("from", "to", "status", "form", "source"):
            return self._statuses[code]
        return _date_text(code)

    def _value(self, key: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, int | float):
            return self._number(value)
        if isinstance(value, list):
            if value and all(_as_uuid(item) for item in value) and len(value) > 3:
                return self._number(len(value))  # many ids: how many, not which
            return ", ".join(self._value(key, item) for item in value) or "—"
        if isinstance(value, dict):
            parts = [
                f"{self._field(str(name))}: {self._value(str(name), item)}"
                for name, item in sorted(value.items())
                if item not in (None, {}, [])
            ]
            return ", ".join(parts) or "—"
        text = str(value)
        record_id = _as_uuid(text)
        if record_id is not None:  # an id: its name where known, else short as in "Record"
            return self._names.get(record_id, record_id.hex[-8:])
        return self._code(key, text)

    def _number(self, value: float) -> str:
        return self._locale().toString(value) if isinstance(value, int) else str(value)

    def _locale(self) -> QLocale:
        return QLocale(
            QLocale.Language.German
            if self._context.language.startswith("de")
            else QLocale.Language.English
        )

    def _details(self, row: audit.AuditRow) -> str:
        """The details readable: "field: old → new" for edits, the reason of a denial, names for
        ids, words for codes, German dates; for an admin only the field names."""
        data = row.values
        if data is None:  # an admin: the field names only
            names = [name.strip() for name in row.details.split(",") if name.strip()]
            return ", ".join(self._field(name) for name in names)
        if row.action == "denied" and "reason" in data:
            reason = str(data["reason"])
            if reason.startswith("the role ") and reason.endswith(" may not"):
                role = reason.removeprefix("the role ").removesuffix(" may not")
                text = self.tr("the role %1 may not do this").replace(
                    "%1", self._roles.get(role, role)
                )
            else:
                text = self._denials.get(reason, reason)
            permission = str(data.get("action", ""))
            if permission:
                text = f"{self._permissions.get(permission, permission)}: {text}"
            return text
        nested = data.get("changes")
        changes: dict[str, Any] = dict(nested if isinstance(nested, dict) else data)
        parts = []
        start, end = changes.pop("period_start", None), changes.pop("period_end", None)
        if start or end:
            parts.append(
                f"{self._field('period')}: {self._value('', start)} – {self._value('', end)}"
            )
        if row.action in _SAID_BY_THE_ACTION:
            changes.pop("format", None)
        changes.pop("purpose", None)  # a letter's purpose: the action says it
        if changes.get("via") == "window":
            changes.pop("via")  # the usual way; only the command line is named
        if set(changes) >= {"from", "to"} and not isinstance(changes["from"], dict):
            old, new = changes.pop("from"), changes.pop("to")
            parts.append(
                f"{self._field('status')}: {self._value('to', old)} → {self._value('to', new)}"
            )
        first = {key: index for index, key in enumerate(_FIRST_KEYS)}
        ordered = sorted(
            changes.items(), key=lambda item: (first.get(item[0], 99), self._field(item[0]))
        )
        for key, value in ordered:
            if value is None or value == [] or value == {}:
                continue  # nothing to say (no exception, no end date …)
            if isinstance(value, dict) and set(value) == {"old", "new"}:
                old, new = self._value(key, value["old"]), self._value(key, value["new"])
                parts.append(f"{self._field(key)}: {old} → {new}")
            else:
                parts.append(f"{self._field(key)}: {self._value(key, value)}")
        return "; ".join(parts)


# To whom and what first; the rest by label.
_FIRST_KEYS = ("partner_id", "partner_ids", "partner_kinds", "categories", "reason")
# Records the Protokoll names (their names are no case data); others by their short id.
_NAMED_RECORDS = frozenset({"event", "user", "team", "partner"})
# Actions whose label says the format (or needs none): not repeated in the details.
_SAID_BY_THE_ACTION = frozenset(
    {
        "statistics_exported",
        "letter_printed",
        "letter_saved",
        "letter_reprinted",
        "letter_batch_printed",
        "consent_form_printed",
        "consent_form_saved",
        "kit_exported",
        "attendance_list",
        "employer_list",
    }
)


def _as_uuid(value: Any) -> uuid.UUID | None:
    text = str(value)
    if len(text) == 36 and text.count("-") == 4:
        try:
            return uuid.UUID(text)
        except ValueError:
            return None
    return None


def _ids_in(values: Any) -> Iterator[uuid.UUID]:
    """Every id among the details' values (nested too)."""
    if isinstance(values, dict):
        for item in values.values():
            yield from _ids_in(item)
    elif isinstance(values, list):
        for item in values:
            yield from _ids_in(item)
    else:
        found = _as_uuid(values)
        if found is not None:
            yield found


def _date_text(text: str) -> str:
    """ISO dates and timestamps as German dates (local time); anything else unchanged."""
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return date.fromisoformat(text).strftime("%d.%m.%Y")
        if len(text) >= 19 and text[4] == "-" and text[10] == "T":
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            return moment.astimezone().strftime("%d.%m.%Y %H:%M")
    except ValueError:
        pass
    return text
