"""Issue #8: every input has a name a screen reader can say, and Tab reaches every input.

Checked with mzdesk/ui/accessibility.py over every Qt Designer form (a new form is covered
by the glob), every area of the real main window on demo data, and every dialog and window
the application opens, built the way the application builds it. The first tests show that
the checker fails where it should: an unlabelled field is reported, a field behind a widget
that keeps Tab is unreachable — and real Tab presses agree with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core import access
from mzdesk.core.database import Database
from mzdesk.core.dedupe import Candidate
from mzdesk.core.demo.generate import generate_demo
from mzdesk.core.models import Case, CaseStatus, Event, Person, Referral, ReferralStatus, User
from mzdesk.core.resources import form_path
from mzdesk.core.services import person_file
from mzdesk.core.services.intake import FieldDiff
from mzdesk.ui.accessibility import (
    inputs,
    tab_chain,
    tab_traps,
    unlabelled_inputs,
    unreachable_by_tab,
)
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.forms import load_form
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.settings import Settings

from .helpers import settle

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

FORMS = sorted(path.name for path in form_path("main_window.ui").parent.glob("*.ui"))


# --- the checker can fail --------------------------------------------------------------------


def test_an_input_without_label_or_name_is_reported(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    root.setObjectName("probe")
    layout = QVBoxLayout(root)
    caption = QLabel("&Street:", root)
    edit = QLineEdit(root)
    edit.setObjectName("streetEdit")
    icon_only = QToolButton(root)
    icon_only.setToolTip("Search")
    named = QLineEdit(root)
    named.setAccessibleName("Postcode")
    for widget in (caption, edit, icon_only, named):
        layout.addWidget(widget)
    assert unlabelled_inputs(root) == [
        "QLineEdit 'streetEdit' in probe",
        "QToolButton (tooltip 'Search') in probe",
    ]
    caption.setBuddy(edit)
    icon_only.setAccessibleName("Search")
    assert unlabelled_inputs(root) == []


def test_a_group_box_title_names_only_its_sole_input(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    box = QGroupBox("City", root)
    fields = QVBoxLayout(box)
    fields.addWidget(city := QLineEdit(box))
    QVBoxLayout(root).addWidget(box)
    assert unlabelled_inputs(root) == []
    fields.addWidget(QLineEdit(box))  # two fields: "City" names neither
    assert len(unlabelled_inputs(root)) == 2
    caption = QLabel("&City:", box)
    caption.setBuddy(city)
    assert len(unlabelled_inputs(root)) == 1


def test_qt_internal_children_are_not_inputs_of_their_own(qtbot: QtBot) -> None:
    """A combo's line edit and popup list, a spin box's line edit, a line edit's clear
    button, a table's headers and corner button, a tab bar's arrows: Qt's, not ours."""
    root = QWidget()
    qtbot.addWidget(root)
    combo = QComboBox(root)
    combo.setEditable(True)
    dates = QDateEdit(root)
    dates.setCalendarPopup(True)
    clearable = QLineEdit(root)
    clearable.setClearButtonEnabled(True)
    tabs = QTabWidget(root)
    tabs.addTab(table := QTableView(), "Table")
    table.setModel(QStandardItemModel(2, 2, table))
    tabs.addTab(QWidget(), "Other")
    layout = QVBoxLayout(root)
    ours: list[QWidget] = [combo, QSpinBox(root), dates, clearable, table]
    for widget in (*ours, tabs):
        layout.addWidget(widget)
    for widget in ours:
        widget.setAccessibleName(type(widget).__name__)
    root.show()
    assert len(root.findChildren(QWidget)) > 3 * len(ours)  # what Qt made besides
    assert set(inputs(root, include_hidden=True)) == set(ours)
    assert unlabelled_inputs(root, include_hidden=True) == []


