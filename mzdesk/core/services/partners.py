"""The partner directory: add, edit, deactivate, find, show, and import from CSV with a report.

Maintaining the directory (:func:`add_partner`, :func:`update_partner`,
:func:`set_partner_active`, :func:`import_csv`) is open to every active account
(:data:`MAINTAINERS`): partners are the organisation's own records, not case data —
``core/access.py`` names no partner action, and the window offers the Partners area to every
role (README "Roles"); a counsellor adds the employer met at a fair on the spot. A partner is
never deleted: it is deactivated (and reactivated), so the referrals, consents and events that
name it keep their partner; inactive partners are left out of every list unless asked for
(``find_partners(include_inactive=True)``) and cannot receive a new referral. Each add, edit
and (de)activation is in the audit trail (``create``/``update`` on ``partner``: the fields
that changed, never the contact people's names). Edits take the version the user saw
(``expected_version``): :class:`PartnerChanged` if someone saved the partner meanwhile.

Services (Leistungen/Angebote) are lines of text, one service a line.

Partners are a few hundred rows, so the case- and diacritic-insensitive search filters in SQL
by kind where it can and folds names in Python (``names.fold``), the same on both backends.

CSV import (``import_csv``): comma or semicolon (from the header line), UTF-8 (with or without
BOM) or Windows-1252, German or English column names (``HEADER_ALIASES``) or an explicit
mapping. Every row is checked first; rows with a problem are rejected with their line number
and reason, the good rows are applied together (the caller commits once: one transaction).
An existing partner with the same folded name and postcode is updated, not duplicated.

A file that is no CSV text is refused as a whole, in one line, before anything is read into
the database (:func:`_decode_lines`, :func:`_records`; the attendee import reads files the
same way): UTF-16 ("Unicode text" from Excel), binary data (a spreadsheet, a PDF), a line
longer than :data:`MAX_LINE_BYTES`, a field longer than the csv module's limit.
"""

from __future__ import annotations

import codecs
import csv
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from mzdesk.core import access, reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Partner, PartnerContact, Role
from mzdesk.core.names import fold
from mzdesk.core.services import audit
from mzdesk.core.services.lookup import by_id
from mzdesk.core.text import BadText, checked_name, clean_text

LETTER_LANGUAGES = ("de", "en")
FIELDS = (
    "name",
    "kind",
    "department",
    "street",
    "postcode",
    "city",
    "phone",
    "email",
    "website",
    "services",
    "letter_language",
    "active",
)
_GERMAN_FIELDS = {
    "name": "Der Name",
    "kind": "Die Partnerart",
    "department": "Die Abteilung",
    "street": "Die Straße",
    "postcode": "Die PLZ",
    "city": "Der Ort",
    "phone": "Die Telefonnummer",
    "email": "Die E-Mail-Adresse",
    "website": "Die Website",
    "letter_language": "Die Briefsprache",
}
_MAX = {
    "name": 200,
    "department": 200,
    "street": 200,
    "postcode": 16,
    "city": 120,
    "phone": 64,
    "email": 254,
    "website": 254,
}
# Folded column heading -> field. Headings are folded (lower case, ASCII, no punctuation).
HEADER_ALIASES: dict[str, str] = {
    **{f.replace("_", " "): f for f in FIELDS},
    "organisation": "name",
    "organization": "name",
    "einrichtung": "name",
    "traeger": "name",
    "trager": "name",
    "art": "kind",
    "typ": "kind",
    "type": "kind",
    "abteilung": "department",
    "strasse": "street",
    "anschrift": "street",
    "adresse": "street",
    "plz": "postcode",
    "postleitzahl": "postcode",
    "zip": "postcode",
    "ort": "city",
    "stadt": "city",
    "telefon": "phone",
    "tel": "phone",
    "e mail": "email",
    "mail": "email",
    "web": "website",
    "internet": "website",
    "homepage": "website",
    "leistungen": "services",
    "angebote": "services",
    "briefsprache": "letter_language",
    "sprache": "letter_language",
    "language": "letter_language",
    "aktiv": "active",
}
_TRUE = {"1", "ja", "j", "yes", "y", "true", "wahr", "x", "aktiv", "active"}
_FALSE = {"0", "nein", "n", "no", "false", "falsch", "inaktiv", "inactive"}


