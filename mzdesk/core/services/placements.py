"""Placements (outcomes) recorded on a case, with the statistics snapshot taken at their start.

``add_placement`` copies the person's legal category, residence status and refugee flag *as
they were on the start date* into the placement (domain.md: statistics use the value at that
date, not today's). ``refresh_snapshot`` recomputes them after a history was corrected.
Statistics count placements as events, not persons (the SGB II integration indicator).

``update_placement`` edits one (the snapshot is taken again when the start date moves) and
``end_placement`` sets its end date; both take the ``expected_version`` the user saw
(:class:`PlacementChanged` if someone saved it meanwhile). Every change is checked with
``access.require`` (``EDIT_PERSON`` on the case) and audited (ids, codes and dates; the note
only as "has a note": it stays out of the trail like a contact's note).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mzdesk.core import access, reference
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.models import (
    Case,
    LegalCategory,
    LegalCategoryPeriod,
    Partner,
    Person,
    Placement,
    ResidenceStatus,
    Setting,
)
from mzdesk.core.services import audit
from mzdesk.core.services.lookup import by_id
from mzdesk.core.text import clean_text

log = logging.getLogger(__name__)

MAX_WEEKLY_HOURS = Decimal(80)
MAX_EMPLOYER = 200
MAX_NOTE = 2000
# Organisation setting: status codes counted as "refugee" on top of the reference data's.
REFUGEE_CODES_SETTING = "statistics.extra_refugee_codes"


class InvalidPlacement(MzdeskError):
    """A placement that cannot be recorded as given."""


@dataclass(frozen=True)
class PlacementState:
    """A placement's editable fields as stored (the edit dialog's starting point)."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    case_id: uuid.UUID | None
    kind: str
    partner_id: uuid.UUID | None
    partner_name: str | None
    employer_name: str | None
    starts_on: date
    ends_on: date | None
    weekly_hours: Decimal | None
    subsidy: str | None
    note: str | None


class PlacementChanged(MzdeskError):
    """The placement was saved by someone else since the user read it (optimistic locking)."""

    def __init__(self, current: PlacementState) -> None:
        super().__init__(
            "the placement was changed by someone else in the meantime; reload it and decide",
            german="Die Vermittlung wurde inzwischen von jemand anderem geändert. "
            "Bitte schließen und neu öffnen.",
        )
        self.current = current


@dataclass(frozen=True)
class Snapshot:
    legal_category: LegalCategory | None
    residence_status: str | None
    refugee: bool


def setting_refugee_codes(session: Session) -> frozenset[str]:
    """Status codes the organisation setting adds to "refugee" (a list of codes, or none)."""
    value = session.scalars(
        select(Setting.value).where(Setting.key == REFUGEE_CODES_SETTING, Setting.user_id.is_(None))
    ).first()
    if isinstance(value, str):
        value = value.replace(";", ",").split(",")
    if not isinstance(value, list):
        return frozenset()
    return frozenset(str(code).strip() for code in value if str(code).strip())


def snapshot_at(
    session: Session,
    person_id: uuid.UUID,
    day: date,
    extra_refugee_codes: Iterable[str] = (),
) -> Snapshot:
    """The person's legal category and residence status valid on ``day`` (both ends inclusive).

    If documents overlap, the one valid from the latest date wins (the newest document).
    """
    category = session.scalars(
        select(LegalCategoryPeriod.category)
        .where(
            LegalCategoryPeriod.person_id == person_id,
            LegalCategoryPeriod.valid_from <= day,
            or_(LegalCategoryPeriod.valid_until.is_(None), LegalCategoryPeriod.valid_until >= day),
        )
        .order_by(LegalCategoryPeriod.valid_from.desc())
        .limit(1)
    ).first()
    status = session.scalars(
        select(ResidenceStatus.status_code)
        .where(
            ResidenceStatus.person_id == person_id,
            ResidenceStatus.valid_from <= day,
            or_(ResidenceStatus.valid_until.is_(None), ResidenceStatus.valid_until >= day),
        )
        .order_by(ResidenceStatus.valid_from.desc())
        .limit(1)
    ).first()
    refugee = reference.is_refugee_status(status, frozenset(extra_refugee_codes))
    return Snapshot(category, status, refugee)


