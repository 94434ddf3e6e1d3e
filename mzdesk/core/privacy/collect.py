"""Everything held about one person, found through every foreign key to ``persons.id``.

Rows are read generically (every column of the table), so a column added later is exported
and erased without touching this module. Binary columns (a consent scan, a referral letter)
are described by size and SHA-256, never copied into JSON.

``PersonRecords`` groups the rows by table; the person's *merge group* is included: records of
the same person that were merged into this one (``merged_into_id``) hold their names too.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import LargeBinary, Table, select
from sqlalchemy.orm import Session

from mzdesk.core import scope
from mzdesk.core.errors import NotFound
from mzdesk.core.models import (
    AuditEntry,
    CaseTopic,
    ConsentRecipient,
    Contact,
    EventContact,
    FollowUp,
    Household,
    Person,
    Referral,
)
from mzdesk.core.services.merge import person_foreign_keys

# Tables reached through a case or another child rather than a person foreign key.
CASE_CHILDREN: tuple[type[Any], ...] = (CaseTopic, Contact, FollowUp, Referral)
# Person columns that are derived (kept by the flush hook) and not shown in an export.
DERIVED_PERSON_COLUMNS = frozenset({"sort_key", "search_text"})


def plain(value: Any) -> Any:
    """A column value as JSON: ids and dates as text, enums as their code, numbers as numbers."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return str(value)


def row_dict(table: Table, row: Any, *, skip: Iterable[str] = ()) -> dict[str, Any]:
    """Every column of ``row`` (a Core row of ``table``) as plain JSON values."""
    skipped = set(skip)
    return {
        column.key: plain(getattr(row, column.key))
        for column in table.columns
        if column.key not in skipped
    }


@dataclass
class PersonRecords:
    """The rows about one person, per table name, as plain dicts (ids as text)."""

    person_id: uuid.UUID
    person_ids: list[uuid.UUID]  # the person and the records merged into it
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def ids(self, table: str) -> list[uuid.UUID]:
        return [uuid.UUID(row["id"]) for row in self.tables.get(table, [])]

    def count(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items() if rows}


def merge_group(session: Session, person_id: uuid.UUID) -> list[uuid.UUID]:
    """``person_id`` and every person merged into it, directly or through a chain."""
    found = [person_id]
    frontier = [person_id]
    while frontier:
        merged = list(session.scalars(select(Person.id).where(Person.merged_into_id.in_(frontier))))
        merged = [pid for pid in merged if pid not in found]
        found.extend(merged)
        frontier = merged
    return found


def _select_rows(session: Session, table: Table, column: Any, ids: list[uuid.UUID]) -> list[Any]:
    if not ids:
        return []
    order = [table.c.created_at] if "created_at" in table.c else []
    return list(session.execute(select(table).where(column.in_(ids)).order_by(*order, table.c.id)))


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def collect(session: Session, person_id: uuid.UUID, *, with_audit: bool = True) -> PersonRecords:
    """Read every row about the person (and its merged records); nothing is changed."""
    # Every row about the person, whichever team it belongs to; the callers decide access
    # for the person (Art. 15 export, erasure) or run the organisation's retention.
    with scope.unscoped(session, scope.Purpose.PRIVACY_EXPORT):
        return _collect(session, person_id, with_audit=with_audit)


def _collect(session: Session, person_id: uuid.UUID, *, with_audit: bool) -> PersonRecords:
    if session.get(Person, person_id) is None:
        raise NotFound(f"person {person_id} not found", german="Person nicht gefunden.")
    group = merge_group(session, person_id)
    records = PersonRecords(person_id=person_id, person_ids=group)
    persons = _table(Person)
    records.tables["persons"] = [
        row_dict(persons, row) for row in _select_rows(session, persons, persons.c.id, group)
    ]
    for table, column in person_foreign_keys():
        if table.name == "persons":
            continue
        rows = _select_rows(session, table, column, group)
        records.tables[table.name] = [row_dict(table, row) for row in rows]
    case_ids = records.ids("cases")
    for model in CASE_CHILDREN:
        table = _table(model)
        rows = _select_rows(session, table, table.c.case_id, case_ids)
        records.tables[table.name] = [row_dict(table, row) for row in rows]
    consents = _table(ConsentRecipient)
    records.tables[consents.name] = [
        row_dict(consents, row)
        for row in _select_rows(session, consents, consents.c.consent_id, records.ids("consents"))
    ]
    contacts = _table(EventContact)
    records.tables[contacts.name] = [
        row_dict(contacts, row)
        for row in _select_rows(
            session, contacts, contacts.c.attendance_id, records.ids("attendances")
        )
    ]
    household_ids = {
        uuid.UUID(row["household_id"]) for row in records.tables["persons"] if row["household_id"]
    }
    households = _table(Household)
    records.tables[households.name] = [
        row_dict(households, row)
        for row in _select_rows(session, households, households.c.id, sorted(household_ids))
    ]
    if with_audit:
        audit = _table(AuditEntry)
        entries = session.execute(
            select(audit).where(audit.c.person_id.in_(group)).order_by(audit.c.seq)
        )
        records.tables[audit.name] = [row_dict(audit, row) for row in entries]
    return records


def related_ids(records: PersonRecords) -> set[uuid.UUID]:
    """Every id of a row about the person: what audit entries may name as their entity."""
    ids: set[uuid.UUID] = set()
    for name, rows in records.tables.items():
        if name == AuditEntry.__tablename__ or name == Household.__tablename__:
            continue
        ids.update(uuid.UUID(row["id"]) for row in rows)
    return ids


def binary_columns(table: Table) -> list[str]:
    return [column.key for column in table.columns if isinstance(column.type, LargeBinary)]


__all__ = [
    "DERIVED_PERSON_COLUMNS",
    "PersonRecords",
    "binary_columns",
    "collect",
    "merge_group",
    "plain",
    "related_ids",
    "row_dict",
]
