"""Access rights, checked in core on every path (GUI, CLI, search, statistics, exports, letters).

Services call :func:`require` with the action and, where it applies, the person or case; the
acting user is the one the session was opened for (``Database.session(user_id)``). A session
without a user is the program itself (demo data, migrations, maintenance): it is not restricted.
Lists add :func:`visible_persons` to their query so a counsellor only ever sees their team.

The policy (role x action x own team / other team) is implemented by the accounts work
(issue #7); until then every action is allowed.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from sqlalchemy import ColumnElement, true
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError


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


class AccessDenied(MzdeskError):
    """The acting user may not do this; the message names the action, never personal data."""


def acting_user_id(session: Session) -> uuid.UUID | None:
    value = session.info.get("user_id")
    return value if isinstance(value, uuid.UUID) else None


def require(
    session: Session,
    action: Action,
    *,
    person_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
) -> None:
    """Raise :class:`AccessDenied` unless the acting user may do ``action`` (on that record)."""
    del session, action, person_id, case_id  # the policy arrives with issue #7


def visible_persons(session: Session) -> ColumnElement[bool]:
    """A WHERE clause on ``Person`` limiting a list to what the acting user may see."""
    del session
    return true()
