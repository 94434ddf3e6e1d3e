"""Open a new case ("Neuer Fall", Ctrl+Shift+N) or edit topics, goals and counsellor.

Editing saves with the version the case file showed: if someone else saved the case
meanwhile, the user sees what changed and decides (save over it, or go back with their
input kept).
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QWidget

from mzdesk.core.models import CaseSource
from mzdesk.core.services import cases
from mzdesk.core.services.person_file import CaseEntry
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import (
    FormDialog,
    ask_overwrite,
    checked_codes,
    fill_checklist,
    german_date,
    read_date,
)
from mzdesk.ui.forms import child, find_data


class CaseEditDialog(FormDialog):
    """``case`` None: a new case for ``person_id``; else that case's editable fields."""

    def __init__(
        self,
        parent: QWidget | None,
        ctx: AreaContext,
        person_id: uuid.UUID,
        case: CaseEntry | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("CaseForms", "New case")
            if case is None
            else QCoreApplication.translate("CaseForms", "Edit case")
        )
        super().__init__("case_edit.ui", title, parent)
        self._ctx = ctx
        self.person_id = person_id
        self.case = case
        self.case_id: uuid.UUID | None = None
        form = self.form
        self.counsellor = child(form, QComboBox, "counsellorCombo")
        self.topics = child(form, QListWidget, "topicsList")
        self.goals = child(form, QPlainTextEdit, "goalsEdit")
        self.source = child(form, QComboBox, "sourceCombo")
        self.opened = child(form, QLineEdit, "openedEdit")
        self.counsellor.addItem(QCoreApplication.translate("CaseForms", "nobody yet"), None)
        counsellors = ctx.read(
            lambda session: [
                (person.display_name, person.id) for person in cases.counsellors(session)
            ]
        )
        for name, user_id in counsellors:
            self.counsellor.addItem(name, user_id)
        for source, text in (
            (CaseSource.DESK, QCoreApplication.translate("CaseForms", "desk")),
            (CaseSource.EVENT, QCoreApplication.translate("CaseForms", "event")),
            (CaseSource.IMPORT, QCoreApplication.translate("CaseForms", "import")),
        ):
            self.source.addItem(text, source.value)
        if case is None:
            wanted = ctx.user_id
            fill_checklist(self.topics, "case_topics", ctx.language)
            self.opened.setText(german_date(date.today()))
        else:
            wanted = case.counsellor_id
            fill_checklist(self.topics, "case_topics", ctx.language, case.topics)
            self.goals.setPlainText(case.goals or "")
            for name in ("sourceLabel", "openedLabel"):
                child(form, QLabel, name).hide()
            self.source.hide()
            self.opened.hide()
        self.counsellor.setCurrentIndex(max(0, find_data(self.counsellor, wanted)))
        self.counsellor.setFocus()
        self.mark_clean()

    def typed(self) -> object:
        return (
            self.counsellor.currentIndex(),
            tuple(checked_codes(self.topics)),
            self.goals.toPlainText(),
            self.source.currentIndex(),
            self.opened.text(),
        )

    def save(self) -> bool:
        if self.case is None:
            return self._open()
        return self._edit(self.case, self.case.version)

    def _open(self) -> bool:
        opened = read_date(
            self.opened.text(), QCoreApplication.translate("CaseForms", "Opened on"), required=True
        )
        case = self._ctx.write(
            lambda session: cases.open_case(
                session,
                person_id=self.person_id,
                counsellor_id=self.counsellor.currentData(),
                topics=checked_codes(self.topics),
                goals=self.goals.toPlainText(),
                source=CaseSource(str(self.source.currentData())),
                opened_on=opened,
            )
        )
        self.case_id = case.id
        return True

    def _edit(self, case: CaseEntry, version: int) -> bool:
        try:
            self._ctx.write(
                lambda session: cases.edit_case(
                    session,
                    case.id,
                    topics=checked_codes(self.topics),
                    goals=self.goals.toPlainText(),
                    counsellor_id=self.counsellor.currentData(),
                    expected_version=version,
                )
            )
        except cases.CaseChanged as changed:
            if not ask_overwrite(self, case, changed.current, self._ctx.language):
                return False  # back to the form, input kept
            return self._edit(case, changed.current.version)
        self.case_id = case.id
        return True


def open_new_case(
    parent: QWidget | None, ctx: AreaContext, person_id: uuid.UUID
) -> uuid.UUID | None:
    dialog = CaseEditDialog(parent, ctx, person_id)
    dialog.exec()
    return dialog.case_id


def edit_case(
    parent: QWidget | None, ctx: AreaContext, case: CaseEntry, person_id: uuid.UUID
) -> bool:
    dialog = CaseEditDialog(parent, ctx, person_id, case)
    dialog.exec()
    return dialog.case_id is not None
