"""Issue #15: a screen reader's view — every input of the intake, contact, referral and
placement dialogs is named in the accessibility tree as read from outside.

The in-process checks (test_accessibility.py) ask Qt; this asks what Orca hears: the dialogs
run in a real X window (Xvfb) with Qt's AT-SPI bridge, and a separate process reads the tree
over D-Bus with pyatspi (tests/gui/atspi_reader.py, system Python), the interface Orca uses.
BITV 2.0 / EN 301 549 (9.4.1.2 "Name, Role, Value") apply to county software.

Needs xvfb-run, dbus-run-session, at-spi2-core and python3-pyatspi (``.ci/run`` installs
them); without them the test is skipped with that reason — under CI that is an error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DIALOGS = ["intake new", "contact entry", "referral", "placement"]
CONTROL = "control: an unlabelled field"
NAMED_BY_TEXT = {"push button", "check box", "radio button"}  # their own text is their name


def _missing() -> list[str]:
    missing = [
        tool for tool in ("xvfb-run", "dbus-run-session", "dbus-send") if not shutil.which(tool)
    ]
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi2-core")
    probe = subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    missing = _missing()
    if missing:
        reason = f"AT-SPI check needs: {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("atspi") / "tree.json"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--"]
    command += [sys.executable, str(HERE / "atspi_probe.py"), str(out), *DIALOGS]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert "mzdesk-atspi-probe" in seen["applications"]
    windows: dict[str, list[dict[str, object]]] = seen["windows"]
    return windows


def unnamed(inputs: list[dict[str, object]]) -> list[str]:
    """Inputs a screen reader cannot name: no name at all, or a field whose only "name" is
    its own content (Orca would read the value as if it were the label)."""
    found = []
    for item in inputs:
        role, name, labels = item["role"], str(item["name"] or ""), item["labelled_by"]
        if not name.strip():
            found.append(f"{role} without a name")
        elif role not in NAMED_BY_TEXT and not labels and name == item["text"]:
            found.append(f"{role} named only by its content {name!r}")
    return found


def test_the_reader_reports_an_unlabelled_field(tree: dict[str, list[dict[str, object]]]) -> None:
    assert unnamed(tree[CONTROL]) == ["text without a name"]


@pytest.mark.parametrize("dialog", DIALOGS)
def test_every_input_of_the_dialog_is_named_for_a_screen_reader(
    tree: dict[str, list[dict[str, object]]], dialog: str
) -> None:
    inputs = tree[dialog]
    fields = [item for item in inputs if item["role"] not in ("push button",) and item["showing"]]
    assert len(fields) >= 3, inputs  # the dialog was really read, not an empty window
    assert unnamed(inputs) == []


def test_the_screen_reader_hears_german(tree: dict[str, list[dict[str, object]]]) -> None:
    names = [item["name"] for item in tree["intake new"]]
    assert names[:2] == ["Familienname", "Vornamen"]
