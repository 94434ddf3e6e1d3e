"""Why a kit merge refused or kept a row, in German words for Kit-Abgleich (Qt-free).

The merge reports each refused row with an English reason (``kits.merge``, ``kits.rights``):
that is what the command line prints and the report stores. :func:`german` says the same for
the window, and :func:`summary` groups a report's refusals: "2 × Person: gehört zu …".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from mzdesk.core import text

TABLE_LABELS = {
    "partners": "Partner",
    "partner_contacts": "Ansprechperson",
    "households": "Haushalt",
    "persons": "Person",
    "person_nationalities": "Staatsangehörigkeit",
    "person_languages": "Sprache",
    "residence_statuses": "Aufenthaltsstatus",
    "legal_category_periods": "Rechtskreis",
    "events": "Veranstaltung",
    "event_partners": "Aussteller",
    "event_organisers": "Ausrichtende",
    "attendances": "Teilnahme",
    "event_contacts": "Arbeitgeberkontakt",
    "cases": "Fall",
    "case_topics": "Fallthema",
    "contacts": "Kontakt",
    "follow_ups": "Wiedervorlage",
    "consents": "Einwilligung",
    "consent_recipients": "Empfänger einer Einwilligung",
    "placements": "Vermittlung",
}

COLUMN_LABELS = {
    "family_name": "Familienname",
    "given_names": "Vornamen",
    "family_name_original": "Familienname (Originalschrift)",
    "given_names_original": "Vornamen (Originalschrift)",
    "phone": "Telefon",
    "email": "E-Mail",
    "street": "Straße",
    "postcode": "PLZ",
    "city": "Ort",
    "municipality": "Gemeinde",
    "name": "Name",
    "department": "Abteilung",
    "place": "Ort",
    "address": "Adresse",
    "profession_wish": "Berufswunsch",
    "label": "Bezeichnung",
}

_FIXED = {
    "about a person the kit did not carry": "betrifft eine Person, die nicht in der Mappe war",
    "about a person of another team": "betrifft eine Person eines anderen Teams",
    "about a case of another team": "betrifft einen Fall eines anderen Teams",
    "about a household of persons the kit did not carry": (
        "betrifft einen Haushalt von Personen, die nicht in der Mappe waren"
    ),
    "it belongs to another event than the kit's": (
        "gehört zu einer anderen Veranstaltung als die Mappe"
    ),
    "organisers are set at the office, not by a kit": (
        "Ausrichtende werden im Büro festgelegt, nicht mit einer Mappe"
    ),
    "the event's team is set at the office": "das Team der Veranstaltung wird im Büro festgelegt",
    "deleted at the office after the kit was exported": (
        "wurde im Büro gelöscht, nachdem die Mappe ausgegeben wurde"
    ),
    "the kit did not say what the laptop deleted": (
        "die Mappe sagt nicht, was auf dem Laptop gelöscht wurde"
    ),
    "other records at the office refer to it": "andere Datensätze im Büro verweisen darauf",
    "not deleted by a kit: delete it at the office": (
        "wird nicht mit einer Mappe gelöscht: bitte im Büro löschen"
    ),
}
_PARENT = re.compile(r"^its (\w+) row was refused$")
_MISSING = re.compile(r"^(\w+) refers to a missing (\w+) row$")
_CHANGED = re.compile(r"^changed at the office \((\w+)\) after the laptop's copy$")
_BAD = re.compile(r"^(\w+) contains (.+) \((U\+[0-9A-F]+)\) at position (\d+)$")
_KINDS = {english: text._GERMAN[kind] for kind, english in text._ENGLISH.items()}


def table_label(name: str) -> str:
    return TABLE_LABELS.get(name, name)


def german(reason: str) -> str:
    """The German for one of the merge's reasons (the English itself if none is known)."""
    if reason in _FIXED:
        return _FIXED[reason]
    if found := _PARENT.match(reason):
        return f"gehört zu einem abgewiesenen Datensatz ({table_label(found.group(1))})"
    if found := _MISSING.match(reason):
        return f"verweist auf einen fehlenden Datensatz ({table_label(found.group(2))})"
    if found := _CHANGED.match(reason):
        return f"im Büro geändert ({found.group(1)}), nachdem der Laptop ihn bekam"
    if (found := _BAD.match(reason)) and found.group(2) in _KINDS:
        column, kind, code, position = found.groups()
        label = COLUMN_LABELS.get(column, column)
        return f"{label} enthält {_KINDS[kind]} ({code}) an Stelle {position}"
    return reason


def summary(rows: Iterable[Any]) -> list[str]:
    """Refused (or kept) rows grouped by table and reason: ``2 × Person: betrifft …``, most
    frequent first. ``rows``: items with ``table`` and ``reason``."""
    counted = Counter((row.table, row.reason) for row in rows)
    return [
        f"{count} × {table_label(table)}: {german(reason)}"
        for (table, reason), count in sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    ]


__all__ = ["TABLE_LABELS", "german", "summary", "table_label"]
