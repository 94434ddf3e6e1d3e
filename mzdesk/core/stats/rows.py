"""The records behind a statistics figure as rows a team lead can read, and whose they are.

``drill_list(session, figure_key, period)`` is :func:`mzdesk.core.stats.drill_down` with, for
each record, the person (id, file number, name), a date and what it is in German
("Sozialversicherungspflichtige Beschäftigung", "Agentur für Arbeit · Erledigt", "Telefon" …),
and whether the list is the acting user's team only (``team``): the figures are the whole
organisation's, the records behind them are case data and stay in the lead's scope
(:mod:`mzdesk.core.stats.scope`) — so the list says which team it is and how many of the
figure it holds. The rows are read through the user's scoped session (no access widened).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access, reference
from mzdesk.core.models import (
    Attendance,
    Case,
    Contact,
    Event,
    EventContact,
    EventContactOutcome,
    Partner,
    Person,
    Placement,
    Referral,
    Team,
)
from mzdesk.core.stats import drill_down
from mzdesk.core.stats.period import Period
from mzdesk.core.stats.report import STATUS_HEADERS

_CHUNK = 2000  # ids per IN (...)

OUTCOMES_DE = {
    EventContactOutcome.TALK: "Gespräch",
    EventContactOutcome.INTERVIEW: "Vorstellungsgespräch vereinbart",
    EventContactOutcome.APPLICATION: "Bewerbung",
    EventContactOutcome.HIRED: "Einstellung",
}
ENTITY_DE = {
    "placements": "Vermittlungen",
    "referrals": "Überweisungen",
    "cases": "Fälle",
    "contacts": "Kontakte",
    "attendances": "Teilnahmen",
    "event_contacts": "Arbeitgeberkontakte",
    "events": "Veranstaltungen",
}


@dataclass(frozen=True)
class DrillRow:
    """One record behind a figure; ``count`` is how much of the figure it is (an anonymous
    head count of 40 is one row that counts 40)."""

    record_id: uuid.UUID
    person_id: uuid.UUID | None
    file_number: str
    name: str
    on: date | None
    kind: str
    count: int = 1


@dataclass(frozen=True)
class DrillList:
    figure: str
    entity: str
    rows: tuple[DrillRow, ...]
    team: str | None  # the acting user's team when the list is limited to it, else None
    limited: bool  # True: the list holds only what the acting user's team may see

    @property
    def counted(self) -> int:
        """How much of the figure the listed rows make up."""
        return sum(row.count for row in self.rows)


def _name(family: str | None, given: str | None) -> str:
    return ", ".join(part for part in (family, given) if part)


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _placements(ids: Sequence[uuid.UUID]) -> Any:
    return (
        select(Placement.id, Person.id, Person.file_number, Person.family_name,
               Person.given_names, Placement.starts_on, Placement.kind)
        .join(Person, Person.id == Placement.person_id)
        .where(Placement.id.in_(ids))
    )  # fmt: skip


def _referrals(ids: Sequence[uuid.UUID]) -> Any:
    return (
        select(Referral.id, Person.id, Person.file_number, Person.family_name,
               Person.given_names, Referral.created_on, Partner.name, Referral.status)
        .join(Case, Case.id == Referral.case_id)
        .join(Person, Person.id == Case.person_id)
        .outerjoin(Partner, Partner.id == Referral.partner_id)
        .where(Referral.id.in_(ids))
    )  # fmt: skip


def _cases(ids: Sequence[uuid.UUID]) -> Any:
    return (
        select(Case.id, Person.id, Person.file_number, Person.family_name,
               Person.given_names, Case.opened_on, Case.closed_on)
        .join(Person, Person.id == Case.person_id)
        .where(Case.id.in_(ids))
    )  # fmt: skip


def _contacts(ids: Sequence[uuid.UUID]) -> Any:
    return (
        select(Contact.id, Person.id, Person.file_number, Person.family_name,
               Person.given_names, Contact.occurred_at, Contact.channel)
        .join(Case, Case.id == Contact.case_id)
        .join(Person, Person.id == Case.person_id)
        .where(Contact.id.in_(ids))
    )  # fmt: skip


def _attendances(ids: Sequence[uuid.UUID]) -> Any:
    return (
        select(Attendance.id, Person.id, Person.file_number, Person.family_name,
               Person.given_names, Event.starts_on, Event.name, Attendance.headcount)
        .join(Event, Event.id == Attendance.event_id)
        .outerjoin(Person, Person.id == Attendance.person_id)
        .where(Attendance.id.in_(ids))
    )  # fmt: skip


def _event_contacts(ids: Sequence[uuid.UUID]) -> Any:
    return (
        select(EventContact.id, Person.id, Person.file_number, Person.family_name,
               Person.given_names, EventContact.occurred_at, Partner.name, EventContact.outcome)
        .join(Attendance, Attendance.id == EventContact.attendance_id)
        .outerjoin(Person, Person.id == Attendance.person_id)
        .outerjoin(Partner, Partner.id == EventContact.partner_id)
        .where(EventContact.id.in_(ids))
    )  # fmt: skip


def _events(ids: Sequence[uuid.UUID]) -> Any:
    return select(Event.id, Event.starts_on, Event.name).where(Event.id.in_(ids))


def _status(value: object) -> str:
    return STATUS_HEADERS.get(str(getattr(value, "value", value)), str(value))


def _row(entity: str, found: Any) -> DrillRow:
    if entity == "events":
        record_id, on, name = found
        return DrillRow(record_id, None, "", "", on, str(name))
    record_id, person_id, number, family, given, on, *rest = found
    name = _name(family, given)
    kind = ""
    count = 1
    if entity == "placements":
        kind = reference.label("placement_kinds", rest[0])
    elif entity == "referrals":
        kind = " · ".join(part for part in (rest[0] or "", _status(rest[1])) if part)
    elif entity == "cases":
        closed = rest[0]
        kind = f"Fall abgeschlossen am {closed:%d.%m.%Y}" if closed else "Fall offen"
    elif entity == "contacts":
        kind = reference.label("contact_channels", str(rest[0]).upper())
    elif entity == "attendances":
        event, headcount = rest
        if person_id is None:
            count = int(headcount or 0)
            name = f"anonym gezählt ({count})"
        kind = str(event)
    elif entity == "event_contacts":
        partner, outcome = rest
        label = OUTCOMES_DE.get(EventContactOutcome(outcome)) if outcome else None
        kind = " · ".join(part for part in (partner or "", label or "") if part)
    return DrillRow(record_id, person_id, number or "", name, _day(on), kind, count)


_QUERIES: dict[str, Callable[[Sequence[uuid.UUID]], Any]] = {
    "placements": _placements,
    "referrals": _referrals,
    "cases": _cases,
    "contacts": _contacts,
    "attendances": _attendances,
    "event_contacts": _event_contacts,
    "events": _events,
}


def drill_list(session: Session, figure_key: str, period: Period) -> DrillList:
    """The records behind ``figure_key`` as readable rows, in the acting user's scope."""
    access.require(session, access.Action.READ_STATISTICS)
    drill = drill_down(session, figure_key, period)
    query = _QUERIES.get(drill.entity)
    found: dict[uuid.UUID, DrillRow] = {}
    ids = list(drill.ids)
    if query is not None:
        for start in range(0, len(ids), _CHUNK):
            for item in session.execute(query(ids[start : start + _CHUNK])):
                row = _row(drill.entity, item)
                found[row.record_id] = row
    rows = sorted(
        (found[i] for i in ids if i in found),
        key=lambda row: (row.on or date.min, row.file_number, str(row.record_id)),
    )
    who = access.actor(session)
    team: str | None = None
    if who is not None and who.team_id is not None:
        team = session.scalar(select(Team.name).where(Team.id == who.team_id))
    return DrillList(drill.figure, drill.entity, tuple(rows), team, who is not None)
