"""Referral states, consent check with a lead's override, answer follow-ups, rejections."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from referral_world import SEND_DAY, World, add_consent, build
from sqlalchemy import func, select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, FollowUp, Referral, ReferralStatus, User
from mzdesk.core.services import audit, consents, referrals
from mzdesk.core.services.referrals import ConsentRequired, IllegalTransition, ReferralError

S = ReferralStatus


def new_referral(db: Database, world: World, partner_id: uuid.UUID) -> uuid.UUID:
    with db.session() as s:
        referral = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=partner_id,
            purpose="Vermittlung",
            created_by_id=world.counsellor_id,
        )
        s.commit()
        return referral.id


def change(
    db: Database, referral_id: uuid.UUID, status: ReferralStatus, user_id: uuid.UUID, **kw: object
) -> Referral:
    with db.session() as s:
        user = s.get(User, user_id)
        assert user is not None
        referral = referrals.set_status(s, referral_id, status, user=user, **kw)  # type: ignore[arg-type]
        s.commit()
        return referral


PATHS = {
    S.DONE: [S.SENT, S.ACCEPTED, S.DONE],
    S.REJECTED: [S.SENT, S.REJECTED],
    S.REVOKED: [S.REVOKED],
}


@pytest.mark.parametrize(
    ("path", "illegal"),
    [
        ([], S.ACCEPTED),
        ([], S.DONE),
        ([S.SENT], S.DONE),
        ([S.SENT], S.SENT),
        ([S.SENT, S.REJECTED], S.DONE),
        ([S.SENT, S.REJECTED], S.ACCEPTED),
        ([S.SENT, S.ACCEPTED, S.DONE], S.REVOKED),
        ([S.REVOKED], S.SENT),
        ([S.SENT, S.REVOKED], S.ACCEPTED),
    ],
)
def test_state_machine(
    database: Database, path: list[ReferralStatus], illegal: ReferralStatus
) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT", "LANGUAGES"], kinds=("AA",))
    rid = new_referral(database, world, world.agency_id)
    for step in path:
        extra = {"reason": "keine Plätze"} if step is S.REJECTED else {}
        assert change(database, rid, step, world.counsellor_id, on=SEND_DAY, **extra).status is step
    with pytest.raises(IllegalTransition, match=f"cannot become {illegal.value}"):
        change(database, rid, illegal, world.counsellor_id, reason="x")
    with database.session() as s:  # nothing changed by the refused transition
        assert s.get(Referral, rid).status is (path[-1] if path else S.DRAFT)  # type: ignore[union-attr]


def test_revoke_from_accepted_and_rejection_needs_reason(database: Database) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT"], kinds=("AA",))
    rid = new_referral(database, world, world.agency_id)
    change(database, rid, S.SENT, world.counsellor_id, on=SEND_DAY)
    with pytest.raises(ReferralError, match="reason"):
        change(database, rid, S.REJECTED, world.counsellor_id, reason="  ")
    change(database, rid, S.ACCEPTED, world.counsellor_id, on=SEND_DAY + timedelta(days=3))
    assert change(database, rid, S.REVOKED, world.counsellor_id).status is S.REVOKED


def test_sending_without_consent_is_refused_then_a_lead_overrides(database: Database) -> None:
    world = build(database)
    rid = new_referral(database, world, world.office_id)
    with pytest.raises(ConsentRequired, match="no valid consent"):
        change(database, rid, S.SENT, world.counsellor_id, on=SEND_DAY)
    with pytest.raises(ConsentRequired, match="only a team lead"):
        change(database, rid, S.SENT, world.counsellor_id, on=SEND_DAY, override_reason="Eilt")
    with database.session() as s:
        referral = s.get(Referral, rid)
        assert referral is not None
        assert referral.status is S.DRAFT and referral.letter_pdf is None
        assert referral.override_reason is None
    sent = change(
        database, rid, S.SENT, world.lead_id, on=SEND_DAY, override_reason="Abschiebungshaft droht"
    )
    assert sent.status is S.SENT
    assert sent.override_reason == "Abschiebungshaft droht"
    assert sent.override_by_id == world.lead_id
    assert sent.consent_id is None and sent.letter_pdf is not None
    with database.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "consent_override")).all()
        assert [(e.entity_id, e.user_id, e.details) for e in entries] == [
            (
                rid,
                world.lead_id,
                {"reason": "Abschiebungshaft droht", "partner_id": str(world.office_id)},
            )
        ]
        assert audit.verify(s).ok


def test_consent_for_another_kind_or_missing_category_does_not_cover(database: Database) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "RESIDENCE"], kinds=("AA",))  # wrong kind
    add_consent(database, world, ["IDENTITY"], kinds=("ABH",))  # RESIDENCE missing
    rid = new_referral(database, world, world.office_id)
    with pytest.raises(ConsentRequired):
        change(database, rid, S.SENT, world.counsellor_id, on=SEND_DAY)
    consent_id = add_consent(database, world, ["IDENTITY", "RESIDENCE"], kinds=("ABH",))
    sent = change(database, rid, S.SENT, world.counsellor_id, on=SEND_DAY)
    assert sent.consent_id == consent_id


def test_withdrawal_stops_the_next_letter(database: Database) -> None:
    world = build(database)
    consent_id = add_consent(database, world, ["IDENTITY", "CONTACT"], kinds=("AA",))
    first = new_referral(database, world, world.agency_id)
    change(database, first, S.SENT, world.counsellor_id, on=SEND_DAY)
    with database.session() as s:
        consents.withdraw(s, consent_id, SEND_DAY + timedelta(days=1))
        s.commit()
    second = new_referral(database, world, world.agency_id)
    with pytest.raises(ConsentRequired):
        change(database, second, S.SENT, world.counsellor_id, on=SEND_DAY + timedelta(days=1))


def test_follow_ups_for_unanswered_referrals_are_created_once(database: Database) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT"], kinds=("AA", "AG"))
    late = new_referral(database, world, world.agency_id)
    answered = new_referral(database, world, world.employer_id)
    for rid in (late, answered):
        sent = change(database, rid, S.SENT, world.counsellor_id, on=SEND_DAY, answer_days=10)
        assert sent.answer_due_on == SEND_DAY + timedelta(days=10)
    change(database, answered, S.ACCEPTED, world.counsellor_id, on=SEND_DAY + timedelta(days=5))
    due = SEND_DAY + timedelta(days=10)
    with database.session() as s:
        assert referrals.create_due_referral_follow_ups(s, due) == 0  # the deadline day itself
        assert referrals.create_due_referral_follow_ups(s, due + timedelta(days=1)) == 1
        assert referrals.create_due_referral_follow_ups(s, due + timedelta(days=2)) == 0
        s.commit()
    with database.session() as s:
        rows = list(s.scalars(select(FollowUp)))
        assert [r.source for r in rows] == [f"referral:{late}"]
        assert rows[0].case_id == world.case_id and rows[0].assigned_to_id == world.counsellor_id
        assert rows[0].done_at is None
    change(database, late, S.REJECTED, world.counsellor_id, reason="Keine freien Termine")
    with database.session() as s:
        assert s.scalars(select(FollowUp)).one().done_at is not None  # answered: closed
        assert referrals.create_due_referral_follow_ups(s, due + timedelta(days=30)) == 0
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 1


def test_rejections_reach_the_counsellor(database: Database) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT"], kinds=("AA",))
    rid = new_referral(database, world, world.agency_id)
    change(database, rid, S.SENT, world.counsellor_id, on=SEND_DAY)
    change(
        database,
        rid,
        S.REJECTED,
        world.counsellor_id,
        on=date(2024, 6, 9),
        reason="Person nicht im Zuständigkeitsbereich",
    )
    with database.session() as s:
        mine = referrals.rejections_for_counsellor(s, world.counsellor_id)
        assert [(r.referral_id, r.reason, r.answered_on) for r in mine] == [
            (rid, "Person nicht im Zuständigkeitsbereich", date(2024, 6, 9))
        ]
        assert referrals.rejections_for_counsellor(s, world.lead_id) == []


def test_cli_refuses_without_consent_and_lead_override(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build(database)
    url = database.url.render_as_string(hide_password=False)
    monkeypatch.setenv("MZDESK_USER", "berater")
    code = main(
        [
            "referral",
            "add",
            "--db",
            url,
            "--person",
            "MZ-2024-0042",
            "--partner",
            world.office_id.hex[-8:],
            "--purpose",
            "Auskunft Aufenthalt",
        ]
    )
    out, _err = capsys.readouterr()
    assert code == 0
    short = out.split(":")[1].split()[0]
    code = main(["referral", "set-status", "--db", url, short, "sent"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("mzdesk: no valid consent") and len(err.strip().splitlines()) == 1
    code = main(
        [
            "referral",
            "set-status",
            "--db",
            url,
            "--user",
            "leitung",
            short,
            "sent",
            "--override-reason",
            "Frist läuft ab",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "is now sent" in out
    assert main(["referral", "list", "--db", url, "--status", "sent", "--json"]) == 0
    listed = capsys.readouterr().out
    assert '"override_reason": "Frist läuft ab"' in listed
