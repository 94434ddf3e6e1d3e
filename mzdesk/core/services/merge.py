"""Merging two records of the same person: everything moves to the one that is kept.

Every column with a foreign key to ``persons.id`` is found in ``Base.metadata`` — a table
added later is moved too without touching this module. Some need more than a move:

* ``person_nationalities`` / ``person_languages``: a code the kept person already has is not
  copied twice (the other's row is deleted; for languages the better CEFR level is kept);
* ``persons.merged_into_id``: persons merged into the other earlier now point at the kept
  one, so chains stay one step long (``resolve_person`` follows longer ones anyway).

:data:`REVIEWED_PERSON_FKS` lists the foreign keys someone has looked at; a test fails when
the model gains one that is not listed, so a new table gets a conscious decision.

Fields empty on the kept person are filled from the other (household included). The other
person gets ``merged_into_id`` and disappears from lists; it is never deleted, so ids held by
kits and imports resolve to the kept person. One audit entry ``merge`` records both ids, the
rows moved per table and the field names filled.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Table, delete, select, update
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.models import Base, Person, PersonLanguage, PersonNationality
from mzdesk.core.models.base import utcnow
from mzdesk.core.services import audit

log = logging.getLogger(__name__)

PERSONS = "persons"

# (table, column) of every foreign key to persons.id that has been reviewed for merging.
REVIEWED_PERSON_FKS = frozenset(
    {
        ("persons", "merged_into_id"),
        ("person_nationalities", "person_id"),
        ("person_languages", "person_id"),
        ("residence_statuses", "person_id"),
        ("legal_category_periods", "person_id"),
        ("cases", "person_id"),
        ("consents", "person_id"),
        ("placements", "person_id"),
        ("attendances", "person_id"),
    }
)

# Person columns never copied from the other person.
_NOT_FILLED = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "updated_by",
        "version",
        "origin",
        "file_number",
        "merged_into_id",
        "anonymised_on",
        "sort_key",
        "search_text",
        "birth_date_precision",  # goes with birth_date
    }
)
_CEFR_ORDER = ("A1", "A2", "B1", "B2", "C1", "C2", "NATIVE")


class MergeRefused(MzdeskError):
    """The two persons cannot be merged (the same person, or one already merged)."""


@dataclass
class MergeReport:
    keep_id: uuid.UUID
    other_id: uuid.UUID
    moved: dict[str, int] = field(default_factory=dict)  # "table.column" → rows
    dropped: dict[str, int] = field(default_factory=dict)  # duplicate codes not copied
    filled: list[str] = field(default_factory=list)  # person fields taken from the other

    def as_dict(self) -> dict[str, Any]:
        return {
            "keep": str(self.keep_id),
            "other": str(self.other_id),
            "moved": dict(self.moved),
            "dropped": dict(self.dropped),
            "filled": list(self.filled),
        }


def person_foreign_keys() -> list[tuple[Table, Column[Any]]]:
    """Every (table, column) whose foreign key points at ``persons.id``."""
    found: list[tuple[Table, Column[Any]]] = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == PERSONS and key.column.name == "id":
                column = key.parent
                assert isinstance(column, Column)
                found.append((table, column))
    return sorted(found, key=lambda pair: (pair[0].name, pair[1].name))


def resolve_person(session: Session, person_id: uuid.UUID) -> uuid.UUID:
    """The id of the person ``person_id`` ended up as, following ``merged_into_id``."""
    seen: set[uuid.UUID] = set()
    current = person_id
    while True:
        if current in seen:
            raise MergeRefused(
                f"person merge chain through {person_id} is circular",
                german="Die Zusammenführungen dieser Person bilden einen Kreis. "
                "Bitte den IT-Support informieren.",
            )
        seen.add(current)
        target = session.execute(
            select(Person.id, Person.merged_into_id).where(Person.id == current)
        ).first()
        if target is None:
            raise NotFound(f"person {current} not found", german="Person nicht gefunden.")
        if target.merged_into_id is None:
            return current
        current = target.merged_into_id


def _stamp(table: Table, user_id: uuid.UUID | None) -> dict[str, Any]:
    """Bookkeeping columns an UPDATE must set, as the ORM would (version, updated_*)."""
    values: dict[str, Any] = {}
    if "version" in table.c:
        values["version"] = table.c.version + 1
    if "updated_at" in table.c:
        values["updated_at"] = utcnow()
    if "updated_by" in table.c:
        values["updated_by"] = user_id
    return values


def _level_rank(level: str | None) -> int:
    return _CEFR_ORDER.index(level.upper()) if level and level.upper() in _CEFR_ORDER else -1


def _merge_codes(
    session: Session,
    report: MergeReport,
    keep_id: uuid.UUID,
    other_id: uuid.UUID,
    user_id: uuid.UUID | None,
) -> None:
    """Nationalities and languages: append the other's new codes, drop codes kept already."""
    for model, code_name in (
        (PersonNationality, "country_code"),
        (PersonLanguage, "language_code"),
    ):
        table = model.__table__
        assert isinstance(table, Table)
        code = table.c[code_name]
        kept = {
            row[0]: row[1]
            for row in session.execute(select(code, table.c.id).where(table.c.person_id == keep_id))
        }
        position = len(kept)
        moved = dropped = 0
        others = session.execute(
            select(table).where(table.c.person_id == other_id).order_by(table.c.position)
        ).all()
        for row in others:
            value = getattr(row, code_name)
            if value in kept:
                if model is PersonLanguage:
                    _keep_better_level(session, table, kept[value], row.cefr_level, user_id)
                session.execute(delete(table).where(table.c.id == row.id))
                dropped += 1
                continue
            kept[value] = row.id
            session.execute(
                update(table)
                .where(table.c.id == row.id)
                .values(person_id=keep_id, position=position, **_stamp(table, user_id))
            )
            position += 1
            moved += 1
        report.moved[f"{table.name}.person_id"] = moved
        report.dropped[table.name] = dropped


