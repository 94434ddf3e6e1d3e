"""Merging persons on SQLite and PostgreSQL: everything moves, audited, never comes back."""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from mzdesk.cli.merge_cmd import add_merge_parser
from mzdesk.core.database import Database
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import (
    Attendance,
    AuditEntry,
    Case,
    Consent,
    ConsentForm,
    Event,
    Household,
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    PersonLanguage,
    PersonNationality,
    Placement,
    ResidenceStatus,
    User,
)
from mzdesk.core.services import audit, persons
from mzdesk.core.services.merge import (
    REVIEWED_PERSON_FKS,
    MergeRefused,
    merge_persons,
    person_foreign_keys,
    resolve_person,
)

DAY = date(2024, 3, 1)


def test_every_foreign_key_to_persons_is_reviewed() -> None:
    found = {(table.name, column.name) for table, column in person_foreign_keys()}
    assert found == REVIEWED_PERSON_FKS, (
        "a foreign key to persons.id was added or removed: review how merge_persons treats "
        f"it and update REVIEWED_PERSON_FKS ({sorted(found ^ REVIEWED_PERSON_FKS)})"
    )


def _linked(person_id: uuid.UUID, event_id: uuid.UUID) -> list[object]:
    """One row of every table with a foreign key to persons (bar nationalities, languages)."""
    return [
        ResidenceStatus(person_id=person_id, status_code="AE_25_2", valid_from=DAY),
        LegalCategoryPeriod(person_id=person_id, category=LegalCategory.SGB2, valid_from=DAY),
        Case(person_id=person_id, opened_on=DAY),
        Consent(
            person_id=person_id,
            purpose="Vermittlung",
            text_version="v1",
            given_on=DAY,
            form=ConsentForm.SIGNED_PAPER,
        ),
        Placement(person_id=person_id, kind="EMPLOYMENT", starts_on=DAY),
        Attendance(event_id=event_id, person_id=person_id, registered_at=datetime.now(UTC)),
    ]


@pytest.fixture
def pair(database: Database) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """(keep, other, earlier): ``earlier`` was merged into ``other`` before."""
    with database.session() as session:
        household = Household(label="Haushalt")
        event = Event(name="Jobmesse", starts_on=DAY, place="Kreishaus")
        keep = Person(file_number="MZ-1", family_name="Haddad", given_names="Mohammed")
        other = Person(
            file_number="MZ-2",
            family_name="Hadad",
            given_names="Muhammad",
            birth_date=date(1990, 3, 5),
            phone="0176 5550123",
            household=household,
        )
        earlier = Person(file_number="MZ-3", family_name="Haddad", given_names="Mohamad")
        session.add_all([event, keep, other, earlier])
        session.flush()
        earlier.merged_into_id = other.id
        keep.nationalities.append(PersonNationality(country_code="SY", position=0))
        other.nationalities.extend(
            [
                PersonNationality(country_code="SY", position=0),
                PersonNationality(country_code="TR", position=1),
            ]
        )
        keep.languages.append(PersonLanguage(language_code="de", cefr_level="A2"))
        other.languages.extend(
            [
                PersonLanguage(language_code="de", cefr_level="B1", position=0),
                PersonLanguage(language_code="ar", cefr_level="NATIVE", position=1),
            ]
        )
        session.add_all(_linked(other.id, event.id))
        session.commit()
        return keep.id, other.id, earlier.id


def _rows(session: object, person_id: uuid.UUID) -> dict[str, int]:
    assert hasattr(session, "scalar")
    counts: dict[str, int] = {}
    for table, column in person_foreign_keys():
        counts[f"{table.name}.{column.name}"] = session.scalar(
            select(func.count()).select_from(table).where(column == person_id)
        )
    return counts


