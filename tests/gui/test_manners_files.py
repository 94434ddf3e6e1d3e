"""Files, numbers, titles and questions as a desktop application owes them to its user.

* save dialogs start in the documents folder (then the folder last chosen for that kind)
  with readable German names: ``Überweisung Haddad 2026-12-04.pdf``,
  ``Teilnahmeliste Jobmesse Kreishaus 2026-12-04.pdf`` — the helper's suggestion and the
  name each call site passes (the modal dialog itself is Qt's: its static function is
  answered, as in the other GUI tests);
* numbers in messages in German (``9.339 Bytes``);
* no dialog title cut off; "Eingaben verwerfen?" answered by "Verwerfen" / "Weiter bearbeiten".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QVBoxLayout
from pytestqt.qtbot import QtBot

from mzdesk.core.models import EventKind
from mzdesk.core.services import events, referrals
from mzdesk.ui import app as mzdesk_app
from mzdesk.ui.dialog_titles import title_width
from mzdesk.ui.dialogs.intake import IntakeDialog
from mzdesk.ui.dialogs.kit_actions import kit_name
from mzdesk.ui.dialogs.referral import letter_file_name
from mzdesk.ui.file_dialogs import Kind, file_name, save_file, suggested_path
from mzdesk.ui.numbers import byte_size, number
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.events import EventsView

from .letters_world import build_world

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def test_a_save_dialog_starts_in_the_documents_folder_with_a_german_name(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings()
    name = file_name("Überweisung", "Mustermann", date(2026, 12, 4), suffix="pdf")
    assert name == "Überweisung Mustermann 2026-12-04.pdf"
    suggested = suggested_path(settings, Kind.LETTER, name)
    assert suggested == documents() / "Überweisung Mustermann 2026-12-04.pdf"
    assert suggested.parent != Path.cwd()  # not the folder mzdesk was started from
    asked: list[str] = []

    def answer(_parent: object, _title: str, directory: str, _filter: str) -> tuple[str, str]:
        asked.append(directory)
        return str(tmp_path / "Brief"), ""  # typed without ".pdf"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    chosen = save_file(None, "Als PDF speichern", Kind.LETTER, name, "PDF (*.pdf)")
    assert asked == [str(suggested)]
    assert chosen == tmp_path / "Brief.pdf"
    # the next letter starts where the last one went; other kinds still in Dokumente
    assert suggested_path(Settings(), Kind.LETTER, name) == tmp_path / name
    assert suggested_path(Settings(), Kind.KIT, "x.mzkit").parent == documents()


def test_file_names_leave_out_what_no_file_system_takes() -> None:
    assert file_name("Teilnahmeliste", "Messe 2026/27: Halle*1", None, suffix="pdf") == (
        "Teilnahmeliste Messe 2026 27 Halle 1.pdf"
    )
    assert len(file_name("Kit", "x" * 500, date(2026, 1, 2), suffix="mzkit")) <= 126


def test_a_long_event_name_is_shortened_and_the_date_kept() -> None:
    """The folder sorts by date: a long name is cut, never the date or what follows it."""
    long_name = "Jobmesse Kreishaus Pflege und Handwerk " * 6
    kit = file_name("Kit", long_name, date(2026, 12, 4), "Rückgabe", suffix="mzkit")
    assert kit.startswith("Kit Jobmesse Kreishaus")
    assert kit.endswith(" 2026-12-04 Rückgabe.mzkit")
    assert len(kit) <= 126
    listed = file_name("Teilnahmeliste", "x" * 500, date(2026, 1, 2), suffix="pdf")
    assert listed.endswith(" 2026-01-02.pdf") and len(listed) <= 124


def test_the_referral_letter_is_named_by_family_name_and_date(tmp_path: Path) -> None:
    world = build_world(tmp_path / "letters.sqlite")
    try:
        with world.db.session(world.counsellor_id) as session:
            referral = referrals.create_referral(
                session,
                case_id=world.case_id,
                partner_id=world.agency_id,
                purpose="Beratung zur Arbeitsaufnahme",
                created_by_id=world.counsellor_id,
            )
            session.flush()
            name = letter_file_name(session, referral)
        assert (
            name == f"Überweisung Haddad {date.today().isoformat()}.pdf"
        )  # no given name, no partner
        assert "Amal" not in name
    finally:
        world.db.close()


def test_the_attendance_list_is_named_by_event_and_date(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = build_world(tmp_path / "events.sqlite")
    try:
        with world.db.session(world.counsellor_id) as session:
            events.create_event(
                session,
                name="Jobmesse Kreishaus",
                starts_on=date(2026, 12, 4),
                place="Kreishaus",
                kind=EventKind.JOB_FAIR,
                partners=[],
            )
            session.commit()
        view = EventsView(world.context(world.counsellor_id))
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: view.selected_event_id() is not None)
        asked: list[str] = []

        def cancel(_parent: object, _title: str, directory: str, _filter: str) -> tuple[str, str]:
            asked.append(directory)
            return "", ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
        view.print_attendance()
        view.print_employers()
        assert [Path(a).name for a in asked] == [
            "Teilnahmeliste Jobmesse Kreishaus 2026-12-04.pdf",
            "Ausstellerliste Jobmesse Kreishaus 2026-12-04.pdf",
        ]
        assert all(Path(a).parent == documents() for a in asked)
        event_id = view.selected_event_id()
        assert event_id is not None
        context = world.context(world.counsellor_id)
        assert kit_name(context, event_id) == "Kit Jobmesse Kreishaus 2026-12-04.mzkit"
        returned = kit_name(context, event_id, "Rückgabe")
        assert returned == "Kit Jobmesse Kreishaus 2026-12-04 Rückgabe.mzkit"
    finally:
        world.db.close()


def test_numbers_in_messages_are_german() -> None:
    assert number(9339) == "9.339"
    assert byte_size(9339) == "9.339 Bytes"
    assert number(1234567) == "1.234.567"


def test_no_dialog_title_is_cut(qtbot: QtBot) -> None:
    mzdesk_app.application()  # the QApplication as mzdesk sets it up
    dialog = QDialog()
    dialog.setWindowTitle("Veranstaltungsmappe verschlüsseln")
    QVBoxLayout(dialog)  # nothing in it: Qt would make it tiny
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= title_width(dialog) > 300


def test_discard_asks_with_buttons_that_say_what_they_do(qtbot: QtBot, tmp_path: Path) -> None:
    world = build_world(tmp_path / "intake.sqlite")
    try:
        dialog = IntakeDialog(world.context(world.counsellor_id))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        family = dialog.edit("familyNameEdit")
        qtbot.keyClicks(family, "Neu")
        qtbot.keyClick(family, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: dialog.discard_box is not None and dialog.discard_box.isVisible())
        box = dialog.discard_box
        assert box is not None and box.text() == "Eingaben verwerfen?"
        assert sorted(b.text() for b in box.buttons()) == ["&Verwerfen", "&Weiter bearbeiten"]
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc: keep editing
        qtbot.waitUntil(lambda: dialog.discard_box is None)
        assert dialog.isVisible() and family.text() == "Neu"
        dialog.done(0)
    finally:
        world.db.close()
