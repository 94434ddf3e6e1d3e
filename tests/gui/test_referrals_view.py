"""The "Überweisungen" area: status filter, the counsellor's rejections highlighted, answers
recorded, and today's letters printed in one background job (with cancel)."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.models import AuditEntry, Referral, ReferralStatus, User
from mzdesk.core.services import consents, referrals
from mzdesk.ui.views.referrals import ANSWER_COLUMN, ReferralsView

from .letters_world import World, add_consent, build_world, poppler

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _referral(world: World, partner_id: uuid.UUID, purpose: str, send: bool) -> uuid.UUID:
    with world.db.session(world.counsellor_id) as s:
        referral = referrals.create_referral(
            s,
            case_id=world.case_id,
            partner_id=partner_id,
            purpose=purpose,
            created_by_id=world.counsellor_id,
        )
        if send:
            user = s.get(User, world.counsellor_id)
            assert user is not None
            referrals.send_referral(s, referral.id, user=user)
        s.commit()
        return referral.id


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_list_filter_rejections_answers_and_batch_print(qtbot: QtBot, tmp_path: Path) -> None:
    world = build_world(tmp_path / "view.sqlite")
    add_consent(world, ("AA", "AG"), ["IDENTITY", "CONTACT"])
    sent = _referral(world, world.agency_id, "Beratung zur Arbeitsaufnahme", send=True)
    rejected = _referral(world, world.employer_id, "Probearbeit", send=True)
    _referral(world, world.agency_id, "Entwurf ohne Versand", send=False)
    with world.db.session() as s:
        user = s.get(User, world.counsellor_id)
        assert user is not None
        referrals.set_status(
            s, rejected, ReferralStatus.REJECTED, user=user, reason="Keine Stelle frei"
        )
        s.commit()

    view = ReferralsView(world.context(world.counsellor_id))
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() == 3
    assert not view.rejections_label.isHidden()
    assert "Keine Stelle frei" in view.rejections_label.text()
    highlighted = [
        row
        for row in range(view.model.rowCount())
        if view.model.item(row, 0).background() == view.rejected_brush()
    ]
    assert [view.referral_id(row) for row in highlighted] == [rejected]
    # no answer is overdue yet; once the date has passed, the sent one says so
    assert not any(
        view.model.item(row, ANSWER_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
        for row in range(view.model.rowCount())
    )
    with world.db.session() as s:
        late = s.get(Referral, sent)
        assert late is not None
        late.answer_due_on = date.today() - timedelta(days=1)
        s.commit()
    view.refresh()
    late_rows = [
        view.referral_id(row)
        for row in range(view.model.rowCount())
        if view.model.item(row, ANSWER_COLUMN).foreground() == view.overdue_brush()
    ]
    assert late_rows == [sent]

    # the status filter
    view.status_combo.setCurrentIndex(view.status_combo.findData(ReferralStatus.REJECTED))
    assert view.model.rowCount() == 1 and view.referral_id(0) == rejected
    view.status_combo.setCurrentIndex(0)

    # the partner accepted the other one
    row = next(r for r in range(view.model.rowCount()) if view.referral_id(r) == sent)
    view.table.selectRow(row)
    assert view.accepted_button.isEnabled() and not view.done_button.isEnabled()
    view.accepted_button.click()
    with world.db.session() as s:
        referral = s.get(Referral, sent)
        assert referral is not None and referral.status is ReferralStatus.ACCEPTED
    assert view.done_button.isEnabled()

    # today's letters (both sent today) in one print job, in the background
    ids = view.letters_today()
    assert set(ids) == {sent, rejected}
    out = tmp_path / "batch.pdf"
    view.start_batch(ids, _pdf_printer(out))
    qtbot.waitUntil(lambda: view.last_batch is not None, timeout=20000)
    assert view.last_batch is not None
    assert view.last_batch.letters == 2 and view.last_batch.pages == 4
    info = poppler("pdfinfo", out)
    assert re.search(r"^Pages:\s+4$", info, re.M), info

    # cancelled at once: the job ends quietly, no result
    view.last_batch = None
    op = view.start_batch(ids, _pdf_printer(tmp_path / "cancelled.pdf"))
    op.progress.cancel()
    qtbot.waitUntil(
        lambda: (
            "cancelled" in view.message_label.text().lower()
            or "abgebrochen" in view.message_label.text().lower()
        ),
        timeout=20000,
    )
    assert view.last_batch is None


def test_batch_print_releases_each_letter_and_skips_a_withdrawn_consent(
    qtbot: QtBot, tmp_path: Path
) -> None:
    world = build_world(tmp_path / "batch.sqlite")
    agency_consent = add_consent(world, ("AA",), ["IDENTITY"])
    add_consent(world, ("AG",), ["IDENTITY", "CONTACT"])
    kept = _referral(world, world.employer_id, "Probearbeit", send=True)
    withdrawn = _referral(world, world.agency_id, "Beratung zur Arbeitsaufnahme", send=True)
    with world.db.session(world.counsellor_id) as s:
        consents.withdraw(s, agency_consent, date.today())  # after sending, before printing
        s.commit()
    view = ReferralsView(world.context(world.counsellor_id))
    qtbot.addWidget(view)
    view.show()
    out = tmp_path / "batch.pdf"
    view.start_batch(view.letters_today(), _pdf_printer(out))
    qtbot.waitUntil(lambda: view.last_batch is not None, timeout=20000)
    assert view.last_batch is not None
    assert (view.last_batch.letters, view.last_batch.pages, view.last_batch.refused) == (1, 2, 1)
    assert "nicht gedruckt" in view.message_label.text()
    with world.db.session() as s:
        printed = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "letter_batch_printed")
        ).all()
    assert [(e.entity_id, e.user_id) for e in printed] == [(kept, world.counsellor_id)]
    assert printed[0].details["partner_id"] == str(world.employer_id)
    assert withdrawn not in {e.entity_id for e in printed}
