"""Reference data with German and English labels (resources/reference/*.json).

Sets: legal_categories, work_permissions, residence_statuses, partner_kinds, case_topics,
contact_channels, placement_kinds, cefr_levels, languages, data_categories, countries.
Each entry has at least ``code``, ``de`` and ``en``; some carry more (a residence status's
usual ``work`` permission, ``benefits`` and ``refugee`` flag).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from mzdesk.core.errors import NotFound
from mzdesk.core.resources import load_json

SETS = (
    "legal_categories",
    "work_permissions",
    "residence_statuses",
    "partner_kinds",
    "case_topics",
    "contact_channels",
    "placement_kinds",
    "cefr_levels",
    "languages",
    "data_categories",
    "countries",
)


@dataclass(frozen=True)
class ReferenceItem:
    code: str
    de: str
    en: str
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def label(self, language: str = "de") -> str:
        return self.de if language.startswith("de") else self.en


@cache
def items(set_name: str) -> tuple[ReferenceItem, ...]:
    if set_name not in SETS:
        raise NotFound(f"unknown reference set {set_name!r}")
    result = []
    for entry in load_json("reference", f"{set_name}.json"):
        extra = {k: v for k, v in entry.items() if k not in ("code", "de", "en")}
        result.append(ReferenceItem(entry["code"], entry["de"], entry["en"], extra))
    return tuple(result)


@cache
def by_code(set_name: str) -> dict[str, ReferenceItem]:
    return {item.code: item for item in items(set_name)}


def codes(set_name: str) -> list[str]:
    return [item.code for item in items(set_name)]


def label(set_name: str, code: str | None, language: str = "de") -> str:
    """The label of a code; an unknown code is shown as itself rather than hidden."""
    if code is None:
        return ""
    item = by_code(set_name).get(code)
    return item.label(language) if item else code


def is_refugee_status(status_code: str | None, extra_codes: frozenset[str] = frozenset()) -> bool:
    """'Refugee' for statistics (domain.md): GEST, DUL*, AE_24, AE_25*, and what a setting adds."""
    if status_code is None:
        return False
    item = by_code("residence_statuses").get(status_code)
    return bool(item and item.extra.get("refugee")) or status_code in extra_codes
