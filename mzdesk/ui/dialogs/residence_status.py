"""Record a residence status change ("Aufenthaltsstatus ändern"), optionally with the new
legal category, as new history rows. Afterwards the follow-ups service may hint that the new
status usually means another legal category: the dialog proposes that follow-up."""

from __future__ import annotations

import uuid
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import LegalCategory, WorkPermission
from mzdesk.core.services import contacts, status_history
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import FormDialog, german_date, read_date
from mzdesk.ui.forms import child
from mzdesk.ui.operations import show_message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class ResidenceStatusDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx: AreaContext,
        person_id: uuid.UUID,
        current_status: str | None = None,
    ) -> None:
        super().__init__(
            "residence_status.ui",
            QCoreApplication.translate("CaseForms", "Change residence status"),
            parent,
        )
        self._ctx = ctx
        self.person_id = person_id
        self.saved = False
        self.hint: Any | None = None
        language = ctx.language
        form = self.form
        self.status = child(form, QComboBox, "statusCombo")
        self.work = child(form, QComboBox, "workCombo")
        self.valid_from = child(form, QLineEdit, "fromEdit")
        self.valid_until = child(form, QLineEdit, "untilEdit")
        self.note = child(form, QLineEdit, "noteEdit")
        self.category = child(form, QComboBox, "categoryCombo")
        self.category_from = child(form, QLineEdit, "categoryFromEdit")
        for item in reference.items("residence_statuses"):
            self.status.addItem(item.label(language), item.code)
        self.work.addItem(QCoreApplication.translate("CaseForms", "as printed: not recorded"), None)
        for item in reference.items("work_permissions"):
            self.work.addItem(item.label(language), item.code)
        self.category.addItem(QCoreApplication.translate("CaseForms", "unchanged"), None)
        for item in reference.items("legal_categories"):
            self.category.addItem(item.label(language), item.code)
        if current_status:
            self.status.setCurrentIndex(max(0, self.status.findData(current_status)))
        self.status.currentIndexChanged.connect(self._usual_work)
        self._usual_work()
        self.valid_from.setText(german_date(date.today()))
        self.category_from.setPlaceholderText(
            QCoreApplication.translate("CaseForms", "empty: same as valid from")
        )
        self.status.setFocus()
        self.mark_clean()

    def _usual_work(self) -> None:
        """Preselect the status's usual work permission (the document's entry decides)."""
        item = reference.by_code("residence_statuses").get(str(self.status.currentData()))
        usual = item.extra.get("work") if item else None
        self.work.setCurrentIndex(max(0, self.work.findData(usual)))

    def typed(self) -> object:
        return (
            self.status.currentIndex(),
            self.valid_from.text(),
            self.valid_until.text(),
            self.note.text(),
            self.category.currentIndex(),
            self.category_from.text(),
        )

    def save(self) -> bool:
        valid_from = read_date(
            self.valid_from.text(),
            QCoreApplication.translate("CaseForms", "Valid from"),
            required=True,
        )
        assert valid_from is not None
        until = read_date(
            self.valid_until.text(), QCoreApplication.translate("CaseForms", "Valid until")
        )
        category = self.category.currentData()
        category_from = read_date(
            self.category_from.text(),
            QCoreApplication.translate("CaseForms", "Legal category from"),
        )
        work = self.work.currentData()

        def record(session: Session) -> None:
            status_history.record_residence_status(
                session,
                self.person_id,
                status_code=str(self.status.currentData()),
                valid_from=valid_from,
                valid_until=until,
                work_permission=WorkPermission(work) if work else None,
                note=self.note.text(),
            )
            if category:
                status_history.record_legal_category(
                    session,
                    self.person_id,
                    category=LegalCategory(category),
                    valid_from=category_from or valid_from,
                )
            session.flush()
            try:
                self.hint = status_history.legal_category_hint(session, self.person_id)
            except MzdeskError:
                self.hint = None  # a hint is a help, never a reason not to save

        self._ctx.write(record)
        self.saved = True
        return True


def propose_follow_up(
    parent: QWidget | None, ctx: AreaContext, hint: Any, case_id: uuid.UUID | None
) -> bool:
    """Show the hint; on "yes" add it as a follow-up on ``case_id``. True if one was added."""
    text = str(getattr(hint, "text_de" if ctx.language.startswith("de") else "text_en", hint))
    due = getattr(hint, "proposed_due", None)
    if case_id is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("CaseForms", "Legal category"),
            text
            + "\n\n"
            + QCoreApplication.translate("CaseForms", "Open a case to keep a follow-up for it."),
        )
        return False
    question = text
    if isinstance(due, date):
        question += "\n\n" + QCoreApplication.translate(
            "CaseForms", "Add a follow-up due on %1?"
        ).replace("%1", german_date(due))
    else:
        question += "\n\n" + QCoreApplication.translate("CaseForms", "Add a follow-up?")
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("CaseForms", "Legal category"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    follow_up = ctx.write(
        lambda session: contacts.add_case_follow_up(
            session,
            case_id,
            due if isinstance(due, date) else date.today(),
            text,
            source="legal_category_hint",
        ),
        refused=partial(show_message, parent),
    )
    return follow_up is not None


def change_residence_status(
    parent: QWidget | None,
    ctx: AreaContext,
    person_id: uuid.UUID,
    current_status: str | None = None,
    case_id: uuid.UUID | None = None,
) -> bool:
    """The dialog, then the follow-up a hint proposes; True if the status was recorded."""
    dialog = ResidenceStatusDialog(parent, ctx, person_id, current_status)
    dialog.exec()
    if dialog.saved and dialog.hint is not None:
        propose_follow_up(parent, ctx, dialog.hint, case_id)
    return dialog.saved
