"""Reads an application's accessibility tree from outside, as Orca does (AT-SPI over D-Bus).

Run by the system Python, which has pyatspi (Debian: python3-pyatspi) — not by the venv:

    /usr/bin/python3 tests/gui/atspi_reader.py APPLICATION-NAME

Prints one JSON object: the names of the applications on the accessibility bus, and for each
top-level window of APPLICATION-NAME (by its title) every input with its role, its accessible
name, the names of the labels related to it ("labelled-by") and its current text. Items inside
lists, tables and combo boxes are data, not inputs, and are not walked.
"""

from __future__ import annotations

import json
import sys

import pyatspi  # type: ignore[import-not-found]

ROLES = {
    pyatspi.ROLE_TEXT: "text",
    pyatspi.ROLE_ENTRY: "entry",
    pyatspi.ROLE_PASSWORD_TEXT: "password",
    pyatspi.ROLE_COMBO_BOX: "combo box",
    pyatspi.ROLE_CHECK_BOX: "check box",
    pyatspi.ROLE_RADIO_BUTTON: "radio button",
    pyatspi.ROLE_SPIN_BUTTON: "spin button",
    pyatspi.ROLE_PUSH_BUTTON: "push button",
    pyatspi.ROLE_LIST: "list",
    pyatspi.ROLE_TABLE: "table",
    pyatspi.ROLE_TREE: "tree",
    pyatspi.ROLE_TREE_TABLE: "tree table",
    pyatspi.ROLE_SLIDER: "slider",
}
CONTAINERS = {
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_COMBO_BOX,
}


def nodes(node, depth=0):
    if node is None or depth > 40:
        return
    yield node
    if node.getRole() in CONTAINERS:
        return
    for index in range(node.childCount):
        yield from nodes(node.getChildAtIndex(index), depth + 1)


def labels(node):
    found = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for index in range(relation.getNTargets()):
                found.append(relation.getTarget(index).name)
    return found


def current_text(node):
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    return text.getText(0, -1)


def main(application):
    desktop = pyatspi.Registry.getDesktop(0)
    result = {"applications": [], "windows": {}}
    for app in desktop:
        if app is None:
            continue
        result["applications"].append(app.name)
        if app.name != application:
            continue
        for window in app:
            result["windows"][window.name] = [
                {
                    "role": ROLES[node.getRole()],
                    "name": node.name,
                    "labelled_by": labels(node),
                    "text": current_text(node),
                    "showing": node.getState().contains(pyatspi.STATE_SHOWING),
                }
                for node in nodes(window)
                if node.getRole() in ROLES
            ]
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
