"""The mouse wheel scrolls the page, never a value the pointer passes over.

Qt's spin boxes and combo boxes take the wheel whenever the pointer is over them, focused or
not, and take the focus with it (``Qt.WheelFocus``): scrolling the settings page changed
"Personen N Jahre nach Abschluss löschen" from 6 to 1 (counsellor walk, defect 14). The rule,
app-wide: such a field gets the focus by click or Tab only (``Qt.StrongFocus``, set when it is
polished), and a wheel turn over it while it has no focus is passed on to the page around it
(the scroll area scrolls). Once clicked or tabbed into, the wheel changes it as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox)  # date/time edits are spin boxes too


def _guarded(widget: QObject) -> QWidget | None:
    """The spin or combo box ``widget`` is (or is part of: the spin box's line edit)."""
    if isinstance(widget, GUARDED):
        return widget
    parent = widget.parent() if isinstance(widget, QWidget) else None
    if isinstance(parent, QAbstractSpinBox):
        return parent
    return None


class WheelGuard(QObject):
    """Installed on the application by :func:`install`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel:
            box = _guarded(watched)
            if box is not None and not box.hasFocus():
                # not for this field: Qt offers an ignored wheel event to the parents
                # (the scroll area of the page), so the page scrolls instead
                event.ignore()
                return True
        return False


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (later calls return the installed one)."""
    guard = app.findChild(WheelGuard, "wheelGuard")
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheelGuard")
        app.installEventFilter(guard)
    return guard
