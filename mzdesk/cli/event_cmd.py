"""``mzdesk event export-kit|open-kit|return-kit|merge-kit``: the offline event kit.

The office exports an event into an encrypted file; the laptop opens it into a new local
database, works offline, and returns what it did; the office merges that back (one
transaction, idempotent, conflicts held for a person). The passphrase is read from a file
(``--passphrase-file``), never from the command line where other users could see it.
``event add|list|show|import-attendees`` come from ``event_fair_cmd`` when it is installed.
"""

from __future__ import annotations

import argparse
import importlib.util
from importlib import import_module
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.core.errors import MzdeskError

FAIR_MODULE = "mzdesk.cli.event_fair_cmd"


class PassphraseUnreadable(MzdeskError):
    """The passphrase file cannot be read or is empty."""


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("event", help="events and the offline event kit")
    actions = parser.add_subparsers(dest="event_action", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export-kit",
        help="office: write the encrypted kit of an event for a laptop",
        description="Write one encrypted file with reference data, partners, the event and only "
        "the persons registered for it.",
    )
    add_db_option(export)
    export.add_argument("event", metavar="EVENT", help="the event's id or short id")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    _passphrase_option(export)
    export.set_defaults(func=run_export)

    opened = actions.add_parser(
        "open-kit",
        help="laptop: create the local database from a kit",
        description="Create a new local database (--db) holding the kit's rows.",
    )
    add_db_option(opened)
    opened.add_argument("kit", metavar="FILE", type=Path, help="the kit file")
    _passphrase_option(opened)
    opened.add_argument("--json", action="store_true", help="print what was loaded as JSON")
    opened.set_defaults(func=run_open)

    returned = actions.add_parser(
        "return-kit",
        help="laptop: write what was done at the event, for the office",
        description="Write everything created or changed in this laptop database since the kit "
        "was opened, encrypted like the kit.",
    )
    add_db_option(returned)
    returned.add_argument("event", metavar="EVENT", help="the event's id or short id")
    returned.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    _passphrase_option(returned)
    returned.set_defaults(func=run_return)

    merged = actions.add_parser(
        "merge-kit",
        help="office: merge a returned kit (idempotent; conflicts held for a decision)",
        description="Merge a returned kit in one transaction: new rows inserted, edits made on "
        "one side applied, the same field edited on both sides held as a conflict, new persons "
        "checked for duplicates. Merging the same file again changes nothing.",
    )
    add_db_option(merged)
    merged.add_argument("kit", metavar="FILE", type=Path, help="the returned kit file")
    _passphrase_option(merged)
    merged.add_argument("--json", action="store_true", help="print the report as JSON")
    merged.set_defaults(func=run_merge)

    if importlib.util.find_spec(FAIR_MODULE) is not None:
        import_module(FAIR_MODULE).add_event_parsers(actions)


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        required=True,
        type=Path,
        metavar="FILE",
        help="file whose first line is the kit's passphrase",
    )


def read_passphrase(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise PassphraseUnreadable(f"cannot read the passphrase file {path}: {reason}") from exc
    lines = text.splitlines()
    passphrase = lines[0] if lines else ""
    if not passphrase.strip():
        raise PassphraseUnreadable(f"the passphrase file {path} is empty")
    return passphrase


def read_kit(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise MzdeskError(f"cannot read the kit file {path}: {exc.strerror}") from exc


def write_file(path: Path, data: bytes) -> None:
    """Write atomically: a file is either complete or not there."""
    from mzdesk.core.files import write_private

    try:
        write_private(path.resolve(), data)  # 0600: a kit holds persons' data
    except OSError as exc:
        raise MzdeskError(f"cannot write {path}: {exc.strerror}") from exc


def _event_id(session: Any, text: str) -> Any:
    from mzdesk.core.models import Event
    from mzdesk.core.services import lookup

    return lookup.by_id(session, Event, text, "event").id


def run_export(args: argparse.Namespace) -> int:
    from mzdesk.core.kits import export_kit

    passphrase = read_passphrase(args.passphrase_file)
    with open_current_database(args) as database, database.session() as session:
        event_id = _event_id(session, args.event)
        data = export_kit(session, event_id, passphrase)  # audited in core
        write_file(args.output, data)
        session.commit()  # the kit's audit entry, with the file written
    print(f"kit for event {event_id} written to {args.output} ({len(data):,} bytes)")
    return 0


def run_open(args: argparse.Namespace) -> int:
    from mzdesk.core.database import resolve_url
    from mzdesk.core.kits import open_kit

    passphrase = read_passphrase(args.passphrase_file)
    report = open_kit(read_kit(args.kit), passphrase, resolve_url(getattr(args, "db", None)))
    if args.json:
        print_json(report.as_dict())
    else:
        print(
            f"kit {report.kit_id} opened into {report.database}: "
            f"{sum(report.rows.values())} rows (event {report.event_id})"
        )
    return 0


def run_return(args: argparse.Namespace) -> int:
    from mzdesk.core.kits import return_kit

    passphrase = read_passphrase(args.passphrase_file)
    with open_current_database(args) as database, database.session() as session:
        event_id = _event_id(session, args.event)
        data = return_kit(session, event_id, passphrase)
        write_file(args.output, data)
        session.commit()
    print(f"returned kit for event {event_id} written to {args.output} ({len(data):,} bytes)")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from mzdesk.core.kits import merge_kit

    passphrase = read_passphrase(args.passphrase_file)
    data = read_kit(args.kit)
    with open_current_database(args) as database, database.session() as session:
        report = merge_kit(session, data, passphrase)
        if not report.already_merged:
            session.commit()
    if args.json:
        print_json(report.as_dict())
        return 0
    if report.already_merged:
        print(f"kit {report.kit_id} was merged before: nothing changed")
    print(
        f"inserted {report.inserted}, updated {report.updated}, conflicts {report.conflicts}, "
        f"duplicates to review {report.duplicates}, rejected {len(report.rejected)}"
    )
    for item in report.rejected:
        print(f"  rejected {item.table} {item.row_id}: {item.reason}")
    if report.deleted or report.kept:
        print(f"deleted as on the laptop {report.deleted}, kept {len(report.kept)}")
    for item in report.kept:
        print(f"  kept {item.table} {item.row_id}: {item.reason}")
    return 0
