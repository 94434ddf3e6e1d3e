"""Birth dates as the client list shows them."""

from __future__ import annotations

from datetime import date

from mzdesk.core.models import BirthDatePrecision
from mzdesk.core.services.persons import format_birth_date, format_date


def test_exact_date_is_german() -> None:
    assert format_birth_date(date(1990, 12, 24), BirthDatePrecision.EXACT) == "24.12.1990"


def test_year_only_shows_the_year() -> None:
    assert format_birth_date(date(1990, 1, 1), BirthDatePrecision.YEAR) == "1990"


def test_placeholder_shows_the_printed_date() -> None:
    assert format_birth_date(date(1990, 1, 1), BirthDatePrecision.PLACEHOLDER) == "01.01.1990"


def test_missing_dates_are_empty() -> None:
    assert format_birth_date(None, BirthDatePrecision.EXACT) == ""
    assert format_date(None) == ""
    assert format_date(date(2024, 3, 5)) == "05.03.2024"
