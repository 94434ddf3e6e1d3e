"""Teams, user accounts and their command-line login sessions."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mzdesk.core.models.base import Base, Record, code_enum, utcnow
from mzdesk.core.models.enums import Role


class Team(Record):
    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    members: Mapped[list[User]] = relationship(back_populates="team")


class User(Record):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(code_enum(Role), default=Role.COUNSELLOR)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"), index=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(254))

    team: Mapped[Team | None] = relationship(back_populates="members")


class CliSession(Base):
    """A command-line login (``mzdesk login``): the SHA-256 of its token, never the token.

    Local to this database: kits never carry it (``kits.content.NOT_IN_KITS``); a row ends
    with ``mzdesk logout``, its ``expires_at``, or its user's disabling or new password
    (``services.cli_sessions``)."""

    __tablename__ = "cli_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
