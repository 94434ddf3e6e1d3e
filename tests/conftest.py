"""Shared fixtures: every database test runs against SQLite and PostgreSQL.

PostgreSQL tests need ``MZDESK_TEST_POSTGRES_URL`` (a server URL whose user may create
databases); ``.ci/run`` starts a server and sets it. Without it they are skipped with that
reason — except under CI, where a missing server is an error, not a silent skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pg_databases
import pytest
from sqlalchemy.engine import make_url

PG_ENV = pg_databases.PG_ENV
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep logs, settings and the default database of tests out of the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("MZDESK_DATABASE_URL", raising=False)


postgres_server_url = pg_databases.postgres_server_url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards (by a role that
    may create databases; see tests/pg_databases.py for why the drop is done as it is)."""
    server = make_url(postgres_server_url() or "")
    name = pg_databases.create_database(server)
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        pg_databases.drop_database(server, name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mzdesk.sqlite'}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str:
    """An empty database URL, once for SQLite and once for PostgreSQL."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def database(database_url: str) -> Iterator[object]:
    """An open, migrated, empty database on each backend."""
    from mzdesk.core import schema
    from mzdesk.core.database import Database

    db = Database(database_url, create=True)
    schema.upgrade(db)
    yield db
    db.close()


# --- leaving the test process -------------------------------------------------------------
# PySide6 6.12 can crash while the interpreter finalizes ("none_dealloc" in the garbage
# collector tearing down Qt wrappers), after every test and the summary are done — which
# would turn a green run into exit code 134. Once pytest has finished everything (summary,
# reports, other plugins' unconfigure), leave with pytest's own exit status instead.
_FINISHED: dict[str, int] = {}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _FINISHED["status"] = int(exitstatus)
    for server, name in pg_databases.leftovers():  # a test's drop failed: one more attempt
        try:
            pg_databases.drop_database(server, name)
        except Exception as error:
            import sys

            print(f"\nleft behind: {error}", file=sys.stderr)
            _FINISHED["status"] = _FINISHED["status"] or int(pytest.ExitCode.TESTS_FAILED)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    if "status" in _FINISHED:
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_FINISHED["status"])
