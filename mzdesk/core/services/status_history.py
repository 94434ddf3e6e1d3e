"""Residence status and legal category (Rechtskreis) over time: record changes, read history.

Every change is a NEW history row with its date; nothing is overwritten:

* a residence status is one document as printed (status, work permission, valid from/until);
  overlapping documents are allowed (the newest start wins, as in ``snapshot_at``);
* a legal category applies from a date; the period in force before it gets its end (the day
  before), and a change dated before a later one (a correction) ends where the later begins.

The value at a date is :func:`value_at`, the same function statistics and placements use
(``mzdesk.core.services.placements.snapshot_at``: one implementation, its import path kept).

After a residence status change, :func:`legal_category_hint` asks the follow-ups service
whether the new status usually means another legal category (e.g. recognition: AsylbLG →
SGB II); the GUI then proposes a follow-up. Without that service there is no hint.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import import_module
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access, reference
from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.models import (
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    ResidenceStatus,
    WorkPermission,
)
from mzdesk.core.services import audit
from mzdesk.core.services.person_file import LegalCategoryEntry, ResidenceEntry
from mzdesk.core.services.placements import Snapshot, setting_refugee_codes, snapshot_at
from mzdesk.core.text import clean_text

log = logging.getLogger(__name__)

HINT_MODULE = "mzdesk.core.services.followups"
HINT_FUNCTION = "legal_category_hint"


class InvalidStatusChange(MzdeskError):
    """A residence status or legal category change that cannot be recorded as given."""


@dataclass(frozen=True)
class StatusHistory:
    residence_statuses: tuple[ResidenceEntry, ...]  # oldest first
    legal_categories: tuple[LegalCategoryEntry, ...]  # oldest first


def _person(session: Session, person_id: uuid.UUID) -> Person:
    access.require(session, access.Action.EDIT_PERSON, person_id=person_id)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"no person with id {person_id}", german="Person nicht gefunden.")
    return person


def record_residence_status(
    session: Session,
    person_id: uuid.UUID,
    *,
    status_code: str,
    valid_from: date,
    work_permission: WorkPermission | None = None,
    valid_until: date | None = None,
    note: str | None = None,
) -> ResidenceStatus:
    """A new residence document in the person's history (the caller commits)."""
    person = _person(session, person_id)
    code = status_code.strip().upper()
    if code not in reference.by_code("residence_statuses"):
        raise InvalidStatusChange(
            f"unknown residence status {status_code!r}",
            german=f"Unbekannter Aufenthaltsstatus: {status_code}",
        )
    if valid_until is not None and valid_until < valid_from:
        raise InvalidStatusChange(
            "a document cannot expire before it is valid",
            german="Das Ablaufdatum liegt vor dem Beginn der Gültigkeit.",
        )
    row = ResidenceStatus(
        person_id=person.id,
        status_code=code,
        work_permission=work_permission,
        valid_from=valid_from,
        valid_until=valid_until,
        note=clean_text(note or "", multiline=True).strip() or None,
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        "residence_status",
        "person",
        entity_id=row.id,
        person_id=person.id,
        details={
            "status_code": code,
            "work_permission": work_permission.value if work_permission else None,
            "valid_from": valid_from,
            "valid_until": valid_until,
        },
    )
    log.info("residence status recorded for person %s", person.id)
    return row


def record_legal_category(
    session: Session, person_id: uuid.UUID, *, category: LegalCategory, valid_from: date
) -> LegalCategoryPeriod:
    """The legal category that applies from ``valid_from`` on (the caller commits)."""
    person = _person(session, person_id)
    periods = list(
        session.scalars(
            select(LegalCategoryPeriod)
            .where(LegalCategoryPeriod.person_id == person.id)
            .order_by(LegalCategoryPeriod.valid_from, LegalCategoryPeriod.created_at)
        )
    )
    if any(period.valid_from == valid_from for period in periods):
        raise InvalidStatusChange(
            f"a legal category already starts on {valid_from.isoformat()}",
            german=f"Am {valid_from:%d.%m.%Y} beginnt schon ein Rechtskreis.",
        )
    ended: list[uuid.UUID] = []
    earlier = [p for p in periods if p.valid_from < valid_from]
    if earlier and (earlier[-1].valid_until is None or earlier[-1].valid_until >= valid_from):
        earlier[-1].valid_until = valid_from - timedelta(days=1)
        ended.append(earlier[-1].id)
    later = [p for p in periods if p.valid_from > valid_from]
    row = LegalCategoryPeriod(
        person_id=person.id,
        category=category,
        valid_from=valid_from,
        valid_until=later[0].valid_from - timedelta(days=1) if later else None,
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        "legal_category",
        "person",
        entity_id=row.id,
        person_id=person.id,
        details={
            "category": category.value,
            "valid_from": valid_from,
            "valid_until": row.valid_until,
            "ended_periods": ended,
        },
    )
    log.info("legal category recorded for person %s", person.id)
    return row


def history(session: Session, person_id: uuid.UUID) -> StatusHistory:
    """Both histories of a person, oldest first."""
    access.require(session, access.Action.READ_PERSON, person_id=person_id)
    if session.get(Person, person_id) is None:
        raise NotFound(f"no person with id {person_id}", german="Person nicht gefunden.")
    residence = session.execute(
        select(
            ResidenceStatus.id,
            ResidenceStatus.status_code,
            ResidenceStatus.work_permission,
            ResidenceStatus.valid_from,
            ResidenceStatus.valid_until,
            ResidenceStatus.note,
        )
        .where(ResidenceStatus.person_id == person_id)
        .order_by(ResidenceStatus.valid_from, ResidenceStatus.created_at)
    )
    categories = session.execute(
        select(
            LegalCategoryPeriod.id,
            LegalCategoryPeriod.category,
            LegalCategoryPeriod.valid_from,
            LegalCategoryPeriod.valid_until,
        )
        .where(LegalCategoryPeriod.person_id == person_id)
        .order_by(LegalCategoryPeriod.valid_from, LegalCategoryPeriod.created_at)
    )
    return StatusHistory(
        tuple(ResidenceEntry(*row) for row in residence),
        tuple(LegalCategoryEntry(*row) for row in categories),
    )


def value_at(
    session: Session,
    person_id: uuid.UUID,
    day: date,
    extra_refugee_codes: Iterable[str] | None = None,
) -> Snapshot:
    """Legal category, residence status and refugee flag valid on ``day``.

    The same rule as placements and statistics (``placements.snapshot_at``);
    ``extra_refugee_codes`` None reads the organisation setting.
    """
    access.require(session, access.Action.READ_PERSON, person_id=person_id)
    codes = setting_refugee_codes(session) if extra_refugee_codes is None else extra_refugee_codes
    return snapshot_at(session, person_id, day, codes)


def legal_category_hint(session: Session, person_id: uuid.UUID) -> Any | None:
    """The follow-ups service's hint for this person (``.text_de``, ``.text_en``,
    ``.proposed_due``), or None: no hint, or that service is not installed."""
    try:
        module = import_module(HINT_MODULE)
    except ImportError:
        return None
    function = getattr(module, HINT_FUNCTION, None)
    if not callable(function):
        return None
    return function(session, person_id)
