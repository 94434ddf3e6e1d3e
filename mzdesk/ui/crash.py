"""The crash handler, installed before anything else (qutebrowser ``crashsignal``, Vorta).

An exception nobody caught is logged at CRITICAL and shown in a dialog whose details can be
copied into a bug report. The report holds the exception *type* and the code locations of the
traceback only — never the exception message or local values, which may carry personal data.
A recursion guard keeps a failing dialog from raising the next dialog; faulthandler writes
hard crashes (segfaults in Qt) to a file in the log folder.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from mzdesk.core.files import open_private, private_dir

log = logging.getLogger(__name__)

FAULT_FILE = "crash-native.log"

ShowReport = Callable[[str], None]


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Exception type plus the code locations of the traceback; no message, no values."""
    from mzdesk import __version__

    lines = [f"mzdesk {__version__}, Python {sys.version.split()[0]}", ""]
    lines.append("Traceback (most recent call last):")
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    lines.append(f"{exc_type.__module__}.{exc_type.__qualname__}")
    return "\n".join(lines)


def show_report_dialog(report: str) -> None:
    """A modal message whose details the user can select and copy."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        print(report, file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "mzdesk", "")
    box.setText(
        QCoreApplication.translate(
            "Crash",
            "An unexpected error occurred. Your saved data is safe; the last action may not "
            "have been completed.\n\nPlease send the details below to your IT support.",
        )
    )
    box.setDetailedText(report)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


class CrashHandler:
    def __init__(self, log_dir: Path, show: ShowReport = show_report_dialog) -> None:
        self.log_dir = log_dir
        self.show = show
        self._handling = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._fault_file: IO[str] | None = None
        self._fault_was_enabled = False

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        self._fault_was_enabled = faulthandler.is_enabled()
        try:
            private_dir(self.log_dir)
            self._fault_file = open_private(self.log_dir / FAULT_FILE, "a", encoding="utf-8")
            faulthandler.enable(self._fault_file, all_threads=True)
        except OSError:
            log.warning("faulthandler: log folder not writable")

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        if self._fault_file is not None:
            faulthandler.disable()
            if self._fault_was_enabled:
                faulthandler.enable(sys.__stderr__ or sys.stderr, all_threads=True)
            self._fault_file.close()
            self._fault_file = None

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc or exc_type(), tb)
            return
        report = crash_report(exc_type, tb)
        log.critical("unhandled exception\n%s", report)
        if self._handling:  # an error while showing the last one: log only, no new dialog
            return
        self._handling = True
        try:
            self.show(report)
        except Exception as error:
            log.critical(
                "the crash dialog failed\n%s", crash_report(type(error), error.__traceback__)
            )
        finally:
            self._handling = False

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        report = crash_report(args.exc_type, args.exc_traceback)
        log.critical(
            "unhandled exception in thread %s\n%s", getattr(args.thread, "name", "?"), report
        )
