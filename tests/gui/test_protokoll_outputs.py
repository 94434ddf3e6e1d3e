"""The Protokoll lists what left through the window, in German words (counsellor-walk item 2).

A team lead, in the main window and by keyboard where the window allows it: prints a referral
letter and saves it as PDF (Referrals, Ctrl+L, Ctrl+P, Ctrl+S), exports the statistics as
Excel (Statistics) and an event kit (Events). The Protokoll (as that lead) then shows each of
them with a German label and readable details: the partner by name, the data categories by
their German labels, no codes and no JSON.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from mzdesk.core.models import Event, EventOrganiser, Team, User
from mzdesk.core.services import referrals
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.dialogs.kit_actions import PassphraseDialog
from mzdesk.ui.dialogs.letter_preview import LetterPreviewDialog
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.operations import running_count
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.audit import AuditView
from mzdesk.ui.views.events import EventsView
from mzdesk.ui.views.referrals import ReferralsView
from mzdesk.ui.views.statistics import StatisticsView

from .letters_world import World, add_consent, build_world

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

PASSPHRASE = "Messe im Kreishaus 2025"


def _team_and_event(world: World) -> uuid.UUID:
    with world.db.session() as s:
        team = Team(name="Team Nord")
        s.add(team)
        s.flush()
        for user_id in (world.lead_id, world.counsellor_id):
            user = s.get(User, user_id)
            assert user is not None
            user.team_id = team.id
        event = Event(name="Jobmesse", starts_on=date(2025, 5, 14), place="Kreishaus")
        event.team_id = team.id
        s.add(event)
        s.flush()
        event.organisers = [EventOrganiser(user_id=world.lead_id)]
        s.commit()
        return event.id


@pytest.fixture
def lead_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[MainWindow, World]]:
    world = build_world(tmp_path / "window.sqlite")
    _team_and_event(world)
    add_consent(world, ("AA",), ["IDENTITY", "LANGUAGES"])
    with world.db.session(world.counsellor_id) as s:
        referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=world.agency_id,
            purpose="Beratung zur Arbeitsaufnahme",
            created_by_id=world.counsellor_id,
        )
        s.commit()
    lead = world.lead_id
    context = AreaContext(lambda: world.db.session(lead), Settings(), "de", user_id=lead)
    main = MainWindow(world.db, context, registry.areas())
    qtbot.addWidget(main.window)
    main.window.resize(1280, 860)
    main.show()
    qtbot.waitExposed(main.window)
    yield main, world
    qtbot.waitUntil(lambda: running_count() == 0, timeout=20_000)


def _area(qtbot: QtBot, main: MainWindow, key: str) -> None:
    """View → the area, by its Ctrl+<number> shortcut."""
    number = main.area_keys().index(key) + 1
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    qtbot.keyClick(main.window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: key in main.views and main.stack.currentWidget() is main.views[key])


def _click_first_row(qtbot: QtBot, table: QTableView) -> None:
    model = table.model()
    assert model is not None
    where = table.visualRect(model.index(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def _answer_modal(kind: type, answer: Callable[[QDialog], None]) -> None:
    """Answer the next modal dialog of ``kind`` as a person would, once it shows."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            answer(dialog)  # type: ignore[arg-type]
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def test_the_protokoll_lists_print_pdf_export_and_kit_in_german(
    qtbot: QtBot,
    lead_window: tuple[MainWindow, World],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main, _world = lead_window
    saved = {"letter": tmp_path / "brief.pdf", "xlsx": tmp_path / "statistik.xlsx"}
    kit = tmp_path / "messe.mzkit"
    printed = tmp_path / "gedruckt.pdf"
    answers = iter([saved["letter"], saved["xlsx"], kit])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(next(answers)), ""))

    def print_dialog(dialog: QPrintDialog) -> int:  # "print to file (PDF)", OK
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", print_dialog)

    # Referrals: choose the draft, open its letter, print it, save it as PDF, close
    _area(qtbot, main, "referrals")
    view = main.views["referrals"]
    assert isinstance(view, ReferralsView)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    _click_first_row(qtbot, view.table)
    qtbot.waitUntil(lambda: view.selected_referral() is not None)
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LetterPreviewDialog))
    preview = QApplication.activeModalWidget()
    assert isinstance(preview, LetterPreviewDialog)
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(printed.exists)
    qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(saved["letter"].exists)
    qtbot.keyClick(preview, Qt.Key.Key_Escape)  # closed (and deleted)
    qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), LetterPreviewDialog))

    # Statistics: compute the year, export the workbook
    _area(qtbot, main, "statistics")
    stats = main.views["statistics"]
    assert isinstance(stats, StatisticsView)
    stats.year_spin.setValue(2025)
    qtbot.mouseClick(stats.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stats.report is not None and running_count() == 0, timeout=20_000)
    qtbot.mouseClick(stats.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved["xlsx"].exists() and running_count() == 0, timeout=20_000)

    # Events: the fair, "Kit exportieren…", the passphrase twice, the message closed
    _area(qtbot, main, "events")
    events = main.views["events"]
    assert isinstance(events, EventsView)
    qtbot.waitUntil(lambda: events.model.rowCount() == 1)
    _click_first_row(qtbot, events.table)
    qtbot.waitUntil(lambda: events.selected_event_id() is not None)

    def type_passphrase(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog) and dialog.repeat is not None
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.keyClicks(dialog.repeat, PASSPHRASE)
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)

    _answer_modal(PassphraseDialog, type_passphrase)
    _answer_modal(QMessageBox, lambda box: box.accept())
    qtbot.mouseClick(events.buttons["exportKit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kit.exists() and running_count() == 0, timeout=30_000)
    qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), QMessageBox))

    # The Protokoll, refreshed with F5
    _area(qtbot, main, "audit")
    audit = main.views["audit"]
    assert isinstance(audit, AuditView)
    qtbot.keyClick(audit.table, Qt.Key.Key_F5)
    model = audit.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    rows = {
        str(model.index(row, 3).data()): str(model.index(row, 6).data(Qt.ItemDataRole.ToolTipRole))
        for row in range(model.rowCount())
    }
    records = {
        str(model.index(row, 3).data()): str(model.index(row, 4).data())
        for row in range(model.rowCount())
    }
    for label in (
        "Brief gedruckt",
        "Brief als PDF gespeichert",
        "Statistik exportiert (Excel)",
        "Veranstaltungsmappe exportiert",
    ):
        assert label in rows, sorted(rows)
    for label in ("Brief gedruckt", "Brief als PDF gespeichert"):
        assert "Agentur für Arbeit Musterstadt" in rows[label]  # the partner by name
        assert "Name und Geburtsdatum, Sprachkenntnisse" in rows[label]
    assert "2025" in rows["Statistik exportiert (Excel)"]
    assert records["Veranstaltungsmappe exportiert"] == "Veranstaltung Jobmesse"
    assert "Personen: 0" in rows["Veranstaltungsmappe exportiert"]
    for details in rows.values():
        assert "{" not in details and "_id" not in details and "IDENTITY" not in details
