"""Every command of the README runs as written, on a fresh demo database.

The README's shell blocks are parsed; each ``mzdesk …`` and ``./dev mzdesk …`` line runs
through the real ``./dev mzdesk`` of a sandbox checkout (tests/integration/dev_sandbox.py)
whose demo database is a fresh ``mzdesk demo --persons 60`` with ``./dev start``'s seed, and
must exit 0, or the code its comment names ("# exits 1: …"), without a traceback. The lines run
in the README's order, from the sandbox folder (files they write land in tmp_path).

The environment is the README's own: ``export`` lines hold for the rest of their block, and
those of the README's top (before the first "## " section) for every block after them, as in
the terminal of a newcomer who typed them once. The test adds no password and no user: the
login hints the README gives are the ones that work.

``eval "$(mzdesk login …)"`` runs the command inside and then does what its output says
(``export NAME=VALUE``, ``unset NAME``), as the shell's ``eval`` would.

A line that is neither a command nor ``export``/``cd`` must be in ``SKIPPED`` with its reason,
and a command that asks on a terminal in ``ANSWERED`` with the variable the README names for
scripts; an entry that no longer matches a README line fails, so the lists stay reviewed.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from dev_sandbox import REPO, build_demo, make_sandbox, run_dev

from mzdesk.ui.system_libs import APT_LINE

README = REPO / "README.md"
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[ \t]*$")
SHELL_LANGUAGES = frozenset({"sh", "bash", "shell", "console"})
EXPECTED_EXIT = re.compile(r"\bexits (\d+)\b")
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")

# Lines that are not run, each with its reason (reviewed: add one only with a reason).
SKIPPED = {
    "./dev start": "opens the window (test_dev_script.py starts it offscreen, with the Qt check)",
    "./dev test": "the test suite itself",
    APT_LINE: "installs system packages as root (test_system_libs.py checks the line)",
    "sudo apt-get install poppler-utils binutils postgresql e2fsprogs xvfb xauth at-spi2-core "
    "python3-pyatspi dbus-daemon dbus-bin": ("installs system packages as root"),
    "sudo .ci/run": "CI: root, apt-get, a PostgreSQL server and the whole suite",
    "mzdesk db upgrade": "needs the PostgreSQL server of the export above (dbserver.example)",
    "mzdesk db check": "needs the PostgreSQL server of the export above (dbserver.example)",
    "mzdesk db encrypt --db sqlite:///mzdesk.sqlite -o mzdesk-laptop.sqlite --user admin": (
        "asks for the new database key twice on a terminal (test_sqlcipher.py covers it)"
    ),
    "mzdesk": "opens the window, and asks for the database key first",
    "mzdesk db rekey --user admin": "asks for the current and the new database key on a terminal",
}
# Commands that ask on a terminal: run with the variable the README names for scripts.
ANSWERED = {
    "mzdesk --db sqlite:///mzdesk-new.sqlite user add chef --role admin": {
        "MZDESK_NEW_PASSWORD": "readme-first-admin-passphrase"
    },
}
# The README's own login and database variables count, not the test machine's.
CLEARED = (
    "MZDESK_PASSWORD",
    "MZDESK_USER",
    "MZDESK_SESSION",
    "MZDESK_DATABASE_URL",
    "MZDESK_DATABASE_KEY",
)
EVAL = re.compile(r"^\$\((?P<command>.+)\)$")  # eval "$(COMMAND)": the shell runs its output


@dataclass
class Line:
    number: int  # in README.md
    words: list[str]  # the command, split as the shell would (comment dropped)
    comment: str

    @property
    def text(self) -> str:
        return shlex.join(self.words)


@dataclass
class Block:
    number: int
    top: bool  # before the first "## " section
    lines: list[Line] = field(default_factory=list)


def _split_comment(text: str) -> tuple[str, str]:
    """``command # comment`` -> (command, comment), a ``#`` inside quotes not counting."""
    quote = ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1].isspace()):
            return text[:index], text[index + 1 :].strip()
    return text, ""


