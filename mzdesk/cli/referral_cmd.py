"""``mzdesk referral add|list|set-status``: referrals and their states from the shell.

The acting user (who sends, who overrides) is named with ``--user`` or ``MZDESK_USER``.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.cli.common import acting_user, add_user_option, open_current_database, print_json
from mzdesk.cli.output import print_rows
from mzdesk.core.errors import NotFound
from mzdesk.core.models import Case, Partner, Referral, ReferralStatus, User
from mzdesk.core.services import lookup, partners, referrals


def parse_date(text: str) -> date:
    """ISO (2024-06-03) or German (03.06.2024)."""
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.split("."))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (YYYY-MM-DD or TT.MM.JJJJ)"
        ) from None


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("referral", help="referrals to partners and their states")
    actions = parser.add_subparsers(dest="referral_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="a new referral (draft) from a case")
    add_db_option(add)
    add_user_option(add)
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--case", help="case id (or its last 6-8 hex digits)")
    target.add_argument("--person", help="file number or id: the person's newest open case")
    add.add_argument("--partner", required=True, help="partner id (or its last 6-8 hex digits)")
    add.add_argument("--purpose", required=True)
    add.add_argument("--service")
    add.add_argument("--request", help="the concrete request, printed in the letter")
    add.add_argument(
        "--category",
        action="append",
        default=[],
        help="data the letter prints (repeat or comma-separated; a consent must cover each; "
        "default: the partner's template decides): "
        + ", ".join(sorted(referrals.PRINTABLE_CATEGORIES)),
    )
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help="referrals, newest first")
    add_db_option(lst)
    lst.add_argument("--person", help="file number or id")
    lst.add_argument("--partner")
    lst.add_argument("--status", choices=[s.value for s in ReferralStatus])
    lst.add_argument("--rejected-for", metavar="USER", help="rejections a counsellor must see")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    status = actions.add_parser(
        "set-status",
        help="change the state (sent renders and stores the letter)",
        description="draft → sent → accepted | rejected (reason) ; accepted → done ; "
        "revoked from draft, sent or accepted. Sending needs a valid consent covering the "
        "partner and the letter's data; a team lead may override with --override-reason.",
    )
    add_db_option(status)
    add_user_option(status)
    status.add_argument("referral")
    status.add_argument("status", choices=[s.value for s in ReferralStatus])
    status.add_argument("--reason", help="the partner's reason (rejected)")
    status.add_argument("--feedback", help="the partner's feedback")
    status.add_argument("--override-reason", help="team lead only: send without consent")
    status.add_argument("--on", type=parse_date, help="date of the change (default today)")
    status.add_argument("--answer-days", type=int, default=referrals.DEFAULT_ANSWER_DAYS)
    status.add_argument("--attachment", action="append", default=[], help="listed in the letter")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=run_set_status)


def describe(session: Session, referral: Referral) -> dict[str, Any]:
    partner = session.get(Partner, referral.partner_id)
    return {
        "id": str(referral.id),
        "short_id": lookup.short_id(referral.id),
        "case_id": str(referral.case_id),
        "partner": partner.name if partner else None,
        "partner_id": str(referral.partner_id),
        "status": referral.status.value,
        "purpose": referral.purpose,
        "service": referral.service,
        "created_on": referral.created_on,
        "sent_on": referral.sent_on,
        "answer_due_on": referral.answer_due_on,
        "answered_on": referral.answered_on,
        "rejection_reason": referral.rejection_reason,
        "consent_id": str(referral.consent_id) if referral.consent_id else None,
        "categories": referral.data_categories,
        "override_reason": referral.override_reason,
        "letter_sha256": referral.letter_sha256,
    }


def run_add(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        user = acting_user(session, args)
        if args.case:
            case = lookup.by_id(session, Case, args.case, "case")
        else:
            person = lookup.person(session, args.person)
            case = session.scalars(
                select(Case)
                .where(Case.person_id == person.id, Case.closed_on.is_(None))
                .order_by(Case.opened_on.desc())
            ).first()
            if case is None:
                raise NotFound(f"person {person.file_number} has no open case")
        partner = partners.get_partner(session, args.partner)
        referral = referrals.create_referral(
            session,
            case_id=case.id,
            partner_id=partner.id,
            purpose=args.purpose,
            service=args.service,
            request=args.request,
            created_by_id=user.id,
            categories=[part.strip() for value in args.category for part in value.split(",")]
            or None,
        )
        session.commit()
        if args.json:
            print_json(describe(session, referral))
        else:
            print(f"referral added (draft): {lookup.short_id(referral.id)} ({referral.id})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        if args.rejected_for:
            user = session.scalars(select(User).where(User.username == args.rejected_for)).first()
            if user is None:
                raise NotFound(f"no user {args.rejected_for!r}")
            rejections = referrals.rejections_for_counsellor(session, user.id)
            if args.json:
                print_json([r.__dict__ for r in rejections])
            else:
                for r in rejections:
                    print(
                        f"{lookup.short_id(r.referral_id)}  {r.answered_on}  {r.file_number}  "
                        f"{r.partner_name}: {r.reason}"
                    )
            return 0
        person_id = lookup.person(session, args.person).id if args.person else None
        partner_id = partners.get_partner(session, args.partner).id if args.partner else None
        found = referrals.list_referrals(
            session,
            person_id=person_id,
            partner_id=partner_id,
            status=ReferralStatus(args.status) if args.status else None,
        )
        rows = [describe(session, r) for r in found]
    return print_rows(rows, _line, as_json=args.json)


def _line(row: dict[str, Any]) -> str:
    return (
        f"{row['short_id']}  {row['status']:<9} {row['created_on']}  "
        f"{row['partner']}: {row['purpose']}"
    )


def run_set_status(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        user = acting_user(session, args)
        target = ReferralStatus(args.status)
        if target is ReferralStatus.SENT:
            referral = referrals.send_referral(
                session,
                args.referral,
                user=user,
                on=args.on,
                answer_days=args.answer_days,
                override_reason=args.override_reason,
                attachments=args.attachment,
            )
        else:
            referral = referrals.set_status(
                session,
                args.referral,
                target,
                user=user,
                on=args.on,
                reason=args.reason,
                feedback=args.feedback,
            )
        session.commit()
        data = describe(session, referral)
    if args.json:
        print_json(data)
    else:
        extra = f", answer due {data['answer_due_on']}" if target is ReferralStatus.SENT else ""
        print(f"referral {data['short_id']} is now {data['status']}{extra}")
    return 0
