"""The intake dialog (new person) and the edit dialog (F2): one form, forms/intake_dialog.ui.

* Every field is checked by the core (``intake.validate``) as soon as the person leaves it:
  a red border and the German message right under the field; the typed text stays.
* Dates are typed (``24.11.1990``, ``1990``, ``1988-03-14``); "Platzhalter (01.01.)" becomes
  available when the birth date is a 1 January.
* Enter saves; Esc asks before throwing away anything typed.
* New person: before saving, the duplicate check runs in the background
  (:class:`~mzdesk.ui.operations.BackgroundOp`); candidates are listed by
  :class:`~mzdesk.ui.dialogs.duplicates.DuplicatesDialog`: open the existing person (the intake
  closes, ``context.show_person``) or save anyway.
* Edit: saved against the version shown; if someone saved meanwhile,
  :class:`~mzdesk.ui.dialogs.edit_conflict.EditConflictDialog` shows the diff and the person
  decides. Saving errors never lose typing: the dialog stays open with every field as it was.
"""

from __future__ import annotations

import logging
import unicodedata
import uuid
from dataclasses import fields
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core import reference
from mzdesk.core.datetext import DateTextError, parse_date
from mzdesk.core.dedupe import Candidate
from mzdesk.core.errors import MzdeskError
from mzdesk.core.services import intake
from mzdesk.core.services.intake import (
    EditConflict,
    FieldError,
    IntakeInvalid,
    LanguageSkillInput,
    PersonInput,
)
from mzdesk.ui import theme
from mzdesk.ui.areas import AreaContext
from mzdesk.ui.dialogs.case_forms import name_discard_buttons
from mzdesk.ui.dialogs.duplicates import Choice, DuplicatesDialog
from mzdesk.ui.dialogs.edit_conflict import EditConflictDialog, Resolution
from mzdesk.ui.forms import child, load_form
from mzdesk.ui.operations import BackgroundOp
from mzdesk.ui.person_completer import PersonCompleter

log = logging.getLogger(__name__)

# PersonInput field → the widget that shows it (and gets the red border)
FIELD_WIDGETS = {
    "family_name": "familyNameEdit",
    "given_names": "givenNamesEdit",
    "family_name_original": "familyNameOriginalEdit",
    "given_names_original": "givenNamesOriginalEdit",
    "birth_date": "birthDateEdit",
    "sex": "sexCombo",
    "nationalities": "nationality1Combo",
    "languages": "language1Combo",
    "interpreter_language": "interpreterCombo",
    "arrival_date": "arrivalDateEdit",
    "phone": "phoneEdit",
    "email": "emailEdit",
    "street": "streetEdit",
    "postcode": "postcodeEdit",
    "city": "cityEdit",
    "municipality": "municipalityEdit",
    "household_with": "householdEdit",
    "residence_status": "statusCombo",
    "work_permission": "workPermissionCombo",
    "residence_valid_from": "validFromEdit",
    "residence_valid_until": "validUntilEdit",
    "legal_category": "legalCategoryCombo",
    "legal_category_since": "legalSinceEdit",
}
TEXT_FIELDS = {
    "family_name": "familyNameEdit",
    "given_names": "givenNamesEdit",
    "family_name_original": "familyNameOriginalEdit",
    "given_names_original": "givenNamesOriginalEdit",
    "birth_date": "birthDateEdit",
    "arrival_date": "arrivalDateEdit",
    "phone": "phoneEdit",
    "email": "emailEdit",
    "street": "streetEdit",
    "postcode": "postcodeEdit",
    "city": "cityEdit",
    "municipality": "municipalityEdit",
    "household_with": "householdEdit",
    "residence_valid_from": "validFromEdit",
    "residence_valid_until": "validUntilEdit",
    "legal_category_since": "legalSinceEdit",
}
COMBO_FIELDS = {
    "sex": "sexCombo",
    "interpreter_language": "interpreterCombo",
    "residence_status": "statusCombo",
    "work_permission": "workPermissionCombo",
    "legal_category": "legalCategoryCombo",
}
NATIONALITY_COMBOS = ("nationality1Combo", "nationality2Combo")
LANGUAGE_COMBOS = (
    ("language1Combo", "level1Combo"),
    ("language2Combo", "level2Combo"),
    ("language3Combo", "level3Combo"),
)
INVALID_STYLE = (  # $error_border: the current colour (mzdesk.ui.theme)
    'QLineEdit[invalid="true"], QComboBox[invalid="true"] { border: 2px solid $error_border; }'
)
OPENED_EXISTING = 2  # the dialog's result when the counsellor opened the existing person


