"""The audit view shows every change of a long entry readably (20 fields: well over the 300
characters the core's one-line summary keeps), in the details tooltip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.audit import AuditView
from tests.integration.audit_world import admin_and_lead


def test_every_change_of_a_long_entry_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'audit.sqlite'}", create=True)
    schema.upgrade(database)
    _admin, lead = admin_and_lead(database)
    view = AuditView(AreaContext(lambda: database.session(lead), Settings(), "de", user_id=lead))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    edited = view.model.index(0, 6)
    full = str(edited.data(Qt.ItemDataRole.ToolTipRole))
    assert "{" not in full  # readable, not raw JSON
    assert full.endswith("field_20: alter Wert 20 → neuer Wert 20")
    assert full.count(" → ") == 20
    short = str(edited.data())
    assert short.startswith("field_01: alter Wert 1 → neuer Wert 1; ") and short.endswith("…")
    view.close()
    database.close()
