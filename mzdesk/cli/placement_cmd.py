"""``mzdesk placement add|list``: placements (outcomes) recorded on a case."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.cli.output import print_rows


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("placement", help="record and list placements (outcomes)")
    commands = parser.add_subparsers(dest="placement_command", metavar="ACTION", required=True)

    add = commands.add_parser(
        "add",
        help="record a placement on a case",
        description="Record a placement on a case. The person's legal category, residence "
        "status and refugee flag at the start date are stored with it for statistics.",
    )
    add_db_option(add)
    add.add_argument("case", metavar="CASE", help="case id (or its last 6-8 hex digits)")
    add.add_argument("--kind", required=True, help="placement kind code (e.g. SVB, AUSB, IK)")
    add.add_argument("--start", required=True, type=_date, metavar="D", help="start date")
    add.add_argument("--end", type=_date, metavar="D", help="end date, if known")
    add.add_argument("--partner", metavar="ID", help="employer or provider (partner id)")
    add.add_argument("--employer", metavar="NAME", help="employer name (not in the directory)")
    add.add_argument("--hours", metavar="H", help="weekly hours")
    add.add_argument("--subsidy", metavar="TEXT", help="subsidy, e.g. Eingliederungszuschuss")
    add.add_argument("--json", action="store_true", help="print the new placement as JSON")
    add.set_defaults(func=run_add)

    listing = commands.add_parser("list", help="list placements (newest start first)")
    add_db_option(listing)
    listing.add_argument("--person", metavar="ID", help="only this person's placements")
    listing.add_argument("--case", metavar="ID", help="only this case's placements")
    listing.add_argument("--from", dest="start", type=_date, metavar="D", help="start on/after")
    listing.add_argument("--to", dest="end", type=_date, metavar="D", help="start on/before")
    listing.add_argument("--limit", type=int, default=500, metavar="N", help="at most N rows")
    listing.add_argument("--json", action="store_true", help="as JSON")
    listing.set_defaults(func=run_list)


def _date(text: str) -> date:
    from mzdesk.core.stats.period import InvalidPeriod, parse_date

    try:
        return parse_date(text)
    except InvalidPeriod as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _as_dict(placement: Any) -> dict[str, Any]:
    return {
        "id": str(placement.id),
        "person_id": str(placement.person_id),
        "case_id": str(placement.case_id) if placement.case_id else None,
        "kind": placement.kind,
        "partner_id": str(placement.partner_id) if placement.partner_id else None,
        "employer_name": placement.employer_name,
        "starts_on": placement.starts_on.isoformat(),
        "ends_on": placement.ends_on.isoformat() if placement.ends_on else None,
        "weekly_hours": str(placement.weekly_hours) if placement.weekly_hours is not None else None,
        "subsidy": placement.subsidy,
        "legal_category_at_start": placement.legal_category_at_start.value
        if placement.legal_category_at_start
        else None,
        "residence_status_at_start": placement.residence_status_at_start,
        "refugee_at_start": placement.refugee_at_start,
    }


def run_add(args: argparse.Namespace) -> int:
    from mzdesk.core.services.placements import add_placement

    with open_current_database(args) as database, database.session() as session:
        placement = add_placement(
            session,
            case_id=args.case,
            kind=args.kind,
            starts_on=args.start,
            ends_on=args.end,
            partner_id=args.partner,
            employer_name=args.employer,
            weekly_hours=args.hours,
            subsidy=args.subsidy,
        )
        session.commit()
        data = _as_dict(placement)
    if args.json:
        print_json(data)
    else:
        print(
            f"placement {data['id']} recorded ({data['kind']} from {data['starts_on']}; "
            f"at start: {data['legal_category_at_start'] or '-'}, "
            f"{data['residence_status_at_start'] or '-'}, "
            f"refugee {'yes' if data['refugee_at_start'] else 'no'})"
        )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from mzdesk.core.models import Case, Person
    from mzdesk.core.services.lookup import by_id
    from mzdesk.core.services.placements import list_placements

    with open_current_database(args) as database, database.session() as session:
        person = by_id(session, Person, args.person, "person").id if args.person else None
        case = by_id(session, Case, args.case, "case").id if args.case else None
        rows = [
            _as_dict(p)
            for p in list_placements(
                session,
                person_id=person,
                case_id=case,
                start=args.start,
                end=args.end,
                limit=args.limit,
            )
        ]
    return print_rows(rows, _line, as_json=args.json, noun="placement")


def _line(row: dict[str, Any]) -> str:
    return (
        f"{row['id'][-8:]}  {row['starts_on']}  {row['ends_on'] or '':10}  {row['kind']:11}  "
        f"{row['legal_category_at_start'] or '-':7}  "
        f"{row['residence_status_at_start'] or '-':9}  "
        f"{'refugee' if row['refugee_at_start'] else ''}"
    )
