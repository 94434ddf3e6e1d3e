"""Backups keep their secrets: no password on pg_dump's command line (security review F6), and
``kill -9`` in the middle of an encrypted backup leaves no plaintext copy anywhere (F7).

The argv test puts a recording ``pg_dump`` first on ``PATH``: it writes the argv it was
started with (the very argv the real pg_dump then runs with: it ``exec``s it) and what it
sees of a password file, then execs the real one. The kill test starts
``python -m mzdesk backup -o … --passphrase-file …`` 20 times and kills each with SIGKILL at
a random moment, mostly while the backup is being written; then it searches every file of the
output folder, the backup folder, the temporary folder and the database's folder (except the
database itself) by content: no synthetic marker name, no SQLite header, no pg_dump header.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from mzdesk.core import backup, schema
from mzdesk.core.database import Database
from mzdesk.core.models import Case, Contact, Person
from mzdesk.core.privacy import sealed

ROOT = Path(__file__).resolve().parents[2]
MARKER = "Quendrilowska"  # a synthetic family name found nowhere else
PASSPHRASE = "kill-test passphrase 1234"
ROUNDS = 20
PG_PASSWORD = "pg-secret-Vurm7-Xqz"


# --- F6: the PostgreSQL password never on a command line -------------------------------------


@pytest.fixture
def password_role_url(postgres_url: str) -> Iterator[str]:
    """The test database, as a role that has a password.

    A superuser creates such a role for the test (dropped afterwards). A role that may only
    create databases uses itself: with the password of ``MZDESK_TEST_POSTGRES_URL`` if it
    has one, else with ``PG_PASSWORD`` if the server does not check it (trust)."""
    url = make_url(postgres_url)
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        superuser = connection.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        ).scalar_one()
    if not superuser:
        server.dispose()
        yield _own_role_with_password(url)
        return
    role = f"mz_pw_{uuid.uuid4().hex[:10]}"
    with server.connect() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{PG_PASSWORD}'"))
        connection.execute(text(f'ALTER DATABASE "{url.database}" OWNER TO {role}'))
    try:
        yield url.set(username=role, password=PG_PASSWORD).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f"REASSIGN OWNED BY {role} TO {url.username or 'postgres'}"))
            connection.execute(text(f"DROP OWNED BY {role}"))
        server.dispose()
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{url.database}" OWNER TO CURRENT_USER'))
            connection.execute(text(f"DROP ROLE IF EXISTS {role}"))
        admin.dispose()


def _own_role_with_password(url: URL) -> str:
    if url.password:
        return url.render_as_string(hide_password=False)
    with_password = url.set(password=PG_PASSWORD)
    engine = create_engine(with_password)
    try:
        with engine.connect():
            pass
    except OperationalError:
        pytest.skip(
            "needs a role with a password: MZDESK_TEST_POSTGRES_URL has none and the server "
            "checks passwords (a superuser URL lets the test create such a role)"
        )
    finally:
        engine.dispose()
    return with_password.render_as_string(hide_password=False)


RECORDER = """#!{python}
import json, os, stat, sys
record = {{"argv": sys.argv[1:], "pgpassword": "PGPASSWORD" in os.environ}}
passfile = os.environ.get("PGPASSFILE")
if passfile and os.path.exists(passfile):
    info = os.stat(passfile)
    record["passfile"] = {{
        "path": passfile,
        "mode": stat.S_IMODE(info.st_mode),
        "folder_mode": stat.S_IMODE(os.stat(os.path.dirname(passfile)).st_mode),
        "text": open(passfile, encoding="utf-8").read(),
    }}
with open({record!r}, "a", encoding="utf-8") as handle:
    handle.write(json.dumps(record) + "\\n")
