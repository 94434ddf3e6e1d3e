"""The audit trail's anchor outside the database: how far the chain had reached, per computer.

The hash chain (``core.services.audit``) shows an edited, removed or reordered entry, but not
a cut tail, and whoever can write the database can recompute every hash with mzdesk's own
function. So each computer keeps, outside the database, the head of the chain it last saw
committed: ``(seq, hash, time, entries)`` of the newest entry, in a small JSON file in the
user's state folder (``platformdirs.user_state_path("mzdesk")/audit-anchors``, beside the log
folder; folder 0700, file 0600). ``audit verify`` requires the chain to still hold that entry
with that hash: a cut tail ("N entries missing since the last anchor at seq S"), a deleted
trail and a rewrite of any entry up to the anchor are reported.

**One file per database location** (the SQLite file's absolute path, or PostgreSQL's
``host:port/database``), named by a hash of it, holding one record per installation id (the
database's identity, ``Database.installation_id``): a database replaced at the same place by a
new one gets a new record; an installation id changed inside the *same* database (the old id is
still the origin of its entries) is reported. On PostgreSQL every desk keeps its own anchor:
each desk guards the entries up to its own last action.

**When it moves.** ``audit.append`` calls :func:`on_append` once per transaction: it takes the
chain lock first, then checks that the anchored entry is still there (a retention cut of the
oldest entries may have removed it legitimately). After the commit (the ``after_commit`` hook
of the session, since each user action is one session and one transaction) the anchor moves to
the new head. It only moves forward, never past a failed check: when the anchored entry is
gone or changed, the first append that notices records an *alarm* (the head it saw) and the
anchor stays where it was, so later work — even the login of ``audit verify`` itself — does
not make a cut trail look intact. A crash between commit and writing the file leaves the anchor
one action behind (harmless: the chain is longer than the anchor).

**Legitimate moves back**: ``restore`` (``append(..., anchor_reset="restore")``) and an
administrator's ``mzdesk audit reset-anchor --reason …`` (after a ``pg_restore``, or a
database copied back by hand) reset it; both leave an entry in the chain naming the anchor
they replaced, and the file keeps a short history.

**Limits.** Someone who can write both the database and this user's anchor file (on a laptop:
the laptop's own user) can rewrite both. A desk that has not worked since an entry was written
cannot vouch for it. After a power failure SQLite may lose its last committed transaction
(``synchronous=NORMAL``) while the anchor survives: verify then reports that entry missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, SessionTransaction

from mzdesk.core.models import AuditEntry, Setting
from mzdesk.core.models.base import utcnow

log = logging.getLogger(__name__)

FORMAT = 1
FOLDER = "audit-anchors"
HISTORY_KEPT = 50
INSTALLATION_KEY = "installation.id"
_STATE = "mzdesk.audit_anchor"  # key in Session.info: this transaction's anchor work
_file_lock = threading.Lock()  # appends of one process; other processes: the lock file


class AnchorUnreadable(Exception):
    """The anchor file exists but is no anchor file (damaged or replaced): evidence, kept."""


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str
    at: datetime
    entries: int  # seq - first seq + 1: the chain's length then

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash, "at": _iso(self.at), "entries": self.entries}


@dataclass(frozen=True)
class Anchor:
    head: Head
    written: datetime
    alarm_head_seq: int | None = None  # the head an append saw when it found the anchor gone
    alarm_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {**self.head.as_dict(), "written": _iso(self.written)}
        if self.alarm_at is not None:
            data["alarm"] = {"head_seq": self.alarm_head_seq, "at": _iso(self.alarm_at)}
        return data


@dataclass(frozen=True)
class AnchorCheck:
    """How the chain compares with this computer's anchor; ``problem`` None when it fits."""

    anchor: Anchor | None
    problem: str | None = None  # "missing" | "rewritten" | "identity" | "unreadable"
    missing: int = 0
    path: Path | None = None
    other_installation: str | None = None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


# --- where -------------------------------------------------------------------------------


def location_of(url: URL) -> str | None:
    """The database's place: a SQLite file's absolute path, or a server's host:port/db."""
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            return None
        return f"sqlite:{Path(str(url.database)).expanduser().resolve()}"
    port = url.port or {"postgresql": 5432}.get(url.get_backend_name(), 0)
    return f"{url.get_backend_name()}://{url.host or 'localhost'}:{port}/{url.database or ''}"


def anchor_folder() -> Path:
    from platformdirs import user_state_path

    return user_state_path("mzdesk", appauthor=False) / FOLDER


def anchor_path(location: str | None) -> Path | None:
    if location is None:
        return None
    digest = hashlib.sha256(location.encode("utf-8")).hexdigest()[:32]
    return anchor_folder() / f"{digest}.json"


def session_location(session: Session) -> str | None:
    return location_of(session.get_bind().engine.url)


