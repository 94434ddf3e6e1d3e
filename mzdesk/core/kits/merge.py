"""``merge_kit``: a returned kit merged into the office database in one transaction.

* Idempotent: the return's kit id is recorded in ``kit_merges``; merging the same file again
  changes nothing and says so.
* Rows created on the laptop are inserted with their ids; references to persons go through
  ``resolve_person`` (a person merged at the office meanwhile means the kept one).
* Rows changed on the laptop are merged field by field against the values the kit brought
  (``base``): changed only in the kit → applied; only at the office → kept; on both sides to
  different values → a :class:`MergeConflict` with both values, the office value staying in
  place until a person decides (never last-write-wins).
* New persons go through the duplicate check — against the office's persons and against
  each other (the same person registered twice at the fair); likely matches are held for
  review as ``MergeConflict`` rows with entity ``person_duplicate`` (see ``core.kits.review``).
* Rows that cannot be applied (their parent is missing, deleted at the office) are rejected
  and listed.
* Rows deleted on the laptop (a head count taken back, an attendee removed) are deleted here
  when they are of a :data:`DELETABLE` table, unchanged at the office since the kit (or the
  last return) carried them, and nothing at the office depends on them; otherwise they are
  kept and listed (``not_deleted``) — persons, cases and the like are never deleted by a kit.

The caller commits (or rolls back: nothing is written before that).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Enum, String, Table, Text, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.access import Action
from mzdesk.core.dedupe import PersonProbe
from mzdesk.core.dedupe.batch import find_many
from mzdesk.core.errors import MzdeskError
from mzdesk.core.kits import content, crypto, rights
from mzdesk.core.kits.content import MERGED_TABLES, RowValues, canonical, compared_columns, table
from mzdesk.core.kits.errors import KitRefused, KitWrongDatabase
from mzdesk.core.kits.rows import insert_rows, with_derived
from mzdesk.core.models import BirthDatePrecision, Event, KitMerge, MergeConflict, Person
from mzdesk.core.models.base import utcnow
from mzdesk.core.services import audit
from mzdesk.core.services.merge import resolve_person
from mzdesk.core.text import clean_text, find_bad_character

log = logging.getLogger(__name__)

DUPLICATE_ENTITY = "person_duplicate"
DUPLICATE_FIELD = "candidate"
# What a laptop may delete at the office: the fair's own rows, children before parents.
DELETABLE = ("event_contacts", "attendances")
_CHUNK = 500

Progress = Callable[[int, int], None]


class MergeInterrupted(MzdeskError):
    """An office row changed while the kit was merged (nothing was written)."""


@dataclass
class Rejected:
    table: str
    row_id: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"table": self.table, "id": self.row_id, "reason": self.reason}


@dataclass
class MergeReport:
    kit_id: uuid.UUID
    event_id: uuid.UUID | None = None
    already_merged: bool = False
    inserted: int = 0
    updated: int = 0  # rows with at least one field taken from the kit
    unchanged: int = 0  # rows the kit sent that needed nothing
    conflicts: int = 0  # fields held for a decision
    duplicates: int = 0  # new persons held for review (link or keep as new)
    deleted: int = 0  # rows deleted on the laptop, deleted here too (listed in deleted_rows)
    deleted_rows: list[dict[str, str]] = field(default_factory=list)  # table and id, no data
    not_deleted: int = 0  # rows deleted on the laptop, kept here (listed in kept_rows)
    kept: list[Rejected] = field(default_factory=list)  # why each of those was kept
    renumbered: int = 0  # new persons whose file number was taken at the office
    rejected: list[Rejected] = field(default_factory=list)
    per_table: dict[str, dict[str, int]] = field(default_factory=dict)
    merge_id: uuid.UUID | None = None

    def count(self, name: str, what: str) -> None:
        counts = self.per_table.setdefault(name, {})
        counts[what] = counts.get(what, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "kit_id": str(self.kit_id),
            "event_id": str(self.event_id) if self.event_id else None,
            "already_merged": self.already_merged,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "duplicates": self.duplicates,
            "rejected": len(self.rejected),
            "deleted": self.deleted,
            "deleted_rows": list(self.deleted_rows),
            "not_deleted": self.not_deleted,
            "kept_rows": [item.as_dict() for item in self.kept],
            "renumbered": self.renumbered,
            "rejected_rows": [item.as_dict() for item in self.rejected],
            "per_table": {name: dict(counts) for name, counts in self.per_table.items()},
        }

    @classmethod
    def from_stored(cls, kit_id: uuid.UUID, stored: dict[str, Any]) -> MergeReport:
        report = cls(kit_id=kit_id, already_merged=True)
        event = stored.get("event_id")
        report.event_id = uuid.UUID(event) if event else None
        for name in ("inserted", "updated", "unchanged", "conflicts", "duplicates"):
            setattr(report, name, int(stored.get(name, 0)))
        report.deleted = int(stored.get("deleted", 0))
        report.deleted_rows = list(stored.get("deleted_rows", []))
        report.not_deleted = int(stored.get("not_deleted", 0))
        report.kept = [
            Rejected(item["table"], item["id"], item["reason"])
            for item in stored.get("kept_rows", [])
        ]
        report.renumbered = int(stored.get("renumbered", 0))
        report.rejected = [
            Rejected(item["table"], item["id"], item["reason"])
            for item in stored.get("rejected_rows", [])
        ]
        report.per_table = dict(stored.get("per_table", {}))
        return report


def decrypt_return(
    session: Session, data: bytes, passphrase: str
) -> tuple[crypto.KitHeader, dict[str, Any]]:
    """The header and payload of a return kit meant for this database, else refused."""
    header = crypto.read_header(data)
    if header.kind is not crypto.KitKind.RETURN:
        raise KitRefused(
            "this is an export kit, not a returned one: open it on the laptop with "
            "'mzdesk event open-kit'",
            german="Das ist eine ausgegebene Mappe, keine zurückgegebene: Sie wird auf dem "
            "Laptop geöffnet.",
        )
    home = str(session.info.get("origin") or "")
    if crypto.installation_uuid(home) != header.home:
        raise KitWrongDatabase(
            f"this kit belongs to another office database (installation {header.home}); "
            "nothing was merged",
            german="Diese Mappe gehört zu einer anderen Datenbank; es wurde nichts übernommen.",
        )
    header, plaintext = crypto.unseal(data, passphrase)
    payload = content.unpack(plaintext)
    if payload.get("kind") != "return" or str(payload.get("kit_id")) != str(header.kit_id):
        raise KitRefused(
            "the kit's content does not match its header", german="Die Mappe ist beschädigt."
        )
    content.check_schema(payload)
    return header, payload


class _Merger:
    def __init__(self, session: Session, report: MergeReport, merge: KitMerge) -> None:
        self.session = session
        self.report = report
        self.merge = merge
        self.user_id = access.acting_user_id(session)
        self.resolved: dict[str, str] = {}  # person id → the kept one, where merged
        self.new_persons: list[uuid.UUID] = []
        self.open_conflicts: set[tuple[str, str, str, str | None]] = set()
        self.merged_returns: set[int] = set()  # sequences of this export's returns merged here
        assert report.event_id is not None
        self.rights = rights.ReturnRights(session, report.event_id, None)
        self.refused: dict[str, set[str]] = {}  # table → ids of rows refused by this merge

    def load_merged_returns(self, export_kit_id: str) -> None:
        for (stored,) in self.session.execute(select(KitMerge.report)):
            if isinstance(stored, dict) and stored.get("export_kit_id") == export_kit_id:
                sequence = stored.get("sequence")
                if isinstance(sequence, int):
                    self.merged_returns.add(sequence)

    # -- references ---------------------------------------------------------------------------
    def person_columns(self, name: str) -> list[str]:
        return [
            column.name
            for column in table(name).columns
            for key in column.foreign_keys
            if key.column.table.name == "persons"
        ]

    def resolve_persons(self, changes: dict[str, list[dict[str, Any]]]) -> None:
        """Find persons referenced by the kit that were merged at the office."""
        wanted: set[uuid.UUID] = set()
        for name in MERGED_TABLES:
            columns = self.person_columns(name) + (["id"] if name == "persons" else [])
            for entry in changes.get(name, []):
                for part in (entry["row"], entry.get("base") or {}):
                    for column in columns:
                        if part.get(column):
                            wanted.add(uuid.UUID(str(part[column])))
        ids = sorted(wanted)
        for start in range(0, len(ids), _CHUNK):
            merged = self.session.execute(
                select(Person.id).where(
                    Person.id.in_(ids[start : start + _CHUNK]), Person.merged_into_id.is_not(None)
                )
            ).scalars()
            for person_id in merged:
                self.resolved[str(person_id)] = str(resolve_person(self.session, person_id))

    def _resolve_values(self, name: str, values: RowValues | None) -> RowValues | None:
        if values is None or not self.resolved:
            return values
        out = dict(values)
        for column in self.person_columns(name):
            if out.get(column) is not None:
                out[column] = self.resolved.get(str(out[column]), out[column])
        return out

    def missing_parents(self, name: str, rows: list[RowValues]) -> dict[str, str]:
        """Row id → reason, for rows pointing at a row that exists neither here nor in the kit."""
        missing: dict[str, str] = {}
        for column in table(name).columns:
            for key in column.foreign_keys:
                target: Table = key.column.table
                wanted = {str(row[column.name]) for row in rows if row.get(column.name)}
                found: set[str] = set()
                ids = sorted(uuid.UUID(value) for value in wanted)
                for start in range(0, len(ids), _CHUNK):
                    found.update(
                        str(value)
                        for value in self.session.execute(
                            select(target.c.id).where(target.c.id.in_(ids[start : start + _CHUNK]))
                        ).scalars()
                    )
                for row in rows:
                    value = row.get(column.name)
                    if value and str(uuid.UUID(str(value))) not in found:
                        missing.setdefault(
                            str(row["id"]), f"{column.name} refers to a missing {target.name} row"
                        )
        return missing

    # -- rights -------------------------------------------------------------------------------
    def use_rights(self, export_kit_id: Any) -> None:
        self.rights = rights.ReturnRights.for_return(
            self.session, self.rights.event_id, export_kit_id
        )
        kit_persons = self.rights.kit_persons
        if kit_persons is not None:  # persons merged at the office since: the kept one
            for merged, kept in self.resolved.items():
                if uuid.UUID(merged) in kit_persons:
                    kit_persons.add(uuid.UUID(kept))

    def refused_parent(self, name: str, row: RowValues) -> str | None:
        for column in table(name).columns:
            for key in column.foreign_keys:
                parent = key.column.table.name
                value = row.get(column.name)
                if value is not None and str(value) in self.refused.get(parent, set()):
                    return f"its {parent} row was refused"
        return None

    def refuse(self, name: str, row_id: str, reason: str) -> None:
        self.refused.setdefault(name, set()).add(row_id)
        self.reject(name, row_id, reason)

    # -- one table ----------------------------------------------------------------------------
    def merge_table(self, name: str, entries: list[dict[str, Any]]) -> None:
        tbl = table(name)
        kit_ids = [str(entry["row"]["id"]) for entry in entries]
        office: dict[str, Any] = {}
        target_ids = [self.resolved.get(row_id, row_id) for row_id in kit_ids]
        unique = sorted({uuid.UUID(value) for value in target_ids})
        for start in range(0, len(unique), _CHUNK):
            for found in self.session.execute(
                select(tbl).where(tbl.c.id.in_(unique[start : start + _CHUNK]))
            ):
                office[str(found._mapping["id"])] = found
        to_insert: list[RowValues] = []
        resolved_rows = [
            _clean_free_text(name, self._resolve_values(name, entry["row"]) or {})
            for entry in entries
        ]
        self.rights.prepare(*rights.referenced_ids(name, resolved_rows))
        for entry, row in zip(entries, resolved_rows, strict=True):
            base = self._resolve_values(name, entry.get("base"))
            from_return = entry.get("sent_in") in self.merged_returns
            if from_return:  # that return was merged here: compare with what it carried
                base = self._resolve_values(name, entry.get("sent"))
            row_id = str(row["id"])
            target = self.resolved.get(row_id, row_id)
            refusal = (
                self.rights.refusal(name, row, office.get(target))
                or _bad_text(name, row)
                or self.refused_parent(name, row)
            )
            if refusal is not None:
                self.refuse(name, row_id, refusal)
                continue
            if target in office:
                self.merge_row(name, target, office[target], row, base)
            elif base is not None and not from_return:
                self.reject(name, row_id, "deleted at the office after the kit was exported")
            else:
                to_insert.append(row)
        if to_insert:
            missing = self.missing_parents(name, to_insert)
            for row_id, reason in missing.items():
                self.reject(name, row_id, reason)
            good = [row for row in to_insert if str(row["id"]) not in missing]
            if name == "persons":
                good = self.free_file_numbers(good)
                self.new_persons.extend(uuid.UUID(str(row["id"])) for row in good)
            insert_rows(self.session, name, good)
            self.rights.note_created(name, (row["id"] for row in good))
            self.report.inserted += len(good)
            for _row in good:
                self.report.count(name, "inserted")

    def free_file_numbers(self, rows: list[RowValues]) -> list[RowValues]:
        numbers = [str(row["file_number"]) for row in rows if row.get("file_number")]
        taken: set[str] = set()
        for start in range(0, len(numbers), _CHUNK):
            taken.update(
                self.session.execute(
                    select(Person.file_number).where(
                        Person.file_number.in_(numbers[start : start + _CHUNK])
                    )
                ).scalars()
            )
        out: list[RowValues] = []
        for row in rows:
            if row.get("file_number") in taken:
                row = {**row, "file_number": f"{row['file_number']}-K{str(row['id'])[-6:]}"}
                self.report.renumbered += 1
            out.append(row)
        return out

    def merge_row(
        self, name: str, target: str, office_row: Any, row: RowValues, base: RowValues | None
    ) -> None:
        office_values = content.encode_row(name, office_row)
        changes: dict[str, Any] = {}
        for column in compared_columns(name):
            key = column.name
            if key not in row:
                continue
            kit, here = canonical(row.get(key)), canonical(office_values.get(key))
            was = canonical(base.get(key)) if base is not None and key in base else None
            if kit in (here, was):
                continue  # same result on both sides, or not changed in the kit
            if was is not None and here == was:
                changes[key] = row.get(key)  # changed only in the kit
                continue
            self.conflict(name, target, key, office_values.get(key), row.get(key))
        if not changes:
            self.report.unchanged += 1
            self.report.count(name, "unchanged")
            return
        self.apply(name, target, office_row, office_values, changes)

    def apply(
        self,
        name: str,
        target: str,
        office_row: Any,
        office_values: RowValues,
        changes: dict[str, Any],
    ) -> None:
        tbl = table(name)
        values = content.decode_row(name, changes)
        if name == "persons":
            derived = with_derived(name, content.decode_row(name, {**office_values, **changes}))
            values.update(sort_key=derived["sort_key"], search_text=derived["search_text"])
        version = office_row._mapping["version"]
        result = self.session.execute(
            update(tbl)
            .where(tbl.c.id == uuid.UUID(target), tbl.c.version == version)
            .values(version=version + 1, updated_at=utcnow(), updated_by=self.user_id, **values)
        )
        if getattr(result, "rowcount", 1) != 1:
            raise MergeInterrupted(
                f"a {name} record changed at the office during the merge; merge again",
                german="Ein Datensatz wurde während der Zusammenführung geändert; bitte erneut "
                "zusammenführen.",
            )
        self.report.updated += 1
        self.report.count(name, "updated")

    def conflict(
        self, name: str, target: str, key: str, office: Any, kit: Any, *, entity: str = ""
    ) -> None:
        entity = entity or name
        office_text = None if office is None else canonical(office)
        kit_text = None if kit is None else canonical(kit)
        marker = (entity, target, key, kit_text)
        if marker in self.open_conflicts:
            return  # the same open question from an earlier return of this kit
        self.session.add(
            MergeConflict(
                kit_merge_id=self.merge.id,
                entity=entity,
                entity_id=uuid.UUID(target),
                field=key,
                office_value=office_text,
                kit_value=kit_text,
            )
        )
        self.open_conflicts.add(marker)
        self.report.conflicts += 1
        self.report.count(name, "conflicts")

    def reject(self, name: str, row_id: str, reason: str) -> None:
        self.report.rejected.append(Rejected(name, row_id, reason))
        self.report.count(name, "rejected")

    def load_open_conflicts(self) -> None:
        for entity, entity_id, key, kit_value in self.session.execute(
            select(
                MergeConflict.entity,
                MergeConflict.entity_id,
                MergeConflict.field,
                MergeConflict.kit_value,
            ).where(MergeConflict.resolved_at.is_(None))
        ):
            self.open_conflicts.add((entity, str(entity_id), key, kit_value))

    # -- deletions ----------------------------------------------------------------------------
    def apply_deletions(self, deleted: dict[str, Any]) -> None:
        """Delete what the laptop deleted, where the office has not changed it since."""
        for name in DELETABLE:
            for row_id, base in _deleted_rows(deleted.get(name)):
                reason = self.delete_row(name, row_id, base)
                if reason is None:
                    self.report.deleted += 1
                    self.report.deleted_rows.append({"table": name, "id": row_id})
                    self.report.count(name, "deleted")
                else:
                    self.keep(name, row_id, reason)
        for name, rows in deleted.items():
            if name not in DELETABLE:
                for row_id, _base in _deleted_rows(rows):
                    self.keep(name, row_id, "not deleted by a kit: delete it at the office")

    def delete_row(self, name: str, row_id: str, base: RowValues | None) -> str | None:
        """None when deleted (or gone already), else why the row is kept."""
        tbl = table(name)
        target = uuid.UUID(row_id)
        found = self.session.execute(select(tbl).where(tbl.c.id == target)).first()
        if found is None:
            return None  # deleted at the office too, or by an earlier return
        compared = compared_columns(name)
        if base is None or any(column.name not in base for column in compared):
            return "the kit did not say what the laptop deleted"
        if str(found._mapping["event_id"]) != str(self.report.event_id):
            return "it belongs to another event than the kit's"
        refusal = self.rights.refusal(name, content.encode_row(name, found), found)
        if refusal is not None:
            return refusal
        office = content.encode_row(name, found)
        for column in compared:
            if canonical(office.get(column.name)) != canonical(base.get(column.name)):
                return f"changed at the office ({column.name}) after the laptop's copy"
        try:
            with self.session.begin_nested():
                self.session.execute(delete(tbl).where(tbl.c.id == target))
        except IntegrityError:
            return "other records at the office refer to it"
        return None

    def keep(self, name: str, row_id: str, reason: str) -> None:
        self.report.not_deleted += 1
        self.report.kept.append(Rejected(name, row_id, reason))
        self.report.count(name, "not_deleted")

    # -- duplicates ---------------------------------------------------------------------------
    def check_duplicates(self) -> None:
        if not self.new_persons:
            return
        probes: dict[uuid.UUID, PersonProbe] = {}
        ids = self.new_persons
        for start in range(0, len(ids), _CHUNK):
            for row in self.session.execute(
                select(
                    Person.id,
                    Person.family_name,
                    Person.given_names,
                    Person.birth_date,
                    Person.birth_date_precision,
                    Person.phone,
                    Person.sex,
                ).where(Person.id.in_(ids[start : start + _CHUNK]))
            ):
                probes[row.id] = PersonProbe(
                    family_name=row.family_name,
                    given_names=row.given_names,
                    birth_date=row.birth_date,
                    birth_date_precision=row.birth_date_precision or BirthDatePrecision.EXACT,
                    phone=row.phone,
                    sex=row.sex,
                )
        new = set(ids)
        found = find_many(self.session, probes)
        # A candidate the user may not see is never shown to them (nor that it exists).
        offered = rights.visible_persons_among(
            self.session,
            {c.person_id for candidates in found.values() for c in candidates} - new,
        )
        for person_id, all_candidates in found.items():
            # two new persons of this kit alike: one question (on the later id), not two
            candidates = [
                candidate
                for candidate in all_candidates
                if (candidate.person_id in offered)
                or (candidate.person_id in new and candidate.person_id < person_id)
            ]
            if not candidates:
                continue
            self.report.duplicates += 1
            self.report.count("persons", "duplicates")
            for candidate in candidates:
                self.session.add(
                    MergeConflict(
                        kit_merge_id=self.merge.id,
                        entity=DUPLICATE_ENTITY,
                        entity_id=person_id,
                        field=DUPLICATE_FIELD,
                        office_value=str(candidate.person_id),
                        kit_value=json.dumps(
                            {"score": candidate.score, "reasons": list(candidate.reasons)}
                        ),
                    )
                )


def _text_columns(name: str) -> tuple[list[str], list[str]]:
    """(one-line text columns: names, addresses, phones; free-text columns: notes)."""
    lines: list[str] = []
    prose: list[str] = []
    for column in table(name).columns:
        if isinstance(column.type, Text):
            prose.append(column.name)
        elif isinstance(column.type, String) and not isinstance(column.type, Enum):
            lines.append(column.name)
    return lines, prose


def _bad_text(name: str, row: RowValues) -> str | None:
    """A name, address or other one-line field with a character that has no place in it
    (the same rule as the intake form: refused, never silently changed)."""
    for column in _text_columns(name)[0]:
        value = row.get(column)
        if isinstance(value, str) and (bad := find_bad_character(value)) is not None:
            return f"{column} {bad.message}"
    return None


def _clean_free_text(name: str, row: RowValues) -> RowValues:
    """Notes and descriptions with invisible or control characters taken out."""
    prose = _text_columns(name)[1]
    if not any(isinstance(row.get(column), str) for column in prose):
        return row
    return {
        key: clean_text(value, multiline=True) if key in prose and isinstance(value, str) else value
        for key, value in row.items()
    }


def _deleted_rows(rows: Any) -> list[tuple[str, RowValues | None]]:
    """(id, values the office last knew) of one table's deletions; a kit of an older mzdesk
    lists ids only (no values: such rows are kept)."""
    if isinstance(rows, dict):
        return [(str(row_id), base) for row_id, base in sorted(rows.items())]
    return [(str(row_id), None) for row_id in rows or ()]


def merge_kit(
    session: Session, data: bytes, passphrase: str, *, progress: Progress | None = None
) -> MergeReport:
    """Merge a returned kit; the caller commits. A second merge of the same file is a no-op."""
    access.require(session, Action.EVENTS)
    header, payload = decrypt_return(session, data, passphrase)
    with scope.unscoped(session, scope.Purpose.KITS):  # every row is checked (kits.rights)
        return _merge(session, header, payload, progress)


def _merge(
    session: Session,
    header: crypto.KitHeader,
    payload: dict[str, Any],
    progress: Progress | None,
) -> MergeReport:
    event_id = uuid.UUID(str(payload["event_id"]))
    if session.get(Event, event_id) is None:
        raise KitRefused(
            f"the kit's event {event_id} does not exist in this database; nothing was merged",
            german="Die Veranstaltung dieser Mappe gibt es in dieser Datenbank nicht; es wurde "
            "nichts übernommen.",
        )
    rights.require_organiser(session, event_id)
    done = session.scalars(select(KitMerge).where(KitMerge.kit_id == header.kit_id)).first()
    if done is not None:
        return MergeReport.from_stored(header.kit_id, dict(done.report or {}))
    report = MergeReport(kit_id=header.kit_id, event_id=event_id)
    merge = KitMerge(kit_id=header.kit_id, event_id=event_id, merged_at=utcnow(), report={})
    session.add(merge)
    session.flush()
    merger = _Merger(session, report, merge)
    merger.load_open_conflicts()
    merger.load_merged_returns(str(payload.get("export_kit_id")))
    changes: dict[str, list[dict[str, Any]]] = payload.get("changes", {})
    merger.resolve_persons(changes)
    merger.use_rights(payload.get("export_kit_id"))
    steps = [name for name in MERGED_TABLES if changes.get(name)]
    total = len(steps) + 1
    for step, name in enumerate(steps):
        merger.merge_table(name, changes[name])
        if progress is not None:
            progress(step + 1, total)
    session.flush()
    merger.apply_deletions(dict(payload.get("deleted", {})))
    merger.check_duplicates()
    if progress is not None:
        progress(total, total)
    report.merge_id = merge.id
    merge.report = report.as_dict() | {
        "export_kit_id": payload.get("export_kit_id"),
        "sequence": payload.get("sequence"),
        "laptop": payload.get("laptop"),
    }
    audit.append(
        session,
        "kit_merge",
        "event",
        entity_id=event_id,
        details={
            key: value
            for key, value in report.as_dict().items()
            if key not in ("rejected_rows", "kept_rows")
        },
    )
    log.info(
        "kit %s merged: %d inserted, %d updated, %d conflicts, %d duplicates, %d rejected",
        header.kit_id,
        report.inserted,
        report.updated,
        report.conflicts,
        report.duplicates,
        len(report.rejected),
    )
    return report
