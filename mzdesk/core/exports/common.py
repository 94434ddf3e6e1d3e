"""Formatting shared by the exports: German numbers and dates, suppressed cells, the note."""

from __future__ import annotations

from datetime import date

from mzdesk.core.stats.report import METHOD_DE, Cell, StatsReport
from mzdesk.core.stats.suppression import HIDDEN_VALUE, SECONDARY_LABEL, Suppressed


def german_number(value: float) -> str:
    text = f"{value:,.1f}" if value != int(value) else f"{int(value):,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def cell_text(cell: Cell) -> str:
    """A cell as German text ("1.234", "4,5", "31.12.2025", "<3")."""
    if cell is None:
        return ""
    if isinstance(cell, Suppressed):
        return str(cell)
    if isinstance(cell, bool):
        return "ja" if cell else "nein"
    if isinstance(cell, int | float):
        return german_number(cell)
    if isinstance(cell, date):
        return f"{cell:%d.%m.%Y}"
    return str(cell)


def header_lines(report: StatsReport, suppress_below: int) -> list[str]:
    period = report.period
    lines = [
        f"Zeitraum: {period.start:%d.%m.%Y} – {period.end:%d.%m.%Y} ({period.label})",
        f"Zählweise: {METHOD_DE}",
    ]
    if suppress_below > 1:
        lines.append(
            f"Datenschutz: Fallzahlen von 1 bis {suppress_below - 1} werden als "
            f"„<{suppress_below}“ ausgewiesen."
        )
        lines.append(
            f"„{SECONDARY_LABEL}“: verdeckt, damit sich eine kleine Zahl nicht aus den Summen "
            f"errechnen lässt; der Wert wird nicht angegeben (er kann auch {suppress_below} "
            "oder mehr sein). Eine Zahl, die in einer Tabelle verdeckt ist, ist es in allen."
        )
        lines.append(
            f"„{HIDDEN_VALUE}“: Median verdeckt, weil die zugrunde liegende Anzahl verdeckt ist."
        )
    return lines
