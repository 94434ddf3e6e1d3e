"""Small-cell suppression: primary cells, and secondary cells only where a sum would reveal one.

The property tests check the result against a reader who knows the rules and solves the
table by brute force (every assignment of the hidden cells that fits the shown cells and
the sums): no "<3" cell may have only one possible value, and no cell of 3 or more is "<3".
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mzdesk.core.stats.report import Column, Table, suppress
from mzdesk.core.stats.suppression import (
    Equation,
    Position,
    Suppressed,
    bounds,
    suppression_mask,
)


def column_sums(grid: Sequence[Sequence[int]]) -> list[Equation]:
    """The last row is the sum of the rows above, column by column."""
    last = len(grid) - 1
    return [Equation((last, c), tuple((r, c) for r in range(last))) for c in range(len(grid[0]))]


def row_sums(grid: Sequence[Sequence[int]]) -> list[Equation]:
    """The last column is the sum of the columns before it, row by row."""
    last = len(grid[0]) - 1
    return [Equation((r, last), tuple((r, c) for c in range(last))) for r in range(len(grid))]


def solutions_of(
    values: Mapping[Position, int],
    equations: Sequence[Equation],
    mask: Mapping[Position, bool],
    threshold: int,
) -> dict[Position, set[int]]:
    """Every value each hidden cell can take, by brute force over all consistent tables.

    A "<t" cell is 1 … t-1, an "x" cell any count ≥ 0 — bounded here by the (sound) interval
    propagation, which never cuts off a consistent table.
    """
    known = bounds(values, equations, mask, threshold)
    hidden = sorted(p for p in mask if p in known)
    ranges = []
    for p in hidden:
        low, high = known[p]
        assert high != float("inf"), f"{p} unbounded: cannot enumerate"
        ranges.append(range(int(low), int(high) + 1))
    possible: dict[Position, set[int]] = {p: set() for p in hidden}
    for choice in itertools.product(*ranges):
        full = dict(values)
        full.update(zip(hidden, choice, strict=True))
        if all(full[e.total] == sum(full[p] for p in e.parts) for e in equations):
            for p, v in zip(hidden, choice, strict=True):
                possible[p].add(v)
    return possible


def assert_protected(
    grid: Sequence[Sequence[int]], equations: Sequence[Equation], mask: Mapping[Position, bool]
) -> None:
    values = {(r, c): v for r, row in enumerate(grid) for c, v in enumerate(row)}
    for p, primary in mask.items():
        if primary:
            assert 0 < values[p] < 3, f"{values[p]} at {p} labelled <3"
    for p, v in values.items():
        if 0 < v < 3:
            assert p in mask, f"small {v} at {p} shown"
    possible = solutions_of(values, equations, mask, 3)
    for p, primary in mask.items():
        if primary and p in possible:
            assert len(possible[p]) > 1, f"<3 at {p} is {possible[p]}: worked out from the sums"


# --- defect 8 of the counsellor walk: a 27 became "<3" -----------------------------------------


def test_a_large_cell_hidden_to_protect_a_small_one_is_not_labelled_small() -> None:
    # Nach Rechtskreis as the walk saw it: AsylbLG Arbeit 27, Ausbildung 2; Summe row below.
    grid = [
        [40, 27, 2],  # AsylbLG: Gesamt, Arbeit, Ausbildung
        [60, 30, 10],
        [100, 57, 12],  # Summe
    ]
    equations = column_sums(grid)
    mask = suppression_mask(grid, 3, equations, margins={(2, 0), (2, 1), (2, 2)})
    assert mask[(0, 2)] is True  # the 2
    # Only the Ausbildung column reveals it (12 - 10): the 10 is hidden, as "x", not "<3".
    assert mask == {(0, 2): True, (1, 2): False}
    assert str(Suppressed(3, True)) == "<3"
    assert str(Suppressed(3, False)) == "x"
    assert_protected(grid, equations, mask)


def test_hidden_cells_stay_inside_the_table_before_its_sums() -> None:
    grid = [[2, 10], [7, 5], [9, 15]]  # last row: sums
    equations = column_sums(grid)
    mask = suppression_mask(grid, 3, equations, margins={(2, 0), (2, 1)})
    assert mask == {(0, 0): True, (1, 0): False}  # 7 hidden (x), the sum 9 shown


def test_the_smallest_count_that_protects_is_hidden() -> None:
    grid = [[2], [5], [9], [16]]  # 16 - 5 - 9 = 2: hiding the 5 is enough, and it is smallest
    mask = suppression_mask(grid, 3, column_sums(grid), margins={(3, 0)})
    assert mask == {(0, 0): True, (1, 0): False}


def test_five_small_cells_of_a_shown_sum_are_each_worked_out() -> None:
    # Five "<3" cells summing to 5 are each 1: the sum is hidden (nothing else can be).
    grid = [[1], [1], [1], [1], [1], [5]]
    equations = column_sums(grid)
    mask = suppression_mask(grid, 3, equations, margins={(5, 0)})
    assert mask == {**{(r, 0): True for r in range(5)}, (5, 0): False}
    assert_protected(grid, equations, mask)


def test_a_small_sum_of_small_cells_is_shown_as_x() -> None:
    # 1 + 1 = 2: with the sum as "<3" both ones follow; as "x" (some count) they do not.
    grid = [[1], [1], [0], [2]]
    equations = column_sums(grid)
    mask = suppression_mask(grid, 3, equations, margins={(3, 0)})
    assert mask == {(0, 0): True, (1, 0): True, (3, 0): False}
    assert_protected(grid, equations, mask)


def test_rows_and_columns_together() -> None:
    # Row and column sums: hiding 2 and 10 in row 0 still leaves column 0 revealing the 2.
    grid = [
        [2, 10, 12],
        [7, 5, 12],
        [9, 15, 24],
    ]
    equations = column_sums(grid) + row_sums(grid)
    margins = {e.total for e in equations}
    mask = suppression_mask(grid, 3, equations, margins=margins)
    assert mask == {(0, 0): True, (0, 1): False, (1, 0): False, (1, 1): False}
    assert_protected(grid, equations, mask)


def test_nothing_hidden_without_a_small_cell_and_zeros_shown() -> None:
    grid = [[0, 5], [7, 0], [7, 5]]
    assert suppression_mask(grid, 3, column_sums(grid)) == {}
    assert suppression_mask([[1, 2]], 0) == {}
    assert suppression_mask([[1, 2]], 1) == {}


def test_text_and_none_cells_take_no_part() -> None:
    assert suppression_mask([[None, 1, None, 8]], 3) == {(0, 1): True}


def test_forced_cells_are_x() -> None:
    grid = [[5], [7], [12]]
    assert suppression_mask(grid, 3, column_sums(grid), forced={(2, 0)}) == {(2, 0): False}


_cell = st.integers(0, 6)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 3).flatmap(
        lambda width: st.lists(
            st.lists(_cell, min_size=width, max_size=width), min_size=1, max_size=3
        )
    ),
    st.booleans(),
)
def test_no_hidden_small_cell_can_be_worked_out(
    inner: list[list[int]], with_row_sums: bool
) -> None:
    # A table with a Summe row (and, if drawn, a Gesamt column): the shape of every export.
    grid = [[*row, sum(row)] if with_row_sums else list(row) for row in inner]
    grid.append([sum(column) for column in zip(*grid, strict=True)])
    equations = column_sums(grid) + (row_sums(grid) if with_row_sums else [])
    margins = {e.total for e in equations}
    mask = suppression_mask(grid, 3, equations, margins=margins)
    assert_protected(grid, equations, mask)
    # Only as needed: showing any one "x" again would reveal a small cell.
    values = {(r, c): v for r, row in enumerate(grid) for c, v in enumerate(row)}
    for p, primary in mask.items():
        if primary:
            continue
        fewer = dict(mask)
        if 0 < values[p] < 3:
            fewer[p] = True
        else:
            del fewer[p]
        possible = solutions_of(values, equations, fewer, 3)
        assert any(len(possible[q]) == 1 for q, prim in fewer.items() if prim and q in possible), (
            f"x at {p} was not needed"
        )


def test_table_suppression_hides_dependent_median() -> None:
    table = Table(
        "t",
        "T",
        "T",
        (
            Column("label", "Art", "text"),
            Column("when", "Datum", "date"),
            Column("n", "Anzahl"),
            Column("m", "Median", "days", depends_on="n"),
        ),
        rows=[["A", date(2025, 1, 1), 1, 4.0], ["B", None, 10, 6.0], ["Summe", None, 11, 5.0]],
    )
    result = suppress(table, 3)
    assert result.rows[0][2] == Suppressed(3, True)
    assert str(result.rows[0][2]) == "<3"
    assert result.rows[0][3] == "."
    assert result.rows[1][2] == Suppressed(3, False)  # 11 - 10 would reveal the 1
    assert str(result.rows[1][2]) == "x"
    assert result.rows[2][2] == 11
    assert result.suppressed == 2
    assert table.rows[0][2] == 1  # the original is untouched
