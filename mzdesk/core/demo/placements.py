"""Placements into courses, work and training, with the statistics snapshot at their start."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from mzdesk.core.demo.cases import CaseDraft
from mzdesk.core.demo.context import DemoContext, Row, Weighted, add_months
from mzdesk.core.demo.histories import snapshot, status_at
from mzdesk.core.demo.network import World
from mzdesk.core.demo.persons import PersonDraft
from mzdesk.core.models.enums import WorkPermission

Rows = dict[str, list[Row]]

KINDS = Weighted(
    [
        ("IK", 22.0),
        ("BSK", 12.0),
        ("SVB", 26.0),
        ("MINIJOB", 10.0),
        ("AUSB", 8.0),
        ("EQ", 4.0),
        ("ANERK_START", 6.0),
        ("ANERK_DONE", 3.0),
        ("SELF", 1.0),
    ]
)
COURSES = ("IK", "BSK")
PARTNER_KIND = {"IK": "IK", "BSK": "BSK", "ANERK_START": "IQ", "ANERK_DONE": "IHK"}
# kind → (months it lasts or None for open-ended, weekly hours range)
SHAPE: dict[str, tuple[tuple[int, int] | None, tuple[int, int] | None]] = {
    "IK": ((6, 10), (20, 25)),
    "BSK": ((3, 6), (12, 20)),
    "SVB": (None, (20, 40)),
    "MINIJOB": (None, (5, 12)),
    "AUSB": ((24, 42), (39, 40)),
    "EQ": ((6, 12), (35, 39)),
    "ANERK_START": (None, None),
    "ANERK_DONE": (None, None),
    "SELF": (None, (30, 50)),
}


def make_placements(
    ctx: DemoContext, world: World, rows: Rows, person: PersonDraft, cases: list[CaseDraft]
) -> int:
    years = (ctx.today - person.intake).days / 365
    count = 0
    for _ in range(3):
        if ctx.rng.random() < min(0.35, 0.06 * years):
            count += _placement(ctx, world, rows, person, cases)
    return count


def _placement(
    ctx: DemoContext, world: World, rows: Rows, person: PersonDraft, cases: list[CaseDraft]
) -> int:
    rng = ctx.rng
    starts = ctx.day_between(person.intake + timedelta(days=30), ctx.today)
    if starts > ctx.today:
        return 0
    kind = KINDS.pick(rng)
    status = status_at(person.statuses, starts)
    if kind not in COURSES and (status is None or status.work_permission is WorkPermission.VERBOT):
        kind = COURSES[ctx.below(2)]
    months, hours = SHAPE[kind]
    ends: date | None = None
    if months is not None:
        ends = add_months(starts, ctx.between(*months))
    elif kind in ("SVB", "MINIJOB") and ctx.chance(0.3):
        ends = add_months(starts, ctx.between(3, 24))
    partner = world.partner(PARTNER_KIND.get(kind, "AG"), ctx)
    case = next((c for c in cases if c.covers(starts)), None)
    state = snapshot(person.statuses, person.categories, starts)
    rows["placements"].append(
        ctx.record(
            min(starts, ctx.today),
            person_id=person.id,
            case_id=case.id if case else None,
            kind=kind,
            partner_id=partner[0] if partner else None,
            employer_name=partner[1] if partner and kind not in COURSES else None,
            starts_on=starts,
            ends_on=ends,
            weekly_hours=Decimal(ctx.between(*hours)) if hours else None,
            subsidy="Eingliederungszuschuss" if kind == "SVB" and ctx.chance(0.1) else None,
            counsellor_id=case.counsellor_id if case else world.counsellor(person.team_id, ctx),
            legal_category_at_start=state.legal_category,
            residence_status_at_start=state.residence_status,
            refugee_at_start=state.refugee,
            note=None,  # a counsellor's note: none in the demo
        )
    )
    return 1
