"""The case file, driven from the keyboard: select a person, open a case, log a contact
(Ctrl+K, type, Tab, Enter), close it with a reason, reopen it; the timeline shows it all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.models import (
    AuditEntry,
    Case,
    CaseStatus,
    Contact,
    FollowUp,
    Person,
    ResidenceStatus,
    User,
)
from mzdesk.ui.dialogs.case_edit import CaseEditDialog
from mzdesk.ui.dialogs.case_status import CaseStatusDialog
from mzdesk.ui.dialogs.contact_entry import ContactEntryDialog
from mzdesk.ui.dialogs.residence_status import ResidenceStatusDialog
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.clients import ClientsView
from mzdesk.ui.views.person_detail import PersonDetailPane

from .helpers import PersonsDb, build_main_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

D = TypeVar("D", bound=QDialog)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def database(small_db: PersonsDb) -> Iterator[Database]:
    db = Database(small_db.url)
    with db.session() as session:
        session.add(User(username="berater", display_name="Berater Eins"))
        session.commit()
    yield db
    db.close()


@pytest.fixture
def window(qtbot: QtBot, database: Database, settings: Settings) -> Iterator[MainWindow]:
    main = build_main_window(database, settings)
    qtbot.addWidget(main.window)
    main.window.resize(1280, 860)
    main.show()
    qtbot.waitExposed(main.window)
    yield main
    qtbot.waitUntil(lambda: hasattr(main, "person_count"), timeout=10_000)


def clients(window: MainWindow) -> ClientsView:
    view = window.open_area("clients")
    assert isinstance(view, ClientsView)
    return view


def when_dialog(kind: type[D], handle: Callable[[D], None]) -> list[D]:
    """Run ``handle`` on the next modal dialog of ``kind`` once it is shown (inside exec)."""
    seen: list[D] = []

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible() and not seen:
            seen.append(widget)
            widget.activateWindow()
            QTest.qWaitForWindowActive(widget, 30_000)
            try:
                handle(widget)
            finally:  # never leave a modal dialog open: the test would hang in exec()
                if widget.isVisible():
                    widget.done(QDialog.DialogCode.Rejected)
        elif not seen:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)
    return seen


def type_text(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text)


def focused(dialog: QDialog) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None
    return widget


def press(
    dialog: QDialog, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key to whatever has the keyboard focus in the dialog, as a person would press it."""
    QTest.keyClick(focused(dialog), key, modifiers)


def timeline_rows(pane: PersonDetailPane) -> list[tuple[str, str, list[str]]]:
    rows = []
    for index in range(pane.timeline.topLevelItemCount()):
        item: QTreeWidgetItem = pane.timeline.topLevelItem(index)
        children = [item.child(n).text(2) for n in range(item.childCount())]
        rows.append((item.text(1), item.text(2), children))
    return rows


def shortcut(qtbot: QtBot, view: ClientsView, key: Qt.Key, modifiers: object) -> None:
    """A shortcut pressed in the client list (the main window active again after a dialog)."""
    window = view.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view.table.setFocus()
    QTest.keyClick(view.table, key, modifiers)  # type: ignore[arg-type]


def select_first_person(qtbot: QtBot, view: ClientsView) -> Person:
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.file is not None)
    assert view.detail.file is not None
    with view._context.session_factory() as session:
        person = session.get(Person, view.detail.file.person.id)
        assert person is not None
        session.expunge(person)
        return person


