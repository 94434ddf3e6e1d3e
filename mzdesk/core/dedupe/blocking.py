"""Blocking keys: only persons sharing one are ever compared.

* both name parts' skeletons (order-insensitive, so swapped names share it) with the birth
  year — catches transliteration variants, swaps and placeholder dates;
* family skeleton with the exact birth date, and first given-name skeleton with the exact
  birth date — catches a typo in the other name part;
* the phone number (normalised digits).

A person without a birth date gets the name key with year ``None``; such keys are compared
with every year (see :func:`name_pair`).
"""

from __future__ import annotations

from collections.abc import Hashable

from mzdesk.core.dedupe.scoring import PersonProbe

Key = tuple[Hashable, ...]


def name_pairs(probe: PersonProbe) -> set[tuple[str, str]]:
    """The order-insensitive (family, given) skeleton pairs of a person."""
    keys = probe.keys
    families = {keys.family_plain_skeleton, keys.family_skeleton}
    givens = {keys.first_given_skeleton, keys.given_skeleton}
    pairs: set[tuple[str, str]] = set()
    for family in families:
        for given in givens:
            if family and given:
                first, second = sorted((family, given))
                pairs.add((first, second))
    return pairs


def blocking_keys(probe: PersonProbe) -> set[Key]:
    keys = probe.keys
    year = probe.birth_date.year if probe.birth_date is not None else None
    result: set[Key] = {("n", first, second, year) for first, second in name_pairs(probe)}
    if probe.birth_date is not None:
        day = probe.birth_date.isoformat()
        if keys.family_skeleton:
            result.add(("f", keys.family_skeleton, day))
        if keys.first_given_skeleton:
            result.add(("g", keys.first_given_skeleton, day))
    phone = probe.phone_digits
    if phone:
        result.add(("p", phone))
    return result
