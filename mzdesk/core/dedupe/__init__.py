"""Duplicate detection: transliteration-aware name keys, scoring, blocking, candidates.

The names are loaded on first use (PEP 562): the search imports ``dedupe.keys`` for its
phonetic keys, and a short command must not pay for rapidfuzz and the candidate queries
(tests/integration/test_cli_imports.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mzdesk.core.dedupe.candidates import (
        Candidate,
        DuplicatePair,
        StoredPerson,
        find_candidates,
        find_duplicate_pairs,
    )
    from mzdesk.core.dedupe.scoring import DEFAULT_THRESHOLD, Match, PersonProbe, score

_WHERE = {
    "Candidate": "candidates",
    "DuplicatePair": "candidates",
    "StoredPerson": "candidates",
    "find_candidates": "candidates",
    "find_duplicate_pairs": "candidates",
    "DEFAULT_THRESHOLD": "scoring",
    "Match": "scoring",
    "PersonProbe": "scoring",
    "score": "scoring",
}

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "DuplicatePair",
    "Match",
    "PersonProbe",
    "StoredPerson",
    "find_candidates",
    "find_duplicate_pairs",
    "score",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
