"""A partner in the directory, new or edited: organisation, services, contact people.

One dialog for "Neu…" and "Bearbeiten…" in the Partners area, and for whoever wants to offer
"add this employer to the directory" (placements, fair mode)::

    partner_id = edit_partner(parent, context, prefill_name="Malerbetrieb Kaya", kind="AG")

Contact people (Ansprechpersonen) are a list with the selected person's fields under it:
"Ansprechperson hinzufügen" adds an empty one and puts the cursor in its name, typing into the
fields changes the selected one, "entfernen" takes it out (nothing is stored before Speichern).
Services (Leistungen/Angebote) are one a line. Saving goes through ``core.services.partners``
(access decision and audit there); a refusal is one German line under the fields, the field at
fault gets the focus, and everything typed stays. An edit carries the version the dialog was
opened with: if someone else saved the partner meanwhile, the user decides whether to save
over it. The dialog (window-modal) reports the saved partner's id with ``saved``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.services import partners
from mzdesk.core.services.partners import ContactPerson, PartnerChanged, PartnerError
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import FormDialog
from mzdesk.ui.forms import child, find_data

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# form field -> partner field
LINE_FIELDS = {
    "nameEdit": "name",
    "departmentEdit": "department",
    "streetEdit": "street",
    "postcodeEdit": "postcode",
    "cityEdit": "city",
    "phoneEdit": "phone",
    "emailEdit": "email",
    "websiteEdit": "website",
}
CONTACT_EDITS = {
    "name": "contactNameEdit",
    "role": "contactRoleEdit",
    "phone": "contactPhoneEdit",
    "email": "contactEmailEdit",
}


@dataclass(frozen=True)
class _Loaded:
    values: dict[str, object]
    version: int
    contacts: list[ContactPerson]


class PartnerEditDialog(FormDialog):
    """``partner_id`` None: a new partner (``prefill_name``, ``kind`` filled in); else that one."""

    saved = Signal(object)  # the partner's id (uuid.UUID)

    def __init__(
        self,
        parent: QWidget | None,
        ctx: AreaContext,
        partner_id: uuid.UUID | None = None,
        *,
        prefill_name: str | None = None,
        kind: str | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("PartnerEditDialog", "New partner")
            if partner_id is None
            else QCoreApplication.translate("PartnerEditDialog", "Edit partner")
        )
        super().__init__("partner_edit.ui", title, parent)
        self.setObjectName("PartnerEditDialog")
        self._ctx = ctx
        self.partner_id = partner_id
        self.saved_id: uuid.UUID | None = None
        self.version: int | None = None
        form = self.form
        self.edits = {field: child(form, QLineEdit, name) for name, field in LINE_FIELDS.items()}
        self.kind_combo = child(form, QComboBox, "kindCombo")
        self.language_combo = child(form, QComboBox, "languageCombo")
        self.services_edit = child(form, QPlainTextEdit, "servicesEdit")
        self.contacts_table = child(form, QTableWidget, "contactsTable")
        self.contact_fields = child(form, QWidget, "contactFields")
        self.contact_edits = {
            field: child(form, QLineEdit, name) for field, name in CONTACT_EDITS.items()
        }
        self.add_contact_button = child(form, QPushButton, "addContactButton")
        self.remove_contact_button = child(form, QPushButton, "removeContactButton")
        self.contacts: list[ContactPerson] = []

        self.kind_combo.addItem(self.tr("– please choose –"), None)
        for item in sorted(
            reference.items("partner_kinds"), key=lambda item: item.label(ctx.language)
        ):
            self.kind_combo.addItem(item.label(ctx.language), item.code)
        self.language_combo.addItem(self.tr("German"), "de")
        self.language_combo.addItem(self.tr("English"), "en")

        table = self.contacts_table
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Function"), self.tr("Phone"), self.tr("E-mail")]
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((140, 110, 105)):
            table.setColumnWidth(column, width)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_contact(row))
        for field, edit in self.contact_edits.items():
            edit.textEdited.connect(lambda _text, f=field: self._contact_typed(f))
        self.add_contact_button.clicked.connect(self.add_contact)
        self.remove_contact_button.clicked.connect(self.remove_contact)

        if partner_id is not None:
            self._load(partner_id)
        else:
            if prefill_name:
                self.edits["name"].setText(" ".join(prefill_name.split()))
            if kind:
                try:
                    code = partners.kind_code(kind)
                except PartnerError:
                    code = None
                self.kind_combo.setCurrentIndex(max(0, find_data(self.kind_combo, code)))
        self._fill_contacts(0 if self.contacts else -1)
        self.resize(1040, 580)
        self.edits["name"].setFocus()
        self.edits["name"].end(False)
        self.mark_clean()

    # --- loading --------------------------------------------------------------------------

    def _load(self, partner_id: uuid.UUID) -> None:
        def read(session: Session) -> _Loaded:
            partner = partners.get_partner(session, partner_id)
            values = {name: getattr(partner, name) for name in partners.FIELDS}
            contacts = [
                ContactPerson(c.name, c.role, c.phone, c.email, c.id)
                for c in sorted(partner.contact_people, key=lambda c: (c.created_at, c.name))
            ]
            return _Loaded(values, partner.version, contacts)

        loaded = self._ctx.read(read)
        self.version = loaded.version
        for field, edit in self.edits.items():
            edit.setText(str(loaded.values[field] or ""))
        self.kind_combo.setCurrentIndex(max(0, find_data(self.kind_combo, loaded.values["kind"])))
        language = loaded.values["letter_language"] or "de"
        self.language_combo.setCurrentIndex(max(0, find_data(self.language_combo, language)))
        self.services_edit.setPlainText(str(loaded.values["services"] or ""))
        self.contacts = list(loaded.contacts)
        if not loaded.values["active"]:
            self.setWindowTitle(self.tr("Edit partner (inactive)"))

    # --- contact people -------------------------------------------------------------------

    def _fill_contacts(self, current: int) -> None:
        table = self.contacts_table
        table.blockSignals(True)
        table.setRowCount(len(self.contacts))
        for row, contact in enumerate(self.contacts):
            for column, field in enumerate(CONTACT_EDITS):
                table.setItem(row, column, QTableWidgetItem(getattr(contact, field) or ""))
        table.blockSignals(False)
        if 0 <= current < len(self.contacts):
            table.setCurrentCell(current, 0)
        self._show_contact(current if 0 <= current < len(self.contacts) else -1)

    def current_contact(self) -> int:
        row = self.contacts_table.currentRow()
        return row if 0 <= row < len(self.contacts) else -1

    def _show_contact(self, row: int) -> None:
        contact = self.contacts[row] if 0 <= row < len(self.contacts) else None
        for field, edit in self.contact_edits.items():
            edit.setText("" if contact is None else getattr(contact, field) or "")
        self.contact_fields.setEnabled(contact is not None)
        self.remove_contact_button.setEnabled(contact is not None)

    def _contact_typed(self, field: str) -> None:
        row = self.current_contact()
        if row < 0:
            return
        text = self.contact_edits[field].text()
        values = {name: getattr(self.contacts[row], name) for name in CONTACT_EDITS}
        values[field] = text
        self.contacts[row] = replace(self.contacts[row], **values)
        item = self.contacts_table.item(row, list(CONTACT_EDITS).index(field))
        if item is not None:
            item.setText(text)

    def add_contact(self) -> None:
        """An empty contact person, selected, the cursor in its name."""
        self.contacts.append(ContactPerson(""))
        self._fill_contacts(len(self.contacts) - 1)
        self.contact_edits["name"].setFocus()

    def remove_contact(self) -> None:
        row = self.current_contact()
        if row < 0:
            return
        del self.contacts[row]
        self._fill_contacts(min(row, len(self.contacts) - 1))
        (self.contacts_table if self.contacts else self.add_contact_button).setFocus()

    # --- saving ---------------------------------------------------------------------------

    def typed(self) -> object:
        return (
            tuple(edit.text() for edit in self.edits.values()),
            self.kind_combo.currentIndex(),
            self.language_combo.currentIndex(),
            self.services_edit.toPlainText(),
            tuple(self.contacts),
        )

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {field: edit.text() for field, edit in self.edits.items()}
        values["kind"] = self.kind_combo.currentData() or ""
        values["letter_language"] = self.language_combo.currentData()
        values["services"] = self.services_edit.toPlainText()
        return values

    def save(self) -> bool:
        values = self.values()
        if not str(values["name"]).strip():
            self._focus_field("name")
            raise PartnerError("name is missing", german=self.tr("Please enter the name."))
        if not values["kind"]:
            self._focus_field("kind")
            raise PartnerError(
                "kind is missing", german=self.tr("Please choose the kind of partner.")
            )
        try:
            self.saved_id = self._store(values, self.version)
        except PartnerChanged as changed:
            if not self._ask_overwrite():
                return False  # back to the form, everything typed kept
            self.version = changed.current_version
            return self.save()
        except PartnerError as error:
            self._focus_field(error.field)
            raise
        self.saved.emit(self.saved_id)
        return True

    def _store(self, values: dict[str, object], version: int | None) -> uuid.UUID:
        contacts = list(self.contacts)
        partner_id = self.partner_id
        if partner_id is None:
            return self._ctx.write(
                lambda session: partners.add_partner(session, contact_people=contacts, **values).id
            )
        return self._ctx.write(
            lambda session: (
                partners.update_partner(
                    session, partner_id, expected_version=version, contact_people=contacts, **values
                ).id
            )
        )

    def _focus_field(self, field: str | None) -> None:
        if not field:
            return
        if field.startswith("contact:"):
            _, number, name = field.split(":")
            row = int(number) - 1
            # the core numbers the rows it was given; blank rows count as well
            if 0 <= row < len(self.contacts):
                self._fill_contacts(row)
                self.contact_edits.get(name, self.contact_edits["name"]).setFocus()
            return
        target: QWidget | None = {
            "kind": self.kind_combo,
            "letter_language": self.language_combo,
            "services": self.services_edit,
        }.get(field) or self.edits.get(field)
        if target is not None:
            target.setFocus()

    def _ask_overwrite(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Partner changed meanwhile"))
        box.setText(self.tr("Someone else saved this partner while you were editing it."))
        box.setInformativeText(self.tr("Save your input over it, or go back and check?"))
        overwrite = box.addButton(self.tr("Save mine over it"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is overwrite


def open_partner_dialog(
    parent: QWidget | None,
    ctx: AreaContext,
    partner_id: uuid.UUID | None = None,
    *,
    prefill_name: str | None = None,
    kind: str | None = None,
) -> PartnerEditDialog:
    """The dialog, window-modal and not blocking (``saved`` reports the id); deleted on close."""
    dialog = PartnerEditDialog(parent, ctx, partner_id, prefill_name=prefill_name, kind=kind)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def edit_partner(
    parent: QWidget | None,
    context: AreaContext,
    prefill_name: str | None = None,
    kind: str | None = None,
    *,
    partner_id: uuid.UUID | None = None,
) -> uuid.UUID | None:
    """Add a partner to the directory (or edit ``partner_id``) in a modal dialog.

    ``prefill_name`` and ``kind`` (a code such as "AG" or a label such as "Arbeitgeber") fill
    in a new partner, e.g. the employer typed into a placement or met at a fair. Returns the
    saved partner's id, or None if the user cancelled. Refusals (no permission, a duplicate)
    are shown in the dialog, which stays open.
    """
    dialog = PartnerEditDialog(parent, context, partner_id, prefill_name=prefill_name, kind=kind)
    try:
        dialog.exec()
        return dialog.saved_id
    finally:
        dialog.deleteLater()


__all__ = ["PartnerEditDialog", "edit_partner", "open_partner_dialog"]
