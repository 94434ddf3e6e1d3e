"""Light and dark: every colour mzdesk draws itself stays readable (WCAG AA, 4.5:1).

The main window runs on a small demo database plus, for the counsellor "berater1", a case with
an overdue and a done follow-up, a confidential note and a rejected referral. For the light
and the dark scheme (the personal setting, as a user would choose it) the areas that colour
things are opened — follow-ups, referrals, the case timeline, fair mode, the intake dialog
with a bad date, the login with a wrong password — and every coloured foreground is measured
against the background it is drawn on: the foreground as declared (an item's ForegroundRole,
or the colour a style sheet gave the label), the background as rendered (the commonest pixel
of the item's or label's area in a grab of the window), after checking that the declared
colour is really among the drawn pixels.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.database import Database
from mzdesk.core.demo.generate import generate_demo
from mzdesk.core.models import (
    Case,
    Contact,
    Event,
    FollowUp,
    Partner,
    Person,
    Referral,
    ReferralStatus,
    User,
)
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.dialogs.intake import IntakeDialog
from mzdesk.ui.dialogs.login import LoginDialog
from mzdesk.ui.dialogs.settings import SettingsDialog
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.settings import COLOR_SCHEME, Settings
from mzdesk.ui.views.clients import ClientsView
from mzdesk.ui.views.fair_mode import FairMode
from mzdesk.ui.views.follow_ups import FollowUpsView
from mzdesk.ui.views.referrals import ReferralsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

AA = 4.5
TEXT = QPalette.ColorRole.Text


# --- measuring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    what: str
    foreground: QColor
    background: QColor

    @property
    def ratio(self) -> float:
        return theme.contrast(self.foreground, self.background)

    def __str__(self) -> str:
        return (
            f"{self.what}: {self.foreground.name()} on {self.background.name()}"
            f" = {self.ratio:.2f}:1"
        )


def _pixels(image: QImage) -> Counter[int]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return Counter(
        image.pixel(x, y) & 0xFFFFFF for y in range(image.height()) for x in range(image.width())
    )


def _distance(first: QColor, second: QColor) -> int:
    return (
        abs(first.red() - second.red())
        + abs(first.green() - second.green())
        + abs(first.blue() - second.blue())
    )


def _read(what: str, image: QImage, foreground: QColor) -> Reading:
    """The commonest pixel is the background; the declared foreground must be drawn too."""
    pixels = _pixels(image)
    assert pixels, f"{what}: nothing rendered"
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    tolerance = max(12, _distance(foreground, background) // 5)
    drawn = min(_distance(QColor.fromRgb(value), foreground) for value in pixels)
    assert drawn <= tolerance, (
        f"{what}: {foreground.name()} is declared but not drawn (closest pixel {drawn} away)"
    )
    return Reading(what, foreground, background)


def read_label(label: QLabel, what: str) -> Reading:
    """A label's text colour (its palette after its style sheet was applied) on what is
    behind it in the window."""
    assert label.isVisible() and label.text(), f"{what}: the label is not showing"
    label.ensurePolished()
    window = label.window()
    area = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
    image = window.grab(area).toImage()
    return _read(what, image, label.palette().color(label.foregroundRole()))


def read_items(view: QAbstractItemView, what: str) -> list[Reading]:
    """Every visible item with its own foreground or background colour (not selected: a
    selected row is drawn in the palette's highlight colours)."""
    view.clearSelection()
    view.setCurrentIndex(QModelIndex())
    QApplication.sync()  # the repaints those changes posted are done before the grab
    image = view.viewport().grab().toImage()
    bounds = view.viewport().rect()
    readings: list[Reading] = []
    model = view.model()
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        first = pending.pop()
        pending.extend(model.index(row, 0, first) for row in range(model.rowCount(first)))
        for column in range(model.columnCount(first.parent())):
            index = first.siblingAtColumn(column)
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            background = index.data(Qt.ItemDataRole.BackgroundRole)
            rect = view.visualRect(index).intersected(bounds)
            if (foreground is None and background is None) or rect.isEmpty():
                continue
            if not str(index.data() or "").strip():
                continue
            colour = foreground.color() if foreground is not None else view.palette().color(TEXT)
            readings.append(_read(f"{what} '{index.data()}'", image.copy(rect), colour))
    return readings


def _texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    pending, texts = [QModelIndex()], []
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                texts.append(str(model.index(row, column, parent).data()))
            pending.append(model.index(row, 0, parent))
    return texts


def unreadable(readings: list[Reading]) -> list[str]:
    return [str(reading) for reading in readings if reading.ratio < AA]


# --- the demo world ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Demo:
    url: str
    counsellor_id: uuid.UUID
    person_id: uuid.UUID
    event_id: uuid.UUID
    today: date  # the day its dates were made for (made when the module's tests start)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    url = f"sqlite:///{tmp_path_factory.mktemp('dark') / 'demo.sqlite'}"
    today = date.today()  # not at import: the module may be imported before midnight
    with Database(url, create=True) as database:
        generate_demo(database, 40, seed=7)
        with database.session() as s:
            counsellor = s.scalars(select(User).where(User.username == "berater1")).one()
            partner = s.scalars(select(Partner).order_by(Partner.name)).first()
            event = s.scalars(select(Event).order_by(Event.starts_on)).first()
            assert partner is not None and event is not None
            person = Person(file_number="MZ-DARK-1", family_name="Probe", given_names="Dunja")
            s.add(person)
            s.flush()
            case = Case(person_id=person.id, counsellor_id=counsellor.id, opened_on=today)
            s.add(case)
            s.flush()
            s.add_all(
                [
                    FollowUp(case_id=case.id, due_on=today - timedelta(days=3), text="Bescheid"),
                    FollowUp(
                        case_id=case.id,
                        due_on=today - timedelta(days=9),
                        text="Unterlagen erhalten",
                        done_at=datetime.now(UTC),
                    ),
                    Contact(
                        case_id=case.id,
                        counsellor_id=counsellor.id,
                        occurred_at=datetime.now(UTC) - timedelta(days=1),
                        channel="IN_PERSON",
                        summary="Beratung zur Arbeitssuche",
                        note="Vertraulich: nur am Bildschirm",
                    ),
                    Referral(
                        case_id=case.id,
                        partner_id=partner.id,
                        created_by_id=counsellor.id,
                        purpose="Probearbeit",
                        status=ReferralStatus.REJECTED,
                        rejection_reason="Keine Stelle frei",
                        created_on=today - timedelta(days=5),
                        sent_on=today - timedelta(days=5),
                        answered_on=today - timedelta(days=1),
                    ),
                ]
            )
            s.commit()
            return Demo(url, counsellor.id, person.id, event.id, today)


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication, settings: Settings) -> Iterator[str]:
    """The personal setting ``ui/color_scheme`` as a user would choose it, applied."""
    settings.set(COLOR_SCHEME, request.param)
    used = theme.apply_color_scheme(qapp, settings)
    assert used == (Qt.ColorScheme.Dark if request.param == "dark" else Qt.ColorScheme.Light)
    assert theme.is_dark(qapp.palette()) is (request.param == "dark")
    yield str(request.param)
    settings.set(COLOR_SCHEME, "system")
    theme.apply_color_scheme(qapp, settings)


