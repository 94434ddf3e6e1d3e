"""The item models of ui/models/ on plain data, without a database: what each cell shows, and
Qt's model tester (row and column counts, parents, data roles, headers) over each.

PersonTableModel pages from the database and is checked in tests/gui/test_client_list.py.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core.services.audit import AuditFilter, AuditRow
from mzdesk.core.stats.report import Column, Table
from mzdesk.core.stats.rows import DrillRow
from mzdesk.core.stats.suppression import Suppressed
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.models.audit_table import PAGE, AuditModel
from mzdesk.ui.models.drill_table import DrillModel
from mzdesk.ui.models.stats_table import StatsTableModel
from mzdesk.ui.settings import Settings

Display = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _table() -> Table:
    return Table(
        key="by_legal_category",
        sheet="Rechtskreis",
        title="Vermittlungen nach Rechtskreis",
        columns=(
            Column("label", "Rechtskreis", "text"),
            Column("total", "Gesamt"),
            Column("days", "Tage bis Vermittlung", "days", depends_on="total"),
            Column("since", "Seit", "date"),
        ),
        rows=[
            ["SGB II", 12_345, 41.25, date(2025, 3, 1)],
            ["SGB III", Suppressed(3, primary=True), None, None],
            ["Summe", 12_347, 40.0, None],
        ],
    )


def test_stats_table_shows_the_figures_as_german_text(parent: QWidget) -> None:
    parent.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    keys = {(0, "total"): "placements.by_legal_category.SGB2", (2, "total"): "placements.total"}
    model = StatsTableModel(_table(), keys, parent)

    assert (model.rowCount(), model.columnCount()) == (3, 4)
    assert [model.headerData(c, Qt.Orientation.Horizontal, Display) for c in range(4)] == [
        "Rechtskreis",
        "Gesamt",
        "Tage bis Vermittlung",
        "Seit",
    ]
    assert [model.index(0, c).data() for c in range(4)] == [
        "SGB II",
        "12.345",
        "41,2",
        "01.03.2025",
    ]
    assert [model.index(1, c).data() for c in range(4)] == ["SGB III", "<3", "", ""]
    text = model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole)
    count = model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    assert text & Qt.AlignmentFlag.AlignLeft and count & Qt.AlignmentFlag.AlignRight
    total_font = model.index(2, 1).data(Qt.ItemDataRole.FontRole)
    assert isinstance(total_font, QFont) and total_font.bold()
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None
    # a figure with records behind it says so, and names its drill-down key
    assert model.figure_key(model.index(0, 1)) == "placements.by_legal_category.SGB2"
    assert model.figure_key(model.index(2, 1)) == "placements.total"
    assert model.figure_key(model.index(1, 1)) is None
    assert model.figure_key(QModelIndex()) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) is None


def test_stats_table_passes_the_model_tester(qtmodeltester: Any, parent: QWidget) -> None:
    qtmodeltester.check(StatsTableModel(_table(), {(0, "total"): "placements.total"}, parent))


def test_stats_table_of_an_empty_table_passes_the_model_tester(
    qtmodeltester: Any, parent: QWidget
) -> None:
    empty = Table(key="events", sheet="Veranstaltungen", title="Veranstaltungen", columns=())
    model = StatsTableModel(empty, {}, parent)
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (0, 0)


def _drill_rows() -> list[DrillRow]:
    return [
        DrillRow(
            uuid.UUID(int=1),
            uuid.UUID(int=11),
            "MZ-2025-000001",
            "Testperson, Erika",
            date(2025, 3, 1),
            "Integrationskurs",
        ),
        # an anonymous head count: no person behind it, one row that counts 40
        DrillRow(uuid.UUID(int=2), None, "", "anonym gezählt (40)", None, "Jobmesse", 40),
    ]


def test_drill_model_shows_readable_columns_and_no_record_ids(parent: QWidget) -> None:
    model = DrillModel(_drill_rows(), parent)
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    assert [model.headerData(c, Qt.Orientation.Horizontal, Display) for c in range(4)] == [
        "Aktenzeichen",
        "Name",
        "Datum",
        "Art",
    ]
    assert [[model.index(r, c).data() for c in range(4)] for r in (0, 1)] == [
        ["MZ-2025-000001", "Testperson, Erika", "01.03.2025", "Integrationskurs"],
        ["", "anonym gezählt (40)", "", "Jobmesse"],
    ]
    assert model.person_id(0) == uuid.UUID(int=11)
    assert model.person_id(1) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_drill_model_passes_the_model_tester(qtmodeltester: Any, parent: QWidget) -> None:
    qtmodeltester.check(DrillModel(_drill_rows(), parent))
    qtmodeltester.check(DrillModel([], parent))


def _never_opened() -> Any:
    raise AssertionError("a model on plain data opened a session")


@pytest.fixture
def audit_model(qtbot: QtBot) -> AuditModel:
    return AuditModel(AreaContext(_never_opened, Settings(), "de"))


def _audit_rows() -> list[AuditRow]:
    event_id, partner_id = uuid.UUID(int=7), uuid.UUID(int=8)
    return [
        AuditRow(
            seq=12,
            at=datetime(2025, 5, 14, 10, tzinfo=UTC),
            user="berater1",
            action="create",
            entity="contact",
            entity_id=uuid.UUID(int=3),
            person_id=uuid.UUID(int=4),
            file_number="MZ-2025-000004",
            details="channel, has_note",
            values={"channel": "PHONE", "has_note": True, "partner_id": str(partner_id)},
        ),
        AuditRow(
            seq=11,
            at=datetime(2025, 5, 13, 9, tzinfo=UTC),
            user=None,
            action="kit_exported",
            entity="event",
            entity_id=event_id,
            person_id=None,
            file_number=None,
            details="format",
            values=None,  # an admin: the field names only
        ),
    ]


def test_audit_model_describes_plain_rows_in_words(audit_model: AuditModel) -> None:
    rows = _audit_rows()
    names = {uuid.UUID(int=7): "Jobmesse Nord", uuid.UUID(int=8): "Bäckerei Probst"}
    audit_model.show_rows(AuditFilter(), 2, rows, names)

    assert (audit_model.rowCount(), audit_model.columnCount(), audit_model.total) == (2, 7, 2)
    assert not audit_model.canFetchMore(QModelIndex())  # fewer than a page: nothing to fetch
    headers = [audit_model.headerData(c, Qt.Orientation.Horizontal, Display) for c in range(7)]
    assert headers[:3] == ["Nr.", "Zeit", "Benutzer"]
    first = [audit_model.index(0, c).data() for c in range(7)]
    assert first[0] == "12"
    assert first[1] == rows[0].at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
    assert first[2:4] == ["berater1", "Kontakt erfasst"]
    assert first[5] == "MZ-2025-000004"
    assert "Kontaktweg: Telefon" in first[6] and "Bäckerei Probst" in first[6]
    second = [audit_model.index(1, c).data() for c in range(7)]
    assert second[2] == "(Programm)"
    assert second[4] == "Veranstaltung Jobmesse Nord"  # an event by its name
    assert second[5] == ""
    assert second[6] == "Format"  # the admin sees the field's name, not its value


def test_audit_model_cuts_long_details_and_keeps_them_whole_in_the_tooltip(
    audit_model: AuditModel,
) -> None:
    long = AuditRow(
        seq=1,
        at=datetime(2025, 5, 14, 10, tzinfo=UTC),
        user="berater1",
        action="edit",
        entity="person",
        entity_id=uuid.UUID(int=4),
        person_id=uuid.UUID(int=4),
        file_number="MZ-2025-000004",
        details="",
        values={"summary": {"old": "a " * 200, "new": "b"}},
    )
    audit_model.show_rows(AuditFilter(), 1, [long], {})
    shown = audit_model.index(0, 6).data()
    full = audit_model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)
    assert shown.endswith("…") and len(shown) <= 120
    assert len(full) > 400 and full.startswith(shown[:-1].rstrip())


def test_audit_model_with_a_full_page_asks_for_more(audit_model: AuditModel) -> None:
    row = _audit_rows()[1]
    audit_model.show_rows(AuditFilter(), PAGE + 1, [row] * PAGE, {})
    assert audit_model.canFetchMore(QModelIndex())


def test_audit_model_passes_the_model_tester(qtmodeltester: Any, audit_model: AuditModel) -> None:
    qtmodeltester.check(audit_model)  # empty, before the first load
    audit_model.show_rows(AuditFilter(), 2, _audit_rows(), {uuid.UUID(int=7): "Jobmesse Nord"})
    qtmodeltester.check(audit_model)
