"""50 ``kill -9`` at random moments during intake, merge and backup writes.

After each kill: ``PRAGMA integrity_check`` (and the FTS5 index's own check) pass, every write
the worker acknowledged (printed after its commit) is there, every acknowledged backup is a
valid mzdesk database, no half-written backup carries a backup's name, and the audit chain
verifies. The next worker is started (and imports) while the current one runs, so the whole
test stays well under a minute.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from mzdesk.core import backup, schema
from mzdesk.core.database import Database
from mzdesk.core.models import Case, Person
from mzdesk.core.privacy.trail import verify_trail

KILLS = 50
WORKER = Path(__file__).with_name("crash_worker.py")
MODES = ("intake", "merge", "backup")


def _spawn(mode: str, path: Path, folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.Popen(
        [sys.executable, str(WORKER), mode, str(path), str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _check(path: Path, acks: list[list[str]]) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        connection.execute("INSERT INTO person_fts(person_fts) VALUES ('integrity-check')")
    finally:
        connection.close()
    with Database(f"sqlite:///{path}") as db, db.session() as s:
        intake = [uuid.UUID(a[1]) for a in acks if a[0] == "intake"]
        found = set(s.scalars(select(Person.id).where(Person.id.in_(intake))))
        assert found == set(intake)
        with_case = set(s.scalars(select(Case.person_id).where(Case.person_id.in_(intake))))
        assert with_case == set(intake)
        for ack in (a for a in acks if a[0] == "merge"):
            other = s.get(Person, uuid.UUID(ack[2]))
            assert other is not None and other.merged_into_id == uuid.UUID(ack[1])
        assert verify_trail(s).ok
    for ack in (a for a in acks if a[0] == "backup"):
        assert Path(ack[1]).is_file()  # verified below with every new file of the folder


def test_kill_minus_nine_never_loses_an_acknowledged_write(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    with Database(f"sqlite:///{path}", create=True) as db:
        schema.upgrade(db)
    rng = random.Random(20261126)
    total_acks = 0
    verified: set[Path] = set()
    worker = _spawn(MODES[0], path, folder)
    for kill in range(KILLS):
        assert worker.stdout is not None and worker.stdin is not None
        assert worker.stdout.readline().strip() == "ready", worker.stderr.read()  # type: ignore[union-attr]
        following = (
            _spawn(MODES[(kill + 1) % len(MODES)], path, folder) if kill + 1 < KILLS else None
        )
        worker.stdin.write("go\n")
        worker.stdin.flush()
        # The first acknowledged write (however long a loaded machine takes to get there),
        # then a random moment later the kill: it always hits a writer in the middle of work.
        first = worker.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(worker.pid, signal.SIGKILL)
        rest, _err = worker.communicate()
        out = first + rest
        assert worker.returncode == -signal.SIGKILL
        acks = [line.split() for line in out.splitlines() if line.strip()]
        total_acks += len(acks)
        _check(path, acks)
        for file in folder.iterdir():  # a file with a backup's name is a complete backup
            if ".partial" not in file.name and file not in verified:
                verified.add(file)
                assert file.suffix == ".sqlite", file.name
                backup.verify_candidate(file)
        if following is None:
            break
        worker = following
    assert total_acks >= KILLS  # every kill hit a writer that had acknowledged a write
