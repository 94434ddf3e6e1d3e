"""The timeline of one case in the case file: contacts, follow-ups, referrals, placements and
the case's own opening and closing, newest first.

A contact's confidential note is shown on screen only, as a marked line of its own under the
contact (never printed or exported anywhere: see core.services.contacts); a placement's note
likewise, under the placement.

Placements can be edited and ended from here (:func:`attach`): Enter (or a double click) on a
placement opens it for editing; its context menu (the Menu key, Shift+F10) offers
"Bearbeiten…" and "Beenden…".
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QBrush, QFont, QKeyEvent
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem

from mzdesk.core.models import ReferralStatus
from mzdesk.core.services.person_file import CaseEntry, PersonFile
from mzdesk.ui import theme
from mzdesk.ui.dialogs.case_forms import german_date, ref_label, status_label

FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 1  # an open follow-up's id on its row


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseTimeline", text)


@dataclass(frozen=True)
class Entry:
    at: datetime  # local, naive: only for ordering
    when: str  # as shown
    kind: str
    text: str
    note: str | None = None  # confidential: on screen only
    muted: bool = False  # done follow-ups, finished referrals, ended placements
    follow_up_id: uuid.UUID | None = None  # an open follow-up (for "erledigt" in the file)
    placement_id: uuid.UUID | None = None  # a placement's row: it can be edited from here


PLACEMENT_ROLE = Qt.ItemDataRole.UserRole + 2  # the placement id on its timeline row


def _day(value: date) -> datetime:
    return datetime.combine(value, time.max)


def _hours(value: Decimal) -> str:
    text = f"{value.normalize():f}".replace(".", ",")
    return QCoreApplication.translate("CaseTimeline", "%1 h/week").replace("%1", text)


def _referral_status(status: ReferralStatus) -> str:
    return {
        ReferralStatus.DRAFT: QCoreApplication.translate("CaseTimeline", "draft"),
        ReferralStatus.SENT: QCoreApplication.translate("CaseTimeline", "sent"),
        ReferralStatus.ACCEPTED: QCoreApplication.translate("CaseTimeline", "accepted"),
        ReferralStatus.REJECTED: QCoreApplication.translate("CaseTimeline", "rejected"),
        ReferralStatus.DONE: QCoreApplication.translate("CaseTimeline", "done"),
        ReferralStatus.REVOKED: QCoreApplication.translate("CaseTimeline", "revoked"),
    }[status]


def entries(file: PersonFile, case_id: uuid.UUID, language: str) -> list[Entry]:
    """The case's timeline, newest first."""
    case = file.case(case_id)
    if case is None:
        return []
    opened = datetime.combine(case.opened_on, time.min)  # before anything else that day
    result = [
        Entry(
            opened,
            german_date(case.opened_on),
            QCoreApplication.translate("CaseTimeline", "Case"),
            QCoreApplication.translate("CaseTimeline", "opened"),
        )
    ]
    events = [event for event in file.case_events if event.case_id == case_id]
    for event in events:
        local = event.at.astimezone().replace(tzinfo=None)
        text = f"{status_label(event.old)} → {status_label(event.new)}"
        if event.reason:
            text += f": {event.reason}"
        result.append(
            Entry(
                local,
                local.strftime("%d.%m.%Y %H:%M"),
                QCoreApplication.translate("CaseTimeline", "Status"),
                text,
            )
        )
    if case.closed_on is not None and not events:  # closed before the trail recorded it
        reason = QCoreApplication.translate("CaseTimeline", "closed: %1").replace(
            "%1", case.closing_reason or ""
        )
        result.append(
            Entry(
                _day(case.closed_on),
                german_date(case.closed_on),
                QCoreApplication.translate("CaseTimeline", "Case"),
                reason,
            )
        )
    for contact in file.contacts:
        if contact.case_id != case_id:
            continue
        local = contact.occurred_at.astimezone().replace(tzinfo=None)
        parts = [ref_label("contact_channels", contact.channel, language)]
        if contact.minutes:
            parts.append(
                QCoreApplication.translate("CaseTimeline", "%1 min").replace(
                    "%1", str(contact.minutes)
                )
            )
        if contact.interpreter_language:
            interpreter = ref_label("languages", contact.interpreter_language, language)
            parts.append(
                QCoreApplication.translate("CaseTimeline", "interpreter: %1").replace(
                    "%1", interpreter
                )
            )
        text = " · ".join(parts)
        if contact.summary:
            text += f"\n{contact.summary}"
        result.append(
            Entry(
                local,
                local.strftime("%d.%m.%Y %H:%M"),
                QCoreApplication.translate("CaseTimeline", "Contact"),
                text,
                contact.note,
            )
        )
    for follow_up in file.follow_ups:
        if follow_up.case_id != case_id:
            continue
        done = follow_up.done_at is not None
        state = (
            QCoreApplication.translate("CaseTimeline", "done")
            if done
            else QCoreApplication.translate("CaseTimeline", "open")
        )
        result.append(
            Entry(
                _day(follow_up.due_on),
                german_date(follow_up.due_on),
                QCoreApplication.translate("CaseTimeline", "Follow-up"),
                f"{follow_up.text} ({state})",
                muted=done,
                follow_up_id=None if done else follow_up.id,
            )
        )
    for referral in file.referrals:
        if referral.case_id != case_id:
            continue
        text = f"{referral.partner_name}: {referral.purpose} ({_referral_status(referral.status)})"
        if referral.rejection_reason:
            text += "\n" + QCoreApplication.translate("CaseTimeline", "reason: %1").replace(
                "%1", referral.rejection_reason
            )
        finished = referral.status in (ReferralStatus.DONE, ReferralStatus.REVOKED)
        result.append(
            Entry(
                _day(referral.created_on),
                german_date(referral.created_on),
                QCoreApplication.translate("CaseTimeline", "Referral"),
                text,
                muted=finished,
            )
        )
    for placement in file.placements:
        if placement.case_id not in (case_id, None):
            continue
        text = ref_label("placement_kinds", placement.kind, language)
        if placement.employer:
            text += f" – {placement.employer}"
        if placement.weekly_hours is not None:
            text += f" · {_hours(placement.weekly_hours)}"
        ended = placement.ends_on is not None and placement.ends_on < file.today
        if placement.ends_on:
            until = (
                QCoreApplication.translate("CaseTimeline", "(ended on %1)")
                if ended
                else QCoreApplication.translate("CaseTimeline", "(until %1)")
            )
            text += " " + until.replace("%1", german_date(placement.ends_on))
        result.append(
            Entry(
                _day(placement.starts_on),
                german_date(placement.starts_on),
                QCoreApplication.translate("CaseTimeline", "Placement"),
                text,
                placement.note,
                muted=ended,
                placement_id=placement.id,
            )
        )
    result.sort(key=lambda entry: entry.at, reverse=True)
    return result


