"""Job fairs and outreach days: the event, the partners present, and its running figures.

* An event has a date (or a range), a place, a kind, the employers and partners present (each
  with its role: ``is_employer``) and its organisers (users).
* Employers are numbered 1, 2, … in one order (:func:`employers`): fair mode's keys and the
  printed employer list use the same numbers.
* The tally counts registered persons, anonymous heads and employer contacts, the same for
  everyone who looks.

Who was there is in :mod:`.event_attendance` (registration, head count, employer contacts),
the short intake of fair mode in :mod:`.short_intake`, languages as typed in
:mod:`.languages`, the printed lists (attendance list, employer list) in :mod:`.event_lists`.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.access import Action
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import (
    Attendance,
    Event,
    EventContact,
    EventContactOutcome,
    EventKind,
    EventOrganiser,
    EventPartner,
    Partner,
    Team,
    User,
)
from mzdesk.core.names import fold
from mzdesk.core.services.lookup import by_id, short_id
from mzdesk.core.text import checked_name, clean_text

log = logging.getLogger(__name__)

MAX_NAME = 200


class EventError(MzdeskError):
    """Event data that cannot be stored as given."""


# --- events -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerPresence:
    """A partner at an event: an employer (contacts are recorded with it) or another partner."""

    partner_id: uuid.UUID
    is_employer: bool = True
    booth: str | None = None


def get_event(session: Session, text: str | uuid.UUID) -> Event:
    """An event by id or short id (last 6-8 hex digits)."""
    access.require(session, Action.EVENTS)
    return by_id(session, Event, text, "event")


GERMAN_WHAT = {
    "name": "Der Name",
    "place": "Der Ort",
    "address": "Die Adresse",
    "booth": "Der Stand",
    "profession": "Der Berufswunsch",
    "family name": "Der Familienname",
    "given names": "Die Vornamen",
    "phone": "Die Telefonnummer",
    "email": "Die E-Mail-Adresse",
    "German level": "Das Deutschniveau",
}


def clean_field(value: str | None, limit: int, what: str) -> str | None:
    """A one-line text field: spaces collapsed, checked, at most ``limit`` characters;
    ``what`` names it in the refusal (a key of :data:`GERMAN_WHAT`)."""
    text = " ".join((value or "").split())
    checked_name(text, what, GERMAN_WHAT[what])  # no control or invisible characters
    if len(text) > limit:
        raise EventError(
            f"{what} longer than {limit} characters",
            german=f"{GERMAN_WHAT[what]} ist länger als {limit} Zeichen.",
        )
    return text or None


def _check_dates(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise EventError(
            "the event ends before it starts",
            german="Die Veranstaltung endet vor ihrem Beginn.",
        )


def _presences(session: Session, partners: Sequence[PartnerPresence]) -> list[EventPartner]:
    seen: set[uuid.UUID] = set()
    rows = []
    for presence in partners:
        if presence.partner_id in seen:
            raise EventError("a partner is listed twice", german="Ein Partner ist doppelt genannt.")
        seen.add(presence.partner_id)
        if session.get(Partner, presence.partner_id) is None:
            raise EventError(
                f"partner {presence.partner_id} not found",
                german="Einen der Partner gibt es nicht.",
            )
        rows.append(
            EventPartner(
                partner_id=presence.partner_id,
                is_employer=presence.is_employer,
                booth=clean_field(presence.booth, 32, "booth"),
            )
        )
    return rows


def _organisers(session: Session, user_ids: Sequence[uuid.UUID]) -> list[EventOrganiser]:
    rows = []
    for user_id in dict.fromkeys(user_ids):
        if session.get(User, user_id) is None:
            raise EventError(
                f"user {user_id} not found",
                german="Eines der genannten Konten gibt es nicht.",
            )
        rows.append(EventOrganiser(user_id=user_id))
    return rows


def create_event(
    session: Session,
    *,
    name: str,
    starts_on: date,
    place: str,
    kind: EventKind = EventKind.JOB_FAIR,
    ends_on: date | None = None,
    address: str | None = None,
    description: str | None = None,
    team_id: uuid.UUID | None = None,
    partners: Sequence[PartnerPresence] = (),
    organisers: Sequence[uuid.UUID] = (),
) -> Event:
    """A new event with the partners present and its organisers (the caller commits)."""
    access.require(session, Action.EVENTS)
    clean_name = clean_field(name, MAX_NAME, "name")
    clean_place = clean_field(place, MAX_NAME, "place")
    if not clean_name:
        raise EventError("an event needs a name", german="Die Veranstaltung braucht einen Namen.")
    if not clean_place:
        raise EventError("an event needs a place", german="Die Veranstaltung braucht einen Ort.")
    _check_dates(starts_on, ends_on)
    if team_id is not None and session.get(Team, team_id) is None:
        raise EventError(f"team {team_id} not found", german="Dieses Team gibt es nicht.")
    event = Event(
        name=clean_name,
        kind=EventKind(kind),
        starts_on=starts_on,
        ends_on=ends_on,
        place=clean_place,
        address=clean_field(address, 300, "address"),
        description=clean_text(description or "", multiline=True).strip() or None,
        team_id=team_id,
    )
    event.partners = _presences(session, partners)
    event.organisers = _organisers(session, organisers)
    session.add(event)
    session.flush()
    log.info("event %s created with %d partners", event.id, len(event.partners))
    return event


_UNSET: Any = object()


def edit_event(
    session: Session,
    event_id: uuid.UUID,
    *,
    expected_version: int | None = None,
    name: str = _UNSET,
    starts_on: date = _UNSET,
    ends_on: date | None = _UNSET,
    place: str = _UNSET,
    kind: EventKind = _UNSET,
    address: str | None = _UNSET,
    description: str | None = _UNSET,
    team_id: uuid.UUID | None = _UNSET,
    partners: Sequence[PartnerPresence] = _UNSET,
    organisers: Sequence[uuid.UUID] = _UNSET,
) -> Event:
    """Change what is given; ``partners``/``organisers`` replace the lists (rows of partners
    that stay are kept, so their contacts stay attached). Refused if the event was changed
    since ``expected_version`` was read."""
    event = get_event(session, event_id)
    if expected_version is not None and event.version != expected_version:
        raise EventError(
            "the event was changed meanwhile; reload it",
            german="Die Veranstaltung wurde inzwischen geändert. Bitte neu laden.",
        )
    if name is not _UNSET:
        clean = clean_field(name, MAX_NAME, "name")
        if not clean:
            raise EventError(
                "an event needs a name", german="Die Veranstaltung braucht einen Namen."
            )
        event.name = clean
    if place is not _UNSET:
        clean = clean_field(place, MAX_NAME, "place")
        if not clean:
            raise EventError(
                "an event needs a place", german="Die Veranstaltung braucht einen Ort."
            )
        event.place = clean
    if starts_on is not _UNSET:
        event.starts_on = starts_on
    if ends_on is not _UNSET:
        event.ends_on = ends_on
    _check_dates(event.starts_on, event.ends_on)
    if kind is not _UNSET:
        event.kind = EventKind(kind)
    if address is not _UNSET:
        event.address = clean_field(address, 300, "address")
    if description is not _UNSET:
        event.description = clean_text(description or "", multiline=True).strip() or None
    if team_id is not _UNSET:
        event.team_id = team_id
    if partners is not _UNSET:
        wanted = {row.partner_id: row for row in _presences(session, partners)}
        for row in list(event.partners):
            if row.partner_id not in wanted:
                event.partners.remove(row)
                continue
            new = wanted.pop(row.partner_id)
            row.is_employer, row.booth = new.is_employer, new.booth
        event.partners.extend(wanted.values())
    if organisers is not _UNSET:
        keep = {row.user_id: row for row in _organisers(session, organisers)}
        for organiser in list(event.organisers):
            if organiser.user_id not in keep:
                event.organisers.remove(organiser)
            else:
                keep.pop(organiser.user_id)
        event.organisers.extend(keep.values())
    session.flush()
    return event


@dataclass(frozen=True)
class Tally:
    """The running figures of an event: registered persons, anonymous heads, contacts."""

    registered: int = 0
    anonymous: int = 0
    contacts: dict[EventContactOutcome, int] = field(default_factory=dict)

    @property
    def attendees(self) -> int:
        return self.registered + self.anonymous

    def outcome(self, outcome: EventContactOutcome) -> int:
        return self.contacts.get(outcome, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "attendees": self.attendees,
            "registered": self.registered,
            "anonymous": self.anonymous,
            "contacts": {o.value: self.outcome(o) for o in EventContactOutcome},
        }


def tally(session: Session, event_id: uuid.UUID) -> Tally:
    access.require(session, Action.EVENTS)
    with scope.unscoped(session, scope.Purpose.EVENT_TALLY):  # counts, the same for everyone
        return _tally(session, event_id)


def _tally(session: Session, event_id: uuid.UUID) -> Tally:
    registered, anonymous = session.execute(
        select(
            func.count(Attendance.person_id),
            func.coalesce(func.sum(Attendance.headcount).filter(Attendance.person_id.is_(None)), 0),
        ).where(Attendance.event_id == event_id)
    ).one()
    contacts = {
        EventContactOutcome(outcome): int(count)
        for outcome, count in session.execute(
            select(EventContact.outcome, func.count())
            .where(EventContact.event_id == event_id)
            .group_by(EventContact.outcome)
        )
    }
    return Tally(int(registered), int(anonymous), contacts)


@dataclass(frozen=True)
class EventSummary:
    id: uuid.UUID
    name: str
    kind: EventKind
    starts_on: date
    ends_on: date | None
    place: str
    registered: int
    anonymous: int
    employers: int

    @property
    def attendees(self) -> int:
        return self.registered + self.anonymous

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "short_id": short_id(self.id),
            "name": self.name,
            "kind": self.kind.value,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "place": self.place,
            "registered": self.registered,
            "anonymous": self.anonymous,
            "employers": self.employers,
        }


def list_events(
    session: Session, *, year: int | None = None, text: str | None = None, limit: int = 500
) -> list[EventSummary]:
    """Events, latest first, with their attendance figures; ``text`` matches name or place."""
    access.require(session, Action.EVENTS)
    attendance = (
        select(
            Attendance.event_id.label("event_id"),
            func.count(Attendance.person_id).label("registered"),
            func.coalesce(
                func.sum(Attendance.headcount).filter(Attendance.person_id.is_(None)), 0
            ).label("anonymous"),
        )
        .group_by(Attendance.event_id)
        .subquery()
    )
    employers = (
        select(EventPartner.event_id.label("event_id"), func.count().label("employers"))
        .where(EventPartner.is_employer.is_(True))
        .group_by(EventPartner.event_id)
        .subquery()
    )
    query = (
        select(
            Event,
            func.coalesce(attendance.c.registered, 0),
            func.coalesce(attendance.c.anonymous, 0),
            func.coalesce(employers.c.employers, 0),
        )
        .outerjoin(attendance, attendance.c.event_id == Event.id)
        .outerjoin(employers, employers.c.event_id == Event.id)
        .order_by(Event.starts_on.desc(), Event.name, Event.id)
    )
    if year is not None:
        query = query.where(Event.starts_on.between(date(year, 1, 1), date(year, 12, 31)))
    words = fold(text).split()
    found = []
    with scope.unscoped(session, scope.Purpose.EVENT_TALLY):  # counts, the same for everyone
        listed = session.execute(query).all()
    for event, registered, anonymous, employer_count in listed:
        if words and not all(w in fold(f"{event.name} {event.place}") for w in words):
            continue
        found.append(
            EventSummary(
                event.id,
                event.name,
                event.kind,
                event.starts_on,
                event.ends_on,
                event.place,
                int(registered),
                int(anonymous),
                int(employer_count),
            )
        )
        if len(found) >= limit:
            break
    return found


@dataclass(frozen=True)
class PresentPartner:
    """A partner at an event; ``number`` is its key in fair mode and on the printed list."""

    partner_id: uuid.UUID
    name: str
    kind: str
    city: str | None
    is_employer: bool
    booth: str | None
    number: int | None  # employers only: 1, 2, …


def _natural(text: str | None) -> tuple[Any, ...]:
    """ "Stand 2" before "Stand 10"; no booth last."""
    if not text:
        return ((1,),)
    return (
        (0,),
        *((int(p), "") if p.isdigit() else (0, fold(p)) for p in re.split(r"(\d+)", text)),
    )


def present_partners(session: Session, event_id: uuid.UUID) -> list[PresentPartner]:
    """Employers first (numbered in booth order, then by name), then the other partners."""
    access.require(session, Action.EVENTS)
    rows = list(
        session.execute(
            select(EventPartner, Partner)
            .join(Partner, Partner.id == EventPartner.partner_id)
            .where(EventPartner.event_id == event_id)
        ).all()
    )
    rows.sort(key=lambda r: (not r[0].is_employer, _natural(r[0].booth), fold(r[1].name), r[1].id))
    result = []
    number = 0
    for presence, partner in rows:
        if presence.is_employer:
            number += 1
        result.append(
            PresentPartner(
                partner.id,
                partner.name,
                partner.kind,
                partner.city,
                presence.is_employer,
                presence.booth,
                number if presence.is_employer else None,
            )
        )
    return result


def employers(session: Session, event_id: uuid.UUID) -> list[PresentPartner]:
    """The employers present, numbered 1, 2, … (fair mode keys, printed list)."""
    return [p for p in present_partners(session, event_id) if p.is_employer]


@dataclass(frozen=True)
class EventDetail:
    id: uuid.UUID
    version: int
    name: str
    kind: EventKind
    starts_on: date
    ends_on: date | None
    place: str
    address: str | None
    description: str | None
    team_id: uuid.UUID | None
    team: str | None
    partners: tuple[PresentPartner, ...]
    organisers: tuple[tuple[uuid.UUID, str], ...]  # (user id, display name)
    tally: Tally

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "short_id": short_id(self.id),
            "name": self.name,
            "kind": self.kind.value,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "place": self.place,
            "address": self.address,
            "description": self.description,
            "team": self.team,
            "partners": [
                {
                    "id": str(p.partner_id),
                    "name": p.name,
                    "kind": p.kind,
                    "role": "employer" if p.is_employer else "partner",
                    "booth": p.booth,
                    "number": p.number,
                }
                for p in self.partners
            ],
            "organisers": [name for _id, name in self.organisers],
            "tally": self.tally.as_dict(),
        }


def event_detail(session: Session, event_id: uuid.UUID | str) -> EventDetail:
    event = get_event(session, event_id)
    team = session.get(Team, event.team_id) if event.team_id else None
    organisers = session.execute(
        select(User.id, User.display_name)
        .join(EventOrganiser, EventOrganiser.user_id == User.id)
        .where(EventOrganiser.event_id == event.id)
        .order_by(User.display_name)
    ).all()
    return EventDetail(
        id=event.id,
        version=event.version,
        name=event.name,
        kind=event.kind,
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        place=event.place,
        address=event.address,
        description=event.description,
        team_id=event.team_id,
        team=team.name if team else None,
        partners=tuple(present_partners(session, event.id)),
        organisers=tuple((row[0], row[1]) for row in organisers),
        tally=tally(session, event.id),
    )
