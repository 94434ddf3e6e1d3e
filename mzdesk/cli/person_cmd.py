"""``mzdesk person add|edit|show|find|merge``: intake, edits and the file from the shell.

* ``add`` takes a flag per intake field (``core.services.intake.PersonInput``) and runs the
  duplicate check first. Contract: likely duplicates are printed to stderr as a warning and the
  person is added anyway (exit 0) — unless ``--no-duplicates``, which refuses (exit 1, nothing
  added) when there is any candidate. ``--json`` prints ``{"id": …, "file_number": …}``.
* ``edit ID --FIELD VALUE…`` changes only the fields given (``--phone ""`` empties one); a
  changed residence status or legal category is a new history entry. ``--version N`` saves only
  if nobody changed the person since version N (else exit 1 with the fields that differ).
* ``show ID [--json]``: what the person's file holds (never internal contact notes).
* ``find`` runs the client list's search; ``merge`` lives in ``merge_cmd``.

ID is a file number, an id or its last 6–8 hex digits. Errors exit 1 with one line; usage 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import search
from mzdesk.core.services.persons import format_birth_date

DEFAULT_LIMIT = 50

# flag → PersonInput field (single values)
TEXT_FLAGS = {
    "--family-name": "family_name",
    "--given-names": "given_names",
    "--family-name-original": "family_name_original",
    "--given-names-original": "given_names_original",
    "--birth-date": "birth_date",
    "--sex": "sex",
    "--interpreter": "interpreter_language",
    "--phone": "phone",
    "--email": "email",
    "--street": "street",
    "--postcode": "postcode",
    "--city": "city",
    "--municipality": "municipality",
    "--arrival-date": "arrival_date",
    "--household-with": "household_with",
    "--status": "residence_status",
    "--work-permission": "work_permission",
    "--status-from": "residence_valid_from",
    "--status-until": "residence_valid_until",
    "--legal-category": "legal_category",
    "--legal-category-since": "legal_category_since",
}
FLAG_OF = {field: flag for flag, field in TEXT_FLAGS.items()}
FLAG_OF |= {
    "nationalities": "--nationality",
    "languages": "--language",
    "birth_date_placeholder": "--placeholder",
}
_HELP = {
    "--birth-date": "24.11.1990, 1990-11-24 or a year (1990)",
    "--sex": "f, m or x",
    "--interpreter": "language code of the interpreter needed (ar, fa, uk …)",
    "--household-with": "file number or id of a person in the same household",
    "--status": "residence status code (GEST, DUL, AE_25_2, AE_24, NE, EU …)",
    "--work-permission": "ERWERB_ERLAUBT, BESCH_ERLAUBT, NUR_MIT_ABH or VERBOT",
    "--status-from": "the residence document's start (default: today)",
    "--status-until": "the residence document's expiry date",
    "--legal-category": "SGB2, SGB3, SGB12, ASYLBLG or NONE",
    "--legal-category-since": "since when (default: today)",
}


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option
    from mzdesk.cli.merge_cmd import add_merge_parser

    parser = subparsers.add_parser("person", help="add, edit, show, find and merge persons")
    actions = parser.add_subparsers(dest="person_action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="intake of a new person",
        description="Add a person. Likely duplicates (transliterations, swapped names, "
        "placeholder dates, the same phone) are printed to stderr as a warning and the person "
        "is added anyway; with --no-duplicates nothing is added and the command exits 1 when "
        "there is any likely duplicate.",
    )
    add_db_option(add)
    _add_field_flags(add, required_family=True)
    add.add_argument(
        "--no-duplicates",
        action="store_true",
        help="refuse (exit 1, nothing added) if a likely duplicate exists",
    )
    add.add_argument("--json", action="store_true", help='print {"id": …, "file_number": …}')
    add.set_defaults(func=run_add)

    edit = actions.add_parser(
        "edit",
        help="change fields of a person",
        description="Change the fields given; the others stay. --FIELD '' empties a field. "
        "A new residence status or legal category is added to the history with its date.",
    )
    add_db_option(edit)
    edit.add_argument("person", metavar="ID", help="file number or id")
    _add_field_flags(edit, required_family=False)
    edit.add_argument(
        "--version",
        type=int,
        metavar="N",
        help="save only if the person is still at version N (shown by 'person show')",
    )
    edit.add_argument("--json", action="store_true", help="print the id and the new version")
    edit.set_defaults(func=run_edit)

    show = actions.add_parser(
        "show",
        help="what a person's file holds",
        description="Print the person's data, residence and legal-category history, "
        "household, consents and cases. Internal contact notes are never printed.",
    )
    add_db_option(show)
    show.add_argument("person", metavar="ID", help="file number or id")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=run_show)

    find = actions.add_parser(
        "find",
        help="search persons like the client list does",
        description="Find persons by name (any script, any accents), file number or a part "
        "of it, phone number or birth date (24.11.1990, or a year). Every word must match "
        "the start of a name, number or date.",
    )
    add_db_option(find)
    find.add_argument("query", metavar="QUERY", nargs="+", help="what to look for")
    find.add_argument("--json", action="store_true", help="print a JSON list of persons")
    find.add_argument(
        "--limit",
        type=_positive,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N persons (default {DEFAULT_LIMIT})",
    )
    find.set_defaults(func=run_find)
    add_merge_parser(actions)


def _add_field_flags(parser: argparse.ArgumentParser, *, required_family: bool) -> None:
    for flag, field in TEXT_FLAGS.items():
        parser.add_argument(
            flag,
            dest=field,
            metavar="TEXT",
            default=None,
            required=required_family and field == "family_name",
            help=_HELP.get(flag),
        )
    parser.add_argument(
        "--original-name",
        metavar="'FAMILY, GIVEN'",
        help="the name in the original script: family name, comma, given names",
    )
    parser.add_argument(
        "--placeholder",
        dest="birth_date_placeholder",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the birth date 01.01.YYYY is the placeholder on the papers",
    )
    parser.add_argument(
        "--nationality",
        dest="nationalities",
        action="append",
        metavar="CODE",
        help="ISO 3166 alpha-3 (SYR) or alpha-2 (SY); repeat for each; on edit: replaces all",
    )
    parser.add_argument(
        "--language",
        dest="languages",
        action="append",
        metavar="CODE[:LEVEL]",
        help="a language and its CEFR level (ar:native, de:A2); repeatable",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The PersonInput fields the command line gave."""
    from mzdesk.core.services.intake import LanguageSkillInput

    changes: dict[str, Any] = {
        field: getattr(args, field)
        for field in TEXT_FLAGS.values()
        if getattr(args, field) is not None
    }
    if args.original_name is not None:
        family, _comma, given = args.original_name.partition(",")
        changes.setdefault("family_name_original", family.strip())
        changes.setdefault("given_names_original", given.strip())
    if args.birth_date_placeholder is not None:
        changes["birth_date_placeholder"] = args.birth_date_placeholder
    if args.nationalities is not None:
        changes["nationalities"] = tuple(code for code in args.nationalities if code.strip())
    if args.languages is not None:
        skills = []
        for text in args.languages:
            code, _colon, level = text.partition(":")
            skills.append(LanguageSkillInput(code.strip(), level.strip() or None))
        changes["languages"] = tuple(skills)
    return changes


