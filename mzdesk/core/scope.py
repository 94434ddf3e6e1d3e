"""The one scoped way to read and write case data: access as a property of the statement.

Every session opened for a user (``Database.session(user_id)``, or the database's
``acting_user_id``) is *scoped*: the hooks installed here by :func:`install` decide access for
every statement it runs, so that no service can forget it.

* **Reads through the ORM** (``select(Person)``, ``select(Referral.id)``, ``session.get``,
  relationship loads, joins, subqueries): each protected entity gets the acting user's
  visibility as loader criteria (``with_loader_criteria``). A counsellor's
  ``select(Referral)`` returns their team's referrals and nothing else; an admin's returns
  nothing (an admin never reads case contents). The rules are those of
  :mod:`mzdesk.core.access` (a person belongs to the teams of their cases; a person without a
  team case is visible to every caseworker), written once here as SQL.
* **Statements that bypass the ORM** (Core ``select(table)``, ``text()``, bulk DML on a
  protected table): refused with :class:`ScopeViolation` — a programming error, never shown
  as a permission problem — unless they run inside :func:`unscoped` with a declared
  :class:`Purpose`. Each purpose names the access decision it stands for (an action the user
  must be allowed) and why the rows it reads are not limited to the user's team; the list is
  short and reviewed (``tests/unit/test_access_structure.py`` enumerates every use).
* **Writes through the ORM** (a flush of new, changed or deleted rows): each row about a person
  or a case must be about one the acting user may see — a new case, contact or consent for
  another team's person is refused with :class:`~mzdesk.core.access.AccessDenied` (and
  audited), whichever service or kit tried it.

Sessions of the program itself (no user: demo data, migrations, the laptop's kit import) are
not scoped. The access module's own checks read through Core tables under its own purpose.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, event, exists, false, or_, select, true
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria
from sqlalchemy.sql import TableClause, TextClause
from sqlalchemy.sql.visitors import iterate

from mzdesk.core import access
from mzdesk.core.access import Action
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import (
    Attendance,
    Case,
    CaseTopic,
    Consent,
    ConsentRecipient,
    Contact,
    EventContact,
    FollowUp,
    Household,
    LegalCategoryPeriod,
    MergeConflict,
    Person,
    PersonLanguage,
    PersonNationality,
    Placement,
    Referral,
    ResidenceStatus,
)
from mzdesk.core.models.enums import Role

FTS_TABLE = "person_fts"  # the SQLite full-text index over persons (services.search.FTS_TABLE)


class ScopeViolation(MzdeskError):
    """A statement on case data that bypasses the scope (a programming error)."""


class Purpose(StrEnum):
    """Why a block may read or write case data beyond the acting user's scope.

    Each purpose stands for an access decision: :func:`unscoped` requires ``PURPOSE_ACTION``
    of it before the block runs. Adding one is a reviewed change (see the module docstring).
    """

    ACCESS_CHECK = "access_check"  # the policy's own lookups (ids and team ids only)
    STATISTICS = "statistics"  # organisation-wide counts; drill-downs stay scoped
    NAME_FREQUENCY = "name_frequency"  # how common a name key is (counts only)
    EVENT_TALLY = "event_tally"  # head counts and registration numbers of an event
    KITS = "kits"  # a kit packed or merged row by row, each row checked (kits.rights)
    RETENTION = "retention"  # ids and dates of closed cases; erasure of what is due
    ERASURE = "erasure"  # erasing one person the user may erase: every trace, every table
    SEARCH_INDEX = "search_index"  # the full-text index maintained beside persons
    MERGE_PERSONS = "merge_persons"  # moving every row of two visible persons onto one
    PRIVACY_EXPORT = "privacy_export"  # Art. 15: everything about one person the user may see
    # A Core statement that applies the user's visibility itself (access.visible_persons or
    # scope.visible in the same function), e.g. a capped count over an ORM subquery, which the
    # loader criteria cannot reach.
    EXPLICIT_SCOPE = "explicit_scope"
    # Resolving a typed id or file number to the record's id (and its person or case) before
    # access.require decides, so an attempt on another team's record is refused and audited.
    LOOKUP = "lookup"
    # The highest file number of a year over every person: a number, never a record.
    FILE_NUMBER = "file_number"
    # A restore re-applying the erasures recorded since its backup was made, on the staged
    # copy (decided by the restore: Action.BACKUP on the live database; the user may not
    # exist in an old backup).
    REAPPLY_ERASURES = "reapply_erasures"
    # One person's file after access.require admitted the person: their own rows, and what
    # hangs on the cases the scope let through (person_file.load).
    PERSON_FILE = "person_file"


PURPOSE_ACTION: dict[Purpose, Action | None] = {
    Purpose.ACCESS_CHECK: None,
    Purpose.STATISTICS: Action.READ_STATISTICS,
    Purpose.NAME_FREQUENCY: Action.READ_PERSON,
    Purpose.EVENT_TALLY: Action.EVENTS,
    Purpose.KITS: Action.EVENTS,
    Purpose.RETENTION: Action.PRIVACY,
    Purpose.ERASURE: Action.PRIVACY,
    Purpose.SEARCH_INDEX: None,
    Purpose.MERGE_PERSONS: Action.MERGE_PERSONS,
    Purpose.PRIVACY_EXPORT: Action.PRIVACY,
    Purpose.EXPLICIT_SCOPE: None,
    Purpose.LOOKUP: None,
    Purpose.FILE_NUMBER: None,
    Purpose.REAPPLY_ERASURES: None,
    Purpose.PERSON_FILE: Action.READ_PERSON,
}

_UNSCOPED_KEY = "scope_unscoped"
_OPTIONS_KEY = "scope_options"


# --- visibility per protected entity ------------------------------------------------------------

person_visible = access.person_visible_sql
case_visible = access.case_visible_sql
_consents = Consent.__table__
_persons = Person.__table__
_attendances = Attendance.__table__


@dataclass(frozen=True)
class Viewer:
    """What visibility depends on: whether the user sees case data at all, and their team."""

    sees_cases: bool
    team_id: uuid.UUID | None


def viewer(session: Session) -> Viewer | None:
    """The acting user's view, or None for the program itself (not scoped)."""
    who = access.actor(session)
    if who is None:
        return None
    return Viewer(who.active and who.role in (Role.COUNSELLOR, Role.TEAM_LEAD), who.team_id)


