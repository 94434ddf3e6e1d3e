"""Files that mzdesk writes are readable by their owner only: 0600, folders 0700.

They hold social data (§ 35 SGB I): a database, a backup, an export, a letter or a log must
not be readable by the other accounts of a shared computer. Two layers, so that a writer that
forgets one is still covered by the other:

* :func:`owner_only` sets the process umask to ``0o077`` while a command or the GUI runs
  (``mzdesk.cli.main`` and the GUI start wrap their work in it): whatever creates a file —
  SQLite with its ``-wal`` and ``-shm``, reportlab, openpyxl, Qt — creates it 0600, a folder 0700;
* the core's own writers use :func:`write_private` (atomic: complete or absent),
  :func:`open_private`, :func:`create_private` (an empty file before a library opens it: SQLite
  gives its ``-wal``, ``-shm`` and journal the database file's mode) and :func:`private_dir`,
  which hold without the umask too (the core used as a library, tests).

A file that mzdesk replaces gets 0600 even if the old one was wider. Files and folders that
exist and that mzdesk does not write (a user's folder for ``-o``) keep their mode. On Windows
the mode bits mean little: files in the user profile are private by its ACL.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PRIVATE_UMASK = 0o077
TEMP_PREFIX = "mzdesk-private-"
STALE_TEMP_S = 24 * 3600  # where no process can be asked: a folder this old is stale


@contextlib.contextmanager
def owner_only() -> Iterator[None]:
    """While inside: every file and folder this process creates is its owner's only."""
    previous = os.umask(PRIVATE_UMASK)
    os.umask(previous | PRIVATE_UMASK)  # a stricter umask of the user stays
    try:
        yield
    finally:
        os.umask(previous)


def _chmod(path: Path | int, mode: int) -> None:
    if os.name != "posix":
        return
    if isinstance(path, int):
        os.fchmod(path, mode)
    else:
        path.chmod(mode)


def private_dir(path: Path) -> Path:
    """Create ``path`` and its missing parents with mode 0700 (existing folders are kept)."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue  # made by someone else meanwhile
        _chmod(folder, PRIVATE_DIR)
    if not path.is_dir():
        raise NotADirectoryError(20, "Not a directory", str(path))
    return path


def create_private(path: Path) -> bool:
    """Create ``path`` as an empty 0600 file unless it exists; True if this call created it."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    try:
        _chmod(handle, PRIVATE_FILE)
    finally:
        os.close(handle)
    return True


def tighten(path: Path) -> None:
    """Make an existing file that mzdesk owns 0600 (e.g. a log written by an older version)."""
    with contextlib.suppress(OSError):
        if path.is_file():
            _chmod(path, PRIVATE_FILE)


_FLAGS = {
    "w": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
    "a": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
}


def open_private(path: Path, mode: str = "wb", *, encoding: str | None = None) -> IO[Any]:
    """``open(path, mode)`` for writing ("w", "wb", "a", "ab"): the file is (made) 0600."""
    flags = _FLAGS[mode[0]] | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags, PRIVATE_FILE)
    try:
        _chmod(handle, PRIVATE_FILE)
        return os.fdopen(handle, mode, encoding=encoding)
    except BaseException:
        os.close(handle)
        raise


@contextlib.contextmanager
def atomic_private(path: Path) -> Iterator[IO[bytes]]:
    """A binary handle whose content becomes ``path`` (0600) only when the block ends normally.

    It writes a hidden temporary file beside ``path`` (so the rename stays in one file system),
    flushes it to disk and renames it over ``path``; on an error the temporary file is removed
    and ``path`` is untouched.
    """
    if path.is_symlink():  # replace the file it points to, not the link
        path = path.resolve()
    if path.exists() and not path.is_file():  # a device or pipe (-o /dev/stdout): as it is
        with path.open("wb") as stream:
            yield stream
        return
    if path.exists() and not os.access(path, os.W_OK):  # a read-only file stays as it is
        raise PermissionError(13, "Permission denied", str(path))
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            _chmod(stream.fileno(), PRIVATE_FILE)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by its owner only."""
    with atomic_private(path) as stream:
        stream.write(data)


def private_temp_dir() -> tempfile.TemporaryDirectory[str]:
    """A temporary folder (0700) for a secret a child process must read (a password file);
    removed when the block ends — or, after a ``kill -9``, by :func:`remove_stale_temp`."""
    return tempfile.TemporaryDirectory(
        prefix=f"{TEMP_PREFIX}{os.getpid()}-", ignore_cleanup_errors=True
    )


def _alive(pid: int, made: float) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill would end the process there
        return time.time() - made < STALE_TEMP_S
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temp() -> int:
    """Remove this user's :func:`private_temp_dir` folders whose process is gone (killed
    before it could clean up); run at the start of every command and of the GUI."""
    removed = 0
    try:
        candidates = list(Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"))
    except OSError:
        return 0
    for folder in candidates:
        try:
            info = folder.lstat()
            pid = int(folder.name[len(TEMP_PREFIX) :].split("-", 1)[0])
        except (OSError, ValueError):
            continue
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not folder.is_dir() or folder.is_symlink() or not mine:
            continue
        if not _alive(pid, info.st_mtime):
            shutil.rmtree(folder, ignore_errors=True)
            removed += not folder.exists()
    return removed


def write_file(path: Path, data: bytes) -> None:
    """A file the user chose (an export, a list): all of it or nothing, owner-only
    (:func:`write_private`); an OSError names ``path``, not the temporary file beside it."""
    try:
        write_private(path, data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from exc
