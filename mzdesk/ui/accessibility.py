"""Checks that every input can be named by a screen reader and reached with Tab.

Pure Qt, no data: the GUI tests run these over every form, area and dialog
(tests/gui/test_accessibility.py). An input is named by its ``accessibleName``, by its own
text (buttons), or by the labels Qt's accessibility bridge relates to it (``QAccessible``
"Label" relations: the ``QLabel`` whose buddy it is, or the title of the group box around
it — counted only for the group's sole input, else every field would have the same name).

The Tab walk presses Tab (key events, as the keyboard sends them) from the widget with the
focus and lets Qt move the focus, once round. It stops where a widget keeps Tab to itself —
an editable text edit without ``tabChangesFocus`` (Tab types a tab character), an item view
with ``tabKeyNavigation`` (Tab moves from cell to cell and never leaves) — without sending it
the key. The widget must be shown. Walking ``nextInFocusChain`` instead is not safe in PySide6
6.12: its binding makes each returned widget a Python child of the previous one, and freeing
those wrappers later can crash the interpreter (the same holds for ``QLabel.buddy``).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Widgets whose children Qt creates and names itself (a combo's line edit and popup list,
# a spin box's line edit, a line edit's clear button, a tab bar's scroll arrows).
_COMPOUND = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QCalendarWidget)


def _is_qt_internal(widget: QWidget, root: QWidget) -> bool:
    if widget.objectName().startswith("qt_"):  # corner buttons, toolbar extension buttons …
        return True
    if isinstance(widget, QHeaderView) and isinstance(widget.parentWidget(), QAbstractItemView):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def is_input(widget: QWidget) -> bool:
    """A widget a person types into, chooses from or presses."""
    if isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox | QAbstractItemView):
        return True
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSlider):
        return not isinstance(widget, QScrollBar)
    return isinstance(widget, QAbstractButton)


def _would_be_visible(widget: QWidget, root: QWidget) -> bool:
    """Visible once ``root`` is shown — pages of a stack (or tab widget) count: the person
    switches to them."""
    current: QWidget | None = widget
    while current is not None and current is not root:
        parent = current.parentWidget()
        if current.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        current = parent
    return True


def _in_window_of(widget: QWidget, root: QWidget) -> bool:
    """False for widgets in a popup or another window below ``root`` (a combo's list)."""
    current: QWidget | None = widget
    while current is not None and current is not root:
        if current.isWindow():
            return False
        current = current.parentWidget()
    return current is root


def inputs(root: QWidget, *, include_hidden: bool = False) -> Iterator[QWidget]:
    """Every input under ``root`` a person can meet, without Qt's internal children."""
    for widget in root.findChildren(QWidget):
        if (
            is_input(widget)
            and _in_window_of(widget, root)
            and not _is_qt_internal(widget, root)
            and (include_hidden or _would_be_visible(widget, root))
        ):
            yield widget


def _attribute(widget: QWidget) -> str:
    """The Python attribute that holds ``widget`` in one of its parents (``self.table``)."""
    parent = widget.parentWidget()
    while parent is not None:
        for key, value in getattr(parent, "__dict__", {}).items():
            if value is widget:
                return str(key)
        parent = parent.parentWidget()
    return ""


def describe(widget: QWidget, root: QWidget | None = None) -> str:
    """``QLineEdit 'streetEdit' in addressGroup < IntakeDialog``: class, name (else the
    attribute holding it, a button's text or tooltip), named parents."""
    chain = []
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if parent.objectName() and not parent.objectName().startswith("qt_"):
            chain.append(parent.objectName())
        parent = parent.parentWidget()
    if root is not None:
        chain.append(root.objectName() or type(root).__name__)
    name = f" {widget.objectName()!r}" if widget.objectName() else ""
    if not name and (attribute := _attribute(widget)):
        name = f" .{attribute}"
    if not name and isinstance(widget, QAbstractButton):
        if widget.text():
            name = f" {widget.text()!r}"
        elif widget.toolTip():
            name = f" (tooltip {widget.toolTip()!r})"
    where = f" in {' < '.join(chain)}" if chain else ""
    return f"{type(widget).__name__}{name}{where}"


def _labels(widget: QWidget) -> list[tuple[str, QWidget | None]]:
    """The texts (and widgets) of what Qt's accessibility bridge says labels ``widget``."""
    found = []
    interface = QAccessible.queryAccessibleInterface(widget)
    for related, _relation in interface.relations(QAccessible.RelationFlag.Label):
        labelling = related.object()
        found.append(
            (
                related.text(QAccessible.Text.Name),
                labelling if isinstance(labelling, QWidget) else None,
            )
        )
    return found


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader gets for ``widget`` (empty: none)."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    for text, labelling in _labels(widget):
        if not text.replace("&", "").strip():
            continue
        if isinstance(labelling, QGroupBox) and any(
            other is not widget for other in inputs(labelling)
        ):
            continue  # every input of the group would have the same name
        return text
    return ""


def unlabelled_inputs(root: QWidget, *, include_hidden: bool = False) -> list[str]:
    """A description of every input under ``root`` that a screen reader cannot name.

    ``include_hidden`` also checks inputs that are hidden now (a form's widgets that the
    code shows later)."""
    return [
        describe(widget, root)
        for widget in inputs(root, include_hidden=include_hidden)
        if not accessible_name(widget)
    ]


# --- Tab ---------------------------------------------------------------------------------


def takes_tab(widget: QWidget) -> bool:
    """Tab can stop here: it accepts Tab focus and is enabled and visible."""
    policy = widget.focusPolicy().value
    return (
        policy & Qt.FocusPolicy.TabFocus.value == Qt.FocusPolicy.TabFocus.value
        and widget.focusProxy() is None
        and widget.isEnabled()
        and widget.isVisible()
    )


def traps_tab(widget: QWidget) -> bool:
    """Tab never leaves this widget once it has the focus."""
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly() and not widget.tabChangesFocus()
    if isinstance(widget, QAbstractItemView):
        # cell to cell, round and round: at once with rows, and as soon as rows arrive
        return widget.tabKeyNavigation()
    return False


def _focus(root: QWidget) -> QWidget | None:
    return root.window().focusWidget()


def _press(widget: QWidget, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def _walk(root: QWidget, forward: bool) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) visits from the focus, once round or up to a widget
    that keeps Tab. The focus is put back where it was."""
    window = root.window()
    start = _focus(root)
    if start is None:  # nothing focused yet: the first Tab goes to the first stop
        _press(window, Qt.Key.Key_Tab)
        start = _focus(root)
        if start is None:
            return []
    visited = [start]
    current = start
    key = Qt.Key.Key_Tab if forward else Qt.Key.Key_Backtab
    for _ in range(len(window.findChildren(QWidget)) + 1):
        if traps_tab(current):
            break
        _press(current, key)
        following = _focus(root)
        if following is None or following is current or following is start:
            break  # the focus stays (a widget keeps Tab) or the round is complete
        visited.append(following)
        current = following
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    return [widget for widget in visited if widget is root or root.isAncestorOf(widget)]


def tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab visits, in order, from the one with the focus (or
    the first that takes it), once round — ending early at a widget that keeps Tab."""
    return _walk(root, forward=True)


def unreachable_by_tab(root: QWidget) -> list[str]:
    """Enabled, visible inputs that take Tab but that neither Tab nor Shift+Tab reaches
    from the focus (a widget keeping Tab blocks the way in both directions)."""
    reached = {*_walk(root, forward=True), *_walk(root, forward=False)}
    return [
        describe(widget, root)
        for widget in inputs(root)
        if takes_tab(widget) and widget not in reached
    ]


def tab_traps(root: QWidget) -> list[str]:
    """Inputs under ``root`` that Tab enters and never leaves."""
    return [
        describe(widget, root)
        for widget in inputs(root)
        if traps_tab(widget) and widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
    ]
