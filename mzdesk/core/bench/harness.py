"""The bench harness: medians of repeated runs, the baseline beside them, ratio and target.

Absolute times drift on shared machines, so every figure is measured against the floor — what
the underlying library does alone for the same work — in the same run, runs of the two
interleaved. No test asserts a time; the figures are for people reading docs/benchmarks.md.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

DEFAULT_RUNS = 7


class Status(StrEnum):
    OK = "ok"  # measured
    NOT_BUILT = "not built"  # the area it measures does not exist yet
    FAILED = "failed"  # the measurement itself failed (reason in ``note``)


@dataclass(frozen=True)
class Target:
    """``value / baseline <= max_ratio`` and, where given, ``value <= max_value``."""

    max_ratio: float | None = None
    max_value: float | None = None
    unit: str = "ms"

    def describe(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio:g}x")
        if self.max_value is not None:
            parts.append(f"< {self.max_value:g} {self.unit}")
        return ", ".join(parts) or "-"

    def met(self, value: float, ratio: float | None) -> bool:
        if self.max_ratio is not None and (ratio is None or ratio > self.max_ratio):
            return False
        return self.max_value is None or value <= self.max_value


@dataclass
class Figure:
    """One line of the bench table."""

    key: str
    title: str
    baseline_title: str
    target: Target
    status: Status = Status.NOT_BUILT
    unit: str = "ms"
    value: float | None = None  # median of the measured runs
    baseline: float | None = None  # median of the baseline's runs
    ratio: float | None = None
    passed: bool | None = None
    runs: int = 0
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    note: str = ""

    def record(
        self, samples: list[float], baseline_samples: list[float] | None, note: str = ""
    ) -> Figure:
        """Fill in the medians, the ratio and the verdict from the kept samples."""
        if not samples:
            raise ValueError("no samples")
        self.status = Status.OK
        self.samples = [round(sample, 4) for sample in samples]
        self.runs = len(samples)
        self.value = statistics.median(samples)
        if baseline_samples:
            self.baseline_samples = [round(sample, 4) for sample in baseline_samples]
            self.baseline = statistics.median(baseline_samples)
            self.ratio = self.value / self.baseline if self.baseline > 0 else None
        self.passed = self.target.met(self.value, self.ratio)
        if note:
            self.note = note
        return self

    def not_built(self, reason: str) -> Figure:
        self.status = Status.NOT_BUILT
        self.note = reason
        return self

    def failed(self, reason: str) -> Figure:
        self.status = Status.FAILED
        self.note = reason
        return self

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = str(self.status)
        data["target"] = {**asdict(self.target), "text": self.target.describe()}
        for key in ("value", "baseline", "ratio"):
            if data[key] is not None:
                data[key] = round(data[key], 4 if key == "ratio" else 3)
        return data


def timed(action: Callable[[], object]) -> float:
    """Milliseconds one call of ``action`` takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000.0


def interleaved(
    measured: Callable[[], float],
    baseline: Callable[[], float] | None,
    runs: int,
    *,
    warmup: bool = True,
) -> tuple[list[float], list[float]]:
    """``runs`` samples of each, alternating measured/baseline; a first round discarded.

    Each callable returns one sample (e.g. milliseconds). Alternating keeps a drift of the
    machine (another process, a frequency change) from favouring one side.
    """
    if runs < 1:
        raise ValueError("runs must be at least 1")
    if warmup:
        measured()
        if baseline is not None:
            baseline()
    samples: list[float] = []
    baseline_samples: list[float] = []
    for _ in range(runs):
        samples.append(measured())
        if baseline is not None:
            baseline_samples.append(baseline())
    return samples, baseline_samples


def format_table(figures: list[Figure]) -> str:
    """The human-readable table (plain text, fixed columns)."""
    header = ("figure", "median", "baseline", "ratio", "target", "result")
    rows = [header]
    for figure in figures:
        if figure.status is not Status.OK:
            rows.append((figure.title, "-", "-", "-", figure.target.describe(), str(figure.status)))
            continue
        unit = figure.unit
        rows.append(
            (
                figure.title,
                _number(figure.value, unit),
                _number(figure.baseline, unit),
                "-" if figure.ratio is None else f"{figure.ratio:.2f}x",
                figure.target.describe(),
                "pass" if figure.passed else "MISS",
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"- {figure.title}: {figure.note}" for figure in figures if figure.note]
    if notes:
        lines += ["", "notes:", *notes]
    return "\n".join(lines)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms" and value < 10:
        return f"{value:.3f} ms"
    return f"{value:.1f} {unit}"


def counsellor(database: Any) -> Any:
    """The id of the counsellor the user-facing figures act for (the first active one by
    name, e.g. the demo's ``berater1``), so that they measure the scope a counsellor's
    session carries (``mzdesk.core.scope``); None without accounts (the program itself)."""
    from sqlalchemy import select

    from mzdesk.core.models import User
    from mzdesk.core.models.enums import Role

    with database.session(None) as session:
        return session.scalar(
            select(User.id)
            .where(User.role == Role.COUNSELLOR, User.active.is_(True), User.team_id.is_not(None))
            .order_by(User.username)
            .limit(1)
        )
