"""A throw-away checkout in which the real ``./dev`` script runs, fast and without pip.

``make_sandbox`` copies ``dev`` and ``pyproject.toml`` of this checkout into a folder and
gives it a ``.venv`` whose ``python`` and ``mzdesk`` run the interpreter of the tests on this
checkout's code (so ``ensure_venv`` finds it installed: its stamp is the pyproject's hash),
and optionally a demo database at ``.demo/mzdesk-demo.sqlite``. The ``dev`` script itself is
the one under test: whatever it does with its arguments, the database and the Qt check is
what a newcomer gets.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "mzdesk-demo"
MZDESK = (sys.executable, "-m", "mzdesk")  # the demo accounts' password (README, mzdesk/core/demo)


def _wrapper(path: Path, *command: str) -> None:
    quoted = " ".join(f'"{part}"' for part in command)
    path.write_text(
        f'#!/bin/sh\nPYTHONPATH="{REPO}" exec {quoted} "$@"\n',
        encoding="utf-8",
    )
    path.chmod(0o755)


def make_sandbox(root: Path, demo: Path | None = None) -> Path:
    """A checkout at ``root`` with ``dev``, a ready ``.venv`` and (a copy of) ``demo``."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("dev", "pyproject.toml"):
        shutil.copy2(REPO / name, root / name)
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    _wrapper(bin_dir / "python", sys.executable)
    _wrapper(bin_dir / "mzdesk", sys.executable, "-m", "mzdesk")
    stamp = hashlib.sha256((root / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (root / ".venv" / ".mzdesk-installed").write_text(stamp + "\n", encoding="utf-8")
    if demo is not None:
        (root / ".demo").mkdir()
        shutil.copy2(demo, root / ".demo" / "mzdesk-demo.sqlite")
    return root


def build_demo(path: Path, *, persons: int = 60, env: dict[str, str] | None = None) -> Path:
    """A small demo database made by ``mzdesk demo`` with the seed ``./dev start`` uses."""
    subprocess.run(
        [*MZDESK, "--db", f"sqlite:///{path}", "demo", "--persons", str(persons), "--seed", "7"],
        check=True,
        capture_output=True,
        cwd=path.parent,
        env={**os.environ, **(env or {}), "PYTHONPATH": str(REPO)},
        timeout=600,
    )
    return path


def run_dev(
    sandbox: Path,
    *args: str,
    env: dict[str, str] | None = None,
    unset: tuple[str, ...] = (),
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    """``./dev ARGS`` in the sandbox, as a newcomer types it there: the tests' environment
    without the variables in ``unset``, plus ``env``."""
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        ["bash", "./dev", *args],
        cwd=sandbox,
        env={**environment, **(env or {})},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
