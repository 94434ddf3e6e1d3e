"""The partner directory maintained in the window, by keyboard, in German (counsellor walk 20).

A counsellor creates a partner with a contact person (Ctrl+N), edits it (F2 / Enter on the
row), deactivates it after a confirmation (Ctrl+D) — it vanishes from the list and from the
referral dialog's partners —, shows inactive ones and reactivates it. Bad input (no name, a
broken e-mail address) is refused in one German line with everything typed kept. Another
view offers "add this employer to the directory" through ``edit_partner``.
"""

from __future__ import annotations

import traceback
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mzdesk.core.models import AuditEntry, Partner
from mzdesk.ui.accessibility import tab_chain, tab_traps, unlabelled_inputs, unreachable_by_tab
from mzdesk.ui.dialogs.partner_edit import PartnerEditDialog, edit_partner
from mzdesk.ui.dialogs.referral import ReferralDialog
from mzdesk.ui.views.partners import PartnersView

from .letters_world import World, build_world

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    made = build_world(tmp_path / "partners.sqlite")
    yield made
    made.db.close()


@pytest.fixture
def view(qtbot: QtBot, world: World) -> PartnersView:
    widget = PartnersView(world.context(world.counsellor_id))
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.table.setFocus()
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
    qtbot.keyClick(focused(), key, modifiers)


def type_here(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def mnemonic(text: str) -> Qt.Key:
    """The Alt key of a label or button text ("Ansprechperson &hinzufügen" -> H)."""
    letter = text[text.index("&") + 1].upper()
    return Qt.Key(ord(letter))


def alt(qtbot: QtBot, dialog: PartnerEditDialog, label: str) -> None:
    """Press the Alt shortcut that the label or button ``label`` (object name) shows; a
    button's click comes a moment later (Qt animates it): wait for it."""
    widget = dialog.form.findChild(QWidget, label)
    text = widget.text() if hasattr(widget, "text") else ""
    if isinstance(widget, QPushButton):
        with qtbot.waitSignal(widget.clicked):
            press(qtbot, mnemonic(text), ALT)
    else:
        press(qtbot, mnemonic(text), ALT)


def opened_dialog(qtbot: QtBot, view: PartnersView) -> PartnerEditDialog:
    qtbot.waitUntil(lambda: view.edit_dialog is not None and view.edit_dialog.isVisible())
    dialog = view.edit_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def answer_next_box(qtbot: QtBot, key: Qt.Key, seen: list[str]) -> None:
    """When the confirmation shows, note its text and press ``key`` in it."""

    def step() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, step)
            return
        if not box.isActiveWindow():  # the offscreen platform activates nothing by itself
            box.activateWindow()
            QTimer.singleShot(20, step)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        QTest.keyClick(box.focusWidget() or box, key)

    QTimer.singleShot(0, step)


def back_to(qtbot: QtBot, view: PartnersView) -> None:
    """The view's window active again after a dialog (the offscreen platform leaves none)."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def names(view: PartnersView) -> list[str]:
    return [str(view.model.index(row, 0).data()) for row in range(view.model.rowCount())]


def referral_partners(qtbot: QtBot, world: World) -> list[str]:
    """The partners the referral dialog offers for the world's case."""
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ReferralDialog(parent, world.context(world.counsellor_id), world.case_id)
    offered = [dialog.partner_combo.itemText(i) for i in range(dialog.partner_combo.count())]
    dialog.deleteLater()
    return offered


def stored(world: World, name: str) -> Partner:
    with world.db.session() as session:
        partner = session.scalars(select(Partner).where(Partner.name == name)).one()
        partner.contact_people  # noqa: B018 (loaded before the session closes)
        return partner


