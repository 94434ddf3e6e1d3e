"""The network of partner organisations a centre refers to."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mzdesk.core.models.base import Record


class Partner(Record):
    __tablename__ = "partners"

    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)  # reference: partner_kinds
    department: Mapped[str | None] = mapped_column(String(200))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(16))
    city: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(254))
    services: Mapped[str | None] = mapped_column(Text)
    letter_language: Mapped[str] = mapped_column(String(8), default="de")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    contact_people: Mapped[list[PartnerContact]] = relationship(
        back_populates="partner", cascade="all, delete-orphan"
    )


class PartnerContact(Record):
    __tablename__ = "partner_contacts"

    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(254))

    partner: Mapped[Partner] = relationship(back_populates="contact_people")
