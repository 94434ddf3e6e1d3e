"""The records behind a statistics figure as a read-only Qt model: Aktenzeichen, name, date and
what the record is (no record ids); ``person_id(row)`` is the person a row opens."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from mzdesk.core.stats.rows import DrillRow


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("StatisticsView", "File number"),
        QCoreApplication.translate("StatisticsView", "Name"),
        QCoreApplication.translate("StatisticsView", "Date"),
        QCoreApplication.translate("StatisticsView", "Kind"),
    )


class DrillModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[DrillRow], parent: QWidget) -> None:
        super().__init__(parent)
        self._rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.file_number
            if column == 1:
                return row.name
            if column == 2:
                return f"{row.on:%d.%m.%Y}" if row.on else ""
            return row.kind
        if role == Qt.ItemDataRole.ToolTipRole and row.person_id is not None:
            return QCoreApplication.translate("StatisticsView", "Enter opens the person's file")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _headers()[section]
        return None

    def person_id(self, row: int) -> uuid.UUID | None:
        return self._rows[row].person_id if 0 <= row < len(self._rows) else None
