""" "Überweisung erstellen": a referral from a case to a partner, previewed, then sent.

``create_referral(parent, ctx, case_id)`` is the door the case file uses. The dialog asks for
the partner (type to search), the service, the purpose and the request, and shows which data
categories the letter would print and on which consent (or that there is none). "Vorschau…"
saves the draft and opens the letter in :class:`LetterPreviewDialog`, where "Senden" marks it
sent. Printing and saving take the bytes from ``referrals.release_letter`` (consent checked,
output audited). Without a covering consent the preview is marked ENTWURF, printing, saving
and sending are refused with the German reason, and a team lead gets "Ausnahme begründen…":
the exception is recorded with its reason (audited) before anything leaves.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.models import ReferralStatus, Role, User
from mzdesk.core.services import partners, referrals
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.letter_preview import LetterOutput, LetterPreviewDialog, session_output
from mzdesk.ui.file_dialogs import file_name
from mzdesk.ui.forms import find_data

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mzdesk.core.models import Referral

log = logging.getLogger(__name__)


def is_team_lead(ctx: AreaContext) -> bool:
    user_id = ctx.user_id
    if user_id is None:
        return False

    def lead(session: Session) -> bool:
        user = session.get(User, user_id)
        return user is not None and user.role is Role.TEAM_LEAD

    return ctx.read(lead)


PURPOSES = {"print": referrals.LetterPurpose.PRINT, "pdf": referrals.LetterPurpose.PDF}


def letter_output(ctx: AreaContext, referral_id: uuid.UUID) -> LetterOutput:
    """Print and save of a referral letter: only through ``referrals.release_letter``."""
    return session_output(
        ctx.session_factory,
        lambda session, purpose: referrals.release_letter(session, referral_id, PURPOSES[purpose]),
        lambda session, purpose: referrals.check_release(
            session, referral_id, PURPOSES[purpose], attempt=True
        ),
    )


def letter_file_name(session: Session, referral: Referral) -> str:
    """``Überweisung Mustermann 2026-12-04.pdf``: the client's family name (the letter is
    filed by person) and the letter's date; no given name, no partner."""
    from datetime import date

    from mzdesk.core.models import Case, Person

    case = session.get(Case, referral.case_id)
    person = session.get(Person, case.person_id) if case is not None else None
    return file_name(
        QCoreApplication.translate("ReferralDialog", "Referral"),
        person.family_name if person is not None else None,
        referral.sent_on or date.today(),
        suffix="pdf",
    )


