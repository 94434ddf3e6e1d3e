"""Input manners: the mouse wheel never changes a value it passes over; dates are typed as
text (``+14``) and Tab goes on; Ctrl+N after a search that found nobody takes the name.

Real events: a ``QWheelEvent`` sent to the spin box, keys typed with qtbot.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import Person
from mzdesk.ui import app as mzdesk_app
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.consents import ConsentEditDialog
from mzdesk.ui.dialogs.intake import IntakeDialog, split_typed_name
from mzdesk.ui.dialogs.settings import SettingsDialog
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.clients import ClientsView
from mzdesk.ui.views.events import NewEventDialog

from .letters_world import build_world

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'manners.sqlite'}", create=True)
    schema.upgrade(db)
    with db.session() as session:
        session.add(Person(family_name="Haddad", given_names="Amal", file_number="MZ-2026-0001"))
        session.commit()
    yield db
    db.close()


def wheel(widget: QWidget, steps: int = -3) -> QWheelEvent:
    """Turn the wheel over the middle of ``widget`` (negative: towards the user, "down")."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def test_the_wheel_over_a_settings_spin_box_changes_nothing(
    qtbot: QtBot, database: Database
) -> None:
    mzdesk_app.application()  # the QApplication as mzdesk sets it up (the guard with it)
    dialog = SettingsDialog(AreaContext(database.session, Settings()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    retention = next(
        field.editor
        for key, field in dialog.fields.items()
        if isinstance(field.editor, QSpinBox) and "retention" in key
    )
    assert isinstance(retention, QSpinBox)
    before = retention.value()
    assert before > 1
    assert retention.focusPolicy() == Qt.FocusPolicy.StrongFocus  # no focus by the wheel
    assert not retention.hasFocus()
    wheel(retention)  # scrolling the page past it
    wheel(retention.lineEdit())
    assert retention.value() == before
    # clicked into (or tabbed to), the wheel works as usual
    retention.setFocus()
    qtbot.waitUntil(retention.hasFocus)
    wheel(retention, steps=-1)
    assert retention.value() == before - 1
    dialog.reject()


def test_the_event_date_takes_plus_14_and_tab_goes_to_the_place(
    qtbot: QtBot, database: Database
) -> None:
    dialog = NewEventDialog(database.session, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setFocus()
    qtbot.waitUntil(dialog.name_edit.hasFocus)
    qtbot.keyClicks(dialog.name_edit, "Jobmesse Kreishaus")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.date_edit
    assert dialog.date_edit.placeholderText() == "TT.MM.JJJJ oder +14"
    dialog.date_edit.selectAll()
    qtbot.keyClicks(dialog.date_edit, "+14")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.place_edit  # not the month of a spin box
    qtbot.keyClicks(dialog.place_edit, "Stadthalle Musterstadt")
    assert dialog.place_edit.text() == "Stadthalle Musterstadt"
    values = dialog.values()
    assert values["starts_on"] == date.today() + timedelta(days=14)
    assert values["place"] == "Stadthalle Musterstadt"
    dialog.date_edit.setText("31.02.2026")
    with pytest.raises(Exception, match=r"31\.02\.2026") as refused:
        dialog.values()
    assert getattr(refused.value, "german", "").startswith("Datum:")  # one German line
    assert dialog.date_edit.text() == "31.02.2026"  # the typing stays


def test_the_consent_dates_are_typed_and_tab_goes_on(qtbot: QtBot, tmp_path: Path) -> None:
    world = build_world(tmp_path / "consent.sqlite")
    try:
        dialog = ConsentEditDialog(None, world.context(world.counsellor_id), world.person_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.given_date.text() == date.today().strftime("%d.%m.%Y")
        dialog.given_date.setFocus()
        qtbot.waitUntil(dialog.given_date.hasFocus)
        dialog.given_date.selectAll()
        qtbot.keyClicks(dialog.given_date, "+0")
        qtbot.keyClick(dialog.given_date, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.expires_check
        qtbot.keyClick(dialog.expires_check, Qt.Key.Key_Space)
        assert dialog.expires_date.isEnabled()
        qtbot.keyClick(dialog.expires_check, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.expires_date
        dialog.expires_date.selectAll()
        qtbot.keyClicks(dialog.expires_date, "24.11")  # half a date: said, kept
        dialog.save()
        assert "unvollständig" in dialog.message_label.text()
        assert dialog.expires_date.text() == "24.11" and dialog.isVisible()
        dialog.reject()
    finally:
        world.db.close()


@pytest.mark.parametrize(
    ("typed", "family", "given"),
    [
        ("hadad yusuf", "Hadad", "Yusuf"),
        ("Hadad, Yusuf Ali", "Hadad", "Yusuf Ali"),
        ("  al-Khatib   Rana ", "al-Khatib", "Rana"),
        ("mcallister", "Mcallister", ""),
        ("MZ-2026-0001", "", ""),  # a file number is no name
    ],
)
def test_a_typed_name_splits_family_first(typed: str, family: str, given: str) -> None:
    assert split_typed_name(typed) == (family, given)


def test_ctrl_n_after_an_empty_search_fills_the_intake_names(
    qtbot: QtBot, database: Database
) -> None:
    view = ClientsView(AreaContext(database.session, Settings(), "de"))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.search_edit.setFocus()
    qtbot.waitUntil(view.search_edit.hasFocus)
    qtbot.keyClicks(view.search_edit, "hadad yusuf")
    qtbot.waitUntil(lambda: view.match_label.text().startswith("Niemand gefunden"))
    qtbot.keyClick(view.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(view.dialog, IntakeDialog) and view.dialog.isVisible())
    dialog = view.dialog
    assert isinstance(dialog, IntakeDialog)
    assert dialog.edit("familyNameEdit").text() == "Hadad"
    assert dialog.edit("givenNamesEdit").text() == "Yusuf"
    dialog.done(0)
    qtbot.waitUntil(lambda: view.dialog is None)
    view.activateWindow()  # back in the list's window
    qtbot.waitUntil(view.isActiveWindow)
    # a search that found someone: Ctrl+N opens an empty form
    view.search_edit.setFocus()
    view.search_edit.selectAll()
    qtbot.keyClicks(view.search_edit, "haddad")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.match_label.text() == "1 Treffer")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(view.dialog, IntakeDialog) and view.dialog.isVisible())
    assert isinstance(view.dialog, IntakeDialog)
    assert view.dialog.edit("familyNameEdit").text() == ""
    view.dialog.done(0)


@pytest.mark.parametrize(
    ("typed", "family", "given"),
    [("Коваленко Пётр", "Коваленко", "Пётр"), ("الأحمد محمد", "الأحمد", "محمد")],
)
def test_a_name_typed_in_its_own_script_fills_the_original_script_fields(
    qtbot: QtBot, database: Database, typed: str, family: str, given: str
) -> None:
    """Searched in Cyrillic or Arabic and found nobody: Ctrl+N puts the name where the
    original script belongs; the Latin fields (letters, lists) stay for the transliteration."""
    dialog = IntakeDialog(AreaContext(database.session, Settings(), "de"), None, None, name=typed)
    qtbot.addWidget(dialog)
    assert dialog.edit("familyNameOriginalEdit").text() == family
    assert dialog.edit("givenNamesOriginalEdit").text() == given
    assert dialog.edit("familyNameEdit").text() == ""
    assert dialog.edit("givenNamesEdit").text() == ""
