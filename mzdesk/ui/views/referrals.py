"""The referrals area ("Überweisungen"): the list with a status filter, answers, batch print.

Rejections of the logged-in counsellor's referrals are highlighted and counted above the list
(a rejection must reach the person who referred). The selected referral's letter opens in the
preview (the stored PDF once sent); its answer is recorded with the buttons (accepted,
rejected with the partner's reason, done, revoked). "Heute vorbereitete Briefe drucken" prints
every letter sent today in one print job, in the background, with progress and cancel: each
letter comes from ``referrals.release_letter`` (its consent still valid, the output recorded
and committed before it is painted); a letter whose consent was withdrawn since is skipped
and counted.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QFont,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import ReferralStatus, User
from mzdesk.core.services import referrals
from mzdesk.ui import session_scope, theme
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView
from mzdesk.ui.dialogs.letter_preview import begin_printing, paint_pdf
from mzdesk.ui.dialogs.referral import open_letter_preview
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.operations import BackgroundOp, Progress, show_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ANSWER_COLUMN = 6  # "Antwort bis"
REJECTIONS_STYLE = "background: $rejected_bg; color: $rejected_fg; padding: 4px;"


def status_label(status: ReferralStatus) -> str:
    labels = {
        ReferralStatus.DRAFT: QCoreApplication.translate("ReferralsView", "draft"),
        ReferralStatus.SENT: QCoreApplication.translate("ReferralsView", "sent"),
        ReferralStatus.ACCEPTED: QCoreApplication.translate("ReferralsView", "accepted"),
        ReferralStatus.REJECTED: QCoreApplication.translate("ReferralsView", "rejected"),
        ReferralStatus.DONE: QCoreApplication.translate("ReferralsView", "done"),
        ReferralStatus.REVOKED: QCoreApplication.translate("ReferralsView", "revoked"),
    }
    return labels[status]


@dataclass(frozen=True)
class BatchResult:
    letters: int
    pages: int
    refused: int = 0  # no longer covered (consent withdrawn since): not printed


def print_letters(
    session_factory: Callable[[], Session],
    referral_ids: list[uuid.UUID],
    printer: QPrinter,
    progress: Progress,
) -> BatchResult:
    """Runs in a worker thread: the stored letters, one after another, into one print job.

    Each letter is released (consent checked, output recorded and committed) just before it
    is painted; one that may no longer leave is skipped.
    """
    painter = begin_printing(printer)
    pages = 0
    done = 0
    refused = 0
    try:
        for referral_id in referral_ids:
            if progress.cancelled:
                printer.abort()
                break
            try:
                pdf = session_scope.write(
                    session_factory,
                    partial(
                        referrals.release_letter,
                        referral_id=referral_id,
                        purpose=referrals.LetterPurpose.BATCH,
                    ),
                )
            except referrals.ConsentRequired:
                refused += 1
                log.info("batch print: referral %s no longer covered, skipped", referral_id)
                continue
            pages += paint_pdf(painter, printer, pdf, first=done == 0)
            done += 1
            progress.update(done + refused, len(referral_ids))
    finally:
        painter.end()
    progress.check()  # a cancelled job ends quietly
    log.info("batch print: %d letters, %d pages, %d refused", done, pages, refused)
    return BatchResult(done, pages, refused)


class ReferralsView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.form = load_form("referrals_view.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.status_combo = child(self.form, QComboBox, "statusCombo")
        self.count_label = child(self.form, QLabel, "countLabel")
        self.rejections_label = child(self.form, QLabel, "rejectionsLabel")
        theme.style(self.rejections_label, REJECTIONS_STYLE)
        self.table = child(self.form, QTableView, "referralTable")
        self.batch_button = child(self.form, QPushButton, "batchPrintButton")
        self.letter_button = child(self.form, QPushButton, "letterButton")
        self.accepted_button = child(self.form, QPushButton, "acceptedButton")
        self.rejected_button = child(self.form, QPushButton, "rejectedButton")
        self.done_button = child(self.form, QPushButton, "doneButton")
        self.revoked_button = child(self.form, QPushButton, "revokedButton")
        self.message_label = child(self.form, QLabel, "messageLabel")
        self.batch: BackgroundOp[BatchResult] | None = None
        self.last_batch: BatchResult | None = None

        self.status_combo.addItem(self.tr("All"), None)
        for status in ReferralStatus:
            self.status_combo.addItem(status_label(status), status)
        self.model = QStandardItemModel(0, 8, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Created"),
                self.tr("Person"),
                self.tr("Partner"),
                self.tr("Purpose"),
                self.tr("Status"),
                self.tr("Sent"),
                self.tr("Answer due"),
                self.tr("Reason for rejection"),
            ]
        )
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 230, 230, 260, 90, 90, 100)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.open_letter())

        self.letter_action = QAction(self.tr("Referral &letter…"), self)
        self.letter_action.setShortcut(QKeySequence("Ctrl+L"))
        self.batch_action = QAction(self.tr("Print letters prepared &today…"), self)
        self.batch_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.refresh_action = QAction(self.tr("&Refresh referrals"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        for action in (self.letter_action, self.batch_action, self.refresh_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.letter_action.triggered.connect(self.open_letter)
        self.batch_action.triggered.connect(self.print_today)
        self.refresh_action.triggered.connect(self.refresh)
        self.letter_button.clicked.connect(self.open_letter)
        self.batch_button.clicked.connect(self.print_today)
        self.accepted_button.clicked.connect(lambda: self.set_status(ReferralStatus.ACCEPTED))
        self.rejected_button.clicked.connect(self.reject_selected)
        self.done_button.clicked.connect(lambda: self.set_status(ReferralStatus.DONE))
        self.revoked_button.clicked.connect(self.revoke_selected)
        self.status_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.refresh()

    def menu_actions(self) -> list[QAction]:
        return [self.letter_action, self.batch_action, self.refresh_action]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # light ↔ dark: the rows' colours too (not while the view is being destroyed)
        if event.type() == QEvent.Type.PaletteChange and shiboken6.isValid(self.table):
            QTimer.singleShot(0, self.table, self._recolour)  # once the table has the new palette

    def _recolour(self) -> None:
        background, overdue = self.rejected_brush(), self.overdue_brush()
        for row in range(self.model.rowCount()):
            for column in range(self.model.columnCount()):
                item = self.model.item(row, column)
                if item is not None and item.data(Qt.ItemDataRole.BackgroundRole) is not None:
                    item.setBackground(background)
                if item is not None and item.data(Qt.ItemDataRole.ForegroundRole) is not None:
                    item.setForeground(overdue)

    # --- the list -----------------------------------------------------------------------------

    def refresh(self, select: uuid.UUID | None = None) -> None:
        selected = select or self.selected_referral()
        user_id = self._context.user_id
        try:
            with self._context.session_factory() as session:
                rows = referrals.referral_rows(session, status=self.status_combo.currentData())
                rejections = (
                    referrals.rejections_for_counsellor(session, user_id) if user_id else []
                )
        except MzdeskError as error:  # e.g. an admin: no case data; say so in German
            self.model.removeRows(0, self.model.rowCount())
            self.count_label.setText(error.german)
            self.rejections_label.hide()
            self._update_buttons()
            return
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            self.model.appendRow(
                self._items(row, row.status is ReferralStatus.REJECTED and row.is_mine(user_id))
            )
        self.count_label.setText(self.tr("%n referral(s)", "", len(rows)))
        if rejections:
            latest = rejections[0]
            self.rejections_label.setText(
                self.tr("%n of your referrals were rejected.", "", len(rejections))
                + " "
                + self.tr("Latest: %1 – %2")
                .replace("%1", latest.partner_name)
                .replace("%2", latest.reason)
            )
        self.rejections_label.setVisible(bool(rejections))
        for index in range(self.model.rowCount()):
            if self.referral_id(index) == selected:
                self.table.selectRow(index)
        self._update_buttons()

    def _items(self, row: referrals.ReferralRow, highlight: bool) -> list[QStandardItem]:
        def day(value: date | None) -> str:
            return value.strftime("%d.%m.%Y") if value else ""

        purpose = f"{row.service}: {row.purpose}" if row.service else row.purpose
        values = [
            day(row.created_on),
            f"{row.person_name} ({row.file_number})",
            row.partner_name,
            purpose,
            status_label(row.status),
            day(row.sent_on),
            day(row.answer_due_on),
            row.rejection_reason or "",
        ]
        items = [QStandardItem(value) for value in values]
        due = row.answer_due_on
        if row.status is ReferralStatus.SENT and due is not None and due < date.today():
            late = items[ANSWER_COLUMN]  # no answer by the date asked for: say so
            late.setForeground(self.overdue_brush())
            bold = QFont()
            bold.setBold(True)
            late.setFont(bold)
            late.setToolTip(self.tr("No answer yet: ask the partner"))
        items[0].setData(row.id, ID_ROLE)
        items[0].setData(row.status.value, ID_ROLE + 1)
        if highlight:
            bold = QFont()
            bold.setBold(True)
            background = self.rejected_brush()
            for item in items:
                item.setBackground(background)
                item.setFont(bold)
                item.setToolTip(self.tr("Rejected: %1").replace("%1", row.rejection_reason or ""))
        return items

    def overdue_brush(self) -> QBrush:
        """The text of an answer date that has passed (light or dark, as the table)."""
        return QBrush(theme.qcolor("overdue", self.table.palette()))

    def rejected_brush(self) -> QBrush:
        """The background of a rejected referral's row (light or dark, as the table)."""
        return QBrush(theme.qcolor("rejected_bg", self.table.palette()))

    def referral_id(self, row: int) -> uuid.UUID | None:
        value = self.model.index(row, 0).data(ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def selected_referral(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.referral_id(rows[0].row()) if rows else None

    def selected_status(self) -> ReferralStatus | None:
        rows = self.table.selectionModel().selectedRows()
        value = self.model.index(rows[0].row(), 0).data(ID_ROLE + 1) if rows else None
        return ReferralStatus(value) if value else None  # stored as its string value

    def _update_buttons(self) -> None:
        status = self.selected_status()
        allowed = referrals.TRANSITIONS.get(status, frozenset()) if status else frozenset()
        self.letter_button.setEnabled(status is not None)
        self.accepted_button.setEnabled(ReferralStatus.ACCEPTED in allowed)
        self.rejected_button.setEnabled(ReferralStatus.REJECTED in allowed)
        self.done_button.setEnabled(ReferralStatus.DONE in allowed)
        self.revoked_button.setEnabled(ReferralStatus.REVOKED in allowed)

    # --- actions ------------------------------------------------------------------------------

    def open_letter(self) -> QDialog | None:
        referral_id = self.selected_referral()
        if referral_id is None:
            return None
        dialog = open_letter_preview(self, self._context, referral_id)
        if dialog is not None:
            dialog.finished.connect(lambda _result: self.refresh(referral_id))
        return dialog

    def set_status(self, status: ReferralStatus, reason: str | None = None) -> bool:
        referral_id = self.selected_referral()
        if referral_id is None:
            return False

        def change(session: Session) -> bool:
            user = session.get(User, self._context.user_id) if self._context.user_id else None
            if user is None:
                raise MzdeskError(
                    "changing a referral needs a logged-in user",
                    german="Dazu muss ein Benutzer angemeldet sein.",
                )
            referrals.set_status(session, referral_id, status, user=user, reason=reason)
            return True

        if self._context.write(change, refused=self.message_label.setText) is None:
            return False
        self.message_label.clear()
        self.refresh(referral_id)
        return True

    def reject_selected(self) -> bool:
        reason, ok = QInputDialog.getText(
            self, self.tr("Referral rejected"), self.tr("The partner's reason:")
        )
        if not ok:
            return False
        return self.set_status(ReferralStatus.REJECTED, reason)

    def revoke_selected(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Revoke referral"),
            self.tr("Revoke this referral? The partner should be told."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.set_status(ReferralStatus.REVOKED)

    def letters_today(self) -> list[uuid.UUID]:
        return self._context.read(lambda session: referrals.letters_sent_on(session, date.today()))

    def print_today(self) -> None:
        ids = self.letters_today()
        if not ids:
            self.message_label.setText(self.tr("No letters were prepared today."))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %n letter(s)", "", len(ids)))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_batch(ids, printer)

    def start_batch(self, ids: list[uuid.UUID], printer: QPrinter) -> BackgroundOp[BatchResult]:
        """Print the letters in the background (progress dialog with Cancel)."""
        factory = self._context.session_factory
        self.message_label.setText(self.tr("Printing …"))

        def finished(result: BatchResult) -> None:
            self.last_batch = result
            text = self.tr("%n letter(s) printed.", "", result.letters)
            if result.refused:
                text += " " + self.tr(
                    "%n letter(s) not printed: the consent is no longer valid.", "", result.refused
                )
            self.message_label.setText(text)

        def cancelled() -> None:
            self.message_label.setText(self.tr("Printing cancelled."))

        def failed(error: BaseException) -> None:
            self.message_label.clear()
            show_error(self, error)

        self.batch = (
            BackgroundOp(
                parent=self,
                op=lambda progress: print_letters(factory, ids, printer, progress),
                success=finished,
            )
            .failure(failed)
            .on_cancel(cancelled)
            .with_progress(self.tr("Printing today's letters …"), cancellable=True)
            .run_in_background()
        )
        return self.batch

    def selftest(self) -> str:
        return f"{self.model.rowCount()} referrals listed"


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="referrals",
            title=lambda: QCoreApplication.translate("Areas", "Referrals"),
            icon="referrals.svg",
            factory=ReferralsView,
            order=30,
        )
    )
