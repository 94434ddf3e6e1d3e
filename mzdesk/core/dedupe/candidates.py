"""Finding likely duplicates in the database: for one new person, or over all persons.

Name keys have no column: they are computed in memory (cached per distinct name). For one
probe (intake) only the persons born in the probe's birth year, those without a birth date,
and those with the same phone number are read (indexed ``birth_date``); a probe without a
birth date reads every person's names. For the whole database the index of blocking keys is
built once per run.

Common names need more evidence (``frequency``): the whole-database run counts every name key
once; the intake check counts the probe's namesakes among the persons of the year it read.
A pair is scored once without that penalty and, only when it passes, once more with it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.dedupe.blocking import Key, blocking_keys, name_pairs
from mzdesk.core.dedupe.frequency import NameFrequency, observed_namesakes
from mzdesk.core.dedupe.scoring import DEFAULT_THRESHOLD, PersonProbe, score
from mzdesk.core.models import BirthDatePrecision, Person, PersonNationality

# A block this large says nothing (e.g. a phone number shared by a whole shelter): skipped.
MAX_BLOCK = 400
_CHUNK = 5000


@dataclass(frozen=True)
class StoredPerson:
    """A person as the duplicate check sees it: identity for display, facts for matching."""

    id: uuid.UUID
    file_number: str
    probe: PersonProbe


@dataclass(frozen=True)
class Candidate:
    """An existing person who may be the probe, with the score and the reasons."""

    person_id: uuid.UUID
    file_number: str
    family_name: str
    given_names: str
    birth_date: date | None
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DuplicatePair:
    a: StoredPerson
    b: StoredPerson
    score: float
    reasons: tuple[str, ...]


_COLUMNS = (
    Person.id,
    Person.file_number,
    Person.family_name,
    Person.given_names,
    Person.birth_date,
    Person.birth_date_precision,
    Person.phone,
    Person.sex,
)


def _query() -> Select[*tuple[Any, ...]]:
    return select(*_COLUMNS).where(Person.merged_into_id.is_(None), Person.anonymised_on.is_(None))


def _nationalities(session: Session, ids: Sequence[uuid.UUID] | None) -> dict[uuid.UUID, list[str]]:
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    query = select(PersonNationality.person_id, PersonNationality.country_code).order_by(
        PersonNationality.person_id, PersonNationality.position
    )
    if ids is None:
        for person_id, code in session.execute(query):
            found[person_id].append(code)
        return found
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for person_id, code in session.execute(query.where(PersonNationality.person_id.in_(chunk))):
            found[person_id].append(code)
    return found


def _stored(rows: Sequence[Any], nationalities: dict[uuid.UUID, list[str]]) -> list[StoredPerson]:
    return [
        StoredPerson(
            id=row.id,
            file_number=row.file_number,
            probe=PersonProbe(
                family_name=row.family_name,
                given_names=row.given_names,
                birth_date=row.birth_date,
                birth_date_precision=row.birth_date_precision or BirthDatePrecision.EXACT,
                nationalities=tuple(nationalities.get(row.id, ())),
                phone=row.phone,
                sex=row.sex,
            ),
        )
        for row in rows
    ]


def load_persons(session: Session) -> list[StoredPerson]:
    """Every listed (not merged, not anonymised) person's matching facts (of those the
    acting user may see)."""
    access.require(session, access.Action.READ_PERSON)
    rows = session.execute(_query()).all()
    return _stored(rows, _nationalities(session, None))


def _shares_key(probe: PersonProbe, probe_keys: set[Key], other: PersonProbe) -> bool:
    if probe_keys & blocking_keys(other):
        return True
    if probe.birth_date is None or other.birth_date is None:
        return bool(name_pairs(probe) & name_pairs(other))
    return False


def find_candidates(
    session: Session,
    probe: PersonProbe,
    limit: int = 10,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    exclude: uuid.UUID | None = None,
) -> list[Candidate]:
    """Existing persons who are likely ``probe``, best first (at most ``limit``), of those the
    acting user may see."""
    access.require(session, access.Action.READ_PERSON)
    query = _query()
    conditions: list[ColumnElement[bool]] = []
    if probe.birth_date is not None:
        year = probe.birth_date.year
        conditions.append(Person.birth_date.between(date(year, 1, 1), date(year, 12, 31)))
        conditions.append(Person.birth_date.is_(None))
        if probe.phone_digits:
            conditions.append(Person.search_text.contains(probe.phone_digits, autoescape=True))
        query = query.where(or_(*conditions))
    if exclude is not None:
        query = query.where(Person.id != exclude)
    rows = session.execute(query).all()
    probe_keys = blocking_keys(probe)
    nearby = [row for row in _stored(rows, {}) if _shares_key(probe, probe_keys, row.probe)]
    nationalities = _nationalities(session, [row.id for row in nearby])
    return scored_candidates(probe, _stored_with(nearby, nationalities), threshold)[:limit]


def scored_candidates(
    probe: PersonProbe, stored_persons: Sequence[StoredPerson], threshold: float
) -> list[Candidate]:
    """The stored persons likely ``probe``, best first. Namesakes among ``stored_persons``
    (those that share a blocking key with the probe) lower a common name's score."""
    population = [stored.probe for stored in stored_persons]
    found: list[Candidate] = []
    for stored in stored_persons:
        match = score(probe, stored.probe)
        if match.score >= threshold:
            namesakes = observed_namesakes(probe, stored.probe, population)
            match = score(probe, stored.probe, namesakes=namesakes)
        if match.score >= threshold:
            found.append(
                Candidate(
                    person_id=stored.id,
                    file_number=stored.file_number,
                    family_name=stored.probe.family_name,
                    given_names=stored.probe.given_names,
                    birth_date=stored.probe.birth_date,
                    score=match.score,
                    reasons=match.reasons,
                )
            )
    found.sort(key=lambda candidate: (-candidate.score, candidate.file_number))
    return found


