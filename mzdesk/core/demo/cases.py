"""Cases with topics, the contact log and follow-ups (Wiedervorlagen)."""

from __future__ import annotations

import bisect
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from mzdesk.core.demo.context import DemoContext, Row, Weighted
from mzdesk.core.demo.network import World
from mzdesk.core.demo.persons import LOW_GERMAN, PersonDraft
from mzdesk.core.demo.texts import CLOSING_REASONS, FOLLOW_UPS, GOALS, note, summary
from mzdesk.core.models.enums import CaseSource, CaseStatus

Rows = dict[str, list[Row]]

CASE_COUNTS = Weighted([(1, 80.0), (2, 15.0), (3, 5.0)])
TOPICS = Weighted(
    [
        ("WORK", 30.0),
        ("LANGUAGE", 18.0),
        ("TRAINING", 10.0),
        ("RECOGNITION", 8.0),
        ("RESIDENCE", 8.0),
        ("HOUSING", 6.0),
        ("BENEFITS", 6.0),
        ("FAMILY", 4.0),
        ("HEALTH", 3.0),
        ("EDUCATION", 3.0),
        ("DEBT", 2.0),
        ("OTHER", 2.0),
    ]
)
TOPIC_COUNTS = Weighted([(1, 55.0), (2, 35.0), (3, 10.0)])
CHANNELS = Weighted(
    [
        ("IN_PERSON", 50.0),
        ("PHONE", 25.0),
        ("EMAIL", 10.0),
        ("VIDEO", 5.0),
        ("EVENT", 5.0),
        ("HOME_VISIT", 3.0),
    ]
)
SPOKEN = frozenset({"IN_PERSON", "PHONE", "VIDEO", "HOME_VISIT", "EVENT"})
CLOSINGS = Weighted(CLOSING_REASONS)


@dataclass
class CaseDraft:
    id: uuid.UUID
    person: PersonDraft
    counsellor_id: uuid.UUID
    opened_on: date
    closed_on: date | None
    topics: list[str] = field(default_factory=list)

    @property
    def last_day(self) -> date:
        return self.closed_on or date.max

    def covers(self, day: date) -> bool:
        return self.opened_on <= day <= self.last_day


def make_cases(ctx: DemoContext, world: World, rows: Rows, person: PersonDraft) -> list[CaseDraft]:
    cases: list[CaseDraft] = []
    opened = person.intake
    count = CASE_COUNTS.pick(ctx.rng)
    for index in range(count):
        length = timedelta(days=ctx.between(30, 720))
        last = index == count - 1 or opened + length >= ctx.today
        closes: date | None = opened + length
        if last and closes is not None and closes >= ctx.today - timedelta(days=20):
            closes = None
        case = _case(ctx, world, rows, person, opened, closes)
        cases.append(case)
        if last or closes is None:
            break
        opened = closes + timedelta(days=ctx.between(30, 400))
        if opened >= ctx.today:
            break
    return cases


def _case(
    ctx: DemoContext,
    world: World,
    rows: Rows,
    person: PersonDraft,
    opened: date,
    closes: date | None,
) -> CaseDraft:
    rng = ctx.rng
    counsellor = world.counsellor(person.team_id, ctx)
    if closes is not None:
        status, reason = CaseStatus.CLOSED, CLOSINGS.pick(rng)
    elif (ctx.today - opened).days < 30:
        status, reason = CaseStatus.OPEN, None
    else:
        status, reason = (CaseStatus.PAUSED if ctx.chance(0.1) else CaseStatus.ACTIVE), None
    topics: list[str] = []
    for _ in range(TOPIC_COUNTS.pick(rng)):
        topic = TOPICS.pick(rng)
        if topic not in topics:
            topics.append(topic)
    event_id = _event_before(ctx, world, opened)
    row = ctx.record(
        opened,
        person_id=person.id,
        counsellor_id=counsellor,
        team_id=person.team_id,
        status=status,
        opened_on=opened,
        closed_on=closes,
        closing_reason=reason,
        goals=GOALS[topics[0]],
        source=CaseSource.EVENT if event_id else CaseSource.DESK,
        event_id=event_id,
    )
    if closes is not None:
        row["updated_at"] = ctx.stamp(closes)
    rows["cases"].append(row)
    case = CaseDraft(row["id"], person, counsellor, opened, closes, topics)
    for topic in topics:
        rows["case_topics"].append(ctx.record(opened, case_id=case.id, topic_code=topic))
    _contacts(ctx, rows, case)
    _follow_ups(ctx, rows, case, status)
    return case


def _event_before(ctx: DemoContext, world: World, opened: date) -> uuid.UUID | None:
    """Some cases start at a job fair or outreach day shortly before they were opened."""
    if not world.events or not ctx.chance(0.08):
        return None
    days = [day for _, day in world.events]
    index = bisect.bisect_right(days, opened) - 1
    if index >= 0 and (opened - days[index]).days <= 60:
        return world.events[index][0]
    return None


def _contacts(ctx: DemoContext, rows: Rows, case: CaseDraft) -> None:
    rng = ctx.rng
    end = min(case.closed_on or ctx.today, ctx.today)
    days = sorted(ctx.day_between(case.opened_on, end) for _ in range(ctx.between(1, 7)))
    days[0] = case.opened_on
    native = case.person.native_language
    low_german = case.person.german_level in LOW_GERMAN
    for index, day in enumerate(days):
        channel = "IN_PERSON" if index == 0 else CHANNELS.pick(rng)
        at = ctx.stamp(day)
        interpreter = native if low_german and channel in SPOKEN and rng.random() < 0.7 else None
        rows["contacts"].append(
            ctx.record_at(
                at,
                case_id=case.id,
                counsellor_id=case.counsellor_id,
                occurred_at=at,
                channel=channel,
                minutes=5 * ctx.between(2, 18) if channel != "EMAIL" else None,
                interpreter_language=interpreter,
                summary=summary(ctx, case.topics[ctx.below(len(case.topics))]),
                note=note(ctx) if rng.random() < 0.6 else None,
            )
        )


def _follow_ups(ctx: DemoContext, rows: Rows, case: CaseDraft, status: CaseStatus) -> None:
    end = min(case.closed_on or ctx.today, ctx.today)
    for _ in range(ctx.between(0, 1)):  # done ones in the past
        due = ctx.day_between(case.opened_on, end)
        rows["follow_ups"].append(_follow_up(ctx, case, due, ctx.stamp(due)))
    if status in (CaseStatus.OPEN, CaseStatus.ACTIVE):  # open ones around today, some overdue
        due = ctx.today + timedelta(days=ctx.between(-20, 45))
        rows["follow_ups"].append(
            _follow_up(ctx, case, due, None, created=ctx.today - timedelta(days=30))
        )


def _follow_up(
    ctx: DemoContext, case: CaseDraft, due: date, done: object, created: date | None = None
) -> Row:
    return ctx.record(
        max(case.opened_on, min(created or due, ctx.today)),
        case_id=case.id,
        assigned_to_id=case.counsellor_id,
        due_on=due,
        text=FOLLOW_UPS[ctx.below(len(FOLLOW_UPS))],
        done_at=done,
        source=None,
    )
