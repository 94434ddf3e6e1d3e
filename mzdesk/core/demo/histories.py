"""Residence status and legal category histories that fit each other.

The rule (``allowed_categories``): a legal category (Rechtskreis) is allowed while a status
holds when it is the status's usual benefits law from reference data, or one of the usual
deviations from it — SGB II statuses may also be SGB XII (old age) or none (own income);
statuses without benefits may be SGB III (unemployment insurance); temporary protection
(§ 24) was AsylbLG before 1 June 2022 and is again for arrivals from 1 April 2025.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from mzdesk.core import reference
from mzdesk.core.demo.context import DemoContext, add_months
from mzdesk.core.models.enums import LegalCategory, WorkPermission

ONE_DAY = timedelta(days=1)
UKRAINE_SGB2_FROM = date(2022, 6, 1)  # "Rechtskreiswechsel": AsylbLG → SGB II
UKRAINE_ASYLBLG_AGAIN_FROM = date(2025, 4, 1)  # later arrivals: AsylbLG again
PENSION_AGE = 67
OPEN_ENDED = frozenset({"NE", "EU"})  # documents without expiry

_DEVIATIONS: dict[LegalCategory, frozenset[LegalCategory]] = {
    LegalCategory.ASYLBLG: frozenset({LegalCategory.ASYLBLG}),
    LegalCategory.SGB2: frozenset({LegalCategory.SGB2, LegalCategory.SGB12, LegalCategory.NONE}),
    LegalCategory.NONE: frozenset({LegalCategory.NONE, LegalCategory.SGB3}),
    LegalCategory.SGB3: frozenset({LegalCategory.SGB3, LegalCategory.NONE}),
    LegalCategory.SGB12: frozenset({LegalCategory.SGB12}),
}


@dataclass(frozen=True)
class Step:
    """One stage of a residence pathway: status, months it lasts, work rule if not the usual."""

    status: str
    months: tuple[int, int] | None = None  # None: the last, open-ended stage
    work: WorkPermission | None = None


Pathway = tuple[Step, ...]


def parse_pathway(text: str) -> Pathway:
    """``"GEST!:3 GEST:4-14 AE_25_2"``: ``!`` = work banned, ``:a-b`` = months the stage lasts."""
    steps = []
    for token in text.split():
        code, _, span = token.partition(":")
        work = WorkPermission.VERBOT if code.endswith("!") else None
        code = code.rstrip("!")
        months: tuple[int, int] | None = None
        if span:
            low, _, high = span.partition("-")
            months = (int(low), int(high or low))
        steps.append(Step(code, months, work))
    return tuple(steps)


@dataclass(frozen=True)
class StatusPeriod:
    status: str
    work_permission: WorkPermission | None
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class CategoryPeriod:
    category: LegalCategory
    valid_from: date
    valid_until: date | None


def usual_work(status: str) -> WorkPermission | None:
    code = reference.by_code("residence_statuses")[status].extra.get("work")
    return WorkPermission(code) if code else None


def usual_category(status: str) -> LegalCategory | None:
    code = reference.by_code("residence_statuses")[status].extra.get("benefits")
    return LegalCategory(code) if code else None


def allowed_categories(status: str) -> frozenset[LegalCategory]:
    """The legal categories that fit a residence status (see the module docstring)."""
    usual = usual_category(status)
    if usual is None:  # e.g. FIKT: as the title it bridges
        return frozenset(LegalCategory)
    allowed = _DEVIATIONS[usual]
    if status == "AE_24":
        allowed = allowed | {LegalCategory.ASYLBLG}
    return allowed


def status_history(ctx: DemoContext, pathway: Pathway, arrival: date) -> list[StatusPeriod]:
    """The documents a person held from arrival until the reference day, in order."""
    periods: list[StatusPeriod] = []
    start = arrival
    for index, step in enumerate(pathway):
        work = step.work or usual_work(step.status)
        next_start: date | None = None
        if step.months is not None and index < len(pathway) - 1:
            next_start = add_months(start, ctx.between(*step.months))
            if next_start > ctx.today:
                next_start = None
        if next_start is None:
            periods.append(StatusPeriod(step.status, work, start, _expiry(ctx, step.status, start)))
            break
        periods.append(StatusPeriod(step.status, work, start, next_start - ONE_DAY))
        start = next_start
    return periods


def _expiry(ctx: DemoContext, status: str, start: date) -> date | None:
    if status in OPEN_ENDED:
        return None
    # Some documents expire soon after the reference day: the expiry warning has work to do.
    soon = ctx.rng.random() < 0.1
    days = ctx.between(3, 60) if soon else ctx.between(61, 900)
    return max(ctx.today + timedelta(days=days), start + timedelta(days=90))


def category_history(
    ctx: DemoContext, statuses: list[StatusPeriod], arrival: date, birth_date: date | None
) -> list[CategoryPeriod]:
    """Legal categories that follow the statuses, changing on the day the status changes."""
    starts: list[tuple[date, LegalCategory]] = []
    for period in statuses:
        starts.extend(_categories_within(ctx, period, arrival, birth_date))
    merged: list[tuple[date, LegalCategory]] = []
    for start, category in starts:
        if not merged or merged[-1][1] is not category:
            merged.append((start, category))
    result = []
    for index, (start, category) in enumerate(merged):
        until = merged[index + 1][0] - ONE_DAY if index + 1 < len(merged) else None
        result.append(CategoryPeriod(category, start, until))
    return result


def _categories_within(
    ctx: DemoContext, period: StatusPeriod, arrival: date, birth_date: date | None
) -> list[tuple[date, LegalCategory]]:
    start, end = period.valid_from, min(period.valid_until or ctx.today, ctx.today)
    usual = usual_category(period.status) or LegalCategory.NONE
    if period.status == "AE_24":
        if arrival >= UKRAINE_ASYLBLG_AGAIN_FROM:
            return [(start, LegalCategory.ASYLBLG)]
        if start < UKRAINE_SGB2_FROM:
            return [(start, LegalCategory.ASYLBLG), *_sgb2_later(ctx, UKRAINE_SGB2_FROM, end)]
    if usual is LegalCategory.SGB2:
        if birth_date is not None and (start - birth_date).days >= PENSION_AGE * 365:
            return [(start, LegalCategory.SGB12)]
        return _sgb2_later(ctx, start, end) or [(start, LegalCategory.SGB2)]
    if usual is LegalCategory.NONE and ctx.chance(0.1):
        lost_job = ctx.day_between(add_months(start, 6), end)
        if add_months(start, 6) <= lost_job <= end:
            return [(start, usual), (lost_job, LegalCategory.SGB3)]
    return [(start, usual)]


def _sgb2_later(ctx: DemoContext, start: date, end: date) -> list[tuple[date, LegalCategory]]:
    """SGB II from ``start``, for some ending later through own income (then no benefits)."""
    result = [(start, LegalCategory.SGB2)] if start <= end else []
    if result and ctx.chance(0.2):
        earning = add_months(start, ctx.between(6, 36))
        if earning <= end:
            result.append((earning, LegalCategory.NONE))
    return result


def status_at(periods: list[StatusPeriod], day: date) -> StatusPeriod | None:
    found = None
    for period in periods:
        if period.valid_from <= day and (period.valid_until is None or day <= period.valid_until):
            found = period
    return found


def category_at(periods: list[CategoryPeriod], day: date) -> LegalCategory | None:
    for period in periods:
        if period.valid_from <= day and (period.valid_until is None or day <= period.valid_until):
            return period.category
    return None


@dataclass(frozen=True)
class Snapshot:
    """What statistics take from the histories at a placement's start date."""

    legal_category: LegalCategory | None
    residence_status: str | None
    refugee: bool


def snapshot(statuses: list[StatusPeriod], categories: list[CategoryPeriod], day: date) -> Snapshot:
    period = status_at(statuses, day)
    code = period.status if period else None
    return Snapshot(category_at(categories, day), code, reference.is_refugee_status(code))
