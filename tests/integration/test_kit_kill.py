"""``kill -9`` of a process in the middle of a kit merge leaves the office database as it was.

A child process merges a big returned kit (1,500 new attendees with contacts) into a SQLite
office database; it is killed after a random delay while the merge runs. The office database
is then opened again: the same rows, byte for byte, and an intact file. The same kit then
merges completely.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

from mzdesk.core.database import Database
from mzdesk.core.kits import crypto, export_kit, merge_kit, open_kit, return_kit
from tests.integration.kit_world import build_office, contact, dump, register_attendee

PASS = "kill-test"
NEWCOMERS = 1500
CHILD = """
import sys
from pathlib import Path
from mzdesk.core.database import Database
from mzdesk.core.kits import merge_kit
data = Path(sys.argv[2]).read_bytes()
with Database(sys.argv[1]) as database, database.session() as session:
    print("merging", flush=True)
    merge_kit(session, data, sys.argv[3])
    session.flush()
    sys.stdin.readline()  # the parent kills before it says "commit": never a finished merge
    session.commit()
print("done", flush=True)
"""


def _big_return(tmp_path: Path) -> tuple[str, Path]:
    office = f"sqlite:///{tmp_path / 'office.sqlite'}"
    world = build_office(office, attendees=5, others=20)
    with Database(office) as database, database.session() as session:
        kit = export_kit(session, world.event_id, PASS, log_n=crypto.MIN_LOG_N)
    laptop = f"sqlite:///{tmp_path / 'laptop.sqlite'}"
    open_kit(kit, PASS, laptop)
    with Database(laptop) as database, database.session() as session:
        for n in range(NEWCOMERS):
            _person_id, attendance_id = register_attendee(
                session,
                world.event_id,
                10_000 + n,
                f"Gast{n}",
                "Messe",
                date(1980 + n % 30, 1 + n % 12, 1 + n % 28),
            )
            contact(session, world.event_id, attendance_id, world.employers[n % 3])
        back = return_kit(session, world.event_id, PASS, log_n=crypto.MIN_LOG_N)
        session.commit()
    path = tmp_path / "back.mzkit"
    path.write_bytes(back)
    return office, path


def _child(office: str, kit: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, office, str(kit), PASS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def _merge_seconds(office: str, kit: Path, tmp_path: Path) -> float:
    """How long a merge takes here (on a copy), to kill within it."""
    source = Path(office.removeprefix("sqlite:///"))
    copy = tmp_path / "timing.sqlite"
    shutil.copyfile(source, copy)
    for suffix in ("-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{copy}{suffix}")
    with Database(f"sqlite:///{copy}") as database, database.session() as session:
        start = time.perf_counter()
        merge_kit(session, kit.read_bytes(), PASS)
        session.flush()
        return time.perf_counter() - start


def test_kill_during_merge_leaves_the_office_database_as_it_was(tmp_path: Path) -> None:
    office, kit = _big_return(tmp_path)
    before = dump(office)
    duration = _merge_seconds(office, kit, tmp_path)
    rng = random.Random(os.environ.get("KIT_KILL_SEED", "5"))
    killed = 0
    for _attempt in range(4):
        child = _child(office, kit)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "merging"
        time.sleep(rng.uniform(0.1, 0.8) * duration)
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            killed += 1
        _out, err = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL, err
        assert dump(office) == before
        with Database(office) as database, database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert killed == 4
    # The same kit merges completely afterwards.
    with Database(office) as database, database.session() as session:
        report = merge_kit(session, kit.read_bytes(), PASS)
        session.commit()
    assert report.inserted == NEWCOMERS * 5 and not report.already_merged
