"""German date entry: every accepted form reads back to the same day; the rest is refused."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mzdesk.core.datetext import DateTextError, format_date, parse_date
from mzdesk.core.models.enums import BirthDatePrecision

TODAY = date(2026, 11, 24)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(dates)
def test_german_and_iso_text_read_back_to_the_same_day(value: date) -> None:
    german = f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    short = f"{value.day}.{value.month}.{value.year}"
    for text in (german, short, value.isoformat(), f"  {german} "):
        parsed = parse_date(text, today=TODAY)
        assert parsed is not None
        assert parsed.value == value
        assert parsed.precision is BirthDatePrecision.EXACT
    assert format_date(value) == german


@given(dates)
def test_placeholder_is_offered_exactly_for_the_first_of_january(value: date) -> None:
    parsed = parse_date(format_date(value), today=TODAY)
    assert parsed is not None
    assert parsed.placeholder_possible == (value.month == 1 and value.day == 1)


@given(st.integers(min_value=1900, max_value=2100))
def test_a_year_alone_is_a_year_where_allowed(year: int) -> None:
    parsed = parse_date(str(year), allow_year=True, today=TODAY)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (date(year, 1, 1), BirthDatePrecision.YEAR)
    assert not parsed.placeholder_possible  # a year is not a typed 01.01.
    assert format_date(parsed.value, parsed.precision) == str(year)
    with pytest.raises(DateTextError):
        parse_date(str(year), today=TODAY)


@given(dates.filter(lambda d: d <= TODAY and d.year > TODAY.year - 100))
def test_two_digit_birth_years_are_never_in_the_future(value: date) -> None:
    parsed = parse_date(f"{value.day}.{value.month}.{value.year % 100:02d}", past=True, today=TODAY)
    assert parsed is not None
    assert parsed.value == value


@given(dates.filter(lambda d: abs(d.year - TODAY.year) < 50))
def test_two_digit_years_of_other_dates_are_the_nearest(value: date) -> None:
    parsed = parse_date(f"{value.day}.{value.month}.{value.year % 100:02d}", today=TODAY)
    assert parsed is not None
    assert parsed.value == value


@pytest.mark.parametrize(
    ("text", "past", "expected"),
    [
        ("24.11.2026", False, date(2026, 11, 24)),
        ("24.11.26", False, date(2026, 11, 24)),
        ("30.11.26", True, date(1926, 11, 30)),  # a birth date six days ahead: last century
        ("05.03.24", True, date(2024, 3, 5)),
        ("01.02.85", False, date(1985, 2, 1)),
        ("24.11.31", False, date(2031, 11, 24)),
        ("1988-03-14", False, date(1988, 3, 14)),
    ],
)
def test_examples(text: str, past: bool, expected: date) -> None:
    parsed = parse_date(text, past=past, today=TODAY)
    assert parsed is not None and parsed.value == expected


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_is_no_date(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "german"),
    [
        ("24.11.", "Das Jahr fehlt"),
        ("24.11", "Das Jahr fehlt"),
        ("24.", "Das Jahr fehlt"),
        ("24.11.202", "Das Jahr fehlt"),
        ("31.02.2020", "gibt es nicht"),
        ("12.13.2020", "Monat 13"),
        ("2023-02-29", "gibt es nicht"),
        ("01.01.1850", "außerhalb"),
        ("gestern", "Kein Datum"),
        ("24/11/2026", "Kein Datum"),
    ],
)
def test_half_typed_and_impossible_dates_are_refused_in_german(text: str, german: str) -> None:
    with pytest.raises(DateTextError) as caught:
        parse_date(text, allow_year=True, today=TODAY)
    assert german in caught.value.german
    assert "\n" not in str(caught.value)


@given(st.text(max_size=12))
def test_any_text_is_a_date_none_or_a_date_error(text: str) -> None:
    try:
        parsed = parse_date(text, allow_year=True, past=True, today=TODAY)
    except DateTextError as error:
        assert error.german and str(error)
    else:
        assert parsed is None or 1900 <= parsed.value.year <= 2100
