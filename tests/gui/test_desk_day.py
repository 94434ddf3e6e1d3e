"""Issue 15 "must show": a counsellor's whole day at the desk, in the window, by keyboard.

The window as ``run_gui`` builds it (the frame, then the login over it: ``app.Desk``), on a
small hand-built world (synthetic names): an admin, a counsellor and a team lead of Team Nord;
Haddad, Yousef with a follow-up overdue since five days, Hadad, Jusuf (the other spelling),
Agaoglu, Ulku Gulsen (whom the intake will nearly duplicate); a partner no consent names.

The walk: log in → Ctrl+2, Home, Enter opens the overdue follow-up's person → Ctrl+F "hadad"
shows both spellings (≈ marks the other) → Ctrl+K logs a contact that ticks the follow-up it
answers → Ctrl+N takes in a new person close to one on file → the duplicate warning →
"Trotzdem neu anlegen" → a case → Ctrl+R to the partner: refused, no consent → "Einwilligung
erfassen…" pre-filled, Ctrl+S → the letter saved as PDF through the released path, its text
read back → Ctrl+Shift+V records the placement at an employer from the directory → log out,
the team lead logs in → Statistik → the figure → Enter lists the record → Enter opens the
person.

Keys go where a real keyboard sends them (``test_keyboard_walk``'s helpers); modal dialogs are
answered from inside their ``exec`` (``when_dialog``); nothing of our own code is replaced.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.datetext import format_date
from mzdesk.core.models import Case, Contact, FollowUp, Person, Placement, Referral
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts, consents, partners
from mzdesk.core.services.intake import PersonInput, create_person
from mzdesk.ui.app import DeferredDatabase, Desk
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.dialogs.case_edit import CaseEditDialog
from mzdesk.ui.dialogs.consents import ConsentEditDialog
from mzdesk.ui.dialogs.contact_entry import ContactEntryDialog
from mzdesk.ui.dialogs.intake import IntakeDialog
from mzdesk.ui.dialogs.login import LoginDialog
from mzdesk.ui.dialogs.placement import PlacementDialog
from mzdesk.ui.dialogs.referral import ReferralDialog
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.models.person_table import Column
from mzdesk.ui.operations import running_count
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.clients import ClientsView
from mzdesk.ui.views.follow_ups import FollowUpsView
from mzdesk.ui.views.statistics import StatisticsView

from .letters_world import poppler
from .test_case_file_follow_ups import when_dialog
from .test_keyboard_walk import (
    ALT,
    CTRL,
    CTRL_SHIFT,
    back_to,
    has_focus,
    mnemonic,
    press,
    tab,
    tab_until,
    type_text,
    wait_active,
)
from .test_manners_login import PASSWORD, log_in

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

PARTNER = "Jobcenter Musterkreis"
PURPOSE = "Vermittlung in Arbeit"
EMPLOYER = "Pflegedienst Lindenhof"


@dataclass
class World:
    db: Database
    counsellor_id: uuid.UUID
    haddad_id: uuid.UUID  # Haddad, Yousef: the overdue follow-up
    follow_up_id: uuid.UUID
    partner_id: uuid.UUID  # the Jobcenter: no consent names it
    employer_id: uuid.UUID  # where the placement goes


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    db = Database(f"sqlite:///{tmp_path / 'day.sqlite'}", create=True)
    schema.upgrade(db)
    with db.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Ada Admin")
        session.commit()
    with db.session(admin.id) as session:
        accounts.create_team(session, "Team Nord")
        counsellor = accounts.create_user(
            session, "berater", PASSWORD, display_name="Britt Jessel", team="Team Nord"
        )
        accounts.create_user(
            session,
            "leitung",
            PASSWORD,
            display_name="Lea Leitung",
            role=Role.TEAM_LEAD,
            team="Team Nord",
        )
        partner = partners.add_partner(
            session, name=PARTNER, kind="JC", postcode="12345", city="Neustadt"
        )
        employer = partners.add_partner(session, name=EMPLOYER, kind="AG", city="Neustadt")
        session.commit()
        counsellor_id, partner_id, employer_id = counsellor.id, partner.id, employer.id
    with db.session() as session:
        haddad = create_person(session, PersonInput(family_name="Haddad", given_names="Yousef"))
        create_person(session, PersonInput(family_name="Hadad", given_names="Jusuf"))
        create_person(
            session,
            PersonInput(family_name="Agaoglu", given_names="Ulku Gulsen", birth_date="17.06.1991"),
        )
        session.flush()
        case = Case(person_id=haddad.id, counsellor_id=counsellor_id, opened_on=date(2026, 9, 1))
        session.add(case)
        session.flush()
        overdue = FollowUp(
            case_id=case.id,
            assigned_to_id=counsellor_id,
            due_on=date.today() - timedelta(days=5),
            text="Bewerbungsstand erfragen",
        )
        session.add(overdue)
        session.commit()
        made = World(db, counsellor_id, haddad.id, overdue.id, partner_id, employer_id)
    yield made
    db.close()


@pytest.fixture
def desk(qtbot: QtBot, world: World) -> Iterator[Desk]:
    """The painted frame with the database open, before anyone logged in (as run_gui)."""
    deferred = DeferredDatabase()
    deferred.database = world.db
    context = AreaContext(deferred.session, Settings(), "de")
    window = MainWindow(None, context, registry.areas())
    qtbot.addWidget(window.window)
    window.window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window.window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desk = Desk(window, deferred, app)
    yield desk
    desk.stop()


def count(db: Database, model: type[object]) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def clients(window: MainWindow) -> ClientsView:
    view = window.views["clients"]
    assert isinstance(view, ClientsView)
    return view


def names(view: ClientsView) -> list[str]:
    return [str(view.model.index(row, Column.NAME).data()) for row in range(view.model.rowCount())]


# --- the steps ------------------------------------------------------------------------------


def open_overdue_follow_up(qtbot: QtBot, window: MainWindow, world: World) -> None:
    """Ctrl+2: the Wiedervorlagen, the focus in the list; Home, Enter: the person's file."""
    back_to(qtbot, window.window)
    press(Qt.Key.Key_2, CTRL)
    view = window.views.get("follow_ups")
    assert isinstance(view, FollowUpsView)
    qtbot.waitUntil(lambda: view.due is not None)
    qtbot.waitUntil(lambda: window.window.focusWidget() is view.tree)
    heading = view.tree.topLevelItem(0)
    assert heading is not None and heading.text(0).startswith("Überfällig")
    press(Qt.Key.Key_Home)
    item = view.selected_item()
    assert item is not None and item.record_id == world.follow_up_id
    row = view.tree.currentItem()
    assert row is not None and "Haddad, Yousef" in [row.text(c) for c in range(row.columnCount())]
    press(Qt.Key.Key_Return)
    pane = clients(window).detail
    qtbot.waitUntil(lambda: pane.file is not None and pane.file.person.id == world.haddad_id)
    assert pane.title.text().startswith("Haddad, Yousef")
    assert "überfällig" in pane.values["followUps"].text()