def press_tab_through(qtbot: QtBot, dialog: QDialog, presses: int) -> list[str]:
    """What a person sees: the focus after each real Tab key (QTest), from the focus."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    seen = []
    for _ in range(presses):
        focus = QApplication.focusWidget()
        assert focus is not None
        seen.append(focus.objectName())
        QTest.keyClick(focus, Qt.Key.Key_Tab)
    return seen


@pytest.mark.parametrize("trap", ["notes", "table"])
def test_a_field_behind_a_tab_trap_is_unreachable(qtbot: QtBot, trap: str) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setObjectName("probe")
    layout = QVBoxLayout(dialog)
    first = QLineEdit(dialog)
    middle: QPlainTextEdit | QTableView
    if trap == "notes":
        middle = QPlainTextEdit(dialog)  # Tab types a tab character
    else:
        middle = QTableView(dialog)  # Tab moves from cell to cell
        middle.setModel(QStandardItemModel(3, 2, middle))
    last = QLineEdit(dialog)
    ok = QPushButton("OK", dialog)
    for widget, name in ((first, "first"), (middle, "middle"), (last, "last"), (ok, "ok")):
        widget.setObjectName(name)
        widget.setAccessibleName(name)
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    first.setFocus()

    assert [w.objectName() for w in tab_chain(dialog)] == ["first", "middle"]
    assert unreachable_by_tab(dialog) == []  # Shift+Tab from the first field still gets there
    assert tab_traps(dialog) == [f"{type(middle).__name__} 'middle' in probe"]
    assert press_tab_through(qtbot, dialog, 4) == ["first", "middle", "middle", "middle"]

    middle.setFocus()  # once inside, neither way leads out
    assert sorted(unreachable_by_tab(dialog)) == [
        "QLineEdit 'first' in probe",
        "QLineEdit 'last' in probe",
        "QPushButton 'ok' in probe",
    ]
    if isinstance(middle, QPlainTextEdit):
        middle.setTabChangesFocus(True)
    else:
        middle.setTabKeyNavigation(False)
    assert unreachable_by_tab(dialog) == [] and tab_traps(dialog) == []
    first.setFocus()
    assert [w.objectName() for w in tab_chain(dialog)] == ["first", "middle", "last", "ok"]
    assert press_tab_through(qtbot, dialog, 5) == ["first", "middle", "last", "ok", "first"]


# --- every form ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FORMS)
def test_every_input_of_a_form_is_labelled(qtbot: QtBot, name: str) -> None:
    form = load_form(name)
    qtbot.addWidget(form)
    assert unlabelled_inputs(form, include_hidden=True) == []
    assert tab_traps(form) == []


# --- demo data, a team lead logged in ----------------------------------------------------------


@dataclass(frozen=True)
class DemoIds:
    """Records of the demo data the dialogs open on, looked up once as the team lead."""

    lead_id: uuid.UUID
    admin_id: uuid.UUID
    person_id: uuid.UUID  # of the lead's team, with an open case and a consent
    case: person_file.CaseEntry
    other_person_id: uuid.UUID
    draft_referral_id: uuid.UUID
    event_id: uuid.UUID


@dataclass(frozen=True)
class Demo(DemoIds):
    db: Database
    folder: Path  # for the files an import reads

    def context(self, user_id: uuid.UUID | None = None) -> AreaContext:
        """What run_gui gives the views once ``user_id`` (default: the lead) logged in."""
        db, user = self.db, user_id or self.lead_id
        return AreaContext(lambda: db.session(user), Settings(), "de", user_id=user)


def _demo_ids(db: Database) -> DemoIds:
    with db.session() as session:
        users = {u.username: u.id for u in session.scalars(select(User))}
    lead = users["leitung1"]
    with db.session(lead) as session:
        visible = session.scalars(
            select(Person.id).where(access.visible_persons(session)).order_by(Person.sort_key)
        ).all()
        files = [person_file.load(session, pid) for pid in visible]
        full = next(
            f for f in files if f.consents and any(c.status is CaseStatus.OPEN for c in f.cases)
        )
        case = next(c for c in full.cases if c.status is CaseStatus.OPEN)
        other = next(pid for pid in visible if pid != full.person.id)
        draft = session.scalars(
            select(Referral.id)
            .join(Case, Case.id == Referral.case_id)
            .where(Referral.status == ReferralStatus.DRAFT, Case.person_id.in_(visible))
        ).first()
        assert draft is not None
        event = session.scalars(select(Event.id).order_by(Event.starts_on)).first()
        assert event is not None
        session.commit()  # the audit entries of the reads
    return DemoIds(lead, users["admin"], full.person.id, case, other, draft, event)


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, DemoIds]:
    """80 demo persons with cases, consents, referrals, partners and events (~1 s)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('a11y') / 'demo.sqlite'}"
    with Database(url, create=True) as database:
        generate_demo(database, 80, seed=7)
        return url, _demo_ids(database)


@pytest.fixture
def demo(demo_data: tuple[str, DemoIds], tmp_path: Path) -> Iterator[Demo]:
    url, ids = demo_data
    db = Database(url)
    yield Demo(**vars(ids), db=db, folder=tmp_path)
    QThreadPool.globalInstance().waitForDone(10_000)  # nothing still writes to it
    db.close()


def _select_first_rows(view: QWidget) -> None:
    """Select the first row of every list, so detail panes fill as for a person using it."""
    for widget in view.findChildren(QAbstractItemView):
        model = widget.model()
        if widget.isVisible() and model is not None and model.rowCount() > 0:
            widget.setCurrentIndex(model.index(0, 0))


