"""Figure: the largest event-loop gap while a kit merge, an export and a backup run.

Measured in a child process (``mzdesk/ui/bench_loop.py``; Qt stays out of core), offscreen,
on the measured database: each operation runs in the background while a 5 ms timer watches
the GUI thread; the figure is the largest gap of the three (per run; median over runs). The
baseline is the same watch while a background thread only sleeps: the timer's own jitter.
Target: under 100 ms (a few frames) — the GUI never freezes while work runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from mzdesk.core.bench.gui import CHILD_TIMEOUT_S, ChildFailed, _environment
from mzdesk.core.bench.harness import Figure, Target

KEY = "event_loop_gap"
CHILD_MODULE = "mzdesk.ui.bench_loop"
OPERATIONS = ("merge", "export", "backup")


def figure() -> Figure:
    return Figure(
        key=KEY,
        title="largest event-loop gap during merge/export/backup",
        baseline_title="the same watch while a thread sleeps",
        target=Target(max_value=100.0),
    )


def run_child(db_url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="mzdesk-bench-loop-") as home:
        completed = subprocess.run(
            [sys.executable, "-m", CHILD_MODULE, "--db", db_url],
            env=_environment(Path(home)),
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S * 3,
            check=False,
        )
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise ChildFailed(f"event-loop child exited with {completed.returncode}: {last}")
    try:
        data = json.loads(completed.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as exc:
        raise ChildFailed("event-loop child printed no result") from exc
    return {str(key): float(value) for key, value in data.items()}


def measure(db_url: str, runs: int) -> Figure:
    results = [run_child(db_url) for _ in range(max(1, min(runs, 3)))]
    samples = [max(result[name] for name in OPERATIONS) for result in results]
    baseline = [result["idle"] for result in results]
    worst = {name: max(result[name] for result in results) for name in OPERATIONS}
    note = "largest gap per operation: " + ", ".join(
        f"{name} {value:.0f} ms" for name, value in worst.items()
    )
    return figure().record(samples, baseline, note=note)
