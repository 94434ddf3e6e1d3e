"""How alike two person records are: a score 0..1 with the reasons behind it.

Evidence, weighed additively and clamped to 0..1:

* names (up to 0.6): family and given names compared on their soft forms (Jaro-Winkler),
  raised when the phonetic skeletons agree; the weaker of the two parts counts more, so a
  shared family name alone (siblings) is not enough. Given and family names swapped are
  compared too. A part below :data:`NAME_PART_FLOOR` costs heavily.
* birth date: the same exact date is strong; the same year where either side carries only a
  year or the 01.01. placeholder is partial (a placeholder never counts as an exact day);
  day and month transposed is a small bonus; different dates or years count against.
* nationality overlap, the same phone number (normalised digits, +49 → 0): some evidence.
* different recorded sex counts against.
* common names (:func:`commonness_penalty`): a match on the name key and only the birth *year*
  (placeholder 01.01. or year only) says little when the database holds other persons of that
  name born in that year. The caller passes ``namesakes``, the expected number of such other
  persons (from the name key's frequency in the database, see ``dedupe.frequency``); the
  penalty grows with its logarithm, so a common name needs more evidence (an exact date, the
  same phone) to be listed. An exact (or transposed) date divides the expectation by 365; a
  shared phone number cancels the penalty (a coincidental namesake with the same phone is
  implausible).

Reason codes (stable, for the CLI and GUI): ``name_key`` (skeletons equal), ``name_similar``,
``names_swapped``, ``birth_date``, ``birth_year_placeholder``, ``birth_date_transposed``,
``nationality``, ``phone``, ``common_name`` (the name is common: the score was lowered).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.distance import Indel, JaroWinkler

from mzdesk.core.dedupe.keys import NameKeys, name_keys
from mzdesk.core.models.enums import BirthDatePrecision, Sex
from mzdesk.core.names import phone_key

DEFAULT_THRESHOLD = 0.75
NAME_WEIGHT = 0.6
NAME_PART_FLOOR = 0.8  # a name part less alike than this is another name, not a variant
NAME_PART_PENALTY = 0.4
# Equal skeletons close this share of the gap to 1 (less for short keys like "aln", "mr").
SKELETON_LIFT = 0.6
SKELETON_LIFT_SHORT = 0.4
SKELETON_MIN_CONSONANTS = 3
EXTRA_GIVEN_NAME = 0.95  # "Mohammed Ali" vs "Mohammed": one side has a further given name
BIRTH_EXACT = 0.35
BIRTH_PARTIAL = 0.18
BIRTH_TRANSPOSED = 0.15
BIRTH_ONE_FIELD_DIFFERS = -0.25  # a typo in day or month
BIRTH_DIFFERS = -0.4
BIRTH_YEAR_DIFFERS = -0.5
BIRTH_YEAR_NEAR_IMPRECISE = -0.15  # estimated years one apart
NATIONALITY_OVERLAP = 0.05
NATIONALITY_DISJOINT = -0.05
PHONE_EQUAL = 0.1
SEX_DIFFERS = -0.3
MIN_PHONE_DIGITS = 6
# Common names: penalty = COMMON_SCALE * log2(1 + 2 * expected namesakes), at most COMMON_MAX.
COMMON_SCALE = 0.15
COMMON_MAX = 0.15
COMMON_REASON_FROM = 0.02  # smaller penalties are not worth a reason
DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class PersonProbe:
    """The facts of one person the duplicate check compares (a new intake or a stored row)."""

    family_name: str
    given_names: str
    birth_date: date | None = None
    birth_date_precision: BirthDatePrecision = BirthDatePrecision.EXACT
    nationalities: tuple[str, ...] = ()
    phone: str | None = None
    sex: Sex | None = None

    @property
    def keys(self) -> NameKeys:
        return name_keys(self.family_name, self.given_names)

    @property
    def phone_digits(self) -> str:
        digits = phone_key(self.phone)
        return digits if len(digits) >= MIN_PHONE_DIGITS else ""


@dataclass(frozen=True)
class Match:
    score: float
    reasons: tuple[str, ...] = field(default_factory=tuple)


def part_similarity(soft_a: str, skel_a: str, soft_b: str, skel_b: str) -> tuple[float, bool]:
    """Similarity of one name part, and whether the skeletons agreed."""
    if not soft_a or not soft_b:
        return 0.0, False
    if soft_a == soft_b:
        return 1.0, True
    # Jaro-Winkler alone is generous with a shared beginning (Popescu / Popa), the Indel
    # ratio alone is harsh with vowels (Mohammed / Muhammad): their mean.
    base = (
        JaroWinkler.normalized_similarity(soft_a, soft_b)
        + Indel.normalized_similarity(soft_a, soft_b)
    ) / 2
    if skel_a == skel_b and skel_a:
        consonants = len(skel_a.lstrip("a"))
        lift = SKELETON_LIFT if consonants >= SKELETON_MIN_CONSONANTS else SKELETON_LIFT_SHORT
        return base + (1 - base) * lift, True
    return base, False


def _given(a: NameKeys, b: NameKeys) -> tuple[float, bool]:
    best = part_similarity(a.given_soft, a.given_skeleton, b.given_soft, b.given_skeleton)
    if len(a.given_words) > 1 or len(b.given_words) > 1:
        # One side has a further given name: the best pair of single names, slightly less.
        for soft_a, skel_a in zip(a.given_words, a.given_word_skeletons, strict=True):
            for soft_b, skel_b in zip(b.given_words, b.given_word_skeletons, strict=True):
                sim, key = part_similarity(soft_a, skel_a, soft_b, skel_b)
                if sim * EXTRA_GIVEN_NAME > best[0]:
                    best = (sim * EXTRA_GIVEN_NAME, key)
    return best


def _combine(family: float, given: float) -> float:
    low, high = min(family, given), max(family, given)
    score = 0.6 * low + 0.4 * high
    if low < NAME_PART_FLOOR:
        score -= NAME_PART_PENALTY
    return score


def name_score(a: NameKeys, b: NameKeys) -> tuple[float, list[str]]:
    """0..1 (negative when a part is another name) and the name reasons."""
    family, family_key = part_similarity(
        a.family_soft, a.family_skeleton, b.family_soft, b.family_skeleton
    )
    given, given_key = _given(a, b)
    straight = _combine(family, given)
    reasons: list[str] = []
    # Swapped: a's family against b's given names and vice versa (given-mode keys on both).
    swap_family, swap_fkey = part_similarity(
        a.family_plain_soft, a.family_plain_skeleton, b.given_soft, b.given_skeleton
    )
    swap_given, swap_gkey = part_similarity(
        a.given_soft, a.given_skeleton, b.family_plain_soft, b.family_plain_skeleton
    )
    swapped = _combine(swap_family, swap_given)
    if swapped > straight + 0.05:
        reasons.append("names_swapped")
        if swap_fkey and swap_gkey:
            reasons.append("name_key")
        return swapped, reasons
    if family_key and given_key:
        reasons.append("name_key")
    elif straight >= NAME_PART_FLOOR:
        reasons.append("name_similar")
    return straight, reasons


def birth_score(a: PersonProbe, b: PersonProbe) -> tuple[float, str | None]:
    if a.birth_date is None or b.birth_date is None:
        return 0.0, None
    imprecise = (
        a.birth_date_precision is not BirthDatePrecision.EXACT
        or b.birth_date_precision is not BirthDatePrecision.EXACT
    )
    da, db = a.birth_date, b.birth_date
    if da.year != db.year:
        if imprecise and abs(da.year - db.year) == 1:
            return BIRTH_YEAR_NEAR_IMPRECISE, None
        return BIRTH_YEAR_DIFFERS, None
    if imprecise:
        return BIRTH_PARTIAL, "birth_year_placeholder"
    if da == db:
        return BIRTH_EXACT, "birth_date"
    if da.day == db.month and da.month == db.day:
        return BIRTH_TRANSPOSED, "birth_date_transposed"
    if da.day == db.day or da.month == db.month:
        return BIRTH_ONE_FIELD_DIFFERS, None
    return BIRTH_DIFFERS, None


def commonness_penalty(namesakes: float, birth_reason: str | None) -> float:
    """How much a common name lowers the score (0 for rare names; see the module docstring).

    ``namesakes``: expected number of *other* persons with the same name key born in the same
    year. Without any shared birth evidence the names alone already stay below the threshold.
    """
    if namesakes <= 0 or birth_reason is None:
        return 0.0
    if birth_reason != "birth_year_placeholder":  # exact or transposed day: far rarer
        namesakes /= DAYS_PER_YEAR
    return min(COMMON_MAX, COMMON_SCALE * math.log2(1 + 2 * namesakes))


def score(a: PersonProbe, b: PersonProbe, *, namesakes: float = 0.0) -> Match:
    """How likely ``a`` and ``b`` are the same person, with the reasons.

    ``namesakes``: expected number of other persons in the database with this name key and
    birth year (0 when unknown, as in the labelled set without a frequency): see
    :func:`commonness_penalty`.
    """
    names, reasons = name_score(a.keys, b.keys)
    total = NAME_WEIGHT * names
    birth, birth_reason = birth_score(a, b)
    total += birth
    if birth_reason:
        reasons.append(birth_reason)
    same_phone = bool(a.phone_digits) and a.phone_digits == b.phone_digits
    penalty = 0.0 if same_phone else commonness_penalty(namesakes, birth_reason)
    total -= penalty
    if a.nationalities and b.nationalities:
        if set(a.nationalities) & set(b.nationalities):
            total += NATIONALITY_OVERLAP
            reasons.append("nationality")
        else:
            total += NATIONALITY_DISJOINT
    if same_phone:
        total += PHONE_EQUAL
        reasons.append("phone")
    if a.sex is not None and b.sex is not None and a.sex is not b.sex:
        total += SEX_DIFFERS
    if penalty >= COMMON_REASON_FROM:
        reasons.append("common_name")
    return Match(round(max(0.0, min(1.0, total)), 3), tuple(reasons))
