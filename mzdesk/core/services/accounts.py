"""User accounts and teams: argon2 password hashes, login with lockout, the first admin.

* Passwords are hashed with argon2id (argon2-cffi's defaults); a hash made with older
  parameters is re-hashed at the next successful login.
* :func:`authenticate` counts failed logins; after ``security.max_failed_logins`` in a row
  the account is locked for ``security.lockout_minutes`` (organisation settings). A locked
  account is refused even with the right password until the time has passed. Each attempt is
  counted atomically before its password is checked, so parallel attempts cannot test more
  passwords than the limit. The reason shown never tells whether the name or the password was
  wrong, and a name without an account is locked like one.
* *Setup mode*: as long as no account has a password (:func:`needs_first_admin`, a fresh
  database or data made without accounts), the GUI asks for the first administrator
  (:func:`create_first_admin`) and the CLI runs as the program itself; once an account
  exists, everybody logs in.
* Managing accounts needs ``Action.MANAGE_ACCOUNTS`` (admins); changing one's own password
  needs the old one.
* Disabling an account, or a new password for it, ends its command-line sessions
  (``cli_sessions.end_all``) in the same transaction.

Log lines name user ids and counts, never names or passwords.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, NoReturn

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import hash_secret_raw
from sqlalchemy import Connection, func, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from mzdesk.core import org_settings
from mzdesk.core.access import Action, require
from mzdesk.core.errors import DatabaseUnavailable, MzdeskError, NotFound
from mzdesk.core.models import AuditEntry, Team, User
from mzdesk.core.models.base import utcnow
from mzdesk.core.models.enums import Role
from mzdesk.core.services import audit, cli_sessions
from mzdesk.core.text import checked_name

log = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 8
MAX_DISPLAY_NAME = 200  # the columns' lengths (PostgreSQL refuses longer text with an error)
MAX_TEAM_NAME = 120
Success = Literal["login", "unlock"] | None  # how a right password is audited
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_hasher = PasswordHasher()


class LoginFailed(MzdeskError):
    """Wrong name or password, or a disabled account (never says which)."""


class AccountLocked(MzdeskError):
    """Too many failed logins: the account is locked until ``until``."""

    def __init__(self, until: datetime) -> None:
        local = until.astimezone().strftime("%H:%M")
        super().__init__(
            f"account locked after repeated failed logins until {local}",
            german=f"Das Konto ist nach mehreren Fehlversuchen bis {local} Uhr gesperrt.",
        )
        self.until = until


class InvalidAccount(MzdeskError):
    """An account that cannot be created or changed as asked (name taken, password short …)."""


@dataclass(frozen=True)
class Account:
    """An account as lists show it (no hash)."""

    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    team: str | None
    active: bool
    locked_until: datetime | None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidAccount(
            f"the password must have at least {MIN_PASSWORD_LENGTH} characters",
            german=f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.",
        )


def _checked_text(text: str, limit: int, field: str, german_field: str) -> str:
    """``text`` stripped if it holds no bad character and fits its column, else one line."""
    checked_name(text, field, german_field)
    if len(text.strip()) > limit:
        raise InvalidAccount(
            f"the {field} is longer than {limit} characters",
            german=f"{german_field} ist länger als {limit} Zeichen.",
        )
    return text.strip()


def _check_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InvalidAccount(
            f"not a valid user name: {username!r} (2-64 of a-z 0-9 . _ -)",
            german="Ungültiger Benutzername (2–64 Zeichen: a–z, 0–9, Punkt, _ oder -).",
        )
    return name


def needs_first_admin(session: Session) -> bool:
    """True while no account has a password: nobody can log in yet (setup mode)."""
    return not session.scalar(select(func.count()).where(User.password_hash.is_not(None)))


def find_user(session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username == username.strip().lower())).first()


def _team(session: Session, name: str | None) -> Team | None:
    if not name:
        return None
    team = session.scalars(select(Team).where(Team.name == name.strip())).first()
    if team is None:
        raise NotFound(f"no team {name!r}", german=f"Es gibt kein Team „{name}“.")
    return team


def _new_user(
    session: Session,
    username: str,
    password: str,
    *,
    display_name: str,
    role: Role,
    team: str | None,
) -> User:
    name = _check_username(username)
    _checked_text(display_name, MAX_DISPLAY_NAME, "display name", "Der Anzeigename")
    _check_password(password)
    if find_user(session, name) is not None:
        raise InvalidAccount(
            f"user name {name!r} is taken", german=f"Der Benutzername „{name}“ ist vergeben."
        )
    found_team = _team(session, team)
    if role is not Role.ADMIN and found_team is None:
        raise InvalidAccount(
            "counsellors and team leads need a team",
            german="Beratungskräfte und Teamleitungen brauchen ein Team.",
        )
    user = User(
        id=uuid.uuid4(),
        username=name,
        display_name=display_name.strip() or name,
        role=role,
        team_id=found_team.id if found_team else None,
        password_hash=hash_password(password),
        active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    audit.append(
        session,
        "create",
        "user",
        entity_id=user.id,
        details={"role": role.value, "team_id": user.team_id},
    )
    log.info("account %s created (%s)", user.id, role.value)
    return user


def create_user(
    session: Session,
    username: str,
    password: str,
    *,
    display_name: str = "",
    role: Role = Role.COUNSELLOR,
    team: str | None = None,
) -> User:
    """A new account (admins only; the caller commits)."""
    require(session, Action.MANAGE_ACCOUNTS)
    return _new_user(session, username, password, display_name=display_name, role=role, team=team)


class SetupDone(MzdeskError):
    """The first admin exists already: accounts are made by an admin now."""


def create_first_admin(
    session: Session, username: str, password: str, display_name: str = ""
) -> User:
    """The first administrator of a database nobody can log in to yet (the caller commits)."""
    if not needs_first_admin(session):
        raise SetupDone(
            "an account exists already: log in as an admin to add accounts",
            german="Es gibt bereits ein Konto: Bitte als Administrator anmelden.",
        )
    return _new_user(
        session, username, password, display_name=display_name, role=Role.ADMIN, team=None
    )


def authenticate(
    session: Session, username: str, password: str, *, success_action: Success = "login"
) -> User:
    """The account for these credentials, or LoginFailed / AccountLocked (the caller commits
    either way: failed attempts are audited).

    A right password is audited as ``success_action``: ``login``, ``unlock`` (a locked screen
    opened again by the same user: no new login), or nothing (None: the caller audits what the
    password was checked for, e.g. ``password_changed``).

    The attempt is counted *before* the password is checked, in a short transaction of its
    own (or in the session's, when it has written already and so holds the locks): parallel
    attempts queue on the account's row and at most ``security.max_failed_logins`` passwords
    are checked before the lock holds; the lock is set by the attempt that reaches the limit
    and lifted by a right password. Unknown names, disabled accounts and accounts without a
    password behave the same way (counted in the audit trail under a slow hash of the name,
    see :func:`_name_key`), so the lock message does not tell which names exist.
    """
    name = username.strip().lower()
    user = find_user(session, name) if name else None
    now = utcnow()
    if user is None or user.password_hash is None or not user.active:
        _refuse_unknown(session, name, now)
    claim = _claim_attempt(session, user.id, now)
    if claim.refused_until is not None:
        _hasher_dummy_verify(password)  # as long as a check: a lock shows no name by timing
        audit.append(session, "login_refused", "user", entity_id=user.id, user_id=user.id)
        raise AccountLocked(claim.refused_until)
    _known_state(user, claim.failed, claim.locked_until)
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        _audit_failure(session, user.id, claim.failed, claim.locked_until)
        if claim.locked_until is not None:
            raise AccountLocked(claim.locked_until) from None
        raise _wrong() from None
    _succeeded(session, user, password)
    if success_action == "login":
        audit.append(session, "login", "user", entity_id=user.id, user_id=user.id)
    elif success_action == "unlock":
        audit.append(session, "unlock", "user", entity_id=user.id, user_id=user.id)
    log.info("password of account %s checked (%s)", user.id, success_action or "no entry")
    return user


def _wrong() -> LoginFailed:
    return LoginFailed(
        "wrong user name or password", german="Benutzername oder Passwort ist falsch."
    )


@dataclass(frozen=True)
class _Claim:
    failed: int  # failures in a row, this attempt included (until it proves right)
    locked_until: datetime | None  # set by this attempt: it reached the limit
    refused_until: datetime | None = None  # locked already: no password is checked


def _limits(session: Session) -> tuple[int, int]:
    limit = int(org_settings.get_setting(session, "security.max_failed_logins"))
    minutes = int(org_settings.get_setting(session, "security.lockout_minutes"))
    return max(limit, 1), minutes


def _has_written(session: Session) -> bool:
    """Whether the session's transaction has written (and so holds locks) already."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        return bool(getattr(connection.connection.dbapi_connection, "in_transaction", False))
    if connection.dialect.name == "postgresql":
        return session.scalar(text("SELECT txid_current_if_assigned()")) is not None
    return False


@contextlib.contextmanager
def _own_transaction(session: Session) -> Iterator[Connection]:
    """A short transaction of its own, committed at once — or, when the session has written
    already (it holds the write lock on SQLite, or the account may be its own uncommitted row),
    the session's own connection: it holds the locks until the caller commits."""
    if _has_written(session):
        yield session.connection()
        return
    with session.get_bind().engine.begin() as connection:
        yield connection


def _claim_attempt(session: Session, user_id: uuid.UUID, now: datetime) -> _Claim:
    """Count this attempt as failed (until the password proves right) and commit that at once,
    in a connection of its own: the count holds whatever happens to the session."""
    limit, minutes = _limits(session)
    this = User.id == user_id
    with _own_transaction(session) as connection:
        # A write first: it locks the row (PostgreSQL) or the database (SQLite), so the count
        # read next is the latest and no parallel attempt reads it until this one commits.
        connection.execute(update(User).where(this).values(failed_logins=User.failed_logins))
        failed, locked_until = connection.execute(
            select(User.failed_logins, User.locked_until).where(this)
        ).one()
        if locked_until is not None and locked_until > now:
            return _Claim(int(failed or 0), locked_until, refused_until=locked_until)
        if locked_until is not None:
            failed = 0  # the lock has run out: the count starts again
        failed = int(failed or 0) + 1
        until = now + timedelta(minutes=minutes) if failed >= limit else None
        connection.execute(
            update(User).where(this).values(failed_logins=failed, locked_until=until)
        )
    if until is not None:
        log.info("account %s locked for %d minutes", user_id, minutes)
    return _Claim(failed, until)


def _known_state(user: User, failed: int, locked_until: datetime | None) -> None:
    """The loaded account shows what the database holds now (no change to flush)."""
    set_committed_value(user, "failed_logins", failed)
    set_committed_value(user, "locked_until", locked_until)


def _audit_failure(
    session: Session, entity_id: uuid.UUID, failed: int, locked_until: datetime | None
) -> None:
    details: dict[str, object] = {"failed_logins": failed}
    if locked_until is not None:
        details["locked_minutes"] = _limits(session)[1]
    audit.append(session, "login_failed", "user", entity_id=entity_id, details=details)


def _succeeded(session: Session, user: User, password: str) -> None:
    """A right password: the count and any lock end, in their own short transaction (so that
    a session the caller rolls back does not leave the right password counted as wrong)."""
    values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
    old_hash = user.password_hash
    if old_hash is not None and _hasher.check_needs_rehash(old_hash):
        values["password_hash"] = hash_password(password)
    with _own_transaction(session) as connection:
        connection.execute(update(User).where(User.id == user.id).values(values))
    _known_state(user, 0, None)
    if "password_hash" in values:
        set_committed_value(user, "password_hash", values["password_hash"])


def _name_key(session: Session, name: str) -> uuid.UUID:
    """The id under which failed logins of a name without a usable account are counted: an
    argon2 hash of the name (with this database's installation id as salt), as slow as a
    password check — so that it costs the time a real account's check does, and a password
    typed into the name field is no easier to recover from the audit trail than from the
    password hashes."""
    salt = hashlib.sha256(
        f"mzdesk login name {session.info.get('origin') or ''}".encode()
    ).digest()[:16]
    raw = hash_secret_raw(
        name.encode("utf-8"),
        salt,
        time_cost=_hasher.time_cost,
        memory_cost=_hasher.memory_cost,
        parallelism=_hasher.parallelism,
        hash_len=16,
        type=Type.ID,
    )
    return uuid.UUID(bytes=raw)


def _refuse_unknown(session: Session, name: str, now: datetime) -> NoReturn:
    """A name without a usable account: counted and locked like one (in the audit trail)."""
    key = _name_key(session, name)
    limit, minutes = _limits(session)
    audit.lock_chain(session)  # parallel attempts of the name queue here
    recent = session.execute(
        select(AuditEntry.at, AuditEntry.details)
        .where(AuditEntry.entity_id == key, AuditEntry.action == "login_failed")
        .order_by(AuditEntry.seq.desc())
        .limit(limit)
    ).all()
    failed = 0
    for at, details in recent:
        locked = (details or {}).get("locked_minutes") if isinstance(details, dict) else None
        if locked is not None:
            until = at + timedelta(minutes=int(locked))
            if until > now:
                audit.append(session, "login_refused", "user", entity_id=key)
                raise AccountLocked(until)
            break  # that lock has run out: the count starts again
        failed += 1
    failed += 1
    locked_until = now + timedelta(minutes=minutes) if failed >= limit else None
    _audit_failure(session, key, failed, locked_until)
    if locked_until is not None:
        raise AccountLocked(locked_until)
    raise _wrong()


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("mzdesk-no-such-user")


def _hasher_dummy_verify(password: str) -> None:
    with contextlib.suppress(VerificationError):
        _hasher.verify(_dummy_hash(), password)


def verify_password(
    session: Session, user_id: uuid.UUID, password: str, *, success_action: Success = "unlock"
) -> User:
    """Unlocking a locked screen: the same checks and counting as a login, audited as
    ``unlock`` (not as a login: the user never logged out)."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"no user {user_id}", german="Dieses Konto gibt es nicht (mehr).")
    return authenticate(session, user.username, password, success_action=success_action)


def record_logout(session: Session, user_id: uuid.UUID) -> None:
    """The window's "Abmelden" or "Benutzer wechseln": audited as ``window_logout``, as the
    login was (the caller commits). The command line's logout is :mod:`.cli_sessions`'."""
    audit.append(session, "window_logout", "user", entity_id=user_id, user_id=user_id)


def change_password(session: Session, user_id: uuid.UUID, old: str, new: str) -> None:
    """One's own password, confirmed with the old one (the caller commits)."""
    user = verify_password(session, user_id, old, success_action=None)  # audited below
    _check_password(new)
    user.password_hash = hash_password(new)
    cli_sessions.end_all(session, user.id)  # a new password ends every command-line session
    audit.append(session, "password_changed", "user", entity_id=user.id, user_id=user.id)


def set_password(session: Session, username: str, new: str) -> User:
    """An admin sets someone's password (and lifts a lockout); the caller commits."""
    require(session, Action.MANAGE_ACCOUNTS)
    user = _existing(session, username)
    _check_password(new)
    user.password_hash = hash_password(new)
    user.failed_logins = 0
    user.locked_until = None
    cli_sessions.end_all(session, user.id)
    audit.append(session, "password_set", "user", entity_id=user.id)
    return user


def _existing(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise NotFound(f"no user {username!r}", german=f"Es gibt keinen Benutzer „{username}“.")
    return user


def disable_user(session: Session, username: str) -> User:
    """Disable an account (it can no longer log in; its history stays). Admins only."""
    require(session, Action.MANAGE_ACCOUNTS)
    user = _existing(session, username)
    if user.id == session.info.get("user_id"):
        raise InvalidAccount(
            "you cannot disable your own account",
            german="Das eigene Konto kann nicht deaktiviert werden.",
        )
    user.active = False
    cli_sessions.end_all(session, user.id)
    audit.append(session, "disable", "user", entity_id=user.id)
    return user


def enable_user(session: Session, username: str) -> User:
    """Let a disabled account log in again (admins only; the caller commits)."""
    require(session, Action.MANAGE_ACCOUNTS)
    user = _existing(session, username)
    user.active = True
    user.failed_logins = 0
    user.locked_until = None
    audit.append(session, "enable", "user", entity_id=user.id)
    return user


def update_user(
    session: Session, username: str, *, display_name: str, role: Role, team: str | None
) -> User:
    """Change an account's shown name, role and team (admins only; the caller commits).

    The admin's own role stays (no administrator removes the last administration by
    accident); counsellors and team leads need a team, as at creation."""
    require(session, Action.MANAGE_ACCOUNTS)
    user = _existing(session, username)
    _checked_text(display_name, MAX_DISPLAY_NAME, "display name", "Der Anzeigename")
    if user.id == session.info.get("user_id") and role is not user.role:
        raise InvalidAccount(
            "you cannot change your own role",
            german="Die eigene Rolle kann nicht geändert werden.",
        )
    found_team = _team(session, team)
    if role is not Role.ADMIN and found_team is None:
        raise InvalidAccount(
            "counsellors and team leads need a team",
            german="Beratungskräfte und Teamleitungen brauchen ein Team.",
        )
    changed = {
        field
        for field, old, new in (
            ("display_name", user.display_name, display_name.strip() or user.username),
            ("role", user.role, role),
            ("team_id", user.team_id, found_team.id if found_team else None),
        )
        if old != new
    }
    user.display_name = display_name.strip() or user.username
    user.role = role
    user.team_id = found_team.id if found_team else None
    if changed & {"role", "team_id"}:
        cli_sessions.end_all(session, user.id)  # new rights: log in again on the command line
    audit.append(
        session,
        "update",
        "user",
        entity_id=user.id,
        details={"changed": sorted(changed), "role": role.value, "team_id": user.team_id},
    )
    return user


def list_users(session: Session) -> list[Account]:
    """All accounts with their team, by user name (admins only)."""
    require(session, Action.MANAGE_ACCOUNTS)
    rows = session.execute(
        select(User, Team.name).outerjoin(Team, Team.id == User.team_id).order_by(User.username)
    ).all()
    return [
        Account(
            user.id,
            user.username,
            user.display_name,
            user.role,
            team,
            user.active,
            user.locked_until,
        )
        for user, team in rows
    ]


def create_team(session: Session, name: str) -> Team:
    require(session, Action.MANAGE_ACCOUNTS)
    if not _checked_text(name, MAX_TEAM_NAME, "team name", "Der Teamname"):
        raise InvalidAccount("a team needs a name", german="Bitte den Namen des Teams eingeben.")
    if session.scalars(select(Team).where(Team.name == name.strip())).first() is not None:
        raise InvalidAccount(f"team {name!r} exists", german=f"Das Team „{name}“ gibt es schon.")
    team = Team(id=uuid.uuid4(), name=name.strip(), active=True)
    session.add(team)
    session.flush()
    audit.append(session, "create", "team", entity_id=team.id)
    return team


def list_teams(session: Session) -> list[Team]:
    """Teams by name (any logged-in user: the names are no personal data)."""
    return list(session.scalars(select(Team).order_by(Team.name)))


def display_name(session: Session, user_id: uuid.UUID) -> str:
    user = session.get(User, user_id)
    return user.display_name if user else ""


def login(session: Session, username: str, password: str) -> Account:
    """:func:`authenticate` and commit — the failed attempt's count too — in one call."""
    try:
        try:
            user = authenticate(session, username, password)
        except (LoginFailed, AccountLocked):
            session.commit()
            raise
        session.commit()
    except OperationalError as exc:  # busy beyond the timeout, or gone: one line, no traceback
        session.rollback()
        raise DatabaseUnavailable(
            "the login could not be completed (database busy or unreachable): try again",
            german="Die Anmeldung konnte nicht abgeschlossen werden (Datenbank belegt oder "
            "nicht erreichbar): Bitte noch einmal versuchen.",
        ) from exc
    team = session.get(Team, user.team_id) if user.team_id else None
    return Account(
        user.id,
        user.username,
        user.display_name,
        user.role,
        team.name if team else None,
        user.active,
        user.locked_until,
    )
