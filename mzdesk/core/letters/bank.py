"""Bank details of the letterhead: the IBAN and BIC checked when typed, printed in groups.

The IBAN check is ISO 13616's: two letters of country, two check digits, up to 30 letters or
digits of account number; moved to the end, letters as numbers (A = 10 … Z = 35), the whole
is 1 modulo 97. That catches every single wrong character and nearly every swapped pair. A
German IBAN must also have its 22 characters (other countries' lengths are not checked).
"""

from __future__ import annotations

import re

from mzdesk.core.errors import MzdeskError

_IBAN = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")
_BIC = re.compile(r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
EXAMPLE = "DE89 3704 0044 0532 0130 00"


class InvalidBankDetail(MzdeskError):
    """An IBAN or BIC that cannot be right."""


def compact(text: str) -> str:
    """Without spaces (as typed or copied in groups), in capitals."""
    return "".join(text.split()).upper()


def check_iban(text: str) -> str:
    """The IBAN in ``text`` without spaces, or :class:`InvalidBankDetail` saying why not."""
    iban = compact(text)
    if not _IBAN.fullmatch(iban):
        raise InvalidBankDetail(
            f"{text!r} is not an IBAN (country code, two check digits, account number)",
            german=f"Eine IBAN beginnt mit dem Ländercode und zwei Prüfziffern, z. B. {EXAMPLE}.",
        )
    if iban.startswith("DE") and len(iban) != 22:
        raise InvalidBankDetail(
            f"a German IBAN has 22 characters, this one {len(iban)}",
            german=f"Eine deutsche IBAN hat 22 Stellen, diese hat {len(iban)}.",
        )
    number = int("".join(str(int(char, 36)) for char in iban[4:] + iban[:4]))
    if number % 97 != 1:
        raise InvalidBankDetail(
            "the IBAN's check digits do not match: a typing error?",
            german="Die Prüfziffern passen nicht zur IBAN – bitte mit dem Kontoauszug vergleichen.",
        )
    return iban


def check_bic(text: str) -> str:
    """The BIC in ``text`` in capitals, or :class:`InvalidBankDetail`."""
    bic = compact(text)
    if not _BIC.fullmatch(bic):
        raise InvalidBankDetail(
            f"{text!r} is not a BIC (8 or 11 letters and digits)",
            german="Ein BIC hat 8 oder 11 Stellen, z. B. COBADEFFXXX.",
        )
    return bic


def grouped(iban: str) -> str:
    """The IBAN as printed: in groups of four ("DE89 3704 0044 0532 0130 00")."""
    iban = compact(iban)
    return " ".join(iban[index : index + 4] for index in range(0, len(iban), 4))
