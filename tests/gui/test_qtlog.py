"""Qt's messages end up in Python logging."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qInfo

from mzdesk.ui.qtlog import routed_to_logging


def test_qt_messages_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="qt")
    with routed_to_logging():
        qInfo("a message from Qt")
    assert any(r.name == "qt" and r.getMessage() == "a message from Qt" for r in caplog.records)
    caplog.clear()
    qInfo("after the application")
    assert not any(r.name == "qt" for r in caplog.records)
