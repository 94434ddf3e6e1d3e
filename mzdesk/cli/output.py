"""How the list commands print: all rows as JSON, or one line per row and the count."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from mzdesk.cli.common import print_json

Row = TypeVar("Row")


def print_rows(
    rows: Sequence[Row],
    line: Callable[[Row], str],
    *,
    as_json: bool,
    data: Callable[[Row], Any] | None = None,
    noun: str | None = None,
) -> int:
    """``--json``: the rows (each through ``data`` if given) as one JSON list; else ``line``
    of each row, then "N noun(s)" on stderr when ``noun`` is given. Returns the exit code 0."""
    if as_json:
        print_json([data(row) for row in rows] if data else list(rows))
        return 0
    for row in rows:
        print(line(row))
    if noun:
        print(f"{len(rows)} {noun}(s)", file=sys.stderr)
    return 0
