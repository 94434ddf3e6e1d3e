"""GUI fixtures: SQLite databases with many synthetic persons, made fast with Core inserts.

Every GUI test ends in the same order (``pytest_runtest_teardown`` below): pytest-qt closes
the test's widgets; then the background work the test started is waited for and its results
delivered (skipped for widgets that are gone), deferred deletes are carried out and Python's
garbage is collected — all on the GUI thread, while the test's databases are still open;
only then do the fixtures close the databases. Without it a worker of one test could still
run (on a database being closed) during the next test's setup, and Python's cycle collector,
triggered by that worker's allocations, would destroy the previous test's Qt objects (a
BackgroundOp's relay, a window held by a callback) in the worker thread while the GUI
thread delivers events — how "Fatal Python error: Segmentation fault" in pytest-qt's
``_process_events`` during a setup can come about.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core.database import Database
from mzdesk.ui import operations
from mzdesk.ui.i18n import Translations
from mzdesk.ui.settings import Settings

from .helpers import PersonsDb, make_persons_db

PATIENCE_MS = 60_000  # no wait of a GUI test gives up sooner: a loaded machine is just slower
DRAIN_S = 120.0  # background work still running this long after its test: a failure


class PatientQtBot(QtBot):
    """pytest-qt's ``qtbot`` whose waits give up after ``PATIENCE_MS`` at the earliest.

    A wait ends as soon as its condition holds, so a long bound costs nothing on a quiet
    machine; pytest-qt's 5 s default (and the 2–10 s some tests name) is what fails on a
    loaded one. No test here waits for something *not* to happen (that is checked as a
    state: a timer not active, nothing running), so a longer bound never hides a defect.
    """

    def waitUntil(self, callback: Callable[[], bool | None], *, timeout: int = PATIENCE_MS) -> None:
        super().waitUntil(callback, timeout=max(timeout, PATIENCE_MS))

    def waitSignal(self, signal: Any, *, timeout: int = PATIENCE_MS, **kwargs: Any) -> Any:
        return super().waitSignal(signal, timeout=max(timeout, PATIENCE_MS), **kwargs)

    def waitSignals(self, signals: Any, *, timeout: int = PATIENCE_MS, **kwargs: Any) -> Any:
        return super().waitSignals(signals, timeout=max(timeout, PATIENCE_MS), **kwargs)

    def waitCallback(self, *, timeout: int = PATIENCE_MS, **kwargs: Any) -> Any:
        return super().waitCallback(timeout=max(timeout, PATIENCE_MS), **kwargs)

    def waitExposed(self, widget: QWidget, *, timeout: int = PATIENCE_MS) -> Any:
        return super().waitExposed(widget, timeout=max(timeout, PATIENCE_MS))

    def waitActive(self, widget: QWidget, *, timeout: int = PATIENCE_MS) -> Any:
        return super().waitActive(widget, timeout=max(timeout, PATIENCE_MS))


@pytest.fixture
def qtbot(qapp: QApplication, request: pytest.FixtureRequest) -> QtBot:
    return PatientQtBot(request)


def _drain() -> str | None:
    """Finish the test's background work and Qt's deferred deletes, collect the garbage; what
    is still running after ``DRAIN_S``, if anything."""
    pool = QThreadPool.globalInstance()
    deadline = time.monotonic() + DRAIN_S
    while True:
        QCoreApplication.processEvents()  # results to their callbacks (the GUI keeps serving)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if pool.activeThreadCount() == 0 and operations.running_count() == 0:
            gc.collect()  # the test's garbage cycles destroyed here, on the GUI thread
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            if pool.activeThreadCount() == 0 and operations.running_count() == 0:
                return None
        if time.monotonic() > deadline:
            return (
                f"background work of this test still running {DRAIN_S:.0f} s after it: "
                f"{operations.running_count()} operation(s), {pool.activeThreadCount()} thread(s)"
            )
        pool.waitForDone(20)


_UNDRAINED = pytest.StashKey[str]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """After pytest-qt has closed the test's widgets, before any fixture is torn down (a
    non-wrapper ``tryfirst`` implementation runs inside every hook wrapper, pytest-qt's
    included, and before pytest's own, which tears the fixtures down)."""
    if QApplication.instance() is not None:
        problem = _drain()
        if problem is not None:
            item.stash[_UNDRAINED] = problem  # reported below, once the fixtures are down


@pytest.hookimpl(specname="pytest_runtest_teardown", wrapper=True, tryfirst=True)
def _collect_after_the_fixtures(item: pytest.Item) -> Generator[None, None, None]:
    """Once every fixture of the test is torn down (the outermost wrapper of the teardown):
    what they let go of (the window a fixture held, its models, timers and relays) is
    destroyed here, on the GUI thread. Left to Python's cycle collector, it would be destroyed
    in whichever thread next allocates enough — often a worker the next test's window starts
    while its setup processes events (the segfault in ``_process_events`` during a setup)."""
    try:
        yield
    finally:
        if QApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            gc.collect()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if call.when == "teardown" and _UNDRAINED in item.stash:
        report.outcome = "failed"
        report.longrepr = item.stash[_UNDRAINED]
    return report


@pytest.fixture(scope="session")
def persons_20k(tmp_path_factory: pytest.TempPathFactory) -> PersonsDb:
    """20,000 persons in a migrated SQLite file, shared by the tests that only read it."""
    return make_persons_db(tmp_path_factory.mktemp("big") / "persons20k.sqlite", 20_000)


@pytest.fixture
def small_db(tmp_path: Path) -> PersonsDb:
    return make_persons_db(tmp_path / "small.sqlite", 450)


@pytest.fixture
def open_db(persons_20k: PersonsDb) -> Iterator[Database]:
    database = Database(persons_20k.url)
    yield database
    database.close()


@pytest.fixture
def settings() -> Settings:
    """Settings in this test's own config folder (XDG_CONFIG_HOME from the root conftest)."""
    return Settings()


@pytest.fixture(autouse=True)
def german(qapp: QApplication) -> Iterator[Translations]:
    """The UI in German, as run_gui sets it up on a non-English system."""
    translations = Translations()
    translations.language = "de"
    translations.install(qapp)
    yield translations
    translations.remove(qapp)
