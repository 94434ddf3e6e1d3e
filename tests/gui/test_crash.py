"""The crash handler: logs type and code locations (no message), one dialog, no recursion."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from mzdesk.ui.crash import FAULT_FILE, CrashHandler

SYNTHETIC_NAME = "Ahmadi, Amal"  # made up: stands for personal data in an error message


def raise_with_personal_data(name: str) -> None:
    raise ValueError(f"cannot save {name}")


def test_unhandled_exception_is_logged_and_shown_without_its_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []
    handler = CrashHandler(tmp_path, show=shown.append)
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        try:
            raise_with_personal_data(SYNTHETIC_NAME)
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        handler.uninstall()
    assert sys.excepthook != handler.handle
    assert (tmp_path / FAULT_FILE).exists()
    assert len(shown) == 1
    report = shown[0]
    assert "raise_with_personal_data" in report and "builtins.ValueError" in report
    assert SYNTHETIC_NAME not in report
    records = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert records and SYNTHETIC_NAME not in caplog.text


def test_an_error_while_showing_does_not_recurse(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[str] = []
    handler = CrashHandler(tmp_path)

    def show(report: str) -> None:
        calls.append(report)
        try:  # a second unhandled error while the dialog is open
            raise KeyError("inner")
        except KeyError:
            handler.handle(*sys.exc_info())  # type: ignore[arg-type]
        raise RuntimeError("the dialog itself fails")

    handler.show = show
    try:
        raise_with_personal_data(SYNTHETIC_NAME)
    except ValueError:
        handler.handle(*sys.exc_info())  # type: ignore[arg-type]
    assert len(calls) == 1  # the inner error was logged, not shown in a second dialog
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.CRITICAL]
    assert any("builtins.KeyError" in m for m in messages)
    assert any("the crash dialog failed" in m for m in messages)
