"""Intake and edits of a person: one input form, field-level checks, history, no lost updates.

:class:`PersonInput` holds every intake field *as typed* (dates as text: German, ISO, or a
year for the birth date; codes as codes): the GUI's form and the command line fill the same
object, and :func:`validate` answers with :class:`FieldError` s per field (German and English)
without touching the database, so a form can show them under the fields at once.

* :func:`create_person` writes the person, nationalities, languages, the first residence
  status and legal category (history rows) and the household, with an audit entry ``create``.
* :func:`edit_person` applies changes (PersonInput field → new value) to a stored person.
  Concurrency (two counsellors, PostgreSQL): the caller passes the ``version`` it showed; if
  the stored one is newer, :class:`EditConflict` carries a field-by-field diff (field, your
  value, their value) and nothing is written — the person decides (take theirs, overwrite
  with ``expected_version=conflict.current_version``, keep editing). A changed residence status
  or legal category is a *new* history row with its date; history is never overwritten. Every
  edit bumps the person's version (also when only a history or a list changed) and is audited
  with the fields' old and new values.
* :func:`duplicate_candidates` runs the duplicate check (``core.dedupe``) for an input.

The household: ``household_with`` names (file number or id) a person already in the file who
lives in the same household; the new person joins that household, or a new one is made for
both. Empty on an edit: the person leaves their household.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mzdesk.core import access, scope
from mzdesk.core.datetext import format_date
from mzdesk.core.dedupe import Candidate, PersonProbe, find_candidates
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.models import (
    BirthDatePrecision,
    Household,
    LegalCategoryPeriod,
    Person,
    PersonLanguage,
    PersonNationality,
    ResidenceStatus,
)
from mzdesk.core.models.base import utcnow
from mzdesk.core.services import audit, lookup
from mzdesk.core.services.intake_checks import (
    Cleaned,
    FieldError,
    LanguageSkillInput,
    PersonInput,
    clean,
    texts,
)

log = logging.getLogger(__name__)

FILE_NUMBER_PREFIX = "MZ"
_FILE_NUMBER_TRIES = 5


class IntakeInvalid(MzdeskError):
    """The input has field errors; ``errors`` lists them all, the message names the first."""

    def __init__(self, errors: list[FieldError]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        weitere = f" (und {len(errors) - 1} weitere)" if len(errors) > 1 else ""
        super().__init__(f"{first.field}: {first.message}{more}", german=f"{first.german}{weitere}")
        self.errors = errors


@dataclass(frozen=True)
class FieldDiff:
    field: str  # a PersonInput field name
    mine: str  # the value the user wants to save (canonical text)
    theirs: str  # the value stored meanwhile by someone else


class EditConflict(MzdeskError):
    """The person was changed by someone else since ``expected_version``; nothing written."""

    def __init__(self, person_id: uuid.UUID, current_version: int, diffs: list[FieldDiff]) -> None:
        super().__init__(
            f"person {person_id} was changed by someone else meanwhile "
            f"({len(diffs)} of your fields differ); nothing was saved",
            german="Diese Person wurde inzwischen von jemand anderem geändert; "
            "es wurde nichts gespeichert.",
        )
        self.person_id = person_id
        self.current_version = current_version
        self.diffs = diffs


@dataclass(frozen=True)
class StoredInput:
    """A stored person as the edit form shows it, with the version to save against."""

    person_id: uuid.UUID
    file_number: str
    version: int
    input: PersonInput
    household_members: tuple[str, ...]  # file numbers of the others in the household


def validate(data: PersonInput, *, today: date | None = None) -> list[FieldError]:
    """Every field error of ``data`` (empty: it can be saved). No database access."""
    return clean(data, today or date.today())[1]


def _checked(data: PersonInput, today: date) -> Cleaned:
    cleaned, errors = clean(data, today)
    if errors or cleaned is None:
        raise IntakeInvalid(errors)
    return cleaned


# --- reading ---------------------------------------------------------------------------------


def _person(session: Session, person_id: uuid.UUID, *, lock: bool = False) -> Person:
    """The person; ``lock``: read again from the database and lock the row (FOR UPDATE).

    A copy this session read earlier (a lookup by file number) is expired first: another
    desk may have saved a newer version since, which the locked read must then see (and
    :func:`edit_person` report as an :class:`EditConflict`) rather than fail on the version
    check with a ``StaleDataError`` (security review F13)."""
    if lock:
        earlier = session.identity_map.get(session.identity_key(Person, person_id))
        if earlier is not None:
            session.expire(earlier)
    person = session.get(Person, person_id, with_for_update=lock)
    if person is None:
        raise NotFound(f"no person with id {person_id}", german="Person nicht gefunden.")
    return person


def _latest(rows: list[Any]) -> Any:
    return max(rows, key=lambda row: (row.valid_from, row.created_at)) if rows else None


def _as_input(session: Session, person: Person) -> PersonInput:
    residence = _latest(list(person.residence_statuses))
    category = _latest(list(person.legal_categories))
    return PersonInput(
        family_name=person.family_name,
        given_names=person.given_names,
        family_name_original=person.family_name_original or "",
        given_names_original=person.given_names_original or "",
        birth_date=format_date(person.birth_date, person.birth_date_precision),
        birth_date_placeholder=person.birth_date_precision is BirthDatePrecision.PLACEHOLDER,
        sex=person.sex.value if person.sex else "",
        nationalities=tuple(row.country_code for row in person.nationalities),
        languages=tuple(
            LanguageSkillInput(row.language_code, row.cefr_level) for row in person.languages
        ),
        interpreter_language=person.interpreter_language or "",
        phone=person.phone or "",
        email=person.email or "",
        street=person.street or "",
        postcode=person.postcode or "",
        city=person.city or "",
        municipality=person.municipality or "",
        arrival_date=format_date(person.arrival_date),
        household_with=_household_anchor(session, person),
        residence_status=residence.status_code if residence else "",
        work_permission=residence.work_permission.value
        if residence and residence.work_permission
        else "",
        residence_valid_from=format_date(residence.valid_from) if residence else "",
        residence_valid_until=format_date(residence.valid_until) if residence else "",
        legal_category=category.category.value if category else "",
        legal_category_since=format_date(category.valid_from) if category else "",
    )


def _members(session: Session, person: Person) -> list[str]:
    if person.household_id is None:
        return []
    return list(
        session.scalars(
            select(Person.file_number)
            .where(
                Person.household_id == person.household_id,
                Person.id != person.id,
                Person.merged_into_id.is_(None),
            )
            .order_by(Person.file_number)
        )
    )


def _household_anchor(session: Session, person: Person) -> str:
    members = _members(session, person)
    return members[0] if members else ""


def load_input(session: Session, person_id: uuid.UUID) -> StoredInput:
    """What the edit form shows of ``person_id`` and the version it edits."""
    access.require(session, access.Action.READ_PERSON, person_id=person_id)
    person = _person(session, person_id)
    return StoredInput(
        person_id=person.id,
        file_number=person.file_number,
        version=person.version,
        input=_as_input(session, person),
        household_members=tuple(_members(session, person)),
    )


# --- writing ---------------------------------------------------------------------------------


def next_file_number(session: Session, year: int) -> str:
    """``MZ-<year>-<n>``: one more than the highest of that year (six digits)."""
    prefix = f"{FILE_NUMBER_PREFIX}-{year}-"
    # Over every person, whichever team: a number taken by another team is taken.
    with scope.unscoped(session, scope.Purpose.FILE_NUMBER):
        numbers = session.scalars(
            select(Person.file_number).where(Person.file_number.like(f"{prefix}%"))
        ).all()
    highest = max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)
    return f"{prefix}{highest + 1:06d}"


def _household_for(
    session: Session, person: Person, anchor_text: str, family_name: str
) -> uuid.UUID | None:
    """The household ``person`` lives in with the person named by ``anchor_text``."""
    if not anchor_text:
        return None
    try:
        anchor = lookup.person(session, anchor_text)
    except NotFound:
        raise IntakeInvalid(
            [
                FieldError(
                    "household_with",
                    f"no person {anchor_text!r} to share a household with",
                    f"Keine Person „{anchor_text}“ gefunden (Aktenzeichen angeben).",
                )
            ]
        ) from None
    if anchor.id == person.id:
        raise IntakeInvalid(
            [
                FieldError(
                    "household_with",
                    "a person cannot share a household with themselves",
                    "Bitte eine andere Person angeben.",
                )
            ]
        )
    if anchor.household_id is None:
        household = Household(label=f"Haushalt {family_name}".strip())
        session.add(household)
        session.flush()
        anchor.household_id = household.id
    return anchor.household_id


def _set_lists(person: Person, cleaned: Cleaned) -> None:
    person.nationalities = [
        PersonNationality(country_code=code, position=position)
        for position, code in enumerate(cleaned.nationalities)
    ]
    person.languages = [
        PersonLanguage(language_code=code, cefr_level=level, position=position)
        for position, (code, level) in enumerate(cleaned.languages)
    ]


_SIMPLE = (
    "family_name",
    "given_names",
    "family_name_original",
    "given_names_original",
    "birth_date",
    "birth_date_precision",
    "sex",
    "interpreter_language",
    "phone",
    "email",
    "street",
    "postcode",
    "city",
    "municipality",
    "arrival_date",
)


def _set_simple(person: Person, cleaned: Cleaned) -> None:
    for name in _SIMPLE:
        if getattr(person, name) != getattr(cleaned, name):
            setattr(person, name, getattr(cleaned, name))


def create_person(session: Session, data: PersonInput, *, today: date | None = None) -> Person:
    """A new person from ``data`` (checked: :class:`IntakeInvalid`); the caller commits."""
    access.require(session, access.Action.EDIT_PERSON)
    today = today or date.today()
    cleaned = _checked(data, today)
    person = Person(file_number="", family_name=cleaned.family_name, given_names="")
    _set_simple(person, cleaned)
    _set_lists(person, cleaned)
    if cleaned.residence is not None:
        status, permission, valid_from, valid_until = cleaned.residence
        person.residence_statuses.append(
            ResidenceStatus(
                status_code=status,
                work_permission=permission,
                valid_from=valid_from or today,
                valid_until=valid_until,
            )
        )
    if cleaned.legal is not None:
        category, since = cleaned.legal
        person.legal_categories.append(
            LegalCategoryPeriod(category=category, valid_from=since or today)
        )
    person.household_id = _household_for(
        session, person, cleaned.household_with, cleaned.family_name
    )
    _insert_with_file_number(session, person, today.year)
    given = [f.name for f in fields(PersonInput) if getattr(data, f.name) not in ("", (), False)]
    audit.append(
        session,
        "create",
        "person",
        entity_id=person.id,
        person_id=person.id,
        details={"file_number": person.file_number, "fields": given},
    )
    log.info("person created: %s", person.id)
    return person


def _insert_with_file_number(session: Session, person: Person, year: int) -> None:
    """Add ``person`` with the next file number; another desk taking it meanwhile: retry."""
    for attempt in range(_FILE_NUMBER_TRIES):
        person.file_number = next_file_number(session, year)
        try:
            with session.begin_nested():
                session.add(person)
                session.flush()
            return
        except IntegrityError:  # the savepoint's rollback took ``person`` out: add it again
            log.info("file number taken meanwhile, retrying (%d)", attempt + 1)
    raise MzdeskError(
        "could not allocate a file number: please try again",
        german="Es konnte kein Aktenzeichen vergeben werden: bitte noch einmal versuchen.",
    )


def _diffs(
    changes: Mapping[str, Any], mine: dict[str, str], theirs: dict[str, str]
) -> list[FieldDiff]:
    return [
        FieldDiff(name, mine[name], theirs[name])
        for name in changes
        if name in mine and mine[name] != theirs[name]
    ]


def edit_person(
    session: Session,
    person_id: uuid.UUID,
    changes: Mapping[str, Any],
    expected_version: int,
    *,
    today: date | None = None,
) -> Person:
    """Apply ``changes`` (PersonInput field → value) to the person; the caller commits.

    :class:`EditConflict` if the stored version is newer than ``expected_version`` (nothing
    written); :class:`IntakeInvalid` for field errors; a change of nothing writes nothing.
    """
    access.require(session, access.Action.EDIT_PERSON, person_id=person_id)
    today = today or date.today()
    unknown = sorted(set(changes) - {f.name for f in fields(PersonInput)})
    if unknown:
        raise ValueError(f"not intake fields: {', '.join(unknown)}")
    person = _person(session, person_id, lock=True)
    if person.merged_into_id is not None:
        raise MzdeskError(
            f"person {person_id} was merged into {person.merged_into_id}: edit that one",
            german="Diese Person wurde mit einer anderen zusammengeführt; bitte jene bearbeiten.",
        )
    stored = _as_input(session, person)
    wanted = replace(stored, **dict(changes))
    before, after = _checked(stored, today), _checked(wanted, today)
    old_texts, new_texts = texts(before), texts(after)
    if person.version != expected_version:
        raise EditConflict(person.id, person.version, _diffs(changes, new_texts, old_texts))
    changed = [name for name in new_texts if new_texts[name] != old_texts[name]]
    if not changed:
        return person
    _apply(session, person, before, after, changed, today)
    person.updated_at = utcnow()  # the version moves even if only a history or list changed
    try:
        session.flush()
    except StaleDataError:  # saved by another session between our read and our write
        session.rollback()
        current = _person(session, person_id)
        theirs = texts(_checked(_as_input(session, current), today))
        raise EditConflict(person_id, current.version, _diffs(changes, new_texts, theirs)) from None
    audit.append(
        session,
        "edit",
        "person",
        entity_id=person.id,
        person_id=person.id,
        details={
            "changes": {name: {"old": old_texts[name], "new": new_texts[name]} for name in changed}
        },
    )
    log.info("person edited: %s (%d fields)", person.id, len(changed))
    return person


_RESIDENCE_FIELDS = (
    "residence_status",
    "work_permission",
    "residence_valid_from",
    "residence_valid_until",
)
_LEGAL_FIELDS = ("legal_category", "legal_category_since")


def _apply(
    session: Session,
    person: Person,
    before: Cleaned,
    after: Cleaned,
    changed: list[str],
    today: date,
) -> None:
    _set_simple(person, after)
    if before.nationalities != after.nationalities or before.languages != after.languages:
        _set_lists(person, after)
    if any(name in changed for name in _RESIDENCE_FIELDS):
        if after.residence is None:
            raise IntakeInvalid([_no_removal("residence_status")])
        status, permission, valid_from, valid_until = after.residence
        if before.residence is not None and valid_from == before.residence[2]:
            valid_from = today  # the form still showed the old document's start
        person.residence_statuses.append(
            ResidenceStatus(
                status_code=status,
                work_permission=permission,
                valid_from=valid_from or today,
                valid_until=valid_until,
            )
        )
    if any(name in changed for name in _LEGAL_FIELDS):
        if after.legal is None:
            raise IntakeInvalid([_no_removal("legal_category")])
        category, since = after.legal
        if before.legal is not None and since == before.legal[1]:
            since = today
        person.legal_categories.append(
            LegalCategoryPeriod(category=category, valid_from=since or today)
        )
    if "household_with" in changed:
        person.household_id = _household_for(
            session, person, after.household_with, after.family_name
        )


def _no_removal(name: str) -> FieldError:
    return FieldError(
        name,
        "history cannot be removed: enter the new value instead",
        "Der Verlauf kann nicht gelöscht werden: bitte den neuen Wert eintragen.",
    )


# --- duplicates ------------------------------------------------------------------------------


def probe_of(data: PersonInput, *, today: date | None = None) -> PersonProbe:
    """The duplicate check's view of an input; fields with errors are left out."""
    cleaned = clean(data, today or date.today(), partial=True)[0]
    assert cleaned is not None
    return PersonProbe(
        family_name=cleaned.family_name,
        given_names=cleaned.given_names,
        birth_date=cleaned.birth_date,
        birth_date_precision=cleaned.birth_date_precision,
        nationalities=cleaned.nationalities,
        phone=cleaned.phone,
        sex=cleaned.sex,
    )


def duplicate_candidates(
    session: Session,
    data: PersonInput,
    *,
    exclude: uuid.UUID | None = None,
    limit: int = 10,
    today: date | None = None,
) -> list[Candidate]:
    """Existing persons who are likely the one in ``data``, best first (score, reasons)."""
    access.require(session, access.Action.READ_PERSON)
    probe = probe_of(data, today=today)
    if not probe.family_name and not probe.given_names:
        return []
    found = find_candidates(session, probe, limit, exclude=exclude)
    visible = set(
        session.scalars(
            select(Person.id).where(
                Person.id.in_([c.person_id for c in found]), access.visible_persons(session)
            )
        )
    )
    return [candidate for candidate in found if candidate.person_id in visible]


__all__ = [
    "EditConflict",
    "FieldDiff",
    "FieldError",
    "IntakeInvalid",
    "LanguageSkillInput",
    "PersonInput",
    "StoredInput",
    "create_person",
    "duplicate_candidates",
    "edit_person",
    "load_input",
    "next_file_number",
    "probe_of",
    "validate",
]