def installation_of(session: Session, *, cached: bool = True) -> str:
    """The database's installation id (the sessions of ``Database`` carry it)."""
    known = str(session.info.get("origin") or "") if cached else ""
    if known:
        return known
    stored = session.scalar(
        select(Setting.value).where(Setting.key == INSTALLATION_KEY, Setting.user_id.is_(None))
    )
    return str(stored or "")


# --- the file ----------------------------------------------------------------------------


def _empty(location: str) -> dict[str, Any]:
    return {"format": FORMAT, "location": location, "anchors": {}, "history": []}


def _read(path: Path, location: str) -> dict[str, Any]:
    """The file's content (empty when there is none); AnchorUnreadable when damaged."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty(location)
    except OSError as exc:
        raise AnchorUnreadable(f"cannot read {path}: {exc.strerror}") from exc
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT or not isinstance(data.get("anchors"), dict):
            raise ValueError("not an anchor file")
        for record in data["anchors"].values():
            _anchor(record)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise AnchorUnreadable(f"{path} is not an audit anchor file") from exc
    return dict(data)


def _anchor(record: dict[str, Any]) -> Anchor:
    head = Head(
        int(record["seq"]), str(record["hash"]), _moment(record["at"]), int(record["entries"])
    )
    alarm = record.get("alarm")
    return Anchor(
        head,
        _moment(record["written"]),
        int(alarm["head_seq"]) if alarm else None,
        _moment(alarm["at"]) if alarm else None,
    )


def _write(path: Path, data: dict[str, Any]) -> None:
    """Replace the file atomically, owner-only (folder 0700, file 0600)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.parent.chmod(0o700)
    handle, temporary = tempfile.mkstemp(prefix=".anchor-", dir=path.parent)  # created 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=1, sort_keys=True)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise read-modify-write of one anchor file across threads and processes."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with _file_lock:
        descriptor = os.open(path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":  # pragma: no cover - Windows
                import msvcrt

                msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)
            else:
                import fcntl

                fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # releases the lock


def load_all(location: str) -> dict[str, Anchor]:
    """Every installation's anchor at ``location`` (AnchorUnreadable when damaged)."""
    path = anchor_path(location)
    assert path is not None
    data = _read(path, location)
    return {installation: _anchor(record) for installation, record in data["anchors"].items()}


def _update(
    location: str,
    installation: str,
    head: Head | None,
    *,
    reset: str | None = None,
    alarm_head_seq: int | None = None,
) -> None:
    """Move the anchor to ``head`` (forward only, never past an alarm, unless ``reset``), or
    record an alarm (``alarm_head_seq``) when there is none yet."""
    path = anchor_path(location)
    assert path is not None
    now = utcnow()
    with _locked(path):
        data = _read(path, location)
        records: dict[str, Any] = data["anchors"]
        current = _anchor(records[installation]) if installation in records else None
        if alarm_head_seq is not None:
            if current is None or current.alarm_at is not None:
                return
            records[installation] = replace(
                current, alarm_head_seq=alarm_head_seq, alarm_at=now
            ).as_dict()
        elif reset is not None:
            assert head is not None
            data["history"].append(
                {
                    "reset": _iso(now),
                    "reason": reset,
                    "replaced": {key: value.as_dict() for key, value in _parsed(records).items()},
                }
            )
            data["history"] = data["history"][-HISTORY_KEPT:]
            records.clear()
            records[installation] = Anchor(head, now).as_dict()
        else:
            assert head is not None
            if current is not None and (
                current.alarm_at is not None or current.head.seq >= head.seq
            ):
                return  # never past an alarm; another process was ahead of this one
            records[installation] = Anchor(head, now).as_dict()
        _write(path, data)


def _parsed(records: dict[str, Any]) -> dict[str, Anchor]:
    return {key: _anchor(value) for key, value in records.items()}


# --- comparing the chain with the anchor -------------------------------------------------


def chain_head(session: Session) -> Head | None:
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash, AuditEntry.at)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    first = session.scalar(select(func.min(AuditEntry.seq))) or row.seq
    return Head(int(row.seq), str(row.hash), row.at, int(row.seq) - int(first) + 1)


def _removed_by_retention(session: Session, anchor: Anchor) -> bool:
    """The anchored entry was deleted by a retention cut (a checkpoint later in the chain
    names a removed prefix reaching past it, cut off after the anchored entry's time)."""
    from mzdesk.core.privacy.trail import CHECKPOINT_ACTION

    checkpoints = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.action == CHECKPOINT_ACTION, AuditEntry.seq > anchor.head.seq)
        .order_by(AuditEntry.seq.desc())
    )
    for checkpoint in checkpoints:
        details = checkpoint.details or {}
        try:
            through = int(details.get("removed_through_seq", 0))
            cutoff = _moment(str(details.get("cutoff")))
        except (TypeError, ValueError):
            continue
        if through < anchor.head.seq or cutoff <= anchor.head.at:
            continue
        if through == anchor.head.seq and details.get("last_removed_hash") != anchor.head.hash:
            continue
        first = session.scalar(select(func.min(AuditEntry.seq)))
        return first is not None and first > anchor.head.seq
    return False


