"""The person's case file, right of the client list (form: forms/person_detail.ui).

Header (name, original script, file number, residence status with validity and work
permission, legal category, open follow-ups, warnings), the person's cases, and for the
selected case its status with a button per allowed transition, topics, goals, counsellor
and timeline. Everything comes from one service call (``person_file.load``, which also
records the audited "view").

Actions (``actions()``, also for the main menus; active while the pane is visible):
New case Ctrl+Shift+N, New contact Ctrl+K, Edit case Ctrl+E, Change status Ctrl+Shift+S,
Change residence status Ctrl+Shift+A, Create referral Ctrl+R, Consents Ctrl+Shift+E,
New follow-up Ctrl+Shift+W, Follow-up done Ctrl+Shift+D (the open follow-up selected in the
timeline), Record placement Ctrl+Shift+V (placements are edited and ended from the timeline:
Enter, or its context menu; see ``case_timeline.attach``). After any change the pane reloads
and emits ``person_changed(person_id)``.

Ctrl+K on a person whose case is closed (or who has none yet) is not greyed out: it says why
and offers to reopen the case or to open a new one (the status and new-case paths below),
then goes on to the contact.
"""

from __future__ import annotations

import importlib.util
import logging
import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError, NotFound
from mzdesk.core.models import BirthDatePrecision, CaseStatus, Sex
from mzdesk.core.services import cases, person_file
from mzdesk.core.services.person_file import CaseEntry, PersonFile, WarningCode
from mzdesk.core.services.persons import format_birth_date, format_date
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import ask_overwrite, ref_label, status_label
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.operations import show_error, show_message
from mzdesk.ui.views import case_timeline

log = logging.getLogger(__name__)

FIELDS = (
    "name",
    "originalName",
    "birthDate",
    "sex",
    "nationalities",
    "languages",
    "interpreter",
    "phone",
    "email",
    "address",
    "municipality",
    "household",
    "arrival",
    "residenceStatus",
    "workPermission",
    "validity",
    "legalCategory",
    "followUps",
    "cases",
    "placements",
)
CASE_FIELDS = ("caseStatus", "topics", "goals", "counsellor", "opened")
GROUPS = ("personGroup", "residenceGroup", "casesGroup", "timelineGroup")
REFERRAL_MODULE = "mzdesk.ui.dialogs.referral"
CONSENTS_MODULE = "mzdesk.ui.dialogs.consents"


