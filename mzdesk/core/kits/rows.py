"""Writing kit rows with Core statements: ids, versions and origins kept as they travelled."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from mzdesk.core.kits.content import RowValues, decode_row, table
from mzdesk.core.names import person_search_text, person_sort_key

_BATCH = 500


def with_derived(name: str, values: dict[str, Any]) -> dict[str, Any]:
    """Fill the columns the ORM flush hook would compute (a person's sort key, search text)."""
    if name != "persons":
        return values
    values["sort_key"] = person_sort_key(
        values.get("family_name", ""), values.get("given_names", "")
    )
    values["search_text"] = person_search_text(
        family_name=values.get("family_name"),
        given_names=values.get("given_names"),
        family_name_original=values.get("family_name_original"),
        given_names_original=values.get("given_names_original"),
        file_number=values.get("file_number"),
        phone=values.get("phone"),
        birth_date=values.get("birth_date"),
    )
    return values


def insert_rows(session: Session, name: str, rows: Iterable[RowValues]) -> int:
    """INSERT encoded rows into ``name`` in batches; returns how many."""
    decoded = [with_derived(name, decode_row(name, row)) for row in rows]
    for start in range(0, len(decoded), _BATCH):
        session.execute(insert(table(name)), decoded[start : start + _BATCH])
    return len(decoded)
