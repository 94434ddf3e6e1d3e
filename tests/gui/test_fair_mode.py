"""Fair mode by keyboard only: 20 attendees (ü, ğ, Cyrillic typed one key event per character),
the inline duplicate hint, the anonymous head count, employer contacts in two keystrokes, the
tally checked against the database, and Esc with typing in progress."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import (
    Attendance,
    BirthDatePrecision,
    EventContact,
    EventContactOutcome,
    Partner,
    Person,
)
from mzdesk.core.services import event_attendance, events
from mzdesk.core.services.events import PartnerPresence
from mzdesk.core.services.short_intake import ShortIntake
from mzdesk.ui.views.fair_mode import FairMode

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Synthetic people: (family, given, birth year, languages, German level, wish, phone, consent)
ATTENDEES = [
    ("Öztürk", "Ayşe", "1990", "türkisch, englisch b1", "b1", "Pflege", "0151 1000001", True),
    ("Ağaoğlu", "Güler", "1985", "tr", "a2", "Küche", "", True),
    ("Коваленко", "Олена", "1979", "ukrainisch, russisch", "b2", "Lehrerin", "0151 1000003", True),
    ("Müller", "Jürgen", "1971", "", "c1", "Lager", "", False),
    ("Haddad", "Samir", "1992", "arabisch", "a1", "Elektriker", "0151 1000005", True),
    ("Nguyen", "Thi", "", "vi", "", "Nähen", "", False),
    ("Petrenko", "Taras", "1988", "uk", "a2", "Fahrer", "0151 1000007", True),
    ("Yılmaz", "Zeynep", "2001", "tr, de", "b2", "Ausbildung Büro", "", True),
    ("Rahimi", "Omid", "1995", "fa", "a1", "Maler", "", True),
    ("Бондаренко", "Ірина", "1983", "uk", "a2", "Buchhaltung", "0151 1000010", True),
    ("Sultani", "Farid", "1999", "ps", "", "", "", False),
    ("Mansour", "Nour", "1990", "ar, fr", "b1", "Friseurin", "", True),
    ("Demir", "Dilan", "1997", "ku", "a2", "Verkauf", "0151 1000013", True),
    ("Popescu", "Ioana", "1987", "ro", "b1", "Reinigung", "", True),
    ("Hakimi", "Bilal", "2003", "prs", "a1", "Ausbildung KFZ", "", True),
    ("Karimi", "Leyla", "1993", "fa, en", "a2", "Kita", "0151 1000016", False),
    ("Schütz-Ağa", "Hamid", "1980", "tr", "c1", "Schweißer", "", True),
    ("Ти", "Олег", "1975", "ru", "", "Bau", "", True),
    ("Mariam", "Amal", "1998", "ti", "a1", "Pflegehilfe", "", True),
]


@pytest.fixture
def fair_db(tmp_path: Path) -> Iterator[tuple[Database, uuid.UUID, uuid.UUID]]:
    database = Database(f"sqlite:///{tmp_path / 'fair.sqlite'}", create=True)
    schema.upgrade(database)
    with database.session() as session:
        partners = [
            Partner(name=name, kind="AG", letter_language="de", active=True)
            for name in ("Bäckerei Probst", "Pflegedienst Sonnenweg")
        ]
        session.add_all(partners)
        session.flush()
        event = events.create_event(
            session,
            name="Jobmesse für Zugewanderte",
            starts_on=date.today(),
            place="Kreishaus Neustadt",
            partners=[PartnerPresence(p.id, True, f"Stand {i}") for i, p in enumerate(partners, 1)],
        )
        other = events.create_event(
            session, name="Infoabend", starts_on=date(2025, 1, 1), place="X"
        )
        known = event_attendance.register_new_attendee(
            session,
            other.id,
            ShortIntake(
                family_name="Ahmadi",
                given_names="Mohammed",
                birth_date=date(1990, 3, 14),
                birth_date_precision=BirthDatePrecision.EXACT,
            ),
        )
        session.commit()
        assert known.person_id is not None
        yield database, event.id, known.person_id
    database.close()


@pytest.fixture
def fair(qtbot: QtBot, fair_db: tuple[Database, uuid.UUID, uuid.UUID]) -> FairMode:
    database, event_id, _known = fair_db
    window = FairMode(database.session, event_id, "de")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.family_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.family_edit)
    return window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(text: str) -> None:
    """One key event per character into the focused widget (style.md: no keyClicks for ü)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, focused(), Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), k, modifier)


