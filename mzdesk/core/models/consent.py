"""Consents to pass social data on (§35 SGB I, §§67 ff. SGB X): scope, text version, validity."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mzdesk.core.models.base import Record, code_enum
from mzdesk.core.models.enums import ConsentForm


class Consent(Record):
    __tablename__ = "consents"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(500))
    # Codes from reference data_categories, e.g. ["identity", "contact", "residence"].
    data_categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    text_version: Mapped[str] = mapped_column(String(32))  # resources/consent/<version>
    given_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    form: Mapped[ConsentForm] = mapped_column(code_enum(ConsentForm))
    witness: Mapped[str | None] = mapped_column(String(200))
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    document: Mapped[bytes | None] = mapped_column(LargeBinary)  # optional scan

    recipients: Mapped[list[ConsentRecipient]] = relationship(
        back_populates="consent", cascade="all, delete-orphan"
    )


class ConsentRecipient(Record):
    """A recipient a consent names: one partner, or every partner of a kind."""

    __tablename__ = "consent_recipients"

    consent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("consents.id"), index=True)
    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"), index=True)
    partner_kind: Mapped[str | None] = mapped_column(String(24))

    consent: Mapped[Consent] = relationship(back_populates="recipients")
