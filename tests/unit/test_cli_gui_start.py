"""The plain ``mzdesk`` start parses its options without importing every command module."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mzdesk import cli


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--selftest"], True),
        (["--db", "sqlite:///x.sqlite"], True),
        (["--db=sqlite:///x.sqlite", "--selftest"], True),
        (["--db", "db"], True),  # a URL that happens to look like a command name
        (["db", "upgrade"], False),
        (["--db", "sqlite:///x.sqlite", "demo"], False),
        (["--help"], False),
        (["-h"], False),
        (["--db"], False),  # missing value: the full parser reports it
        (["--bogus"], False),
        (["--"], False),
    ],
)
def test_gui_start_is_recognised(argv: list[str], gui: bool) -> None:
    assert cli._gui_start(argv) is gui


def test_gui_start_parses_the_same_options_as_the_full_parser() -> None:
    argv = ["--db", "sqlite:///x.sqlite", "--selftest"]
    light = cli.build_parser(commands=False).parse_args(argv)
    full = cli.build_parser().parse_args(argv)
    assert vars(light) == vars(full)
    assert light.command is None


def test_gui_start_imports_no_command_module() -> None:
    code = (
        "import sys; from mzdesk import cli; "
        "argv = ['--db', 'sqlite:///x.sqlite', '--selftest']; "
        "cli.build_parser(commands=not cli._gui_start(argv)).parse_args(argv); "
        "print(sorted(set(cli.COMMAND_MODULES) & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