def _keep_better_level(
    session: Session,
    table: Table,
    kept_row_id: uuid.UUID,
    level: str | None,
    user_id: uuid.UUID | None,
) -> None:
    current = session.execute(select(table.c.cefr_level).where(table.c.id == kept_row_id)).scalar()
    if _level_rank(level) > _level_rank(current):
        session.execute(
            update(table)
            .where(table.c.id == kept_row_id)
            .values(cefr_level=level, **_stamp(table, user_id))
        )


def _fill_fields(keep: Person, other: Person) -> list[str]:
    filled: list[str] = []
    for column in Person.__table__.columns:
        name = column.key
        if name in _NOT_FILLED:
            continue
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))
            if name == "birth_date":
                keep.birth_date_precision = other.birth_date_precision
            filled.append(name)
    return filled


def merge_persons(
    session: Session, keep_id: uuid.UUID, other_id: uuid.UUID, user_id: uuid.UUID | None = None
) -> MergeReport:
    """Move everything of ``other_id`` to ``keep_id`` and mark it merged (caller commits)."""
    if keep_id == other_id:
        raise MergeRefused(
            "a person cannot be merged into itself",
            german="Eine Person kann nicht mit sich selbst zusammengeführt werden.",
        )
    access.require(session, access.Action.MERGE_PERSONS, person_id=keep_id)
    access.require(session, access.Action.MERGE_PERSONS, person_id=other_id)
    keep = session.get(Person, keep_id, with_for_update=True)
    other = session.get(Person, other_id, with_for_update=True)
    if keep is None:
        raise NotFound(
            f"person {keep_id} not found", german="Die zu behaltende Person gibt es nicht."
        )
    if other is None:
        raise NotFound(
            f"person {other_id} not found", german="Die zu übernehmende Person gibt es nicht."
        )
    if keep.merged_into_id is not None:
        raise MergeRefused(
            f"person {keep_id} was itself merged into {keep.merged_into_id}: keep that one",
            german="Die zu behaltende Person wurde selbst schon zusammengeführt: "
            "Bitte die Person behalten, in die sie übernommen wurde.",
        )
    if other.merged_into_id is not None:
        raise MergeRefused(
            f"person {other_id} is already merged into {other.merged_into_id}",
            german="Die zu übernehmende Person wurde bereits zusammengeführt.",
        )
    user_id = user_id if user_id is not None else session.info.get("user_id")
    report = MergeReport(keep_id=keep_id, other_id=other_id)
    session.flush()
    # Every row of both persons moves, whichever team it belongs to: both persons were
    # checked above, and a merge that left another team's rows behind would lose them.
    with scope.unscoped(session, scope.Purpose.MERGE_PERSONS):
        _merge_codes(session, report, keep_id, other_id, user_id)
        special = {
            (PersonNationality.__tablename__, "person_id"),
            (PersonLanguage.__tablename__, "person_id"),
        }
        for table, column in person_foreign_keys():
            if (table.name, column.name) in special:
                continue
            where = column == other_id
            if table.name == PERSONS:  # merged earlier into the other: point at the kept one
                where = where & (table.c.id != keep_id)
            result = session.execute(
                update(table).where(where).values({column.name: keep_id, **_stamp(table, user_id)})
            )
            report.moved[f"{table.name}.{column.name}"] = int(getattr(result, "rowcount", 0) or 0)
        # Rows just updated in SQL may sit in the identity map with old values.
        session.expire_all()
        keep = session.get(Person, keep_id)
        other = session.get(Person, other_id)
        assert keep is not None and other is not None
        report.filled = _fill_fields(keep, other)
        other.merged_into_id = keep_id
        session.flush()
    audit.append(
        session,
        "merge",
        "person",
        entity_id=keep_id,
        person_id=keep_id,
        user_id=user_id,
        details=report.as_dict(),
    )
    log.info(
        "persons merged: %s into %s (%d rows moved)",
        other_id,
        keep_id,
        sum(report.moved.values()),
    )
    return report


def delete_orphans_check(session: Session, person_id: uuid.UUID) -> dict[str, int]:
    """Rows still pointing at ``person_id`` per foreign key (all zero after a merge)."""
    left: dict[str, int] = {}
    for table, column in person_foreign_keys():
        count = len(session.execute(select(column).where(column == person_id)).all())
        if table.name == PERSONS:
            continue
        left[f"{table.name}.{column.name}"] = count
    return left


__all__ = [
    "REVIEWED_PERSON_FKS",
    "MergeRefused",
    "MergeReport",
    "delete_orphans_check",
    "merge_persons",
    "person_foreign_keys",
    "resolve_person",
]
