"""Who was at an event: registered attendees, anonymous heads, and whom they met.

* Attendees are registered either as an existing person (:func:`register_person`) or through
  the *short intake* of fair mode (:func:`register_new_attendee`, :mod:`.short_intake`): an
  ``Attendance`` with the consent to be contacted, the profession or wish and the German
  level. When the new person consents to be contacted, a ``Case`` with source ``event`` (topic
  WORK) is opened for the registering user (counsellor) and their team — else the event's
  team — so that whoever registered them follows up, also at another team's event; without
  consent there is no case.
* People who do not register are counted anonymously: every +1 is its own ``Attendance`` row
  with ``headcount`` 1 (rows only ever inserted: two laptops counting at one event merge
  without conflicts); the last +1 can be taken back.
* Employer contacts (attendee x employer, outcome) are recorded only for attendees who
  consented: "contacts are recorded with consent" (domain.md).
* Attendees are numbered by registration order among all of the event's registered
  attendees, whoever looks (a user who may not see some of them sees gaps, never different
  numbers).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.access import Action
from mzdesk.core.models import (
    Attendance,
    Case,
    CaseSource,
    CaseStatus,
    CaseTopic,
    Event,
    EventContact,
    EventContactOutcome,
    EventPartner,
    Person,
)
from mzdesk.core.services.events import EventError, clean_field
from mzdesk.core.services.languages import german_level
from mzdesk.core.services.short_intake import (
    MAX_WISH,
    ShortIntake,
    create_short_intake_person,
    follow_up_by,
)

log = logging.getLogger(__name__)


class AlreadyRegistered(EventError):
    """The person is already an attendee of this event (``attendance_id`` says where)."""

    def __init__(self, message: str, german: str, attendance_id: uuid.UUID) -> None:
        super().__init__(message, german=german)
        self.attendance_id = attendance_id


def _now() -> datetime:
    return datetime.now(UTC)


def _event_for_registration(session: Session, event_id: uuid.UUID) -> Event:
    access.require(session, Action.EVENTS)
    event = session.get(Event, event_id)
    if event is None:
        raise EventError(f"event {event_id} not found", german="Diese Veranstaltung gibt es nicht.")
    return event


def _existing_attendance(
    session: Session, event_id: uuid.UUID, person_id: uuid.UUID
) -> Attendance | None:
    return session.scalars(
        select(Attendance).where(Attendance.event_id == event_id, Attendance.person_id == person_id)
    ).first()


def register_new_attendee(
    session: Session,
    event_id: uuid.UUID,
    intake: ShortIntake,
    *,
    registered_beforehand: bool = False,
    at: datetime | None = None,
) -> Attendance:
    """A new person from the short intake, registered at the event (the caller commits)."""
    event = _event_for_registration(session, event_id)
    person = create_short_intake_person(session, event, intake)
    attendance = Attendance(
        event_id=event.id,
        person_id=person.id,
        headcount=0,
        registered_at=at or _now(),
        registered_beforehand=registered_beforehand,
        consent_to_contact=intake.consent_to_contact,
        profession_wish=clean_field(intake.profession_wish, MAX_WISH, "profession"),
        german_level=german_level(intake.german_level),
    )
    session.add(attendance)
    if intake.consent_to_contact:
        _open_event_case(session, event, person.id)
    session.flush()
    log.info("event %s: new person %s registered", event.id, person.id)
    return attendance


def _open_event_case(session: Session, event: Event, person_id: uuid.UUID) -> None:
    team_id, counsellor_id = follow_up_by(session, event)
    case = Case(
        person_id=person_id,
        team_id=team_id,
        counsellor_id=counsellor_id,
        status=CaseStatus.OPEN,
        opened_on=date.today(),
        source=CaseSource.EVENT,
        event_id=event.id,
    )
    case.topics = [CaseTopic(topic_code="WORK")]
    session.add(case)


def register_person(
    session: Session,
    event_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    consent_to_contact: bool = False,
    profession_wish: str | None = None,
    german_level_text: str | None = None,
    registered_beforehand: bool = False,
    at: datetime | None = None,
) -> Attendance:
    """An existing person registered at the event; :class:`AlreadyRegistered` if they are."""
    event = _event_for_registration(session, event_id)
    access.require(session, Action.EDIT_PERSON, person_id=person_id)
    person = session.get(Person, person_id)
    if person is None or person.merged_into_id is not None:
        raise EventError(
            f"person {person_id} not found or merged",
            german="Diese Person gibt es nicht (mehr); vielleicht wurde sie zusammengeführt.",
        )
    existing = _existing_attendance(session, event.id, person_id)
    if existing is not None:
        raise AlreadyRegistered(
            "the person is already registered for this event",
            german="Die Person ist für diese Veranstaltung bereits angemeldet.",
            attendance_id=existing.id,
        )
    attendance = Attendance(
        event_id=event.id,
        person_id=person_id,
        headcount=0,
        registered_at=at or _now(),
        registered_beforehand=registered_beforehand,
        consent_to_contact=consent_to_contact,
        profession_wish=clean_field(profession_wish, MAX_WISH, "profession"),
        german_level=german_level(german_level_text),
    )
    session.add(attendance)
    session.flush()
    log.info("event %s: person %s registered", event.id, person_id)
    return attendance


def add_headcount(
    session: Session, event_id: uuid.UUID, count: int = 1, *, at: datetime | None = None
) -> Attendance:
    """``count`` more people who did not register (one new row per press)."""
    event = _event_for_registration(session, event_id)
    if not 1 <= count <= 10_000:
        raise EventError(
            "a head count is 1 … 10000", german="Eine Zählung umfasst 1 bis 10.000 Personen."
        )
    row = Attendance(
        event_id=event.id,
        person_id=None,
        headcount=count,
        registered_at=at or _now(),
        registered_beforehand=False,
        consent_to_contact=False,
    )
    session.add(row)
    session.flush()
    return row


def undo_headcount(session: Session, event_id: uuid.UUID) -> bool:
    """Take back the latest single +1 of this event (False if there is none)."""
    _event_for_registration(session, event_id)
    row = session.scalars(
        select(Attendance)
        .where(
            Attendance.event_id == event_id,
            Attendance.person_id.is_(None),
            Attendance.headcount == 1,
        )
        .order_by(Attendance.registered_at.desc(), Attendance.created_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def record_contact(
    session: Session,
    event_id: uuid.UUID,
    attendance_id: uuid.UUID,
    partner_id: uuid.UUID,
    outcome: EventContactOutcome,
    *,
    at: datetime | None = None,
) -> EventContact:
    """An attendee met an employer present at the event (only with their consent)."""
    event = _event_for_registration(session, event_id)
    attendance = session.get(Attendance, attendance_id)
    if attendance is None or attendance.event_id != event.id or attendance.person_id is None:
        raise EventError(
            "not a registered attendee of this event",
            german="Keine angemeldete Person dieser Veranstaltung.",
        )
    access.require(session, Action.EDIT_PERSON, person_id=attendance.person_id)
    if not attendance.consent_to_contact:
        raise EventError(
            "no consent: employer contacts are recorded only with the attendee's consent",
            german="Keine Einwilligung: Arbeitgeberkontakte werden nur mit Einwilligung erfasst.",
        )
    presence = session.scalars(
        select(EventPartner).where(
            EventPartner.event_id == event.id, EventPartner.partner_id == partner_id
        )
    ).first()
    if presence is None or not presence.is_employer:
        raise EventError(
            "not an employer present at this event",
            german="Kein Arbeitgeber dieser Veranstaltung.",
        )
    contact = EventContact(
        event_id=event.id,
        attendance_id=attendance.id,
        partner_id=partner_id,
        outcome=EventContactOutcome(outcome),
        occurred_at=at or _now(),
    )
    session.add(contact)
    session.flush()
    return contact


@dataclass(frozen=True)
class AttendeeRow:
    """A registered attendee as fair mode and the lists show them."""

    number: int  # by registration: 1, 2, …
    attendance_id: uuid.UUID
    person_id: uuid.UUID
    family_name: str
    given_names: str
    birth_year: int | None
    consent_to_contact: bool
    registered_beforehand: bool
    contacts: int


def attendees(session: Session, event_id: uuid.UUID) -> list[AttendeeRow]:
    """The registered attendees the user may see, in registration order, with contact counts.
    Numbers count all registered attendees of the event, so they do not depend on the viewer."""
    access.require(session, Action.EVENTS)
    with scope.unscoped(session, scope.Purpose.EVENT_TALLY):  # ``visible`` is selected below
        return _attendees(session, event_id)


def _attendees(session: Session, event_id: uuid.UUID) -> list[AttendeeRow]:
    contacts = dict(
        session.execute(
            select(EventContact.attendance_id, func.count())
            .where(EventContact.event_id == event_id)
            .group_by(EventContact.attendance_id)
        ).all()
    )
    rows = session.execute(
        select(
            Attendance.id,
            Attendance.consent_to_contact,
            Attendance.registered_beforehand,
            Person.id,
            Person.family_name,
            Person.given_names,
            Person.birth_date,
            access.visible_persons(session).label("visible"),
        )
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.event_id == event_id)
        .order_by(Attendance.registered_at, Attendance.created_at, Attendance.id)
    ).all()
    return [
        AttendeeRow(
            number,
            row[0],
            row[3],
            row[4],
            row[5],
            row[6].year if row[6] else None,
            bool(row[1]),
            bool(row[2]),
            int(contacts.get(row[0], 0)),
        )
        for number, row in enumerate(rows, start=1)
        if row[7]
    ]
