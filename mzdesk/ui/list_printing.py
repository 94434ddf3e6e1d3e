"""Printing and saving the counsellor's lists (``core.services.desk_lists``) from the window.

"Liste drucken…" asks for a printer (``QPrintDialog``), "Liste als PDF speichern…" for a file
name (starting in the documents folder, a German name with the date). The Wiedervorlagen and
Klienten views put both into their menu (:meth:`ListPrinting.actions`); the File menu gets
"Liste drucken ▸" and "Liste als PDF speichern ▸" with all four lists (:func:`add_file_menu`).

The path is the letters' one (``letter_preview``): :func:`session_output` gives the bytes from
the core builder, which records the output in the audit trail; printing starts after that
entry is committed and goes through ``print_document`` (the PDF itself to a CUPS queue, else
painted), a saved file is committed with its entry (a file that cannot be written leaves no
entry). The client list is printed as the Klienten view filters it (its search, else its sort
order); the lists are the user's own working papers: internal, audited, no consent asked.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from mzdesk.core.errors import MzdeskError
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.operations import show_message

if TYPE_CHECKING:  # the rest is imported when a list is asked for: the window paints first
    from PySide6.QtPrintSupport import QPrinter
    from sqlalchemy.orm import Session

    from mzdesk.core.services.desk_lists import ClientFilter
    from mzdesk.ui.main_window import MainWindow
    from mzdesk.ui.views.clients import ClientsView

log = logging.getLogger(__name__)

ClientSource = Callable[[], "ClientFilter"]
# The lists in the menus' order (desk_lists.ListKind's values).
KINDS = ("follow_ups", "contacts_today", "contacts_week", "clients")


def list_title(kind: str) -> str:
    """The list's name in the menus (with a mnemonic)."""
    return {
        "follow_ups": QCoreApplication.translate("ListPrinting", "&My follow-ups"),
        "contacts_today": QCoreApplication.translate("ListPrinting", "Contacts &today"),
        "contacts_week": QCoreApplication.translate("ListPrinting", "Contacts this &week"),
        "clients": QCoreApplication.translate("ListPrinting", "&Client list"),
    }[kind]


def file_name(kind: str, day: date | None = None) -> str:
    """A readable German name: ``Wiedervorlagen 2026-12-06.pdf``."""
    stem = {
        "follow_ups": QCoreApplication.translate("ListPrinting", "Follow-ups"),
        "contacts_today": QCoreApplication.translate("ListPrinting", "Contacts"),
        "contacts_week": QCoreApplication.translate("ListPrinting", "Contacts of the week"),
        "clients": QCoreApplication.translate("ListPrinting", "Client list"),
    }[kind]
    return f"{stem} {(day or date.today()).isoformat()}.pdf"


def clients_filter(view: ClientsView | None) -> ClientFilter:
    """What the Klienten view shows: the search typed there (applied now), else its order."""
    from mzdesk.core.services.desk_lists import ClientFilter
    from mzdesk.core.services.persons import PersonSort

    if view is None:
        return ClientFilter()
    from mzdesk.ui.models.person_table import SORT_ORDERS

    if view.search_timer.isActive():
        view.apply_search()
    column, order = view.model.current_sort
    sort = PersonSort(SORT_ORDERS[column], order is Qt.SortOrder.DescendingOrder)
    return ClientFilter(view.search_edit.text(), sort)


def clients_filter_none() -> ClientFilter:
    return clients_filter(None)


