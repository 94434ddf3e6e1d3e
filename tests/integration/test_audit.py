"""The hash-chained audit trail on SQLite and PostgreSQL: verify, tampering, concurrency, CLI."""

from __future__ import annotations

import json
import threading
import uuid

import pytest
from sqlalchemy import text

from mzdesk.cli import main
from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.services import audit

ENTRIES = 6


@pytest.fixture
def trail(database: Database) -> Database:
    person = uuid.uuid4()
    with database.session() as session:
        for index in range(ENTRIES):
            audit.append(
                session,
                "change",
                "person",
                entity_id=person,
                person_id=person,
                user_id=uuid.uuid4(),
                details={"field": "phone", "old": f"017{index}", "new": f"018{index}"},
            )
        session.commit()
    return database


def _sql(database: Database, statement: str, **params: object) -> None:
    with database.engine.begin() as connection:
        connection.execute(text(statement), params)


def _verify(database: Database) -> audit.VerifyReport:
    with database.session() as session:
        return audit.verify(session)


def test_an_untouched_trail_verifies(trail: Database) -> None:
    report = _verify(trail)
    assert report.ok and report.entries == ENTRIES
    with trail.session() as session:
        first = audit.append(session, "view", "person")
        assert first.seq == ENTRIES + 1
        session.commit()
    assert _verify(trail).ok


def test_first_entry_links_to_zeros(database: Database) -> None:
    with database.session() as session:
        entry = audit.append(session, "view", "person", details={"when": uuid.UUID(int=1)})
        session.commit()
    assert entry.seq == 1 and entry.prev_hash == "0" * 64
    assert entry.details == {"when": str(uuid.UUID(int=1))}
    assert _verify(database).ok


def test_edited_entry(trail: Database) -> None:
    _sql(trail, "UPDATE audit_entries SET action = 'erase' WHERE seq = 3")
    report = _verify(trail)
    assert not report.ok and report.first_broken_seq == 3 and report.problem == "hash"


def test_edited_details(trail: Database) -> None:
    _sql(trail, "UPDATE audit_entries SET details = :d WHERE seq = 4", d='{"field": "x"}')
    assert _verify(trail).first_broken_seq == 4


def test_removed_entry(trail: Database) -> None:
    _sql(trail, "DELETE FROM audit_entries WHERE seq = 2")
    report = _verify(trail)
    assert not report.ok and report.first_broken_seq == 3 and report.problem == "gap"


def test_removed_entry_with_renumbering(trail: Database) -> None:
    _sql(trail, "DELETE FROM audit_entries WHERE seq = 2")
    for seq in range(3, ENTRIES + 1):
        _sql(trail, "UPDATE audit_entries SET seq = :new WHERE seq = :old", new=seq - 1, old=seq)
    report = _verify(trail)
    assert not report.ok and report.first_broken_seq == 2


def test_inserted_entry(trail: Database) -> None:
    # A forged entry copied from entry 5 (its hash and links) pushed in before it.
    for seq in range(ENTRIES, 4, -1):
        _sql(trail, "UPDATE audit_entries SET seq = :new WHERE seq = :old", new=seq + 1, old=seq)
    columns = "at, user_id, action, entity, entity_id, person_id, details, origin, prev_hash, hash"
    _sql(
        trail,
        f"INSERT INTO audit_entries (id, seq, {columns}) "
        f"SELECT :id, 5, {columns} FROM audit_entries WHERE seq = 6",
        id=uuid.uuid4().hex if trail.is_sqlite else str(uuid.uuid4()),
    )
    report = _verify(trail)
    assert not report.ok and report.first_broken_seq == 5


def test_reordered_entries(trail: Database) -> None:
    _sql(trail, "UPDATE audit_entries SET seq = -1 WHERE seq = 2")
    _sql(trail, "UPDATE audit_entries SET seq = 2 WHERE seq = 3")
    _sql(trail, "UPDATE audit_entries SET seq = 3 WHERE seq = -1")
    report = _verify(trail)
    assert not report.ok and report.first_broken_seq == 2 and report.problem == "link"


def test_cli_verify(trail: Database, database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--db", database_url]) == 0
    assert f"{ENTRIES} entries" in capsys.readouterr().out
    _sql(trail, "UPDATE audit_entries SET entity = 'case' WHERE seq = 5")
    assert main(["audit", "verify", "--db", database_url, "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["first_broken_seq"] == 5
    assert "broken at seq 5" in captured.err


def test_concurrent_appends_queue_on_both_backends(database: Database) -> None:
    """Sessions that read something first, then append at the same moment (the login's
    pattern, security review F13: a UNIQUE failure on ``seq`` on SQLite)."""
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for round_ in range(5):
                with database.session() as session:
                    audit.count_entries(session)
                    if round_ == 0:
                        barrier.wait(timeout=60)
                    audit.append(session, "view", "person", person_id=uuid.uuid4())
                    session.commit()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    report = _verify(database)
    assert report.ok and report.entries == 30


def test_concurrent_appends_do_not_fork_the_chain(postgres_url: str) -> None:
    database = Database(postgres_url, create=True)
    schema.upgrade(database)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            barrier.wait()
            for _ in range(10):
                with database.session() as session:
                    audit.append(session, "view", "person", person_id=uuid.uuid4())
                    session.commit()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        report = _verify(database)
        assert report.ok and report.entries == 40
    finally:
        database.close()
