"""Follow-ups where the work happens, in the case file, by keyboard (counsellor walk 10, 11):
a contact offers the person's open follow-ups to close ("durch diesen Kontakt erledigt", none
ticked by itself) and names the person and the case in its title; Ctrl+K on a closed case says
why and offers to reopen it or to open a new case; "Wiedervorlage anlegen…" and "erledigt" in
the case file."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import Case, CaseStatus, CaseTopic, Contact, FollowUp, Person, Team, User
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_edit import CaseEditDialog
from mzdesk.ui.dialogs.contact_entry import ContactEntryDialog
from mzdesk.ui.dialogs.follow_up_edit import FollowUpEditDialog
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.person_detail import PersonDetailPane

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

D = TypeVar("D", bound=QWidget)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@dataclass
class World:
    database: Database
    me: uuid.UUID
    sahin: uuid.UUID
    sahin_case: uuid.UUID
    asked: uuid.UUID  # "Bewerbungsstand erfragen", overdue since 24 days
    course: uuid.UUID  # "Sprachkurs anmelden", in a week
    celik: uuid.UUID
    celik_case: uuid.UUID  # closed


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    database = Database(f"sqlite:///{tmp_path / 'desk.sqlite'}", create=True)
    schema.upgrade(database)
    with database.session() as s:
        team = Team(name="Team Nord")
        s.add(team)
        s.flush()
        me = User(username="berater1", display_name="Britt Jessel", team_id=team.id)
        sahin = Person(file_number="MZ-2026-000123", family_name="Şahin", given_names="Kemal")
        celik = Person(file_number="MZ-2026-000124", family_name="Çelik", given_names="Ali")
        s.add_all([me, sahin, celik])
        s.flush()
        case = Case(person_id=sahin.id, counsellor_id=me.id, opened_on=date(2026, 9, 1))
        case.topics.append(CaseTopic(topic_code="WORK"))
        closed = Case(
            person_id=celik.id,
            counsellor_id=me.id,
            opened_on=date(2025, 3, 1),
            status=CaseStatus.CLOSED,
            closed_on=date(2025, 12, 1),
            closing_reason="Arbeit aufgenommen",
        )
        s.add_all([case, closed])
        s.flush()
        asked = FollowUp(
            case_id=case.id,
            assigned_to_id=me.id,
            due_on=date.today() - timedelta(days=24),
            text="Bewerbungsstand erfragen",
        )
        course = FollowUp(
            case_id=case.id,
            assigned_to_id=me.id,
            due_on=date.today() + timedelta(days=7),
            text="Sprachkurs anmelden",
        )
        s.add_all([asked, course])
        s.commit()
        found = World(database, me.id, sahin.id, case.id, asked.id, course.id, celik.id, closed.id)
    yield found
    database.close()


@pytest.fixture
def pane(qtbot: QtBot, world: World) -> PersonDetailPane:
    context = AreaContext(
        session_factory=partial(world.database.session, world.me),
        settings=Settings(),
        user_id=world.me,
    )
    widget = PersonDetailPane(context)
    qtbot.addWidget(widget)
    widget.resize(900, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def when_dialog(kind: type[D], handle: Callable[[D], None]) -> list[D]:
    """Run ``handle`` on the next modal widget of ``kind`` once it is shown (inside exec)."""
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
                if widget.isVisible() and isinstance(widget, QDialog):
                    widget.done(QDialog.DialogCode.Rejected)
        elif not seen:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)
    return seen


def press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key to whatever has the focus in ``widget``'s window, as a person would press it."""
    target = widget.focusWidget() or widget
    QTest.keyClick(target, key, modifiers)


def shortcut(qtbot: QtBot, pane: PersonDetailPane, key: Qt.Key, modifiers: object) -> None:
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    pane.cases_list.setFocus()
    QTest.keyClick(pane.cases_list, key, modifiers)  # type: ignore[arg-type]


def done_at(world: World, follow_up_id: uuid.UUID) -> object:
    with world.database.session() as s:
        found = s.get(FollowUp, follow_up_id)
        assert found is not None
        return found.done_at


def test_a_contact_closes_the_follow_up_ticked_and_names_person_and_case(
    qtbot: QtBot, pane: PersonDetailPane, world: World
) -> None:
    pane.load(world.sahin)

    def contact(dialog: ContactEntryDialog) -> None:
        title = dialog.windowTitle()
        assert "Şahin, Kemal" in title and "MZ-2026-000123" in title, title
        assert "01.09.2026" in title and "Arbeit" in title, title  # which case
        assert "Şahin, Kemal" in dialog.heading.text()
        offered = dialog.offered_follow_ups()
        assert [text for _id, text, _ticked in offered][:1] == ["Bewerbungsstand erfragen"]
        assert not any(ticked for *_rest, ticked in offered)  # offered, not guessed
        dialog.note.setFocus()
        press(dialog, Qt.Key.Key_Tab)  # from the note into the list of open follow-ups
        assert dialog.focusWidget() is dialog.done_list
        press(dialog, Qt.Key.Key_Space)  # the first: the overdue one
        press(dialog, Qt.Key.Key_Tab)  # next follow-up
        QTest.keyClicks(dialog.focusWidget(), "+14")
        press(dialog, Qt.Key.Key_Return)

    seen = when_dialog(ContactEntryDialog, contact)
    shortcut(qtbot, pane, Qt.Key.Key_K, CTRL)
    assert seen and not seen[0].isVisible()
    assert done_at(world, world.asked) is not None  # closed by this contact
    assert done_at(world, world.course) is None  # not ticked: still open
    with world.database.session() as s:
        assert len(s.scalars(select(Contact)).all()) == 1
        open_ones = s.scalars(select(FollowUp).where(FollowUp.done_at.is_(None))).all()
        assert {f.text for f in open_ones} == {"Sprachkurs anmelden", "Wiedervorlage nach Kontakt"}
    assert pane.values["followUps"].text() == "2"  # no longer "(1 überfällig)"