def _attendance_visible(attendance_id: Any, team_id: uuid.UUID | None) -> ColumnElement[bool]:
    row = _attendances.alias()
    return exists().where(
        row.c.id == attendance_id,
        or_(row.c.person_id.is_(None), person_visible(row.c.person_id, team_id)),
    )


Criteria = Callable[[Any, uuid.UUID | None], ColumnElement[bool]]

# The protected entities and how each one's rows are visible (``cls`` is the entity or an alias).
CRITERIA: dict[type[Any], Criteria] = {
    Person: lambda cls, team: person_visible(cls.id, team),
    PersonNationality: lambda cls, team: person_visible(cls.person_id, team),
    PersonLanguage: lambda cls, team: person_visible(cls.person_id, team),
    ResidenceStatus: lambda cls, team: person_visible(cls.person_id, team),
    LegalCategoryPeriod: lambda cls, team: person_visible(cls.person_id, team),
    Consent: lambda cls, team: person_visible(cls.person_id, team),
    ConsentRecipient: lambda cls, team: exists().where(
        _consents.c.id == cls.consent_id, person_visible(_consents.c.person_id, team)
    ),
    Household: lambda cls, team: or_(
        ~exists().where(_persons.c.household_id == cls.id),
        exists().where(_persons.c.household_id == cls.id, person_visible(_persons.c.id, team)),
    ),
    Case: lambda cls, team: access.case_row_visible_sql(
        cls.team_id, cls.counsellor_id, cls.person_id, team
    ),
    CaseTopic: lambda cls, team: case_visible(cls.case_id, team),
    Contact: lambda cls, team: case_visible(cls.case_id, team),
    FollowUp: lambda cls, team: case_visible(cls.case_id, team),
    Referral: lambda cls, team: case_visible(cls.case_id, team),
    Placement: lambda cls, team: or_(
        and_(cls.case_id.is_not(None), case_visible(cls.case_id, team)),
        and_(cls.case_id.is_(None), person_visible(cls.person_id, team)),
    ),
    Attendance: lambda cls, team: or_(cls.person_id.is_(None), person_visible(cls.person_id, team)),
    EventContact: lambda cls, team: _attendance_visible(cls.attendance_id, team),
}


