"""The window's permission matrix: every area × role, and what each role sees of whom.

The main window is built as ``run_gui`` builds it for a logged-in user (the user's sessions,
``hide_areas`` for their role) over the matrix world of the CLI matrix (team A and team B,
one of everything about a person in each; ``tests/integration/matrix_world.py``), on SQLite
and PostgreSQL. For the counsellor and the lead of team A and the admin:

* which areas the navigation offers (``OFFERED``), and that every area — offered or not —
  opens without an error, a traceback or a message box;
* in each area that shows person data (Klienten search and case file, Wiedervorlagen,
  Überweisungen, the attendees of both teams' fairs in fair mode with its duplicate hint,
  Statistik drill-down, Protokoll, Kit-Abgleich): team A's identifiers that role should see
  appear (``SHOWS``), and no identifier of team B's client data ever does — nor, for the
  admin, of team A's: every text of every widget and every item model is searched;
* opening team B's person's file is refused with a German message, for every role;
* ``--selftest``, which needs no login, prints no person.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from mzdesk.core import schema
from mzdesk.core.access import AccessDenied
from mzdesk.core.database import Database
from mzdesk.core.kits.merge import DUPLICATE_ENTITY, DUPLICATE_FIELD
from mzdesk.core.models import KitMerge, MergeConflict
from mzdesk.core.models.enums import Role
from mzdesk.core.services import lookup, person_file
from mzdesk.ui.app import hide_areas
from mzdesk.ui.areas import DECLARED_AREAS, AreaContext, registry
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.settings import Settings
from tests.integration.matrix_world import WORDS, MatrixWorld, build_matrix, cheap_password_hashes

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)

ROLES = {"berater_a": Role.COUNSELLOR, "leitung_a": Role.TEAM_LEAD, "admin": Role.ADMIN}
ALL_AREAS = {area.key for area in DECLARED_AREAS}
# The navigation of each role (the other areas are hidden: the core refuses their work).
OFFERED = {
    "berater_a": ALL_AREAS - {"statistics", "audit", "users"},
    "leitung_a": ALL_AREAS - {"users"},
    "admin": {"partners", "audit", "users"},  # never case contents, no events
}
OWN = {
    "own": "MZ-T-0001",
    "fresh": "MZ-T-0003",
    "old": "MZ-T-0004",
    "own_name": "Zubrowa",
}
# What each role sees of team A in an area or action (keys of OWN); "refused": a German
# refusal ("Keine Berechtigung …") is shown instead. Nothing listed: nothing required (and for
# the admin nothing of team A may show, as nothing of team B for anyone).
SHOWS: dict[str, dict[str, tuple[str, ...]]] = {
    "clients_search": {
        "berater_a": ("own", "fresh", "old"),
        "leitung_a": ("own", "fresh", "old"),
        "admin": (),
    },
    "case_file": {
        "berater_a": ("own", "own_name"),
        "leitung_a": ("own", "own_name"),
        "admin": ("refused",),
    },
    "follow_ups": {"berater_a": ("own", "own_name"), "leitung_a": (), "admin": ()},
    "referrals": {
        "berater_a": ("own", "own_name"),
        "leitung_a": ("own", "own_name"),
        "admin": ("refused",),
    },
    "fair_attendees": {
        "berater_a": ("own_name",),
        "leitung_a": ("own_name",),
        "admin": ("refused",),
    },
    "statistics_drill": {"berater_a": ("refused",), "leitung_a": ("own",), "admin": ("refused",)},
    "audit": {"berater_a": ("refused",), "leitung_a": ("own",), "admin": ()},
    "users": {"berater_a": ("refused",), "leitung_a": ("refused",), "admin": ()},
    "kit_review": {"berater_a": ("own_name",), "leitung_a": ("own_name",), "admin": ("refused",)},
}
REFUSED = "Keine Berechtigung"


# --- the world ---------------------------------------------------------------------------------


@dataclass
class GuiWorld:
    url: str
    world: MatrixWorld


def _postgres_url() -> str:
    from conftest import postgres_server_url

    server = make_url(postgres_server_url() or "")
    name = f"mzg_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    found = make_url(url)
    engine = create_engine(found.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{found.database}" WITH (FORCE)'))
    finally:
        engine.dispose()


def _history(database: Database, world: MatrixWorld) -> None:
    """What the Protokoll and the kit review show: each team read its person's file, team A
    was refused team B's, and team B's fair return held a new person as a possible duplicate
    of team B's person."""
    for user, person in (("berater_a", world.own), ("berater_b", world.other)):
        with database.session(world.users[user]) as session:
            person_file.load(session, person)
            session.commit()
    with database.session(world.users["berater_a"]) as session, pytest.raises(AccessDenied):
        lookup.person(session, "MZ-T-0002")
    with database.session() as session:
        # access_world's field conflicts hold raw strings; a merge stores JSON values
        for conflict in session.scalars(select(MergeConflict)):
            conflict.office_value = json.dumps(conflict.office_value)
            conflict.kit_value = json.dumps(conflict.kit_value)
        merge = KitMerge(
            kit_id=uuid.uuid4(),
            event_id=world.base.event_b,
            merged_at=datetime(2025, 5, 15, tzinfo=UTC),
            report={},
        )
        session.add(merge)
        session.flush()
        session.add(
            MergeConflict(
                kit_merge_id=merge.id,
                entity=DUPLICATE_ENTITY,
                entity_id=world.twin_b,  # new at team B's fair, no case yet: everyone sees it
                field=DUPLICATE_FIELD,
                office_value=str(world.other),  # team B's person: team A never learns of it
                kit_value='{"score": 0.93, "reasons": ["name_key", "birth_date"]}',
            )
        )
        session.commit()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def gui_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GuiWorld]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('gui-matrix') / 'world.sqlite'}"
    else:
        url = _postgres_url()
    try:
        with cheap_password_hashes(), Database(url, create=True) as database:
            schema.upgrade(database)
            world = build_matrix(database)
            _history(database, world)
        yield GuiWorld(url, world)
    finally:
        if request.param == "postgresql":
            _drop(url)


