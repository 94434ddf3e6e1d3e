"""The rule for characters that have no place in typed text (F12), as properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mzdesk.core.errors import MzdeskError
from mzdesk.core.text import (
    BadText,
    Kind,
    bad_characters,
    checked_name,
    clean_text,
    find_bad_character,
)

CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))] + ["\u2028", "\u2029"]
DIRECTION = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
MARKS = ["\u200e", "\u200f", "\u061c"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2062", "\U000e0041"]
INVALID = ["\ud800", "\udcff", "\ufdd0", "\ufffe", "\uffff", "\U0010ffff"]
BAD_IN_A_NAME = CONTROLS + DIRECTION + MARKS + INVISIBLE + INVALID

# Letters, digits, punctuation and ordinary spaces of the scripts clients' names come in.
LATIN = "abcdefghijklmnopqrstuvwxyzÄÖÜäöüßçğışéèñ -'."
OTHER = "ОленаЛюдмилаالحمودعثمانمحمدنیکنامگلزارआशाမြန်မာ"
plain_text = st.text(alphabet=LATIN + OTHER + "0123456789()/,;:!?")
any_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(LATIN + OTHER),
        st.sampled_from([*BAD_IN_A_NAME, "\t", "\n", "\r"]),
        st.characters(codec=None),
    )
)


@given(any_text, st.booleans())
def test_cleaned_text_has_nothing_left_to_find(text: str, multiline: bool) -> None:
    cleaned = clean_text(text, multiline=multiline)
    assert find_bad_character(cleaned, multiline=multiline) is None
    assert clean_text(cleaned, multiline=multiline) == cleaned


def _subsequence(part: list[str], whole: str) -> bool:
    rest = iter(whole)
    return all(any(c == k for k in rest) for c in part)


@given(any_text, st.booleans())
def test_clean_text_changes_only_what_is_found(text: str, multiline: bool) -> None:
    found = {bad.position for bad in bad_characters(text, multiline=multiline)}
    cleaned = clean_text(text, multiline=multiline)
    if not found:
        assert cleaned == text
    # nothing new comes in but line breaks (multi-line) or spaces (one line) ...
    assert set(cleaned) <= set(text) | {"\n" if multiline else " "}
    # ... and every character that is not found stays, in order
    good = [c for i, c in enumerate(text, start=1) if i not in found and c not in "\r\n"]
    assert _subsequence(good, cleaned)


@given(plain_text, st.booleans())
def test_ordinary_names_pass_unchanged(text: str, multiline: bool) -> None:
    assert find_bad_character(text, multiline=multiline) is None
    assert clean_text(text, multiline=multiline) == text
    assert checked_name(text, "family_name", "Familienname") == text


@given(plain_text, st.sampled_from(BAD_IN_A_NAME), plain_text)
def test_any_bad_character_in_a_name_is_found_where_it_is(
    before: str, bad: str, after: str
) -> None:
    if bad in ("\u200c", "\u200d"):
        before, after = before + "a", "b" + after  # between Latin letters: not spelling
    found = find_bad_character(before + bad + after)
    assert found is not None
    assert (found.position, found.char) == (len(before) + 1, bad)
    assert found.code == f"U+{ord(bad):04X}"
    with pytest.raises(BadText) as refused:
        checked_name(before + bad + after, "family_name", "Familienname")
    assert isinstance(refused.value, MzdeskError)
    assert refused.value.german.startswith("Familienname enthält ")
    assert "\n" not in str(refused.value) and bad not in str(refused.value)


@pytest.mark.parametrize(
    "name",
    [
        "نیک\u200cنام",  # Niknam (Persian)
        "شاه\u200cحسینی",  # Shah-Hosseini
        "می\u200cخواهم",
        "क्\u200dष",  # Devanagari: ZWJ after a virama
        "ക്\u200cക",  # Malayalam: ZWNJ after a virama
    ],
)
def test_joiners_inside_a_joining_script_are_spelling(name: str) -> None:
    assert find_bad_character(name) is None
    assert clean_text(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "Mc\u200cDonald",  # Latin: no joining
        "\u200cنیکنام",  # at the start
        "نیک\u200c",  # at the end
        "نیک\u200c نام",  # next to a space
        "نیک\u200cNam",  # between two scripts
        "Ол\u200dена",  # Cyrillic does not join
    ],
)
def test_joiners_elsewhere_are_refused(name: str) -> None:
    found = find_bad_character(name)
    assert found is not None and found.kind is Kind.INVISIBLE
    assert "\u200c" not in clean_text(name).replace("\u200d", "\u200c")


def test_kinds_and_messages() -> None:
    cases = {
        "Nul\x00Name": (Kind.CONTROL, 4, "unsichtbares Steuerzeichen (U+0000)"),
        "Ali\u202eabc": (Kind.DIRECTION, 4, "Schreibrichtung (U+202E)"),
        "Ali\u200b": (Kind.INVISIBLE, 4, "ohne Breite (U+200B)"),
        "\x01Ali": (Kind.CONTROL, 1, "Steuerzeichen (U+0001)"),
        "Ali\udcff": (Kind.INVALID, 4, "ungültiges Zeichen (U+DCFF)"),
    }
    for text, (kind, position, german) in cases.items():
        found = find_bad_character(text)
        assert found is not None
        assert (found.kind, found.position) == (kind, position)
        assert german in found.german and f"Stelle {position}" in found.german
        assert found.code in found.message and found.message.startswith("contains ")


def test_multiline_keeps_tabs_line_breaks_and_direction_marks() -> None:
    note = "Termin\tJobcenter\r\nSagte: \u200fمرحبا\u200f.\u2028Ende\rSchluss"
    cleaned = clean_text(note, multiline=True)
    assert cleaned == "Termin\tJobcenter\nSagte: \u200fمرحبا\u200f.\nEnde\nSchluss"
    assert find_bad_character(cleaned, multiline=True) is None
    assert find_bad_character(note.replace("\r", ""), multiline=True) is not None  # U+2028
    # but overrides and isolates go, and so do NUL and the zero-width space
    assert clean_text("a\u202eb\u2067c\u2069\x00d\u200be", multiline=True) == "abcde"


def test_one_line_turns_line_breaks_into_spaces() -> None:
    assert clean_text("Gespräch\nmit\tJobcenter\u2028heute") == "Gespräch mit Jobcenter heute"
    assert clean_text("\ufeffKurs\u00adträger\x00") == "Kursträger"