os.execv({real!r}, [{real!r}, *sys.argv[1:]])
"""


def _recording_pg_dump(folder: Path, record: Path) -> Path:
    import shutil

    real = shutil.which("pg_dump")
    if real is None:
        pytest.skip("pg_dump (PostgreSQL client tools) not on PATH")
    folder.mkdir()
    script = folder / "pg_dump"
    script.write_text(RECORDER.format(python=sys.executable, record=str(record), real=real))
    script.chmod(0o700)
    return script


def test_pg_dump_gets_the_password_from_a_private_file_never_from_its_argv(
    password_role_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "pg_dump-calls.jsonl"
    bin_folder = tmp_path / "bin"
    _recording_pg_dump(bin_folder, record)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGPASSFILE", raising=False)
    db = Database(password_role_url, create=True)
    schema.upgrade(db)
    with db.session() as s:
        s.add(Person(file_number="MZ-PW-1", family_name=MARKER, given_names="Test"))
        s.commit()
    plain = backup.create_backup(db, tmp_path / "server.pgdump")
    sealed_result = backup.create_backup(db, tmp_path / "server.mzbackup", passphrase=PASSPHRASE)
    db.close()
    calls = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    assert len(calls) == 2
    password = make_url(password_role_url).password
    assert password
    for call in calls:
        assert password not in json.dumps(call["argv"]), call["argv"]
        assert not call["pgpassword"]  # not in the environment (other tools read it there)
        passfile = call["passfile"]
        assert passfile["mode"] == 0o600 and passfile["folder_mode"] == 0o700
        assert password in passfile["text"]
        assert not Path(passfile["path"]).exists()  # removed once pg_dump is done
        assert not Path(passfile["path"]).parent.exists()
    assert "PGPASSFILE" not in os.environ and "PGPASSWORD" not in os.environ
    assert plain.path.read_bytes().startswith(b"PGDMP")
    assert sealed.is_sealed(sealed_result.path)
    out = tmp_path / "unsealed.pgdump"
    sealed.unseal_file(sealed_result.path, out, PASSPHRASE)
    assert out.read_bytes().startswith(b"PGDMP")
    listing = subprocess.run(
        ["pg_restore", "--list", str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE DATA public persons" in listing


def test_a_password_with_separators_reaches_pg_dump_intact() -> None:
    entry = backup.pgpass_line("p:w\\x*")
    assert entry == "*:*:*:*:p\\:w\\\\x*\n"


# --- F7: kill -9 during encrypted backups ----------------------------------------------------


def _sqlite_world(folder: Path) -> Path:
    """A SQLite database of some megabytes with the marker name in a person and a note."""
    folder.mkdir()
    path = folder / "mzdesk.sqlite"
    db = Database(f"sqlite:///{path}", create=True)
    schema.upgrade(db)
    with db.session() as s:
        for n in range(400):
            person = Person(
                file_number=f"MZ-K-{n:04d}", family_name=f"{MARKER}{n}", given_names="Testa"
            )
            s.add(person)
            s.flush()
            case = Case(person_id=person.id, opened_on=person.created_at.date())
            s.add(case)
            s.flush()
            note = f"Gespräch mit Frau {MARKER}{n}. " + os.urandom(2000).hex()
            s.add(
                Contact(case_id=case.id, occurred_at=person.created_at, channel="phone", note=note)
            )
        s.commit()
    db.close()
    return path


def _plaintext_in(folders: list[Path], skip: set[Path], markers: list[bytes]) -> list[str]:
    found: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path in skip:
                continue
            data = path.read_bytes()
            found += [f"{path}: {marker!r}" for marker in markers if marker in data]
    return found


def _child_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(TMPDIR=str(tmp), TEMP=str(tmp), TMP=str(tmp), PYTHONPATH=str(ROOT))
    return env


Started = Callable[[int], bool]  # given the child's pid: has it started writing?


def _writes(target: Path) -> Started:
    """True once the backup's first file appears beside ``target``."""
    return lambda _pid: any(p.name.startswith(target.name) for p in target.parent.iterdir())


def _kill_one(
    command: list[str], started: Started, env: dict[str, str], seed: str
) -> tuple[bool, bool]:
    """Start ``command`` and SIGKILL it at a random moment: (killed, killed once started).

    Three rounds in four wait (up to a generous bound) until ``started`` — the backup is being
    written — and kill a few milliseconds later; the fourth kills after a random delay from
    the start.
    """
    rng = random.Random(seed)
    child = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    seen = False
    if rng.random() < 0.25:
        deadline = time.monotonic() + rng.uniform(0.3, 3.0)
        while time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.005)
    else:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            if started(child.pid):
                seen = True
                break
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.03))
    killed = child.poll() is None
    if killed:
        os.kill(child.pid, signal.SIGKILL)
    _out, err = child.communicate(timeout=120)
    assert child.returncode in (0, -signal.SIGKILL), err.decode(errors="replace")
    return killed, killed and seen


Round = Callable[[int], tuple[list[str], Started]]  # round n: its command and "started"
Enough = Callable[[int, int], bool]  # (killed, killed once started): tested enough?


def _kill_rounds(
    round_: Round, env: dict[str, str], rounds: int, enough: Enough
) -> tuple[int, int]:
    """Kill ``rounds`` commands, four at a time, and more until ``enough`` (at most four times
    as many): (killed, killed once started).

    How many kills land while a backup is written depends on the machine's speed (a fast one
    finishes some before the kill; a loaded one is still starting when a timed kill comes),
    so the test asks for a number of such kills, not for a share of a fixed number of rounds.
    """
    seed = os.environ.get("KILL_SEED", "7")
    killed = while_started = done = 0
    with ThreadPoolExecutor(max_workers=4) as pool:
        while done < rounds or (not enough(killed, while_started) and done < 4 * rounds):
            batch = range(done, done + (rounds if done == 0 else 4))
            for one_killed, one_started in pool.map(
                lambda n: _kill_one(*round_(n), env, f"{seed}-{n}"), batch
            ):
                killed += one_killed
                while_started += one_started
            done = batch.stop
    return killed, while_started


