"""Referrals to partners and the letter as it was sent."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.models.base import Record, code_enum
from mzdesk.core.models.enums import ReferralStatus


class Referral(Record):
    __tablename__ = "referrals"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    service: Mapped[str | None] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(500))
    request: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ReferralStatus] = mapped_column(
        code_enum(ReferralStatus), default=ReferralStatus.DRAFT, index=True
    )
    rejection_reason: Mapped[str | None] = mapped_column(String(500))
    consent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("consents.id"))
    # The data categories (codes) the letter prints, as ticked; None: the template decides.
    data_categories: Mapped[list[Any] | None] = mapped_column(JSON)
    override_reason: Mapped[str | None] = mapped_column(String(500))
    override_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    created_on: Mapped[date] = mapped_column(Date, index=True)
    sent_on: Mapped[date | None] = mapped_column(Date, index=True)
    answer_due_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    feedback: Mapped[str | None] = mapped_column(Text)
    letter_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    letter_sha256: Mapped[str | None] = mapped_column(String(64))
