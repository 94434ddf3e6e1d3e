"""Writing a file the user chose (an export, a list): all of it or nothing."""

from __future__ import annotations

import os
from pathlib import Path

PARTIAL_SUFFIX = ".partial"


def write_file(path: Path, data: bytes) -> None:
    """``data`` into ``path``: written beside it first, then renamed, so a failure midway (a
    full disk) leaves neither a half-written export nor a changed earlier file. An OSError
    names ``path`` (the file the user chose), not the file beside it."""
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    try:
        try:
            with partial.open("wb") as handle:
                handle.write(data)
            partial.replace(path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from exc
