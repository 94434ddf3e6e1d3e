"""``mzdesk consent add|list|withdraw|form``: the consent registry from the shell."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.cli.output import print_rows
from mzdesk.cli.referral_cmd import parse_date
from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.files import write_private
from mzdesk.core.models import Consent, ConsentForm
from mzdesk.core.services import consents, lookup, outputs, partners


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("consent", help="the consent registry")
    actions = parser.add_subparsers(dest="consent_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="record a consent a person gave")
    add_db_option(add)
    add.add_argument("person", help="file number or id")
    add.add_argument(
        "--category",
        action="append",
        required=True,
        help="data category (repeat or comma-separated): "
        + ", ".join(reference.codes("data_categories")),
    )
    add.add_argument("--partner", action="append", default=[], help="a named partner (repeat)")
    add.add_argument("--kind", action="append", default=[], help="every partner of a kind")
    add.add_argument("--purpose", required=True)
    add.add_argument("--given", type=parse_date, default=None, help="default today")
    add.add_argument("--expires", type=parse_date)
    add.add_argument("--form", choices=[f.value for f in ConsentForm], default="signed_paper")
    add.add_argument("--witness", help="needed for a verbal consent")
    add.add_argument("--text-version", help="default: the newest consent text")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help="a person's consents")
    add_db_option(lst)
    lst.add_argument("person")
    lst.add_argument("--on", type=parse_date, help="validity on this day (default today)")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    withdraw = actions.add_parser("withdraw", help="record a withdrawal")
    add_db_option(withdraw)
    withdraw.add_argument("consent", help="consent id (or its last 6-8 hex digits)")
    withdraw.add_argument("--on", type=parse_date, help="default today")
    withdraw.set_defaults(func=run_withdraw)

    form = actions.add_parser("form", help="print the bilingual consent form for signature")
    add_db_option(form)
    form.add_argument("person")
    form.add_argument("--language", default="de", help="second language (en, ar, uk, fa, prs, tr)")
    form.add_argument("--consent", help="fill in a recorded consent (else a blank form)")
    form.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    form.set_defaults(func=run_form)


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def describe(consent: Consent, on: date) -> dict[str, Any]:
    return {
        "id": str(consent.id),
        "short_id": lookup.short_id(consent.id),
        "valid": consents.is_valid(consent, on),
        "purpose": consent.purpose,
        "categories": list(consent.data_categories),
        "partners": [str(r.partner_id) for r in consent.recipients if r.partner_id],
        "kinds": [r.partner_kind for r in consent.recipients if r.partner_kind],
        "text_version": consent.text_version,
        "given_on": consent.given_on,
        "expires_on": consent.expires_on,
        "withdrawn_on": consent.withdrawn_on,
        "form": consent.form.value,
    }


def run_add(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person)
        partner_ids = [partners.get_partner(session, p).id for p in _split(args.partner)]
        consent = consents.add_consent(
            session,
            person_id=person.id,
            purpose=args.purpose,
            categories=_split(args.category),
            partner_ids=partner_ids,
            partner_kinds=_split(args.kind),
            given_on=args.given or date.today(),
            expires_on=args.expires,
            form=ConsentForm(args.form),
            witness=args.witness,
            text_version=args.text_version,
        )
        session.commit()
        if args.json:
            print_json(describe(consent, date.today()))
        else:
            print(f"consent recorded: {lookup.short_id(consent.id)} ({consent.id})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    day = args.on or date.today()
    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person)
        rows = [describe(c, day) for c in consents.list_consents(session, person.id)]
    return print_rows(rows, _line, as_json=args.json)


def _line(row: dict[str, Any]) -> str:
    state = "valid" if row["valid"] else "not valid"
    recipients = ", ".join(row["kinds"] + [p[-8:] for p in row["partners"]])
    return (
        f"{row['short_id']}  {state:<9} given {row['given_on']}  "
        f"{','.join(row['categories'])} -> {recipients}"
    )


def run_withdraw(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        consent = consents.withdraw(session, args.consent, args.on or date.today())
        session.commit()
        print(f"consent {lookup.short_id(consent.id)} withdrawn on {consent.withdrawn_on}")
    return 0


def run_form(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person)
        consent = consents.get_consent(session, args.consent) if args.consent else None
        if consent is not None and consent.person_id != person.id:
            raise MzdeskError("that consent belongs to another person")
        pdf = consents.render_form(session, person, args.language, consent=consent)
        outputs.record_consent_form(
            session, person.id, consent.id if consent else None, printed=False
        )
        try:
            write_private(args.output, pdf)
        except OSError as exc:
            raise MzdeskError(f"cannot write {args.output}: {exc.strerror}") from exc
        session.commit()  # the audit entry of the form written
    print(f"consent form ({args.language}) written to {args.output}")
    return 0
