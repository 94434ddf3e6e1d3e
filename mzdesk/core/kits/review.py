"""Deciding what a kit merge left open: field conflicts, and new persons that may be known.

A field conflict is decided per field: ``office`` keeps the value in place, ``kit`` writes the
laptop's value. A possible duplicate is decided per new person: link it to one candidate (the
persons are merged, the existing one kept: ``merge_persons``), or keep it as a new person.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.access import Action
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.kits import content, rights
from mzdesk.core.kits.content import table
from mzdesk.core.kits.merge import DUPLICATE_ENTITY
from mzdesk.core.kits.rows import with_derived
from mzdesk.core.models import MergeConflict, Person
from mzdesk.core.models.base import utcnow
from mzdesk.core.services.merge import merge_persons, resolve_person


class Choice(StrEnum):
    OFFICE = "office"
    KIT = "kit"


LINKED = "linked"
DISMISSED = "dismissed"
KEPT_NEW = "kept_new"


class AlreadyDecided(MzdeskError):
    """The conflict or duplicate was decided before."""


@dataclass(frozen=True)
class ConflictItem:
    id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    field: str
    office_value: Any
    kit_value: Any
    record: str  # what the record is, for people: file number and name


@dataclass(frozen=True)
class DuplicateCandidate:
    conflict_id: uuid.UUID
    person_id: uuid.UUID
    label: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DuplicateItem:
    person_id: uuid.UUID
    label: str
    candidates: tuple[DuplicateCandidate, ...]


def _value(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _person_labels(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(
            Person.id, Person.file_number, Person.family_name, Person.given_names, Person.birth_date
        ).where(Person.id.in_(sorted(ids)))
    )
    labels: dict[uuid.UUID, str] = {}
    for row in rows:
        born = f", {row.birth_date.strftime('%d.%m.%Y')}" if row.birth_date else ""
        labels[row.id] = f"{row.file_number} {row.family_name}, {row.given_names}{born}"
    return labels


def open_conflicts(session: Session) -> list[ConflictItem]:
    """Field conflicts not yet decided, oldest merge first."""
    access.require(session, Action.EVENTS)
    rows = list(
        session.scalars(
            select(MergeConflict)
            .where(MergeConflict.resolved_at.is_(None), MergeConflict.entity != DUPLICATE_ENTITY)
            .order_by(MergeConflict.created_at, MergeConflict.entity, MergeConflict.field)
        )
    )
    people = _person_labels(session, {row.entity_id for row in rows if row.entity == "persons"})
    return [
        ConflictItem(
            id=row.id,
            entity=row.entity,
            entity_id=row.entity_id,
            field=row.field,
            office_value=_value(row.office_value),
            kit_value=_value(row.kit_value),
            record=people.get(row.entity_id, f"{row.entity} …{row.entity_id.hex[-8:]}"),
        )
        for row in rows
    ]


def open_duplicates(session: Session) -> list[DuplicateItem]:
    """New persons from kits that may be known already, with their candidates (best first).

    Only candidates the acting user may see: another team's merge may have asked whether a
    new person (visible to all until they have a case) is one of that team's persons — that
    question, its candidate and even its existence stay with that team."""
    access.require(session, Action.EVENTS)
    rows = list(
        session.scalars(
            select(MergeConflict)
            .where(MergeConflict.resolved_at.is_(None), MergeConflict.entity == DUPLICATE_ENTITY)
            .order_by(MergeConflict.created_at)
        )
    )
    offered = rights.visible_persons_among(
        session, {uuid.UUID(str(row.office_value)) for row in rows}
    )
    rows = [row for row in rows if uuid.UUID(str(row.office_value)) in offered]
    ids = {row.entity_id for row in rows} | {uuid.UUID(str(row.office_value)) for row in rows}
    labels = _person_labels(session, ids)
    grouped: dict[uuid.UUID, list[DuplicateCandidate]] = {}
    for row in rows:
        facts = _value(row.kit_value) or {}
        candidate_id = uuid.UUID(str(row.office_value))
        grouped.setdefault(row.entity_id, []).append(
            DuplicateCandidate(
                conflict_id=row.id,
                person_id=candidate_id,
                label=labels.get(candidate_id, str(candidate_id)),
                score=float(facts.get("score", 0.0)),
                reasons=tuple(facts.get("reasons", ())),
            )
        )
    return [
        DuplicateItem(
            person_id=person_id,
            label=labels.get(person_id, str(person_id)),
            candidates=tuple(sorted(found, key=lambda c: -c.score)),
        )
        for person_id, found in grouped.items()
    ]


def _conflict(session: Session, conflict_id: uuid.UUID) -> MergeConflict:
    found = session.get(MergeConflict, conflict_id)
    if found is None:
        raise NotFound(f"conflict {conflict_id} not found", german="Den Konflikt gibt es nicht.")
    if found.resolved_at is not None:
        raise AlreadyDecided(
            f"conflict {conflict_id} was decided already ({found.resolution})",
            german="Dieser Konflikt wurde bereits entschieden.",
        )
    return found


def resolve_conflict(session: Session, conflict_id: uuid.UUID, choice: Choice | str) -> None:
    """Keep the office value, or write the kit's value into the record (caller commits)."""
    choice = Choice(choice)
    conflict = _conflict(session, conflict_id)
    if conflict.entity == DUPLICATE_ENTITY:
        raise MzdeskError(
            "a possible duplicate is decided with link or keep as new",
            german="Ein mögliches Duplikat wird mit Verknüpfen oder Neu anlegen entschieden.",
        )
    access.require(session, Action.EVENTS)
    if conflict.entity == "persons":
        access.require(session, Action.EDIT_PERSON, person_id=conflict.entity_id)
    if choice is Choice.KIT:
        # The conflict is in the user's scope (so is its record); the write is a Core UPDATE.
        with scope.unscoped(session, scope.Purpose.KITS):
            _write(session, conflict)
    conflict.resolved_at = utcnow()
    conflict.resolution = choice.value
    session.flush()


