"""``mzdesk case …``, ``mzdesk contact …``, ``mzdesk status …``: the case file from the shell.

* ``case open PERSON``, ``case list``, ``case show CASE``, ``case set-status CASE STATUS``,
  ``case edit CASE`` — counselling cases (states open → active ⇄ paused → closed, reopen);
* ``contact add CASE``, ``contact list CASE`` — the contact log (confidential notes are
  recorded, never printed);
* ``status set PERSON``, ``status show PERSON`` — residence status and legal category history.

PERSON is a file number, an id or its last 6-8 hex digits; CASE an id or its short id.
``--json`` prints what the command reports as JSON.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.cli.output import print_rows

STATUSES = ("open", "active", "paused", "closed")
SOURCES = ("desk", "event", "import")
CATEGORIES = ("SGB2", "SGB3", "SGB12", "ASYLBLG", "NONE")
PERMISSIONS = ("ERWERB_ERLAUBT", "BESCH_ERLAUBT", "NUR_MIT_ABH", "VERBOT")


def _date(text: str) -> date:
    from mzdesk.core.stats.period import InvalidPeriod, parse_date

    try:
        return parse_date(text)
    except InvalidPeriod as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _moment(text: str) -> datetime:
    """``2025-03-31T14:30``, ``2025-03-31 14:30`` or a date (local time, stored as UTC).

    Read when the command runs, not by argparse: a time that is not one is a one-line
    refusal (exit 1) like every other value, not argparse's "invalid _moment value"."""
    from mzdesk.core.datetext import MAX_YEAR, MIN_YEAR
    from mzdesk.core.errors import MzdeskError
    from mzdesk.core.stats.period import InvalidPeriod, parse_date

    raw = text.strip()
    example = "e.g. 2025-03-31T14:30 or 2025-03-31"
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        try:
            day = parse_date(raw)
        except InvalidPeriod:
            raise MzdeskError(
                f"--at: not a date and time: {raw!r} ({example})",
                german=f"Kein Zeitpunkt: „{raw}“ (z. B. 31.03.2025 14:30).",
            ) from None
        value = datetime(day.year, day.month, day.day, 12, 0)
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise MzdeskError(
            f"--at: the year {value.year} is out of range ({MIN_YEAR}–{MAX_YEAR})",
            german=f"Das Jahr {value.year} liegt außerhalb von {MIN_YEAR} bis {MAX_YEAR}.",
        )
    if value.tzinfo is None:
        value = value.astimezone()  # the machine's local time zone
    return value.astimezone(UTC)


def register(subparsers: Any) -> None:
    _register_case(subparsers)
    _register_contact(subparsers)
    _register_status(subparsers)


def _register_case(subparsers: Any) -> None:
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
    add.add_argument("--opened", type=_date, metavar="D", help="opening date (default today)")
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
    status.add_argument("--on", type=_date, metavar="D", help="closing date (default today)")
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