# Who may maintain the directory (see the module notes): every role, as long as the account
# is active (``access.require_role`` refuses a disabled one).
MAINTAINERS = (Role.COUNSELLOR, Role.TEAM_LEAD, Role.ADMIN)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
CONTACT_FIELDS = ("name", "role", "phone", "email")
_GERMAN_CONTACT_FIELDS = {
    "name": "Der Name",
    "role": "Die Funktion",
    "phone": "Die Telefonnummer",
    "email": "Die E-Mail-Adresse",
}
_CONTACT_MAX = {"name": 200, "role": 200, "phone": 64, "email": 254}


class PartnerError(MzdeskError):
    """Partner data that cannot be stored as given; ``field`` names the field at fault
    (a partner field, or ``contact:N:FIELD`` for the N-th contact person, 1-based)."""

    def __init__(self, message: str, german: str | None = None, field: str | None = None) -> None:
        super().__init__(message, german)
        self.field = field


class PartnerChanged(PartnerError):
    """Someone else saved the partner since the user opened it (``current_version``)."""

    def __init__(self, current_version: int) -> None:
        super().__init__(
            "the partner was changed by someone else meanwhile",
            german="Jemand anderes hat diesen Partner inzwischen gespeichert.",
        )
        self.current_version = current_version


@dataclass(frozen=True)
class ContactPerson:
    """A contact person as typed (``id`` None: a new one)."""

    name: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    id: uuid.UUID | None = None


def require_maintainer(session: Session) -> None:
    """The access decision for changing the directory (:data:`MAINTAINERS`)."""
    access.require_role(session, *MAINTAINERS)


def kind_code(text: str) -> str:
    """A partner kind from its code or its German or English label, any case or accents."""
    wanted = fold(text)
    for item in reference.items("partner_kinds"):
        if wanted in (fold(item.code), fold(item.de), fold(item.en)):
            return item.code
    raise PartnerError(
        f"unknown partner kind {text!r} (known: {', '.join(reference.codes('partner_kinds'))})",
        german=f"Unbekannte Partnerart {text!r}.",
    )


def match_key(name: str, postcode: str | None) -> str:
    """What makes two partner rows the same organisation: folded name and postcode."""
    return f"{fold(name)}|{(postcode or '').replace(' ', '')}"


