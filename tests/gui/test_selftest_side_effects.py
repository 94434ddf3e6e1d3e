"""``mzdesk --selftest`` leaves no trace but its log: no database created or migrated, no
backup, no personal setting changed (newcomer walk F12)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from mzdesk.cli import main
from mzdesk.core import schema
from mzdesk.core.database import Database, default_database_path
from mzdesk.core.logs import log_directory
from mzdesk.core.services.audit_anchor import anchor_folder
from mzdesk.ui import settings as keys
from mzdesk.ui.settings import Settings

from .helpers import PersonsDb

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _home() -> Path:
    """The isolated user folders of this test (tests/conftest.py puts all four in one)."""
    homes = {Path(os.environ[name]).parent for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    assert len(homes) == 1
    return homes.pop()


def _tree(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        )
        for path in sorted(root.rglob("*"))
    }


def _changed_outside_the_log(
    before: dict[str, str], root: Path, *, audited: bool = False
) -> list[str]:
    """What the run created, changed or removed under ``root``, except the log folder (the
    selftest's result is logged, as every run's) — and, when it ``audited`` a look at a
    person's file, the audit trail's anchor (it follows the trail, see :func:`_dump`)."""
    after = _tree(root)
    allowed = [log_directory().relative_to(root)]
    if audited:
        allowed.append(anchor_folder().relative_to(root))
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    return sorted(
        name
        for name in changed
        if not any(  # the folder, what is in it, and its parents
            Path(name).is_relative_to(folder) or folder.is_relative_to(name) for folder in allowed
        )
    )


def _dump(path: Path) -> tuple[list[str], list[tuple[str, str, str | None]]]:
    """The database's rows, apart from the audit trail; and the audit trail's actions. The
    selftest looks at the first person's file (does the detail pane render?) and that look is
    audited like every other: the trail is the one thing in the database it may add to."""
    connection = sqlite3.connect(path)
    try:
        rows = [line for line in connection.iterdump() if '"audit_entries"' not in line]
        trail = connection.execute(
            "SELECT action, entity, user_id FROM audit_entries ORDER BY seq"
        ).fetchall()
        return rows, trail
    finally:
        connection.close()


def _beside(path: Path) -> list[str]:
    """The files beside a database (its write-ahead log comes and goes)."""
    return sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(("-wal", "-shm")))


def test_selftest_without_a_database_creates_none(capsys: pytest.CaptureFixture[str]) -> None:
    home = _home()
    before = _tree(home)
    assert main(["--selftest"]) == 0
    assert not default_database_path().exists()
    assert _changed_outside_the_log(before, home) == []
    out = capsys.readouterr().out
    assert "selftest passed" in out and "temporary" in out


def test_selftest_changes_no_database_backup_or_personal_setting(
    small_db: PersonsDb, capsys: pytest.CaptureFixture[str]
) -> None:
    personal = Settings()
    personal.set(keys.MAIN_AREA, "follow_ups")
    personal.sync()
    home = _home()
    before = _tree(home)
    path = Path(small_db.url.removeprefix("sqlite:///"))
    with Database(small_db.url) as database:
        assert database.installation_id  # as every database that was ever used has one
    (rows, trail), files = _dump(path), _beside(path)
    assert main(["--db", small_db.url, "--selftest"]) == 0
    assert "selftest passed" in capsys.readouterr().out
    assert _changed_outside_the_log(before, home, audited=True) == []  # settings unchanged
    assert Settings().text(keys.MAIN_AREA) == "follow_ups"
    assert _beside(path) == files  # no backups folder, no backup beside it
    rows_after, trail_after = _dump(path)
    assert rows_after == rows
    assert trail_after[: len(trail)] == trail
    assert trail_after[len(trail) :] == [("view", "person", None)]  # no "backup" entry


def test_selftest_neither_creates_nor_migrates_the_named_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _home()
    before = _tree(home)
    missing = tmp_path / "new.sqlite"
    assert main(["--db", f"sqlite:///{missing}", "--selftest"]) == 0
    assert sorted(tmp_path.iterdir()) == []
    assert "temporary" in capsys.readouterr().out
    old = tmp_path / "old.sqlite"
    with Database(f"sqlite:///{old}", create=True) as database:
        schema.upgrade(database, "0001_initial")
    rows = _dump(old)
    assert main(["--db", f"sqlite:///{old}", "--selftest"]) == 0
    assert _dump(old) == rows
    assert [p.name for p in tmp_path.iterdir()] == ["old.sqlite"]
    assert _changed_outside_the_log(before, home) == []
    out = capsys.readouterr().out
    assert "temporary" in out and "db upgrade" in out
