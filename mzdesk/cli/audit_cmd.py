"""``mzdesk audit verify [--json]``: check the hash chain of the audit trail and its end;
``mzdesk audit reset-anchor --reason TEXT``: accept the trail as it is now (admins)."""

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
        help="check the hash chain and its end; exit 1 naming what is wrong",
        description="Recompute the hash chain of the audit trail and compare its end with the "
        "anchor this computer keeps outside the database. Exit 0 when intact; exit 1 naming "
        "the first entry (seq) that was edited, removed, inserted or reordered, or how many "
        "entries are missing since the last anchor (a cut tail, a deleted or rewritten trail).",
    )
    add_db_option(verify)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=run_verify)
    reset = actions.add_parser(
        "reset-anchor",
        help="accept the trail as it is now as the new anchor (admin)",
        description="After a legitimate change of the trail's end that mzdesk did not make "
        "itself (a pg_restore of the server database, a database file copied back by hand): "
        "make the trail's present head this computer's anchor. The entry it appends names the "
        "replaced anchor, what was missing and the reason.",
    )
    add_db_option(reset)
    reset.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    reset.set_defaults(func=run_reset_anchor)


def run_verify(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        report = audit.verify(session)
    if args.json:
        print_json(report.as_dict())
    elif report.ok:
        print(audit.describe(report))
    if report.ok:
        return 0
    print(f"mzdesk: {audit.describe(report)}", file=sys.stderr)
    return 1


def run_reset_anchor(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        done = audit.reset_anchor(session, args.reason)
        session.commit()
    was = "" if done.previous_seq is None else f" (it was at seq {done.previous_seq}"
    if was:
        entries = "entry" if done.missing == 1 else "entries"
        was += f", {done.missing} {entries} missing)" if done.problem == "missing" else ")"
    print(f"audit anchor set to seq {done.seq}{was}")
    return 0