def test_a_case_from_the_keyboard(qtbot: QtBot, window: MainWindow, database: Database) -> None:
    view = clients(window)
    pane = view.detail
    assert not pane.contact_action.isEnabled()  # nobody selected
    person = select_first_person(qtbot, view)
    assert person.file_number in pane.title.text()
    assert pane.values["cases"].text() == "0"
    assert pane.contact_action.isEnabled()  # no case yet: Ctrl+K offers a new one
    changed: list[object] = []
    pane.person_changed.connect(changed.append)

    # --- Ctrl+Shift+N: a new case; tick "work" with Space, type goals, Enter
    def new_case(dialog: CaseEditDialog) -> None:
        QTest.keyClick(dialog.counsellor, Qt.Key.Key_Tab)  # into the topics
        assert focused(dialog) is dialog.topics
        press(dialog, Qt.Key.Key_Space)  # the first topic: work
        press(dialog, Qt.Key.Key_Tab)
        type_text(dialog.goals, "Arbeit als Elektriker finden")
        press(dialog, Qt.Key.Key_Return)  # in the goals: a new line is not wanted here either
        if dialog.isVisible():
            QTest.keyClick(dialog.opened, Qt.Key.Key_Return)

    when_dialog(CaseEditDialog, new_case)
    shortcut(qtbot, view, Qt.Key.Key_N, CTRL_SHIFT)
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.person_id == person.id)).one()
        assert [t.topic_code for t in case.topics] == ["WORK"]
        assert case.goals is not None and case.goals.startswith("Arbeit als Elektriker")
    assert changed == [person.id]
    assert pane.values["cases"].text() == "1"
    assert pane.selected_case() is not None
    assert pane.contact_action.isEnabled()

    # --- Ctrl+K: the quick contact entry, keyboard only
    def contact(dialog: ContactEntryDialog) -> None:
        assert focused(dialog) is dialog.when
        assert abs(dialog.when.dateTime().toSecsSinceEpoch() - now_seconds()) < 120  # prefilled
        press(dialog, Qt.Key.Key_Tab)  # channel
        assert focused(dialog) is dialog.channel
        press(dialog, Qt.Key.Key_Down)  # in person -> phone
        press(dialog, Qt.Key.Key_Tab)  # minutes
        type_text(focused(dialog), "25")
        press(dialog, Qt.Key.Key_Tab)  # interpreter
        press(dialog, Qt.Key.Key_Tab)  # topics
        press(dialog, Qt.Key.Key_Down)  # vocational training
        press(dialog, Qt.Key.Key_Space)
        press(dialog, Qt.Key.Key_Tab)  # summary
        type_text(focused(dialog), "Bewerbung besprochen")
        press(dialog, Qt.Key.Key_Tab)  # the confidential note
        assert focused(dialog) is dialog.note
        type_text(dialog.note, "Sorgen wegen der Familie")
        press(dialog, Qt.Key.Key_Tab)  # next follow-up
        type_text(focused(dialog), "+14")
        press(dialog, Qt.Key.Key_Return)

    seen = when_dialog(ContactEntryDialog, contact)
    shortcut(qtbot, view, Qt.Key.Key_K, CTRL)
    assert seen, "Ctrl+K opened no contact entry"
    with database.session() as session:
        stored = session.scalars(select(Contact)).one()
        assert stored.channel == "PHONE" and stored.minutes == 25
        assert stored.summary == "Ausbildung: Bewerbung besprochen"
        assert stored.note == "Sorgen wegen der Familie"
        follow_up = session.scalars(select(FollowUp)).one()
        assert (follow_up.due_on - date.today()).days == 14
    rows = timeline_rows(pane)
    contact_rows = [r for r in rows if "Ausbildung: Bewerbung besprochen" in r[1]]
    assert contact_rows and contact_rows[0][2] == ["Sorgen wegen der Familie"]  # marked note
    assert any("Wiedervorlage" in r[1] or "Follow" in r[0] for r in rows)
    assert pane.values["followUps"].text().startswith("1")

    # --- close with a reason (the status dialog: Down to "closed", Tab, type, Enter)
    def close(dialog: CaseStatusDialog) -> None:
        dialog.status.setFocus()
        press(dialog, Qt.Key.Key_Down)
        assert dialog.chosen() is CaseStatus.CLOSED
        assert dialog.reason.isEnabled()
        press(dialog, Qt.Key.Key_Tab)
        type_text(focused(dialog), "Ausbildung begonnen")
        press(dialog, Qt.Key.Key_Return)

    when_dialog(CaseStatusDialog, close)
    shortcut(qtbot, view, Qt.Key.Key_S, CTRL_SHIFT)
    case_entry = pane.selected_case()
    assert case_entry is not None and case_entry.status is CaseStatus.CLOSED
    assert "Ausbildung begonnen" in pane.case_values["caseStatus"].text()
    assert pane.contact_action.isEnabled()  # closed: Ctrl+K says why, offers to reopen

    # --- reopen with the status button (Tab to it, Space)
    reopen = pane.status_buttons.findChild(QWidget, "to_active")
    assert reopen is not None
    reopen.setFocus()
    QTest.keyClick(reopen, Qt.Key.Key_Space)

    def reopened() -> bool:
        case = pane.selected_case()
        return case is not None and case.status is CaseStatus.ACTIVE

    qtbot.waitUntil(reopened)
    statuses = [text for kind, text, _ in timeline_rows(pane) if "→" in text]
    assert len(statuses) == 2
    assert "Ausbildung begonnen" in statuses[1]  # newest first: reopened above closed
    with database.session() as session:
        views = session.scalars(select(AuditEntry).where(AuditEntry.action == "view")).all()
        assert len(views) >= 4  # each load of the file is an audited view