@pytest.fixture
def database(demo: Demo) -> Iterator[Database]:
    with Database(demo.url) as database:
        yield database


def _window(qtbot: QtBot, database: Database, demo: Demo, settings: Settings) -> MainWindow:
    context = AreaContext(
        lambda: database.session(demo.counsellor_id), settings, "de", user_id=demo.counsellor_id
    )
    window = MainWindow(database, context, registry.areas())
    qtbot.addWidget(window.window)
    window.window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window.window)
    return window


# --- the areas --------------------------------------------------------------------------------


def test_main_window_areas_are_readable(
    qtbot: QtBot, scheme: str, database: Database, demo: Demo, settings: Settings
) -> None:
    window = _window(qtbot, database, demo, settings)
    readings: list[Reading] = []

    follow_ups = window.open_area("follow_ups")
    assert isinstance(follow_ups, FollowUpsView)
    tree = follow_ups.tree
    qtbot.waitUntil(lambda: any("Bescheid" in str(item) for item in _texts(tree)))
    overdue = read_items(tree, "overdue follow-up")  # the due date of each overdue entry
    bescheid_due = (demo.today - timedelta(days=3)).strftime("%d.%m.%Y")
    assert any(bescheid_due in reading.what for reading in overdue)
    readings += overdue
    readings.append(read_label(follow_ups.count_label, "follow-ups count"))

    referrals = window.open_area("referrals")
    assert isinstance(referrals, ReferralsView)
    rejected = read_items(referrals.table, "rejected referral")
    assert any("Probearbeit" in reading.what for reading in rejected)
    readings += rejected
    readings.append(read_label(referrals.rejections_label, "rejections line"))

    clients = window.open_area("clients")
    assert isinstance(clients, ClientsView)
    clients.show_person(demo.person_id)
    timeline = clients.detail.timeline
    qtbot.waitUntil(lambda: timeline.topLevelItemCount() > 0)
    entries = read_items(timeline, "case timeline")
    assert any("Vertraulich" in reading.what for reading in entries)  # the note
    assert any("Unterlagen erhalten" in reading.what for reading in entries)  # done: muted
    readings += entries

    assert not unreadable(readings), "\n".join(unreadable(readings))
    assert len(readings) >= 10


