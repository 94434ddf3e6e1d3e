"""The consent registry of a person in the GUI: record, refuse a blanket consent, print the
bilingual form, withdraw (with confirmation) — and the withdrawal stops the next letter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core.services import consents, referrals
from mzdesk.ui.dialogs.consents import ConsentsDialog
from mzdesk.ui.dialogs.referral import open_letter_preview

from .letters_world import build_world, poppler

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def _tick(qtbot: QtBot, widget: QListWidget, value: object) -> None:
    """Move to the item with ``value`` and tick it with the space bar."""
    for row in range(widget.count()):
        if widget.item(row).data(Qt.ItemDataRole.UserRole + 1) == value:
            widget.setFocus()
            widget.setCurrentRow(row)
            qtbot.keyClick(widget.viewport(), Qt.Key.Key_Space)
            assert widget.item(row).checkState() is Qt.CheckState.Checked
            return
    raise AssertionError(f"{value!r} not in the list")


def test_record_print_and_withdraw_a_consent(qtbot: QtBot, tmp_path: Path) -> None:
    world = build_world(tmp_path / "consents.sqlite")
    ctx = world.context(world.counsellor_id)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ConsentsDialog(parent, ctx, world.person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0
    # the form language follows the person's interpreter language
    assert dialog.language_combo.currentData() == "ar"

    # a blanket consent (no data named) is refused; what was typed stays
    editor = dialog.open_editor()
    qtbot.waitUntil(editor.isVisible)
    editor.activateWindow()
    qtbot.keyClicks(editor.purpose_edit, "Vermittlung in Arbeit")
    _tick(qtbot, editor.kinds_list, "AA")
    editor.save_button.click()
    assert editor.isVisible()
    assert "mindestens eine Datenkategorie" in editor.message_label.text()
    assert editor.purpose_edit.text() == "Vermittlung in Arbeit"

    _tick(qtbot, editor.categories_list, "IDENTITY")
    _tick(qtbot, editor.categories_list, "CONTACT")
    editor.save_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() in ("valid", "gültig")
    assert "Agentur für Arbeit" in dialog.table.item(0, 3).text()
    with world.db.session() as s:
        (consent,) = consents.list_consents(s, world.person_id)
        assert consent.data_categories == ["IDENTITY", "CONTACT"]
        assert consent.text_version == consents.current_text_version()

    # the bilingual form, German and Arabic, for the selected consent
    dialog.table.selectRow(0)
    preview = dialog.print_form()
    assert preview is not None
    qtbot.addWidget(preview)
    saved = tmp_path / "form.pdf"
    preview.save_to(saved)
    text = " ".join(poppler("pdftotext", saved, "-enc", "UTF-8").split())
    assert "Einwilligung in die Weitergabe von Sozialdaten" in text
    assert "موافقة على نقل البيانات الاجتماعية" in text
    assert "Haddad, Amal" in text
    preview.close()

    # Dari, chosen in the combo box
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("prs"))
    preview = dialog.print_form()
    assert preview is not None
    qtbot.addWidget(preview)
    dari = tmp_path / "dari.pdf"
    preview.save_to(dari)
    assert "معلومات اجتماعی" in " ".join(poppler("pdftotext", dari, "-enc", "UTF-8").split())
    preview.close()

    # withdraw, confirmed in the question box
    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, confirm)
            return
        box.button(QMessageBox.StandardButton.Yes).click()

    dialog.table.selectRow(0)
    assert dialog.withdraw_button.isEnabled()
    QTimer.singleShot(0, confirm)
    assert dialog.withdraw_selected()
    assert dialog.table.item(0, 1).text().startswith(("withdrawn", "widerrufen"))
    assert not dialog.withdraw_button.isEnabled()

    # the next letter to that partner is refused
    with world.db.session(world.counsellor_id) as s:
        draft = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=world.agency_id,
            purpose="Beratung",
            created_by_id=world.counsellor_id,
        )
        s.commit()
        draft_id = draft.id
    letter = open_letter_preview(parent, ctx, draft_id)
    assert letter is not None
    qtbot.addWidget(letter)
    letter.send_button.click()
    assert not letter.sent
    assert "Keine gültige Einwilligung" in letter.message_label.text()
    letter.close()
