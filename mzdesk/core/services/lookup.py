"""Finding a record from what a person types: a full UUID or its short id (last 8 hex digits).

Short ids are what letters and the CLI show ("Az. MZ-2024-0012/1a2b3c4d"); 6 to 8 hex digits
are accepted. They are the *last* digits: time-ordered ids (the demo's, UUIDv7) share their
first digits, the last ones are random. The last 12 digits of a UUID contain no dash in any text
form, so the same ``LIKE '%suffix'`` works on SQLite (32 hex digits) and PostgreSQL.
"""

from __future__ import annotations

import re
import uuid
from typing import TypeVar

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.errors import NotFound
from mzdesk.core.models import Case, Person, Record

_SHORT = re.compile(r"^[0-9a-f]{6,8}$")
_R = TypeVar("_R", bound=Record)


def short_id(value: uuid.UUID) -> str:
    return value.hex[-8:]


def by_id(session: Session, model: type[_R], text: str | uuid.UUID, what: str) -> _R:
    """The record whose id is ``text`` or ends with it; NotFound if none or ambiguous."""
    if isinstance(text, uuid.UUID):
        found = session.get(model, text)
        if found is None:
            raise NotFound(f"{what} {text} not found")
        _check(session, found)
        return found
    raw = text.strip().lower()
    try:
        full = uuid.UUID(raw)
    except ValueError:
        full = None
    if full is not None:
        return by_id(session, model, full, what)
    if not _SHORT.match(raw):
        raise NotFound(f"{what} {text!r} not found (give its id or its last 6-8 hex digits)")
    rows = list(
        session.scalars(select(model).where(cast(model.id, String).like(f"%{raw}")).limit(2))
    )
    if not rows:
        raise NotFound(f"{what} {raw} not found")
    if len(rows) > 1:
        raise NotFound(f"{what} id {raw} is ambiguous: give more digits")
    _check(session, rows[0])
    return rows[0]


def _check(session: Session, found: Record) -> None:
    """Persons and cases found by id are case data: the acting user must be allowed to read."""
    if isinstance(found, Person):
        access.require(session, access.Action.READ_PERSON, person_id=found.id)
    elif isinstance(found, Case):
        access.require(session, access.Action.READ_PERSON, case_id=found.id)


def person(session: Session, text: str | uuid.UUID) -> Person:
    """A person by file number, id or short id (merged persons resolve to the kept one)."""
    found = None
    if isinstance(text, str):
        found = session.scalars(select(Person).where(Person.file_number == text.strip())).first()
    if found is None:
        found = by_id(session, Person, text, "person")
    seen = {found.id}
    while found.merged_into_id is not None:
        found = by_id(session, Person, found.merged_into_id, "person")
        if found.id in seen:  # pragma: no cover - a merge loop is a data error
            raise NotFound("person merge chain is circular")
        seen.add(found.id)
    access.require(session, access.Action.READ_PERSON, person_id=found.id)
    return found
