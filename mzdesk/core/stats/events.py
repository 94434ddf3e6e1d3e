"""Events (job fairs, outreach) in a period: attendance, employer contacts and their outcomes.

An event counts in the period its first day falls in. Attendees = registered persons (one
attendance row each) + anonymous head counts (rows without a person, their ``headcount``).
Employer contacts are counted per outcome (talk, interview agreed, application, hire): each
contact row has one outcome, so interviews and hires are separate counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import SelectBase, case, func, select
from sqlalchemy.orm import Session

from mzdesk.core.models import Attendance, Event, EventContact, EventContactOutcome, EventPartner
from mzdesk.core.stats.common import DrillDown, UnknownFigure, as_uuid, count_all, ids_of, run
from mzdesk.core.stats.period import Period

OUTCOME_FIGURES = {
    "talks": EventContactOutcome.TALK,
    "interviews": EventContactOutcome.INTERVIEW,
    "applications": EventContactOutcome.APPLICATION,
    "hires": EventContactOutcome.HIRED,
}


def _in_period(period: Period) -> Any:
    return Event.starts_on.between(period.start, period.end)


def statements(period: Period) -> dict[str, SelectBase]:
    anonymous = case((Attendance.person_id.is_(None), Attendance.headcount), else_=0)
    return {
        "events": select(Event.id, Event.name, Event.starts_on, Event.kind)
        .where(_in_period(period))
        .order_by(Event.starts_on, Event.name, Event.id),
        "attendance": select(
            Attendance.event_id,
            func.count(Attendance.person_id),
            func.coalesce(func.sum(anonymous), 0),
        )
        .join(Event, Event.id == Attendance.event_id)
        .where(_in_period(period))
        .group_by(Attendance.event_id),
        "contacts": select(EventContact.event_id, EventContact.outcome, count_all())
        .join(Event, Event.id == EventContact.event_id)
        .where(_in_period(period))
        .group_by(EventContact.event_id, EventContact.outcome),
        "employers": select(EventPartner.event_id, count_all())
        .join(Event, Event.id == EventPartner.event_id)
        .where(_in_period(period), EventPartner.is_employer)
        .group_by(EventPartner.event_id),
    }


@dataclass
class EventRow:
    id: str
    name: str
    starts_on: date
    kind: str
    registered: int = 0
    anonymous: int = 0
    employers: int = 0
    employer_contacts: int = 0
    talks: int = 0
    interviews: int = 0
    applications: int = 0
    hires: int = 0

    @property
    def attendees(self) -> int:
        return self.registered + self.anonymous

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "starts_on": self.starts_on.isoformat(),
            "kind": self.kind,
            "attendees": self.attendees,
            "registered": self.registered,
            "anonymous": self.anonymous,
            "employers": self.employers,
            "employer_contacts": self.employer_contacts,
            "talks": self.talks,
            "interviews": self.interviews,
            "applications": self.applications,
            "hires": self.hires,
        }


SUMMED = (
    "registered",
    "anonymous",
    "employers",
    "employer_contacts",
    "talks",
    "interviews",
    "applications",
    "hires",
)


@dataclass
class EventStats:
    rows: list[EventRow] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(int(getattr(row, name)) for row in self.rows)

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"count": len(self.rows), "attendees": self.total("attendees")}
        result.update({name: self.total(name) for name in SUMMED})
        result["by_event"] = [row.as_dict() for row in self.rows]
        return result


def compute(session: Session, period: Period) -> EventStats:
    queries = statements(period)
    rows = {
        event_id: EventRow(str(event_id), str(name), starts_on, str(getattr(kind, "value", kind)))
        for event_id, name, starts_on, kind in run(session, queries["events"])
    }
    for event_id, registered, anonymous in run(session, queries["attendance"]):
        rows[event_id].registered = int(registered)
        rows[event_id].anonymous = int(anonymous)
    outcomes = {outcome: figure for figure, outcome in OUTCOME_FIGURES.items()}
    per_event: dict[Any, int] = defaultdict(int)
    for event_id, outcome, count in run(session, queries["contacts"]):
        row = rows[event_id]
        setattr(row, outcomes[outcome], getattr(row, outcomes[outcome]) + int(count))
        per_event[event_id] += int(count)
    for event_id, count in per_event.items():
        rows[event_id].employer_contacts = count
    for event_id, count in run(session, queries["employers"]):
        rows[event_id].employers = int(count)
    return EventStats(list(rows.values()))


def drill(session: Session, figure: str, parts: list[str], period: Period) -> DrillDown:
    attendances = (
        select(Attendance.id)
        .join(Event, Event.id == Attendance.event_id)
        .where(_in_period(period))
        .order_by(Attendance.id)
    )
    contacts = (
        select(EventContact.id)
        .join(Event, Event.id == EventContact.event_id)
        .where(_in_period(period))
        .order_by(EventContact.id)
    )
    head = parts[0] if len(parts) == 1 else ""
    if head == "count":
        query = select(Event.id).where(_in_period(period)).order_by(Event.id)
        return DrillDown(figure, "events", ids_of(session, query))
    if head == "attendees":
        query = attendances.where((Attendance.person_id.is_not(None)) | (Attendance.headcount > 0))
    elif head == "registered":
        query = attendances.where(Attendance.person_id.is_not(None))
    elif head == "anonymous":
        query = attendances.where(Attendance.person_id.is_(None), Attendance.headcount > 0)
    elif head == "employer_contacts":
        return DrillDown(figure, "event_contacts", ids_of(session, contacts))
    elif head in OUTCOME_FIGURES:
        query = contacts.where(EventContact.outcome == OUTCOME_FIGURES[head])
        return DrillDown(figure, "event_contacts", ids_of(session, query))
    elif len(parts) == 2 and parts[0] == "by_event":
        event_id = as_uuid(parts[1])
        query = attendances.where(Attendance.event_id == event_id)
    else:
        raise UnknownFigure(f"no such figure: {figure}", german="Diese Kennzahl gibt es nicht.")
    return DrillDown(figure, "attendances", ids_of(session, query))
