"""The timeline of one case in the case file: contacts, follow-ups, referrals, placements and
the case's own opening and closing, newest first.

A contact's confidential note is shown on screen only, as a marked line of its own under the
contact (never printed or exported anywhere: see core.services.contacts).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from mzdesk.core.models import ReferralStatus
from mzdesk.core.services.person_file import PersonFile
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
    muted: bool = False  # done follow-ups, finished referrals
    follow_up_id: uuid.UUID | None = None  # an open follow-up (for "erledigt" in the file)


def _day(value: date) -> datetime:
    return datetime.combine(value, time.max)


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
        if placement.ends_on:
            text += " " + QCoreApplication.translate("CaseTimeline", "(until %1)").replace(
                "%1", german_date(placement.ends_on)
            )
        result.append(
            Entry(
                _day(placement.starts_on),
                german_date(placement.starts_on),
                QCoreApplication.translate("CaseTimeline", "Placement"),
                text,
            )
        )
    result.sort(key=lambda entry: entry.at, reverse=True)
    return result


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
        if entry.muted:
            for column in range(3):
                row.setForeground(column, muted)
        if entry.note:
            note = QTreeWidgetItem(
                row, ["", QCoreApplication.translate("CaseTimeline", "confidential"), entry.note]
            )
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
