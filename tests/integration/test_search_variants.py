"""Issue #17: search while typing finds a person under another spelling (counsellor walk
item 9: "hadad" found nobody although Haddad, Yousef exists), on SQLite and PostgreSQL.

Exact and prefix matches come first (``rows``); persons found only under a spelling variant
follow as ``similar`` ("ähnliche Schreibweise"). The variant knowledge is the duplicate
check's (``dedupe.keys``), so a person found by one is found by the other. All names are
synthetic combinations, never real people.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from mzdesk.core.database import Database
from mzdesk.core.dedupe.scoring import PersonProbe, score
from mzdesk.core.models import Person
from mzdesk.core.services import search

PEOPLE = {
    "haddad": ("Haddad", "Yousef", None, None),
    "hadad": ("Hadad", "Jusuf", None, None),
    "mustafa": ("Karimi", "Mustafa", None, None),
    "ibrahim": ("Yılmaz", "İbrahim", None, None),
    "pjotr": ("Kowalenko", "Pjotr", "Коваленко", "Пётр"),
    "tatjana": ("Schewtschenko", "Tatjana", None, None),
    "mohammed": ("Al-Ahmad", "Mohammed", "الأحمد", "محمد"),
    "abdulrahman": ("Sultani", "Abdulrahman", None, None),
    "hadi": ("Hadi", "Samira", None, None),
    "hussein": ("Hussein", "Omid", None, None),
    "mykola": ("Bondarenko", "Mykola", "Бондаренко", "Микола"),
    "kateryna": ("Melnyk", "Kateryna", None, None),
}


def _add(database: Database) -> dict[str, uuid.UUID]:
    ids = {}
    with database.session() as session:
        for number, (key, (family, given, family_orig, given_orig)) in enumerate(PEOPLE.items()):
            person = Person(
                family_name=family,
                given_names=given,
                family_name_original=family_orig,
                given_names_original=given_orig,
                file_number=f"MZ-2026-{number + 1:06d}",
                birth_date=date(1990, 1, 1 + number),
            )
            session.add(person)
            session.flush()
            ids[key] = person.id
        session.commit()
    return ids


def _found(database: Database, typed: str) -> tuple[list[str], list[str]]:
    """(exact and prefix matches, similar spellings) as family names, in their order."""
    with database.session() as session:
        page = search.search_page(session, typed)
    return [r.family_name for r in page.rows], [r.family_name for r in page.similar]


@pytest.mark.parametrize(
    ("typed", "similar"),
    [
        ("hadad", ["Haddad"]),  # the walk's case: the exact Hadad first, Haddad as variant
        ("mostafa", ["Karimi"]),
        ("ebrahim", ["Yılmaz"]),
        ("Petro", ["Kowalenko"]),  # Ukrainian Petro = Russian Pjotr / Пётр
        ("tetiana", ["Schewtschenko"]),  # Ukrainian passport form of Tatjana
        ("muhammad", ["Al-Ahmad"]),
        ("يوسف", ["Haddad", "Hadad"]),  # Arabic script read with its vowels: Yousef, Jusuf
        ("Абдулрахман", ["Sultani"]),  # Cyrillic input
        ("Nikolai", ["Bondarenko"]),  # Russian form of Ukrainian Mykola (resources/names)
        ("Николай", ["Bondarenko"]),  # the same in Cyrillic
        ("jekaterina", ["Melnyk"]),  # Duden form of Kateryna
    ],
)
def test_a_spelling_variant_is_found_after_the_exact_matches(
    database: Database, typed: str, similar: list[str]
) -> None:
    _add(database)
    exact, variants = _found(database, typed)
    assert sorted(variants) == sorted(similar)
    assert not set(exact) & set(variants)


def test_exact_and_prefix_matches_come_first(database: Database) -> None:
    _add(database)
    assert _found(database, "hadad") == (["Hadad"], ["Haddad"])
    assert _found(database, "haddad") == (["Haddad"], ["Hadad"])
    assert _found(database, "kowal")[0] == ["Kowalenko"]


def test_family_and_given_names_in_either_order_and_as_variants(database: Database) -> None:
    _add(database)
    assert _found(database, "jusuf hadad") == (["Hadad"], ["Haddad"])
    # most alike first: Hadad Jusuf reads exactly as "haddad yusuf", Haddad Yousef nearly
    assert _found(database, "haddad yusuf") == ([], ["Hadad", "Haddad"])
    assert _found(database, "yusuf haddad") == ([], ["Hadad", "Haddad"])


def test_different_names_are_not_offered_as_variants(database: Database) -> None:
    """Hadi is not Hadad, Hussein not Hasan: names that merely share consonants stay out."""
    _add(database)
    assert "Hadi" not in _found(database, "hadad")[1]
    assert _found(database, "hasan") == ([], [])


def test_an_arabic_query_finds_the_arabic_original_exactly_and_the_latin_by_sound(
    database: Database,
) -> None:
    _add(database)
    assert _found(database, "محمد") == (["Al-Ahmad"], [])  # the original script, exactly
    assert _found(database, "mohamed") == ([], ["Al-Ahmad"])


def test_a_search_that_is_still_broad_offers_no_variants(database: Database) -> None:
    """Variants only once every exact match is on the first page (the user has narrowed it)."""
    _add(database)
    with database.session() as session:
        page = search.search_page(session, "hadad", limit=1)  # the exact match fills the page
        assert page.next_key is None and page.similar
        page = search.search_page(session, "h", limit=1)
        assert page.next_key is not None and page.similar == ()


def test_search_and_the_duplicate_check_share_the_knowledge_of_spellings(
    database: Database,
) -> None:
    """Whom the search offers as a variant, the duplicate check rates as alike by name."""
    ids = _add(database)
    _, variants = _found(database, "hadad jusuf")
    assert variants == ["Haddad"]
    match = score(PersonProbe("Hadad", "Jusuf"), PersonProbe("Haddad", "Yousef"))
    assert "name_key" in match.reasons
    assert ids  # the records exist on this backend


def test_a_variant_is_found_behind_many_persons_who_only_share_its_key(
    database: Database,
) -> None:
    """The walk's case at county scale: 'Hoda' has the key of 'hadad' too (hd), and 250
    persons named Hoda sort before Haddad; Haddad must still be offered."""
    with database.session() as session:
        for number in range(search.SIMILAR_CANDIDATES + 50):
            session.add(
                Person(
                    family_name="Abbas",
                    given_names="Hoda",
                    file_number=f"MZ-2026-{number + 100:06d}",
                    birth_date=date(1980, 1, 1),
                )
            )
        session.add(
            Person(
                family_name="Haddad",
                given_names="Yousef",
                file_number="MZ-2026-000001",
                birth_date=date(1990, 1, 1),
            )
        )
        session.commit()
    assert _found(database, "hadad") == ([], ["Haddad"])
