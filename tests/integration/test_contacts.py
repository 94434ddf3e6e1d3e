"""The contact log on SQLite and PostgreSQL: quick entry, follow-up, topics, list, audit."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import AuditEntry, Case, Contact, FollowUp, Person, User
from mzdesk.core.services import cases, contacts

WHEN = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


@pytest.fixture
def case_id(database: Database) -> uuid.UUID:
    with database.session() as session:
        user = User(username="berater", display_name="Berater Eins")
        person = Person(file_number="MZ-K-1", family_name="Kovalenko", given_names="Olena")
        session.add_all([user, person])
        session.flush()
        case = cases.open_case(session, person_id=person.id, counsellor_id=user.id, topics=["WORK"])
        session.commit()
        return case.id


def test_a_quick_contact_with_a_follow_up(database: Database, case_id: uuid.UUID) -> None:
    with database.session() as session:
        contact = contacts.add_contact(
            session,
            case_id=case_id,
            channel="phone",
            occurred_at=WHEN,
            minutes=20,
            interpreter_language="UK",
            topics=["language", "WORK"],
            summary="Kurs  gesucht",
            note="vertraulich: private Sorgen",
            follow_up_on=date(2025, 3, 18),
            follow_up_text="Anmeldung prüfen",
        )
        session.commit()
        contact_id = contact.id
    with database.session() as session:
        stored = session.get(Contact, contact_id)
        assert stored is not None
        assert stored.channel == "PHONE"
        assert stored.occurred_at == WHEN
        assert stored.minutes == 20 and stored.interpreter_language == "uk"
        assert stored.summary == "Sprache, Arbeit: Kurs gesucht"
        assert stored.note == "vertraulich: private Sorgen"
        case = session.get(Case, case_id)
        assert case is not None
        assert sorted(t.topic_code for t in case.topics) == ["LANGUAGE", "WORK"]
        [follow_up] = session.scalars(select(FollowUp).where(FollowUp.case_id == case_id))
        assert follow_up.due_on == date(2025, 3, 18)
        assert follow_up.text == "Anmeldung prüfen"
        assert follow_up.assigned_to_id == case.counsellor_id
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "contact")).one()
        assert entry.entity_id == contact_id
        assert entry.details["case_topics_added"] == ["LANGUAGE"]
        assert entry.details["has_note"] is True
        assert "private Sorgen" not in str(entry.details)  # the note stays out of the trail


def test_defaults_now_and_no_follow_up(database: Database, case_id: uuid.UUID) -> None:
    before = datetime.now(UTC)
    with database.session() as session:
        contact = contacts.add_contact(session, case_id=case_id, channel="IN_PERSON")
        session.commit()
        assert before - timedelta(seconds=1) <= contact.occurred_at <= datetime.now(UTC)
        assert contact.summary is None and contact.note is None
        assert session.scalars(select(FollowUp)).all() == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"channel": "pigeon"}, "unknown channel"),
        ({"minutes": 0}, "minutes"),
        ({"minutes": 2000}, "minutes"),
        ({"interpreter_language": "xx-nope"}, "interpreter"),
        ({"topics": ["cooking"]}, "unknown topic"),
        ({"occurred_at": datetime.now(UTC) + timedelta(days=2)}, "future"),
        ({"occurred_at": WHEN, "follow_up_on": date(2025, 3, 1)}, "before the contact"),
    ],
)
def test_bad_input_is_refused(
    database: Database, case_id: uuid.UUID, fields: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {"channel": "PHONE", **fields}
    with database.session() as session:
        with pytest.raises(MzdeskError) as error:
            contacts.add_contact(session, case_id=case_id, **values)  # type: ignore[arg-type]
        assert message in str(error.value)
        assert error.value.german


def test_list_newest_first(database: Database, case_id: uuid.UUID) -> None:
    with database.session() as session:
        for day in (3, 1, 2):
            contacts.add_contact(
                session, case_id=case_id, channel="EMAIL", occurred_at=WHEN + timedelta(days=day)
            )
        session.commit()
        found = contacts.list_contacts(session, case_id)
        assert [c.occurred_at for c in found] == [WHEN + timedelta(days=d) for d in (3, 2, 1)]
        assert len(contacts.list_contacts(session, case_id, limit=2)) == 2
