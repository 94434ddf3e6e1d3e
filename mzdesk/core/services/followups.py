"""What is due for a counsellor ("Wiedervorlage"): follow-ups, expiring residence documents,
unanswered referrals and legal-category hints, and the changes a counsellor makes to them.

:func:`due_for` reads only; it groups

* the open follow-ups of the user's cases (assigned to the user, or unassigned in a case the
  user counsels) into ``overdue`` (before today), ``today`` and ``this_week`` (the next seven
  days);
* sent referrals of the user's open cases without an answer after their deadline
  (``Referral.answer_due_on``, else ``sent_on`` + ``referrals.answer_days``) into the same
  groups, unless a follow-up made for that referral (``FollowUp.source = "referral:<id>"``, the
  convention of ``services.referrals``, which closes it when the answer comes) exists;
* the current residence document of each person in the user's open cases that expires within
  ``followups.residence_lead_weeks`` (or has expired) into ``documents``;
* :func:`legal_category_hint` for those persons into ``hints``.

A document or hint disappears once a follow-up was made from it (``source`` "residence:<id>"
/ "hint:<person>:<category>"), done or not. A ``user_id`` of None (no accounts in use) means
every case. Names are returned for the screen, never logged.

Scope: ``Scope.MINE`` (the default) is the above. ``Scope.TEAM`` is a team lead's overview:
the same groups for every case of the lead's team (``access.case_team``: the case's own team,
else its counsellor's), whoever it is assigned to, each entry naming its assignee; only a team
lead may ask for it (:func:`may_see_team`; anyone else is refused). "Done" and its undo
(:func:`mark_done`, :func:`reopen`) are audited as an ``update`` of the follow-up.

Legal-category hints: which category a residence status usually means is a small table from
/work/shared/domain.md (``USUAL`` below). It decides nothing: the hint proposes a follow-up.
``NONE`` (no benefits) and ``SGB3`` (insurance benefits earned by contributions) fit every
status, so only the means-tested systems are compared: AsylbLG on one side, SGB II / SGB XII
on the other. A status not in the table (``FIKT``: "as the title it bridges") or a person
without a recorded category gets no hint.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from mzdesk.core import access, reference
from mzdesk.core.access import Action
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.models import (
    Case,
    CaseStatus,
    FollowUp,
    LegalCategory,
    LegalCategoryPeriod,
    Partner,
    Person,
    Referral,
    ReferralStatus,
    ResidenceStatus,
    User,
)
from mzdesk.core.models.enums import Role
from mzdesk.core.org_settings import get_setting
from mzdesk.core.services import audit
from mzdesk.core.text import clean_text

log = logging.getLogger(__name__)

WEEK_DAYS = 7
MAX_TEXT = 500


class FollowUpError(MzdeskError):
    """A follow-up change that is not possible as asked."""


_A = LegalCategory.ASYLBLG
_S2 = LegalCategory.SGB2
_S12 = LegalCategory.SGB12
_S3 = LegalCategory.SGB3
_N = LegalCategory.NONE

# status code -> (categories that usually fit, the category proposed when the recorded one
# does not fit). NONE and SGB3 always fit (see above).
USUAL: dict[str, tuple[frozenset[LegalCategory], LegalCategory]] = {
    "GEST": (frozenset({_A}), _A),
    "DUL": (frozenset({_A}), _A),
    "DUL_AUSB": (frozenset({_A}), _A),
    "DUL_BESCH": (frozenset({_A}), _N),
    "AE_16G": (frozenset(), _S3),
    "AE_24": (frozenset({_S2, _S12, _A}), _S2),  # newer arrivals: AsylbLG
    "AE_25_1": (frozenset({_S2, _S12}), _S2),
    "AE_25_2": (frozenset({_S2, _S12}), _S2),
    "AE_25_3": (frozenset({_S2, _S12}), _S2),
    "AE_25_4": (frozenset({_A}), _A),
    "AE_25_5": (frozenset({_A, _S2, _S12}), _S2),  # AsylbLG within the first 18 months
    "AE_25A": (frozenset({_S2, _S12}), _S2),
    "AE_25B": (frozenset({_S2, _S12}), _S2),
    "AE_104C": (frozenset({_S2, _S12}), _S2),
    "AE_18A": (frozenset({_S2, _S12}), _N),
    "AE_18B": (frozenset({_S2, _S12}), _N),
    "AE_18G": (frozenset({_S2, _S12}), _N),
    "AE_WB": (frozenset({_S2, _S12}), _N),
    "NE": (frozenset({_S2, _S12}), _S2),
    "EU": (frozenset({_S2, _S12}), _S2),
}
ALWAYS_FIT = frozenset({_N, _S3})
# The proposed follow-up: a week to check (and have the person apply) with the new office.
PROPOSED_AFTER_DAYS = 7


@dataclass(frozen=True)
class CategoryHint:
    person_id: uuid.UUID
    status_code: str
    recorded_category: LegalCategory
    proposed_category: LegalCategory
    proposed_due: date
    text_de: str
    text_en: str

    @property
    def source(self) -> str:
        """The ``FollowUp.source`` of a follow-up made from this hint (hides the hint)."""
        return f"hint:{self.person_id}:{self.proposed_category.value}"


def hint_for(
    person_id: uuid.UUID, status_code: str | None, recorded: LegalCategory | None, today: date
) -> CategoryHint | None:
    """The hint for a person's current status and recorded category, or None if they fit."""
    if status_code is None or recorded is None or status_code not in USUAL:
        return None
    usual, proposed = USUAL[status_code]
    if recorded in usual or recorded in ALWAYS_FIT or recorded is proposed:
        return None
    status_de = reference.label("residence_statuses", status_code, "de")
    status_en = reference.label("residence_statuses", status_code, "en")
    new_de = reference.label("legal_categories", proposed.value, "de")
    new_en = reference.label("legal_categories", proposed.value, "en")
    old_de = reference.label("legal_categories", recorded.value, "de")
    old_en = reference.label("legal_categories", recorded.value, "en")
    return CategoryHint(
        person_id=person_id,
        status_code=status_code,
        recorded_category=recorded,
        proposed_category=proposed,
        proposed_due=today + timedelta(days=PROPOSED_AFTER_DAYS),
        text_de=f"{status_de}: meist {new_de}, erfasst ist {old_de}. Rechtskreis prüfen.",
        text_en=f"{status_en}: usually {new_en}, recorded is {old_en}. Check the legal category.",
    )


