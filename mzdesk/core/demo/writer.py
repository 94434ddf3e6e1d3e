"""Bulk writing of demo rows into a fresh database, as fast as the backend allows.

* One connection for the whole load (``loading_connection``); plain indexes are dropped
  before and built once afterwards from the model's metadata (sorting once beats updating
  them row by row with random ids). On SQLite the load connection also gets a big page
  cache and skips foreign-key checks: the generator's rows are checked by tests and
  ``mzdesk db check``.
* On SQLite the values are converted here to their stored form (the text formats
  SQLAlchemy's own types write: ``Uuid`` as 32 hex digits, ``DateTime`` as
  ``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC, ``Date`` as ISO; other columns through their
  type's bind processor) and handed to the driver's executemany directly. Elsewhere
  SQLAlchemy Core ``insert(table)`` executemany does the work.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Date, Table, Uuid, insert

from mzdesk.core.database import Database
from mzdesk.core.demo.context import Row
from mzdesk.core.models import Base
from mzdesk.core.models.base import UTCDateTime

CHUNK_ROWS = 10000
SQLITE_CACHE_KIB = 512 * 1024
# Parents before children: the order rows are inserted in.
TABLE_ORDER = (
    "teams", "users", "partners", "partner_contacts", "events", "event_partners",
    "event_organisers", "households", "persons", "person_nationalities", "person_languages",
    "residence_statuses", "legal_category_periods", "cases", "case_topics", "contacts",
    "follow_ups", "consents", "consent_recipients", "referrals", "placements", "attendances",
    "event_contacts",
)  # fmt: skip
Converter = Callable[[Any], Any]


@contextmanager
def loading_connection(database: Database) -> Iterator[Connection]:
    """A connection tuned for the bulk load, restored (and the indexes rebuilt) afterwards."""
    indexes = [
        index
        for name in TABLE_ORDER
        for index in Base.metadata.tables[name].indexes
        if not index.unique
    ]
    with database.engine.connect() as connection:
        if database.is_sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
            connection.commit()
        with connection.begin():
            for index in indexes:
                index.drop(connection, checkfirst=True)
        try:
            yield connection
        finally:
            if connection.in_transaction():
                connection.rollback()
            with connection.begin():
                for index in indexes:
                    index.create(connection, checkfirst=True)
            if database.is_sqlite:
                connection.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


class RowWriter:
    """Writes row dicts (every column present) in parent-first order, one transaction a call."""

    def __init__(self, connection: Connection, counts: dict[str, int]) -> None:
        self.connection = connection
        self.counts = counts
        self.lean = connection.dialect.name == "sqlite"
        self._plans: dict[str, tuple[str, Callable[[Row], tuple[Any, ...]]]] = {}

    def write_all(self, rows: dict[str, list[Row]]) -> None:
        with self.connection.begin():
            for name in TABLE_ORDER:
                batch = rows.get(name)
                if batch:
                    self.write(Base.metadata.tables[name], batch)
                    self.counts[name] = self.counts.get(name, 0) + len(batch)

    def write(self, table: Table, rows: Sequence[Row]) -> None:
        for start in range(0, len(rows), CHUNK_ROWS):
            chunk = rows[start : start + CHUNK_ROWS]
            if self.lean:
                sql, as_tuple = self._plan(table)
                self.connection.exec_driver_sql(sql, [as_tuple(row) for row in chunk])
            else:
                self.connection.execute(insert(table), list(chunk))

    def _plan(self, table: Table) -> tuple[str, Callable[[Row], tuple[Any, ...]]]:
        plan = self._plans.get(table.name)
        if plan is None:
            dialect = self.connection.dialect
            quote = dialect.identifier_preparer.quote
            converters: list[tuple[str, Converter | None]] = []
            for column in table.columns:
                converter: Converter | None
                if isinstance(column.type, UTCDateTime):
                    converter = _datetime_memo()
                elif isinstance(column.type, Uuid):
                    converter = _uuid_text
                elif isinstance(column.type, Date):
                    converter = _date_text
                else:
                    converter = column.type.dialect_impl(dialect).bind_processor(dialect)
                converters.append((column.key, converter))
            names = ", ".join(quote(column.name) for column in table.columns)
            marks = ", ".join("?" for _ in table.columns)
            sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
            plan = (sql, _tuple_maker(converters))
            self._plans[table.name] = plan
        return plan


def _tuple_maker(
    converters: list[tuple[str, Converter | None]],
) -> Callable[[Row], tuple[Any, ...]]:
    """row dict → value tuple, one generated function per table (no per-value loop or test).

    The generated source only indexes the row with the table's own column keys (``repr``)
    and calls the converters by position; nothing from the data enters it.
    """
    namespace: dict[str, Any] = {}
    parts = []
    for position, (key, converter) in enumerate(converters):
        if converter is None:
            parts.append(f"row[{key!r}]")
        else:
            namespace[f"c{position}"] = converter
            parts.append(f"c{position}(row[{key!r}])")
    source = f"def as_tuple(row):\n    return ({', '.join(parts)},)\n"
    exec(compile(source, "<demo row converter>", "exec"), namespace)
    made: Callable[[Row], tuple[Any, ...]] = namespace["as_tuple"]
    return made


def _datetime_memo() -> Converter:
    """datetime → SQLite text, remembering the last value (created_at is updated_at)."""
    last: list[Any] = [None, None]

    def convert(value: datetime | None) -> str | None:
        if value is not last[0]:
            last[0], last[1] = value, _datetime_text(value)
        text: str | None = last[1]
        return text

    return convert


def _uuid_text(value: uuid.UUID | None) -> str | None:
    return None if value is None else "%032x" % value.int  # noqa: UP031 - UUID.hex, faster


def _date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime_text(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (  # noqa: UP031 - SQLAlchemy's format
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
    )
