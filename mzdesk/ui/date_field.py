"""A date typed as text: ``24.11.2026``, ``24.11.26``, ISO, or ``+14`` (days from today).

The one date field of mzdesk (the contact dialog's "Nächste Wiedervorlage" is one): a plain
line edit, so Tab goes to the next field — a ``QDateEdit`` walks its day, month and year
sections first and traps Tab (counsellor walk, defect 15). Reading it is
:func:`mzdesk.ui.dialogs.case_forms.read_date`: an unreadable date raises one German line
naming the field, and the typing stays.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from mzdesk.ui.dialogs.case_forms import german_date, read_date


def placeholder() -> str:
    return QCoreApplication.translate("DateField", "DD.MM.YYYY or +14")


def prepare(edit: QLineEdit, value: date | None = None) -> QLineEdit:
    """Make ``edit`` (e.g. from a form) a date field showing ``value``."""
    edit.setPlaceholderText(placeholder())
    edit.setMaxLength(20)
    edit.setText(german_date(value))
    if not edit.toolTip():
        edit.setToolTip(
            QCoreApplication.translate(
                "DateField", "A date like 24.11.2026, or +14 for 14 days from today"
            )
        )
    return edit


def date_field(value: date | None = None, parent: QWidget | None = None) -> QLineEdit:
    return prepare(QLineEdit(parent), value)


def field_date(edit: QLineEdit, label: str, *, required: bool = False) -> date | None:
    """The date typed into ``edit`` (None if empty and not ``required``); an
    :class:`~mzdesk.ui.dialogs.case_forms.InvalidInput` with the German reason otherwise."""
    return read_date(edit.text(), label, required=required)


__all__ = ["date_field", "field_date", "prepare"]
