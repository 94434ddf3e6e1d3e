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

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from mzdesk.core import access, scope
from mzdesk.core.access import Action
from mzdesk.core.database import Database
from mzdesk.core.models import Attendance, Case, CaseStatus, Person
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


@dataclass
class RetentionPlan:
    today: date
    closed_case_years: int
    no_case_years: int
    audit_years: int
    closed_case_persons: list[uuid.UUID] = field(default_factory=list)
    no_case_persons: list[uuid.UUID] = field(default_factory=list)
    audit_due: tuple[int, int, int] | None = None  # first seq, last seq, count

    @property
    def persons(self) -> list[uuid.UUID]:
        return [*self.closed_case_persons, *self.no_case_persons]

    def as_dict(self) -> dict[str, Any]:
        first, last, count = self.audit_due or (None, None, 0)
        return {
            "today": self.today.isoformat(),
            "rules": {
                "retention.closed_case_years": self.closed_case_years,
                "retention.no_case_years": self.no_case_years,
                "retention.audit_years": self.audit_years,
            },
            "persons_closed_cases": [str(pid) for pid in self.closed_case_persons],
            "persons_without_case": [str(pid) for pid in self.no_case_persons],
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
    ids and dates only; a team lead runs it for the persons their team may see."""
    return access.role_of(session) in (Role.ADMIN, None)


def due(session: Session, today: date | None = None) -> RetentionPlan:
    """What the retention rules make due on ``today`` (nothing is changed)."""
    access.require(session, Action.PRIVACY)
    if organisation_wide(session):
        with scope.unscoped(session, scope.Purpose.RETENTION):
            return _due(session, today)
    return _due(session, today)


def _due(session: Session, today: date | None) -> RetentionPlan:
    today = today or datetime.now(UTC).date()
    plan = RetentionPlan(
        today=today,
        closed_case_years=int(get_setting(session, "retention.closed_case_years")),
        no_case_years=int(get_setting(session, "retention.no_case_years")),
        audit_years=int(get_setting(session, "retention.audit_years")),
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
    plan.closed_case_persons = list(
        session.scalars(
            select(Person.id).where(_active_persons(), any_case, ~open_case).order_by(Person.id)
        )
    )
    no_case_cutoff = datetime.combine(years_before(today, plan.no_case_years), time(), UTC)
    recent_attendance = exists().where(
        Attendance.person_id == Person.id, Attendance.registered_at > no_case_cutoff
    )
    plan.no_case_persons = list(
        session.scalars(
            select(Person.id)
            .where(
                _active_persons(),
                ~any_case,
                Person.updated_at <= no_case_cutoff,
                Person.created_at <= no_case_cutoff,
                ~recent_attendance,
            )
            .order_by(Person.id)
        )
    )
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
