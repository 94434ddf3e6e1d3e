"""The quick contact entry (Ctrl+K in the case file), made for the keyboard alone.

Date and time are prefilled with now (arrow keys change the part under the cursor), the
channel with "in person"; Tab walks the fields,
Space ticks a topic, Enter saves from any field (in the confidential note too: Shift+Enter
starts a new line there), Esc asks before throwing away what was typed. An error keeps the
dialog open with everything typed.
"""

from __future__ import annotations

import uuid
from datetime import UTC

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QObject, Qt
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.services import contacts
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import (
    FormDialog,
    checked_codes,
    fill_checklist,
    read_date,
)
from mzdesk.ui.forms import child

DEFAULT_CHANNEL = "IN_PERSON"
# Interpreter languages offered first (the most asked for here); the rest follow by name.
COMMON_LANGUAGES = ("ar", "uk", "ru", "fa", "prs", "ps", "tr", "ku", "ti", "so", "en", "fr")


class ContactEntryDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx: AreaContext,
        case_id: uuid.UUID,
        interpreter_language: str | None = None,
    ) -> None:
        super().__init__(
            "contact_entry.ui", QCoreApplication.translate("CaseForms", "New contact"), parent
        )
        self._ctx = ctx
        self.case_id = case_id
        self.contact_id: uuid.UUID | None = None
        language = ctx.language
        form = self.form
        theme.style(child(form, QLabel, "noteHint"), "color: $muted;")
        self.when = child(form, QDateTimeEdit, "whenEdit")
        self.channel = child(form, QComboBox, "channelCombo")
        self.minutes = child(form, QLineEdit, "minutesEdit")
        self.interpreter = child(form, QComboBox, "interpreterCombo")
        self.topics = child(form, QListWidget, "topicsList")
        self.summary = child(form, QLineEdit, "summaryEdit")
        self.note = child(form, QPlainTextEdit, "noteEdit")
        self.follow_up = child(form, QLineEdit, "followUpEdit")
        self.follow_up_text = child(form, QLineEdit, "followUpTextEdit")
        self.minutes.setValidator(QIntValidator(1, contacts.MAX_MINUTES, self.minutes))
        self.when.setDateTime(QDateTime.currentDateTime())
        for item in reference.items("contact_channels"):
            self.channel.addItem(item.label(language), item.code)
        self.channel.setCurrentIndex(max(0, self.channel.findData(DEFAULT_CHANNEL)))
        self.interpreter.addItem(QCoreApplication.translate("CaseForms", "none"), None)
        languages = reference.by_code("languages")
        ordered = [code for code in COMMON_LANGUAGES if code in languages] + sorted(
            (code for code in languages if code not in COMMON_LANGUAGES),
            key=lambda code: languages[code].label(language).casefold(),
        )
        for code in ordered:
            self.interpreter.addItem(languages[code].label(language), code)
        if interpreter_language:
            self.interpreter.setCurrentIndex(
                max(0, self.interpreter.findData(interpreter_language))
            )
        fill_checklist(self.topics, "case_topics", language)
        self.note.installEventFilter(self)
        self.when.installEventFilter(self)
        self.when.setFocus()
        self.mark_clean()

    def typed(self) -> object:
        return (
            self.channel.currentIndex(),
            self.minutes.text(),
            self.interpreter.currentIndex(),
            tuple(checked_codes(self.topics)),
            self.summary.text(),
            self.note.toPlainText(),
            self.follow_up.text(),
            self.follow_up_text.text(),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.when and event.type() == QEvent.Type.KeyPress:
            # Tab leaves the field (QDateTimeEdit would walk its day, month … sections)
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Tab:
                self.channel.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        if watched is self.note and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.submit()
                return True
        return super().eventFilter(watched, event)

    def save(self) -> bool:
        occurred = self.when.dateTime().toPython().astimezone().astimezone(UTC)
        follow_up = read_date(
            self.follow_up.text(), QCoreApplication.translate("CaseForms", "Next follow-up")
        )
        contact = self._ctx.write(
            lambda session: contacts.add_contact(
                session,
                case_id=self.case_id,
                channel=str(self.channel.currentData()),
                occurred_at=occurred,
                minutes=int(self.minutes.text()) if self.minutes.text().strip() else None,
                interpreter_language=self.interpreter.currentData(),
                topics=checked_codes(self.topics),
                summary=self.summary.text(),
                note=self.note.toPlainText(),
                follow_up_on=follow_up,
                follow_up_text=self.follow_up_text.text(),
                counsellor_id=self._ctx.user_id,
            )
        )
        self.contact_id = contact.id
        return True


def enter_contact(
    parent: QWidget | None,
    ctx: AreaContext,
    case_id: uuid.UUID,
    interpreter_language: str | None = None,
) -> uuid.UUID | None:
    """Show the quick entry; the new contact's id, or None if cancelled."""
    dialog = ContactEntryDialog(parent, ctx, case_id, interpreter_language)
    dialog.exec()
    return dialog.contact_id
