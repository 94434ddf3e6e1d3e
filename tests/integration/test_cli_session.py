"""The CLI login session (issue 20, item 4): ``eval "$(mzdesk login)"`` once, then commands
without the password's argon2 check — on SQLite and PostgreSQL.

``mzdesk login`` checks the password as every login does (lockout, audit entry) and prints
``export MZDESK_SESSION=<token>``; the database keeps only the token's SHA-256. A command with
``MZDESK_SESSION`` acts as the session's user — or, when the token is wrong, expired, logged
out, or its user disabled, locked or given a new password, refuses with one line and changes
nothing, never falling back to another login. Kits never carry sessions. The commands run
in-process through ``mzdesk.cli.main``, as the CLI matrix runs them. Synthetic names only.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.engine import make_url

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.kits import content
from mzdesk.core.kits.open import decrypt_export
from mzdesk.core.models import AuditEntry, Base, User
from mzdesk.core.models.base import utcnow
from mzdesk.core.services.lookup import short_id
from tests.integration.access_world import PASSWORD, World, build
from tests.integration.matrix_world import cheap_password_hashes, digest

TOKEN_LINE = re.compile(r"^export MZDESK_SESSION=([A-Za-z0-9_-]{43})$")
NEW_PASSWORD = "ganz-neues-passwort-1"
SESSIONS = "cli_sessions"


@pytest.fixture
def world(database: Database) -> Iterator[World]:
    with cheap_password_hashes():
        yield build(database)


def _url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def _cli(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database: Database,
    *argv: str,
    user: str | None = None,
    password: str | None = None,
    session: str | None = None,
) -> tuple[int, str, str]:
    """Run ``mzdesk ARGV --db URL`` with exactly these login variables set."""
    for name, value in (
        ("MZDESK_USER", user),
        ("MZDESK_PASSWORD", password),
        ("MZDESK_SESSION", session),
    ):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("MZDESK_NEW_PASSWORD", NEW_PASSWORD)
    database.engine.dispose()  # no connection of the test open while the command runs
    capsys.readouterr()
    try:
        code = main([*argv, "--db", _url(database)])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _login(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database: Database,
    user: str = "berater_a",
) -> str:
    code, out, err = _cli(monkeypatch, capsys, database, "login", user=user, password=PASSWORD)
    assert code == 0, err
    match = TOKEN_LINE.match(out.strip())
    assert match is not None and out.count("\n") == 1, out
    return match.group(1)


def _rows(database: Database) -> list[dict[str, object]]:
    with database.engine.connect() as connection:
        table = Base.metadata.tables[SESSIONS]
        return [dict(row._mapping) for row in connection.execute(select(table))]


def _audit(database: Database, action: str) -> list[uuid.UUID | None]:
    with database.session(None) as session:
        return list(
            session.scalars(
                select(AuditEntry.user_id)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.seq)
            )
        )


def _stored_bytes(database: Database) -> bytes:
    """What the database holds, as stored: the SQLite file (and its WAL), or the PG rows."""
    path = make_url(_url(database)).database
    if database.is_sqlite:
        assert path is not None
        return b"".join(
            Path(name).read_bytes() for name in (path, f"{path}-wal") if Path(name).exists()
        )
    with database.engine.connect() as connection:
        rows = connection.execute(text(f"SELECT t::text FROM {SESSIONS} t")).scalars()
        return "\n".join(rows).encode()


# --- login --------------------------------------------------------------------------------------


def test_login_prints_a_token_and_stores_only_its_hash(
    world: World,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    logins = len(_audit(database, "login"))
    token = _login(monkeypatch, capsys, database)
    rows = _rows(database)
    assert len(rows) == 1
    row = rows[0]
    hashed = hashlib.sha256(token.encode("ascii")).hexdigest()
    assert row["token_hash"] == hashed
    assert row["user_id"] == world.users["berater_a"]
    lifetime = row["expires_at"] - row["created_at"]  # type: ignore[operator]
    from mzdesk.core.services.cli_sessions import SESSION_LIFETIME

    assert lifetime == SESSION_LIFETIME
    assert _audit(database, "login")[logins:] == [world.users["berater_a"]]
    database.engine.dispose()
    stored = _stored_bytes(database)
    assert hashed.encode() in stored  # the bytes read are the session's row
    assert token.encode() not in stored


def test_a_command_with_the_session_acts_as_its_user(
    world: World,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    token = _login(monkeypatch, capsys, database)
    logins = len(_audit(database, "login"))
    code, out, err = _cli(
        monkeypatch, capsys, database, "person", "show", "MZ-T-0001", session=token
    )
    assert code == 0, err
    assert "Zubrowa" in out
    assert _audit(database, "view")[-1] == world.users["berater_a"]
    # the team scope applies: team B's person is refused (and the denial names the user)
    code, out, err = _cli(
        monkeypatch, capsys, database, "person", "show", "MZ-T-0002", session=token
    )
    assert code == 1 and err.startswith("mzdesk: access denied") and out == ""
    assert _audit(database, "denied")[-1] == world.users["berater_a"]
    code, out, err = _cli(monkeypatch, capsys, database, "person", "find", "Zubrow", session=token)
    assert code == 0, err
    assert "MZ-T-0001" in out and "MZ-T-0003" in out and "MZ-T-0002" not in out
    # the same name in MZDESK_USER is fine; no password was checked again
    code, _, err = _cli(
        monkeypatch, capsys, database, "case", "list", user="berater_a", session=token
    )
    assert code == 0, err
    assert len(_audit(database, "login")) == logins


INVALID = ("wrong", "expired", "logged_out", "disabled", "password_changed", "password_set")


@pytest.mark.parametrize("how", [*INVALID, "locked", "other_user"])
def test_a_session_that_is_not_valid_is_refused(
    how: str,
    world: World,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    token = _login(monkeypatch, capsys, database)
    berater = world.users["berater_a"]
    user = "berater_a"
    if how == "wrong":
        token = secrets.token_urlsafe(32)
    elif how == "expired":
        with database.engine.begin() as connection:
            table = Base.metadata.tables[SESSIONS]
            connection.execute(update(table).values(expires_at=utcnow() - timedelta(minutes=1)))
    elif how == "logged_out":
        code, out, err = _cli(monkeypatch, capsys, database, "logout", session=token)
        assert code == 0 and out == "unset MZDESK_SESSION\n", err
        assert _audit(database, "logout")[-1] == berater
    elif how == "disabled":
        code, _, err = _cli(
            monkeypatch, capsys, database, "user", "disable", "berater_a", user="admin",
            password=PASSWORD,
        )  # fmt: skip
        assert code == 0, err
    elif how == "password_changed":  # with the session itself; the old password confirms
        code, _, err = _cli(
            monkeypatch, capsys, database, "user", "passwd", password=PASSWORD, session=token
        )
        assert code == 0, err
    elif how == "password_set":
        code, _, err = _cli(
            monkeypatch, capsys, database, "user", "passwd", "berater_a", user="admin",
            password=PASSWORD,
        )  # fmt: skip
        assert code == 0, err
    elif how == "locked":
        with database.engine.begin() as connection:
            connection.execute(
                update(User)
                .where(User.id == berater)
                .values(locked_until=utcnow() + timedelta(minutes=30))
            )
    elif how == "other_user":  # MZDESK_USER names someone else: no silent choice of either
        user = "berater_b"
    if how in ("disabled", "password_changed", "password_set", "logged_out"):
        assert [r for r in _rows(database) if r["user_id"] == berater] == []
    before = digest(database)
    entries = len(_audit(database, "edit")) + len(_audit(database, "login"))
    # A valid password login is at hand too: the session is refused, never replaced by it.
    code, out, err = _cli(
        monkeypatch, capsys, database, "person", "edit", "MZ-T-0001", "--city", "Neustadt",
        user=user, password=PASSWORD, session=token,
    )  # fmt: skip
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mzdesk: "), err
    assert "session" in lines[0] and "mzdesk login" in lines[0]
    assert "Traceback" not in err
    assert digest(database) == before
    assert len(_audit(database, "edit")) + len(_audit(database, "login")) == entries


def test_the_refusal_has_its_german_text(world: World, database: Database) -> None:
    from mzdesk.core.services import cli_sessions

    with database.session(None) as session, pytest.raises(cli_sessions.SessionInvalid) as raised:
        cli_sessions.resume(session, secrets.token_urlsafe(32))
    assert "Sitzung abgelaufen oder ungültig" in raised.value.german
    assert "mzdesk login" in raised.value.german


def test_logout_without_a_session_is_one_line(
    world: World,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _cli(monkeypatch, capsys, database, "logout")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "MZDESK_SESSION" in err


def test_sessions_end_with_their_user_only(
    world: World,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    mine = _login(monkeypatch, capsys, database, "berater_a")
    colleague = _login(monkeypatch, capsys, database, "leitung_a")
    code, _, err = _cli(
        monkeypatch, capsys, database, "user", "disable", "berater_a", user="admin",
        password=PASSWORD,
    )  # fmt: skip
    assert code == 0, err
    assert [r["user_id"] for r in _rows(database)] == [world.users["leitung_a"]]
    code, _, err = _cli(monkeypatch, capsys, database, "case", "list", session=colleague)
    assert code == 0, err
    code, _, err = _cli(monkeypatch, capsys, database, "case", "list", session=mine)
    assert code == 1 and "session" in err


# --- the lockout still holds for ``mzdesk login`` -------------------------------------------------


def test_lockout_applies_to_login(
    world: World,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for attempt in range(5):  # security.max_failed_logins (default)
        code, out, err = _cli(
            monkeypatch, capsys, database, "login", user="berater_a", password=f"falsch-{attempt}"
        )
        assert code == 1 and out == ""
        assert len(err.strip().splitlines()) == 1
    code, out, err = _cli(
        monkeypatch, capsys, database, "login", user="berater_a", password=PASSWORD
    )
    assert code == 1 and out == ""
    assert "account locked after repeated failed logins" in err
    assert _rows(database) == []
    assert len(_audit(database, "login_failed")) == 5


# --- kits never carry sessions ------------------------------------------------------------------


def test_every_table_is_placed_in_or_out_of_kits() -> None:
    placed = {*content.REFERENCE_TABLES, *content.MERGED_TABLES, *content.NOT_IN_KITS}
    assert set(Base.metadata.tables) - placed == set()
    assert SESSIONS in content.NOT_IN_KITS


def test_a_kit_carries_no_session(
    world: World,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    token = _login(monkeypatch, capsys, database)
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("Messe-Mappe 2025 geheim\n", encoding="utf-8")
    kit = tmp_path / "fair.mzkit"
    code, _, err = _cli(
        monkeypatch, capsys, database, "event", "export-kit", short_id(world.event_a),
        "-o", str(kit), "--passphrase-file", str(passphrase), session=token,
    )  # fmt: skip
    assert code == 0, err
    _, payload = decrypt_export(kit.read_bytes(), "Messe-Mappe 2025 geheim")
    assert payload["rows"]["users"]  # the kit was read (its organiser travels)
    assert SESSIONS not in payload["rows"]
    dumped = json.dumps(payload)
    assert token not in dumped
    assert hashlib.sha256(token.encode()).hexdigest() not in dumped
    with database.session(None) as session:
        assert session.scalar(select(func.count()).select_from(Base.metadata.tables[SESSIONS]))


def test_a_restore_ends_every_session(
    world: World,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """A backup holds the sessions of its time: a session logged out after the backup would
    be valid again in the restored database — so a restore ends them all."""
    if not database.is_sqlite:
        pytest.skip("a PostgreSQL database is restored with pg_restore (see the README)")
    from mzdesk.core import backup

    token = _login(monkeypatch, capsys, database)
    kept = backup.create_backup(database, tmp_path / "before.sqlite", user_id=world.users["admin"])
    code, _, err = _cli(monkeypatch, capsys, database, "logout", session=token)
    assert code == 0, err
    backup.restore(database, kept.path, user_id=world.users["admin"])
    assert _rows(database) == []
    code, out, err = _cli(monkeypatch, capsys, database, "case", "list", session=token)
    assert code == 1 and out == "" and err.startswith("mzdesk: ") and err.count("\n") == 1
