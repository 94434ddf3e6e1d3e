"""Helpers shared by the command modules: opening the database the command names."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from mzdesk.core import schema
from mzdesk.core.database import Database, resolve_url


def open_database(args: argparse.Namespace, *, create: bool = False) -> Database:
    return Database(resolve_url(getattr(args, "db", None)), create=create)


def open_current_database(args: argparse.Namespace) -> Database:
    """The named database, refused unless its schema is exactly this mzdesk's."""
    database = open_database(args)
    try:
        schema.require_current(database)
    except Exception:
        database.close()
        raise
    return database


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
