"""Art. 17 GDPR / §84 SGB X: erase a person by anonymisation, so that statistics keep working.

What happens to the person and its merged records (one transaction, :func:`erase_person`):

* names (Latin and original script) become the neutral ``"Anonymisiert"``, the file number
  ``ANON-<last 12 hex digits of the id>``; phone, e-mail, street, postcode and city are removed;
  the birth date becomes the first day of its quarter; ``anonymised_on`` is set. Sex,
  nationalities, languages, arrival date, municipality, residence and legal-category
  histories, cases (dates, status, topics), placements, referrals' partner and states and
  consent dates stay: that is what the statistics count.
* every other text column of every row about the person (found through every foreign key to
  ``persons``, see :mod:`.collect`) is cleared — notes, summaries, goals, follow-up texts,
  referral purposes and feedback, consent witnesses — unless it is a code listed in
  :data:`KEPT_TEXT` (a column added later is cleared by default); binary columns (referral
  letters, consent scans) are deleted; the referral letter's SHA-256 stays as evidence;
* audit entries about the person are redacted (:func:`.trail.redact_entries`) and one ``erase``
  entry records ids, counts and the redacted entries — never a name; kit-merge conflicts about
  the person lose their values.

Then, for SQLite, :func:`scrub_sqlite` removes what the file still remembers: ``secure_delete``
(freed space is zeroed), FTS5 ``optimize`` (the search index's old segments with the folded
names are merged away), ``ANALYZE`` if ``sqlite_stat4`` (sample index keys) exists, a WAL
checkpoint with TRUNCATE, then a scan of the file for the person's strings (every case, UTF-8
and JSON-escaped) and a ``VACUUM`` if any is still found. A string that the database's live
rows still hold — another person's own data (a namesake, a shared street) or a colleague's
note on another person that names this one — is no remnant of the erased rows: it does not
count as remaining. Such mentions in the free text of *other* persons' records are listed
(:func:`find_mentions`: record kind and id, never the text) for someone to edit by hand.
While another program holds a read transaction, the write-ahead log cannot be cleared;
:func:`scrub_file` (``mzdesk privacy scrub``) finishes it once that program has closed.

Backups taken afterwards are clean; older backups expire by rotation, and a restore of one
re-applies every erasure recorded since (:func:`erased_ids` reads the ledger — the ``erase``
audit entries and the anonymised records, ids only; :func:`reapply_erasures` applies it to the
restored file before it replaces the database; see :mod:`mzdesk.core.backup`).

PostgreSQL: the rows are anonymised the same way; old row versions remain in the server's
storage until autovacuum reclaims them and in its WAL archive and base backups — that is the
server administrator's matter (``VACUUM``, archive retention), see the README.
"""

from __future__ import annotations

import json
import logging
import mmap
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Enum, LargeBinary, String, Table, select, update
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.access import Action
from mzdesk.core.database import BUSY_TIMEOUT_MS, Database
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.models import AuditEntry, Base, Household, MergeConflict, Person
from mzdesk.core.models.base import utcnow
from mzdesk.core.names import fold, person_search_text, person_sort_key, phone_key
from mzdesk.core.privacy import trail
from mzdesk.core.privacy.collect import (
    CASE_CHILDREN,
    PersonRecords,
    collect,
    related_ids,
)
from mzdesk.core.services import audit
from mzdesk.core.services.merge import person_foreign_keys

log = logging.getLogger(__name__)

