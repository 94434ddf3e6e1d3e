"""Pieces shared by the statistics modules: breakdown rows, drill-downs, dialect helpers."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, Select, cast, func
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import literal_column

from mzdesk.core.errors import MzdeskError

UNKNOWN = "UNKNOWN"  # the key of a row whose value is missing (no status, no counsellor …)


class UnknownFigure(MzdeskError):
    """A drill-down asked for a figure key that the statistics do not have."""


@dataclass(frozen=True)
class BreakdownRow:
    """Placements of one group (a legal category, a status, a counsellor …)."""

    key: str
    label: str
    total: int
    work: int
    training: int
    refugees: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DrillDown:
    """The records behind a figure: ``entity`` is the table ("placements", "cases" …)."""

    figure: str
    entity: str
    ids: tuple[uuid.UUID, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "figure": self.figure,
            "entity": self.entity,
            "count": len(self.ids),
            "ids": [str(i) for i in self.ids],
        }


def key_of(value: object) -> str:
    """A dictionary key for a grouped value (None → ``UNKNOWN``; UUIDs and enums as text)."""
    if value is None:
        return UNKNOWN
    if isinstance(value, uuid.UUID):
        return str(value)
    return str(getattr(value, "value", value))


def as_uuid(value: str) -> uuid.UUID | None:
    """The UUID in a figure key part, or None for ``UNKNOWN``; UnknownFigure otherwise."""
    if value == UNKNOWN:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise UnknownFigure(
            f"not an id in a figure key: {value!r}", german="Diese Kennzahl gibt es nicht."
        ) from None


def days_between(session: Session, first: Any, second: Any) -> ColumnElement[int]:
    """Whole days from ``first`` to ``second`` (two DATE columns), on SQLite and PostgreSQL."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(second) - func.julianday(first), Integer)
    return cast(cast(second, Date) - cast(first, Date), Integer)


def median_from_histogram(counts: Mapping[int, int]) -> float | None:
    """The median of values given as value → frequency (the SQL returns the histogram)."""
    total = sum(counts.values())
    if total == 0:
        return None
    ordered = sorted(counts.items())
    wanted = [(total - 1) // 2, total // 2]  # 0-based positions of the middle value(s)
    found: list[int] = []
    seen = 0
    for value, frequency in ordered:
        while len(found) < 2 and wanted[len(found)] < seen + frequency:
            found.append(value)
        seen += frequency
        if len(found) == 2:
            break
    return (found[0] + found[1]) / 2


def ids_of(session: Session, query: Select[Any]) -> tuple[uuid.UUID, ...]:
    return tuple(session.scalars(query))


def count_all() -> ColumnElement[int]:
    return func.count(literal_column("*"))


def zero_filled(keys: Iterable[str], counts: Mapping[str, int]) -> dict[str, int]:
    """Every key in ``keys`` (zeros included), then any other key found, in that order."""
    result = {key: int(counts.get(key, 0)) for key in keys}
    for key, value in counts.items():
        result.setdefault(key, int(value))
    return result


def run(session: Session, statement: Any) -> list[Any]:  # a Select or a UNION
    return list(session.execute(statement).all())
