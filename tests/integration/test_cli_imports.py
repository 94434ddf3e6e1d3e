"""A short command imports only what it needs (issue 20: the CLI answers in well under a second).

Which modules a command imports is counted, not timed: each command runs in a fresh
interpreter on a small database (two teams, ``access_world``) and reports the heavy libraries
and the other command modules in ``sys.modules`` afterwards. SQLite only: the imports do not
depend on the backend (apart from its driver).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from access_world import PASSWORD, World, build

from mzdesk import cli
from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.services.lookup import short_id

# Libraries no short command needs: the GUI, PDF letters, spreadsheets, migrations, demo
# data, fuzzy duplicate matching, encryption, the other backend's driver.
HEAVY = (
    "PySide6",
    "shiboken6",
    "reportlab",
    "arabic_reshaper",
    "bidi",
    "openpyxl",
    "alembic",
    "mako",
    "faker",
    "rapidfuzz",
    "cryptography",
    "sqlcipher3",
    "psycopg",
)

REPORT = """
import json, sys
from mzdesk import cli
try:
    code = cli.main(sys.argv[1:])
except SystemExit as exc:  # --help
    code = exc.code
print(json.dumps({
    "code": code,
    "heavy": sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY)),
    "commands": sorted(set(cli.COMMAND_MODULES) & set(sys.modules)),
}))
"""


@pytest.fixture(scope="module")
def world_url(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, World]:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli-imports') / 'mzdesk.sqlite'}"
    database = Database(url, create=True)
    try:
        schema.upgrade(database)
        world = build(database)
    finally:
        database.close()
    return url, world


def _run(url: str, user: str, *argv: str) -> dict[str, object]:
    env = {
        **os.environ,
        "MZDESK_DATABASE_URL": url,
        "MZDESK_USER": user,
        "MZDESK_PASSWORD": PASSWORD,
    }
    done = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{REPORT}", *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    assert report["code"] == 0, done.stderr
    return report


def _short_commands(world: World) -> list[tuple[str, list[str]]]:
    own, case = short_id(world.own), short_id(world.case_a)
    return [
        ("berater_a", ["person", "find", "Zubrow"]),
        ("berater_a", ["person", "show", own]),
        ("berater_a", ["case", "list"]),
        ("berater_a", ["case", "show", case]),
        ("berater_a", ["contact", "list", case]),
        ("berater_a", ["status", "show", own]),
        ("berater_a", ["followup", "list"]),
        ("berater_a", ["consent", "list", own]),
        ("berater_a", ["referral", "list"]),
        ("berater_a", ["placement", "list"]),
        ("berater_a", ["partner", "find", "a"]),
        ("admin", ["user", "list"]),
        ("admin", ["audit", "verify"]),
    ]


def test_short_commands_import_no_heavy_library_and_no_other_command(
    world_url: tuple[str, World],
) -> None:
    url, world = world_url
    for user, argv in _short_commands(world):
        report = _run(url, user, *argv)
        assert report["heavy"] == [], argv
        own_module = cli.MODULE_OF[argv[0]]
        # consent_cmd borrows referral_cmd's date parser: a module it imports is no extra
        others = set(report["commands"]) - {own_module, *_imported_by(own_module)}  # type: ignore[arg-type]
        assert others == set(), argv


def test_help_imports_no_command_module(world_url: tuple[str, World]) -> None:
    url, _world = world_url
    report = _run(url, "admin", "--help")
    assert report["commands"] == []
    assert report["heavy"] == []


def test_db_check_imports_alembic_for_its_comparison_only(world_url: tuple[str, World]) -> None:
    """``db check`` compares the tables with the model through Alembic's autogenerate: that
    is its job; nothing else heavy comes along."""
    url, _world = world_url
    report = _run(url, "admin", "db", "check")
    assert set(report["heavy"]) <= {"alembic", "mako"}  # type: ignore[arg-type]


def _imported_by(module: str) -> set[str]:
    """The command modules ``module`` imports itself (at its top)."""
    source = Path(import_module(module).__file__ or "").read_text(encoding="utf-8")
    return {name for name in cli.COMMAND_MODULES if f"from {name} import" in source}


def test_command_table_is_what_the_modules_register() -> None:
    """``mzdesk --help`` lists the commands from ``cli.COMMANDS`` without importing them:
    the table must say what each module's ``register`` adds, in the same order."""
    for module, listed in cli.COMMANDS.items():
        parser = cli.build_parser(commands=False)
        subparsers = parser.add_subparsers(dest="command")
        import_module(module).register(subparsers)
        registered = tuple((action.dest, action.help) for action in subparsers._choices_actions)
        assert registered == listed, module


def test_help_is_the_same_with_and_without_the_command_modules() -> None:
    lazy = cli.build_parser(argv=["--help"]).format_help()
    full = cli.build_parser().format_help()
    assert lazy == full


@pytest.mark.parametrize(
    "argv",
    [
        ["person", "find", "X"],
        ["--db", "sqlite:///x.sqlite", "case", "list"],
        ["--db=sqlite:///x.sqlite", "--user", "person", "backup"],  # a user named "person"
        ["--us", "admin", "user", "list"],  # an abbreviated option: the full parser reads it
    ],
)
def test_a_named_command_parses_as_with_every_module(argv: list[str]) -> None:
    lazy = vars(cli.build_parser(argv=argv).parse_args(argv))
    full = vars(cli.build_parser().parse_args(argv))
    assert lazy.keys() == full.keys()
    assert {key: value for key, value in lazy.items() if key != "func"} == {
        key: value for key, value in full.items() if key != "func"
    }
    assert lazy["func"].__qualname__ == full["func"].__qualname__


def test_an_unknown_command_is_refused_with_the_list_of_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["persn", "find", "X"])
    assert exit_info.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "invalid choice: 'persn'" in err
    assert "'person'" in err