def search_hadad(qtbot: QtBot, window: MainWindow, world: World) -> None:
    """Ctrl+F, "hadad": the exact spelling first, Haddad marked as the other; Down, Down
    selects Haddad, Yousef."""
    view = clients(window)
    back_to(qtbot, window.window)
    assert has_focus(view)  # Enter in the Wiedervorlagen left the keyboard in the file
    press(Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(view.search_edit.hasFocus)
    type_text("hadad")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and view.match_label.text() != "")
    assert names(view) == ["Hadad, Jusuf", "≈ Haddad, Yousef"]  # the other spelling, marked
    similar = view.model.index(1, Column.NAME)
    assert (
        similar.data(Qt.ItemDataRole.ToolTipRole)
        == "Gefunden unter einer ähnlichen Schreibweise des Eingegebenen"
    )
    assert view.match_label.text() == "1 Treffer · 1 ähnliche Schreibweise"
    press(Qt.Key.Key_Down)  # into the list, on the first row
    qtbot.waitUntil(view.table.hasFocus)
    press(Qt.Key.Key_Down)
    qtbot.waitUntil(
        lambda: view.detail.file is not None and view.detail.file.person.id == world.haddad_id
    )


def contact_closing_the_follow_up(qtbot: QtBot, window: MainWindow, world: World) -> None:
    """Ctrl+K: the contact names person and case, offers the overdue follow-up unticked;
    Space ticks it; Enter saves."""
    offered: list[list[tuple[object, str, bool]]] = []

    def fill(dialog: ContactEntryDialog) -> None:
        wait_active(qtbot, dialog)
        assert "Haddad, Yousef" in dialog.windowTitle()
        offered.append(list(dialog.offered_follow_ups()))
        tab_until(dialog.done_list)  # Tab through the form to the open follow-ups
        press(Qt.Key.Key_Space)
        offered.append(list(dialog.offered_follow_ups()))
        press(Qt.Key.Key_Return)

    seen = when_dialog(ContactEntryDialog, fill)
    press(Qt.Key.Key_K, CTRL)
    assert seen and not seen[0].isVisible()
    assert [(text, ticked) for _id, text, ticked in offered[0]] == [
        ("Bewerbungsstand erfragen", False)  # offered, not guessed
    ]
    assert [ticked for *_rest, ticked in offered[1]] == [True]
    with world.db.session() as session:
        follow_up = session.get(FollowUp, world.follow_up_id)
        assert follow_up is not None and follow_up.done_at is not None
        assert session.scalars(select(Contact)).one().counsellor_id == world.counsellor_id
    back_to(qtbot, window.window)
    assert "überfällig" not in clients(window).detail.values["followUps"].text()


