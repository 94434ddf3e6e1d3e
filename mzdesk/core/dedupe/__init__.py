"""Duplicate detection: transliteration-aware name keys, scoring, blocking, candidates."""

from mzdesk.core.dedupe.candidates import (
    Candidate,
    DuplicatePair,
    StoredPerson,
    find_candidates,
    find_duplicate_pairs,
)
from mzdesk.core.dedupe.scoring import DEFAULT_THRESHOLD, Match, PersonProbe, score

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