class ListPrinting(QObject):
    """Print or save one of the lists for the logged-in user, from a view or a menu."""

    def __init__(
        self,
        context: AreaContext | Callable[[], AreaContext],
        parent: QWidget,
        clients: ClientSource | None = None,
    ) -> None:
        """``context``: the view's, or (File menu) a way to get the window's current one —
        the window gets its user only at the login, after its menus were made."""
        super().__init__(parent)
        self._context_of = context if callable(context) else partial(_same, context)
        self._widget = parent
        self._clients = clients or clients_filter_none
        self._menus: list[tuple[QMenu, Callable[[], bool]]] = []
        self.printed_pages = 0
        self.saved: Path | None = None

    def _output(self, kind: str) -> Callable[[str], AbstractContextManager[bytes]]:
        from mzdesk.core.services import desk_lists
        from mzdesk.ui.dialogs.letter_preview import session_output

        which = desk_lists.ListKind(kind)
        wanted = self._clients() if which is desk_lists.ListKind.CLIENTS else None
        context = self._context_of()
        user_id = context.user_id

        def produce(session: Session, way: str) -> bytes:
            return desk_lists.list_pdf(session, which, user_id=user_id, way=way, clients=wanted)

        return session_output(context.session_factory, produce).release

    def actions(self, kind: str) -> list[QAction]:
        """A view's "Liste drucken…" and "Liste als PDF speichern…" of this list."""
        print_action = QAction(
            QCoreApplication.translate("ListPrinting", "&Print list…"), self._widget
        )
        print_action.triggered.connect(partial(self.print_dialog, kind))
        save_action = QAction(
            QCoreApplication.translate("ListPrinting", "Save list as P&DF…"), self._widget
        )
        save_action.triggered.connect(partial(self.save_dialog, kind))
        return [print_action, save_action]

    # --- menus (File) -------------------------------------------------------------------

    def add_menu(self, menu: QMenu, ready: Callable[[], bool]) -> None:
        """A menu of the four lists (each action's data: its kind), enabled when ``ready``."""
        self._menus.append((menu, ready))

    def update_menus(self) -> None:
        for menu, ready in self._menus:
            enabled = ready()
            for action in menu.actions():
                action.setEnabled(enabled)

    def print_chosen(self, action: QAction) -> None:
        self.print_dialog(str(action.data()))

    def save_chosen(self, action: QAction) -> None:
        self.save_dialog(str(action.data()))

    # --- print --------------------------------------------------------------------------

    def make_printer(self, kind: str) -> QPrinter:
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(file_name(kind))
        return printer

    def print_to(self, kind: str, printer: QPrinter, *, raster: bool | None = None) -> int:
        """Print the list: recorded and committed first, then sent; the pages printed
        (``raster`` as for ``print_document``)."""
        from mzdesk.ui.dialogs.letter_preview import PRINT, print_document

        try:
            with self._output(kind)(PRINT) as released:
                pdf = released
            _orient_like(printer, pdf)
            self.printed_pages = print_document(pdf, printer, raster=raster)
        except MzdeskError as error:
            show_message(self._widget, error.german)
            return 0
        log.info("list %s printed: %d pages", kind, self.printed_pages)
        return self.printed_pages

    def print_dialog(self, kind: str) -> None:
        from PySide6.QtPrintSupport import QPrintDialog
        from PySide6.QtWidgets import QDialog

        printer = self.make_printer(kind)
        dialog = QPrintDialog(printer, self._widget)
        dialog.setWindowTitle(QCoreApplication.translate("ListPrinting", "Print list"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(kind, printer)

    # --- save ---------------------------------------------------------------------------

    def save_to(self, kind: str, path: Path) -> None:
        """Write the list, committed with the file (a failed commit removes the file)."""
        from mzdesk.ui.dialogs.letter_preview import save_released

        save_released(self._output(kind), path)
        self.saved = path

    def save_dialog(self, kind: str) -> None:
        from mzdesk.ui.file_dialogs import Kind, save_file

        # the documents folder, then the folder last chosen for lists (as every save dialog)
        path = save_file(
            self._widget,
            QCoreApplication.translate("ListPrinting", "Save list as PDF"),
            Kind.LIST,
            file_name(kind),
            QCoreApplication.translate("ListPrinting", "PDF files (*.pdf)"),
        )
        if path is None:
            return
        try:
            self.save_to(kind, path)
        except MzdeskError as error:
            show_message(self._widget, error.german)
        except OSError as error:
            log.warning("saving a list failed: %s", type(error).__name__)
            show_message(
                self._widget,
                QCoreApplication.translate("ListPrinting", "The file could not be written."),
            )


def _orient_like(printer: QPrinter, pdf: bytes) -> None:
    """Paper the way the list's pages lie (the contact and client lists are landscape), so a
    painted page fills the sheet undistorted."""
    from PySide6.QtGui import QPageLayout

    from mzdesk.ui.dialogs.letter_preview import load_document

    document, buffer = load_document(pdf)
    try:
        size = document.pagePointSize(0)
    finally:
        document.close()
        buffer.close()
    landscape = size.width() > size.height()
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def add_file_menu(main: MainWindow) -> ListPrinting:
    """File → "Liste drucken ▸" and "Liste als PDF speichern ▸", each with the four lists
    (enabled once a database is open); the client list as the Klienten view filters it.

    Connected to bound methods only (PySide holds them weakly) and holding the window weakly:
    the menus must not keep a window alive that is gone."""
    from mzdesk.ui.forms import child

    window_ref = weakref.ref(main)

    def context() -> AreaContext:
        window = window_ref()
        assert window is not None, "the window is gone"
        return window.context

    def clients() -> ClientFilter:
        from mzdesk.ui.views.clients import ClientsView

        window = window_ref()
        view = window.views.get("clients") if window is not None else None
        return clients_filter(view if isinstance(view, ClientsView) else None)

    def ready() -> bool:
        window = window_ref()
        return window is not None and window.database is not None

    printing = ListPrinting(context, main.window, clients)
    file_menu = child(main.window, QMenu, "menuFile")
    first = file_menu.actions()[0] if file_menu.actions() else None
    for title, chosen in (
        (QCoreApplication.translate("ListPrinting", "&Print list"), printing.print_chosen),
        (QCoreApplication.translate("ListPrinting", "Save list as P&DF"), printing.save_chosen),
    ):
        menu = QMenu(title, file_menu)
        for kind in KINDS:
            menu.addAction(list_title(kind) + "…").setData(kind)
        menu.triggered.connect(chosen)
        menu.aboutToShow.connect(printing.update_menus)
        printing.add_menu(menu, ready)
        if first is not None:
            file_menu.insertMenu(first, menu)
        else:
            file_menu.addMenu(menu)
    if first is not None:
        file_menu.insertSeparator(first)
    return printing


def _same(context: AreaContext) -> AreaContext:
    return context
