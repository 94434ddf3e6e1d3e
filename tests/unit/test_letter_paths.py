"""The window and the CLI get a letter's printable bytes only from ``referrals.release_letter``.

``release_letter`` checks the consent (or a lead's recorded exception) and records the output;
everything else that yields letter bytes (the stored PDF, the renderer, the plan) stays inside
core. The on-screen preview (``preview_letter``) is allowed only where the preview is shown.
"""

from __future__ import annotations

import ast
from pathlib import Path

import mzdesk

ROOT = Path(mzdesk.__file__).parent
FORBIDDEN = {
    "stored_letter",  # the stored PDF without the consent check
    "render_plan",
    "plan_letter",
    "ReferralLetterRenderer",
    "letter_pdf",  # the stored column itself
}
PREVIEW_ONLY_IN = {"ui/dialogs/referral.py"}


def _names(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.alias):
            found.add(node.name.rsplit(".", 1)[-1])
    return found


def test_ui_and_cli_reach_letters_only_through_release() -> None:
    offences: dict[str, list[str]] = {}
    for folder in ("ui", "cli"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            where = str(path.relative_to(ROOT))
            names = _names(path)
            bad = sorted(names & FORBIDDEN)
            if "preview_letter" in names and where not in PREVIEW_ONLY_IN:
                bad.append("preview_letter")
            if bad:
                offences[where] = bad
    assert offences == {}


def test_the_preview_dialog_prints_and_saves_only_released_bytes() -> None:
    """Printing and saving in the preview take the bytes of the release, not of the screen."""
    source = (ROOT / "ui" / "dialogs" / "letter_preview.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    dialog = next(
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name == "LetterPreviewDialog"
    )
    for method in dialog.body:
        if isinstance(method, ast.FunctionDef) and method.name in ("print_to", "save_to"):
            uses = {
                node.attr
                for node in ast.walk(method)
                if isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
            }
            assert "pdf" not in uses, method.name  # self.pdf is what the screen shows
