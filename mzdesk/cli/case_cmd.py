"""``mzdesk case …``: counselling cases from the shell.

``case open PERSON``, ``case list``, ``case show CASE``, ``case set-status CASE STATUS``,
``case edit CASE`` — states open → active ⇄ paused → closed, reopen. The contact log of a
case is ``mzdesk contact …`` (:mod:`.contact_cmd`), a person's residence status and legal
category ``mzdesk status …`` (:mod:`.status_cmd`).

PERSON is a file number, an id or its last 6-8 hex digits; CASE an id or its short id.
``--json`` prints what the command reports as JSON.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.cli.output import print_rows

STATUSES = ("open", "active", "paused", "closed")
SOURCES = ("desk", "event", "import")


def date_argument(text: str) -> date:
    """A date given on the command line (``2025-03-31``, ``31.03.2025``), for argparse."""
    from mzdesk.core.stats.period import InvalidPeriod, parse_date

    try:
        return parse_date(text)
    except InvalidPeriod as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser(
        "case",
        help="counselling cases: open, list, show, change status, edit",
        description="Counselling cases. States: open -> active <-> paused -> closed "
        "(any state but closed may close, with --reason); a closed case reopens as active.",
    )
    commands = parser.add_subparsers(dest="case_command", metavar="ACTION", required=True)

    add = commands.add_parser("open", help="open a case for a person")
    add_db_option(add)
    add.add_argument("person", metavar="PERSON", help="file number, id or short id")
    add.add_argument("--counsellor", metavar="USER", help="user name or id of the counsellor")
    add.add_argument("--team", metavar="ID", help="team id (default: the counsellor's team)")
    add.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="CODE",
        help="topic code, repeatable "
        "(WORK, TRAINING, LANGUAGE, RECOGNITION, RESIDENCE, HOUSING, …)",
    )
    add.add_argument("--goals", metavar="TEXT", help="goals agreed with the person")
    add.add_argument("--source", choices=SOURCES, default="desk", help="where it came from")
    add.add_argument(
        "--opened", type=date_argument, metavar="D", help="opening date (default today)"
    )
    add.add_argument("--json", action="store_true", help='print {"id": …} and the case')
    add.set_defaults(func=run_open)

    listing = commands.add_parser("list", help="list cases (newest first)")
    add_db_option(listing)
    listing.add_argument("--person", metavar="PERSON", help="only this person's cases")
    listing.add_argument("--counsellor", metavar="USER", help="only this counsellor's cases")
    listing.add_argument("--status", choices=STATUSES, help="only cases in this state")
    listing.add_argument("--limit", type=int, default=200, metavar="N", help="at most N rows")
    listing.add_argument("--json", action="store_true", help="as JSON")
    listing.set_defaults(func=run_list)

    show = commands.add_parser(
        "show", help="a case with its contacts, follow-ups, referrals (no internal notes)"
    )
    add_db_option(show)
    show.add_argument("case", metavar="CASE", help="case id or short id")
    show.add_argument("--json", action="store_true", help="as JSON")
    show.set_defaults(func=run_show)

    status = commands.add_parser("set-status", help="move a case to another state")
    add_db_option(status)
    status.add_argument("case", metavar="CASE", help="case id or short id")
    status.add_argument("status", choices=STATUSES, help="the new state")
    status.add_argument("--reason", metavar="TEXT", help="closing reason (needed for closed)")
    status.add_argument(
        "--on", type=date_argument, metavar="D", help="closing date (default today)"
    )
    status.add_argument("--json", action="store_true", help="print the case as JSON")
    status.set_defaults(func=run_set_status)

    edit = commands.add_parser("edit", help="change topics, goals or counsellor of a case")
    add_db_option(edit)
    edit.add_argument("case", metavar="CASE", help="case id or short id")
    edit.add_argument(
        "--topic", action="append", metavar="CODE", help="the case's topics (replaces them)"
    )
    edit.add_argument("--goals", metavar="TEXT", help="new goals ('' clears them)")
    edit.add_argument("--counsellor", metavar="USER", help="user name or id ('' for none)")
    edit.add_argument("--json", action="store_true", help="print the case as JSON")
    edit.set_defaults(func=run_edit)


# --- helpers ----------------------------------------------------------------------------


def _user_id(session: Any, text: str | None) -> Any:
    from sqlalchemy import select

    from mzdesk.core.models import User
    from mzdesk.core.services.lookup import by_id

    if text is None or not text.strip():
        return None
    found = session.scalars(select(User).where(User.username == text.strip())).first()
    return found.id if found is not None else by_id(session, User, text, "user").id


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _case_dict(case: Any) -> dict[str, Any]:
    return {
        "id": str(case.id),
        "person_id": str(case.person_id),
        "status": case.status.value,
        "opened_on": iso(case.opened_on),
        "closed_on": iso(case.closed_on),
        "closing_reason": case.closing_reason,
        "goals": case.goals,
        "topics": sorted(topic.topic_code for topic in case.topics),
        "counsellor_id": str(case.counsellor_id) if case.counsellor_id else None,
        "team_id": str(case.team_id) if case.team_id else None,
        "source": case.source.value,
        "version": case.version,
    }


def _print_case(data: dict[str, Any]) -> None:
    print(
        f"case {data['id']}  {data['status']}  opened {data['opened_on']}"
        + (f"  closed {data['closed_on']} ({data['closing_reason']})" if data["closed_on"] else "")
    )
    print(f"  topics: {', '.join(data['topics']) or '-'}")
    if data["goals"]:
        print(f"  goals: {data['goals']}")


# --- case -------------------------------------------------------------------------------


def run_open(args: argparse.Namespace) -> int:
    from mzdesk.core.models import CaseSource
    from mzdesk.core.services import cases, lookup

    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person)
        case = cases.open_case(
            session,
            person_id=person.id,
            counsellor_id=_user_id(session, args.counsellor),
            team_id=args.team,
            topics=args.topic,
            goals=args.goals,
            source=CaseSource(args.source),
            opened_on=args.opened,
        )
        session.commit()
        data = _case_dict(case)
    if args.json:
        print_json(data)
    else:
        print(f"case {data['id']} opened for {person.file_number}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from mzdesk.core.models import CaseStatus
    from mzdesk.core.services import cases, lookup

    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person).id if args.person else None
        rows = [
            _case_dict(case)
            for case in cases.list_cases(
                session,
                person_id=person,
                counsellor_id=_user_id(session, args.counsellor),
                status=CaseStatus(args.status) if args.status else None,
                limit=args.limit,
            )
        ]
    return print_rows(rows, _case_line, as_json=args.json, noun="case")


def _case_line(row: dict[str, Any]) -> str:
    return (
        f"{row['id'][-8:]}  {row['opened_on']}  {row['status']:7}  {','.join(row['topics']) or '-'}"
    )


def _show_data(session: Any, case: Any) -> dict[str, Any]:
    from mzdesk.core.services import person_file

    file = person_file.load(session, case.person_id, contact_limit=500)
    data = _case_dict(case)
    data["file_number"] = file.person.file_number
    entry = file.case(case.id)
    data["counsellor"] = entry.counsellor_name if entry else None
    data["contacts"] = [
        {
            "id": str(c.id),
            "occurred_at": iso(c.occurred_at),
            "channel": c.channel,
            "minutes": c.minutes,
            "interpreter_language": c.interpreter_language,
            "summary": c.summary,
            "has_note": c.note is not None,
        }
        for c in file.contacts
        if c.case_id == case.id
    ]
    data["follow_ups"] = [
        {
            "id": str(f.id),
            "due_on": iso(f.due_on),
            "text": f.text,
            "done": f.done_at is not None,
        }
        for f in file.follow_ups
        if f.case_id == case.id
    ]
    data["referrals"] = [
        {"id": str(r.id), "partner": r.partner_name, "status": r.status.value}
        for r in file.referrals
        if r.case_id == case.id
    ]
    data["placements"] = [
        {"id": str(p.id), "kind": p.kind, "starts_on": iso(p.starts_on)}
        for p in file.placements
        if p.case_id == case.id
    ]
    return data


def run_show(args: argparse.Namespace) -> int:
    from mzdesk.core.services import cases

    with open_current_database(args) as database, database.session() as session:
        case = cases.get_case(session, args.case)
        data = _show_data(session, case)
        session.commit()  # the audit entry "view"
    if args.json:
        print_json(data)
        return 0
    _print_case(data)
    print(f"  person: {data['file_number']}  counsellor: {data['counsellor'] or '-'}")
    for contact in data["contacts"]:
        print(
            f"  contact {contact['occurred_at'][:16]}  {contact['channel']:10}  "
            f"{contact['minutes'] or '':>4}  {contact['summary'] or ''}"
        )
    for follow_up in data["follow_ups"]:
        mark = "done" if follow_up["done"] else "open"
        print(f"  follow-up {follow_up['due_on']}  {mark:4}  {follow_up['text']}")
    for referral in data["referrals"]:
        print(f"  referral {referral['id'][-8:]}  {referral['status']:8}  {referral['partner']}")
    return 0


def run_set_status(args: argparse.Namespace) -> int:
    from mzdesk.core.models import CaseStatus
    from mzdesk.core.services import cases

    with open_current_database(args) as database, database.session() as session:
        case = cases.set_status(
            session, args.case, CaseStatus(args.status), reason=args.reason, on=args.on
        )
        session.commit()
        data = _case_dict(case)
    if args.json:
        print_json(data)
    else:
        print(f"case {data['id']} is {data['status']}")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    from mzdesk.core.services import cases

    with open_current_database(args) as database, database.session() as session:
        case = cases.edit_case(
            session,
            args.case,
            topics=args.topic if args.topic is not None else cases.KEEP,
            goals=args.goals if args.goals is not None else cases.KEEP,
            counsellor_id=_user_id(session, args.counsellor)
            if args.counsellor is not None
            else cases.KEEP,
        )
        session.commit()
        data = _case_dict(case)
    if args.json:
        print_json(data)
    else:
        _print_case(data)
    return 0
