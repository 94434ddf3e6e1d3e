""" "Überweisung erstellen": a referral from a case to a partner, previewed, then sent.

``create_referral(parent, ctx, case_id)`` is the door the case file uses. The dialog asks for
the partner (type to search), the service, the purpose and the request, and the data the
letter is to print: one check box per category ("Daten im Brief"; Tab reaches them, Space or a
click ticks them). What the partner's letter cannot carry is shown disabled with the reason;
a ticked category no valid consent covers says so beside its box, and the refusal is given
in German with "Einwilligung erfassen…": the consent dialog opens pre-filled with the
partner, the ticked categories and the purpose, and once it is saved the dialog checks again.
The ticks are stored with the draft; the letter prints exactly them. "Vorschau…"
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
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.models import Case, ReferralStatus, Role, User
from mzdesk.core.services import partners, referrals
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.consents import ConsentEditDialog
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

    def reload() -> tuple[bytes, str]:
        again = ctx.read(load)
        return again[0], again[3]

    def record_consent(owner: QWidget) -> ConsentEditDialog | None:
        """The consent the draft lacks: its partner, the data it prints, its purpose."""

        def scope(session: Session) -> tuple[uuid.UUID, uuid.UUID, tuple[str, ...], str]:
            referral = referrals.get_referral(session, referral_id)
            check = referrals.consent_check(session, referral_id)
            case = session.get(Case, referral.case_id)
            if case is None:
                raise referrals.ReferralError("case not found", german="Fall nicht gefunden.")
            return case.person_id, referral.partner_id, check.needed, referral.purpose

        found = ctx.read(scope, refused=lambda german: show_message(owner, german))
        if found is None:
            return None
        person_id, partner_id, needed, purpose = found
        editor = ConsentEditDialog(
            owner, ctx, person_id, partner_ids=[partner_id], categories=needed, purpose=purpose
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.open()
        return editor

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
        record_consent=record_consent if draft else None,
        reload=reload,
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
        self.consent_editor: ConsentEditDialog | None = None
        self.sent = False
        self.setWindowTitle(self.tr("Create referral"))
        self.resize(720, 640)

        def person_of(session: Session) -> uuid.UUID:
            case = session.get(Case, case_id)
            if case is None:
                raise referrals.ReferralError("case not found", german="Fall nicht gefunden.")
            return case.person_id

        self.person_id = ctx.read(person_of)

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
        # one check box per data category, with a note beside it (why it cannot be ticked, or
        # that no consent covers it); created once, so Tab reaches them in reference order
        self.categories_host = QWidget(self)
        grid = QGridLayout(self.categories_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        self.category_boxes: dict[str, QCheckBox] = {}
        self.category_notes: dict[str, QLabel] = {}
        for row, code in enumerate(reference.codes("data_categories")):
            box = QCheckBox(reference.label("data_categories", code, ctx.language), self)
            box.setEnabled(False)
            box.toggled.connect(lambda _on: self.update_categories(reset=False))
            note = QLabel(self)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            grid.addWidget(box, row, 0)
            grid.addWidget(note, row, 1)
            self.category_boxes[code] = box
            self.category_notes[code] = note
        self.consent_label = QLabel(self)
        self.consent_label.setWordWrap(True)
        self.consent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.consent_button = QPushButton(self.tr("Record &consent…"), self)
        self.consent_button.hide()
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        theme.style(self.message_label, theme.ERROR_STYLE)

        form = QFormLayout()
        for text, widget in (
            (self.tr("&Partner:"), self.partner_combo),
            (self.tr("&Service:"), self.service_edit),
            (self.tr("P&urpose:"), self.purpose_edit),
            (self.tr("&Request:"), self.request_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        categories_label = QLabel(self.tr("Data in the &letter:"), self)
        categories_label.setBuddy(self.category_boxes[reference.codes("data_categories")[0]])
        form.addRow(categories_label, self.categories_host)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_label, 1)
        consent_row.addWidget(self.consent_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("", consent_row)

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
        self.consent_button.clicked.connect(self.record_consent)
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

    def ticked(self) -> list[str]:
        """The categories ticked (and tickable), in reference order."""
        return [
            code for code, box in self.category_boxes.items() if box.isEnabled() and box.isChecked()
        ]

    def update_categories(self, *, reset: bool = True) -> None:
        """Which categories may be ticked, what the letter prints and the consent it rests on.

        ``reset`` (a partner chosen): tick what the partner's letter prints by default (its
        required data plus what a consent covers); else check the ticks as they stand.
        """
        partner_id = self.partner_id()
        if partner_id is None:
            for code in self.category_boxes:
                self._set_box(code, enabled=False, checked=False, note="")
            self.consent_label.setText(self.tr("Choose a partner to see what the letter contains."))
            theme.style(self.consent_label, "")
            self.consent_button.hide()
            return
        ticked = None if reset else self.ticked()

        def load(session: Session) -> tuple[referrals.ConsentCheck, str, str]:
            check = referrals.partner_categories(
                session, self.case_id, partner_id, categories=ticked
            )
            consent = check.consent
            given = consent.given_on.strftime("%d.%m.%Y") if consent else ""
            version = consent.text_version if consent else ""
            return check, given, version

        loaded = self.ctx.read(load, refused=self.consent_label.setText)
        if loaded is None:
            return
        check, given, version = loaded
        chosen = set(check.printed if ticked is None else ticked)
        for code in self.category_boxes:
            if code not in check.offered:
                why = (
                    self.tr("not recorded in mzdesk")
                    if code not in referrals.PRINTABLE_CATEGORIES
                    else self.tr("not for this partner")
                )
                self._set_box(code, enabled=False, checked=False, note=why)
                continue
            on = code in chosen
            uncovered = code not in check.covered
            note = self.tr("no consent for this partner") if uncovered else ""
            self._set_box(code, enabled=not self.sent, checked=on, note=note, error=on)
        if not chosen:
            self.consent_label.setText(
                self.tr("Nothing ticked: the letter needs at least one piece of data.")
            )
            theme.style(self.consent_label, theme.ERROR_STYLE)
            self.consent_button.hide()
        elif check.consent is not None:
            self.consent_label.setText(
                self.tr("Covered by the consent of %1 (text %2).")
                .replace("%1", given)
                .replace("%2", version)
            )
            theme.style(self.consent_label, "")
            self.consent_button.hide()
        else:
            self.consent_label.setText(check.refusal or "")
            theme.style(self.consent_label, theme.ERROR_STYLE)
            self.consent_button.setVisible(not self.sent)

    def _set_box(
        self, code: str, *, enabled: bool, checked: bool, note: str, error: bool = False
    ) -> None:
        box = self.category_boxes[code]
        box.blockSignals(True)  # set, not ticked: no re-check for each box
        box.setEnabled(enabled)
        box.setChecked(checked)
        box.blockSignals(False)
        label = self.category_notes[code]
        label.setText(note)
        theme.style(label, theme.ERROR_STYLE if error and note else "color: $muted;")
        box.setToolTip(note)
        box.setAccessibleDescription(note)

    def record_consent(self) -> ConsentEditDialog | None:
        """ "Einwilligung erfassen…": the consent dialog pre-filled with the partner, the
        ticked categories and the purpose; once saved, the categories are checked again."""
        partner_id = self.partner_id()
        if partner_id is None:
            return None
        purpose = " ".join(self.purpose_edit.text().split()) or self.tr("Referral to %1").replace(
            "%1", self.partner_combo.currentText().split(" · ")[0]
        )
        editor = ConsentEditDialog(
            self,
            self.ctx,
            self.person_id,
            partner_ids=[partner_id],
            categories=self.ticked(),
            purpose=purpose,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.finished.connect(self._on_consent_editor_closed)
        self.consent_editor = editor
        editor.open()
        return editor

    def _on_consent_editor_closed(self, result: int) -> None:
        self.consent_editor = None
        if result == QDialog.DialogCode.Accepted.value:  # recorded: check the ticks again
            self.update_categories(reset=False)
        if self.consent_button.isVisible():
            self.consent_button.setFocus()
        else:
            self.preview_button.setFocus()

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
            "categories": self.ticked(),
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
            self.preview.consent_recorded.connect(lambda: self.update_categories(reset=False))
            self.preview.finished.connect(self._on_preview_closed)
        return self.preview

    def _on_sent(self) -> None:
        self.sent = True
        for widget in (self.partner_combo, self.service_edit, self.purpose_edit):
            widget.setEnabled(False)
        for box in self.category_boxes.values():
            box.setEnabled(False)
        self.consent_button.hide()
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
