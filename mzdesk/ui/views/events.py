"""The events area ("Veranstaltungen"): the list of events, the details with the partners
present and the running figures, and the actions — new event (Ctrl+N), import attendees
(Ctrl+I), attendance and employer lists as PDF (Ctrl+P, Ctrl+Shift+P), the offline kit
(functions of ``mzdesk.ui.dialogs.kit_actions``, imported when used; disabled with a tooltip
while that module is missing) and fair mode (F11) in a window of its own.
"""

from __future__ import annotations

import importlib.util
import logging
import uuid
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.files import write_private
from mzdesk.core.models import EventKind
from mzdesk.core.services import event_lists, events, partners
from mzdesk.ui import session_scope
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView
from mzdesk.ui.date_field import date_field, field_date
from mzdesk.ui.dialogs.attendee_import import AttendeeImportDialog
from mzdesk.ui.file_dialogs import Kind, file_name, save_file
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.numbers import number
from mzdesk.ui.operations import BackgroundOp, Progress, show_message
from mzdesk.ui.views.fair_mode import FairMode, outcome_label

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150
KIT_MODULE = "mzdesk.ui.dialogs.kit_actions"


def kind_label(kind: EventKind) -> str:
    return {
        EventKind.JOB_FAIR: QCoreApplication.translate("EventsView", "Job fair"),
        EventKind.OUTREACH: QCoreApplication.translate("EventsView", "Outreach day"),
        EventKind.INFO_SESSION: QCoreApplication.translate("EventsView", "Info session"),
    }[kind]


