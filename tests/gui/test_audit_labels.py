"""Every action the code writes into the audit trail has a German label in the Protokoll, and
the details read as German words (counsellor-walk: "case_topics_added: WORK; Kontaktweg:
PHONE", "dropped: {…}").

The actions are found in the source: every ``audit.append(session, ACTION, …)`` call (a string
literal, or a module constant resolved here), every ``_audit(…, ACTION)`` of the encryption
module, and every output kind of ``core/services/outputs.py``. A new action without a label
makes this test fail.
"""

from __future__ import annotations

import ast
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import mzdesk
from mzdesk.core.privacy import trail
from mzdesk.core.services.audit import AuditRow
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.models.audit_table import AuditModel
from mzdesk.ui.settings import Settings

ROOT = Path(mzdesk.__file__).parent
# Actions given as a name, not a literal: where the name is defined.
CONSTANTS = {"ERASE_ACTION": trail.ERASE_ACTION, "CHECKPOINT_ACTION": trail.CHECKPOINT_ACTION}


def _literal(node: ast.expr, where: str) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
    if name in CONSTANTS:
        return CONSTANTS[name]
    if isinstance(node, ast.Attribute) and name == "value":  # kind.value in outputs.py
        return ""
    if isinstance(node, ast.Name) and node.id == "action" and where.endswith("encryption.py"):
        return ""  # _audit(database, user, action, …): its callers are scanned below
    raise AssertionError(f"{where}: an audit action that is not a literal: {ast.dump(node)}")


def appended_actions() -> set[str]:
    found: set[str] = set()
    for path in sorted(ROOT.rglob("*.py")):
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "append"
                and isinstance(func.value, ast.Name)
                and func.value.id == "audit"
            ):
                action = node.args[1] if len(node.args) > 1 else None
                if action is None:
                    action = next(k.value for k in node.keywords if k.arg == "action")
                found.add(_literal(action, where))
            elif isinstance(func, ast.Name) and func.id == "_audit" and len(node.args) >= 3:
                found.add(_literal(node.args[2], where))
    found.discard("")
    from mzdesk.core.services.outputs import OutputKind

    return found | {kind.value for kind in OutputKind}


@pytest.fixture
def model(qtbot: QtBot, tmp_path: Path) -> AuditModel:
    context = AreaContext(lambda: None, Settings(), "de")  # type: ignore[arg-type,return-value]
    return AuditModel(context)


def test_the_scan_finds_the_actions_we_know() -> None:
    actions = appended_actions()
    for known in ("view", "login", "denied", "create", "consent_override", "kit_merge", "erase"):
        assert known in actions
    for new in ("letter_printed", "letter_saved", "statistics_exported", "kit_exported"):
        assert new in actions
    assert {"consent_recorded", "consent_withdrawn", "referral_sent"} <= actions
    assert {"encrypt", "rekey", "audit_retention"} <= actions


def test_every_action_has_a_german_label(model: AuditModel) -> None:
    labels = model.action_labels()
    missing = sorted(action for action in appended_actions() if action not in labels)
    assert missing == []
    untranslated = sorted(
        action
        for action in appended_actions()
        if labels[action] == action or not any(ch.isupper() for ch in labels[action][:1])
    )
    assert untranslated == []  # German words, starting with a capital, not the code


def _row(action: str, entity: str, details: dict[str, Any]) -> AuditRow:
    return AuditRow(
        seq=1,
        at=datetime(2025, 5, 14, 10, tzinfo=UTC),
        user="berater1",
        action=action,
        entity=entity,
        entity_id=uuid.uuid4(),
        person_id=None,
        file_number="MZ-2025-000001",
        details="",
        values=details,
    )


def test_details_read_as_german_words(model: AuditModel) -> None:
    contact = model.describe(
        _row(
            "create",
            "contact",
            {
                "channel": "PHONE",
                "topics": ["WORK", "LANGUAGE"],
                "case_topics_added": ["WORK"],
                "occurred_at": "2025-05-14T10:00:00.000000Z",
                "has_note": True,
            },
        )
    )
    assert contact.action == "Kontakt erfasst"
    assert "Kontaktweg: Telefon" in contact.full_details
    assert "Arbeit" in contact.full_details and "WORK" not in contact.full_details
    assert "14.05.2025" in contact.full_details
    merge = model.describe(
        _row(
            "merge",
            "person",
            {"keep": str(uuid.uuid4()), "moved": {"cases.person_id": 2}, "dropped": {}},
        )
    )
    assert "{" not in merge.full_details and "Fälle: 2" in merge.full_details
    user = model.describe(_row("create", "user", {"role": "team_lead", "team_id": None}))
    assert user.action == "Benutzerkonto angelegt" and "Rolle: Teamleitung" in user.full_details
    refused = model.describe(
        _row("denied", "case", {"action": "refer", "reason": "no consent covers the letter"})
    )
    assert "keine Einwilligung deckt den Brief" in refused.full_details
    restore = model.describe(
        _row("restore", "database", {"erasures_reapplied": 1, "cli_sessions_ended": 3})
    )
    assert "Löschungen erneut angewandt: 1" in restore.full_details
    assert "Kommandozeilen-Sitzungen beendet: 3" in restore.full_details
    stats = model.describe(
        _row(
            "statistics_exported",
            "statistics",
            {
                "format": "xlsx",
                "via": "cli",
                "period_start": "2025-01-01",
                "period_end": "2025-12-31",
                "suppress_below": 3,
            },
        )
    )
    assert stats.action == "Statistik exportiert (Excel)"
    assert "01.01.2025 – 31.12.2025" in stats.full_details
    assert "Kommandozeile" in stats.full_details
    consent = model.describe(
        _row(
            "consent_recorded",
            "consent",
            {"categories": ["IDENTITY", "HEALTH"], "partner_kinds": ["AA"], "form": "signed_paper"},
        )
    )
    assert consent.action == "Einwilligung erfasst"
    assert "Name und Geburtsdatum, Gesundheitliche Einschränkungen" in consent.full_details
    assert "Agentur für Arbeit" in consent.full_details
    for shown in (contact, merge, user, stats, consent):
        assert "_" not in shown.full_details, shown.full_details
