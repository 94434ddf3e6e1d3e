"""``mzdesk bench``: figures at county scale, each beside its raw baseline (Qt-free parts).

One module per figure group (``person_file``, ``search``, ``stats``, ``gui``, ``pending``);
``harness`` has the medians, ratios and targets, ``runner`` the databases and the order.
"""

from mzdesk.core.bench.harness import DEFAULT_RUNS, Figure, Status, Target, format_table
from mzdesk.core.bench.runner import (
    DEFAULT_PERSONS,
    FIGURE_KEYS,
    BenchOptions,
    BenchReport,
    run_bench,
)

__all__ = [
    "DEFAULT_PERSONS",
    "DEFAULT_RUNS",
    "FIGURE_KEYS",
    "BenchOptions",
    "BenchReport",
    "Figure",
    "Status",
    "Target",
    "format_table",
    "run_bench",
]
