"""Job fairs, outreach days and info sessions: attendance (named and head count), contacts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from mzdesk.core.demo.context import DemoContext, Row, Weighted
from mzdesk.core.demo.county import COUNTY, MUNICIPALITIES, SEAT
from mzdesk.core.demo.network import World
from mzdesk.core.demo.texts import PROFESSIONS
from mzdesk.core.models.enums import EventContactOutcome, EventKind

Rows = dict[str, list[Row]]

FIRST_EVENT = date(2018, 3, 1)
KINDS = Weighted(
    [(EventKind.JOB_FAIR, 4.0), (EventKind.OUTREACH, 4.0), (EventKind.INFO_SESSION, 2.0)]
)
OUTCOMES = Weighted(
    [
        (EventContactOutcome.TALK, 60.0),
        (EventContactOutcome.INTERVIEW, 25.0),
        (EventContactOutcome.APPLICATION, 10.0),
        (EventContactOutcome.HIRED, 5.0),
    ]
)
# kind → (named attendees range, anonymous head-count rows range)
SIZES = {
    EventKind.JOB_FAIR: ((150, 450), (3, 6)),
    EventKind.OUTREACH: ((40, 120), (1, 3)),
    EventKind.INFO_SESSION: ((10, 40), (0, 1)),
}


@dataclass
class EventDraft:
    id: uuid.UUID
    kind: EventKind
    day: date
    employers: list[uuid.UUID] = field(default_factory=list)


def event_count(persons: int) -> int:
    """About 50 events for 200,000 persons, a few for a small demo."""
    return max(3, min(50, persons // 4000))


def make_events(ctx: DemoContext, world: World, rows: Rows, count: int) -> list[EventDraft]:
    days = sorted(ctx.day_between(FIRST_EVENT, ctx.today - timedelta(days=7)) for _ in range(count))
    drafts = []
    for day in days:
        kind = KINDS.pick(ctx.rng)
        place = MUNICIPALITIES.pick(ctx.rng).name
        team_id = world.team_ids[ctx.below(len(world.team_ids))]
        name, venue = {
            EventKind.JOB_FAIR: (f"Jobmesse für Zugewanderte {day.year}", f"Kreishaus {SEAT}"),
            EventKind.OUTREACH: (f"Aktionstag Arbeit in {place}", f"Gemeindehaus {place}"),
            EventKind.INFO_SESSION: ("Infoabend Anerkennung und Ausbildung", f"Bürgerhaus {place}"),
        }[kind]
        event = ctx.record(
            day - timedelta(days=40),
            name=name,
            kind=kind,
            starts_on=day,
            ends_on=day,
            place=venue,
            address=f"{place}, {COUNTY}",
            description="Veranstaltung des Migrationszentrums mit Partnern aus der Region.",
            team_id=team_id,
        )
        rows["events"].append(event)
        draft = EventDraft(event["id"], kind, day)
        _presence(ctx, world, rows, draft, team_id)
        drafts.append(draft)
        world.events.append((draft.id, day))
    return drafts


def _presence(
    ctx: DemoContext, world: World, rows: Rows, event: EventDraft, team_id: uuid.UUID
) -> None:
    rng = ctx.rng
    employers = list(world.partners.get("AG", []))
    rng.shuffle(employers)
    wanted = {
        EventKind.JOB_FAIR: (8, 25),
        EventKind.OUTREACH: (3, 11),
        EventKind.INFO_SESSION: (0, 2),
    }
    present = [pid for pid, _ in employers[: ctx.between(*wanted[event.kind])]]
    event.employers = present
    others = [p for kind in ("AA", "JC", "IQ") if (p := world.partner(kind, ctx))]
    for booth, partner_id in enumerate(present + [pid for pid, _ in others], start=1):
        rows["event_partners"].append(
            ctx.record(
                event.day - timedelta(days=30),
                event_id=event.id,
                partner_id=partner_id,
                is_employer=partner_id in present,
                booth=f"Stand {booth}" if event.kind is EventKind.JOB_FAIR else None,
            )
        )
    staff = [world.leads[team_id], *world.counsellors[team_id]]
    for user_id in rng.sample(staff, min(len(staff), ctx.between(1, 3))):
        rows["event_organisers"].append(
            ctx.record(event.day - timedelta(days=30), event_id=event.id, user_id=user_id)
        )


@dataclass(frozen=True)
class Attendee:
    person_id: uuid.UUID
    arrival: date
    german_level: str | None


def make_attendances(
    ctx: DemoContext, rows: Rows, events: list[EventDraft], attendees: list[Attendee]
) -> None:
    """Named attendees (persons who had arrived by then) and anonymous head counts."""
    scale = min(1.0, len(attendees) / 40000)
    for event in events:
        named_range, anonymous_range = SIZES[event.kind]
        wanted = max(3, int(ctx.between(*named_range) * scale))
        chosen: dict[uuid.UUID, Attendee] = {}
        for _ in range(wanted * 3):
            if len(chosen) >= wanted or not attendees:
                break
            candidate = attendees[ctx.below(len(attendees))]
            if candidate.arrival < event.day:
                chosen.setdefault(candidate.person_id, candidate)
        for attendee in chosen.values():
            _named(ctx, rows, event, attendee)
        for _ in range(ctx.between(*anonymous_range)):
            rows["attendances"].append(_attendance(ctx, event, None, ctx.between(10, 80), None))


def _named(ctx: DemoContext, rows: Rows, event: EventDraft, attendee: Attendee) -> None:
    rng = ctx.rng
    attendance = _attendance(ctx, event, attendee.person_id, 0, attendee.german_level)
    rows["attendances"].append(attendance)
    if not attendance["consent_to_contact"] or not event.employers:
        return
    for partner_id in rng.sample(event.employers, min(len(event.employers), ctx.between(0, 3))):
        rows["event_contacts"].append(
            ctx.record(
                event.day,
                event_id=event.id,
                attendance_id=attendance["id"],
                partner_id=partner_id,
                outcome=OUTCOMES.pick(rng),
                occurred_at=attendance["registered_at"] + timedelta(minutes=ctx.between(5, 240)),
            )
        )


def _attendance(
    ctx: DemoContext,
    event: EventDraft,
    person_id: uuid.UUID | None,
    headcount: int,
    german: str | None,
) -> Row:
    rng = ctx.rng
    at = ctx.stamp(event.day)
    named = person_id is not None
    return ctx.record_at(
        at,
        event_id=event.id,
        person_id=person_id,
        headcount=headcount,
        registered_at=at,
        registered_beforehand=named and rng.random() < 0.3,
        consent_to_contact=named and rng.random() < 0.7,
        profession_wish=PROFESSIONS[ctx.below(len(PROFESSIONS))] if named else None,
        german_level=german,
        note=None,
    )
