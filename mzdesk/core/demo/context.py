"""The state every demo generator shares: the random source, ids, the reference day, stamps."""

from __future__ import annotations

import bisect
import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Generic, TypeVar

# The demo's "today": fixed, so that the same seed gives the same rows on any day.
REFERENCE_DAY = date(2026, 11, 1)

Row = dict[str, Any]
_UNKNOWN_SAFETY = uuid.SafeUUID.unknown
_V7 = 0x7 << 76  # version 7
_VARIANT = 0b10 << 62  # RFC 9562 variant
_LOW62 = (1 << 62) - 1
T = TypeVar("T")


@dataclass
class DemoContext:
    rng: random.Random
    origin: str = ""
    today: date = REFERENCE_DAY
    _file_seq: int = field(default=0, repr=False)
    _id_seq: int = field(default=0, repr=False)

    @classmethod
    def from_seed(cls, seed: int, origin: str = "", today: date = REFERENCE_DAY) -> DemoContext:
        return cls(rng=random.Random(seed), origin=origin, today=today)

    def new_id(self) -> uuid.UUID:
        """A reproducible id, shaped like a UUID version 7: a running number, then random bits.

        Ids that grow in creation order (the reason UUIDv7 exists) let the primary-key
        indexes fill at their end instead of at random pages: a big demo loads several
        times faster. The 74 random bits come from the seeded random source.
        """
        self._id_seq += 1
        bits = self.rng.getrandbits(74)
        return uuid_from_int(
            (self._id_seq << 80) | _V7 | ((bits >> 62) << 64) | _VARIANT | (bits & _LOW62)
        )

    def next_file_number(self, year: int) -> str:
        self._file_seq += 1
        return f"MZ-{year}-{self._file_seq:06d}"

    def stamp(self, day: date) -> datetime:
        """A plausible office-hours timestamp (UTC) on ``day``."""
        minutes = int(self.rng.random() * 540)
        return datetime(day.year, day.month, day.day, 7 + minutes // 60, minutes % 60, tzinfo=UTC)

    def record(self, day: date, **columns: Any) -> Row:
        """A row with the columns every ``Record`` table carries, created on ``day``."""
        return self.record_at(self.stamp(day), **columns)

    def record_at(self, created: datetime, **columns: Any) -> Row:
        """A row with the columns every ``Record`` table carries, created at ``created``."""
        if "id" not in columns:
            columns["id"] = self.new_id()
        columns["created_at"] = columns["updated_at"] = created
        columns["updated_by"] = None
        columns["version"] = 1
        columns["origin"] = self.origin
        return columns

    def day_between(self, start: date, end: date) -> date:
        """A uniformly random day in [start, end] (``start`` when the range is empty)."""
        span = (end - start).days
        if span <= 0:
            return start
        return start + timedelta(days=int(self.rng.random() * (span + 1)))

    def below(self, n: int) -> int:
        """A random int in [0, n) (faster than ``randrange``, as reproducible)."""
        return int(self.rng.random() * n)

    def between(self, low: int, high: int) -> int:
        """A random int in [low, high], both included."""
        return low + int(self.rng.random() * (high - low + 1))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability


def uuid_from_int(value: int) -> uuid.UUID:
    """``uuid.UUID(int=value)`` for 0 <= value < 2**128, without its argument parsing.

    Millions of ids are made for a big demo and ``UUID.__init__`` costs several times more;
    this sets the same two slots the constructor sets.
    """
    made = object.__new__(uuid.UUID)
    object.__setattr__(made, "int", value)
    object.__setattr__(made, "is_safe", _UNKNOWN_SAFETY)
    return made


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year = day.year + month0 // 12
    month = month0 % 12 + 1
    last = [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(day.day, last))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class Weighted(Generic[T]):
    """Options with weights, drawn fast (cumulative weights computed once)."""

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        self.options: list[T] = []
        self.cumulative: list[float] = []
        total = 0.0
        for option, weight in pairs:
            total += weight
            self.options.append(option)
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self.cumulative, rng.random() * self.total)
        return self.options[min(index, len(self.options) - 1)]
