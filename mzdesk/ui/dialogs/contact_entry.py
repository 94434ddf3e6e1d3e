"""The quick contact entry (Ctrl+K in the case file), made for the keyboard alone.

Date and time are prefilled with now (arrow keys change the part under the cursor), the
channel with "in person"; Tab walks the fields,
Space ticks a topic, Enter saves from any field (in the confidential note too: Shift+Enter
starts a new line there), Esc asks before throwing away what was typed. An error keeps the
dialog open with everything typed.

Given the person's file, the title and a heading name the person and the case the contact
goes to ("Neuer Kontakt — Şahin, Kemal · MZ-2026-000123 · Fall vom 01.09.2026 (Arbeit)"),
and the person's open follow-ups are offered, each with a check box "durch diesen Kontakt
erledigt" — none ticked by itself (the dialog does not guess which one a contact answers);
saving records the contact and marks the ticked ones done in the same transaction.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.services import contacts, followups
from mzdesk.core.services.person_file import FollowUpEntry, PersonFile
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import (
    FormDialog,
    checked_codes,
    fill_checklist,
    german_date,
    read_date,
    ref_label,
)
from mzdesk.ui.forms import child

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mzdesk.core.models import Contact

DEFAULT_CHANNEL = "IN_PERSON"
# Interpreter languages offered first (the most asked for here); the rest follow by name.
COMMON_LANGUAGES = ("ar", "uk", "ru", "fa", "prs", "ps", "tr", "ku", "ti", "so", "en", "fr")
FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole


def case_label(file: PersonFile, case_id: uuid.UUID, language: str) -> str:
    """ "Fall vom 01.09.2026 (Arbeit, Sprache)": which of the person's cases."""
    case = file.case(case_id)
    if case is None:
        return ""
    text = QCoreApplication.translate("CaseForms", "Case of %1").replace(
        "%1", german_date(case.opened_on)
    )
    topics = ", ".join(ref_label("case_topics", code, language) for code in case.topics)
    return f"{text} ({topics})" if topics else text


def case_heading(file: PersonFile, case_id: uuid.UUID, language: str) -> str:
    """ "Şahin, Kemal · MZ-2026-000123 · Fall vom 01.09.2026 (Arbeit)" for titles."""
    person = file.person
    parts = [f"{person.family_name}, {person.given_names}", person.file_number]
    label = case_label(file, case_id, language)
    return " · ".join([*parts, label] if label else parts)


def fit_title(dialog: QWidget, least: int) -> None:
    """Wide enough for the whole title in a window manager's (bold) title bar, with the
    " — mzdesk" Qt adds, the icon and the buttons (a title bar elides what does not fit)."""
    font = QFont(dialog.font())
    font.setBold(True)
    text = f"{dialog.windowTitle()} — mzdesk"
    wanted = int(QFontMetrics(font).horizontalAdvance(text) * 1.1) + 180
    screen = dialog.screen().availableGeometry().width() if dialog.screen() else 1280
    dialog.setMinimumWidth(min(max(least, wanted), screen - 40))


def _open_follow_ups(file: PersonFile, case_id: uuid.UUID) -> list[FollowUpEntry]:
    """The person's open follow-ups: this case's first, each part earliest due first."""
    entries = list(file.open_follow_ups)
    return [e for e in entries if e.case_id == case_id] + [
        e for e in entries if e.case_id != case_id
    ]


class ContactEntryDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx: AreaContext,
        case_id: uuid.UUID,
        interpreter_language: str | None = None,
        file: PersonFile | None = None,
    ) -> None:
        title = QCoreApplication.translate("CaseForms", "New contact")
        heading = case_heading(file, case_id, ctx.language) if file is not None else ""
        super().__init__("contact_entry.ui", f"{title} — {heading}" if heading else title, parent)
        self._ctx = ctx
        self.case_id = case_id
        self.contact_id: uuid.UUID | None = None
        self.closed_follow_ups: list[uuid.UUID] = []
        language = ctx.language
        form = self.form
        self.heading = child(form, QLabel, "headingLabel")
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.done_list = child(form, QListWidget, "doneList")
        self._fill_follow_ups(file, case_id)
        fit_title(self, 520)
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
            tuple(self.ticked_follow_ups()),
        )

    def _fill_follow_ups(self, file: PersonFile | None, case_id: uuid.UUID) -> None:
        entries = _open_follow_ups(file, case_id) if file is not None else []
        today = file.today if file is not None else date.today()
        for entry in entries:
            text = f"{german_date(entry.due_on)} · {entry.text}"
            if entry.due_on < today:
                text += " " + QCoreApplication.translate("CaseForms", "(overdue)")
            if entry.case_id != case_id and file is not None:
                text += f" · {case_label(file, entry.case_id, self._ctx.language)}"
            item = QListWidgetItem(text, self.done_list)
            item.setData(FOLLOW_UP_ROLE, entry.id)
            item.setData(FOLLOW_UP_ROLE + 1, entry.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)  # offered, never guessed
        if self.done_list.count():
            self.done_list.setCurrentRow(0)
        shown = bool(entries)
        self.done_list.setVisible(shown)
        child(self.form, QLabel, "doneLabel").setVisible(shown)

    def offered_follow_ups(self) -> list[tuple[uuid.UUID, str, bool]]:
        """(id, text, ticked) of each open follow-up offered, in the order shown."""
        found = []
        for row in range(self.done_list.count()):
            item = self.done_list.item(row)
            ticked = item.checkState() == Qt.CheckState.Checked
            found.append((item.data(FOLLOW_UP_ROLE), str(item.data(FOLLOW_UP_ROLE + 1)), ticked))
        return found

    def ticked_follow_ups(self) -> list[uuid.UUID]:
        return [record for record, _text, ticked in self.offered_follow_ups() if ticked]

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
        ticked = self.ticked_follow_ups()

        def record(session: Session) -> Contact:
            contact = contacts.add_contact(
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
            for follow_up_id in ticked:  # answered by this contact: one user action
                followups.mark_done(session, follow_up_id)
            return contact

        contact = self._ctx.write(record)
        self.contact_id = contact.id
        self.closed_follow_ups = ticked
        return True


def enter_contact(
    parent: QWidget | None,
    ctx: AreaContext,
    case_id: uuid.UUID,
    interpreter_language: str | None = None,
    file: PersonFile | None = None,
) -> uuid.UUID | None:
    """Show the quick entry; the new contact's id, or None if cancelled."""
    dialog = ContactEntryDialog(parent, ctx, case_id, interpreter_language, file)
    dialog.exec()
    return dialog.contact_id
