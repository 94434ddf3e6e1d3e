"""One PostgreSQL database per test, created and dropped by a role that may only create databases.

The server URL of ``MZDESK_TEST_POSTGRES_URL`` needs a role with CREATEDB, nothing more
(``CREATE ROLE mztest LOGIN CREATEDB``): it owns each test database and drops it again.

Why the drop is not ``DROP DATABASE … WITH (FORCE)``: FORCE terminates *every* other session
on the database and needs the right to signal each of them. The sessions of the test are the
role's own, but the server's autovacuum launcher visits every database about once a minute,
and its worker is a session without a role: a non-superuser may not terminate it
("must be a member of the role whose process is being terminated or member of
pg_signal_backend"), so a drop that coincided with that visit failed and left the database
behind (seen in a newcomer's run; reproduced by dropping while ``pg_stat_activity`` showed
``autovacuum worker`` on the database). A plain ``DROP DATABASE`` asks autovacuum to leave and
waits for it; the test's own sessions are ended first: its engines are disposed (every
engine that connected to the database is remembered), and what still holds a connection —
a background thread's session, a leaked engine — is terminated by ``pg_terminate_backend``,
which a role may do to its own sessions.
"""

from __future__ import annotations

import os
import time
import uuid
import weakref
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError

PG_ENV = "MZDESK_TEST_POSTGRES_URL"
PREFIX = "mzdesk_test_"
DROP_PATIENCE_S = 120.0  # each plain DROP waits up to 5 s itself; autovacuum leaves at once

_engines: dict[str, weakref.WeakSet[Engine]] = {}
_undropped: set[tuple[str, str]] = set()  # (server URL, name) of databases not yet dropped


def postgres_server_url() -> str | None:
    """The server of ``MZDESK_TEST_POSTGRES_URL``; without it the test is skipped (under CI
    it fails: the PostgreSQL tests must run there)."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set under CI: the PostgreSQL tests must run there")
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (.ci/run starts a server and sets it)")
    return url


@event.listens_for(Engine, "engine_connect")
def _remember(connection: Connection) -> None:
    name = connection.engine.url.database
    if name and name.startswith(PREFIX) and connection.engine.dialect.name == "postgresql":
        _engines.setdefault(name, weakref.WeakSet()).add(connection.engine)


def create_database(server: URL, *, template: str | None = None) -> str:
    """A new database on ``server``, empty or a copy of ``template``; its name (unique: test
    processes side by side, and other checkouts' runs on the same server, never meet)."""
    name = f"{PREFIX}{uuid.uuid4().hex[:12]}"
    statement = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(statement))
    finally:
        admin.dispose()
    _undropped.add((server.render_as_string(hide_password=False), name))
    return name


_templates: dict[str, str] = {}  # server URL -> this process's migrated template database


def migrated_template(server: URL) -> str:
    """A database on ``server`` migrated to the newest schema once per test process, from
    which each test that wants a migrated database gets a copy (``CREATE DATABASE … TEMPLATE``
    copies files: no migration per test). Nobody may connect to it (a template must have no
    sessions while it is copied); ``drop_templates`` removes it at the end of the run."""
    key = server.render_as_string(hide_password=False)
    if key not in _templates:
        from mzdesk.core import schema
        from mzdesk.core.database import Database

        name = create_database(server)
        _undropped.discard((key, name))  # not a test's database: dropped by drop_templates
        _templates[key] = name
        database = Database(server.set(database=name), create=True)
        try:
            schema.upgrade(database)
        finally:
            database.close()
        for engine in list(_engines.pop(name, ())):
            engine.dispose()
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
                _terminate_own_sessions(connection, name)
        finally:
            admin.dispose()
    return _templates[key]


def drop_templates() -> None:
    """Drop the templates made by ``migrated_template`` (at the end of the test run)."""
    from sqlalchemy.engine import make_url

    while _templates:
        server, name = _templates.popitem()
        drop_database(make_url(server), name)


def _terminate_own_sessions(connection: Connection, name: str) -> None:
    connection.execute(
        text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = :name AND usename = current_user AND pid <> pg_backend_pid()"
        ),
        {"name": name},
    )


def _sessions(connection: Connection, name: str) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT backend_type, coalesce(usename, '-') FROM pg_stat_activity "
            "WHERE datname = :name AND pid <> pg_backend_pid()"
        ),
        {"name": name},
    )
    return [f"{kind} ({role})" for kind, role in rows]


def drop_database(server: URL, name: str) -> None:
    """Drop ``name``: dispose the engines that used it, end the role's own sessions on it,
    then a plain DROP (retried while sessions go away). Raises if it is still there."""
    for engine in list(_engines.pop(name, ())):
        engine.dispose()
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    deadline = time.monotonic() + DROP_PATIENCE_S
    try:
        with admin.connect() as connection:
            while True:
                _terminate_own_sessions(connection, name)
                try:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                except DBAPIError as error:
                    sqlstate = getattr(error.orig, "sqlstate", None)
                    if sqlstate != "55006" or time.monotonic() > deadline:  # object_in_use
                        raise RuntimeError(
                            f"test database {name} could not be dropped; sessions on it: "
                            f"{', '.join(_sessions(connection, name)) or 'none'}"
                        ) from error
                else:
                    break
    finally:
        admin.dispose()
    _undropped.discard((server.render_as_string(hide_password=False), name))


def leftovers() -> Iterator[tuple[URL, str]]:
    """The databases created here whose drop failed (for a last attempt at the session end)."""
    from sqlalchemy.engine import make_url

    for server, name in sorted(_undropped):
        yield make_url(server), name