@pytest.fixture
def window(qtbot: QtBot, demo: Demo) -> Iterator[MainWindow]:
    main = MainWindow(demo.db, demo.context(), registry.areas())
    qtbot.addWidget(main.window)
    main.window.resize(1280, 860)
    main.show()
    qtbot.waitExposed(main.window)
    yield main
    qtbot.waitUntil(lambda: hasattr(main, "person_count"), timeout=10_000)


def _fill(window: MainWindow, demo: Demo, key: str, qtbot: QtBot) -> None:
    """Bring an area into its fullest state: a row chosen, a file open, figures computed."""
    view = window.views[key]
    settle(qtbot, window.window)  # the first page has arrived from the background
    _select_first_rows(view)
    if key == "clients":
        window.show_person(demo.person_id)  # a file with cases, contacts and consents
    if key == "statistics":
        from mzdesk.ui.views.statistics import StatisticsView

        assert isinstance(view, StatisticsView)
        view.compute()
        qtbot.waitUntil(lambda: bool(view.views), timeout=60_000)
    settle(qtbot, window.window)  # the chosen rows' details have loaded


def test_every_area_of_the_main_window_is_labelled(
    qtbot: QtBot, window: MainWindow, demo: Demo
) -> None:
    assert set(window.area_keys()) == {area.key for area in registry.areas()}
    findings: dict[str, list[str]] = {}
    for key in window.area_keys():
        view = window.open_area(key)
        _fill(window, demo, key, qtbot)
        findings[key] = (
            unlabelled_inputs(view, include_hidden=True)
            + [f"keeps Tab: {trap}" for trap in tab_traps(view)]
            + [f"unreachable by Tab: {lost}" for lost in unreachable_by_tab(window.window)]
        )
    findings["main window"] = unlabelled_inputs(window.window)
    assert set(window.views) == set(window.area_keys())  # every area was built
    assert {key: found for key, found in findings.items() if found} == {}


# --- every dialog ----------------------------------------------------------------------------


Opener = Callable[[Demo, QtBot, QWidget], QWidget]  # parent: as the app's view or window


