"""What both CSV import dialogs share (mzdesk/ui/dialogs/csv_import.py), driven by keyboard:
"Choose …" opens the file dialog and previews the file, rejected lines show with their
reason, and a failed import shows the error and offers the import again."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.services import events
from mzdesk.ui.dialogs.attendee_import import AttendeeImportDialog
from mzdesk.ui.dialogs.csv_import import CsvImportDialog
from mzdesk.ui.dialogs.partner_import import PartnerImportDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PARTNERS_CSV = "Name;Art;PLZ;Ort\nBeratung Lindenhof;Schuldnerberatung;12345;Neustadt\n;AG;1;X\n"
ATTENDEES_CSV = "Nachname;Vorname;Geb.\nÖztürk;Zoë;1990\n;Leer;1991\nBeispiel;Eva;1985\n"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'import.sqlite'}", create=True)
    schema.upgrade(db)
    yield db
    db.close()


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The file dialog answers with ``tmp_path/list.csv``; its captions are recorded."""
    captions: list[str] = []

    def answer(_parent: QWidget, caption: str, _dir: str, _filter: str) -> tuple[str, str]:
        captions.append(caption)
        return str(tmp_path / "list.csv"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return captions


def _choose_by_keyboard(qtbot: QtBot, dialog: CsvImportDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.choose_button.setFocus()
    qtbot.keyClick(dialog.choose_button, Qt.Key.Key_Space)


def _rejected(dialog: CsvImportDialog) -> list[tuple[str, str]]:
    table = dialog.rejected_table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_both_dialogs_share_the_table_of_rejected_lines(qtbot: QtBot, database: Database) -> None:
    shown = []
    for dialog in (
        PartnerImportDialog(database.session),
        AttendeeImportDialog(database.session, uuid.uuid4()),
    ):
        qtbot.addWidget(dialog)
        table = dialog.rejected_table
        shown.append([table.horizontalHeaderItem(c).text() for c in range(table.columnCount())])
        assert not dialog.import_button.isEnabled()
    assert shown[0] == shown[1] and len(shown[0]) == 2 and all(shown[0])


def test_partners_chosen_previewed_and_a_failed_import_can_be_retried(
    qtbot: QtBot,
    database: Database,
    chosen: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "list.csv").write_text(PARTNERS_CSV, encoding="utf-8")
    dialog = PartnerImportDialog(database.session)
    qtbot.addWidget(dialog)
    _choose_by_keyboard(qtbot, dialog)
    assert chosen == [QCoreApplication.translate("PartnerImportDialog", "Choose a CSV file")]
    qtbot.waitUntil(lambda: dialog.preview_table.rowCount() == 1)
    assert dialog.file_edit.text() == str(tmp_path / "list.csv")
    assert dialog.preview_table.item(0, 0).text() == "Beratung Lindenhof"
    assert [line for line, _reason in _rejected(dialog)] == ["3"]
    assert dialog.import_button.isEnabled()

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    (tmp_path / "list.csv").unlink()  # the import reads the file again: it fails
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(warnings) and dialog.import_button.isEnabled(), timeout=5000)
    assert "list.csv" in warnings[0]
    assert dialog.isVisible()  # nothing imported: the dialog stays for another try


def test_attendees_chosen_previewed_and_imported(
    qtbot: QtBot, database: Database, chosen: list[str], tmp_path: Path
) -> None:
    (tmp_path / "list.csv").write_bytes(ATTENDEES_CSV.encode("cp1252"))
    with database.session() as session:
        event_id: uuid.UUID = events.create_event(
            session, name="Jobmesse", starts_on=date.today(), place="Kreishaus"
        ).id
        session.commit()
    dialog = AttendeeImportDialog(database.session, event_id)
    qtbot.addWidget(dialog)
    _choose_by_keyboard(qtbot, dialog)
    assert chosen == [
        QCoreApplication.translate("AttendeeImportDialog", "Choose a registration list")
    ]
    table = dialog.preview_table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["Öztürk", "", "Beispiel"]
    assert table.item(1, 0).text() == "3 ✗"
    assert [line for line, _reason in _rejected(dialog)] == ["3"]

    with qtbot.waitSignal(dialog.imported, timeout=5000) as imported:
        dialog.import_button.click()
    assert imported.args is not None and imported.args[0].created == 2
    assert not dialog.import_button.isEnabled()
    with database.session() as session:
        assert events.tally(session, event_id).registered == 2