def intake_despite_the_warning(qtbot: QtBot, window: MainWindow, world: World) -> uuid.UUID:
    """Ctrl+N; Ağaoğlu, Ülkü Gülşen, born 17.06.1991; Enter: the duplicate warning names
    Agaoglu, Ulku Gulsen; Alt+T: saved as a new person anyway."""
    view = clients(window)
    back_to(qtbot, window.window)
    press(Qt.Key.Key_N, CTRL)
    dialog = view.dialog
    assert isinstance(dialog, IntakeDialog), "Ctrl+N opened no intake"
    wait_active(qtbot, dialog)
    family = dialog.widget("familyNameEdit")
    assert has_focus(family)
    assert family.text() == ""  # "hadad" found people: the search is no name to take over
    type_text("Ağaoğlu")
    assert tab() is dialog.widget("givenNamesEdit")
    type_text("Ülkü Gülşen")
    assert tab() is dialog.widget("familyNameOriginalEdit")
    assert tab() is dialog.widget("givenNamesOriginalEdit")
    assert tab() is dialog.widget("birthDateEdit")
    type_text("17.06.1991")
    saved: list[uuid.UUID] = []
    dialog.saved.connect(saved.append)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.duplicates_dialog is not None)
    duplicates = dialog.duplicates_dialog
    assert duplicates is not None
    wait_active(qtbot, duplicates)
    assert duplicates.windowTitle() == "Mögliche Doppelerfassung"
    assert [c.family_name for c in duplicates.candidates] == ["Agaoglu"]
    assert duplicates.table.item(0, 1).text().startswith("Agaoglu")
    assert duplicates.save_button.text().replace("&", "") == "Trotzdem neu anlegen"
    persons = count(world.db, Person)
    press(mnemonic(duplicates.save_button), ALT)
    qtbot.waitUntil(lambda: bool(saved) and view.dialog is None)
    assert count(world.db, Person) == persons + 1
    back_to(qtbot, window.window)
    pane = view.detail
    qtbot.waitUntil(lambda: pane.file is not None and pane.file.person.id == saved[0])
    assert pane.title.text().startswith("Ağaoğlu, Ülkü Gülşen")
    return saved[0]


