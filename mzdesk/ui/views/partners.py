"""The partners area: the partner directory with search, kind filter, details and CSV import.

A centre has a few hundred partners, so the list shows all matches at once and the search
(``partners.find_partners``: every word, any case, any accents) runs on the GUI thread after
a short pause in typing. The CSV import runs in :class:`PartnerImportDialog` (Ctrl+I).
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
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
        self.active_check = child(self.form, QCheckBox, "activeCheck")
        self.count_label = child(self.form, QLabel, "countLabel")
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
        for column, width in enumerate((280, 210, 130, 140)):
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
        self.active_check.toggled.connect(lambda _checked: self.refresh())
        self.import_shortcut = QShortcut(QKeySequence("Ctrl+I"), self)
        self.import_shortcut.activated.connect(self.open_import)
        self.import_button.clicked.connect(self.open_import)
        self.import_dialog: PartnerImportDialog | None = None
        self.show_partner(None)
        self.refresh()

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
                include_inactive=not self.active_check.isChecked(),
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
        return [
            name,
            QStandardItem(reference.label("partner_kinds", partner.kind, self._language)),
            QStandardItem(partner.city or ""),
            QStandardItem(partner.phone or ""),
            active,
        ]

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
        self.fields_host.setVisible(data is not None)
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
        self.values["contacts"].setText(
            "\n".join(
                " · ".join(str(c[k]) for k in ("name", "role", "phone", "email") if c[k])
                for c in contacts
            )
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
