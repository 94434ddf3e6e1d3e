"""Change a case's status ("Status ändern"): only the allowed targets; closing asks the reason.

Closing offers "Danach Vermittlung erfassen" (a check box, Alt+V): once the case is closed the
placement dialog opens for it, so that the outcome the case was about is recorded. The dialog
is wide enough for its title and the reason's placeholder (they were cut to "Fallstatu…" and
"beim Abschließe…").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

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

# Room the window title needs besides its text (window buttons, icon, frame).
TITLE_SLACK = 160
FIELD_PADDING = 24
MIN_WIDTH = 460


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
        self.placement = child(form, QCheckBox, "placementCheck")
        self.reason.setMaxLength(cases.MAX_REASON)
        for allowed in cases.allowed_transitions(case.status):
            self.status.addItem(status_label(allowed), allowed.value)
        if target is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(target.value)))
        self.day.setText(german_date(date.today()))
        self.status.currentIndexChanged.connect(self._update)
        self._update()
        self._fit_texts()
        (self.reason if self.reason.isEnabled() else self.status).setFocus()
        self.mark_clean()

    def _fit_texts(self) -> None:
        """Wide enough that neither the title nor the reason's placeholder is cut."""
        title = self.fontMetrics().horizontalAdvance(self.windowTitle()) + TITLE_SLACK
        metrics = self.reason.fontMetrics()
        self.reason.setMinimumWidth(
            metrics.horizontalAdvance(self.reason.placeholderText()) + FIELD_PADDING
        )
        self.setMinimumWidth(max(MIN_WIDTH, title))
        self.adjustSize()

    def wants_placement(self) -> bool:
        """Closing with "Danach Vermittlung erfassen" ticked."""
        return self.chosen() is CaseStatus.CLOSED and self.placement.isChecked()

    def chosen(self) -> CaseStatus:
        return CaseStatus(str(self.status.currentData()))

    def _update(self) -> None:
        closing = self.chosen() is CaseStatus.CLOSED
        self.reason.setEnabled(closing)
        self.day.setEnabled(closing)
        self.placement.setEnabled(closing)

    def typed(self) -> object:
        return (
            self.status.currentIndex(),
            self.reason.text(),
            self.day.text(),
            self.placement.isChecked(),
        )

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
    parent: QWidget | None,
    ctx: AreaContext,
    case: CaseEntry,
    target: CaseStatus | None = None,
    heading: str = "",
) -> bool:
    """Ask for the new status (and the closing reason); True if it was saved.

    Closed with "Danach Vermittlung erfassen" ticked: the placement dialog follows
    (``heading`` names the person and case there).
    """
    if not cases.allowed_transitions(case.status):
        return False
    dialog = CaseStatusDialog(parent, ctx, case, target)
    dialog.exec()
    if dialog.saved and dialog.wants_placement():
        from mzdesk.ui.dialogs.placement import record_placement

        record_placement(parent, ctx, case.id, heading)
    return dialog.saved
