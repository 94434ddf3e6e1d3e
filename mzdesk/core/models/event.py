"""Job fairs and outreach events: attendance (named or head count) and employer contacts."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mzdesk.core.models.base import Record, code_enum
from mzdesk.core.models.enums import EventContactOutcome, EventKind


class Event(Record):
    __tablename__ = "events"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[EventKind] = mapped_column(code_enum(EventKind), default=EventKind.JOB_FAIR)
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"))

    partners: Mapped[list[EventPartner]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    organisers: Mapped[list[EventOrganiser]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )


class EventPartner(Record):
    """An employer or partner present at an event."""

    __tablename__ = "event_partners"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    is_employer: Mapped[bool] = mapped_column(Boolean, default=True)
    booth: Mapped[str | None] = mapped_column(String(32))

    event: Mapped[Event] = relationship(back_populates="partners")


class EventOrganiser(Record):
    __tablename__ = "event_organisers"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)

    event: Mapped[Event] = relationship(back_populates="organisers")


class Attendance(Record):
    """A registered attendee (``person_id``) or an anonymous head count (``headcount`` > 0)."""

    __tablename__ = "attendances"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("persons.id"), index=True)
    headcount: Mapped[int] = mapped_column(Integer, default=0)
    registered_at: Mapped[datetime]
    registered_beforehand: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_to_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    profession_wish: Mapped[str | None] = mapped_column(String(200))
    german_level: Mapped[str | None] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(Text)


class EventContact(Record):
    """An attendee met an employer: talk, interview agreed, application sent, hired."""

    __tablename__ = "event_contacts"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    attendance_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attendances.id"), index=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    outcome: Mapped[EventContactOutcome] = mapped_column(code_enum(EventContactOutcome))
    occurred_at: Mapped[datetime]
