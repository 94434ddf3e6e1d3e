"""Access rights, checked in core on every path (GUI, CLI, search, statistics, exports, letters).

Services call :func:`require` with the action and, where it applies, the person or case; the
acting user is the one the session was opened for (``Database.session(user_id)``). A session
without a user is the program itself (demo data, migrations, maintenance): it is not restricted.
Lists add :func:`visible_persons` to their query so a counsellor only ever sees their team.

The policy (issue #7):

* **counsellor** — reads and edits the persons and cases of their team, refers them, runs
  events. No statistics, no exports, no audit, no accounts.
* **team_lead** — what a counsellor may, plus the statistics (drill-downs limited to their
  team), exports, the consent override and data-subject requests for their team's persons,
  and the audit trail of their team's persons.
* **admin** — accounts, organisation settings, backups, the audit trail and retention runs;
  never case contents: ``READ_PERSON`` is denied and :func:`visible_persons` is false.

Teams: a *case* belongs to its ``team_id``, or — when that is empty — to its counsellor's
team. A *person* belongs to the teams of their cases. A person none of whose cases has a team
(typically: just registered at the desk or at a fair, no case yet) is visible to counsellors
and leads of **all** teams, so that the duplicate check at intake finds them. ``Person.team_id``
is not used for access. A case without a team is visible to whoever may see its person.

A denial raises :class:`AccessDenied` with a one-line reason (the action, never personal data)
and appends an audit entry ``denied`` in a transaction of its own (the caller's work is rolled
back, the denial stays on record).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, exists, false, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from mzdesk.core.database import BUSY_TIMEOUT_MS
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Case, Person, User
from mzdesk.core.models.enums import Role

log = logging.getLogger(__name__)


class Action(StrEnum):
    READ_PERSON = "read_person"  # the person's file, cases, contacts, follow-ups
    EDIT_PERSON = "edit_person"  # intake, edits, cases, contacts, follow-ups
    MERGE_PERSONS = "merge_persons"
    REFER = "refer"  # referrals and their letters, consents
    OVERRIDE_CONSENT = "override_consent"  # send a referral without consent (team lead)
    READ_STATISTICS = "read_statistics"
    EXPORT = "export"  # statistics and lists leave the application
    PRIVACY = "privacy"  # data-subject export, erasure, retention
    READ_AUDIT = "read_audit"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    EVENTS = "events"  # events, fair mode, kits


# What an action's name does not say as a verb phrase ("may not back up or restore …").
_ENGLISH_ACTION = {
    Action.BACKUP: "back up, restore or encrypt the database",
    Action.PRIVACY: "use the data-protection functions (export, erase, retention)",
    Action.EVENTS: "work with events, fair mode or kits",
    Action.EXPORT: "export data",
}


class AccessDenied(MzdeskError):
    """The acting user may not do this; the message names the action, never personal data."""


# Which roles may do an action at all; record-bound actions also need the record's team.
_CASEWORK = frozenset({Role.COUNSELLOR, Role.TEAM_LEAD})
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.READ_PERSON: _CASEWORK,
    Action.EDIT_PERSON: _CASEWORK,
    Action.MERGE_PERSONS: _CASEWORK,
    Action.REFER: _CASEWORK,
    Action.EVENTS: _CASEWORK,
    Action.OVERRIDE_CONSENT: frozenset({Role.TEAM_LEAD}),
    Action.READ_STATISTICS: frozenset({Role.TEAM_LEAD}),
    Action.EXPORT: frozenset({Role.TEAM_LEAD}),
    Action.PRIVACY: frozenset({Role.TEAM_LEAD, Role.ADMIN}),  # admin: retention only
    Action.READ_AUDIT: frozenset({Role.TEAM_LEAD, Role.ADMIN}),
    Action.MANAGE_ACCOUNTS: frozenset({Role.ADMIN}),
    Action.MANAGE_SETTINGS: frozenset({Role.ADMIN}),
    Action.BACKUP: frozenset({Role.ADMIN}),
}

_GERMAN_ACTION = {
    Action.READ_PERSON: "Personendaten lesen",
    Action.EDIT_PERSON: "Personendaten bearbeiten",
    Action.MERGE_PERSONS: "Personen zusammenführen",
    Action.REFER: "Weiterleitungen und Einwilligungen",
    Action.OVERRIDE_CONSENT: "Weiterleitung ohne Einwilligung freigeben",
    Action.READ_STATISTICS: "Statistik",
    Action.EXPORT: "Export",
    Action.PRIVACY: "Datenschutz-Auskunft und Löschung",
    Action.READ_AUDIT: "Protokoll einsehen",
    Action.MANAGE_ACCOUNTS: "Benutzerkonten verwalten",
    Action.MANAGE_SETTINGS: "Einstellungen ändern",
    Action.BACKUP: "Sicherung und Wiederherstellung",
    Action.EVENTS: "Veranstaltungen",
}


@dataclass(frozen=True)
class Actor:
    """The acting user as the policy needs them (cached in the session for its lifetime)."""

    id: uuid.UUID
    role: Role
    team_id: uuid.UUID | None
    active: bool


_ACTOR_KEY = "access_actor"
SCOPE_OPTION = "mzdesk_purpose"  # execution option: the statement's access is already decided
_DENIAL_WAIT_MS = 1000


def acting_user_id(session: Session) -> uuid.UUID | None:
    value = session.info.get("user_id")
    return value if isinstance(value, uuid.UUID) else None


def actor(session: Session) -> Actor | None:
    """The acting user, or None for the program itself."""
    user_id = acting_user_id(session)
    if user_id is None:
        return None
    cached = session.info.get(_ACTOR_KEY)
    if isinstance(cached, Actor) and cached.id == user_id:
        return cached
    row = session.execute(
        select(User.role, User.team_id, User.active)
        .where(User.id == user_id)
        .execution_options(**{SCOPE_OPTION: "access_check"})
    ).first()
    if row is None:
        found = Actor(user_id, Role.COUNSELLOR, None, False)
    else:
        found = Actor(user_id, row.role, row.team_id, bool(row.active))
    session.info[_ACTOR_KEY] = found
    return found


def case_team(case: Any = Case) -> ColumnElement[uuid.UUID | None]:
    """A case's team: its own, else its counsellor's (a correlated expression on ``case``,
    the ``Case`` entity or an alias of it)."""
    counsellor = aliased(User)
    counsellor_team = (
        select(counsellor.team_id)
        .where(counsellor.id == case.counsellor_id)
        .correlate(case)
        .scalar_subquery()
    )
    return func.coalesce(case.team_id, counsellor_team)


# --- visibility as SQL ---------------------------------------------------------------------------
# The team rules above, written once as SQL. Built on the Core tables, not on the mapped
# classes, so that the scope's loader criteria (mzdesk.core.scope) never apply to their own
# subqueries; statements that run them directly carry ``SCOPE_OPTION``.

_CASES = Case.__table__
_USERS = User.__table__


def _team_of_case(team_column: Any, counsellor_column: Any) -> ColumnElement[uuid.UUID | None]:
    counsellor = _USERS.alias()
    counsellor_team = (
        select(counsellor.c.team_id).where(counsellor.c.id == counsellor_column).scalar_subquery()
    )
    return func.coalesce(team_column, counsellor_team)


def person_visible_sql(person_id: Any, team_id: uuid.UUID | None) -> ColumnElement[bool]:
    """Whether the person ``person_id`` (a column or a value) is visible to a caseworker of
    ``team_id``: one of their cases is the team's, or none of their cases has a team."""
    case = _CASES.alias()
    team = _team_of_case(case.c.team_id, case.c.counsellor_id)
    any_team = exists().where(case.c.person_id == person_id, team.is_not(None))
    if team_id is None:
        return ~any_team
    own = exists().where(case.c.person_id == person_id, team == team_id)
    return or_(own, ~any_team)


