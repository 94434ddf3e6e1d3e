"""Caseload per counsellor: cases open at the period's end, new and closed cases, contacts.

* open at end: opened on or before the last day and not closed by then (no closing date, or
  one after the last day) — from the dates, because a case's status has no history;
* active: cases with at least one contact in the period;
* new / closed: opened / closed within the period; contacts: occurred within it (UTC days).
Cases count for their counsellor, contacts for the counsellor who recorded them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    SelectBase,
    Uuid,
    case,
    cast,
    distinct,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from mzdesk.core.models import Case, Contact, Team, User
from mzdesk.core.stats.common import (
    UNKNOWN,
    DrillDown,
    UnknownFigure,
    as_uuid,
    count_all,
    ids_of,
    key_of,
    run,
)
from mzdesk.core.stats.period import Period

MEASURES = ("open_at_end", "active_cases", "new_cases", "closed_cases", "contacts")


def _open_at_end(period: Period) -> ColumnElement[bool]:
    return (Case.opened_on <= period.end) & or_(
        Case.closed_on.is_(None), Case.closed_on > period.end
    )


def _contacts_in(period: Period) -> ColumnElement[bool]:
    first, after = period.utc_bounds()
    return (Contact.occurred_at >= first) & (Contact.occurred_at < after)


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def statements(period: Period) -> dict[str, SelectBase]:
    """Two passes: the cases (one scan, conditional sums) and the contacts of the period.

    Contacts are grouped by (counsellor, case) once (a CTE); per counsellor that gives the
    contacts and the cases they had a contact on, overall the distinct active cases.
    """
    cases = (
        select(
            Case.counsellor_id,
            _flag(_open_at_end(period)).label("open_at_end"),
            _flag(Case.opened_on >= period.start).label("new_cases"),
            _flag(Case.closed_on.between(period.start, period.end)).label("closed_cases"),
        )
        # Only cases still open at the period's start can count (or opened within it).
        .where(
            Case.opened_on <= period.end,
            or_(
                Case.closed_on.is_(None),
                Case.closed_on >= period.start,
                Case.opened_on >= period.start,
            ),
        )
        .group_by(Case.counsellor_id)
    )
    pairs = (
        select(Contact.counsellor_id, Contact.case_id, count_all().label("n"))
        .where(_contacts_in(period))
        .group_by(Contact.counsellor_id, Contact.case_id)
        .cte("contact_pairs")
    )
    contacts = union_all(
        select(
            literal(0).label("overall"),
            pairs.c.counsellor_id,
            func.coalesce(func.sum(pairs.c.n), 0).label("contacts"),
            count_all().label("cases"),
        ).group_by(pairs.c.counsellor_id),
        select(
            literal(1).label("overall"),
            cast(null(), Uuid()).label("counsellor_id"),
            func.coalesce(func.sum(pairs.c.n), 0).label("contacts"),
            func.count(distinct(pairs.c.case_id)).label("cases"),
        ),
    )
    return {"cases": cases, "contacts": contacts}


@dataclass
class CounsellorRow:
    key: str
    label: str
    team: str
    open_at_end: int = 0
    active_cases: int = 0  # cases this counsellor had a contact on
    new_cases: int = 0
    closed_cases: int = 0
    contacts: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "team": self.team,
            **{name: getattr(self, name) for name in MEASURES},
        }


@dataclass
class CaseloadStats:
    open_at_end: int = 0
    active_cases: int = 0
    new_cases: int = 0
    closed_cases: int = 0
    contacts: int = 0
    rows: list[CounsellorRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {name: getattr(self, name) for name in MEASURES}
        result["by_counsellor"] = [row.as_dict() for row in self.rows]
        return result


def compute(session: Session, period: Period) -> CaseloadStats:
    queries = statements(period)
    values: dict[str, dict[str, int]] = defaultdict(dict)
    for counsellor_id, open_at_end, new_cases, closed_cases in run(session, queries["cases"]):
        values[key_of(counsellor_id)].update(
            open_at_end=int(open_at_end), new_cases=int(new_cases), closed_cases=int(closed_cases)
        )
    stats = CaseloadStats()
    for overall, counsellor_id, contacts, cases in run(session, queries["contacts"]):
        if overall:
            stats.contacts, stats.active_cases = int(contacts), int(cases)
        else:
            values[key_of(counsellor_id)].update(contacts=int(contacts), active_cases=int(cases))
    ids = [value for value in (as_uuid(k) for k in values) if value is not None]
    people = {
        str(user_id): (str(name), str(team or ""))
        for user_id, name, team in session.execute(
            select(User.id, User.display_name, Team.name)
            .outerjoin(Team, Team.id == User.team_id)
            .where(User.id.in_(ids))
        ).all()
    }
    for key, measured in values.items():
        if not any(measured.values()):
            continue  # a counsellor whose cases all closed before the period
        label, team = people.get(key, ("ohne Berater/in" if key == UNKNOWN else key, ""))
        stats.rows.append(CounsellorRow(key, label, team, **measured))
    stats.rows.sort(key=lambda row: (row.key == UNKNOWN, row.team, row.label))
    for name in ("open_at_end", "new_cases", "closed_cases"):
        setattr(stats, name, sum(int(getattr(row, name)) for row in stats.rows))
    return stats


def drill(session: Session, figure: str, parts: list[str], period: Period) -> DrillDown:
    if not parts or (parts[0] not in MEASURES and parts[0] != "by_counsellor"):
        raise UnknownFigure(f"no such figure: {figure}", german="Diese Kennzahl gibt es nicht.")
    if parts[0] == "by_counsellor":
        if len(parts) != 3 or parts[2] not in MEASURES:
            raise UnknownFigure(f"no such figure: {figure}", german="Diese Kennzahl gibt es nicht.")
        counsellor: tuple[bool, Any] = (True, as_uuid(parts[1]))
        measure = parts[2]
    elif len(parts) == 1:
        counsellor, measure = (False, None), parts[0]
    else:
        raise UnknownFigure(f"no such figure: {figure}", german="Diese Kennzahl gibt es nicht.")
    if measure in ("contacts", "active_cases"):
        column = Contact.id if measure == "contacts" else Contact.case_id
        query = select(column).where(_contacts_in(period)).distinct().order_by(column)
        if counsellor[0]:
            query = query.where(
                Contact.counsellor_id.is_(None)
                if counsellor[1] is None
                else Contact.counsellor_id == counsellor[1]
            )
        entity = "contacts" if measure == "contacts" else "cases"
        return DrillDown(figure, entity, ids_of(session, query))
    condition = {
        "open_at_end": _open_at_end(period),
        "new_cases": Case.opened_on.between(period.start, period.end),
        "closed_cases": Case.closed_on.between(period.start, period.end),
    }[measure]
    query = select(Case.id).where(condition).order_by(Case.id)
    if counsellor[0]:
        query = query.where(
            Case.counsellor_id.is_(None)
            if counsellor[1] is None
            else Case.counsellor_id == counsellor[1]
        )
    return DrillDown(figure, "cases", ids_of(session, query))
