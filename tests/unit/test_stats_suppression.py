"""Small-cell suppression: primary cells and the secondary cells that protect them."""

from __future__ import annotations

from datetime import date

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
