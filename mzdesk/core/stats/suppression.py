"""Small-cell suppression for figures that leave the team.

*Primary*: a count ``0 < n < threshold`` is shown as ``"<threshold"`` ("<3": one or two;
zero is shown, it names nobody). *Secondary*: other cells are hidden only where the table's
sums would otherwise let a reader work a primary cell out; they are shown as ``"x"``
(:data:`SECONDARY_LABEL`, "hidden, value not given"), never as ``"<3"`` — a 27 hidden to
protect a 2 is not "fewer than three".

What a reader can work out is modelled exactly as a reader would: the table's shown cells, its
*equations* (a Summe row is the sum of the rows above; a Gesamt column the sum of its parts —
only where that holds), a ``"<3"`` cell lies in ``1 … threshold-1``, an ``"x"`` cell is some
count ``≥ 0``. A primary cell is *revealed* when these pin it to one value: by bounds (five
``"<3"`` cells summing to a shown 5 are each 1; two summing to a shown 4 are each 2) or by
linear algebra (a row and a column sum together). :func:`revealed` decides it (interval
propagation over all equations, then a rank test over the hidden cells); the algorithm hides
one more cell per revealed primary cell — the smallest count of one of its equations, cells
inside the table before its sums — and checks again, until nothing is revealed. Where nothing
else is left to hide, a hidden sum of one or two is shown as ``"x"`` instead of ``"<3"`` (it
is then "some number", which no longer pins its parts).

A median whose count of underlying cases is hidden is hidden as well (shown as ``"."``,
"secret" in German official statistics).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

Position = tuple[int, int]

DEFAULT_THRESHOLD = 3
HIDDEN_VALUE = "."
SECONDARY_LABEL = "x"
_TRIALS = 40  # candidates tried for one revealed cell before simply hiding the best
_PRIME = 2**61 - 1
_MAX_ROUNDS = 10_000  # interval propagation always ends far sooner; a guard, not a limit


@dataclass(frozen=True)
class Suppressed:
    """A suppressed count; ``str()`` is what exports show: ``"<3"`` (primary) or ``"x"``."""

    threshold: int
    primary: bool

    def __str__(self) -> str:
        return f"<{self.threshold}" if self.primary else SECONDARY_LABEL


@dataclass(frozen=True)
class Equation:
    """``total`` is the sum of ``parts`` (positions in a table's grid)."""

    total: Position
    parts: tuple[Position, ...]

    def cells(self) -> tuple[Position, ...]:
        return (self.total, *self.parts)


def bounds(
    values: Mapping[Position, int],
    equations: Sequence[Equation],
    mask: Mapping[Position, bool],
    threshold: int,
) -> dict[Position, tuple[float, float]]:
    """What a reader knows of each cell of the equations: ``[low, high]`` after propagating
    the shown cells, ``"<t"`` = ``[1, t-1]`` and ``"x"`` = ``[0, ∞)`` through every sum."""
    known: dict[Position, tuple[float, float]] = {}
    for equation in equations:
        for p in equation.cells():
            if p in mask:
                known[p] = (1, threshold - 1) if mask[p] else (0, math.inf)
            else:
                known[p] = (values[p], values[p])
    for _round in range(_MAX_ROUNDS):
        changed = False
        for equation in equations:
            parts = equation.parts
            low_sum = sum(known[p][0] for p in parts)
            finite_high = sum(known[p][1] for p in parts if known[p][1] != math.inf)
            infinite = sum(1 for p in parts if known[p][1] == math.inf)
            t_low, t_high = known[equation.total]
            high_sum = finite_high if infinite == 0 else math.inf
            new_total = (max(t_low, low_sum), min(t_high, high_sum))
            if new_total != known[equation.total]:
                known[equation.total] = new_total
                changed = True
            t_low, t_high = new_total
            for p in parts:
                p_low, p_high = known[p]
                others_low = low_sum - p_low
                if p_high == math.inf:
                    others_high = finite_high if infinite == 1 else math.inf
                else:
                    others_high = finite_high - p_high if infinite == 0 else math.inf
                low = max(p_low, t_low - others_high)
                high = min(p_high, t_high - others_low)
                if (low, high) != (p_low, p_high):
                    known[p] = (low, high)
                    changed = True
        if not changed:
            break
    return known


def _linearly_determined(
    equations: Sequence[Equation], mask: Mapping[Position, bool]
) -> set[Position]:
    """Hidden cells whose value follows from the equations alone (shown cells as constants).

    Gaussian elimination on sparse rows (hidden cell → coefficient), exact in the integers
    modulo the prime ``2**61 - 1`` (the coefficients are 0 and ±1: no minor of a table this
    size is a multiple of it, so the rank is that over the rationals): a cell is determined
    iff a fully reduced row has it as its only entry.
    """
    prime = _PRIME
    rows: list[dict[Position, int]] = []
    for equation in equations:
        row: dict[Position, int] = {}
        if equation.total in mask:
            row[equation.total] = 1
        for p in equation.parts:
            if p in mask:
                row[p] = (row.get(p, 0) - 1) % prime
        row = {p: v for p, v in row.items() if v}
        if row:
            rows.append(row)
    reduced: list[tuple[Position, dict[Position, int]]] = []  # (pivot, row)
    for row in rows:
        for pivot, basis in reduced:  # reduce the new row by the rows so far
            factor = row.get(pivot)
            if factor:
                _subtract(row, basis, factor)
        if not row:
            continue
        pivot = min(row)
        inverse = pow(row[pivot], prime - 2, prime)
        row = {p: v * inverse % prime for p, v in row.items()}
        for _other_pivot, other in reduced:  # and the old rows by it
            factor = other.get(pivot)
            if factor:
                _subtract(other, row, factor)
        reduced.append((pivot, row))
    return {next(iter(row)) for _pivot, row in reduced if len(row) == 1}


def _subtract(row: dict[Position, int], basis: Mapping[Position, int], factor: int) -> None:
    """``row -= factor * basis`` (mod the prime), in place."""
    for p, v in basis.items():
        value = (row.get(p, 0) - factor * v) % _PRIME
        if value:
            row[p] = value
        else:
            row.pop(p, None)


def revealed(
    values: Mapping[Position, int],
    equations: Sequence[Equation],
    mask: Mapping[Position, bool],
    threshold: int,
) -> set[Position]:
    """The hidden small cells (``0 < n < threshold``, whatever their label) that a reader
    can pin to a single value."""
    primary = {p for p in mask if 0 < values[p] < threshold}
    if not primary:
        return set()
    known = bounds(values, equations, mask, threshold)
    pinned = {p for p in primary if p in known and known[p][0] == known[p][1]}
    # A hidden cell in one sum only, whose sums share no hidden cell with another: bounds
    # are exact there (one equation); elimination is needed where sums share hidden cells.
    count: dict[Position, int] = {}
    for equation in equations:
        for p in equation.cells():
            if p in mask:
                count[p] = count.get(p, 0) + 1
    shared = [e for e in equations if any(count.get(p, 0) > 1 for p in e.cells())]
    if not shared:
        return pinned
    return pinned | (_linearly_determined(_component(shared, equations, mask), mask) & primary)


def _component(
    seeds: Sequence[Equation], equations: Sequence[Equation], mask: Mapping[Position, bool]
) -> list[Equation]:
    """The equations linked to ``seeds`` through hidden cells (the rest cannot matter)."""
    chosen = {id(e): e for e in seeds}
    cells = {p for e in seeds for p in e.cells() if p in mask}
    grown = True
    while grown:
        grown = False
        for equation in equations:
            if id(equation) not in chosen and any(p in cells for p in equation.cells()):
                chosen[id(equation)] = equation
                cells.update(p for p in equation.cells() if p in mask)
                grown = True
    return list(chosen.values())


def suppression_mask(
    values: Sequence[Sequence[int | None]],
    threshold: int,
    equations: Iterable[Equation] = (),
    *,
    margins: Collection[Position] = (),
    forced: Collection[Position] = (),
) -> dict[Position, bool]:
    """Positions to suppress → True for primary (``"<t"``), False for ``"x"`` cells.

    ``values`` is the table's grid of counts (None where a cell is not a count);
    ``equations`` the sums a reader can see; ``margins`` the sum cells (hidden only when no
    cell inside the table will do: they are often shown in other tables too); ``forced``
    cells hidden as ``"x"`` from the start (a figure hidden in another table of the report).
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
    equations = [e for e in equations if all(p in cells for p in e.cells())]
    for position, value in cells.items():
        if 0 < value < threshold:
            mask[position] = True
    for position in forced:
        if position in cells:
            mask[position] = False
    margin_set = set(margins)
    of_cell: dict[Position, list[Equation]] = {}
    for equation in equations:
        for p in equation.cells():
            of_cell.setdefault(p, []).append(equation)
    hopeless: set[Position] = set()  # nothing left to hide would change what is revealed
    while True:
        exposed = revealed(cells, equations, mask, threshold) - hopeless
        if not exposed:
            break
        target = min(exposed)
        chosen = _protector(target, equations, of_cell, cells, mask, margin_set, threshold)
        if chosen is None:
            hopeless.add(target)
        else:
            mask[chosen] = False
    # Only as needed: give back every "x" whose showing reveals nothing (the biggest first;
    # a cell hidden early can become unnecessary once a later one is hidden).
    forced_set = set(forced)
    extra = [p for p, is_primary in mask.items() if not is_primary and p not in forced_set]
    for position in sorted(extra, key=lambda p: (-cells[p], p)):
        small = 0 < cells[position] < threshold
        if small:
            mask[position] = True
        else:
            del mask[position]
        if revealed(cells, equations, mask, threshold):
            mask[position] = False
    return mask


def _protector(
    target: Position,
    equations: Sequence[Equation],
    of_cell: Mapping[Position, Sequence[Equation]],
    cells: Mapping[Position, int],
    mask: dict[Position, bool],
    margins: Collection[Position],
    threshold: int,
) -> Position | None:
    """The next cell to hide (as "x") for a revealed small cell ``target``.

    Candidates: shown counts in ``target``'s own sums, then in any sum with a hidden cell;
    inside the table before its sums, counts of at least ``threshold`` before smaller
    ones, the smallest first. The first whose hiding leaves ``target`` unrevealed wins;
    else the first (one more hidden cell: the loop goes on). With nothing shown left to
    hide, a hidden small sum becomes "x" (some count) — then any hidden small cell.
    """

    def ordered(pool: Sequence[Position]) -> list[Position]:
        unique = {p for p in pool if p not in mask and cells[p] > 0 and p != target}
        return sorted(
            unique,
            key=lambda p: (p in margins, cells[p] < threshold, cells[p], p),
        )

    own = ordered([p for e in of_cell.get(target, ()) for p in e.cells()])
    touched = [e for e in equations if any(p in mask for p in e.cells())]
    near = [p for p in ordered([p for e in touched for p in e.cells()]) if p not in own]
    candidates = own + near
    for candidate in candidates[:_TRIALS]:
        mask[candidate] = False
        still = target in revealed(cells, equations, mask, threshold)
        del mask[candidate]
        if not still:
            return candidate
    if candidates:
        return candidates[0]
    small = [p for e in of_cell.get(target, ()) for p in e.cells() if mask.get(p) is True]
    small += [p for e in touched for p in e.cells() if mask.get(p) is True]
    for pool in ([p for p in small if p in margins], small):
        if pool:
            return min(pool)
    return None
