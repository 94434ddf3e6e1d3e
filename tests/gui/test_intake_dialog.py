"""Intake, edit and merge in the clients area, driven the way a counsellor uses the keyboard.

Typing goes to whatever widget has the focus; Tab moves on in the form's tab order; Enter
saves. Non-ASCII letters (ü, ğ, Cyrillic) are sent as key events with their text (style.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import Person, ResidenceStatus
from mzdesk.core.services.intake import PersonInput, create_person, edit_person, load_input
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.duplicates import DuplicatesDialog
from mzdesk.ui.dialogs.intake import OPENED_EXISTING, IntakeDialog
from mzdesk.ui.dialogs.merge import MergeDialog
from mzdesk.ui.models.person_table import Column
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.clients import ClientsView

# The offscreen platform says so when windows and the completer popup are shown; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

OLENA = PersonInput(
    family_name="Kovalenko",
    given_names="Olena",
    birth_date="14.03.1988",
    nationalities=("UKR",),
    residence_status="AE_24",
)
AGAOGLU = PersonInput(
    family_name="Agaoglu", given_names="Yusuf", birth_date="02.02.1979", nationalities=("TUR",)
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'intake.sqlite'}", create=True)
    schema.upgrade(db)
    with db.session() as session:
        for data in (OLENA, AGAOGLU, PersonInput(family_name="Haddad", given_names="Samir")):
            create_person(session, data)
        session.commit()
    yield db
    db.close()


@pytest.fixture
def shown_persons() -> list[uuid.UUID]:
    return []


@pytest.fixture
def view(
    qtbot: QtBot, database: Database, settings: Settings, shown_persons: list[uuid.UUID]
) -> ClientsView:
    context = AreaContext(database.session, settings, "de", show_person=shown_persons.append)
    clients = ClientsView(context)
    qtbot.addWidget(clients)
    clients.resize(1100, 700)
    clients.show()
    qtbot.waitExposed(clients)
    return clients


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(text: str) -> None:
    """Type into the focused widget, one key at a time (non-ASCII with its text)."""
    for char in text:
        if char.isascii():
            QTest.keyClick(focused(), char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                focused(),
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def tab_to(dialog: IntakeDialog, name: str) -> None:
    """Press Tab until the named field has the focus (as a person tabs through a form)."""
    target = dialog.widget(name)
    for _ in range(40):
        if focused() is target or focused().parent() is target:
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}; stuck at {focused().objectName()}")


def focus_list(qtbot: QtBot, view: ClientsView) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()


def wait_open(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)


def open_intake(qtbot: QtBot, view: ClientsView) -> IntakeDialog:
    focus_list(qtbot, view)
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(view.dialog, IntakeDialog)
    dialog = view.dialog
    wait_open(qtbot, dialog)
    qtbot.waitUntil(lambda: focused() is dialog.widget("familyNameEdit"))
    return dialog


def wait_for_duplicates(qtbot: QtBot, dialog: IntakeDialog) -> DuplicatesDialog:
    qtbot.waitUntil(lambda: dialog.duplicates_dialog is not None, timeout=5000)
    assert dialog.duplicates_dialog is not None
    qtbot.waitExposed(dialog.duplicates_dialog)
    return dialog.duplicates_dialog


def count_persons(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)


def test_intake_by_keyboard_warns_of_a_transliteration_variant_and_opens_it(
    qtbot: QtBot, view: ClientsView, database: Database, shown_persons: list[uuid.UUID]
) -> None:
    dialog = open_intake(qtbot, view)
    type_text("Kovalenko")
    press(Qt.Key.Key_Tab)
    type_text("Elena")  # Olena is on file
    press(Qt.Key.Key_Tab)
    type_text("Коваленко")
    press(Qt.Key.Key_Tab)
    type_text("Олена")
    press(Qt.Key.Key_Tab)
    type_text("14.03.1988")
    press(Qt.Key.Key_Tab)  # the placeholder box is off for a 14 March: skipped
    assert focused() is dialog.widget("sexCombo")
    tab_to(dialog, "nationality1Combo")
    type_text("Ukraine")
    tab_to(dialog, "streetEdit")
    type_text("Müllerstraße 5")
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.widget("postcodeEdit")
    type_text("54290")
    press(Qt.Key.Key_Tab)
    type_text("Neustadt")
    press(Qt.Key.Key_Return)  # Enter saves: first the duplicate check

    duplicates = wait_for_duplicates(qtbot, dialog)
    with database.session() as session:
        olena = session.scalars(select(Person).where(Person.given_names == "Olena")).one()
    assert [c.person_id for c in duplicates.candidates] == [olena.id]
    assert duplicates.table.item(0, 0).text() == olena.file_number
    assert "birth_date" in duplicates.candidates[0].reasons
    assert count_persons(database) == 3  # nothing saved yet

    qtbot.mouseClick(duplicates.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == OPENED_EXISTING
    assert shown_persons == [olena.id]
    assert count_persons(database) == 3


def test_save_anyway_keeps_every_typed_letter(
    qtbot: QtBot, view: ClientsView, database: Database
) -> None:
    dialog = open_intake(qtbot, view)
    type_text("Ağaoğlu")
    press(Qt.Key.Key_Tab)
    type_text("Yousef")
    tab_to(dialog, "birthDateEdit")
    type_text("02.02.1979")
    press(Qt.Key.Key_Return)
    duplicates = wait_for_duplicates(qtbot, dialog)
    assert duplicates.table.rowCount() == 1
    # Back to the form first: everything typed is still there.
    qtbot.mouseClick(duplicates.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused() is dialog.widget("birthDateEdit")  # where the cursor was at Enter
    assert dialog.isVisible() and dialog.edit("familyNameEdit").text() == "Ağaoğlu"
    assert count_persons(database) == 3

    press(Qt.Key.Key_Return)
    duplicates = wait_for_duplicates(qtbot, dialog)
    qtbot.mouseClick(duplicates.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.session() as session:
        saved = session.get(Person, dialog.saved_person_id)
        assert saved is not None
        assert (saved.family_name, saved.given_names) == ("Ağaoğlu", "Yousef")
    assert count_persons(database) == 4
    assert view.detail.values["name"].text() == "Ağaoğlu, Yousef"  # the list shows the new one


def test_a_half_typed_date_shows_the_error_under_the_field_and_keeps_the_text(
    qtbot: QtBot, view: ClientsView, database: Database
) -> None:
    dialog = open_intake(qtbot, view)
    type_text("Öztürk")
    tab_to(dialog, "birthDateEdit")
    type_text("24.11.")
    press(Qt.Key.Key_Tab)  # leaving the field checks it at once
    birth = dialog.edit("birthDateEdit")
    assert birth.text() == "24.11."
    assert "Das Jahr fehlt" in dialog.error_text("birth_date")
    assert birth.property("invalid") is True
    assert dialog.errors["birth_date"].isVisible()

    birth.setFocus()
    press(Qt.Key.Key_Return)  # Enter: refused, the focus goes to the bad field
    assert dialog.isVisible() and focused() is birth
    assert count_persons(database) == 3

    press(Qt.Key.Key_End)
    type_text("1990")  # typing on clears the message as soon as the date is whole
    assert dialog.error_text("birth_date") == ""
    assert birth.property("invalid") is False
    assert dialog.placeholder_check.isEnabled() is False  # 24.11. is no placeholder
    birth.selectAll()
    type_text("01.01.1990")
    assert dialog.placeholder_check.isEnabled()


def test_esc_asks_before_throwing_typing_away(qtbot: QtBot, view: ClientsView) -> None:
    dialog = open_intake(qtbot, view)
    type_text("Rahimi")
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_box is not None and dialog.discard_box.isVisible())
    box = dialog.discard_box
    assert box is not None
    QTest.keyClick(box, Qt.Key.Key_Escape)  # "no": keep editing
    qtbot.waitUntil(lambda: dialog.discard_box is None)
    assert dialog.isVisible() and dialog.edit("familyNameEdit").text() == "Rahimi"

    dialog.edit("familyNameEdit").setFocus()
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_box is not None and dialog.discard_box.isVisible())
    box = dialog.discard_box
    assert box is not None
    discard = box.button(QMessageBox.StandardButton.Discard)
    assert discard is not None
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    empty = open_intake(qtbot, view)  # nothing typed: Esc closes at once
    press(Qt.Key.Key_Escape)
    assert not empty.isVisible() and empty.discard_box is None


def select_row_of(view: ClientsView, family_name: str, *, add: bool = False) -> None:
    for row in range(view.model.rowCount()):
        if str(view.model.index(row, Column.NAME).data()).startswith(family_name):
            rect = view.table.visualRect(view.model.index(row, Column.NAME))
            modifier = (
                Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
            )
            QTest.mouseClick(
                view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center()
            )
            return
    raise AssertionError(f"{family_name} is not in the list")


def test_f2_edits_and_a_concurrent_save_shows_the_diff(
    qtbot: QtBot, view: ClientsView, database: Database
) -> None:
    select_row_of(view, "Kovalenko")
    focus_list(qtbot, view)
    press(Qt.Key.Key_F2)
    dialog = view.dialog
    assert isinstance(dialog, IntakeDialog)
    wait_open(qtbot, dialog)
    assert dialog.edit("givenNamesEdit").text() == "Olena"
    assert dialog.edit("birthDateEdit").text() == "14.03.1988"
    assert dialog.combo("nationality1Combo").currentText() == "Ukraine"
    person_id = dialog._person_id
    assert person_id is not None

    tab_to(dialog, "phoneEdit")
    type_text("0176 5550100")
    # Meanwhile a colleague saves the same person with another phone number.
    with database.session() as session:
        shown = load_input(session, person_id)
        edit_person(session, person_id, {"phone": "0151 7770000"}, shown.version)
        session.commit()
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None)
    conflict = dialog.conflict_dialog
    assert conflict is not None
    assert conflict.table.rowCount() == 1
    assert [conflict.table.item(0, c).text() for c in (1, 2)] == ["0176 5550100", "0151 7770000"]
    QTest.keyClick(conflict, Qt.Key.Key_Return)  # the default is "keep editing"
    assert dialog.isVisible() and dialog.edit("phoneEdit").text() == "0176 5550100"

    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None)
    conflict = dialog.conflict_dialog
    assert conflict is not None
    qtbot.mouseClick(conflict.theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.edit("phoneEdit").text() == "0151 7770000"  # their value, reloaded

    dialog.edit("cityEdit").setFocus()
    type_text("Seefeld")
    status = dialog.combo("statusCombo")
    status.setCurrentIndex(status.findData("NE"))
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with database.session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        assert (person.phone, person.city) == ("0151 7770000", "Seefeld")
        history = session.scalars(
            select(ResidenceStatus.status_code)
            .where(ResidenceStatus.person_id == person_id)
            .order_by(ResidenceStatus.created_at)
        ).all()
        assert history == ["AE_24", "NE"]


def test_overwrite_with_mine_after_a_conflict(
    qtbot: QtBot, view: ClientsView, database: Database
) -> None:
    select_row_of(view, "Haddad")
    view.edit_action.trigger()
    dialog = view.dialog
    assert isinstance(dialog, IntakeDialog)
    wait_open(qtbot, dialog)
    person_id = dialog._person_id
    assert person_id is not None
    dialog.edit("emailEdit").setFocus()
    type_text("samir@example.org")
    with database.session() as session:
        shown = load_input(session, person_id)
        edit_person(session, person_id, {"email": "other@example.org"}, shown.version)
        session.commit()
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None)
    assert dialog.conflict_dialog is not None
    qtbot.mouseClick(dialog.conflict_dialog.overwrite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with database.session() as session:
        assert session.get(Person, person_id).email == "samir@example.org"  # type: ignore[union-attr]


def test_merge_two_selected_persons(qtbot: QtBot, view: ClientsView, database: Database) -> None:
    with database.session() as session:
        twin = create_person(session, replace(OLENA, given_names="Olena", phone="0176 1234567"))
        session.commit()
        twin_id = twin.id
        olena_id = session.scalars(
            select(Person.id).where(Person.given_names == "Olena", Person.id != twin_id)
        ).one()
    view.model.reload()
    view.model.fetchMore(QModelIndex())
    assert not view.merge_action.isEnabled()
    rows = [
        row
        for row in range(view.model.rowCount())
        if str(view.model.index(row, Column.NAME).data()).startswith("Kovalenko")
    ]
    assert len(rows) == 2
    for number, row in enumerate(rows):
        rect = view.table.visualRect(view.model.index(row, Column.NAME))
        modifier = Qt.KeyboardModifier.ControlModifier if number else Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert view.merge_action.isEnabled() and not view.edit_action.isEnabled()
    focus_list(qtbot, view)
    press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = view.dialog
    assert isinstance(dialog, MergeDialog)
    wait_open(qtbot, dialog)
    assert dialog.table.item(0, 0).text() < dialog.table.item(0, 1).text()  # older file first
    assert dialog.keep.id == olena_id
    assert dialog.table.item(5, 1).text() == "0176 1234567"  # the phone row, side by side

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible())
    box = dialog.confirm_box
    assert box is not None
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    qtbot.waitUntil(lambda: view.dialog is None, timeout=5000)
    with database.session() as session:
        merged = session.get(Person, twin_id)
        kept = session.get(Person, olena_id)
        assert merged is not None and kept is not None
        assert merged.merged_into_id == olena_id
        assert kept.phone == "0176 1234567"  # filled from the other
    names = [str(view.model.index(r, Column.NAME).data()) for r in range(view.model.rowCount())]
    assert sum(name.startswith("Kovalenko") for name in names) == 1


def test_lives_with_finds_the_household_member_by_name(
    qtbot: QtBot, view: ClientsView, database: Database
) -> None:
    dialog = open_intake(qtbot, view)
    type_text("Kovalenko")
    press(Qt.Key.Key_Tab)
    type_text("Taras")
    tab_to(dialog, "birthDateEdit")
    type_text("11.04.2010")
    tab_to(dialog, "householdEdit")
    type_text("kovalenko ol")
    popup = dialog.household_completer.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    with database.session() as session:
        olena = session.scalars(select(Person).where(Person.given_names == "Olena")).one()
    qtbot.waitUntil(lambda: dialog.edit("householdEdit").text() == olena.file_number)
    assert dialog.isVisible()  # Enter chose the person, it did not save the form
    press(Qt.Key.Key_Return)  # now Enter saves
    qtbot.waitUntil(lambda: count_persons(database) == 4, timeout=5000)
    with database.session() as session:
        taras = session.scalars(select(Person).where(Person.given_names == "Taras")).one()
        olena = session.get(Person, olena.id)
        assert taras is not None and olena is not None
        assert taras.household_id is not None and taras.household_id == olena.household_id


def test_a_pasted_direction_override_is_refused_under_the_field(
    qtbot: QtBot, view: ClientsView, database: Database
) -> None:
    """Security review F12: a right-to-left override pasted into a name (it would show
    "Aliabc" as "Alicba") is named under the field; Enter saves nothing."""
    dialog = open_intake(qtbot, view)
    clipboard = QApplication.clipboard()
    assert clipboard is not None
    clipboard.setText("Ali\u202eabc")
    press(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.edit("familyNameEdit").text() == "Ali\u202eabc"
    press(Qt.Key.Key_Tab)
    shown = dialog.error_text("family_name")
    assert "unsichtbares Steuerzeichen für die Schreibrichtung (U+202E) an Stelle 4" in shown
    dialog.edit("familyNameEdit").setFocus()
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and count_persons(database) == 3
