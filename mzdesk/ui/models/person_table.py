"""The client list: every person, fetched page by page as the view scrolls.

``canFetchMore``/``fetchMore`` read the next page through ``core.services.persons.page``
(keyset pagination on an indexed column, never OFFSET), in a fresh Session per page. Memory
holds only the rows fetched so far. Sorting re-queries the database in the new order.

With a search (``set_search``) the pages come from ``core.services.search.search_page``
instead: 50 matches a page, keyset on (sort_key, id) when there are up to 1,000 matches
(shown by name), on the FTS index's rowid for broader queries on SQLite (streamed, so the
first page stays well under a frame at 200,000 persons). An empty search returns to the full
list in the chosen sort order. Persons found only under another spelling (``SearchPage.similar``)
follow the exact matches, in italics and marked "ähnliche Schreibweise".
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import BirthDatePrecision
from mzdesk.core.services import persons, search
from mzdesk.core.services.persons import PageKey, PersonOrder, PersonRow, PersonSort
from mzdesk.core.services.search import SearchKey, SearchQuery
from mzdesk.ui import session_scope

log = logging.getLogger(__name__)

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    FILE_NUMBER = 0
    NAME = 1
    BIRTH_DATE = 2
    NATIONALITY = 3
    RESIDENCE = 4
    LEGAL_CATEGORY = 5
    MUNICIPALITY = 6


# Only columns with an index can be sorted at 200,000 rows.
SORT_ORDERS = {
    Column.FILE_NUMBER: PersonOrder.FILE_NUMBER,
    Column.NAME: PersonOrder.NAME,
    Column.BIRTH_DATE: PersonOrder.BIRTH_DATE,
}


class PersonTableModel(QAbstractTableModel):
    fetch_failed = Signal()
    # After a search's first page: matches counted (up to search.SORT_LIMIT + 1), and
    # whether there are more than that. Not emitted for the full list.
    search_counted = Signal(int, bool)
    # Persons under another spelling arrived (after the exact matches): how many.
    similar_found = Signal(int)

    def __init__(
        self,
        session_factory: Callable[[], Session],
        *,
        language: str = "de",
        page_size: int = persons.DEFAULT_PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = session_factory
        self._language = language
        self._page_size = page_size
        self._rows: list[PersonRow] = []
        self._next: PageKey | None = None
        self._exhausted = False
        self._sort = PersonSort()
        self._search: SearchQuery | None = None
        self._search_next: SearchKey | None = None
        self._similar: set[uuid.UUID] = set()  # rows found under another spelling
        self._headers = {
            Column.FILE_NUMBER: self.tr("File number"),
            Column.NAME: self.tr("Name"),
            Column.BIRTH_DATE: self.tr("Date of birth"),
            Column.NATIONALITY: self.tr("Nationality"),
            Column.RESIDENCE: self.tr("Residence"),
            Column.LEGAL_CATEGORY: self.tr("Legal category"),
            Column.MUNICIPALITY: self.tr("Municipality"),
        }

    # --- paging ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._exhausted:
            return
        if self._search is not None:
            self._fetch_search_page(self._search)
            return
        try:
            page = session_scope.read(
                self._sessions,
                lambda session: persons.page(
                    session, after=self._next, limit=self._page_size, sort=self._sort
                ),
            )
        except SQLAlchemyError as error:
            self._failed(error)
            return
        self._next = page.next_key
        self._exhausted = page.next_key is None
        self._append(page.rows)

    def _fetch_search_page(self, query: SearchQuery) -> None:
        first = self._search_next is None
        try:
            page = session_scope.read(
                self._sessions,
                lambda session: search.search_page(
                    session,
                    query,
                    after=self._search_next,
                    limit=search.DEFAULT_LIMIT,
                    similar=False,  # asked for below, off the GUI thread
                ),
            )
        except SQLAlchemyError as error:
            self._failed(error)
            return
        except MzdeskError as error:  # e.g. access denied: no rows, never out of Qt's call
            log.info("client search refused (%s)", type(error).__name__)
            self._exhausted = True
            if first:
                self.search_counted.emit(0, False)
            return
        self._search_next = page.next_key
        self._exhausted = page.next_key is None
        self._append(page.rows)
        if first:
            self.search_counted.emit(page.matches or 0, page.more_than_counted)
        if search.wants_similar(query, page, first):
            self._find_similar(query, {row.id for row in page.rows})

    def _find_similar(self, query: SearchQuery, exact: set[uuid.UUID]) -> None:
        """Persons under another spelling, compared one by one in a worker thread (tens of
        milliseconds at 200,000 persons: never on the GUI thread); appended if the search
        is still the same when they arrive."""
        from mzdesk.ui.operations import BackgroundOp

        def arrived(rows: tuple[PersonRow, ...]) -> None:
            if self._search != query or not rows:
                return
            self._similar.update(row.id for row in rows)
            self._append(rows)
            self.similar_found.emit(len(self._similar))

        def failed(error: BaseException) -> None:
            log.info("similar spellings not searched (%s)", type(error).__name__)

        BackgroundOp(
            parent=self,  # type: ignore[arg-type]  # a QObject: skipped once it is gone
            op=lambda _progress: session_scope.read(
                self._sessions,
                lambda session: search.similar_persons(session, query, exclude=exact),
            ),
            success=arrived,
        ).failure(failed).run_in_background()

    def _append(self, rows: tuple[PersonRow, ...]) -> None:
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _failed(self, error: SQLAlchemyError) -> None:
        log.error("client list: page fetch failed (%s)", type(error).__name__)
        self._exhausted = True
        self.fetch_failed.emit()

    def reload(self) -> None:
        """Start again from the first page (after sorting or a change in the data)."""
        self.beginResetModel()
        self._rows = []
        self._similar = set()
        self._next = None
        self._search_next = None
        self._exhausted = False
        self.endResetModel()

    # --- search ---------------------------------------------------------------------------

    def set_search(self, text: str) -> bool:
        """Show the persons matching ``text``; an empty search shows the full list again.

        Runs the first page's query right here (a few milliseconds at 200,000 persons).
        Returns whether the rows were replaced (not for the same tokens, "ahm" → "ahm ").
        """
        query = search.parse_query(text)
        wanted = None if query.is_empty else query
        if wanted == self._search and (self._rows or self._exhausted):
            return False
        self._search = wanted
        self.reload()
        self.fetchMore(QModelIndex())
        return True

    @property
    def searching(self) -> bool:
        return self._search is not None

    @property
    def similar_count(self) -> int:
        """Rows found only under another spelling (after the exact matches)."""
        return len(self._similar)

    def is_similar(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].id in self._similar

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    # --- sorting --------------------------------------------------------------------------

    @staticmethod
    def is_sortable(column: int) -> bool:
        return column in SORT_ORDERS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_ORDERS:
            return  # not sortable at scale: keep the current order
        sort = PersonSort(
            SORT_ORDERS[Column(column)], descending=order == Qt.SortOrder.DescendingOrder
        )
        if sort == self._sort and self._rows:
            return
        self._sort = sort
        if self._search is not None:
            return  # search results keep their order; the list comes back in this one
        self.reload()
        self.fetchMore(QModelIndex())

    @property
    def current_sort(self) -> tuple[int, Qt.SortOrder]:
        column = next(c for c, o in SORT_ORDERS.items() if o is self._sort.order)
        direction = (
            Qt.SortOrder.DescendingOrder if self._sort.descending else Qt.SortOrder.AscendingOrder
        )
        return int(column), direction

    # --- data -----------------------------------------------------------------------------

    def person_id(self, row: int) -> uuid.UUID | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole and section not in SORT_ORDERS:
            return self.tr("This column cannot be sorted.")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        similar = row.id in self._similar
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self._display(row, column)
            if similar and column is Column.NAME:
                return self.tr("≈ %1").replace("%1", shown)  # short: the name keeps its room
            return shown
        if role == Qt.ItemDataRole.ToolTipRole:
            if similar and column is Column.NAME:
                return self.tr("Found under a similar spelling of what was typed")
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and similar:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.FontRole and column is Column.BIRTH_DATE:
            if row.birth_date and row.birth_date_precision is not BirthDatePrecision.EXACT:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == PERSON_ID_ROLE:
            return str(row.id)
        return None

    def _display(self, row: PersonRow, column: Column) -> str:
        match column:
            case Column.FILE_NUMBER:
                return row.file_number
            case Column.NAME:
                return (
                    f"{row.family_name}, {row.given_names}" if row.given_names else row.family_name
                )
            case Column.BIRTH_DATE:
                return persons.format_birth_date(row.birth_date, row.birth_date_precision)
            case Column.NATIONALITY:
                return ", ".join(self._country(code) for code in row.nationalities)
            case Column.RESIDENCE:
                return reference.label("residence_statuses", row.residence_status, self._language)
            case Column.LEGAL_CATEGORY:
                code = row.legal_category.value if row.legal_category else None
                return reference.label("legal_categories", code, self._language)
            case Column.MUNICIPALITY:
                return row.municipality or ""

    def _tooltip(self, row: PersonRow, column: Column) -> str | None:
        if column is Column.BIRTH_DATE and row.birth_date is not None:
            if row.birth_date_precision is BirthDatePrecision.PLACEHOLDER:
                return self.tr("Placeholder date: day and month are not known")
            if row.birth_date_precision is BirthDatePrecision.YEAR:
                return self.tr("Only the year of birth is known")
        if column in (Column.RESIDENCE, Column.LEGAL_CATEGORY, Column.NATIONALITY):
            text = self._display(row, column)
            return text or None
        return None

    def _country(self, code: str) -> str:
        try:
            return reference.label("countries", code, self._language)
        except FileNotFoundError:  # an installation without countries.json: show the code
            return code