@pytest.fixture
def database(gui_world: GuiWorld) -> Iterator[Database]:
    found = Database(gui_world.url)
    yield found
    QThreadPool.globalInstance().waitForDone(10_000)
    found.close()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box the window shows (none blocks the test)."""
    shown: list[str] = []

    def record(_parent: object, _title: str, message: str, *_args: object) -> object:
        shown.append(message)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def open_window(qtbot: QtBot, database: Database, user_id: uuid.UUID, role: Role) -> MainWindow:
    """The main window as run_gui builds it once ``user_id`` logged in."""
    context = AreaContext(lambda: database.session(user_id), Settings(), "de", user_id=user_id)
    window = MainWindow(None, context, registry.areas())  # the frame, then the login …
    hide_areas(window, role)
    window.attach(database)  # … then the database and the first area offered
    qtbot.addWidget(window.window)
    window.window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window.window)
    return window


def settle(qtbot: QtBot) -> None:
    """Let background reads finish and their results arrive."""
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()


# --- every text a person could see -------------------------------------------------------------


def _model_texts(model: object, parent: QModelIndex, into: list[str], tree: bool) -> None:
    """The display and tooltip texts of a model's rows (a tree's children too)."""
    if model is None:
        return
    rows = model.rowCount(parent)  # type: ignore[attr-defined]
    try:
        columns = model.columnCount(parent)  # type: ignore[attr-defined]
    except TypeError:  # a list model
        columns = 1
    for row in range(min(rows, 500)):
        for column in range(columns):
            index = model.index(row, column, parent)  # type: ignore[attr-defined]
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if value is not None:
                    into.append(str(value))
            if tree and column == 0:
                _model_texts(model, index, into, tree)


def texts(*roots: QWidget) -> str:
    """Every text of the widgets and their children: labels, fields, buttons, item models."""
    found: list[str] = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            found += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                found.append(widget.text())
            elif isinstance(widget, QTextEdit | QPlainTextEdit):
                found.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                found += [widget.itemText(i) for i in range(widget.count())]
            elif isinstance(widget, QGroupBox):
                found.append(widget.title())
            if isinstance(widget, QAbstractItemView):
                _model_texts(widget.model(), QModelIndex(), found, isinstance(widget, QTreeView))
    return "\n".join(found)


def leaks(world: MatrixWorld, shown: str, user: str, *, ids: bool = True) -> list[str]:
    """Team B's identifiers in ``shown`` (for the admin: team A's as well); ``ids=False``:
    names, file numbers and phones only (the admin's audit trail lists record ids)."""
    marks = world.marks("B") | (world.marks("A") if user == "admin" else {})
    if not ids:
        marks = {mark: what for mark, what in marks.items() if what == WORDS}
    return [f"{mark} ({what})" for mark, what in marks.items() if mark in shown][:5]


def _check(area: str, user: str, world: MatrixWorld, shown: str) -> list[str]:
    """Against ``SHOWS``: what of team A is there, what must not be, and no leak."""
    expected = SHOWS[area][user]
    found = leaks(world, shown, user, ids=not (area == "audit" and user == "admin"))
    problems = [f"{area} as {user} shows {leak}" for leak in found]
    if "refused" in expected and REFUSED not in shown:
        problems.append(f"{area} as {user}: no German refusal")
    for key in (k for k in expected if k in OWN):
        if OWN[key] not in shown:
            problems.append(f"{area} as {user}: {OWN[key]} ({key}) not shown")
    return problems


# --- the areas ---------------------------------------------------------------------------------


@pytest.mark.parametrize("user", sorted(ROLES))
def test_every_area_is_offered_or_hidden_and_opens(
    qtbot: QtBot, database: Database, gui_world: GuiWorld, boxes: list[str], user: str
) -> None:
    world = gui_world.world
    window = open_window(qtbot, database, world.users[user], ROLES[user])
    assert set(window.area_keys()) == ALL_AREAS  # every declared area is in the window
    navigation = window.navigation
    offered = {
        navigation.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(navigation.count())
        if not navigation.item(row).isHidden()
    }
    assert offered == OFFERED[user]
    problems: list[str] = []
    for key in sorted(ALL_AREAS):
        view = window.open_area(key)  # raises if the view cannot be built
        settle(qtbot)
        shown = texts(view)
        found = leaks(world, shown, user, ids=not (key == "audit" and user == "admin"))
        problems += [f"area {key} as {user} shows {leak}" for leak in found]
        if "Traceback" in shown:
            problems.append(f"area {key} as {user}: a traceback")
    problems += [f"a message box: {text_}" for text_ in boxes]
    assert problems == []
    assert set(window.views) == ALL_AREAS


# --- the areas and actions that show persons ---------------------------------------------------


@pytest.mark.parametrize("user", sorted(ROLES))
def test_client_search_and_case_files(
    qtbot: QtBot, database: Database, gui_world: GuiWorld, boxes: list[str], user: str
) -> None:
    world = gui_world.world
    window = open_window(qtbot, database, world.users[user], ROLES[user])
    view = window.open_area("clients")
    view.search_edit.setText("Zubrow")  # type: ignore[attr-defined]
    view.apply_search()  # type: ignore[attr-defined]
    settle(qtbot)
    problems = _check("clients_search", user, world, texts(view.table))  # type: ignore[attr-defined]
    view.search_edit.setText("Subrowin")  # type: ignore[attr-defined]
    view.apply_search()  # type: ignore[attr-defined]
    settle(qtbot)
    problems += [f"search as {user} shows {leak}" for leak in leaks(world, texts(view), user)]

    window.show_person(world.own)
    settle(qtbot)
    problems += _check("case_file", user, world, texts(view))
    window.show_person(world.other)  # team B's person, e.g. from an old link
    settle(qtbot)
    shown = texts(view)
    if REFUSED not in shown:
        problems.append(f"team B's file as {user}: no German refusal")
    problems += [f"team B's file as {user} shows {leak}" for leak in leaks(world, shown, user)]
    problems += [f"a message box: {text_}" for text_ in boxes]
    assert problems == []


@pytest.mark.parametrize("user", sorted(ROLES))
def test_follow_ups_and_referrals(
    qtbot: QtBot, database: Database, gui_world: GuiWorld, boxes: list[str], user: str
) -> None:
    world = gui_world.world
    window = open_window(qtbot, database, world.users[user], ROLES[user])
    problems: list[str] = []
    for key in ("follow_ups", "referrals"):
        view = window.open_area(key)
        refresh = getattr(view, "refresh", None)
        if callable(refresh):
            refresh()
        settle(qtbot)
        problems += _check(key, user, world, texts(view))
    problems += [f"a message box: {text_}" for text_ in boxes]
    assert problems == []


@pytest.mark.parametrize("user", sorted(ROLES))
def test_fair_mode_attendees_and_duplicate_hint(
    qtbot: QtBot, database: Database, gui_world: GuiWorld, boxes: list[str], user: str
) -> None:
    """Both teams' fairs: team A's person is among the attendees of each, team B's never; the
    duplicate hint for a typed name like team B's person's names nobody of team B."""
    world = gui_world.world
    window = open_window(qtbot, database, world.users[user], ROLES[user])
    view = window.open_area("events")
    problems: list[str] = []
    for event_id in (world.base.event_a, world.base.event_b):
        rows = [r for r in range(view.model.rowCount()) if view._id(r) == event_id]  # type: ignore[attr-defined]
        if not rows:  # no events for this role: the list says why
            problems += _check("fair_attendees", user, world, texts(view))
            continue
        view.table.selectRow(rows[0])  # type: ignore[attr-defined]
        fair = view.open_fair_mode()  # type: ignore[attr-defined]
        assert fair is not None
        settle(qtbot)
        fair.search_edit.setText("Zubrow")
        fair._search("Zubrow")
        shown = texts(fair)
        problems += _check("fair_attendees", user, world, shown)
        fair.family_edit.setText("Zubrowin")
        fair.given_edit.setText("Berta")
        fair.birth_edit.setText("04.03.1990")
        fair.look_for_duplicates()
        settle(qtbot)
        hint = fair.hint_label.text()
        problems += [f"fair hint as {user} shows {leak}" for leak in leaks(world, hint, user)]
        if "MZ-T-0007" not in hint:  # team B's person's look-alike without a case: offered
            problems.append(f"fair hint as {user}: {hint!r}")
        fair.family_edit.clear()
        fair.given_edit.clear()
        fair.birth_edit.clear()
        fair.close()
        settle(qtbot)
    problems += [f"a message box: {text_}" for text_ in boxes if REFUSED not in text_]
    assert problems == []


@pytest.mark.parametrize("user", sorted(ROLES))
def test_statistics_drill_down(
    qtbot: QtBot, database: Database, gui_world: GuiWorld, boxes: list[str], user: str
) -> None:
    from mzdesk.ui.views.statistics import StatisticsView

    world = gui_world.world
    window = open_window(qtbot, database, world.users[user], ROLES[user])
    view = window.open_area("statistics")
    assert isinstance(view, StatisticsView)
    view.year_spin.setValue(2025)
    view.part_combo.setCurrentIndex(0)  # the whole year
    view.compute()
    settle(qtbot)
    if view.report is None:
        assert _check("statistics_drill", user, world, texts(view) + "\n".join(boxes)) == []
        return
    boxes.clear()
    model, index = next(
        (m, m.index(r, c))
        for m in view.models.values()
        for r in range(m.rowCount())
        for c in range(m.columnCount())
        if m.figure_key(m.index(r, c)) == "placements.total"
    )
    view.drill(model, index)
    settle(qtbot)
    qtbot.waitUntil(lambda: view.last_drill is not None, timeout=10_000)
    assert view.last_drill is not None
    shown = texts(view.last_drill)
    view.last_drill.close()
    assert _check("statistics_drill", user, world, shown) == []
    assert boxes == []


@pytest.mark.parametrize("user", sorted(ROLES))
def test_audit_trail(
    qtbot: QtBot, database: Database, gui_world: GuiWorld, boxes: list[str], user: str
) -> None:
    world = gui_world.world
    window = open_window(qtbot, database, world.users[user], ROLES[user])
    view = window.open_area("audit")
    settle(qtbot)
    assert _check("audit", user, world, texts(view)) == []
    assert boxes == []


@pytest.mark.parametrize("user", sorted(ROLES))
def test_kit_review(
    qtbot: QtBot, database: Database, gui_world: GuiWorld, boxes: list[str], user: str
) -> None:
    world = gui_world.world
    window = open_window(qtbot, database, world.users[user], ROLES[user])
    view = window.open_area("kit_review")
    reload = getattr(view, "reload", None)
    if callable(reload):
        try:
            reload()
        except AccessDenied as denied:
            boxes.append(denied.german)
    settle(qtbot)
    shown = texts(view) + "\n".join(boxes)
    assert _check("kit_review", user, world, shown) == []


def test_selftest_needs_no_login_and_names_nobody(
    gui_world: GuiWorld, capsys: pytest.CaptureFixture[str]
) -> None:
    """``mzdesk --selftest`` (no login: the program itself renders every area) prints counts,
    never a person — of either team."""
    from mzdesk.ui.app import run_selftest

    assert run_selftest(gui_world.url) == 0
    out, err = capsys.readouterr()
    world = gui_world.world
    shown = out + err
    assert "selftest passed" in out
    marks = world.marks("A") | world.marks("B")
    assert [mark for mark in marks if mark in shown] == []
