"""Find a person by name while typing into a field that wants a file number.

Attached to a QLineEdit (the intake's "lives with" field): after a short pause in typing, the
client search runs in the background for what was typed and offers the first matches as
``Family, Given · MZ-2024-000123 · 01.02.1990``; choosing one puts the file number into the
field. A file number typed directly stays as it is. Only persons the user may see are
offered (the search applies the access policy).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

from mzdesk.ui import session_scope
from mzdesk.ui.operations import BackgroundOp, Progress

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mzdesk.core.services.persons import PersonRow

PAUSE_MS = 180  # a pause in typing, not every keystroke
MIN_CHARS = 2
OFFERED = 8


def describe(row: PersonRow) -> str:
    """One line of the popup; the file number is what is put into the field."""
    from mzdesk.core.services.persons import format_birth_date

    born = format_birth_date(row.birth_date, row.birth_date_precision)
    name = f"{row.family_name}, {row.given_names}".strip(", ")
    return " · ".join(part for part in (name, row.file_number, born) if part)


class PersonCompleter(QObject):
    """Offers matching persons under ``field``; choosing one writes its file number."""

    def __init__(self, field: QLineEdit, session_factory: Callable[[], Session]) -> None:
        super().__init__(field)
        self._field = field
        self._sessions = session_factory
        self._numbers: dict[str, str] = {}  # popup line → file number
        self._asked = ""  # the text the running (or last) search was for
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(field)
        self.completer.activated[str].connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._search)
        field.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        if len(text.strip()) < MIN_CHARS or text.strip() in self._numbers.values():
            self._timer.stop()
            self.completer.popup().hide()
            return
        self._timer.start()

    def _search(self) -> None:
        text = self._field.text().strip()
        self._asked = text

        def find(_progress: Progress) -> dict[str, str]:
            from mzdesk.core.services import search

            rows = session_scope.read(
                self._sessions, lambda session: search.search_persons(session, text, limit=OFFERED)
            )
            return {describe(row): row.file_number for row in rows}

        BackgroundOp(parent=self._field, op=find, success=self._show).failure(
            lambda _error: None  # no suggestions; the field and its typing stay as they are
        ).run_in_background()

    def _show(self, found: dict[str, str]) -> None:
        if self._field.text().strip() != self._asked or not self._field.hasFocus():
            return  # typed on meanwhile, or left the field: a newer search or none
        self._numbers = found
        lines = list(found)
        self.model.setStringList(lines)
        if lines:
            popup = self.completer.popup()
            area = self._field.rect()  # wide enough for name, file number and birth date
            scroll = popup.verticalScrollBar().sizeHint().width()
            area.setWidth(max(area.width(), popup.sizeHintForColumn(0) + scroll + 8))
            self.completer.complete(area)
        else:
            self.completer.popup().hide()

    def _chosen(self, line: str) -> None:
        number = self._numbers.get(line)
        if number:
            self._field.setText(number)
            self._field.setFocus()
