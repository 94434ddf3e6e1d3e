"""Logging to a rotating file in the platform's log folder. Never log personal data.

Log records carry ids, counts, durations and error types — never names, dates of birth,
addresses, notes or anything a person typed. ``PersonalDataFilter`` is the last line of
defence for record *arguments* that are model objects (their ``repr`` is just the id anyway).

The log folder is 0700 and every log file 0600 (:class:`PrivateRotatingFileHandler`, also for
the files a rotation starts; one written by an older mzdesk is tightened on start).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
from pathlib import Path

from mzdesk.core.files import open_private, private_dir, tighten

LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
MAX_BYTES = 2_000_000
BACKUPS = 5


def log_directory() -> Path:
    from platformdirs import user_log_path

    return user_log_path("mzdesk", appauthor=False)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are readable by their owner only."""

    def _open(self) -> io.TextIOWrapper:
        stream = open_private(Path(self.baseFilename), "a", encoding=self.encoding)
        assert isinstance(stream, io.TextIOWrapper)
        return stream


def setup_logging(level: int = logging.INFO, directory: Path | None = None) -> Path | None:
    """Attach a rotating file handler to the root logger; returns the log file (or None)."""
    directory = directory or log_directory()
    root = logging.getLogger()
    root.setLevel(level)
    try:
        private_dir(directory)
        path = directory / "mzdesk.log"
        for number in range(1, BACKUPS + 1):  # rotated files of an older mzdesk: 0644
            tighten(path.with_name(f"{path.name}.{number}"))
        handler = PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only home must not stop the program; stderr still has warnings
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    known = {getattr(h, "baseFilename", None) for h in root.handlers}
    if handler.baseFilename not in known:
        root.addHandler(handler)
    else:
        handler.close()
    for noisy in ("sqlalchemy", "alembic", "faker", "PIL"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
