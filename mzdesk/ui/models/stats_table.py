"""One statistics table as a read-only Qt model; ``figure_key(index)`` names the figure behind a
cell (the drill-down key), or None."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from mzdesk.core.stats import Table
from mzdesk.core.stats.suppression import Suppressed


def _display(value: object, locale_format: Callable[[int], str]) -> str:
    if value is None:
        return ""
    if isinstance(value, Suppressed):
        return str(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return locale_format(value)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return str(value)


class StatsTableModel(QAbstractTableModel):
    """One statistics table, read-only; ``figure_key(index)`` is the drill-down key or None."""

    def __init__(self, table: Table, keys: dict[tuple[int, str], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.table = table
        self._keys = keys
        self._locale = parent.locale()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        value = self.table.rows[index.row()][index.column()]
        column = self.table.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(value, self._locale.toString)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind == "text":
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.table.rows[index.row()][0] == "Summe":
            font = self.parent().font() if isinstance(self.parent(), QWidget) else None
            if font is not None:
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.figure_key(index) is not None:
            return QCoreApplication.translate(
                "StatisticsView", "Double-click to list the records behind this figure"
            )
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.table.columns[section].header
        return None

    def figure_key(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        if not index.isValid():
            return None
        return self._keys.get((index.row(), self.table.columns[index.column()].key))
