"""``mzdesk db upgrade | check``."""

from __future__ import annotations

import argparse
from typing import Any

from mzdesk.cli.common import open_database, print_json
from mzdesk.core import schema


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("db", help="schema migrations and integrity check")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="migrate the database to this mzdesk's schema")
    add_db_option(upgrade)
    upgrade.add_argument("--revision", default="head", help=argparse.SUPPRESS)
    upgrade.set_defaults(func=run_upgrade)
    check = actions.add_parser("check", help="integrity check and schema revision")
    add_db_option(check)
    check.add_argument("--json", action="store_true", help="report as JSON")
    check.set_defaults(func=run_check)


def run_upgrade(args: argparse.Namespace) -> int:
    with open_database(args, create=True) as database:
        before = schema.current_revision(database)
        schema.upgrade(database, args.revision)
        after = schema.current_revision(database)
    if before == after:
        print(f"database already at schema {after}")
    else:
        print(f"database upgraded from schema {before or 'empty'} to {after}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with open_database(args) as database:
        report = schema.check(database)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "revision": report.revision,
                "head": report.head,
                "problems": report.problems,
            }
        )
    elif report.ok:
        print(f"ok: schema {report.revision}, integrity check passed")
    else:
        for problem in report.problems:
            print(f"problem: {problem}")
    return 0 if report.ok else 1
