"""Cases on SQLite and PostgreSQL: opening, the state machine, edits, conflicts, audit."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.errors import NotFound
from mzdesk.core.models import AuditEntry, Case, CaseStatus, Person, Team, User
from mzdesk.core.services import audit, cases

OPENED = date(2025, 2, 3)


@pytest.fixture
def world(database: Database) -> dict[str, uuid.UUID]:
    with database.session() as session:
        team = Team(name="Team Nord")
        session.add(team)
        session.flush()
        counsellor = User(username="berater", display_name="Berater Eins", team_id=team.id)
        other = User(username="zweite", display_name="Beraterin Zwei")
        gone = User(username="alt", display_name="Alt", active=False)
        person = Person(file_number="MZ-C-1", family_name="Haddad", given_names="Amal")
        session.add_all([counsellor, other, gone, person])
        session.commit()
        return {
            "team": team.id,
            "counsellor": counsellor.id,
            "other": other.id,
            "gone": gone.id,
            "person": person.id,
        }


def _open(database: Database, world: dict[str, uuid.UUID]) -> uuid.UUID:
    with database.session() as session:
        case = cases.open_case(
            session,
            person_id=world["person"],
            counsellor_id=world["counsellor"],
            topics=["work", "LANGUAGE", "work"],
            goals="  Arbeit finden ",
            opened_on=OPENED,
        )
        session.commit()
        return case.id


def _audit(database: Database, action: str) -> list[AuditEntry]:
    with database.session() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)
            )
        )


def test_open_a_case(database: Database, world: dict[str, uuid.UUID]) -> None:
    case_id = _open(database, world)
    with database.session() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.status is CaseStatus.OPEN
        assert case.opened_on == OPENED
        assert sorted(t.topic_code for t in case.topics) == ["LANGUAGE", "WORK"]
        assert case.goals == "Arbeit finden"
        assert case.team_id == world["team"]  # the counsellor's team
    [entry] = _audit(database, "create")
    assert entry.entity == "case" and entry.entity_id == case_id
    assert entry.person_id == world["person"]
    assert entry.details["topics"] == ["WORK", "LANGUAGE"]


def test_open_refuses_unknown_topics_disabled_users_and_merged_persons(
    database: Database, world: dict[str, uuid.UUID]
) -> None:
    with database.session() as session:
        with pytest.raises(cases.CaseError, match="unknown topic"):
            cases.open_case(session, person_id=world["person"], topics=["cooking"])
        with pytest.raises(cases.CaseError, match="disabled"):
            cases.open_case(session, person_id=world["person"], counsellor_id=world["gone"])
        with pytest.raises(NotFound):
            cases.open_case(session, person_id=uuid.uuid4())
        kept = Person(file_number="MZ-C-2", family_name="Haddad", given_names="Amal")
        session.add(kept)
        session.flush()
        merged = session.get(Person, world["person"])
        assert merged is not None
        merged.merged_into_id = kept.id
        with pytest.raises(cases.CaseError, match="merged"):
            cases.open_case(session, person_id=world["person"])


def test_the_whole_life_of_a_case(database: Database, world: dict[str, uuid.UUID]) -> None:
    case_id = _open(database, world)
    steps = [
        (CaseStatus.ACTIVE, None),
        (CaseStatus.PAUSED, None),
        (CaseStatus.ACTIVE, None),
        (CaseStatus.CLOSED, "  Arbeit   gefunden "),
        (CaseStatus.ACTIVE, None),  # reopened
    ]
    for status, reason in steps:
        with database.session() as session:
            cases.set_status(session, case_id, status, reason=reason, on=date(2025, 6, 30))
            session.commit()
        if status is CaseStatus.CLOSED:
            with database.session() as session:
                case = session.get(Case, case_id)
                assert case is not None
                assert case.closed_on == date(2025, 6, 30)
                assert case.closing_reason == "Arbeit gefunden"
    with database.session() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.status is CaseStatus.ACTIVE
        assert case.closed_on is None and case.closing_reason is None
    trail = _audit(database, "status")
    assert [(e.details["from"], e.details["to"]) for e in trail] == [
        ("open", "active"),
        ("active", "paused"),
        ("paused", "active"),
        ("active", "closed"),
        ("closed", "active"),
    ]
    assert trail[3].details["reason"] == "Arbeit gefunden"
    assert trail[4].details["was_reason"] == "Arbeit gefunden"  # the trail keeps it
    with database.session() as session:
        assert audit.verify(session).ok


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([], CaseStatus.PAUSED),  # open cannot pause
        ([], CaseStatus.OPEN),  # no state moves to itself
        ([CaseStatus.ACTIVE], CaseStatus.OPEN),  # never back to open
        ([(CaseStatus.CLOSED)], CaseStatus.PAUSED),  # closed only reopens as active
    ],
)
def test_illegal_transitions_are_refused(
    database: Database, world: dict[str, uuid.UUID], path: list[CaseStatus], target: CaseStatus
) -> None:
    case_id = _open(database, world)
    with database.session() as session:
        for status in path:
            cases.set_status(session, case_id, status, reason="erledigt")
        with pytest.raises(cases.IllegalTransition) as error:
            cases.set_status(session, case_id, target, reason="x")
        assert "allowed:" in str(error.value)
        assert error.value.german.startswith("Ein ")


def test_closing_needs_a_reason_and_a_sane_date(
    database: Database, world: dict[str, uuid.UUID]
) -> None:
    case_id = _open(database, world)
    with database.session() as session:
        with pytest.raises(cases.CaseError, match="reason"):
            cases.set_status(session, case_id, CaseStatus.CLOSED, reason="   ")
        with pytest.raises(cases.CaseError, match="before it was opened"):
            cases.set_status(session, case_id, CaseStatus.CLOSED, reason="x", on=date(2024, 1, 1))
        case = session.get(Case, case_id)
        assert case is not None and case.status is CaseStatus.OPEN


def test_allowed_transitions() -> None:
    assert cases.allowed_transitions(CaseStatus.OPEN) == (CaseStatus.ACTIVE, CaseStatus.CLOSED)
    assert cases.allowed_transitions(CaseStatus.ACTIVE) == (CaseStatus.PAUSED, CaseStatus.CLOSED)
    assert cases.allowed_transitions(CaseStatus.PAUSED) == (CaseStatus.ACTIVE, CaseStatus.CLOSED)
    assert cases.allowed_transitions(CaseStatus.CLOSED) == (CaseStatus.ACTIVE,)


def test_edit_topics_goals_counsellor(database: Database, world: dict[str, uuid.UUID]) -> None:
    case_id = _open(database, world)
    with database.session() as session:
        cases.edit_case(
            session,
            case_id,
            topics=["housing", "WORK"],
            goals="Wohnung",
            counsellor_id=world["other"],
            expected_version=1,
        )
        session.commit()
    with database.session() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert sorted(t.topic_code for t in case.topics) == ["HOUSING", "WORK"]
        assert case.goals == "Wohnung"
        assert case.counsellor_id == world["other"]
        assert case.version == 2
    [entry] = _audit(database, "update")
    assert entry.details["topics"] == {"old": ["LANGUAGE", "WORK"], "new": ["HOUSING", "WORK"]}
    assert entry.details["goals"] == {"old": "Arbeit finden", "new": "Wohnung"}
    assert entry.details["counsellor_id"]["new"] == str(world["other"])
    # nothing changed: no audit entry, no new version
    with database.session() as session:
        cases.edit_case(session, case_id, goals="Wohnung", topics=["WORK", "HOUSING"])
        session.commit()
    assert len(_audit(database, "update")) == 1


def test_topics_alone_bump_the_version(database: Database, world: dict[str, uuid.UUID]) -> None:
    case_id = _open(database, world)
    with database.session() as session:
        cases.edit_case(session, case_id, topics=["WORK"])
        session.commit()
    with database.session() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.version == 2


def test_an_edit_over_a_newer_version_is_refused_with_the_current_state(
    database: Database, world: dict[str, uuid.UUID]
) -> None:
    case_id = _open(database, world)
    with database.session() as session:  # someone else saves first
        cases.edit_case(session, case_id, goals="Sprachkurs B1", expected_version=1)
        session.commit()
    with database.session() as session:
        with pytest.raises(cases.CaseChanged) as error:
            cases.edit_case(session, case_id, goals="Mein Ziel", expected_version=1)
        assert error.value.current.goals == "Sprachkurs B1"
        assert error.value.current.version == 2
        with pytest.raises(cases.CaseChanged):
            cases.set_status(session, case_id, CaseStatus.ACTIVE, expected_version=1)
    with database.session() as session:  # the user decides to overwrite: with the new version
        cases.edit_case(session, case_id, goals="Mein Ziel", expected_version=2)
        session.commit()
        case = session.get(Case, case_id)
        assert case is not None and case.goals == "Mein Ziel"


def test_a_concurrent_commit_between_read_and_flush_is_caught(
    database: Database, world: dict[str, uuid.UUID]
) -> None:
    case_id = _open(database, world)
    mine = database.session()
    case = mine.get(Case, case_id)  # read at version 1
    assert case is not None
    with database.session() as theirs:
        cases.set_status(theirs, case_id, CaseStatus.ACTIVE)
        theirs.commit()
    try:
        with pytest.raises(cases.CaseChanged) as error:
            cases.edit_case(mine, case_id, goals="zu spät")
        assert error.value.current.status is CaseStatus.ACTIVE
    finally:
        mine.close()


def test_list_cases(database: Database, world: dict[str, uuid.UUID]) -> None:
    first = _open(database, world)
    second = _open(database, world)
    with database.session() as session:
        cases.set_status(session, second, CaseStatus.ACTIVE)
        session.commit()
        assert {c.id for c in cases.list_cases(session, person_id=world["person"])} == {
            first,
            second,
        }
        assert [c.id for c in cases.list_cases(session, status=CaseStatus.ACTIVE)] == [second]
        assert cases.list_cases(session, counsellor_id=world["other"]) == []
        assert cases.get_case(session, first.hex[-8:]).id == first
