"""The one way to run slow work without freezing the GUI (Anki's ``QueryOp``/``CollectionOp``).

::

    BackgroundOp(
        parent=self,
        op=lambda progress: count_persons(),      # runs in a worker thread
        success=self.show_count,                   # runs on the GUI thread with the result
    ).failure(self.show_error).with_progress(self.tr("Counting …")).run_in_background()

``op`` gets a :class:`Progress` to report steps and to see a cancel request; it must not
touch widgets. It opens its own Session (one per user action). Callbacks run on the GUI
thread and are skipped if ``parent`` was deleted meanwhile. Without a failure callback an
error is logged (type and code locations only) and shown in a message box.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from mzdesk.core.errors import MzdeskError
from mzdesk.ui.crash import crash_report

log = logging.getLogger(__name__)

T = TypeVar("T")

PROGRESS_DELAY_MS = 400  # quick operations finish before a dialog would flash up


class Cancelled(Exception):
    """Raised by ``Progress.check()`` when the user cancelled; ends the operation quietly."""


class Progress:
    """Handed to the operation: report progress, notice cancellation. Thread-safe."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()

    def update(self, done: int, total: int) -> None:
        self._relay.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled


class _Relay(QObject):
    """Lives on the GUI thread: the worker emits, the slots run queued on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, owner: BackgroundOp[Any]) -> None:
        # Owned by Qt (a child of the application) and deleted on the GUI thread once the
        # operation has finished (``deleteLater`` in ``_close``): never by Python's garbage
        # collector, which may run in a worker thread. No reference cycle with its owner.
        super().__init__(QCoreApplication.instance())
        self._owner = weakref.ref(owner)
        self.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        owner = self._owner()
        if owner is not None:
            owner._finish_success(result)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        owner = self._owner()
        if owner is not None:
            owner._finish_failure(error)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        owner = self._owner()
        if owner is not None:
            owner._show_progress(done, total)


class _Worker(QRunnable):
    def __init__(self, op: Callable[[Progress], object], progress: Progress, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._op, self._progress, self._relay = op, progress, relay

    def run(self) -> None:
        # The operation (a closure that may hold widgets) is let go of before the result is
        # handed over: its last reference is always the GUI thread's BackgroundOp.
        op, progress, relay = self._op, self._progress, self._relay
        del self._op, self._progress
        try:
            result = op(progress)
        except BaseException as error:  # handed to the GUI thread, never lost in the worker
            del op, progress
            relay.failed.emit(error)
        else:
            del op, progress
            relay.succeeded.emit(result)


_running: set[BackgroundOp[Any]] = set()


def running_count() -> int:
    return len(_running)


class BackgroundOp(Generic[T]):
    def __init__(
        self,
        *,
        parent: QWidget,
        op: Callable[[Progress], T],
        success: Callable[[T], None],
    ) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[BaseException], None] | None = None
        self._on_cancel: Callable[[], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._dialog: QProgressDialog | None = None
        self._relay = _Relay(self)
        self.progress = Progress(self._relay)

    def failure(self, callback: Callable[[BaseException], None]) -> Self:
        self._failure = callback
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> Self:
        """Show a progress dialog (after a short delay); with a Cancel button if safe."""
        self._label = label
        self._cancellable = cancellable
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Self:
        self._on_cancel = callback
        return self

    def run_in_background(self) -> Self:
        if self._label is not None:
            self._dialog = self._make_dialog(self._label)
        _running.add(self)  # kept alive until it has finished
        QThreadPool.globalInstance().start(_Worker(self._op, self.progress, self._relay))
        return self

    def _make_dialog(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(self._parent)
        dialog.setLabelText(label)
        dialog.setRange(0, 0)  # busy until the operation reports steps
        if self._cancellable:
            dialog.setCancelButtonText(QCoreApplication.translate("BackgroundOp", "Cancel"))
        else:
            dialog.setCancelButton(None)
        dialog.setWindowTitle("mzdesk")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setValue(0)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)  # (re)starts the timer that shows it
        dialog.canceled.connect(self.progress.cancel)
        return dialog

    def _show_progress(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total > 0 else 0)

    def _close(self) -> None:
        _running.discard(self)
        self._relay.deleteLater()  # on the GUI thread, after the slot that called this
        dialog, self._dialog = self._dialog, None
        # the dialog may be gone already (deleted with its parent window, e.g. on close)
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.canceled.disconnect(self.progress.cancel)
            dialog.close()
            dialog.deleteLater()

    def _parent_alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    def _finish_success(self, result: Any) -> None:
        self._close()
        if not self._parent_alive():
            return
        if self.progress.cancelled:
            if self._on_cancel is not None:
                self._on_cancel()
            return
        self._success(result)

    def _finish_failure(self, error: BaseException) -> None:
        self._close()
        if isinstance(error, Cancelled):
            if self._on_cancel is not None and self._parent_alive():
                self._on_cancel()
            return
        if isinstance(error, MzdeskError):  # refused or invalid: the person is told, no crash
            log.info("background operation refused: %s", type(error).__name__)
        else:
            log.error(
                "background operation failed\n%s", crash_report(type(error), error.__traceback__)
            )
        if not self._parent_alive():
            return
        if self._failure is not None:
            self._failure(error)
        else:
            show_error(self._parent, error)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """The failure shown to the person: an MzdeskError's German line, else a general note."""
    if isinstance(error, MzdeskError):
        text = error.german
    else:
        text = QCoreApplication.translate(
            "BackgroundOp",
            "The action could not be completed because of an unexpected error. "
            "Details are in the log.",
        )
    show_message(parent, text)


def show_message(parent: QWidget | None, text: str) -> None:
    """A one-line message in a warning box: e.g. a refusal's German text
    (``ctx.write(…, refused=partial(show_message, self))``)."""
    QMessageBox.warning(parent, "mzdesk", text)