# --- what is due ------------------------------------------------------------------------------


class Group(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"
    DOCUMENTS = "documents"
    HINTS = "hints"


class Scope(StrEnum):
    MINE = "mine"  # the user's own follow-ups and cases
    TEAM = "team"  # every case of the team lead's team


class Kind(StrEnum):
    FOLLOW_UP = "follow_up"
    REFERRAL = "referral"  # an unanswered referral without a follow-up yet
    RESIDENCE = "residence"  # a residence document expiring or expired
    HINT = "hint"


@dataclass(frozen=True)
class DueItem:
    kind: Kind
    group: Group
    due_on: date
    person_id: uuid.UUID
    case_id: uuid.UUID | None
    file_number: str
    person_name: str  # "Family, Given" for the screen; never logged
    text: str  # German (what the counsellor reads; follow-up texts are typed in German)
    record_id: uuid.UUID  # the follow-up, referral, residence status; the person for hints
    hint: CategoryHint | None = None
    assignee_name: str = ""  # whose it is (follow-ups: assignee, else the case's counsellor)

    @property
    def follow_up_id(self) -> uuid.UUID | None:
        return self.record_id if self.kind is Kind.FOLLOW_UP else None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind.value,
            "group": self.group.value,
            "id": str(self.record_id),
            "due": self.due_on.isoformat(),
            "person_id": str(self.person_id),
            "case_id": str(self.case_id) if self.case_id else None,
            "file_number": self.file_number,
            "text": self.text,
        }
        if self.hint is not None:
            data["proposed_category"] = self.hint.proposed_category.value
            data["text_en"] = self.hint.text_en
        return data


@dataclass(frozen=True)
class DueList:
    today: date
    groups: dict[Group, tuple[DueItem, ...]] = field(default_factory=dict)

    def items(self, group: Group | None = None) -> tuple[DueItem, ...]:
        if group is not None:
            return self.groups.get(group, ())
        return tuple(item for g in Group for item in self.groups.get(g, ()))

    @property
    def overdue(self) -> tuple[DueItem, ...]:
        return self.items(Group.OVERDUE)

    @property
    def due_today(self) -> tuple[DueItem, ...]:
        return self.items(Group.TODAY)

    @property
    def this_week(self) -> tuple[DueItem, ...]:
        return self.items(Group.THIS_WEEK)

    @property
    def documents(self) -> tuple[DueItem, ...]:
        return self.items(Group.DOCUMENTS)

    @property
    def hints(self) -> tuple[DueItem, ...]:
        return self.items(Group.HINTS)

    @property
    def urgent_count(self) -> int:
        """Overdue and due today: the number on the badge."""
        return len(self.overdue) + len(self.due_today)


