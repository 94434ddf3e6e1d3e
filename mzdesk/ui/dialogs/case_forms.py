"""What the case file's dialogs share: a form dialog that never loses typing, check lists,
German date fields, and the "someone else changed this case" question.

A :class:`FormDialog` holds a form from forms/ (with ``errorLabel`` and ``buttonBox``).
Save calls :meth:`FormDialog.save`; an ``MzdeskError`` is shown under the fields and the
dialog stays open with everything typed. Esc (or Cancel) asks before discarding typed input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.datetext import parse_date
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import CaseStatus
from mzdesk.core.services.cases import CaseState
from mzdesk.core.services.person_file import CaseEntry
from mzdesk.ui import theme
from mzdesk.ui.forms import child, load_form

_IN_DAYS = re.compile(r"^\+\s*(\d{1,4})$")


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseForms", text)


def status_label(status: CaseStatus) -> str:
    return {
        CaseStatus.OPEN: QCoreApplication.translate("CaseForms", "open"),
        CaseStatus.ACTIVE: QCoreApplication.translate("CaseForms", "active"),
        CaseStatus.PAUSED: QCoreApplication.translate("CaseForms", "paused"),
        CaseStatus.CLOSED: QCoreApplication.translate("CaseForms", "closed"),
    }[status]


def ref_label(set_name: str, code: str | None, language: str) -> str:
    try:
        return reference.label(set_name, code, language)
    except FileNotFoundError:  # reference file not installed: the code is better than nothing
        return code or ""


class InvalidInput(MzdeskError):
    """A field the dialog cannot read (the message names it)."""


def read_date(text: str, field: str, *, required: bool = False) -> date | None:
    """A German date (``24.11.2026``, ISO) or ``+N`` days from today; None if empty."""
    raw = text.strip()
    if match := _IN_DAYS.match(raw):
        return date.today() + timedelta(days=int(match[1]))
    try:
        parsed = parse_date(raw)
    except MzdeskError as error:
        raise InvalidInput(str(error), german=f"{field}: {error.german}") from None
    if parsed is None and required:
        message = QCoreApplication.translate("CaseForms", "%1: please enter a date.").replace(
            "%1", field
        )
        raise InvalidInput(f"{field}: a date is needed", german=message)
    return parsed.value if parsed else None


def german_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d.%m.%Y")


def fill_checklist(
    widget: QListWidget, set_name: str, language: str, checked: Iterable[str] = ()
) -> None:
    """Checkable items of a reference set (Space toggles the current one)."""
    chosen = set(checked)
    widget.clear()
    for item in reference.items(set_name):
        entry = QListWidgetItem(item.label(language), widget)
        entry.setData(Qt.ItemDataRole.UserRole, item.code)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        state = Qt.CheckState.Checked if item.code in chosen else Qt.CheckState.Unchecked
        entry.setCheckState(state)
    if widget.count():
        widget.setCurrentRow(0)


def checked_codes(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


def case_changes(mine: CaseEntry, current: CaseState, language: str) -> list[str]:
    """Lines "field: what you saw → what is saved now" for the conflict question."""
    lines = []
    if mine.status is not current.status:
        lines.append(
            f"{tr('Status')}: {status_label(mine.status)} → {status_label(current.status)}"
        )
    if tuple(sorted(mine.topics)) != current.topics:

        def topics(codes: Iterable[str]) -> str:
            return ", ".join(ref_label("case_topics", code, language) for code in codes) or "–"

        lines.append(f"{tr('Topics')}: {topics(sorted(mine.topics))} → {topics(current.topics)}")
    if mine.goals != current.goals:
        lines.append(f"{tr('Goals')}: {mine.goals or '–'} → {current.goals or '–'}")
    if mine.counsellor_id != current.counsellor_id:
        lines.append(QCoreApplication.translate("CaseForms", "Counsellor: changed"))
    if mine.closing_reason != current.closing_reason:
        lines.append(
            f"{tr('Closing reason')}: {mine.closing_reason or '–'} → "
            f"{current.closing_reason or '–'}"
        )
    return lines or [QCoreApplication.translate("CaseForms", "(no visible field changed)")]


def ask_overwrite(parent: QWidget, mine: CaseEntry, current: CaseState, language: str) -> bool:
    """Someone saved the case meanwhile: show what changed; True to save over it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("CaseForms", "Case changed meanwhile"))
    box.setText(
        QCoreApplication.translate(
            "CaseForms", "Someone else saved this case while you were working on it."
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("CaseForms", "Changed since you opened it:")
        + "\n"
        + "\n".join(case_changes(mine, current, language))
        + "\n\n"
        + QCoreApplication.translate("CaseForms", "Save your input over it, or go back and check?")
    )
    overwrite = box.addButton(
        QCoreApplication.translate("CaseForms", "Save mine over it"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    back = box.addButton(
        QCoreApplication.translate("CaseForms", "Go back"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is overwrite


def name_discard_buttons(box: QMessageBox) -> None:
    """ "Eingaben verwerfen?" answered by what the buttons do: "Verwerfen" / "Weiter
    bearbeiten" (not "Abbrechen", which read as "cancel the dialog")."""
    box.button(QMessageBox.StandardButton.Discard).setText(
        QCoreApplication.translate("CaseForms", "&Discard")
    )
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("CaseForms", "&Keep editing")
    )


class FormDialog(QDialog):
    """A dialog around a form: keeps typing on errors, asks before Esc discards it."""

    def __init__(self, form_name: str, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = load_form(form_name, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.error_label = child(self.form, QLabel, "errorLabel")
        theme.style(self.error_label, theme.ERROR_STYLE)
        self.error_label.hide()
        self.buttons = child(self.form, QDialogButtonBox, "buttonBox")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(QCoreApplication.translate("CaseForms", "&Save"))
        save.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("CaseForms", "Cancel")
        )
        self._initial: object = None

    def typed(self) -> object:
        """Everything the user can change, to tell whether anything was typed."""
        return None

    def mark_clean(self) -> None:
        self._initial = self.typed()

    def is_dirty(self) -> bool:
        return self.typed() != self._initial

    def save(self) -> bool:
        """Do the work; raise MzdeskError to stay open with a message; False: stay silently."""
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def submit(self) -> None:
        try:
            done = self.save()
        except MzdeskError as error:
            self.show_error(error.german)
            return
        if done:
            self.accept()

    def reject(self) -> None:
        if self.is_dirty():
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.windowTitle(),
                QCoreApplication.translate("CaseForms", "Discard what you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.setEscapeButton(QMessageBox.StandardButton.Cancel)
            name_discard_buttons(box)
            box.exec()
            if box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Discard:
                return
        super().reject()
