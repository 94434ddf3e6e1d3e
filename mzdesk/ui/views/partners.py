"""The partners area: the partner directory with search, kind filter, details — maintained here.

A centre has a few hundred partners, so the list shows all matches at once and the search
(``partners.find_partners``: every word, any case, any accents) runs on the GUI thread after
a short pause in typing. Inactive partners are hidden unless "inaktive zeigen" is ticked.

Actions (also in the main window's menu for the area; the shortcuts work while the area has
the keyboard focus): "Neu…" (Ctrl+N) and "Bearbeiten…" (F2, Enter or a double click on a row)
open :class:`~mzdesk.ui.dialogs.partner_edit.PartnerEditDialog` (organisation, services,
contact people); "Deaktivieren…"/"Reaktivieren…" (Ctrl+D) asks first and never deletes; the
CSV import runs in :class:`PartnerImportDialog` (Ctrl+I).
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.errors import NotFound
from mzdesk.core.models import Partner
from mzdesk.core.services import partners
from mzdesk.ui.areas import Area, AreaContext, AreaRegistry, AreaView
from mzdesk.ui.dialogs.partner_edit import PartnerEditDialog, open_partner_dialog
from mzdesk.ui.dialogs.partner_import import PartnerImportDialog
from mzdesk.ui.forms import child, load_form

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 120
MAX_ROWS = 5000  # far more than a county's partner network
ID_ROLE = Qt.ItemDataRole.UserRole + 1


ACTIVE_COLUMN = 4


class PartnersView(AreaView):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._language = context.language
        self.form = load_form("partners_view.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.search_edit = child(self.form, QLineEdit, "searchEdit")
        self.kind_combo = child(self.form, QComboBox, "kindCombo")
        self.inactive_check = child(self.form, QCheckBox, "showInactiveCheck")
        self.count_label = child(self.form, QLabel, "countLabel")
        self.new_button = child(self.form, QPushButton, "newButton")
        self.edit_button = child(self.form, QPushButton, "editButton")
        self.active_button = child(self.form, QPushButton, "activeButton")
        self.import_button = child(self.form, QPushButton, "importButton")
        self.table = child(self.form, QTableView, "partnerTable")
        self.splitter = child(self.form, QSplitter, "detailSplitter")
        self.title_label = child(self.form, QLabel, "titleLabel")
        self.kind_label = child(self.form, QLabel, "kindLabel")
        self.fields_host = child(self.form, QWidget, "fieldsHost")
        self.values = {
            name: child(self.form, QLabel, f"{name}Value")
            for name in ("address", "phone", "email", "website", "services", "contacts", "language")
        }
        for label in self.values.values():
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Town"), self.tr("Phone"), self.tr("Active")]
        )
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((250, 200, 120, 110)):
            self.table.setColumnWidth(column, width)
        # "aktiv" and "ja"/"nein": as wide as the header text, never cut (no stretching).
        header.setSectionResizeMode(ACTIVE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([820, 330])

        self.kind_combo.addItem(self.tr("All kinds"), None)
        kinds = sorted(
            reference.items("partner_kinds"), key=lambda item: item.label(self._language)
        )
        for item in kinds:
            self.kind_combo.addItem(item.label(self._language), item.code)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.inactive_check.toggled.connect(lambda _checked: self.refresh())
        self.table.activated.connect(self._row_activated)
        self.import_dialog: PartnerImportDialog | None = None
        self.edit_dialog: PartnerEditDialog | None = None
        self._shown: dict[str, object] | None = None
        self.confirm_box: QMessageBox | None = None
        self._setup_actions()
        self.show_partner(None)
        self.refresh()

    # --- actions --------------------------------------------------------------------------

    def _setup_actions(self) -> None:
        def action(text: str, keys: QKeySequence, slot: object, button: QPushButton) -> QAction:
            made = QAction(text, self)
            made.setShortcut(keys)
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
            self.addAction(made)
            button.setText(text)
            shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text} ({shown})")
            button.clicked.connect(made.trigger)
            return made

        self.new_action = action(
            self.tr("New…"),
            QKeySequence(QKeySequence.StandardKey.New),
            self.new_partner,
            self.new_button,
        )
        self.edit_action = action(
            self.tr("Edit…"), QKeySequence(Qt.Key.Key_F2), self.edit_selected, self.edit_button
        )
        self.active_action = action(
            self.tr("Deactivate…"),
            QKeySequence("Ctrl+D"),
            self.toggle_active,
            self.active_button,
        )
        self.import_action = QAction(self.tr("Import…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.import_action.triggered.connect(lambda _checked=False: self.open_import())
        self.addAction(self.import_action)
        self.import_button.clicked.connect(self.import_action.trigger)
        self._update_actions()

    def menu_actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.active_action, self.import_action]

    def _update_actions(self) -> None:
        data = self._shown
        self.edit_action.setEnabled(data is not None)
        self.edit_button.setEnabled(data is not None)
        active = data is None or bool(data["active"])
        text = self.tr("Deactivate…") if active else self.tr("Reactivate…")
        self.active_action.setText(text)
        self.active_button.setText(text)
        keys = self.active_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.active_button.setToolTip(f"{text} ({keys})")
        self.active_action.setEnabled(data is not None)
        self.active_button.setEnabled(data is not None)

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.edit_selected()

    def new_partner(
        self, prefill_name: str | None = None, kind: str | None = None
    ) -> PartnerEditDialog:
        """ "Neu…": the partner dialog for a new partner (window-modal)."""
        return self._open_dialog(None, prefill_name=prefill_name, kind=kind)

    def edit_selected(self) -> PartnerEditDialog | None:
        """ "Bearbeiten…": the partner dialog for the selected partner."""
        partner_id = self.selected_partner_id()
        if partner_id is None:
            return None
        return self._open_dialog(partner_id)

    def _open_dialog(
        self, partner_id: uuid.UUID | None, **prefill: str | None
    ) -> PartnerEditDialog:
        dialog = open_partner_dialog(self, self._context, partner_id, **prefill)
        dialog.saved.connect(self._partner_saved)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.edit_dialog = dialog
        return dialog

    def _dialog_closed(self, dialog: PartnerEditDialog) -> None:
        if self.edit_dialog is dialog:
            self.edit_dialog = None
        self.table.setFocus()

    def _partner_saved(self, partner_id: object) -> None:
        if not isinstance(partner_id, uuid.UUID):
            return
        self.select_partner(partner_id)

    def select_partner(self, partner_id: uuid.UUID) -> None:
        """Refresh the list and select ``partner_id`` (clearing the filters that hide it)."""
        self.refresh()
        if self._row_of(partner_id) is None:
            for widget in (self.search_edit, self.kind_combo, self.inactive_check):
                widget.blockSignals(True)
            self.search_edit.clear()
            self.kind_combo.setCurrentIndex(0)
            active = self._context.read(
                lambda session: partners.get_partner(session, partner_id).active
            )
            if not active:
                self.inactive_check.setChecked(True)
            for widget in (self.search_edit, self.kind_combo, self.inactive_check):
                widget.blockSignals(False)
            self.refresh()
        row = self._row_of(partner_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _row_of(self, partner_id: uuid.UUID) -> int | None:
        return next(
            (r for r in range(self.model.rowCount()) if self.partner_id(r) == partner_id), None
        )

    def toggle_active(self) -> bool:
        """ "Deaktivieren…"/"Reaktivieren…" the selected partner after asking; never deletes."""
        data = self._shown
        partner_id = self.selected_partner_id()
        if data is None or partner_id is None:
            return False
        name = str(data["name"])
        deactivate = bool(data["active"])
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        if deactivate:
            box.setWindowTitle(self.tr("Deactivate partner"))
            box.setText(self.tr('Deactivate "%1"?').replace("%1", name))
            box.setInformativeText(
                self.tr(
                    "The partner is not deleted: referrals, consents and events keep it. "
                    "It is no longer offered for new referrals and is hidden in this list "
                    'unless "show inactive" is ticked.'
                )
            )
            confirm = box.addButton(self.tr("Deactivate"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setWindowTitle(self.tr("Reactivate partner"))
            box.setText(self.tr('Reactivate "%1"?').replace("%1", name))
            box.setInformativeText(self.tr("It is offered for new referrals again."))
            confirm = box.addButton(self.tr("Reactivate"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(confirm)
        box.setEscapeButton(cancel)
        self.confirm_box = box
        box.exec()
        self.confirm_box = None
        if box.clickedButton() is not confirm:
            return False
        done = self._context.write(
            lambda session: partners.set_partner_active(session, partner_id, not deactivate).id,
            refused=lambda text: QMessageBox.warning(self, self.tr("Partners"), text),
        )
        if done is None:
            return False
        self.refresh()
        if self._row_of(partner_id) is not None:
            self.select_partner(partner_id)
        self.table.setFocus()
        return True

    # --- the list -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Fill the list from the search text, the kind and the "active only" box."""
        self.search_timer.stop()
        selected = self.selected_partner_id()

        def load(session: Session) -> list[list[QStandardItem]]:
            found = partners.find_partners(
                session,
                self.search_edit.text(),
                kind=self.kind_combo.currentData(),
                include_inactive=self.inactive_check.isChecked(),
                limit=MAX_ROWS,
            )
            return [self._row(partner) for partner in found]

        rows = self._context.read(load)
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            self.model.appendRow(row)
        self.count_label.setText(self.tr("%n partner(s)", "", len(rows)))
        reselect = next(
            (r for r in range(self.model.rowCount()) if self.partner_id(r) == selected), None
        )
        if reselect is not None:
            self.table.selectRow(reselect)
        else:
            self.show_partner(None)

    def _row(self, partner: Partner) -> list[QStandardItem]:
        name = QStandardItem(partner.name)
        name.setData(partner.id, ID_ROLE)
        active = QStandardItem(self.tr("yes") if partner.active else self.tr("no"))
        row = [
            name,
            QStandardItem(reference.label("partner_kinds", partner.kind, self._language)),
            QStandardItem(partner.city or ""),
            QStandardItem(partner.phone or ""),
            active,
        ]
        if not partner.active:  # greyed, like a disabled entry
            grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for item in row:
                item.setForeground(grey)
        return row

    def partner_id(self, row: int) -> uuid.UUID | None:
        value = self.model.index(row, 0).data(ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def selected_partner_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.partner_id(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_partner(self.selected_partner_id())

    # --- details --------------------------------------------------------------------------

    def show_partner(self, partner_id: uuid.UUID | None) -> None:
        data: dict[str, object] | None = None
        if partner_id is not None:
            try:
                data = self._context.read(
                    lambda session: partners.describe(partners.get_partner(session, partner_id))
                )
            except NotFound:
                data = None  # deleted meanwhile
        self._shown = data
        self.fields_host.setVisible(data is not None)
        if hasattr(self, "active_action"):
            self._update_actions()
        if data is None:
            self.title_label.setText(self.tr("No partner selected"))
            self.kind_label.clear()
            for label in self.values.values():
                label.clear()
            return
        self.title_label.setText("\n".join(str(v) for v in (data["name"], data["department"]) if v))
        self.kind_label.setText(
            str(data["kind_label"]) + ("" if data["active"] else "  " + self.tr("(inactive)"))
        )
        place = " ".join(str(v) for v in (data["postcode"], data["city"]) if v)
        self.values["address"].setText(
            "\n".join(v for v in (str(data["street"] or ""), place) if v)
        )
        for key in ("phone", "email", "website", "services"):
            self.values[key].setText(str(data[key] or ""))
        contacts = data["contact_people"]
        assert isinstance(contacts, list)
        # each person: "name · function", then phone and e-mail on their own lines
        self.values["contacts"].setText(
            "\n\n".join(
                "\n".join(
                    filter(
                        None,
                        [
                            " · ".join(str(c[k]) for k in ("name", "role") if c[k]),
                            str(c["phone"] or ""),
                            str(c["email"] or ""),
                        ],
                    )
                )
                for c in contacts
            )
            or "–"
        )
        language = str(data["letter_language"] or "de")
        self.values["language"].setText(
            {"de": self.tr("German"), "en": self.tr("English")}.get(language, language)
        )

    # --- import ---------------------------------------------------------------------------

    def open_import(self) -> PartnerImportDialog:
        """Open the CSV import dialog (window-modal); the list refreshes after an import."""
        dialog = PartnerImportDialog(self._context.session_factory, self, self._language)
        dialog.imported.connect(lambda _report: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    # --- selftest -------------------------------------------------------------------------

    def selftest(self) -> str:
        expected = len(
            self._context.read(lambda session: partners.find_partners(session, limit=MAX_ROWS))
        )
        if self.model.rowCount() != expected:
            raise AssertionError(f"{self.model.rowCount()} partners listed, expected {expected}")
        if expected:
            self.table.selectRow(0)
            if self.title_label.text() != self.model.index(0, 0).data():
                raise AssertionError("selecting the first partner showed no details")
        return f"{expected} partners listed"


def register(registry: AreaRegistry) -> None:
    registry.register(
        Area(
            key="partners",
            title=lambda: QCoreApplication.translate("Areas", "Partners"),
            icon="partners.svg",
            factory=PartnersView,
            order=60,
        )
    )
