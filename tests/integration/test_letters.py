"""Referral letters read back with pdftotext/pdffonts: content, consent scope, no notes, fonts."""

from __future__ import annotations

import hashlib
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from referral_world import (
    NOTE_MARKER,
    SEND_DAY,
    World,
    add_consent,
    build,
    need_poppler,
    pdf_fonts,
    pdf_text,
)

from mzdesk.cli import main
from mzdesk.core import reference
from mzdesk.core.database import Database
from mzdesk.core.letters.content import DataSection, ReferralLetter
from mzdesk.core.letters.renderer import ReferralLetterRenderer
from mzdesk.core.letters.templates import LetterTemplate, TemplateError, load_template
from mzdesk.core.models import Referral, User
from mzdesk.core.services import referrals


def send(db: Database, world: World, partner_id: object, **kwargs: object) -> Referral:
    with db.session() as s:
        referral = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=partner_id,  # type: ignore[arg-type]
            purpose="Beratung zur Arbeitsaufnahme",
            request="Bitte bieten Sie einen Termin in der Sprechstunde an.",
            created_by_id=world.counsellor_id,
        )
        user = s.get(User, world.counsellor_id)
        assert user is not None
        referrals.send_referral(s, referral.id, user=user, on=SEND_DAY, **kwargs)  # type: ignore[arg-type]
        s.commit()
        return referral


def test_letter_prints_only_covered_data_and_never_notes(
    database: Database, tmp_path: Path
) -> None:
    world = build(database)
    # The AA template requires IDENTITY; CONTACT and LANGUAGES are covered, RESIDENCE and
    # BENEFITS (optional in the template) are not: they must not appear.
    add_consent(database, world, ["IDENTITY", "CONTACT", "LANGUAGES"], kinds=("AA",))
    referral = send(database, world, world.agency_id, attachments=["Lebenslauf"])
    assert referral.letter_pdf is not None
    assert referral.letter_sha256 == hashlib.sha256(referral.letter_pdf).hexdigest()
    text = pdf_text(referral.letter_pdf, tmp_path)
    flat = " ".join(text.split())

    assert f"MZ-2024-0042/{referral.id.hex[-8:]}" in flat  # file reference
    assert "Überleitung zur Arbeitsvermittlung – Beratung zur Arbeitsaufnahme" in flat
    assert "Agentur für Arbeit Musterstadt" in flat  # recipient
    assert "Bahnhofstraße 1" in flat
    assert "Haddad, Amal" in flat
    assert "حداد" in text and "أمل" in text  # original script, shaped, comes back
    assert "01.01.1990 (Ersatzdatum laut Dokument)" in flat  # placeholder date marked
    assert "Lindenstraße 5" in flat and "Musterstraße 12" in flat  # no "st" ligature
    assert "Arabisch (Muttersprache), Deutsch (B1)" in flat
    assert "Sprachmittlung in folgender Sprache benötigt: Arabisch" in flat
    assert "Lebenslauf" in flat
    assert "Einwilligung vom 02.05.2024 (Textfassung 2024-01)" in flat
    assert "03.06.2024" in flat and "17.06.2024" in flat  # letter date, answer due
    assert "Rückmeldung" in flat and "Wir übernehmen die Beratung" in flat
    assert re.search(r"Seite 1 von (\d)", flat)
    pages = int(re.search(r"Seite 1 von (\d)", flat).group(1))  # type: ignore[union-attr]
    assert all(f"Seite {n} von {pages}" in flat for n in range(1, pages + 1))
    # not covered: residence, work permission, benefits
    for absent in ("Aufenthaltsstatus", "Erwerbstätigkeit", "Leistungsbezug", "SGB II"):
        assert absent not in flat
    assert NOTE_MARKER not in text
    assert "{" not in text and "}" not in text


def test_all_fonts_embedded_and_a4(database: Database, tmp_path: Path) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT"], partner_ids=(world.employer_id,))
    referral = send(database, world, world.employer_id)
    assert referral.letter_pdf is not None
    rows = pdf_fonts(referral.letter_pdf, tmp_path)
    assert rows, "no fonts listed"
    for row in rows:
        assert row[0].endswith(("DejaVuSans", "DejaVuSans-Bold")), row
        emb = row[-5]  # columns: name type encoding emb sub uni object-id gen
        assert emb == "yes", row
    path = tmp_path / "letter.pdf"
    path.write_bytes(referral.letter_pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "595.276 x 841.89 pts (A4)" in info.stdout


def test_cli_letter_reprints_the_stored_pdf_identically(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = build(database)
    add_consent(database, world, ["IDENTITY", "CONTACT"], kinds=("AG",))
    referral = send(database, world, world.employer_id)
    out = tmp_path / "reprint.pdf"
    url = database.url.render_as_string(hide_password=False)
    assert main(["letter", referral.id.hex[-8:], "-o", str(out), "--db", url]) == 0
    assert "as sent" in capsys.readouterr().out
    assert out.read_bytes() == referral.letter_pdf


def test_draft_preview_and_the_english_template(database: Database, tmp_path: Path) -> None:
    world = build(database)
    with database.session() as s:
        from mzdesk.core.models import Partner

        partner = s.get(Partner, world.employer_id)
        assert partner is not None
        partner.letter_language = "en"
        draft = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=world.employer_id,
            purpose="trial day as care assistant",
            created_by_id=world.counsellor_id,
        )
        s.commit()
        pdf = referrals.preview_letter(s, draft, on=date(2024, 6, 10))
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "Application proposal – trial day as care assistant" in text
    assert "Page 1 of" in text and "Reply form" in text
    assert NOTE_MARKER not in text


# --- every template with every partner kind; placeholders ------------------------------------


def _letter(template: LetterTemplate, language: str, **values: str | None) -> ReferralLetter:
    base: dict[str, str | None] = {
        "person_name": "Amal Haddad",
        "partner_name": "Partner",
        "purpose": "Zweck",
        "service": "Dienst",
        "counsellor_name": "Chris Berater",
        "file_reference": "MZ-1/abcdef12",
        "answer_due": "17.06.2024",
    }
    base.update(values)
    return ReferralLetter(
        language=language,
        template=template,
        recipient=("Partner", "Weg 1", "12345 Ort"),
        file_reference="MZ-1/abcdef12",
        letter_date=date(2024, 6, 3),
        counsellor_name="Chris Berater",
        counsellor_phone=None,
        counsellor_email=None,
        values=base,
        request=None,
        sections=(DataSection("IDENTITY", "Name", (("Name", "Haddad, Amal"),)),),
        interpreter_language=None,
        attachments=(),
        consent_given_on=date(2024, 5, 2),
        consent_version="2024-01",
        override_reason=None,
        answer_due_on=None,
        slip_subject="Amal Haddad",
        partner_name="Partner",
    )


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", reference.codes("partner_kinds"))
def test_every_template_renders_for_every_kind(kind: str, language: str, tmp_path: Path) -> None:
    need_poppler()
    template = load_template(kind, language)
    pdf = ReferralLetterRenderer(language=language).render(_letter(template, language))
    text = pdf_text(pdf, tmp_path)
    assert "Haddad, Amal" in text
    assert "{" not in text and "}" not in text
    assert ("Seite 1 von" if language == "de" else "Page 1 of") in text


def test_an_unfilled_placeholder_fails_rendering() -> None:
    template = load_template("AA", "de")
    assert "purpose" in template.placeholders()
    for empty in (None, "", "   "):
        with pytest.raises(TemplateError, match=r"\{purpose\}"):
            ReferralLetterRenderer().render(_letter(template, "de", purpose=empty))
