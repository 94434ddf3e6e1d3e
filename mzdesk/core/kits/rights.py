"""Who may take an event's kit, what it may carry, and what a return may change at the office.

* **Taking a kit** (export) and **bringing it back** (merge): members of the event's
  organising team(s) only — the event's own team, the teams of its organisers, and the
  organisers themselves (an event without a team and without organisers is anyone's who works
  with events). The program itself (no user) may always.
* **What a kit carries**: the persons of the event the exporting user may see (and their
  attendances and employer contacts); attendances of persons the user may not see stay at the
  office; anonymous head counts travel. Accounts travel without any password hash.
* **What a return may change** (:class:`ReturnRights`): every incoming row is checked against
  the returning user's rights at the office, never only against what the kit says:

  - rows about a person must be about a person the kit carried (``kit_exports``) whom the
    user may see, or about a person created on the laptop;
  - rows about a case must be about a case created on the laptop, or an office case the user
    may see whose person the kit carried;
  - rows of the event must be of the kit's event; organisers and teams are set at the office;
  - everything else (the partner directory) is shared.

  A refused row is listed with its reason and its children are refused with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.access import AccessDenied, Action
from mzdesk.core.kits.content import RowValues, table
from mzdesk.core.models import Event, EventOrganiser, KitExport, User

_CHUNK = 500

# Tables whose rows are about a person through a column of that name.
PERSON_COLUMN = {
    "persons": "id",
    "person_nationalities": "person_id",
    "person_languages": "person_id",
    "residence_statuses": "person_id",
    "legal_category_periods": "person_id",
    "consents": "person_id",
    "attendances": "person_id",
    "cases": "person_id",
    "placements": "person_id",
}
# Tables whose rows are about a case.
CASE_COLUMN = {"case_topics": "case_id", "contacts": "case_id", "follow_ups": "case_id"}
# Rows of the kit's event (its own row and rows pointing at it).
EVENT_COLUMN = {
    "events": "id",
    "event_partners": "event_id",
    "attendances": "event_id",
    "event_contacts": "event_id",
}
# Set at the office only: a return never changes them.
OFFICE_ONLY = frozenset({"event_organisers"})
EVENT_OFFICE_FIELDS = ("team_id",)


def organising_teams(
    session: Session, event_id: uuid.UUID
) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """(teams, organiser user ids) of an event: its own team and its organisers' teams."""
    teams: set[uuid.UUID] = set()
    own = session.scalar(select(Event.team_id).where(Event.id == event_id))
    if own is not None:
        teams.add(own)
    organisers = set(
        session.scalars(select(EventOrganiser.user_id).where(EventOrganiser.event_id == event_id))
    )
    if organisers:
        teams.update(
            team
            for team in session.scalars(select(User.team_id).where(User.id.in_(sorted(organisers))))
            if team is not None
        )
    return teams, organisers


def may_take_kit(session: Session, event_id: uuid.UUID) -> bool:
    """Whether the acting user belongs to the event's organising team(s)."""
    who = access.actor(session)
    if who is None:
        return True
    if not access.may(session, Action.EVENTS):
        return False
    teams, organisers = organising_teams(session, event_id)
    if not teams and not organisers:
        return True
    return who.id in organisers or (who.team_id is not None and who.team_id in teams)


def require_organiser(session: Session, event_id: uuid.UUID) -> None:
    """Refuse (and audit) a kit of an event the acting user does not organise."""
    access.require(session, Action.EVENTS)
    if may_take_kit(session, event_id):
        return
    access.record_denial(
        session, Action.EVENTS, reason="not a member of the event's organising team"
    )
    raise AccessDenied(
        "access denied: only the event's organising team may take or return its kit",
        german="Keine Berechtigung: Nur das ausrichtende Team der Veranstaltung darf ihre "
        "Mappe ausgeben oder zurücknehmen.",
    )


def _team(session: Session) -> uuid.UUID | None:
    who = access.actor(session)
    return None if who is None else who.team_id


