"""``mzdesk person merge KEEP OTHER``: move everything of OTHER to KEEP, audited.

The ``person`` command group lives in ``person_cmd``; it calls :func:`add_merge_parser`.
KEEP and OTHER are file numbers, ids or short ids; they are *not* resolved through earlier
merges (merging into a merged person is refused with the id to use instead).
"""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from sqlalchemy.orm import Session

from mzdesk.cli.common import open_current_database, print_json


def add_merge_parser(actions: Any) -> argparse.ArgumentParser:
    from mzdesk.cli import add_db_option

    parser: argparse.ArgumentParser = actions.add_parser(
        "merge",
        help="merge two records of the same person (everything moves to KEEP)",
        description="Move every record linked to OTHER (cases, consents, placements, "
        "histories …) to KEEP, fill KEEP's empty fields from OTHER, and mark OTHER as merged "
        "into KEEP. Audited. OTHER is kept as a pointer: later kits and imports resolve to KEEP.",
    )
    add_db_option(parser)
    parser.add_argument("keep", metavar="KEEP", help="file number or id of the person to keep")
    parser.add_argument("other", metavar="OTHER", help="file number or id of the duplicate")
    parser.add_argument("--json", action="store_true", help="print the merge report as JSON")
    parser.set_defaults(func=run_merge)
    return parser


def _find(session: Session, text: str) -> uuid.UUID:
    """The person's id (not followed through merges); another team's person is refused and
    audited, as every lookup is — never answered with "not found"."""
    from mzdesk.core.services import lookup

    return lookup.person_record(session, text).id


def run_merge(args: argparse.Namespace) -> int:
    # imported here: ``person find`` and the other person commands register this parser
    from mzdesk.core.services.merge import merge_persons

    with open_current_database(args) as database, database.session() as session:
        keep_id = _find(session, args.keep)
        other_id = _find(session, args.other)
        report = merge_persons(session, keep_id, other_id)
        session.commit()
    if args.json:
        print_json(report.as_dict())
    else:
        moved = sum(report.moved.values())
        print(f"merged {other_id} into {keep_id}: {moved} records moved")
    return 0
