"""``mzdesk privacy export|erase|retention``: data-subject rights and retention from the shell.

* ``export PERSON -o F`` writes ``F.json`` and ``F.pdf`` (a ``.json``/``.pdf``/``.zip`` suffix
  of F is replaced): everything held about the person (Art. 15 GDPR), audited;
* ``erase PERSON [--yes]`` anonymises the person (Art. 17; see ``core.privacy.erase``) and
  scrubs the SQLite file; it asks for confirmation on a terminal unless ``--yes``. Exit 0 once
  the person's records are erased; other persons' records whose free text still names them
  are listed on stderr by kind and id (never the text);
* ``scrub`` finishes the file scrub that an erasure had to leave while another program held
  the database open (write-ahead log, search index, VACUUM);
* ``retention [--dry-run]`` lists what the retention rules make due and, without ``--dry-run``,
  applies it: for a team lead the file numbers of their team with the day that made each due,
  for an admin (who reads no case files) how many per team; dates as TT.MM.JJJJ, no ids.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.core.privacy import erase, export, retention
from mzdesk.core.services import lookup


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("privacy", help="data-subject rights and retention")
    actions = parser.add_subparsers(dest="privacy_action", metavar="ACTION", required=True)

    exp = actions.add_parser(
        "export",
        help="everything held about a person (Art. 15 GDPR) as F.json and F.pdf",
        description="Write everything held about the person — including internal contact "
        "notes and the audit of who accessed the record — to F.json and F.pdf.",
    )
    add_db_option(exp)
    exp.add_argument("person", help="file number or id")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="F")
    exp.set_defaults(func=run_export)

    era = actions.add_parser(
        "erase",
        help="anonymise a person (Art. 17 GDPR); statistics keep working",
        description="Remove the person's names, contact data and texts everywhere in the "
        "database (search index and write-ahead log included); cannot be undone.",
    )
    add_db_option(era)
    era.add_argument("person", help="file number or id")
    era.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    era.add_argument("--json", action="store_true")
    era.set_defaults(func=run_erase)

    scr = actions.add_parser(
        "scrub",
        help="clear what the SQLite file still holds of erased persons (after 'erase' warned "
        "that another program had it open)",
        description="Merge the search index, clear the write-ahead log and VACUUM the SQLite "
        "file, so that nothing of erased persons is left in it. Close other mzdesk windows on "
        "the database first.",
    )
    add_db_option(scr)
    scr.add_argument("--json", action="store_true")
    scr.set_defaults(func=run_scrub)

    ret = actions.add_parser("retention", help="list and apply what the retention rules make due")
    add_db_option(ret)
    ret.add_argument("--dry-run", action="store_true", help="only list, change nothing")
    ret.add_argument("--json", action="store_true")
    ret.set_defaults(func=run_retention)


def run_export(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        person = lookup.person(session, args.person)
        result = export.export_person(session, person.id)
        json_path, pdf_path = export.write_export(result, args.output)
        session.commit()
    print(f"written: {json_path}")
    print(f"written: {pdf_path}")
    return 0


def _confirmed(file_number: str, short: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(
        f"Erase person {file_number} ({short}) for good? Names, contact data and notes are "
        "removed and cannot be restored. Type 'yes' to erase: "
    )
    return answer.strip().lower() == "yes"


def run_erase(args: argparse.Namespace) -> int:
    with open_current_database(args) as database:
        with database.session() as session:
            person = lookup.person(session, args.person)
            person_id, file_number = person.id, person.file_number
        if not args.yes and not _confirmed(file_number, lookup.short_id(person_id)):
            print(
                "mzdesk: not erased (confirm with --yes, or answer 'yes' on a terminal)",
                file=sys.stderr,
            )
            return 1
        report, scrub = erase.erase_and_scrub(database, person_id)
    leftovers = [mention.as_dict() for mention in report.mentions]
    if args.json:
        print_json({**report.as_dict(), "leftovers": leftovers, "scrub": scrub.as_dict()})
    else:
        print(
            f"person {lookup.short_id(person_id)} erased: {len(report.person_ids)} record(s), "
            f"{sum(report.changed.values())} rows anonymised, "
            f"{len(report.redacted_audit_seqs)} audit entries redacted"
        )
    for mention in report.mentions:  # kind and id only: the text may hold the name
        print(
            f"warning: {mention.kind} {mention.id} of another person may still name the erased "
            "person in its text: check it and edit it by hand",
            file=sys.stderr,
        )
    if scrub.checkpoint_busy:
        print(
            "warning: another program holds the database open, so its file still holds the "
            "erased data; close that program, then run 'mzdesk privacy scrub'",
            file=sys.stderr,
        )
    elif scrub.remaining:
        print(
            f"mzdesk: the person's records are erased, but {scrub.remaining} of their strings "
            "are still in the database file; run 'mzdesk privacy scrub' and report it if "
            "this stays",
            file=sys.stderr,
        )
        return 1
    return 0


def run_scrub(args: argparse.Namespace) -> int:
    with open_current_database(args) as database:
        scrub = erase.scrub_file(database)
    if args.json:
        print_json(scrub.as_dict())
    elif not database.is_sqlite:
        print("nothing to do on PostgreSQL: the server's VACUUM removes old row versions")
    elif scrub.checkpoint_busy:
        print(
            "mzdesk: another program still holds the database open: close it and run this again",
            file=sys.stderr,
        )
    else:
        print("database file scrubbed: search index merged, write-ahead log cleared, vacuumed")
    return 1 if scrub.checkpoint_busy else 0


def run_retention(args: argparse.Namespace) -> int:
    with open_current_database(args) as database:
        if args.dry_run:
            with database.session() as session:
                plan = retention.due(session)
            data: dict[str, Any] = plan.as_dict()
        else:
            result = retention.apply(database)
            plan, data = result.plan, result.as_dict()
    if args.json:
        print_json(data)
        return 0
    print("\n".join(plan.describe(done=not args.dry_run)))
    return 0
