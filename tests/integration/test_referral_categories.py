"""The data a referral letter prints is what the counsellor ticked (and a consent covers).

``Referral.data_categories`` is the choice; the letter prints exactly it, a consent must cover
every ticked category, the release's audit entry names them, and the refusal speaks German
labels, never codes. Without a choice (earlier referrals, the CLI without ``--category``) the
template decides as before.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
from referral_world import World, add_consent, build, pdf_text
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, Referral
from mzdesk.core.services import referrals
from mzdesk.core.services.referrals import ConsentRequired, LetterPurpose, ReferralError

PHONE = "0151 0000000"  # the person's, in referral_world
STREET = "Lindenstraße 5"


def _draft(db: Database, world: World, categories: list[str] | None) -> uuid.UUID:
    with db.session(world.counsellor_id) as s:
        referral = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=world.agency_id,
            purpose="Vermittlung",
            created_by_id=world.counsellor_id,
            categories=categories,
        )
        s.commit()
        return referral.id


def _release(db: Database, world: World, rid: uuid.UUID, tmp_path: Path) -> str:
    with db.session(world.counsellor_id) as s:
        pdf = referrals.release_letter(s, rid, LetterPurpose.PDF)
        s.commit()
    return " ".join(pdf_text(pdf, tmp_path).split())


def _last_output_categories(db: Database) -> list[str]:
    with db.session() as s:
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "letter_saved")
            .order_by(AuditEntry.seq.desc())
        ).first()
        assert entry is not None
        return list(entry.details["categories"])


def test_the_letter_prints_exactly_the_ticked_covered_categories(
    database: Database, tmp_path: Path
) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT", "LANGUAGES"], kinds=("AA",))
    # the template alone (no choice): identity plus the covered contact and languages
    text = _release(database, world, _draft(database, world, None), tmp_path)
    assert PHONE in text and STREET in text and "Arabisch" in text
    # ticked: identity and languages only — the covered address stays out
    rid = _draft(database, world, ["languages", "IDENTITY"])
    with database.session() as s:
        assert s.get(Referral, rid).data_categories == ["IDENTITY", "LANGUAGES"]  # type: ignore[union-attr]
    text = _release(database, world, rid, tmp_path)
    assert "Haddad, Amal" in text and "Arabisch" in text
    assert PHONE not in text and STREET not in text
    assert _last_output_categories(database) == ["IDENTITY", "LANGUAGES"]


def test_a_ticked_category_without_consent_is_refused_in_german(
    database: Database, tmp_path: Path
) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY"], kinds=("AA",))
    rid = _draft(database, world, ["IDENTITY", "CONTACT"])
    with database.session(world.counsellor_id) as s:
        with pytest.raises(ConsentRequired) as refused:
            referrals.release_letter(s, rid, LetterPurpose.PDF)
        check = referrals.consent_check(s, rid)
    german = refused.value.german
    assert "„Anschrift, Telefon und E-Mail“" in german
    assert not re.search(r"\b[A-Z_]{4,}\b", german), german  # labels, no codes
    assert check.consent is None and check.refusal == german
    assert check.covered == ("IDENTITY",)
    # untick the address: covered, the letter leaves without it
    with database.session(world.counsellor_id) as s:
        referrals.update_draft(
            s, rid, partner_id=world.agency_id, purpose="Vermittlung", categories=["IDENTITY"]
        )
        s.commit()
    text = _release(database, world, rid, tmp_path)
    assert "Haddad, Amal" in text and PHONE not in text


def test_a_lead_exception_prints_the_ticked_data(database: Database, tmp_path: Path) -> None:
    world = build(database)
    rid = _draft(database, world, ["IDENTITY", "LANGUAGES"])
    with database.session(world.lead_id) as s:
        referrals.record_exception(s, rid, reason="Termin morgen")
        s.commit()
    with database.session(world.lead_id) as s:
        pdf = referrals.release_letter(s, rid, LetterPurpose.PDF)
        s.commit()
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "Arabisch" in text and PHONE not in text and "Termin morgen" in text
    # the exception was for that data: ticking the address as well drops it
    with database.session(world.counsellor_id) as s:
        referrals.update_draft(
            s,
            rid,
            partner_id=world.agency_id,
            purpose="Vermittlung",
            categories=["IDENTITY", "CONTACT", "LANGUAGES"],
        )
        s.commit()
    with database.session(world.lead_id) as s, pytest.raises(ConsentRequired):
        referrals.release_letter(s, rid, LetterPurpose.PDF)


@pytest.mark.parametrize(
    ("categories", "german"),
    [
        ([], "mindestens eine Angabe"),
        (["HEALTH"], "„Gesundheitliche Einschränkungen“"),  # no data kept about it
        (["QUALIFICATIONS"], "„Schul- und Berufsabschlüsse, Berufserfahrung“"),
        (["NOPE"], "unbekannte Angaben"),
    ],
)
def test_what_the_letter_cannot_print_cannot_be_ticked(
    database: Database, categories: list[str], german: str
) -> None:
    world = build(database)
    with database.session(world.counsellor_id) as s, pytest.raises(ReferralError) as refused:
        referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=world.agency_id,
            purpose="Vermittlung",
            created_by_id=world.counsellor_id,
            categories=categories,
        )
    assert german in refused.value.german


def test_cli_referral_add_takes_the_categories(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT", "LANGUAGES"], kinds=("AA",))
    url = database.url.render_as_string(hide_password=False)
    monkeypatch.setenv("MZDESK_USER", "berater")
    args = ["referral", "add", "--db", url, "--person", "MZ-2024-0042", "--purpose", "Arbeit"]
    partner = ["--partner", world.agency_id.hex[-8:]]
    code = main([*args, *partner, "--category", "IDENTITY,LANGUAGES", "--json"])
    out, _err = capsys.readouterr()
    assert code == 0
    added = json.loads(out)
    assert added["categories"] == ["IDENTITY", "LANGUAGES"]
    target = tmp_path / "brief.pdf"
    assert main(["letter", added["short_id"], "-o", str(target), "--db", url]) == 0
    text = " ".join(pdf_text(target.read_bytes(), tmp_path).split())
    assert "Arabisch" in text and PHONE not in text
    # a category the letter cannot print: exit 1, the reason in one line on stderr
    capsys.readouterr()
    assert main([*args, *partner, "--category", "HEALTH"]) == 1
    _out, err = capsys.readouterr()
    assert err.startswith("mzdesk: the letter to") and len(err.strip().splitlines()) == 1