def visible_persons_among(session: Session, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Those of ``ids`` the acting user may see (all of them for the program itself)."""
    wanted = sorted(set(ids))
    who = access.actor(session)
    if who is None:
        return set(wanted)
    if not wanted or not access.may(session, Action.READ_PERSON):
        return set()
    persons = table("persons")
    team = _team(session)
    seen: set[uuid.UUID] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        statement = select(persons.c.id).where(
            persons.c.id.in_(chunk), access.person_visible_sql(persons.c.id, team)
        )
        seen.update(
            session.scalars(statement.execution_options(**{access.SCOPE_OPTION: "access_check"}))
        )
    return seen


def visible_cases_among(session: Session, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Those of ``ids`` (office cases) the acting user may see."""
    wanted = sorted(set(ids))
    who = access.actor(session)
    if who is None:
        return set(wanted)
    if not wanted or not access.may(session, Action.READ_PERSON):
        return set()
    cases = table("cases")
    team = _team(session)
    seen: set[uuid.UUID] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        statement = select(cases.c.id).where(
            cases.c.id.in_(chunk),
            access.case_row_visible_sql(
                cases.c.team_id, cases.c.counsellor_id, cases.c.person_id, team
            ),
        )
        seen.update(
            session.scalars(statement.execution_options(**{access.SCOPE_OPTION: "access_check"}))
        )
    return seen


def _existing(session: Session, name: str, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Those of ``ids`` that are rows of table ``name`` at the office (ids only)."""
    rows = table(name)
    wanted = sorted(ids)
    found: set[uuid.UUID] = set()
    for start in range(0, len(wanted), _CHUNK):
        statement = select(rows.c.id).where(rows.c.id.in_(wanted[start : start + _CHUNK]))
        found.update(
            session.scalars(statement.execution_options(**{access.SCOPE_OPTION: "access_check"}))
        )
    return found


def record_export(
    session: Session, kit_id: uuid.UUID, event_id: uuid.UUID, person_ids: Iterable[uuid.UUID]
) -> None:
    """Remember which persons a kit carried (the caller commits with the export's audit)."""
    from mzdesk.core.models.base import utcnow

    session.add(
        KitExport(
            kit_id=kit_id,
            event_id=event_id,
            exported_by=access.acting_user_id(session),
            exported_at=utcnow(),
            person_ids=sorted(str(pid) for pid in person_ids),
        )
    )


def _uuid(value: Any) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@dataclass
class ReturnRights:
    """The checks of one return's rows at the office (see the module docstring)."""

    session: Session
    event_id: uuid.UUID
    kit_persons: set[uuid.UUID] | None  # None: a kit exported before kit_exports was kept
    unrestricted: bool = False  # the program itself
    created: dict[str, set[uuid.UUID]] = field(default_factory=dict)  # inserted by this merge
    _persons_ok: dict[uuid.UUID, str | None] = field(default_factory=dict)
    _cases_ok: dict[uuid.UUID, str | None] = field(default_factory=dict)

    @classmethod
    def for_return(cls, session: Session, event_id: uuid.UUID, export_kit_id: Any) -> ReturnRights:
        kit_persons: set[uuid.UUID] | None = None
        kit_id = _uuid(export_kit_id)
        if kit_id is not None:
            stored = session.scalar(select(KitExport.person_ids).where(KitExport.kit_id == kit_id))
            if stored is not None:
                kit_persons = {pid for pid in (_uuid(v) for v in stored) if pid is not None}
        return cls(session, event_id, kit_persons, unrestricted=access.actor(session) is None)

    def was_created(self, name: str, row_id: uuid.UUID) -> bool:
        return row_id in self.created.get(name, set())

    def note_created(self, name: str, ids: Iterable[Any]) -> None:
        self.created.setdefault(name, set()).update(
            value for value in (_uuid(i) for i in ids) if value is not None
        )

    # -- persons and cases ----------------------------------------------------------------------
    def prepare(self, persons: Iterable[uuid.UUID], cases: Iterable[uuid.UUID]) -> None:
        """Decide the office persons and cases a batch of rows refers to, in a few queries."""
        persons = {p for p in persons if p not in self._persons_ok}
        persons -= self.created.get("persons", set())
        at_office = _existing(self.session, "persons", persons)
        visible = visible_persons_among(self.session, persons & at_office)
        for person_id in persons:
            if person_id not in at_office:
                self._persons_ok[person_id] = None  # made on the laptop (or missing: refused
                # by the merge as a row whose parent is missing)
            elif self.kit_persons is not None and person_id not in self.kit_persons:
                self._persons_ok[person_id] = "about a person the kit did not carry"
            elif person_id not in visible:
                self._persons_ok[person_id] = "about a person of another team"
            else:
                self._persons_ok[person_id] = None
        cases = {c for c in cases if c not in self._cases_ok}
        cases -= self.created.get("cases", set())
        seen = visible_cases_among(self.session, cases)
        owners: dict[uuid.UUID, uuid.UUID] = {}
        if cases:
            case_table = table("cases")
            ordered = sorted(cases)
            for start in range(0, len(ordered), _CHUNK):
                statement = select(case_table.c.id, case_table.c.person_id).where(
                    case_table.c.id.in_(ordered[start : start + _CHUNK])
                )
                owners.update(
                    (row.id, row.person_id)
                    for row in self.session.execute(
                        statement.execution_options(**{access.SCOPE_OPTION: "access_check"})
                    )
                )
        if owners:
            self.prepare(set(owners.values()), ())
        for case_id in cases:
            if case_id not in owners:
                self._cases_ok[case_id] = None  # not at the office: missing_parents says so
            elif case_id not in seen:
                self._cases_ok[case_id] = "about a case of another team"
            else:
                self._cases_ok[case_id] = self._persons_ok.get(owners[case_id])

    def person_reason(self, person_id: uuid.UUID | None) -> str | None:
        if person_id is None or self.unrestricted:
            return None
        if person_id in self.created.get("persons", set()):
            return None
        return self._persons_ok.get(person_id)

    def case_reason(self, case_id: uuid.UUID | None) -> str | None:
        if case_id is None or self.unrestricted:
            return None
        if case_id in self.created.get("cases", set()):
            return None
        return self._cases_ok.get(case_id)

    # -- one row ------------------------------------------------------------------------------
    def refusal(self, name: str, row: RowValues, office_row: Any | None) -> str | None:
        """Why the row may not be applied at the office, or None."""
        if name in OFFICE_ONLY:
            return "organisers are set at the office, not by a kit"
        event_column = EVENT_COLUMN.get(name)
        if event_column is not None and _uuid(row.get(event_column)) != self.event_id:
            return "it belongs to another event than the kit's"
        if name == "events" and office_row is not None:
            for key in EVENT_OFFICE_FIELDS:
                if key in row and _uuid(row.get(key)) != office_row._mapping[key]:
                    return "the event's team is set at the office"
        if self.unrestricted:
            return None
        if name == "consent_recipients":
            return self.consent_reason(_uuid(row.get("consent_id")))
        if name == "event_contacts":
            return self.attendance_reason(_uuid(row.get("attendance_id")))
        if name == "households" and office_row is not None:
            return self.household_reason(_uuid(row.get("id")))
        case_column = CASE_COLUMN.get(name)
        if case_column is not None:
            return self.case_reason(_uuid(row.get(case_column)))
        person_column = PERSON_COLUMN.get(name)
        if person_column is not None:
            reason = self.person_reason(_uuid(row.get(person_column)))
            if reason is None and name == "cases" and office_row is not None:
                reason = self.case_reason(_uuid(row.get("id")))
            if reason is None and name == "placements":
                reason = self.case_reason(_uuid(row.get("case_id")))
            return reason
        return None

    def consent_reason(self, consent_id: uuid.UUID | None) -> str | None:
        if consent_id is None or self.was_created("consents", consent_id):
            return None
        consents = table("consents")
        statement = select(consents.c.person_id).where(consents.c.id == consent_id)
        person_id = self.session.scalar(
            statement.execution_options(**{access.SCOPE_OPTION: "access_check"})
        )
        if person_id is None:
            return None  # missing parents are refused by the merge itself
        self.prepare({person_id}, ())
        return self.person_reason(person_id)

    def attendance_reason(self, attendance_id: uuid.UUID | None) -> str | None:
        if attendance_id is None or self.was_created("attendances", attendance_id):
            return None
        attendances = table("attendances")
        statement = select(attendances.c.person_id, attendances.c.event_id).where(
            attendances.c.id == attendance_id
        )
        row = self.session.execute(
            statement.execution_options(**{access.SCOPE_OPTION: "access_check"})
        ).first()
        if row is None:
            return None
        if row.event_id != self.event_id:
            return "it belongs to another event than the kit's"
        if row.person_id is None:
            return None
        self.prepare({row.person_id}, ())
        return self.person_reason(row.person_id)

    def household_reason(self, household_id: uuid.UUID | None) -> str | None:
        """An office household may be changed when one of its members is a kit person."""
        if household_id is None:
            return None
        persons = table("persons")
        statement = select(persons.c.id).where(persons.c.household_id == household_id)
        members = set(
            self.session.scalars(
                statement.execution_options(**{access.SCOPE_OPTION: "access_check"})
            )
        )
        if not members:
            return None
        self.prepare(members, ())
        if any(self.person_reason(member) is None for member in members):
            return None
        return "about a household of persons the kit did not carry"


def referenced_ids(name: str, rows: Iterable[RowValues]) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """(person ids, case ids) a batch of rows of table ``name`` refers to."""
    persons: set[uuid.UUID] = set()
    cases: set[uuid.UUID] = set()
    person_column = PERSON_COLUMN.get(name)
    case_column = CASE_COLUMN.get(name) or ("case_id" if name == "placements" else None)
    for row in rows:
        if person_column is not None and (value := _uuid(row.get(person_column))) is not None:
            persons.add(value)
        if case_column is not None and (value := _uuid(row.get(case_column))) is not None:
            cases.add(value)
        if name == "cases" and (value := _uuid(row.get("id"))) is not None:
            cases.add(value)
    return persons, cases


def no_password(rows: list[RowValues]) -> list[RowValues]:
    """Accounts as a kit carries them: no password hash, no lockout state of the office."""
    cleaned = []
    for row in rows:
        cleaned.append({**row, "password_hash": None, "failed_logins": 0, "locked_until": None})
    return cleaned


__all__ = [
    "ReturnRights",
    "may_take_kit",
    "no_password",
    "organising_teams",
    "record_export",
    "referenced_ids",
    "require_organiser",
    "visible_cases_among",
    "visible_persons_among",
]