def _compare(session: Session, anchor: Anchor) -> tuple[str | None, int]:
    """(problem, entries missing) of the chain against ``anchor``."""
    if anchor.alarm_at is not None and anchor.alarm_head_seq is not None:
        if anchor.alarm_head_seq < anchor.head.seq:
            return "missing", anchor.head.seq - anchor.alarm_head_seq
        return "rewritten", 0
    stored = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchor.head.seq))
    if stored == anchor.head.hash:
        return None, 0
    if stored is not None:
        return "rewritten", 0
    if _removed_by_retention(session, anchor):
        return None, 0
    head = session.scalar(select(func.max(AuditEntry.seq))) or 0
    return "missing", max(anchor.head.seq - int(head), 0)


def check(session: Session) -> AnchorCheck:
    """Compare the chain with this computer's anchor for this database (``audit verify``)."""
    location = session_location(session)
    if location is None:
        return AnchorCheck(None)
    path = anchor_path(location)
    try:
        anchors = load_all(location)
    except AnchorUnreadable:
        return AnchorCheck(None, "unreadable", path=path)
    # The database's ids: its own, and any other its settings hold (two processes starting
    # at once on a new database may each have stored one).
    ids = {installation_of(session), *_stored_ids(session)}
    for other, anchor in anchors.items():
        if other in ids:
            continue
        in_chain = session.scalar(select(AuditEntry.seq).where(AuditEntry.origin == other).limit(1))
        if in_chain is not None:  # this very database had another id when it was anchored
            return AnchorCheck(anchor, "identity", path=path, other_installation=other)
    mine = sorted(
        (anchor for other, anchor in anchors.items() if other in ids),
        key=lambda anchor: anchor.head.seq,
        reverse=True,
    )
    if not mine:
        return AnchorCheck(None, path=path)
    for anchor in mine:
        problem, missing = _compare(session, anchor)
        if problem is not None:
            return AnchorCheck(anchor, problem, missing, path)
    return AnchorCheck(mine[0], path=path)


def _stored_ids(session: Session) -> set[str]:
    return {
        str(value)
        for value in session.scalars(
            select(Setting.value).where(Setting.key == INSTALLATION_KEY, Setting.user_id.is_(None))
        )
    }


# --- following the appends ---------------------------------------------------------------


@dataclass
class _Pending:
    location: str
    installation: str
    advance: bool  # False after a failed check or with an unreadable file
    reset: str | None = None
    head: Head | None = None


def on_append(session: Session, *, reset: str | None = None) -> Anchor | None:
    """Called by ``audit.append`` with the chain lock held, before it reads the head: the
    first time in a transaction, check the anchor (unless ``reset``) and arrange for it to
    move after the commit. Returns the anchor being replaced when ``reset`` is given."""
    pending: _Pending | None = session.info.get(_STATE)
    if pending is not None and reset is None:
        return None
    location = session_location(session)
    if location is None:
        return None
    # A reset follows a replaced database: its own id, not the one this process cached.
    installation = installation_of(session, cached=reset is None)
    previous: Anchor | None = None
    advance = True
    try:
        previous = load_all(location).get(installation)
    except AnchorUnreadable:
        log.warning("audit anchor file unreadable: the anchor is not moved (run audit verify)")
        advance = False
    if reset is None and advance and previous is not None:
        problem, _missing = _compare(session, previous)
        if problem is not None:
            advance = False
            if previous.alarm_at is None:
                head = session.scalar(select(func.max(AuditEntry.seq))) or 0
                _update(location, installation, None, alarm_head_seq=int(head))
                log.warning(
                    "audit trail does not contain its anchor (seq %d): %s; the anchor is kept",
                    previous.head.seq,
                    problem,
                )
    if reset is not None:
        advance = True
    session.info[_STATE] = _Pending(location, installation, advance, reset)
    return previous


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    pending: _Pending | None = session.info.get(_STATE)
    if pending is not None and pending.advance:
        session.flush()
        pending.head = chain_head(session)  # the locks are still held: this is our head


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint released: the transaction goes on
        return
    pending: _Pending | None = session.info.pop(_STATE, None)
    if pending is None or not pending.advance or pending.head is None:
        return
    try:
        _update(pending.location, pending.installation, pending.head, reset=pending.reset)
    except (OSError, AnchorUnreadable) as exc:  # the commit stands; the anchor stays behind
        log.warning("audit anchor not written: %s", type(exc).__name__)


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # rolled back or closed: nothing to anchor
        session.info.pop(_STATE, None)
