"""``mzdesk person show``: a person's file as a dict (for ``--json``) and as text.

Built from ``core.services.person_file.load``. Contacts are not read at all (their internal
notes are never printed); the file says how many cases, referrals, follow-ups and placements
there are and lists the cases.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.country_codes import to_alpha3
from mzdesk.core.models import BirthDatePrecision, Person
from mzdesk.core.services.person_file import PersonFile
from mzdesk.core.services.persons import format_birth_date, format_date


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _members(session: Session, loaded: PersonFile) -> list[str]:
    person = loaded.person
    if person.household_id is None:
        return []
    return list(
        session.scalars(
            select(Person.file_number)
            .where(
                Person.household_id == person.household_id,
                Person.id != person.id,
                Person.merged_into_id.is_(None),
            )
            .order_by(Person.file_number)
        )
    )


def file_as_dict(session: Session, loaded: PersonFile) -> dict[str, Any]:
    p = loaded.person
    return {
        "id": str(p.id),
        "version": p.version,
        "file_number": p.file_number,
        "family_name": p.family_name,
        "given_names": p.given_names,
        "family_name_original": p.family_name_original,
        "given_names_original": p.given_names_original,
        "birth_date": _iso(p.birth_date),
        "birth_date_precision": p.birth_date_precision.value,
        "sex": p.sex.value if p.sex else None,
        "nationalities": [to_alpha3(code) for code in loaded.nationalities],
        "languages": [{"code": lang.code, "level": lang.cefr_level} for lang in loaded.languages],
        "interpreter_language": p.interpreter_language,
        "phone": p.phone,
        "email": p.email,
        "street": p.street,
        "postcode": p.postcode,
        "city": p.city,
        "municipality": p.municipality,
        "arrival_date": _iso(p.arrival_date),
        "household": {"label": p.household_label, "members": _members(session, loaded)}
        if p.household_id
        else None,
        "merged_into": str(p.merged_into_id) if p.merged_into_id else None,
        "residence_statuses": [
            {
                "status": entry.status_code,
                "work_permission": entry.work_permission.value if entry.work_permission else None,
                "valid_from": _iso(entry.valid_from),
                "valid_until": _iso(entry.valid_until),
            }
            for entry in loaded.residence_statuses
        ],
        "legal_categories": [
            {"category": entry.category.value, "since": _iso(entry.valid_from)}
            for entry in loaded.legal_categories
        ],
        "consents": [
            {
                "purpose": consent.purpose,
                "given_on": _iso(consent.given_on),
                "expires_on": _iso(consent.expires_on),
                "withdrawn_on": _iso(consent.withdrawn_on),
            }
            for consent in loaded.consents
        ],
        "cases": [
            {
                "id": str(case.id),
                "status": case.status.value,
                "opened_on": _iso(case.opened_on),
                "closed_on": _iso(case.closed_on),
                "topics": list(case.topics),
                "counsellor": case.counsellor_name,
            }
            for case in loaded.cases
        ],
        "referrals": len(loaded.referrals),
        "open_follow_ups": len(loaded.open_follow_ups),
        "placements": len(loaded.placements),
        "warnings": [warning.code.value for warning in loaded.warnings],
    }


def print_file(data: dict[str, Any]) -> None:
    def line(label: str, value: Any) -> None:
        if value not in (None, "", []):
            print(f"{label:<22}{value}")

    birth = data["birth_date"]
    born = (
        format_birth_date(
            date.fromisoformat(birth), BirthDatePrecision(data["birth_date_precision"])
        )
        if birth
        else None
    )
    if born and data["birth_date_precision"] != "exact":
        born = f"{born} ({data['birth_date_precision']})"
    line("File number", data["file_number"])
    line("Id", f"{data['id']} (version {data['version']})")
    line("Name", f"{data['family_name']}, {data['given_names']}".rstrip(", "))
    original = ", ".join(
        part for part in (data["family_name_original"], data["given_names_original"]) if part
    )
    line("Original script", original)
    line("Born", born)
    line("Sex", data["sex"])
    line("Nationalities", ", ".join(data["nationalities"]))
    line(
        "Languages",
        ", ".join(f"{lang['code']} {lang['level'] or ''}".strip() for lang in data["languages"]),
    )
    line("Interpreter", data["interpreter_language"])
    line("Phone", data["phone"])
    line("E-mail", data["email"])
    address = " ".join(part for part in (data["street"], data["postcode"], data["city"]) if part)
    line("Address", address)
    line("Municipality", data["municipality"])
    line("Arrived", _german(data["arrival_date"]))
    if data["household"]:
        members = ", ".join(data["household"]["members"]) or "no other members"
        line("Household", f"{data['household']['label']} ({members})")
    line("Merged into", data["merged_into"])
    for entry in data["residence_statuses"]:
        until = f" until {_german(entry['valid_until'])}" if entry["valid_until"] else ""
        permission = f", {entry['work_permission']}" if entry["work_permission"] else ""
        line("Residence", f"{_german(entry['valid_from'])} {entry['status']}{permission}{until}")
    for entry in data["legal_categories"]:
        line("Legal category", f"{_german(entry['since'])} {entry['category']}")
    for consent in data["consents"]:
        state = " (withdrawn)" if consent["withdrawn_on"] else ""
        line("Consent", f"{_german(consent['given_on'])} {consent['purpose']}{state}")
    for case in data["cases"]:
        line("Case", f"{_german(case['opened_on'])} {case['status']} {', '.join(case['topics'])}")
    line("Referrals", data["referrals"])
    line("Open follow-ups", data["open_follow_ups"])
    line("Placements", data["placements"])
    line("Warnings", ", ".join(data["warnings"]))


def _german(iso: str | None) -> str:
    return format_date(date.fromisoformat(iso)) if iso else ""
