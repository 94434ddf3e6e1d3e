"""``mzdesk user add|list|disable|passwd|team-add``: accounts and teams (admins).

New passwords come from ``MZDESK_NEW_PASSWORD`` or are asked twice on the terminal; the
logged-in user's own password (``--user``/``MZDESK_PASSWORD``) is the one that authorises.
On a database nobody can log in to yet, ``user add`` creates the first administrator without
a login (``--role admin`` only).
"""

from __future__ import annotations

import argparse
from typing import Any

from mzdesk.cli.common import (
    logged_in_user_id,
    open_current_database,
    read_password,
)
from mzdesk.cli.output import print_rows
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts

ENV_NEW_PASSWORD = "MZDESK_NEW_PASSWORD"


def register(subparsers: Any) -> None:
    from mzdesk.cli import add_db_option

    parser = subparsers.add_parser("user", help="user accounts and teams (admin)")
    actions = parser.add_subparsers(dest="user_action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="a new account (the first one on a new database: the admin)",
        description="Create an account. Its password comes from $MZDESK_NEW_PASSWORD or is "
        "asked twice. Counsellors and team leads need a --team.",
    )
    add_db_option(add)
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.COUNSELLOR.value)
    add.add_argument("--team", help="team name (see user team-add)")
    add.add_argument("--name", default="", help="display name")
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help="all accounts")
    add_db_option(lst)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)

    disable = actions.add_parser("disable", help="disable an account (it can no longer log in)")
    add_db_option(disable)
    disable.add_argument("username")
    disable.set_defaults(func=run_disable)

    passwd = actions.add_parser(
        "passwd",
        help="change your password, or (admin) set someone's",
        description="Without USERNAME: change your own password (the login password is the "
        "old one). With USERNAME (admin): set that account's password and lift a lockout.",
    )
    add_db_option(passwd)
    passwd.add_argument("username", nargs="?")
    passwd.set_defaults(func=run_passwd)

    team = actions.add_parser("team-add", help="a new team")
    add_db_option(team)
    team.add_argument("name")
    team.set_defaults(func=run_team_add)


def new_password() -> str:
    import os

    if os.environ.get(ENV_NEW_PASSWORD) is not None:
        return os.environ[ENV_NEW_PASSWORD]
    first = read_password("New password: ", ENV_NEW_PASSWORD)
    if read_password("Repeat the new password: ", ENV_NEW_PASSWORD) != first:
        raise MzdeskError("the two passwords differ")
    return first


def run_add(args: argparse.Namespace) -> int:
    role = Role(args.role)
    with open_current_database(args) as database, database.session() as session:
        if accounts.needs_first_admin(session):
            if role is not Role.ADMIN:
                raise MzdeskError(
                    "no account exists yet: create the administrator first (--role admin)"
                )
            user = accounts.create_first_admin(session, args.username, new_password(), args.name)
        else:
            user = accounts.create_user(
                session,
                args.username,
                new_password(),
                display_name=args.name,
                role=role,
                team=args.team,
            )
        session.commit()
        print(f"user {user.username} added ({role.value})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        found = accounts.list_users(session)
    rows = [
        {
            "id": str(a.id),
            "username": a.username,
            "display_name": a.display_name,
            "role": a.role.value,
            "team": a.team,
            "active": a.active,
            "locked_until": a.locked_until.isoformat() if a.locked_until else None,
        }
        for a in found
    ]
    return print_rows(rows, _line, as_json=args.json)


def _line(row: dict[str, Any]) -> str:
    state = "" if row["active"] else "  (disabled)"
    locked = f"  (locked until {row['locked_until']})" if row["locked_until"] else ""
    return (
        f"{row['username']:<16} {row['role']:<11} {row['team'] or '-':<24} "
        f"{row['display_name']}{state}{locked}"
    )


def run_disable(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        user = accounts.disable_user(session, args.username)
        session.commit()
        print(f"user {user.username} disabled")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        if args.username:
            user = accounts.set_password(session, args.username, new_password())
            session.commit()
            print(f"password of {user.username} set")
            return 0
        user_id = logged_in_user_id(database)
        if user_id is None:
            raise MzdeskError("log in with --user to change your password")
        accounts.change_password(
            session, user_id, read_password("Current password: "), new_password()
        )
        session.commit()
        print("password changed")
    return 0


def run_team_add(args: argparse.Namespace) -> int:
    with open_current_database(args) as database, database.session() as session:
        team = accounts.create_team(session, args.name)
        session.commit()
        print(f"team {team.name} added")
    return 0
