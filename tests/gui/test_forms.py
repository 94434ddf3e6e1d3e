"""Every Qt Designer form loads, and the loader names what a form lacks."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from mzdesk.core.resources import form_path
from mzdesk.ui.forms import FormError, child, load_form

FORMS = sorted(path.name for path in form_path("main_window.ui").parent.glob("*.ui"))


def test_the_forms_are_there() -> None:
    assert {"main_window.ui", "clients_view.ui", "person_detail.ui"} <= set(FORMS)


@pytest.mark.parametrize("name", FORMS)
def test_form_loads(qtbot: QtBot, name: str) -> None:
    widget = load_form(name)
    qtbot.addWidget(widget)
    assert isinstance(widget, QWidget)
    assert widget.objectName()


def test_child_names_a_missing_widget(qtbot: QtBot) -> None:
    widget = load_form("clients_view.ui")
    qtbot.addWidget(widget)
    assert child(widget, QTableView, "personTable").objectName() == "personTable"
    with pytest.raises(FormError, match="no QTableView named 'nothing'"):
        child(widget, QTableView, "nothing")


def test_a_missing_form_is_a_clear_error() -> None:
    with pytest.raises(FormError, match="cannot read form"):
        load_form("no_such_form.ui")
