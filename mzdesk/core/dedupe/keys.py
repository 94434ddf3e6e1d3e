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

Names typed or recorded in Arabic script have no written short vowels: :func:`variant_keys`
reads the script's long vowels (``و``, ``ي``) as vowels, an initial hamza or ``ع`` as a
leading vowel, a final ``ة`` as ``a`` and drops the article ``ال``, so ``يوسف`` has the
skeleton of *Yusuf*, ``محمد`` that of *Mohammed*, ``عبد الرحمن`` that of *Abdulrahman*.
:func:`variant_keys` is what search while typing indexes beside the folded text, so a person
found by the duplicate check under a spelling is found by the search too.

Everything here is personal data in, personal data out: never log the results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from mzdesk.core.names import fold
from mzdesk.core.resources import resource_path

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


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_ARTICLE = re.compile(r"^\u0627\u0644(?=\S{2})")  # "ال" before two more letters
_ARABIC_MARKS = re.compile(r"['`]")


def _arabic_word(word: str) -> str:
    """An Arabic-script word in Latin letters with its vowels read (see the module text)."""
    word = _ARABIC_ARTICLE.sub("", word)
    latin = anyascii(word).lower()
    latin = re.sub(r"^['`]", "a", latin)  # initial hamza / ain: a leading vowel
    latin = _ARABIC_MARKS.sub("", latin)
    if latin.endswith("h") and word.endswith("\u0629"):  # ta marbuta: Fatimah / Fatima
        latin = latin[:-1] + "a"
    head, rest = latin[:1], latin[1:]
    rest = rest.replace("w", "u").replace("y", "i")  # the long vowels inside a word
    return fold(head + rest)


def name_words(text: str | None) -> list[str]:
    """The words of a name as search keys see them: Arabic-script words read with their
    vowels (:func:`_arabic_word`), every other script folded (anyascii)."""
    return list(_name_words(text or ""))


@lru_cache(maxsize=65536)
def _name_words(text: str) -> tuple[str, ...]:
    words: list[str] = []
    for raw in text.split():
        words.extend((_arabic_word(raw) if _ARABIC.search(raw) else fold(raw)).split())
    return tuple(words)


_VOWEL_RUN = re.compile(r"[aeiouy]+")
MAX_KEY_LENGTH = 40  # like a search word: a pasted novel makes no endless key


@lru_cache(maxsize=65536)
def shape_keys(text: str) -> frozenset[str]:
    """The narrower keys of a name's words: the soft form with each run of vowels as one
    ``9`` — Haddad and Hadad share ``h9d9d``, Hadi (``h9d9``) and Hoda do not, though all
    share the skeleton ``hd``. The search falls back to these when a skeleton is so common
    that its persons are too many to compare one by one."""
    keys = set()
    for word in soft_words(" ".join(_name_words(text))):
        if len(word) >= 3:
            keys.add(_VOWEL_RUN.sub("9", word)[:MAX_KEY_LENGTH])
    return frozenset(keys)


_SPLIT_SUFFIXES = ("zade",)  # Persian -zadeh: "Hosseinzadeh" = "Hossein Zadeh"
_PARTICLES = frozenset({"bin", "ibn", "ben", "bint"})  # "bin Salem": the particle is no key


def _compound_parts(soft_word: str) -> list[str]:
    """A joined compound's parts in soft form ("abdrahman" → "abd", "rahman"), so that the
    spaced and the joined spelling share keys."""
    if soft_word.startswith("abd") and len(soft_word) >= 6:
        return ["abd", soft_word[3:]]
    for suffix in _SPLIT_SUFFIXES:
        if soft_word.endswith(suffix) and len(soft_word) >= len(suffix) + 3:
            return [soft_word[: -len(suffix)], suffix]
    return []


@lru_cache(maxsize=65536)
def variant_keys(text: str) -> frozenset[str]:
    """The phonetic keys a name (one word, or a name part of several) is indexed and searched
    under: the skeleton of each word, as a given and, where it differs, as a family name (an
    attached ``al-`` dropped); of the whole part when it has several words; and of a joined
    compound's parts. Keys of words of one or two letters are left out (too many names share
    them), as are the particles ``bin``/``ibn``."""
    words = [word for word in name_words(text) if word not in _PARTICLES]
    if not words:
        return frozenset()
    keys: set[str] = set()
    pieces = [words] if len(words) == 1 else [[word] for word in words] + [words]
    for piece in pieces:
        joined = " ".join(piece)
        if len(joined.replace(" ", "")) < 3:
            continue
        keys.add(skeleton(joined))
        keys.add(skeleton(joined, family=True))
        for word in soft_words(joined):
            for part in _compound_parts(word):
                keys.add(_skeleton_word(part))
            keys.update(given_name_form_keys(word))
    return frozenset(key[:MAX_KEY_LENGTH] for key in keys if len(key) >= 2)


@lru_cache(maxsize=1)
def _given_name_forms() -> dict[str, int]:
    """Each form of resources/names/given_name_forms.json → the number of its group."""
    import json

    data = json.loads(resource_path("names", "given_name_forms.json").read_text("utf-8"))
    return {
        _soft_word(form, family=False): group
        for group, forms in enumerate(data["groups"])
        for form in forms
    }


def same_given_name(soft_a: str, soft_b: str) -> bool:
    """Whether two soft name words are forms of one given name in different languages
    (Mykola / Nikolai, Kateryna / Jekaterina: resources/names/given_name_forms.json)."""
    forms = _given_name_forms()
    group = forms.get(soft_a)
    return group is not None and group == forms.get(soft_b)


def given_name_form_keys(soft_word: str) -> frozenset[str]:
    """The phonetic keys of every form of the given name ``soft_word`` is a form of."""
    forms = _given_name_forms()
    group = forms.get(soft_word)
    if group is None:
        return frozenset()
    return frozenset(_skeleton_word(form) for form, g in forms.items() if g == group)
