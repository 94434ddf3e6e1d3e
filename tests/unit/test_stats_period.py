"""Periods: years, quarters, months, from–to, and the one-line errors."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from mzdesk.core.stats.common import median_from_histogram
from mzdesk.core.stats.period import InvalidPeriod, Period, make_period, parse_date


def test_constructors() -> None:
    assert (Period.year(2025).start, Period.year(2025).end) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    q = Period.quarter(2024, 1)
    assert (q.start, q.end, q.label) == (date(2024, 1, 1), date(2024, 3, 31), "Q1/2024")
    m = Period.month(2024, 2)
    assert m.end == date(2024, 2, 29)  # leap year
    assert Period.month(2025, 12).end == date(2025, 12, 31)
    assert Period.year(2025).utc_bounds() == (
        datetime(2025, 1, 1, tzinfo=UTC),
        datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_make_period_and_dates() -> None:
    assert make_period(year=2025, quarter=3).start == date(2025, 7, 1)
    assert make_period(start="01.02.2025", end="2025-02-28").end == date(2025, 2, 28)
    assert parse_date(" 2025-3-5 ") == date(2025, 3, 5)


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"year": 2025, "quarter": 5},
        {"year": 2025, "month": 0},
        {"year": 2025, "quarter": 1, "month": 1},
        {"year": 2025, "start": "2025-01-01", "end": "2025-01-02"},
        {"start": "2025-01-01"},
        {"start": "2025-02-01", "end": "2025-01-31"},
        {"start": "31.02.2025", "end": "2025-03-01"},
        {"year": 1800},
    ],
)
def test_invalid(options: dict[str, object]) -> None:
    with pytest.raises(InvalidPeriod) as error:
        make_period(**options)  # type: ignore[arg-type]
    assert "\n" not in str(error.value)


def test_median_from_histogram() -> None:
    assert median_from_histogram({}) is None
    assert median_from_histogram({3: 1, 7: 1}) == 5.0
    assert median_from_histogram({2: 1, 5: 1, 9: 1}) == 5.0
    assert median_from_histogram({1: 3, 10: 1}) == 1.0
    assert median_from_histogram({1: 2, 10: 2}) == 5.5