def _group(due: date, today: date) -> Group:
    if due < today:
        return Group.OVERDUE
    return Group.TODAY if due == today else Group.THIS_WEEK


def _name(family: str, given: str) -> str:
    return f"{family}, {given}"


@dataclass(frozen=True)
class _Who:
    """Whose list: one user's (``team_id`` None), or a team lead's team (``team_id`` set)."""

    user_id: uuid.UUID | None
    team_id: uuid.UUID | None = None


def _mine(who: _Who) -> ColumnElement[bool]:
    """The cases in the list (their counsellor, or for a team: the case's team)."""
    if who.team_id is not None:
        return access.case_team(Case) == who.team_id
    return true() if who.user_id is None else Case.counsellor_id == who.user_id


def _open_case_persons(who: _Who) -> Select[uuid.UUID]:
    return select(Case.person_id).where(_mine(who), Case.status != CaseStatus.CLOSED).distinct()


def _sources(session: Session, prefix: str, keys: Iterable[str]) -> set[str]:
    wanted = [f"{prefix}{key}" for key in keys]
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            s
            for s in session.scalars(select(FollowUp.source).where(FollowUp.source.in_(chunk)))
            if s
        )
    return found


def _follow_ups(session: Session, who: _Who, today: date, horizon: date) -> list[DueItem]:
    user_id = who.user_id
    if who.team_id is not None:
        mine = _mine(who)
    elif user_id is None:
        mine = true()
    else:
        mine = or_(
            FollowUp.assigned_to_id == user_id,
            and_(FollowUp.assigned_to_id.is_(None), Case.counsellor_id == user_id),
        )
    assignee = User.__table__.alias("assignee")
    rows = session.execute(
        select(
            FollowUp.id,
            FollowUp.due_on,
            FollowUp.text,
            FollowUp.case_id,
            Person.id.label("person_id"),
            Person.file_number,
            Person.family_name,
            Person.given_names,
            assignee.c.display_name.label("assignee_name"),
        )
        .join(Case, Case.id == FollowUp.case_id)
        .join(Person, Person.id == Case.person_id)
        .outerjoin(
            assignee,
            assignee.c.id == func.coalesce(FollowUp.assigned_to_id, Case.counsellor_id),
        )
        .where(
            FollowUp.done_at.is_(None),
            FollowUp.due_on <= horizon,
            mine,
            Person.merged_into_id.is_(None),
            access.visible_persons(session),
        )
        .order_by(FollowUp.due_on, Person.sort_key, FollowUp.id)
    )
    return [
        DueItem(
            Kind.FOLLOW_UP,
            _group(row.due_on, today),
            row.due_on,
            row.person_id,
            row.case_id,
            row.file_number,
            _name(row.family_name, row.given_names),
            row.text,
            row.id,
            assignee_name=row.assignee_name or "",
        )
        for row in rows
    ]


def _referrals(session: Session, who: _Who, today: date) -> list[DueItem]:
    answer_days = int(get_setting(session, "referrals.answer_days"))
    user_id = who.user_id
    if who.team_id is not None:
        mine = _mine(who)
    elif user_id is None:
        mine = true()
    else:
        mine = or_(Referral.created_by_id == user_id, Case.counsellor_id == user_id)
    counsellor = User.__table__.alias("counsellor")
    rows = session.execute(
        select(
            Referral.id,
            Referral.case_id,
            Referral.sent_on,
            Referral.answer_due_on,
            Partner.name.label("partner_name"),
            Person.id.label("person_id"),
            Person.file_number,
            Person.family_name,
            Person.given_names,
            counsellor.c.display_name.label("counsellor_name"),
        )
        .join(Case, Case.id == Referral.case_id)
        .join(Person, Person.id == Case.person_id)
        .join(Partner, Partner.id == Referral.partner_id)
        .outerjoin(counsellor, counsellor.c.id == Case.counsellor_id)
        .where(
            Referral.status == ReferralStatus.SENT,
            Case.status != CaseStatus.CLOSED,
            mine,
            Person.merged_into_id.is_(None),
            access.visible_persons(session),
        )
    )
    items: list[DueItem] = []
    for row in rows:
        due = row.answer_due_on
        if due is None and row.sent_on is not None:
            due = row.sent_on + timedelta(days=answer_days)
        if due is None or due >= today:
            continue
        sent = row.sent_on.strftime("%d.%m.%Y") if row.sent_on else "?"
        items.append(
            DueItem(
                Kind.REFERRAL,
                Group.OVERDUE,
                due,
                row.person_id,
                row.case_id,
                row.file_number,
                _name(row.family_name, row.given_names),
                f"Keine Rückmeldung von {row.partner_name} auf die Überweisung vom {sent}",
                row.id,
                assignee_name=row.counsellor_name or "",
            )
        )
    made = _sources(session, "referral:", (str(item.record_id) for item in items))
    return [item for item in items if f"referral:{item.record_id}" not in made]


