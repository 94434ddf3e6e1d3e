"""Declarative base and the columns every synchronised table carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Enum, Integer, MetaData, String, TypeDecorator, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; mzdesk stores UTC-aware timestamps only")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), uuid.UUID: Uuid()}


class Record(Base):
    """Abstract base of every synchronised table.

    * ``id``: a UUID, because rows are created offline on laptops and merged later.
    * ``version``: optimistic locking (SQLAlchemy ``version_id_col``); a stale update raises
      ``StaleDataError`` instead of silently overwriting another user's edit.
    * ``origin``: the installation that created the row (see ``Database.installation_id``).
    * ``created_at``/``updated_at``/``updated_by``: filled by the session hook in
      ``mzdesk.core.database`` so that no service can forget them.
    """

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[uuid.UUID | None] = mapped_column(Uuid(), default=None)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    origin: Mapped[str] = mapped_column(String(36), default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declared_attr passes the class
        return {"version_id_col": cls.__table__.c.version}

    def __repr__(self) -> str:
        # Never include personal data: reprs end up in logs and tracebacks.
        return f"<{type(self).__name__} {self.id}>"


def code_enum(enum_cls: type[Any]) -> Enum:
    """A ``StrEnum`` stored as its value in a VARCHAR (no native enum type, no CHECK)."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
