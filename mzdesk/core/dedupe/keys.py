"""Transliteration-aware name keys: pure functions, no database, no Qt.

Two levels of normalisation, both built on :func:`mzdesk.core.names.fold` (anyascii, lower
case):

* :func:`soft` keeps the vowels but evens out spelling conventions of German, English and
  French transliterations (``sch``/``sh``, ``tsch``/``ch``, ``w``/``v``, ``j``/``y``,
  ``kh``/``ch``/``h``, ``q``/``c``/``k``, ``ou``/``oo``/``u``, ``ee``/``i``, doubled letters),
  drops Arabic articles (``al-``/``el-``) and joins ``Abdul Rahman`` into one name. It is what
  similarity (Jaro-Winkler) is measured on.
* :func:`skeleton` is a phonetic key: the soft form's consonants only (a leading vowel, or a
  leading ``y``/``j`` before a vowel, becomes one ``a``), with the letters that
  transliterations swap merged (``g``/``h`` for Ukrainian vs Russian, ``z``/``s``/``sh``).
  ``Mohammed``, ``Muhammad``, ``Mohamad`` → ``mhmd``; ``Olena``, ``Elena``, ``Jelena`` →
  ``aln``; ``Oleksandr``, ``Aleksandr``, ``Alexander`` → ``alksndr``. Equal skeletons are the
  blocking key of the duplicate search and strong (not conclusive) name evidence.

Everything here is personal data in, personal data out: never log the results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mzdesk.core.names import fold

# Arabic article forms written as a separate word ("Al Ahmad", "Abd ar-Rahman").
ARTICLES = frozenset(
    {"al", "el", "ul", "ol", "ar", "as", "ash", "ad", "an", "at", "az", "ez", "ed"}
)
# Prefixes joined to the next word: "Abdul Rahman" = "Abdulrahman" = "Abdel-Rahman".
_ABD_WORD = frozenset(
    {"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdi", "abdur"}
)
_ABD_PREFIX = re.compile(r"^abd(?:ul|el|al|ol|oul|ur|ar|er|or|u|i)(?=[a-z]{3})")
# An article written together with a family name ("Alahmad"): dropped for family names only,
# and only before at least three more letters ("Alali" → "ali", "Ali" stays).
_ATTACHED_ARTICLE = re.compile(r"^(?:al|el)(?=[a-z]{3})")

# Ordered rewrites of the soft form; each applies to the result of the previous ones.
_SOFT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"tsch|tch", "ch"),  # Schewtschenko / Shevchenko
        (r"dsch|dzh", "j"),  # Hatidsche (j → y below)
        (r"dj", "d"),  # Djordjevic / Đorđević (anyascii: Dordevic)
        (r"sch", "sh"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"dh", "d"),
        (r"gh", "g"),  # Aghaoglu / Agaoglu, Ghebremichael / Gebremichael
        (r"kh|ch", "h"),  # Khaled / Chaled, Mikhail / Michail
        (r"ck|q|c", "k"),  # Qasim / Kasim, Kovacevic (c) after "ch" is gone
        (r"^x", "h"),  # Somali x = h: Xasan / Hassan
        (r"x", "ks"),  # Alexander / Aleksandr
        (r"w", "v"),  # Iwanow / Ivanov
        (r"j", "y"),  # Jelena / Yelena, Juri / Yuri
        (r"ou|oo", "u"),  # Yousef / Yusuf, Noor / Nur
        (r"ee|ie", "i"),  # Kareem / Karim
        (r"(?<=[aeiou])h$", ""),  # Sarah / Sara, Fatemah
        (r"([a-z])\1+", r"\1"),  # double letters: Mohammed / Mohamed, Hassan / Hasan
    )
)
_VOWEL_START = re.compile(r"^(?:y(?=[aeiou])|[aeiouy])+")
_VOWELS = re.compile(r"[aeiouy]+")
_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"sh|zh|z", "s"),  # Zahra / Sahra, Kuznetsov / Kusnezow
        (r"g", "h"),  # Serhii / Sergei, Halyna / Galina, Bohdan / Bogdan
        (r"ts", "s"),  # Hrytsenko / Gritsenko
        (r"([a-z])\1+", r"\1"),
    )
)


def _words(text: str) -> list[str]:
    """Folded words with articles removed and ``abd`` prefixes joined to the next word."""
    words = fold(text).split()
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in ARTICLES and len(words) > 1:
            index += 1
            continue
        if word in _ABD_WORD and index + 1 < len(words):
            following = index + 1
            while following < len(words) - 1 and words[following] in ARTICLES:
                following += 1
            out.append("abd" + words[following])
            index = following + 1
            continue
        out.append(word)
        index += 1
    return out


def _soft_word(word: str, *, family: bool) -> str:
    word = _ABD_PREFIX.sub("abd", word)
    if family:
        word = _ATTACHED_ARTICLE.sub("", word)
    for pattern, replacement in _SOFT_RULES:
        word = pattern.sub(replacement, word)
    return word


def _skeleton_word(soft_word: str) -> str:
    if not soft_word:
        return ""
    rest = _VOWEL_START.sub("", soft_word)
    head = "a" if len(rest) < len(soft_word) else ""
    for pattern, replacement in _SKELETON_RULES:
        rest = pattern.sub(replacement, rest)
    rest = _VOWELS.sub("", rest)
    rest = re.sub(r"([a-z])\1+", r"\1", rest)
    return head + rest


@lru_cache(maxsize=65536)
def soft_words(text: str, family: bool = False) -> tuple[str, ...]:
    """The soft form of each word of a name (articles dropped, ``Abdul Rahman`` joined)."""
    return tuple(w for w in (_soft_word(word, family=family) for word in _words(text)) if w)


def soft(text: str, *, family: bool = False) -> str:
    """One name part as its soft form, words joined without spaces."""
    return "".join(soft_words(text, family))


@lru_cache(maxsize=65536)
def skeleton_words(text: str, family: bool = False) -> tuple[str, ...]:
    return tuple(_skeleton_word(word) for word in soft_words(text, family))


def skeleton(text: str, *, family: bool = False) -> str:
    """The phonetic key of a whole name part (``Al-Ahmad`` = ``Alahmad`` = ``Al Ahmad``)."""
    return _skeleton_word("".join(soft_words(text, family)))


@dataclass(frozen=True)
class NameKeys:
    """What matching needs from a person's family and given names."""

    family_soft: str  # family mode: attached "al-" dropped
    family_skeleton: str
    given_soft: str  # all given names joined
    given_skeleton: str
    given_words: tuple[str, ...]  # soft form per given name
    given_word_skeletons: tuple[str, ...]
    family_plain_soft: str  # family name in given mode, for swapped names
    family_plain_skeleton: str

    @property
    def first_given_skeleton(self) -> str:
        return self.given_word_skeletons[0] if self.given_word_skeletons else ""


@lru_cache(maxsize=262144)
def name_keys(family_name: str, given_names: str) -> NameKeys:
    given_words = soft_words(given_names, False)
    return NameKeys(
        family_soft=soft(family_name, family=True),
        family_skeleton=skeleton(family_name, family=True),
        given_soft="".join(given_words),
        given_skeleton=skeleton(given_names),
        given_words=given_words,
        given_word_skeletons=tuple(_skeleton_word(word) for word in given_words),
        family_plain_soft=soft(family_name),
        family_plain_skeleton=skeleton(family_name),
    )
