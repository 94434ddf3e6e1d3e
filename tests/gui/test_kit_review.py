"""The kit review area by keyboard: decide conflicts (Ctrl+1 / Ctrl+2), link a duplicate."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.kits import crypto, export_kit, merge_kit, open_kit, return_kit
from mzdesk.core.models import MergeConflict, Person
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.kit_review import FIELD_ROLE, KitReviewView
from tests.integration.kit_world import build_office, register_attendee

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
PASS = "review-test"


def merged_office(tmp_path: Path) -> tuple[Database, list[object]]:
    office = f"sqlite:///{tmp_path / 'office.sqlite'}"
    world = build_office(office, attendees=3, others=2)
    with Database(office) as database, database.session() as session:
        kit = export_kit(session, world.event_id, PASS, log_n=crypto.MIN_LOG_N)
    laptop = f"sqlite:///{tmp_path / 'laptop.sqlite'}"
    open_kit(kit, PASS, laptop)
    with Database(laptop) as database, database.session() as session:
        first, second = (session.get(Person, world.attendees[n]) for n in (0, 1))
        assert first is not None and second is not None
        first.city, second.phone = "Laptopstadt", "0170 999"
        register_attendee(session, world.event_id, 600, "Andere0", "Person0", date(1970, 6, 2))
        session.commit()
        back = return_kit(session, world.event_id, PASS, log_n=crypto.MIN_LOG_N)
        session.commit()
    database = Database(office)
    with database.session() as session:
        first, second = (session.get(Person, world.attendees[n]) for n in (0, 1))
        assert first is not None and second is not None
        first.city, second.phone = "Bürostadt", "0160 111"
        session.commit()
        merge_kit(session, back, PASS)
        session.commit()
    return database, [world.attendees[0], world.attendees[1], world.others[0]]


def test_conflicts_and_duplicates_by_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    database, (first, second, known) = merged_office(tmp_path)
    context = AreaContext(session_factory=database.session, settings=Settings())
    view = KitReviewView(context)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    assert view.conflicts.rowCount() == 2
    rows = {view.conflicts.item(r, 1).data(FIELD_ROLE): r for r in range(2)}
    town = QCoreApplication.translate("RecordFields", "Town")
    assert view.conflicts.item(rows["city"], 1).text() == town  # "Ort", not "city"
    assert view.conflicts.item(rows["city"], 2).text() == "Bürostadt"
    assert view.conflicts.item(rows["city"], 3).text() == "Laptopstadt"
    if os.environ.get("KIT_SCREENSHOT"):
        view.grab().save(os.environ["KIT_SCREENSHOT"])

    view.conflicts.setFocus()
    qtbot.keyClick(view.conflicts, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    top_field = view.conflicts.item(0, 1).data(FIELD_ROLE)
    qtbot.keyClick(view.conflicts, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # kit
    qtbot.waitUntil(lambda: view.conflicts.rowCount() == 1)
    qtbot.keyClick(view.conflicts, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # office
    qtbot.waitUntil(lambda: view.conflicts.rowCount() == 0)
    with database.session() as session:
        a, b = session.get(Person, first), session.get(Person, second)
        assert a is not None and b is not None
        if top_field == "city":
            assert (a.city, b.phone) == ("Laptopstadt", "0160 111")
        else:
            assert (a.city, b.phone) == ("Bürostadt", "0170 999")
        decided = session.scalars(
            select(MergeConflict).where(MergeConflict.entity == "persons")
        ).all()
        assert sorted(c.resolution or "" for c in decided) == ["kit", "office"]

    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # the duplicates tab
    assert view.tabs.currentIndex() == 1
    assert view.duplicates.topLevelItemCount() == 1
    candidate = view.duplicates.currentItem()
    assert candidate is not None and candidate.parent() is not None
    assert candidate.text(0).startswith("MZ-2025-000100 Andere0")
    assert re.fullmatch(r"\d{1,3} ?%", candidate.text(1))  # "78 %", not "0.78"
    same_birth = QCoreApplication.translate("KitReviewView", "same date of birth")
    assert same_birth in candidate.text(2).split(", ")  # words, not "birth_date"
    header = view.duplicates.header()
    score_title = view.duplicates.headerItem().text(1)
    assert header.sectionSize(1) >= header.fontMetrics().horizontalAdvance(score_title)
    view.duplicates.setFocus()
    qtbot.keyClick(view.duplicates, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.duplicates.topLevelItemCount() == 0)
    with database.session() as session:
        new = session.scalars(select(Person).where(Person.file_number == "MZ-2025-000600")).one()
        assert new.merged_into_id == known
        row = session.scalars(
            select(MergeConflict).where(MergeConflict.entity == "person_duplicate")
        ).one()
        assert row.resolution == "linked" and json.loads(row.kit_value or "{}")["score"] >= 0.75
    database.close()