def enter_attendee(values: tuple[str, str, str, str, str, str, str, bool]) -> None:
    *texts, consent = values
    for text in texts:
        type_text(text)
        key(Qt.Key.Key_Return)
    if consent:
        key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Return)


def test_twenty_attendees_by_keyboard(
    qtbot: QtBot, fair: FairMode, fair_db: tuple[Database, uuid.UUID, uuid.UUID]
) -> None:
    database, event_id, known_id = fair_db
    for values in ATTENDEES:
        enter_attendee(values)
        assert focused() is fair.family_edit
        assert fair.family_edit.text() == ""
    assert fair.message_label.text() == f"Als Nummer {len(ATTENDEES)} gespeichert." or (
        str(len(ATTENDEES)) in fair.message_label.text()
    )

    # The 20th is known already (same names, birth year): the hint shows, Alt+1 takes them.
    for text in ("Ahmadi", "Mohammed", "1990"):
        type_text(text)
        key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fair.hint_label.isVisible(), timeout=5000)
    assert "Mohammed" in fair.hint_label.text()
    key(Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    for _field in range(4):  # languages, German, wish, phone left empty
        key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Space)  # consent
    key(Qt.Key.Key_Return)
    assert fair.current is not None and fair.current.person_id == known_id

    # Head count: F5 three times, Ctrl+- takes one back, Ctrl++ adds one.
    for _press in range(3):
        key(Qt.Key.Key_F5)
    key(Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)

    # Contacts: the current attendee (Ahmadi) meets employer 1 (talk) and 2 (interview).
    key(Qt.Key.Key_F4)
    assert focused() is fair.contact_edit
    type_text("1g")
    type_text("2v")
    # F3: find Коваленко by name, Enter, then "2b" (application) and "2e" (hired).
    key(Qt.Key.Key_F3)
    type_text("коваленко")
    key(Qt.Key.Key_Return)
    assert focused() is fair.contact_edit
    assert fair.current is not None and fair.current.family_name == "Коваленко"
    type_text("2b")
    type_text("2e")
    # Müller (#4) gave no consent: the contact is refused with a visible reason.
    key(Qt.Key.Key_F3)
    type_text("4")
    key(Qt.Key.Key_Return)
    type_text("1g")
    assert "Einwilligung" in fair.message_label.text() or "consent" in fair.message_label.text()
    type_text("9g")  # no employer 9
    assert "9" in fair.message_label.text()

    with database.session() as session:
        tally = events.tally(session, event_id)
        persons = session.scalar(select(func.count()).select_from(Person))
        registered = session.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.event_id == event_id, Attendance.person_id.is_not(None))
        )
        contacts = session.scalar(select(func.count()).select_from(EventContact))
        ukrainian = session.scalars(select(Person).where(Person.family_name == "Коваленко")).one()
        assert ukrainian.given_names == "Олена"
        assert ukrainian.birth_date == date(1979, 1, 1)
        assert session.scalars(select(Person).where(Person.family_name == "Schütz-Ağa")).one()
    assert persons == 1 + len(ATTENDEES)  # the known person was not created again
    assert registered == len(ATTENDEES) + 1 == 20
    assert (tally.registered, tally.anonymous) == (20, 3)
    assert contacts == 4
    assert [tally.outcome(o) for o in EventContactOutcome] == [1, 1, 1, 1]
    shown = {k: int(label.text()) for k, label in fair.tally_labels.items()}
    assert shown == {
        "registered": 20,
        "anonymous": 3,
        "attendees": 23,
        **{o.value: 1 for o in EventContactOutcome},
    }


def test_errors_keep_the_typing_and_esc_asks_first(qtbot: QtBot, fair: FairMode) -> None:
    type_text("Öztürk")
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Return)
    type_text("19xx")
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Geburtsdatum" in fair.message_label.text() or "birth" in fair.message_label.text()
    assert (fair.family_edit.text(), fair.birth_edit.text()) == ("Öztürk", "19xx")
    key(Qt.Key.Key_Escape)
    assert fair.isVisible()
    with qtbot.waitSignal(fair.left, timeout=2000):
        key(Qt.Key.Key_Escape)
    assert not fair.isVisible()


# --- the events area and the import dialog ----------------------------------------------------