NEUTRAL_NAME = "Anonymisiert"
TOKEN = "[anonymisiert]"
# Text columns that hold codes the statistics need (or bookkeeping): kept on erasure.
KEPT_TEXT = frozenset(
    {
        "origin",
        "country_code",
        "language_code",
        "cefr_level",
        "status_code",
        "topic_code",
        "channel",
        "interpreter_language",
        "partner_kind",
        "kind",
        "text_version",
        "german_level",
        "residence_status_at_start",
        "service",
        "employer_name",
        "subsidy",
        "letter_sha256",
        "source",
        "municipality",
    }
)
_PERSON_TEXT = {
    "family_name": NEUTRAL_NAME,
    "given_names": "",
    "family_name_original": None,
    "given_names_original": None,
    "phone": None,
    "email": None,
    "street": None,
    "postcode": None,
    "city": None,
}
_SCRUB_ATTEMPTS = 5
# What a mention of the erased person in another person's record is called in a warning.
RECORD_KINDS = {
    "attendances": "attendance",
    "cases": "case",
    "consents": "consent",
    "contacts": "contact",
    "follow_ups": "follow-up",
    "referrals": "referral",
    "residence_statuses": "residence status",
}
# Above this many persons in one run the file is vacuumed instead of scanned per string.
SCAN_LIMIT = 25


class EraseRefused(MzdeskError):
    """The person cannot be erased (already anonymised, or merged into another record)."""


@dataclass(frozen=True)
class Mention:
    """A record of *another* person whose free text may still name the erased person."""

    kind: str  # "contact", "case", … (see RECORD_KINDS)
    table: str
    id: uuid.UUID

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "id": str(self.id)}


@dataclass
class EraseReport:
    person_id: uuid.UUID
    person_ids: list[uuid.UUID]
    changed: dict[str, int] = field(default_factory=dict)  # table → rows anonymised
    binaries_deleted: int = 0
    redacted_audit_seqs: list[int] = field(default_factory=list)
    needles: list[str] = field(default_factory=list, repr=False)  # personal data: never logged
    terms: list[str] = field(default_factory=list, repr=False)  # ditto: what a mention holds
    mentions: list[Mention] = field(default_factory=list)  # filled by erase_and_scrub

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": str(self.person_id),
            "records": [str(pid) for pid in self.person_ids],
            "changed": dict(self.changed),
            "binaries_deleted": self.binaries_deleted,
            "redacted_audit_entries": len(self.redacted_audit_seqs),
        }


@dataclass
class ScrubReport:
    backend: str
    checkpoint_busy: bool = False
    vacuumed: bool = False
    remaining: int = 0  # strings of the erased persons still in the file that no live row holds

    def as_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "checkpoint_busy": self.checkpoint_busy,
            "vacuumed": self.vacuumed,
            "remaining": self.remaining,
        }


