"""The audit trail: append-only entries, each hashing its predecessor's hash.

``hash = sha256(canonical JSON of every stored field + prev_hash)``: id, seq, time, user,
action, entity and its id, person, details and origin; the first entry's ``prev_hash`` is 64
zeros. :func:`verify` recomputes the chain and reports the first entry that does not fit: an
edited entry (its hash), a removed one (a gap in ``seq`` or a broken link), an inserted or
reordered one (a broken link). The chain's *end* is anchored outside the database
(:mod:`mzdesk.core.services.audit_anchor`): a cut tail, a deleted trail or a rewrite of the
whole chain with this very hash function is reported as entries missing since the last anchor
or as a rewritten anchor entry.

Concurrency: :func:`append` takes the chain lock before reading the last entry, so two sessions
appending at once queue instead of forking the chain or colliding on ``seq`` (unique as a last
line of defence): on PostgreSQL a transaction-level advisory lock, on SQLite the database's
write lock (taken by a write that changes nothing, the equivalent of ``BEGIN IMMEDIATE`` for
this transaction) — a session that read the head before another committed would otherwise
fail on the unique ``seq``.

Entries may hold personal data (old and new values): they live in the database, never in the
log file. Log lines name actions, ids and counts only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from mzdesk.core.models import AuditEntry
from mzdesk.core.models.base import utcnow
from mzdesk.core.models.enums import Role
from mzdesk.core.services import audit_anchor

log = logging.getLogger(__name__)

GENESIS_HASH = "0" * 64
# pg_advisory_xact_lock key for appends: any constant, fixed forever ("mzaudit" in ASCII).
_PG_LOCK_KEY = 0x6D7A6175646974


def _json_default(value: object) -> str:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return _timestamp(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def jsonable(details: Mapping[str, Any]) -> dict[str, Any]:
    """Details as plain JSON values (ids, dates as strings), the form they are stored in."""
    loaded: dict[str, Any] = json.loads(json.dumps(details, default=_json_default))
    return loaded


def _timestamp(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _text(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def entry_hash(entry: AuditEntry) -> str:
    """The hash of an entry's content and its predecessor's hash."""
    content = {
        "id": _text(entry.id),
        "seq": entry.seq,
        "at": _timestamp(entry.at),
        "user_id": _text(entry.user_id),
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": _text(entry.entity_id),
        "person_id": _text(entry.person_id),
        "details": entry.details,
        "origin": entry.origin,
        "prev_hash": entry.prev_hash,
    }
    canonical = json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def lock_chain(session: Session) -> None:
    """Hold the chain for this transaction: no other session appends until it ends."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    elif dialect == "sqlite":
        # A write that changes nothing takes SQLite's write lock (waiting up to the busy
        # timeout), so the head read next is the latest and stays so until the commit.
        session.execute(text("UPDATE audit_entries SET seq = seq WHERE 0 = 1"))


def append(
    session: Session,
    action: str,
    entity: str,
    entity_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    details: Mapping[str, Any] | None = None,
    *,
    anchor_reset: str | None = None,
) -> AuditEntry:
    """Add the next entry of the chain to ``session`` (the caller commits with its change).

    After the commit this computer's anchor moves to the new head. ``anchor_reset`` (a short
    reason: "restore") moves it even backwards, for a trail that was legitimately replaced;
    the replaced anchor is then named in the entry's ``details["anchor_reset"]``.
    """
    lock_chain(session)
    session.flush()
    replaced = audit_anchor.on_append(session, reset=anchor_reset)
    if anchor_reset is not None:
        details = {
            **(details or {}),
            "anchor_reset": {
                "reason": anchor_reset,
                "previous": replaced.as_dict() if replaced is not None else None,
            },
        }
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (1, GENESIS_HASH) if last is None else (last.seq + 1, last.hash)
    if user_id is None:
        user_id = session.info.get("user_id")
    entry = AuditEntry(
        id=uuid.uuid4(),
        seq=seq,
        at=utcnow(),
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        person_id=person_id,
        details=jsonable(details or {}),
        origin=str(session.info.get("origin", "")),
        prev_hash=prev_hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.flush()
    log.info("audit %s on %s %s (seq %d)", action, entity, entity_id, seq)
    return entry


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    ok: bool
    first_broken_seq: int | None = None
    problem: str | None = None  # "hash" | "link" | "gap" | "redaction"
    # the end of the chain against this computer's anchor (audit_anchor)
    anchor_problem: str | None = None  # "missing" | "rewritten" | "identity" | "unreadable"
    missing: int = 0  # entries missing since the last anchor
    anchor_seq: int | None = None
    anchor_at: datetime | None = None  # the anchored entry's time
    anchor_file: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "first_broken_seq": self.first_broken_seq,
            "problem": self.problem,
            "anchor_problem": self.anchor_problem,
            "missing": self.missing,
            "anchor_seq": self.anchor_seq,
            "anchor_at": self.anchor_at.isoformat() if self.anchor_at else None,
            "anchor_file": self.anchor_file,
        }


