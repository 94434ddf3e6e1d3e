"""Small-cell suppression for figures that leave the team.

Primary: a count ``0 < n < threshold`` is shown as ``"<threshold"`` (zero is shown: it names
nobody). Secondary: a row or column with exactly one suppressed cell would give that cell away
by subtraction from the total (every table carries its sums), so the smallest other cell of
that row or column is suppressed too — repeated until every row and column of count cells has
none or at least two suppressed cells. Only count columns take part; a median whose count of
underlying cases is suppressed is hidden as well (shown as ``"."``, "secret" in German
official statistics).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Position = tuple[int, int]

DEFAULT_THRESHOLD = 3
HIDDEN_VALUE = "."


@dataclass(frozen=True)
class Suppressed:
    """A suppressed count; ``str()`` is what exports show."""

    threshold: int
    primary: bool

    def __str__(self) -> str:
        return f"<{self.threshold}"


def suppression_mask(
    values: Sequence[Sequence[int | None]], threshold: int
) -> dict[Position, bool]:
    """Positions to suppress → True for primary, False for secondary cells.

    ``values`` is the table's grid of counts (None where a cell is not a count).
    """
    mask: dict[Position, bool] = {}
    if threshold <= 1:
        return mask
    cells = {
        (r, c): int(value)
        for r, row in enumerate(values)
        for c, value in enumerate(row)
        if value is not None
    }
    for position, value in cells.items():
        if 0 < value < threshold:
            mask[position] = True
    lines: list[list[Position]] = []
    row_count = len(values)
    col_count = max((len(row) for row in values), default=0)
    for r in range(row_count):
        lines.append([(r, c) for c in range(col_count) if (r, c) in cells])
    for c in range(col_count):
        lines.append([(r, c) for r in range(row_count) if (r, c) in cells])
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [p for p in line if p in mask]
            if len(hidden) != 1:
                continue
            candidates = [p for p in line if p not in mask]
            if not candidates:
                continue
            chosen = min(candidates, key=lambda p: (cells[p], p))
            mask[chosen] = False
            changed = True
    return mask
