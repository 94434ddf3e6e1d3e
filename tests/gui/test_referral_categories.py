"""The referral dialog tells the truth (counsellor walk, defects 12 and 13).

"Daten im Brief" are real check boxes (Tab reaches them, Space and a click tick them); the
letter prints exactly what is ticked and covered by the consent, and the choice is stored
with the draft. A ticked category no consent covers is refused in German (no internal code),
with "Einwilligung erfassen…" right there: the consent dialog opens pre-filled with the
partner, the ticked categories and the purpose; once saved, the referral dialog checks again
and the letter can be saved. The consent form is printed with recipients, purpose and
validity from the record, and its signature lines never stand alone on a page.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core.models import ConsentForm, Person, PersonLanguage, Referral
from mzdesk.core.services import consents, referrals
from mzdesk.ui.dialogs.consents import ConsentEditDialog, ConsentsDialog
from mzdesk.ui.dialogs.referral import ReferralDialog, open_letter_preview

from .letters_world import World, add_consent, build_world, poppler

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

PHONE = "0151 2345678"
STREET = "Lindenweg 7"


def _world(path: Path) -> World:
    """The letters world, the person with an address, a phone and a language."""
    world = build_world(path)
    with world.db.session() as s:
        person = s.get(Person, world.person_id)
        assert person is not None
        person.street, person.postcode, person.city = STREET, "12345", "Musterstadt"
        person.phone = PHONE
        s.add(PersonLanguage(person_id=person.id, language_code="ar", cefr_level="native"))
        s.commit()
    return world


def _tab(qtbot: QtBot) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """The window the dialogs belong to (alive for the whole test)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _open(qtbot: QtBot, parent: QWidget, world: World) -> ReferralDialog:
    dialog = ReferralDialog(parent, world.context(world.counsellor_id), world.case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _choose_agency(qtbot: QtBot, dialog: ReferralDialog) -> None:
    edit = dialog.partner_combo.lineEdit()
    edit.setFocus()
    qtbot.keyClicks(edit, "Agentur")
    popup = dialog.partner_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.partner_id() is not None)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and QApplication.focusWidget() is not None)


def _fill(qtbot: QtBot, dialog: ReferralDialog) -> None:
    """Partner, Tab, service, Tab, purpose, Tab, request — typed as a person would."""
    _choose_agency(qtbot, dialog)
    _tab(qtbot)
    qtbot.keyClicks(dialog.service_edit, "Arbeitsvermittlung")
    _tab(qtbot)
    qtbot.keyClicks(dialog.purpose_edit, "Vermittlung in Arbeit")
    _tab(qtbot)
    assert dialog.request_edit.hasFocus()
    qtbot.keyClicks(dialog.request_edit, "Bitte einen Termin anbieten.")


def _ticked(dialog: ReferralDialog) -> list[str]:
    return [code for code, box in dialog.category_boxes.items() if box.isChecked()]


def _pdf_text(pdf: bytes, folder: Path) -> str:
    path = folder / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(pdf)
    return " ".join(poppler("pdftotext", path, "-enc", "UTF-8").split())


def _saved_letter(qtbot: QtBot, dialog: ReferralDialog, folder: Path) -> str:
    """Vorschau…, then "Als PDF speichern" through the released (checked, audited) path."""
    preview = dialog.open_preview()
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    target = folder / f"{uuid.uuid4().hex}-letter.pdf"
    preview.save_to(target)
    preview.close()
    qtbot.waitUntil(lambda: dialog.preview is None)
    return " ".join(poppler("pdftotext", target, "-enc", "UTF-8").split())