class PersonDetailPane(QWidget):
    """What the clients area shows of the selected person; ``load(person_id)`` fills it."""

    person_changed = Signal(object)  # uuid.UUID of the person after any edit here

    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._language = context.language
        self.file: PersonFile | None = None
        self.case_id: uuid.UUID | None = None
        self.form = load_form("person_detail.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.title = child(self.form, QLabel, "titleLabel")
        self.empty = child(self.form, QLabel, "emptyLabel")
        self.warnings = child(self.form, QLabel, "warningsLabel")
        theme.style(
            self.warnings,
            "QLabel { background: $warning_bg; color: $warning_fg; border: 1px solid "
            "$warning_border; border-radius: 4px; padding: 6px; }",
        )
        self.values = {name: child(self.form, QLabel, f"{name}Value") for name in FIELDS}
        self.case_values = {name: child(self.form, QLabel, f"{name}Value") for name in CASE_FIELDS}
        self.groups = [child(self.form, QGroupBox, name) for name in GROUPS]
        # names in Arabic script would align right on their own: keep the column straight
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
        self.values["originalName"].setAlignment(left | Qt.AlignmentFlag.AlignVCenter)
        self.cases_list = child(self.form, QListWidget, "casesList")
        self.timeline = child(self.form, QTreeWidget, "timelineTree")
        self.more_label = child(self.form, QLabel, "moreLabel")
        self.status_buttons = child(self.form, QWidget, "statusButtons")
        self.status_layout = self.status_buttons.layout()
        assert isinstance(self.status_layout, QHBoxLayout)
        header = self.timeline.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.cases_list.currentItemChanged.connect(self._case_selected)
        case_timeline.attach(self.timeline, self.edit_placement)
        self._make_actions()
        self.show_file(None)

    # --- actions --------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str, slot: Callable[[], object], button: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.NativeText)})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        if button:
            child(self.form, QToolButton, button).setDefaultAction(action)
        return action

    def _make_actions(self) -> None:
        self.new_case_action = self._action(
            self.tr("New case"), "Ctrl+Shift+N", self.new_case, "newCaseButton"
        )
        self.contact_action = self._action(
            self.tr("New contact"), "Ctrl+K", self.new_contact, "contactButton"
        )
        self.edit_case_action = self._action(
            self.tr("Edit case"), "Ctrl+E", self.edit_case, "editCaseButton"
        )
        self.status_action = self._action(
            self.tr("Change status"), "Ctrl+Shift+S", self.change_status, ""
        )
        self.residence_action = self._action(
            self.tr("Change residence status"),
            "Ctrl+Shift+A",
            self.change_residence,
            "residenceButton",
        )
        self.referral_action = self._action(
            self.tr("Create referral"), "Ctrl+R", self.create_referral, "referralButton"
        )
        self.consents_action = self._action(
            self.tr("Consents"), "Ctrl+Shift+E", self.manage_consents, "consentsButton"
        )
        self.follow_up_action = self._action(
            self.tr("New follow-up…"), "Ctrl+Shift+W", self.new_follow_up, ""
        )
        self.follow_up_done_action = self._action(
            self.tr("Follow-up done"), "Ctrl+Shift+D", self.follow_up_done, ""
        )
        self.placement_action = self._action(
            self.tr("Record placement…"), "Ctrl+Shift+V", self.new_placement, "placementButton"
        )
        for action, module in (
            (self.referral_action, REFERRAL_MODULE),
            (self.consents_action, CONSENTS_MODULE),
        ):
            if importlib.util.find_spec(module) is None:
                self._unavailable(action)

    def actions(self) -> list[QAction]:  # type: ignore[override]
        """The case file's actions, with their shortcuts, for the main window's menus."""
        return [
            self.new_case_action,
            self.contact_action,
            self.edit_case_action,
            self.status_action,
            self.residence_action,
            self.referral_action,
            self.consents_action,
            self.follow_up_action,
            self.follow_up_done_action,
            self.placement_action,
        ]

    def _unavailable(self, action: QAction) -> None:
        action.setEnabled(False)
        action.setProperty("unavailable", True)
        action.setToolTip(self.tr("Not available in this installation yet"))

    def _update_actions(self) -> None:
        has_person = self.file is not None and self.file.person.merged_into_id is None
        case = self.selected_case()
        open_case = case is not None and case.status is not CaseStatus.CLOSED
        enabled = {
            self.new_case_action: has_person,
            self.residence_action: has_person,
            self.consents_action: has_person,
            self.contact_action: has_person,  # a closed case or none: Ctrl+K says why
            self.follow_up_action: has_person and case is not None,
            self.follow_up_done_action: has_person and case is not None,
            self.edit_case_action: has_person and case is not None,
            self.status_action: has_person and case is not None,
            self.referral_action: has_person and open_case,
            self.placement_action: has_person and case is not None,
        }
        for action, on in enabled.items():
            if not action.property("unavailable"):
                action.setEnabled(on)
        if case is not None and not open_case:
            self.contact_action.setToolTip(self.tr("Reopen the case to log a contact"))
        else:
            self.contact_action.setToolTip(self.tr("New contact (Ctrl+K)"))

    # --- loading --------------------------------------------------------------------------

    def load(self, person_id: uuid.UUID | None) -> None:
        """Show the person (None, or deleted/merged meanwhile: the empty pane)."""
        file = None
        if person_id is not None:
            try:  # committed: the audited view
                file = self._context.write(lambda session: person_file.load(session, person_id))
            except NotFound:
                file = None
            except MzdeskError as error:  # e.g. access denied: say so instead of the file
                self.show_file(None)
                self.empty.setText(error.german)
                return
        previous = self.file.person.id if self.file is not None else None
        same_person = file is not None and file.person.id == previous
        self.show_file(file, self.case_id if same_person else None)

    def reload(self) -> None:
        if self.file is not None:
            self.load(self.file.person.id)

    def _changed(self) -> None:
        if self.file is None:
            return
        person_id = self.file.person.id
        self.reload()
        self.person_changed.emit(person_id)

    def selected_case(self) -> CaseEntry | None:
        if self.file is None or self.case_id is None:
            return None
        return self.file.case(self.case_id)

    def show_file(self, file: PersonFile | None, case_id: uuid.UUID | None = None) -> None:
        self.file = file
        self.empty.setVisible(file is None)
        self.title.setVisible(file is not None)
        for group in self.groups:
            group.setVisible(file is not None)
        if file is None:
            self.empty.setText(self.tr("Select a person in the list to see their file."))
            for label in (*self.values.values(), *self.case_values.values()):
                label.clear()
            self.title.clear()
            self.warnings.hide()
            self.cases_list.clear()
            self.timeline.clear()
            self.case_id = None
            self._update_actions()
            return
        p = file.person
        self.title.setText(f"{p.family_name}, {p.given_names} · {p.file_number}")
        for name, text in self._texts(file).items():
            self.values[name].setText(text)
        warnings = self._warning_texts(file)
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        self._fill_cases(file, case_id)

    # --- header ---------------------------------------------------------------------------

    def _warning_texts(self, file: PersonFile) -> list[str]:
        texts = []
        for warning in file.warnings:
            day = format_date(warning.day)
            texts.append(
                {
                    WarningCode.DOCUMENT_EXPIRED: self.tr(
                        "Residence document expired on %1"
                    ).replace("%1", day),
                    WarningCode.DOCUMENT_EXPIRING: self.tr(
                        "Residence document expires on %1"
                    ).replace("%1", day),
                    WarningCode.NO_RESIDENCE_STATUS: self.tr("No residence status recorded"),
                    WarningCode.NO_CONSENT: self.tr("No valid consent to pass on data"),
                    WarningCode.MERGED: self.tr("This person was merged into another file"),
                }[warning.code]
            )
        return [f"⚠ {text}" for text in texts]

    def _texts(self, file: PersonFile) -> dict[str, str]:
        lang = self._language
        d = file.person
        dash = "–"
        original = " ".join(p for p in (d.family_name_original, d.given_names_original) if p)
        birth = format_birth_date(d.birth_date, d.birth_date_precision)
        if d.birth_date and d.birth_date_precision is BirthDatePrecision.YEAR:
            birth = self.tr("%1 (only the year is known)").replace("%1", birth)
        elif d.birth_date and d.birth_date_precision is BirthDatePrecision.PLACEHOLDER:
            birth = self.tr("%1 (placeholder date)").replace("%1", birth)
        sexes = {
            Sex.FEMALE: self.tr("female"),
            Sex.MALE: self.tr("male"),
            Sex.DIVERSE: self.tr("diverse"),
        }
        languages = []
        for skill in file.languages:
            level = skill.cefr_level or ""
            if level.upper() == "NATIVE":
                level = ref_label("cefr_levels", "NATIVE", lang)
            name = ref_label("languages", skill.code, lang)
            languages.append(f"{name} ({level})" if level else name)
        address = ", ".join(
            p for p in (d.street, " ".join(q for q in (d.postcode, d.city) if q)) if p
        )
        open_follow_ups = file.open_follow_ups
        overdue = sum(1 for f in open_follow_ups if f.due_on < file.today)
        follow_ups = str(len(open_follow_ups))
        if overdue:
            follow_ups += " " + self.tr("(%n overdue)", "", overdue)
        texts = {
            "name": f"{d.family_name}, {d.given_names}",
            "originalName": original or dash,
            "birthDate": birth or dash,
            "sex": sexes.get(d.sex, dash) if d.sex else dash,
            "nationalities": ", ".join(ref_label("countries", c, lang) for c in file.nationalities)
            or dash,
            "languages": ", ".join(languages) or dash,
            "interpreter": ref_label("languages", d.interpreter_language, lang) or dash,
            "phone": d.phone or dash,
            "email": d.email or dash,
            "address": address or dash,
            "municipality": d.municipality or dash,
            "household": dash,
            "arrival": format_date(d.arrival_date) or dash,
            "residenceStatus": dash,
            "workPermission": dash,
            "validity": dash,
            "legalCategory": dash,
            "followUps": follow_ups,
            "cases": str(len(file.cases)),
            "placements": case_timeline.placements_summary(file, lang) or dash,
        }
        if d.household_label:
            texts["household"] = self.tr("%1 (%n person(s))", "", d.household_size).replace(
                "%1", d.household_label
            )
        if (r := file.residence) is not None:
            texts["residenceStatus"] = ref_label("residence_statuses", r.status_code, lang)
            if r.work_permission is not None:
                texts["workPermission"] = ref_label(
                    "work_permissions", r.work_permission.value, lang
                )
            if r.valid_until is None:
                validity = self.tr("since %1").replace("%1", format_date(r.valid_from))
            else:
                validity = f"{format_date(r.valid_from)} – {format_date(r.valid_until)}"
                if r.valid_until < file.today:
                    validity = self.tr("%1 (expired)").replace("%1", validity)
            texts["validity"] = validity
        if (c := file.legal_category) is not None:
            texts["legalCategory"] = "{} ({})".format(
                ref_label("legal_categories", c.category.value, lang),
                self.tr("since %1").replace("%1", format_date(c.valid_from)),
            )
        return texts

    # --- cases ----------------------------------------------------------------------------

    def _fill_cases(self, file: PersonFile, case_id: uuid.UUID | None) -> None:
        self.cases_list.blockSignals(True)
        self.cases_list.clear()
        for case in file.cases:
            topics = ", ".join(ref_label("case_topics", t, self._language) for t in case.topics)
            text = f"{format_date(case.opened_on)} · {status_label(case.status)}"
            if topics:
                text += f" · {topics}"
            item = QListWidgetItem(text, self.cases_list)
            item.setData(Qt.ItemDataRole.UserRole, case.id)
        self.cases_list.blockSignals(False)
        if not file.cases:
            self.case_id = None
            self._show_case(None)
            return
        # keep the selected case across reloads, else the newest one still running
        wanted = case_id if file.case(case_id or uuid.UUID(int=0)) else None
        if wanted is None:
            running = [c for c in file.cases if c.status is not CaseStatus.CLOSED]
            wanted = (running or list(file.cases))[0].id
        row = next(i for i, c in enumerate(file.cases) if c.id == wanted)
        self.cases_list.setCurrentRow(row)
        self.case_id = wanted
        self._show_case(file.case(wanted))

    def _case_selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None or self.file is None:
            return
        self.case_id = current.data(Qt.ItemDataRole.UserRole)
        self._show_case(self.selected_case())

    def _show_case(self, case: CaseEntry | None) -> None:
        while self.status_layout.count():
            item = self.status_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        if case is None or self.file is None:
            for label in self.case_values.values():
                label.setText("–")
            self.case_values["caseStatus"].setText(self.tr("No case yet"))
            self.timeline.clear()
            self.more_label.clear()
            self._update_actions()
            return
        lang = self._language
        status = status_label(case.status)
        if case.status is CaseStatus.CLOSED:
            status += " " + self.tr("on %1: %2").replace("%1", format_date(case.closed_on)).replace(
                "%2", case.closing_reason or ""
            )
        self.case_values["caseStatus"].setText(status)
        self.case_values["topics"].setText(
            ", ".join(ref_label("case_topics", t, lang) for t in case.topics) or "–"
        )
        self.case_values["goals"].setText(case.goals or "–")
        counsellor = case.counsellor_name or self.tr("nobody yet")
        if case.team_name:
            counsellor += f" ({case.team_name})"
        self.case_values["counsellor"].setText(counsellor)
        self.case_values["opened"].setText(format_date(case.opened_on))
        for target in cases.allowed_transitions(case.status):
            button = QPushButton(self._transition_text(case.status, target), self.status_buttons)
            button.setObjectName(f"to_{target.value}")
            button.clicked.connect(lambda _c=False, t=target: self.transition(t))
            self.status_layout.addWidget(button)
        case_timeline.fill(self.timeline, case_timeline.entries(self.file, case.id, lang))
        self.more_label.setText(
            self.tr("Older contacts are not shown.") if self.file.more_contacts else ""
        )
        self.more_label.setVisible(self.file.more_contacts)
        self._update_actions()

    def _transition_text(self, current: CaseStatus, target: CaseStatus) -> str:
        if target is CaseStatus.CLOSED:
            return self.tr("Close…")
        if target is CaseStatus.PAUSED:
            return self.tr("Pause")
        if current is CaseStatus.CLOSED:
            return self.tr("Reopen")
        if current is CaseStatus.PAUSED:
            return self.tr("Resume")
        return self.tr("Activate")

    # --- slots ----------------------------------------------------------------------------

    def transition(self, target: CaseStatus) -> None:
        """A status button: closing asks for the reason; the rest saves at once."""
        case = self.selected_case()
        if case is None:
            return
        if target is CaseStatus.CLOSED:
            self.change_status(target)
            return
        version = case.version
        while True:
            try:
                self._context.write(
                    partial(
                        cases.set_status, case_id=case.id, status=target, expected_version=version
                    )
                )
            except cases.CaseChanged as changed:
                if not ask_overwrite(self, case, changed.current, self._language):
                    self.reload()
                    return
                version = changed.current.version
                continue
            except MzdeskError as error:
                show_error(self, error)
                return
            break
        self._changed()

    def new_case(self) -> None:
        from mzdesk.ui.dialogs.case_edit import open_new_case

        if self.file is None:
            return
        case_id = open_new_case(self, self._context, self.file.person.id)
        if case_id is not None:
            self.case_id = case_id
            self._changed()

    def edit_case(self) -> None:
        from mzdesk.ui.dialogs.case_edit import edit_case

        case = self.selected_case()
        if case is None or self.file is None:
            return
        if edit_case(self, self._context, case, self.file.person.id):
            self._changed()

    def new_contact(self) -> None:
        from mzdesk.ui.dialogs.contact_entry import enter_contact

        if self.file is None:
            return
        case = self._case_for_contact()
        if case is None or self.file is None:
            return
        interpreter = self.file.person.interpreter_language
        if enter_contact(self, self._context, case.id, interpreter, self.file) is not None:
            self._changed()

    def _case_for_contact(self) -> CaseEntry | None:
        """The selected case if it is running; else say why and offer to reopen it or to open
        a new case (then that one), or None."""
        case = self.selected_case()
        if self.file is None or (case is not None and case.status is not CaseStatus.CLOSED):
            return case
        person = self.file.person
        box = QMessageBox(self)
        box.setObjectName("contactNeedsCase")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("New contact"))
        reopen = None
        if case is not None:
            box.setText(
                self.tr("The case of %1 is closed (%2). A contact belongs to a running case.")
                .replace("%1", format_date(case.opened_on))
                .replace("%2", case.closing_reason or status_label(case.status))
            )
            box.setInformativeText(self.tr("Reopen this case, or open a new case?"))
            reopen = box.addButton(self.tr("Re&open case"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setText(
                self.tr("There is no case for %1 yet. A contact belongs to a case.").replace(
                    "%1", f"{person.given_names} {person.family_name}"
                )
            )
        new = box.addButton(self.tr("&New case"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reopen or new)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is reopen and case is not None:
            self.transition(cases.allowed_transitions(CaseStatus.CLOSED)[0])
        elif clicked is new:
            before = self.case_id
            self.new_case()
            if self.case_id == before:
                return None
        else:
            return None
        chosen = self.selected_case()
        return chosen if chosen is not None and chosen.status is not CaseStatus.CLOSED else None

    def new_follow_up(self) -> None:
        from mzdesk.ui.dialogs.contact_entry import case_heading
        from mzdesk.ui.dialogs.follow_up_edit import create_follow_up

        case = self.selected_case()
        if case is None or self.file is None:
            return
        heading = case_heading(self.file, case.id, self._language)
        if create_follow_up(self, self._context, case.id, heading) is not None:
            self._changed()

    def follow_up_done(self) -> None:
        """Mark the open follow-up selected in the timeline done; without one, say how."""
        from mzdesk.core.services import followups

        current = self.timeline.currentItem()
        follow_up_id = (
            current.data(0, case_timeline.FOLLOW_UP_ROLE) if current is not None else None
        )
        if not isinstance(follow_up_id, uuid.UUID):
            show_message(
                self,
                self.tr(
                    "Select an open follow-up in the timeline (arrow keys), then press "
                    "Ctrl+Shift+D."
                ),
            )
            self._select_open_follow_up()
            return
        try:
            self._context.write(lambda session: followups.mark_done(session, follow_up_id))
        except MzdeskError as error:
            show_error(self, error)
            return
        self._changed()

    def _select_open_follow_up(self) -> None:
        for index in range(self.timeline.topLevelItemCount()):
            row = self.timeline.topLevelItem(index)
            if row is not None and row.data(0, case_timeline.FOLLOW_UP_ROLE) is not None:
                self.timeline.setCurrentItem(row)
                self.timeline.setFocus()
                return

    def change_status(self, target: CaseStatus | None = None) -> None:
        from mzdesk.ui.dialogs.case_status import change_status

        case = self.selected_case()
        if case is not None and change_status(
            self, self._context, case, target, self._case_heading(case)
        ):
            self._changed()

    def _case_heading(self, case: CaseEntry) -> str:
        """ "Family, Given · file number · case of 01.05.2024" for the dialogs about it."""
        return "" if self.file is None else case_timeline.case_heading(self.file, case)

    def new_placement(self) -> None:
        from mzdesk.ui.dialogs.placement import record_placement

        case = self.selected_case()
        if case is None or self.file is None:
            return
        if record_placement(self, self._context, case.id, self._case_heading(case)):
            self._changed()

    def edit_placement(self, placement_id: uuid.UUID, end: bool = False) -> None:
        """Edit (``end``: end) a placement shown in the timeline."""
        from mzdesk.ui.dialogs.placement import edit_placement

        case = self.selected_case()
        heading = self._case_heading(case) if case is not None else ""
        try:
            saved = edit_placement(self, self._context, placement_id, end=end, heading=heading)
        except MzdeskError as error:  # refused, or gone meanwhile
            show_error(self, error)
            self.reload()
            return
        if saved:
            self._changed()

    def change_residence(self) -> None:
        from mzdesk.ui.dialogs.residence_status import change_residence_status

        if self.file is None:
            return
        residence = self.file.residence
        running = [c for c in self.file.cases if c.status is not CaseStatus.CLOSED]
        case_id = self.case_id if self.selected_case() in running else None
        if case_id is None and running:
            case_id = running[0].id
        if change_residence_status(
            self,
            self._context,
            self.file.person.id,
            residence.status_code if residence else None,
            case_id,
        ):
            self._changed()

    def create_referral(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        try:
            from mzdesk.ui.dialogs.referral import create_referral
        except ImportError:
            log.warning("referral dialog not available")
            self._unavailable(self.referral_action)
            return
        if create_referral(self, self._context, case.id) is not None:
            self._changed()

    def manage_consents(self) -> None:
        if self.file is None:
            return
        try:
            from mzdesk.ui.dialogs.consents import manage_consents
        except ImportError:
            log.warning("consents dialog not available")
            self._unavailable(self.consents_action)
            return
        manage_consents(self, self._context, self.file.person.id)
        self._changed()
