"""``mzdesk demo`` from the command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from mzdesk.cli import main


def test_demo_command_fills_then_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["--db", url, "demo", "--persons", "40", "--seed", "3"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("demo data written (seed 3): 40 persons")
    assert "demo: persons" in err and "demo: done" in err
    assert main(["--db", url, "db", "check"]) == 0
    capsys.readouterr()

    assert main(["--db", url, "demo", "--persons", "40"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("mzdesk: ") and "already holds 40 persons" in err


def test_demo_command_rejects_a_non_positive_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--persons", "0"])
    assert exit_info.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_a_reader_that_stops_early_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``mzdesk … | head -1``: the pipe closes while mzdesk writes; no traceback, exit 0."""
    url = f"sqlite:///{tmp_path / 'pipe.sqlite'}"
    assert main(["demo", "--db", url, "--persons", "40", "--seed", "2"]) == 0
    monkeypatch.setenv("MZDESK_PASSWORD", "mzdesk-demo")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone: every write to the pipe fails
    with os.fdopen(write_end, "w", buffering=1, encoding="utf-8") as stream:
        monkeypatch.setattr(sys, "stdout", stream)
        assert main(["user", "list", "--db", url, "--user", "admin"]) == 0