def new_case(qtbot: QtBot, window: MainWindow, person_id: uuid.UUID) -> uuid.UUID:
    """Ctrl+Shift+N; the counsellor typed; Tab, Space ticks a topic; Enter."""

    def fill(dialog: CaseEditDialog) -> None:
        wait_active(qtbot, dialog)
        assert has_focus(dialog.counsellor)
        type_text("Britt")
        assert dialog.counsellor.currentText() == "Britt Jessel"
        assert tab() is dialog.topics
        press(Qt.Key.Key_Space)
        press(Qt.Key.Key_Return)

    seen = when_dialog(CaseEditDialog, fill)
    press(Qt.Key.Key_N, CTRL_SHIFT)
    assert seen and not seen[0].isVisible()
    back_to(qtbot, window.window)
    pane = clients(window).detail
    assert pane.values["cases"].text() == "1"
    case = pane.selected_case()
    assert case is not None
    with window_db(window).session() as session:
        stored = session.get(Case, case.id)
        assert stored is not None and stored.person_id == person_id
    return case.id


def pdf_text(pdf: bytes, folder: Path) -> str:
    path = folder / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(pdf)
    return " ".join(poppler("pdftotext", path, "-enc", "UTF-8").split())


def window_db(window: MainWindow) -> Database:
    assert window.database is not None
    return window.database


def refer_refused_consent_then_letter(
    qtbot: QtBot, window: MainWindow, world: World, person_id: uuid.UUID, folder: Path
) -> str:
    """Ctrl+R; the partner from the completer; refused (no consent); "Einwilligung
    erfassen…": pre-filled, Ctrl+S; checked again; the letter saved as PDF; its text."""
    letters: list[str] = []

    def fill(dialog: ReferralDialog) -> None:
        wait_active(qtbot, dialog)
        combo = dialog.partner_combo
        assert has_focus(combo)
        type_text("jobc")
        popup = combo.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.partner_id() == world.partner_id)
        back_to(qtbot, dialog)
        ticked = [code for code, box in dialog.category_boxes.items() if box.isChecked()]
        assert ticked, "no data in the letter ticked"
        assert tab() is dialog.service_edit
        type_text("Arbeitsvermittlung")
        assert tab() is dialog.purpose_edit
        type_text(PURPOSE)
        refusal = dialog.consent_label.text()
        assert "Einwilligung" in refusal and not dialog.consent_button.isHidden(), refusal
        assert not re.search(r"\b[A-Z_]{4,}\b", refusal), refusal  # no internal code
        press(Qt.Key.Key_V, CTRL_SHIFT)  # Vorschau: the letter as it stands is refused
        qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.isVisible())
        preview = dialog.preview
        assert preview is not None
        wait_active(qtbot, preview)
        assert "ENTWURF" in pdf_text(preview.pdf, folder)
        assert not preview.allowed("pdf")  # what Ctrl+S asks before any file name
        assert preview.message_label.isVisible() and preview.message_label.text()
        press(Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: dialog.preview is None)
        back_to(qtbot, dialog)
        press(mnemonic(dialog.consent_button), ALT)  # "Einwilligung erfassen…"
        qtbot.waitUntil(
            lambda: dialog.consent_editor is not None and dialog.consent_editor.isVisible()
        )
        editor = dialog.consent_editor
        assert isinstance(editor, ConsentEditDialog)
        assert editor.checked_partners() == [world.partner_id]  # pre-filled from the referral
        assert editor.purpose_edit.text() == PURPOSE
        assert editor.checked_categories() == ticked
        back_to(qtbot, editor)
        press(Qt.Key.Key_S, CTRL)  # Speichern
        qtbot.waitUntil(lambda: dialog.consent_editor is None)
        back_to(qtbot, dialog)
        qtbot.waitUntil(dialog.consent_button.isHidden)  # checked again: covered now
        press(Qt.Key.Key_V, CTRL_SHIFT)
        qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.isVisible())
        preview = dialog.preview
        assert preview is not None
        wait_active(qtbot, preview)
        assert "ENTWURF" not in pdf_text(preview.pdf, folder)
        target = folder / "Überweisung.pdf"
        assert preview.allowed("pdf")
        preview.save_to(target)  # "Als PDF speichern", the file dialog's choice given
        press(Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: dialog.preview is None)
        letters.append(" ".join(poppler("pdftotext", target, "-enc", "UTF-8").split()))

    seen = when_dialog(ReferralDialog, fill)
    press(Qt.Key.Key_R, CTRL)
    assert seen and letters, "Ctrl+R opened no referral dialog"
    with world.db.session() as session:
        recorded = consents.list_consents(session, person_id)
        assert [c.purpose for c in recorded] == [PURPOSE]
        assert [r.partner_id for r in recorded[0].recipients] == [world.partner_id]
        referral = session.scalars(select(Referral)).one()
        assert referral.partner_id == world.partner_id
    back_to(qtbot, window.window)
    return letters[0]