def _field_error(exc: MzdeskError) -> int:
    from mzdesk.cli import fail
    from mzdesk.core.services.intake import IntakeInvalid

    if isinstance(exc, IntakeInvalid):
        first = exc.errors[0]
        more = f" (and {len(exc.errors) - 1} more)" if len(exc.errors) > 1 else ""
        return fail(f"{FLAG_OF.get(first.field, first.field)}: {first.message}{more}")
    return fail(str(exc))


def run_add(args: argparse.Namespace) -> int:
    from mzdesk.core.services.intake import IntakeInvalid, PersonInput, create_person, validate
    from mzdesk.core.services.intake import duplicate_candidates as candidates_for

    data = PersonInput(**_changes(args))
    errors = validate(data)
    if errors:  # before the duplicate check: no warning about a person that is not added
        return _field_error(IntakeInvalid(errors))
    with open_current_database(args) as database, database.session() as session:
        try:
            candidates = candidates_for(session, data)
            if candidates:
                _warn_duplicates(candidates, refused=args.no_duplicates)
                if args.no_duplicates:
                    return 1
            person = create_person(session, data)
            session.commit()
        except IntakeInvalid as exc:
            return _field_error(exc)
        person_id, file_number = person.id, person.file_number
    if args.json:
        print_json({"id": str(person_id), "file_number": file_number})
    else:
        print(f"added {file_number} {person_id}")
    return 0