def _conflict_criteria(cls: Any, team: uuid.UUID | None) -> ColumnElement[bool]:
    """A kit-merge conflict holds both values of a row: visible when that row is."""
    by_table = {model.__tablename__: model for model in CRITERIA if model is not MergeConflict}
    parts = []
    for name, model in by_table.items():
        row = model.__table__.alias()
        rule = CRITERIA[model](row.c, team)  # the rules read columns by attribute: row.c works
        parts.append(and_(cls.entity == name, exists().where(row.c.id == cls.entity_id, rule)))
    # a possible duplicate from a kit (kits.merge.DUPLICATE_ENTITY): about its new person
    duplicate = and_(cls.entity == "person_duplicate", person_visible(cls.entity_id, team))
    unprotected = ~cls.entity.in_([*sorted(by_table), "person_duplicate"])
    return or_(unprotected, duplicate, *parts)


CRITERIA[MergeConflict] = _conflict_criteria

PROTECTED_TABLES = frozenset({model.__tablename__ for model in CRITERIA} | {FTS_TABLE})
_TABLE_WORD = re.compile(r"\b(" + "|".join(sorted(PROTECTED_TABLES)) + r")\b", re.IGNORECASE)


def visible(session: Session, model: type[Any], alias: Any = None) -> ColumnElement[bool]:
    """The visibility of ``model`` rows (or of ``alias``) for the acting user, as a WHERE
    clause — for Core statements inside :func:`unscoped` that still want the user's scope."""
    view = viewer(session)
    if view is None:
        return true()
    if not view.sees_cases:
        return false()
    return CRITERIA[model](model if alias is None else alias, view.team_id)


def owner_of(
    session: Session, model: type[Any], row_id: uuid.UUID
) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """The person and the case a protected row is about (ids only; (None, None) for rows of
    unprotected tables, anonymous head counts and rows that are not there)."""
    if model not in CRITERIA or model in (Household, MergeConflict):
        return None, None
    if model is Person:
        return row_id, None
    if model is Case:
        return None, row_id
    columns: list[Any] = []
    if model is ConsentRecipient:
        columns = [
            select(Consent.person_id).where(Consent.id == model.consent_id).scalar_subquery()
        ]
    elif model is EventContact:
        columns = [
            select(Attendance.person_id)
            .where(Attendance.id == model.attendance_id)
            .scalar_subquery()
        ]
    else:
        columns = [getattr(model, "person_id", None)]
    case_column = getattr(model, "case_id", None)
    statement = select(
        *(c for c in columns if c is not None), *([case_column] if case_column is not None else [])
    )
    with unscoped(session, Purpose.LOOKUP):
        row = session.execute(statement.where(model.id == row_id)).first()
    if row is None:
        return None, None
    values = list(row)
    case_id = values.pop() if case_column is not None else None
    person_id = values[0] if values else None
    return person_id, case_id


# --- unscoped blocks ---------------------------------------------------------------------------