def record_placement(qtbot: QtBot, window: MainWindow, world: World, case_id: uuid.UUID) -> None:
    """Ctrl+Shift+V "Vermittlung erfassen…": the kind (work first), Tab, the employer from
    the directory's completer, Tab: the start prefilled with today, Tab, Tab, 39 hours;
    Enter. The case file then names the placement."""
    pane = clients(window).detail
    assert pane.placement_action.text() == "Vermittlung erfassen…"
    assert pane.values["placements"].text() == "–"

    def fill(dialog: PlacementDialog) -> None:
        wait_active(qtbot, dialog)
        assert has_focus(dialog.kind) and dialog.kind.currentData() == "SVB"
        assert tab() is dialog.employer
        type_text("linden")
        popup = dialog.completer.popup()
        qtbot.waitUntil(popup.isVisible)
        QTest.keyClick(popup, Qt.Key.Key_Down)  # the popup holds the keyboard while open
        QTest.keyClick(popup, Qt.Key.Key_Return)
        assert dialog.employer.text() == EMPLOYER
        assert dialog.employer_state.text() == "Im Partnerverzeichnis (Arbeitgeber)"
        back_to(qtbot, dialog)
        tab_until(dialog.start)
        assert dialog.start.text() == format_date(date.today())
        assert tab() is dialog.end
        assert tab() is dialog.hours
        type_text("39")
        press(Qt.Key.Key_Return)

    seen = when_dialog(PlacementDialog, fill)
    press(Qt.Key.Key_V, CTRL_SHIFT)
    assert seen and not seen[0].isVisible(), "Ctrl+Shift+V opened no placement dialog"
    assert seen[0].windowTitle() == "Vermittlung erfassen"
    assert "Ağaoğlu, Ülkü Gülşen" in seen[0].heading.text()  # whom it is for
    with world.db.session() as session:
        placement = session.scalars(select(Placement)).one()
        assert (placement.case_id, placement.kind) == (case_id, "SVB")
        assert placement.partner_id == world.employer_id and placement.starts_on == date.today()
        assert placement.counsellor_id == world.counsellor_id
    back_to(qtbot, window.window)
    assert pane.values["placements"].text() == (
        f"Sozialversicherungspflichtige Beschäftigung – {EMPLOYER} seit {format_date(date.today())}"
    )


