"""The spreadsheet cell rule (F8) on its own: formula starts get a quote, numbers stay."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from mzdesk.core.exports.cells import FORMULA_STARTS, spreadsheet_text, spreadsheet_value


def test_examples() -> None:
    assert spreadsheet_text('=HYPERLINK("http://127.0.0.1/x","y")').startswith("'=")
    assert spreadsheet_text("@SUM(1)") == "'@SUM(1)"
    assert spreadsheet_text("-1+2") == "'-1+2"
    assert spreadsheet_text("\t=1") == "'\t=1"
    assert spreadsheet_text("\r=1") == "'\r=1"
    assert spreadsheet_text("\x00=1") == "'=1"  # the NUL cannot hide the formula
    assert spreadsheet_text("Jobmesse Kreishaus") == "Jobmesse Kreishaus"
    assert spreadsheet_text("'quoted") == "'quoted"
    assert spreadsheet_value(-5) == -5 and spreadsheet_value(-4.5) == -4.5
    assert spreadsheet_value(date(2025, 5, 20)) == date(2025, 5, 20)
    assert spreadsheet_value(None) is None


@given(st.text())
def test_never_a_formula_and_nothing_else_lost(text: str) -> None:
    result = spreadsheet_text(text)
    assert not result.startswith(FORMULA_STARTS)
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in result)
    kept = "".join(c for c in text if not (ord(c) < 32 and c not in "\t\n\r"))
    kept = kept.replace("\ufffe", "").replace("\uffff", "")
    assert result in (kept, "'" + kept)
    assert (result == kept) == (not kept.startswith(FORMULA_STARTS))


@given(st.one_of(st.integers(), st.floats(allow_nan=False)))
def test_numbers_stay_numbers(value: float) -> None:
    assert spreadsheet_value(value) == value
