"""Retention: due persons are erased, old audit entries removed behind a checkpoint."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from mzdesk.cli import main
from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import Attendance, AuditEntry, Case, CaseStatus, Event, Person
from mzdesk.core.org_settings import set_setting
from mzdesk.core.privacy import retention, trail
from mzdesk.core.services import audit

TODAY = date(2030, 6, 1)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2020, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The audit trail's clock, so that entries can be old."""
    fake = Clock()
    monkeypatch.setattr(audit, "utcnow", fake)
    return fake


def _person(s, name: str, *, at: datetime, **extra: object) -> Person:  # type: ignore[no-untyped-def]
    person = Person(
        file_number=f"MZ-{name}",
        family_name=f"Retention{name}",
        given_names="Test",
        created_at=at,
        updated_at=at,
        **extra,
    )
    s.add(person)
    s.flush()
    return person


def _world(db: Database) -> dict[str, uuid.UUID]:
    old = datetime(2020, 3, 1, tzinfo=UTC)
    with db.session() as s:
        a = _person(s, "A", at=old)
        s.add(
            Case(
                person_id=a.id,
                opened_on=date(2021, 1, 1),
                status=CaseStatus.CLOSED,
                closed_on=date(2023, 1, 10),
            )
        )
        b = _person(s, "B", at=old)
        s.add_all(
            [
                Case(
                    person_id=b.id,
                    opened_on=date(2021, 1, 1),
                    status=CaseStatus.CLOSED,
                    closed_on=date(2022, 1, 1),
                ),
                Case(person_id=b.id, opened_on=date(2022, 1, 1)),
            ]
        )
        c = _person(s, "C", at=old)
        s.add(
            Case(
                person_id=c.id,
                opened_on=date(2024, 1, 1),
                status=CaseStatus.CLOSED,
                closed_on=date(2025, 1, 1),
            )
        )
        d = _person(s, "D", at=old)
        e = _person(s, "E", at=old)
        event = Event(name="Messe", starts_on=date(2029, 5, 1), place="Halle")
        s.add(event)
        s.flush()
        s.add(
            Attendance(
                event_id=event.id, person_id=e.id, registered_at=datetime(2029, 5, 1, tzinfo=UTC)
            )
        )
        f = _person(s, "F", at=old, anonymised_on=date(2021, 1, 1))
        s.commit()
        return {"A": a.id, "B": b.id, "C": c.id, "D": d.id, "E": e.id, "F": f.id}


def test_retention_erases_due_persons_and_cuts_the_audit_trail(
    database: Database, clock: Clock
) -> None:
    ids = _world(database)
    with database.session() as s:
        for year in (2020, 2021, 2022):
            clock.now = datetime(year, 2, 1, tzinfo=UTC)
            audit.append(s, "view", "person", person_id=ids["B"])
        clock.now = datetime(2029, 2, 1, tzinfo=UTC)
        audit.append(s, "view", "person", person_id=ids["C"])
        s.commit()
        plan = retention.due(s, TODAY)
    assert plan.closed_case_persons == [ids["A"]]
    assert plan.no_case_persons == [ids["D"]]
    assert plan.audit_due == (1, 3, 3)
    clock.now = datetime(2030, 6, 1, tzinfo=UTC)
    result = retention.apply(database, today=TODAY)
    assert sorted(result.erased) == sorted([ids["A"], ids["D"]])
    assert result.audit_cut is not None and result.audit_cut.removed == 3
    with database.session() as s:
        names = {p.id: p.family_name for p in s.scalars(select(Person))}
        assert names[ids["A"]] == names[ids["D"]] == "Anonymisiert"
        assert names[ids["B"]] == "RetentionB" and names[ids["E"]] == "RetentionE"
        assert names[ids["C"]] == "RetentionC"
        assert s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq).limit(1)) == 4
        assert trail.verify_trail(s).ok
        assert audit.verify(s).ok  # the CLI's verification is the same walk
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "retention")).one()
        assert sorted(entry.details["erased"]) == sorted(str(i) for i in (ids["A"], ids["D"]))
        assert retention.due(s, TODAY).persons == []  # nothing due twice
    # a second run years later cuts again behind a new checkpoint
    clock.now = datetime(2034, 1, 1, tzinfo=UTC)
    second = retention.apply(database, today=date(2034, 1, 1))
    assert second.audit_cut is not None
    with database.session() as s:
        assert trail.verify_trail(s).ok
        # deleting one more entry than the checkpoint says is detected
        first = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq).limit(1))
        s.execute(delete(AuditEntry).where(AuditEntry.seq == first))
        s.commit()
        report = trail.verify_trail(s)
    assert (report.ok, report.problem) == (False, "gap")


def test_retention_settings_are_respected(database: Database) -> None:
    ids = _world(database)
    with database.session() as s:
        set_setting(s, "retention.closed_case_years", 8)
        set_setting(s, "retention.no_case_years", 11)
        s.commit()
        plan = retention.due(s, TODAY)
    assert plan.persons == []  # A's case closed 2023-01-10: not 8 years before 2030-06-01
    with database.session() as s:
        set_setting(s, "retention.closed_case_years", 7)
        s.commit()
        assert retention.due(s, TODAY).persons == [ids["A"]]


def test_cli_retention_dry_run_changes_nothing(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(sqlite_url, create=True)
    schema.upgrade(db)
    long_ago = datetime.now(UTC) - timedelta(days=365 * 10)
    with db.session() as s:
        person = _person(s, "Z", at=long_ago)
        s.add(
            Case(
                person_id=person.id,
                opened_on=long_ago.date(),
                status=CaseStatus.CLOSED,
                closed_on=long_ago.date(),
            )
        )
        s.commit()
    db.close()
    assert main(["privacy", "retention", "--dry-run", "--json", "--db", sqlite_url]) == 0
    planned = json.loads(capsys.readouterr().out)
    assert planned["persons_closed_cases"] == [str(person.id)]
    with Database(sqlite_url) as check, check.session() as s:
        assert s.get(Person, person.id).family_name == "RetentionZ"  # type: ignore[union-attr]
    assert main(["privacy", "retention", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "1 done" in out and str(person.id) not in out  # said in words: no ids
    assert f"no team: 1 (last case closed {long_ago.date():%d.%m.%Y})" in out  # per team
    with Database(sqlite_url) as check, check.session() as s:
        assert s.get(Person, person.id).family_name == "Anonymisiert"  # type: ignore[union-attr]
