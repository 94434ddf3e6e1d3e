"""Fair mode: one window for a crowded room — large type, everything by keyboard.

* **Short intake**, Enter-driven: Enter moves to the next field, Enter on the last one (or
  Ctrl+Enter anywhere) saves; the form clears and the family name has the focus again. An error
  is shown under the form and the typing stays.
* **Duplicate hint** inline (never a dialog): after a short pause in typing, likely existing
  persons appear under the names; Alt+1 … Alt+3 registers that person instead, Alt+0 undoes
  the choice.
* **Anonymous head count**: F5 or Ctrl++ adds one; Ctrl+- takes the last one back.
* **Employer contacts** in two keystrokes: in the contact field (F4; it has the focus after
  choosing an attendee with F3) the employer's number, then the outcome's letter —
  G/V/B/E (Gespräch, Vorstellungsgespräch, Bewerbung, Einstellung) or T/I/A/H in English.
  The contact is for the *current attendee*: the one just registered, or the one chosen with F3.
* The **tally** (registered, anonymous, contacts per outcome) is always on screen.
* **Esc** leaves; with unsaved typing the first Esc only warns, a second one leaves.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mzdesk.core.dedupe import Candidate
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Attendance, BirthDatePrecision, EventContactOutcome
from mzdesk.core.services import event_attendance, events, languages, short_intake
from mzdesk.core.services.attendee_import import parse_birth_date
from mzdesk.ui import session_scope, theme
from mzdesk.ui.operations import BackgroundOp, Progress

log = logging.getLogger(__name__)

HINT_DELAY_MS = 350
ESC_CONFIRM_MS = 4000
# Outcome keys: German and English letters (disjoint sets, both always accepted).
OUTCOME_KEYS = {
    "g": EventContactOutcome.TALK,
    "v": EventContactOutcome.INTERVIEW,
    "b": EventContactOutcome.APPLICATION,
    "e": EventContactOutcome.HIRED,
    "t": EventContactOutcome.TALK,
    "i": EventContactOutcome.INTERVIEW,
    "a": EventContactOutcome.APPLICATION,
    "h": EventContactOutcome.HIRED,
}
SHOWN_KEYS = {"de": "gvbe", "en": "tiah"}
_CONTACT = re.compile(r"^(\d{1,2})([a-zA-Z])$")


def outcome_label(outcome: EventContactOutcome) -> str:
    return {
        EventContactOutcome.TALK: QCoreApplication.translate("FairMode", "Talk"),
        EventContactOutcome.INTERVIEW: QCoreApplication.translate("FairMode", "Interview agreed"),
        EventContactOutcome.APPLICATION: QCoreApplication.translate("FairMode", "Application"),
        EventContactOutcome.HIRED: QCoreApplication.translate("FairMode", "Hired"),
    }[outcome]


# $name: the current colours (mzdesk.ui.theme), light or dark
FAIR_STYLE = (
    "#FairMode { background: $surface; }"
    "QLineEdit { padding: 4px 6px; border: 1px solid $field_border; border-radius: 4px;"
    " background: $field_bg; }"
    "QLineEdit:focus { border: 2px solid $accent; }"
    "QFrame#panel { background: $panel; border: 1px solid $panel_border; border-radius: 8px; }"
    "QLabel#tallyNumber { font-size: 28pt; font-weight: 600; color: $accent; }"
    "QLabel#tallyCaption { color: $muted; }"
    "QLabel#hint { background: $warning_bg; color: $warning_fg;"
    " border: 1px solid $warning_border; border-radius: 4px; padding: 6px; }"
    "QLabel#message { padding: 4px; }"
)


class FairMode(QWidget):
    """The fair-mode window for one event. Emits ``left`` when closed."""

    left = Signal()
    changed = Signal()  # something was registered (the events view refreshes its figures)

    def __init__(
        self,
        session_factory: Callable[[], Session],
        event_id: uuid.UUID,
        language: str = "de",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._factory = session_factory
        self.event_id = event_id
        self._language = language
        self._candidates: list[Candidate] = []
        self._chosen: Candidate | None = None
        self._hint_serial = 0
        self._escape_armed = False
        self.current: event_attendance.AttendeeRow | None = None
        self.setObjectName("FairMode")
        self.setWindowTitle(self.tr("Fair mode"))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.55)
        self.setFont(font)
        # A widget's own style sheet resets its font: each one names the size again.
        self._size = f"font-size: {font.pointSizeF():.1f}pt;"
        theme.style(self, FAIR_STYLE)
        detail, self.employers = session_scope.read(
            self._factory,
            lambda session: (
                events.event_detail(session, event_id),
                events.employers(session, event_id),
            ),
        )
        self._build(detail.name)
        self._shortcuts()
        self.refresh()

    # --- building -----------------------------------------------------------------------------

    def _build(self, title: str) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 12)
        root.setSpacing(12)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 20pt; font-weight: 600;")
        root.addWidget(heading)
        root.addWidget(self._tally_bar())
        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addWidget(self._intake_panel(), 3)
        middle.addWidget(self._contact_panel(), 2)
        root.addLayout(middle, 1)
        self.help_label = QLabel(
            self.tr(
                "Enter: next field · Ctrl+Enter: save · F5: +1 without registration · "
                "Ctrl+−: take back · F3: find attendee · F4: contact · Esc: leave"
            )
        )
        theme.style(self.help_label, f"{self._size} color: $muted;")
        self.help_label.setWordWrap(True)
        root.addWidget(self.help_label)

    def _panel(self) -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame()
        frame.setObjectName("panel")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(18, 14, 18, 14)
        return frame, layout

    def _tally_bar(self) -> QWidget:
        frame, layout = self._panel()
        grid = QGridLayout()
        layout.addLayout(grid)
        self.tally_labels: dict[str, QLabel] = {}
        captions = [
            ("registered", self.tr("Registered")),
            ("anonymous", self.tr("Without registration")),
            ("attendees", self.tr("Attendees")),
            *[(o.value, outcome_label(o)) for o in EventContactOutcome],
        ]
        for column, (key, caption) in enumerate(captions):
            number = QLabel("0")
            number.setObjectName("tallyNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setAccessibleName(caption)
            text = QLabel(caption)
            text.setObjectName("tallyCaption")
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text.setWordWrap(True)  # long German captions wrap instead of widening the window
            grid.addWidget(number, 0, column)
            grid.addWidget(text, 1, column)
            self.tally_labels[key] = number
        self.headcount_button = QPushButton(self.tr("+1 without registration (F5)"))
        self.headcount_button.clicked.connect(self.add_headcount)
        grid.addWidget(self.headcount_button, 0, len(captions), 2, 1)
        return frame

    def _intake_panel(self) -> QWidget:
        frame, layout = self._panel()
        caption = QLabel(self.tr("New attendee"))
        caption.setStyleSheet(f"{self._size} font-weight: 600;")
        layout.addWidget(caption)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        layout.addLayout(form)
        self.family_edit = QLineEdit()
        self.given_edit = QLineEdit()
        self.birth_edit = QLineEdit()
        self.birth_edit.setPlaceholderText(self.tr("e.g. 1990"))
        self.languages_edit = QLineEdit()
        self.languages_edit.setPlaceholderText(self.tr("e.g. Arabic, English B1"))
        self.german_edit = QLineEdit()
        self.german_edit.setPlaceholderText("A1 … C2")
        self.german_edit.setMaxLength(12)
        self.wish_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.consent_check = QCheckBox(self.tr("Agrees to be contacted (employers, follow-up)"))
        rows = [
            (self.tr("&Family name"), self.family_edit),
            (self.tr("&Given names"), self.given_edit),
            (self.tr("&Birth year"), self.birth_edit),
            (self.tr("&Languages"), self.languages_edit),
            (self.tr("G&erman level"), self.german_edit),
            (self.tr("&Profession or wish"), self.wish_edit),
            (self.tr("P&hone"), self.phone_edit),
        ]
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.consent_check)
        self.fields: list[QWidget] = [w for _t, w in rows] + [self.consent_check]
        for widget in self.fields:
            widget.installEventFilter(self)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.hide()
        layout.addWidget(self.hint_label)
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.save_button = QPushButton(self.tr("Register (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.hint_timer = QTimer(self)
        self.hint_timer.setSingleShot(True)
        self.hint_timer.setInterval(HINT_DELAY_MS)
        self.hint_timer.timeout.connect(self.look_for_duplicates)
        for edit in (self.family_edit, self.given_edit, self.birth_edit):
            edit.textEdited.connect(lambda _text: self._names_edited())
        return frame

    def _contact_panel(self) -> QWidget:
        frame, layout = self._panel()
        caption = QLabel(self.tr("Employer contact"))
        caption.setStyleSheet(f"{self._size} font-weight: 600;")
        layout.addWidget(caption)
        self.current_label = QLabel(self.tr("No attendee chosen"))
        self.current_label.setWordWrap(True)
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.current_label)
        find_label = QLabel(self.tr("Find a&ttendee (F3)"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("number or name"))
        find_label.setBuddy(self.search_edit)
        layout.addWidget(find_label)
        layout.addWidget(self.search_edit)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Matching attendees"))
        self.matches.setMaximumHeight(140)
        self.matches.hide()
        layout.addWidget(self.matches)
        contact_label = QLabel(self.tr("&Contact (F4): number, then letter"))
        self.contact_edit = QLineEdit()
        self.contact_edit.setMaxLength(3)
        contact_label.setBuddy(self.contact_edit)
        layout.addWidget(contact_label)
        layout.addWidget(self.contact_edit)
        keys = SHOWN_KEYS.get(self._language[:2], SHOWN_KEYS["de"])
        legend = " · ".join(f"{key.upper()} {outcome_label(OUTCOME_KEYS[key])}" for key in keys)
        self.legend_label = QLabel(legend)
        self.legend_label.setWordWrap(True)
        layout.addWidget(self.legend_label)
        self.employer_list = QLabel()
        self.employer_list.setTextFormat(Qt.TextFormat.PlainText)
        self.employer_list.setWordWrap(True)
        self.employer_list.setText(
            "\n".join(f"{e.number}  {e.name}" for e in self.employers)
            or self.tr("No employers at this event")
        )
        self.employer_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # a big fair has 20+ employers: the list scrolls instead of pushing the window taller
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.employer_list)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(scroll, 1)
        self.search_edit.textEdited.connect(self._search)
        self.search_edit.installEventFilter(self)
        self.matches.installEventFilter(self)
        self.contact_edit.textEdited.connect(self._contact_typed)
        return frame

    def _shortcuts(self) -> None:
        def bind(keys: list[str], slot: Callable[[], object]) -> None:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(slot)

        bind(["F5", "Ctrl++", "Ctrl+="], self.add_headcount)
        bind(["Ctrl+-"], self.undo_headcount)
        bind(["Ctrl+Return", "Ctrl+Enter"], self.save)
        bind(["F3"], lambda: self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason))
        bind(["F4"], lambda: self.contact_edit.setFocus(Qt.FocusReason.ShortcutFocusReason))
        bind(["Esc"], self.escape)
        for number in range(4):
            bind([f"Alt+{number}"], lambda n=number: self.choose_candidate(n))

    # --- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                if watched in self.fields:
                    self._next_field(watched)
                    return True
                if watched in (self.search_edit, self.matches):
                    self._pick_match()
                    return True
            if key == Qt.Key.Key_Down and watched is self.search_edit and self.matches.count():
                self.matches.setFocus()
                self.matches.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    def _next_field(self, widget: QObject) -> None:
        index = self.fields.index(widget)  # type: ignore[arg-type]
        if index + 1 < len(self.fields):
            self.fields[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.save()

    def typing_in_progress(self) -> bool:
        edits = [w for w in self.fields if isinstance(w, QLineEdit)]
        return any(e.text().strip() for e in edits) or self.consent_check.isChecked()

    def escape(self) -> None:
        if self.typing_in_progress() and not self._escape_armed:
            self._escape_armed = True
            self._show_message(
                self.tr("Not saved yet. Press Esc again to leave and discard the typing."),
                error=True,
            )
            QTimer.singleShot(ESC_CONFIRM_MS, self._disarm_escape)
            return
        self.close()

    def _disarm_escape(self) -> None:
        self._escape_armed = False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.left.emit()
        super().closeEvent(event)

    # --- figures ------------------------------------------------------------------------------

    def refresh(self) -> None:
        tally, self.attendees = session_scope.read(
            self._factory,
            lambda session: (
                events.tally(session, self.event_id),
                event_attendance.attendees(session, self.event_id),
            ),
        )
        self.tally = tally
        self.tally_labels["registered"].setText(str(tally.registered))
        self.tally_labels["anonymous"].setText(str(tally.anonymous))
        self.tally_labels["attendees"].setText(str(tally.attendees))
        for outcome in EventContactOutcome:
            self.tally_labels[outcome.value].setText(str(tally.outcome(outcome)))

    def _show_message(self, text: str, *, error: bool = False) -> None:
        theme.style(
            self.message_label,
            self._size + ("color: $error; font-weight: 600;" if error else "color: $ok;"),
        )
        self.message_label.setText(text)

    def add_headcount(self) -> None:
        session_scope.write(
            self._factory, lambda session: event_attendance.add_headcount(session, self.event_id)
        )
        self.refresh()
        self.changed.emit()

    def undo_headcount(self) -> None:
        done = session_scope.write(
            self._factory, lambda session: event_attendance.undo_headcount(session, self.event_id)
        )
        if done:
            self.refresh()
            self.changed.emit()

    # --- duplicate hint -----------------------------------------------------------------------

    def _names_edited(self) -> None:
        self._chosen = None
        self._escape_armed = False
        self.hint_timer.start()

    def _intake(self) -> short_intake.ShortIntake:
        birth_text = self.birth_edit.text().strip()
        born, precision = parse_birth_date(birth_text)
        return short_intake.ShortIntake(
            family_name=self.family_edit.text(),
            given_names=self.given_edit.text(),
            birth_date=born,
            birth_date_precision=precision if born else BirthDatePrecision.YEAR,
            languages=languages.parse_languages(self.languages_edit.text()),
            german_level=languages.german_level(self.german_edit.text()),
            profession_wish=self.wish_edit.text().strip() or None,
            phone=self.phone_edit.text().strip() or None,
            consent_to_contact=self.consent_check.isChecked(),
        )

    def look_for_duplicates(self) -> None:
        """Ask (off the GUI thread) who the person being typed might be."""
        if len(self.family_edit.text().strip()) < 2:
            self._show_candidates([])
            return
        try:
            born, precision = parse_birth_date(self.birth_edit.text())
        except MzdeskError:
            born, precision = None, BirthDatePrecision.YEAR
        probe = short_intake.ShortIntake(
            family_name=self.family_edit.text(),
            given_names=self.given_edit.text(),
            birth_date=born,
            birth_date_precision=BirthDatePrecision.YEAR
            if precision is not BirthDatePrecision.EXACT
            else precision,
        )
        self._hint_serial += 1
        serial, factory = self._hint_serial, self._factory

        def op(_progress: Progress) -> list[Candidate]:
            return session_scope.read(
                factory, lambda session: short_intake.duplicate_hints(session, probe)
            )

        def done(found: list[Candidate]) -> None:
            if serial == self._hint_serial:
                self._show_candidates(found)

        BackgroundOp(parent=self, op=op, success=done).failure(
            lambda error: log.warning("duplicate hint failed: %s", type(error).__name__)
        ).run_in_background()

    def _show_candidates(self, found: list[Candidate]) -> None:
        self._candidates = found
        if self._chosen is not None:
            return
        if not found:
            self.hint_label.hide()
            return
        lines = [self.tr("Possibly known already:")]
        for number, candidate in enumerate(found, start=1):
            year = candidate.birth_date.year if candidate.birth_date else "—"
            lines.append(
                f"Alt+{number}: {candidate.family_name}, {candidate.given_names} ({year}) "
                f"{candidate.file_number}"
            )
        lines.append(self.tr("Enter registers a new person as typed."))
        self.hint_label.setText("\n".join(lines))
        self.hint_label.show()

    def choose_candidate(self, number: int) -> None:
        """Alt+N: register candidate N instead of a new person; Alt+0: a new person again."""
        if number == 0:
            self._chosen = None
            self._show_candidates(self._candidates)
            return
        if not 1 <= number <= len(self._candidates):
            return
        self._chosen = self._candidates[number - 1]
        self.hint_label.setText(
            self.tr("Registers the existing person %1 (Alt+0: a new person instead).").replace(
                "%1",
                f"{self._chosen.family_name}, {self._chosen.given_names} "
                f"{self._chosen.file_number}",
            )
        )
        self.hint_label.show()

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        """Register the typed attendee; on an error the typing stays and the reason shows."""
        try:
            intake = self._intake()

            def register(session: Session) -> Attendance:
                if self._chosen is not None:
                    return event_attendance.register_person(
                        session,
                        self.event_id,
                        self._chosen.person_id,
                        consent_to_contact=intake.consent_to_contact,
                        profession_wish=intake.profession_wish,
                        german_level_text=intake.german_level,
                    )
                return event_attendance.register_new_attendee(session, self.event_id, intake)

            attendance_id = session_scope.write(self._factory, register).id
        except event_attendance.AlreadyRegistered as exc:
            self.refresh()
            self._set_current(exc.attendance_id)
            self._clear_form()
            self._show_message(exc.german, error=True)
            return
        except MzdeskError as exc:
            self._show_message(exc.german, error=True)
            return
        self.refresh()
        self._set_current(attendance_id)
        self._clear_form()
        if self.current is not None:
            self._show_message(
                self.tr("Saved as number %1.").replace("%1", str(self.current.number))
            )
        else:  # registered, but not among the attendees this user may see
            self._show_message(self.tr("Saved."))
        self.changed.emit()

    def _clear_form(self) -> None:
        for widget in self.fields:
            if isinstance(widget, QLineEdit):
                widget.clear()
        self.consent_check.setChecked(False)
        self._chosen = None
        self._candidates = []
        self._hint_serial += 1  # a hint still on its way is for the previous person
        self.hint_timer.stop()
        self.hint_label.hide()
        self._escape_armed = False
        self.family_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- current attendee and contacts --------------------------------------------------------

    def _set_current(self, attendance_id: uuid.UUID) -> None:
        self.current = next((a for a in self.attendees if a.attendance_id == attendance_id), None)
        if self.current is None:
            self.current_label.setText(self.tr("No attendee chosen"))
            return
        a = self.current
        consent = "" if a.consent_to_contact else "  " + self.tr("(no consent: no contacts)")
        self.current_label.setText(f"#{a.number}  {a.family_name}, {a.given_names}{consent}")

    def _search(self, text: str) -> None:
        wanted = text.strip().lstrip("#").casefold()
        self.matches.clear()
        if not wanted:
            self.matches.hide()
            return
        found = [
            a
            for a in self.attendees
            if str(a.number) == wanted
            or all(word in f"{a.family_name} {a.given_names}".casefold() for word in wanted.split())
        ][:8]
        for a in found:
            item = QListWidgetItem(f"#{a.number}  {a.family_name}, {a.given_names}")
            item.setData(Qt.ItemDataRole.UserRole, a.attendance_id)
            self.matches.addItem(item)
        self.matches.setVisible(bool(found))

    def _pick_match(self) -> None:
        item = self.matches.currentItem() or self.matches.item(0)
        if item is None:
            return
        self._set_current(item.data(Qt.ItemDataRole.UserRole))
        self.search_edit.clear()
        self.matches.clear()
        self.matches.hide()
        self.contact_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _contact_typed(self, text: str) -> None:
        if not text or text.isdigit():
            return
        match = _CONTACT.match(text)
        self.contact_edit.clear()
        outcome = OUTCOME_KEYS.get(match.group(2).lower()) if match else None
        if match is None or outcome is None:
            self._show_message(
                self.tr("Type the employer's number, then G, V, B or E."), error=True
            )
            return
        number = int(match.group(1))
        employer = next((e for e in self.employers if e.number == number), None)
        if employer is None:
            self._show_message(
                self.tr("No employer with number %1.").replace("%1", str(number)), error=True
            )
            return
        if self.current is None:
            self._show_message(self.tr("Choose an attendee first (F3)."), error=True)
            return
        self.record_contact(employer, outcome)

    def record_contact(self, employer: events.PresentPartner, outcome: EventContactOutcome) -> None:
        assert self.current is not None
        attendance_id = self.current.attendance_id
        contact = session_scope.write(
            self._factory,
            lambda session: event_attendance.record_contact(
                session, self.event_id, attendance_id, employer.partner_id, outcome
            ),
            refused=lambda german: self._show_message(german, error=True),
        )
        if contact is None:
            return
        self.refresh()
        self._show_message(f"#{self.current.number} · {employer.name}: {outcome_label(outcome)} ✓")
        self.changed.emit()