def case_row_visible_sql(
    team_column: Any, counsellor_column: Any, person_column: Any, team_id: uuid.UUID | None
) -> ColumnElement[bool]:
    """Whether a case row (its team, counsellor and person columns) is visible to ``team_id``:
    its team is theirs, or it has no team and its person is visible."""
    team = _team_of_case(team_column, counsellor_column)
    own: ColumnElement[bool] = team == team_id if team_id is not None else false()
    return or_(own, and_(team.is_(None), person_visible_sql(person_column, team_id)))


def case_visible_sql(case_id: Any, team_id: uuid.UUID | None) -> ColumnElement[bool]:
    """Whether the case ``case_id`` (a column or a value) is visible to ``team_id``."""
    case = _CASES.alias()
    return exists().where(
        case.c.id == case_id,
        case_row_visible_sql(case.c.team_id, case.c.counsellor_id, case.c.person_id, team_id),
    )


def visible_persons(session: Session) -> ColumnElement[bool]:
    """A WHERE clause on ``Person`` limiting a list to what the acting user may see (the
    scope adds it to every ORM read by itself; explicit use is for Core statements)."""
    who = actor(session)
    if who is None:
        return true()
    if not who.active or who.role not in _CASEWORK:
        return false()
    return person_visible_sql(Person.id, who.team_id)


