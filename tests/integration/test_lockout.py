"""Login lockout under concurrency, on SQLite and PostgreSQL (security review F5, F13).

Parallel logins of one account, each in its own thread with its own session and connection:
wrong passwords can test at most ``security.max_failed_logins`` of them before the lock holds,
right ones never collide on the audit sequence, and every attempt ends in a domain error, never
another exception. Unknown names behave like real accounts. Synthetic accounts only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, update

from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, User
from mzdesk.core.models.base import utcnow
from mzdesk.core.org_settings import set_setting
from mzdesk.core.services import accounts, audit

PASSWORD = "geheim-123"
LIMIT = 5  # security.max_failed_logins (default)
PARALLEL = 12
AccountLocked = accounts.AccountLocked


class CountingHasher(PasswordHasher):
    """argon2's own hasher, noting the hash of each password check (each check really runs)."""

    def __init__(self) -> None:
        super().__init__()
        self.hashes: list[str | bytes] = []
        self._note = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._note:
            self.hashes.append(hash)
        return super().verify(hash, password)

    def checks_of(self, database: Database, name: str) -> int:
        """Passwords checked against the account's stored hash."""
        return self.hashes.count(_user(database, name).password_hash or "")


@pytest.fixture
def world(database: Database) -> Database:
    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Admin Test")
        session.commit()
    with database.session(admin.id) as session:
        accounts.create_team(session, "Team A")
        accounts.create_user(session, "berater", PASSWORD, team="Team A")
        accounts.create_user(session, "kollegin", PASSWORD, team="Team A")
        session.commit()
    return database


@pytest.fixture
def hasher(monkeypatch: pytest.MonkeyPatch) -> CountingHasher:
    counting = CountingHasher()
    monkeypatch.setattr(accounts, "_hasher", counting)
    return counting


