"""The follow-ups area driven by the keyboard: Enter opens the person, Space marks done,
Ctrl+P and a German date postpone."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.datetext import format_date
from mzdesk.core.models import Case, FollowUp, Person, ResidenceStatus, Team, User
from mzdesk.core.models.enums import Role
from mzdesk.core.services import followups
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.follow_ups import FollowUpsView

from .helpers import build_main_window

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


# --- counsellor walk 18: the list by keyboard, undo, headings, the team lead's view ---------


@pytest.fixture
def groups_db(tmp_path: Path) -> Iterator[tuple[Database, dict[str, uuid.UUID]]]:
    """Two teams; in team Nord a lead and two counsellors, in team Süd one counsellor. Anna
    (berater1) has two overdue follow-ups and an expiring document, Berta (berater2) one due
    today, Carla (team Süd) one overdue."""
    TODAY = date.today()  # at the test's time, as the view reads it (not at import)  # noqa: N806
    database = Database(f"sqlite:///{tmp_path / 'groups.sqlite'}", create=True)
    schema.upgrade(database)
    with database.session() as s:
        nord, sued = Team(name="Team Nord"), Team(name="Team Süd")
        s.add_all([nord, sued])
        s.flush()
        lead = User(username="leitung1", display_name="Lea Leitung", role=Role.TEAM_LEAD)
        lead.team_id = nord.id
        one = User(username="berater1", display_name="Britt Jessel", team_id=nord.id)
        two = User(username="berater2", display_name="Leon Graf", team_id=nord.id)
        south = User(username="berater9", display_name="Sina Süd", team_id=sued.id)
        s.add_all([lead, one, two, south])
        s.flush()
        anna = Person(file_number="MZ-1", family_name="Probe", given_names="Anna")
        berta = Person(file_number="MZ-2", family_name="Muster", given_names="Berta")
        carla = Person(file_number="MZ-3", family_name="Beispiel", given_names="Carla")
        s.add_all([anna, berta, carla])
        s.flush()
        c1 = Case(person_id=anna.id, counsellor_id=one.id, opened_on=TODAY)
        c2 = Case(person_id=berta.id, counsellor_id=two.id, opened_on=TODAY)
        c3 = Case(person_id=carla.id, counsellor_id=south.id, opened_on=TODAY)
        s.add_all([c1, c2, c3])
        s.flush()
        first = FollowUp(
            case_id=c1.id, due_on=TODAY - timedelta(days=5), text="Bescheid", assigned_to_id=one.id
        )
        second = FollowUp(
            case_id=c1.id, due_on=TODAY - timedelta(days=1), text="Zeugnis", assigned_to_id=one.id
        )
        berta_today = FollowUp(case_id=c2.id, due_on=TODAY, text="Anruf", assigned_to_id=two.id)
        south_fu = FollowUp(
            case_id=c3.id, due_on=TODAY - timedelta(days=2), text="Süd", assigned_to_id=south.id
        )
        document = ResidenceStatus(
            person_id=anna.id,
            status_code="AE_25_2",
            valid_from=TODAY - timedelta(days=300),
            valid_until=TODAY + timedelta(days=20),
        )
        s.add_all([first, second, berta_today, south_fu, document])
        s.commit()
        ids = {
            "lead": lead.id,
            "one": one.id,
            "south": south.id,
            "anna": anna.id,
            "first": first.id,
            "second": second.id,
            "berta_today": berta_today.id,
            "south_fu": south_fu.id,
        }
    yield database, ids
    database.close()


def _view_for(
    qtbot: QtBot, database: Database, user: uuid.UUID, opened: list[uuid.UUID] | None = None
) -> FollowUpsView:
    context = AreaContext(
        session_factory=partial(database.session, user),
        settings=Settings(),
        user_id=user,
        show_person=(opened if opened is not None else []).append,
    )
    view = FollowUpsView(context)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.waitUntil(lambda: view.due is not None)
    return view


def _record(view: FollowUpsView) -> uuid.UUID | None:
    item = view.selected_item()
    return item.record_id if item is not None else None


def _shown_ids(view: FollowUpsView) -> set[uuid.UUID]:
    return {item.record_id for item in (view.due.items() if view.due else ())}


def test_the_area_opened_by_ctrl_2_has_the_focus_in_the_list(
    qtbot: QtBot, groups_db: tuple[Database, dict[str, uuid.UUID]], settings: Settings
) -> None:
    database, ids = groups_db
    database.acting_user_id = ids["one"]
    main = build_main_window(database, settings)
    qtbot.addWidget(main.window)
    main.window.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main.window)
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    main.navigation.setFocus()
    QTest.keyClick(main.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = main.views.get("follow_ups")
    assert isinstance(view, FollowUpsView)
    qtbot.waitUntil(lambda: view.due is not None)
    qtbot.waitUntil(lambda: main.window.focusWidget() is view.tree)
    assert _record(view) == ids["first"]  # Down/Enter work at once: no Tab needed
    qtbot.waitUntil(lambda: hasattr(main, "person_count"))


def test_home_end_and_arrows_skip_the_headings_enter_opens_the_person(
    qtbot: QtBot, groups_db: tuple[Database, dict[str, uuid.UUID]]
) -> None:
    database, ids = groups_db
    opened: list[uuid.UUID] = []
    view = _view_for(qtbot, database, ids["one"], opened)
    tree = view.tree
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_End)
    assert view.selected_item() is not None  # the document entry, not a heading
    assert view.selected_item().kind is followups.Kind.RESIDENCE  # type: ignore[union-attr]
    QTest.keyClick(tree, Qt.Key.Key_Home)
    assert _record(view) == ids["first"]  # the first entry, not the heading "Überfällig"
    QTest.keyClick(tree, Qt.Key.Key_Down)
    assert _record(view) == ids["second"]
    QTest.keyClick(tree, Qt.Key.Key_Down)  # over the heading of the documents
    assert view.selected_item() is not None
    QTest.keyClick(tree, Qt.Key.Key_Up)
    assert _record(view) == ids["second"]
    QTest.keyClick(tree, Qt.Key.Key_Up)
    QTest.keyClick(tree, Qt.Key.Key_Up)  # at the top: stays on the first entry
    assert _record(view) == ids["first"]
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert opened == [ids["anna"]]


def test_group_headings_are_not_cut(
    qtbot: QtBot, groups_db: tuple[Database, dict[str, uuid.UUID]]
) -> None:
    database, ids = groups_db
    view = _view_for(qtbot, database, ids["one"])
    tree = view.tree
    headings = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert any("Aufenthaltstitel" in h.text(0) for h in headings if h is not None)
    for row, heading in enumerate(headings):
        assert heading is not None
        # spanning the whole row: "Ablaufende Aufenthaltstitel (1)" is not cut to the column
        assert tree.isFirstColumnSpanned(row, QModelIndex()), heading.text(0)
        width = tree.fontMetrics().horizontalAdvance(heading.text(0))
        assert width < tree.viewport().width() - tree.indentation()


def test_space_then_ctrl_z_or_the_undo_bar_brings_it_back(
    qtbot: QtBot, groups_db: tuple[Database, dict[str, uuid.UUID]]
) -> None:
    database, ids = groups_db
    view = _view_for(qtbot, database, ids["one"])
    tree = view.tree
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Home)
    QTest.keyClick(tree, Qt.Key.Key_Space)
    assert ids["first"] not in _shown_ids(view)
    assert view.undo_bar.isVisible() and "Rückgängig" in view.undo_button.text()
    assert "Bescheid" in view.undo_label.text()
    QTest.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ids["first"] in _shown_ids(view)
    assert _record(view) == ids["first"]  # back where it was, selected
    assert not view.undo_bar.isVisible()
    with database.session() as s:
        assert s.get(FollowUp, ids["first"]).done_at is None  # type: ignore[union-attr]
    # again, undone with the bar's button by keyboard this time
    QTest.keyClick(tree, Qt.Key.Key_Space)
    assert ids["first"] not in _shown_ids(view)
    view.undo_button.setFocus()
    QTest.keyClick(view.undo_button, Qt.Key.Key_Space)
    assert ids["first"] in _shown_ids(view)
    assert tree.hasFocus()


def test_a_team_lead_sees_the_teams_follow_ups(
    qtbot: QtBot, groups_db: tuple[Database, dict[str, uuid.UUID]]
) -> None:
    database, ids = groups_db
    lead = _view_for(qtbot, database, ids["lead"])
    assert lead.team_toggle.isVisible() and lead.team_toggle.isChecked()
    team = {ids["first"], ids["second"], ids["berta_today"]}
    assert team <= _shown_ids(lead)
    assert ids["south_fu"] not in _shown_ids(lead)  # another team's
    names = {lead.tree.topLevelItem(0).child(n).text(4) for n in range(2)}  # type: ignore[union-attr]
    assert names == {"Britt Jessel"}  # whose it is
    documents = lead.tree.topLevelItem(lead.tree.topLevelItemCount() - 1)
    assert documents is not None and "Aufenthaltstitel" in documents.text(0)
    assert documents.child(0).text(4) == "Britt Jessel"  # Anna's counsellor
    lead.team_toggle.setFocus()
    QTest.keyClick(lead.team_toggle, Qt.Key.Key_Space)  # only mine: a lead counsels none here
    qtbot.waitUntil(lambda: not lead.team_toggle.isChecked() and not _shown_ids(lead))
    south = _view_for(qtbot, database, ids["south"])
    assert not south.team_toggle.isVisible()
    assert _shown_ids(south) == {ids["south_fu"]}
