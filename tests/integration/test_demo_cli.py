"""``mzdesk demo`` from the command line."""

from __future__ import annotations

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
