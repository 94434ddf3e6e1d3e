"""Readable names for the ids in audit entries' details, for the Protokoll view.

Entries hold ids only (outputs.py, audit.py); the view shows the partner, the user, the team,
the event by name, and a person by file number, where the reader may see them: partners,
users, teams and events are the organisation's own records (no case data); a person's file
number only when the acting user may see the person (``access.visible_persons``). Whatever is
not found, or not visible, stays an id for the view to shorten.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.models import Event, Partner, Person, Team, User


def names_for(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Partner, user, team and event names and visible persons' file numbers of ``ids``."""
    access.require(session, access.Action.READ_AUDIT)
    wanted = sorted(set(ids))
    found: dict[uuid.UUID, str] = {}
    if not wanted:
        return found
    sources: tuple[tuple[Any, Any], ...] = (
        (Partner.id, Partner.name),
        (User.id, User.display_name),
        (Team.id, Team.name),
        (Event.id, Event.name),
    )
    for key, name in sources:
        missing = [value for value in wanted if value not in found]
        if not missing:
            break
        for record_id, text in session.execute(select(key, name).where(key.in_(missing))):
            found[record_id] = str(text)
    missing = [value for value in wanted if value not in found]
    if missing:
        rows = session.execute(
            select(Person.id, Person.file_number).where(
                Person.id.in_(missing), access.visible_persons(session)
            )
        )
        for person_id, file_number in rows:
            found[person_id] = str(file_number)
    return found
