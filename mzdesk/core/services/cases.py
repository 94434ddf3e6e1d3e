"""Counselling cases: open one, move it through its states, edit topics, goals, counsellor.

States (``CaseStatus``)::

    open ──► active ◄──► paused
      │        │           │
      └────────┴─► closed ◄┘      closed ──► active  (reopen)

Closing needs a reason; reopening clears ``closed_on`` and the reason (the audit trail keeps
them). Anything else raises :class:`IllegalTransition` naming the allowed targets.

Every change is audited (``audit.append``) with the old and new values and checked with
``access.require`` first. Edits take the ``expected_version`` the user saw: if someone else
saved the case meanwhile, :class:`CaseChanged` carries the case as it is now, so the GUI can
show what changed and let the user decide (nothing is silently overwritten). The caller
commits; a concurrent commit between reading and flushing surfaces as ``CaseChanged`` too.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Final, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mzdesk.core import access, reference
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.models import Case, CaseSource, CaseStatus, CaseTopic, Person, Team, User
from mzdesk.core.services import audit
from mzdesk.core.services.lookup import by_id
from mzdesk.core.text import clean_text

log = logging.getLogger(__name__)

MAX_REASON = 200
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.OPEN: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.ACTIVE: frozenset({CaseStatus.PAUSED, CaseStatus.CLOSED}),
    CaseStatus.PAUSED: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset({CaseStatus.ACTIVE}),
}
_ORDER = (CaseStatus.OPEN, CaseStatus.ACTIVE, CaseStatus.PAUSED, CaseStatus.CLOSED)
_GERMAN = {
    CaseStatus.OPEN: "offen",
    CaseStatus.ACTIVE: "aktiv",
    CaseStatus.PAUSED: "ruhend",
    CaseStatus.CLOSED: "abgeschlossen",
}


class _Keep(Enum):
    KEEP = "keep"


KEEP: Final = _Keep.KEEP  # "leave this field as it is" for edit_case


class CaseError(MzdeskError):
    """A case operation that is not possible as asked."""


class IllegalTransition(CaseError):
    """A status change the case state machine does not allow."""


@dataclass(frozen=True)
class CaseState:
    """The editable fields of a case as stored, for the conflict dialog and ``case show``."""

    id: uuid.UUID
    version: int
    status: CaseStatus
    closed_on: date | None
    closing_reason: str | None
    goals: str | None
    counsellor_id: uuid.UUID | None
    team_id: uuid.UUID | None
    topics: tuple[str, ...]


class CaseChanged(CaseError):
    """The case was saved by someone else since the user read it (optimistic locking)."""

    def __init__(self, current: CaseState) -> None:
        super().__init__(
            "the case was changed by someone else in the meantime; reload it and decide",
            german="Der Fall wurde inzwischen von jemand anderem geändert.",
        )
        self.current = current


def allowed_transitions(status: CaseStatus) -> tuple[CaseStatus, ...]:
    """The states ``status`` may move to, in the order open, active, paused, closed."""
    return tuple(target for target in _ORDER if target in TRANSITIONS[status])


def state_of(case: Case) -> CaseState:
    return CaseState(
        id=case.id,
        version=case.version,
        status=case.status,
        closed_on=case.closed_on,
        closing_reason=case.closing_reason,
        goals=case.goals,
        counsellor_id=case.counsellor_id,
        team_id=case.team_id,
        topics=tuple(sorted(topic.topic_code for topic in case.topics)),
    )


def get_case(session: Session, case_id: str | uuid.UUID) -> Case:
    """A case by id or short id (NotFound otherwise); checks the right to read it."""
    case = by_id(session, Case, case_id, "case")
    access.require(session, access.Action.READ_PERSON, person_id=case.person_id, case_id=case.id)
    return case


def _editable_case(
    session: Session, case_id: str | uuid.UUID, expected_version: int | None
) -> Case:
    case = by_id(session, Case, case_id, "case")
    access.require(session, access.Action.EDIT_PERSON, person_id=case.person_id, case_id=case.id)
    if expected_version is not None and case.version != expected_version:
        raise CaseChanged(state_of(case))
    return case


def _flush(session: Session, case: Case) -> None:
    """Flush; a concurrent commit in between (stale version) becomes ``CaseChanged``."""
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        fresh = session.get(Case, case.id, populate_existing=True)
        if fresh is None:
            raise NotFound(f"case {case.id} not found", german="Fall nicht gefunden.") from None
        raise CaseChanged(state_of(fresh)) from None


def check_topics(topics: Iterable[str]) -> list[str]:
    """Topic codes, upper-cased, known in reference data, duplicates dropped, order kept."""
    known = reference.by_code("case_topics")
    result: list[str] = []
    for topic in topics:
        code = topic.strip().upper()
        if not code:
            continue
        if code not in known:
            raise CaseError(
                f"unknown topic {topic!r} (one of {', '.join(known)})",
                german=f"Unbekanntes Thema: {topic}",
            )
        if code not in result:
            result.append(code)
    return result


def _counsellor(session: Session, counsellor_id: uuid.UUID | str | None) -> User | None:
    if counsellor_id is None:
        return None
    user = by_id(session, User, counsellor_id, "counsellor")
    if not user.active:
        raise CaseError(
            f"user {user.username} is disabled and cannot take cases",
            german=f"Das Benutzerkonto {user.display_name} ist deaktiviert.",
        )
    return user


def _clean_goals(goals: str | None) -> str | None:
    return clean_text(goals or "", multiline=True).strip() or None


def open_case(
    session: Session,
    *,
    person_id: uuid.UUID,
    counsellor_id: uuid.UUID | str | None = None,
    team_id: uuid.UUID | str | None = None,
    topics: Sequence[str] = (),
    goals: str | None = None,
    source: CaseSource = CaseSource.DESK,
    opened_on: date | None = None,
    event_id: uuid.UUID | None = None,
) -> Case:
    """A new case in state ``open`` (the caller commits).

    The team is the one given, else the counsellor's, else the person's.
    """
    access.require(session, access.Action.EDIT_PERSON, person_id=person_id)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"no person with id {person_id}", german="Person nicht gefunden.")
    if person.merged_into_id is not None:
        raise CaseError(
            "this person was merged into another; open the case there",
            german="Diese Person wurde zusammengeführt; bitte den Fall bei der anderen anlegen.",
        )
    codes = check_topics(topics)
    counsellor = _counsellor(session, counsellor_id)
    team = by_id(session, Team, team_id, "team").id if team_id is not None else None
    if team is None:
        team = counsellor.team_id if counsellor is not None else person.team_id
    case = Case(
        person_id=person.id,
        counsellor_id=counsellor.id if counsellor else None,
        team_id=team,
        status=CaseStatus.OPEN,
        opened_on=opened_on or date.today(),
        goals=_clean_goals(goals),
        source=source,
        event_id=event_id,
    )
    case.topics = [CaseTopic(topic_code=code) for code in codes]
    session.add(case)
    session.flush()
    audit.append(
        session,
        "create",
        "case",
        entity_id=case.id,
        person_id=person.id,
        details={
            "opened_on": case.opened_on,
            "counsellor_id": case.counsellor_id,
            "team_id": case.team_id,
            "topics": codes,
            "source": source.value,
        },
    )
    log.info("case %s opened (%d topics)", case.id, len(codes))
    return case


def set_status(
    session: Session,
    case_id: str | uuid.UUID,
    status: CaseStatus,
    *,
    reason: str | None = None,
    on: date | None = None,
    expected_version: int | None = None,
) -> Case:
    """Move the case to ``status``; closing needs ``reason``; ``on`` is the closing date."""
    case = _editable_case(session, case_id, expected_version)
    before = case.status
    if status not in TRANSITIONS[before]:
        allowed = ", ".join(target.value for target in allowed_transitions(before)) or "none"
        raise IllegalTransition(
            f"the case is {before.value} and cannot become {status.value} (allowed: {allowed})",
            german=f"Ein {_GERMAN[before]}er Fall kann nicht auf „{_GERMAN[status]}“ "
            "gesetzt werden.",
        )
    details: dict[str, Any] = {"from": before.value, "to": status.value}
    if status is CaseStatus.CLOSED:
        text = " ".join(clean_text(reason or "").split())
        if not text:
            raise CaseError(
                "closing a case needs a reason",
                german="Bitte einen Grund für den Abschluss angeben.",
            )
        if len(text) > MAX_REASON:
            raise CaseError(
                f"the closing reason is longer than {MAX_REASON} characters",
                german=f"Der Grund ist länger als {MAX_REASON} Zeichen.",
            )
        closed_on = on or date.today()
        if closed_on < case.opened_on:
            raise CaseError(
                "a case cannot be closed before it was opened",
                german="Ein Fall kann nicht vor seiner Eröffnung abgeschlossen werden.",
            )
        case.closed_on, case.closing_reason = closed_on, text
        details.update(closed_on=closed_on, reason=text)
    elif before is CaseStatus.CLOSED:  # reopened
        details.update(was_closed_on=case.closed_on, was_reason=case.closing_reason)
        case.closed_on, case.closing_reason = None, None
    case.status = status
    _flush(session, case)
    audit.append(
        session, "status", "case", entity_id=case.id, person_id=case.person_id, details=details
    )
    log.info("case %s: %s -> %s", case.id, before.value, status.value)
    return case


def edit_case(
    session: Session,
    case_id: str | uuid.UUID,
    *,
    topics: Sequence[str] | Literal[_Keep.KEEP] = KEEP,
    goals: str | Literal[_Keep.KEEP] | None = KEEP,
    counsellor_id: uuid.UUID | str | Literal[_Keep.KEEP] | None = KEEP,
    expected_version: int | None = None,
) -> Case:
    """Change topics, goals and/or the counsellor (``KEEP``: unchanged); audited per field."""
    case = _editable_case(session, case_id, expected_version)
    # Look everything up before changing anything: one flush, one new version.
    new_codes = check_topics(topics) if topics is not KEEP else None
    counsellor = _counsellor(session, counsellor_id) if counsellor_id is not KEEP else None
    changes: dict[str, dict[str, Any]] = {}
    with session.no_autoflush:
        old_codes = sorted(topic.topic_code for topic in case.topics)
        if new_codes is not None and sorted(new_codes) != old_codes:
            kept = [topic for topic in case.topics if topic.topic_code in new_codes]
            present = {topic.topic_code for topic in kept}
            added = [CaseTopic(topic_code=code) for code in new_codes if code not in present]
            case.topics = kept + added
            changes["topics"] = {"old": old_codes, "new": sorted(new_codes)}
        if goals is not KEEP:
            cleaned = _clean_goals(goals)
            if cleaned != case.goals:
                changes["goals"] = {"old": case.goals, "new": cleaned}
                case.goals = cleaned
        if counsellor_id is not KEEP:
            new_id = counsellor.id if counsellor else None
            if new_id != case.counsellor_id:
                changes["counsellor_id"] = {"old": case.counsellor_id, "new": new_id}
                case.counsellor_id = new_id
    if not changes:
        return case
    _flush_with_version(session, case)
    audit.append(
        session, "update", "case", entity_id=case.id, person_id=case.person_id, details=changes
    )
    log.info("case %s edited (%s)", case.id, ", ".join(sorted(changes)))
    return case


def _flush_with_version(session: Session, case: Case) -> None:
    """Flush so that the case's own row is updated (and its version checked and bumped).

    Changing only its topics touches other rows; marking ``updated_at`` makes the case row
    part of the flush, so a concurrent edit of the case is still caught.
    """
    from sqlalchemy.orm.attributes import flag_modified

    flag_modified(case, "updated_at")
    _flush(session, case)


def list_cases(
    session: Session,
    *,
    person_id: uuid.UUID | None = None,
    counsellor_id: uuid.UUID | None = None,
    status: CaseStatus | None = None,
    limit: int = 200,
) -> list[Case]:
    """Cases the acting user may see (the scope keeps to their team), newest opened first."""
    access.require(session, access.Action.READ_PERSON, person_id=person_id)
    query = select(Case)
    if person_id is not None:
        query = query.where(Case.person_id == person_id)
    if counsellor_id is not None:
        query = query.where(Case.counsellor_id == counsellor_id)
    if status is not None:
        query = query.where(Case.status == status)
    query = query.order_by(Case.opened_on.desc(), Case.id).limit(limit)
    return list(session.scalars(query))


@dataclass(frozen=True)
class Counsellor:
    id: uuid.UUID
    display_name: str


def counsellors(session: Session) -> list[Counsellor]:
    """Active users who can take cases, by name (for the counsellor choice)."""
    query = select(User.id, User.display_name).where(User.active.is_(True))
    return [Counsellor(*row) for row in session.execute(query.order_by(User.display_name))]