def _register_contact(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("contact", help="the contact log of a case")
    commands = parser.add_subparsers(dest="contact_command", metavar="ACTION", required=True)

    add = commands.add_parser(
        "add",
        help="record a contact on a case",
        description="Record a contact. The note is confidential: stored, shown in the case "
        "file on screen, never printed by any command. Give it with --note-file FILE or "
        "--note - (standard input): --note TEXT is visible to other local users (process "
        "list) and stays in the shell history. --follow-up adds a follow-up.",
    )
    add_db_option(add)
    add.add_argument("case", metavar="CASE", help="case id or short id")
    add.add_argument(
        "--channel",
        required=True,
        metavar="CODE",
        help="IN_PERSON, PHONE, VIDEO, EMAIL, EVENT or HOME_VISIT",
    )
    add.add_argument(
        "--at",
        metavar="WHEN",
        help="date and time, e.g. 2025-03-31T14:30 (local time; default now)",
    )
    add.add_argument("--minutes", type=int, metavar="N", help="duration in minutes")
    add.add_argument("--interpreter", metavar="LANG", help="interpreter language (ISO 639)")
    add.add_argument("--topic", action="append", default=[], metavar="CODE", help="repeatable")
    add.add_argument("--summary", metavar="TEXT", help="short, non-confidential description")
    note = add.add_mutually_exclusive_group()
    note.add_argument(
        "--note",
        metavar="TEXT",
        help="confidential note (never printed); '-' reads it from standard input. TEXT "
        "itself is visible to other local users: prefer --note-file or '-'",
    )
    note.add_argument(
        "--note-file", type=Path, metavar="FILE", help="read the confidential note from FILE"
    )
    add.add_argument("--follow-up", type=_date, metavar="D", help="next follow-up date")
    add.add_argument("--follow-up-text", metavar="TEXT", help="what to follow up")
    add.add_argument("--json", action="store_true", help='print {"id": …} and the contact')
    add.set_defaults(func=run_contact_add)

    listing = commands.add_parser("list", help="the contacts of a case, newest first")
    add_db_option(listing)
    listing.add_argument("case", metavar="CASE", help="case id or short id")
    listing.add_argument("--limit", type=int, default=200, metavar="N", help="at most N rows")
    listing.add_argument("--json", action="store_true", help="as JSON (without notes)")
    listing.set_defaults(func=run_contact_list)


def _register_status(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser(
        "status", help="residence status and legal category history of a person"
    )
    commands = parser.add_subparsers(dest="status_command", metavar="ACTION", required=True)

    change = commands.add_parser(
        "set",
        help="record a new residence document and/or legal category",
        description="Record a change as a new history row (nothing is overwritten). "
        "Give --residence (with --from, optionally --until and --work-permission) and/or "
        "--legal-category (from --category-from, default --from).",
    )
    add_db_option(change)
    change.add_argument("person", metavar="PERSON", help="file number, id or short id")
    change.add_argument("--residence", metavar="CODE", help="residence status code, e.g. AE_25_2")
    change.add_argument("--work-permission", choices=PERMISSIONS, help="as printed")
    change.add_argument("--from", dest="valid_from", type=_date, metavar="D", help="valid from")
    change.add_argument("--until", type=_date, metavar="D", help="valid until (expiry)")
    change.add_argument("--note", metavar="TEXT", help="note on the document")
    change.add_argument("--legal-category", choices=CATEGORIES, help="new legal category")
    change.add_argument(
        "--category-from", type=_date, metavar="D", help="legal category applies from"
    )
    change.add_argument("--json", action="store_true", help="print what was recorded")
    change.set_defaults(func=run_status_set)

    show = commands.add_parser("show", help="both histories, and the values at a date")
    add_db_option(show)
    show.add_argument("person", metavar="PERSON", help="file number, id or short id")
    show.add_argument("--at", type=_date, metavar="D", help="the values valid on this date")
    show.add_argument("--json", action="store_true", help="as JSON")
    show.set_defaults(func=run_status_show)


# --- helpers ----------------------------------------------------------------------------


def _user_id(session: Any, text: str | None) -> Any:
    from sqlalchemy import select

    from mzdesk.core.models import User
    from mzdesk.core.services.lookup import by_id

    if text is None or not text.strip():
        return None
    found = session.scalars(select(User).where(User.username == text.strip())).first()
    return found.id if found is not None else by_id(session, User, text, "user").id


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _case_dict(case: Any) -> dict[str, Any]:
    return {
        "id": str(case.id),
        "person_id": str(case.person_id),
        "status": case.status.value,
        "opened_on": _iso(case.opened_on),
        "closed_on": _iso(case.closed_on),
        "closing_reason": case.closing_reason,
        "goals": case.goals,
        "topics": sorted(topic.topic_code for topic in case.topics),
        "counsellor_id": str(case.counsellor_id) if case.counsellor_id else None,
        "team_id": str(case.team_id) if case.team_id else None,
        "source": case.source.value,
        "version": case.version,
    }


def _contact_dict(contact: Any) -> dict[str, Any]:
    """A contact for output: never the confidential note, only whether there is one."""
    return {
        "id": str(contact.id),
        "case_id": str(contact.case_id),
        "occurred_at": _iso(contact.occurred_at),
        "channel": contact.channel,
        "minutes": contact.minutes,
        "interpreter_language": contact.interpreter_language,
        "summary": contact.summary,
        "has_note": contact.note is not None,
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
            "occurred_at": _iso(c.occurred_at),
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
            "due_on": _iso(f.due_on),
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
        {"id": str(p.id), "kind": p.kind, "starts_on": _iso(p.starts_on)}
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


# --- contact ----------------------------------------------------------------------------


def _note(args: argparse.Namespace) -> str | None:
    """The confidential note from --note-file, standard input (--note -) or --note TEXT."""
    from mzdesk.core.errors import MzdeskError

    if args.note_file is not None:
        try:
            text = args.note_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise MzdeskError(f"cannot read the note file {args.note_file}: {reason}") from exc
    elif args.note == "-":
        text = sys.stdin.read()
    else:
        return str(args.note) if args.note is not None else None
    return text.rstrip("\r\n") or None


def run_contact_add(args: argparse.Namespace) -> int:
    from mzdesk.core.services import contacts

    occurred_at = _moment(args.at) if args.at else None
    note = _note(args)  # before the database is opened: a bad note file changes nothing
    with open_current_database(args) as database, database.session() as session:
        contact = contacts.add_contact(
            session,
            case_id=args.case,
            channel=args.channel,
            occurred_at=occurred_at,
            minutes=args.minutes,
            interpreter_language=args.interpreter,
            topics=args.topic,
            summary=args.summary,
            note=note,
            follow_up_on=args.follow_up,
            follow_up_text=args.follow_up_text,
        )
        session.commit()
        data = _contact_dict(contact)
    if args.json:
        print_json(data)
    else:
        print(f"contact {data['id']} recorded")
    return 0


def run_contact_list(args: argparse.Namespace) -> int:
    from mzdesk.core.services import contacts

    with open_current_database(args) as database, database.session() as session:
        found = contacts.list_contacts(session, args.case, limit=args.limit)
        rows = [_contact_dict(contact) for contact in found]
    return print_rows(rows, _contact_line, as_json=args.json, noun="contact")


def _contact_line(row: dict[str, Any]) -> str:
    note = "  [note]" if row["has_note"] else ""
    return (
        f"{row['id'][-8:]}  {row['occurred_at'][:16]}  {row['channel']:10}  "
        f"{row['minutes'] or '':>4}  {row['summary'] or ''}{note}"
    )


# --- status -----------------------------------------------------------------------------


def run_status_set(args: argparse.Namespace) -> int:
    from mzdesk.core.errors import MzdeskError
    from mzdesk.core.models import LegalCategory, WorkPermission
    from mzdesk.core.services import lookup, status_history

    if args.residence is None and args.legal_category is None:
        print("mzdesk status set: error: give --residence and/or --legal-category", file=sys.stderr)
        return 2
    if args.residence is not None and args.valid_from is None:
        print("mzdesk status set: error: --residence needs --from", file=sys.stderr)
        return 2
    category_from = args.category_from or args.valid_from
    if args.legal_category is not None and category_from is None:
        print("mzdesk status set: error: --legal-category needs --category-from", file=sys.stderr)
        return 2
    recorded: dict[str, Any] = {}
    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person)
        recorded["person_id"] = str(person.id)
        if args.residence is not None:
            row = status_history.record_residence_status(
                session,
                person.id,
                status_code=args.residence,
                valid_from=args.valid_from,
                valid_until=args.until,
                work_permission=WorkPermission(args.work_permission)
                if args.work_permission
                else None,
                note=args.note,
            )
            recorded["residence_status"] = {"id": str(row.id), "status_code": row.status_code}
        if args.legal_category is not None:
            period = status_history.record_legal_category(
                session,
                person.id,
                category=LegalCategory(args.legal_category),
                valid_from=category_from,
            )
            recorded["legal_category"] = {"id": str(period.id), "category": period.category.value}
        hint = None
        if args.residence is not None:
            try:
                hint = status_history.legal_category_hint(session, person.id)
            except MzdeskError:
                hint = None
        session.commit()
    if hint is not None:
        recorded["hint"] = {
            "text": getattr(hint, "text_en", str(hint)),
            "proposed_due": _iso(getattr(hint, "proposed_due", None)),
        }
    if args.json:
        print_json(recorded)
    else:
        print(
            f"recorded for {person.file_number}: "
            + ", ".join(
                f"{key.replace('_', ' ')} {value.get('status_code') or value.get('category')}"
                for key, value in recorded.items()
                if isinstance(value, dict) and key != "hint"
            )
        )
        if hint is not None:
            print(f"hint: {recorded['hint']['text']}", file=sys.stderr)
    return 0


def run_status_show(args: argparse.Namespace) -> int:
    from mzdesk.core.services import lookup, status_history

    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person)
        found = status_history.history(session, person.id)
        at = status_history.value_at(session, person.id, args.at) if args.at else None
    data: dict[str, Any] = {
        "person_id": str(person.id),
        "residence_statuses": [
            {
                "status_code": r.status_code,
                "work_permission": r.work_permission.value if r.work_permission else None,
                "valid_from": _iso(r.valid_from),
                "valid_until": _iso(r.valid_until),
            }
            for r in found.residence_statuses
        ],
        "legal_categories": [
            {
                "category": c.category.value,
                "valid_from": _iso(c.valid_from),
                "valid_until": _iso(c.valid_until),
            }
            for c in found.legal_categories
        ],
    }
    if at is not None:
        data["at"] = {
            "date": _iso(args.at),
            "residence_status": at.residence_status,
            "legal_category": at.legal_category.value if at.legal_category else None,
            "refugee": at.refugee,
        }
    if args.json:
        print_json(data)
        return 0
    for r in data["residence_statuses"]:
        print(
            f"residence  {r['status_code']:9}  {r['valid_from']} – {r['valid_until'] or '':10}  "
            f"{r['work_permission'] or ''}"
        )
    for c in data["legal_categories"]:
        print(f"category   {c['category']:9}  {c['valid_from']} – {c['valid_until'] or ''}")
    if "at" in data:
        a = data["at"]
        print(
            f"on {a['date']}: {a['residence_status'] or '-'}, {a['legal_category'] or '-'}, "
            f"refugee {'yes' if a['refugee'] else 'no'}"
        )
    return 0
