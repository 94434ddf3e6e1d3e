"""Characters that have no place in typed text: one rule for every entry (form, CLI, CSV, kit).

Names and free text reach the screen, letters, exports and other people's databases, so a
character nobody can see is a problem there: a NUL (PostgreSQL refuses it, C libraries cut
the text at it), a control character, a right-to-left override that makes ``Ali‮abc`` show
as "Alicba", a zero-width space that makes two equal-looking names different. This module
finds them (:func:`bad_characters`) and takes them out (:func:`clean_text`) by the same rule:

* **control** — the C0 and C1 control characters and DEL, and the line and paragraph
  separators (U+2028, U+2029). In multi-line text (notes) a tab and a line feed are text;
  :func:`clean_text` turns CR LF, CR and the separators into a line feed there, and in
  one-line text turns every whitespace control into a space.
* **direction** — the explicit bidi embeddings, overrides and isolates (U+202A–U+202E,
  U+2066–U+2069) and the marks LRM, RLM and ALM (U+200E, U+200F, U+061C). The marks are
  kept in multi-line text, where they are how a German sentence quoting Arabic keeps its
  punctuation in place, and cannot reorder anything by themselves; a name is one script per
  field and never needs them.
* **invisible** — every other format character (Unicode category Cf): zero-width space,
  word joiner, byte order mark, soft hyphen, invisible operators, tag characters … and the
  two stand-alone Hangul fillers (U+3164, U+FFA0) that show as nothing.
  The zero-width non-joiner and joiner (U+200C, U+200D) are part of correct spelling between
  two letters of a script that joins or forms conjuncts: Persian writes ``می‌خواهم`` and
  names such as ``نیک‌نام`` with a ZWNJ, Hindi and Malayalam use both after a virama. There
  (a letter or mark of the same such script on both sides) they are kept; anywhere else —
  in a Latin name, at the start or end, next to a space — they are refused or cleaned.
* **invalid** — lone surrogates (undecodable bytes of a command line) and the Unicode
  noncharacters (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF).

Code points that are unassigned in this Python's Unicode version are left alone (a newer
letter or emoji would otherwise be refused), and so are private-use characters.

Which fields refuse and which clean: a name, an address, a phone number or an e-mail is an
identity — silently changing it could make two persons look alike or different, so the
entry is refused with a field error that says which kind of character and where
(:func:`checked_name`, :class:`BadText`). Free text (notes, summaries, purposes, reasons,
descriptions) is cleaned (:func:`clean_text`): it is prose, often pasted from a mail or a
messenger that brings such characters along, and refusing two pages for an invisible one
would help nobody.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from mzdesk.core.errors import MzdeskError

ZWNJ, ZWJ = "\u200c", "\u200d"
LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85")
_DIRECTION = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM
_FILLERS = frozenset("\u3164\uffa0")
# Scripts in which ZWNJ/ZWJ between two of their letters change the shaping (Unicode's
# joining-type and Indic conjunct scripts), by the first word of the characters' names.
_JOINING_SCRIPTS = frozenset(
    {
        "ARABIC",
        "SYRIAC",
        "NKO",
        "MANDAIC",
        "MONGOLIAN",
        "DEVANAGARI",
        "BENGALI",
        "GURMUKHI",
        "GUJARATI",
        "ORIYA",
        "TAMIL",
        "TELUGU",
        "KANNADA",
        "MALAYALAM",
        "SINHALA",
        "KHMER",
        "MYANMAR",
    }
)


class Kind(StrEnum):
    CONTROL = "control"
    DIRECTION = "direction"
    INVISIBLE = "invisible"
    INVALID = "invalid"


_ENGLISH = {
    Kind.CONTROL: "an invisible control character",
    Kind.DIRECTION: "an invisible text-direction control character",
    Kind.INVISIBLE: "an invisible zero-width character",
    Kind.INVALID: "a character that is not valid text",
}
_GERMAN = {
    Kind.CONTROL: "ein unsichtbares Steuerzeichen",
    Kind.DIRECTION: "ein unsichtbares Steuerzeichen für die Schreibrichtung",
    Kind.INVISIBLE: "ein unsichtbares Zeichen ohne Breite",
    Kind.INVALID: "ein ungültiges Zeichen",
}


@dataclass(frozen=True)
class BadCharacter:
    """One character that does not belong in the text: where (1-based) and which kind."""

    position: int
    char: str
    kind: Kind

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def message(self) -> str:
        return f"contains {_ENGLISH[self.kind]} ({self.code}) at position {self.position}"

    @property
    def german(self) -> str:
        return f"enthält {_GERMAN[self.kind]} ({self.code}) an Stelle {self.position}"

    @property
    def german_sentence(self) -> str:
        """The German text as a sentence of its own (under a form's field)."""
        return f"E{self.german[1:]}."


class BadText(MzdeskError):
    """A name or other identity field holds a character of :class:`Kind` (nothing changed)."""

    def __init__(self, field: str, german_field: str, bad: BadCharacter) -> None:
        super().__init__(f"{field} {bad.message}", german=f"{german_field} {bad.german}.")
        self.field = field
        self.bad = bad


def _noncharacter(point: int) -> bool:
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def _joining_script(char: str) -> str | None:
    if not unicodedata.category(char).startswith(("L", "M")):
        return None
    script = unicodedata.name(char, "").split(" ", 1)[0]
    return script if script in _JOINING_SCRIPTS else None


def _joins(text: str, index: int) -> bool:
    """A ZWNJ/ZWJ at ``index`` sits between two letters or marks of one joining script."""
    if index == 0 or index == len(text) - 1:
        return False
    before = _joining_script(text[index - 1])
    return before is not None and before == _joining_script(text[index + 1])


def _kind(text: str, index: int, multiline: bool) -> Kind | None:
    char = text[index]
    if multiline and char in "\t\n":
        return None
    category = unicodedata.category(char)
    if category in ("Cc", "Zl", "Zp"):
        return Kind.CONTROL
    if category == "Cs" or _noncharacter(ord(char)):
        return Kind.INVALID
    if char in _DIRECTION:
        return Kind.DIRECTION
    if char in _MARKS:
        return None if multiline else Kind.DIRECTION
    if char in (ZWNJ, ZWJ) and _joins(text, index):
        return None
    if category == "Cf" or char in _FILLERS:
        return Kind.INVISIBLE
    return None


def _suspect(text: str) -> bool:
    """Quick pre-check: ``isprintable`` is False for every category this module refuses."""
    return not text.isprintable() or not _FILLERS.isdisjoint(text)


def bad_characters(text: str, *, multiline: bool = False) -> Iterator[BadCharacter]:
    """Every character of ``text`` that does not belong there, in order."""
    if not _suspect(text):
        return
    for index in range(len(text)):
        kind = _kind(text, index, multiline)
        if kind is not None:
            yield BadCharacter(index + 1, text[index], kind)


def find_bad_character(text: str, *, multiline: bool = False) -> BadCharacter | None:
    """The first character of ``text`` that does not belong there, or None."""
    return next(bad_characters(text, multiline=multiline), None)


def clean_text(text: str, *, multiline: bool = False) -> str:
    """``text`` without the characters :func:`bad_characters` finds (see the module notes):
    line breaks become ``\\n`` (multi-line) or a space (one line), the rest is left out."""
    if not _suspect(text):
        return text
    if multiline:
        for line_break in LINE_BREAKS:
            text = text.replace(line_break, "\n")
    kept: list[str] = []
    for index, char in enumerate(text):
        if _kind(text, index, multiline) is None:
            kept.append(char)
        elif not multiline and (char.isspace() or unicodedata.category(char) in ("Zl", "Zp")):
            kept.append(" ")
    return "".join(kept)


def checked_name(text: str, field: str, german_field: str) -> str:
    """``text`` unchanged if it holds no bad character; else :class:`BadText` for ``field``
    (English name) / ``german_field`` (as the form labels it, e.g. "Familienname")."""
    bad = find_bad_character(text)
    if bad is not None:
        raise BadText(field, german_field, bad)
    return text