def test_ctrl_k_on_a_closed_case_says_why_and_reopens(
    qtbot: QtBot, pane: PersonDetailPane, world: World
) -> None:
    pane.load(world.celik)
    texts: list[str] = []
    buttons: list[str] = []

    def offer(box: QMessageBox) -> None:
        texts.append(box.text())
        buttons.extend(b.text().replace("&", "") for b in box.findChildren(QPushButton))
        press(box, Qt.Key.Key_Return)  # the default: reopen

    seen = when_dialog(QMessageBox, offer)
    contacts = when_dialog(ContactEntryDialog, lambda dialog: None)  # then the contact opens
    shortcut(qtbot, pane, Qt.Key.Key_K, CTRL)
    assert seen, "Ctrl+K on a closed case said nothing"
    assert "abgeschlossen" in texts[0]
    assert "Fall wieder öffnen" in buttons and "Neuen Fall anlegen" in buttons
    with world.database.session() as s:
        case = s.get(Case, world.celik_case)
        assert case is not None and case.status is not CaseStatus.CLOSED
    qtbot.waitUntil(lambda: bool(contacts))
    entry = pane.selected_case()
    assert entry is not None and entry.status is not CaseStatus.CLOSED


def test_ctrl_k_on_a_closed_case_can_open_a_new_case(
    qtbot: QtBot, pane: PersonDetailPane, world: World
) -> None:
    pane.load(world.celik)

    def offer(box: QMessageBox) -> None:
        new = next(b for b in box.findChildren(QPushButton) if "Neuen Fall" in b.text())
        new.setFocus()
        QTest.keyClick(new, Qt.Key.Key_Space)

    when_dialog(QMessageBox, offer)
    new_case = when_dialog(CaseEditDialog, lambda dialog: None)
    shortcut(qtbot, pane, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: bool(new_case))


def test_wiedervorlage_anlegen_and_erledigt_in_the_case_file(
    qtbot: QtBot, pane: PersonDetailPane, world: World
) -> None:
    pane.load(world.sahin)
    titles: list[str] = []

    def create(dialog: FollowUpEditDialog) -> None:
        titles.append(dialog.windowTitle())
        assert dialog.focusWidget() is dialog.due
        QTest.keyClicks(dialog.due, "+14")
        press(dialog, Qt.Key.Key_Tab)
        QTest.keyClicks(dialog.focusWidget(), "Zeugnis mitbringen")
        press(dialog, Qt.Key.Key_Return)

    seen = when_dialog(FollowUpEditDialog, create)
    shortcut(qtbot, pane, Qt.Key.Key_W, CTRL_SHIFT)
    assert seen and not seen[0].isVisible()
    assert "Şahin, Kemal" in titles[0]
    with world.database.session() as s:
        made = s.scalars(select(FollowUp).where(FollowUp.text == "Zeugnis mitbringen")).one()
        assert made.due_on == date.today() + timedelta(days=14) and made.case_id == world.sahin_case
        assert made.assigned_to_id == world.me
    assert pane.values["followUps"].text().startswith("3")

    # "erledigt": select the overdue follow-up in the timeline, Ctrl+Shift+D
    rows = [pane.timeline.topLevelItem(i) for i in range(pane.timeline.topLevelItemCount())]
    row = next(r for r in rows if r is not None and "Bewerbungsstand" in r.text(2))
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    pane.timeline.setFocus()
    pane.timeline.setCurrentItem(row)
    QTest.keyClick(pane.timeline, Qt.Key.Key_D, CTRL_SHIFT)
    assert done_at(world, world.asked) is not None
    assert done_at(world, world.course) is None
    assert pane.values["followUps"].text() == "2"


def test_a_bad_date_keeps_the_typing(qtbot: QtBot, pane: PersonDetailPane, world: World) -> None:
    pane.load(world.sahin)
    errors: list[str] = []

    def create(dialog: FollowUpEditDialog) -> None:
        QTest.keyClicks(dialog.due, "31.02.2027")
        dialog.subject.setText("Zeugnis mitbringen")
        press(dialog, Qt.Key.Key_Return)
        assert dialog.isVisible()
        errors.append(dialog.error_label.text())
        assert dialog.due.text() == "31.02.2027" and dialog.subject.text() == "Zeugnis mitbringen"

    when_dialog(FollowUpEditDialog, create)
    pane.follow_up_action.trigger()
    assert errors and errors[0] and "\n" not in errors[0]
