"""Bank details typed in the settings dialog: a wrong IBAN is refused with the German reason,
the dialog stays open with everything typed and nothing is saved; a right one, typed in groups,
is saved without spaces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from mzdesk.core import org_settings, schema
from mzdesk.core.database import Database
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.settings import SettingsDialog
from mzdesk.ui.settings import Settings


def _answer_the_message(seen: list[str]) -> None:
    """Read the message box the dialog opens, then press Enter on it."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)
    else:
        QTimer.singleShot(20, lambda: _answer_the_message(seen))


def _type(qtbot: QtBot, dialog: SettingsDialog, name: str, text: str) -> QLineEdit:
    edit = dialog.fields[name].editor
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    return edit


def test_a_wrong_iban_is_refused_and_the_typing_stays(qtbot: QtBot, tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'bank.sqlite'}", create=True)
    schema.upgrade(database)
    dialog = SettingsDialog(AreaContext(database.session, Settings()))
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog, "letterhead.bank_name", "Sparkasse Musterland")
    iban = _type(qtbot, dialog, "letterhead.iban", "DE89 3704 0044 0532 0130 01")

    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_the_message(seen))
    qtbot.keyClick(iban, Qt.Key.Key_Return)  # Enter: Save
    assert seen == [
        "IBAN: Die Prüfziffern passen nicht zur IBAN – bitte mit dem Kontoauszug vergleichen."
    ]
    assert dialog.isVisible() and dialog.result() != SettingsDialog.DialogCode.Accepted
    assert iban.text() == "DE89 3704 0044 0532 0130 01"  # nothing typed is lost
    with database.session() as session:
        assert org_settings.get_setting(session, "letterhead.iban") == ""
        assert org_settings.get_setting(session, "letterhead.bank_name") == ""  # all or nothing

    _type(qtbot, dialog, "letterhead.iban", "DE89 3704 0044 0532 0130 00")
    qtbot.keyClick(dialog.fields["letterhead.iban"].editor, Qt.Key.Key_Return)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    with database.session() as session:
        assert org_settings.get_setting(session, "letterhead.iban") == "DE89370400440532013000"
        assert org_settings.get_setting(session, "letterhead.bank_name") == "Sparkasse Musterland"
    database.close()
