"""Dates as counsellors type them: German ``24.11.2026``, a year alone, or ISO ``1988-03-14``.

Accepted (surrounding spaces ignored):

* ``T.M.JJJJ`` / ``TT.MM.JJJJ`` — the German form; a trailing dot is not needed;
* ``T.M.JJ`` — a two-digit year. Decision: accepted, because counsellors type it all day,
  and resolved without asking: a *birth date* (``past=True``) takes the latest century that
  does not put the date after today (``05.03.24`` → 2024, ``05.03.58`` → 1958); any other date
  (arrival, document validity) takes the year nearest to today's year (``24.11.31`` → 2031,
  ``01.02.85`` → 1985). The form shows the four-digit result at once, so a wrong guess is seen;
* ``JJJJ`` — a year alone: only where a year can stand for a date (birth dates), as the
  1 January of that year with precision ``year``;
* ``JJJJ-MM-TT`` — ISO 8601, what other systems and the command line give.

``01.01.JJJJ`` is a real date *or* the placeholder many refugees carry on their papers: the
parser says so (:attr:`ParsedDate.placeholder_possible`) and leaves the choice to the person
at the keyboard (default: exact). Everything else — a half-typed ``24.11.``, ``31.02.2020``,
letters — raises :class:`DateTextError` with a one-line English and German reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mzdesk.core.errors import MzdeskError
from mzdesk.core.models.enums import BirthDatePrecision

MIN_YEAR = 1900
MAX_YEAR = 2100

_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR = re.compile(r"^\d{4}$")
_HALF = re.compile(r"^\d{1,2}\.(\d{1,2}\.?)?$")  # "24." or "24.11" or "24.11."
_SHORT_YEAR = re.compile(r"^\d{1,2}\.\d{1,2}\.(\d|\d{3})$")  # "24.11.2" / "24.11.202"

EXAMPLE = "24.11.2026"


class DateTextError(MzdeskError):
    """Typed text that is not a date; the message says what to type instead."""


@dataclass(frozen=True)
class ParsedDate:
    value: date
    precision: BirthDatePrecision  # EXACT, or YEAR for a year alone (never PLACEHOLDER)

    @property
    def placeholder_possible(self) -> bool:
        """01.01. typed as a full date: it may be the placeholder on the person's papers."""
        return (
            self.precision is BirthDatePrecision.EXACT
            and self.value.month == 1
            and self.value.day == 1
        )


def _not_a_date(text: str) -> DateTextError:
    return DateTextError(
        f"not a date: {text!r} (type DD.MM.YYYY like {EXAMPLE}, a year, or YYYY-MM-DD)",
        german=f"Kein Datum: bitte TT.MM.JJJJ (z. B. {EXAMPLE}), ein Jahr "
        "oder JJJJ-MM-TT eingeben.",
    )


def _expand_year(two_digits: int, month: int, day: int, today: date, past: bool) -> int:
    century = today.year - today.year % 100
    if past:
        year = century + two_digits
        try:
            later = date(year, month, day) > today
        except ValueError:
            later = year > today.year
        return year - 100 if later else year
    candidates = (century - 100 + two_digits, century + two_digits, century + 100 + two_digits)
    return min(candidates, key=lambda year: (abs(year - today.year), year))


def _make(year: int, month: int, day: int, text: str) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError(
            f"year {year} is out of range ({MIN_YEAR}–{MAX_YEAR})",
            german=f"Das Jahr {year} liegt außerhalb von {MIN_YEAR} bis {MAX_YEAR}.",
        )
    if not 1 <= month <= 12:
        raise DateTextError(
            f"{text!r}: there is no month {month}",
            german=f"„{text}“: Einen Monat {month} gibt es nicht.",
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError(
            f"{text!r}: that day does not exist",
            german=f"Den Tag „{text}“ gibt es nicht.",
        ) from None


def parse_date(
    text: str, *, allow_year: bool = False, past: bool = False, today: date | None = None
) -> ParsedDate | None:
    """The date in ``text``; None for an empty field; :class:`DateTextError` if not a date.

    ``allow_year``: a year alone is accepted (as 1 January, precision ``year``).
    ``past``: the date is one that has happened (a birth date): decides two-digit years.
    """
    raw = text.strip()
    if not raw:
        return None
    today = today or date.today()
    if match := _GERMAN.match(raw):
        day, month, year_text = int(match[1]), int(match[2]), match[3]
        year = int(year_text)
        if len(year_text) == 2:
            year = _expand_year(year, month if 1 <= month <= 12 else 1, day, today, past)
        return ParsedDate(_make(year, month, day, raw), BirthDatePrecision.EXACT)
    if match := _ISO.match(raw):
        value = _make(int(match[1]), int(match[2]), int(match[3]), raw)
        return ParsedDate(value, BirthDatePrecision.EXACT)
    if _YEAR.match(raw):
        if not allow_year:
            raise DateTextError(
                f"{raw!r}: a full date is needed here, like {EXAMPLE}",
                german=f"Hier wird ein vollständiges Datum gebraucht, z. B. {EXAMPLE}.",
            )
        return ParsedDate(_make(int(raw), 1, 1, raw), BirthDatePrecision.YEAR)
    if _HALF.match(raw) or _SHORT_YEAR.match(raw):
        raise DateTextError(
            f"{raw!r} is incomplete: the year is missing (type it like {EXAMPLE})",
            german=f"„{raw}“ ist unvollständig: Das Jahr fehlt (z. B. {EXAMPLE}).",
        )
    raise _not_a_date(raw)


def format_date(
    value: date | None, precision: BirthDatePrecision = BirthDatePrecision.EXACT
) -> str:
    """The text :func:`parse_date` reads back: ``24.11.2026``, or ``1990`` for a year alone."""
    if value is None:
        return ""
    if precision is BirthDatePrecision.YEAR:
        return f"{value.year:04d}"
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


__all__ = ["DateTextError", "ParsedDate", "format_date", "parse_date"]
