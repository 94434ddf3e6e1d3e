"""Retention: what is due for erasure or deletion, and applying it (audited).

Rules, each an organisation setting (``core.org_settings``):

* ``retention.closed_case_years`` (default 6, the asylum-benefit files' period): a person
  whose cases are *all* closed, the last one more than N years ago, is erased
  (:func:`.erase.erase_person`: anonymised, statistics keep counting them);
* ``retention.no_case_years`` (default 2): a person who never had a case (registered at an
  event, a duplicate check) is erased N years after their record and their last attendance;
* ``retention.audit_years`` (default 3): audit entries older than that are deleted as a prefix
  of the chain behind a checkpoint entry (:func:`.trail.remove_audit_before`), so that
  ``verify`` still proves the rest intact.

Already anonymised and merged-away records are never due (a merged record is erased with the
record it was merged into). :func:`due` only reads; :func:`apply` erases each person in a
transaction of its own, then deletes the audit prefix, then appends one ``retention`` entry
with the counts and ids, and finally scrubs the SQLite file once.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, union_all
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.access import Action
from mzdesk.core.database import Database
from mzdesk.core.models import Attendance, Case, CaseStatus, Person, Team
from mzdesk.core.models.enums import Role
from mzdesk.core.org_settings import get_setting
from mzdesk.core.privacy import trail
from mzdesk.core.privacy.erase import ScrubReport, erase_decided, erase_person, scrub_sqlite
from mzdesk.core.services import audit

log = logging.getLogger(__name__)


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


CLOSED_CASES, NO_CASE = "closed_cases", "no_case"


def german_day(day: date) -> str:
    return day.strftime("%d.%m.%Y")


@dataclass(frozen=True)
class DuePerson:
    """One person a rule makes due, as a person checks it: by file number (for a team lead;
    None in an organisation-wide plan, whose admin reads no case files), the names of the
    person's teams and the day that started the period."""

    id: uuid.UUID
    rule: str  # CLOSED_CASES or NO_CASE
    since: date  # the last case's closing day, or the record's last change or attendance
    teams: tuple[str, ...]
    file_number: str | None

    def reason(self) -> str:
        if self.rule == CLOSED_CASES:
            return f"last case closed on {german_day(self.since)}"
        return f"no case; last recorded or seen on {german_day(self.since)}"

    def as_dict(self) -> dict[str, Any]:
        shown: dict[str, Any] = (
            {} if self.file_number is None else {"file_number": self.file_number}
        )
        return {
            **shown,
            "rule": self.rule,
            "teams": list(self.teams),
            "since": self.since.isoformat(),
            "reason": self.reason(),
        }