def test_create_edit_deactivate_reactivate_by_keyboard(
    qtbot: QtBot, view: PartnersView, world: World
) -> None:
    # --- new (Ctrl+N): name, kind, a contact person, Enter saves
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = opened_dialog(qtbot, view)
    assert dialog.windowTitle() == "Neuer Partner"
    assert dialog.edits["name"].hasFocus()
    type_here(qtbot, "Malerbetrieb Kaya")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.kind_combo.hasFocus()
    type_here(qtbot, "Arbeitg")
    assert dialog.kind_combo.currentText() == "Arbeitgeber"
    alt(qtbot, dialog, "cityLabel")
    assert dialog.edits["city"].hasFocus()
    type_here(qtbot, "Neustadt")
    alt(qtbot, dialog, "servicesLabel")
    type_here(qtbot, "Ausbildung Maler")
    press(qtbot, Qt.Key.Key_Return)  # a second service
    type_here(qtbot, "Praktikum")
    alt(qtbot, dialog, "addContactButton")
    assert dialog.contact_edits["name"].hasFocus()
    type_here(qtbot, "Erika Beispiel")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "Ausbildung")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "01234 567")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "erika@kaya.example")
    assert dialog.contacts_table.item(0, 0).text() == "Erika Beispiel"
    with qtbot.waitSignal(dialog.finished):
        press(qtbot, Qt.Key.Key_Return)
    partner = stored(world, "Malerbetrieb Kaya")
    assert (partner.kind, partner.city, partner.active) == ("AG", "Neustadt", True)
    assert partner.services == "Ausbildung Maler\nPraktikum"
    assert [(c.name, c.role, c.phone, c.email) for c in partner.contact_people] == [
        ("Erika Beispiel", "Ausbildung", "01234 567", "erika@kaya.example")
    ]
    # the list shows it, selected, with its details
    assert view.selected_partner_id() == partner.id
    assert view.title_label.text() == "Malerbetrieb Kaya"
    assert "Erika Beispiel · Ausbildung" in view.values["contacts"].text()
    assert view.values["services"].text() == "Ausbildung Maler\nPraktikum"
    assert any("Malerbetrieb Kaya" in text for text in referral_partners(qtbot, world))

    # --- edit (F2): the phone, a second contact person, then remove the first
    back_to(qtbot, view)
    assert view.table.hasFocus()  # where the dialog came from
    press(qtbot, Qt.Key.Key_F2)
    dialog = opened_dialog(qtbot, view)
    assert dialog.windowTitle() == "Partner bearbeiten"
    assert dialog.edits["name"].text() == "Malerbetrieb Kaya"
    alt(qtbot, dialog, "phoneLabel")
    type_here(qtbot, "0555 12")
    alt(qtbot, dialog, "addContactButton")
    type_here(qtbot, "Jonas Probe")
    dialog.contacts_table.setFocus()
    press(qtbot, Qt.Key.Key_Up)
    assert dialog.contact_edits["name"].text() == "Erika Beispiel"
    alt(qtbot, dialog, "removeContactButton")
    assert [c.name for c in dialog.contacts] == ["Jonas Probe"]
    with qtbot.waitSignal(dialog.finished):
        alt(qtbot, dialog, "nameLabel")
        press(qtbot, Qt.Key.Key_Return)
    partner = stored(world, "Malerbetrieb Kaya")
    assert partner.phone == "0555 12"
    assert [c.name for c in partner.contact_people] == ["Jonas Probe"]
    assert view.values["phone"].text() == "0555 12"

    # --- Enter on the row opens the same dialog; Esc with nothing typed just closes it
    back_to(qtbot, view)
    press(qtbot, Qt.Key.Key_Return)
    dialog = opened_dialog(qtbot, view)
    assert dialog.edits["phone"].text() == "0555 12"
    with qtbot.waitSignal(dialog.finished):
        press(qtbot, Qt.Key.Key_Escape)

    # --- deactivate (Ctrl+D, confirmed): gone from the list and from the referral choices
    back_to(qtbot, view)
    seen: list[str] = []
    answer_next_box(qtbot, Qt.Key.Key_Return, seen)
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert "„Malerbetrieb Kaya“ deaktivieren?" in seen[0]
    assert "nicht gelöscht" in seen[0]
    assert stored(world, "Malerbetrieb Kaya").active is False
    assert "Malerbetrieb Kaya" not in names(view)
    assert not any("Malerbetrieb Kaya" in text for text in referral_partners(qtbot, world))

    # --- "inaktive zeigen" lists it, greyed, "nein"; Ctrl+D reactivates it (confirmed)
    assert view.inactive_check.text() == "inaktive zeigen"
    back_to(qtbot, view)
    assert view.table.hasFocus()
    view.inactive_check.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.inactive_check.isChecked()
    row = names(view).index("Malerbetrieb Kaya")
    assert view.model.index(row, 4).data() == "nein"
    view.table.setFocus()
    view.table.selectRow(row)
    assert view.active_button.text() == "Reaktivieren…"
    seen.clear()
    answer_next_box(qtbot, Qt.Key.Key_Return, seen)
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert "„Malerbetrieb Kaya“ reaktivieren?" in seen[0]
    assert stored(world, "Malerbetrieb Kaya").active is True
    assert view.active_button.text() == "Deaktivieren…"
    assert any("Malerbetrieb Kaya" in text for text in referral_partners(qtbot, world))

    # --- Esc in the confirmation changes nothing
    back_to(qtbot, view)
    seen.clear()
    answer_next_box(qtbot, Qt.Key.Key_Escape, seen)
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert seen and stored(world, "Malerbetrieb Kaya").active is True

    # every change is in the audit trail, as the counsellor's
    with world.db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "partner").order_by(AuditEntry.seq)
        ).all()
    assert [(e.action, e.user_id) for e in entries if e.entity_id == partner.id] == [
        ("create", world.counsellor_id),
        ("update", world.counsellor_id),
        ("update", world.counsellor_id),
        ("update", world.counsellor_id),
    ]