def test_categories_are_choosable_and_the_letter_prints_exactly_the_ticked(
    qtbot: QtBot, parent: QWidget, tmp_path: Path
) -> None:
    world = _world(tmp_path / "ticks.sqlite")
    add_consent(world, ("AA",), ["IDENTITY", "CONTACT", "LANGUAGES"])
    dialog = _open(qtbot, parent, world)
    _fill(qtbot, dialog)
    # what the consent covers of what the template offers is ticked at first
    assert _ticked(dialog) == ["IDENTITY", "CONTACT", "LANGUAGES"]

    # Tab leaves the request for the first check box; Tab moves on, Space unticks
    _tab(qtbot)
    assert dialog.category_boxes["IDENTITY"].hasFocus()
    _tab(qtbot)
    contact = dialog.category_boxes["CONTACT"]
    assert contact.hasFocus()
    qtbot.keyClick(contact, Qt.Key.Key_Space)
    assert not contact.isChecked()
    assert _ticked(dialog) == ["IDENTITY", "LANGUAGES"]

    text = _saved_letter(qtbot, dialog, tmp_path)
    assert "Haddad, Amal" in text and "Arabisch" in text  # ticked and covered: printed
    assert PHONE not in text and STREET not in text  # unticked: not in the letter
    with world.db.session() as s:
        referral = s.get(Referral, dialog.referral_id)
        assert referral is not None
        assert referral.data_categories == ["IDENTITY", "LANGUAGES"]  # stored with the draft

    # a click ticks it again: the next letter has the address and the phone
    qtbot.mouseClick(contact, Qt.MouseButton.LeftButton)
    assert contact.isChecked()
    text = _saved_letter(qtbot, dialog, tmp_path)
    assert PHONE in text and STREET in text and "Haddad, Amal" in text

    # untick the name as well: the letter then names only the file reference
    qtbot.mouseClick(dialog.category_boxes["IDENTITY"], Qt.MouseButton.LeftButton)
    text = _saved_letter(qtbot, dialog, tmp_path)
    assert "Haddad" not in text and "حداد" not in text and PHONE in text

    # categories mzdesk keeps no data about cannot be ticked, and say why
    for code in ("QUALIFICATIONS", "HEALTH"):
        assert not dialog.category_boxes[code].isEnabled()
        assert dialog.category_notes[code].text()


def test_refused_category_records_the_consent_from_the_referral(
    qtbot: QtBot, parent: QWidget, tmp_path: Path
) -> None:
    world = _world(tmp_path / "refused.sqlite")
    add_consent(world, ("AA",), ["IDENTITY"])  # the address is not covered
    dialog = _open(qtbot, parent, world)
    _fill(qtbot, dialog)
    assert _ticked(dialog) == ["IDENTITY"]
    assert dialog.consent_button.isHidden()  # covered: nothing to record

    _tab(qtbot)
    _tab(qtbot)
    contact = dialog.category_boxes["CONTACT"]
    assert contact.hasFocus()
    qtbot.keyClick(contact, Qt.Key.Key_Space)  # tick the address: no consent covers it
    assert contact.isChecked()
    note = dialog.category_notes["CONTACT"].text()
    assert note  # ticked but refused, said beside the box
    refusal = dialog.consent_label.text()
    assert "Anschrift, Telefon und E-Mail" in refusal
    assert not re.search(r"\b[A-Z_]{4,}\b", refusal), refusal  # no internal code
    assert not re.search(r"\b[A-Z_]{4,}\b", note), note
    assert not dialog.consent_button.isHidden()

    # the letter is refused as it stands
    preview = dialog.open_preview()
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert not preview.allowed("pdf")
    preview.close()
    qtbot.waitUntil(lambda: dialog.preview is None)

    # "Einwilligung erfassen…" by keyboard: the consent dialog, pre-filled
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.consent_button.setFocus()
    qtbot.keyClick(dialog.consent_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.consent_editor is not None and dialog.consent_editor.isVisible())
    editor = dialog.consent_editor
    assert isinstance(editor, ConsentEditDialog)
    assert editor.checked_categories() == ["IDENTITY", "CONTACT"]
    assert editor.checked_partners() == [world.agency_id]
    assert editor.purpose_edit.text() == "Vermittlung in Arbeit"
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Speichern
    qtbot.waitUntil(lambda: dialog.consent_editor is None)

    # checked again: covered now, the button is gone, the letter is saved with the address
    qtbot.waitUntil(dialog.consent_button.isHidden)
    assert not dialog.category_notes["CONTACT"].text()
    with world.db.session() as s:
        recorded = consents.list_consents(s, world.person_id)[0]
        assert recorded.data_categories == ["IDENTITY", "CONTACT"]
        assert [r.partner_id for r in recorded.recipients] == [world.agency_id]
        assert recorded.purpose == "Vermittlung in Arbeit"
    text = _saved_letter(qtbot, dialog, tmp_path)
    assert STREET in text and PHONE in text and "ENTWURF" not in text


