"""Every reason a kit merge gives for a refused or kept row has German words for Kit-Abgleich."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import mzdesk
from mzdesk.core.kits import reasons

KITS = Path(mzdesk.__file__).resolve().parent / "core" / "kits"


def _literal_reasons() -> set[str]:
    """The string literals the merge and the rights return or pass as a reason."""
    found: set[str] = set()
    for name in ("merge.py", "rights.py"):
        tree = ast.parse((KITS / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            values: list[ast.AST] = []
            if isinstance(node, ast.Return) and node.value is not None:
                values.append(node.value)
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in (
                "reject",
                "refuse",
                "keep",
            ):
                values.extend(node.args[2:3])
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Subscript) for t in node.targets
            ):
                values.append(node.value)
            for value in values:
                if (
                    isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and " " in value.value  # a sentence, not a code
                ):
                    found.add(value.value)
    return found


def test_every_literal_reason_is_translated() -> None:
    literal = _literal_reasons()
    assert "about a person the kit did not carry" in literal  # the walk finds them
    untranslated = sorted(r for r in literal if reasons.german(r) == r)
    assert not untranslated, untranslated


def test_the_reasons_built_at_run_time_are_translated() -> None:
    assert reasons.german("its persons row was refused") == (
        "gehört zu einem abgewiesenen Datensatz (Person)"
    )
    assert reasons.german("case_id refers to a missing cases row") == (
        "verweist auf einen fehlenden Datensatz (Fall)"
    )
    assert reasons.german(
        "family_name contains an invisible text-direction control character (U+202E) at position 4"
    ) == (
        "Familienname enthält ein unsichtbares Steuerzeichen für die Schreibrichtung (U+202E)"
        " an Stelle 4"
    )


@dataclass
class _Row:
    table: str
    reason: str


def test_the_summary_groups_by_table_and_reason() -> None:
    rows = [
        _Row("cases", "about a person the kit did not carry"),
        _Row("cases", "about a person the kit did not carry"),
        _Row("event_organisers", "organisers are set at the office, not by a kit"),
    ]
    assert reasons.summary(rows) == [
        "2 × Fall: betrifft eine Person, die nicht in der Mappe war",
        "1 × Ausrichtende: Ausrichtende werden im Büro festgelegt, nicht mit einer Mappe",
    ]
