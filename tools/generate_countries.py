"""Generate resources/reference/countries.json (ISO 3166-1 alpha-2, German and English names).

A development-time tool only: the program reads the JSON and never imports Babel or pycountry.
It was run like this (a throw-away venv outside the checkout, not .venv):

    python3 -m venv /tmp/genvenv
    /tmp/genvenv/bin/pip install babel pycountry      # Babel 2.18.0 (CLDR), pycountry 26.2.16
    /tmp/genvenv/bin/python tools/generate_countries.py

Codes come from pycountry (the ISO 3166-1 list), names from Babel's CLDR short names. A few names
are adjusted to the short forms the Federal Foreign Office's list of state names and Destatis use,
or to read better in a sorted picker (OVERRIDES_DE / OVERRIDES_EN below). Added codes:

- ``XK`` Kosovo: user-assigned, used by the EU and the German authorities.
- ``XX`` staatenlos / stateless (Destatis key 997).
- ``ZZ`` ungeklärt / unknown (Destatis key 998; CLDR uses ZZ for "unknown region").

The list is sorted by the German name, folded (Ä → A, ß → ss) as in a German dictionary.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pycountry  # type: ignore[import-not-found]
from babel import Locale  # type: ignore[import-not-found]

TARGET = Path(__file__).resolve().parent.parent / "resources" / "reference" / "countries.json"

OVERRIDES_DE = {
    "CD": "Kongo, Demokratische Republik",
    "CG": "Kongo, Republik",
    "HK": "Hongkong",
    "MO": "Macau",
    "MD": "Moldau",
    "PS": "Palästinensische Gebiete",
}
OVERRIDES_EN = {
    "CD": "Congo, Democratic Republic",
    "CG": "Congo, Republic",
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Myanmar",
    "VC": "St. Vincent and the Grenadines",
}
EXTRA = [
    {"code": "XK", "de": "Kosovo", "en": "Kosovo"},
    {"code": "XX", "de": "staatenlos", "en": "stateless"},
    {"code": "ZZ", "de": "ungeklärt", "en": "unknown"},
]


def _clean(name: str) -> str:
    return name.replace("’", "'").replace(" & ", " and ")


def _sort_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def build() -> list[dict[str, str]]:
    german = Locale("de").territories
    english = Locale("en").territories
    entries = []
    for country in pycountry.countries:
        code = country.alpha_2
        de = OVERRIDES_DE.get(code) or german[code]
        en = OVERRIDES_EN.get(code) or english[code]
        entries.append({"code": code, "de": _clean(de), "en": _clean(en)})
    known = {entry["code"] for entry in entries}
    entries.extend(entry for entry in EXTRA if entry["code"] not in known)
    return sorted(entries, key=lambda entry: (_sort_key(entry["de"]), entry["code"]))


def main() -> None:
    entries = build()
    lines = [json.dumps(entry, ensure_ascii=False) for entry in entries]
    TARGET.write_text("[\n  " + ",\n  ".join(lines) + "\n]\n", encoding="utf-8")
    print(f"{len(entries)} entries written to {TARGET}")


if __name__ == "__main__":
    main()
