"""No letter leaves without consent, on every path (counsellor-walk 1, issue 14 item 3).

Every printable letter comes from ``referrals.release_letter``: it checks the consent (or a
team lead's exception recorded beforehand with its reason), records the output in the audit
trail, and only then returns the bytes. A preview of a draft no consent covers is marked
ENTWURF on every page and never claims a consent or an exception that does not exist.
"""

from __future__ import annotations

import subprocess
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from referral_world import SEND_DAY, World, add_consent, build, need_poppler, pdf_text
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import AuditEntry, Referral, User
from mzdesk.core.services import consents, referrals
from mzdesk.core.services.referrals import ConsentRequired, ReferralError

CLAIMS = (
    "einverstanden",
    "eingewilligt",
    "Anordnung der Teamleitung",
    "im Umfang der Einwilligung",
)


def draft(db: Database, world: World, partner_id: uuid.UUID) -> uuid.UUID:
    with db.session(world.counsellor_id) as s:
        referral = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=partner_id,
            purpose="Beratung zur Arbeitsaufnahme",
            created_by_id=world.counsellor_id,
        )
        s.commit()
        return referral.id


def entries(db: Database, action: str) -> list[AuditEntry]:
    with db.session() as s:
        return list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)
            )
        )


def page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    """pdftotext of each page on its own."""
    need_poppler()
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    return [
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        for n in range(1, pages + 1)
    ]


def test_cli_letter_of_an_uncovered_draft_exits_1_and_writes_nothing(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = build(database)
    rid = draft(database, world, world.agency_id)  # no consent at all
    out = tmp_path / "brief.pdf"
    url = database.url.render_as_string(hide_password=False)
    assert main(["letter", rid.hex[-8:], "-o", str(out), "--db", url]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("mzdesk: ") and "consent" in err and "\n" not in err
    assert "Haddad" not in err  # no personal data in the message
    assert not out.exists()
    assert entries(database, "letter_saved") == []


def test_preview_of_an_uncovered_draft_is_marked_and_claims_nothing(
    database: Database, tmp_path: Path
) -> None:
    world = build(database)
    rid = draft(database, world, world.agency_id)  # AA: its body spoke of the consent
    with database.session(world.counsellor_id) as s:
        pdf = referrals.preview_letter(s, referrals.get_referral(s, rid), on=SEND_DAY)
    pages = page_texts(pdf, tmp_path)
    assert len(pages) >= 2
    for text in pages:
        flat = " ".join(text.split())
        assert "ENTWURF" in flat and "keine Einwilligung" in flat, flat[:200]
    flat = " ".join(" ".join(pages).split())
    for claim in CLAIMS:
        assert claim not in flat, claim
    assert "—" not in flat  # no empty exception line


def test_with_a_consent_the_letter_prints_without_the_mark(
    database: Database, tmp_path: Path
) -> None:
    world = build(database)
    consent_id = add_consent(database, world, ["IDENTITY", "LANGUAGES"], kinds=("AA",))
    rid = draft(database, world, world.agency_id)
    with database.session(world.counsellor_id) as s:
        pdf = referrals.release_letter(s, rid, referrals.LetterPurpose.PRINT, on=SEND_DAY)
        s.commit()
    flat = " ".join(pdf_text(pdf, tmp_path).split())
    assert "ENTWURF" not in flat
    assert "Die Person ist mit der Weitergabe der unten genannten Angaben einverstanden." in flat
    assert "Einwilligung vom 02.05.2024" in flat
    assert "Anordnung der Teamleitung" not in flat
    [entry] = entries(database, "letter_printed")
    assert entry.user_id == world.counsellor_id and entry.entity_id == rid
    assert entry.person_id == world.person_id
    assert entry.details["partner_id"] == str(world.agency_id)
    assert entry.details["consent_id"] == str(consent_id)
    assert entry.details["categories"] == ["IDENTITY", "LANGUAGES"]
    assert entry.details["format"] == "pdf" or entry.details["format"] == "print"


@pytest.mark.parametrize("purpose", ["print", "pdf", "cli"])
def test_release_refuses_an_uncovered_draft(database: Database, purpose: str) -> None:
    world = build(database)
    rid = draft(database, world, world.employer_id)
    with database.session(world.counsellor_id) as s, pytest.raises(ConsentRequired) as caught:
        referrals.release_letter(s, rid, referrals.LetterPurpose(purpose))
    assert "Einwilligung" in caught.value.german and "Haddad" not in caught.value.german
    with database.session() as s:
        outputs = s.scalars(select(AuditEntry).where(AuditEntry.action.like("letter_%"))).all()
        assert outputs == []
        # the refused attempt itself is in the trail (its own transaction: the caller's
        # session rolled back), naming the person and the reason, never the letter's data
        denied = s.scalars(select(AuditEntry).where(AuditEntry.action == "denied")).all()
        assert [
            (e.user_id, e.person_id, e.details["action"], e.details["reason"]) for e in denied
        ] == [(world.counsellor_id, world.person_id, "refer", referrals.NO_CONSENT_REASON)]
        assert "Haddad" not in str(denied[0].details)


def test_the_check_before_a_print_dialog_records_the_refusal_too(database: Database) -> None:
    world = build(database)
    rid = draft(database, world, world.employer_id)
    # the preview's notice only informs: nothing recorded
    with database.session(world.counsellor_id) as s, pytest.raises(ConsentRequired):
        referrals.check_release(s, rid, referrals.LetterPurpose.PRINT)
    with database.session() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "denied")).all() == []
    # the check before a print dialog is an attempt
    with database.session(world.counsellor_id) as s, pytest.raises(ConsentRequired):
        referrals.check_release(s, rid, referrals.LetterPurpose.PRINT, attempt=True)
    with database.session() as s:
        reasons = s.scalars(select(AuditEntry.details).where(AuditEntry.action == "denied")).all()
        assert [r["reason"] for r in reasons] == [referrals.NO_CONSENT_REASON]