def _page_texts(path: Path) -> list[str]:
    found = re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", path), re.M)
    assert found is not None
    pages = int(found.group(1))
    return [
        " ".join(poppler("pdftotext", path, "-f", str(n), "-l", str(n), "-enc", "UTF-8").split())
        for n in range(1, pages + 1)
    ]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_consent_form_names_recipient_purpose_validity_and_keeps_the_signatures(
    qtbot: QtBot, parent: QWidget, tmp_path: Path, language: str
) -> None:
    world = _world(tmp_path / f"form-{language}.sqlite")
    until = date.today() + timedelta(days=365)
    with world.db.session() as s:
        consent = consents.add_consent(
            s,
            person_id=world.person_id,
            purpose="Vermittlung in Arbeit",
            categories=["IDENTITY", "CONTACT"],
            partner_ids=[world.agency_id],
            given_on=date.today(),
            expires_on=until,
            form=ConsentForm.SIGNED_PAPER,
        )
        s.commit()
        consent_id = consent.id
    registry = ConsentsDialog(parent, world.context(world.counsellor_id), world.person_id)
    qtbot.addWidget(registry)
    registry.show()
    registry.language_combo.setCurrentIndex(registry.language_combo.findData(language))
    registry.table.selectRow(0)
    assert registry.selected_consent() == consent_id
    preview = registry.print_form()
    assert preview is not None
    saved = tmp_path / f"form-{language}.pdf"
    preview.save_to(saved)
    preview.close()

    pages = _page_texts(saved)
    text = " ".join(pages)
    assert "Agentur für Arbeit Musterstadt" in text
    assert "Vermittlung in Arbeit" in text
    assert "Gültig bis" in text and f"{until:%d.%m.%Y}" in text
    # the signature lines share their page with the text before them
    (signed,) = [page for page in pages if "Unterschrift der betroffenen Person" in page]
    assert "Ich kann die Einwilligung jederzeit" in signed
    assert "Haddad, Amal" in signed and "MZ-2024-0042" in signed  # whose form is signed
    if language == "de":
        assert len(pages) == 1  # the German form is one sheet


def test_preview_refused_records_the_consent_and_then_sends(
    qtbot: QtBot, parent: QWidget, tmp_path: Path
) -> None:
    """Where the walk met the refusal: "Senden" in the preview. The consent is recorded from
    there, the preview loads again without ENTWURF, and the letter is sent."""
    world = _world(tmp_path / "preview.sqlite")
    with world.db.session(world.counsellor_id) as s:
        rid = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=world.employer_id,
            purpose="Probearbeit als Pflegehelferin",
            created_by_id=world.counsellor_id,
            categories=["IDENTITY", "CONTACT"],
        )
        s.commit()
        referral_id = rid.id
    preview = open_letter_preview(parent, world.context(world.counsellor_id), referral_id)
    assert preview is not None
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    assert "ENTWURF" in _pdf_text(preview.pdf, tmp_path)
    qtbot.keyClick(preview, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Senden
    assert not preview.sent
    refusal = preview.message_label.text()
    assert "Pflegedienst Sonnenschein" in refusal
    assert not re.search(r"\b[A-Z_]{4,}\b", refusal), refusal
    assert not preview.consent_button.isHidden()

    preview.consent_button.setFocus()
    qtbot.keyClick(preview.consent_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: preview.consent_editor is not None)
    editor = preview.consent_editor
    assert isinstance(editor, ConsentEditDialog)
    qtbot.waitUntil(editor.isVisible)
    assert editor.checked_partners() == [world.employer_id]
    assert editor.checked_categories() == ["IDENTITY", "CONTACT"]
    assert editor.purpose_edit.text() == "Probearbeit als Pflegehelferin"
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Speichern
    qtbot.waitUntil(lambda: preview.consent_editor is None)

    assert preview.message_label.isHidden() and preview.consent_button.isHidden()
    shown = _pdf_text(preview.pdf, tmp_path)
    assert "ENTWURF" not in shown and STREET in shown
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Senden
    qtbot.waitUntil(lambda: preview.sent)
    assert PHONE in _pdf_text(preview.pdf, tmp_path)
    preview.close()
