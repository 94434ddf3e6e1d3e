"""The person list service on SQLite and PostgreSQL: keyset pages in every order; the file."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.errors import NotFound
from mzdesk.core.models import (
    BirthDatePrecision,
    Case,
    Household,
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    PersonLanguage,
    PersonNationality,
    ResidenceStatus,
    Sex,
    WorkPermission,
)
from mzdesk.core.names import person_sort_key
from mzdesk.core.services import person_file, persons
from mzdesk.core.services.persons import PersonOrder, PersonSort

TODAY = date(2025, 6, 1)
FAMILIES = ["Ahmadi", "Öztürk", "Ağaoğlu", "Kovalenko", "Ahmadi", "Haddad", "Nguyen"]
GIVEN = ["Amal", "Olena", "Yusuf", "Amal"]


def make_person(index: int, **fields: object) -> Person:
    family = FAMILIES[index % len(FAMILIES)]
    given = GIVEN[index % len(GIVEN)]  # repeats: many identical sort keys, the id breaks ties
    values: dict[str, object] = {
        "file_number": f"MZ-{(index * 7919) % 1000:04d}-{index}",
        "family_name": family,
        "given_names": given,
        "sort_key": person_sort_key(family, given),
        # every fifth person has no birth date; several share a date
        "birth_date": None if index % 5 == 0 else date(1970 + index % 9, 1 + index % 12, 1),
    }
    values.update(fields)
    return Person(**values)


@pytest.fixture
def populated(database: Database) -> Database:
    with database.session() as session:
        people = [make_person(index) for index in range(57)]
        session.add_all(people)
        session.flush()
        people[3].merged_into_id = people[4].id  # merged: never listed
        session.commit()
    return database


def reference_order(db: Database, sort: PersonSort) -> list[uuid.UUID]:
    """The whole list in one plain ORDER BY: what paging must reproduce exactly."""
    column = {
        PersonOrder.NAME: Person.sort_key,
        PersonOrder.BIRTH_DATE: Person.birth_date,
        PersonOrder.FILE_NUMBER: Person.file_number,
    }[sort.order]
    direction = (lambda c: c.desc()) if sort.descending else (lambda c: c.asc())
    with db.session() as session:
        query = select(Person.id).where(Person.merged_into_id.is_(None))
        if sort.order is PersonOrder.BIRTH_DATE:  # persons without a date last, by id
            query = query.order_by(Person.birth_date.is_(None))
        query = query.order_by(direction(column), direction(Person.id))
        return list(session.scalars(query))


@pytest.mark.parametrize("order", list(PersonOrder))
@pytest.mark.parametrize("descending", [False, True])
def test_paging_reproduces_the_full_order(
    populated: Database, order: PersonOrder, descending: bool
) -> None:
    sort = PersonSort(order, descending)
    seen: list[uuid.UUID] = []
    key = None
    pages = 0
    while True:
        with populated.session() as session:
            result = persons.page(session, after=key, limit=8, sort=sort, today=TODAY)
        pages += 1
        seen.extend(row.id for row in result.rows)
        key = result.next_key
        if key is None:
            break
    assert seen == reference_order(populated, sort)
    assert len(seen) == 56 and pages == 7  # 56 listed (one merged), 8 per page


def test_count_excludes_merged_persons(populated: Database) -> None:
    with populated.session() as session:
        assert persons.count(session) == 56


def test_an_empty_database_has_one_empty_page(database: Database) -> None:
    with database.session() as session:
        result = persons.page(session)
        assert result.rows == () and result.next_key is None
        assert persons.count(session) == 0


def test_rows_carry_the_current_status_category_and_nationalities(database: Database) -> None:
    person = make_person(1, municipality="Neustadt", birth_date_precision=BirthDatePrecision.YEAR)
    person.nationalities = [
        PersonNationality(country_code="SY", position=0),
        PersonNationality(country_code="TR", position=1),
    ]
    person.residence_statuses = [
        ResidenceStatus(status_code="GEST", valid_from=date(2022, 1, 1)),
        ResidenceStatus(status_code="AE_25_2", valid_from=date(2024, 3, 1)),
        ResidenceStatus(status_code="NE", valid_from=date(2030, 1, 1)),  # not yet in force
    ]
    person.legal_categories = [
        LegalCategoryPeriod(category=LegalCategory.ASYLBLG, valid_from=date(2022, 1, 1)),
        LegalCategoryPeriod(category=LegalCategory.SGB2, valid_from=date(2024, 4, 1)),
    ]
    bare = make_person(2)
    with database.session() as session:
        session.add_all([person, bare])
        session.commit()
    with database.session() as session:
        rows = {row.id: row for row in persons.page(session, today=TODAY).rows}
    row = rows[person.id]
    assert row.nationalities == ("SY", "TR")
    assert row.residence_status == "AE_25_2"
    assert row.legal_category is LegalCategory.SGB2
    assert row.municipality == "Neustadt"
    assert row.birth_date_precision is BirthDatePrecision.YEAR
    assert rows[bare.id].nationalities == ()
    assert rows[bare.id].residence_status is None and rows[bare.id].legal_category is None


def test_the_file_for_the_detail_pane(database: Database) -> None:
    household = Household(label="Haushalt 7")
    person = make_person(
        3,
        family_name_original="أحمدي",
        given_names_original="يوسف",
        sex=Sex.MALE,
        interpreter_language="ar",
        phone="+49 30 000000",
        email="test@example.invalid",
        street="Teststraße 1",
        postcode="12345",
        city="Neustadt",
        municipality="Neustadt",
        arrival_date=date(2021, 9, 1),
        household=household,
    )
    person.languages = [
        PersonLanguage(language_code="ar", cefr_level="NATIVE", position=0),
        PersonLanguage(language_code="de", cefr_level="B1", position=1),
    ]
    person.residence_statuses = [
        ResidenceStatus(
            status_code="AE_25_2",
            work_permission=WorkPermission.ERWERB_ERLAUBT,
            valid_from=date(2024, 1, 1),
            valid_until=date(2027, 1, 1),
        )
    ]
    relative = make_person(4, household=household)
    with database.session() as session:
        session.add_all([person, relative])
        session.flush()
        session.add_all(
            [Case(person_id=person.id, opened_on=date(2024, 2, 1 + n)) for n in range(3)]
        )
        session.commit()
    with database.session() as session:
        # one way to load a person's file: the detail pane uses person_file too
        file = person_file.load(session, person.id, today=TODAY)
        session.commit()
    detail = file.person
    assert detail.family_name_original == "أحمدي"
    assert [(skill.code, skill.cefr_level) for skill in file.languages] == [
        ("ar", "NATIVE"),
        ("de", "B1"),
    ]
    assert file.residence is not None
    assert file.residence.work_permission is WorkPermission.ERWERB_ERLAUBT
    assert file.residence.valid_until == date(2027, 1, 1)
    assert file.legal_category is None
    assert (detail.household_label, detail.household_size) == ("Haushalt 7", 2)
    assert len(file.cases) == 3
    assert detail.sex is Sex.MALE
    with database.session() as session:
        file = person_file.load(session, relative.id, today=TODAY, record_view=False)
        assert (file.person.household_label, file.person.household_size) == ("Haushalt 7", 2)
        lonely = make_person(9)
        session.add(lonely)
        session.flush()
        file = person_file.load(session, lonely.id, record_view=False)
        assert (file.person.household_label, file.person.household_size) == (None, 0)


def test_the_file_of_an_unknown_id(database: Database) -> None:
    with database.session() as session, pytest.raises(NotFound):
        person_file.load(session, uuid.uuid4())


@pytest.mark.parametrize("order", list(PersonOrder))
def test_runs_of_merged_persons_longer_than_a_page_are_skipped(
    populated: Database, order: PersonOrder
) -> None:
    with populated.session() as session:
        people = session.scalars(select(Person).order_by(Person.sort_key, Person.id)).all()
        keeper = people[-1]
        for person in people[:20]:  # the first 20 in name order: a run longer than a page
            person.merged_into_id = keeper.id
        session.commit()
    sort = PersonSort(order)
    seen: list[uuid.UUID] = []
    key = None
    while True:
        with populated.session() as session:
            result = persons.page(session, after=key, limit=3, sort=sort, today=TODAY)
        seen.extend(row.id for row in result.rows)
        if (key := result.next_key) is None:
            break
    assert seen == reference_order(populated, sort)
    with populated.session() as session:
        assert persons.count(session) == len(seen) < 56
