"""Placements into work, training and courses: the outcomes statistics count."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.models.base import Record, code_enum
from mzdesk.core.models.enums import LegalCategory


class Placement(Record):
    __tablename__ = "placements"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)  # reference: placement_kinds
    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"), index=True)
    employer_name: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    weekly_hours: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    subsidy: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)  # the counsellor's: on screen only
    counsellor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    # Snapshot at the start date, the basis of statistics (domain.md).
    legal_category_at_start: Mapped[LegalCategory | None] = mapped_column(code_enum(LegalCategory))
    residence_status_at_start: Mapped[str | None] = mapped_column(String(16))
    refugee_at_start: Mapped[bool] = mapped_column(Boolean, default=False)