def open_letter_preview(
    parent: QWidget, ctx: AreaContext, referral_id: uuid.UUID
) -> LetterPreviewDialog | None:
    """The preview of a referral's letter (stored if sent, else as it would be sent today)."""
    from mzdesk.ui.operations import show_message

    def load(session: Session) -> tuple[bytes, bool, str, str]:
        referral = referrals.get_referral(session, referral_id)
        pdf = referrals.preview_letter(session, referral)
        draft = referral.status is ReferralStatus.DRAFT
        name = letter_file_name(session, referral)
        notice = ""
        try:
            referrals.check_release(session, referral_id, referrals.LetterPurpose.PRINT)
        except referrals.ReferralError as refusal:  # said at once (no consent, no letter)
            notice = refusal.german
        return pdf, draft, name, notice

    loaded = ctx.read(load, refused=lambda german: show_message(parent, german))
    if loaded is None:
        return None
    pdf, draft, name, notice = loaded

    # Sending and recording an exception commit, then read the stored letter in the same
    # session: a preview that failed after the commit must not undo what was sent (not
    # ctx.write, which would roll the whole block back).

    def send(reason: str | None) -> bytes:
        with ctx.session_factory() as session:
            sent = referrals.send_as(session, referral_id, ctx.user_id, override_reason=reason)
            session.commit()
            stored = referrals.preview_letter(session, sent)  # the stored letter, as sent
        log.info("referral %s sent", referral_id)
        return stored

    def record_exception(reason: str) -> bytes:
        with ctx.session_factory() as session:
            referral = referrals.record_exception(session, referral_id, reason=reason)
            session.commit()
            preview = referrals.preview_letter(session, referral)
        log.info("consent exception recorded on referral %s", referral_id)
        return preview

    dialog = LetterPreviewDialog(
        parent,
        pdf,
        title=QCoreApplication.translate("ReferralDialog", "Referral letter")
        if draft
        else QCoreApplication.translate("ReferralDialog", "Referral letter (as sent)"),
        file_name=name,
        output=letter_output(ctx, referral_id),
        send=send if draft else None,
        may_override=draft and is_team_lead(ctx),
        record_exception=record_exception if draft else None,
        notice=notice,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


class ReferralDialog(QDialog):
    """Partner, service, purpose, request; the data the letter prints; preview and send."""

    def __init__(self, parent: QWidget | None, ctx: AreaContext, case_id: uuid.UUID) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.referral_id: uuid.UUID | None = None
        self.preview: LetterPreviewDialog | None = None
        self.sent = False
        self.setWindowTitle(self.tr("Create referral"))
        self.resize(640, 560)

        self.partner_combo = QComboBox(self)
        self.partner_combo.setEditable(True)
        self.partner_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.partner_combo.lineEdit().setPlaceholderText(self.tr("Type to search partners"))
        completer = QCompleter(self.partner_combo.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.partner_combo.setCompleter(completer)
        self.service_edit = QLineEdit(self)
        self.purpose_edit = QLineEdit(self)
        self.request_edit = QPlainTextEdit(self)
        self.request_edit.setTabChangesFocus(True)
        self.categories_list = QListWidget(self)
        self.categories_list.setMaximumHeight(140)
        self.consent_label = QLabel(self)
        self.consent_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        theme.style(self.message_label, theme.ERROR_STYLE)

        form = QFormLayout()
        for text, widget in (
            (self.tr("&Partner:"), self.partner_combo),
            (self.tr("&Service:"), self.service_edit),
            (self.tr("P&urpose:"), self.purpose_edit),
            (self.tr("&Request:"), self.request_edit),
            (self.tr("Data in the &letter:"), self.categories_list),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.consent_label)

        self.buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton(self.tr("Pre&view…"), self)
        self.preview_button.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.save_button = self.buttons.addButton(
            self.tr("Save &draft"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_and_close)
        self.preview_button.clicked.connect(self.open_preview)
        self.partner_combo.currentIndexChanged.connect(lambda _index: self.update_categories())
        self._load_partners()
        self.partner_combo.setCurrentIndex(-1)
        self.partner_combo.setFocus()
        self.update_categories()

    # --- data ---------------------------------------------------------------------------------

    def _load_partners(self) -> None:
        def load(session: Session) -> list[tuple[uuid.UUID, str]]:
            found = partners.find_partners(session, "", include_inactive=False, limit=5000)
            return [
                (
                    partner.id,
                    " · ".join(
                        filter(
                            None,
                            [
                                partner.name,
                                reference.label("partner_kinds", partner.kind, self.ctx.language),
                                partner.city,
                            ],
                        )
                    ),
                )
                for partner in found
            ]

        for partner_id, text in self.ctx.read(load):
            self.partner_combo.addItem(text, partner_id)

    def partner_id(self) -> uuid.UUID | None:
        index = self.partner_combo.currentIndex()
        if index < 0 or self.partner_combo.itemText(index) != self.partner_combo.currentText():
            return None
        value = self.partner_combo.itemData(index)
        return value if isinstance(value, uuid.UUID) else None

    def select_partner(self, partner_id: uuid.UUID) -> None:
        index = find_data(self.partner_combo, partner_id)
        self.partner_combo.setCurrentIndex(index)

    def update_categories(self) -> None:
        """The categories the letter would print and the consent it would rest on."""
        self.categories_list.clear()
        partner_id = self.partner_id()
        if partner_id is None:
            self.consent_label.setText(self.tr("Choose a partner to see what the letter contains."))
            return

        def load(session: Session) -> tuple[referrals.ConsentCheck, str, str]:
            check = referrals.partner_categories(session, self.case_id, partner_id)
            consent = check.consent
            given = consent.given_on.strftime("%d.%m.%Y") if consent else ""
            version = consent.text_version if consent else ""
            return check, given, version

        loaded = self.ctx.read(load, refused=self.consent_label.setText)
        if loaded is None:
            return
        check, given, version = loaded
        consent = check.consent
        for code in reference.codes("data_categories"):
            item = QListWidgetItem(reference.label("data_categories", code, self.ctx.language))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # shown, decided by template and consent
            printed = code in check.printed
            item.setCheckState(Qt.CheckState.Checked if printed else Qt.CheckState.Unchecked)
            self.categories_list.addItem(item)
        if consent is not None:
            self.consent_label.setText(
                self.tr("Covered by the consent of %1 (text %2).")
                .replace("%1", given)
                .replace("%2", version)
            )
        else:
            self.consent_label.setText(
                self.tr(
                    "No valid consent covers this partner and the required data: the letter "
                    "cannot be printed, saved or sent until a consent is recorded (a team lead "
                    "may record a justified exception). The preview is marked as a draft."
                )
            )

    def _validate(self) -> uuid.UUID | None:
        partner_id = self.partner_id()
        if partner_id is None:
            self.message_label.setText(self.tr("Please choose a partner from the list."))
            self.partner_combo.setFocus()
            return None
        if not self.purpose_edit.text().strip():
            self.message_label.setText(self.tr("Please enter the purpose of the referral."))
            self.purpose_edit.setFocus()
            return None
        self.message_label.clear()
        return partner_id

    def save_draft(self) -> uuid.UUID | None:
        """Create the draft, or update it; the typing stays in the form on an error."""
        partner_id = self._validate()
        if partner_id is None:
            return None
        values = {
            "partner_id": partner_id,
            "purpose": self.purpose_edit.text(),
            "service": self.service_edit.text(),
            "request": self.request_edit.toPlainText(),
        }

        def save(session: Session) -> uuid.UUID:
            if self.referral_id is None:
                referral = referrals.create_referral(
                    session, case_id=self.case_id, created_by_id=self.ctx.user_id, **values
                )
            else:
                referral = referrals.update_draft(session, self.referral_id, **values)
            return referral.id

        referral_id = self.ctx.write(save, refused=self.message_label.setText)
        if referral_id is None:
            return None
        self.referral_id = referral_id
        return referral_id

    # --- actions ------------------------------------------------------------------------------

    def open_preview(self) -> LetterPreviewDialog | None:
        referral_id = self.referral_id if self.sent else self.save_draft()
        if referral_id is None:
            return None
        self.preview = open_letter_preview(self, self.ctx, referral_id)
        if self.preview is not None:
            self.preview.letter_sent.connect(self._on_sent)
            self.preview.finished.connect(self._on_preview_closed)
        return self.preview

    def _on_sent(self) -> None:
        self.sent = True
        for widget in (self.partner_combo, self.service_edit, self.purpose_edit):
            widget.setEnabled(False)
        self.request_edit.setReadOnly(True)
        self.save_button.setText(self.tr("&Close"))

    def _on_preview_closed(self, _result: int = 0) -> None:
        self.preview = None

    def save_and_close(self) -> None:
        if self.sent:
            self.accept()
            return
        if self.save_draft() is not None:
            self.accept()


def create_referral(parent: QWidget, ctx: AreaContext, case_id: uuid.UUID) -> uuid.UUID | None:
    """Ask for a referral of ``case_id``; the new referral's id, or None if none was made."""
    dialog = ReferralDialog(parent, ctx, case_id)
    try:
        dialog.exec()
        return dialog.referral_id  # a draft saved for a preview counts, even on Cancel
    finally:
        dialog.deleteLater()