def _clean_values(values: Mapping[str, object]) -> dict[str, object]:
    """Checked and normalised field values; raises PartnerError with a one-line reason."""
    result: dict[str, object] = {}
    for key, raw in values.items():
        if key not in FIELDS:
            raise PartnerError(
                f"unknown partner field {key!r}", german=f"Unbekanntes Partnerfeld „{key}“."
            )
        if key == "active":
            if isinstance(raw, bool):
                result[key] = raw
                continue
            text = fold(str(raw or ""))
            if text in _TRUE or not text:
                result[key] = True
            elif text in _FALSE:
                result[key] = False
            else:
                raise PartnerError(
                    f"'active' must be ja/nein (yes/no), not {raw!r}",
                    german="„Aktiv“ muss „ja“ oder „nein“ sein.",
                )
            continue
        if key == "services":  # a description, one service a line: cleaned
            result[key] = _services(str(raw) if raw is not None else "")
            continue
        value = " ".join(str(raw).split()) if raw is not None else ""
        try:  # a name, an address, a number: refused (mzdesk.core.text)
            checked_name(value, key, _GERMAN_FIELDS.get(key, key))
        except BadText as exc:
            raise PartnerError(str(exc), german=exc.german, field=key) from None
        if key in _MAX and len(value) > _MAX[key]:
            raise PartnerError(
                f"{key} longer than {_MAX[key]} characters",
                german=f"{_GERMAN_FIELDS.get(key, key)} ist länger als {_MAX[key]} Zeichen.",
                field=key,
            )
        result[key] = value or None
    if "name" in result and not result["name"]:
        raise PartnerError("name is missing", german="Name fehlt.", field="name")
    if "kind" in result:
        if not result["kind"]:
            raise PartnerError("kind is missing", german="Partnerart fehlt.", field="kind")
        try:
            result["kind"] = kind_code(str(result["kind"]))
        except PartnerError as exc:
            exc.field = "kind"
            raise
    if "letter_language" in result:
        language = str(result["letter_language"] or "de").lower()
        language = {"deutsch": "de", "german": "de", "englisch": "en", "english": "en"}.get(
            language, language
        )
        if language not in LETTER_LANGUAGES:
            raise PartnerError(
                f"letter language must be de or en, not {language!r}",
                german="Die Briefsprache muss „de“ oder „en“ sein.",
                field="letter_language",
            )
        result["letter_language"] = language
    email = result.get("email")
    if isinstance(email, str) and not _EMAIL.match(email):
        raise PartnerError(
            f"not an e-mail address: {email!r}",
            german="Das ist keine E-Mail-Adresse (Muster: name@beispiel.de).",
            field="email",
        )
    return result


def _services(text: str) -> str | None:
    """One service a line: each line cleaned and its spaces collapsed, empty lines dropped."""
    lines = (" ".join(line.split()) for line in clean_text(text, multiline=True).split("\n"))
    return "\n".join(line for line in lines if line) or None


def _clean_contacts(contacts: Iterable[ContactPerson]) -> list[ContactPerson]:
    """Checked contact people (blank rows dropped); PartnerError naming the row and field."""
    cleaned: list[ContactPerson] = []
    for number, contact in enumerate(contacts, start=1):
        values: dict[str, str | None] = {}
        for key in CONTACT_FIELDS:
            value = " ".join(str(getattr(contact, key) or "").split())
            where = f"contact:{number}:{key}"
            try:
                checked_name(value, f"contact person {number}: {key}", _GERMAN_CONTACT_FIELDS[key])
            except BadText as exc:
                raise PartnerError(
                    str(exc), german=f"Ansprechperson {number}: {exc.german}", field=where
                ) from None
            if len(value) > _CONTACT_MAX[key]:
                raise PartnerError(
                    f"contact person {number}: {key} longer than {_CONTACT_MAX[key]} characters",
                    german=f"Ansprechperson {number}: {_GERMAN_CONTACT_FIELDS[key]} ist länger "
                    f"als {_CONTACT_MAX[key]} Zeichen.",
                    field=where,
                )
            values[key] = value or None
        if not any(values.values()):
            continue  # an empty row: nothing typed
        if not values["name"]:
            raise PartnerError(
                f"contact person {number}: the name is missing",
                german=f"Ansprechperson {number}: Der Name fehlt.",
                field=f"contact:{number}:name",
            )
        email = values["email"]
        if email and not _EMAIL.match(email):
            raise PartnerError(
                f"contact person {number}: not an e-mail address",
                german=f"Ansprechperson {number}: Das ist keine E-Mail-Adresse "
                "(Muster: name@beispiel.de).",
                field=f"contact:{number}:email",
            )
        cleaned.append(
            ContactPerson(
                name=str(values["name"]),
                role=values["role"],
                phone=values["phone"],
                email=email,
                id=contact.id,
            )
        )
    return cleaned


