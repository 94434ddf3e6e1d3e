"""The owner-only file helpers (mzdesk.core.files): modes, atomicity, the stale-folder sweep."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mzdesk.core import files

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_write_private_is_0600_and_replaces_a_wider_file(tmp_path: Path) -> None:
    target = tmp_path / "export.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    files.write_private(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.pdf"]  # no temporary left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "list.pdf"
    target.write_bytes(b"complete")
    with pytest.raises(RuntimeError), files.atomic_private(target) as stream:
        stream.write(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"complete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.pdf"]


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write any file")
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"keep")
    target.chmod(0o400)
    with pytest.raises(PermissionError):
        files.write_private(target, b"other")
    assert target.read_bytes() == b"keep"


def test_open_private_tightens_and_appends(tmp_path: Path) -> None:
    log = tmp_path / "mzdesk.log"
    log.write_text("first\n")
    log.chmod(0o644)
    with files.open_private(log, "a", encoding="utf-8") as stream:
        stream.write("second\n")
    assert log.read_text() == "first\nsecond\n" and mode(log) == 0o600


def test_private_dir_makes_missing_folders_0700_and_keeps_existing_ones(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir(mode=0o755)
    made = files.private_dir(tmp_path / "shared" / "a" / "b")
    assert made.is_dir()
    assert mode(tmp_path / "shared") == 0o755
    assert mode(tmp_path / "shared" / "a") == 0o700 and mode(made) == 0o700
    assert files.private_dir(made) == made  # existing: fine


def test_create_private_makes_an_empty_0600_file_once(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    assert files.create_private(path) and mode(path) == 0o600 and path.stat().st_size == 0
    path.write_bytes(b"data")
    assert not files.create_private(path) and path.read_bytes() == b"data"


def test_owner_only_sets_the_umask_and_restores_it(tmp_path: Path) -> None:
    with files.owner_only():
        (tmp_path / "by-a-library.txt").write_text("x")  # a writer that knows nothing of modes
        (tmp_path / "folder").mkdir()
    assert mode(tmp_path / "by-a-library.txt") == 0o600 and mode(tmp_path / "folder") == 0o700
    (tmp_path / "after.txt").write_text("x")
    assert mode(tmp_path / "after.txt") == 0o644


def test_stale_private_temp_folders_of_dead_processes_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(finished.stdout)
    stale = tmp_path / f"{files.TEMP_PREFIX}{dead_pid}-abcd"
    stale.mkdir(mode=0o700)
    (stale / "pgpass").write_text("*:*:*:*:secret\n")
    with files.private_temp_dir() as live:
        assert mode(Path(live)) == 0o700
        other = tmp_path / "mzdesk-bench-xyz"  # not ours to remove
        other.mkdir()
        assert files.remove_stale_temp() == 1
        assert not stale.exists() and Path(live).exists() and other.exists()
    assert not Path(live).exists()


def test_a_link_is_followed_and_a_pipe_written_as_it_is(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    files.write_private(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new" and mode(real) == 0o600
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    files.write_private(fifo, b"through the pipe")
    assert reader.communicate(timeout=30)[0] == b"through the pipe"
