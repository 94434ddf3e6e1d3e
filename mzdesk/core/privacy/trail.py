"""What erasure and retention do to the hash-chained audit trail, and how it still verifies.

The trail (``core.services.audit``) hashes each entry's content with its predecessor's hash.
Two data-protection duties change it, each leaving a signed note *in the chain* that lets
:func:`verify_trail` tell the permitted change from tampering:

**Redaction on erasure.** An erased person's entries may hold their name (old and new values of
an edit). Their ``details`` are replaced by ``{"_redacted": "erase", "keys": [field names]}``;
time, user, action, entity and the stored ``hash``/``prev_hash`` stay. The ``erase`` entry
appended by the same transaction lists the redacted ``seq`` numbers in ``redacted_seqs``.
Verification keeps checking every link; for a redacted entry it cannot recompute the content
hash, so it requires instead that a *later* ``erase`` entry (itself hashed into the chain)
names it. Redacting any other entry, or the ``erase`` entry's list, is detected.

**Retention (deleting the oldest entries).** Only a prefix of the chain is removed (all entries
up to the first one newer than the cut-off date). Before deleting, an ``audit_retention``
checkpoint entry is appended with ``removed_through_seq`` and ``last_removed_hash`` (the hash
of the last removed entry). Verification then starts at the first remaining entry instead of
seq 1 and genesis, if and only if the newest checkpoint names exactly that gap and the first
remaining entry's ``prev_hash`` equals ``last_removed_hash``. Removing any other entry, or more
than the checkpoint says, is still a ``gap``.

:func:`verify_trail` returns the same :class:`~mzdesk.core.services.audit.VerifyReport` as
``audit.verify``, which delegates to it and then compares the chain's end with this computer's
anchor (``core.services.audit_anchor``). Neither duty touches that anchor: a redaction keeps the
stored ``hash``, and a retention cut removes the oldest entries only, after appending its
checkpoint (an anchor older than the cut is accepted when a later checkpoint names a removed
prefix reaching past it).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from mzdesk.core.models import AuditEntry
from mzdesk.core.services import audit
from mzdesk.core.services.audit import GENESIS_HASH, VerifyReport, entry_hash

REDACTED = "_redacted"
ERASE_ACTION = "erase"
CHECKPOINT_ACTION = "audit_retention"
_PROTECTED_ACTIONS = (ERASE_ACTION, CHECKPOINT_ACTION)
_CHUNK = 500


def is_redacted(details: Any) -> bool:
    return isinstance(details, dict) and REDACTED in details


def redact_entries(
    session: Session, person_ids: Collection[uuid.UUID], entity_ids: Collection[uuid.UUID]
) -> list[int]:
    """Redact the details of entries about the person or its rows; returns their seq numbers.

    Erase and checkpoint entries are never redacted (they hold ids and counts only, and the
    verification needs them).
    """
    seqs: set[int] = set()
    targets = sorted(set(person_ids) | set(entity_ids))
    for start in range(0, len(targets), _CHUNK):
        chunk = targets[start : start + _CHUNK]
        entries = session.scalars(
            select(AuditEntry).where(
                or_(AuditEntry.person_id.in_(chunk), AuditEntry.entity_id.in_(chunk)),
                AuditEntry.action.not_in(_PROTECTED_ACTIONS),
            )
        )
        for entry in entries:
            if is_redacted(entry.details) or entry.seq in seqs:
                continue
            keys = sorted(str(key) for key in (entry.details or {}))
            entry.details = {REDACTED: ERASE_ACTION, "keys": keys}
            seqs.add(entry.seq)
    session.flush()
    return sorted(seqs)


@dataclass(frozen=True)
class AuditCut:
    removed: int
    removed_from_seq: int
    removed_through_seq: int
    checkpoint_seq: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "removed": self.removed,
            "removed_from_seq": self.removed_from_seq,
            "removed_through_seq": self.removed_through_seq,
            "checkpoint_seq": self.checkpoint_seq,
        }


def due_audit_entries(session: Session, cutoff: datetime) -> tuple[int, int, int] | None:
    """``(first seq, last seq, count)`` of the prefix older than ``cutoff``, or None."""
    first = session.scalar(select(func.min(AuditEntry.seq)))
    if first is None:
        return None
    first_kept = session.scalar(select(func.min(AuditEntry.seq)).where(AuditEntry.at >= cutoff))
    last = (
        session.scalar(select(func.max(AuditEntry.seq))) if first_kept is None else first_kept - 1
    )
    if last is None or last < first:
        return None
    count = session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.seq <= last)
    )
    return int(first), int(last), int(count or 0)


def remove_audit_before(session: Session, cutoff: datetime) -> AuditCut | None:
    """Delete the entries older than ``cutoff`` (a prefix), keeping the chain verifiable."""
    due = due_audit_entries(session, cutoff)
    if due is None:
        return None
    first, last, count = due
    last_hash = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == last))
    checkpoint = audit.append(
        session,
        CHECKPOINT_ACTION,
        "audit_entries",
        details={
            "removed_from_seq": first,
            "removed_through_seq": last,
            "last_removed_hash": last_hash,
            "removed": count,
            "cutoff": cutoff.isoformat(),
        },
    )
    session.execute(delete(AuditEntry).where(AuditEntry.seq <= last))
    session.flush()
    return AuditCut(count, first, last, checkpoint.seq)


def _start(session: Session) -> tuple[int, str] | VerifyReport:
    """Where the walk starts: seq 1 and genesis, or after a retention checkpoint."""
    first = session.execute(
        select(AuditEntry.seq, AuditEntry.prev_hash).order_by(AuditEntry.seq).limit(1)
    ).first()
    if first is None or first.seq == 1:
        return 1, GENESIS_HASH
    checkpoint = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.action == CHECKPOINT_ACTION)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    details = checkpoint.details if checkpoint is not None else {}
    if (
        details.get("removed_through_seq") != first.seq - 1
        or details.get("last_removed_hash") != first.prev_hash
    ):
        return VerifyReport(0, False, first.seq, "gap")
    return first.seq, first.prev_hash


def verify_trail(session: Session) -> VerifyReport:
    """Walk the chain in ``seq`` order; redactions and retention cuts must be accounted for."""
    start = _start(session)
    if isinstance(start, VerifyReport):
        return start
    query = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=1000)
    result = session.scalars(query)
    try:
        return _walk(session, result, *start)
    finally:
        result.close()


def _walk(
    session: Session, entries: Iterable[AuditEntry], expected_seq: int, prev_hash: str
) -> VerifyReport:
    count = 0
    unconfirmed: set[int] = set()
    for entry in entries:
        count += 1
        if entry.seq != expected_seq:
            return VerifyReport(count, False, entry.seq, "gap")
        if entry.prev_hash != prev_hash:
            return VerifyReport(count, False, entry.seq, "link")
        if is_redacted(entry.details) and entry.action not in _PROTECTED_ACTIONS:
            unconfirmed.add(entry.seq)
        elif entry_hash(entry) != entry.hash:
            return VerifyReport(count, False, entry.seq, "hash")
        if entry.action == ERASE_ACTION:
            confirmed = entry.details.get("redacted_seqs") or []
            unconfirmed.difference_update(int(seq) for seq in confirmed)
        prev_hash = entry.hash
        expected_seq += 1
        session.expunge(entry)
    if unconfirmed:
        return VerifyReport(count, False, min(unconfirmed), "redaction")
    return VerifyReport(count, True)
