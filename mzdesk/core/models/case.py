"""Counselling cases with their topics, contact log and follow-ups (Wiedervorlagen)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mzdesk.core.models.base import Record, code_enum
from mzdesk.core.models.enums import CaseSource, CaseStatus
from mzdesk.core.models.person import Person


class Case(Record):
    __tablename__ = "cases"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    counsellor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"), index=True)
    status: Mapped[CaseStatus] = mapped_column(code_enum(CaseStatus), default=CaseStatus.OPEN)
    opened_on: Mapped[date] = mapped_column(Date, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closing_reason: Mapped[str | None] = mapped_column(String(200))
    goals: Mapped[str | None] = mapped_column(Text)
    source: Mapped[CaseSource] = mapped_column(code_enum(CaseSource), default=CaseSource.DESK)
    event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("events.id"))

    person: Mapped[Person] = relationship()
    topics: Mapped[list[CaseTopic]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Contact.occurred_at"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="FollowUp.due_on"
    )


class CaseTopic(Record):
    __tablename__ = "case_topics"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    topic_code: Mapped[str] = mapped_column(String(24))

    case: Mapped[Case] = relationship(back_populates="topics")


class Contact(Record):
    """One counselling contact. ``note`` is confidential: never printed, never exported."""

    __tablename__ = "contacts"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    counsellor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(24))
    minutes: Mapped[int | None] = mapped_column(Integer)
    interpreter_language: Mapped[str | None] = mapped_column(String(8))
    summary: Mapped[str | None] = mapped_column(String(500))
    note: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="contacts")


class FollowUp(Record):
    __tablename__ = "follow_ups"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    assigned_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(String(500))
    done_at: Mapped[datetime | None]
    # What created it, e.g. "referral:<uuid>" for an unanswered referral; None when typed.
    source: Mapped[str | None] = mapped_column(String(64))

    case: Mapped[Case] = relationship(back_populates="follow_ups")
