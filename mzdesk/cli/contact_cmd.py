"""``mzdesk contact …``: the contact log of a case from the shell.

``contact add CASE``, ``contact list CASE`` — confidential notes are recorded, never printed.
CASE is a case id or its short id. ``--json`` prints what the command reports as JSON.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mzdesk.cli.case_cmd import date_argument, iso
from mzdesk.cli.common import open_current_database, print_json
from mzdesk.cli.output import print_rows


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
    add.add_argument("--follow-up", type=date_argument, metavar="D", help="next follow-up date")
    add.add_argument("--follow-up-text", metavar="TEXT", help="what to follow up")
    add.add_argument("--json", action="store_true", help='print {"id": …} and the contact')
    add.set_defaults(func=run_contact_add)

    listing = commands.add_parser("list", help="the contacts of a case, newest first")
    add_db_option(listing)
    listing.add_argument("case", metavar="CASE", help="case id or short id")
    listing.add_argument("--limit", type=int, default=200, metavar="N", help="at most N rows")
    listing.add_argument("--json", action="store_true", help="as JSON (without notes)")
    listing.set_defaults(func=run_contact_list)


def _contact_dict(contact: Any) -> dict[str, Any]:
    """A contact for output: never the confidential note, only whether there is one."""
    return {
        "id": str(contact.id),
        "case_id": str(contact.case_id),
        "occurred_at": iso(contact.occurred_at),
        "channel": contact.channel,
        "minutes": contact.minutes,
        "interpreter_language": contact.interpreter_language,
        "summary": contact.summary,
        "has_note": contact.note is not None,
    }


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