def _latest_statuses(
    session: Session, persons: Select[uuid.UUID], on: date | None
) -> dict[uuid.UUID, ResidenceStatus]:
    """The latest residence document per person (valid from ``on`` or earlier, if given)."""
    latest = select(
        ResidenceStatus.person_id, func.max(ResidenceStatus.valid_from).label("valid_from")
    ).where(ResidenceStatus.person_id.in_(persons))
    if on is not None:
        latest = latest.where(ResidenceStatus.valid_from <= on)
    newest = latest.group_by(ResidenceStatus.person_id).subquery()
    found: dict[uuid.UUID, ResidenceStatus] = {}
    for status in session.scalars(
        select(ResidenceStatus).join(
            newest,
            and_(
                ResidenceStatus.person_id == newest.c.person_id,
                ResidenceStatus.valid_from == newest.c.valid_from,
            ),
        )
    ):
        known = found.get(status.person_id)
        if known is None or (status.valid_until or date.max) > (known.valid_until or date.max):
            found[status.person_id] = status
    return found


def _current_categories(
    session: Session, persons: Select[uuid.UUID], today: date
) -> dict[uuid.UUID, LegalCategory]:
    rows = session.execute(
        select(LegalCategoryPeriod.person_id, LegalCategoryPeriod.category)
        .where(
            LegalCategoryPeriod.person_id.in_(persons),
            LegalCategoryPeriod.valid_from <= today,
            or_(
                LegalCategoryPeriod.valid_until.is_(None), LegalCategoryPeriod.valid_until >= today
            ),
        )
        .order_by(LegalCategoryPeriod.person_id, LegalCategoryPeriod.valid_from)
    )
    return {person_id: category for person_id, category in rows}  # the latest wins


