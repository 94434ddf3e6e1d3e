"""The printable lists from the window, by keyboard and in German (issue 15 item 7).

Team A's counsellor in the main window (tests/lists_world.py: two teams):

* Datei → "Liste als PDF speichern" → "Meine Wiedervorlagen", all by keys (Alt+D, P, M); the
  file name is answered for the file dialog; the saved file is the user's follow-ups, in the
  view's groups, without team B's.
* Klienten: "zubrow" typed into the search, then Datei → "Liste als PDF speichern" →
  "Klientenliste" by keys: the PDF holds exactly the persons the view shows.
* The Wiedervorlagen view's own "Liste drucken…" (its Actions menu) through the print dialog
  (answered "print to a PDF file"), and Datei → "Liste drucken" → "Kontakte heute".
* Each print and file is in the audit trail with its way (paper / PDF).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from lists_world import NOTE_MARK, OTHER_TEAM, ListsWorld, build_lists_world
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.models import AuditEntry
from mzdesk.ui.areas import AreaContext, registry
from mzdesk.ui.list_printing import ListPrinting
from mzdesk.ui.main_window import MainWindow
from mzdesk.ui.settings import Settings
from mzdesk.ui.views.clients import ClientsView
from mzdesk.ui.views.follow_ups import FollowUpsView

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def text_of(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) not installed")
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    )
    return unicodedata.normalize("NFKC", out.stdout)


@pytest.fixture
def world(tmp_path: Path) -> ListsWorld:
    return build_lists_world(f"sqlite:///{tmp_path / 'lists.sqlite'}")


@pytest.fixture
def main(qtbot: QtBot, world: ListsWorld) -> Iterator[MainWindow]:
    user = world.users["berater_a"]
    context = AreaContext(lambda: world.db.session(user), Settings(), "de", user_id=user)
    window = MainWindow(world.db, context, registry.areas())
    qtbot.addWidget(window.window)
    window.window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window.window)
    yield window


def audit(world: ListsWorld, action: str) -> list[str]:
    with world.db.session() as s:
        found = s.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)
        )
        return [str(entry.details["format"]) for entry in found]


def area(qtbot: QtBot, main: MainWindow, key: str) -> None:
    """View → the area by its Ctrl+<number> shortcut."""
    number = main.area_keys().index(key) + 1
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    qtbot.keyClick(main.window, Qt.Key(Qt.Key.Key_0 + number), CTRL)
    qtbot.waitUntil(lambda: key in main.views and main.stack.currentWidget() is main.views[key])


def popup(qtbot: QtBot, title: str) -> QMenu:
    """The open menu whose title is ``title`` (as shown, mnemonic and all)."""

    def found() -> QMenu | None:
        shown = QApplication.activePopupWidget()
        return shown if isinstance(shown, QMenu) and shown.title() == title else None

    qtbot.waitUntil(lambda: found() is not None)
    menu = found()
    assert menu is not None
    return menu


def file_menu_by_keys(
    qtbot: QtBot, main: MainWindow, submenu_key: Qt.Key, item_key: Qt.Key
) -> None:
    """Alt+D (Datei), then the submenu's and the item's mnemonic keys."""
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    QTest.keyClick(main.window, Qt.Key.Key_D, ALT)
    datei = popup(qtbot, "&Datei")
    titles = [action.text() for action in datei.actions()]
    assert "Liste &drucken" in titles and "Liste als &PDF speichern" in titles
    QTest.keyClick(datei, submenu_key)
    sub = popup(
        qtbot, "Liste &drucken" if submenu_key == Qt.Key.Key_D else "Liste als &PDF speichern"
    )
    assert [a.text() for a in sub.actions()] == [
        "&Meine Wiedervorlagen…",
        "Kontakte &heute…",
        "Kontakte dieser &Woche…",
        "&Klientenliste…",
    ]
    QTest.keyClick(sub, item_key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_save_my_follow_ups_and_the_filtered_client_list_by_keyboard(
    qtbot: QtBot,
    main: MainWindow,
    world: ListsWorld,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    answers = iter([tmp_path / "wiedervorlagen", tmp_path / "klienten.pdf"])

    def save_name(_parent: object, caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(f"{caption}|{Path(suggested).name}")
        return str(next(answers)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    area(qtbot, main, "follow_ups")
    file_menu_by_keys(qtbot, main, Qt.Key.Key_P, Qt.Key.Key_M)
    saved = tmp_path / "wiedervorlagen.pdf"  # ".pdf" added to the typed name
    qtbot.waitUntil(saved.exists)
    assert asked[0].startswith("Liste als PDF speichern|Wiedervorlagen 20")
    text = text_of(saved)
    assert "Meine Wiedervorlagen" in text and "Chris Berater" in text
    for part in ("Überfällig (1)", "Bewerbungsstand erfragen", "Heute (1)", "Sprachkurs"):
        assert part in text
    for hidden in OTHER_TEAM:
        assert hidden not in text
    assert audit(world, "follow_up_list") == ["pdf"]

    area(qtbot, main, "clients")
    view = main.views["clients"]
    assert isinstance(view, ClientsView)
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(view.search_edit.hasFocus)
    qtbot.keyClicks(view.search_edit, "zubrow")
    qtbot.waitUntil(lambda: view.model.searching and view.model.rowCount() == 2)
    file_menu_by_keys(qtbot, main, Qt.Key.Key_P, Qt.Key.Key_K)
    clients = tmp_path / "klienten.pdf"
    qtbot.waitUntil(clients.exists)
    assert asked[1].startswith("Liste als PDF speichern|Klientenliste 20")
    listed = text_of(clients)
    shown = {view.model.index(row, 1).data() for row in range(view.model.rowCount())}
    assert shown == {"Zubrowa, Testa", "Zubrowski, Frei"}
    assert all(name in listed for name in shown)
    assert "Suche „zubrow“ (2 Treffer)" in listed and "Kowalczyk" not in listed
    assert OTHER_TEAM[0] not in listed
    assert audit(world, "client_list") == ["pdf"]


def test_print_from_the_view_and_contacts_from_the_file_menu(
    qtbot: QtBot,
    main: MainWindow,
    world: ListsWorld,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = iter([tmp_path / "gedruckt-1.pdf", tmp_path / "gedruckt-2.pdf"])
    titles: list[str] = []

    def print_dialog(dialog: QPrintDialog) -> int:  # "print to file (PDF)", OK
        titles.append(dialog.windowTitle())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(next(printed)))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", print_dialog)
    area(qtbot, main, "follow_ups")
    view = main.views["follow_ups"]
    assert isinstance(view, FollowUpsView)
    texts = [action.text() for action in main.area_menu.actions()]
    assert "Liste &drucken…" in texts and "Liste als &PDF speichern…" in texts
    next(a for a in main.area_menu.actions() if a.text() == "Liste &drucken…").trigger()
    first = tmp_path / "gedruckt-1.pdf"
    qtbot.waitUntil(first.exists)
    assert titles == ["Liste drucken"]
    assert "Bewerbungsstand erfragen" in text_of(first)

    file_menu_by_keys(qtbot, main, Qt.Key.Key_D, Qt.Key.Key_H)
    second = tmp_path / "gedruckt-2.pdf"
    qtbot.waitUntil(second.exists)
    contacts = text_of(second)
    assert "Kontakte heute" in contacts and "Arbeit: Bewerbung besprochen" in contacts
    assert NOTE_MARK not in contacts and OTHER_TEAM[3] not in contacts
    assert "Kontakt der Teamleitung" not in contacts
    assert audit(world, "follow_up_list") == ["print"]
    assert audit(world, "contact_list") == ["print"]


def test_a_landscape_list_painted_for_a_printer_fills_landscape_paper(
    qtbot: QtBot, world: ListsWorld, tmp_path: Path
) -> None:
    """The client list is landscape: painted for a printer (the path of printers without
    CUPS), the paper is turned, not the page squeezed onto portrait paper."""
    user = world.users["berater_a"]
    context = AreaContext(lambda: world.db.session(user), Settings(), "de", user_id=user)
    parent = QWidget()
    qtbot.addWidget(parent)
    printing = ListPrinting(context, parent)
    printer = printing.make_printer("clients")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "gemalt.pdf"))
    assert printing.print_to("clients", printer, raster=True) == 1
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "gemalt.pdf")], check=True, capture_output=True, text=True
    ).stdout
    width, height = (
        float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    )
    assert width > height and round(width) == 842, info
    assert audit(world, "client_list") == ["print"]


def test_the_file_menu_prints_for_the_user_logged_in_after_it_was_made(
    qtbot: QtBot, world: ListsWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_gui builds the window (and its File menu) before the login and gives it the user
    afterwards: the list is then the logged-in user's."""
    user = world.users["berater_a"]
    context = AreaContext(lambda: world.db.session(user), Settings(), "de")  # no user yet
    window = MainWindow(world.db, context, registry.areas())
    qtbot.addWidget(window.window)
    window.context = replace(window.context, user_id=user)  # as after the login
    window.show()
    qtbot.waitExposed(window.window)
    saved = tmp_path / "meine.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(saved), ""))
    file_menu_by_keys(qtbot, window, Qt.Key.Key_P, Qt.Key.Key_M)
    qtbot.waitUntil(saved.exists)
    assert "Chris Berater" in text_of(saved)  # the user's own list, named
    with world.db.session() as s:
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == "follow_up_list"))
        assert entry.entity_id == user