@pytest.mark.parametrize("purpose", ["reprint", "batch"])
def test_a_draft_has_no_stored_letter_to_reprint(database: Database, purpose: str) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY"], kinds=("AA",))
    rid = draft(database, world, world.agency_id)
    with database.session(world.counsellor_id) as s, pytest.raises(ReferralError):
        referrals.release_letter(s, rid, referrals.LetterPurpose(purpose))


def test_a_lead_records_the_exception_before_any_output(database: Database, tmp_path: Path) -> None:
    world = build(database)
    rid = draft(database, world, world.employer_id)
    # a counsellor cannot make the exception
    with database.session(world.counsellor_id) as s, pytest.raises(MzdeskError):
        referrals.record_exception(s, rid, reason="Eilt")
    with database.session(world.lead_id) as s, pytest.raises(MzdeskError):
        referrals.record_exception(s, rid, reason="   ")  # a reason is required
    with database.session(world.lead_id) as s:
        referrals.record_exception(s, rid, reason="Vorstellungstermin morgen früh")
        s.commit()
    [override] = entries(database, "consent_override")
    assert override.user_id == world.lead_id and override.entity_id == rid
    assert override.details["reason"] == "Vorstellungstermin morgen früh"
    assert override.details["partner_id"] == str(world.employer_id)
    # the preview now names the lead and the reason, and is no draft mark any more
    with database.session(world.counsellor_id) as s:
        preview = referrals.preview_letter(s, referrals.get_referral(s, rid), on=SEND_DAY)
    flat = " ".join(pdf_text(preview, tmp_path).split())
    assert "Anordnung der Teamleitung (Lea Leiter)" in flat
    assert "Vorstellungstermin morgen früh" in flat
    assert "ENTWURF" not in flat and "einverstanden" not in flat
    # and the letter may leave now, recorded after the exception
    with database.session(world.counsellor_id) as s:
        referrals.release_letter(s, rid, referrals.LetterPurpose.PDF)
        s.commit()
    [saved] = entries(database, "letter_saved")
    assert saved.seq > override.seq and saved.details["override_by_id"] == str(world.lead_id)
    # another partner: the exception does not carry over
    with database.session(world.counsellor_id) as s:
        referrals.update_draft(s, rid, partner_id=world.agency_id, purpose="Beratung")
        s.commit()
    with database.session(world.counsellor_id) as s, pytest.raises(ConsentRequired):
        referrals.release_letter(s, rid, referrals.LetterPurpose.PRINT)