def test_events_view_lists_imports_and_opens_fair_mode(
    qtbot: QtBot, fair_db: tuple[Database, uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    from mzdesk.ui.areas import AreaContext
    from mzdesk.ui.settings import Settings
    from mzdesk.ui.views.events import EventsView

    database, event_id, _known = fair_db
    view = EventsView(AreaContext(database.session, Settings(), "de"))
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.model.rowCount() == 2
    assert view.selftest() == "2 events listed"
    assert view.selected_event_id() == event_id  # the latest first, selected
    assert view.partner_table.rowCount() == 2
    kit_actions = [a for a in view.menu_actions() if a.data() == "kit-missing"]
    assert all(not a.isEnabled() and a.toolTip() for a in kit_actions)

    csv_path = tmp_path / "anmeldung.csv"
    csv_path.write_bytes(
        "Nachname;Vorname;Geb.;Ort\nÖztürk;Zoë;24.11.1990;Neustadt\n;Leer;1990;X\n".encode("cp1252")
    )
    dialog = view.open_import()
    assert dialog is not None
    dialog.load_file(csv_path)
    assert [c.currentData() for _h, c in dialog.combos] == [
        "family_name",
        "given_names",
        "birth_date",
        "",
    ]
    assert dialog.rejected_table.rowCount() == 1
    assert dialog.rejected_table.item(0, 0).text() == "3"
    dialog.import_button.click()
    qtbot.waitUntil(
        lambda: (
            dialog.rejected_table.rowCount() == 1
            and "1" in dialog.summary_label.text()
            and not dialog.import_button.isEnabled()
            and dialog._data is None
        ),
        timeout=5000,
    )
    with database.session() as session:
        assert events.tally(session, event_id).registered == 1

    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    view.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    QTest.keyClick(view.table, Qt.Key.Key_F11)
    window = view.fair_window
    assert window is not None and window.isVisible()
    assert window.tally_labels["registered"].text() == "1"
    window.close()
    qtbot.waitUntil(lambda: view.fair_window is None)
    # Delete what was closed (progress dialog, import dialog, fair mode): no stray windows.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# --- another team's event (issue #5) ----------------------------------------------------------


def test_counsellor_at_another_teams_fair_gets_the_number_and_records_contacts(
    qtbot: QtBot, fair_db: tuple[Database, uuid.UUID, uuid.UUID]
) -> None:
    """Team B's counsellor in fair mode at team A's event: the attendee typed with "Farsi,
    Kurdisch" is saved with the number of registration and takes an employer contact."""
    from mzdesk.core.models import Case
    from mzdesk.core.models.enums import Role
    from mzdesk.core.services import accounts

    database, _event_id, _known = fair_db
    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", "geheim-123", "Admin Test")
        session.commit()
    with database.session(admin.id) as session:
        team_a = accounts.create_team(session, "Team A").id
        accounts.create_team(session, "Team B")
        users = {
            name: accounts.create_user(
                session, name, "geheim-123", role=Role.COUNSELLOR, team=team
            ).id
            for name, team in (("berater_a", "Team A"), ("berater_b", "Team B"))
        }
        session.commit()
    with database.session() as session:
        partner = Partner(name="Spedition Test", kind="AG", letter_language="de", active=True)
        session.add(partner)
        session.flush()
        event_id = events.create_event(
            session,
            name="Jobmesse Team A",
            starts_on=date.today(),
            place="Kreishaus",
            team_id=team_a,
            partners=[PartnerPresence(partner.id, True, "Stand 1")],
        ).id
        session.commit()
    with database.session(users["berater_a"]) as session:
        event_attendance.register_new_attendee(
            session,
            event_id,
            ShortIntake.with_birth_year(1990, family_name="Testowa", consent_to_contact=True),
        )
        session.commit()

    window = FairMode(lambda: database.session(users["berater_b"]), event_id, "de")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.family_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.family_edit)
    enter_attendee(("Probowin", "Tessa", "1991", "Farsi, Kurdisch", "a2", "Lager", "", True))
    assert focused() is window.family_edit
    assert window.current is not None and window.current.family_name == "Probowin"
    assert window.current.number == 2
    assert "2" in window.message_label.text() and "Fehler" not in window.message_label.text()
    key(Qt.Key.Key_F4)
    type_text("1g")
    assert "Spedition Test" in window.message_label.text()
    assert window.tally_labels[EventContactOutcome.TALK.value].text() == "1"
    with database.session() as session:
        person = session.scalars(select(Person).where(Person.family_name == "Probowin")).one()
        assert {(lang.language_code, lang.cefr_level) for lang in person.languages} == {
            ("fa", None),
            ("ku", None),
            ("de", "A2"),
        }
        case = session.scalars(select(Case).where(Case.person_id == person.id)).one()
        assert case.counsellor_id == users["berater_b"]
        assert session.scalar(select(func.count()).select_from(EventContact)) == 1
    window.close()
