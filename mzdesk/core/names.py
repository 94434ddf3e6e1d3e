"""Folding names for sorting and search: any script to lower-case ASCII (anyascii)."""

from __future__ import annotations

import re
from datetime import date

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


_NON_DIGIT = re.compile(r"\D+")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
GERMAN_COUNTRY_PREFIX = "0049"


def phone_key(text: str | None) -> str:
    """A phone number as digits only, in one form whatever way it was written.

    ``+49 176 123``, ``+49 (0)176 123``, ``0049 176 123`` and ``0176/123`` all become
    ``0176123``; another
    country's ``+963 …`` becomes ``00963…`` (the same as typing ``00963 …``).
    """
    if not text:
        return ""
    digits = _NON_DIGIT.sub("", text.replace("(0)", ""))  # "+49 (0)176 …"
    if text.lstrip().startswith("+"):
        digits = "00" + digits
    if digits.startswith(GERMAN_COUNTRY_PREFIX):
        digits = "0" + digits[len(GERMAN_COUNTRY_PREFIX) :]
    return digits


def date_key(value: date) -> str:
    """A birth date as one search token, ``yyyymmdd``: typing the year finds it by prefix."""
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def person_search_text(
    *,
    family_name: str | None,
    given_names: str | None,
    family_name_original: str | None = None,
    given_names_original: str | None = None,
    file_number: str | None = None,
    phone: str | None = None,
    birth_date: date | None = None,
) -> str:
    """What the person search matches against: space-separated ``[a-z0-9]`` tokens.

    Names in Latin transliteration and in the original script, folded the same way as a
    query (so an Arabic query finds the Arabic original, ``agaoglu`` finds ``Ağaoğlu``); the
    file number's parts, plus each number part without its leading zeros (``MZ-2024-000123``
    → ``mz 2024 000123 123``); the phone as :func:`phone_key`; the birth date as
    :func:`date_key`; and the names' phonetic keys (:func:`variant_tokens`), which the search
    uses for "ähnliche Schreibweise". Never logged: it is personal data.
    """
    parts = [
        fold(family_name),
        fold(given_names),
        fold(family_name_original),
        fold(given_names_original),
    ]
    file_tokens = fold(file_number).split()
    parts.extend(file_tokens)
    parts.extend(
        stripped
        for token in file_tokens
        if token.isdigit() and (stripped := _LEADING_ZEROS.sub("", token)) != token
    )
    parts.append(phone_key(phone))
    if birth_date is not None:
        parts.append(date_key(birth_date))
    parts.extend(
        variant_tokens(family_name, given_names, family_name_original, given_names_original)
    )
    return " ".join(part for part in parts if part)


VARIANT_PREFIX = "0v"  # no folded word, number, phone or date token starts like this


def variant_token(key: str) -> str:
    """A phonetic key as a token of the search text (``asf`` → ``0vasf``)."""
    return VARIANT_PREFIX + key


def variant_tokens(*names: str | None) -> list[str]:
    """The phonetic keys of the names (``dedupe.keys.variant_keys``: the duplicate check's
    knowledge of spellings) as search tokens, sorted, each once."""
    from mzdesk.core.dedupe.keys import shape_keys, variant_keys  # keys builds on fold

    keys: set[str] = set()
    shapes: set[str] = set()
    for name in names:
        if name:
            keys.update(variant_keys(name))
            shapes.update(shape_keys(name))
    return [variant_token(key) for key in sorted(keys)] + [
        shape_token(shape) for shape in sorted(shapes)
    ]


SHAPE_PREFIX = "0w"


def shape_token(key: str) -> str:
    """A name word's shape key (``dedupe.keys.shape_keys``) as a search token."""
    return SHAPE_PREFIX + key
