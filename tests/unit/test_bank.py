"""The IBAN and BIC checks of the letterhead's bank details (ISO 13616 mod 97)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mzdesk.core import org_settings
from mzdesk.core.letters import bank
from mzdesk.core.org_settings import InvalidSetting

EXAMPLE = "DE89370400440532013000"  # the usual example IBAN (Commerzbank Köln)


def with_check_digits(country: str, account: str) -> str:
    """An IBAN computed the standard way (98 - number with "00" mod 97)."""
    number = int("".join(str(int(char, 36)) for char in account + country + "00"))
    return f"{country}{98 - number % 97:02d}{account}"


def test_the_example_iban_passes_typed_in_any_usual_way() -> None:
    for typed in (EXAMPLE, "DE89 3704 0044 0532 0130 00", " de89 3704 0044 0532 0130 00 "):
        assert bank.check_iban(typed) == EXAMPLE
    assert bank.grouped(EXAMPLE) == "DE89 3704 0044 0532 0130 00"
    assert bank.check_iban("AT61 1904 3002 3457 3201") == "AT611904300234573201"


@given(st.text(alphabet="0123456789", min_size=18, max_size=18))
def test_computed_german_ibans_pass(account: str) -> None:
    iban = with_check_digits("DE", account)
    assert bank.check_iban(iban) == iban


@given(
    st.text(alphabet="0123456789", min_size=18, max_size=18),
    st.integers(min_value=4, max_value=21),
    st.integers(min_value=1, max_value=9),
)
def test_any_single_wrong_digit_is_caught(account: str, position: int, shift: int) -> None:
    iban = with_check_digits("DE", account)
    wrong = iban[:position] + str((int(iban[position]) + shift) % 10) + iban[position + 1 :]
    with pytest.raises(bank.InvalidBankDetail) as raised:
        bank.check_iban(wrong)
    assert "Prüfziffern" in raised.value.german


@pytest.mark.parametrize(
    ("typed", "german"),
    [
        ("DE89 3704 0044 0532 0130 01", "Prüfziffern passen nicht"),
        ("DE89 3704 0044 0532 0130", "22 Stellen, diese hat 20"),
        ("3704 0044 0532 0130 00", "Ländercode und zwei Prüfziffern"),
        ("DE89-3704!0044", "Ländercode und zwei Prüfziffern"),
    ],
)
def test_wrong_ibans_are_refused_with_a_german_reason(typed: str, german: str) -> None:
    with pytest.raises(bank.InvalidBankDetail) as raised:
        bank.check_iban(typed)
    assert german in raised.value.german


def test_bic() -> None:
    assert bank.check_bic("cobadeffxxx") == "COBADEFFXXX"
    assert bank.check_bic("COBADEFF") == "COBADEFF"
    with pytest.raises(bank.InvalidBankDetail, match="not a BIC"):
        bank.check_bic("COBADE")


def test_the_settings_keys_check_and_clean_what_is_typed() -> None:
    iban = org_settings.declared("letterhead.iban")
    assert org_settings.coerce(iban, "de89 3704 0044 0532 0130 00") == EXAMPLE
    assert org_settings.coerce(iban, "  ") == ""  # empty: no bank details
    with pytest.raises(InvalidSetting) as raised:
        org_settings.coerce(iban, "DE89 3704 0044 0532 0130 01")
    assert raised.value.german.startswith("IBAN: Die Prüfziffern passen nicht")
    assert "letterhead.iban" in str(raised.value)
    with pytest.raises(InvalidSetting) as raised:
        org_settings.coerce(org_settings.declared("letterhead.bic"), "COBA")
    assert raised.value.german.startswith("BIC: Ein BIC hat 8 oder 11 Stellen")
