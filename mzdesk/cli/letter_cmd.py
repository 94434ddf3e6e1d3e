"""``mzdesk letter REFERRAL -o FILE.pdf``: a referral's letter, only with a consent.

The bytes come from ``referrals.release_letter`` (as every letter that leaves): a sent
referral's stored PDF exactly as sent, or a draft's letter when a consent valid today covers
it or a team lead recorded an exception. An uncovered draft is refused (exit 1); its marked
preview is for the screen only. The output is recorded in the audit trail together with the
written file: a file that cannot be written leaves the database unchanged.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database
from mzdesk.cli.referral_cmd import parse_date
from mzdesk.core.errors import MzdeskError
from mzdesk.core.files import write_private
from mzdesk.core.models import ReferralStatus
from mzdesk.core.services import referrals


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser(
        "letter",
        help="write a referral letter to PDF (needs the person's consent)",
        description="Write the referral's letter: for a sent referral exactly the stored PDF "
        "(as sent), for a draft the letter as it would be sent, when a valid consent (or a "
        "team lead's recorded exception) covers it. The output is audited.",
    )
    add_db_option(parser)
    parser.add_argument("referral", help="referral id (or its last 6-8 hex digits)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument("--on", type=parse_date, help="letter date of a draft's letter")
    parser.set_defaults(func=run_letter)


def run_letter(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        referral = referrals.get_referral(session, args.referral)
        sent = referral.status is not ReferralStatus.DRAFT
        pdf = referrals.release_letter(
            session, referral.id, referrals.LetterPurpose.CLI, on=args.on
        )
        try:
            write_private(args.output, pdf)
        except OSError as exc:
            session.rollback()  # nothing left: no entry for a letter that was not written
            raise MzdeskError(f"cannot write {args.output}: {exc.strerror}") from exc
        try:
            session.commit()
        except BaseException:
            args.output.unlink(missing_ok=True)  # not recorded: not left behind either
            raise
    kind = "letter as sent" if sent else "letter of the draft"
    print(f"{kind} written to {args.output} ({len(pdf)} bytes)")
    return 0
