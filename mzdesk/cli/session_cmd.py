"""``mzdesk login`` and ``mzdesk logout``: a login session for the shell.

    eval "$(mzdesk login --user NAME)"     password once (MZDESK_PASSWORD or a prompt)
    mzdesk person find Müller              acts for NAME, no password check
    eval "$(mzdesk logout)"                ends the session, unsets MZDESK_SESSION

``login`` checks the password as every login does (lockout, audit entry) and prints
``export MZDESK_SESSION=<token>`` for the shell; the database keeps only the token's SHA-256
(``core.services.cli_sessions``, valid for ``SESSION_LIFETIME``). ``logout`` deletes the
session of ``MZDESK_SESSION`` and prints ``unset MZDESK_SESSION``. The hints go to stderr,
and only when stdout is a terminal (under ``eval "$(…)"`` it is not).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mzdesk.cli.common import ENV_SESSION, open_database, password_login
from mzdesk.core.errors import MzdeskError


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    login = subparsers.add_parser(
        "login",
        help='log in once for this shell: eval "$(mzdesk login)" sets MZDESK_SESSION',
        description="Check the password of --user/$MZDESK_USER ($MZDESK_PASSWORD or a prompt) "
        "and print 'export MZDESK_SESSION=<token>'. With eval \"$(mzdesk login)\" the shell "
        "keeps it, and later commands act for that user without a password for 8 hours, "
        "until 'mzdesk logout', or until the account is disabled or gets a new password.",
    )
    add_db_option(login)
    login.set_defaults(func=run_login)
    logout = subparsers.add_parser(
        "logout",
        help="end the session of MZDESK_SESSION",
        description="End the session of $MZDESK_SESSION and print 'unset MZDESK_SESSION' "
        '(eval "$(mzdesk logout)" forgets it in the shell too).',
    )
    add_db_option(logout)
    logout.set_defaults(func=run_logout)


def _hint(german: str, english: str) -> None:
    """A line for the person at the terminal; not when the output goes to ``eval``."""
    if sys.stdout.isatty():
        print(f"mzdesk: {german} / {english}", file=sys.stderr)


def run_login(args: argparse.Namespace) -> int:
    from mzdesk.core import schema
    from mzdesk.core.services import cli_sessions

    with open_database(args) as database:
        schema.require_current(database)
        user_id = password_login(database, args)
        if user_id is None:
            raise MzdeskError(
                "no account has a password yet: create the first administrator first",
                german="Noch kein Konto hat ein Passwort: zuerst die Administration anlegen.",
            )
        with database.session(None) as session:
            token = cli_sessions.create(session, user_id)
            session.commit()
    print(f"export {ENV_SESSION}={token}")
    hours = int(cli_sessions.SESSION_LIFETIME.total_seconds() // 3600)
    _hint(
        f'für diese Shell: eval "$(mzdesk login)" (gültig {hours} Stunden)',
        f'for this shell: eval "$(mzdesk login)" (valid for {hours} hours)',
    )
    return 0


def run_logout(args: argparse.Namespace) -> int:
    import os

    from mzdesk.core import schema
    from mzdesk.core.services import cli_sessions

    token = os.environ.get(ENV_SESSION)
    if token is None:
        raise MzdeskError(
            f"no session to end: {ENV_SESSION} is not set",
            german=f"Keine Sitzung zu beenden: {ENV_SESSION} ist nicht gesetzt.",
        )
    with open_database(args) as database:
        schema.require_current(database)
        with database.session(None) as session:
            cli_sessions.end(session, token.strip())
            session.commit()
    print(f"unset {ENV_SESSION}")
    _hint(
        'abgemeldet; in der Shell vergessen: eval "$(mzdesk logout)"',
        'logged out; to forget it in the shell: eval "$(mzdesk logout)"',
    )
    return 0