def _persons(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
    wanted = list(ids)
    found: dict[uuid.UUID, tuple[str, str]] = {}
    for start in range(0, len(wanted), 500):
        for row in session.execute(
            select(Person.id, Person.file_number, Person.family_name, Person.given_names).where(
                Person.id.in_(wanted[start : start + 500]),
                Person.merged_into_id.is_(None),
                access.visible_persons(session),
            )
        ):
            found[row.id] = (row.file_number, _name(row.family_name, row.given_names))
    return found


def _counsellors(session: Session, who: _Who, persons: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Whose the person is: the counsellor of their latest running case in the list."""
    wanted = list(persons)
    found: dict[uuid.UUID, str] = {}
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(Case.person_id, User.display_name)
            .join(User, User.id == Case.counsellor_id)
            .where(
                Case.person_id.in_(wanted[start : start + 500]),
                Case.status != CaseStatus.CLOSED,
                _mine(who),
            )
            .order_by(Case.opened_on, Case.id)
        )
        found.update({person_id: name for person_id, name in rows})  # the latest wins
    return found


def _documents_and_hints(
    session: Session, who: _Who, today: date
) -> tuple[list[DueItem], list[DueItem]]:
    persons = _open_case_persons(who)
    lead_weeks = int(get_setting(session, "followups.residence_lead_weeks"))
    horizon = today + timedelta(weeks=lead_weeks)
    expiring = [
        status
        for status in _latest_statuses(session, persons, None).values()
        if status.valid_until is not None and status.valid_until <= horizon
    ]
    current = _latest_statuses(session, persons, today)
    categories = _current_categories(session, persons, today)
    hints = [
        hint
        for person_id, status in current.items()
        if (hint := hint_for(person_id, status.status_code, categories.get(person_id), today))
    ]
    made = _sources(session, "residence:", (str(s.id) for s in expiring))
    made |= _sources(session, "", (hint.source for hint in hints))
    expiring = [s for s in expiring if f"residence:{s.id}" not in made]
    hints = [hint for hint in hints if hint.source not in made]
    shown = _persons(session, {s.person_id for s in expiring} | {h.person_id for h in hints})
    counsellors = _counsellors(session, who, shown)
    documents: list[DueItem] = []
    for status in sorted(expiring, key=lambda s: (s.valid_until, str(s.person_id))):
        if status.person_id not in shown or status.valid_until is None:
            continue
        file_number, name = shown[status.person_id]
        label = reference.label("residence_statuses", status.status_code, "de")
        verb = "abgelaufen am" if status.valid_until < today else "gültig bis"
        documents.append(
            DueItem(
                Kind.RESIDENCE,
                Group.DOCUMENTS,
                status.valid_until,
                status.person_id,
                None,
                file_number,
                name,
                f"{label}: {verb} {status.valid_until.strftime('%d.%m.%Y')}",
                status.id,
                assignee_name=counsellors.get(status.person_id, ""),
            )
        )
    hint_items = [
        DueItem(
            Kind.HINT,
            Group.HINTS,
            hint.proposed_due,
            hint.person_id,
            None,
            shown[hint.person_id][0],
            shown[hint.person_id][1],
            hint.text_de,
            hint.person_id,
            hint,
            assignee_name=counsellors.get(hint.person_id, ""),
        )
        for hint in sorted(hints, key=lambda h: shown.get(h.person_id, ("", ""))[1])
        if hint.person_id in shown
    ]
    return documents, hint_items


def may_see_team(session: Session) -> bool:
    """Whether the acting user may ask for the team's list (``Scope.TEAM``): a team lead."""
    return access.may(session, Action.READ_PERSON) and access.role_of(session) is Role.TEAM_LEAD


def due_for(
    session: Session, user_id: uuid.UUID | None, today: date, *, scope: Scope = Scope.MINE
) -> DueList:
    """What is due for ``user_id`` (None: for every case the acting user may see) as of
    ``today`` — with ``Scope.TEAM``, for the acting team lead's whole team; reads only."""
    access.require(session, Action.READ_PERSON)
    who = _Who(user_id)
    if scope is Scope.TEAM:
        access.require_role(session, Role.TEAM_LEAD)
        lead = access.actor(session)
        if lead is not None:
            team_id = lead.team_id
        else:  # the program itself (the CLI's --user): that account's team, else every case
            account = session.get(User, user_id) if user_id is not None else None
            team_id = account.team_id if account is not None else None
        if team_id is None and (lead is not None or user_id is not None):
            return DueList(today, {group: () for group in Group})  # a lead without a team
        who = _Who(user_id, team_id)
    horizon = today + timedelta(days=WEEK_DAYS)
    dated = _follow_ups(session, who, today, horizon) + _referrals(session, who, today)
    dated.sort(key=lambda item: (item.due_on, item.person_name, str(item.record_id)))
    groups: dict[Group, list[DueItem]] = {group: [] for group in Group}
    for item in dated:
        groups[item.group].append(item)
    documents, hints = _documents_and_hints(session, who, today)
    groups[Group.DOCUMENTS] = documents
    groups[Group.HINTS] = hints
    log.debug("due for a user: %s", {g.value: len(items) for g, items in groups.items()})
    return DueList(today, {group: tuple(items) for group, items in groups.items()})


# --- changes ----------------------------------------------------------------------------------


def _follow_up(session: Session, follow_up_id: uuid.UUID) -> FollowUp:
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFound(
            f"follow-up {follow_up_id} not found", german="Die Wiedervorlage gibt es nicht mehr."
        )
    access.require(session, Action.EDIT_PERSON, case_id=follow_up.case_id)
    return follow_up


def _audit_done(session: Session, follow_up: FollowUp, old: datetime | None) -> None:
    person_id = session.scalar(select(Case.person_id).where(Case.id == follow_up.case_id))
    audit.append(
        session,
        "update",
        "follow_up",
        entity_id=follow_up.id,
        person_id=person_id,
        details={"case_id": follow_up.case_id, "done_at": {"old": old, "new": follow_up.done_at}},
    )


def mark_done(session: Session, follow_up_id: uuid.UUID) -> FollowUp:
    """Mark a follow-up done (again: no change), audited. The caller commits."""
    follow_up = _follow_up(session, follow_up_id)
    if follow_up.done_at is None:
        follow_up.done_at = datetime.now(UTC)
        session.flush()
        _audit_done(session, follow_up, None)
    session.flush()
    return follow_up


def reopen(session: Session, follow_up_id: uuid.UUID) -> FollowUp:
    """Take back "done": the follow-up is open again with its date and text (not done: no
    change), audited like :func:`mark_done`. The caller commits."""
    follow_up = _follow_up(session, follow_up_id)
    old = follow_up.done_at
    if old is not None:
        follow_up.done_at = None
        session.flush()
        _audit_done(session, follow_up, old)
    return follow_up


def postpone(session: Session, follow_up_id: uuid.UUID, new_date: date) -> FollowUp:
    """Move an open follow-up to ``new_date`` (not in the past)."""
    follow_up = _follow_up(session, follow_up_id)
    if follow_up.done_at is not None:
        raise FollowUpError(
            "the follow-up is already done", german="Die Wiedervorlage ist schon erledigt."
        )
    if new_date < date.today():
        raise FollowUpError(
            f"{new_date.isoformat()} is in the past: postpone to today or later",
            german="Das Datum liegt in der Vergangenheit: bitte heute oder später wählen.",
        )
    follow_up.due_on = new_date
    session.flush()
    return follow_up


def add_follow_up(
    session: Session,
    case_id: uuid.UUID,
    due: date,
    text: str,
    *,
    assigned_to_id: uuid.UUID | None = None,
    source: str | None = None,
) -> FollowUp:
    """A new follow-up in a case (assigned to the acting user unless given)."""
    access.require(session, Action.EDIT_PERSON, case_id=case_id)
    if session.get(Case, case_id) is None:
        raise NotFound(f"case {case_id} not found", german="Der Fall wurde nicht gefunden.")
    cleaned = " ".join(clean_text(text).split())
    if not cleaned:
        raise FollowUpError(
            "a follow-up needs a text", german="Bitte einen Text für die Wiedervorlage angeben."
        )
    follow_up = FollowUp(
        case_id=case_id,
        assigned_to_id=assigned_to_id or access.acting_user_id(session),
        due_on=due,
        text=cleaned[:MAX_TEXT],
        source=source,
    )
    session.add(follow_up)
    session.flush()
    return follow_up


def _case_of_person(session: Session, person_id: uuid.UUID, user_id: uuid.UUID | None) -> uuid.UUID:
    """The person's case to hold a new follow-up: the user's own before others', open before
    closed, the most recently opened first."""
    mine = Case.counsellor_id == user_id if user_id is not None else true()
    case_id = session.scalars(
        select(Case.id)
        .where(Case.person_id == person_id)
        .order_by(
            case((mine, 0), else_=1),
            case((Case.status == CaseStatus.CLOSED, 1), else_=0),
            Case.opened_on.desc(),
            Case.id,
        )
        .limit(1)
    ).first()
    if case_id is None:
        raise FollowUpError(
            "the person has no case to hold a follow-up",
            german="Für diese Person gibt es keinen Fall für eine Wiedervorlage.",
        )
    return case_id


def follow_up_from(
    session: Session,
    item: DueItem,
    due: date | None = None,
    *,
    user_id: uuid.UUID | None = None,
) -> FollowUp:
    """Turn a referral, document or hint entry into a follow-up of ``user_id`` (default: the
    acting user), so it leaves the list as such; for a follow-up entry, the follow-up itself."""
    if item.kind is Kind.FOLLOW_UP:
        return _follow_up(session, item.record_id)
    user = user_id or access.acting_user_id(session)
    day = due or date.today()
    if item.kind is Kind.REFERRAL:
        case_id, text, source = item.case_id, item.text, f"referral:{item.record_id}"
    elif item.kind is Kind.RESIDENCE:
        case_id, text = None, f"Aufenthaltstitel: {item.text}"
        source = f"residence:{item.record_id}"
    else:
        assert item.hint is not None
        case_id, text, source = None, item.hint.text_de, item.hint.source
        day = due or item.hint.proposed_due
    return add_follow_up(
        session,
        case_id or _case_of_person(session, item.person_id, user),
        day,
        text,
        assigned_to_id=user,
        source=source,
    )


def legal_category_hint(
    session: Session, person_id: uuid.UUID, today: date | None = None
) -> CategoryHint | None:
    """The hint when the person's current residence status usually means another legal
    category than the recorded current one (see the module docstring), else None."""
    access.require(session, Action.READ_PERSON, person_id=person_id)
    day = today or date.today()
    persons = select(Person.id).where(Person.id == person_id)
    status = _latest_statuses(session, persons, day).get(person_id)
    category = _current_categories(session, persons, day).get(person_id)
    return hint_for(person_id, status.status_code if status else None, category, day)