def _write(session: Session, conflict: MergeConflict) -> None:
    name = conflict.entity
    if name not in content.MERGED_TABLES:
        raise MzdeskError(f"unknown record type {name!r}", german="Unbekannte Datensatzart.")
    tbl = table(name)
    target = (
        resolve_person(session, conflict.entity_id) if name == "persons" else conflict.entity_id
    )
    row = session.execute(select(tbl).where(tbl.c.id == target)).first()
    if row is None:
        raise NotFound(
            f"the {name} record {target} no longer exists",
            german="Den Datensatz gibt es nicht mehr.",
        )
    changes = {conflict.field: _value(conflict.kit_value)}
    values = content.decode_row(name, changes)
    if name == "persons":
        current = content.encode_row(name, row)
        derived = with_derived(name, content.decode_row(name, {**current, **changes}))
        values.update(sort_key=derived["sort_key"], search_text=derived["search_text"])
    version = row._mapping["version"]
    session.execute(
        update(tbl)
        .where(tbl.c.id == target, tbl.c.version == version)
        .values(
            version=version + 1,
            updated_at=utcnow(),
            updated_by=access.acting_user_id(session),
            **values,
        )
    )
    session.expire_all()


def _duplicate_rows(session: Session, person_id: uuid.UUID) -> list[MergeConflict]:
    return list(
        session.scalars(
            select(MergeConflict).where(
                MergeConflict.entity == DUPLICATE_ENTITY,
                MergeConflict.entity_id == person_id,
                MergeConflict.resolved_at.is_(None),
            )
        )
    )


def link_duplicate(session: Session, conflict_id: uuid.UUID) -> uuid.UUID:
    """The new person is the candidate: merge it into the existing one; returns the kept id."""
    conflict = _conflict(session, conflict_id)
    if conflict.entity != DUPLICATE_ENTITY:
        raise MzdeskError("not a possible duplicate", german="Das ist kein mögliches Duplikat.")
    new_id = conflict.entity_id
    keep_id = resolve_person(session, uuid.UUID(str(conflict.office_value)))
    access.require(session, Action.MERGE_PERSONS, person_id=keep_id)
    merge_persons(session, keep_id, new_id)
    now = utcnow()
    for row in _duplicate_rows(session, new_id):
        row.resolved_at = now
        row.resolution = LINKED if row.id == conflict.id else DISMISSED
    session.flush()
    return keep_id


def keep_as_new(session: Session, person_id: uuid.UUID) -> int:
    """The new person is nobody known: close its duplicate questions; returns how many."""
    access.require(session, Action.EDIT_PERSON, person_id=person_id)
    rows = _duplicate_rows(session, person_id)
    if not rows:
        raise AlreadyDecided(
            f"person {person_id} has no open duplicate question",
            german="Für diese Person ist keine Duplikatsprüfung offen.",
        )
    now = utcnow()
    for row in rows:
        row.resolved_at = now
        row.resolution = KEPT_NEW
    session.flush()
    return len(rows)
