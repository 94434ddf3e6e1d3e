"""A new follow-up ("Wiedervorlage anlegen…", Ctrl+Shift+W in the case file).

Three fields, for the keyboard: the due date typed as text (``24.11.2026``, ``+14`` days, as
in the contact dialog), a subject, an optional note (Enter saves from any field, Shift+Enter
starts a new line in the note). The follow-up is the logged-in user's, on the selected case;
its text is the subject, followed by the note. An error keeps everything typed.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from mzdesk.core.services import contacts
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import FormDialog, InvalidInput, read_date
from mzdesk.ui.dialogs.contact_entry import fit_title
from mzdesk.ui.forms import child


def follow_up_text(subject: str, note: str) -> str:
    """The follow-up's one text: the subject, then the note (one line)."""
    subject = " ".join(subject.split())
    note = " ".join(note.split())
    return f"{subject} – {note}" if note else subject


class FollowUpEditDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, ctx: AreaContext, case_id: uuid.UUID, heading: str = ""
    ) -> None:
        title = QCoreApplication.translate("CaseForms", "New follow-up")
        super().__init__("follow_up_edit.ui", f"{title} — {heading}" if heading else title, parent)
        self._ctx = ctx
        self.case_id = case_id
        self.follow_up_id: uuid.UUID | None = None
        self.heading = child(self.form, QLabel, "headingLabel")
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        theme.style(child(self.form, QLabel, "hintLabel"), "color: $muted;")
        self.due = child(self.form, QLineEdit, "dueEdit")
        self.subject = child(self.form, QLineEdit, "subjectEdit")
        self.note = child(self.form, QPlainTextEdit, "noteEdit")
        self.note.installEventFilter(self)
        fit_title(self, 460)
        self.due.setFocus()
        self.mark_clean()

    def typed(self) -> object:
        return (self.due.text(), self.subject.text(), self.note.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.submit()
                return True
        return super().eventFilter(watched, event)

    def save(self) -> bool:
        due = read_date(
            self.due.text(), QCoreApplication.translate("CaseForms", "Due on"), required=True
        )
        assert due is not None
        if due < date.today():
            raise InvalidInput(
                "the due date is in the past",
                german=QCoreApplication.translate(
                    "CaseForms", "Due on: the date is in the past, please choose today or later."
                ),
            )
        if not self.subject.text().strip():
            self.subject.setFocus()
            raise InvalidInput(
                "a subject is needed",
                german=QCoreApplication.translate("CaseForms", "Please type a subject."),
            )
        text = follow_up_text(self.subject.text(), self.note.toPlainText())
        made = self._ctx.write(
            lambda session: contacts.add_case_follow_up(session, self.case_id, due, text).id
        )
        self.follow_up_id = made
        return True


def create_follow_up(
    parent: QWidget | None, ctx: AreaContext, case_id: uuid.UUID, heading: str = ""
) -> uuid.UUID | None:
    """Show the dialog; the new follow-up's id, or None if cancelled."""
    dialog = FollowUpEditDialog(parent, ctx, case_id, heading)
    dialog.exec()
    return dialog.follow_up_id
