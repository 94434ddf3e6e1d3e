"""The letter preview as a counsellor uses it: no letter leaves without consent (walk item 1).

"Als PDF speichern…" (Ctrl+S) and "Drucken…" (Ctrl+P) of a draft no consent covers are refused
in German, and nothing is written or printed; the on-screen preview says ENTWURF. With a
consent both work, the letter carries no mark, and each output is in the audit trail. A team
lead records an exception with its reason first; the letter then names the lead and reason.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.models import AuditEntry
from mzdesk.core.services import referrals
from mzdesk.ui.dialogs.letter_preview import LetterPreviewDialog
from mzdesk.ui.dialogs.referral import open_letter_preview

from .letters_world import World, add_consent, build_world, poppler

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


class Desk:
    """What the person at the desk answers in the file and print dialogs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        self.saved_to = folder / "Ueberweisung.pdf"
        self.printed_to = folder / "gedruckt.pdf"
        self.print_dialogs = 0
        self.file_dialogs = 0

        def choose_file(*_args: object, **_kwargs: object) -> tuple[str, str]:
            self.file_dialogs += 1
            return str(self.saved_to), "PDF-Dateien (*.pdf)"

        def print_dialog(dialog: QPrintDialog) -> int:
            # the person picks "print to file (PDF)" and confirms
            self.print_dialogs += 1
            printer = dialog.printer()
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.printed_to))
            return int(QDialog.DialogCode.Accepted.value)

        monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
        monkeypatch.setattr(QPrintDialog, "exec", print_dialog)


def _draft(world: World, partner_id: uuid.UUID) -> uuid.UUID:
    with world.db.session(world.counsellor_id) as s:
        referral = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=partner_id,
            purpose="Beratung zur Arbeitsaufnahme",
            created_by_id=world.counsellor_id,
        )
        s.commit()
        return referral.id


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """The window the preview belongs to (alive for the whole test)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _open(
    qtbot: QtBot, parent: QWidget, world: World, user_id: uuid.UUID, rid: uuid.UUID
) -> LetterPreviewDialog:
    preview = open_letter_preview(parent, world.context(user_id), rid)
    assert preview is not None
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)  # shortcuts reach the active window only
    return preview


def _keys(qtbot: QtBot, preview: LetterPreviewDialog, key: Qt.Key) -> None:
    """Ctrl+key as the person at the desk presses it: in the preview, the active window
    (shortcuts reach the active window only; a window of an earlier test may have taken it)."""
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview, key, Qt.KeyboardModifier.ControlModifier)


def _text(pdf: bytes, folder: Path) -> str:
    path = folder / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(pdf)
    return " ".join(poppler("pdftotext", path, "-enc", "UTF-8").split())


def _outputs(world: World) -> list[tuple[str, uuid.UUID | None]]:
    with world.db.session() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.action.like("letter_%")).order_by(AuditEntry.seq)
        ).all()
        return [(row.action, row.user_id) for row in rows]


def test_save_and_print_of_an_uncovered_letter_are_refused(
    qtbot: QtBot, parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build_world(tmp_path / "gate.sqlite")
    desk = Desk(monkeypatch, tmp_path)
    preview = _open(qtbot, parent, world, world.counsellor_id, _draft(world, world.agency_id))
    shown = _text(preview.pdf, tmp_path)
    assert "ENTWURF" in shown and "einverstanden" not in shown

    preview.show_message("")  # the notice shown on opening: wait for the refusal itself
    _keys(qtbot, preview, Qt.Key.Key_S)  # Als PDF speichern…
    qtbot.waitUntil(lambda: not preview.message_label.isHidden())
    message = preview.message_label.text()
    assert "Keine gültige Einwilligung" in message and "nicht" in message
    assert "IDENTITY" not in message  # the data named in German, not by code
    assert not desk.saved_to.exists()

    preview.show_message("")
    _keys(qtbot, preview, Qt.Key.Key_P)  # Drucken…
    qtbot.waitUntil(lambda: not preview.message_label.isHidden())
    assert "Keine gültige Einwilligung" in preview.message_label.text()
    assert desk.print_dialogs == 0 and not desk.printed_to.exists()  # nothing printed
    assert preview.printed_pages == 0
    assert preview.override_button.isHidden()  # a counsellor cannot make an exception
    assert _outputs(world) == []
    # opening the preview recorded nothing; each refused save and print is in the trail
    with world.db.session() as s:
        denied = s.scalars(select(AuditEntry).where(AuditEntry.action == "denied")).all()
        assert [(e.user_id, e.details["reason"]) for e in denied] == [
            (world.counsellor_id, "no consent covers the letter")
        ] * 2
    preview.close()


def test_with_a_consent_save_and_print_work_and_are_recorded(
    qtbot: QtBot, parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build_world(tmp_path / "covered.sqlite")
    add_consent(world, ("AA",), ["IDENTITY"])
    desk = Desk(monkeypatch, tmp_path)
    preview = _open(qtbot, parent, world, world.counsellor_id, _draft(world, world.agency_id))

    _keys(qtbot, preview, Qt.Key.Key_S)
    qtbot.waitUntil(desk.saved_to.exists)
    saved = " ".join(poppler("pdftotext", desk.saved_to, "-enc", "UTF-8").split())
    assert "ENTWURF" not in saved and "Einwilligung vom" in saved
    assert "Die Person ist mit der Weitergabe der unten genannten Angaben einverstanden." in saved

    _keys(qtbot, preview, Qt.Key.Key_P)
    qtbot.waitUntil(desk.printed_to.exists)
    assert desk.print_dialogs == 1 and preview.printed_pages == 2
    assert "ENTWURF" not in " ".join(poppler("pdftotext", desk.printed_to, "-enc", "UTF-8").split())
    assert _outputs(world) == [
        ("letter_saved", world.counsellor_id),
        ("letter_printed", world.counsellor_id),
    ]
    preview.close()


def test_a_lead_records_the_exception_then_the_letter_may_leave(
    qtbot: QtBot, parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build_world(tmp_path / "lead.sqlite")
    desk = Desk(monkeypatch, tmp_path)
    rid = _draft(world, world.employer_id)
    preview = _open(qtbot, parent, world, world.lead_id, rid)

    _keys(qtbot, preview, Qt.Key.Key_S)  # refused: first the exception
    qtbot.waitUntil(lambda: not preview.override_button.isHidden())
    assert not desk.saved_to.exists()
    qtbot.mouseClick(preview.override_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is preview.reason_edit
    qtbot.keyClicks(preview.reason_edit, "Vorstellungstermin morgen um 9 Uhr")
    qtbot.keyClick(preview.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Lea Leiter" in _text(preview.pdf, tmp_path))
    shown = _text(preview.pdf, tmp_path)
    assert "Anordnung der Teamleitung (Lea Leiter)" in shown
    assert "Vorstellungstermin morgen um 9 Uhr" in shown and "ENTWURF" not in shown

    _keys(qtbot, preview, Qt.Key.Key_S)
    qtbot.waitUntil(desk.saved_to.exists)
    with world.db.session() as s:
        actions = [
            (e.action, e.user_id)
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.entity_id == rid).order_by(AuditEntry.seq)
            )
        ]
    assert actions == [
        ("create", world.counsellor_id),
        ("consent_override", world.lead_id),
        ("letter_saved", world.lead_id),
    ]
    preview.close()
