"""``mzdesk partner add|find|show|import``: the partner directory from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.cli.output import print_rows
from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import lookup, partners


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("partner", help="the partner directory")
    actions = parser.add_subparsers(dest="partner_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a partner organisation")
    add_db_option(add)
    add.add_argument("--name", required=True)
    add.add_argument("--kind", required=True, help="partner kind code or label (e.g. AA, ABH)")
    for option in ("department", "street", "postcode", "city", "phone", "email", "website"):
        add.add_argument(f"--{option}")
    add.add_argument("--services")
    add.add_argument("--letter-language", choices=partners.LETTER_LANGUAGES, default="de")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_add)

    find = actions.add_parser("find", help="search by name, kind, city (any case, any accents)")
    add_db_option(find)
    find.add_argument("text", nargs="?", default="")
    find.add_argument("--kind")
    find.add_argument("--city")
    find.add_argument("--all", action="store_true", help="include inactive partners")
    find.add_argument("--limit", type=int, default=50)
    find.add_argument("--json", action="store_true")
    find.set_defaults(func=run_find)

    show = actions.add_parser("show", help="one partner with contact people")
    add_db_option(show)
    show.add_argument("partner", help="partner id or its last 6-8 hex digits")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    imp = actions.add_parser(
        "import",
        help="import partners from CSV (; or , — UTF-8 or Windows-1252)",
        description="Import partners from a CSV file. Rows with problems are reported with "
        "their line number and not imported; the good rows are imported together. A partner "
        "with the same name and postcode is updated, not duplicated.",
    )
    add_db_option(imp)
    imp.add_argument("csv", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check and report, change nothing")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help=f"map a column heading to a field ({', '.join(partners.FIELDS)})",
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=run_import)


def _line(partner: Any) -> str:
    place = " ".join(filter(None, [partner.postcode, partner.city]))
    state = "" if partner.active else "  [inactive]"
    return f"{lookup.short_id(partner.id)}  {partner.kind:<8} {partner.name}  ({place}){state}"


def run_add(args: argparse.Namespace) -> int:
    values = {
        key: getattr(args, key)
        for key in partners.FIELDS
        if key != "active" and getattr(args, key, None) is not None
    }
    with open_current_database(args) as database, database.session() as session:
        partner = partners.add_partner(session, **values)
        session.commit()
        if args.json:
            print_json(partners.describe(partner))
        else:
            print(f"partner added: {lookup.short_id(partner.id)} ({partner.id})")
    return 0


def run_find(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        found = partners.find_partners(
            session,
            args.text,
            kind=args.kind,
            city=args.city,
            include_inactive=args.all,
            limit=args.limit,
        )
        return print_rows(found, _line, as_json=args.json, data=partners.describe, noun="partner")


def run_show(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        data = partners.describe(partners.get_partner(session, args.partner))
    if args.json:
        print_json(data)
        return 0
    for key, value in data.items():
        if key == "contact_people":
            for person in value:  # type: ignore[attr-defined]
                print(f"contact: {person['name']} {person['role'] or ''} {person['phone'] or ''}")
        elif value not in (None, ""):
            print(f"{key}: {value}")
    return 0


def _mapping(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        heading, sep, target = item.partition("=")
        if not sep or not heading.strip() or not target.strip():
            raise MzdeskError(f"--map needs HEADING=FIELD, not {item!r}")
        mapping[heading.strip()] = target.strip()
    return mapping


def run_import(args: argparse.Namespace) -> int:
    try:
        data = args.csv.read_bytes()
    except OSError as exc:
        raise MzdeskError(f"cannot read {args.csv}: {exc.strerror}") from exc
    with open_current_database(args) as database, database.session() as session:
        report = partners.import_csv(
            session, data, mapping=_mapping(args.map), dry_run=args.dry_run
        )
        if not args.dry_run:
            session.commit()
    if args.json:
        print_json(report.as_dict())
        return 0
    prefix = "dry run: would import" if args.dry_run else "imported"
    print(
        f"{prefix} {report.accepted} row(s): {report.created} new, {report.updated} updated, "
        f"{report.unchanged} unchanged; {len(report.rejected)} rejected "
        f"({report.encoding}, delimiter {report.delimiter!r})"
    )
    if report.ignored_columns:
        print(f"ignored columns: {', '.join(report.ignored_columns)}")
    for row in report.rejected:
        print(f"line {row.line}: {row.reason}")
    return 0