@contextmanager
def unscoped(session: Session, purpose: Purpose) -> Iterator[None]:
    """Run a block beyond the user's scope for ``purpose`` (its action is required first)."""
    action = PURPOSE_ACTION[purpose]
    if action is not None:
        access.require(session, action)
    stack: list[Purpose] = session.info.setdefault(_UNSCOPED_KEY, [])
    stack.append(purpose)
    try:
        yield
    finally:
        stack.pop()


def active_purpose(session: Session) -> Purpose | None:
    stack = session.info.get(_UNSCOPED_KEY)
    return stack[-1] if stack else None


_MODEL_OF_TABLE = {model.__tablename__: model for model in CRITERIA}


def _protected_in(statement: Any) -> tuple[set[str], set[str]]:
    """The protected tables a statement names: as table objects (mapped entities, aliases and
    Core tables alike) and in literal SQL text."""
    tables: set[str] = set()
    texts: set[str] = set()
    for element in iterate(statement):
        if isinstance(element, TableClause):
            if element.name in PROTECTED_TABLES:
                tables.add(element.name)
        elif isinstance(element, TextClause):
            texts.update(match.lower() for match in _TABLE_WORD.findall(element.text))
    return tables, texts


# --- the hooks ---------------------------------------------------------------------------------


NO_TEAM = uuid.UUID(int=0)  # the team of a caseworker without one: matches no case's team


def _loader_criteria(team: uuid.UUID) -> dict[type[Any], Any]:
    """One loader-criteria rule per protected entity, for a caseworker of ``team``.

    Lambdas, one per entity: SQLAlchemy caches each by its code and tracks ``team`` as a bound
    parameter (never baked into the cached SQL), and hands each alias of the entity to it."""
    lambdas: dict[type[Any], Any] = {
        Person: lambda cls: CRITERIA[Person](cls, team),
        PersonNationality: lambda cls: CRITERIA[PersonNationality](cls, team),
        PersonLanguage: lambda cls: CRITERIA[PersonLanguage](cls, team),
        ResidenceStatus: lambda cls: CRITERIA[ResidenceStatus](cls, team),
        LegalCategoryPeriod: lambda cls: CRITERIA[LegalCategoryPeriod](cls, team),
        Consent: lambda cls: CRITERIA[Consent](cls, team),
        ConsentRecipient: lambda cls: CRITERIA[ConsentRecipient](cls, team),
        Household: lambda cls: CRITERIA[Household](cls, team),
        Case: lambda cls: CRITERIA[Case](cls, team),
        CaseTopic: lambda cls: CRITERIA[CaseTopic](cls, team),
        Contact: lambda cls: CRITERIA[Contact](cls, team),
        FollowUp: lambda cls: CRITERIA[FollowUp](cls, team),
        Referral: lambda cls: CRITERIA[Referral](cls, team),
        Placement: lambda cls: CRITERIA[Placement](cls, team),
        Attendance: lambda cls: CRITERIA[Attendance](cls, team),
        EventContact: lambda cls: CRITERIA[EventContact](cls, team),
        MergeConflict: lambda cls: CRITERIA[MergeConflict](cls, team),
    }
    assert set(lambdas) == set(CRITERIA), "every protected entity needs its loader criteria"
    return lambdas


def _nothing() -> dict[type[Any], Any]:
    """For accounts that see no case data (admins, disabled accounts)."""
    return {model: lambda cls: false() for model in CRITERIA}


def _criteria_option(session: Session, view: Viewer, model: type[Any]) -> Any:
    """The loader criteria of ``model`` for the acting user, built once per session and only
    for the entities a statement names (building one analyses its lambda: a few ms each, and a
    short command needs two or three of the 17)."""
    cached = session.info.get(_OPTIONS_KEY)
    if cached is None or cached[0] != view:
        rules = _loader_criteria(view.team_id or NO_TEAM) if view.sees_cases else _nothing()
        options: dict[type[Any], Any] = {}
        cached = (view, rules, options)
        session.info[_OPTIONS_KEY] = cached
    _view, rules, built = cached
    if model not in built:
        built[model] = with_loader_criteria(model, rules[model], include_aliases=True)
    return built[model]


