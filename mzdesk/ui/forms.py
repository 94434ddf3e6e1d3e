"""Qt Designer forms (forms/*.ui) loaded at run time with QUiLoader.

Loading beats compiling here: the same .ui files work from a checkout, a wheel
(``mzdesk/forms``) and the PyInstaller build, with no generated code to keep in sync.
Strings in a form are translated by QUiLoader with the form's class name as context, which
is also what ``pyside6-lupdate`` writes into the .ts file. Widgets *hold* a loaded form
(``self.form = load_form(...)``); they don't inherit it.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QComboBox, QWidget

from mzdesk.core.resources import form_path

W = TypeVar("W", bound=QObject)


class FormError(RuntimeError):
    """A form is missing, broken, or lacks a widget the code needs."""


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """The top-level widget of ``forms/<name>``, as a child of ``parent`` if given."""
    path = form_path(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"cannot read form {path}: {file.errorString()}")
    try:
        loader = QUiLoader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise FormError(f"cannot load form {name}: {loader.errorString()}")
    return widget


def child(form: QObject, kind: type[W], name: str) -> W:
    """The widget named ``name`` in a loaded form; a clear error if the form lacks it."""
    found = form.findChild(kind, name)
    if found is None:
        raise FormError(f"form {form.objectName()!r} has no {kind.__name__} named {name!r}")
    return found


def find_data(combo: QComboBox, value: object) -> int:
    """The row of ``combo`` whose item data equals ``value`` (-1 if none).

    ``QComboBox.findData`` compares Python objects it cannot convert (a ``uuid.UUID``) by
    identity, so an equal id read in another session is not found; this compares values.
    """
    for row in range(combo.count()):
        if combo.itemData(row) == value:
            return row
    return -1
