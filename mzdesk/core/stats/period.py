"""The period a statistic covers: a year, a quarter, a month or any from–to range of days.

Both ends are inclusive calendar days. A placement, referral, event or new case counts in the
period its date falls in; timestamps (contacts) are compared in UTC, from the first day's
00:00 to the day after the last day's 00:00.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from mzdesk.core.errors import MzdeskError

MIN_YEAR, MAX_YEAR = 1990, 2100


class InvalidPeriod(MzdeskError):
    """A period that cannot be: bad date, end before start, a month 13."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidPeriod(
                f"period ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()})",
                german="Der Zeitraum endet vor seinem Beginn.",
            )

    @classmethod
    def year(cls, year: int) -> Period:
        _check_year(year)
        return cls(date(year, 1, 1), date(year, 12, 31), str(year))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        _check_year(year)
        if not 1 <= quarter <= 4:
            raise InvalidPeriod(f"quarter must be 1 to 4, not {quarter}", german="Quartal 1 bis 4.")
        first = date(year, 3 * quarter - 2, 1)
        return cls(first, _month_end(year, 3 * quarter), f"Q{quarter}/{year}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        _check_year(year)
        if not 1 <= month <= 12:
            raise InvalidPeriod(f"month must be 1 to 12, not {month}", german="Monat 1 bis 12.")
        return cls(date(year, month, 1), _month_end(year, month), f"{month:02d}/{year}")

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        _check_year(start.year)
        _check_year(end.year)
        return cls(start, end, f"{start:%d.%m.%Y}–{end:%d.%m.%Y}")

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[start 00:00 UTC, day after end 00:00 UTC) for timestamp columns."""
        return (
            datetime.combine(self.start, time(), UTC),
            datetime.combine(self.end + timedelta(days=1), time(), UTC),
        )

    def as_dict(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "label": self.label}


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidPeriod(
            f"year {year} is outside {MIN_YEAR}–{MAX_YEAR}",
            german=f"Das Jahr {year} liegt außerhalb von {MIN_YEAR}–{MAX_YEAR}.",
        )


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_date(text: str) -> date:
    """``2025-03-31`` or ``31.03.2025``; InvalidPeriod with the text otherwise."""
    raw = text.strip()
    iso, german = _ISO.match(raw), _GERMAN.match(raw)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if german:
            return date(int(german[3]), int(german[2]), int(german[1]))
    except ValueError:
        pass
    raise InvalidPeriod(
        f"not a date: {text!r} (use YYYY-MM-DD or DD.MM.YYYY)",
        german=f"Kein Datum: {text!r} (JJJJ-MM-TT oder TT.MM.JJJJ).",
    )


def make_period(
    *,
    year: int | None = None,
    quarter: int | None = None,
    month: int | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
) -> Period:
    """The one period these options name (the CLI's and the GUI's rules)."""
    if start is not None or end is not None:
        if year is not None or quarter is not None or month is not None:
            raise InvalidPeriod(
                "give either a year (with quarter or month) or from and to",
                german="Bitte entweder ein Jahr (mit Quartal oder Monat) oder Von und Bis angeben.",
            )
        if start is None or end is None:
            raise InvalidPeriod(
                "a from–to period needs both dates",
                german="Für einen Zeitraum bitte Von und Bis angeben.",
            )
        first = parse_date(start) if isinstance(start, str) else start
        last = parse_date(end) if isinstance(end, str) else end
        return Period.between(first, last)
    if year is None:
        raise InvalidPeriod(
            "no period given: a year, or from and to",
            german="Kein Zeitraum angegeben: Bitte ein Jahr oder Von und Bis angeben.",
        )
    if quarter is not None and month is not None:
        raise InvalidPeriod(
            "give a quarter or a month, not both",
            german="Bitte ein Quartal oder einen Monat angeben, nicht beides.",
        )
    if quarter is not None:
        return Period.quarter(year, quarter)
    if month is not None:
        return Period.month(year, month)
    return Period.year(year)
