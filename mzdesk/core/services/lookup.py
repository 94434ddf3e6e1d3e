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

from mzdesk.core import access, scope
from mzdesk.core.errors import NotFound
from mzdesk.core.models import Person, Record

_SHORT = re.compile(r"^[0-9a-f]{6,8}$")
_R = TypeVar("_R", bound=Record)


def short_id(value: uuid.UUID) -> str:
    return value.hex[-8:]


def _matching_ids(session: Session, model: type[_R], text: str | uuid.UUID, what: str) -> uuid.UUID:
    """The one id ``text`` names (a UUID, its text, or its last 6-8 hex digits)."""
    if isinstance(text, uuid.UUID):
        where = model.id == text
        shown = str(text)
    else:
        raw = text.strip().lower()
        try:
            full = uuid.UUID(raw)
        except ValueError:
            full = None
        if full is not None:
            return _matching_ids(session, model, full, what)
        if not _SHORT.match(raw):
            raise NotFound(
                f"{what} {text!r} not found (give its id or its last 6-8 hex digits)",
                german="Nicht gefunden: Bitte die Kennung oder ihre letzten 6–8 Zeichen angeben.",
            )
        where = cast(model.id, String).like(f"%{raw}")
        shown = raw
    with scope.unscoped(session, scope.Purpose.LOOKUP):  # ids only; access is decided next
        ids = list(session.scalars(select(model.id).where(where).limit(2)))
    if not ids:
        raise NotFound(
            f"{what} {shown} not found", german=f"Zur Kennung „{shown}“ wurde nichts gefunden."
        )
    if len(ids) > 1:
        raise NotFound(
            f"{what} id {shown} is ambiguous: give more digits",
            german=f"Die Kennung „{shown}“ ist nicht eindeutig: Bitte mehr Zeichen angeben.",
        )
    return ids[0]


def by_id(session: Session, model: type[_R], text: str | uuid.UUID, what: str) -> _R:
    """The record whose id is ``text`` or ends with it; NotFound if none or ambiguous.

    A record about a person or a case (any table the scope protects) found by its id is case
    data: reading it needs ``READ_PERSON`` on its person or case, and an attempt on another
    team's record is refused and audited rather than answered with "not found"."""
    found_id = _matching_ids(session, model, text, what)
    person_id, case_id = scope.owner_of(session, model, found_id)
    if person_id is not None or case_id is not None:
        access.require(session, access.Action.READ_PERSON, person_id=person_id, case_id=case_id)
    found = session.get(model, found_id)
    if found is None:  # the scope hides what the policy allowed: never expected
        raise NotFound(f"{what} {found_id} not found", german="Nicht gefunden.")
    return found


def person(session: Session, text: str | uuid.UUID) -> Person:
    """A person by file number, id or short id (merged persons resolve to the kept one)."""
    found_id: uuid.UUID | None = None
    if isinstance(text, str):
        with scope.unscoped(session, scope.Purpose.LOOKUP):  # ids only; access decided next
            found_id = session.scalars(
                select(Person.id).where(Person.file_number == text.strip())
            ).first()
    if found_id is None:
        found_id = _matching_ids(session, Person, text, "person")
    seen = {found_id}
    while True:
        with scope.unscoped(session, scope.Purpose.LOOKUP):
            merged_into = session.scalar(select(Person.merged_into_id).where(Person.id == found_id))
        if merged_into is None:
            break
        if merged_into in seen:  # pragma: no cover - a merge loop is a data error
            raise NotFound(
                "person merge chain is circular",
                german="Die Zusammenführungen dieser Person bilden einen Kreis. "
                "Bitte den IT-Support informieren.",
            )
        found_id = merged_into
        seen.add(found_id)
    access.require(session, access.Action.READ_PERSON, person_id=found_id)
    found = session.get(Person, found_id)
    if found is None:  # pragma: no cover - the scope hides what the policy allowed
        raise NotFound(f"person {found_id} not found", german="Person nicht gefunden.")
    return found


def person_record(session: Session, text: str | uuid.UUID) -> Person:
    """A person by file number, id or short id — this record itself, not followed through
    merges (``person merge`` names both records); refused and audited like every lookup."""
    found_id: uuid.UUID | None = None
    if isinstance(text, str):
        with scope.unscoped(session, scope.Purpose.LOOKUP):  # the id only; access decided next
            found_id = session.scalars(
                select(Person.id).where(Person.file_number == text.strip())
            ).first()
    return by_id(session, Person, found_id or text, "person")
