"""``mzdesk status …``: a person's residence status and legal category history from the shell.

``status set PERSON``, ``status show PERSON``. PERSON is a file number, an id or its last 6-8
hex digits. ``--json`` prints what the command reports as JSON.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mzdesk.cli.case_cmd import date_argument, iso
from mzdesk.cli.common import open_current_database, print_json

CATEGORIES = ("SGB2", "SGB3", "SGB12", "ASYLBLG", "NONE")
PERMISSIONS = ("ERWERB_ERLAUBT", "BESCH_ERLAUBT", "NUR_MIT_ABH", "VERBOT")


def register(subparsers: Any) -> None:
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
    change.add_argument(
        "--from", dest="valid_from", type=date_argument, metavar="D", help="valid from"
    )
    change.add_argument("--until", type=date_argument, metavar="D", help="valid until (expiry)")
    change.add_argument("--note", metavar="TEXT", help="note on the document")
    change.add_argument("--legal-category", choices=CATEGORIES, help="new legal category")
    change.add_argument(
        "--category-from", type=date_argument, metavar="D", help="legal category applies from"
    )
    change.add_argument("--json", action="store_true", help="print what was recorded")
    change.set_defaults(func=run_status_set)

    show = commands.add_parser("show", help="both histories, and the values at a date")
    add_db_option(show)
    show.add_argument("person", metavar="PERSON", help="file number, id or short id")
    show.add_argument("--at", type=date_argument, metavar="D", help="the values valid on this date")
    show.add_argument("--json", action="store_true", help="as JSON")
    show.set_defaults(func=run_status_show)


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
            "proposed_due": iso(getattr(hint, "proposed_due", None)),
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
                "valid_from": iso(r.valid_from),
                "valid_until": iso(r.valid_until),
            }
            for r in found.residence_statuses
        ],
        "legal_categories": [
            {
                "category": c.category.value,
                "valid_from": iso(c.valid_from),
                "valid_until": iso(c.valid_until),
            }
            for c in found.legal_categories
        ],
    }
    if at is not None:
        data["at"] = {
            "date": iso(args.at),
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
