"""Change a case's status ("Status ändern"): only the allowed targets; closing asks the reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from mzdesk.core.models import CaseStatus
from mzdesk.core.services import cases
from mzdesk.core.services.person_file import CaseEntry
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import (
    FormDialog,
    ask_overwrite,
    german_date,
    read_date,
    status_label,
)
from mzdesk.ui.forms import child


class CaseStatusDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx: AreaContext,
        case: CaseEntry,
        target: CaseStatus | None = None,
    ) -> None:
        super().__init__(
            "case_status.ui", QCoreApplication.translate("CaseForms", "Change case status"), parent
        )
        self._ctx = ctx
        self.case = case
        self.saved = False
        form = self.form
        child(form, QLabel, "currentValue").setText(status_label(case.status))
        self.status = child(form, QComboBox, "statusCombo")
        self.reason = child(form, QLineEdit, "reasonEdit")
        self.day = child(form, QLineEdit, "dateEdit")
        self.reason.setMaxLength(cases.MAX_REASON)
        for allowed in cases.allowed_transitions(case.status):
            self.status.addItem(status_label(allowed), allowed.value)
        if target is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(target.value)))
        self.day.setText(german_date(date.today()))
        self.status.currentIndexChanged.connect(self._update)
        self._update()
        (self.reason if self.reason.isEnabled() else self.status).setFocus()
        self.mark_clean()

    def chosen(self) -> CaseStatus:
        return CaseStatus(str(self.status.currentData()))

    def _update(self) -> None:
        closing = self.chosen() is CaseStatus.CLOSED
        self.reason.setEnabled(closing)
        self.day.setEnabled(closing)

    def typed(self) -> object:
        return (self.status.currentIndex(), self.reason.text(), self.day.text())

    def save(self) -> bool:
        closing = self.chosen() is CaseStatus.CLOSED
        day = (
            read_date(
                self.day.text(), QCoreApplication.translate("CaseForms", "Date"), required=closing
            )
            if closing
            else None
        )
        return self._save(self.case.version, day)

    def _save(self, version: int, day: date | None) -> bool:
        try:
            self._ctx.write(
                lambda session: cases.set_status(
                    session,
                    self.case.id,
                    self.chosen(),
                    reason=self.reason.text(),
                    on=day,
                    expected_version=version,
                )
            )
        except cases.CaseChanged as changed:
            if not ask_overwrite(self, self.case, changed.current, self._ctx.language):
                return False
            return self._save(changed.current.version, day)
        self.saved = True
        return True


def change_status(
    parent: QWidget | None, ctx: AreaContext, case: CaseEntry, target: CaseStatus | None = None
) -> bool:
    """Ask for the new status (and the closing reason); True if it was saved."""
    if not cases.allowed_transitions(case.status):
        return False
    dialog = CaseStatusDialog(parent, ctx, case, target)
    dialog.exec()
    return dialog.saved
