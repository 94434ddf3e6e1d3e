"""Bank details in the letterhead: printed in the footer when an IBAN is set, never otherwise;
a wrong IBAN is refused and nothing is saved."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from referral_world import add_consent, build, pdf_text

from mzdesk.core import org_settings
from mzdesk.core.database import Database
from mzdesk.core.letters.bench import sample_letter
from mzdesk.core.letters.content import Letterhead
from mzdesk.core.letters.renderer import ConsentFormRenderer, ReferralLetterRenderer
from mzdesk.core.models import User
from mzdesk.core.org_settings import InvalidSetting
from mzdesk.core.services import referrals

BANK = {
    "bank_holder": "Landkreis Musterland",
    "bank_name": "Sparkasse Musterland",
    "iban": "DE89370400440532013000",
    "bic": "COBADEFFXXX",
}


def _flat(pdf: bytes, tmp_path: Path) -> str:
    return " ".join(pdf_text(pdf, tmp_path).split())


def _pages(flat: str) -> int:
    found = re.search(r"(?:Seite|Page) 1 (?:von|of) (\d+)", flat)
    assert found is not None
    return int(found.group(1))


def test_bank_details_are_printed_on_every_page_in_groups_of_four(tmp_path: Path) -> None:
    pdf = ReferralLetterRenderer(Letterhead(**BANK), "de").render(sample_letter())
    flat = _flat(pdf, tmp_path)
    assert "Bankverbindung: Sparkasse Musterland" in flat
    assert "Kontoinhaber: Landkreis Musterland" in flat
    assert "BIC COBADEFFXXX" in flat
    pages = _pages(flat)
    assert pages >= 2  # the letter and its feedback slip
    assert flat.count("IBAN DE89 3704 0044 0532 0130 00") == pages


def test_without_an_iban_no_bank_details_at_all(tmp_path: Path) -> None:
    only_a_name = Letterhead(bank_name="Sparkasse Musterland", bank_holder="Landkreis")
    for head in (Letterhead(), only_a_name):
        flat = _flat(ReferralLetterRenderer(head, "de").render(sample_letter()), tmp_path)
        assert "IBAN" not in flat and "Bankverbindung" not in flat and "Sparkasse" not in flat


def test_english_letters_and_consent_forms_carry_them_too(tmp_path: Path) -> None:
    letter = dataclasses.replace(sample_letter(), language="en")
    flat = _flat(ReferralLetterRenderer(Letterhead(**BANK), "en").render(letter), tmp_path)
    assert "Bank details: Sparkasse Musterland" in flat
    assert "Account holder: Landkreis Musterland" in flat
    assert "IBAN DE89 3704 0044 0532 0130 00" in flat
    assert ConsentFormRenderer.draw_footer is ReferralLetterRenderer.draw_footer  # one footer


def test_a_wrong_iban_is_refused_and_nothing_is_saved(database: Database) -> None:
    with database.session() as session:
        org_settings.set_setting(session, "letterhead.bank_name", "Sparkasse Musterland")
        with pytest.raises(InvalidSetting) as raised:
            org_settings.set_setting(session, "letterhead.iban", "DE89 3704 0044 0532 0130 01")
        assert raised.value.german == (
            "IBAN: Die Prüfziffern passen nicht zur IBAN – bitte mit dem Kontoauszug vergleichen."
        )
        session.rollback()  # the settings dialog saves all or nothing
    with database.session() as session:
        assert org_settings.get_setting(session, "letterhead.iban") == ""
        assert org_settings.get_setting(session, "letterhead.bank_name") == ""
        org_settings.set_setting(session, "letterhead.iban", "de89 3704 0044 0532 0130 00")
        session.commit()
    with database.session() as session:
        assert org_settings.get_setting(session, "letterhead.iban") == BANK["iban"]


def test_bank_details_from_the_settings_reach_the_sent_letter(
    database: Database, tmp_path: Path
) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT"], kinds=("AA",))
    with database.session() as session:
        for name, value in BANK.items():
            org_settings.set_setting(session, f"letterhead.{name}", value)
        session.commit()
    with database.session() as session:
        referral = referrals.create_referral(
            session,
            case_id=world.case_id,
            partner_id=world.agency_id,
            purpose="Beratung zur Arbeitsaufnahme",
            created_by_id=world.counsellor_id,
        )
        user = session.get(User, world.counsellor_id)
        assert user is not None
        referrals.send_referral(session, referral.id, user=user)
        session.commit()
        assert referral.letter_pdf is not None
        flat = _flat(referral.letter_pdf, tmp_path)
    assert "IBAN DE89 3704 0044 0532 0130 00" in flat
    assert "Bankverbindung: Sparkasse Musterland" in flat
