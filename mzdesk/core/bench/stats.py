"""Figure: yearly statistics — reported "not built" until ``mzdesk.core.stats`` offers one.

Looked up at run time, without guessing: a module ``mzdesk.core.stats`` with a callable
``bench_yearly(session, year)`` (the statistics, as the GUI and ``mzdesk stats`` compute them)
and ``bench_yearly_raw(session, year)`` (its raw SQL aggregates alone, the baseline). The
statistics area adds those two hooks with its figure; until then the figure says so.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from typing import Any

from mzdesk.core.bench.harness import Figure, Target, interleaved, timed
from mzdesk.core.database import Database

KEY = "yearly_stats"
MODULE = "mzdesk.core.stats"
HOOKS = ("bench_yearly", "bench_yearly_raw")


def figure() -> Figure:
    return Figure(
        key=KEY,
        title="yearly statistics",
        baseline_title="the raw SQL aggregates alone",
        target=Target(max_ratio=2.0, max_value=1000.0),
    )


def find_hooks() -> tuple[Callable[..., Any], Callable[..., Any]] | None:
    try:
        module = importlib.import_module(MODULE)
    except ImportError:
        return None
    measured, raw = (getattr(module, name, None) for name in HOOKS)
    if callable(measured) and callable(raw):
        return measured, raw
    return None


def measure(database: Database, runs: int, year: int | None = None) -> Figure:
    result = figure()
    hooks = find_hooks()
    if hooks is None:
        return result.not_built(f"{MODULE} has no {' / '.join(HOOKS)} yet")
    measured, raw = hooks
    year = year or date.today().year - 1

    def run(function: Callable[..., Any]) -> Callable[[], float]:
        def once() -> float:
            with database.session() as session:
                return timed(lambda: function(session, year))

        return once

    samples, baseline = interleaved(run(measured), run(raw), runs)
    return result.record(samples, baseline, note=f"year {year}")
