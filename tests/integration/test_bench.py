"""``mzdesk bench`` on a tiny database: every figure is there and has the right shape.

No test here asserts a time: the figures are for people (docs/benchmarks.md); these tests
keep the bench from rotting.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mzdesk.cli import main
from mzdesk.core.bench import FIGURE_KEYS, Figure, Status, Target, format_table

MEASURED_HERE = {"person_file", "startup", "memory"}


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-person demo database of this module's own (no test depends on another's)."""
    path = tmp_path_factory.mktemp("bench") / "tiny.sqlite"
    assert main(["--db", f"sqlite:///{path}", "demo", "--persons", "300", "--seed", "7"]) == 0
    return path


def _bench(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["bench", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# Every figure once (the default is 7 runs: 1 shows --runs is honoured), with a demo database
# built first: a minute on a loaded two-core machine.
@pytest.mark.timeout(1500)
def test_every_figure_reported_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _bench(
        capsys, "--persons", "300", "--runs", "1", "--keep", str(tmp_path / "new.sqlite"), "--json"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["database"]["persons"] == 300
    assert report["runs"] == 1
    assert report["machine"]["cpus"] >= 1
    figures = {figure["key"]: figure for figure in report["figures"]}
    assert list(figures) == list(FIGURE_KEYS)
    for key, figure in figures.items():
        assert figure["title"] and figure["target"]["text"], key
        if figure["status"] == "ok":
            assert len(figure["samples"]) == 1 and len(figure["baseline_samples"]) == 1, key
            assert figure["value"] > 0 and figure["baseline"] > 0, key
            assert figure["ratio"] == pytest.approx(figure["value"] / figure["baseline"], rel=0.02)
            assert isinstance(figure["passed"], bool), key
        else:
            assert figure["status"] == "not built", (key, figure["note"])
            assert figure["value"] is None and figure["ratio"] is None and figure["passed"] is None
            assert figure["note"], key
    for key in MEASURED_HERE:
        assert figures[key]["status"] == "ok", (key, figures[key]["note"])
    assert figures["memory"]["unit"] == "MB"
    assert "1,000" in figures["memory"]["title"]  # measured against a 1,000-person database
    for key in ("search", "yearly_stats", "referral_letter"):
        assert figures[key]["status"] == "ok", (key, figures[key]["note"])
    for key in ("kit_merge", "attendee_import", "event_loop_gap", "cli_command"):
        assert figures[key]["status"] == "ok", (key, figures[key]["note"])
    assert "argon2id" in figures["cli_command"]["note"]  # the password check, measured alone
    assert "merge" in figures["event_loop_gap"]["note"]
    assert "linked to known persons" in figures["attendee_import"]["note"]
    assert "building a demo database of 300 persons" in err


def test_table_reuses_the_kept_database(tiny_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _bench(
        capsys, "--runs", "1", "--keep", str(tiny_db), "--only", "person_file", "kit_merge"
    )
    assert code == 0, err
    assert "reusing" in err and "building" not in err
    assert "(300 persons)" in out
    lines = out.splitlines()
    assert any(line.startswith("open a person's file") for line in lines)
    assert any(line.startswith("merge a kit") and "ms" in line for line in lines)
    assert not any(line.startswith("start to main window") for line in lines)


def test_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["bench", "--only", "no_such_figure"])
    assert exit_info.value.code == 2
    code, _out, err = _bench(
        capsys, "--db", str(tmp_path / "x.sqlite"), "--keep", str(tmp_path / "y.sqlite")
    )
    assert code == 1 and "either --db" in err


def test_measuring_an_existing_database_never_changes_it(
    tiny_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tiny_db.stat().st_mtime_ns
    code, out, err = _bench(
        capsys, "--db", str(tiny_db), "--runs", "1", "--only", "person_file", "--json"
    )
    assert code == 0, err
    [figure] = json.loads(out)["figures"]
    assert figure["key"] == "person_file" and figure["status"] == "ok"
    assert tiny_db.stat().st_mtime_ns == before


def test_the_cli_figure_never_logs_in_to_a_given_database(
    tiny_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A login is recorded in the audit trail: a database named with --db stays unchanged."""
    before = tiny_db.stat().st_mtime_ns
    code, out, err = _bench(
        capsys, "--db", str(tiny_db), "--runs", "1", "--only", "cli_command", "--json"
    )
    assert code == 0, err
    [figure] = json.loads(out)["figures"]
    assert figure["key"] == "cli_command" and figure["status"] == "failed"
    assert "audit trail" in figure["note"] and figure["value"] is None
    assert tiny_db.stat().st_mtime_ns == before


def test_harness_ratio_and_targets() -> None:
    figure = Figure("x", "x", "floor", Target(max_ratio=2.0, max_value=16.0))
    figure.record([3.0, 1.0, 2.0], [1.0, 1.0, 1.0])
    assert (figure.value, figure.baseline, figure.ratio, figure.passed) == (2.0, 1.0, 2.0, True)
    slow = Figure("y", "y", "floor", Target(max_ratio=2.0, max_value=16.0))
    slow.record([20.0, 20.0], [15.0, 15.0])
    assert slow.ratio == pytest.approx(4 / 3) and slow.passed is False  # over 16 ms
    wide = Figure("z", "z", "floor", Target(max_ratio=2.0)).record([5.0], [2.0])
    assert wide.passed is False
    pending = Figure("p", "pending", "floor", Target(max_ratio=1.5)).not_built("no area yet")
    assert pending.as_dict()["status"] == "not built"
    table = format_table([figure, slow, pending])
    assert "2.00x" in table and "MISS" in table and "not built" in table
    assert Status.OK.value == "ok"
