"""``mzdesk dedupe [--json] [--limit N]``: likely duplicate pairs over the whole database.

Names are printed to stdout for the admin to judge (this is the admin's door); they never go
to the log. ``--json`` prints ids, file numbers, score and reasons only.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.core.dedupe import DEFAULT_THRESHOLD, DuplicatePair, find_duplicate_pairs
from mzdesk.core.dedupe.candidates import StoredPerson

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser(
        "dedupe",
        help="list likely duplicate persons with ids, scores and reasons",
        description="Compare all persons (not merged) and list likely duplicate pairs, best "
        "first: transliteration variants, swapped names, placeholder birth dates, phone.",
    )
    add_db_option(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="at most N pairs")
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        metavar="S",
        help=f"lowest score listed, 0..1 (default {DEFAULT_THRESHOLD})",
    )
    parser.set_defaults(func=run_dedupe)


def _describe(person: StoredPerson) -> str:
    probe = person.probe
    born = probe.birth_date.strftime("%d.%m.%Y") if probe.birth_date else "-"
    return f"{person.file_number} {probe.family_name}, {probe.given_names} ({born})"


def run_dedupe(args: argparse.Namespace) -> int:
    started = time.monotonic()
    with open_current_database(args) as database, database.session() as session:
        pairs: list[DuplicatePair] = sorted(
            find_duplicate_pairs(session, threshold=args.threshold),
            key=lambda pair: (-pair.score, pair.a.file_number, pair.b.file_number),
        )
    total = len(pairs)
    if args.limit is not None:
        pairs = pairs[: max(0, args.limit)]
    log.info("dedupe: %d pairs in %.1f s", total, time.monotonic() - started)
    if args.json:
        print_json(
            {
                "total": total,
                "pairs": [
                    {
                        "a": str(pair.a.id),
                        "b": str(pair.b.id),
                        "a_file_number": pair.a.file_number,
                        "b_file_number": pair.b.file_number,
                        "score": pair.score,
                        "reasons": list(pair.reasons),
                    }
                    for pair in pairs
                ],
            }
        )
        return 0
    for pair in pairs:
        print(f"{pair.score:.2f}  {pair.a.id}  {pair.b.id}  {', '.join(pair.reasons)}")
        print(f"      {_describe(pair.a)}")
        print(f"      {_describe(pair.b)}")
    shown = f" (showing {len(pairs)})" if len(pairs) < total else ""
    print(f"{total} likely duplicate pairs{shown}", file=sys.stderr)
    return 0
