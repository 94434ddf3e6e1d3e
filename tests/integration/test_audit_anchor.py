"""The audit trail's end is anchored outside the database (security review F4, mutants H1/H5).

Tampering that keeps the chain itself consistent — cutting the tail, deleting everything,
deleting an entry and recomputing every hash with the app's own ``entry_hash`` — is caught by
comparing the chain with the anchor file of this computer; every stored field is in the hash.
On SQLite and PostgreSQL; synthetic data only.
"""

from __future__ import annotations

import json
import os
import stat
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update

from mzdesk.cli import main
from mzdesk.core import backup
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, Setting
from mzdesk.core.models.base import utcnow
from mzdesk.core.privacy.trail import remove_audit_before
from mzdesk.core.services import accounts, audit, audit_anchor

ENTRIES = 72
PASSWORD = "geheim-123"


def _fill(database: Database, count: int, user_id: uuid.UUID | None = None) -> None:
    person = uuid.uuid4()
    with database.session(user_id) as session:
        for index in range(count):
            audit.append(
                session,
                "change" if index % 9 else "denied",
                "person",
                entity_id=person,
                person_id=person,
                user_id=uuid.uuid4(),
                details={"field": "phone", "new": f"0170 {index:07}"},
            )
        session.commit()


@pytest.fixture
def trail(database: Database) -> Database:
    _fill(database, ENTRIES)
    return database


def _verify(database: Database) -> audit.VerifyReport:
    with database.session(None) as session:
        return audit.verify(session)


def _cut_tail(database: Database, count: int) -> None:
    with database.engine.begin() as connection:
        last = connection.scalar(select(func.max(AuditEntry.seq)))
        connection.execute(delete(AuditEntry).where(AuditEntry.seq > last - count))


def test_an_untouched_trail_is_anchored_at_its_head(trail: Database) -> None:
    report = _verify(trail)
    assert report.ok and report.entries == ENTRIES
    assert report.anchor_seq == ENTRIES and report.missing == 0


@pytest.mark.parametrize("cut", [1, 50])
def test_a_cut_tail_is_detected_with_the_number_missing(trail: Database, cut: int) -> None:
    _cut_tail(trail, cut)
    report = _verify(trail)
    assert not report.ok
    assert report.anchor_problem == "missing" and report.missing == cut
    assert report.anchor_seq == ENTRIES and report.anchor_at is not None
    assert f"{cut} " in audit.describe(report) and f"seq {ENTRIES}" in audit.describe(report)


def test_all_entries_deleted_is_detected(trail: Database) -> None:
    _cut_tail(trail, ENTRIES)
    report = _verify(trail)
    assert not report.ok and report.entries == 0
    assert report.anchor_problem == "missing" and report.missing == ENTRIES


def test_appending_after_a_cut_keeps_the_anchor(trail: Database) -> None:
    _cut_tail(trail, 50)
    _fill(trail, 3)  # later work does not make the cut look intact
    report = _verify(trail)
    assert not report.ok and report.anchor_problem == "missing" and report.missing == 50
    assert report.anchor_seq == ENTRIES


def _rewrite(database: Database, drop_seq: int, *, pad: bool) -> None:
    """What an attacker with the database and mzdesk's source does: delete one entry,
    renumber the rest, recompute every link and hash with ``audit.entry_hash``; with ``pad``
    append a forged entry so that the count and the last seq stay as they were."""
    with database.session(None) as session:
        session.execute(delete(AuditEntry).where(AuditEntry.seq == drop_seq))
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        prev_hash = audit.GENESIS_HASH
        for number, entry in enumerate(entries, start=1):
            entry.seq = number
            entry.prev_hash = prev_hash
            entry.hash = audit.entry_hash(entry)
            prev_hash = entry.hash
            session.flush()
        if pad:
            forged = AuditEntry(
                id=uuid.uuid4(),
                seq=len(entries) + 1,
                at=entries[-1].at + timedelta(seconds=1),
                user_id=None,
                action="view",
                entity="person",
                details={},
                origin=entries[-1].origin,
                prev_hash=prev_hash,
            )
            forged.hash = audit.entry_hash(forged)
            session.add(forged)
        session.commit()


@pytest.mark.parametrize("pad", [False, True], ids=["renumbered", "renumbered-and-padded"])
def test_a_consistent_rewrite_with_the_apps_hash_is_detected(trail: Database, pad: bool) -> None:
    _rewrite(trail, drop_seq=10, pad=pad)
    report = _verify(trail)
    assert report.problem is None  # the chain alone looks intact …
    assert not report.ok  # … the anchor does not
    if pad:
        assert report.anchor_problem == "rewritten" and report.entries == ENTRIES
    else:
        assert report.anchor_problem == "missing" and report.missing == 1


@pytest.mark.parametrize(
    "field", ["user_id", "at", "person_id", "entity_id", "origin", "action", "entity", "details"]
)
def test_every_stored_field_is_covered_by_the_hash(trail: Database, field: str) -> None:
    values: dict[str, Any] = {
        "user_id": uuid.uuid4(),
        "person_id": uuid.uuid4(),
        "entity_id": uuid.uuid4(),
        "origin": str(uuid.uuid4()),
        "action": "view",
        "entity": "case",
        "details": {"field": "email"},
    }
    with trail.session(None) as session:
        if field == "at":
            was = session.scalar(select(AuditEntry.at).where(AuditEntry.seq == 30))
            assert was is not None
            values["at"] = was - timedelta(hours=3)
        session.execute(
            update(AuditEntry).where(AuditEntry.seq == 30).values({field: values[field]})
        )
        session.commit()
    report = _verify(trail)
    assert not report.ok and report.problem == "hash" and report.first_broken_seq == 30


