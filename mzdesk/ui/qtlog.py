"""Qt's own messages (warnings from widgets, plugins, fonts …) routed into Python logging."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

Handler = Callable[[QtMsgType, QMessageLogContext, str], Any]


def make_handler(previous: Handler | None = None) -> Handler:
    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.category})" if context.category not in (None, "default") else ""
        log.log(LEVELS.get(kind, logging.WARNING), "%s%s", message, where)
        if previous is not None:  # e.g. pytest-qt's, which fails tests on Qt warnings
            previous(kind, context, message)

    return handle


@contextmanager
def routed_to_logging() -> Iterator[None]:
    """Install the handler for the life of the application, then restore the one before."""
    previous = qInstallMessageHandler(None)
    qInstallMessageHandler(make_handler(previous))
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