def _hours(value: Decimal | float | str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        hours = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        raise InvalidPlacement(
            f"weekly hours {value!r} is not a number",
            german="Die Wochenstunden müssen eine Zahl sein.",
        ) from None
    if not Decimal(0) < hours <= MAX_WEEKLY_HOURS:
        raise InvalidPlacement(
            f"weekly hours must be above 0 and at most {MAX_WEEKLY_HOURS}",
            german=f"Die Wochenstunden müssen über 0 und höchstens {MAX_WEEKLY_HOURS} sein.",
        )
    return hours.quantize(Decimal("0.01"))


def _kind(kind: str) -> str:
    if kind not in reference.by_code("placement_kinds"):
        known = ", ".join(reference.codes("placement_kinds"))
        raise InvalidPlacement(
            f"unknown placement kind {kind!r} (one of {known})",
            german=f"Unbekannte Art der Vermittlung „{kind}“.",
        )
    return kind


def _dates(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise InvalidPlacement(
            "a placement cannot end before it starts",
            german="Eine Vermittlung kann nicht vor ihrem Beginn enden.",
        )


def _employer(employer_name: str | None) -> str | None:
    name = " ".join(clean_text(employer_name or "").split()) or None
    if name is not None and len(name) > MAX_EMPLOYER:
        raise InvalidPlacement(
            f"employer name is longer than {MAX_EMPLOYER} characters",
            german=f"Der Name des Arbeitgebers ist länger als {MAX_EMPLOYER} Zeichen.",
        )
    return name


def _subsidy(subsidy: str | None) -> str | None:
    if subsidy is not None and len(subsidy) > 200:
        raise InvalidPlacement(
            "subsidy is longer than 200 characters",
            german="Die Förderung ist länger als 200 Zeichen.",
        )
    return " ".join(clean_text(subsidy or "").split()) or None


def _note(note: str | None) -> str | None:
    text = clean_text(note or "", multiline=True).strip() or None
    if text is not None and len(text) > MAX_NOTE:
        raise InvalidPlacement(
            f"the note is longer than {MAX_NOTE} characters",
            german=f"Die Notiz ist länger als {MAX_NOTE} Zeichen.",
        )
    return text


def add_placement(
    session: Session,
    *,
    case_id: uuid.UUID | str,
    kind: str,
    starts_on: date,
    ends_on: date | None = None,
    partner_id: uuid.UUID | str | None = None,
    employer_name: str | None = None,
    weekly_hours: Decimal | float | str | None = None,
    subsidy: str | None = None,
    note: str | None = None,
    counsellor_id: uuid.UUID | None = None,
    extra_refugee_codes: Iterable[str] | None = None,
) -> Placement:
    """Record a placement on a case (the caller commits); audited as "create".

    ``extra_refugee_codes``: status codes counted as refugee on top of the reference data;
    None reads the organisation setting (``REFUGEE_CODES_SETTING``). The counsellor is
    ``counsellor_id``, else the case's, else the acting user.
    """
    case = by_id(session, Case, case_id, "case")
    access.require(session, access.Action.EDIT_PERSON, person_id=case.person_id, case_id=case.id)
    _kind(kind)
    _dates(starts_on, ends_on)
    partner = by_id(session, Partner, partner_id, "partner") if partner_id is not None else None
    name = _employer(employer_name)
    codes = setting_refugee_codes(session) if extra_refugee_codes is None else extra_refugee_codes
    state = snapshot_at(session, case.person_id, starts_on, codes)
    placement = Placement(
        person_id=case.person_id,
        case_id=case.id,
        kind=kind,
        partner_id=partner.id if partner else None,
        employer_name=name,
        starts_on=starts_on,
        ends_on=ends_on,
        weekly_hours=_hours(weekly_hours),
        subsidy=_subsidy(subsidy),
        note=_note(note),
        counsellor_id=counsellor_id or case.counsellor_id or access.acting_user_id(session),
        legal_category_at_start=state.legal_category,
        residence_status_at_start=state.residence_status,
        refugee_at_start=state.refugee,
    )
    session.add(placement)
    session.flush()
    audit.append(
        session,
        "create",
        "placement",
        entity_id=placement.id,
        person_id=case.person_id,
        details={
            "case_id": case.id,
            "kind": kind,
            "partner_id": placement.partner_id,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "has_note": placement.note is not None,  # the note itself stays out of the trail
        },
    )
    log.info("placement %s on case %s recorded", placement.id, case.id)
    return placement


def state_of(placement: Placement, partner_name: str | None = None) -> PlacementState:
    return PlacementState(
        id=placement.id,
        version=placement.version,
        person_id=placement.person_id,
        case_id=placement.case_id,
        kind=placement.kind,
        partner_id=placement.partner_id,
        partner_name=partner_name,
        employer_name=placement.employer_name,
        starts_on=placement.starts_on,
        ends_on=placement.ends_on,
        weekly_hours=placement.weekly_hours,
        subsidy=placement.subsidy,
        note=placement.note,
    )


def _state(session: Session, placement: Placement) -> PlacementState:
    partner = session.get(Partner, placement.partner_id) if placement.partner_id else None
    return state_of(placement, partner.name if partner else None)


def get_placement(session: Session, placement_id: uuid.UUID | str) -> PlacementState:
    """One placement as stored (``READ_PERSON`` on its person and case)."""
    placement = by_id(session, Placement, placement_id, "placement")
    access.require(
        session,
        access.Action.READ_PERSON,
        person_id=placement.person_id,
        case_id=placement.case_id,
    )
    return _state(session, placement)


def _editable(
    session: Session, placement_id: uuid.UUID | str, expected_version: int | None
) -> Placement:
    placement = by_id(session, Placement, placement_id, "placement")
    access.require(
        session,
        access.Action.EDIT_PERSON,
        person_id=placement.person_id,
        case_id=placement.case_id,
    )
    if expected_version is not None and placement.version != expected_version:
        raise PlacementChanged(_state(session, placement))
    return placement


def _flush(session: Session, placement: Placement) -> None:
    """Flush; a concurrent commit in between (stale version) becomes ``PlacementChanged``."""
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        fresh = session.get(Placement, placement.id, populate_existing=True)
        if fresh is None:
            raise NotFound(
                f"placement {placement.id} not found", german="Vermittlung nicht gefunden."
            ) from None
        raise PlacementChanged(_state(session, fresh)) from None


def update_placement(
    session: Session,
    placement_id: uuid.UUID | str,
    *,
    kind: str,
    starts_on: date,
    ends_on: date | None,
    partner_id: uuid.UUID | str | None,
    employer_name: str | None,
    weekly_hours: Decimal | float | str | None,
    note: str | None,
    expected_version: int | None = None,
    extra_refugee_codes: Iterable[str] | None = None,
) -> Placement:
    """Change a placement as the edit dialog shows it (the caller commits); audited per field.

    A new start date takes the statistics snapshot again (the category *at that date*). The
    subsidy is kept as it is (the dialog does not show it). Nothing changed: nothing written.
    """
    placement = _editable(session, placement_id, expected_version)
    _kind(kind)
    _dates(starts_on, ends_on)
    partner = by_id(session, Partner, partner_id, "partner") if partner_id is not None else None
    wanted: dict[str, Any] = {
        "kind": kind,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "partner_id": partner.id if partner else None,
        "employer_name": _employer(employer_name),
        "weekly_hours": _hours(weekly_hours),
        "note": _note(note),
    }
    changes: dict[str, Any] = {}
    for name, value in wanted.items():
        old = getattr(placement, name)
        if old == value:
            continue
        setattr(placement, name, value)
        # the note's text stays out of the trail
        changes[name] = {"changed": True} if name == "note" else {"old": old, "new": value}
    if not changes:
        return placement
    if "starts_on" in changes:
        refresh_snapshot(session, placement, extra_refugee_codes)
    _flush(session, placement)
    audit.append(
        session,
        "update",
        "placement",
        entity_id=placement.id,
        person_id=placement.person_id,
        details={"case_id": placement.case_id, **changes},
    )
    log.info("placement %s edited (%s)", placement.id, ", ".join(sorted(changes)))
    return placement


def end_placement(
    session: Session,
    placement_id: uuid.UUID | str,
    ends_on: date,
    *,
    expected_version: int | None = None,
) -> Placement:
    """Set the placement's end date (the caller commits); audited as an "update" of it."""
    placement = _editable(session, placement_id, expected_version)
    _dates(placement.starts_on, ends_on)
    old = placement.ends_on
    if old == ends_on:
        return placement
    placement.ends_on = ends_on
    _flush(session, placement)
    audit.append(
        session,
        "update",
        "placement",
        entity_id=placement.id,
        person_id=placement.person_id,
        details={"case_id": placement.case_id, "ends_on": {"old": old, "new": ends_on}},
    )
    log.info("placement %s ended", placement.id)
    return placement


def refresh_snapshot(
    session: Session, placement: Placement, extra_refugee_codes: Iterable[str] | None = None
) -> bool:
    """Re-take the snapshot (after a history was corrected); True if anything changed."""
    codes = setting_refugee_codes(session) if extra_refugee_codes is None else extra_refugee_codes
    state = snapshot_at(session, placement.person_id, placement.starts_on, codes)
    before = (
        placement.legal_category_at_start,
        placement.residence_status_at_start,
        placement.refugee_at_start,
    )
    after = (state.legal_category, state.residence_status, state.refugee)
    if before == after:
        return False
    (
        placement.legal_category_at_start,
        placement.residence_status_at_start,
        placement.refugee_at_start,
    ) = after
    return True


def list_placements(
    session: Session,
    *,
    person_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int = 500,
) -> list[Placement]:
    """Placements, newest start first, filtered by person, case and start date range."""
    if person_id is not None or case_id is not None:
        access.require(session, access.Action.READ_PERSON, person_id=person_id, case_id=case_id)
    else:
        access.require(session, access.Action.READ_PERSON)
    visible = select(Person.id).where(access.visible_persons(session))
    query = select(Placement).where(Placement.person_id.in_(visible))
    if person_id is not None:
        query = query.where(Placement.person_id == person_id)
    if case_id is not None:
        query = query.where(Placement.case_id == case_id)
    if start is not None:
        query = query.where(Placement.starts_on >= start)
    if end is not None:
        query = query.where(Placement.starts_on <= end)
    query = query.order_by(Placement.starts_on.desc(), Placement.id).limit(limit)
    return list(session.scalars(query))