def _parallel(count: int, attempt: Callable[[int], object]) -> list[object]:
    """Run ``attempt(i)`` in ``count`` threads released together; their results or errors."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=60)
            results[index] = attempt(index)
        except BaseException as exc:  # every outcome is checked by the caller
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)
    return results


def _login(database: Database, name: str, password: str) -> accounts.Account:
    with database.session(None) as session:
        return accounts.login(session, name, password)


def _user(database: Database, name: str) -> User:
    with database.session(None) as session:
        user = accounts.find_user(session, name)
        assert user is not None
        return user


def _actions(database: Database, user_id: uuid.UUID | None) -> list[str]:
    with database.session(None) as session:
        return list(
            session.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity_id == user_id)
                .order_by(AuditEntry.seq)
            )
        )


def _let_the_lock_expire(database: Database, name: str) -> None:
    with database.engine.begin() as connection:
        connection.execute(
            update(User)
            .where(User.username == name)
            .values(locked_until=utcnow() - timedelta(seconds=1))
        )


def test_twelve_parallel_wrong_passwords_test_at_most_the_limit(
    world: Database, hasher: CountingHasher
) -> None:
    results = _parallel(PARALLEL, lambda i: _login(world, "berater", f"falsch-{i:02}"))

    unexpected = [r for r in results if not isinstance(r, accounts.LoginFailed | AccountLocked)]
    assert unexpected == []
    checked = hasher.checks_of(world, "berater")
    assert checked <= LIMIT
    actions = _actions(world, _user(world, "berater").id)
    assert actions.count("login_failed") == checked == LIMIT  # each check counted
    assert actions.count("login_refused") == PARALLEL - LIMIT  # refused without a check
    assert sum(isinstance(r, AccountLocked) for r in results) == PARALLEL - LIMIT + 1
    user = _user(world, "berater")
    assert user.locked_until is not None and user.locked_until > utcnow()
    with pytest.raises(AccountLocked):  # the right one too, while locked
        _login(world, "berater", PASSWORD)
    assert hasher.checks_of(world, "berater") == LIMIT
    with world.session(None) as session:
        assert audit.verify(session).ok


def test_after_the_lock_expires_the_count_starts_again(
    world: Database, hasher: CountingHasher
) -> None:
    for _ in range(LIMIT - 1):
        with pytest.raises(accounts.LoginFailed):
            _login(world, "berater", "falsch-123")
    with pytest.raises(AccountLocked):
        _login(world, "berater", "falsch-123")
    _let_the_lock_expire(world, "berater")
    for _ in range(LIMIT - 1):  # a fresh count of failures: not locked again at once
        with pytest.raises(accounts.LoginFailed):
            _login(world, "berater", "falsch-123")
    with pytest.raises(AccountLocked):
        _login(world, "berater", "falsch-123")
    assert hasher.checks_of(world, "berater") == 2 * LIMIT
    _let_the_lock_expire(world, "berater")
    assert _login(world, "berater", PASSWORD).username == "berater"
    assert _user(world, "berater").failed_logins == 0


def test_a_right_password_resets_the_count(world: Database) -> None:
    for _ in range(LIMIT - 1):
        with pytest.raises(accounts.LoginFailed):
            _login(world, "berater", "falsch-123")
    _login(world, "berater", PASSWORD)
    for _ in range(LIMIT - 1):
        with pytest.raises(accounts.LoginFailed):
            _login(world, "berater", "falsch-123")
    assert _user(world, "berater").locked_until is None


def test_a_login_in_a_session_that_has_written_is_counted_too(world: Database) -> None:
    admin = _user(world, "admin").id
    with world.session(admin) as session:
        accounts.create_user(session, "neu", PASSWORD, team="Team A")  # not committed yet
        with pytest.raises(accounts.LoginFailed):
            accounts.login(session, "neu", "falsch-123")  # commits the account and the count
    assert _user(world, "neu").failed_logins == 1
    with world.session(admin) as session:
        accounts.set_password(session, "kollegin", "anderes-passwort")  # the row is written
        assert accounts.login(session, "kollegin", "anderes-passwort").username == "kollegin"
    assert _user(world, "kollegin").failed_logins == 0


def _outcomes(database: Database, name: str, attempts: int) -> list[tuple[str, str]]:
    found = []
    for _ in range(attempts):
        try:
            _login(database, name, "falsch-123")
        except (accounts.LoginFailed, AccountLocked) as exc:
            found.append((type(exc).__name__, exc.german))
    return found


@pytest.mark.parametrize("name", ["niemand", "gesperrt"])
def test_unknown_and_disabled_names_behave_like_a_real_account(
    world: Database, hasher: CountingHasher, name: str
) -> None:
    if name == "gesperrt":  # a disabled account
        admin = _user(world, "admin").id
        with world.session(admin) as session:
            accounts.create_user(session, name, PASSWORD, team="Team A")
            session.commit()
        with world.session(admin) as session:
            accounts.disable_user(session, name)
            session.commit()
    real = _outcomes(world, "berater", LIMIT + 2)
    other = _outcomes(world, name, LIMIT + 2)
    assert [kind for kind, _ in real] == [kind for kind, _ in other]
    assert [kind for kind, _ in real] == ["LoginFailed"] * (LIMIT - 1) + ["AccountLocked"] * 3
    assert real[0][1] == other[0][1] == "Benutzername oder Passwort ist falsch."
    assert all("gesperrt" in german for _, german in other[LIMIT - 1 :])
    assert hasher.checks_of(world, "berater") == LIMIT  # none while locked
    if name == "gesperrt":
        with pytest.raises(AccountLocked):
            _login(world, name, PASSWORD)  # not even the right password says more


def test_parallel_right_logins_never_collide(world: Database) -> None:
    names = ["berater", "kollegin", "admin"]
    results = _parallel(PARALLEL, lambda i: _login(world, names[i % len(names)], PASSWORD).username)
    assert sorted(map(str, results)) == sorted(names[i % len(names)] for i in range(PARALLEL))
    with world.session(None) as session:
        logins = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "login")
        )
        assert logins == PARALLEL
        assert audit.verify(session).ok


def test_parallel_mixed_logins_never_collide(world: Database) -> None:
    def attempt(index: int) -> object:
        password = PASSWORD if index % 2 else f"falsch-{index}"
        return _login(world, "kollegin" if index % 3 else "berater", password).username

    results = _parallel(PARALLEL, attempt)
    allowed = (str, accounts.LoginFailed, AccountLocked)
    assert [r for r in results if not isinstance(r, allowed)] == []
    with world.session(None) as session:
        assert audit.verify(session).ok


def test_parallel_wrong_logins_on_the_command_line_print_one_line(
    world: Database, database_url: str, tmp_path: Path
) -> None:
    limit, processes_started = 3, 6  # fewer processes than threads: each starts a Python
    with world.session(_user(world, "admin").id) as session:
        set_setting(session, "security.max_failed_logins", limit)
        session.commit()
    env = {
        **os.environ,
        "MZDESK_DATABASE_URL": database_url,
        "MZDESK_USER": "berater",
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "mzdesk", "followup", "list"],
            env={**env, "MZDESK_PASSWORD": f"falsch-{i:02}"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes_started)
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [1] * processes_started
    for _out, err in outputs:
        assert "Traceback" not in err and "VerifyMismatch" not in err
        assert len(err.strip().splitlines()) == 1 and err.startswith("mzdesk: ")
    actions = _actions(world, _user(world, "berater").id)
    assert actions.count("login_failed") == limit
    assert actions.count("login_refused") == processes_started - limit
