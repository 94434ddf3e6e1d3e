"""A person's consents: list, record, withdraw, and print the bilingual form for signature.

``manage_consents(parent, ctx, person_id)`` is the door the person's file uses. Recording
goes through ``consents.add_consent`` (which refuses blanket consents with a reason shown in
the dialog; the typing stays). Withdrawing asks first and takes effect today. The form is
printed in German plus the person's language (en, ar, uk, fa, prs, tr) through the letter
preview (print, save as PDF).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import ConsentForm, Person
from mzdesk.core.services import consents, outputs, partners
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.date_field import field_date, prepare
from mzdesk.ui.dialogs.letter_preview import PRINT, LetterPreviewDialog, session_output
from mzdesk.ui.file_dialogs import file_name
from mzdesk.ui.forms import child, load_form

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
WIDE_COLUMN = 220  # px: the widest a list column gets (its tooltip has the rest)
LANGUAGE_NAMES = {
    "de": "Deutsch",
    "en": "English",
    "ar": "العربية",
    "uk": "Українська",
    "fa": "فارسی (Farsi)",
    "prs": "دری (Dari)",
    "tr": "Türkçe",
}


def _checked(widget: QListWidget) -> list[object]:
    return [
        widget.item(row).data(ID_ROLE)
        for row in range(widget.count())
        if widget.item(row).checkState() is Qt.CheckState.Checked
    ]


def _check(widget: QListWidget, value: object, on: bool = True) -> None:
    for row in range(widget.count()):
        if widget.item(row).data(ID_ROLE) == value:
            widget.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _checkable(widget: QListWidget, text: str, value: object) -> None:
    item = QListWidgetItem(text)
    item.setData(ID_ROLE, value)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    widget.addItem(item)


class ConsentEditDialog(QDialog):
    """Record one consent (forms/consent_dialog.ui); from a referral, pre-filled with its
    partner (``partner_ids``), the ticked ``categories`` and a ``purpose``."""

    def __init__(
        self,
        parent: QWidget | None,
        ctx: AreaContext,
        person_id: uuid.UUID,
        *,
        partner_ids: Iterable[uuid.UUID] = (),
        categories: Iterable[str] = (),
        purpose: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.consent_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Record consent"))
        self.resize(720, 660)
        self.form = load_form("consent_dialog.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.categories_list = child(self.form, QListWidget, "categoriesList")
        self.partner_filter = child(self.form, QLineEdit, "partnerFilterEdit")
        self.partners_list = child(self.form, QListWidget, "partnersList")
        self.kinds_list = child(self.form, QListWidget, "kindsList")
        self.purpose_edit = child(self.form, QLineEdit, "purposeEdit")
        self.version_combo = child(self.form, QComboBox, "versionCombo")
        self.given_date = child(self.form, QLineEdit, "givenDate")
        self.expires_check = child(self.form, QCheckBox, "expiresCheck")
        self.expires_date = child(self.form, QLineEdit, "expiresDate")
        self.form_combo = child(self.form, QComboBox, "formCombo")
        self.witness_edit = child(self.form, QLineEdit, "witnessEdit")
        self.message_label = child(self.form, QLabel, "messageLabel")
        theme.style(self.message_label, theme.ERROR_STYLE)
        self.button_box = child(self.form, QDialogButtonBox, "buttonBox")
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        language = ctx.language
        for code in reference.codes("data_categories"):
            _checkable(
                self.categories_list, reference.label("data_categories", code, language), code
            )
        found = ctx.read(
            lambda session: [
                (partner.name, partner.id)
                for partner in partners.find_partners(session, "", limit=5000)
            ]
        )
        for name, partner_id in found:
            _checkable(self.partners_list, name, partner_id)
        for item in sorted(reference.items("partner_kinds"), key=lambda i: i.label(language)):
            _checkable(self.kinds_list, item.label(language), item.code)
        versions = consents.text_versions()
        self.version_combo.addItems(list(reversed(versions)))  # newest first, preselected
        today = QDate.currentDate()  # dates typed as text: Tab goes on, +14 works
        prepare(self.given_date, today.toPython())
        prepare(self.expires_date, today.addYears(1).toPython())
        self.form_combo.addItem(self.tr("Signed on paper"), ConsentForm.SIGNED_PAPER)
        self.form_combo.addItem(
            self.tr("Given verbally before a witness"), ConsentForm.VERBAL_WITNESS
        )
        self.expires_check.toggled.connect(self.expires_date.setEnabled)
        self.partner_filter.textChanged.connect(self._filter_partners)
        self.button_box.accepted.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        self.categories_list.setFocus()
        self.prefill(partner_ids=partner_ids, categories=categories, purpose=purpose)

    def prefill(
        self,
        *,
        partner_ids: Iterable[uuid.UUID] = (),
        categories: Iterable[str] = (),
        purpose: str = "",
    ) -> None:
        """Tick the partners and categories, type the purpose (all still editable)."""
        for code in categories:
            _check(self.categories_list, code)
        for partner_id in partner_ids:
            _check(self.partners_list, partner_id)
        for row in range(self.partners_list.count()):  # the first ticked partner in view
            item = self.partners_list.item(row)
            if item.checkState() is Qt.CheckState.Checked:
                self.partners_list.scrollToItem(item)
                break
        if purpose:
            self.purpose_edit.setText(purpose)

    def checked_categories(self) -> list[str]:
        return [str(code) for code in _checked(self.categories_list)]

    def checked_partners(self) -> list[uuid.UUID]:
        return [p for p in _checked(self.partners_list) if isinstance(p, uuid.UUID)]

    def _filter_partners(self, text: str) -> None:
        wanted = text.casefold().strip()
        for row in range(self.partners_list.count()):
            item = self.partners_list.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def save(self) -> None:
        expires: date | None = None
        try:
            given = field_date(self.given_date, self.tr("Given on"), required=True)
            if self.expires_check.isChecked():
                expires = field_date(self.expires_date, self.tr("Expires on"), required=True)
        except MzdeskError as error:
            self.message_label.setText(error.german)
            return

        def record(session: Session) -> uuid.UUID:
            consent = consents.add_consent(
                session,
                person_id=self.person_id,
                purpose=self.purpose_edit.text(),
                categories=self.checked_categories(),
                partner_ids=self.checked_partners(),
                partner_kinds=[str(k) for k in _checked(self.kinds_list)],
                given_on=given,
                expires_on=expires,
                form=ConsentForm(self.form_combo.currentData()),
                witness=self.witness_edit.text(),
                text_version=self.version_combo.currentText() or None,
                recorded_by_id=self.ctx.user_id,
            )
            return consent.id

        consent_id = self.ctx.write(record, refused=self.message_label.setText)
        if consent_id is None:
            return
        self.consent_id = consent_id
        log.info("consent %s recorded for person %s", consent_id, self.person_id)
        self.accept()


class ConsentsDialog(QDialog):
    """The consent registry of one person."""

    def __init__(self, parent: QWidget | None, ctx: AreaContext, person_id: uuid.UUID) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.editor: ConsentEditDialog | None = None
        self.preview: LetterPreviewDialog | None = None
        self.setWindowTitle(self.tr("Consents"))
        self.resize(980, 480)

        def load(session: Session) -> tuple[str, list[str], str | None]:
            person = session.get(Person, person_id)
            if person is None:
                raise MzdeskError("person not found", german="Person nicht gefunden.")
            heading = f"{person.family_name}, {person.given_names} ({person.file_number})"
            spoken = [skill.language_code for skill in person.languages]
            return heading, spoken, person.interpreter_language

        self.heading, spoken, interpreter = ctx.read(load)
        self.table = QTableWidget(0, 7, self)
        self.table.setAccessibleName(self.tr("Consents"))
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, not cell to cell
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Given"),
                self.tr("Status"),
                self.tr("Data"),
                self.tr("Recipients"),
                self.tr("Purpose"),
                self.tr("Expires"),
                self.tr("Text"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setShortcut(QKeySequence.StandardKey.New)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"), self)
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Language of the form"))
        for code in consents.FORM_LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES.get(code, code), code)
        preferred = next(
            (c for c in [interpreter, *spoken] if c in consents.FORM_LANGUAGES and c != "de"), "de"
        )
        self.language_combo.setCurrentIndex(self.language_combo.findData(preferred))
        language_label = QLabel(self.tr("Form &language:"), self)
        language_label.setBuddy(self.language_combo)
        self.print_button = QPushButton(self.tr("&Print form…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        theme.style(self.message_label, theme.ERROR_STYLE)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.withdraw_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        for widget in (language_label, self.language_combo, self.print_button, self.close_button):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        title = QLabel(self.heading, self)
        title.setStyleSheet("font-weight: bold;")
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.open_editor)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.print_button.clicked.connect(self.print_form)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    # --- the list -------------------------------------------------------------------------

    def refresh(self, select: uuid.UUID | None = None) -> None:
        today = date.today()

        def load(session: Session) -> list[tuple[uuid.UUID, bool, list[str]]]:
            rows = []
            for consent in consents.list_consents(session, self.person_id):
                scope = consents.scope_of(session, consent)
                if consent.withdrawn_on is not None and consent.withdrawn_on <= today:
                    status = self.tr("withdrawn %1").replace(
                        "%1", consent.withdrawn_on.strftime("%d.%m.%Y")
                    )
                elif consents.is_valid(consent, today):
                    status = self.tr("valid")
                elif consent.given_on > today:
                    status = self.tr("not yet valid")
                else:
                    status = self.tr("expired")
                rows.append(
                    (
                        consent.id,
                        consent.withdrawn_on is None,
                        [
                            consent.given_on.strftime("%d.%m.%Y"),
                            status,
                            ", ".join(
                                reference.label("data_categories", c, self.ctx.language)
                                for c in scope.categories
                            ),
                            ", ".join(scope.recipients),
                            consent.purpose,
                            consent.expires_on.strftime("%d.%m.%Y") if consent.expires_on else "—",
                            consent.text_version,
                        ],
                    )
                )
            return rows

        rows = self.ctx.read(load)
        self.table.setRowCount(len(rows))
        for row, (consent_id, open_, values) in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # the long lists are cut in the column
                item.setData(ID_ROLE, consent_id)
                item.setData(ID_ROLE + 1, open_)
                self.table.setItem(row, column, item)
            if consent_id == select:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        for column in (2, 3, 4):  # data, recipients, purpose: every column stays in view
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), WIDE_COLUMN))
        self._selection_changed()

    def selected_consent(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.table.item(rows[0].row(), 0).data(ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        withdrawable = bool(rows) and bool(self.table.item(rows[0].row(), 0).data(ID_ROLE + 1))
        self.withdraw_button.setEnabled(withdrawable)

    # --- actions --------------------------------------------------------------------------

    def open_editor(self) -> ConsentEditDialog:
        editor = ConsentEditDialog(self, self.ctx, self.person_id)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self.refresh(editor.consent_id))
        self.editor = editor
        editor.open()
        return editor

    def withdraw_selected(self) -> bool:
        consent_id = self.selected_consent()
        if consent_id is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw consent"),
            self.tr(
                "Withdraw this consent from today? Letters that need it can no longer be sent."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        withdrawn = self.ctx.write(
            lambda session: consents.withdraw(session, consent_id, date.today()),
            refused=self.message_label.setText,
        )
        if withdrawn is None:
            return False
        log.info("consent %s withdrawn", consent_id)
        self.refresh(consent_id)
        return True

    def print_form(self) -> LetterPreviewDialog | None:
        """The form for signature: filled from the selected consent, else blank."""
        language = str(self.language_combo.currentData())
        consent_id = self.selected_consent()

        def render(session: Session) -> bytes:
            person = session.get(Person, self.person_id)
            assert person is not None
            consent = consents.get_consent(session, consent_id) if consent_id else None
            return consents.render_form(session, person, language, consent=consent)

        pdf = self.ctx.read(render, refused=self.message_label.setText)
        if pdf is None:
            return None
        person_id = self.person_id

        def produce(session: Session, purpose: str) -> bytes:  # printed or saved: audited
            outputs.record_consent_form(session, person_id, consent_id, printed=purpose == PRINT)
            return pdf

        preview = LetterPreviewDialog(
            self,
            pdf,
            title=QCoreApplication.translate("ConsentsDialog", "Consent form"),
            file_name=file_name(
                QCoreApplication.translate("ConsentsDialog", "Consent form"),
                None if consent_id else QCoreApplication.translate("ConsentsDialog", "blank"),
                date.today(),
                suffix="pdf",
            ),  # names no person
            output=session_output(self.ctx.session_factory, produce),
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.setWindowModality(Qt.WindowModality.WindowModal)
        self.preview = preview
        preview.open()
        return preview


def manage_consents(parent: QWidget, ctx: AreaContext, person_id: uuid.UUID) -> None:
    """Show and edit the consents of ``person_id`` (modal)."""
    dialog = ConsentsDialog(parent, ctx, person_id)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
