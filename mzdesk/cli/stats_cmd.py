"""``mzdesk stats (--year Y [--quarter Q | --month M] | --from D --to D)``: figures for a period.

Without a format option a short summary is printed; ``--json`` prints every figure (for the
team, unsuppressed); ``--xlsx/--csv/--pdf F`` write a report meant to leave the team, with
small counts suppressed (``--suppress-below``, default 3; 0 turns it off).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database, print_json

DEFAULT_SUPPRESS_BELOW = 3


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser(
        "stats",
        help="statistics for a period: placements, referrals, events, caseload",
        description="Statistics for a period. Placements are counted as events, not persons "
        "(the SGB II integration indicator's rule), in the period their start date falls in.",
    )
    add_db_option(parser)
    period = parser.add_argument_group("period (a year, a quarter or month of it, or from–to)")
    period.add_argument("--year", type=int, metavar="Y", help="calendar year")
    period.add_argument("--quarter", type=int, metavar="Q", help="quarter 1–4 of --year")
    period.add_argument("--month", type=int, metavar="M", help="month 1–12 of --year")
    period.add_argument("--from", dest="start", metavar="D", help="first day (YYYY-MM-DD)")
    period.add_argument("--to", dest="end", metavar="D", help="last day (YYYY-MM-DD)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="every figure as JSON")
    output.add_argument("--xlsx", type=Path, metavar="F", help="write an Excel workbook")
    output.add_argument("--csv", type=Path, metavar="F", help="write a CSV file (semicolon)")
    output.add_argument("--pdf", type=Path, metavar="F", help="write a PDF report")
    parser.add_argument(
        "--suppress-below",
        type=_non_negative,
        metavar="N",
        help=f"in exports, show counts 1…N-1 as '<N' (default {DEFAULT_SUPPRESS_BELOW}; "
        "0 shows every count)",
    )
    parser.add_argument(
        "--drill-down",
        metavar="FIGURE",
        help="print the ids behind one figure, e.g. placements.by_legal_category.SGB2",
    )
    parser.set_defaults(func=run_stats)


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def run_stats(args: argparse.Namespace) -> int:
    from mzdesk.cli import EXIT_USAGE
    from mzdesk.core.stats import compute_statistics, drill_down, make_period

    export = args.xlsx or args.csv or args.pdf
    if args.suppress_below is not None and not export:
        print(
            "mzdesk stats: error: --suppress-below applies to --xlsx, --csv and --pdf",
            file=sys.stderr,
        )
        return EXIT_USAGE
    period = make_period(
        year=args.year, quarter=args.quarter, month=args.month, start=args.start, end=args.end
    )
    started = time.perf_counter()
    with open_current_database(args) as database, database.session() as session:
        if args.drill_down:
            print_json(drill_down(session, args.drill_down, period).as_dict())
            return 0
        report = compute_statistics(session, period)
        if export:
            return _export(args, session, report, export)
    elapsed = time.perf_counter() - started
    if args.json:
        print_json(report.as_dict())
        return 0
    _print_summary(report, elapsed)
    return 0


def _export(args: argparse.Namespace, session: Any, report: Any, path: Path) -> int:
    from mzdesk.core.exports.statistics import export_statistics

    threshold = DEFAULT_SUPPRESS_BELOW if args.suppress_below is None else args.suppress_below
    output_format = "xlsx" if args.xlsx else "csv" if args.csv else "pdf"
    path = path.expanduser()
    export_statistics(session, report, output_format, path, suppress_below=threshold)
    session.commit()  # the audit entry of the export
    note = f", counts below {threshold} suppressed" if threshold > 1 else ""
    print(f"statistics {report.period.label} written to {path}{note}")
    return 0


def _print_summary(report: Any, elapsed: float) -> None:
    figures = report.as_dict()
    p, r, e, c = (figures[k] for k in ("placements", "referrals", "events", "caseload"))
    print(f"Statistics {report.period.label} ({report.period.start} – {report.period.end})")
    print(
        f"  placements: {p['total']} (work {p['work']}, training {p['training']}, "
        f"refugees {p['refugees']}; {p['persons']} persons)"
    )
    legal = ", ".join(f"{k} {v}" for k, v in p["by_legal_category"].items())
    print(f"  by legal category at start: {legal}")
    statuses = ", ".join(f"{k} {v}" for k, v in r["by_status"].items())
    print(f"  referrals: {r['total']} ({statuses}); median answer {r['median_answer_days']} days")
    print(
        f"  events: {e['count']}, attendees {e['attendees']} (registered {e['registered']}, "
        f"anonymous {e['anonymous']}), employer contacts {e['employer_contacts']}, "
        f"interviews {e['interviews']}, hires {e['hires']}"
    )
    print(
        f"  caseload: {c['open_at_end']} open at end, {c['active_cases']} active, "
        f"{c['new_cases']} new, {c['contacts']} contacts"
    )
    print(f"  {figures['method']}")
    print(f"  ({elapsed:.2f} s)")
