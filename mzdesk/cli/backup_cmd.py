"""``mzdesk backup [-o F] [--passphrase-file P]`` and ``mzdesk restore F``.

``backup`` without ``-o`` writes into the backup folder (setting ``backup.folder``; default
``backups`` beside a SQLite file, and for PostgreSQL ``backups/<database name>`` in the user's
data folder), named after the database, and rotates that database's backups there; with a
passphrase (``--passphrase-file`` or the setting ``backup.passphrase_file``) the file is
encrypted. On PostgreSQL it wraps ``pg_dump --format=custom``. ``restore`` verifies the file
before it replaces anything, erases again every person erased since the backup was made (the
erasure ledger, see ``core.backup``) and keeps the current database aside
(``<name>.replaced-<timestamp>.sqlite``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database, print_json
from mzdesk.core import backup


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    make = subparsers.add_parser(
        "backup",
        help="back up the database (SQLite online backup; PostgreSQL pg_dump)",
        description="Write a consistent backup while mzdesk may be running. Encrypted "
        "(AES-256-GCM) when a passphrase file is given or configured.",
    )
    add_db_option(make)
    make.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="F",
        help="the backup file (default: a new file named after the database in the backup "
        "folder: backup.folder, or 'backups' beside a SQLite file, or for PostgreSQL "
        "backups/<database> in the user's data folder)",
    )
    make.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="P",
        help="encrypt with the passphrase in the first line of P",
    )
    make.add_argument("--json", action="store_true")
    make.set_defaults(func=run_backup)

    back = subparsers.add_parser(
        "restore",
        help="replace the database by a verified backup (the current one is kept aside)",
        description="Verify the backup (decryption, integrity check, schema revision), erase "
        "again every person erased since it was made, and only then replace the database; "
        "the current database is renamed with a timestamp.",
    )
    add_db_option(back)
    back.add_argument("file", type=Path, metavar="F")
    back.add_argument(
        "--passphrase-file", type=Path, metavar="P", help="the passphrase of an encrypted backup"
    )
    back.add_argument(
        "--backup-key-file",
        type=Path,
        metavar="K",
        help="encrypted database: the key the backup was made with, if the database's key "
        "was changed since (first line of K)",
    )
    back.add_argument("--json", action="store_true")
    back.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    passphrase = backup.read_passphrase_file(args.passphrase_file) if args.passphrase_file else None
    with open_current_database(args) as database:
        if args.output is None and passphrase is None:
            result = backup.auto_backup(database)
        elif args.output is None:
            with database.session() as session:
                folder = backup.backup_folder(database, session)
            result = backup.create_backup(
                database,
                backup.default_name(database, folder, encrypted=True),
                passphrase=passphrase,
            )
        else:
            result = backup.create_backup(database, args.output, passphrase=passphrase)
    if args.json:
        print_json(result.as_dict())
    else:
        kind = "encrypted backup" if result.encrypted else "backup"
        print(f"{kind} written: {result.path} ({result.size} bytes)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    passphrase = backup.read_passphrase_file(args.passphrase_file) if args.passphrase_file else None
    old_key = backup.read_passphrase_file(args.backup_key_file) if args.backup_key_file else None
    with open_current_database(args) as database:
        result = backup.restore(database, args.file, passphrase=passphrase, backup_key=old_key)
    if args.json:
        print_json(result.as_dict())
    else:
        count = result.erasures_reapplied
        print(
            f"restored from {result.restored_from}; the previous database is kept as "
            f"{result.aside}" + (" (migrated to this mzdesk's schema)" if result.migrated else "")
        )
        print(f"{count} erasure{'' if count == 1 else 's'} re-applied (persons erased since)")
    return 0
