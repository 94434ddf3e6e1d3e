"""The records behind a statistics figure as a read-only Qt model: file number and record id."""

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


class DrillModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[tuple[uuid.UUID, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            record_id, number = self._rows[index.row()]
            return number if index.column() == 0 else str(record_id)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                QCoreApplication.translate("StatisticsView", "File number")
                if section == 0
                else QCoreApplication.translate("StatisticsView", "Record id")
            )
        return None
