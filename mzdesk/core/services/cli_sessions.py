"""Command-line login sessions: one password check, then commands for a working day.

``mzdesk login`` checks the password as every login does (``accounts.login``: lockout, audit
entry) and then :func:`create` makes a session: a random token (``secrets.token_urlsafe``,
256 bits) that the shell keeps in ``MZDESK_SESSION``. The database stores only the token's
SHA-256 (hex) with its user and lifetime — never the token — so a copy of the database (a
backup) opens no session, and a token of one database is unknown in every other.

A command with ``MZDESK_SESSION`` acts for the session's user (:func:`resume`) while the
token's hash is stored, its ``expires_at`` (``SESSION_LIFETIME`` after the login) has not
passed and its user is active, has a password and is not locked; anything else is refused
(:class:`SessionInvalid`) — never another login in its place. A session ends with
``mzdesk logout`` (:func:`end`, audited), and every session of a user ends when the user is
disabled or their password is changed or set (:func:`end_all`, in that transaction). Expired
rows are deleted at the next login.

No argon2 here: a command that resumes a session imports neither the hasher nor accounts.
Log lines name user ids, never tokens or hashes.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import CliSession, User
from mzdesk.core.models.base import utcnow

log = logging.getLogger(__name__)

SESSION_LIFETIME = timedelta(hours=8)  # absolute, from the login: a working day
TOKEN_BYTES = 32


class SessionInvalid(MzdeskError):
    """The session's token is unknown, expired or ended, or its user may not log in now."""

    def __init__(self) -> None:
        super().__init__(
            "session expired or not valid: log in again (mzdesk login)",
            german="Sitzung abgelaufen oder ungültig: bitte neu anmelden (mzdesk login).",
        )


def token_hash(token: str) -> str:
    """What the database stores of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(session: Session, user_id: uuid.UUID) -> str:
    """A new session for ``user_id``, who has just logged in with their password; its token
    (shown once, stored nowhere). Expired sessions of anyone are deleted on the way. The
    caller commits."""
    now = utcnow()
    session.execute(delete(CliSession).where(CliSession.expires_at <= now))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        CliSession(
            token_hash=token_hash(token),
            user_id=user_id,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    session.flush()
    log.info("command-line session opened for account %s", user_id)
    return token


def resume(session: Session, token: str) -> uuid.UUID:
    """The user of a valid session; :class:`SessionInvalid` otherwise (nothing is changed)."""
    now = utcnow()
    found = session.execute(
        select(
            User.id,
            CliSession.expires_at,
            User.active,
            User.locked_until,
            User.password_hash.is_not(None),
        )
        .join(User, User.id == CliSession.user_id)
        .where(CliSession.token_hash == token_hash(token))
    ).first()
    if found is None:
        raise SessionInvalid()
    user_id, expires_at, active, locked_until, has_password = found
    locked = locked_until is not None and locked_until > now
    if expires_at <= now or not active or locked or not has_password:
        log.info("command-line session of account %s refused", user_id)
        raise SessionInvalid()
    return user_id


def end(session: Session, token: str) -> uuid.UUID:
    """``mzdesk logout``: the session's row is deleted and the logout audited; its user.
    An unknown (or already ended) token is :class:`SessionInvalid`. The caller commits."""
    from mzdesk.core.services import audit

    row = session.get(CliSession, token_hash(token))
    if row is None:
        raise SessionInvalid()
    user_id = row.user_id
    session.delete(row)
    audit.append(session, "logout", "user", entity_id=user_id, user_id=user_id)
    log.info("command-line session of account %s ended", user_id)
    return user_id


def end_all(session: Session, user_id: uuid.UUID) -> None:
    """Every session of ``user_id`` ends (disabled, a new password), in the caller's
    transaction."""
    session.execute(delete(CliSession).where(CliSession.user_id == user_id))


def end_everyone(session: Session) -> int:
    """Every session ends (a restored database: its sessions are those of the backup's time,
    some of them logged out since); how many there were. In the caller's transaction."""
    ended = session.scalar(select(func.count()).select_from(CliSession)) or 0
    session.execute(delete(CliSession))
    return ended
