"""The follow-ups area driven by the keyboard: Enter opens the person, Space marks done,
Ctrl+P and a German date postpone."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.datetext import format_date
from mzdesk.core.models import Case, FollowUp, Person, User
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.follow_ups import FollowUpsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[Database, uuid.UUID, dict[str, uuid.UUID]]]:
    day = date.today()  # at the test's time, as the view reads it (not at import)
    database = Database(f"sqlite:///{tmp_path / 'fu.sqlite'}", create=True)
    schema.upgrade(database)
    with database.session() as s:
        me = User(username="mbeispiel", display_name="M. Beispiel")
        first = Person(file_number="MZ-1", family_name="Probe", given_names="Anna")
        second = Person(file_number="MZ-2", family_name="Muster", given_names="Berta")
        s.add_all([me, first, second])
        s.flush()
        c1 = Case(person_id=first.id, counsellor_id=me.id, opened_on=day)
        c2 = Case(person_id=second.id, counsellor_id=me.id, opened_on=day)
        s.add_all([c1, c2])
        s.flush()
        overdue = FollowUp(case_id=c1.id, due_on=day - timedelta(days=2), text="Bescheid")
        today = FollowUp(case_id=c2.id, due_on=day, text="Anruf")
        s.add_all([overdue, today])
        s.commit()
        ids = {"overdue": overdue.id, "today": today.id, "first": first.id, "me": me.id}
    yield database, me.id, ids
    database.close()


def test_keyboard(qtbot: QtBot, db: tuple[Database, uuid.UUID, dict[str, uuid.UUID]]) -> None:
    database, me, ids = db
    opened: list[uuid.UUID] = []
    context = AreaContext(
        session_factory=database.session,
        settings=Settings(),
        user_id=me,
        show_person=opened.append,
    )
    view = FollowUpsView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.waitUntil(lambda: view.due is not None)  # read in the background on show
    assert view.count_label.text().split()[0] == "2"
    view.tree.setFocus()
    assert view.selected_item() is not None and view.selected_item().record_id == ids["overdue"]
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert opened == [ids["first"]]
    qtbot.keyClick(view.tree, Qt.Key.Key_Space)
    with database.session() as s:
        assert s.get(FollowUp, ids["overdue"]).done_at is not None  # type: ignore[union-attr]
    assert view.count_label.text().split()[0] == "1"
    assert view.selected_item() is not None and view.selected_item().record_id == ids["today"]
    qtbot.keyClick(view.tree, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.postpone_edit.hasFocus)
    view.postpone_edit.clear()
    qtbot.keyClicks(view.postpone_edit, "31.02.2030")
    qtbot.keyClick(view.postpone_edit, Qt.Key.Key_Return)
    assert view.message_label.text() and view.postpone_edit.text() == "31.02.2030"  # kept
    view.postpone_edit.clear()
    target = date.today() + timedelta(days=3)
    qtbot.keyClicks(view.postpone_edit, format_date(target))
    qtbot.keyClick(view.postpone_edit, Qt.Key.Key_Return)
    with database.session() as s:
        assert s.get(FollowUp, ids["today"]).due_on == target  # type: ignore[union-attr]
    assert view.count_label.text().split()[0] == "0"
    assert view.selftest().startswith("1 entries")