def _stored_with(
    persons: Sequence[StoredPerson], nationalities: dict[uuid.UUID, list[str]]
) -> list[StoredPerson]:
    return [
        StoredPerson(
            id=person.id,
            file_number=person.file_number,
            probe=PersonProbe(
                family_name=person.probe.family_name,
                given_names=person.probe.given_names,
                birth_date=person.probe.birth_date,
                birth_date_precision=person.probe.birth_date_precision,
                nationalities=tuple(nationalities.get(person.id, ())),
                phone=person.probe.phone,
                sex=person.probe.sex,
            ),
        )
        for person in persons
    ]


def candidate_pairs(persons: Sequence[StoredPerson]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of persons sharing a blocking key, each pair once."""
    blocks: dict[Key, list[int]] = defaultdict(list)
    dated_by_names: dict[tuple[str, str], list[int]] = defaultdict(list)
    undated: list[int] = []
    for index, person in enumerate(persons):
        for key in blocking_keys(person.probe):
            blocks[key].append(index)
        if person.probe.birth_date is None:
            undated.append(index)
        else:
            for names in name_pairs(person.probe):
                dated_by_names[names].append(index)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for first, second in combinations(members, 2):
            pair = (first, second) if first < second else (second, first)
            if pair not in seen:
                seen.add(pair)
                yield pair
    for index in undated:  # no birth date: compared with the same names in every year
        for names in name_pairs(persons[index].probe):
            for other in dated_by_names.get(names, [])[:MAX_BLOCK]:
                found = (index, other) if index < other else (other, index)
                if found not in seen:
                    seen.add(found)
                    yield found


def find_duplicate_pairs(
    session: Session, *, threshold: float = DEFAULT_THRESHOLD
) -> Iterator[DuplicatePair]:
    """Likely duplicate pairs among the persons the acting user may see (in blocking order,
    not sorted): the same rights as reading a person; the scope keeps to the user's team."""
    access.require(session, access.Action.READ_PERSON)
    return _pairs(session, threshold)


def _pairs(session: Session, threshold: float) -> Iterator[DuplicatePair]:
    persons = load_persons(session)
    frequency = NameFrequency(person.probe for person in persons)
    for first, second in candidate_pairs(persons):
        a, b = persons[first], persons[second]
        match = score(a.probe, b.probe)
        if match.score < threshold:
            continue
        match = score(a.probe, b.probe, namesakes=frequency.namesakes(a.probe, b.probe))
        if match.score >= threshold:
            yield DuplicatePair(a=a, b=b, score=match.score, reasons=match.reasons)
