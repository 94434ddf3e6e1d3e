"""A small synthetic county for the kit tests: an office database with one job fair.

Names are synthetic. ``dump`` is a stable digest of every row of every table, to show that a
refused or interrupted merge left the database exactly as it was.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import (
    Attendance,
    Base,
    Event,
    EventContact,
    EventContactOutcome,
    EventOrganiser,
    EventPartner,
    Partner,
    Person,
    PersonLanguage,
    PersonNationality,
    Team,
    User,
)

FAIR_DAY = date(2025, 5, 14)
AT = datetime(2025, 5, 14, 10, 0, tzinfo=UTC)


@dataclass
class World:
    event_id: uuid.UUID
    employers: list[uuid.UUID]
    attendees: list[uuid.UUID]  # registered beforehand: in the kit
    others: list[uuid.UUID]  # not registered: never in the kit
    organiser_id: uuid.UUID
    names: dict[uuid.UUID, tuple[str, str]] = field(default_factory=dict)


def person(
    number: int, family: str, given: str, born: date | None, *, country: str = "SY"
) -> Person:
    found = Person(
        file_number=f"MZ-2025-{number:06d}",
        family_name=family,
        given_names=given,
        birth_date=born,
        phone=f"0151 {number:07d}",
    )
    found.nationalities = [PersonNationality(country_code=country, position=0)]
    found.languages = [PersonLanguage(language_code="ar", cefr_level="native", position=0)]
    return found


def build_office(url: str, *, attendees: int = 6, others: int = 4) -> World:
    database = Database(url, create=True)
    try:
        schema.upgrade(database)
        with database.session() as session:
            team = Team(name="Team Nord")
            user = User(username="organiser", display_name="Org Aniser", team=team)
            employers = [Partner(name=f"Firma {n} GmbH", kind="employer") for n in range(3)]
            session.add_all([team, user, *employers])
            session.flush()
            event = Event(name="Jobmesse", starts_on=FAIR_DAY, place="Kreishaus", team_id=team.id)
            session.add(event)
            session.flush()
            event.partners = [
                EventPartner(partner_id=p.id, booth=str(n)) for n, p in enumerate(employers)
            ]
            event.organisers = [EventOrganiser(user_id=user.id)]
            registered = [
                person(n, f"Testfamilie{n}", f"Vorname{n}", date(1980 + n, 3, 1 + n))
                for n in range(attendees)
            ]
            unrelated = [
                person(100 + n, f"Andere{n}", f"Person{n}", date(1970 + n, 6, 2), country="AF")
                for n in range(others)
            ]
            session.add_all(registered + unrelated)
            session.flush()
            for attendee in registered:
                session.add(
                    Attendance(
                        event_id=event.id,
                        person_id=attendee.id,
                        registered_at=AT,
                        registered_beforehand=True,
                    )
                )
            session.commit()
            return World(
                event_id=event.id,
                employers=[p.id for p in employers],
                attendees=[p.id for p in registered],
                others=[p.id for p in unrelated],
                organiser_id=user.id,
            )
    finally:
        database.close()


def register_attendee(
    session: object, event_id: uuid.UUID, number: int, family: str, given: str, born: date
) -> tuple[uuid.UUID, uuid.UUID]:
    """What fair mode does on the laptop: a new person and their attendance."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    new = person(number, family, given, born)
    session.add(new)
    session.flush()
    attendance = Attendance(
        event_id=event_id,
        person_id=new.id,
        registered_at=AT,
        consent_to_contact=True,
        german_level="A2",
    )
    session.add(attendance)
    session.flush()
    return new.id, attendance.id


def contact(
    session: object, event_id: uuid.UUID, attendance_id: uuid.UUID, partner_id: uuid.UUID
) -> uuid.UUID:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    row = EventContact(
        event_id=event_id,
        attendance_id=attendance_id,
        partner_id=partner_id,
        outcome=EventContactOutcome.INTERVIEW,
        occurred_at=AT,
    )
    session.add(row)
    session.flush()
    return row.id


def dump(url: str) -> str:
    """A digest of every row of every table (ordered by id), bookkeeping columns included."""
    database = Database(url)
    digest = hashlib.sha256()
    try:
        with database.engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                rows = connection.execute(select(table).order_by(*table.primary_key.columns))
                for row in rows:
                    digest.update(repr(tuple(row)).encode("utf-8"))
                digest.update(f"|{table.name}|".encode())
    finally:
        database.close()
    return digest.hexdigest()


def attendance_ids(url: str) -> list[uuid.UUID]:
    database = Database(url)
    try:
        with database.session() as session:
            return list(session.scalars(select(Attendance.id)))
    finally:
        database.close()
