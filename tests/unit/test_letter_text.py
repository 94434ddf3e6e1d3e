"""Text on its way into PDFs: cleaning, escaping, Arabic shaping and order, templates."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mzdesk.core import fonts, reference
from mzdesk.core.letters.flowables import wrap_text
from mzdesk.core.letters.templates import (
    TemplateError,
    labels,
    load_template,
    parse_template,
)
from mzdesk.core.letters.text import clean, has_rtl, markup, rtl_lines, visual

ARABIC = "مركز الهجرة"  # "migration centre"


def logical(text: str) -> str:
    """Undo shaping: NFKC folds Arabic presentation forms back to plain letters."""
    return unicodedata.normalize("NFKC", text)


def test_clean_and_markup_escape() -> None:
    assert clean("  a\t b \x00\r\nc\u200b  ") == "a b\nc"
    assert markup("<b>Fett</b> & Co\nZeile") == "&lt;b&gt;Fett&lt;/b&gt; &amp; Co<br/>Zeile"
    assert clean(None) == ""


@given(st.text())
@example("\u0590")  # found by Hypothesis in a newcomer's first run: bidi asserted on it
def test_markup_never_yields_tags(text: str) -> None:
    out = markup(text).replace("<br/>", "")
    assert "<" not in out and ">" not in out


# Right-to-left letters among any characters: what reaches python-bidi's algorithm.
RTL_AND_ANY = st.text(alphabet=st.one_of(st.sampled_from("محمد مرحبا (Mo) שלום"), st.characters()))


@given(RTL_AND_ANY)
@example("\u0590")
@example("مرحبا \u0378")
@example("محمد (Mohammed) \U0010ffff")
def test_every_text_with_right_to_left_letters_can_be_printed(text: str) -> None:
    fonts.register_fonts()
    for line in markup(text).split("<br/>"):
        assert "<" not in line and ">" not in line
    assert markup(text, base_rtl=True).count("<br/>") == clean(text).count("\n")
    assert rtl_lines(text, fonts.REGULAR, 10, 120)
    assert wrap_text(text, fonts.REGULAR, 10, 120)


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # unassigned in this Python's Unicode (no bidi class): a visible replacement character
        ("\u0590", "\ufffd"),
        ("مرحبا \u0378", "\ufffd ابحرم"),
        # a noncharacter and the direction isolates are not text (mzdesk.core.text): left out
        ("محمد (Mohammed) \U0010ffff", "(Mohammed) دمحم"),
        ("مرحبا \u2067x\u2069 \ufdd0", "x ابحرم"),
    ],
)
def test_unassigned_code_points_and_noncharacters_in_right_to_left_text(
    text: str, printed: str
) -> None:
    shown = visual(clean(text), base_rtl=True)
    assert logical(shown) == printed
    assert logical(markup(text, base_rtl=True)) == printed


def test_arabic_is_shaped_and_reversed() -> None:
    shown = visual(ARABIC, base_rtl=True)
    assert shown != ARABIC
    assert all("\ufb50" <= ch <= "\ufeff" or ch == " " for ch in shown)  # presentation forms
    # visual order: the last word comes first, each word reversed
    words = logical(shown).split(" ")
    assert [w[::-1] for w in reversed(words)] == ARABIC.split(" ")
    assert visual("Straße 5") == "Straße 5"  # Latin untouched
    assert not has_rtl("Олена Ковальчук") and has_rtl(ARABIC)


def test_brackets_are_mirrored_in_right_to_left_text() -> None:
    shown = visual("الحصول (الإطار)", base_rtl=True)
    assert shown.index("(") < shown.index(")")  # prints as "(…)", not ")…("
    assert shown[0] == "("  # the parenthesis ends the logical text: leftmost when shown


def test_allah_ligature_is_off_and_joiners_dropped() -> None:
    assert "\ufdf2" not in visual("الله أكبر", base_rtl=True)
    assert "\u200c" not in visual("می\u200cشود", base_rtl=True)


def test_rtl_lines_keep_the_first_words_on_the_first_line() -> None:
    fonts.register_fonts()
    text = " ".join(["كلمة"] * 6 + ["نهاية"])
    lines = rtl_lines(text, fonts.REGULAR, 10, 60)
    assert len(lines) > 1
    # each shown line reversed is logical order: the text's start is on the first line
    assert logical(lines[0])[::-1].startswith("كلمة")
    assert logical(lines[-1])[::-1].endswith("نهاية")
    assert "نهاية" not in logical(lines[0])[::-1]


def test_every_kind_has_a_loadable_template_in_both_languages() -> None:
    for language in ("de", "en"):
        assert "page" in labels(language)
        for kind in reference.codes("partner_kinds"):
            template = load_template(kind, language)
            assert template.required and "IDENTITY" in template.required
            assert set(template.required).isdisjoint(template.optional)


GOOD = """
[categories]
required: IDENTITY
[subject]
Betreff {purpose}
[salutation]
Hallo
[body]
Text {{wörtlich}}
[closing]
Gruß
"""


def test_template_fill_and_errors() -> None:
    template = parse_template(GOOD, "test")
    assert template.fill("subject", {"purpose": "X"}) == "Betreff X"
    assert template.fill("body", {}) == "Text {wörtlich}"
    with pytest.raises(TemplateError, match=r"\{purpose\}.*has no value"):
        template.fill("subject", {"purpose": ""})
    with pytest.raises(TemplateError, match=r"\{purpose\}"):
        template.fill("subject", {})
    with pytest.raises(TemplateError, match="unknown placeholders"):
        parse_template(GOOD.replace("{purpose}", "{notes}"), "test")
    with pytest.raises(TemplateError, match="missing sections"):
        parse_template(GOOD.replace("[closing]", "[extra]"), "test")
    with pytest.raises(TemplateError, match="unknown data categories"):
        parse_template(GOOD.replace("IDENTITY", "NOTES"), "test")


CONSENT_WORDS = ("einverstanden", "eingewilligt", "einwillig", "consent")


@pytest.mark.parametrize("language", ["de", "en"])
def test_only_the_consented_section_speaks_of_consent(language: str) -> None:
    """A letter without consent (an exception, a draft) must never claim one: the claim may
    stand only in [consented], which is printed when a consent covers the letter."""
    for kind in [*reference.codes("partner_kinds"), "default"]:
        template = load_template(kind, language)
        for section, text in template.sections.items():
            if section == "consented":
                continue
            assert not any(word in text.lower() for word in CONSENT_WORDS), (kind, section)


def test_the_consented_section_is_optional() -> None:
    template = parse_template(GOOD + "[consented]\nDie Person ist einverstanden.\n", "test")
    assert template.fill("consented", {}) == "Die Person ist einverstanden."
    assert "consented" not in parse_template(GOOD, "test").sections
