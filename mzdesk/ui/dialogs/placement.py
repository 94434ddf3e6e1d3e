"""Record, edit or end a placement (Vermittlung) from the case file, made for the keyboard.

Fields (form: forms/placement.ui): the kind (reference ``placement_kinds``, work and training
first), the employer or provider — typed, with a completer over the partner directory's
employers (course providers for a course) —, start and end as text (``TT.MM.JJJJ`` or ``+14``
days, like the contact dialog), hours per week (``19,5``), a note (on screen only).

An employer typed that is not in the directory is offered to it: the check box "Als
Arbeitgeber ins Partnerverzeichnis aufnehmen" (off unless ticked); then the partner is
created through ``partners.add_partner`` and the placement linked to it, in the same
transaction. A name that matches a partner (case and accents ignored) links to that partner.

Enter saves from any field (Shift+Enter: a new line in the note), Esc asks before throwing
away what was typed, an error keeps the dialog open with everything typed. Reading and
writing go through the core placements service with the user's scoped session: another
team's case is refused there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy.orm import Session

from mzdesk.core import reference
from mzdesk.core.names import fold
from mzdesk.core.services import partners, placements
from mzdesk.core.services.placements import PlacementState
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import FormDialog, german_date, read_date, ref_label
from mzdesk.ui.forms import child

EMPLOYER_KIND = "AG"
# The partner kind a placement's employer or provider has, by placement kind or group.
_PARTNER_KIND = {"IK": "IK", "BSK": "BSK"}
_GROUP_PARTNER_KIND = {"work": EMPLOYER_KIND, "training": EMPLOYER_KIND}
_GROUP_ORDER = ("work", "training", "course", "recognition")
MIN_WIDTH = 520


class Mode(Enum):
    NEW = "new"
    EDIT = "edit"
    END = "end"


@dataclass(frozen=True)
class DirectoryPartner:
    id: uuid.UUID
    name: str
    kind: str


def partner_kind_for(kind: str) -> str | None:
    """The partner kind an employer or provider of a ``kind`` placement has (None: any)."""
    if kind in _PARTNER_KIND:
        return _PARTNER_KIND[kind]
    item = reference.by_code("placement_kinds").get(kind)
    group = str(item.extra.get("group", "")) if item is not None else ""
    return _GROUP_PARTNER_KIND.get(group)


def ordered_kinds() -> list[reference.ReferenceItem]:
    """The placement kinds, work and training first (the reference file's order within)."""
    items = reference.items("placement_kinds")

    def rank(item: reference.ReferenceItem) -> int:
        group = str(item.extra.get("group", ""))
        return _GROUP_ORDER.index(group) if group in _GROUP_ORDER else len(_GROUP_ORDER)

    return sorted(items, key=rank)


def hours_text(value: Decimal | None) -> str:
    """``19.50`` → ``19,5``; ``39.00`` → ``39`` (what the field shows and reads back)."""
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def _directory(session: Session) -> list[DirectoryPartner]:
    found = partners.find_partners(session, limit=100_000)
    return [DirectoryPartner(p.id, p.name, p.kind) for p in found]


class PlacementDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        ctx: AreaContext,
        case_id: uuid.UUID | None,
        *,
        current: PlacementState | None = None,
        mode: Mode = Mode.NEW,
        heading: str = "",
    ) -> None:
        titles = {
            Mode.NEW: QCoreApplication.translate("PlacementDialog", "Record placement"),
            Mode.EDIT: QCoreApplication.translate("PlacementDialog", "Edit placement"),
            Mode.END: QCoreApplication.translate("PlacementDialog", "End placement"),
        }
        super().__init__("placement.ui", titles[mode], parent)
        self._ctx = ctx
        self.case_id = case_id
        self.mode = mode
        self.current = current
        self.placement_id: uuid.UUID | None = current.id if current else None
        self.partner_created: uuid.UUID | None = None
        form = self.form
        self.heading = child(form, QLabel, "headingLabel")
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        theme.style(child(form, QLabel, "noteHint"), "color: $muted;")
        self.kind = child(form, QComboBox, "kindCombo")
        self.employer = child(form, QLineEdit, "employerEdit")
        self.employer_state = child(form, QLabel, "employerState")
        theme.style(self.employer_state, "color: $muted;")
        self.add_partner = child(form, QCheckBox, "addPartnerCheck")
        self.start = child(form, QLineEdit, "startEdit")
        self.end = child(form, QLineEdit, "endEdit")
        self.hours = child(form, QLineEdit, "hoursEdit")
        self.note = child(form, QPlainTextEdit, "noteEdit")
        self.setMinimumWidth(MIN_WIDTH)
        self.employer.setMaxLength(placements.MAX_EMPLOYER)
        for item in ordered_kinds():
            self.kind.addItem(item.label(ctx.language), item.code)
        self.directory = ctx.read(_directory)
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.employer.setCompleter(self.completer)
        self._fill(current)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.employer.textChanged.connect(self._update_employer)
        self._kind_changed()
        self.note.installEventFilter(self)
        if mode is Mode.END:
            if not self.end.text():
                self.end.setText(german_date(date.today()))
            self.end.setFocus()
            self.end.selectAll()
        else:
            self.kind.setFocus()
        self.mark_clean()

    # --- filling --------------------------------------------------------------------------

    def _fill(self, current: PlacementState | None) -> None:
        if current is None:
            self.start.setText(german_date(date.today()))
            return
        row = self.kind.findData(current.kind)
        if row < 0:  # a kind the reference no longer has: keep it choosable
            self.kind.addItem(current.kind, current.kind)
            row = self.kind.count() - 1
        self.kind.setCurrentIndex(row)
        self.employer.setText(current.partner_name or current.employer_name or "")
        self.start.setText(german_date(current.starts_on))
        self.end.setText(german_date(current.ends_on))
        self.hours.setText(hours_text(current.weekly_hours))
        self.note.setPlainText(current.note or "")

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        wanted = partner_kind_for(self.chosen_kind())
        names = sorted(
            {p.name for p in self.directory if wanted is None or p.kind == wanted},
            key=lambda name: fold(name),
        )
        self.names.setStringList(names)
        self._update_employer()

    def matching_partner(self) -> DirectoryPartner | None:
        """The directory's partner whose name is what was typed (case and accents ignored);
        of the kind the placement wants first."""
        typed = fold(self.employer.text())
        if not typed:
            return None
        same = [p for p in self.directory if fold(p.name) == typed]
        wanted = partner_kind_for(self.chosen_kind())
        same.sort(key=lambda p: p.kind != wanted)
        return same[0] if same else None

    def _update_employer(self) -> None:
        text = self.employer.text().strip()
        partner = self.matching_partner()
        new_kind = partner_kind_for(self.chosen_kind())
        kind_label = ref_label("partner_kinds", new_kind, self._ctx.language) if new_kind else ""
        if not text:
            self.employer_state.setText("")
        elif partner is not None:
            self.employer_state.setText(
                QCoreApplication.translate(
                    "PlacementDialog", "In the partner directory (%1)"
                ).replace("%1", ref_label("partner_kinds", partner.kind, self._ctx.language))
            )
        else:
            self.employer_state.setText(
                QCoreApplication.translate("PlacementDialog", "Not in the partner directory")
            )
        offer = bool(text) and partner is None and new_kind is not None
        self.add_partner.setEnabled(offer)
        if not offer:
            self.add_partner.setChecked(False)
        self.add_partner.setText(
            QCoreApplication.translate(
                "PlacementDialog", "A&dd to the partner directory as %1"
            ).replace("%1", kind_label or "…")
        )

    # --- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.submit()
                return True
        return super().eventFilter(watched, event)

    # --- saving ---------------------------------------------------------------------------

    def typed(self) -> object:
        return (
            self.kind.currentIndex(),
            self.employer.text(),
            self.add_partner.isChecked(),
            self.start.text(),
            self.end.text(),
            self.hours.text(),
            self.note.toPlainText(),
        )

    def save(self) -> bool:
        starts_on = read_date(
            self.start.text(), QCoreApplication.translate("PlacementDialog", "Start"), required=True
        )
        ends_on = read_date(self.end.text(), QCoreApplication.translate("PlacementDialog", "End"))
        assert starts_on is not None
        hours = self.hours.text().strip() or None
        typed = " ".join(self.employer.text().split())
        partner = self.matching_partner()
        add = self.add_partner.isEnabled() and self.add_partner.isChecked()
        new_kind = partner_kind_for(self.chosen_kind())
        current = self.current

        def work(session: Session) -> uuid.UUID:
            partner_id = partner.id if partner is not None else None
            employer_name: str | None = None if partner is not None else typed or None
            if partner_id is None and add and typed and new_kind is not None:
                created = partners.add_partner(session, name=typed, kind=new_kind)
                self.partner_created = created.id
                partner_id, employer_name = created.id, None
            if current is None:
                assert self.case_id is not None, "a new placement needs its case"
                placement = placements.add_placement(
                    session,
                    case_id=self.case_id,
                    kind=self.chosen_kind(),
                    starts_on=starts_on,
                    ends_on=ends_on,
                    partner_id=partner_id,
                    employer_name=employer_name,
                    weekly_hours=hours,
                    note=self.note.toPlainText(),
                    counsellor_id=None,
                )
            else:
                placement = placements.update_placement(
                    session,
                    current.id,
                    kind=self.chosen_kind(),
                    starts_on=starts_on,
                    ends_on=ends_on,
                    partner_id=partner_id,
                    employer_name=employer_name,
                    weekly_hours=hours,
                    note=self.note.toPlainText(),
                    expected_version=current.version,
                )
            return placement.id

        self.partner_created = None
        self.placement_id = self._ctx.write(work)
        return True


def _open(dialog: PlacementDialog) -> uuid.UUID | None:
    if dialog.exec() != PlacementDialog.DialogCode.Accepted:
        return None
    return dialog.placement_id


def record_placement(
    parent: QWidget | None, ctx: AreaContext, case_id: uuid.UUID, heading: str = ""
) -> uuid.UUID | None:
    """The dialog for a new placement on ``case_id``; the new placement's id, or None."""
    return _open(PlacementDialog(parent, ctx, case_id, heading=heading))


def edit_placement(
    parent: QWidget | None,
    ctx: AreaContext,
    placement_id: uuid.UUID,
    *,
    end: bool = False,
    heading: str = "",
) -> uuid.UUID | None:
    """Edit (or, ``end``, end) a placement; its id once saved, None if cancelled."""
    current = ctx.read(lambda session: placements.get_placement(session, placement_id))
    mode = Mode.END if end else Mode.EDIT
    dialog = PlacementDialog(
        parent, ctx, current.case_id, current=current, mode=mode, heading=heading
    )
    return _open(dialog)
