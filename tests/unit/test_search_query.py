"""Parsing what is typed into the search field (no database): tokens, dates, phones."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from mzdesk.core.names import person_search_text, phone_key
from mzdesk.core.services.search import MAX_TOKENS, parse_query

TODAY = date(2026, 11, 25)
TOKEN = re.compile(r"^[a-z0-9]+$")


def tokens(raw: str) -> tuple[str, ...]:
    return parse_query(raw, TODAY).tokens


def test_names_fold_to_ascii_in_any_script() -> None:
    assert tokens("Ağaoğlu") == ("agaoglu",)
    assert tokens("  Олена   Коваленко ") == ("olena", "kovalenko")
    assert tokens("Müller-Lüdenscheidt") == ("muller", "ludenscheidt")
    assert tokens("Straße") == ("strasse",)
    assert tokens("حداد") == tokens("حداد ")  # Arabic folds (anyascii) the same way every time
    assert tokens("حداد") and all(TOKEN.match(token) for token in tokens("حداد"))


def test_dates_become_one_token() -> None:
    assert tokens("24.11.1990") == ("19901124",)
    assert tokens("1990-11-24") == ("19901124",)
    assert tokens("4.1.1990") == ("19900104",)
    assert tokens("24.11.90") == ("19901124",)
    assert tokens("24.11.25") == ("20251124",)  # two digits: the latest past century
    assert tokens("31.02.1990") == ("31", "02", "1990")  # not a date: plain numbers
    assert tokens("ahmet 24.11.1990") == ("ahmet", "19901124")


def test_phone_numbers_in_any_formatting() -> None:
    expected = ("01761234567",)
    for typed in (
        "0176 1234567",
        "0176/123 45 67",
        "(0176) 123-4567",
        "+49 176 1234567",
        "+49 (0)176 1234567",
        "0049 176 1234567",
        "+491761234567",
    ):
        assert tokens(typed) == expected, typed
    assert tokens("+963 944 123") == ("00963944123",)
    assert tokens("ahmet +49176") == ("ahmet", "0176")


def test_file_numbers_split_into_parts() -> None:
    assert tokens("MZ-2024-000123") == ("mz", "2024", "000123")
    assert tokens("mz 2019") == ("mz", "2019")


def test_duplicates_and_too_many_words_are_dropped() -> None:
    assert tokens("ali ali Ali") == ("ali",)
    assert len(tokens(" ".join(f"w{index}" for index in range(30)))) == MAX_TOKENS


def test_nothing_searchable_is_empty() -> None:
    for typed in ("", "   ", "-", "...", '"*', "(", "+"):
        assert parse_query(typed, TODAY).is_empty, typed


def test_phone_key() -> None:
    assert phone_key(None) == ""
    assert phone_key("0151-98 76") == "01519876"
    assert phone_key("+49 151 9876") == phone_key("0049 151 9876") == "01519876"


@given(st.text(max_size=80))
def test_parse_query_never_raises_and_tokens_are_safe(raw: str) -> None:
    query = parse_query(raw)
    assert len(query.tokens) <= MAX_TOKENS
    assert len(set(query.tokens)) == len(query.tokens)
    for token in query.tokens:
        assert TOKEN.match(token), token  # safe inside FTS5 quotes and a tsquery
    assert query.fts5().count('"') == 2 * len(query.tokens)


NAME = st.text(
    alphabet=st.characters(categories=["Lu", "Ll", "Lo", "Mn"], max_codepoint=0x2FFF),
    min_size=1,
    max_size=20,
)


@given(NAME, NAME)
def test_a_person_is_found_by_the_names_as_written(family: str, given_names: str) -> None:
    """Every token of a query made of the person's own names prefixes one of their tokens."""
    indexed = person_search_text(family_name=family, given_names=given_names).split()
    for typed in (family, given_names, f"{given_names} {family}", family[:3]):
        for token in tokens(typed):
            assert any(word.startswith(token) for word in indexed), (typed, token)


@given(NAME, NAME)
def test_the_original_script_is_searchable(latin: str, original: str) -> None:
    indexed = person_search_text(
        family_name=latin, given_names="", family_name_original=original
    ).split()
    for token in tokens(original):
        assert any(word.startswith(token) for word in indexed)