def _backup_command(target: Path, passfile: Path, url: str) -> list[str]:
    backup_args = ["backup", "-o", str(target), "--passphrase-file", str(passfile), "--db", url]
    return [sys.executable, "-m", "mzdesk", *backup_args]


def test_kill_during_encrypted_sqlite_backups_leaves_no_plaintext_copy(tmp_path: Path) -> None:
    db_path = _sqlite_world(tmp_path / "db")
    assert MARKER.encode() in db_path.read_bytes() + (
        db_path.with_name(db_path.name + "-wal").read_bytes()
        if db_path.with_name(db_path.name + "-wal").exists()
        else b""
    )
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    tmp.mkdir()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    url = f"sqlite:///{db_path}"
    env = _child_env(tmp)

    def round_(n: int) -> tuple[list[str], Started]:
        target = out / f"b{n:02d}.mzbackup"
        return _backup_command(target, passfile, url), _writes(target)

    def enough(killed: int, while_writing: int) -> bool:
        return killed >= ROUNDS // 2 and while_writing >= 1

    killed, while_writing = _kill_rounds(round_, env, ROUNDS, enough)
    assert enough(killed, while_writing), (killed, while_writing)
    database_files = {db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm"))}
    folders = [out, tmp, db_path.parent, db_path.parent / "backups"]
    markers = [MARKER.encode(), b"SQLite format 3"]
    assert _plaintext_in([f for f in folders if f.exists()], database_files, markers) == []
    # What a kill left is ciphertext only; a finished backup is complete and opens.
    for leftover in out.iterdir():
        assert sealed.is_sealed(leftover) or leftover.stat().st_size == 0, leftover.name
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def _pg_dumps_of(database_name: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"pg_dump" in argv and database_name.encode() in argv:
                pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
def test_kill_during_encrypted_pg_backups_leaves_no_plaintext_dump(
    postgres_url: str, tmp_path: Path
) -> None:
    import shutil

    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump (PostgreSQL client tools) not on PATH")
    db = Database(postgres_url, create=True)
    schema.upgrade(db)
    with db.session() as s:
        for n in range(2000):
            s.add(Person(file_number=f"MZ-P-{n:05d}", family_name=f"{MARKER}{n}", given_names="T"))
        s.commit()
    db.close()
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    tmp.mkdir()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    env = _child_env(tmp)

    def round_(n: int) -> tuple[list[str], Started]:
        target = out / f"p{n}.mzbackup"
        return _backup_command(target, passfile, postgres_url), _writes(target)

    assert _kill_rounds(round_, env, 6, lambda killed, _started: killed >= 1)[0] >= 1
    name = str(make_url(postgres_url).database)
    # An orphaned pg_dump of the old way wrote its plaintext file to the end: give every
    # orphan a generous while to finish (a new-style one dies at its first write into the
    # closed pipe), then stop what is left, so that the search below sees the final state.
    deadline = time.monotonic() + 120
    while _pg_dumps_of(name) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in _pg_dumps_of(name):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    markers = [MARKER.encode(), b"PGDMP"]
    assert _plaintext_in([out, tmp], set(), markers) == []
    for leftover in out.iterdir():
        assert sealed.is_sealed(leftover) or leftover.stat().st_size == 0, leftover.name


BIG = """
import sys
from mzdesk.core import backup
backup.IN_MEMORY_LIMIT = 0  # as for a database too big to seal from memory
from mzdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_kill_during_a_big_encrypted_backup_is_cleaned_up_by_the_next_command(
    tmp_path: Path,
) -> None:
    """A database too big for memory is sealed from a copy in a private temporary folder: a
    kill may leave that folder, and the next mzdesk command (any) removes it."""
    db_path = _sqlite_world(tmp_path / "db")
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    tmp.mkdir()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    url = f"sqlite:///{db_path}"
    env = _child_env(tmp)

    def staging(pid: int) -> bool:
        return any(tmp.glob(f"mzdesk-private-{pid}-*/snapshot.sqlite"))

    def round_(n: int) -> tuple[list[str], Started]:
        command = _backup_command(out / f"big{n}.mzbackup", passfile, url)
        return [sys.executable, "-c", BIG, *command[3:]], staging

    _killed, while_staging = _kill_rounds(round_, env, 6, lambda _killed, started: started >= 1)
    assert while_staging >= 1
    for leftover in out.iterdir():
        assert sealed.is_sealed(leftover) or leftover.stat().st_size == 0, leftover.name
    # What a killed one could not remove (unless a later one's start removed it already):
    # its private folder, 0700.
    left = list(tmp.glob("mzdesk-private-*"))
    assert all(stat.S_IMODE(folder.stat().st_mode) == 0o700 for folder in left)
    checked = subprocess.run(
        [sys.executable, "-m", "mzdesk", "db", "check", "--db", url],
        env=env,
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    markers = [MARKER.encode(), b"SQLite format 3"]
    assert _plaintext_in([out, tmp], set(), markers) == []
    assert list(tmp.iterdir()) == []
