"""``./dev mutants`` (tools/mutants.py) stays honest: every mutant still applies to the code as
it is, and the machinery tells caught from survived without writing to the tree it copies.

A change of the code that moves a mutant's place fails here (update the mutant's text in
tools/mutants.py), instead of leaving a mutant that silently tests nothing.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULES = {
    "consent",
    "team access",
    "team access (scope)",
    "audit chain",
    "audit anchor",
    "erase",
    "kit conflicts",
    "kit rights",
    "merge twice",
    "statistics",
    "suppression",
    "dedupe threshold",
    "lockout",
    "optimistic locking",
    "notes never printed",
}


@pytest.fixture(scope="module")
def mutants() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mzdesk_mutants", ROOT / "tools" / "mutants.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_every_mutant_applies_to_the_tree(mutants: ModuleType) -> None:
    stale = {
        m.key: reason for m in mutants.MUTANTS if (reason := mutants.applies(m, ROOT)) is not None
    }
    assert stale == {}


def test_at_least_forty_mutants_over_every_critical_rule(mutants: ModuleType) -> None:
    keys = [m.key for m in mutants.MUTANTS]
    assert len(keys) == len(set(keys)) >= 40
    assert {m.rule for m in mutants.MUTANTS} == RULES
    assert all(m.old != m.new and m.tests for m in mutants.MUTANTS)


TREE = {
    "rule.py": "def allowed(age: int) -> bool:\n    return age >= 18\n",
    "tests/test_rule.py": (
        "from rule import allowed\n\n\n"
        "def test_the_boundary() -> None:\n"
        "    assert allowed(18) and not allowed(17)\n"
    ),
}


def test_caught_survived_and_stale_in_a_copy_the_tree_never_changed(
    mutants: ModuleType, tmp_path: Path
) -> None:
    tree = tmp_path / "tree"
    for name, text in TREE.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    copy = mutants.copy_tree(tree, tmp_path / "copy")
    assert sorted(p.name for p in copy.rglob("*.py")) == ["rule.py", "test_rule.py"]
    changes = [(">= 18", "> 18"), (">= 18", ">= 17 + 1"), ("<= 18", "< 18")]
    results = [
        mutants.run_mutant(
            mutants.Mutant(f"X{n}", "rule", "rule.py", old, new, ("tests/test_rule.py",), "-"),
            copy,
            sys.executable,
        )
        for n, (old, new) in enumerate(changes)
    ]
    assert [r.outcome for r in results] == ["caught", "survived", "stale"]
    assert results[0].first_failure == "tests/test_rule.py::test_the_boundary"
    for name, text in TREE.items():  # the copy put back, the tree never touched
        assert (tree / name).read_text(encoding="utf-8") == text
        assert (copy / name).read_text(encoding="utf-8") == text
