"""Settings: personal (language) and organisation-wide (letterhead, lead times, …).

The organisation page is generated from the declarations in ``mzdesk.core.org_settings``
(each key declared once there, with its default, type and range), so a new key appears here
without a form change; only its translated label is added to ``LABELS`` below (a test checks
that every declared key has one). Organisation-wide settings are saved in one session, checked
by the core (``Action.MANAGE_SETTINGS``); without that right the page is read-only.
A refused or invalid value leaves the dialog open with everything typed still there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core import access, org_settings
from mzdesk.core.errors import MzdeskError
from mzdesk.core.org_settings import OrgKey
from mzdesk.ui import settings as personal
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.file_dialogs import Kind, open_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsLabels", text)


def group_title(prefix: str) -> str:
    titles = {
        "letterhead": QCoreApplication.translate("SettingsLabels", "Letterhead"),
        "followups": QCoreApplication.translate("SettingsLabels", "Follow-ups"),
        "referrals": QCoreApplication.translate("SettingsLabels", "Referrals"),
        "security": QCoreApplication.translate("SettingsLabels", "Security"),
        "retention": QCoreApplication.translate("SettingsLabels", "Retention periods"),
        "backup": QCoreApplication.translate("SettingsLabels", "Backups"),
        "accounts": QCoreApplication.translate("SettingsLabels", "Accounts"),
        "statistics": QCoreApplication.translate("SettingsLabels", "Statistics"),
    }
    return titles.get(prefix, prefix)


def label(key: OrgKey) -> str:
    """The translated label of a declared key (the English one from the core if none)."""
    return labels().get(key.name, key.label)


def labels() -> dict[str, str]:
    """Translated labels of the declared keys (tests/gui/test_settings_dialog.py: all there)."""
    return {
        "letterhead.authority": QCoreApplication.translate("SettingsLabels", "Authority"),
        "letterhead.organisation": QCoreApplication.translate("SettingsLabels", "Organisation"),
        "letterhead.short_name": QCoreApplication.translate(
            "SettingsLabels", "Short name (return address)"
        ),
        "letterhead.street": QCoreApplication.translate("SettingsLabels", "Street"),
        "letterhead.postcode": QCoreApplication.translate("SettingsLabels", "Postcode"),
        "letterhead.city": QCoreApplication.translate("SettingsLabels", "City"),
        "letterhead.phone": QCoreApplication.translate("SettingsLabels", "Phone"),
        "letterhead.email": QCoreApplication.translate("SettingsLabels", "E-mail"),
        "letterhead.website": QCoreApplication.translate("SettingsLabels", "Website"),
        "letterhead.logo": QCoreApplication.translate("SettingsLabels", "Logo (PNG or JPEG file)"),
        "letterhead.bank_holder": QCoreApplication.translate("SettingsLabels", "Account holder"),
        "letterhead.bank_name": QCoreApplication.translate("SettingsLabels", "Bank"),
        "letterhead.iban": QCoreApplication.translate(
            "SettingsLabels", "IBAN (empty: no bank details in letters)"
        ),
        "letterhead.bic": QCoreApplication.translate("SettingsLabels", "BIC"),
        "followups.residence_lead_weeks": QCoreApplication.translate(
            "SettingsLabels", "Residence documents: warn weeks ahead"
        ),
        "referrals.answer_days": QCoreApplication.translate(
            "SettingsLabels", "Referral answer deadline (days)"
        ),
        "security.lock_minutes": QCoreApplication.translate(
            "SettingsLabels", "Lock after inactivity (minutes)"
        ),
        "security.max_failed_logins": QCoreApplication.translate(
            "SettingsLabels", "Failed logins before an account locks"
        ),
        "security.lockout_minutes": QCoreApplication.translate(
            "SettingsLabels", "Account lock after failed logins (minutes)"
        ),
        "retention.closed_case_years": QCoreApplication.translate(
            "SettingsLabels", "Erase persons N years after their last case closed"
        ),
        "retention.no_case_years": QCoreApplication.translate(
            "SettingsLabels", "Erase persons without a case after N years"
        ),
        "retention.audit_years": QCoreApplication.translate(
            "SettingsLabels", "Keep audit entries (years)"
        ),
        "backup.keep_daily": QCoreApplication.translate(
            "SettingsLabels", "Backups: keep the newest of each of the last N days"
        ),
        "backup.folder": QCoreApplication.translate(
            "SettingsLabels", "Backup folder (empty: 'backups' beside the database)"
        ),
        "backup.passphrase_file": QCoreApplication.translate(
            "SettingsLabels", "File with the backup passphrase (empty: unencrypted)"
        ),
    }


class _Field:
    """One editor for one declared key."""

    def __init__(self, key: OrgKey, value: Any, parent: QWidget) -> None:
        self.key = key
        self.widget: QWidget
        default = key.default
        if isinstance(default, bool):
            box = QCheckBox(parent)
            box.setChecked(bool(value))
            self.widget = self.editor = box
        elif isinstance(default, int):
            spin = QSpinBox(parent)
            spin.setRange(key.minimum or 0, key.maximum if key.maximum is not None else 100000)
            spin.setValue(int(value))
            self.widget = self.editor = spin
        else:
            edit = QLineEdit(parent)
            edit.setText(", ".join(value) if isinstance(value, list) else str(value))
            edit.setPlaceholderText(str(default))
            self.editor = edit
            self.widget = edit
            if key.name.endswith(".logo"):
                row = QWidget(parent)
                layout = QHBoxLayout(row)
                layout.setContentsMargins(0, 0, 0, 0)
                layout.addWidget(edit, 1)
                browse = QPushButton(QCoreApplication.translate("SettingsDialog", "Choose …"))
                browse.clicked.connect(self._choose_file)
                layout.addWidget(browse)
                self.widget = row
        self.editor.setAccessibleName(label(key))

    def _choose_file(self) -> None:
        path = open_file(
            self.widget,
            QCoreApplication.translate("SettingsDialog", "Choose the logo"),
            Kind.IMAGE,
            QCoreApplication.translate("SettingsDialog", "Images (*.png *.jpg *.jpeg)"),
        )
        if path is not None:
            assert isinstance(self.editor, QLineEdit)
            self.editor.setText(str(path))

    def value(self) -> Any:
        if isinstance(self.editor, QCheckBox):
            return self.editor.isChecked()
        if isinstance(self.editor, QSpinBox):
            return self.editor.value()
        assert isinstance(self.editor, QLineEdit)
        return self.editor.text()

    def set_read_only(self, read_only: bool) -> None:
        if isinstance(self.editor, QLineEdit):
            self.editor.setReadOnly(read_only)
        else:
            self.editor.setEnabled(not read_only)


class SettingsDialog(QDialog):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("Settings"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._personal_page(), self.tr("&Personal"))
        self.fields: dict[str, _Field] = {}
        self.may_edit = True
        self.tabs.addTab(self._organisation_page(), self.tr("&Organisation"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # --- pages -----------------------------------------------------------------------------

    def _personal_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.language = QComboBox(page)
        for code, text in (
            ("system", self.tr("As the system")),
            ("de", "Deutsch"),
            ("en", "English"),
        ):
            self.language.addItem(text, code)
        current = self._context.settings.text(personal.LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        language_label = QLabel(self.tr("&Language:"), page)
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        note = QLabel(self.tr("The language changes at the next start of mzdesk."), page)
        note.setWordWrap(True)
        form.addRow(note)
        self.color_scheme = QComboBox(page)
        for code, text in (
            ("system", self.tr("As the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.color_scheme.addItem(text, code)
        current = self._context.settings.text(personal.COLOR_SCHEME)
        self.color_scheme.setCurrentIndex(max(0, self.color_scheme.findData(current)))
        scheme_label = QLabel(self.tr("&Colours:"), page)
        scheme_label.setBuddy(self.color_scheme)
        form.addRow(scheme_label, self.color_scheme)
        return page

    def _organisation_page(self) -> QWidget:

        def read(session: Session) -> dict[str, Any]:
            values = {
                key.name: org_settings.get_setting(session, key.name) for key in org_settings.KEYS
            }
            try:
                access.require(session, access.Action.MANAGE_SETTINGS)
            except access.AccessDenied:
                self.may_edit = False
            return values

        values = self._context.read(read)  # never committed
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget(scroll)
        column = QVBoxLayout(inner)
        if not self.may_edit:
            hint = QLabel(self.tr("Only an administrator can change these settings."), inner)
            hint.setWordWrap(True)
            column.addWidget(hint)
        groups: dict[str, QFormLayout] = {}
        for key in org_settings.KEYS:
            prefix = key.name.split(".", 1)[0]
            if prefix not in groups:
                box = QGroupBox(group_title(prefix), inner)
                groups[prefix] = QFormLayout(box)
                column.addWidget(box)
            field = _Field(key, values[key.name], inner)
            field.set_read_only(not self.may_edit)
            text = QLabel(label(key) + ":", inner)
            text.setBuddy(field.editor)
            groups[prefix].addRow(text, field.widget)
            self.fields[key.name] = field
        column.addStretch(1)
        scroll.setWidget(inner)
        return scroll

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        self._context.settings.set(personal.LANGUAGE, str(self.language.currentData()))
        self._context.settings.set(personal.COLOR_SCHEME, str(self.color_scheme.currentData()))
        self._context.settings.sync()
        theme.reapply(self._context.settings)
        if self.may_edit:
            try:
                self._save_organisation()
            except MzdeskError as error:
                QMessageBox.warning(self, self.tr("Settings not saved"), error.german)
                return  # the dialog stays open with everything typed
        self.accept()

    def _save_organisation(self) -> None:

        def save(session: Session) -> None:
            access.require(session, access.Action.MANAGE_SETTINGS)
            for name, field in self.fields.items():
                if org_settings.coerce(field.key, field.value()) != org_settings.get_setting(
                    session, name
                ):
                    org_settings.set_setting(session, name, field.value())

        self._context.write(save)
