"""``mzdesk bench``: figures at county scale, each beside its raw baseline.

    mzdesk bench [--persons N] [--json] [--keep DB] [--runs K] [--only FIGURE ...]
    mzdesk bench --db URL ...      measure an existing database as it is (not built, not changed)

Exit code 0 when the bench ran (figures that miss their target are reported, not failed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mzdesk.cli.common import print_json


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option
    from mzdesk.core.bench import DEFAULT_PERSONS, DEFAULT_RUNS, FIGURE_KEYS

    parser = subparsers.add_parser(
        "bench",
        help="benchmarks at county scale, each beside its raw baseline",
        description="Build (or reuse) a demo database and print, for each figure, the median "
        "of several runs, the raw baseline's median, their ratio and the target. Figures of "
        "areas that do not exist yet are reported as 'not built'. With --db, an existing "
        "database is measured as it is.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--persons",
        type=_positive,
        default=DEFAULT_PERSONS,
        metavar="N",
        help=f"persons in the demo database (default {DEFAULT_PERSONS:,})",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DB",
        help="SQLite file to build the demo database in and keep; reused if it holds persons",
    )
    parser.add_argument(
        "--runs",
        type=_positive,
        default=DEFAULT_RUNS,
        metavar="K",
        help=f"measured runs per figure, after a discarded warm-up (default {DEFAULT_RUNS})",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=FIGURE_KEYS,
        metavar="FIGURE",
        help=f"measure only these figures: {', '.join(FIGURE_KEYS)}",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(func=run_bench_command)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run_bench_command(args: argparse.Namespace) -> int:
    from mzdesk.cli import fail
    from mzdesk.core.bench import BenchOptions, format_table, run_bench
    from mzdesk.core.database import resolve_url

    db = getattr(args, "db", None)
    if db is not None and args.keep is not None:
        return fail("give either --db (measure that database) or --keep (build or reuse one)")
    options = BenchOptions(
        persons=args.persons,
        runs=args.runs,
        keep=args.keep.expanduser().resolve() if args.keep else None,
        db_url=resolve_url(db) if db is not None else None,
        only=tuple(args.only or ()),
        progress=lambda message: print(f"bench: {message}", file=sys.stderr, flush=True),
    )
    report = run_bench(options)
    if args.json:
        print_json(report.as_dict())
        return 0
    machine = report.machine
    print(
        f"mzdesk bench on {report.database['url']} ({report.database['persons']:,} persons), "
        f"median of {report.runs} runs"
    )
    print(f"machine: {machine['cpus']} CPUs, {machine['cpu_model']}, {machine['ram_gb']} GB RAM")
    print()
    print(format_table(report.figures))
    return 0