def test_send_uses_the_recorded_exception(database: Database) -> None:
    world = build(database)
    rid = draft(database, world, world.employer_id)
    with database.session(world.lead_id) as s:
        referrals.record_exception(s, rid, reason="Frist läuft ab")
        s.commit()
    with database.session(world.counsellor_id) as s:
        user = s.get(User, world.counsellor_id)
        assert user is not None
        referrals.send_referral(s, rid, user=user, on=SEND_DAY)
        s.commit()
    with database.session() as s:
        referral = s.get(Referral, rid)
        assert referral is not None and referral.override_by_id == world.lead_id
    assert len(entries(database, "consent_override")) == 1  # not twice
    [sent] = entries(database, "referral_sent")
    assert sent.user_id == world.counsellor_id
    assert sent.details["partner_id"] == str(world.employer_id)
    assert sent.details["override_by_id"] == str(world.lead_id)


def test_reprint_of_a_sent_letter_is_recorded_and_ends_with_the_consent(
    database: Database,
) -> None:
    world = build(database)
    today = date.today()
    consent_id = add_consent(
        database, world, ["IDENTITY", "CONTACT"], kinds=("AA",), given_on=today - timedelta(days=9)
    )
    rid = draft(database, world, world.agency_id)
    with database.session(world.counsellor_id) as s:
        user = s.get(User, world.counsellor_id)
        assert user is not None
        stored = referrals.send_referral(s, rid, user=user).letter_pdf
        s.commit()
    for purpose in (
        referrals.LetterPurpose.PRINT,
        referrals.LetterPurpose.REPRINT,
        referrals.LetterPurpose.BATCH,
    ):
        with database.session(world.counsellor_id) as s:
            assert referrals.release_letter(s, rid, purpose) == stored  # the bytes as sent
            s.commit()
    assert len(entries(database, "letter_reprinted")) == 2
    [batch] = entries(database, "letter_batch_printed")
    assert batch.details["partner_id"] == str(world.agency_id)
    with database.session(world.counsellor_id) as s:
        consents.withdraw(s, consent_id, today)
        s.commit()
    with database.session(world.counsellor_id) as s, pytest.raises(ConsentRequired):
        referrals.release_letter(s, rid, referrals.LetterPurpose.REPRINT)


def test_cli_letter_with_a_consent_writes_and_records(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY"], kinds=("AA",))
    rid = draft(database, world, world.agency_id)
    out = tmp_path / "brief.pdf"
    url = database.url.render_as_string(hide_password=False)
    assert main(["letter", rid.hex[-8:], "-o", str(out), "--db", url]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    [entry] = entries(database, "letter_saved")
    assert entry.details["via"] == "cli" and entry.entity_id == rid
    # an unwritable target: exit 1, nothing recorded
    assert main(["letter", rid.hex[-8:], "-o", str(tmp_path / "no" / "x.pdf"), "--db", url]) == 1
    assert len(entries(database, "letter_saved")) == 1


def test_referral_created_sent_and_answered_are_in_the_trail(database: Database) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY"], kinds=("AA",))
    rid = draft(database, world, world.agency_id)
    with database.session(world.counsellor_id) as s:
        user = s.get(User, world.counsellor_id)
        assert user is not None
        referrals.send_referral(s, rid, user=user, on=SEND_DAY)
        referrals.set_status(s, rid, referrals.ReferralStatus.REJECTED, user=user, reason="voll")
        s.commit()
    with database.session() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == rid).order_by(AuditEntry.seq)
        ).all()
    assert [(r.action, r.entity) for r in rows] == [
        ("create", "referral"),
        ("referral_sent", "referral"),
        ("status", "referral"),
    ]
    assert rows[0].details["partner_id"] == str(world.agency_id)
    assert rows[2].details == {"from": "sent", "to": "rejected"}
    assert all(r.person_id == world.person_id for r in rows)
