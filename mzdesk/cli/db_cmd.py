"""``mzdesk db upgrade | check | encrypt | rekey``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from mzdesk.cli.common import open_current_database, open_database, print_json
from mzdesk.core import encryption, schema
from mzdesk.core.backup import read_passphrase_file
from mzdesk.core.errors import MzdeskError


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("db", help="schema migrations and integrity check")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="migrate the database to this mzdesk's schema")
    add_db_option(upgrade)
    upgrade.add_argument("--revision", default="head", help=argparse.SUPPRESS)
    upgrade.set_defaults(func=run_upgrade)
    check = actions.add_parser("check", help="integrity check and schema revision")
    add_db_option(check)
    check.add_argument("--json", action="store_true", help="report as JSON")
    check.set_defaults(func=run_check)
    encrypt = actions.add_parser(
        "encrypt",
        help="write an encrypted (SQLCipher) copy of a SQLite database (admin)",
        description="Write an encrypted, verified copy; open it afterwards as "
        "sqlite+pysqlcipher:///FILE with its key (MZDESK_DATABASE_KEY or the prompt).",
    )
    add_db_option(encrypt)
    encrypt.add_argument("-o", "--output", type=Path, metavar="F", required=True)
    _add_key_file(encrypt, "the new database key in the first line of P (else a prompt)")
    encrypt.add_argument("--json", action="store_true")
    encrypt.set_defaults(func=run_encrypt)
    rekey = actions.add_parser(
        "rekey",
        help="change the key of an encrypted database (admin)",
        description="Re-encrypt every page of the encrypted database with a new key (its "
        "current key from MZDESK_DATABASE_KEY or the prompt). Close mzdesk first.",
    )
    add_db_option(rekey)
    _add_key_file(rekey, "the new key in the first line of P (else a prompt)")
    rekey.set_defaults(func=run_rekey)


def _add_key_file(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--key-file", type=Path, metavar="P", help=help_text)


def new_key(args: argparse.Namespace) -> str:
    """The new database key: from ``--key-file``, else typed twice on the terminal."""
    if args.key_file is not None:
        key = read_passphrase_file(args.key_file)
    elif not sys.stdin.isatty():
        raise MzdeskError("no new key: give --key-file or run in a terminal")
    else:
        key = getpass.getpass("New database key: ")
        if getpass.getpass("Repeat the new key: ") != key:
            raise MzdeskError("the two keys differ; nothing was changed")
    encryption.check_key(key)
    return key


def run_upgrade(args: argparse.Namespace) -> int:
    with open_database(args, create=True) as database:
        before = schema.current_revision(database)
        schema.upgrade(database, args.revision)
        after = schema.current_revision(database)
    if before == after:
        print(f"database already at schema {after}")
    else:
        print(f"database upgraded from schema {before or 'empty'} to {after}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with open_database(args) as database:
        report = schema.check(database)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "revision": report.revision,
                "head": report.head,
                "problems": report.problems,
            }
        )
    elif report.ok:
        print(f"ok: schema {report.revision}, integrity check passed")
    else:
        for problem in report.problems:
            print(f"problem: {problem}")
    return 0 if report.ok else 1


def run_encrypt(args: argparse.Namespace) -> int:
    key = new_key(args)
    with open_current_database(args) as database:
        result = encryption.encrypt_copy(database, args.output, key)
    if args.json:
        print_json(result.as_dict())
    else:
        print(
            f"encrypted copy written: {result.path} ({result.tables} tables, {result.rows} rows); "
            f"open it as sqlite+pysqlcipher:///{result.path}"
        )
    return 0


def run_rekey(args: argparse.Namespace) -> int:
    database = open_current_database(args)  # the current key first, then the new one
    try:
        encryption.rekey(database, new_key(args))
    finally:
        database.close()
    print("database key changed")
    return 0
