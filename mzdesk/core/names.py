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
    """The key the client list sorts by: family name, then given names, folded.

    Spaces inside a name become ``_`` and the two parts are joined by a space, which sorts
    before every other character of the key: so "Öztürk, Zeynep" comes before
    "Öztürk-Kaya, Ece" in binary order (SQLite; the column collates "C" on PostgreSQL).
    """
    family = fold(family_name).replace(" ", "_")
    given = fold(given_names).replace(" ", "_")
    return f"{family} {given}"