def test_merge_moves_every_linked_record(
    database: Database, pair: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    keep_id, other_id, earlier_id = pair
    user = uuid.uuid4()  # a counsellor: merging is case work (mzdesk.core.access)
    with database.session() as session:
        session.add(User(id=user, username="berater", display_name="Bea Test"))
        session.commit()
    with database.session() as session:  # counted by the program: Core counts are unscoped
        before = _rows(session, other_id)
    with database.session(user) as session:
        report = merge_persons(session, keep_id, other_id)
        session.commit()
    # Every foreign key had a row on the other person before: the test covers each one.
    assert all(count >= 1 for count in before.values()), before
    with database.session() as session:
        assert set(_rows(session, other_id).values()) == {0}
        after = _rows(session, keep_id)
        keep = session.get(Person, keep_id)
        other = session.get(Person, other_id)
        assert keep is not None and other is not None
        assert other.merged_into_id == keep_id
        assert [n.country_code for n in keep.nationalities] == ["SY", "TR"]
        assert {lang.language_code: lang.cefr_level for lang in keep.languages} == {
            "de": "B1",
            "ar": "NATIVE",
        }
        assert keep.birth_date == date(1990, 3, 5) and keep.phone == "0176 5550123"
        assert keep.household_id is not None
        assert keep.family_name == "Haddad"  # filled only where empty
        moved_case = session.scalars(select(Case).where(Case.person_id == keep_id)).one()
        assert moved_case.version == 2 and moved_case.updated_by == user
        entry = session.scalars(select(AuditEntry)).one()
        assert entry.action == "merge" and entry.user_id == user
        assert entry.details["keep"] == str(keep_id) and entry.details["other"] == str(other_id)
        assert entry.details["moved"]["cases.person_id"] == 1
        assert entry.details["moved"]["persons.merged_into_id"] == 1
        assert audit.verify(session).ok
        listed = {row.id for row in persons.page(session, limit=10).rows}
    for key, count in before.items():
        if key == "persons.merged_into_id":  # the earlier one, and now the other itself
            assert after[key] == count + 1
        elif key not in ("person_nationalities.person_id", "person_languages.person_id"):
            assert after[key] == count, key
    assert report.dropped == {"person_nationalities": 1, "person_languages": 1}
    assert set(report.filled) >= {"birth_date", "phone", "household_id"}
    assert other_id not in listed and earlier_id not in listed and keep_id in listed


def test_merged_chains_resolve(
    database: Database, pair: tuple[uuid.UUID, uuid.UUID, uuid.UUID]
) -> None:
    keep_id, other_id, earlier_id = pair
    with database.session() as session:
        assert resolve_person(session, earlier_id) == other_id
        merge_persons(session, keep_id, other_id)
        session.commit()
    with database.session() as session:
        assert resolve_person(session, earlier_id) == keep_id
        assert resolve_person(session, other_id) == keep_id
        assert resolve_person(session, keep_id) == keep_id


def test_refused_merges(database: Database, pair: tuple[uuid.UUID, uuid.UUID, uuid.UUID]) -> None:
    keep_id, _other_id, earlier_id = pair
    with database.session() as session:
        with pytest.raises(MergeRefused, match="itself"):
            merge_persons(session, keep_id, keep_id)
        with pytest.raises(MergeRefused, match="merged into"):
            merge_persons(session, earlier_id, keep_id)
        with pytest.raises(MergeRefused, match="already merged"):
            merge_persons(session, keep_id, earlier_id)
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def _cli(argv: list[str]) -> int:
    """The merge command as the person group will register it (mzdesk.cli.main's handling)."""
    from mzdesk.cli import fail

    parser = argparse.ArgumentParser(prog="mzdesk person")
    add_merge_parser(parser.add_subparsers(dest="action", required=True))
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except MzdeskError as exc:
        return fail(str(exc))
    return result


def test_cli_merge(
    database: Database,
    pair: tuple[uuid.UUID, uuid.UUID, uuid.UUID],
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    keep_id, other_id, _earlier_id = pair
    assert _cli(["merge", "--db", database_url, "MZ-1", other_id.hex[-8:], "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["keep"] == str(keep_id) and report["moved"]["cases.person_id"] == 1
    assert _cli(["merge", "--db", database_url, "MZ-1", "MZ-1"]) == 1
    assert "itself" in capsys.readouterr().err
    assert _cli(["merge", "--db", database_url, "MZ-2", "MZ-1"]) == 1
    assert "merged into" in capsys.readouterr().err
