"""The settings dialog: personal language, organisation settings typed and saved, kept on error."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from mzdesk.core import org_settings, schema
from mzdesk.core.database import Database
from mzdesk.ui import settings as personal
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.settings import SettingsDialog, labels
from mzdesk.ui.settings import Settings


def _context(tmp_path: Path) -> tuple[Database, AreaContext]:
    database = Database(f"sqlite:///{tmp_path / 'settings.sqlite'}", create=True)
    schema.upgrade(database)
    return database, AreaContext(database.session, Settings())


def test_every_declared_key_has_a_translated_label() -> None:
    assert {key.name for key in org_settings.KEYS} <= set(labels())


def test_typed_values_are_saved_for_the_organisation(qtbot: QtBot, tmp_path: Path) -> None:
    database, context = _context(tmp_path)
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    lead = dialog.fields["followups.residence_lead_weeks"].editor
    assert isinstance(lead, QSpinBox) and lead.value() == 8
    lead.setFocus()
    lead.selectAll()
    qtbot.keyClicks(lead, "12")
    city = dialog.fields["letterhead.city"].editor
    assert isinstance(city, QLineEdit)
    city.clear()
    qtbot.keyClicks(city, "Beispielstadt")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    with database.session() as session:
        assert org_settings.get_setting(session, "followups.residence_lead_weeks") == 12
        assert org_settings.get_setting(session, "letterhead.city") == "Beispielstadt"
        assert org_settings.get_setting(session, "security.lock_minutes") == 10  # untouched
    assert Settings().text(personal.LANGUAGE) == "en"
    database.close()


def test_saved_values_come_back_in_a_new_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    database, context = _context(tmp_path)
    with database.session() as session:
        org_settings.set_setting(session, "referrals.answer_days", "21")
        session.commit()
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    spin = dialog.fields["referrals.answer_days"].editor
    assert isinstance(spin, QSpinBox) and spin.value() == 21
    database.close()