def log_out_and_in_as_the_lead(qtbot: QtBot, desk: Desk) -> None:
    """Datei → Abmelden (Ctrl+Shift+Q): the login over an empty window; the lead logs in."""
    window = desk.main
    back_to(qtbot, window.window)
    press(Qt.Key.Key_Q, CTRL_SHIFT)
    login = desk.login_dialog
    assert isinstance(login, LoginDialog)
    qtbot.waitExposed(login)
    assert desk.account is None and window.views == {}
    assert window.window.windowTitle() == "mzdesk"
    log_in(qtbot, desk, "leitung")
    assert window.window.windowTitle() == "Lea Leitung (Teamleitung, Team Nord)"


def statistics_drill_down_opens_the_person(
    qtbot: QtBot, window: MainWindow, person_id: uuid.UUID
) -> None:
    """Ctrl+7 Statistik; Tab to "Berechnen", Space; Tab into the overview, down to
    "Vermittlungen gesamt": 1; Enter: the drill-down lists the placement; Enter: the file."""
    back_to(qtbot, window.window)
    press(Qt.Key.Key_7, CTRL)
    view = window.views.get("statistics")
    assert isinstance(view, StatisticsView)
    qtbot.waitUntil(lambda: has_focus(view))
    assert view.year_spin.value() == date.today().year
    tab_until(view.compute_button)
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.report is not None and running_count() == 0)
    model, grid = view.models["overview"], view.views["overview"]
    assert view.tabs.currentWidget() is grid
    row = next(
        r for r in range(model.rowCount()) if model.table.rows[r][0] == "Vermittlungen gesamt"
    )
    value = model.index(row, model.table.column_index("value"))
    assert model.data(value, Qt.ItemDataRole.DisplayRole) == "1"  # the placement, counted
    tab_until(grid)
    press(Qt.Key.Key_Home, CTRL)
    for _ in range(row):
        press(Qt.Key.Key_Down)
    while grid.currentIndex().column() < value.column():
        press(Qt.Key.Key_Right)
    assert grid.currentIndex() == value
    view.last_drill = None
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.last_drill is not None and running_count() == 0)
    dialog = view.last_drill
    assert dialog is not None
    wait_active(qtbot, dialog)
    assert dialog.label.text().startswith("Liste: nur Team Nord — 1 von 1"), dialog.label.text()
    assert dialog.model.rowCount() == 1
    shown = [str(dialog.model.index(0, c).data()) for c in range(dialog.model.columnCount())]
    assert "Ağaoğlu, Ülkü Gülşen" in shown, shown
    assert has_focus(dialog.table)
    press(Qt.Key.Key_Return)  # the row opens the person's file
    pane = clients(window).detail
    qtbot.waitUntil(lambda: pane.file is not None and pane.file.person.id == person_id)
    assert pane.title.text().startswith("Ağaoğlu, Ülkü Gülşen")
    dialog.close()


# --- the day --------------------------------------------------------------------------------


def test_a_counsellors_desk_day_by_keyboard(
    qtbot: QtBot, desk: Desk, world: World, tmp_path: Path
) -> None:
    window = desk.main
    log_in(qtbot, desk, "berater")
    assert window.window.windowTitle() == "Britt Jessel (Berater/in, Team Nord)"

    open_overdue_follow_up(qtbot, window, world)
    search_hadad(qtbot, window, world)
    contact_closing_the_follow_up(qtbot, window, world)
    person_id = intake_despite_the_warning(qtbot, window, world)
    case_id = new_case(qtbot, window, person_id)
    letter = refer_refused_consent_then_letter(qtbot, window, world, person_id, tmp_path)
    assert PARTNER in letter and "ENTWURF" not in letter
    assert "wir beraten Ülkü Gülşen Ağaoğlu" in letter and f"– {PURPOSE}" in letter
    assert "Name Ağaoğlu, Ülkü Gülşen Geburtsdatum 17.06.1991" in letter  # what was ticked
    assert f"Grundlage der Einwilligung vom {format_date(date.today())}" in letter  # just recorded

    record_placement(qtbot, window, world, case_id)
    log_out_and_in_as_the_lead(qtbot, desk)
    statistics_drill_down_opens_the_person(qtbot, window, person_id)