def now_seconds() -> int:
    from PySide6.QtCore import QDateTime

    return QDateTime.currentDateTime().toSecsSinceEpoch()


def test_esc_asks_before_discarding_typed_input(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    view = clients(window)
    select_first_person(qtbot, view)
    pane = view.detail
    with database.session() as session:
        assert pane.file is not None
        session.add(Case(person_id=pane.file.person.id, opened_on=date(2025, 1, 2)))
        session.commit()
    pane.reload()
    answers: list[str] = []

    def contact(dialog: ContactEntryDialog) -> None:
        dialog.summary.setFocus()
        type_text(dialog.summary, "halb getippt")

        def answer_keep() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            answers.append(box.text())
            box.button(QMessageBox.StandardButton.Cancel).click()  # keep editing

        QTimer.singleShot(50, answer_keep)
        press(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible() and dialog.summary.text() == "halb getippt"
        dialog.channel.setCurrentIndex(-1)  # an impossible channel: the error keeps typing
        dialog.submit()
        assert dialog.isVisible() and dialog.error_label.isVisible()
        assert dialog.summary.text() == "halb getippt"
        dialog.channel.setCurrentIndex(0)
        dialog.follow_up.setText("31.02.")  # half a date: stays, says why
        dialog.submit()
        assert dialog.isVisible() and dialog.follow_up.text() == "31.02."

        def discard() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            box.button(QMessageBox.StandardButton.Discard).click()

        QTimer.singleShot(50, discard)
        press(dialog, Qt.Key.Key_Escape)

    seen = when_dialog(ContactEntryDialog, contact)
    pane.contact_action.trigger()
    assert seen and not seen[0].isVisible()
    assert answers
    with database.session() as session:
        assert session.scalars(select(Contact)).all() == []


def test_residence_status_change_shows_in_the_header(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    view = clients(window)
    person = select_first_person(qtbot, view)
    pane = view.detail

    def change(dialog: ResidenceStatusDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData("AE_25_2"))
        assert dialog.work.currentData() == "ERWERB_ERLAUBT"  # the usual entry preselected
        dialog.valid_from.setText("01.03.2025")
        dialog.valid_until.setFocus()
        type_text(dialog.valid_until, "01.04.2099")
        dialog.category.setCurrentIndex(dialog.category.findData("SGB2"))
        press(dialog, Qt.Key.Key_Return)

    when_dialog(ResidenceStatusDialog, change)
    shortcut(qtbot, view, Qt.Key.Key_A, CTRL_SHIFT)
    with database.session() as session:
        latest = session.scalars(
            select(ResidenceStatus)
            .where(ResidenceStatus.person_id == person.id)
            .order_by(ResidenceStatus.valid_from.desc())
        ).first()
        assert latest is not None and latest.status_code == "AE_25_2"
    assert "01.03.2025 – 01.04.2099" in pane.values["validity"].text()
    assert "SGB" in pane.values["legalCategory"].text()


def test_actions_for_the_menus_and_missing_dialogs(window: MainWindow) -> None:
    pane = clients(window).detail
    shortcuts = {a.text(): a.shortcut().toString() for a in pane.actions()}
    assert "Ctrl+K" in shortcuts.values()
    assert "Ctrl+Shift+N" in shortcuts.values()
    assert "Ctrl+R" in shortcuts.values()
    assert len(pane.actions()) == 10  # with New follow-up, Follow-up done, Record placement
    assert all(not a.isEnabled() for a in pane.actions())  # nobody selected
    assert pane.timeline.model().index(0, 0, QModelIndex()).isValid() is False
