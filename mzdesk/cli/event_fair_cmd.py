"""``mzdesk event add|list|show|import-attendees|attendance-list|employer-list``.

These live under the ``event`` command of :mod:`mzdesk.cli.event_cmd` (the offline kit), which
calls :func:`add_event_parsers` with its sub-parsers. Dates: ``2026-05-06`` or ``06.05.2026``.
Partners and users are named by id or short id (last 6-8 hex digits), events too.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.cli.output import print_rows
from mzdesk.core.errors import MzdeskError
from mzdesk.core.files import write_private
from mzdesk.core.models import EventKind, Team, User
from mzdesk.core.services import attendee_import, event_lists, events, lookup, partners


def add_event_parsers(actions: Any) -> None:
    from mzdesk.cli import add_db_option

    add = actions.add_parser(
        "add",
        help="create an event (job fair, outreach day, info session)",
        description="Create an event with the employers and partners present and its "
        "organisers. Prints the new event's id.",
    )
    add_db_option(add)
    add.add_argument("--name", required=True)
    add.add_argument("--date", required=True, metavar="DATE", help="first day")
    add.add_argument("--end", metavar="DATE", help="last day (several-day events)")
    add.add_argument("--place", required=True, help="venue, e.g. 'Kreishaus Neustadt'")
    add.add_argument("--address")
    add.add_argument("--description")
    add.add_argument(
        "--kind", choices=[k.value for k in EventKind], default=EventKind.JOB_FAIR.value
    )
    add.add_argument("--team", metavar="TEAM", help="team name or id")
    add.add_argument(
        "--employer",
        action="append",
        default=[],
        metavar="PARTNER[@BOOTH]",
        help="an employer present (repeatable); contacts are recorded with employers",
    )
    add.add_argument(
        "--partner",
        action="append",
        default=[],
        metavar="PARTNER[@BOOTH]",
        help="another partner present, e.g. the Agentur für Arbeit (repeatable)",
    )
    add.add_argument(
        "--organiser", action="append", default=[], metavar="USER", help="username or id"
    )
    add.add_argument("--json", action="store_true", help='print {"id": …}')
    add.set_defaults(func=run_add)

    listing = actions.add_parser("list", help="events, latest first, with attendance figures")
    add_db_option(listing)
    listing.add_argument("--year", type=int)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)

    show = actions.add_parser("show", help="one event: partners present, organisers, tally")
    add_db_option(show)
    show.add_argument("event", metavar="EVENT")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    imp = actions.add_parser(
        "import-attendees",
        help="register the people of a registration list (CSV)",
        description="Import a registration list: comma or semicolon, UTF-8 or Windows-1252; "
        "birth dates like 24.11.1990, 24.11.90, 1990-11-24, 1990 or spreadsheet day numbers. "
        "Rows with a problem are rejected with their line number and reason; the good rows "
        "are imported together. A certain match (same names and exact birth date, nobody "
        "else alike) registers the existing person; likely duplicates are imported and "
        "listed for review; people already registered for the event are skipped.",
    )
    add_db_option(imp)
    imp.add_argument("csv", type=Path, metavar="CSV")
    imp.add_argument("--event", required=True, metavar="EVENT")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help=f"use a column for a field ({', '.join(attendee_import.FIELDS)}); "
        "HEADING= ignores a column",
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=run_import)

    for name, what in (("attendance-list", "attendance"), ("employer-list", "employer")):
        printed = actions.add_parser(
            name,
            help=f"the {what} list for the entrance as PDF",
        )
        add_db_option(printed)
        printed.add_argument("event", metavar="EVENT")
        printed.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
        printed.set_defaults(func=run_print, what=what)


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_date(text: str) -> date:
    raw = text.strip()
    try:
        if _ISO.match(raw):
            return date.fromisoformat(raw)
        if match := _GERMAN.match(raw):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise MzdeskError(f"not a date: {text!r} (use 2026-05-06 or 06.05.2026)")


def _presence(text: str, employer: bool, session: Any) -> events.PartnerPresence:
    ident, _sep, booth = text.partition("@")
    partner = partners.get_partner(session, ident.strip())
    return events.PartnerPresence(partner.id, employer, booth.strip() or None)


def _user(session: Any, text: str) -> User:
    found = session.scalars(select(User).where(User.username == text.strip())).first()
    return found if found is not None else lookup.by_id(session, User, text, "user")


def _team(session: Any, text: str) -> Team:
    found = session.scalars(select(Team).where(Team.name == text.strip())).first()
    return found if found is not None else lookup.by_id(session, Team, text, "team")


def run_add(args: argparse.Namespace) -> int:
    starts_on = parse_date(args.date)
    ends_on = parse_date(args.end) if args.end else None
    with open_current_database(args) as database, database.session() as session:
        presences = [_presence(t, True, session) for t in args.employer]
        presences += [_presence(t, False, session) for t in args.partner]
        event = events.create_event(
            session,
            name=args.name,
            starts_on=starts_on,
            ends_on=ends_on,
            place=args.place,
            address=args.address,
            description=args.description,
            kind=EventKind(args.kind),
            team_id=_team(session, args.team).id if args.team else None,
            partners=presences,
            organisers=[_user(session, t).id for t in args.organiser],
        )
        session.commit()
        event_id = event.id
    if args.json:
        print_json({"id": str(event_id)})
    else:
        print(event_id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        found = events.list_events(session, year=args.year)
    return print_rows(found, _event_line, as_json=args.json, data=events.EventSummary.as_dict)


def _event_line(e: events.EventSummary) -> str:
    return (
        f"{lookup.short_id(e.id)}  {e.starts_on.strftime('%d.%m.%Y')}  {e.kind.value:<12} "
        f"{e.name} ({e.place}): {e.registered} registered, {e.anonymous} anonymous, "
        f"{e.employers} employers"
    )


def run_show(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        detail = events.event_detail(session, args.event)
    data = detail.as_dict()
    if args.json:
        print_json(data)
        return 0
    for key in ("id", "name", "kind", "starts_on", "ends_on", "place", "address", "team"):
        if data[key]:
            print(f"{key}: {data[key]}")
    for p in detail.partners:
        role = f"employer {p.number}" if p.is_employer else "partner"
        print(f"partner: {role}  {p.booth or '-'}  {p.name}")
    for name in data["organisers"]:
        print(f"organiser: {name}")
    tally = detail.tally
    print(
        f"tally: {tally.registered} registered, {tally.anonymous} anonymous, "
        + ", ".join(f"{n} {o.value}" for o, n in sorted(tally.contacts.items()))
    )
    return 0


def _mapping(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        heading, sep, target = item.partition("=")
        if not sep or not heading.strip():
            raise MzdeskError(f"--map needs HEADING=FIELD, not {item!r}")
        mapping[heading.strip()] = target.strip()
    return mapping


def run_import(args: argparse.Namespace) -> int:
    mapping = _mapping(args.map)
    with open_current_database(args) as database, database.session() as session:
        event = events.get_event(session, args.event)
        report = attendee_import.import_attendees(session, event.id, args.csv, mapping)
        session.commit()
    if args.json:
        print_json(report.as_dict())
        return 0
    print(
        f"imported {report.imported} attendee(s): {report.created} new, {report.linked} "
        f"existing; {len(report.already_registered)} already registered; "
        f"{len(report.rejected)} rejected ({report.encoding}, delimiter {report.delimiter!r})"
    )
    if report.ignored_columns:
        print(f"ignored columns: {', '.join(report.ignored_columns)}")
    for row in report.possible_duplicates:
        print(f"line {row.line}: new {row.file_number}, may be {', '.join(row.candidates)}")
    for row in report.already_registered:
        print(f"line {row.line}: already registered as {row.file_number}")
    for rejected in report.rejected:
        print(f"line {rejected.line}: {rejected.reason}", file=sys.stdout)
    return 0


def run_print(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        event = events.get_event(session, args.event)
        if args.what == "attendance":
            data = event_lists.attendance_list_pdf(session, event.id)
        else:
            data = event_lists.employer_list_pdf(session, event.id)
        try:
            write_private(args.output, data)
        except OSError as exc:
            raise MzdeskError(f"cannot write {args.output}: {exc.strerror}") from exc
        session.commit()  # the list's audit entry (core), with the file written
    print(f"{args.output} ({len(data)} bytes)")
    return 0