def add_partner(
    session: Session, *, contact_people: Iterable[ContactPerson] = (), **values: object
) -> Partner:
    """A new partner (``name`` and ``kind`` required) with its contact people; refused if a
    partner with the same name and postcode exists. Audited (``create``)."""
    require_maintainer(session)
    checked = _clean_values({"active": True, "letter_language": "de", **values})
    if not checked.get("name") or not checked.get("kind"):
        raise PartnerError(
            "a partner needs a name and a kind",
            german="Ein Partner braucht einen Namen und eine Partnerart.",
            field="kind" if checked.get("name") else "name",
        )
    contacts = _clean_contacts(contact_people)
    _refuse_duplicate(session, str(checked["name"]), _opt(checked.get("postcode")), None)
    partner = Partner(**checked)
    partner.contact_people = [
        PartnerContact(name=c.name, role=c.role, phone=c.phone, email=c.email) for c in contacts
    ]
    session.add(partner)
    session.flush()
    audit.append(
        session,
        "create",
        "partner",
        entity_id=partner.id,
        details={"contact_people": len(partner.contact_people)},
    )
    return partner


def _refuse_duplicate(
    session: Session, name: str, postcode: str | None, own_id: uuid.UUID | None
) -> None:
    key = match_key(name, postcode)
    for existing in session.scalars(select(Partner)):
        if existing.id != own_id and match_key(existing.name, existing.postcode) == key:
            state = "" if existing.active else " (inaktiv)"
            raise PartnerError(
                f"partner already exists with this name and postcode: {existing.id.hex[-8:]}",
                german=f"Ein Partner mit diesem Namen und dieser PLZ existiert bereits{state}.",
                field="name",
            )


def update_partner(
    session: Session,
    partner_id: str | uuid.UUID,
    *,
    expected_version: int | None = None,
    contact_people: Iterable[ContactPerson] | None = None,
    **values: object,
) -> Partner:
    """Change a partner's fields (those given) and, with ``contact_people``, its contact
    people: those with an ``id`` are updated, new ones added, the others removed.

    ``expected_version``: the version the user saw; :class:`PartnerChanged` if it moved.
    Audited (``update``: the names of the fields that changed and contact people counts).
    ``active`` is changed with :func:`set_partner_active`.
    """
    require_maintainer(session)
    if "active" in values:
        raise PartnerError(
            "use set_partner_active to (de)activate a partner",
            german="Aktivieren und Deaktivieren geht über „Deaktivieren“/„Reaktivieren“.",
        )
    partner = get_partner(session, partner_id)
    if expected_version is not None and partner.version != expected_version:
        raise PartnerChanged(partner.version)
    checked = _clean_values(values)
    if "name" in values and not checked.get("name"):
        raise PartnerError("name is missing", german="Name fehlt.", field="name")
    contacts = None if contact_people is None else _clean_contacts(contact_people)
    name = str(checked.get("name", partner.name))
    postcode = _opt(checked["postcode"]) if "postcode" in checked else partner.postcode
    _refuse_duplicate(session, name, postcode, partner.id)
    changed = sorted(k for k, v in checked.items() if getattr(partner, k) != v)
    for key in changed:
        setattr(partner, key, checked[key])
    details: dict[str, object] = {"changed": changed}
    if contacts is not None:
        counts = _apply_contacts(partner, contacts)
        details.update({k: v for k, v in counts.items() if v})
    if len(details) == 1 and not changed:
        return partner  # nothing changed: no new version, no entry
    flag_modified(partner, "updated_at")  # the partner row's version moves with its contacts
    _flush(session, partner)
    audit.append(session, "update", "partner", entity_id=partner.id, details=details)
    return partner


def _apply_contacts(partner: Partner, contacts: list[ContactPerson]) -> dict[str, int]:
    existing = {c.id: c for c in partner.contact_people}
    kept: list[PartnerContact] = []
    counts = {"contact_people_added": 0, "contact_people_changed": 0, "contact_people_removed": 0}
    for contact in contacts:
        row = existing.get(contact.id) if contact.id is not None else None
        if row is None:
            row = PartnerContact(
                name=contact.name, role=contact.role, phone=contact.phone, email=contact.email
            )
            counts["contact_people_added"] += 1
        else:
            fields = {k: getattr(contact, k) for k in CONTACT_FIELDS}
            if any(getattr(row, k) != v for k, v in fields.items()):
                counts["contact_people_changed"] += 1
                for key, value in fields.items():
                    setattr(row, key, value)
        kept.append(row)
    counts["contact_people_removed"] = len({c.id for c in partner.contact_people}) - len(
        {row.id for row in kept if row.id in existing}
    )
    partner.contact_people = kept
    return counts


