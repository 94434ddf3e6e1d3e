"""``mzdesk person find QUERY [--json] [--limit N]`` (and ``person merge``, see merge_cmd).

``find`` runs the same search as the client list (``core.services.search``): names in any
script, file number or a part of it, phone in any formatting, birth date ``24.11.1990`` or a
year. Merged persons never appear.
"""

from __future__ import annotations

import argparse
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.core.services import search
from mzdesk.core.services.persons import format_birth_date

DEFAULT_LIMIT = 50


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option
    from mzdesk.cli.merge_cmd import add_merge_parser

    parser = subparsers.add_parser("person", help="find, show and merge persons")
    actions = parser.add_subparsers(dest="person_action", metavar="ACTION", required=True)
    find = actions.add_parser(
        "find",
        help="search persons like the client list does",
        description="Find persons by name (any script, any accents), file number or a part "
        "of it, phone number or birth date (24.11.1990, or a year). Every word must match "
        "the start of a name, number or date.",
    )
    add_db_option(find)
    find.add_argument("query", metavar="QUERY", nargs="+", help="what to look for")
    find.add_argument("--json", action="store_true", help="print a JSON list of persons")
    find.add_argument(
        "--limit",
        type=_positive,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N persons (default {DEFAULT_LIMIT})",
    )
    find.set_defaults(func=run_find)
    add_merge_parser(actions)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run_find(args: argparse.Namespace) -> int:
    raw = " ".join(args.query)
    with open_current_database(args) as database, database.session() as session:
        rows = search.search_persons(session, raw, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": str(row.id),
                    "file_number": row.file_number,
                    "family_name": row.family_name,
                    "given_names": row.given_names,
                    "birth_date": row.birth_date.isoformat() if row.birth_date else None,
                    "birth_date_precision": row.birth_date_precision.value,
                    "nationalities": list(row.nationalities),
                }
                for row in rows
            ]
        )
        return 0
    for row in rows:
        birth = format_birth_date(row.birth_date, row.birth_date_precision)
        name = f"{row.family_name}, {row.given_names}" if row.given_names else row.family_name
        print(f"{row.id}  {row.file_number}  {name}  {birth}".rstrip())
    return 0