def _intake_new(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.intake import IntakeDialog

    return IntakeDialog(demo.context(), None, parent)


def _intake_edit(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.intake import IntakeDialog

    return IntakeDialog(demo.context(), demo.person_id, parent)


def _duplicates(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.duplicates import DuplicatesDialog

    candidate = Candidate(
        uuid.uuid4(), "MZ-2025-000001", "Haddad", "Samir", date(1990, 1, 2), 0.9, ("birth_date",)
    )
    return DuplicatesDialog([candidate], parent)


def _edit_conflict(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.edit_conflict import EditConflictDialog

    return EditConflictDialog([FieldDiff("phone", "0151 000", "0151 111")], parent)


def _merge(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.merge import MergeDialog

    return MergeDialog(demo.context(), demo.person_id, demo.other_person_id, parent)


def _case_new(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.case_edit import CaseEditDialog

    return CaseEditDialog(parent, demo.context(), demo.person_id)


def _case_edit(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.case_edit import CaseEditDialog

    return CaseEditDialog(parent, demo.context(), demo.person_id, demo.case)


def _case_status(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.case_status import CaseStatusDialog

    return CaseStatusDialog(parent, demo.context(), demo.case, None)


def _case_close(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.case_status import CaseStatusDialog

    return CaseStatusDialog(parent, demo.context(), demo.case, CaseStatus.CLOSED)


def _residence(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.residence_status import ResidenceStatusDialog

    return ResidenceStatusDialog(parent, demo.context(), demo.person_id, "GEST")


def _contact(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.contact_entry import ContactEntryDialog

    return ContactEntryDialog(parent, demo.context(), demo.case.id, "ar")


def _referral(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.referral import ReferralDialog

    return ReferralDialog(parent, demo.context(), demo.case.id)


def _referral_letter(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.referral import open_letter_preview

    dialog = open_letter_preview(parent, demo.context(), demo.draft_referral_id)
    assert dialog is not None
    return dialog


def _consents(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.consents import ConsentsDialog

    return ConsentsDialog(parent, demo.context(), demo.person_id)


def _consent_new(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.consents import ConsentsDialog

    consents = ConsentsDialog(parent, demo.context(), demo.person_id)
    return consents.open_editor()


def _consent_form(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.consents import ConsentsDialog

    consents = ConsentsDialog(parent, demo.context(), demo.person_id)
    preview = consents.print_form()
    assert preview is not None
    return preview


def _settings_lead(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.settings import SettingsDialog

    return SettingsDialog(demo.context(), parent)


def _settings_admin(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.settings import SettingsDialog

    return SettingsDialog(demo.context(demo.admin_id), parent)


def _login(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.login import LoginDialog

    return LoginDialog(demo.db.session, parent, first_admin=False, username="leitung1")


def _first_admin(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.login import LoginDialog

    return LoginDialog(demo.db.session, parent, first_admin=True)


def _lock(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.lock import LockDialog

    return LockDialog(demo.context().session_factory, demo.lead_id, "Leitung Eins", parent)


def _attendee_import(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.attendee_import import AttendeeImportDialog

    dialog = AttendeeImportDialog(demo.context().session_factory, demo.event_id, parent)
    path = demo.folder / "anmeldung.csv"
    path.write_text("Nachname;Vorname;Geb.;Ort\nHaddad;Samir;24.11.1990;Neustadt\n;Leer;1990;X\n")
    dialog.load_file(path)  # a mapping combo box per column, the preview, a rejected row
    assert len(dialog.combos) == 4
    return dialog


PARTNER_CSV = (
    "name;kind;postcode;city;phone\n"
    "Werkstatt Lindenhof;AG;54321;Seefeld;0123 3\n"
    "Ohne Art;;1;X;2\n"  # rejected: no kind
)


def _partner_import(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.partner_import import PartnerImportDialog

    dialog = PartnerImportDialog(demo.context().session_factory, parent, "de")
    path = demo.folder / "partner.csv"
    path.write_text(PARTNER_CSV, encoding="utf-8")
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.preview_table.rowCount() == 1, timeout=5000)
    return dialog


def _passphrase_new(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.kit_actions import PassphraseDialog

    return PassphraseDialog(parent, "Encrypt the kit", confirm=True)


def _passphrase(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.kit_actions import PassphraseDialog

    return PassphraseDialog(parent, "Passphrase of the kit", confirm=False)


def _new_event(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.views.events import NewEventDialog

    return NewEventDialog(demo.context().session_factory, parent)


def _drill(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.core.stats.rows import DrillList, DrillRow
    from mzdesk.ui.views.statistics import DrillDialog

    row = DrillRow(demo.case.id, None, "MZ-2025-000001", "Testperson, Erika", None, "Fall offen")
    return DrillDialog(
        "Beratungen", DrillList("caseload.new_cases", "cases", (row,), None, False), 1, parent
    )


def _placement(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.placement import PlacementDialog

    return PlacementDialog(parent, demo.context(), demo.case.id)


def _account_new(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.account import AccountDialog

    return AccountDialog(["Team Nord", "Team Süd"], parent)


def _password_set(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.dialogs.account import PasswordDialog

    return PasswordDialog("berater1", parent)


def _fair_mode(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    from mzdesk.ui.views.fair_mode import FairMode

    window = FairMode(demo.context().session_factory, demo.event_id, "de")
    window.family_edit.setFocus()
    return window


def _reject_reason(demo: Demo, qtbot: QtBot, parent: QWidget) -> QWidget:
    """QInputDialog.getText as the referrals view asks for the reason of a rejection."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Rejected")
    dialog.setLabelText("Reason:")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    return dialog


DIALOGS: dict[str, Opener] = {
    "intake new": _intake_new,
    "intake edit": _intake_edit,
    "duplicates": _duplicates,
    "edit conflict": _edit_conflict,
    "merge": _merge,
    "case new": _case_new,
    "case edit": _case_edit,
    "case status": _case_status,
    "case close": _case_close,
    "residence status": _residence,
    "contact entry": _contact,
    "referral": _referral,
    "referral letter": _referral_letter,
    "consents": _consents,
    "consent new": _consent_new,
    "consent form": _consent_form,
    "settings lead": _settings_lead,
    "settings admin": _settings_admin,
    "login": _login,
    "first admin": _first_admin,
    "lock": _lock,
    "attendee import": _attendee_import,
    "partner import": _partner_import,
    "kit passphrase new": _passphrase_new,
    "kit passphrase": _passphrase,
    "new event": _new_event,
    "statistics drill-down": _drill,
    "placement": _placement,
    "account new": _account_new,
    "password set": _password_set,
    "fair mode": _fair_mode,
    "referral rejection reason": _reject_reason,
}


@pytest.fixture
def parent() -> Iterator[QWidget]:
    """The view or window the app opens a dialog from (alive until pytest-qt closed it)."""
    widget = QWidget()
    yield widget
    widget.deleteLater()


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_is_labelled_and_tab_reaches_every_input(
    qtbot: QtBot, demo: Demo, parent: QWidget, name: str
) -> None:
    dialog = DIALOGS[name](demo, qtbot, parent)
    qtbot.addWidget(dialog)
    if not dialog.isVisible():
        dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, dialog, parent)  # partners, previews … have loaded
    findings = {
        "unlabelled": unlabelled_inputs(dialog, include_hidden=True),
        "keeps Tab": tab_traps(dialog),
        "unreachable by Tab": unreachable_by_tab(dialog),
    }
    assert {kind: found for kind, found in findings.items() if found} == {}
    assert len(tab_chain(dialog)) >= 2
