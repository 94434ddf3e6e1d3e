"""Which database mzdesk opens, and how its URL is shown (no database server, no file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from mzdesk.core.database import (
    ENV_DATABASE_URL,
    Database,
    default_database_path,
    describe_url,
    resolve_url,
    sqlite_file,
)
from mzdesk.core.errors import DatabaseUnavailable

PG = "postgresql+psycopg://mzdesk:s3cret@dbserver.example:5432/mzdesk"


def test_default_is_a_sqlite_file_in_the_user_data_folder() -> None:
    # conftest points XDG_DATA_HOME at a temporary folder; platformdirs follows it on Linux
    expected = Path(os.environ["XDG_DATA_HOME"]) / "mzdesk" / "mzdesk.sqlite"
    assert default_database_path() == expected
    assert resolve_url(None, {}) == f"sqlite:///{expected}"
    assert resolve_url("", {ENV_DATABASE_URL: ""}) == f"sqlite:///{expected}"


def test_environment_wins_over_the_default() -> None:
    assert resolve_url(None, {ENV_DATABASE_URL: PG}) == PG


def test_command_line_wins_over_the_environment() -> None:
    other = "sqlite:////srv/mzdesk/team.sqlite"
    assert resolve_url(other, {ENV_DATABASE_URL: PG}) == other


def test_process_environment_is_read_when_none_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATABASE_URL, PG)
    assert resolve_url(None) == PG
    monkeypatch.delenv(ENV_DATABASE_URL)
    assert resolve_url(None) == f"sqlite:///{default_database_path()}"


def test_a_plain_path_becomes_an_absolute_sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url("data/team.sqlite", {}) == f"sqlite:///{tmp_path / 'data' / 'team.sqlite'}"
    assert resolve_url(str(tmp_path / "a.sqlite"), {}) == f"sqlite:///{tmp_path / 'a.sqlite'}"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert resolve_url("~/x.sqlite", {}) == f"sqlite:///{tmp_path / 'home' / 'x.sqlite'}"
    # a plain path in the environment works the same way
    assert resolve_url(None, {ENV_DATABASE_URL: "env.sqlite"}) == f"sqlite:///{tmp_path}/env.sqlite"


def test_a_mistyped_url_is_not_taken_for_a_path() -> None:
    assert resolve_url("sqlite:/typo.sqlite", {}) == "sqlite:/typo.sqlite"
    assert resolve_url("postgresql:dbserver/mzdesk", {}) == "postgresql:dbserver/mzdesk"
    with pytest.raises(DatabaseUnavailable, match="not a database URL"):
        Database("sqlite:/typo.sqlite", create=True)


def test_describe_url_hides_the_password() -> None:
    shown = describe_url(PG)
    assert "s3cret" not in shown
    assert shown == "postgresql+psycopg://mzdesk:***@dbserver.example:5432/mzdesk"
    assert describe_url(make_url(PG)) == shown
    assert describe_url("sqlite:////srv/team.sqlite") == "sqlite:////srv/team.sqlite"


@pytest.mark.parametrize(
    "url", ["not a url", "postgresql://mzdesk:s3cret@host:port/db", "postgresql://u:p@[::1/db"]
)
def test_describe_url_of_garbage(url: str) -> None:
    assert describe_url(url) == "<invalid database URL>"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://mzdesk:s3cret@host:port/db",
        "postgresql+psycopg://mzdesk:s3cret/with/slash@[::1/db",
        "::nothing",
    ],
)
def test_unparseable_url_is_refused_without_its_password(url: str) -> None:
    with pytest.raises(DatabaseUnavailable, match="not a database URL") as refused:
        Database(url)
    assert "s3cret" not in str(refused.value)
    assert "s3cret" not in refused.value.german
    assert "\n" not in str(refused.value)


def test_unknown_backend_is_refused_without_its_password() -> None:
    with pytest.raises(DatabaseUnavailable, match="unsupported database URL") as refused:
        Database("nosuchdb://mzdesk:s3cret@host/db")
    assert "s3cret" not in str(refused.value)


def test_sqlite_file() -> None:
    assert sqlite_file(make_url("sqlite:////srv/team.sqlite")) == Path("/srv/team.sqlite")
    assert sqlite_file(make_url("sqlite://")) is None
    assert sqlite_file(make_url("sqlite:///:memory:")) is None
    assert sqlite_file(make_url(PG)) is None