class NewEventDialog(QDialog):
    """Name, date, place, kind and the employers present (the rest: ``mzdesk event add``)."""

    def __init__(self, session_factory: Callable[[], Session], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New event"))
        layout = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.date_edit = date_field(date.today())  # typed; Tab goes on to the place
        self.place_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in EventKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.employer_list = QListWidget()
        employers = session_scope.read(
            session_factory,
            lambda session: [
                (partner.name, partner.id)
                for partner in partners.find_partners(session, kind="AG", limit=2000)
            ],
        )
        for name, partner_id in employers:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, partner_id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.employer_list.addItem(item)
        for text, widget in (
            (self.tr("&Name"), self.name_edit),
            (self.tr("&Date"), self.date_edit),
            (self.tr("&Place"), self.place_edit),
            (self.tr("&Kind"), self.kind_combo),
            (self.tr("&Employers present (Space)"), self.employer_list),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.resize(560, 520)

    def values(self) -> dict[str, object]:
        employers = [
            events.PartnerPresence(item.data(ID_ROLE), True, None)
            for row in range(self.employer_list.count())
            if (item := self.employer_list.item(row)).checkState() == Qt.CheckState.Checked
        ]
        day = field_date(self.date_edit, self.tr("Date"), required=True)
        return {
            "name": self.name_edit.text(),
            "starts_on": day,
            "place": self.place_edit.text(),
            "kind": EventKind(self.kind_combo.currentData()),
            "partners": employers,
        }


class EventsView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.form = load_form("events_view.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.search_edit = child(self.form, QLineEdit, "searchEdit")
        self.count_label = child(self.form, QLabel, "countLabel")
        self.table = child(self.form, QTableView, "eventTable")
        self.splitter = child(self.form, QSplitter, "detailSplitter")
        self.title_label = child(self.form, QLabel, "titleLabel")
        self.current_event: tuple[str, date] | tuple[()] = ()  # name and date, once shown
        self.info_label = child(self.form, QLabel, "infoLabel")
        self.tally_label = child(self.form, QLabel, "tallyLabel")
        self.partner_table = child(self.form, QTableWidget, "partnerTable")
        self.buttons = {
            name: child(self.form, QPushButton, f"{name}Button")
            for name in (
                "new",
                "fair",
                "import",
                "attendance",
                "employer",
                "exportKit",
                "returnKit",
                "mergeKit",
                "openKit",
            )
        }
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Place"), self.tr("Attendees")]
        )
        self.table.setModel(self.model)
        for column, width in enumerate((90, 260, 180, 80)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        self.partner_table.setColumnCount(4)
        self.partner_table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Booth"), self.tr("Organisation"), self.tr("Role")]
        )
        self.splitter.setSizes([620, 520])
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.fair_window: FairMode | None = None
        self.import_dialog: AttendeeImportDialog | None = None
        self._actions = self._make_actions()
        self.refresh()

    # --- actions ------------------------------------------------------------------------------

    def _make_actions(self) -> list[QAction]:
        kit_ready = importlib.util.find_spec(KIT_MODULE) is not None
        specs: list[tuple[str, str, str | None, Callable[[], object], bool]] = [
            ("new", self.tr("New event…"), "Ctrl+N", self.new_event, False),
            ("import", self.tr("Import attendees…"), "Ctrl+I", self.open_import, True),
            ("attendance", self.tr("Attendance list…"), "Ctrl+P", self.print_attendance, True),
            ("employer", self.tr("Employer list…"), "Ctrl+Shift+P", self.print_employers, True),
            ("fair", self.tr("Fair mode"), "F11", self.open_fair_mode, True),
            ("exportKit", self.tr("Export kit…"), None, lambda: self._kit("export"), True),
            ("returnKit", self.tr("Return kit…"), None, lambda: self._kit("return"), True),
            ("mergeKit", self.tr("Merge kit…"), None, lambda: self._kit("merge"), False),
            ("openKit", self.tr("Open kit…"), None, lambda: self._kit("open"), False),
        ]
        actions = []
        self._needs_event: list[tuple[QAction, QPushButton]] = []
        for key, text, shortcut, slot, needs_event in specs:
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
            button = self.buttons[key]
            button.clicked.connect(action.trigger)
            if key.endswith("Kit") and not kit_ready:
                tip = self.tr("The offline kit is not available in this version.")
                for target in (action, button):
                    target.setEnabled(False)
                    target.setToolTip(tip)
                action.setData("kit-missing")
            elif needs_event:
                self._needs_event.append((action, button))
            actions.append(action)
        return actions

    def menu_actions(self) -> list[QAction]:
        return list(self._actions)

    def _update_actions(self) -> None:
        chosen = self.selected_event_id() is not None
        for action, button in self._needs_event:
            action.setEnabled(chosen)
            button.setEnabled(chosen)

    # --- list and details -------------------------------------------------------------------

    def refresh(self) -> None:
        self.search_timer.stop()
        selected = self.selected_event_id()
        try:
            with self._context.session_factory() as session:
                found = events.list_events(session, text=self.search_edit.text())
        except MzdeskError as error:  # e.g. an admin: no events for them; say so in German
            self.model.removeRows(0, self.model.rowCount())
            self.count_label.setText(error.german)
            self.show_selected()
            return
        self.model.removeRows(0, self.model.rowCount())
        for summary in found:
            first = QStandardItem(summary.starts_on.strftime("%d.%m.%Y"))
            first.setData(summary.id, ID_ROLE)
            self.model.appendRow(
                [
                    first,
                    QStandardItem(summary.name),
                    QStandardItem(summary.place),
                    QStandardItem(str(summary.attendees)),
                ]
            )
        self.count_label.setText(self.tr("%n event(s)", "", len(found)))
        row = next((r for r in range(self.model.rowCount()) if self._id(r) == selected), None)
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self.show_selected()

    def _id(self, row: int) -> uuid.UUID | None:
        value = self.model.index(row, 0).data(ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def selected_event_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self._id(rows[0].row()) if rows else None

    def show_selected(self) -> None:
        event_id = self.selected_event_id()
        self._update_actions()
        self.partner_table.setRowCount(0)
        if event_id is None:
            self.title_label.setText(self.tr("No event selected"))
            self.info_label.clear()
            self.tally_label.clear()
            return
        detail = self._context.read(lambda session: events.event_detail(session, event_id))
        self.current_event = (detail.name, detail.starts_on)  # for the names of saved files
        self.title_label.setText(detail.name)
        day = detail.starts_on.strftime("%d.%m.%Y")
        if detail.ends_on and detail.ends_on != detail.starts_on:
            day += " – " + detail.ends_on.strftime("%d.%m.%Y")
        self.info_label.setText(
            " · ".join(v for v in (day, kind_label(detail.kind), detail.place, detail.team) if v)
        )
        tally = detail.tally
        self.tally_label.setText(
            self.tr("%1 registered, %2 without registration")
            .replace("%1", number(tally.registered))
            .replace("%2", number(tally.anonymous))
            + " · "
            + ", ".join(f"{outcome_label(o)} {n}" for o, n in sorted(tally.contacts.items()))
        )
        self.partner_table.setRowCount(len(detail.partners))
        for row, p in enumerate(detail.partners):
            role = (
                self.tr("Employer")
                if p.is_employer
                else reference.label("partner_kinds", p.kind, self._context.language)
            )
            for column, text in enumerate((str(p.number or ""), p.booth or "", p.name, role)):
                self.partner_table.setItem(row, column, QTableWidgetItem(text))
        self.partner_table.resizeColumnsToContents()

    # --- the actions' slots -----------------------------------------------------------------

    def new_event(self) -> None:
        dialog = NewEventDialog(self._context.session_factory, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            created = self._context.write(
                lambda session: events.create_event(session, **dialog.values()),  # type: ignore[arg-type]
                refused=partial(show_message, self),
            )
            if created is None:
                continue  # refused and said: the dialog opens again with the typing kept
            self.refresh()
            return

    def open_import(self) -> AttendeeImportDialog | None:
        event_id = self.selected_event_id()
        if event_id is None:
            return None
        dialog = AttendeeImportDialog(self._context.session_factory, event_id, self)
        dialog.imported.connect(lambda _report: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _save_pdf(self, make: Callable[[Session, uuid.UUID], bytes], suggested: str) -> None:
        event_id = self.selected_event_id()
        if event_id is None:
            return
        path = save_file(
            self,
            self.tr("Save as PDF"),
            Kind.LIST,
            file_name(suggested, *self.current_event, suffix="pdf"),
            self.tr("PDF files (*.pdf)"),
            settings=self._context.settings,
        )
        if path is None:
            return
        context = self._context

        def save(session: Session) -> None:
            data = make(session, event_id)  # recorded in the audit trail by core
            try:
                write_private(path, data)
            except OSError as exc:
                raise MzdeskError(
                    f"cannot write {path.name}: {exc.strerror}",
                    german=f"{path.name} kann nicht geschrieben werden.",
                ) from exc

        def op(_progress: Progress) -> Path:
            context.write(save)  # the list's audit entry, committed with the file written
            return path

        BackgroundOp(parent=self, op=op, success=lambda path: log.info("list saved")).with_progress(
            self.tr("Creating the PDF …")
        ).run_in_background()

    def print_attendance(self) -> None:
        self._save_pdf(event_lists.attendance_list_pdf, self.tr("Attendance list"))

    def print_employers(self) -> None:
        self._save_pdf(event_lists.employer_list_pdf, self.tr("Employer list"))

    def open_fair_mode(self) -> FairMode | None:
        event_id = self.selected_event_id()
        if event_id is None:
            return None
        if self.fair_window is not None:
            self.fair_window.close()
        window = FairMode(self._context.session_factory, event_id, self._context.language)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.changed.connect(self.show_selected)
        window.left.connect(self._fair_left)
        self.fair_window = window
        window.showFullScreen()
        window.family_edit.setFocus()
        return window

    def _fair_left(self) -> None:
        self.fair_window = None
        self.refresh()

    def _kit(self, step: str) -> None:
        from mzdesk.ui.dialogs import kit_actions  # the kit engineer's module, when present

        event_id = self.selected_event_id()
        if step == "export" and event_id is not None:
            kit_actions.export_kit_dialog(self, self._context, event_id)
        elif step == "return" and event_id is not None:
            kit_actions.return_kit_dialog(self, self._context, event_id)
        elif step == "merge":
            kit_actions.merge_kit_dialog(self, self._context)
        elif step == "open":
            kit_actions.open_kit_dialog(self)
        self.refresh()

    def selftest(self) -> str:
        expected = len(self._context.read(events.list_events))
        if self.model.rowCount() != expected:
            raise AssertionError(f"{self.model.rowCount()} events listed, expected {expected}")
        return f"{expected} events listed"


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="events",
            title=lambda: QCoreApplication.translate("Areas", "Events"),
            icon="events.svg",
            factory=EventsView,
            order=50,
        )
    )
