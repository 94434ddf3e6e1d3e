"""Consent registry: coverage by partner or kind, validity in time, blanket refusal, the form."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from referral_world import GIVEN, World, add_consent, build, pdf_fonts, pdf_text

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import ConsentForm, Partner, Person
from mzdesk.core.services import consents
from mzdesk.core.services.consents import ConsentError


def covering(db: Database, world: World, partner_id: object, cats: list[str], on: date) -> object:
    with db.session() as s:
        partner = s.get(Partner, partner_id)
        assert partner is not None
        found = consents.covering_consent(s, world.person_id, partner, cats, on=on)
        return None if found is None else found.id


def test_coverage_by_partner_and_by_kind(database: Database) -> None:
    world = build(database)
    direct = add_consent(database, world, ["IDENTITY", "CONTACT"], partner_ids=(world.employer_id,))
    day = GIVEN + timedelta(days=1)
    assert covering(database, world, world.employer_id, ["IDENTITY", "CONTACT"], day) == direct
    assert covering(database, world, world.agency_id, ["IDENTITY"], day) is None  # not named
    by_kind = add_consent(database, world, ["IDENTITY"], kinds=("AA",))
    assert covering(database, world, world.agency_id, ["IDENTITY"], day) == by_kind
    # ALL categories must be covered by one consent
    assert covering(database, world, world.agency_id, ["IDENTITY", "CONTACT"], day) is None
    assert covering(database, world, world.employer_id, ["IDENTITY", "HEALTH"], day) is None


def test_validity_in_time(database: Database) -> None:
    world = build(database)
    consent_id = add_consent(
        database, world, ["IDENTITY"], kinds=("AG",), expires_on=GIVEN + timedelta(days=30)
    )
    cats = ["IDENTITY"]
    assert covering(database, world, world.employer_id, cats, GIVEN - timedelta(days=1)) is None
    assert covering(database, world, world.employer_id, cats, GIVEN) == consent_id
    assert covering(database, world, world.employer_id, cats, GIVEN + timedelta(days=30)) == (
        consent_id
    )
    assert covering(database, world, world.employer_id, cats, GIVEN + timedelta(days=31)) is None
    with database.session() as s:
        consents.withdraw(s, consent_id, GIVEN + timedelta(days=10))
        s.commit()
        with pytest.raises(ConsentError, match="already withdrawn"):
            consents.withdraw(s, consent_id, GIVEN + timedelta(days=11))
    assert covering(database, world, world.employer_id, cats, GIVEN + timedelta(days=9)) == (
        consent_id
    )
    assert covering(database, world, world.employer_id, cats, GIVEN + timedelta(days=10)) is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"categories": []}, "at least one data category"),
        ({"categories": ["IDENTITY", "SHOE_SIZE"]}, "unknown data categories: SHOE_SIZE"),
        ({"partner_kinds": []}, "must name its recipients"),
        ({"partner_kinds": ["NOPE"]}, "unknown partner kinds"),
        ({"form": ConsentForm.VERBAL_WITNESS}, "witness"),
        ({"expires_on": GIVEN - timedelta(days=1)}, "expire before"),
        ({"purpose": "  "}, "purpose"),
    ],
)
def test_blanket_or_inconsistent_consents_are_refused(
    database: Database, kwargs: dict[str, object], message: str
) -> None:
    world = build(database)
    values: dict[str, object] = {
        "person_id": world.person_id,
        "purpose": "Vermittlung",
        "categories": ["IDENTITY"],
        "partner_kinds": ["AA"],
        "given_on": GIVEN,
        "form": ConsentForm.SIGNED_PAPER,
    }
    values.update(kwargs)
    with database.session() as s, pytest.raises(ConsentError, match=message):
        consents.add_consent(s, **values)  # type: ignore[arg-type]


def test_every_form_language_is_tested_below() -> None:
    tested = {"ar", "fa", "prs", "uk", "tr", "en"}
    assert set(consents.FORM_LANGUAGES) - {"de"} == tested


def test_consent_texts_are_versioned_and_complete() -> None:
    version = consents.current_text_version()
    assert version == max(consents.text_versions())
    german = consents.consent_text(version, "de")
    for language in consents.FORM_LANGUAGES:
        text = consents.consent_text(version, language)
        assert set(text) == set(german), language
        assert all(value.strip() for value in text.values()), language


def test_cli_add_list_withdraw(database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    world = build(database)
    url = database.url.render_as_string(hide_password=False)
    code = main(
        [
            "consent",
            "add",
            "--db",
            url,
            "MZ-2024-0042",
            "--category",
            "IDENTITY,CONTACT",
            "--kind",
            "AA",
            "--partner",
            world.employer_id.hex[-8:],
            "--purpose",
            "Vermittlung",
            "--given",
            "02.05.2024",
            "--expires",
            "2026-05-01",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    short = out.split(":")[1].split()[0]
    assert main(["consent", "list", "--db", url, "MZ-2024-0042", "--on", "2024-06-01"]) == 0
    out = capsys.readouterr().out
    assert f"{short}  valid" in out and "IDENTITY,CONTACT -> AA" in out
    assert main(["consent", "withdraw", "--db", url, short, "--on", "2024-06-02"]) == 0
    capsys.readouterr()
    assert main(["consent", "list", "--db", url, "MZ-2024-0042", "--on", "2024-06-03"]) == 0
    assert f"{short}  not valid" in capsys.readouterr().out
    assert (
        main(
            [
                "consent",
                "add",
                "--db",
                url,
                "MZ-2024-0042",
                "--category",
                "IDENTITY",
                "--purpose",
                "x",
            ]
        )
        == 1
    )
    assert "must name its recipients" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("ar", "موافقة على نقل البيانات الاجتماعية"),
        ("fa", "رضایت\u200cنامه برای انتقال داده\u200cهای اجتماعی"),
        ("prs", "رضایت نامه برای انتقال معلومات اجتماعی"),
        ("uk", "Згода на передачу соціальних даних"),
        ("tr", "Sosyal verilerin aktarılmasına onay"),
        ("en", "Consent to passing on social data"),
    ],
)
def test_bilingual_form(database: Database, tmp_path: Path, language: str, phrase: str) -> None:
    world = build(database)
    consent_id = add_consent(database, world, ["IDENTITY", "CONTACT"], kinds=("AA",))
    with database.session() as s:
        person = s.get(Person, world.person_id)
        assert person is not None
        consent = consents.get_consent(s, consent_id)
        pdf = consents.render_form(s, person, language, consent=consent, on=GIVEN)
    text = pdf_text(pdf, tmp_path)
    flat = " ".join(text.split())
    assert "Einwilligung in die Weitergabe von Sozialdaten" in flat
    wanted = " ".join(phrase.replace("\u200c", "").split())
    # pdftotext gives right-to-left lines back in logical order; joiners are not printed
    assert wanted in flat.replace("\u200c", ""), flat[:400]
    # a ticked category line in the person's language reads back too, word by word
    # (pdftotext may put a right-to-left comma "،" elsewhere when it rebuilds logical order)
    contact = consents.consent_text(consents.current_text_version(), language)["category.CONTACT"]
    for word in contact.replace("\u200c", "").replace("،", " ").replace(",", " ").split():
        assert word in flat.replace("\u200c", ""), (language, word)
    assert "Haddad, Amal" in flat and "MZ-2024-0042" in flat
    assert all(row[-5] == "yes" for row in pdf_fonts(pdf, tmp_path))