@dataclass
class RetentionPlan:
    today: date
    closed_case_years: int
    no_case_years: int
    audit_years: int
    closed_case_persons: list[uuid.UUID] = field(default_factory=list)
    no_case_persons: list[uuid.UUID] = field(default_factory=list)
    audit_due: tuple[int, int, int] | None = None  # first seq, last seq, count
    due_persons: list[DuePerson] = field(default_factory=list)  # in the order of ``persons``
    organisation_wide: bool = False  # an admin's plan: teams and counts, no file numbers

    @property
    def persons(self) -> list[uuid.UUID]:
        return [*self.closed_case_persons, *self.no_case_persons]

    def rules_in_words(self) -> dict[str, str]:
        """Each rule with the day it draws the line at (see :func:`_due`)."""

        def cut(years: int) -> str:
            return german_day(years_before(self.today, years))

        return {
            "retention.closed_case_years": "persons whose cases are all closed, the last one on "
            f"or before {cut(self.closed_case_years)} ({self.closed_case_years} years)",
            "retention.no_case_years": "persons without a case, recorded and last seen (at an "
            f"event) before {cut(self.no_case_years)} ({self.no_case_years} years)",
            "retention.audit_years": f"audit entries from before {cut(self.audit_years)} "
            f"({self.audit_years} years)",
        }

    def per_team(self) -> list[dict[str, Any]]:
        """How many persons each rule makes due per team, and the span of their days."""
        groups: dict[tuple[str, str], list[date]] = {}
        for due in self.due_persons:
            team = ", ".join(due.teams) or "no team"
            groups.setdefault((due.rule, team), []).append(due.since)
        return [
            {
                "rule": rule,
                "team": team,
                "count": len(days),
                "from": min(days).isoformat(),
                "to": max(days).isoformat(),
            }
            for (rule, team), days in sorted(groups.items())
        ]

    def describe(self, *, done: bool = False) -> list[str]:
        """The plan (or what was applied) as lines a person can check: for each rule how many
        are due, then per person file number, teams and day, or for an organisation-wide plan
        per team how many and from when to when; dates as TT.MM.JJJJ, no ids."""
        verb = "done" if done else "due"
        words = self.rules_in_words()
        lines = [f"retention on {german_day(self.today)} (rules: Einstellungen → Organisation)"]
        for rule, key in (
            (CLOSED_CASES, "retention.closed_case_years"),
            (NO_CASE, "retention.no_case_years"),
        ):
            due = sorted(
                (person for person in self.due_persons if person.rule == rule),
                key=lambda person: (person.file_number or "", person.since),
            )
            lines.append(f"{words[key]}: {len(due)} {verb}")
            if self.organisation_wide:
                for group in self.per_team():
                    if group["rule"] != rule:
                        continue
                    first, last = (german_day(date.fromisoformat(group[k])) for k in ("from", "to"))
                    span = first if first == last else f"{first} – {last}"
                    what = "last case closed" if rule == CLOSED_CASES else "last recorded or seen"
                    lines.append(f"  {group['team']}: {group['count']} ({what} {span})")
                if due:
                    lines.append("  (a team lead's dry run lists the file numbers of their team)")
            else:
                width = max((len(person.file_number or "") for person in due), default=0)
                for person in due:
                    teams = ", ".join(person.teams) or "no team"
                    lines.append(
                        f"  {(person.file_number or ''):<{width}}  {teams}  {person.reason()}"
                    )
        audit_count = self.audit_due[2] if self.audit_due else 0
        lines.append(f"{words['retention.audit_years']}: {audit_count} {verb}")
        return lines

    def as_dict(self) -> dict[str, Any]:
        first, last, count = self.audit_due or (None, None, 0)
        return {
            "today": self.today.isoformat(),
            "rules": {
                "retention.closed_case_years": self.closed_case_years,
                "retention.no_case_years": self.no_case_years,
                "retention.audit_years": self.audit_years,
            },
            "rules_in_words": self.rules_in_words(),
            "persons_closed_cases": [str(pid) for pid in self.closed_case_persons],
            "persons_without_case": [str(pid) for pid in self.no_case_persons],
            "due": [person.as_dict() for person in self.due_persons],
            "due_per_team": self.per_team(),
            "audit_entries": {"count": count, "first_seq": first, "last_seq": last},
        }


@dataclass
class RetentionResult:
    plan: RetentionPlan
    erased: list[uuid.UUID] = field(default_factory=list)
    audit_cut: trail.AuditCut | None = None
    scrub: ScrubReport | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.plan.as_dict(),
            "erased": len(self.erased),
            "audit_removed": self.audit_cut.removed if self.audit_cut else 0,
            "scrub": self.scrub.as_dict() if self.scrub else None,
        }


def _active_persons() -> Any:
    return and_(Person.anonymised_on.is_(None), Person.merged_into_id.is_(None))


def organisation_wide(session: Session) -> bool:
    """The admin (and the program itself) runs retention for the whole organisation, reading
    ids, dates and team names only; a team lead runs it for the persons their team may see,
    and sees their file numbers."""
    return access.role_of(session) in (Role.ADMIN, None)


def due(session: Session, today: date | None = None) -> RetentionPlan:
    """What the retention rules make due on ``today`` (nothing is changed)."""
    access.require(session, Action.PRIVACY)
    if organisation_wide(session):
        with scope.unscoped(session, scope.Purpose.RETENTION):
            return _due(session, today, organisation=True)
    return _due(session, today, organisation=False)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _described(session: Session, plan: RetentionPlan, due_persons: Any, no_case: Any) -> None:
    """Fill ``plan.due_persons``: teams, the day that started each period, file numbers.

    ``due_persons`` and ``no_case`` are the plan's selects of person ids (as subqueries, so
    that even a long list costs one statement per question)."""
    team_of: dict[uuid.UUID, set[str]] = {}
    for person_id, name in session.execute(
        select(Case.person_id, Team.name)
        .join(Team, Team.id == Case.team_id)
        .where(Case.person_id.in_(due_persons))
        .distinct()
    ):
        team_of.setdefault(person_id, set()).add(name)
    people = {
        row.id: row
        for row in session.execute(
            select(Person.id, Person.file_number, Person.created_at, Person.updated_at, Team.name)
            .outerjoin(Team, Team.id == Person.team_id)
            .where(Person.id.in_(due_persons))
        )
    }
    closed_on: dict[uuid.UUID, date | None] = {
        person_id: day
        for person_id, day in session.execute(
            select(Case.person_id, func.max(Case.closed_on))
            .where(Case.person_id.in_(due_persons))
            .group_by(Case.person_id)
        )
    }
    last_seen: dict[uuid.UUID | None, datetime | None] = {
        person_id: moment
        for person_id, moment in session.execute(
            select(Attendance.person_id, func.max(Attendance.registered_at))
            .where(Attendance.person_id.in_(no_case))
            .group_by(Attendance.person_id)
        )
    }
    for rule, ids in ((CLOSED_CASES, plan.closed_case_persons), (NO_CASE, plan.no_case_persons)):
        for person_id in ids:
            row = people[person_id]
            teams = team_of.get(person_id) or ({row.name} if row.name else set())
            last_closed = closed_on.get(person_id) if rule == CLOSED_CASES else None
            if last_closed is not None:
                since = _day(last_closed)
            else:
                moments = [row.created_at, row.updated_at, last_seen.get(person_id)]
                since = max(_day(moment) for moment in moments if moment is not None)
            plan.due_persons.append(
                DuePerson(
                    id=person_id,
                    rule=rule,
                    since=since,
                    teams=tuple(sorted(teams)),
                    file_number=None if plan.organisation_wide else row.file_number,
                )
            )


