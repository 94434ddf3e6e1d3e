"""Figures: start to main window shown, and the main window's memory at two database sizes.

The GUI is measured in child processes (``mzdesk/ui/bench_gui.py``; Qt stays out of core):
each start is cold — a new interpreter, imports, QApplication, database, main window — and
runs offscreen with its settings in a fresh temporary ``XDG_CONFIG_HOME``. The child reports
the moment of its window's first paint; the time is measured from just before the parent
started it. The baseline is the same for a bare PySide6 window (QApplication + an empty
QMainWindow), started as a script so that it imports nothing else.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mzdesk
from mzdesk.core.bench.harness import Figure, Target

STARTUP_KEY = "startup"
MEMORY_KEY = "memory"
CHILD_MODULE = "mzdesk.ui.bench_gui"
CHILD_TIMEOUT_S = 180


def child_script() -> Path:
    return Path(mzdesk.__file__).resolve().parent / "ui" / "bench_gui.py"


@dataclass(frozen=True)
class ChildRun:
    elapsed_ms: float  # process start to the first paint of the window
    hwm_kb: int  # peak resident set size, after the window showed its first page
    rss_kb: int
    rows: int
    page_ms: float | None = None  # process start to the first page of the list (startup)


class ChildFailed(RuntimeError):
    pass


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("LANG", "C.UTF-8")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("MZDESK_DATABASE_URL", None)
    # The child must find this mzdesk even when it runs from a checkout.
    root = str(Path(mzdesk.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    return env


def run_child(mode: str, db_url: str | None = None) -> ChildRun:
    """One cold start of the GUI (``startup``, needs ``db_url``) or of a bare window."""
    if mode == "startup":
        command = [sys.executable, "-m", CHILD_MODULE, "startup", "--db", str(db_url)]
    elif mode == "bare":
        command = [sys.executable, str(child_script()), "bare"]
    else:
        raise ValueError(f"unknown mode {mode!r}")
    with tempfile.TemporaryDirectory(prefix="mzdesk-bench-") as home:
        env = _environment(Path(home))
        started = time.time()
        completed = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise ChildFailed(f"{mode} child exited with {completed.returncode}: {last}")
    try:
        data: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as exc:
        raise ChildFailed(f"{mode} child printed no result") from exc
    return ChildRun(
        elapsed_ms=(float(data["painted_at"]) - started) * 1000.0,
        hwm_kb=int(data["hwm_kb"]),
        rss_kb=int(data["rss_kb"]),
        rows=int(data.get("rows", 0)),
        page_ms=(float(data["page_at"]) - started) * 1000.0 if "page_at" in data else None,
    )


def startup_figure(persons: int) -> Figure:
    return Figure(
        key=STARTUP_KEY,
        title=f"start to main window shown ({persons:,} persons)",
        baseline_title="a bare PySide6 window",
        target=Target(max_ratio=2.0),
    )


def memory_figure(persons: int, small: int) -> Figure:
    return Figure(
        key=MEMORY_KEY,
        title=f"main window memory: {persons:,} vs {small:,} persons",
        baseline_title=f"the same on a {small:,}-person database",
        target=Target(max_ratio=1.3, unit="MB"),
        unit="MB",
    )


def measure_startup(
    db_url: str, persons: int, runs: int, *, warmup: bool = True
) -> tuple[Figure, list[ChildRun], list[ChildRun]]:
    """The startup figure and the child runs behind it (their memory is reused)."""
    result = startup_figure(persons)
    if warmup:  # the first start fills the OS file cache: discarded
        run_child("startup", db_url)
        run_child("bare")
    started: list[ChildRun] = []
    bare: list[ChildRun] = []
    for _ in range(runs):
        started.append(run_child("startup", db_url))
        bare.append(run_child("bare"))
    pages = [run.page_ms for run in started if run.page_ms is not None]
    page = f"; the first page followed at {statistics.median(pages):.0f} ms" if pages else ""
    result.record(
        [run.elapsed_ms for run in started],
        [run.elapsed_ms for run in bare],
        note=f"cold process start to first paint, offscreen; {started[-1].rows} rows loaded{page}",
    )
    return result, started, bare


def startup_runs(db_url: str, runs: int) -> list[ChildRun]:
    """``runs`` GUI starts on ``db_url`` (for the memory figure), after one discarded."""
    run_child("startup", db_url)
    return [run_child("startup", db_url) for _ in range(runs)]


def measure_memory(
    large: list[ChildRun], small: list[ChildRun], persons: int, small_persons: int, extra: str = ""
) -> Figure:
    """Peak RSS (VmHWM) of the GUI child after its first page: large vs small database."""
    return memory_figure(persons, small_persons).record(
        [run.hwm_kb / 1024.0 for run in large],
        [run.hwm_kb / 1024.0 for run in small],
        note=f"peak RSS (VmHWM) after the window showed its first page{extra}",
    )
