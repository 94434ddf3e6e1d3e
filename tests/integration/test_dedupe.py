"""Duplicate search in the database on SQLite and PostgreSQL: intake probe and whole-DB pairs."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.dedupe import PersonProbe, find_candidates, find_duplicate_pairs
from mzdesk.core.models import BirthDatePrecision, Person, PersonNationality


def _person(number: int, family: str, given: str, born: date | None, **extra: object) -> Person:
    nationality = extra.pop("nationality", "SY")
    person = Person(
        file_number=f"MZ-2024-{number:06d}", family_name=family, given_names=given, birth_date=born
    )
    for key, value in extra.items():
        setattr(person, key, value)
    person.nationalities.append(PersonNationality(country_code=str(nationality)))
    return person


@pytest.fixture
def people(database: Database) -> dict[str, uuid.UUID]:
    persons = {
        "mohammed": _person(1, "Al-Hassan", "Mohammed", date(1990, 3, 5)),
        "muhammad": _person(2, "Alhasan", "Muhammad", date(1990, 3, 5)),
        "other_year": _person(3, "Al-Hassan", "Mohammed", date(1984, 7, 1)),
        "swapped": _person(
            4,
            "Olena",
            "Kovalenko",
            date(1983, 1, 1),
            nationality="UA",
            birth_date_precision=BirthDatePrecision.PLACEHOLDER,
        ),
        "olena": _person(5, "Kovalenko", "Elena", date(1983, 5, 12), nationality="UA"),
        "sibling": _person(6, "Kovalenko", "Oksana", date(1985, 2, 2), nationality="UA"),
        "merged": _person(7, "Alhassan", "Mohamad", date(1990, 3, 5)),
    }
    with database.session() as session:
        session.add_all(persons.values())
        session.flush()
        persons["merged"].merged_into_id = persons["mohammed"].id
        session.commit()
        return {key: person.id for key, person in persons.items()}


def test_whole_database_pairs(database: Database, people: dict[str, uuid.UUID]) -> None:
    with database.session() as session:
        pairs = list(find_duplicate_pairs(session))
    found = {frozenset((pair.a.id, pair.b.id)): pair for pair in pairs}
    variant = found[frozenset((people["mohammed"], people["muhammad"]))]
    assert "name_key" in variant.reasons and "birth_date" in variant.reasons
    swapped = found[frozenset((people["swapped"], people["olena"]))]
    assert {"names_swapped", "birth_year_placeholder", "nationality"} <= set(swapped.reasons)
    assert len(found) == 2  # not the other birth year, not the sibling, never a merged person
    assert all(people["merged"] not in key for key in found)


def test_intake_probe_finds_the_variant(database: Database, people: dict[str, uuid.UUID]) -> None:
    probe = PersonProbe("Al Hasan", "Mohamed", date(1990, 3, 5), nationalities=("SY",))
    with database.session() as session:
        found = find_candidates(session, probe)
        excluded = find_candidates(session, probe, exclude=people["mohammed"])
        undated = find_candidates(session, PersonProbe("Kovalenko", "Olena", None), threshold=0.5)
    assert {candidate.person_id for candidate in found} == {people["mohammed"], people["muhammad"]}
    assert found[0].score >= found[-1].score
    assert {candidate.person_id for candidate in excluded} == {people["muhammad"]}
    assert people["olena"] in {candidate.person_id for candidate in undated}
    assert people["sibling"] not in {candidate.person_id for candidate in undated}


def test_intake_probe_by_phone_in_another_year(database: Database) -> None:
    with database.session() as session:
        session.add(_person(1, "Saleh", "Rasha", date(1991, 6, 16), phone="+49 176 5550123"))
        session.commit()
    probe = PersonProbe("Salih", "Rasha", None, phone="0176 5550123", nationalities=("SY",))
    with database.session() as session:
        found = find_candidates(session, probe, threshold=0.6)
    assert [candidate.file_number for candidate in found] == ["MZ-2024-000001"]
    assert "phone" in found[0].reasons


def test_cli_dedupe_json(
    database: Database,
    people: dict[str, uuid.UUID],
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["dedupe", "--db", database_url, "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["total"] == 2
    top = output["pairs"][0]
    assert {top["a"], top["b"]} == {str(people["mohammed"]), str(people["muhammad"])}
    assert 0.75 <= top["score"] <= 1.0
    assert "name_key" in top["reasons"]
    assert "Mohammed" not in json.dumps(output)  # names only in the text listing
    assert main(["dedupe", "--db", database_url, "--limit", "1"]) == 0
    text = capsys.readouterr()
    assert "Al-Hassan, Mohammed" in text.out and "Kovalenko" not in text.out
    assert "2 likely duplicate pairs (showing 1)" in text.err


@pytest.fixture
def namesakes(database: Database) -> dict[str, uuid.UUID]:
    """80 persons named Mohammad/Mohammed/Muhammad Ahmadi born 1980-1999, four a year (half
    with the 01.01. placeholder), plus real duplicates that carry more evidence than the year."""
    spellings = ("Mohammad", "Mohammed", "Muhammad", "Mohamad")
    persons: list[Person] = []
    for index in range(80):
        year = 1980 + index // 4
        placeholder = index % 2 == 0
        born = date(year, 1, 1) if placeholder else date(year, 2 + index % 4, 10 + index % 4)
        precision = BirthDatePrecision.PLACEHOLDER if placeholder else BirthDatePrecision.EXACT
        persons.append(
            _person(
                100 + index,
                "Ahmadi",
                spellings[index % 4],
                born,
                nationality="AF",
                birth_date_precision=precision,
            )
        )
    extra = {
        "phone_a": _person(
            1,
            "Ahmadi",
            "Mohammad",
            date(1990, 1, 1),
            nationality="AF",
            phone="0176 9990001",
            birth_date_precision=BirthDatePrecision.PLACEHOLDER,
        ),
        "phone_b": _person(
            2, "Ahmadi", "Muhammad", date(1990, 7, 23), nationality="AF", phone="+49 176 9990001"
        ),
        "exact_a": _person(3, "Ahmadi", "Mohammed", date(1985, 11, 27), nationality="AF"),
        "exact_b": _person(4, "Ahmady", "Mohamad", date(1985, 11, 27), nationality="AF"),
        "rare_a": _person(
            5,
            "Cismaan",
            "Cali Yusuf",
            date(1960, 1, 1),
            nationality="SO",
            birth_date_precision=BirthDatePrecision.PLACEHOLDER,
        ),
        "rare_b": _person(6, "Cismaan", "Cali", date(1960, 3, 21), nationality="SO"),
    }
    with database.session() as session:
        session.add_all(persons)
        session.add_all(extra.values())
        session.commit()
        return {key: person.id for key, person in extra.items()}


def test_common_names_do_not_flood(database: Database, namesakes: dict[str, uuid.UUID]) -> None:
    with database.session() as session:
        pairs = list(find_duplicate_pairs(session))
        unpenalised = list(find_duplicate_pairs(session, threshold=0.6))
    found = {frozenset((pair.a.id, pair.b.id)) for pair in pairs}
    assert found == {
        frozenset((namesakes["phone_a"], namesakes["phone_b"])),
        frozenset((namesakes["exact_a"], namesakes["exact_b"])),
        frozenset((namesakes["rare_a"], namesakes["rare_b"])),
    }
    assert len(unpenalised) > 40  # the namesakes share name key and year: a flood without it


def test_intake_probe_with_a_common_name(
    database: Database, namesakes: dict[str, uuid.UUID]
) -> None:
    placeholder = PersonProbe(
        "Ahmadi",
        "Mohammed",
        date(1987, 1, 1),
        BirthDatePrecision.PLACEHOLDER,
        nationalities=("AF",),
    )
    exact = PersonProbe("Ahmadi", "Mohammad", date(1985, 11, 27), nationalities=("AF",))
    rare = PersonProbe("Cismaan", "Cali", date(1960, 5, 5), nationalities=("SO",))
    with database.session() as session:
        assert find_candidates(session, placeholder) == []  # four namesakes born in 1987
        by_date = {candidate.person_id for candidate in find_candidates(session, exact)}
        by_year = {candidate.person_id for candidate in find_candidates(session, rare)}
    assert by_date == {namesakes["exact_a"], namesakes["exact_b"]}
    assert namesakes["rare_a"] in by_year
