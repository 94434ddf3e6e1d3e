"""The referral flow as a counsellor does it: from a case to a previewed, printed, sent letter.

Also: refusal without consent (the German reason in the preview), a team lead's exception with
a reason (recorded and audited before the letter leaves), and a withdrawn consent stopping the
next letter.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.models import AuditEntry, Referral, ReferralStatus
from mzdesk.core.services import consents, referrals
from mzdesk.ui.dialogs.letter_preview import LetterPreviewDialog
from mzdesk.ui.dialogs.referral import ReferralDialog, create_referral, open_letter_preview

from .letters_world import World, add_consent, build_world, poppler

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def _tab(qtbot: QtBot) -> None:
    """Press Tab where the keyboard focus is, as a person would."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)


def _drive_modal(qtbot: QtBot, steps: Callable[[ReferralDialog], None]) -> list[str]:
    """Run ``steps`` on the modal referral dialog once it shows; close it whatever happens."""
    errors: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReferralDialog):
            QTimer.singleShot(20, run)
            return
        try:
            steps(dialog)
        except BaseException:  # reported by the test, never a hanging exec()
            errors.append(traceback.format_exc())
            dialog.reject()

    QTimer.singleShot(0, run)
    return errors


def _print_to_pdf(preview: LetterPreviewDialog, path: Path, *, raster: bool = False) -> int:
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return preview.print_to(printer, raster=raster)


