"""``./dev`` as a newcomer uses it: the command line on the demo database, and a first start
that checks Qt's system libraries before anything else.

Each test runs the real ``dev`` script in a sandbox checkout (tests/integration/dev_sandbox.py)
whose ``.venv`` is the tests' own interpreter, so no pip and no network are involved.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from dev_sandbox import DEMO_PASSWORD, build_demo, make_sandbox, run_dev

from mzdesk.ui.system_libs import APT_LINE

MISSING = "libmzdesk-check-missing.so.0"  # a library no system has


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo-home")
    env = {f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("DATA", "CONFIG", "STATE")}
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", env=env)


def test_dev_mzdesk_runs_a_command_on_the_demo_database(tmp_path: Path, demo: Path) -> None:
    sandbox = make_sandbox(tmp_path / "checkout", demo)
    done = run_dev(
        sandbox, "mzdesk", "user", "list", "--user", "admin", env={"MZDESK_PASSWORD": DEMO_PASSWORD}
    )
    assert done.returncode == 0, done.stderr
    assert "leitung1" in done.stdout and "berater2" in done.stdout  # the demo's accounts
    assert "Traceback" not in done.stderr


def test_dev_mzdesk_leaves_the_demo_for_a_database_named_by_db_or_the_environment(
    tmp_path: Path, demo: Path
) -> None:
    sandbox = make_sandbox(tmp_path / "checkout", demo)
    elsewhere = tmp_path / "elsewhere.sqlite"
    for how in ({"args": ("--db", f"sqlite:///{elsewhere}")}, {"env": str(elsewhere)}):
        args = how.get("args", ())
        env = {"MZDESK_DATABASE_URL": f"sqlite:///{how['env']}"} if "env" in how else {}
        done = run_dev(sandbox, "mzdesk", *args, "db", "check", env=env)
        assert done.returncode == 1 and str(elsewhere) in done.stderr, (how, done.stderr)
        assert "does not exist" in done.stderr and "Traceback" not in done.stderr
    assert not elsewhere.exists()  # a check creates nothing


def test_dev_start_names_the_missing_qt_library_and_the_apt_line_before_anything_else(
    tmp_path: Path,
) -> None:
    """F6: a fresh Debian without Qt's libraries gets one apt-get line, not a traceback after
    the demo was built. The library that is missing here is one no system has."""
    sandbox = make_sandbox(tmp_path / "checkout")  # no demo yet: it must not be built
    done = run_dev(  # --selftest: were the check skipped, the window would close by itself
        sandbox,
        "start",
        "--selftest",
        env={"MZDESK_QT_CHECK_ALSO": MISSING, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert MISSING in done.stderr and APT_LINE in done.stderr
    assert "Traceback" not in done.stderr and "Creating the demo database" not in done.stderr
    assert not (sandbox / ".demo").exists()


SCREENS = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")


def test_dev_start_passes_the_check_where_qt_has_its_libraries(tmp_path: Path, demo: Path) -> None:
    """The check lets a machine with the libraries through: the selftest (offscreen by itself
    where there is no screen) opens the main window on the demo database."""
    sandbox = make_sandbox(tmp_path / "checkout", demo)
    done = run_dev(sandbox, "start", "--selftest", unset=SCREENS)
    assert done.returncode == 0, (done.stdout[-2000:], done.stderr[-2000:])
    assert "Traceback" not in done.stderr


def test_dev_start_without_a_screen_says_so_in_one_line(tmp_path: Path, demo: Path) -> None:
    """Over ssh without X forwarding Qt would abort; the check says what is missing."""
    sandbox = make_sandbox(tmp_path / "checkout", demo)
    done = run_dev(sandbox, "start", unset=SCREENS)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stderr.startswith("mzdesk: no screen for the window")
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_dev_mzdesk_builds_the_demo_database_first_when_there_is_none(tmp_path: Path) -> None:
    """Before any ./dev start: the demo is made (as ./dev start makes it), its progress on
    stderr, so that the command's own output stays what a script reads."""
    sandbox = make_sandbox(tmp_path / "checkout")
    done = run_dev(sandbox, "mzdesk", "db", "check")
    assert done.returncode == 0, done.stderr
    assert (sandbox / ".demo" / "mzdesk-demo.sqlite").is_file()
    assert "Creating the demo database" in done.stderr and "demo data written" in done.stderr
    assert "demo" not in done.stdout and done.stdout.strip()  # only db check's report