def verify(session: Session) -> VerifyReport:
    """Walk the chain in ``seq`` order and report the first entry that does not fit, then
    compare its end with this computer's anchor (entries missing since, a rewritten entry).

    Erasures (redacted details, listed by the erase entry) and retention cuts (a checkpoint
    carrying the hash of the last removed entry) are accounted for: see core/privacy/trail.py.
    """
    from mzdesk.core import access
    from mzdesk.core.privacy.trail import verify_trail

    access.require(session, access.Action.READ_AUDIT)
    report = verify_trail(session)
    found = audit_anchor.check(session)
    anchor = found.anchor
    return replace(
        report,
        ok=report.ok and found.problem is None,
        anchor_problem=found.problem,
        missing=found.missing,
        anchor_seq=anchor.head.seq if anchor else None,
        anchor_at=anchor.head.at if anchor else None,
        anchor_file=str(found.path) if found.path else None,
    )


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S") if moment else "?"


def describe(report: VerifyReport) -> str:
    """One English line for the command line: intact, or what is wrong."""
    at = f"seq {report.anchor_seq}, {_when(report.anchor_at)}"
    count = f"{report.entries} {'entry' if report.entries == 1 else 'entries'}"
    anchor_text = {
        "missing": f"{report.missing} {'entry' if report.missing == 1 else 'entries'} "
        f"missing since the last anchor at {at}",
        "rewritten": f"the trail was rewritten: the entry at the last anchor ({at}) is not "
        "the one anchored",
        "identity": f"the database's installation id changed since the last anchor at {at}",
        "unreadable": f"the audit anchor file {report.anchor_file} is damaged",
    }.get(report.anchor_problem or "", "")
    if report.ok:
        if report.anchor_seq is None:
            return (
                f"audit trail intact: {count} (no anchor for this database on "
                "this computer yet: its end is checked from now on)"
            )
        return f"audit trail intact: {count}, anchored at {at}"
    if report.problem is not None:
        broken = f"audit trail broken at seq {report.first_broken_seq} ({report.problem})"
        return f"{broken}; {anchor_text}" if anchor_text else broken
    return f"audit trail broken: {anchor_text}"


@dataclass(frozen=True)
class AnchorReset:
    problem: str | None
    missing: int
    previous_seq: int | None
    seq: int  # the reset entry's


def reset_anchor(session: Session, reason: str) -> AnchorReset:
    """Accept the trail as it is now as this computer's new anchor (admins; after a server
    restore or a database copied back by hand). The entry appended names the anchor it
    replaces and what was missing; the caller commits."""
    from mzdesk.core import access
    from mzdesk.core.errors import MzdeskError

    access.require(session, access.Action.BACKUP)
    reason = " ".join(reason.split())
    if not reason:
        raise MzdeskError(
            "give the reason for resetting the audit anchor",
            german="Bitte den Grund angeben, warum der Prüfanker neu gesetzt wird.",
        )
    found = audit_anchor.check(session)
    entry = append(
        session,
        "audit_anchor_reset",
        "audit_entries",
        details={"problem": found.problem, "missing": found.missing},
        anchor_reset=reason[:200],
    )
    previous = found.anchor.head.seq if found.anchor else None
    log.info("audit anchor reset at seq %d (was %s, %s)", entry.seq, previous, found.problem)
    return AnchorReset(found.problem, found.missing, previous, entry.seq)