def _on_execute(state: ORMExecuteState) -> None:
    session = state.session
    if state.execution_options.get(access.SCOPE_OPTION) or active_purpose(session) is not None:
        return
    view = viewer(session)
    if view is None:
        return
    if state.is_column_load:
        return  # an expired or deferred attribute of a row already loaded in scope
    tables, texts = _protected_in(state.statement)
    if state.is_orm_statement and (state.is_select or state.is_update or state.is_delete):
        models = [_MODEL_OF_TABLE[name] for name in sorted(tables) if name in _MODEL_OF_TABLE]
        if models:
            state.statement = state.statement.options(
                *(_criteria_option(session, view, model) for model in models)
            )
        return
    touched = tables | texts
    if touched:
        raise ScopeViolation(
            f"unscoped statement on {', '.join(sorted(touched))}: read through the ORM or "
            "declare a purpose with scope.unscoped()"
        )


def _on_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Every new, changed or deleted row about a person or case must be one the user sees."""
    if active_purpose(session) is not None:
        return
    view = viewer(session)
    if view is None:
        return
    persons: set[uuid.UUID] = set()
    cases: set[uuid.UUID] = set()
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if type(obj) not in CRITERIA:
            continue
        if isinstance(obj, Person):
            if obj not in session.new:
                persons.add(obj.id)
            continue
        case_id = getattr(obj, "case_id", None)
        person_id = getattr(obj, "person_id", None)
        if isinstance(obj, Case):
            if obj.person_id is not None:
                persons.add(obj.person_id)
            if obj not in session.new:
                cases.add(obj.id)
        elif case_id is not None:
            cases.add(case_id)
        elif person_id is not None:
            persons.add(person_id)
    if not view.sees_cases and (persons or cases or _touches_case_data(session)):
        _deny(session, None, None)
    new_persons = {obj.id for obj in session.new if isinstance(obj, Person)}
    new_cases = {obj.id for obj in session.new if isinstance(obj, Case)}
    _check_visible(session, view, persons - new_persons, cases - new_cases)


def _touches_case_data(session: Session) -> bool:
    return any(type(obj) in CRITERIA for obj in [*session.new, *session.dirty, *session.deleted])


def _check_visible(
    session: Session, view: Viewer, persons: set[uuid.UUID], cases: set[uuid.UUID]
) -> None:
    team = view.team_id
    options = {access.SCOPE_OPTION: Purpose.ACCESS_CHECK.value}
    with session.no_autoflush:
        for person_id in sorted(persons):
            statement = select(person_visible(person_id, team)).execution_options(**options)
            if not session.scalar(statement):
                _deny(session, person_id, None)
        for case_id in sorted(cases):
            statement = select(case_visible(case_id, team)).execution_options(**options)
            if not session.scalar(statement):
                _deny(session, None, case_id)


def _deny(session: Session, person_id: uuid.UUID | None, case_id: uuid.UUID | None) -> None:
    access.record_denial(
        session,
        Action.EDIT_PERSON,
        person_id=person_id,
        case_id=case_id,
        reason="a change to a record the user may not see",
    )
    raise access.AccessDenied(
        "access denied: the record belongs to another team or is not visible to this account",
        german="Keine Berechtigung: Der Datensatz gehört zu einem anderen Team.",
    )


def install(sessions: Any) -> None:
    """Scope every session of a ``sessionmaker`` (``Database`` calls this once)."""
    event.listen(sessions, "do_orm_execute", _on_execute)
    event.listen(sessions, "before_flush", _on_flush)


__all__ = [
    "CRITERIA",
    "PROTECTED_TABLES",
    "PURPOSE_ACTION",
    "Purpose",
    "ScopeViolation",
    "Viewer",
    "active_purpose",
    "case_visible",
    "install",
    "owner_of",
    "person_visible",
    "unscoped",
    "viewer",
    "visible",
]
