"""The per-test PostgreSQL databases go away again, whatever of the test still holds one.

Run with a role that may only create databases (``CREATE ROLE mztest LOGIN CREATEDB``) as
well as with a superuser: the drop must need no more than the role's own rights.
"""

from __future__ import annotations

import contextlib
import threading

import pg_databases
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url


@pytest.fixture
def server() -> URL:
    return make_url(pg_databases.postgres_server_url() or "")


def _exists(server: URL, name: str) -> bool:
    admin = create_engine(server)
    try:
        with admin.connect() as connection:
            found = connection.execute(
                text("SELECT count(*) FROM pg_database WHERE datname = :name"), {"name": name}
            )
            return bool(found.scalar_one())
    finally:
        admin.dispose()


def test_dropped_while_a_background_thread_still_holds_a_session(server: URL) -> None:
    name = pg_databases.create_database(server)
    engine = create_engine(server.set(database=name))
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:  # e.g. a worker of the GUI that outlived its test
        connection = engine.connect()
        connection.execute(text("SELECT 1"))
        holding.set()
        release.wait(60)
        with contextlib.suppress(Exception):  # the server ended the session meanwhile
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert holding.wait(60)
    try:
        pg_databases.drop_database(server, name)
        assert not _exists(server, name)
        assert list(pg_databases.leftovers()) == []
    finally:
        release.set()
        thread.join(60)


def test_the_engines_that_used_it_are_disposed_first(server: URL) -> None:
    name = pg_databases.create_database(server)
    engine = create_engine(server.set(database=name))
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert engine.pool.checkedin() == 1  # a pooled session, idle on the database
    pg_databases.drop_database(server, name)
    assert engine.pool.checkedin() == 0
    assert not _exists(server, name)