def test_fair_mode_is_readable(qtbot: QtBot, scheme: str, database: Database, demo: Demo) -> None:
    fair = FairMode(lambda: database.session(demo.counsellor_id), demo.event_id, "de")
    qtbot.addWidget(fair)
    fair.resize(1280, 800)
    fair.show()
    qtbot.waitExposed(fair)
    readings = [read_label(fair.help_label, "fair mode help")]
    for label in fair.findChildren(QLabel):
        if label.objectName() in ("tallyNumber", "tallyCaption") and label.isVisible():
            readings.append(read_label(label, f"fair mode {label.objectName()} {label.text()}"))
    fair._show_message("Gespeichert: Probe, Dunja")
    readings.append(read_label(fair.message_label, "fair mode saved"))
    fair._show_message("Bitte einen Familiennamen angeben.", error=True)
    readings.append(read_label(fair.message_label, "fair mode error"))
    fair.hint_label.setText("Vielleicht schon bekannt: Probe, Dunja (MZ-DARK-1)")
    fair.hint_label.show()
    readings.append(read_label(fair.hint_label, "fair mode hint"))
    assert not unreadable(readings), "\n".join(unreadable(readings))
    assert len(readings) >= 6


def test_intake_error_and_login_error_are_readable(
    qtbot: QtBot, scheme: str, database: Database, demo: Demo, settings: Settings
) -> None:
    context = AreaContext(
        lambda: database.session(demo.counsellor_id), settings, "de", user_id=demo.counsellor_id
    )
    intake = IntakeDialog(context)
    qtbot.addWidget(intake)
    intake.show()
    qtbot.waitExposed(intake)
    intake.activateWindow()
    qtbot.waitUntil(intake.isActiveWindow)
    birth = intake.edit("birthDateEdit")
    birth.setFocus()
    qtbot.keyClicks(birth, "24.11.")
    qtbot.keyClick(birth, Qt.Key.Key_Tab)  # leaving the field checks it
    qtbot.waitUntil(lambda: intake.errors["birth_date"].isVisible())
    readings = [read_label(intake.errors["birth_date"], "intake: date error")]
    intake.message.setText("Die Person konnte nicht gespeichert werden.")
    intake.message.show()
    readings.append(read_label(intake.message, "intake: message"))

    login = LoginDialog(lambda: database.session(None), None)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    qtbot.keyClicks(login.username, "berater1")
    qtbot.keyClicks(login.password, "falsch-falsch")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(login.error.isVisible)
    readings.append(read_label(login.error, "login error"))
    assert not unreadable(readings), "\n".join(unreadable(readings))


