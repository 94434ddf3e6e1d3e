"""``mzdesk demo [--persons N] [--seed S]``: synthetic, believable demo data (never real people)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from mzdesk.cli.common import open_database

DEFAULT_PERSONS = 2000
DEFAULT_SEED = 1


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser(
        "demo",
        help="fill an empty database with synthetic demo data",
        description="Create (if needed) and fill an empty database with synthetic, believable "
        "demo data: persons, cases, contacts, referrals, placements, partners and events. "
        "The same seed gives the same data. Refused if the database already holds persons.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--persons",
        type=_positive,
        default=DEFAULT_PERSONS,
        metavar="N",
        help=f"number of persons (default {DEFAULT_PERSONS})",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, metavar="S", help="random seed (default 1)"
    )
    parser.set_defaults(func=run_demo)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


class _PhasePrinter:
    """One short line on stderr per phase of the generator."""

    def __init__(self) -> None:
        self.phase: str | None = None
        self.started = time.monotonic()

    def __call__(self, done: int, total: int, phase: str) -> None:
        if phase != self.phase:
            self.phase = phase
            elapsed = time.monotonic() - self.started
            print(f"demo: {phase} ({done}/{total} persons, {elapsed:.1f} s)", file=sys.stderr)


def run_demo(args: argparse.Namespace) -> int:
    from mzdesk.core.demo import generate_demo

    with open_database(args, create=True) as database:
        summary = generate_demo(database, args.persons, args.seed, _PhasePrinter())
    counts = summary.counts
    print(
        f"demo data written (seed {args.seed}): {counts['persons']} persons, "
        f"{counts['cases']} cases, {counts['contacts']} contacts, {counts['referrals']} referrals, "
        f"{counts['placements']} placements, {counts['partners']} partners, "
        f"{counts['events']} events"
    )
    return 0
