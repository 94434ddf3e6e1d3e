"""Folding names for sorting and search: any script to lower-case ASCII (anyascii)."""

from __future__ import annotations

import re

from anyascii import anyascii

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str | None) -> str:
    """``"Ağaoğlu"`` → ``"agaoglu"``, ``"Олена"`` → ``"olena"``; punctuation becomes a space."""
    if not text:
        return ""
    return _NON_WORD.sub(" ", anyascii(text).lower()).strip()


def person_sort_key(family_name: str, given_names: str) -> str:
    """The key the client list sorts by: family name, then given names, folded."""
    return f"{fold(family_name)}, {fold(given_names)}"