def may(
    session: Session,
    action: Action,
    *,
    person_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
) -> bool:
    """Whether :func:`require` would pass (no audit entry, no exception)."""
    return _reason(session, action, person_id, case_id) is None


def _reason(
    session: Session,
    action: Action,
    person_id: uuid.UUID | None,
    case_id: uuid.UUID | None,
) -> str | None:
    """Why ``action`` is denied (a short English phrase), or None when it is allowed."""
    who = actor(session)
    if who is None:
        return None
    if not who.active:
        return "the account is disabled"
    if who.role not in ALLOWED[action]:
        return f"the role {who.role.value} may not"
    if who.role is Role.ADMIN:
        if action is Action.PRIVACY and (person_id or case_id):
            return "an admin does not read case contents"
        return None
    if case_id is not None and not _case_visible(session, case_id, who.team_id):
        return "the case belongs to another team"
    if person_id is not None and not _person_visible(session, person_id, who.team_id):
        return "the person belongs to another team"
    return None


def _person_visible(session: Session, person_id: uuid.UUID, team_id: uuid.UUID | None) -> bool:
    statement = select(person_visible_sql(person_id, team_id))
    return bool(session.scalar(statement.execution_options(**{SCOPE_OPTION: "access_check"})))


def _case_visible(session: Session, case_id: uuid.UUID, team_id: uuid.UUID | None) -> bool:
    case = _CASES.alias()
    statement = select(
        case_row_visible_sql(case.c.team_id, case.c.counsellor_id, case.c.person_id, team_id)
    ).where(case.c.id == case_id)
    found = session.scalar(statement.execution_options(**{SCOPE_OPTION: "access_check"}))
    return True if found is None else bool(found)  # not there: the service reports NotFound


def require(
    session: Session,
    action: Action,
    *,
    person_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
) -> None:
    """Raise :class:`AccessDenied` unless the acting user may do ``action`` (on that record)."""
    reason = _reason(session, action, person_id, case_id)
    if reason is None:
        return
    record_denial(session, action, person_id=person_id, case_id=case_id, reason=reason)
    phrase = _ENGLISH_ACTION.get(action, action.value.replace("_", " "))
    if reason.endswith(" may not"):
        english = f"{reason} {phrase}"
    else:
        english = f"{reason} (action: {action.value.replace('_', ' ')})"
    raise AccessDenied(
        f"access denied: {english}",
        german=f"Keine Berechtigung: {_GERMAN_ACTION[action]}.",
    )


def require_role(session: Session, *roles: Role) -> None:
    """For checks that are about the role only (the GUI hides, core refuses)."""
    who = actor(session)
    if who is not None and (not who.active or who.role not in roles):
        raise AccessDenied(
            "access denied: not permitted for this account",
            german="Keine Berechtigung für dieses Konto.",
        )


def record_denial(
    session: Session,
    action: Action,
    *,
    person_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
    reason: str = "",
) -> None:
    """Append an audit entry ``denied`` in its own transaction (the caller's may roll back)."""
    from mzdesk.core.services import audit

    bind = session.get_bind()
    engine: Engine = bind if isinstance(bind, Engine) else bind.engine
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        # Never wait long for the caller's own transaction (it may hold the write lock).
        if sqlite:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {_DENIAL_WAIT_MS}")
            connection.commit()
        separate = Session(bind=connection)
        separate.info["user_id"] = session.info.get("user_id")
        separate.info["origin"] = session.info.get("origin", "")
        try:
            if not sqlite:
                separate.execute(
                    select(func.set_config("lock_timeout", str(_DENIAL_WAIT_MS), True))
                )
            audit.append(
                separate,
                "denied",
                "case" if case_id else "person" if person_id else "access",
                entity_id=case_id or person_id,
                person_id=person_id,
                details={"action": action.value, "reason": reason},
            )
            separate.commit()
        except Exception as error:  # the denial itself must still reach the user
            separate.rollback()
            log.warning("denied %s not audited (%s)", action.value, type(error).__name__)
        finally:
            separate.close()
            if sqlite:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                connection.commit()


def role_of(session: Session) -> Role | None:
    who = actor(session)
    return None if who is None else who.role


__all__ = [
    "ALLOWED",
    "SCOPE_OPTION",
    "AccessDenied",
    "Action",
    "Actor",
    "acting_user_id",
    "actor",
    "case_row_visible_sql",
    "case_team",
    "case_visible_sql",
    "may",
    "person_visible_sql",
    "record_denial",
    "require",
    "require_role",
    "role_of",
    "visible_persons",
]
