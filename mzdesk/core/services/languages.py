"""Languages as typed at the fair or in an attendee list: names to reference codes, levels.

``arabisch, englisch b1`` → Arabic (no level), English B1 (:func:`parse_languages`); a
language from its code or its German or English name (:func:`language_code`); a German level
A1 … C2 or native (:func:`german_level`). What cannot be read is an :class:`EventError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mzdesk.core import reference
from mzdesk.core.names import fold
from mzdesk.core.services.events import EventError

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


@dataclass(frozen=True)
class LanguageEntry:
    code: str  # reference "languages"
    level: str | None = None  # A1 … C2, NATIVE


def german_level(text: str | None) -> str | None:
    """``b1`` → ``B1``; empty → None; anything else refused."""
    value = (text or "").strip().upper()
    if not value:
        return None
    if value in ("MUTTERSPRACHE", "NATIVE", "M"):
        return "NATIVE"
    if value not in (*CEFR_LEVELS, "NATIVE"):
        raise EventError(
            f"German level must be A1 … C2, not {text!r}",
            german=f"Deutschniveau bitte als A1 … C2 angeben, nicht {text!r}.",
        )
    return value


_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _spellings(label: str) -> set[str]:
    """A label folded (case and accents ignored), also with umlauts written ae/oe/ue."""
    return {fold(label), fold(label.translate(_UMLAUTS))} - {""}


def _label_names(label: str) -> tuple[set[str], set[str]]:
    """The whole label, and its parts: before and inside the parentheses.
    ``Persisch (Farsi)`` → ({"persisch farsi"}, {"persisch", "farsi"})."""
    parts = [label.split("(", 1)[0], *re.findall(r"\(([^)]*)\)", label)]
    return _spellings(label), set().union(*(_spellings(part) for part in parts))


@cache
def _language_names() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Per language (reference order): its code, whole names (code, German and English label)
    and part names ("Farsi", "Persisch", "Kurmandschi", "Kurdish", …)."""
    result = []
    for item in reference.items("languages"):
        whole, parts = {fold(item.code)}, set()
        for text in (item.de, item.en):
            label_whole, label_parts = _label_names(text)
            whole |= label_whole
            parts |= label_parts
        result.append((item.code, frozenset(whole), frozenset(parts)))
    return tuple(result)


def language_code(text: str) -> str:
    """A language from its code or its German or English name, case and accents ignored.

    In this order: the code or a whole label (``Persisch (Farsi)``); a part of a label — before
    or inside the parentheses (``Farsi``, ``Persisch``, ``Kurmandschi``); a unique start of a
    name (``Ukr``). A part shared by several languages (``Kurdisch``: Kurmandschi and Sorani)
    means the first of them in the reference data, which lists the general one first (``ku``,
    ISO 639-1 "Kurdish"). Unknown: :class:`EventError`.
    """
    wanted = fold(text)
    if wanted:
        names = _language_names()
        for code, whole, _parts in names:
            if wanted in whole:
                return code
        for code, _whole, parts in names:
            if wanted in parts:
                return code
        starts = {
            code for code, whole, parts in names if any(n.startswith(wanted) for n in whole | parts)
        }
        if len(wanted) >= 3 and len(starts) == 1:
            return starts.pop()
    raise EventError(f"unknown language {text!r}", german=f"Unbekannte Sprache {text!r}.")


def parse_languages(text: str | None) -> tuple[LanguageEntry, ...]:
    """``arabisch, englisch b1`` → Arabic (no level), English B1. Separators: , ; /"""
    entries: dict[str, LanguageEntry] = {}
    for part in re.split(r"[,;/]", text or ""):
        words = part.split()
        if not words:
            continue
        level = None
        if len(words) > 1 and words[-1].upper() in (*CEFR_LEVELS, "NATIVE"):
            level = words.pop().upper()
        code = language_code(" ".join(words))
        entries.setdefault(code, LanguageEntry(code, level))
    return tuple(entries.values())