def test_the_anchor_file_is_readable_by_its_owner_only(trail: Database) -> None:
    path = audit_anchor.anchor_path(audit_anchor.location_of(trail.engine.url))
    assert path is not None and path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert str(ENTRIES) in json.dumps(stored) and "0170" not in path.read_text(encoding="utf-8")


def test_a_changed_installation_id_is_detected(trail: Database) -> None:
    with trail.engine.begin() as connection:
        connection.execute(
            update(Setting).where(Setting.key == "installation.id").values(value=str(uuid.uuid4()))
        )
    _cut_tail(trail, 5)
    again = Database(trail.url)  # a new process would read the new id
    try:
        _fill(again, 2)
        report = _verify(again)
    finally:
        again.close()
    assert not report.ok and report.anchor_problem == "identity"


def _admin_world(database: Database) -> uuid.UUID:
    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Admin Test").id
        session.commit()
    _fill(database, ENTRIES, admin)
    return admin


def test_the_cli_reports_a_cut_tail_after_its_own_login(
    database: Database,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _admin_world(database)
    monkeypatch.setenv("MZDESK_PASSWORD", PASSWORD)
    assert main(["audit", "verify", "--db", database_url, "--user", "admin"]) == 0
    head = _verify(database).anchor_seq
    assert head is not None
    assert "intact" in capsys.readouterr().out
    _cut_tail(database, 50)
    # the login of `audit verify` appends onto the shortened chain: still detected
    assert main(["audit", "verify", "--db", database_url, "--user", "admin"]) == 1
    err = capsys.readouterr().err
    assert f"50 entries missing since the last anchor at seq {head}" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["audit", "verify", "--db", database_url, "--user", "admin", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["missing"] == 50 and out["anchor_seq"] == head and out["ok"] is False


def test_an_admin_accepts_the_trail_as_it_is_with_a_reason(
    database: Database,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _admin_world(database)
    _cut_tail(database, 20)
    monkeypatch.setenv("MZDESK_PASSWORD", PASSWORD)
    args = ["--db", database_url, "--user", "admin"]
    assert main(["audit", "verify", *args]) == 1
    with pytest.raises(SystemExit):  # a reason is required
        main(["audit", "reset-anchor", *args])
    capsys.readouterr()
    assert main(["audit", "reset-anchor", *args, "--reason", "server restored"]) == 0
    assert "20 entries" in capsys.readouterr().out
    assert main(["audit", "verify", *args]) == 0
    with database.session(None) as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "audit_anchor_reset")
        ).one()
    assert entry.details["anchor_reset"]["reason"] == "server restored"
    assert entry.details["missing"] == 20
    assert entry.details["anchor_reset"]["previous"]["seq"] == ENTRIES + 1


def test_a_restore_moves_the_anchor_back_and_says_so(sqlite_url: str, tmp_path: Path) -> None:
    from mzdesk.core import schema

    database = Database(sqlite_url, create=True)
    try:
        schema.upgrade(database)
        _fill(database, 10)
        made = backup.create_backup(database, tmp_path / "before.sqlite")
        _fill(database, 30)
        assert _verify(database).anchor_seq == 41  # 10, the backup entry, 30
        backup.restore(database, made.path)
        report = _verify(database)
        assert report.ok, audit.describe(report)
        assert report.anchor_seq == 11  # the backup's 10 entries and the restore entry
        with database.session(None) as session:
            entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).one()
        assert entry.details["anchor_reset"]["previous"]["seq"] == 41
    finally:
        database.close()


def test_an_anchor_older_than_a_retention_cut_still_verifies(
    trail: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    here = os.environ["XDG_STATE_HOME"]
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "another-desk"))  # it runs retention
    with trail.session(None) as session:
        cut = remove_audit_before(session, utcnow())
        session.commit()
    assert cut is not None and cut.removed_through_seq == ENTRIES
    monkeypatch.setenv("XDG_STATE_HOME", here)  # this desk's anchor: seq 72, now removed
    report = _verify(trail)
    assert report.ok, audit.describe(report)
    assert report.anchor_seq == ENTRIES and report.entries == 1


def test_a_database_without_anchor_here_verifies_with_a_note(
    trail: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "another-computer"))
    report = _verify(trail)
    assert report.ok and report.anchor_seq is None
    assert "no anchor" in audit.describe(report)


def test_an_unreadable_anchor_is_a_problem(trail: Database) -> None:
    path = audit_anchor.anchor_path(audit_anchor.location_of(trail.engine.url))
    assert path is not None
    path.write_text("{not json", encoding="utf-8")
    report = _verify(trail)
    assert not report.ok and report.anchor_problem == "unreadable"
    _fill(trail, 1)  # appending does not overwrite the evidence
    assert path.read_text(encoding="utf-8") == "{not json"
