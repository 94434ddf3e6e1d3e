"""Figure: a short CLI command — ``mzdesk person find NAME`` from process start to its exit.

Measured in child processes, as a person at a terminal runs it: a new interpreter, the
imports, the login (a counsellor of the demo data), the search, the printed list. The
baseline is ``python -c pass``: what starting the interpreter costs alone. The machine is
*warm*: the children keep their compiled modules in a cache folder of their own (one
``PYTHONPYCACHEPREFIX``, filled by the discarded first round), as an installed mzdesk has
them — even where ``PYTHONDONTWRITEBYTECODE`` is set — and write nothing into the checkout.

The counsellor has logged in once (``eval "$(mzdesk login)"``): the commands run with
``MZDESK_SESSION``, a session made in the bench's database before measuring, and check no
password. A password login checks it with argon2id (the library's default parameters, which
are not weakened for speed): that check alone, measured in this process, and the command
with ``MZDESK_PASSWORD`` instead of a session are given in the note.

Only on the bench's own demo database: every login is recorded in the audit trail, and a
database given with ``--db`` is measured, never changed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from mzdesk.core.bench.gui import CHILD_TIMEOUT_S, ChildFailed, _environment
from mzdesk.core.bench.harness import Figure, Target, counsellor, interleaved, timed
from mzdesk.core.database import Database
from mzdesk.core.models import Person, User

KEY = "cli_command"
PASSWORD_RUNS = 5
PASSWORD_COMMAND_RUNS = 3  # the command with a password login, for the note


def figure() -> Figure:
    return Figure(
        key=KEY,
        title="CLI command (mzdesk person find)",
        baseline_title="python -c pass",
        target=Target(max_value=400.0),
    )


def _query(database: Database) -> str:
    """The first letters of a family name in the database (a prefix that finds someone)."""
    with database.session(None) as session:
        name = session.scalar(select(Person.family_name).order_by(Person.file_number).limit(1))
    return (name or "Mü")[:3]


def _login_name(database: Database) -> str | None:
    user_id = counsellor(database)
    if user_id is None:
        return None
    with database.session(None) as session:
        return session.scalar(select(User.username).where(User.id == user_id))


def _open_session(database: Database, name: str) -> str:
    """A session of ``name`` as ``mzdesk login`` makes it (its token); the password was
    checked by the demo data's making, not here."""
    from mzdesk.core.services import cli_sessions

    with database.session(None) as session:
        user_id = session.scalar(select(User.id).where(User.username == name))
        assert user_id is not None
        token = cli_sessions.create(session, user_id)
        session.commit()
    return token


def _close_session(database: Database, token: str) -> None:
    from mzdesk.core.models import CliSession
    from mzdesk.core.services import cli_sessions

    with database.session(None) as session:
        row = session.get(CliSession, cli_sessions.token_hash(token))
        if row is not None:
            session.delete(row)
            session.commit()


def _child_run(argv: list[str], env: dict[str, str]) -> float:
    """Milliseconds from just before the child starts to its exit; a failure says why."""
    start = time.perf_counter()
    completed = subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, check=False
    )
    elapsed = (time.perf_counter() - start) * 1000.0
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise ChildFailed(f"{' '.join(argv[1:4])} exited with {completed.returncode}: {last}")
    return elapsed


def password_check_ms(runs: int = PASSWORD_RUNS) -> float:
    """Median milliseconds of one argon2 check of a right password, with the parameters
    mzdesk hashes with (``accounts.hash_password``)."""
    from argon2 import PasswordHasher

    from mzdesk.core.services.accounts import hash_password

    secret = "bench-password-1"
    stored = hash_password(secret)
    hasher = PasswordHasher()
    return statistics.median(timed(lambda: hasher.verify(stored, secret)) for _ in range(runs))


def measure(database: Database, db_url: str, runs: int, *, given: bool) -> Figure:
    """``given``: the database was named with ``--db`` (someone's own: not measured)."""
    from mzdesk.core.demo.network import DEMO_PASSWORD

    result = figure()
    if given:
        return result.failed(
            "not measured on a database given with --db: every login adds an entry to its "
            "audit trail (run the bench on its demo database)"
        )
    user = _login_name(database)
    token = _open_session(database, user) if user is not None else None
    try:
        with tempfile.TemporaryDirectory(prefix="mzdesk-bench-cli-") as home:
            env = _environment(Path(home))
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
            for name in ("MZDESK_USER", "MZDESK_PASSWORD", "MZDESK_SESSION"):
                env.pop(name, None)
            if token is not None:
                env["MZDESK_SESSION"] = token
            command = [sys.executable, "-m", "mzdesk", "--db", db_url, "person", "find"]
            command.append(_query(database))
            bare = [sys.executable, "-c", "pass"]
            samples, baseline = interleaved(
                lambda: _child_run(command, env), lambda: _child_run(bare, env), runs
            )
            with_password: list[float] = []
            if user is not None:
                password_env = {k: v for k, v in env.items() if k != "MZDESK_SESSION"}
                password_env |= {"MZDESK_USER": user, "MZDESK_PASSWORD": DEMO_PASSWORD}
                with_password, _ = interleaved(
                    lambda: _child_run(command, password_env),
                    None,
                    min(runs, PASSWORD_COMMAND_RUNS),
                    warmup=False,
                )
    finally:
        if token is not None:
            _close_session(database, token)
    check = f"{password_check_ms():.0f} ms"
    if user is None:
        note = f"no accounts (setup mode, no login); a password check would take {check}"
    else:
        note = (
            "as a counsellor logged in once (MZDESK_SESSION, no password check); with "
            f"MZDESK_PASSWORD instead the command takes {statistics.median(with_password):.0f}"
            f" ms, its password check (argon2id) alone {check}"
        )
    return result.record(samples, baseline, note=note)