def _warn_duplicates(candidates: list[Any], *, refused: bool) -> None:
    verdict = "not added" if refused else "added anyway"
    print(f"mzdesk: warning: {len(candidates)} likely duplicate(s), {verdict}:", file=sys.stderr)
    for candidate in candidates:
        born = candidate.birth_date.strftime("%d.%m.%Y") if candidate.birth_date else "-"
        print(
            f"  {candidate.score:.2f}  {candidate.person_id}  {candidate.file_number}  "
            f"{candidate.family_name}, {candidate.given_names} ({born})  "
            f"[{', '.join(candidate.reasons)}]",
            file=sys.stderr,
        )


def run_edit(args: argparse.Namespace) -> int:
    from mzdesk.cli import fail
    from mzdesk.core.services import lookup
    from mzdesk.core.services.intake import EditConflict, IntakeInvalid, edit_person

    changes = _changes(args)
    if not changes:
        print("mzdesk: nothing to change: give at least one --FIELD VALUE", file=sys.stderr)
        return 2
    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person)
        expected = person.version if args.version is None else args.version
        try:
            edited = edit_person(session, person.id, changes, expected)
            session.commit()
        except IntakeInvalid as exc:
            return _field_error(exc)
        except EditConflict as exc:  # the fields by name only: their values are personal data
            fields = ", ".join(FLAG_OF.get(d.field, d.field) for d in exc.diffs)
            return fail(
                f"person changed meanwhile (now version {exc.current_version}); "
                f"nothing saved{'; differs now: ' + fields if fields else ''}"
            )
        result = {"id": str(edited.id), "version": edited.version}
    if args.json:
        print_json(result)
    else:
        print(f"saved {result['id']} (version {result['version']})")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from mzdesk.cli.person_show import file_as_dict, print_file
    from mzdesk.core.services import lookup, person_file

    with open_current_database(args) as database, database.session() as session:
        person_id = lookup.person(session, args.person).id
        loaded = person_file.load(session, person_id, contact_limit=0)
        data = file_as_dict(session, loaded)
        session.commit()  # the audit entry "view"
    if args.json:
        print_json(data)
    else:
        print_file(data)
    return 0


def run_find(args: argparse.Namespace) -> int:
    raw = " ".join(args.query)
    with open_current_database(args) as database, database.session() as session:
        rows = search.search_persons(session, raw, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": str(row.id),
                    "file_number": row.file_number,
                    "family_name": row.family_name,
                    "given_names": row.given_names,
                    "birth_date": row.birth_date.isoformat() if row.birth_date else None,
                    "birth_date_precision": row.birth_date_precision.value,
                    "nationalities": list(row.nationalities),
                }
                for row in rows
            ]
        )
        return 0
    for row in rows:
        birth = format_birth_date(row.birth_date, row.birth_date_precision)
        name = f"{row.family_name}, {row.given_names}" if row.given_names else row.family_name
        print(f"{row.id}  {row.file_number}  {name}  {birth}".rstrip())
    return 0
