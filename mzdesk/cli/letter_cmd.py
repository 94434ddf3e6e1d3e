"""``mzdesk letter REFERRAL -o FILE.pdf``: the stored letter of a sent referral, or a preview."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database
from mzdesk.cli.referral_cmd import parse_date
from mzdesk.core.errors import MzdeskError
from mzdesk.core.files import write_private
from mzdesk.core.services import referrals


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser(
        "letter",
        help="render a referral letter to PDF",
        description="Write the referral's letter: for a sent referral exactly the stored PDF "
        "(as sent), for a draft a preview of the letter as it would be sent.",
    )
    add_db_option(parser)
    parser.add_argument("referral", help="referral id (or its last 6-8 hex digits)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument("--on", type=parse_date, help="letter date of a preview")
    parser.set_defaults(func=run_letter)


def run_letter(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        referral = referrals.get_referral(session, args.referral)
        stored = referral.letter_pdf is not None
        pdf = referrals.preview_letter(session, referral, on=args.on)
    try:
        write_private(args.output, pdf)
    except OSError as exc:
        raise MzdeskError(f"cannot write {args.output}: {exc.strerror}") from exc
    kind = "letter as sent" if stored else "preview of the draft"
    print(f"{kind} written to {args.output} ({len(pdf)} bytes)")
    return 0
