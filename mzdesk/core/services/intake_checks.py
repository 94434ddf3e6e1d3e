"""The intake form's fields and their checks (no database): :class:`PersonInput` → :class:`Cleaned`.

Every field of :class:`PersonInput` is text as typed (or a code); :func:`clean` turns it into
typed values and a list of :class:`FieldError` (the PersonInput field name, an English and a
German one-line message). :func:`texts` gives each field's canonical text, which is what edits
compare, what the conflict diff shows and what the audit trail records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date

from mzdesk.core import reference
from mzdesk.core.country_codes import to_alpha2
from mzdesk.core.datetext import DateTextError, format_date, parse_date
from mzdesk.core.models.enums import BirthDatePrecision, LegalCategory, Sex, WorkPermission
from mzdesk.core.names import phone_key
from mzdesk.core.text import find_bad_character

_PHONE = re.compile(r"^\+?[\d\s/().\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_POSTCODE = re.compile(r"^\d{5}$")
MIN_PHONE_DIGITS = 6
_LENGTHS = {
    "family_name": 200,
    "given_names": 200,
    "family_name_original": 200,
    "given_names_original": 200,
    "phone": 64,
    "email": 254,
    "street": 200,
    "city": 120,
    "municipality": 120,
}


@dataclass(frozen=True)
class LanguageSkillInput:
    code: str  # reference "languages" (ISO 639)
    level: str | None = None  # reference "cefr_levels": A1 … C2, NATIVE


@dataclass(frozen=True)
class PersonInput:
    """Every intake field, as typed. Dates: ``24.11.2026``, ``2026-11-24`` (birth: or ``1990``)."""

    family_name: str = ""
    given_names: str = ""
    family_name_original: str = ""  # in the original script
    given_names_original: str = ""
    birth_date: str = ""
    birth_date_placeholder: bool = False  # 01.01.YYYY is the placeholder on the papers
    sex: str = ""  # "", "f", "m", "x"
    nationalities: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 or alpha-3
    languages: tuple[LanguageSkillInput, ...] = ()
    interpreter_language: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    municipality: str = ""
    arrival_date: str = ""
    household_with: str = ""  # file number or id of a person in the same household
    residence_status: str = ""  # reference "residence_statuses"
    work_permission: str = ""  # WorkPermission as printed on the document
    residence_valid_from: str = ""  # empty: today
    residence_valid_until: str = ""
    legal_category: str = ""  # LegalCategory
    legal_category_since: str = ""  # empty: today


@dataclass(frozen=True)
class FieldError:
    field: str  # a PersonInput field name
    message: str  # English, one line
    german: str


# (status, work permission, valid from or None: today, valid until)
Residence = tuple[str, WorkPermission | None, date | None, date | None]


@dataclass(frozen=True)
class Cleaned:
    family_name: str
    given_names: str
    family_name_original: str | None
    given_names_original: str | None
    birth_date: date | None
    birth_date_precision: BirthDatePrecision
    sex: Sex | None
    nationalities: tuple[str, ...]  # alpha-2, no repeats
    languages: tuple[tuple[str, str | None], ...]
    interpreter_language: str | None
    phone: str | None
    email: str | None
    street: str | None
    postcode: str | None
    city: str | None
    municipality: str | None
    arrival_date: date | None
    household_with: str
    residence: Residence | None
    legal: tuple[LegalCategory, date | None] | None  # (category, since or None: today)


@dataclass
class _Checker:
    today: date
    errors: list[FieldError] = field(default_factory=list)

    def error(self, name: str, message: str, german: str) -> None:
        self.errors.append(FieldError(name, message, german))

    def parse(
        self, name: str, text: str, *, allow_year: bool = False, past: bool = False
    ) -> tuple[date, BirthDatePrecision] | None:
        try:
            parsed = parse_date(text, allow_year=allow_year, past=past, today=self.today)
        except DateTextError as exc:
            self.errors.append(FieldError(name, str(exc), exc.german))
            return None
        return None if parsed is None else (parsed.value, parsed.precision)

    def not_future(self, name: str, value: date | None) -> date | None:
        if value is not None and value > self.today:
            self.error(name, "must not be in the future", "Das Datum liegt in der Zukunft.")
            return None
        return value


def _optional(text: str) -> str | None:
    stripped = text.strip()
    return stripped or None


def _characters(data: PersonInput, check: _Checker) -> None:
    """A control, text-direction or zero-width character in any field is refused
    (``mzdesk.core.text``): these fields are names, addresses and codes, never prose."""
    for item in fields(PersonInput):
        value = getattr(data, item.name)
        if isinstance(value, str):
            texts = [value]
        elif isinstance(value, tuple):
            texts = [
                part
                for v in value
                for part in ((v.code, v.level or "") if isinstance(v, LanguageSkillInput) else (v,))
            ]
        else:
            continue
        for text in texts:
            bad = find_bad_character(text)
            if bad is not None:
                check.error(item.name, bad.message, bad.german_sentence)
                break


def _names(data: PersonInput, check: _Checker) -> None:
    if not data.family_name.strip():
        check.error("family_name", "the family name is missing", "Der Familienname fehlt.")
    for name, limit in _LENGTHS.items():
        if len(str(getattr(data, name)).strip()) > limit:
            check.error(name, f"longer than {limit} characters", f"Länger als {limit} Zeichen.")


def _birth(data: PersonInput, check: _Checker) -> tuple[date | None, BirthDatePrecision]:
    parsed = check.parse("birth_date", data.birth_date, allow_year=True, past=True)
    if parsed is None:
        return None, BirthDatePrecision.EXACT
    value, precision = parsed
    if check.not_future("birth_date", value) is None:
        return None, BirthDatePrecision.EXACT
    if data.birth_date_placeholder and precision is BirthDatePrecision.EXACT:
        if (value.month, value.day) != (1, 1):
            check.error(
                "birth_date",
                "only 01.01. can be a placeholder date",
                "Nur der 01.01. kann ein Platzhalterdatum sein.",
            )
        else:
            precision = BirthDatePrecision.PLACEHOLDER
    return value, precision


def _codes(
    data: PersonInput, check: _Checker
) -> tuple[tuple[str, ...], tuple[tuple[str, str | None], ...]]:
    nationalities: list[str] = []
    for code in data.nationalities:
        stored = to_alpha2(code) if code.strip() else None
        if stored is None:
            check.error(
                "nationalities",
                f"unknown country code {code!r} (ISO 3166 alpha-2 or alpha-3)",
                f"Unbekannter Ländercode „{code}“.",
            )
        elif stored not in nationalities:
            nationalities.append(stored)
    languages: dict[str, str | None] = {}
    known_levels = set(reference.codes("cefr_levels"))
    for skill in data.languages:
        code = skill.code.strip().lower()
        if code not in reference.by_code("languages"):
            check.error(
                "languages",
                f"unknown language code {skill.code!r}",
                f"Unbekannter Sprachcode „{skill.code}“.",
            )
            continue
        level = (skill.level or "").strip().upper() or None
        if level is not None and level not in known_levels:
            check.error(
                "languages",
                f"unknown level {skill.level!r} (A1 … C2, NATIVE)",
                f"Unbekanntes Sprachniveau „{skill.level}“ (A1 … C2, Muttersprache).",
            )
            level = None
        languages.setdefault(code, level)
    return tuple(nationalities), tuple(languages.items())


def _interpreter(data: PersonInput, check: _Checker) -> str | None:
    code = data.interpreter_language.strip().lower()
    if code and code not in reference.by_code("languages"):
        check.error(
            "interpreter_language",
            f"unknown language code {code!r}",
            f"Unbekannter Sprachcode „{data.interpreter_language}“.",
        )
        return None
    return code or None


def _contact(data: PersonInput, check: _Checker) -> tuple[str | None, str | None, str | None]:
    phone, email, postcode = (
        _optional(data.phone),
        _optional(data.email),
        _optional(data.postcode),
    )
    if phone and (not _PHONE.match(phone) or len(phone_key(phone)) < MIN_PHONE_DIGITS):
        check.error(
            "phone",
            "not a phone number (digits, spaces, + / - ( ))",
            "Keine Telefonnummer: bitte nur Ziffern, Leerzeichen und + / - ( ) verwenden.",
        )
        phone = None
    if email and not _EMAIL.match(email):
        check.error("email", "not an e-mail address", "Keine gültige E-Mail-Adresse.")
        email = None
    if postcode and not _POSTCODE.match(postcode):
        check.error("postcode", "a postcode has five digits", "Die Postleitzahl hat fünf Ziffern.")
        postcode = None
    return phone, email, postcode


def _residence(data: PersonInput, check: _Checker) -> Residence | None:
    status = data.residence_status.strip().upper()
    permission_text = data.work_permission.strip().upper()
    start = check.parse("residence_valid_from", data.residence_valid_from)
    end = check.parse("residence_valid_until", data.residence_valid_until)
    if not status:
        if (
            permission_text
            or data.residence_valid_from.strip()
            or data.residence_valid_until.strip()
        ):
            check.error(
                "residence_status",
                "the residence status is missing",
                "Der Aufenthaltsstatus fehlt.",
            )
        return None
    if status not in reference.by_code("residence_statuses"):
        check.error(
            "residence_status",
            f"unknown residence status {status!r}",
            f"Unbekannter Aufenthaltsstatus „{data.residence_status}“.",
        )
        return None
    permission = None
    if permission_text:
        try:
            permission = WorkPermission(permission_text)
        except ValueError:
            check.error(
                "work_permission",
                f"unknown work permission {permission_text!r}",
                f"Unbekannte Erwerbstätigkeits-Angabe „{data.work_permission}“.",
            )
    valid_from = start[0] if start else None
    valid_until = end[0] if end else None
    if valid_from and valid_until and valid_until < valid_from:
        check.error(
            "residence_valid_until",
            "ends before it starts",
            "Das Ende liegt vor dem Beginn.",
        )
    return status, permission, valid_from, valid_until


def _legal(data: PersonInput, check: _Checker) -> tuple[LegalCategory, date | None] | None:
    text = data.legal_category.strip().upper()
    since = check.parse("legal_category_since", data.legal_category_since)
    if not text:
        if data.legal_category_since.strip():
            check.error("legal_category", "the legal category is missing", "Der Rechtskreis fehlt.")
        return None
    try:
        category = LegalCategory(text)
    except ValueError:
        check.error(
            "legal_category",
            f"unknown legal category {text!r}",
            f"Unbekannter Rechtskreis „{data.legal_category}“.",
        )
        return None
    return category, since[0] if since else None


def clean(
    data: PersonInput, today: date, *, partial: bool = False
) -> tuple[Cleaned | None, list[FieldError]]:
    """Typed values and field errors; ``partial``: the values even with errors (bad ones empty)."""
    check = _Checker(today)
    _characters(data, check)
    _names(data, check)
    birth, precision = _birth(data, check)
    nationalities, languages = _codes(data, check)
    interpreter = _interpreter(data, check)
    phone, email, postcode = _contact(data, check)
    sex = None
    if data.sex.strip():
        try:
            sex = Sex(data.sex.strip().lower())
        except ValueError:
            check.error("sex", f"unknown sex {data.sex!r} (f, m, x)", "Unbekannte Angabe.")
    arrival = check.parse("arrival_date", data.arrival_date, past=True)
    arrival_date = check.not_future("arrival_date", arrival[0] if arrival else None)
    if arrival_date and birth and arrival_date < birth:
        check.error("arrival_date", "before the birth date", "Die Einreise liegt vor der Geburt.")
    residence = _residence(data, check)
    legal = _legal(data, check)
    if check.errors and not partial:
        return None, check.errors
    cleaned = Cleaned(
        family_name=data.family_name.strip(),
        given_names=data.given_names.strip(),
        family_name_original=_optional(data.family_name_original),
        given_names_original=_optional(data.given_names_original),
        birth_date=birth,
        birth_date_precision=precision,
        sex=sex,
        nationalities=nationalities,
        languages=languages,
        interpreter_language=interpreter,
        phone=phone,
        email=email,
        street=_optional(data.street),
        postcode=postcode,
        city=_optional(data.city),
        municipality=_optional(data.municipality),
        arrival_date=arrival_date,
        household_with=data.household_with.strip(),
        residence=residence,
        legal=legal,
    )
    return cleaned, check.errors


def texts(cleaned: Cleaned) -> dict[str, str]:
    """The canonical text of every PersonInput field (what edits compare and audit records)."""
    residence = cleaned.residence or ("", None, None, None)
    legal = cleaned.legal or (None, None)
    return {
        "family_name": cleaned.family_name,
        "given_names": cleaned.given_names,
        "family_name_original": cleaned.family_name_original or "",
        "given_names_original": cleaned.given_names_original or "",
        "birth_date": format_date(cleaned.birth_date, cleaned.birth_date_precision),
        "birth_date_placeholder": "yes"
        if cleaned.birth_date_precision is BirthDatePrecision.PLACEHOLDER
        else "no",
        "sex": cleaned.sex.value if cleaned.sex else "",
        "nationalities": ", ".join(cleaned.nationalities),
        "languages": ", ".join(
            f"{code} {level or ''}".strip() for code, level in cleaned.languages
        ),
        "interpreter_language": cleaned.interpreter_language or "",
        "phone": cleaned.phone or "",
        "email": cleaned.email or "",
        "street": cleaned.street or "",
        "postcode": cleaned.postcode or "",
        "city": cleaned.city or "",
        "municipality": cleaned.municipality or "",
        "arrival_date": format_date(cleaned.arrival_date),
        "household_with": cleaned.household_with,
        "residence_status": residence[0],
        "work_permission": residence[1].value if residence[1] else "",
        "residence_valid_from": format_date(residence[2]),
        "residence_valid_until": format_date(residence[3]),
        "legal_category": legal[0].value if legal[0] else "",
        "legal_category_since": format_date(legal[1]),
    }
