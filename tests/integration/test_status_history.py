"""Residence status and legal category history on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.errors import NotFound
from mzdesk.core.models import AuditEntry, LegalCategory, Person, WorkPermission
from mzdesk.core.services import placements, status_history


@pytest.fixture
def person_id(database: Database) -> uuid.UUID:
    with database.session() as session:
        person = Person(file_number="MZ-S-1", family_name="Rahimi", given_names="Omid")
        session.add(person)
        session.commit()
        return person.id


def _record_recognition(database: Database, person_id: uuid.UUID) -> None:
    """Asylum seeker from 2022 on AsylbLG, recognised in 2024 and moved to SGB II."""
    with database.session() as session:
        status_history.record_residence_status(
            session,
            person_id,
            status_code="gest",
            valid_from=date(2022, 3, 1),
            work_permission=WorkPermission.NUR_MIT_ABH,
        )
        status_history.record_legal_category(
            session, person_id, category=LegalCategory.ASYLBLG, valid_from=date(2022, 3, 1)
        )
        status_history.record_residence_status(
            session,
            person_id,
            status_code="AE_25_2",
            valid_from=date(2024, 5, 10),
            valid_until=date(2027, 5, 9),
            work_permission=WorkPermission.ERWERB_ERLAUBT,
            note="Bescheid BAMF",
        )
        status_history.record_legal_category(
            session, person_id, category=LegalCategory.SGB2, valid_from=date(2024, 6, 1)
        )
        session.commit()


def test_history_keeps_every_change(database: Database, person_id: uuid.UUID) -> None:
    _record_recognition(database, person_id)
    with database.session() as session:
        found = status_history.history(session, person_id)
    assert [(r.status_code, r.valid_from, r.valid_until) for r in found.residence_statuses] == [
        ("GEST", date(2022, 3, 1), None),  # the printed document is not rewritten
        ("AE_25_2", date(2024, 5, 10), date(2027, 5, 9)),
    ]
    assert found.residence_statuses[1].work_permission is WorkPermission.ERWERB_ERLAUBT
    assert found.residence_statuses[1].note == "Bescheid BAMF"
    assert [(c.category, c.valid_from, c.valid_until) for c in found.legal_categories] == [
        (LegalCategory.ASYLBLG, date(2022, 3, 1), date(2024, 5, 31)),  # ended the day before
        (LegalCategory.SGB2, date(2024, 6, 1), None),
    ]


@pytest.mark.parametrize(
    ("day", "status", "category", "refugee"),
    [
        (date(2022, 2, 28), None, None, False),
        (date(2022, 3, 1), "GEST", LegalCategory.ASYLBLG, True),
        (date(2024, 5, 20), "AE_25_2", LegalCategory.ASYLBLG, True),
        (date(2024, 6, 1), "AE_25_2", LegalCategory.SGB2, True),
        (date(2027, 5, 10), "GEST", LegalCategory.SGB2, True),  # the permit ran out
    ],
)
def test_the_value_at_a_date(
    database: Database,
    person_id: uuid.UUID,
    day: date,
    status: str | None,
    category: LegalCategory | None,
    refugee: bool,
) -> None:
    _record_recognition(database, person_id)
    with database.session() as session:
        value = status_history.value_at(session, person_id, day)
        assert (value.residence_status, value.legal_category, value.refugee) == (
            status,
            category,
            refugee,
        )
        # one implementation: what placements and statistics use
        assert placements.snapshot_at(session, person_id, day) == value


def test_a_backdated_category_ends_where_the_later_begins(
    database: Database, person_id: uuid.UUID
) -> None:
    _record_recognition(database, person_id)
    with database.session() as session:
        status_history.record_legal_category(
            session, person_id, category=LegalCategory.SGB12, valid_from=date(2023, 1, 1)
        )
        session.commit()
        periods = status_history.history(session, person_id).legal_categories
        assert [(c.category, c.valid_from, c.valid_until) for c in periods] == [
            (LegalCategory.ASYLBLG, date(2022, 3, 1), date(2022, 12, 31)),
            (LegalCategory.SGB12, date(2023, 1, 1), date(2024, 5, 31)),
            (LegalCategory.SGB2, date(2024, 6, 1), None),
        ]
        assert (
            status_history.value_at(session, person_id, date(2023, 6, 1)).legal_category
            is LegalCategory.SGB12
        )


def test_changes_are_audited(database: Database, person_id: uuid.UUID) -> None:
    _record_recognition(database, person_id)
    with database.session() as session:
        entries = list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.person_id == person_id).order_by(AuditEntry.seq)
            )
        )
    assert [e.action for e in entries] == [
        "residence_status",
        "legal_category",
        "residence_status",
        "legal_category",
    ]
    assert entries[2].details["status_code"] == "AE_25_2"
    assert entries[2].details["valid_until"] == "2027-05-09"
    assert len(entries[3].details["ended_periods"]) == 1


def test_bad_changes_are_refused(database: Database, person_id: uuid.UUID) -> None:
    _record_recognition(database, person_id)
    with database.session() as session:
        with pytest.raises(status_history.InvalidStatusChange, match="unknown"):
            status_history.record_residence_status(
                session, person_id, status_code="XYZ", valid_from=date(2025, 1, 1)
            )
        with pytest.raises(status_history.InvalidStatusChange, match="expire before"):
            status_history.record_residence_status(
                session,
                person_id,
                status_code="NE",
                valid_from=date(2025, 1, 1),
                valid_until=date(2024, 1, 1),
            )
        with pytest.raises(status_history.InvalidStatusChange, match="already starts"):
            status_history.record_legal_category(
                session, person_id, category=LegalCategory.SGB3, valid_from=date(2024, 6, 1)
            )
        with pytest.raises(NotFound):
            status_history.history(session, uuid.uuid4())


def test_the_hint_is_none_or_comes_from_the_follow_ups_service(
    database: Database, person_id: uuid.UUID
) -> None:
    _record_recognition(database, person_id)
    with database.session() as session:
        hint = status_history.legal_category_hint(session, person_id)
    # SGB II is what AE_25_2 usually means: no hint whether or not that service exists yet
    assert hint is None


def test_a_missing_hint_service_is_skipped(
    database: Database, person_id: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(status_history, "HINT_MODULE", "mzdesk.core.services.no_such_module")
    with database.session() as session:
        assert status_history.legal_category_hint(session, person_id) is None
