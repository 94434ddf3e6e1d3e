"""The background-operation helper: real work in a worker thread, callbacks on the GUI thread."""

from __future__ import annotations

import gc
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core.database import Database
from mzdesk.core.errors import DatabaseUnavailable
from mzdesk.core.services import persons
from mzdesk.ui import operations
from mzdesk.ui.operations import BackgroundOp, Progress


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_counts_20000_persons_off_the_gui_thread(
    qtbot: QtBot, parent: QWidget, open_db: Database
) -> None:
    worker_threads: list[threading.Thread] = []
    results: list[tuple[int, threading.Thread]] = []

    def count(_progress: Progress) -> int:
        worker_threads.append(threading.current_thread())
        with open_db.session() as session:
            return persons.count(session)

    BackgroundOp(
        parent=parent,
        op=count,
        success=lambda total: results.append((total, threading.current_thread())),
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [(20_000, threading.main_thread())]
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert operations.running_count() == 0


def test_failure_reaches_the_failure_callback(qtbot: QtBot, parent: QWidget) -> None:
    errors: list[BaseException] = []

    def fail(_progress: Progress) -> None:
        raise DatabaseUnavailable("gone", german="Die Datenbank ist nicht erreichbar.")

    BackgroundOp(parent=parent, op=fail, success=lambda _r: None).failure(
        errors.append
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], DatabaseUnavailable)


def test_without_failure_callback_the_german_message_is_shown(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))

    def fail(_progress: Progress) -> None:
        raise DatabaseUnavailable("gone", german="Die Datenbank ist nicht erreichbar.")

    BackgroundOp(parent=parent, op=fail, success=lambda _r: None).run_in_background()
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    assert shown == ["Die Datenbank ist nicht erreichbar."]


STEPS = 3000


def test_progress_dialog_shows_and_cancel_stops_the_work(qtbot: QtBot, parent: QWidget) -> None:
    parent.show()
    steps: list[int] = []
    outcome: list[str] = []

    def slow(progress: Progress) -> str:
        for step in range(STEPS):  # a minute of work: it lasts until cancelled, however slow
            progress.check()
            steps.append(step)
            time.sleep(0.02)
        return "finished"

    op = (
        BackgroundOp(parent=parent, op=slow, success=outcome.append)
        .with_progress("Zählen …", cancellable=True)
        .on_cancel(lambda: outcome.append("cancelled"))
        .run_in_background()
    )
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=30_000)  # shown once the work takes a while
    assert dialog.labelText() == "Zählen …"
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Abbrechen"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    assert outcome == ["cancelled"]
    assert len(steps) < STEPS
    assert op.progress.cancelled
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None, timeout=5_000)


def test_callbacks_are_skipped_when_the_parent_is_gone(qtbot: QtBot) -> None:
    parent = QWidget()
    called: list[int] = []
    release = threading.Event()

    def wait(_progress: Progress) -> int:
        release.wait(120)  # released as soon as the parent is gone
        return 1

    BackgroundOp(parent=parent, op=wait, success=called.append).run_in_background()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: operations.running_count() == 0, timeout=5_000)
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_finished_operation_is_torn_down_on_the_gui_thread(qtbot: QtBot, parent: QWidget) -> None:
    """Qt objects belong to the thread that made them: the relay of a finished operation must
    be destroyed there, not by Python's cycle collector in whichever worker thread happens to
    allocate (as happened to nearly every relay, in a probe; a likely cause of a segfault seen
    once in pytest-qt's event processing during a test's setup)."""
    threads: list[str] = []
    done: list[int] = []

    def allocate(_progress: Progress) -> int:
        return len([{"row": [n] * 3} for n in range(20_000)])  # the collector runs here too

    for _ in range(60):
        op = BackgroundOp(parent=parent, op=allocate, success=done.append)
        op._relay.destroyed.connect(
            lambda *_: threads.append(threading.current_thread().name),
            Qt.ConnectionType.DirectConnection,
        )
        op.run_in_background()
        del op
        qtbot.waitUntil(lambda: operations.running_count() == 0)
    gc.collect()  # what is garbage by now goes here, on the GUI thread
    assert set(threads) <= {threading.main_thread().name}
    qtbot.waitUntil(lambda: len(threads) == 60)  # all deleted, none left for a later test
    assert set(threads) == {threading.main_thread().name}
    assert len(done) == 60