def test_bad_input_gives_one_german_line_and_keeps_the_typing(
    qtbot: QtBot, view: PartnersView, world: World
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = opened_dialog(qtbot, view)
    error = dialog.form.findChild(QLabel, "errorLabel")
    # no name
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "Arbeitg")
    alt(qtbot, dialog, "emailLabel")
    type_here(qtbot, "info-at-kaya.example")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert error.isVisible() and error.text() == "Bitte den Namen eingeben."
    assert dialog.edits["name"].hasFocus()
    # the name, but the e-mail address is broken
    type_here(qtbot, "Malerbetrieb Kaya")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert error.text().startswith("Das ist keine E-Mail-Adresse")
    assert "\n" not in error.text()
    assert dialog.edits["email"].hasFocus()
    assert dialog.edits["name"].text() == "Malerbetrieb Kaya"
    assert dialog.edits["email"].text() == "info-at-kaya.example"
    assert dialog.kind_combo.currentText() == "Arbeitgeber"
    # a contact person without a name
    dialog.edits["email"].selectAll()
    type_here(qtbot, "info@kaya.example")
    alt(qtbot, dialog, "addContactButton")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "Inhaber")
    press(qtbot, Qt.Key.Key_Return)
    assert error.text() == "Ansprechperson 1: Der Name fehlt."
    assert dialog.contact_edits["name"].hasFocus()
    assert dialog.contact_edits["role"].text() == "Inhaber"
    with world.db.session() as session:
        assert session.scalars(select(Partner).where(Partner.name.like("Maler%"))).all() == []
    # fixed: saved
    type_here(qtbot, "Jonas Probe")
    with qtbot.waitSignal(dialog.finished):
        press(qtbot, Qt.Key.Key_Return)
    assert stored(world, "Malerbetrieb Kaya").email == "info@kaya.example"


def test_a_duplicate_is_refused_with_the_typing_kept(
    qtbot: QtBot, view: PartnersView, world: World
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = opened_dialog(qtbot, view)
    type_here(qtbot, "Pflegedienst Sonnenschein")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "Arbeitg")
    alt(qtbot, dialog, "postcodeLabel")
    type_here(qtbot, "12345")
    press(qtbot, Qt.Key.Key_Return)
    error = dialog.form.findChild(QLabel, "errorLabel")
    assert error.text() == "Ein Partner mit diesem Namen und dieser PLZ existiert bereits."
    assert dialog.edits["name"].text() == "Pflegedienst Sonnenschein" and dialog.isVisible()
    assert dialog.edits["name"].hasFocus()


def _drive_modal(steps: Callable[[PartnerEditDialog], None]) -> list[str]:
    errors: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PartnerEditDialog):
            QTimer.singleShot(20, run)
            return
        try:
            steps(dialog)
        except BaseException:
            errors.append(traceback.format_exc())
            dialog.done(0)

    QTimer.singleShot(0, run)
    return errors


def test_edit_partner_adds_an_employer_from_elsewhere(qtbot: QtBot, world: World) -> None:
    """The entry point for placements and fair mode: prefilled, Enter saves, the id back."""
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def steps(dialog: PartnerEditDialog) -> None:
        seen["name"] = dialog.edits["name"].text()
        seen["kind"] = dialog.kind_combo.currentText()
        seen["focus"] = dialog.focusWidget() is dialog.edits["name"]
        QTest.keyClick(dialog.edits["name"], Qt.Key.Key_Return)

    errors = _drive_modal(steps)
    partner_id = edit_partner(
        parent, world.context(world.counsellor_id), prefill_name="  Gärtnerei  Linde ", kind="AG"
    )
    assert errors == []
    assert seen == {"name": "Gärtnerei Linde", "kind": "Arbeitgeber", "focus": True}
    assert isinstance(partner_id, uuid.UUID)
    assert stored(world, "Gärtnerei Linde").id == partner_id

    # cancelled (Esc, nothing typed): None, nothing stored
    errors = _drive_modal(lambda d: QTest.keyClick(d.edits["name"], Qt.Key.Key_Escape))
    assert edit_partner(parent, world.context(world.counsellor_id), "Baumschule Ost") is None
    assert errors == []
    with world.db.session() as session:
        assert session.scalars(select(Partner).where(Partner.name == "Baumschule Ost")).all() == []


