"""``mzdesk db upgrade | check`` and bad input: exit codes, one line on stderr, nothing changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from mzdesk.cli import main
from mzdesk.core import schema
from mzdesk.core.database import Database

SECRET = "s3cret-Passw0rd"
CLOSED_PORT_URL = f"postgresql+psycopg://mzdesk:{SECRET}@127.0.0.1:1/mzdesk"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, out: str, err: str, *fragments: str) -> str:
    """Exit 1, nothing on stdout, exactly one line on stderr that names the reason."""
    assert code == 1, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mzdesk: ")
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def tree(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with a hash of its bytes (folders as "dir")."""
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        )
        for path in sorted(folder.rglob("*"))
    }


def make_database(url: str) -> None:
    db = Database(url, create=True)
    try:
        schema.upgrade(db)
    finally:
        db.close()


# --- read-only folders, also for root ----------------------------------------------------------


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    result = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    return result.returncode == 0


def _is_writable_by_us(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.touch()
    except OSError:
        return False
    probe.unlink()
    return True


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can write into: chattr +i (root too), else chmod 0o500 (not root).

    Root ignores file modes, so for root (CI) only the immutable flag makes a folder truly
    read-only; where the file system does not allow it the test is skipped, saying why.
    """
    folder = tmp_path / "read-only"
    folder.mkdir()
    yield folder  # the test fills it first, then calls lock(folder)
    _chattr("-i", folder)
    folder.chmod(0o700)


def lock(folder: Path) -> str:
    if _chattr("+i", folder) and not _is_writable_by_us(folder):
        return "chattr +i"
    _chattr("-i", folder)
    if os.geteuid() != 0:
        folder.chmod(0o500)
        if not _is_writable_by_us(folder):
            return "chmod 0o500"
    folder.chmod(0o700)
    pytest.skip("cannot make a read-only folder here: running as root and chattr +i is refused")


# --- the commands that work ------------------------------------------------------------------


def test_upgrade_then_check(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", database_url, "db", "upgrade")
    assert (code, err) == (0, "")
    head = schema.head_revision()
    assert out.strip() == f"database upgraded from schema empty to {head}"

    code, out, err = run(capsys, "db", "upgrade", "--db", database_url)
    assert (code, err) == (0, "")
    assert out.strip() == f"database already at schema {head}"

    code, out, err = run(capsys, "--db", database_url, "db", "check")
    assert (code, err) == (0, "")
    assert out.strip() == f"ok: schema {head}, integrity check passed"

    code, out, err = run(capsys, "--db", database_url, "db", "check", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"ok": True, "revision": head, "head": head, "problems": []}


def test_database_url_from_the_environment(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MZDESK_DATABASE_URL", sqlite_url)
    code, _out, err = run(capsys, "db", "upgrade")
    assert (code, err) == (0, "")
    db = Database(sqlite_url)
    try:
        assert schema.state(db) is schema.SchemaState.CURRENT
    finally:
        db.close()


def test_default_database_in_the_user_data_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "db", "upgrade")
    assert (code, err) == (0, "")
    # conftest points XDG_DATA_HOME at a temporary folder
    assert (Path(os.environ["XDG_DATA_HOME"]) / "mzdesk" / "mzdesk.sqlite").is_file()


def test_check_reports_a_broken_schema(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_persons_family_name"))
        connection.execute(text("DROP TABLE merge_conflicts"))
    url = database.url.render_as_string(hide_password=False)
    code, out, err = run(capsys, "--db", url, "db", "check")
    assert (code, err) == (1, "")
    problems = out.strip().splitlines()
    assert problems
    assert all(line.startswith("problem: ") for line in problems)
    assert any("ix_persons_family_name" in line for line in problems)
    assert any("merge_conflicts" in line for line in problems)

    code, out, err = run(capsys, "--db", url, "db", "check", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert len(report["problems"]) == len(problems)


def test_check_of_an_empty_database_is_not_ok(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Database(database_url, create=True).close()
    code, out, _err = run(capsys, "--db", database_url, "db", "check")
    assert code == 1
    assert "is empty" in out


# --- refusals: one line, exit 1, nothing changed --------------------------------------------


def test_database_from_a_newer_mzdesk_is_refused(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(database_url, create=True)
    schema.upgrade(db)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.close()
    before = tree(tmp_path)
    code, out, err = run(capsys, "--db", database_url, "db", "upgrade")
    assert_refused(code, out, err, "newer mzdesk", "9999_future", "not changed")
    code, out, err = run(capsys, "--db", database_url, "db", "check")
    assert code == 1
    assert "too_new" in out
    assert tree(tmp_path) == before  # SQLite: same bytes, no -wal/-shm left, no backup
    db = Database(database_url)
    try:
        assert schema.current_revision(db) == "9999_future"
    finally:
        db.close()


def test_postgres_that_does_not_answer(capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("upgrade", "check"):
        code, out, err = run(capsys, "--db", CLOSED_PORT_URL, "db", action)
        line = assert_refused(code, out, err, "cannot open database", "127.0.0.1:1")
        assert SECRET not in line
        assert "***" in line


def test_postgres_database_that_does_not_exist(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = make_url(postgres_url).set(database="mzdesk_no_such_database")
    url = missing.render_as_string(hide_password=False)
    for action in ("upgrade", "check"):
        code, out, err = run(capsys, "--db", url, "db", action)
        assert_refused(code, out, err, "cannot open database", "mzdesk_no_such_database")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Termine 2025\n" * 100, "not an mzdesk database"),
        (b"SQLite format 3\x00" + b"\xff" * 5000, "file is not a database"),  # damaged
    ],
    ids=["text", "damaged"],
)
@pytest.mark.parametrize("action", ["upgrade", "check"])
def test_file_that_is_not_a_database(
    action: str, content: bytes, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(content)
    before = tree(tmp_path)
    code, out, err = run(capsys, "--db", f"sqlite:///{notes}", "db", action)
    assert_refused(code, out, err, reason, str(notes))
    assert tree(tmp_path) == before  # same bytes, no -wal, no -shm


@pytest.mark.parametrize("action", ["upgrade", "check"])
def test_sqlite_database_of_another_program(
    action: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.close()
    before = tree(tmp_path)
    code, out, err = run(capsys, "--db", str(other), "db", action)
    if action == "upgrade":
        assert_refused(code, out, err, "not an mzdesk database", "not changed")
    else:
        assert code == 1
        assert "foreign" in out
    assert tree(tmp_path) == before


def test_folder_instead_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "folder.sqlite").mkdir()
    before = tree(tmp_path)
    code, out, err = run(capsys, "--db", str(tmp_path / "folder.sqlite"), "db", "upgrade")
    assert_refused(code, out, err, "is not a file")
    assert tree(tmp_path) == before


def test_new_database_in_a_read_only_folder(
    read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    how = lock(read_only_folder)
    target = read_only_folder / "new.sqlite"
    code, out, err = run(capsys, "--db", f"sqlite:///{target}", "db", "upgrade")
    assert_refused(code, out, err, "read-only", str(read_only_folder))
    assert list(read_only_folder.iterdir()) == [], how


@pytest.mark.parametrize("action", ["upgrade", "check"])
def test_existing_database_in_a_read_only_folder(
    action: str, read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = read_only_folder / "team.sqlite"
    make_database(f"sqlite:///{target}")
    before = tree(read_only_folder)
    how = lock(read_only_folder)
    code, out, err = run(capsys, "--db", f"sqlite:///{target}", "db", action)
    # SQLite in WAL mode must create -wal and -shm beside the file: refuse before trying.
    assert_refused(code, out, err, "read-only", str(target))
    assert tree(read_only_folder) == before, how


def test_check_of_a_file_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "sub" / "missing.sqlite"
    code, out, err = run(capsys, "--db", f"sqlite:///{missing}", "db", "check")
    assert_refused(code, out, err, "does not exist", str(missing))
    assert list(tmp_path.iterdir()) == []  # not even the folder


def test_upgrade_creates_the_folder_of_a_new_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "new" / "folder" / "mzdesk.sqlite"
    code, _out, err = run(capsys, "--db", str(target), "db", "upgrade")
    assert (code, err) == (0, "")
    assert target.is_file()


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        (f"postgresql+psycopg://mzdesk:{SECRET}@dbserver:port/mzdesk", "not a database URL"),
        (f"postgresql+psycopg://mzdesk:{SECRET}@[::1/mzdesk", "not a database URL"),
        ("sqlite:/typo.sqlite", "not a database URL"),
        ("://nothing", "not a database URL"),
        (f"nosuchdb://mzdesk:{SECRET}@host/db", "unsupported database URL"),
    ],
)
@pytest.mark.parametrize("action", ["upgrade", "check"])
def test_malformed_url(
    url: str,
    fragment: str,
    action: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--db", url, "db", action)
    line = assert_refused(code, out, err, fragment)
    assert SECRET not in line
    assert list(tmp_path.iterdir()) == []  # no folder "sqlite:" or file created


@pytest.mark.parametrize(
    "argv",
    [
        ["db"],
        ["db", "frobnicate"],
        ["--no-such-option", "db", "check"],
        ["db", "check", "--json", "extra"],
        ["no-such-command"],
        ["db", "upgrade", "--db"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "usage: mzdesk" in err
    assert "error:" in err


# --- the real process ------------------------------------------------------------------------


def mzdesk_process(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mzdesk", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )


def test_exit_codes_of_the_real_process(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite"
    result = mzdesk_process("--db", f"sqlite:///{missing}", "db", "check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"mzdesk: database file {missing} does not exist"]
    assert not missing.exists()

    result = mzdesk_process("--db", CLOSED_PORT_URL, "db", "upgrade", cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert SECRET not in result.stderr

    result = mzdesk_process("db", "frobnicate", cwd=tmp_path)
    assert result.returncode == 2
    assert "usage: mzdesk" in result.stderr

    created = tmp_path / "created.sqlite"
    result = mzdesk_process("--db", str(created), "db", "upgrade", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    result = mzdesk_process("--db", str(created), "db", "check", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("ok: schema ")