def _flush(session: Session, partner: Partner) -> None:
    try:
        session.flush()
    except StaleDataError:  # a concurrent commit between reading and flushing
        session.rollback()
        current = session.get(Partner, partner.id)
        raise PartnerChanged(current.version if current is not None else -1) from None


def set_partner_active(
    session: Session,
    partner_id: str | uuid.UUID,
    active: bool,
    *,
    expected_version: int | None = None,
) -> Partner:
    """Deactivate (``active`` False) or reactivate a partner — never delete it. Audited."""
    require_maintainer(session)
    partner = get_partner(session, partner_id)
    if expected_version is not None and partner.version != expected_version:
        raise PartnerChanged(partner.version)
    if partner.active is active:
        return partner
    partner.active = active
    _flush(session, partner)
    audit.append(session, "update", "partner", entity_id=partner.id, details={"active": active})
    return partner


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def get_partner(session: Session, text: str | uuid.UUID) -> Partner:
    return by_id(session, Partner, text, "partner")


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _searchable(text: str | None) -> str:
    """Folded text plus its German spelling ("Müller" is found as "muller" and "mueller")."""
    if not text:
        return ""
    plain, german = fold(text), fold(text.translate(_GERMAN))
    return plain if plain == german else f"{plain} | {german}"


def find_partners(
    session: Session,
    text: str | None = None,
    *,
    kind: str | None = None,
    city: str | None = None,
    include_inactive: bool = False,
    limit: int = 100,
) -> list[Partner]:
    """Partners whose name (or department/services) contains every word of ``text``.

    Case- and diacritic-insensitive: "jobcenter musterland" and "jobcenter muesterland" both
    find "Jobcenter Müsterland". Ordered by folded name.
    """
    query = select(Partner)
    if kind:
        query = query.where(Partner.kind == kind_code(kind))
    if not include_inactive:
        query = query.where(Partner.active.is_(True))
    words = fold(text).split()
    wanted_city = fold(city)
    found = []
    for partner in session.scalars(query):
        haystack = _searchable(" ".join(filter(None, [partner.name, partner.department])))
        if words and not all(word in haystack for word in words):
            continue
        if wanted_city and wanted_city not in _searchable(partner.city):
            continue
        found.append(partner)
    found.sort(key=lambda p: (fold(p.name), p.postcode or "", p.id.hex))
    return found[:limit]


# --- CSV import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RejectedRow:
    line: int  # physical line number in the file (the header is line 1)
    reason: str


@dataclass
class ImportReport:
    encoding: str
    delimiter: str
    columns: dict[str, str]  # heading -> field
    ignored_columns: list[str]
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    dry_run: bool = False

    @property
    def accepted(self) -> int:
        return self.created + self.updated + self.unchanged

    def as_dict(self) -> dict[str, object]:
        return {
            "dry_run": self.dry_run,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "columns": self.columns,
            "ignored_columns": self.ignored_columns,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
        }


# No registration list or directory has a longer line; the csv module's field limit is the
# same size (its default), so memory stays bounded whatever a file holds.
MAX_LINE_BYTES = 128 * 1024
# Bytes that text files do not hold (C0 controls but tab, LF, CR; DEL). More than this share
# of them: binary data, refused as a whole; a few: the rows that hold them are rejected.
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_BINARY_SHARE = 0.05
_SAVE_AS = "save it as 'CSV UTF-8' (or 'CSV (Trennzeichen-getrennt)') and import that file"
_SAVE_AS_DE = (
    "bitte als „CSV UTF-8“ oder „CSV (Trennzeichen-getrennt)“ speichern und diese Datei einlesen"
)