def _choose_partner(qtbot: QtBot, dialog: ReferralDialog, typed: str) -> None:
    """Type part of the name into the partner box, pick the match from the popup."""
    edit = dialog.partner_combo.lineEdit()
    edit.setFocus()
    qtbot.keyClicks(edit, typed)
    popup = dialog.partner_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.partner_id() is not None)
    dialog.activateWindow()  # the offscreen platform leaves no window active after a popup
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_create_preview_print_and_send_from_a_case(qtbot: QtBot, tmp_path: Path) -> None:
    world = build_world(tmp_path / "flow.sqlite")
    add_consent(world, ("AA",), ["IDENTITY", "LANGUAGES"])
    ctx = world.context(world.counsellor_id)
    parent = QWidget()
    qtbot.addWidget(parent)
    printed = tmp_path / "printed.pdf"
    raster = tmp_path / "raster.pdf"
    seen: dict[str, object] = {}

    def steps(dialog: ReferralDialog) -> None:
        _choose_partner(qtbot, dialog, "Agentur")
        assert dialog.partner_id() == world.agency_id
        _tab(qtbot)
        assert dialog.service_edit.hasFocus()
        qtbot.keyClicks(dialog.service_edit, "Arbeitsvermittlung")
        _tab(qtbot)
        assert dialog.purpose_edit.hasFocus()
        qtbot.keyClicks(dialog.purpose_edit, "Beratung zur Arbeitsaufnahme")
        _tab(qtbot)
        assert dialog.request_edit.hasFocus()
        qtbot.keyClicks(dialog.request_edit, "Bitte einen Termin in der Sprechstunde anbieten.")
        # the letter prints identity (required) and languages (covered), nothing else
        checked = [box.text() for box in dialog.category_boxes.values() if box.isChecked()]
        assert checked == ["Name und Geburtsdatum", "Sprachkenntnisse"]
        qtbot.keyClick(
            dialog,
            Qt.Key.Key_V,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.isVisible())
        preview = dialog.preview
        assert preview is not None
        assert preview.page_count() == 2  # the letter and the feedback slip
        # shortcuts reach the active window only: wait until the preview is it (slow machines)
        preview.activateWindow()
        qtbot.waitUntil(preview.isActiveWindow)
        qtbot.keyClick(preview, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: preview.current_page() == 1)
        qtbot.keyClick(preview, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        zoomed = preview.view.zoomFactor()
        assert preview.view.zoomMode() is QPdfView.ZoomMode.Custom and zoomed > 0.5
        preview.zoom_out_button.click()
        assert preview.view.zoomFactor() == pytest.approx(zoomed / 1.25)
        preview.fit_button.click()
        assert preview.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
        seen["pages"] = _print_to_pdf(preview, printed)
        seen["raster_pages"] = _print_to_pdf(preview, raster, raster=True)
        qtbot.keyClick(preview, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Senden
        qtbot.waitUntil(lambda: preview.sent)
        seen["stored"] = preview.pdf
        preview.close()
        qtbot.waitUntil(lambda: dialog.sent and dialog.preview is None)
        dialog.save_button.click()  # now "Schließen"

    errors = _drive_modal(qtbot, steps)
    referral_id = create_referral(parent, ctx, world.case_id)
    assert not errors, errors[0]
    assert isinstance(referral_id, uuid.UUID)

    with world.db.session() as s:
        referral = s.get(Referral, referral_id)
        assert referral is not None
        assert referral.status is ReferralStatus.SENT
        assert referral.service == "Arbeitsvermittlung"
        assert referral.letter_pdf == seen["stored"]
        assert referral.letter_sha256 == hashlib.sha256(referral.letter_pdf).hexdigest()

    assert seen["pages"] == 2
    text = " ".join(poppler("pdftotext", printed, "-enc", "UTF-8").split())
    assert "Agentur für Arbeit Musterstadt" in text and "Bahnhofstraße 1" in text  # recipient
    assert "Beratung zur Arbeitsaufnahme" in text  # subject
    assert "Haddad, Amal" in text and "حداد" in text  # client, Latin and original script
    assert "Seite 1 von 2" in text and "Seite 2 von 2" in text
    fonts = poppler("pdffonts", printed).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    # the raster path (real printers): two A4 pages with ink on them
    assert seen["raster_pages"] == 2
    info = poppler("pdfinfo", raster)
    assert re.search(r"^Pages:\s+2$", info, re.M) and "(A4)" in info, info
    assert _ink(raster, tmp_path) > 0.01

    # a sent letter reprints as the stored bytes
    with world.db.session() as s:
        stored = referrals.stored_letter(s, referral_id)
    preview = open_letter_preview(parent, ctx, referral_id)
    assert preview is not None
    qtbot.addWidget(preview)
    assert not preview.send_button.isVisible() and preview.pdf == stored
    again = tmp_path / "reprint.pdf"
    _print_to_pdf(preview, again)
    assert again.read_bytes() == stored
    preview.close()


def _ink(pdf: Path, tmp_path: Path) -> float:
    """Share of dark pixels on page 1 (pdftoppm at 30 dpi)."""
    poppler("pdfinfo", pdf)  # skips without poppler-utils
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "ink")],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("ink*.png"))))
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    return dark / ((image.height() // 2) * (image.width() // 2))


def _draft(world: World, partner_id: uuid.UUID) -> uuid.UUID:
    with world.db.session(world.counsellor_id) as s:
        referral = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=partner_id,
            purpose="Probearbeit als Pflegehelferin",
            created_by_id=world.counsellor_id,
        )
        s.commit()
        return referral.id


def test_refusal_without_consent_and_the_lead_override(qtbot: QtBot, tmp_path: Path) -> None:
    world = build_world(tmp_path / "override.sqlite")
    add_consent(world, ("AA",), ["IDENTITY"])  # names the agency's kind, not the employer
    parent = QWidget()
    qtbot.addWidget(parent)
    draft = _draft(world, world.employer_id)

    # the counsellor: a clear German refusal, no override offered
    preview = open_letter_preview(parent, world.context(world.counsellor_id), draft)
    assert preview is not None
    qtbot.addWidget(preview)
    preview.send_button.click()
    assert not preview.sent
    assert not preview.message_label.isHidden()
    assert (
        "Keine gültige Einwilligung für Pflegedienst Sonnenschein" in preview.message_label.text()
    )
    assert preview.override_button.isHidden()
    preview.close()

    # the team lead: "Ausnahme begründen…", a reason is required, the exception is recorded
    # (audited) and shown in the letter before it is sent
    preview = open_letter_preview(parent, world.context(world.lead_id), draft)
    assert preview is not None
    qtbot.addWidget(preview)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    preview.send_button.click()
    assert not preview.sent and not preview.override_button.isHidden()
    preview.override_button.click()
    assert preview.reason_edit.hasFocus()
    assert not preview.record_button.isEnabled()  # no reason, no exception
    qtbot.keyClicks(preview.reason_edit, "Termin morgen, Einwilligung wird nachgereicht")
    assert preview.record_button.isEnabled()
    qtbot.keyClick(preview.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not preview.note_label.isHidden())
    shown = " ".join(poppler_bytes(preview.pdf, tmp_path).split())
    assert "Anordnung der Teamleitung (Lea Leiter)" in shown and "ENTWURF" not in shown
    qtbot.keyClick(preview, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Senden
    qtbot.waitUntil(lambda: preview.sent)
    text = " ".join(poppler_bytes(preview.pdf, tmp_path).split())
    assert "Termin morgen, Einwilligung wird nachgereicht" in text
    preview.close()
    with world.db.session() as s:
        referral = s.get(Referral, draft)
        assert referral is not None and referral.status is ReferralStatus.SENT
        assert referral.override_by_id == world.lead_id and referral.consent_id is None
        audit = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == draft, AuditEntry.action == "consent_override"
            )
        ).all()
        assert len(audit) == 1 and audit[0].user_id == world.lead_id
        assert audit[0].details["reason"] == "Termin morgen, Einwilligung wird nachgereicht"
        sent = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_id == draft, AuditEntry.action == "referral_sent"
            )
        ).one()
        assert sent.user_id == world.lead_id and sent.seq > audit[0].seq


def poppler_bytes(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(pdf)
    return poppler("pdftotext", path, "-enc", "UTF-8")


def test_withdrawn_consent_stops_the_next_letter(qtbot: QtBot, tmp_path: Path) -> None:
    world = build_world(tmp_path / "withdraw.sqlite")
    consent_id = add_consent(world, ("AA",), ["IDENTITY"])
    ctx = world.context(world.counsellor_id)
    parent = QWidget()
    qtbot.addWidget(parent)

    first = open_letter_preview(parent, ctx, _draft(world, world.agency_id))
    assert first is not None
    qtbot.addWidget(first)
    first.send_button.click()
    assert first.sent
    first.close()

    with world.db.session() as s:
        consents.withdraw(s, consent_id, consents.get_consent(s, consent_id).given_on)
        s.commit()
    second = open_letter_preview(parent, ctx, _draft(world, world.agency_id))
    assert second is not None
    qtbot.addWidget(second)
    second.send_button.click()
    assert not second.sent
    assert "Keine gültige Einwilligung" in second.message_label.text()
    second.close()