def quarter_start(value: date) -> date:
    return date(value.year, 3 * ((value.month - 1) // 3) + 1, 1)


def anonymous_file_number(person_id: uuid.UUID) -> str:
    return f"ANON-{person_id.hex[-12:]}"


def _needles(records: PersonRecords) -> list[str]:
    """The person's strings to look for in the file afterwards (names, contact data)."""
    found: set[str] = set()
    for row in records.tables["persons"]:
        for key in (
            "family_name",
            "given_names",
            "family_name_original",
            "given_names_original",
            "email",
            "street",
            "file_number",
            "phone",
        ):
            value = row.get(key)
            if isinstance(value, str) and len(value.strip()) >= 3:
                found.add(value.strip())
        for key in ("family_name", "given_names", "family_name_original", "given_names_original"):
            folded = fold(row.get(key))
            found.update(token for token in folded.split() if len(token) >= 4)
            if folded:
                found.add(folded)
        digits = phone_key(row.get("phone"))
        if len(digits) >= 6:
            found.add(digits)
    found.discard(NEUTRAL_NAME)
    return sorted(found)


def _terms(records: PersonRecords) -> list[str]:
    """What identifies the person in someone else's text: family names, contact data, file
    number (a given name alone is too common to mean this person)."""
    found: set[str] = set()
    for row in records.tables["persons"]:
        for key in ("family_name", "family_name_original", "email", "phone", "file_number"):
            value = row.get(key)
            if isinstance(value, str) and len(value.strip()) >= 4:
                found.add(value.strip())
    found.discard(NEUTRAL_NAME)
    return sorted(found)


def _stamp(table: Table, user_id: uuid.UUID | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "version" in table.c:
        values["version"] = table.c.version + 1
    if "updated_at" in table.c:
        values["updated_at"] = utcnow()
    if "updated_by" in table.c:
        values["updated_by"] = user_id
    return values


def cleared_values(table: Table) -> dict[str, Any]:
    """The erasure values of ``table``'s free-text and binary columns (codes are kept)."""
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.key in KEPT_TEXT or column.primary_key or column.foreign_keys:
            continue
        if isinstance(column.type, LargeBinary):
            values[column.key] = None
        elif isinstance(column.type, String) and not isinstance(column.type, Enum):
            values[column.key] = None if column.nullable else TOKEN
    return values


def _anonymise_rows(
    session: Session, table: Table, ids: list[uuid.UUID], user_id: uuid.UUID | None
) -> int:
    values = cleared_values(table)
    if not ids or not values:
        return 0
    result = session.execute(
        update(table).where(table.c.id.in_(ids)).values(**values, **_stamp(table, user_id))
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _anonymise_person(
    session: Session, row: dict[str, Any], today: date, user_id: uuid.UUID | None
) -> None:
    person_id = uuid.UUID(row["id"])
    birth = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
    birth = quarter_start(birth) if birth else None
    file_number = anonymous_file_number(person_id)
    table = Person.__table__
    assert isinstance(table, Table)
    session.execute(
        update(table)
        .where(table.c.id == person_id)
        .values(
            **_PERSON_TEXT,
            file_number=file_number,
            birth_date=birth,
            anonymised_on=today,
            sort_key=person_sort_key(NEUTRAL_NAME, ""),
            search_text=person_search_text(
                family_name=NEUTRAL_NAME,
                given_names="",
                file_number=file_number,
                birth_date=birth,
            ),
            **_stamp(table, user_id),
        )
    )


def _anonymise_households(session: Session, records: PersonRecords) -> int:
    """A household label may be the family name: anonymised once no named member is left."""
    changed = 0
    for row in records.tables.get("households", []):
        household_id = uuid.UUID(row["id"])
        named = session.scalar(
            select(Person.id)
            .where(
                Person.household_id == household_id,
                Person.anonymised_on.is_(None),
                Person.id.not_in(records.person_ids),
            )
            .limit(1)
        )
        if named is None:
            household = session.get(Household, household_id)
            if household is not None:
                household.label, household.note = NEUTRAL_NAME, None
                changed += 1
    return changed


def _clear_conflicts(session: Session, ids: Iterable[uuid.UUID]) -> int:
    targets = sorted(set(ids))
    changed = 0
    for start in range(0, len(targets), 500):
        for conflict in session.scalars(
            select(MergeConflict).where(MergeConflict.entity_id.in_(targets[start : start + 500]))
        ):
            conflict.office_value = conflict.kit_value = None
            if conflict.resolved_at is None:
                conflict.resolved_at, conflict.resolution = utcnow(), "erased"
            changed += 1
    return changed


def _enable_secure_delete(session: Session) -> None:
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")


def erase_person(
    session: Session, person_id: uuid.UUID, *, today: date | None = None
) -> EraseReport:
    """Anonymise the person and everything about it (the caller commits, then scrubs)."""
    access.require(session, Action.PRIVACY, person_id=person_id)
    with scope.unscoped(session, scope.Purpose.ERASURE):
        return erase_decided(session, person_id, today=today)


def erase_decided(
    session: Session,
    person_id: uuid.UUID,
    *,
    today: date | None = None,
    reapplied: bool = False,
) -> EraseReport:
    """:func:`erase_person` for a caller that decided access itself and runs it in an
    unscoped block (the person's every row, whichever team it belongs to): the erasure of one
    person, the organisation's retention run, and a restore re-applying erasures (the program
    itself, on the staged copy)."""
    purposes = (scope.Purpose.ERASURE, scope.Purpose.RETENTION)
    if scope.viewer(session) is not None and scope.active_purpose(session) not in purposes:
        raise scope.ScopeViolation("erase_decided runs inside an erasure or retention block")
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"person {person_id} not found", german="Person nicht gefunden.")
    if person.merged_into_id is not None and not reapplied:
        raise EraseRefused(
            f"person {person_id} was merged into {person.merged_into_id}: erase that one",
            german="Dieser Datensatz wurde zusammengeführt; bitte den verbleibenden löschen.",
        )
    if person.anonymised_on is not None:
        raise EraseRefused(
            f"person {person_id} was already anonymised on {person.anonymised_on.isoformat()}",
            german="Diese Person wurde bereits anonymisiert.",
        )
    _enable_secure_delete(session)
    session.flush()
    today = today or datetime.now(UTC).date()
    user_id = access.acting_user_id(session)
    records = collect(session, person_id, with_audit=False)
    report = EraseReport(
        person_id, list(records.person_ids), needles=_needles(records), terms=_terms(records)
    )
    tables = {table.name: table for table in Base.metadata.sorted_tables}
    for name, rows in records.tables.items():
        if name in ("persons", "households") or not rows:
            continue
        table = tables[name]
        report.binaries_deleted += sum(
            1
            for row in rows
            for key, value in row.items()
            if isinstance(value, dict) and "sha256" in value and key in cleared_values(table)
        )
        report.changed[name] = _anonymise_rows(session, table, records.ids(name), user_id)
    for row in records.tables["persons"]:
        _anonymise_person(session, row, today, user_id)
    report.changed["persons"] = len(records.tables["persons"])
    report.changed["households"] = _anonymise_households(session, records)
    ids = related_ids(records)
    report.changed["merge_conflicts"] = _clear_conflicts(session, ids)
    session.expire_all()
    report.redacted_audit_seqs = trail.redact_entries(session, records.person_ids, ids)
    details: dict[str, Any] = {**report.as_dict(), "redacted_seqs": report.redacted_audit_seqs}
    if reapplied:
        details["reapplied"] = True  # an erasure recorded since the restored backup was made
    audit.append(
        session,
        trail.ERASE_ACTION,
        "person",
        entity_id=person_id,
        person_id=person_id,
        details=details,
    )
    log.info(
        "person %s erased%s (%d records, %d audit entries redacted)",
        person_id,
        " again after a restore" if reapplied else "",
        len(report.person_ids),
        len(report.redacted_audit_seqs),
    )
    return report


# --- mentions in other persons' records --------------------------------------------------------


def _free_text_tables() -> list[tuple[Table, list[str]]]:
    """The tables about persons (other than persons and households) with their free-text
    columns: where a colleague may have named someone in another person's record."""
    names = {table.name for table, _column in person_foreign_keys()}
    names |= {model.__table__.name for model in CASE_CHILDREN}
    names -= {Person.__tablename__, Household.__tablename__}
    found: list[tuple[Table, list[str]]] = []
    for table in Base.metadata.sorted_tables:
        if table.name in names:
            columns = [
                key
                for key in cleared_values(table)
                if not isinstance(table.c[key].type, LargeBinary)
            ]
            if columns:
                found.append((table, columns))
    return found


def find_mentions(session: Session, terms: Iterable[str]) -> list[Mention]:
    """Records whose free text holds one of ``terms`` (any case); the erased person's own
    records were cleared already, so every hit is about someone else."""
    folded = [term.casefold() for term in terms if term]
    if not folded:
        return []
    found: list[Mention] = []
    for table, columns in _free_text_tables():
        selected = select(table.c.id, *(table.c[key] for key in columns))
        for row in session.execute(selected):
            texts = [str(value).casefold() for value in row[1:] if value]
            if any(term in text for text in texts for term in folded):
                found.append(Mention(RECORD_KINDS.get(table.name, table.name), table.name, row[0]))
    return sorted(found, key=lambda mention: (mention.kind, str(mention.id)))


def _live_text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", "replace")
    return str(value)


def held_by_live_rows(session: Session, needles: Iterable[str]) -> set[str]:
    """Which of ``needles`` a row of the database still holds (any case): another person's
    own data — a namesake, a shared street, a household member's phone — or a mention."""
    wanted = {needle: needle.casefold() for needle in needles}
    held: set[str] = set()
    for table in Base.metadata.sorted_tables:
        columns = [
            column
            for column in table.columns
            if isinstance(column.type, String | JSON | LargeBinary)
            and not isinstance(column.type, Enum)
        ]
        if not columns or len(held) == len(wanted):
            continue
        for row in session.execute(select(*columns)):
            texts = [_live_text(value).casefold() for value in row if value is not None]
            for needle, folded in wanted.items():
                if needle not in held and any(folded in text for text in texts):
                    held.add(needle)
    return held


# --- re-applying erasures after a restore ------------------------------------------------------


def erased_ids(session: Session) -> set[uuid.UUID]:
    """The erasure ledger of this database: the ids of every erased person record (the
    ``erase`` audit entries with the records they covered, and every anonymised record)."""
    access.require(session, Action.BACKUP)
    found: set[uuid.UUID] = set()
    entries = session.execute(
        select(AuditEntry.entity_id, AuditEntry.person_id, AuditEntry.details).where(
            AuditEntry.action == trail.ERASE_ACTION
        )
    )
    for entity_id, person_id, details in entries:
        found.update(pid for pid in (entity_id, person_id) if pid is not None)
        records = details.get("records", []) if isinstance(details, dict) else []
        for text in records if isinstance(records, list) else []:
            try:
                found.add(uuid.UUID(str(text)))
            except ValueError:
                continue
    found.update(session.scalars(select(Person.id).where(Person.anonymised_on.is_not(None))))
    return found


@dataclass
class ReapplyReport:
    erased: list[uuid.UUID] = field(default_factory=list)  # persons erased again
    scrub: ScrubReport | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "erasures_reapplied": len(self.erased),
            "scrub": self.scrub.as_dict() if self.scrub else None,
        }


def reapply_erasures(
    database: Database, ids: Iterable[uuid.UUID], *, user_id: uuid.UUID | None = None
) -> ReapplyReport:
    """Erase again, in ``database`` (a restored copy before it goes live), every record of
    the ledger ``ids`` that it still holds un-anonymised; then scrub the file.

    Called by :func:`mzdesk.core.backup.restore` after its own access decision
    (``Action.BACKUP``) on the live database: an erasure once made is never undone, whoever
    restores. ``user_id`` is recorded as the acting user (it may not exist in an old backup).
    """
    report = ReapplyReport()
    wanted = set(ids)
    needles: set[str] = set()
    with (
        database.session(user_id) as session,
        scope.unscoped(session, scope.Purpose.REAPPLY_ERASURES),
    ):
        _enable_secure_delete(session)
        for person_id in sorted(wanted):
            person = session.get(Person, person_id)
            if person is None or person.anonymised_on is not None:
                continue  # not in the backup, or erased with the record it was merged into
            if person.merged_into_id in wanted:
                continue  # erased below together with the record it was merged into
            erased = erase_decided(session, person_id, reapplied=True)
            report.erased.append(person_id)
            needles.update(erased.needles)
            session.flush()
            session.expire_all()
        session.commit()
    if report.erased:
        report.scrub = scrub_sqlite(database, sorted(needles), vacuum=True)
    return report


# --- the SQLite file ---------------------------------------------------------------------------


def _variants(needle: str) -> set[bytes]:
    forms = {needle, needle.lower(), needle.upper(), needle.casefold(), needle.title()}
    encoded = {form.encode("utf-8") for form in forms}
    encoded |= {json.dumps(form)[1:-1].encode("ascii") for form in forms}
    return {item for item in encoded if len(item) >= 3}


def strings_in_files(paths: Iterable[Path], needles: Iterable[str]) -> set[str]:
    """Which of ``needles`` occur (any case, UTF-8 or JSON-escaped) in the files' bytes."""
    forms = {needle: _variants(needle) for needle in needles}
    found: set[str] = set()
    for path in paths:
        if not path.exists() or path.stat().st_size == 0:
            continue
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            found.update(
                needle
                for needle, variants in forms.items()
                if needle not in found and any(data.find(form) >= 0 for form in variants)
            )
    return found


def find_in_files(paths: Iterable[Path], needles: Iterable[str]) -> int:
    """How many of ``needles`` occur in the files' bytes (see :func:`strings_in_files`)."""
    return len(strings_in_files(paths, needles))


def sqlite_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal")]


def _checkpoint(connection: Any) -> bool:
    """WAL checkpoint(TRUNCATE); True if it had to give up because a reader was busy.

    A few short tries without SQLite's busy timeout (which would wait 5 s for each): a
    window left open in the background does not hold the erasure up for half a minute.
    """
    connection.exec_driver_sql("PRAGMA busy_timeout = 0")
    try:
        for attempt in range(_SCRUB_ATTEMPTS):
            busy, _log, _done = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
            if not busy:
                return False
            time.sleep(0.1 * (attempt + 1))
        return True
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def scrub_sqlite(database: Database, needles: list[str], *, vacuum: bool = False) -> ScrubReport:
    """After an erase was committed: leave nothing of the erased strings in the SQLite file.

    ``remaining`` counts the strings still in the file that no live row holds (a namesake's
    name is not a remnant). While another program reads (``checkpoint_busy``), the old pages
    stay until it has closed: nothing more is tried, :func:`scrub_file` finishes it then.
    """
    report = ScrubReport(backend=database.backend)
    if not database.is_sqlite or database.path is None:
        return report
    found: set[str] = set()
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA secure_delete = ON")
        connection.exec_driver_sql("INSERT INTO person_fts(person_fts) VALUES ('optimize')")
        stat4 = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'"
        ).first()
        if stat4 is not None:
            connection.exec_driver_sql("ANALYZE")
        connection.commit()
        report.checkpoint_busy = _checkpoint(connection)
        if report.checkpoint_busy:
            log.info("sqlite scrub postponed: another connection is reading")
            return report
        scan = not vacuum and len(needles) <= SCAN_LIMIT * 12
        if scan:
            found = strings_in_files(sqlite_files(database.path), needles)
        if vacuum or found:
            connection.exec_driver_sql("VACUUM")
            report.vacuumed = True
            report.checkpoint_busy = _checkpoint(connection)
            found = strings_in_files(sqlite_files(database.path), needles) if scan else set()
    if found:
        # Every live row, whichever team: a namesake's name is no remnant (strings only).
        with database.session() as session, scope.unscoped(session, scope.Purpose.ERASURE):
            report.remaining = len(found - held_by_live_rows(session, found))
    log.info("sqlite scrubbed after erasure: %s", report.as_dict())
    return report


def scrub_file(database: Database, *, user_id: uuid.UUID | None = None) -> ScrubReport:
    """``mzdesk privacy scrub``: what an erasure could not finish while another program had
    the file open — search-index merge, write-ahead log checkpoint, VACUUM."""
    with database.session(user_id) if user_id else database.session() as session:
        access.require(session, Action.PRIVACY)
    return scrub_sqlite(database, [], vacuum=True)


def erase_and_scrub(
    database: Database, person_id: uuid.UUID, *, user_id: uuid.UUID | None = None
) -> tuple[EraseReport, ScrubReport]:
    """One user action: erase in a transaction of its own, commit, then scrub the file.

    ``report.mentions`` lists the other persons' records whose free text still names the
    person (kind and id): erasing those is a person's decision, not the program's.
    """
    with database.session(user_id) if user_id else database.session() as session:
        report = erase_person(session, person_id)
        session.commit()
        # Other persons' records, whichever team, named by kind and id only (never the text).
        with scope.unscoped(session, scope.Purpose.ERASURE):
            report.mentions = find_mentions(session, report.terms)
    return report, scrub_sqlite(database, report.needles)