def test_the_area_shortcuts_do_not_clash_with_the_window(view: PartnersView) -> None:
    """The area's actions: their own keys, none of the main window's (Ctrl+1…9, Ctrl+Q,
    Ctrl+,) and none twice; they act only while the area has the focus."""
    keys = [action.shortcut().toString() for action in view.menu_actions()]
    assert keys == ["Ctrl+N", "F2", "Ctrl+D", "Ctrl+I"]
    window_keys = {f"Ctrl+{n}" for n in range(1, 10)} | {"Ctrl+Q", "Ctrl+,"}
    assert not window_keys & set(keys)
    assert all(
        action.shortcutContext() is Qt.ShortcutContext.WidgetWithChildrenShortcut
        for action in view.menu_actions()
    )


def test_every_input_is_labelled_and_tab_reaches_it(qtbot: QtBot, world: World) -> None:
    """What a screen reader announces and where Tab goes (with a contact person selected)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = PartnerEditDialog(parent, world.context(world.counsellor_id), world.employer_id)
    qtbot.addWidget(dialog)
    dialog.add_contact()
    dialog.mark_clean()  # closing at the end asks nothing
    dialog.show()
    qtbot.waitExposed(dialog)
    findings = {
        "unlabelled": unlabelled_inputs(dialog, include_hidden=True),
        "keeps Tab": tab_traps(dialog),
        "unreachable by Tab": unreachable_by_tab(dialog),
    }
    assert {kind: found for kind, found in findings.items() if found} == {}
    chain = [widget.objectName() for widget in tab_chain(dialog)]
    chain = chain[chain.index("nameEdit") :] + chain[: chain.index("nameEdit")]  # a ring
    assert chain.index("nameEdit") < chain.index("servicesEdit") < chain.index("contactNameEdit")


def test_ctrl_n_in_the_partners_area_of_the_main_window_opens_the_partner_dialog(
    qtbot: QtBot, world: World
) -> None:
    """In the real window: the area's Ctrl+N is the partner's, not the clients' new person;
    the area's actions are in its menu."""
    from mzdesk.ui.areas import registry
    from mzdesk.ui.dialogs.intake import IntakeDialog
    from mzdesk.ui.main_window import MainWindow

    main = MainWindow(world.db, world.context(world.counsellor_id), registry.areas())
    qtbot.addWidget(main.window)
    main.window.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main.window)
    main.open_area("clients")  # the clients' Ctrl+N exists in the window, hidden now
    view = main.open_area("partners")
    assert isinstance(view, PartnersView)
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    menu = [action.text() for action in main.area_menu.actions()]
    assert menu == ["Neu…", "Bearbeiten…", "Deaktivieren…", "Importieren…"]
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = opened_dialog(qtbot, view)
    assert dialog.windowTitle() == "Neuer Partner"
    assert not any(isinstance(w, IntakeDialog) for w in QApplication.topLevelWidgets())
    with qtbot.waitSignal(dialog.finished):
        press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: hasattr(main, "person_count"))


def test_someone_elses_save_meanwhile_is_not_overwritten_unasked(
    qtbot: QtBot, view: PartnersView, world: World
) -> None:
    from mzdesk.core.services import partners

    view.table.selectRow(names(view).index("Pflegedienst Sonnenschein"))
    press(qtbot, Qt.Key.Key_F2)
    dialog = opened_dialog(qtbot, view)
    with world.db.session(world.lead_id) as session:  # a colleague saves meanwhile
        partners.update_partner(session, world.employer_id, city="Altdorf")
        session.commit()
    alt(qtbot, dialog, "phoneLabel")
    type_here(qtbot, "0777 1")
    seen: list[str] = []
    answer_next_box(qtbot, Qt.Key.Key_Return, seen)  # the default: go back
    press(qtbot, Qt.Key.Key_Return)
    assert seen and "Jemand anderes hat diesen Partner gespeichert" in seen[0]
    assert dialog.isVisible() and dialog.edits["phone"].text() == "0777 1"
    assert stored(world, "Pflegedienst Sonnenschein").phone is None

    def overwrite() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            if isinstance(box, QMessageBox):
                box.activateWindow()
            QTimer.singleShot(20, overwrite)
            return
        button = next(b for b in box.buttons() if b.text() == "Meine Eingaben speichern")
        button.setFocus()
        QTest.keyClick(button, Qt.Key.Key_Space)

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.edits["phone"].setFocus()
    QTimer.singleShot(0, overwrite)
    with qtbot.waitSignal(dialog.finished):
        press(qtbot, Qt.Key.Key_Return)
    partner = stored(world, "Pflegedienst Sonnenschein")
    # the user's form is saved over it: their phone, and the town they saw (Musterstadt)
    assert (partner.phone, partner.city) == ("0777 1", "Musterstadt")
