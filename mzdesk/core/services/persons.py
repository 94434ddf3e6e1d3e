"""Reading persons for the client list and the detail pane (Qt-free, one Session per action).

The client list pages through *all* persons with keyset pagination on an indexed column plus
the id as tiebreaker: a page is ``WHERE (col, id) > (last_col, last_id) ORDER BY col, id
LIMIT n``, never ``OFFSET``, so fetching page 1,000 costs what page 1 costs. Rows are small
frozen dataclasses of display data; codes are resolved to labels by the caller.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

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

DEFAULT_PAGE_SIZE = 200

_Period = TypeVar("_Period", ResidenceStatus, LegalCategoryPeriod)


class PersonOrder(StrEnum):
    """The orders the list can be sorted by at any size: each has an index."""

    NAME = "name"  # Person.sort_key (folded family name, given names)
    BIRTH_DATE = "birth_date"  # nullable: persons without a date come last in both directions
    FILE_NUMBER = "file_number"


@dataclass(frozen=True)
class PersonSort:
    order: PersonOrder = PersonOrder.NAME
    descending: bool = False


@dataclass(frozen=True)
class PageKey:
    """Where the next page starts: the sort value and id of the last row already fetched."""

    value: str | date | None
    person_id: uuid.UUID


@dataclass(frozen=True)
class PersonRow:
    """One line of the client list."""

    id: uuid.UUID
    file_number: str
    family_name: str
    given_names: str
    birth_date: date | None
    birth_date_precision: BirthDatePrecision
    nationalities: tuple[str, ...]  # country codes, in the person's order
    residence_status: str | None  # current status code
    legal_category: LegalCategory | None  # current Rechtskreis
    municipality: str | None


@dataclass(frozen=True)
class Page:
    rows: tuple[PersonRow, ...]
    next_key: PageKey | None  # None: this was the last page


@dataclass(frozen=True)
class LanguageSkill:
    code: str
    cefr_level: str | None


@dataclass(frozen=True)
class ResidenceInfo:
    status_code: str
    work_permission: WorkPermission | None
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class LegalCategoryInfo:
    category: LegalCategory
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class PersonDetail:
    """Everything the read-only detail pane shows about one person."""

    id: uuid.UUID
    file_number: str
    family_name: str
    given_names: str
    family_name_original: str | None
    given_names_original: str | None
    birth_date: date | None
    birth_date_precision: BirthDatePrecision
    sex: Sex | None
    nationalities: tuple[str, ...]
    languages: tuple[LanguageSkill, ...]
    interpreter_language: str | None
    phone: str | None
    email: str | None
    street: str | None
    postcode: str | None
    city: str | None
    municipality: str | None
    arrival_date: date | None
    residence: ResidenceInfo | None
    legal_category: LegalCategoryInfo | None
    household: str | None
    household_size: int
    case_count: int


def format_birth_date(value: date | None, precision: BirthDatePrecision) -> str:
    """German display: ``24.12.1990``; a year-only date shows ``1990``.

    A placeholder date (the 01.01. on many refugees' papers) is shown as printed; callers mark
    it (tooltip, italics) with ``precision``.
    """
    if value is None:
        return ""
    if precision is BirthDatePrecision.YEAR:
        return f"{value.year:04d}"
    return value.strftime("%d.%m.%Y")


def format_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d.%m.%Y")


def _order_column(order: PersonOrder) -> Any:
    return {
        PersonOrder.NAME: Person.sort_key,
        PersonOrder.BIRTH_DATE: Person.birth_date,
        PersonOrder.FILE_NUMBER: Person.file_number,
    }[order]


def _after(column: Any, key: PageKey, descending: bool) -> ColumnElement[bool]:
    """Rows strictly after ``key``; ``column >= value`` first, so the index serves the range."""
    if descending:
        return and_(column <= key.value, or_(column < key.value, Person.id < key.person_id))
    return and_(column >= key.value, or_(column > key.value, Person.id > key.person_id))


def _key_query(column: Any, descending: bool) -> Select[Any]:
    # No filter on merged_into_id here: without planner statistics SQLite would pick that
    # index (nearly every row matches) and sort the whole table for each page. Scanning the
    # order index and skipping the few merged rows keeps every page an index range.
    query = select(column, Person.id, Person.merged_into_id)
    if descending:
        return query.order_by(column.desc(), Person.id.desc())
    return query.order_by(column.asc(), Person.id.asc())


def _scan(
    session: Session, sort: PersonSort, after: PageKey | None, limit: int
) -> list[tuple[Any, uuid.UUID, uuid.UUID | None]]:
    """Up to ``limit`` rows (value, id, merged_into_id) after ``after``, merged ones included.

    A nullable order column (birth date) is read as "all rows with a value, then the rows
    without one, by id", in both directions: each segment is an index-friendly range.
    """
    column = _order_column(sort.order)
    nullable = sort.order is PersonOrder.BIRTH_DATE
    rows: list[tuple[Any, uuid.UUID, uuid.UUID | None]] = []
    if not nullable or after is None or after.value is not None:
        query = _key_query(column, sort.descending)
        if nullable:
            query = query.where(column.is_not(None))
        if after is not None:
            query = query.where(_after(column, after, sort.descending))
        rows.extend(tuple(row) for row in session.execute(query.limit(limit)))
        if not nullable or len(rows) >= limit:
            return rows
        after = None  # continue with the rows that have no value, from their start
    query = _key_query(Person.id, sort.descending).where(column.is_(None))
    if after is not None:
        id_after = (
            (Person.id < after.person_id) if sort.descending else (Person.id > after.person_id)
        )
        query = query.where(id_after)
    for _id_again, person_id, merged_into in session.execute(query.limit(limit - len(rows))):
        rows.append((None, person_id, merged_into))
    return rows


def _page_keys(
    session: Session, sort: PersonSort, after: PageKey | None, limit: int
) -> list[tuple[Any, uuid.UUID]]:
    """Up to ``limit`` (value, id) pairs of listed (not merged) persons after ``after``."""
    keys: list[tuple[Any, uuid.UUID]] = []
    position = after
    while len(keys) < limit:
        wanted = limit - len(keys)
        rows = _scan(session, sort, position, wanted)
        keys.extend((value, person_id) for value, person_id, merged in rows if merged is None)
        if len(rows) < wanted:
            break  # the end of the list
        position = PageKey(rows[-1][0], rows[-1][1])
    return keys


def page(
    session: Session,
    *,
    after: PageKey | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
    sort: PersonSort = PersonSort(),
    today: date | None = None,
) -> Page:
    """The next ``limit`` persons (merged ones excluded) in ``sort`` order after ``after``."""
    if limit < 1:
        raise ValueError("limit must be positive")
    keys = _page_keys(session, sort, after, limit + 1)
    more = len(keys) > limit
    keys = keys[:limit]
    if not keys:
        return Page((), None)
    ids = [person_id for _value, person_id in keys]
    people = {
        row.id: row
        for row in session.execute(
            select(
                Person.id,
                Person.file_number,
                Person.family_name,
                Person.given_names,
                Person.birth_date,
                Person.birth_date_precision,
                Person.municipality,
            ).where(Person.id.in_(ids))
        )
    }
    nationalities = _nationalities(session, ids)
    residence = _current_residence(session, ids, today or date.today())
    categories = _current_categories(session, ids, today or date.today())
    rows = tuple(
        PersonRow(
            id=person_id,
            file_number=people[person_id].file_number,
            family_name=people[person_id].family_name,
            given_names=people[person_id].given_names,
            birth_date=people[person_id].birth_date,
            birth_date_precision=people[person_id].birth_date_precision,
            nationalities=nationalities.get(person_id, ()),
            residence_status=status.status_code if (status := residence.get(person_id)) else None,
            legal_category=period.category if (period := categories.get(person_id)) else None,
            municipality=people[person_id].municipality,
        )
        for person_id in ids
    )
    last_value, last_id = keys[-1]
    return Page(rows, PageKey(last_value, last_id) if more else None)


def count(session: Session) -> int:
    """How many persons the list holds (merged ones excluded)."""
    query = select(func.count()).select_from(Person).where(Person.merged_into_id.is_(None))
    return int(session.execute(query).scalar_one())


def _nationalities(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[str, ...]]:
    result: dict[uuid.UUID, list[str]] = {}
    query = (
        select(PersonNationality.person_id, PersonNationality.country_code)
        .where(PersonNationality.person_id.in_(ids))
        .order_by(PersonNationality.person_id, PersonNationality.position)
    )
    for person_id, code in session.execute(query):
        result.setdefault(person_id, []).append(code)
    return {person_id: tuple(codes) for person_id, codes in result.items()}


def _latest_by_person(rows: Iterable[_Period]) -> dict[uuid.UUID, _Period]:
    """The entry with the latest start per person (rows ordered by start date)."""
    latest: dict[uuid.UUID, _Period] = {}
    for row in rows:
        latest[row.person_id] = row
    return latest


def _current_residence(
    session: Session, ids: Sequence[uuid.UUID], today: date
) -> dict[uuid.UUID, ResidenceStatus]:
    """The residence document in force: the latest that started on or before ``today``."""
    query = (
        select(ResidenceStatus)
        .where(ResidenceStatus.person_id.in_(ids), ResidenceStatus.valid_from <= today)
        .order_by(ResidenceStatus.valid_from, ResidenceStatus.created_at)
    )
    return _latest_by_person(session.scalars(query))


def _current_categories(
    session: Session, ids: Sequence[uuid.UUID], today: date
) -> dict[uuid.UUID, LegalCategoryPeriod]:
    query = (
        select(LegalCategoryPeriod)
        .where(LegalCategoryPeriod.person_id.in_(ids), LegalCategoryPeriod.valid_from <= today)
        .order_by(LegalCategoryPeriod.valid_from, LegalCategoryPeriod.created_at)
    )
    return _latest_by_person(session.scalars(query))


def person_detail(
    session: Session, person_id: uuid.UUID, today: date | None = None
) -> PersonDetail:
    """All the detail pane shows about one person; ``NotFound`` if there is no such person."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"no person with id {person_id}", german="Person nicht gefunden.")
    today = today or date.today()
    residence = _current_residence(session, [person.id], today).get(person.id)
    category = _current_categories(session, [person.id], today).get(person.id)
    household: Household | None = person.household
    household_size = 0
    if household is not None:
        household_size = int(
            session.execute(
                select(func.count())
                .select_from(Person)
                .where(Person.household_id == household.id, Person.merged_into_id.is_(None))
            ).scalar_one()
        )
    case_count = int(
        session.execute(
            select(func.count()).select_from(Case).where(Case.person_id == person.id)
        ).scalar_one()
    )
    languages = session.execute(
        select(PersonLanguage.language_code, PersonLanguage.cefr_level)
        .where(PersonLanguage.person_id == person.id)
        .order_by(PersonLanguage.position)
    )
    return PersonDetail(
        id=person.id,
        file_number=person.file_number,
        family_name=person.family_name,
        given_names=person.given_names,
        family_name_original=person.family_name_original,
        given_names_original=person.given_names_original,
        birth_date=person.birth_date,
        birth_date_precision=person.birth_date_precision,
        sex=person.sex,
        nationalities=_nationalities(session, [person.id]).get(person.id, ()),
        languages=tuple(LanguageSkill(code, level) for code, level in languages),
        interpreter_language=person.interpreter_language,
        phone=person.phone,
        email=person.email,
        street=person.street,
        postcode=person.postcode,
        city=person.city,
        municipality=person.municipality,
        arrival_date=person.arrival_date,
        residence=ResidenceInfo(
            residence.status_code,
            residence.work_permission,
            residence.valid_from,
            residence.valid_until,
        )
        if residence
        else None,
        legal_category=LegalCategoryInfo(
            category.category, category.valid_from, category.valid_until
        )
        if category
        else None,
        household=household.label if household else None,
        household_size=household_size,
        case_count=case_count,
    )
