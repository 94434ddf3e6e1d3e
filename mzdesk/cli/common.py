"""Helpers shared by the command modules: opening the database the command names.

SQLAlchemy and the models are imported when a database is opened, not with this module:
a command module's ``register`` (and its ``--help``) needs none of them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import uuid
from typing import TYPE_CHECKING, Any

from mzdesk.core.errors import DatabaseKeyRequired, MzdeskError, NotFound

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mzdesk.core.database import Database
    from mzdesk.core.models import User

log = logging.getLogger(__name__)

ENV_USER = "MZDESK_USER"
ENV_SESSION = "MZDESK_SESSION"  # the token of ``mzdesk login`` (``eval "$(mzdesk login)"``)


def open_database(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The named database; an encrypted one without a key asks for it on the terminal."""
    from mzdesk.core.database import Database, resolve_url

    url = resolve_url(getattr(args, "db", None))
    try:
        return Database(url, create=create)
    except DatabaseKeyRequired:
        if not sys.stdin.isatty():
            raise
        return Database(url, create=create, key=getpass.getpass("Database key: "))


def open_current_database(args: argparse.Namespace) -> Database:
    """The named database, refused unless its schema is exactly this mzdesk's, with the
    user of ``MZDESK_SESSION`` (a session of ``mzdesk login``) or of ``--user``/``MZDESK_USER``
    (and the password) logged in: every ``database.session()`` acts for them.

    Setup mode: while no account has a password (a fresh database, data made without
    accounts) nobody can log in, and commands run as the program itself.
    """
    from mzdesk.core import schema

    database = open_database(args)
    try:
        schema.require_current(database)
        set_acting_user(database, login(database, args))
    except Exception:
        database.close()
        raise
    return database


def set_acting_user(database: Database, user_id: uuid.UUID | None) -> None:
    """Every later ``database.session()`` acts for ``user_id`` (see ``Database.session``)."""
    database.acting_user_id = user_id


def logged_in_user_id(database: Database) -> uuid.UUID | None:
    return database.acting_user_id


def login(database: Database, args: argparse.Namespace) -> uuid.UUID | None:
    """Authenticate the CLI's user; None in setup mode (no account can log in yet).

    With ``MZDESK_SESSION`` set, its session's user (no password is checked) — or a refusal
    when the session is not valid, never a password login instead.
    """
    token = os.environ.get(ENV_SESSION)
    if token is not None:
        return session_user(database, args, token)
    return password_login(database, args)


def password_login(database: Database, args: argparse.Namespace) -> uuid.UUID | None:
    """The user of ``--user``/``MZDESK_USER`` with their password (``MZDESK_PASSWORD`` or a
    prompt): the lockout and the audit entry of every login; None in setup mode."""
    from mzdesk.core.services import accounts

    with database.session(None) as session:
        if accounts.needs_first_admin(session):
            log.info("no account has a password yet: running as the program itself")
            return None
        name = user_name(args)
        if not name:
            raise MzdeskError(
                "log in with --user NAME or MZDESK_USER (password: MZDESK_PASSWORD or a prompt)"
            )
        account = accounts.login(session, name, read_password())
    return account.id


def session_user(database: Database, args: argparse.Namespace, token: str) -> uuid.UUID:
    """The user of the session ``token``, read before anyone acts (a session of the program
    itself, as the password login's). A name given with ``--user``/``MZDESK_USER`` must be the
    session's user."""
    from mzdesk.core.models import User
    from mzdesk.core.services import cli_sessions

    with database.session(None) as session:
        user_id = cli_sessions.resume(session, token.strip())
        name = user_name(args).lower()
        user = session.get(User, user_id)
        if name and (user is None or name != user.username):
            raise MzdeskError(
                f"{ENV_SESSION} is a session of another user than {name!r}: log in again "
                "(mzdesk login) or unset MZDESK_USER",
                german="MZDESK_SESSION gehört zu einem anderen Benutzer: bitte neu anmelden "
                "(mzdesk login) oder MZDESK_USER entfernen.",
            )
    return user_id


def user_name(args: argparse.Namespace) -> str:
    return str(getattr(args, "user", None) or os.environ.get(ENV_USER) or "").strip()


def read_password(prompt: str = "Password: ", env: str = "MZDESK_PASSWORD") -> str:
    """The password from the environment variable ``env``, else a prompt on the terminal."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise MzdeskError(f"no password: set {env} or run in a terminal")
    return getpass.getpass(prompt)


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """Kept for modules that add ``--user`` themselves; ``add_db_option`` adds it already."""
    if "--user" not in parser._option_string_actions:
        parser.add_argument(
            "--user", default=argparse.SUPPRESS, help="acting user's login name (or $MZDESK_USER)"
        )


def acting_user(session: Session, args: argparse.Namespace) -> User:
    """The logged-in user of this session (or, in setup mode, the one named by --user)."""
    from sqlalchemy import select

    from mzdesk.core import access
    from mzdesk.core.models import User

    user_id = access.acting_user_id(session)
    if user_id is not None:
        user = session.get(User, user_id)
        if user is not None:
            return user
    name = user_name(args)
    if not name:
        raise MzdeskError("name the acting user with --user or MZDESK_USER")
    user = session.scalars(select(User).where(User.username == name)).first()
    if user is None or not user.active:
        raise NotFound(f"no active user {name!r}")
    return user


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
