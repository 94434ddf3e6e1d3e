"""Who comes from where: countries of origin with names, languages, papers and pathways.

Weights are a plausible mix for a German county in the mid-2020s, not statistics.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from mzdesk.core.demo.context import Weighted
from mzdesk.core.demo.histories import Pathway, parse_pathway

RECOGNISED = "GEST!:3 GEST:3-14"  # the asylum procedure before a decision
WAR_IN_UKRAINE = date(2022, 2, 24)
SMALL_HOUSEHOLDS: Weighted[int] = Weighted([(1, 5), (2, 3), (3, 2), (4, 1)])


@dataclass(frozen=True)
class CountryProfile:
    code: str  # ISO 3166-1 alpha-2 (XK: Kosovo)
    names: str  # name pool, see demo.names
    native: Weighted[tuple[str, ...]]  # native language(s), first = interpreter language
    pathways: Weighted[Pathway]
    arrival_years: Weighted[int]
    original_script: float = 0.0  # share whose names are also recorded in the original script
    placeholder_birth: float = 0.02  # share with 01.01.YYYY on their papers
    year_only_birth: float = 0.0
    household_sizes: Weighted[int] = SMALL_HOUSEHOLDS
    male_share: float = 0.6  # of household heads
    shares_family_name: bool = False  # spouses and children carry the head's family name
    patronymic: bool = False  # children's family name is the father's given name
    arrivals_from: date = date(2014, 1, 1)


def _w(spec: str) -> Weighted[Pathway]:
    """``"weight pathway / weight pathway"`` → weighted pathways."""
    pairs = []
    for part in spec.split("/"):
        weight, _, pathway = part.strip().partition(" ")
        pairs.append((parse_pathway(pathway.replace("$R", RECOGNISED)), float(weight)))
    return Weighted(pairs)


def _years(spec: str) -> Weighted[int]:
    """``"2015-2016:5 2017-2021:1"`` → weights per year."""
    pairs: list[tuple[int, float]] = []
    for part in spec.split():
        span, _, weight = part.partition(":")
        low, _, high = span.partition("-")
        pairs.extend((year, float(weight)) for year in range(int(low), int(high or low) + 1))
    return Weighted(pairs)


def _langs(spec: str) -> Weighted[tuple[str, ...]]:
    """``"ar:8 ku+ar:2"`` → weighted tuples of native languages."""
    pairs = []
    for part in spec.split():
        codes, _, weight = part.partition(":")
        pairs.append((tuple(codes.split("+")), float(weight)))
    return Weighted(pairs)


_FAMILY = Weighted([(1, 4), (2, 2), (3, 2), (4, 2), (5, 1)])
_BALKANS = "5 AE_WB / 2 DUL / 2 GEST!:3 GEST:3-9 DUL / 2 AE_18A / 1 DUL:18-36 AE_104C"


@cache
def profiles() -> tuple[tuple[CountryProfile, float], ...]:
    """Every country profile with its weight."""
    return (
        (
            CountryProfile(
                "UA",
                "ukrainian",
                _langs("uk:6 uk+ru:3 ru:1"),
                _w("18 AE_24 / 1 AE_24:12-30 AE_18A / 1 AE_24:12-30 AE_16G"),
                _years("2022:6 2023:3 2024:2 2025-2026:1"),
                original_script=0.5,
                household_sizes=Weighted([(1, 4), (2, 4), (3, 2), (4, 1)]),
                male_share=0.3,
                shares_family_name=True,
                arrivals_from=WAR_IN_UKRAINE,
            ),
            24.0,
        ),
        (
            CountryProfile(
                "SY",
                "arabic",
                _langs("ar:8 ku+ar:2"),
                _w(
                    f"14 {RECOGNISED} AE_25_2 / 1 {RECOGNISED} AE_25_1 / 3 {RECOGNISED} AE_25_3 / "
                    f"4 {RECOGNISED} AE_25_2:36-48 NE"
                ),
                _years("2014:2 2015-2016:6 2017-2019:2 2020-2024:2 2025-2026:1"),
                original_script=0.6,
                placeholder_birth=0.2,
                year_only_birth=0.03,
                household_sizes=_FAMILY,
            ),
            20.0,
        ),
        (
            CountryProfile(
                "AF",
                "persian",
                _langs("prs:6 ps+prs:3 fa:1"),
                _w(
                    f"7 {RECOGNISED} AE_25_3 / 5 {RECOGNISED} AE_25_2 / 5 GEST!:3 GEST:6-24 DUL / "
                    "1 GEST!:3 GEST:6-12 DUL:24-48 AE_25B / 2 GEST!:3 GEST"
                ),
                _years("2015-2016:4 2017-2020:1 2021-2023:3 2024-2026:1"),
                original_script=0.5,
                placeholder_birth=0.35,
                year_only_birth=0.08,
                household_sizes=_FAMILY,
            ),
            12.0,
        ),
        (
            CountryProfile(
                "TR",
                "turkish",
                _langs("tr:7 ku+tr:3"),
                _w(
                    f"7 GEST!:3 GEST / 3 {RECOGNISED} AE_25_2 / 2 GEST!:3 GEST:6-18 DUL / "
                    "5 AE_18A / 2 AE_18B / 1 AE_16G"
                ),
                _years("2016-2021:1 2022-2024:3 2025-2026:2"),
                household_sizes=_FAMILY,
                shares_family_name=True,
            ),
            8.0,
        ),
        (
            CountryProfile(
                "IQ",
                "arabic",
                _langs("ar:6 ku+ar:4"),
                _w(
                    f"7 GEST!:3 GEST:6-18 DUL / 6 {RECOGNISED} AE_25_2 / 2 {RECOGNISED} AE_25_3 / "
                    "2 GEST!:3 GEST / 1 GEST!:3 GEST:6-12 DUL:12-24 DUL_BESCH / "
                    "1 GEST!:3 GEST:6-12 DUL:6-12 DUL_AUSB / 1 AE_18A"
                ),
                _years("2015-2017:3 2018-2026:1"),
                original_script=0.5,
                placeholder_birth=0.15,
                household_sizes=_FAMILY,
            ),
            7.0,
        ),
        (
            CountryProfile(
                "ER",
                "tigrinya",
                _langs("ti:9 ti+am:1"),
                _w(f"15 {RECOGNISED} AE_25_2 / 2 {RECOGNISED} AE_25_3 / 3 GEST!:3 GEST"),
                _years("2014-2016:3 2017-2026:1"),
                placeholder_birth=0.3,
                year_only_birth=0.08,
                patronymic=True,
            ),
            4.0,
        ),
        (
            CountryProfile(
                "IR",
                "persian",
                _langs("fa:9 ku+fa:1"),
                _w(
                    f"8 {RECOGNISED} AE_25_2 / 4 GEST!:3 GEST / 3 GEST!:3 GEST:6-18 DUL / "
                    "3 AE_18B / 2 AE_16G"
                ),
                _years("2016-2021:1 2022-2026:2"),
                original_script=0.5,
            ),
            4.0,
        ),
        (
            CountryProfile(
                "XK",
                "albanian",
                _langs("sq:1"),
                _w(_BALKANS),
                _years("2015-2026:1"),
                shares_family_name=True,
            ),
            3.0,
        ),
        (
            CountryProfile(
                "AL",
                "albanian",
                _langs("sq:1"),
                _w(_BALKANS),
                _years("2015-2026:1"),
                shares_family_name=True,
            ),
            3.0,
        ),
        (
            CountryProfile(
                "RS",
                "south_slavic",
                _langs("sr:1"),
                _w(_BALKANS),
                _years("2015-2026:1"),
                shares_family_name=True,
            ),
            2.0,
        ),
        (
            CountryProfile(
                "MK",
                "south_slavic",
                _langs("mk:2 sq:1"),
                _w(_BALKANS),
                _years("2015-2026:1"),
                shares_family_name=True,
            ),
            2.0,
        ),
        (
            CountryProfile(
                "BA",
                "south_slavic",
                _langs("bs:1"),
                _w(_BALKANS),
                _years("2015-2026:1"),
                shares_family_name=True,
            ),
            2.0,
        ),
        (
            CountryProfile(
                "RU",
                "russian",
                _langs("ru:1"),
                _w(f"4 AE_18B / 3 GEST!:3 GEST / 3 {RECOGNISED} AE_25_2"),
                _years("2022-2026:1"),
                original_script=0.5,
                shares_family_name=True,
            ),
            2.0,
        ),
        (
            CountryProfile(
                "SO",
                "somali",
                _langs("so:1"),
                _w(f"5 {RECOGNISED} AE_25_2 / 3 GEST!:3 GEST:6-18 DUL / 2 GEST!:3 GEST"),
                _years("2015-2024:1"),
                placeholder_birth=0.3,
                year_only_birth=0.05,
                patronymic=True,
            ),
            2.0,
        ),
        (
            CountryProfile(
                "RO",
                "romanian",
                _langs("ro:1"),
                _w("1 EU"),
                _years("2014-2026:1"),
                shares_family_name=True,
            ),
            2.0,
        ),
        (
            CountryProfile(
                "PL",
                "polish",
                _langs("pl:1"),
                _w("1 EU"),
                _years("2014-2026:1"),
                shares_family_name=True,
            ),
            1.0,
        ),
        (
            CountryProfile(
                "IN",
                "indian",
                _langs("hi:1"),
                _w("5 AE_18B / 4 AE_18G / 1 AE_16G"),
                _years("2019-2026:1"),
                shares_family_name=True,
            ),
            2.0,
        ),
    )


@cache
def weighted_profiles() -> Weighted[CountryProfile]:
    return Weighted(profiles())
