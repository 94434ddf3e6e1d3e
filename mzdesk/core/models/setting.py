"""Stored settings: organisation-wide (user_id NULL) or personal."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.models.base import Record


class Setting(Record):
    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("key", "user_id", name="key_user"),)

    key: Mapped[str] = mapped_column(String(120))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    value: Mapped[Any] = mapped_column(JSON)