def shell_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    pending = ""
    top = True
    for number, raw in enumerate(markdown.splitlines(), start=1):
        fence = FENCE.match(raw)
        if current is None:
            if raw.startswith("## "):
                top = False
            if fence and fence["lang"] in SHELL_LANGUAGES:
                current = Block(number=number, top=top)
            continue
        if fence:
            blocks.append(current)
            current = None
            continue
        text = pending + raw.strip()
        if text.endswith("\\"):  # a command continued on the next line
            pending = text[:-1] + " "
            continue
        pending = ""
        command, comment = _split_comment(text)
        words = shlex.split(command)
        if words:
            current.lines.append(Line(number=number, words=words, comment=comment))
    assert current is None, "an unclosed code block in README.md"
    return blocks


def _mzdesk_args(words: list[str]) -> list[str] | None:
    """The arguments of an ``mzdesk …`` or ``./dev mzdesk …`` line, else None."""
    if words[:1] == ["mzdesk"]:
        return words[1:]
    if words[:2] == ["./dev", "mzdesk"]:
        return words[2:]
    return None


def _evaluate(output: str, env: dict[str, str]) -> None:
    """What ``eval`` does with the output of ``mzdesk login``/``logout``: only ``export``
    and ``unset`` lines are expected."""
    for words in (shlex.split(line) for line in output.splitlines() if line.strip()):
        assert words[0] in ("export", "unset"), f"eval of an unexpected line: {words}"
        for word in words[1:]:
            name, _, value = word.partition("=")
            if words[0] == "export":
                env[name] = value
            else:
                env.pop(name, None)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo-home")
    env = {f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("DATA", "CONFIG", "STATE")}
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", env=env)


def test_the_readme_has_shell_blocks_with_commands() -> None:
    blocks = shell_blocks(README.read_text(encoding="utf-8"))
    runnable = [line for block in blocks for line in block.lines if _mzdesk_args(line.words)]
    assert len(runnable) >= 8, [line.text for line in runnable]


def test_every_readme_command_runs_as_written_on_a_fresh_demo(tmp_path: Path, demo: Path) -> None:
    sandbox = make_sandbox(tmp_path / "checkout", demo)
    session: dict[str, str] = {}  # the exports of the README's top
    problems: list[str] = []
    seen: set[str] = set()
    ran = 0
    for block in shell_blocks(README.read_text(encoding="utf-8")):
        local: dict[str, str] = {}
        for line in block.lines:
            words, text = line.words, line.text
            if words[0] == "export":
                for assignment in words[1:]:
                    name, _, value = assignment.partition("=")
                    (session if block.top else local)[name] = value
                continue
            if words[0] == "cd":
                continue  # the reader's folder; the test runs everything in its sandbox
            evaluated = EVAL.match(words[1]) if words[0] == "eval" and len(words) == 2 else None
            if evaluated:
                words = shlex.split(evaluated["command"])
            prefix: dict[str, str] = {}
            while words and ASSIGNMENT.match(words[0]):  # VAR=value mzdesk …
                name, _, value = words.pop(0).partition("=")
                prefix[name] = value
            key = shlex.join(words)
            if key in SKIPPED:
                seen.add(key)
                continue
            args = _mzdesk_args(words)
            if args is None:
                problems.append(f"README.md:{line.number}: not a command the test knows: {text}")
                continue
            if key in ANSWERED:
                seen.add(key)
                prefix.update(ANSWERED[key])
            expected = EXPECTED_EXIT.search(line.comment)
            code = int(expected.group(1)) if expected else 0
            env = {**session, **local, **prefix}
            done = run_dev(sandbox, "mzdesk", *args, env=env, unset=CLEARED)
            ran += 1
            if done.returncode != code or "Traceback" in done.stderr:
                problems.append(
                    f"README.md:{line.number}: {text}\n  exit {done.returncode} (expected "
                    f"{code})\n  stderr: {done.stderr.strip()[-600:]}"
                )
            if evaluated:
                _evaluate(done.stdout, session if block.top else local)
    stale = (set(SKIPPED) | set(ANSWERED)) - seen
    assert not stale, f"listed but no longer in the README: {sorted(stale)}"
    assert not problems, "\n".join(problems)
    assert ran >= 8
    assert (sandbox / "auskunft.pdf").is_file() and (sandbox / "auskunft.json").is_file()
    for name in ("MZDESK_NEW_PASSWORD",):  # what ANSWERED gives is what the README tells
        assert name in README.read_text(encoding="utf-8")
