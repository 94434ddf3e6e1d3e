"""Logging to a rotating file in the platform's log folder. Never log personal data.

Log records carry ids, counts, durations and error types — never names, dates of birth,
addresses, notes or anything a person typed: that is kept by how the code logs, and reviewed.
:class:`PersonalDataFilter`, on the log file's handler, is a last line of defence for the
shapes of personal data that a pattern can tell safely — e-mail addresses, phone numbers and
dates (a date of birth looks like any date; mzdesk's own records carry none, so every date is
masked) — in the message, its arguments, a traceback's text and third-party libraries' records.
A name or a note has no shape: no filter can find it, and none pretends to.

The log folder is 0700 and every log file 0600 (:class:`PrivateRotatingFileHandler`, also for
the files a rotation starts; one written by an older mzdesk is tightened on start).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import re
from pathlib import Path

from mzdesk.core.files import open_private, private_dir, tighten

LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
MAX_BYTES = 2_000_000
BACKUPS = 5


def log_directory() -> Path:
    from platformdirs import user_log_path

    return user_log_path("mzdesk", appauthor=False)


# user@example.org — the domain needs a dot; ``@`` in a path or a version pin has none after it.
# Bounded parts (RFC 5321: 64 characters before the @, 63 a label): linear on any long line.
_EMAIL = re.compile(r"[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# +49 176 5550199, 0176/555-0199, 0049 …: a leading + or 0, digits with spaces, / or -, not
# inside a word, an id or a number with a decimal point (checked for 8–15 digits below)
_PHONE = re.compile(r"(?<![\w.+-])(?:\+|0)\d(?:[ /-]?\(?\d\)?){6,15}(?![\w-])")
# 24.11.1990, 1.2.1990, 1990-11-24 (also inside a timestamp: 1990-11-24T10:00)
_DATE = re.compile(
    r"(?<![\w.-])(?:\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?![\w-])|(?:19|20)\d{2}-[01]\d-[0-3]\d)"
    r"(?![\d.-]?\d)"
)
_PHONE_DIGITS = range(8, 16)  # E.164 numbers have at most 15 digits; an id or a count is longer


def _phone(match: re.Match[str]) -> str:
    digits = sum(char.isdigit() for char in match.group())
    return "[phone]" if digits in _PHONE_DIGITS else match.group()


def redact(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers and dates replaced by a placeholder."""
    text = _EMAIL.sub("[e-mail]", text)
    text = _DATE.sub("[date]", text)
    return _PHONE.sub(_phone, text)


class PersonalDataFilter(logging.Filter):
    """Masks personal data of a known shape (:func:`redact`) in every record it passes.

    The message is formatted with its arguments first (an argument is where a value would
    be), and a traceback's text is formatted and masked too; the record then goes on with the
    masked text and no arguments. Never drops a record.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


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
    handler.addFilter(PersonalDataFilter())
    known = {getattr(h, "baseFilename", None) for h in root.handlers}
    if handler.baseFilename not in known:
        root.addHandler(handler)
    else:
        handler.close()
    for noisy in ("sqlalchemy", "alembic", "faker", "PIL"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