def count_entries(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


# --- the audit view: filtered, paged, newest first ----------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    person_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    action: str | None = None
    start: date | None = None  # first day (local dates, inclusive)
    end: date | None = None  # last day


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    user: str | None  # user name
    action: str
    entity: str
    entity_id: uuid.UUID | None
    person_id: uuid.UUID | None
    file_number: str | None
    details: str  # one line: the field names, or for leads the JSON cut after 300 characters
    # All the details (for leads; the view shows each change from them). None for admins:
    # they see only the field names (no case contents).
    values: dict[str, Any] | None = None


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone(UTC)


def _filtered(session: Session, where: AuditFilter) -> Select[Any]:
    from mzdesk.core import access
    from mzdesk.core.models import Person

    query = select(AuditEntry.seq)
    if where.person_id is not None:
        query = query.where(AuditEntry.person_id == where.person_id)
    if where.user_id is not None:
        query = query.where(AuditEntry.user_id == where.user_id)
    if where.action:
        query = query.where(AuditEntry.action == where.action)
    if where.start is not None:
        query = query.where(AuditEntry.at >= _day_start(where.start))
    if where.end is not None:
        query = query.where(AuditEntry.at < _day_start(where.end + timedelta(days=1)))
    if access.role_of(session) is Role.TEAM_LEAD:  # their team's persons and the rest
        visible = select(Person.id).where(access.visible_persons(session))
        query = query.where(AuditEntry.person_id.is_(None) | AuditEntry.person_id.in_(visible))
    return query


def count_filtered(session: Session, where: AuditFilter) -> int:
    from mzdesk.core import access

    access.require(session, access.Action.READ_AUDIT)
    inner = _filtered(session, where).subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def list_entries(
    session: Session, where: AuditFilter, *, before_seq: int | None = None, limit: int = 200
) -> list[AuditRow]:
    """One page of entries, newest first; the next page starts ``before_seq`` = last row's."""
    from mzdesk.core import access
    from mzdesk.core.models import Person, User

    access.require(session, access.Action.READ_AUDIT)
    query = _filtered(session, where)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    page = query.order_by(AuditEntry.seq.desc()).limit(limit).subquery()
    rows = session.execute(
        select(AuditEntry, User.username, Person.file_number)
        .join(page, page.c.seq == AuditEntry.seq)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .outerjoin(Person, Person.id == AuditEntry.person_id)
        .order_by(AuditEntry.seq.desc())
    ).all()
    with_values = access.role_of(session) is not Role.ADMIN  # admins: no case contents
    return [
        AuditRow(
            seq=entry.seq,
            at=entry.at,
            user=username,
            action=entry.action,
            entity=entry.entity,
            entity_id=entry.entity_id,
            person_id=entry.person_id,
            file_number=file_number,
            details=summarise(entry.details, with_values=with_values),
            values=dict(entry.details or {}) if with_values else None,
        )
        for entry, username, file_number in rows
    ]


def summarise(details: Mapping[str, Any], *, with_values: bool) -> str:
    """A one-line text of an entry's details; without values only the field names."""
    if not details:
        return ""
    if not with_values:
        return ", ".join(sorted(str(key) for key in details))
    text = json.dumps(details, ensure_ascii=False, sort_keys=True, default=_json_default)
    return text if len(text) <= 300 else text[:299] + "…"


def known_actions(session: Session) -> list[str]:
    """The action names in the trail (for the view's filter)."""
    return sorted(session.scalars(select(AuditEntry.action).distinct()))


def make_filter(
    session: Session,
    *,
    person: str = "",
    user: str = "",
    action: str = "",
    start: date | None = None,
    end: date | None = None,
) -> AuditFilter:
    """A filter from what was typed: a file number or (short) person id, a user name.

    Only ids are looked up (no case contents), so admins can filter by person too.
    """
    from mzdesk.core import access, scope
    from mzdesk.core.errors import NotFound
    from mzdesk.core.models import Person, User

    access.require(session, access.Action.READ_AUDIT)
    person_id = None
    if person.strip():
        text_ = person.strip()
        with scope.unscoped(session, scope.Purpose.LOOKUP):  # an id only, for the filter
            person_id = session.scalar(select(Person.id).where(Person.file_number == text_))
        if person_id is None:
            try:
                person_id = uuid.UUID(text_)
            except ValueError:
                raise NotFound(
                    f"no person with file number {text_!r}",
                    german=f"Keine Person mit dem Aktenzeichen „{text_}“.",
                ) from None
    user_id = None
    if user.strip():
        user_id = session.scalar(select(User.id).where(User.username == user.strip().lower()))
        if user_id is None:
            raise NotFound(f"no user {user!r}", german=f"Es gibt keinen Benutzer „{user}“.")
    return AuditFilter(person_id, user_id, action.strip() or None, start, end)
