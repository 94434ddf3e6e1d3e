"""The log file masks personal data of a known shape (``mzdesk.core.logs.PersonalDataFilter``).

Synthetic values only. The filter is the last line of defence: mzdesk's own log calls carry
ids, counts and types; these tests check what reaches the file when a value slips through.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mzdesk.core.logs import redact, setup_logging


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = setup_logging(directory=tmp_path / "log")
        assert path is not None
        yield path
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def _written(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_the_log_file_never_holds_a_phone_number_an_e_mail_address_or_a_date(
    log_file: Path,
) -> None:
    person = uuid.UUID("6f1c2a4e-0b7d-4c61-9a55-3e0d7b1c2f48")
    logging.getLogger("mzdesk.test").info(
        "person %s: phone %s, mail %s, born %s / %s",
        person,
        "0176 5550199",
        "olena.zubrowa@example.org",
        "24.11.1990",
        "1990-11-24",
    )
    logging.getLogger("a.library").warning("row (%r, %r)", "Zubrowa", "+49 30 5550123")
    text = _written(log_file)
    for value in ("5550199", "olena.zubrowa", "24.11.1990", "1990-11-24", "5550123"):
        assert value not in text
    assert str(person) in text  # ids stay: they are what support needs
    assert text.count("[phone]") == 2 and "[e-mail]" in text and text.count("[date]") == 2


def test_a_traceback_in_the_log_is_masked_too(log_file: Path) -> None:
    try:
        raise ValueError("duplicate key (email)=(olena.zubrowa@example.org)")
    except ValueError:
        logging.getLogger("mzdesk.test").exception("insert failed")
    text = _written(log_file)
    assert "insert failed" in text and "ValueError" in text and "Traceback" in text
    assert "olena.zubrowa@example.org" not in text and "[e-mail]" in text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("call 0176 5550199", "call [phone]"),
        ("call 0176/555-0199.", "call [phone]."),
        ("call +49 (0) 176 5550199", "call [phone]"),
        ("call 004917655501990", "call [phone]"),
        ("to ilka-z@mail.example.de now", "to [e-mail] now"),
        ("born 1.2.1990", "born [date]"),
        ("born 1990-02-01T00:00:00", "born [date]T00:00:00"),
    ],
)
def test_shapes_that_are_masked(text: str, masked: str) -> None:
    assert redact(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "person 00000000-0000-0000-0000-000000000000 and 0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
        "audit seq 12345678901234567 of 0123456789012345678",  # counts longer than a phone
        "took 0.01234567 s at 127.0.0.1:55500",
        "SQLAlchemy 2.1.9, schema 0012_audit_anchor, kit 3 of 12",
        "file MZ-2026-E3F9A1C, case 4f9c1d2e, errno 13",
    ],
)
def test_ids_counts_durations_and_versions_stay(text: str) -> None:
    assert redact(text) == text


def test_a_long_line_is_read_once_not_once_per_character() -> None:
    """The patterns are bounded: a 200,000-character run without an @ is no quadratic scan
    (unbounded, this took minutes — the suite's timeout would end it)."""
    long_run = "a" * 200_000
    assert redact(long_run) == long_run
    digits = "0 " * 50_000
    assert redact(digits) == digits