def _refuse_non_text(data: bytes) -> None:
    """:class:`PartnerError` (one line) for UTF-16/UTF-32 or binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PartnerError(
            f"the file is UTF-16 or UTF-32 (Unicode text): {_SAVE_AS}",
            german=f"Die Datei ist als Unicode-Text (UTF-16) gespeichert: {_SAVE_AS_DE}.",
        )
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls and controls > _BINARY_SHARE * len(data):
        raise PartnerError(
            f"not a text file (a spreadsheet, a PDF or UTF-16 without a byte order mark?): "
            f"{_SAVE_AS}",
            german=f"Das ist keine Textdatei: {_SAVE_AS_DE}.",
        )


def _decode_lines(data: bytes) -> tuple[str, list[str], set[int]]:
    """The file's lines as text, its encoding, and the line numbers that could not be decoded.

    The whole file in UTF-8 if it is valid UTF-8; else Windows-1252 unless some lines are
    valid UTF-8 *with* non-ASCII characters (a file mixed from two sources): then the lines
    that are not UTF-8 are rejected rather than guessed. UTF-16, binary data and overlong
    lines: :class:`PartnerError` for the whole file.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    _refuse_non_text(data)
    raw_lines = data.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    for number, line in enumerate(raw_lines, start=1):
        if len(line) > MAX_LINE_BYTES:
            raise PartnerError(
                f"line {number} is longer than {MAX_LINE_BYTES // 1024} KB: not a CSV list",
                german=f"Zeile {number} ist länger als {MAX_LINE_BYTES // 1024} KB: "
                "das ist keine CSV-Liste.",
            )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", [line.decode("utf-8") for line in raw_lines], set()
    bad: set[int] = set()
    has_utf8_text = False
    for number, line in enumerate(raw_lines, start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.add(number)
        else:
            has_utf8_text = has_utf8_text or not line.isascii()
    if has_utf8_text:
        return "utf-8", [line.decode("utf-8", errors="replace") for line in raw_lines], bad
    lines, bad = [], set()
    for number, line in enumerate(raw_lines, start=1):
        try:
            lines.append(line.decode("cp1252"))
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
            lines.append(line.decode("cp1252", errors="replace"))
            bad.add(number)
    return "windows-1252", lines, bad


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        raise PartnerError(
            "the header line has no ';', ',' or tab between column names",
            german="In der Kopfzeile stehen zwischen den Spaltennamen weder „;“ noch „,“ "
            "noch Tabulatoren.",
        )
    return best


def _map_headers(
    headings: list[str], mapping: Mapping[str, str] | None
) -> tuple[dict[int, str], dict[str, str], list[str]]:
    explicit = {fold(k): v for k, v in (mapping or {}).items()}
    for target in explicit.values():
        if target not in FIELDS:
            raise PartnerError(
                f"mapping names an unknown field {target!r}",
                german=f"Die Spaltenzuordnung nennt ein unbekanntes Feld „{target}“.",
            )
    columns: dict[int, str] = {}
    shown: dict[str, str] = {}
    ignored: list[str] = []
    for index, heading in enumerate(headings):
        key = fold(heading)
        found = explicit.get(key) or HEADER_ALIASES.get(key)
        if found is None or found in columns.values():
            ignored.append(heading)
            continue
        columns[index] = found
        shown[heading] = found
    missing = [f for f in ("name", "kind") if f not in columns.values()]
    if missing:
        raise PartnerError(
            f"no column for {', '.join(missing)} in the header line "
            f"(found: {', '.join(clean_text(h) for h in headings)}); map one with HEADING=field",
            german=f"Keine Spalte für {', '.join(missing)} in der Kopfzeile.",
        )
    return columns, shown, ignored


def _records(lines: list[str], delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """CSV records with the first and last physical line each spans (quoted line breaks).

    A record the csv module cannot read (a quoted field that never ends and outgrows the
    field limit, a stray carriage return): :class:`PartnerError` naming its first line."""
    reader = csv.reader(iter(lines), delimiter=delimiter)
    last = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise PartnerError(
                f"line {last + 1}: not readable as CSV ({_csv_problem(exc)})",
                german=f"Zeile {last + 1} ist kein lesbares CSV "
                f"({_csv_problem(exc, german=True)}).",
            ) from None
        first, last = last + 1, reader.line_num
        yield first, last, record


def _csv_problem(exc: csv.Error, *, german: bool = False) -> str:
    text = str(exc)
    if "field limit" in text:
        limit = csv.field_size_limit()
        if german:
            return f"ein Feld ist länger als {limit} Zeichen"
        return f"a field longer than {limit} characters: a quote that is never closed?"
    if "new-line" in text:
        return "Zeilenumbruch mitten in einem Feld" if german else "a line break inside a field"
    return "fehlerhafte Anführungszeichen" if german else "malformed quoting"


def import_csv(
    session: Session,
    data: bytes,
    *,
    mapping: Mapping[str, str] | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Check every row, then (unless ``dry_run``) create or update the good ones.

    Nothing is committed here: the caller commits once, so the good rows land together.
    """
    require_maintainer(session)
    encoding, lines, bad_lines = _decode_lines(data)
    if not lines or not lines[0].strip():
        raise PartnerError("the file is empty", german="Die Datei ist leer.")
    delimiter = _delimiter(lines[0])
    records = _records(lines, delimiter)
    _first, _last, headings = next(records)
    columns, shown, ignored = _map_headers([h.strip() for h in headings], mapping)
    report = ImportReport(encoding, delimiter, shown, ignored, dry_run=dry_run)

    existing = {match_key(p.name, p.postcode): p for p in session.scalars(select(Partner))}
    seen_in_file: dict[str, int] = {}
    planned: list[tuple[Partner | None, dict[str, object]]] = []
    for first, last, record in records:
        if not any(cell.strip() for cell in record):
            continue  # blank line
        if bad_lines.intersection(range(first, last + 1)):
            report.rejected.append(
                RejectedRow(first, f"characters not readable as {encoding} (mixed encodings?)")
            )
            continue
        if len(record) != len(headings):
            report.rejected.append(
                RejectedRow(first, f"expected {len(headings)} fields, found {len(record)}")
            )
            continue
        try:
            values = _clean_values({target: record[i] for i, target in columns.items()})
        except PartnerError as exc:
            report.rejected.append(RejectedRow(first, str(exc)))
            continue
        key = match_key(str(values["name"]), _opt(values.get("postcode")))
        if key in seen_in_file:
            report.rejected.append(
                RejectedRow(first, f"same name and postcode as line {seen_in_file[key]}")
            )
            continue
        seen_in_file[key] = first
        planned.append((existing.get(key), values))

    for partner, values in planned:
        if partner is None:
            report.created += 1
            if not dry_run:
                session.add(Partner(**{"active": True, "letter_language": "de", **values}))
            continue
        changes = {k: v for k, v in values.items() if getattr(partner, k) != v}
        if not changes:
            report.unchanged += 1
            continue
        report.updated += 1
        if not dry_run:
            for key, value in changes.items():
                setattr(partner, key, value)
    if not dry_run:
        session.flush()
    return report


def describe(partner: Partner) -> dict[str, object]:
    """A partner as plain data (CLI ``show``/``--json``)."""
    return {
        "id": str(partner.id),
        "short_id": partner.id.hex[-8:],
        **{name: getattr(partner, name) for name in FIELDS},
        "kind_label": reference.label("partner_kinds", partner.kind),
        "version": partner.version,
        "contact_people": [
            {"id": str(c.id), "name": c.name, "role": c.role, "phone": c.phone, "email": c.email}
            for c in partner.contact_people
        ],
    }


def all_kinds() -> Iterable[str]:
    return reference.codes("partner_kinds")
