"""Bookkeeping of offline event kits: which kits were merged, and conflicts left to decide."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.models.base import Record


class KitExport(Record):
    """One kit packed at the office: who took it and which persons it carried.

    A return of the kit may change only these persons (and those it created itself): the
    office checks every incoming row against this list and the returning user's rights."""

    __tablename__ = "kit_exports"

    kit_id: Mapped[uuid.UUID] = mapped_column(Uuid(), unique=True)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"), index=True)
    exported_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    exported_at: Mapped[datetime]
    person_ids: Mapped[list[str]] = mapped_column(JSON, default=list)


class KitMerge(Record):
    """One returned kit merged at the office; its ``kit_id`` makes a second merge a no-op."""

    __tablename__ = "kit_merges"

    kit_id: Mapped[uuid.UUID] = mapped_column(Uuid(), unique=True)
    event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("events.id"))
    merged_at: Mapped[datetime]
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class MergeConflict(Record):
    """The same field edited on both sides: both values kept for a person to decide."""

    __tablename__ = "merge_conflicts"

    kit_merge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kit_merges.id"), index=True)
    entity: Mapped[str] = mapped_column(String(48))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid())
    field: Mapped[str] = mapped_column(String(64))
    office_value: Mapped[str | None] = mapped_column(Text)
    kit_value: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(16))
