"""Reading persons for the client list (Qt-free, one Session per action).

One person's whole file (the detail pane, the case file, ``case show``) is read by
:func:`mzdesk.core.services.person_file.load`: there is one way to load it.

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

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.models import (
    BirthDatePrecision,
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    PersonNationality,
    ResidenceStatus,
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


def _visible(session: Session) -> ColumnElement[bool]:
    """Only the persons the acting user may see (nothing added for the program itself)."""
    if access.actor(session) is None:
        return true()
    return access.visible_persons(session)


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
    visible = _visible(session)
    rows: list[tuple[Any, uuid.UUID, uuid.UUID | None]] = []
    if not nullable or after is None or after.value is not None:
        query = _key_query(column, sort.descending).where(visible)
        if nullable:
            query = query.where(column.is_not(None))
        if after is not None:
            query = query.where(_after(column, after, sort.descending))
        rows.extend(tuple(row) for row in session.execute(query.limit(limit)))
        if not nullable or len(rows) >= limit:
            return rows
        after = None  # continue with the rows that have no value, from their start
    query = _key_query(Person.id, sort.descending).where(column.is_(None), visible)
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
    query = (
        select(func.count())
        .select_from(Person)
        .where(Person.merged_into_id.is_(None), _visible(session))
    )
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
