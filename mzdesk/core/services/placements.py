"""Placements (outcomes) recorded on a case, with the statistics snapshot taken at their start.

``add_placement`` copies the person's legal category, residence status and refugee flag *as
they were on the start date* into the placement (domain.md: statistics use the value at that
date, not today's). ``refresh_snapshot`` recomputes them after a history was corrected.
Statistics count placements as events, not persons (the SGB II integration indicator).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mzdesk.core import access, reference
from mzdesk.core.errors import MzdeskError
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
from mzdesk.core.services.lookup import by_id
from mzdesk.core.text import clean_text

MAX_WEEKLY_HOURS = Decimal(80)
# Organisation setting: status codes counted as "refugee" on top of the reference data's.
REFUGEE_CODES_SETTING = "statistics.extra_refugee_codes"


class InvalidPlacement(MzdeskError):
    """A placement that cannot be recorded as given."""


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
    counsellor_id: uuid.UUID | None = None,
    extra_refugee_codes: Iterable[str] | None = None,
) -> Placement:
    """Record a placement on a case (the caller commits).

    ``extra_refugee_codes``: status codes counted as refugee on top of the reference data;
    None reads the organisation setting (``REFUGEE_CODES_SETTING``).
    """
    case = by_id(session, Case, case_id, "case")
    access.require(session, access.Action.EDIT_PERSON, case_id=case.id)
    if kind not in reference.by_code("placement_kinds"):
        known = ", ".join(reference.codes("placement_kinds"))
        raise InvalidPlacement(
            f"unknown placement kind {kind!r} (one of {known})",
            german=f"Unbekannte Art der Vermittlung „{kind}“.",
        )
    if ends_on is not None and ends_on < starts_on:
        raise InvalidPlacement(
            "a placement cannot end before it starts",
            german="Eine Vermittlung kann nicht vor ihrem Beginn enden.",
        )
    partner = by_id(session, Partner, partner_id, "partner") if partner_id is not None else None
    name = " ".join(clean_text(employer_name or "").split()) or None
    if name is not None and len(name) > 200:
        raise InvalidPlacement(
            "employer name is longer than 200 characters",
            german="Der Name des Arbeitgebers ist länger als 200 Zeichen.",
        )
    if subsidy is not None and len(subsidy) > 200:
        raise InvalidPlacement(
            "subsidy is longer than 200 characters",
            german="Die Förderung ist länger als 200 Zeichen.",
        )
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
        subsidy=" ".join(clean_text(subsidy or "").split()) or None,
        counsellor_id=counsellor_id or case.counsellor_id,
        legal_category_at_start=state.legal_category,
        residence_status_at_start=state.residence_status,
        refugee_at_start=state.refugee,
    )
    session.add(placement)
    session.flush()
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