def _due(session: Session, today: date | None, *, organisation: bool) -> RetentionPlan:
    today = today or datetime.now(UTC).date()
    plan = RetentionPlan(
        today=today,
        closed_case_years=int(get_setting(session, "retention.closed_case_years")),
        no_case_years=int(get_setting(session, "retention.no_case_years")),
        audit_years=int(get_setting(session, "retention.audit_years")),
        organisation_wide=organisation,
    )
    closed_cutoff = years_before(today, plan.closed_case_years)
    open_case = exists().where(
        Case.person_id == Person.id,
        or_(
            Case.status != CaseStatus.CLOSED,
            Case.closed_on.is_(None),
            Case.closed_on > closed_cutoff,
        ),
    )
    any_case = exists().where(Case.person_id == Person.id)
    closed = select(Person.id).where(_active_persons(), any_case, ~open_case)
    plan.closed_case_persons = list(session.scalars(closed.order_by(Person.id)))
    no_case_cutoff = datetime.combine(years_before(today, plan.no_case_years), time(), UTC)
    recent_attendance = exists().where(
        Attendance.person_id == Person.id, Attendance.registered_at > no_case_cutoff
    )
    no_case = select(Person.id).where(
        _active_persons(),
        ~any_case,
        Person.updated_at <= no_case_cutoff,
        Person.created_at <= no_case_cutoff,
        ~recent_attendance,
    )
    plan.no_case_persons = list(session.scalars(no_case.order_by(Person.id)))
    if plan.persons:
        either = union_all(closed, no_case).subquery()
        _described(session, plan, select(either.c.id), no_case)
    audit_cutoff = datetime.combine(years_before(today, plan.audit_years), time(), UTC)
    plan.audit_due = trail.due_audit_entries(session, audit_cutoff)
    return plan


def _audit_cutoff(plan: RetentionPlan) -> datetime:
    return datetime.combine(years_before(plan.today, plan.audit_years), time(), UTC)


def apply(
    database: Database, *, user_id: uuid.UUID | None = None, today: date | None = None
) -> RetentionResult:
    """Erase the due persons, delete the due audit prefix, audit it, scrub the file."""

    def session() -> Session:
        return database.session(user_id) if user_id else database.session()

    with session() as reading:
        plan = due(reading, today)
    result = RetentionResult(plan=plan)
    needles: list[str] = []
    for person_id in plan.persons:
        with session() as writing:
            if organisation_wide(writing):
                with scope.unscoped(writing, scope.Purpose.RETENTION):
                    report = erase_decided(writing, person_id, today=plan.today)
            else:
                report = erase_person(writing, person_id, today=plan.today)
            writing.commit()
        result.erased.append(person_id)
        needles.extend(report.needles)
    with session() as writing:
        access.require(writing, Action.PRIVACY)
        result.audit_cut = trail.remove_audit_before(writing, _audit_cutoff(plan))
        audit.append(
            writing,
            "retention",
            "persons",
            details={
                "erased": [str(pid) for pid in result.erased],
                "audit": result.audit_cut.as_dict() if result.audit_cut else None,
                "rules": plan.as_dict()["rules"],
            },
        )
        writing.commit()
    if result.erased or result.audit_cut:
        many = len(result.erased) > 25
        result.scrub = scrub_sqlite(database, [] if many else needles, vacuum=many)
    log.info(
        "retention applied: %d persons erased, %d audit entries removed",
        len(result.erased),
        result.audit_cut.removed if result.audit_cut else 0,
    )
    return result
