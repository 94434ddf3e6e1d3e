"""The partners area: search while typing, kind and active filters, details, CSV import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.models import Partner, PartnerContact
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.partners import PartnersView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Synthetic organisations, not real ones.
PARTNERS = [
    ("Jobcenter Müsterland", "JC", "Neustadt", True),
    ("Agentur für Arbeit Neustadt", "AA", "Neustadt", True),
    ("Ausländerbehörde Kreis Müsterland", "ABH", "Altdorf", True),
    ("Sprachschule Sonnenweg", "IK", "Bergheim", True),
    ("Bäckerei Probst", "AG", "Seefeld", True),
    ("Alte Initiative Übergang", "EHRENAMT", "Altdorf", False),
]


@pytest.fixture
def partner_db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'partners.sqlite'}", create=True)
    schema.upgrade(database)
    with database.session() as session:
        for name, kind, city, active in PARTNERS:
            session.add(
                Partner(
                    name=name,
                    kind=kind,
                    city=city,
                    postcode="12345",
                    street="Hauptstraße 1",
                    phone="01234 5678",
                    active=active,
                    letter_language="de",
                )
            )
        session.flush()
        jobcenter = session.scalars(select(Partner).where(Partner.kind == "JC")).one()
        jobcenter.contact_people.append(
            PartnerContact(name="Erika Beispiel", role="Teamleitung", phone="01234 99")
        )
        session.commit()
    yield database
    database.close()


@pytest.fixture
def view(qtbot: QtBot, partner_db: Database, settings: Settings) -> PartnersView:
    widget = PartnersView(AreaContext(partner_db.session, settings, "de"))
    qtbot.addWidget(widget)
    widget.resize(1150, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tr(text: str) -> str:
    """The view's own string in the installed language (German once the .ts has it)."""
    return QCoreApplication.translate("PartnersView", text)


def names(view: PartnersView) -> list[str]:
    return [str(view.model.index(row, 0).data()) for row in range(view.model.rowCount())]


def type_text(widget: QWidget, text: str) -> None:
    """One key event per character (qtbot.keyClicks aborts on ü, see style.md)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def test_the_list_shows_active_partners_with_german_kinds(view: PartnersView) -> None:
    assert names(view) == [
        "Agentur für Arbeit Neustadt",
        "Ausländerbehörde Kreis Müsterland",
        "Bäckerei Probst",
        "Jobcenter Müsterland",
        "Sprachschule Sonnenweg",
    ]
    row = names(view).index("Jobcenter Müsterland")
    assert [view.model.index(row, c).data() for c in range(5)] == [
        "Jobcenter Müsterland",
        "Jobcenter",
        "Neustadt",
        "01234 5678",
        tr("yes"),
    ]
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == tr("Kind")
    header = view.table.horizontalHeader()
    active = str(view.model.headerData(4, Qt.Orientation.Horizontal))
    assert header.sectionSize(4) > header.fontMetrics().horizontalAdvance(active)  # not "a"
    assert view.count_label.text() == QCoreApplication.translate(
        "PartnersView", "%n partner(s)", "", 5
    )


def test_typing_filters_ascii_and_umlauts(qtbot: QtBot, view: PartnersView) -> None:
    view.search_edit.setFocus()
    qtbot.keyClicks(view.search_edit, "muster")
    qtbot.waitUntil(
        lambda: names(view) == ["Ausländerbehörde Kreis Müsterland", "Jobcenter Müsterland"]
    )
    view.search_edit.clear()
    qtbot.waitUntil(lambda: len(names(view)) == 5)
    type_text(view.search_edit, "müsterland job")
    qtbot.waitUntil(lambda: names(view) == ["Jobcenter Müsterland"])
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, "baeckerei")
    qtbot.waitUntil(lambda: names(view) == ["Bäckerei Probst"])


def test_kind_filter_and_inactive(qtbot: QtBot, view: PartnersView) -> None:
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("ABH"))
    assert names(view) == ["Ausländerbehörde Kreis Müsterland"]
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("EHRENAMT"))
    assert names(view) == []
    view.inactive_check.setChecked(True)
    assert names(view) == ["Alte Initiative Übergang"]
    assert view.model.index(0, 4).data() == tr("no")
    view.kind_combo.setCurrentIndex(0)  # all kinds
    assert len(names(view)) == len(PARTNERS)


def test_selecting_shows_details(view: PartnersView) -> None:
    assert view.title_label.text() == tr("No partner selected")
    view.table.selectRow(names(view).index("Jobcenter Müsterland"))
    assert view.title_label.text() == "Jobcenter Müsterland"
    assert view.values["address"].text() == "Hauptstraße 1\n12345 Neustadt"
    assert "Erika Beispiel · Teamleitung" in view.values["contacts"].text()
    assert view.values["language"].text() == tr("German")


CSV = (
    "Name;Art;PLZ;Ort;Telefon\n"
    "Beratungsstelle Lindenhof;Schuldnerberatung;12345;Neustadt;0123 1\n"
    "Kein Art-Wert;;12345;Neustadt;0123 2\n"
    "Werkstatt Ölmühle;AG;54321;Seefeld;0123 3\n"
)


def test_import_previews_then_adds_exactly_the_good_rows(
    qtbot: QtBot, view: PartnersView, partner_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "partner.csv"
    path.write_text(CSV, encoding="utf-8")
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = view.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.preview_table.rowCount() == 2)
    preview = sorted(dialog.preview_table.item(r, 0).text() for r in range(2))
    assert preview == ["Beratungsstelle Lindenhof", "Werkstatt Ölmühle"]
    assert dialog.rejected_table.rowCount() == 1
    assert dialog.rejected_table.item(0, 0).text() == "3"
    assert "kind" in dialog.rejected_table.item(0, 1).text()
    with partner_db.session() as session:  # the preview changed nothing
        assert session.scalar(select(func.count()).select_from(Partner)) == len(PARTNERS)

    with qtbot.waitSignal(dialog.finished):
        dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with partner_db.session() as session:
        stored = set(session.scalars(select(Partner.name)))
    assert stored == {p[0] for p in PARTNERS} | {"Beratungsstelle Lindenhof", "Werkstatt Ölmühle"}
    assert "Werkstatt Ölmühle" in names(view)  # the list refreshed


def test_the_area_is_registered() -> None:
    assert "partners" in [area.key for area in registry.areas()]


def test_selftest(view: PartnersView) -> None:
    assert view.selftest() == "5 partners listed"
