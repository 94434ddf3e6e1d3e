"""Referrals to partners with the consents they rest on."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mzdesk.core.demo.cases import CaseDraft
from mzdesk.core.demo.context import DemoContext, Row, Weighted
from mzdesk.core.demo.network import World
from mzdesk.core.demo.texts import REJECTION_REASONS, TOPIC_PHRASES
from mzdesk.core.models import Consent, Referral
from mzdesk.core.models.enums import ConsentForm, ReferralStatus

Rows = dict[str, list[Row]]

PARTNER_KINDS_BY_TOPIC = {
    "WORK": ("AA", "AG", "AG", "JC", "WIFOE"),
    "TRAINING": ("AG", "HWK", "IHK", "AA"),
    "LANGUAGE": ("IK", "IK", "BSK"),
    "RECOGNITION": ("IQ", "IQ", "IHK", "HWK"),
    "RESIDENCE": ("ABH",),
    "HOUSING": ("SONST", "EHRENAMT"),
    "FAMILY": ("MBE", "SONST"),
    "HEALTH": ("PSZ", "SUCHT"),
    "BENEFITS": ("JC", "AA"),
    "EDUCATION": ("JMD", "MBE"),
    "DEBT": ("SCHULD",),
    "OTHER": ("MBE", "EHRENAMT"),
}
OUTCOMES = Weighted(
    [
        (ReferralStatus.DONE, 45.0),
        (ReferralStatus.ACCEPTED, 20.0),
        (ReferralStatus.REJECTED, 12.0),
        (ReferralStatus.SENT, 10.0),
        (ReferralStatus.REVOKED, 5.0),
        (ReferralStatus.DRAFT, 3.0),
    ]
)
OPTIONAL_DATA = ("RESIDENCE", "LANGUAGES", "QUALIFICATIONS", "BENEFITS")
# Only versions that exist in resources/consent/ (a consent must name a printable text).
CONSENT_TEXTS = ((date.min, "2024-01"),)


def make_referrals(ctx: DemoContext, world: World, rows: Rows, case: CaseDraft) -> int:
    """Referrals of one case (often none), with one consent covering them; returns the count."""
    if not ctx.chance(0.42):
        return 0
    count = 2 if ctx.chance(0.12) else 1
    end = min(case.closed_on or ctx.today, ctx.today)
    planned: list[tuple[date, str, uuid.UUID, str]] = []
    for _ in range(count):
        topic = case.topics[ctx.below(len(case.topics))]
        kinds = PARTNER_KINDS_BY_TOPIC[topic]
        kind = kinds[ctx.below(len(kinds))]
        if kind == "JMD" and case.person.age_on(case.opened_on) > 27:
            kind = "MBE"
        partner = world.partner(kind, ctx)
        if partner is not None:
            planned.append((ctx.day_between(case.opened_on, end), kind, partner[0], topic))
    if not planned:
        return 0
    planned.sort(key=lambda item: item[0])
    consent_id = _consent(ctx, rows, case, planned)
    for created, _kind, partner_id, topic in planned:
        _referral(ctx, world, rows, case, created, partner_id, topic, consent_id)
    return len(planned)


def _consent(
    ctx: DemoContext, rows: Rows, case: CaseDraft, planned: list[tuple[date, str, uuid.UUID, str]]
) -> uuid.UUID | None:
    if ctx.chance(0.03):  # an urgent referral sent on a lead's override, without consent
        return None
    rng = ctx.rng
    given = max(case.opened_on, planned[0][0] - timedelta(days=ctx.between(0, 3)))
    categories = ["IDENTITY", "CONTACT"] + [c for c in OPTIONAL_DATA if rng.random() < 0.5]
    if any(kind == "PSZ" for _, kind, _, _ in planned):
        categories.append("HEALTH")
    withdrawn = None
    if ctx.chance(0.03):
        withdrawn = ctx.day_between(
            planned[-1][0], min(planned[-1][0] + timedelta(days=200), ctx.today)
        )
    verbal = ctx.chance(0.12)
    consent = ctx.record(
        given,
        person_id=case.person.id,
        purpose="Weiterleitung an Partnerstellen zur Unterstützung bei "
        + ", ".join(sorted({TOPIC_PHRASES[t] for *_, t in planned})),
        data_categories=categories,
        text_version=next(version for since, version in CONSENT_TEXTS if given >= since),
        given_on=given,
        expires_on=given + timedelta(days=730),
        withdrawn_on=withdrawn,
        form=ConsentForm.VERBAL_WITNESS if verbal else ConsentForm.SIGNED_PAPER,
        witness="Dolmetscher/in der Beratungsstelle" if verbal else None,
        recorded_by_id=case.counsellor_id,
        document=None,
    )
    rows["consents"].append(consent)
    for kind, partner_id in sorted({(kind, pid) for _, kind, pid, _ in planned}):
        by_kind = kind != "AG"  # employers are named one by one, institutions by kind
        rows["consent_recipients"].append(
            ctx.record(
                given,
                consent_id=consent["id"],
                partner_id=None if by_kind else partner_id,
                partner_kind=kind if by_kind else None,
            )
        )
    consent_id = consent["id"]
    assert isinstance(consent_id, uuid.UUID)
    return consent_id


def _referral(
    ctx: DemoContext,
    world: World,
    rows: Rows,
    case: CaseDraft,
    created: date,
    partner_id: uuid.UUID,
    topic: str,
    consent_id: uuid.UUID | None,
) -> None:
    rng = ctx.rng
    age = (ctx.today - created).days
    status = (
        OUTCOMES.pick(rng)
        if age > 21
        else (ReferralStatus.DRAFT, ReferralStatus.SENT)[ctx.below(2)]
    )
    sent = answered = done = None
    if status is not ReferralStatus.DRAFT:
        sent = min(created + timedelta(days=ctx.between(0, 3)), ctx.today)
    if status in (ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.DONE) and sent:
        answered = min(sent + timedelta(days=ctx.between(2, 21)), ctx.today)
    if status is ReferralStatus.DONE and answered:
        done = answered + timedelta(days=ctx.between(7, 120))
        if done > ctx.today:
            status, done = ReferralStatus.ACCEPTED, None
    lead = world.leads[case.person.team_id]
    row = ctx.record(
        created,
        case_id=case.id,
        partner_id=partner_id,
        created_by_id=case.counsellor_id,
        service=None,
        purpose=TOPIC_PHRASES[topic],  # subject and body of the letter name it as it is
        request="Bitte um Terminvergabe und kurze Rückmeldung an die Beratungsstelle.",
        status=status,
        rejection_reason=REJECTION_REASONS[ctx.below(len(REJECTION_REASONS))]
        if status is ReferralStatus.REJECTED
        else None,
        consent_id=consent_id,
        data_categories=None,  # the template decides, as for a letter made by the CLI
        override_reason=None if consent_id else "Eilfall: Termin vor Einholung der Einwilligung",
        override_by_id=None if consent_id else lead,
        created_on=created,
        sent_on=sent,
        answer_due_on=sent + timedelta(days=14) if sent else None,
        answered_on=answered,
        done_on=done,
        feedback="Rückmeldung der Partnerstelle liegt vor." if answered else None,
        letter_pdf=None,
        letter_sha256=None,
    )
    row["updated_at"] = ctx.stamp(done or answered or sent or created)
    rows["referrals"].append(row)


# The newest sent referrals get their letter stored as if sent from mzdesk (reprint, preview
# and the letter's hash work on them); older ones stand for letters sent before mzdesk.
# Bounded, so that a demo of 200,000 persons does not render tens of thousands of letters.
STORED_LETTERS = 150


def store_recent_letters(session: Session, limit: int = STORED_LETTERS) -> int:
    """Render and store the letters of the ``limit`` newest sent referrals; returns how many.

    Written with UPDATE statements: the rows keep their demo timestamps (same seed, same rows).
    """
    from mzdesk.core.services.referrals import plan_letter, render_plan

    newest = session.scalars(
        select(Referral)
        .where(Referral.sent_on.is_not(None))
        .order_by(Referral.sent_on.desc(), Referral.id)
        .limit(limit)
    ).all()
    stored = 0
    for referral in newest:
        assert referral.sent_on is not None
        consent = session.get(Consent, referral.consent_id) if referral.consent_id else None
        plan = plan_letter(
            session,
            referral,
            on=referral.sent_on,
            consent=consent,
            override_reason=referral.override_reason,
            answer_due_on=referral.answer_due_on,
        )
        pdf = render_plan(session, plan)
        session.execute(
            update(Referral)
            .where(Referral.id == referral.id)
            .values(letter_pdf=pdf, letter_sha256=hashlib.sha256(pdf).hexdigest())
        )
        stored += 1
    return stored
