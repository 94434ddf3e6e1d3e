"""``mzdesk audit verify [--json]``: check the hash chain of the audit trail."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.core.services import audit


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("audit", help="the audit trail")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check the hash chain; exit 1 with the first broken entry",
        description="Recompute the hash chain of the audit trail. Exit 0 when intact; "
        "exit 1 naming the first entry (seq) that was edited, removed, inserted or reordered.",
    )
    add_db_option(verify)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        report = audit.verify(session)
    if args.json:
        print_json(report.as_dict())
    elif report.ok:
        print(f"audit trail intact: {report.entries} entries")
    if report.ok:
        return 0
    print(
        f"mzdesk: audit trail broken at seq {report.first_broken_seq} ({report.problem})",
        file=sys.stderr,
    )
    return 1