def placements_summary(file: PersonFile, language: str) -> str:
    """The person file's line on placements: the running ones, and how many have ended."""
    running = [p for p in file.placements if p.ends_on is None or p.ends_on >= file.today]
    lines = []
    for placement in running:
        text = ref_label("placement_kinds", placement.kind, language)
        if placement.employer:
            text += f" – {placement.employer}"
        lines.append(
            QCoreApplication.translate("CaseTimeline", "%1 since %2")
            .replace("%1", text)
            .replace("%2", german_date(placement.starts_on))
        )
    ended = len(file.placements) - len(running)
    if ended:
        lines.append(QCoreApplication.translate("CaseTimeline", "%n ended", "", ended))
    return "\n".join(lines)


def case_heading(file: PersonFile, case: CaseEntry) -> str:
    """ "Family, Given · MZ-… · case opened 01.05.2024": whom a dialog about the case is for."""
    person = file.person
    opened = QCoreApplication.translate("CaseTimeline", "case opened %1").replace(
        "%1", german_date(case.opened_on)
    )
    return f"{person.family_name}, {person.given_names} · {person.file_number} · {opened}"


def fill(tree: QTreeWidget, timeline: list[Entry]) -> None:
    """Show ``timeline`` in ``tree`` (three columns: date, kind, entry)."""
    tree.clear()
    italic = QFont(tree.font())
    italic.setItalic(True)
    muted = QBrush(theme.qcolor("muted", tree.palette()))
    note_colour = QBrush(theme.qcolor("note", tree.palette()))
    for entry in timeline:
        row = QTreeWidgetItem(tree, [entry.when, entry.kind, entry.text])
        row.setTextAlignment(0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if entry.follow_up_id is not None:
            row.setData(0, FOLLOW_UP_ROLE, entry.follow_up_id)
        if entry.placement_id is not None:
            row.setData(0, PLACEMENT_ROLE, entry.placement_id)
            row.setToolTip(
                2,
                QCoreApplication.translate(
                    "CaseTimeline", "Enter: edit the placement · context menu: end it"
                ),
            )
        if entry.muted:
            for column in range(3):
                row.setForeground(column, muted)
        if entry.note:
            label = (
                QCoreApplication.translate("CaseTimeline", "note")
                if entry.placement_id is not None
                else QCoreApplication.translate("CaseTimeline", "confidential")
            )
            note = QTreeWidgetItem(row, ["", label, entry.note])
            if entry.placement_id is not None:
                note.setData(0, PLACEMENT_ROLE, entry.placement_id)
            note.setToolTip(
                2,
                QCoreApplication.translate(
                    "CaseTimeline", "Confidential note: shown on screen only, never printed"
                ),
            )
            for column in (1, 2):
                note.setFont(column, italic)
                note.setForeground(column, note_colour)
    tree.expandAll()


def placement_of(item: QTreeWidgetItem | None) -> uuid.UUID | None:
    """The placement a timeline row (or its note line) shows, if it is one."""
    if item is None:
        return None
    value = item.data(0, PLACEMENT_ROLE)
    return value if isinstance(value, uuid.UUID) else None


class _MenuKeys(QObject):
    """The Menu key and Shift+F10 on the tree open the placement menu at the current row
    (not every platform turns them into a context-menu request)."""

    def __init__(self, tree: QTreeWidget, show: Callable[[QPoint], None]) -> None:
        super().__init__(tree)
        self._tree, self._show = tree, show

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() == Qt.Key.Key_Menu or (event.key() == Qt.Key.Key_F10 and shift):
                item = self._tree.currentItem()
                if placement_of(item) is not None:
                    self._show(self._tree.visualItemRect(item).bottomLeft())
                    return True
        return False


def attach(tree: QTreeWidget, edit: Callable[[uuid.UUID, bool], object]) -> None:
    """Edit and end placements from ``tree``: ``edit(placement_id, end)`` does the work.

    Enter or a double click on a placement edits it; its menu (the Menu key, Shift+F10, a
    right click) has "Bearbeiten…" and "Beenden…".
    """

    def activated(item: QTreeWidgetItem, _column: int) -> None:
        if (placement_id := placement_of(item)) is not None:
            edit(placement_id, False)

    def menu(position: QPoint) -> None:
        item = tree.itemAt(position) or tree.currentItem()
        placement_id = placement_of(item)
        if placement_id is None:
            return
        popup = QMenu(tree)
        popup.setObjectName("placementMenu")
        edit_action = popup.addAction(QCoreApplication.translate("CaseTimeline", "&Edit…"))
        end_action = popup.addAction(QCoreApplication.translate("CaseTimeline", "E&nd…"))
        chosen = popup.exec(tree.viewport().mapToGlobal(position))
        popup.deleteLater()
        if chosen is edit_action:
            edit(placement_id, False)
        elif chosen is end_action:
            edit(placement_id, True)

    tree.itemActivated.connect(activated)
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    tree.customContextMenuRequested.connect(menu)
    tree.installEventFilter(_MenuKeys(tree, menu))
