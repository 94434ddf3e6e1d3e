"""``mzdesk followup list [--json] [--user NAME] [--today DATE] [--team]``, ``followup done ID``
and ``followup reopen ID`` (takes "done" back, as Ctrl+Z in the window).

The list is what the follow-up area shows: overdue, today, the next seven days, expiring
residence documents and legal-category hints of the acting user's cases (``--user``, or the
logged-in user; without accounts every case). The text listing prints names for the
counsellor; ``--json`` gives ids, file numbers, dates and texts, no names. Never a contact note.
``--team``: a team lead's list of every case of the team (refused for anyone else).
"""

from __future__ import annotations

import argparse
import uuid
from datetime import date
from typing import Any

from mzdesk.cli.common import acting_user, open_current_database, print_json, user_name
from mzdesk.core import access
from mzdesk.core.datetext import parse_date
from mzdesk.core.models import FollowUp
from mzdesk.core.services import followups
from mzdesk.core.services.lookup import by_id, short_id

HEADINGS = {
    followups.Group.OVERDUE: "Overdue",
    followups.Group.TODAY: "Today",
    followups.Group.THIS_WEEK: "Next 7 days",
    followups.Group.DOCUMENTS: "Residence documents",
    followups.Group.HINTS: "Legal category hints",
}


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("followup", help="follow-ups (Wiedervorlagen) due for a user")
    commands = parser.add_subparsers(dest="followup_command", required=True)
    listing = commands.add_parser("list", help="what is due: overdue, today, next 7 days …")
    add_db_option(listing)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.add_argument("--today", default=None, metavar="DATE", help="as of DATE (default today)")
    listing.add_argument(
        "--team", action="store_true", help="the whole team's follow-ups (team leads)"
    )
    listing.set_defaults(func=run_list)
    done = commands.add_parser("done", help="mark a follow-up done")
    add_db_option(done)
    done.add_argument("id", help="the follow-up's id (or its last 6-8 hex digits)")
    done.set_defaults(func=run_done)
    reopen = commands.add_parser("reopen", help="take back 'done': the follow-up is open again")
    add_db_option(reopen)
    reopen.add_argument("id", help="the follow-up's id (or its last 6-8 hex digits)")
    reopen.set_defaults(func=run_reopen)


def _user_id(session: Any, args: argparse.Namespace) -> uuid.UUID | None:
    if access.acting_user_id(session) is None and not user_name(args):
        return None  # no accounts in use: every case
    return acting_user(session, args).id


def run_list(args: argparse.Namespace) -> int:
    parsed = parse_date(args.today) if args.today else None
    today = parsed.value if parsed else date.today()
    with open_current_database(args) as database, database.session() as session:
        scope = followups.Scope.TEAM if args.team else followups.Scope.MINE
        due = followups.due_for(session, _user_id(session, args), today, scope=scope)
    if args.json:
        print_json(
            {
                "today": today.isoformat(),
                "urgent": due.urgent_count,
                "items": [item.as_json() for item in due.items()],
            }
        )
        return 0
    for group in followups.Group:
        items = due.items(group)
        if not items:
            continue
        print(f"{HEADINGS[group]} ({len(items)})")
        for item in items:
            day = item.due_on.strftime("%d.%m.%Y")
            print(f"  {day}  {short_id(item.record_id)}  {item.file_number}  {item.person_name}")
            print(f"              {item.text}")
    if not due.items():
        print("nothing due")
    return 0


def run_done(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        follow_up = by_id(session, FollowUp, args.id, "follow-up")
        followups.mark_done(session, follow_up.id)
        session.commit()
    print(f"follow-up {short_id(follow_up.id)} done")
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        follow_up = by_id(session, FollowUp, args.id, "follow-up")
        followups.reopen(session, follow_up.id)
        session.commit()
    print(f"follow-up {short_id(follow_up.id)} open again")
    return 0
