"""A team lead's drill-down: only the records of their own team.

The aggregate figures are the organisation's (small counts suppressed when shown); the
records behind a figure are case data, so a lead sees those of their team only: cases of
the team (``access.case_team``), contacts, placements and referrals of those cases, event
attendances of persons the lead may see (anonymous head counts stay), the team's events and
the employer contacts at them. The program itself (no user) keeps every id.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.models import (
    Attendance,
    Case,
    Contact,
    Event,
    EventContact,
    Person,
    Placement,
    Referral,
)
from mzdesk.core.stats.common import DrillDown


def _team_cases(team_id: uuid.UUID | None) -> Select[Any]:
    return select(Case.id).where(access.case_team() == team_id)


def _visible(session: Session) -> Select[Any]:
    return select(Person.id).where(access.visible_persons(session))


def _placements(session: Session, team_id: uuid.UUID | None) -> ColumnElement[bool]:
    return or_(
        Placement.case_id.in_(_team_cases(team_id)),
        Placement.case_id.is_(None) & Placement.person_id.in_(_visible(session)),
    )


def _attendances(session: Session, _team_id: uuid.UUID | None) -> ColumnElement[bool]:
    return or_(Attendance.person_id.is_(None), Attendance.person_id.in_(_visible(session)))


_SCOPES: dict[str, tuple[Any, Callable[[Session, uuid.UUID | None], ColumnElement[bool]]]] = {
    "cases": (Case.id, lambda _s, team: Case.id.in_(_team_cases(team))),
    "contacts": (Contact.id, lambda _s, team: Contact.case_id.in_(_team_cases(team))),
    "referrals": (Referral.id, lambda _s, team: Referral.case_id.in_(_team_cases(team))),
    "placements": (Placement.id, _placements),
    "attendances": (Attendance.id, _attendances),
    "events": (Event.id, lambda _s, team: Event.team_id == team),
    "event_contacts": (
        EventContact.id,
        lambda _s, team: EventContact.event_id.in_(select(Event.id).where(Event.team_id == team)),
    ),
}

_CHUNK = 500  # ids per IN list (SQLite's variable limit is far above)


def own_records(session: Session, drill: DrillDown) -> DrillDown:
    """``drill`` with only the ids the acting user's team may see."""
    who = access.actor(session)
    if who is None or not drill.ids:
        return drill
    scoped = _SCOPES.get(drill.entity)
    if scoped is None:  # an entity nobody listed here: refuse rather than leak
        return DrillDown(drill.figure, drill.entity, ())
    column, condition = scoped
    keep: set[uuid.UUID] = set()
    ids = list(drill.ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        keep.update(
            session.scalars(
                select(column).where(column.in_(chunk), condition(session, who.team_id))
            )
        )
    return DrillDown(drill.figure, drill.entity, tuple(i for i in drill.ids if i in keep))