def combo_code(combo: QComboBox) -> str:
    """The code a combo stands for: the chosen item's, or what was typed (a code, checked later)."""
    text = combo.currentText().strip()
    if not text:
        return ""
    index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
    if index >= 0:
        return str(combo.itemData(index) or "")
    return text


def set_combo_code(combo: QComboBox, code: str) -> None:
    index = combo.findData(code) if code else 0
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(code)


class IntakeDialog(QDialog):
    """New person (``person_id=None``) or edit. ``saved(person_id)`` after a save."""

    saved = Signal(object)

    def __init__(
        self,
        context: AreaContext,
        person_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        *,
        name: str = "",
    ) -> None:
        """``name``: for a new person, what was typed into the client search that found
        nobody — it fills family and given names (:func:`split_typed_name`)."""
        super().__init__(parent)
        self._context = context
        self._person_id = person_id
        self._version = 0
        self._extra_nationalities: tuple[str, ...] = ()
        self._extra_languages: tuple[LanguageSkillInput, ...] = ()
        self._touched: set[str] = set()
        self._error_shown: dict[str, bool] = {}
        self.saved_person_id: uuid.UUID | None = None
        self.opened_person_id: uuid.UUID | None = None
        self.duplicates_dialog: DuplicatesDialog | None = None
        self.conflict_dialog: EditConflictDialog | None = None
        self.discard_box: QMessageBox | None = None
        self._busy = False
        self._focus_before_save: QWidget | None = None
        self.form = load_form("intake_dialog.ui", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        theme.style(self, INVALID_STYLE)
        self.message = child(self.form, QLabel, "messageLabel")
        theme.style(self.message, theme.ERROR_STYLE)
        self.placeholder_check = child(self.form, QCheckBox, "placeholderCheck")
        self.members_label = child(self.form, QLabel, "householdMembersLabel")
        # a name typed into "lives with" offers the matching persons (their file number)
        self.household_completer = PersonCompleter(
            self.edit("householdEdit"), context.session_factory
        )
        self.buttons = child(self.form, QDialogButtonBox, "buttonBox")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save is not None
        self.save_button: QPushButton = save
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._fill_combos()
        self.errors = self._make_error_labels()
        self._connect_checks()
        if person_id is None:
            self.setWindowTitle(self.tr("New person"))
            self._base = PersonInput()
            family, given = split_typed_name(name)
            # typed in its own script (Cyrillic, Arabic …): the original-script fields; the
            # Latin ones stay for the transliteration letters and lists use
            script = "" if _latin(name) else "Original"
            self.edit(f"familyName{script}Edit").setText(family)
            self.edit(f"givenNames{script}Edit").setText(given)
        else:
            self._load(person_id)
        self.resize(1060, 600)
        self.widget("familyNameEdit").setFocus()

    # --- widgets ------------------------------------------------------------------------------

    def widget(self, name: str) -> Any:
        found = self.form.findChild(QWidget, name)
        if found is None:
            raise LookupError(f"intake form has no widget {name!r}")
        return found

    def edit(self, name: str) -> QLineEdit:
        return child(self.form, QLineEdit, name)

    def combo(self, name: str) -> QComboBox:
        return child(self.form, QComboBox, name)

    def _items(self, set_name: str, *, with_code: bool = False) -> list[tuple[str, str]]:
        language = self._context.language
        items = [
            (
                f"{item.code} – {item.label(language)}" if with_code else item.label(language),
                item.code,
            )
            for item in reference.items(set_name)
        ]
        if set_name in ("countries", "languages"):
            items.sort(key=lambda pair: pair[0].casefold())
        return items

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        # long labels (residence statuses) must not widen the form: the popup shows them whole
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.addItem("", "")
        for text, code in items:
            combo.addItem(text, code)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        edit = combo.lineEdit()
        if edit is not None:  # show a long label from its start, not its end
            combo.currentIndexChanged.connect(lambda _index: edit.setCursorPosition(0))
        if combo.isEditable():
            completer = QCompleter(combo.model(), combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)

    def _fill_combos(self) -> None:
        sexes = [(self.tr("female"), "f"), (self.tr("male"), "m"), (self.tr("diverse"), "x")]
        self._fill(self.combo("sexCombo"), sexes)
        for name in NATIONALITY_COMBOS:
            self._fill(self.combo(name), self._items("countries"))
        for language, level in LANGUAGE_COMBOS:
            self._fill(self.combo(language), self._items("languages"))
            self._fill(self.combo(level), self._items("cefr_levels"))
        self._fill(self.combo("interpreterCombo"), self._items("languages"))
        self._fill(self.combo("statusCombo"), self._items("residence_statuses", with_code=True))
        self._fill(self.combo("workPermissionCombo"), self._items("work_permissions"))
        self._fill(self.combo("legalCategoryCombo"), self._items("legal_categories"))
        self.combo("statusCombo").currentIndexChanged.connect(self._status_chosen)

    def _make_error_labels(self) -> dict[str, QLabel]:
        """One hidden red message under each field's row."""
        labels: dict[str, QLabel] = {}
        for field_name, widget_name in FIELD_WIDGETS.items():
            widget = self.widget(widget_name)
            form, row = _form_row(self.form, widget)
            label = QLabel(self)
            label.setObjectName(f"{widget_name}Error")
            label.setWordWrap(True)
            theme.style(label, theme.ERROR_STYLE)
            form.insertRow(row + 1, "", label)
            form.setRowVisible(row + 1, False)
            labels[field_name] = label
        return labels

    def _connect_checks(self) -> None:
        for field_name, widget_name in FIELD_WIDGETS.items():
            widget = self.widget(widget_name)
            widget.setProperty("field", field_name)
            widget.installEventFilter(self)
            if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
                widget.lineEdit().installEventFilter(self)
                widget.lineEdit().setProperty("field", field_name)
        for name in TEXT_FIELDS.values():
            self.edit(name).textEdited.connect(self._recheck_shown)
        self.edit("birthDateEdit").textChanged.connect(self._birth_date_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            name = watched.property("field")
            if name:
                self._touched.add(str(name))
                self.check_fields()
        return super().eventFilter(watched, event)

    # --- input ---------------------------------------------------------------------------------

    def collect(self) -> PersonInput:
        """What the form holds now, as the core's input."""
        values: dict[str, Any] = {
            name: self.edit(widget).text() for name, widget in TEXT_FIELDS.items()
        }
        values |= {name: combo_code(self.combo(widget)) for name, widget in COMBO_FIELDS.items()}
        values["birth_date_placeholder"] = (
            self.placeholder_check.isEnabled() and self.placeholder_check.isChecked()
        )
        nationalities = [combo_code(self.combo(name)) for name in NATIONALITY_COMBOS]
        values["nationalities"] = tuple(c for c in nationalities if c) + self._extra_nationalities
        skills = []
        for language, level in LANGUAGE_COMBOS:
            code = combo_code(self.combo(language))
            if code:
                skills.append(LanguageSkillInput(code, combo_code(self.combo(level)) or None))
        values["languages"] = tuple(skills) + self._extra_languages
        return PersonInput(**values)

    def show_input(self, data: PersonInput) -> None:
        for name, widget in TEXT_FIELDS.items():
            self.edit(widget).setText(getattr(data, name))
        for name, widget in COMBO_FIELDS.items():
            set_combo_code(self.combo(widget), getattr(data, name))
        self.placeholder_check.setChecked(data.birth_date_placeholder)
        for index, name in enumerate(NATIONALITY_COMBOS):
            codes = data.nationalities
            set_combo_code(self.combo(name), codes[index] if index < len(codes) else "")
        self._extra_nationalities = data.nationalities[len(NATIONALITY_COMBOS) :]
        for index, (language, level) in enumerate(LANGUAGE_COMBOS):
            skill = data.languages[index] if index < len(data.languages) else None
            set_combo_code(self.combo(language), skill.code if skill else "")
            set_combo_code(self.combo(level), (skill.level or "") if skill else "")
        self._extra_languages = data.languages[len(LANGUAGE_COMBOS) :]

    def is_dirty(self) -> bool:
        return self.collect() != self._base

    def _load(self, person_id: uuid.UUID) -> None:
        stored = self._context.read(lambda session: intake.load_input(session, person_id))
        self._version = stored.version
        self._base = stored.input
        self.show_input(stored.input)
        self._base = self.collect()  # as the widgets hold it (codes resolved the same way)
        self.setWindowTitle(self.tr("Edit person – %1").replace("%1", stored.file_number))
        if stored.household_members:
            self.members_label.setText(
                self.tr("Household members: %1").replace("%1", ", ".join(stored.household_members))
            )
        else:
            self.members_label.clear()
        self._touched.clear()
        self.show_errors([])

    # --- checks --------------------------------------------------------------------------------

    def _birth_date_changed(self, text: str) -> None:
        try:
            parsed = parse_date(text, allow_year=True, past=True)
        except DateTextError:
            parsed = None
        self.placeholder_check.setEnabled(bool(parsed and parsed.placeholder_possible))

    def _status_chosen(self, _index: int) -> None:
        """Offer the status's usual work permission when none is chosen yet."""
        permission = self.combo("workPermissionCombo")
        if combo_code(permission):
            return
        item = reference.by_code("residence_statuses").get(combo_code(self.combo("statusCombo")))
        if item is not None and item.extra.get("work"):
            set_combo_code(permission, str(item.extra["work"]))

    def _recheck_shown(self, _text: str) -> None:
        if any(self._error_shown.values()):
            self.check_fields()

    def check_fields(self, *, everything: bool = False) -> list[FieldError]:
        """Validate now; show the errors of the fields visited (or of all)."""
        errors = intake.validate(self.collect())
        shown = errors if everything else [e for e in errors if e.field in self._touched]
        self.show_errors(shown)
        return errors

    def show_errors(self, errors: list[FieldError]) -> None:
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.field, []).append(error.german)
        for field_name, label in self.errors.items():
            messages = by_field.get(field_name, [])
            label.setText(" ".join(dict.fromkeys(messages)))
            visible = bool(messages)
            if self._error_shown.get(field_name, False) != visible:
                form, row = _form_row(self.form, label)
                form.setRowVisible(row, visible)
                self._error_shown[field_name] = visible
            widget = self.widget(FIELD_WIDGETS[field_name])
            if bool(widget.property("invalid")) != visible:
                widget.setProperty("invalid", visible)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def error_text(self, field_name: str) -> str:
        return self.errors[field_name].text() if self._error_shown.get(field_name) else ""

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Enter / Save: check, then (new person) the duplicate check, then write."""
        if self._busy:
            return
        self.message.clear()
        self._focus_before_save = QApplication.focusWidget()
        data = self.collect()
        self._touched.update(FIELD_WIDGETS)
        errors = self.check_fields(everything=True)
        if errors:
            self.widget(FIELD_WIDGETS[errors[0].field]).setFocus()
            return
        if self._person_id is not None:
            self._save_edit(data, self._version)
            return
        self._set_busy(True)
        context = self._context

        def find(_progress: object) -> list[Candidate]:
            return context.read(lambda session: intake.duplicate_candidates(session, data))

        BackgroundOp(
            parent=self, op=find, success=lambda found: self._duplicates_checked(data, found)
        ).failure(self._failed).run_in_background()

    def _duplicates_checked(self, data: PersonInput, candidates: list[Candidate]) -> None:
        if not candidates:
            self._create(data)
            return
        dialog = DuplicatesDialog(candidates, self)
        dialog.chosen.connect(
            lambda choice, person_id: self._duplicate_choice(data, choice, person_id)
        )
        self.duplicates_dialog = dialog
        dialog.open()

    def _duplicate_choice(self, data: PersonInput, choice: int, person_id: object) -> None:
        self.duplicates_dialog = None
        if choice == Choice.OPEN_EXISTING and isinstance(person_id, uuid.UUID):
            self.opened_person_id = person_id
            self._set_busy(False)
            self.done(OPENED_EXISTING)
            self._context.show_person(person_id)
        elif choice == Choice.SAVE_ANYWAY:
            self._create(data)
        else:
            self._back_to_form()

    def _create(self, data: PersonInput) -> None:
        try:
            person = self._context.write(lambda session: intake.create_person(session, data))
            person_id = person.id
        except IntakeInvalid as exc:
            self._set_busy(False)
            self.show_errors(exc.errors)
            return
        except Exception as exc:  # shown, logged, typing kept
            self._failed(exc)
            return
        self._saved(person_id)

    def _save_edit(self, data: PersonInput, version: int) -> None:
        changes = {
            f.name: getattr(data, f.name)
            for f in fields(PersonInput)
            if getattr(data, f.name) != getattr(self._base, f.name)
        }
        if not changes:
            self.accept()
            return
        assert self._person_id is not None
        person_id = self._person_id
        try:
            self._context.write(
                lambda session: intake.edit_person(session, person_id, changes, version)
            )
        except EditConflict as conflict:
            self._conflict(data, conflict)
            return
        except IntakeInvalid as exc:
            self.show_errors(exc.errors)
            return
        except Exception as exc:  # shown, logged, typing kept
            self._failed(exc)
            return
        self._saved(self._person_id)

    def _conflict(self, data: PersonInput, conflict: EditConflict) -> None:
        dialog = EditConflictDialog(conflict.diffs, self)
        self.conflict_dialog = dialog

        def resolved(resolution: int) -> None:
            self.conflict_dialog = None
            if resolution == Resolution.OVERWRITE:
                self._save_edit(data, conflict.current_version)
                return
            if resolution == Resolution.TAKE_THEIRS and self._person_id is not None:
                self._load(self._person_id)
            self._back_to_form()

        dialog.resolved.connect(resolved)
        dialog.open()

    def _saved(self, person_id: uuid.UUID) -> None:
        self._set_busy(False)
        self.saved_person_id = person_id
        self.saved.emit(person_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._back_to_form()
        if isinstance(error, MzdeskError):
            text = error.german
        else:
            log.error("saving a person failed: %s", type(error).__name__)
            text = self.tr(
                "The person could not be saved. Nothing you typed is lost; details are in the log."
            )
        self.message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)

    def _back_to_form(self) -> None:
        """After a question or a failure: the form again, the cursor where it was."""
        self._set_busy(False)
        self.activateWindow()
        widget = self._focus_before_save
        if widget is not None and shiboken6.isValid(widget) and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc / Cancel: ask first when something was typed."""
        if not self.is_dirty():
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("Discard what you typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        name_discard_buttons(box)
        self.discard_box = box

        def answered(_result: int) -> None:
            self.discard_box = None
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Discard:
                QDialog.reject(self)
            else:
                self.activateWindow()

        box.finished.connect(answered)
        box.open()


def _latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin one (``Şahin``, ``Nguyễn`` are)."""
    return all(unicodedata.name(char, "").startswith("LATIN") for char in text if char.isalpha())


def split_typed_name(text: str) -> tuple[str, str]:
    """Family and given names from a name typed into the search: ``"hadad yusuf"`` →
    ``("Hadad", "Yusuf")``.

    Decision: with a comma, family name before it, given names after (``Hadad, Yusuf``);
    without one, the first word is the family name and the rest the given names — the order
    counsellors type and read names in (lists sort by family name: "Nachname Vorname"). A
    word typed all in small letters gets a capital first letter; anything else stays as
    typed (``McAllister``, ``de la Cruz`` typed so). Text with a digit is no name (a file
    number, a date): nothing is filled. The form shows the result, so a wrong guess is
    corrected there.
    """
    raw = " ".join(text.split())
    if not raw or any(ch.isdigit() for ch in raw):
        return "", ""

    def capital(words: str) -> str:
        return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words.split())

    if "," in raw:
        family, _comma, given = raw.partition(",")
        return capital(family.strip()), capital(given.strip())
    family, _space, given = raw.partition(" ")
    return capital(family), capital(given)


def _form_row(root: QWidget, widget: QWidget) -> tuple[QFormLayout, int]:
    """The form layout and row holding ``widget`` (directly or in a nested layout)."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                item = form.itemAt(row, role)
                if item is None:
                    continue
                if item.widget() is widget or _contains(item.layout(), widget):
                    return form, row
    raise LookupError(f"{widget.objectName()} is not in a form layout")


def _contains(layout: QLayout | None, widget: QWidget) -> bool:
    if layout is None:
        return False
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is not None and (item.widget() is widget or _contains(item.layout(), widget)):
            return True
    return False
