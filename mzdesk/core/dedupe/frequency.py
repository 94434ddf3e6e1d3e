"""How common a name is: the expected number of namesakes born in the same year.

A match on the name key and the birth year alone is strong evidence for a rare name and
almost none for "Mohammad Ahmadi" in a database of 200,000 newcomers, where dozens share the
name and a year-only (placeholder) birth date. :class:`NameFrequency` counts every name key
once over all persons and the persons per birth year; :meth:`NameFrequency.namesakes` turns
that into the number the scorer's commonness penalty uses (see ``scoring.commonness_penalty``).

For the intake check only the persons of the probe's birth year are read; there the namesakes
are counted directly among them (:func:`observed_namesakes`).

Counts only, no names leave this module; never log the keys (they are personal data).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from mzdesk.core.dedupe.blocking import name_pairs
from mzdesk.core.dedupe.scoring import PersonProbe


class NameFrequency:
    """Name-key counts and birth-year shares over a population of persons."""

    def __init__(self, probes: Iterable[PersonProbe]) -> None:
        self._keys: Counter[tuple[str, str]] = Counter()
        self._years: Counter[int] = Counter()
        self._total = 0
        for probe in probes:
            self._total += 1
            self._keys.update(name_pairs(probe))
            if probe.birth_date is not None:
                self._years[probe.birth_date.year] += 1

    def count(self, probe: PersonProbe) -> int:
        """Persons carrying the most specific of ``probe``'s name keys (0 if it has none)."""
        counts = [self._keys[key] for key in name_pairs(probe)]
        return min(counts) if counts else 0

    def year_share(self, year: int) -> float:
        return self._years[year] / self._total if self._total else 0.0

    def namesakes(self, a: PersonProbe, b: PersonProbe) -> float:
        """Expected other persons (besides ``a`` and ``b``, both counted here) of this name
        born in their year; 0 when neither has a birth date."""
        born = a.birth_date or b.birth_date
        if born is None:
            return 0.0
        shared = name_pairs(a) & name_pairs(b)
        if shared:
            others = min(self._keys[key] for key in shared) - 2
        else:  # similar, not equal names: a namesake of either would match as well
            others = max(self.count(a), self.count(b)) - 1
        return max(0, others) * self.year_share(born.year)


def observed_namesakes(
    probe: PersonProbe, candidate: PersonProbe, population: Sequence[PersonProbe]
) -> float:
    """Namesakes of an intake probe in the candidate's birth year, from ``population`` (the
    stored persons read for the probe, ``candidate`` among them, the probe not).

    Counts the persons there sharing a name key with either, born in that year, less two: the
    candidate itself and one more, who may well be the candidate's own duplicate already in the
    database (as the whole-database count leaves out both persons of a pair). A rare name thus
    still shows both records; four "Mohammad Ahmadi" with a placeholder date in that year don't.
    """
    if candidate.birth_date is None:
        return 0.0
    year = candidate.birth_date.year
    keys = name_pairs(probe) | name_pairs(candidate)
    found = sum(
        1
        for other in population
        if other.birth_date is not None
        and other.birth_date.year == year
        and not keys.isdisjoint(name_pairs(other))
    )
    return float(max(0, found - 2))