def test_form_dialog_error_and_hint_are_readable(
    qtbot: QtBot, scheme: str, database: Database, demo: Demo, settings: Settings
) -> None:
    """The case dialogs' error line and the contact entry's note hint (once colours in .ui)."""
    from mzdesk.ui.dialogs.contact_entry import ContactEntryDialog

    with database.session() as session:
        case_id = session.scalars(select(Case.id).where(Case.person_id == demo.person_id)).one()
    context = AreaContext(
        lambda: database.session(demo.counsellor_id), settings, "de", user_id=demo.counsellor_id
    )
    dialog = ContactEntryDialog(None, context, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_error("Bitte eine Dauer in Minuten angeben.")
    hint = dialog.form.findChild(QLabel, "noteHint")
    assert hint is not None
    readings = [read_label(dialog.error_label, "case dialog: error"), read_label(hint, "hint")]
    assert not unreadable(readings), "\n".join(unreadable(readings))


# --- the check itself, and following a change ------------------------------------------------


def test_the_check_catches_the_old_dark_red_on_a_dark_palette(
    qtbot: QtBot, qapp: QApplication, settings: Settings
) -> None:
    """The login's error colour before theme.py (#b00020, fixed) fails on a dark palette."""
    settings.set(COLOR_SCHEME, "dark")
    theme.apply_color_scheme(qapp, settings)
    try:
        box = QWidget()
        qtbot.addWidget(box)
        old = QLabel("Benutzername oder Passwort ist falsch.", box)
        old.setStyleSheet("color: #b00020;")
        box.resize(400, 40)
        box.show()
        qtbot.waitExposed(box)
        reading = read_label(old, "old login error")
        assert reading.ratio < AA, str(reading)
        assert unreadable([reading])
    finally:
        settings.set(COLOR_SCHEME, "system")
        theme.apply_color_scheme(qapp, settings)


def test_switching_the_scheme_restyles_what_is_open(
    qtbot: QtBot, qapp: QApplication, settings: Settings, database: Database
) -> None:
    login = LoginDialog(lambda: database.session(None), None)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    qtbot.keyClicks(login.username, "niemand")
    qtbot.keyClicks(login.password, "x")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(login.error.isVisible)
    light = read_label(login.error, "login error, light")
    assert light.foreground.name() == theme.LIGHT.error
    try:
        settings.set(COLOR_SCHEME, "dark")
        theme.apply_color_scheme(qapp, settings)
        qtbot.waitUntil(lambda: theme.is_dark(login.palette()))  # widgets follow in events
        dark = read_label(login.error, "login error, dark")
        assert dark.foreground.name() == theme.DARK.error and dark.ratio >= AA, str(dark)
    finally:
        settings.set(COLOR_SCHEME, "system")
        theme.apply_color_scheme(qapp, settings)
    assert not theme.is_dark(qapp.palette())  # "system" on a light (offscreen) system
    assert isinstance(login.username, QLineEdit) and login.username.text() == "niemand"


def test_switching_the_scheme_recolours_the_open_lists(
    qtbot: QtBot, qapp: QApplication, settings: Settings, database: Database, demo: Demo
) -> None:
    window = _window(qtbot, database, demo, settings)
    follow_ups = window.open_area("follow_ups")
    assert isinstance(follow_ups, FollowUpsView)
    qtbot.waitUntil(lambda: any("Bescheid" in str(item) for item in _texts(follow_ups.tree)))
    referrals = window.open_area("referrals")
    assert isinstance(referrals, ReferralsView)

    def overdue_colour() -> str:
        overdue = follow_ups.tree.topLevelItem(0)
        assert overdue is not None and overdue.childCount() > 0
        return overdue.child(0).foreground(0).color().name()

    def rejected_background() -> set[str]:
        model = referrals.model
        return {
            model.item(row, 0).background().color().name()
            for row in range(model.rowCount())
            if model.item(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
        }

    assert overdue_colour() == theme.LIGHT.overdue
    assert rejected_background() == {theme.LIGHT.rejected_bg}
    try:
        settings.set(COLOR_SCHEME, "dark")
        theme.apply_color_scheme(qapp, settings)
        qtbot.waitUntil(lambda: overdue_colour() == theme.DARK.overdue)  # without a reload
        qtbot.waitUntil(lambda: rejected_background() == {theme.DARK.rejected_bg})
    finally:
        settings.set(COLOR_SCHEME, "system")
        theme.apply_color_scheme(qapp, settings)


def test_the_personal_setting_switches_at_once(
    qtbot: QtBot, qapp: QApplication, settings: Settings, database: Database, demo: Demo
) -> None:
    context = AreaContext(
        lambda: database.session(demo.counsellor_id), settings, "de", user_id=demo.counsellor_id
    )
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.color_scheme.currentData() == "system"
    dialog.color_scheme.setFocus()
    qtbot.keyClick(dialog.color_scheme, Qt.Key.Key_End)  # the last entry: dark
    assert dialog.color_scheme.currentData() == "dark"
    try:
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        assert theme.is_dark(qapp.palette())
        assert Settings().text(COLOR_SCHEME) == "dark"  # kept for the next start
    finally:
        settings.set(COLOR_SCHEME, "system")
        theme.apply_color_scheme(qapp, settings)
    assert not theme.is_dark(qapp.palette())
