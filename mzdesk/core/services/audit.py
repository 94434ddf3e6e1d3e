"""The audit trail: append-only entries, each hashing its predecessor's hash.

``hash = sha256(canonical JSON of the entry's fields + prev_hash)``; the first entry's
``prev_hash`` is 64 zeros. :func:`verify` recomputes the chain and reports the first entry
that does not fit: an edited entry (its hash), a removed one (a gap in ``seq`` or a broken
link), an inserted or reordered one (a broken link).

Concurrency: on PostgreSQL, :func:`append` takes a transaction-level advisory lock before
reading the last entry, so two sessions appending at once queue instead of forking the chain
(``seq`` is unique as a last line of defence). On SQLite the database write lock serialises
writers; a session that read the chain head before another committed fails on the unique
``seq`` rather than forking.

Entries may hold personal data (old and new values): they live in the database, never in the
log file. Log lines name actions, ids and counts only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from mzdesk.core.models import AuditEntry
from mzdesk.core.models.base import utcnow

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


def _lock_chain(session: Session) -> None:
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


def append(
    session: Session,
    action: str,
    entity: str,
    entity_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Add the next entry of the chain to ``session`` (the caller commits with its change)."""
    _lock_chain(session)
    session.flush()
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
    problem: str | None = None  # "hash" | "link" | "gap"

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "first_broken_seq": self.first_broken_seq,
            "problem": self.problem,
        }


def verify(session: Session) -> VerifyReport:
    """Walk the chain in ``seq`` order and report the first entry that does not fit."""
    query = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=1000)
    result = session.scalars(query)
    try:
        return _walk(session, result)
    finally:
        result.close()  # a server-side cursor on PostgreSQL when stopped early


def _walk(session: Session, entries: Iterable[AuditEntry]) -> VerifyReport:
    count = 0
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for entry in entries:
        count += 1
        if entry.seq != expected_seq:
            return VerifyReport(count, False, entry.seq, "gap")
        if entry.prev_hash != prev_hash:
            return VerifyReport(count, False, entry.seq, "link")
        if entry_hash(entry) != entry.hash:
            return VerifyReport(count, False, entry.seq, "hash")
        prev_hash = entry.hash
        expected_seq += 1
        session.expunge(entry)
    return VerifyReport(count, True)


def count_entries(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
