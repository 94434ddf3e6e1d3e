"""Small-cell suppression: primary cells and the secondary cells that protect them."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from mzdesk.core.stats.report import Column, Table, suppress
from mzdesk.core.stats.suppression import Suppressed, suppression_mask


def test_primary_only_when_each_line_already_has_two() -> None:
    grid = [[1, 2, 3], [2, 1, 3]]  # every row and column has two small cells or none
    mask = suppression_mask(grid, 3)
    assert set(mask) == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert all(mask.values())  # all primary


def test_secondary_cell_in_row_and_column() -> None:
    # Row totals in the last column; one small cell (2) would be 12 - 10 = 2 by subtraction.
    grid = [
        [2, 10, 12],
        [7, 5, 12],
        [9, 15, 24],
    ]
    mask = suppression_mask(grid, 3)
    assert mask[(0, 0)] is True
    # Row 0: the smallest other cell is 10 (col 1) -> secondary.
    assert mask[(0, 1)] is False
    # Column 0 then has one hidden cell: the smallest other is 7 (row 1).
    assert mask[(1, 0)] is False
    # Every row and column now has none or at least two hidden cells.
    for r in range(3):
        assert sum((r, c) in mask for c in range(3)) != 1
    for c in range(3):
        assert sum((r, c) in mask for r in range(3)) != 1


def _lines(grid: list[list[int]]) -> list[list[tuple[int, int]]]:
    rows = [[(r, c) for c in range(len(grid[r]))] for r in range(len(grid))]
    columns = [[(r, c) for r in range(len(grid))] for c in range(len(grid[0]))]
    return rows + columns


def _revealing(grid: list[list[int]], mask: dict[tuple[int, int], bool]) -> list[object]:
    """Lines with exactly one hidden count (a total would give it away) although another
    count of the line could have been hidden with it."""
    return [
        line
        for line in _lines(grid)
        if sum(p in mask for p in line) == 1 and any(p not in mask for p in line)
    ]


def test_secondary_suppression_goes_on_until_no_line_reveals_a_cell() -> None:
    # Row 0 hides 1 and then 10; column 0 then hides 30 (row 1) and column 1 hides 40
    # (row 2): now rows 1 and 2 each show all but one cell, so a second pass must go on.
    grid = [
        [1, 10, 20],
        [30, 70, 50],
        [60, 40, 80],
    ]
    mask = suppression_mask(grid, 3)
    assert _revealing(grid, mask) == []
    assert {p for p, primary in mask.items() if primary} == {(0, 0)}
    assert {(1, 0), (2, 1), (1, 2), (2, 0)} <= set(mask)


@given(
    st.integers(1, 5).flatmap(
        lambda width: st.lists(
            st.lists(st.integers(0, 40), min_size=width, max_size=width), min_size=1, max_size=5
        )
    )
)
def test_no_line_ever_reveals_a_single_hidden_cell(grid: list[list[int]]) -> None:
    mask = suppression_mask(grid, 3)
    assert _revealing(grid, mask) == []
    assert {p for p, primary in mask.items() if primary} == {
        (r, c) for r, row in enumerate(grid) for c, value in enumerate(row) if 0 < value < 3
    }


def test_zeros_are_not_suppressed_and_threshold_off() -> None:
    assert suppression_mask([[0, 0], [0, 5]], 3) == {}
    assert suppression_mask([[1, 2]], 0) == {}
    assert suppression_mask([[1, 2]], 1) == {}


def test_text_and_none_cells_take_no_part() -> None:
    assert set(suppression_mask([[None, 1, None, 8]], 3)) == {(0, 1), (0, 3)}


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
    assert result.rows[1][2] == Suppressed(3, False)  # secondary: column would reveal it
    assert result.rows[2][2] == 11
    assert result.suppressed == 2
    assert table.rows[0][2] == 1  # the original is untouched
