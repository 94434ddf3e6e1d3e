"""Import an event's registration list (CSV) as attendees, with a report of every rejected row.

The file: comma, semicolon or tab (from the header line), UTF-8 with or without BOM or
Windows-1252 (the same reading as the partner import), German or English column names
(``HEADER_ALIASES``) or an explicit ``mapping`` heading → field.

Birth dates as people and spreadsheets type them (:func:`parse_birth_date`): ``24.11.1990``,
``24.11.90``, ``24/11/1990``, ``1990-11-24`` (also with a time), ``1990`` (year only), and
Excel serial day numbers (``33201``). Two-digit years take the latest century in which the
person is at least 14 (job fairs are for working age). ``01.01.YYYY`` is stored as the
placeholder date many refugees' papers carry (the duplicate check treats it as year-only).

Every row is checked first; a row with a problem is rejected with its line number and reason,
the good rows are imported together (the caller commits once: one transaction; nothing is
written for rejected rows).

Duplicates, decided as follows:

* **Certain** match — exactly one existing person reaches the duplicate threshold, and that
  one has the same name keys (transliteration-aware: Mohammed = Muhammad), the same exact
  birth date and a score of at least :data:`CERTAIN_SCORE`: the row is
  registered as that person (``linked``); no new person is created.
* A likely match (above the threshold) who is **already registered for this event**: the row
  is skipped as ``already_registered`` (importing the same list twice adds nobody).
* Other likely matches: a new person is created and the row is listed under
  ``possible_duplicates`` with the candidates' file numbers, for a person to check and merge
  (``mzdesk dedupe`` finds the pair too). A guess is never made silently.
* The same person twice in the file (same folded names and birth date): the later row is
  rejected, naming the earlier line.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access, reference
from mzdesk.core.access import Action
from mzdesk.core.dedupe import DEFAULT_THRESHOLD, PersonProbe, score
from mzdesk.core.dedupe.batch import find_many
from mzdesk.core.dedupe.blocking import blocking_keys, name_pairs
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Attendance, BirthDatePrecision, Person
from mzdesk.core.names import fold
from mzdesk.core.services import event_attendance, events, languages, short_intake
from mzdesk.core.services.partners import PartnerError as _CsvError
from mzdesk.core.services.partners import _decode_lines, _delimiter, _records
from mzdesk.core.text import clean_text

log = logging.getLogger(__name__)

CERTAIN_SCORE = 0.9
MIN_AGE = 14
EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (it counts the non-existent 29.02.1900)
FIELDS = (
    "family_name",
    "given_names",
    "birth_date",
    "phone",
    "email",
    "languages",
    "german_level",
    "profession_wish",
    "nationality",
    "consent_to_contact",
)
REQUIRED = ("family_name",)
HEADER_ALIASES: dict[str, str] = {
    **{f.replace("_", " "): f for f in FIELDS},
    "nachname": "family_name",
    "familienname": "family_name",
    "name": "family_name",
    "surname": "family_name",
    "last name": "family_name",
    "vorname": "given_names",
    "vornamen": "given_names",
    "first name": "given_names",
    "given name": "given_names",
    "geburtsdatum": "birth_date",
    "geburtstag": "birth_date",
    "geb": "birth_date",
    "geb datum": "birth_date",
    "geburtsjahr": "birth_date",
    "jahrgang": "birth_date",
    "date of birth": "birth_date",
    "birth year": "birth_date",
    "dob": "birth_date",
    "telefon": "phone",
    "tel": "phone",
    "handy": "phone",
    "mobil": "phone",
    "telefonnummer": "phone",
    "e mail": "email",
    "mail": "email",
    "sprachen": "languages",
    "sprache": "languages",
    "deutsch": "german_level",
    "deutschniveau": "german_level",
    "deutschkenntnisse": "german_level",
    "sprachniveau deutsch": "german_level",
    "german": "german_level",
    "beruf": "profession_wish",
    "berufswunsch": "profession_wish",
    "beruf wunsch": "profession_wish",
    "profession": "profession_wish",
    "job": "profession_wish",
    "staatsangehorigkeit": "nationality",
    "staatsangehoerigkeit": "nationality",
    "nationalitat": "nationality",
    "nationalitaet": "nationality",
    "herkunftsland": "nationality",
    "einwilligung": "consent_to_contact",
    "kontakt erlaubt": "consent_to_contact",
    "einverstandnis": "consent_to_contact",
    "einverstaendnis": "consent_to_contact",
    "consent": "consent_to_contact",
}
_TRUE = {"1", "ja", "j", "yes", "y", "true", "wahr", "x"}
_FALSE = {"", "0", "nein", "n", "no", "false", "falsch"}


class AttendeeImportError(MzdeskError):
    """The file as a whole cannot be imported (no header, no name column, unreadable)."""


@dataclass(frozen=True)
class RejectedRow:
    line: int  # physical line in the file (the header is line 1)
    reason: str


@dataclass(frozen=True)
class ReviewRow:
    line: int
    file_number: str  # the person created (possible duplicate) or found (already registered)
    candidates: tuple[str, ...] = ()  # file numbers of the likely matches


@dataclass
class ImportReport:
    encoding: str
    delimiter: str
    columns: dict[str, str]  # heading -> field
    ignored_columns: list[str]
    created: int = 0  # new persons registered
    linked: int = 0  # certain matches: existing persons registered
    already_registered: list[ReviewRow] = field(default_factory=list)
    possible_duplicates: list[ReviewRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.linked

    def as_dict(self) -> dict[str, Any]:
        return {
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "columns": self.columns,
            "ignored_columns": self.ignored_columns,
            "imported": self.imported,
            "created": self.created,
            "linked": self.linked,
            "already_registered": [
                {"line": r.line, "file_number": r.file_number} for r in self.already_registered
            ],
            "possible_duplicates": [
                {"line": r.line, "file_number": r.file_number, "candidates": list(r.candidates)}
                for r in self.possible_duplicates
            ],
            "rejected": [{"line": r.line, "reason": r.reason} for r in self.rejected],
        }


# --- values -----------------------------------------------------------------------------------

_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_SERIAL = re.compile(r"^(\d{5})(?:[.,]0+)?$")


class BadValue(MzdeskError):
    """One value of a row that cannot be read."""


def _century(two_digits: int, today: date) -> int:
    year = 2000 + two_digits
    return year if year <= today.year - MIN_AGE else year - 100


def parse_birth_date(
    text: str, today: date | None = None
) -> tuple[date | None, BirthDatePrecision]:
    """A birth date as typed or exported; ``(None, EXACT)`` for an empty cell."""
    today = today or date.today()
    raw = text.strip()
    if not raw:
        return None, BirthDatePrecision.EXACT
    precision = BirthDatePrecision.EXACT
    if re.fullmatch(r"\d{4}", raw):
        value = _checked(int(raw), 1, 1, raw)
        precision = BirthDatePrecision.YEAR
    elif match := _DMY.match(raw):
        day, month, year_text = match.groups()
        year = int(year_text)
        if len(year_text) == 2:
            year = _century(year, today)
        value = _checked(year, int(month), int(day), raw)
    elif match := _ISO.match(raw):
        year, month, day = (int(part) for part in match.groups())
        value = _checked(year, month, day, raw)
    elif match := _SERIAL.match(raw):
        value = EXCEL_EPOCH + timedelta(days=int(match.group(1)))
    else:
        raise BadValue(
            f"birth date not readable: {raw!r} (e.g. 24.11.1990, 1990-11-24 or 1990)",
            german=f"Geburtsdatum nicht lesbar: {raw!r} (z. B. 24.11.1990 oder 1990).",
        )
    if value > today or value.year < short_intake.OLDEST_BIRTH_YEAR:
        raise BadValue(
            f"birth date {raw!r} is not plausible",
            german=f"Geburtsdatum {raw!r} ist nicht plausibel.",
        )
    if precision is BirthDatePrecision.EXACT and (value.month, value.day) == (1, 1):
        precision = BirthDatePrecision.PLACEHOLDER
    return value, precision


def _checked(year: int, month: int, day: int, raw: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(
            f"no such date: {raw!r}", german=f"Dieses Datum gibt es nicht: {raw!r}."
        ) from None


def country_code(text: str) -> str | None:
    wanted = fold(text)
    if not wanted:
        return None
    for item in reference.items("countries"):
        if wanted in (fold(item.code), fold(item.de), fold(item.en)):
            return item.code
    raise BadValue(f"unknown country {text.strip()!r}", german=f"Unbekanntes Land {text!r}.")


def _consent(text: str) -> bool:
    value = fold(text)
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise BadValue(
        f"consent must be ja/nein (yes/no), not {text.strip()!r}",
        german="Die Einwilligung muss „ja“ oder „nein“ sein.",
    )


def intake_from(values: Mapping[str, str], today: date | None = None) -> short_intake.ShortIntake:
    """The short intake of one row's mapped cells; :class:`MzdeskError` with the reason."""
    born, precision = parse_birth_date(values.get("birth_date", ""), today)
    intake = short_intake.ShortIntake(
        family_name=" ".join(values.get("family_name", "").split()),
        given_names=" ".join(values.get("given_names", "").split()),
        birth_date=born,
        birth_date_precision=precision,
        languages=languages.parse_languages(values.get("languages")),
        german_level=languages.german_level(values.get("german_level")),
        profession_wish=" ".join(values.get("profession_wish", "").split()) or None,
        phone=" ".join(values.get("phone", "").split()) or None,
        email=values.get("email", "").strip() or None,
        nationality=country_code(values.get("nationality", "")),
        consent_to_contact=_consent(values.get("consent_to_contact", "")),
    )
    if intake.email and ("@" not in intake.email or " " in intake.email):
        raise BadValue("not an e-mail address", german="Das ist keine E-Mail-Adresse.")
    short_intake.check_intake(intake, today)
    return intake


# --- reading the file -------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedRow:
    line: int
    cells: dict[str, str]  # field -> raw text
    intake: short_intake.ShortIntake | None  # None: rejected (see ParsedFile.rejected)


@dataclass
class ParsedFile:
    encoding: str
    delimiter: str
    headings: list[str]
    columns: dict[str, str]
    ignored: list[str]
    rows: list[ParsedRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)


def _map_headers(
    headings: list[str], mapping: Mapping[str, str] | None
) -> tuple[dict[int, str], dict[str, str], list[str]]:
    explicit = {fold(k): v for k, v in (mapping or {}).items()}
    for target in explicit.values():
        if target and target not in FIELDS:
            raise AttendeeImportError(
                f"mapping names an unknown field {target!r}",
                german=f"Die Spaltenzuordnung nennt ein unbekanntes Feld „{target}“.",
            )
    columns: dict[int, str] = {}
    shown: dict[str, str] = {}
    ignored: list[str] = []
    for index, heading in enumerate(headings):
        key = fold(heading)
        found = explicit[key] if key in explicit else HEADER_ALIASES.get(key)
        if not found or found in columns.values():
            ignored.append(heading)
            continue
        columns[index] = found
        shown[heading] = found
    missing = [f for f in REQUIRED if f not in columns.values()]
    if missing:
        listed = ", ".join(clean_text(heading) for heading in headings)
        raise AttendeeImportError(
            f"no column for the family name in the header line (found: {listed}); "
            "map one with HEADING=family_name",
            german="Keine Spalte für den Familiennamen in der Kopfzeile.",
        )
    return columns, shown, ignored


def read_file(path: Path | str) -> bytes:
    path = Path(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AttendeeImportError(
            f"cannot read {path.name}: {exc.strerror}",
            german=f"Die Datei {path.name} kann nicht gelesen werden.",
        ) from exc


def parse(
    data: bytes, mapping: Mapping[str, str] | None = None, today: date | None = None
) -> ParsedFile:
    """Every row read and checked (no database): good rows with their intake, bad ones with
    their line and reason. Duplicates within the file are rejected here too."""
    encoding, lines, bad_lines = _decode_lines(data)
    if not lines or not lines[0].strip():
        raise AttendeeImportError("the file is empty", german="Die Datei ist leer.")
    try:
        delimiter = _delimiter(lines[0])
    except _CsvError:
        delimiter = ","  # a single column: the family name alone
    records = _records(lines, delimiter)
    _first, _last, raw_headings = next(records)
    headings = [h.strip() for h in raw_headings]
    columns, shown, ignored = _map_headers(headings, mapping)
    parsed = ParsedFile(encoding, delimiter, headings, shown, ignored)
    seen: dict[tuple[str, str, date | None], int] = {}
    for first, last, record in records:
        if not any(cell.strip() for cell in record):
            continue
        if bad_lines.intersection(range(first, last + 1)):
            parsed.rejected.append(
                RejectedRow(first, f"characters not readable as {encoding} (mixed encodings?)")
            )
            continue
        if len(record) != len(headings):
            parsed.rejected.append(
                RejectedRow(first, f"expected {len(headings)} fields, found {len(record)}")
            )
            continue
        cells = {target: record[index] for index, target in columns.items()}
        try:
            intake = intake_from(cells, today)
        except MzdeskError as exc:
            parsed.rejected.append(RejectedRow(first, str(exc)))
            parsed.rows.append(ParsedRow(first, cells, None))
            continue
        key = (fold(intake.family_name), fold(intake.given_names), intake.birth_date)
        if key in seen:
            parsed.rejected.append(RejectedRow(first, f"same person as line {seen[key]}"))
            parsed.rows.append(ParsedRow(first, cells, None))
            continue
        seen[key] = first
        parsed.rows.append(ParsedRow(first, cells, intake))
    return parsed


@dataclass(frozen=True)
class ImportPreview:
    """What the dialog shows before importing: the first rows mapped, and every problem."""

    parsed: ParsedFile
    rows: list[ParsedRow]  # the first ``limit`` rows (good and rejected)
    good: int

    @property
    def rejected(self) -> list[RejectedRow]:
        return self.parsed.rejected


def preview(
    data: bytes, mapping: Mapping[str, str] | None = None, limit: int = 50
) -> ImportPreview:
    parsed = parse(data, mapping)
    good = sum(1 for row in parsed.rows if row.intake is not None)
    return ImportPreview(parsed, parsed.rows[:limit], good)


def headings_of(data: bytes) -> list[str]:
    """The header line's column names (for the mapping in the dialog)."""
    _encoding, lines, _bad = _decode_lines(data)
    if not lines or not lines[0].strip():
        raise AttendeeImportError("the file is empty", german="Die Datei ist leer.")
    try:
        delimiter = _delimiter(lines[0])
    except _CsvError:
        delimiter = ","
    return [h.strip() for h in next(_records(lines[:1], delimiter))[2]]


# --- importing --------------------------------------------------------------------------------


def _registered_here(session: Session, event_id: uuid.UUID) -> dict[uuid.UUID, str]:
    rows = session.execute(
        select(Person.id, Person.file_number)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.event_id == event_id)
    )
    return {person_id: number for person_id, number in rows}


def import_data(
    session: Session,
    event_id: uuid.UUID,
    data: bytes,
    mapping: Mapping[str, str] | None = None,
) -> ImportReport:
    """Check every row, then register the good ones (the caller commits once)."""
    access.require(session, Action.EVENTS)
    access.require(session, Action.EDIT_PERSON)
    event = events.get_event(session, event_id)
    parsed = parse(data, mapping)
    report = ImportReport(parsed.encoding, parsed.delimiter, parsed.columns, parsed.ignored)
    report.rejected.extend(parsed.rejected)
    registered = _registered_here(session, event.id)
    rows = {uuid.uuid4(): row for row in parsed.rows if row.intake is not None}
    probes = {key: row.intake.probe() for key, row in rows.items() if row.intake is not None}
    # every row against the stored persons, the table read once (not once per row)
    found = find_many(session, probes)
    earlier = _EarlierRows()
    for key, row in rows.items():
        intake, probe = row.intake, probes[key]
        assert intake is not None
        likely = found.get(key, [])
        here = next((c.file_number for c in likely if c.person_id in registered), None)
        # a person this file registered already: skipped only when certain (as a link would
        # be); a likeness alone registers the row and lists the earlier one to check
        twin, twin_certain = earlier.alike(probe)
        if here is None and twin_certain:
            here = twin
        if here is not None:
            report.already_registered.append(ReviewRow(row.line, here))
            continue
        certain = len(likely) == 1 and certainly_same(
            likely[0].score,
            likely[0].reasons,
            probe,
            likely[0].birth_date,
            BirthDatePrecision.EXACT,  # the stored date must equal the row's exact one
        )
        if certain:
            attendance = event_attendance.register_person(
                session,
                event.id,
                likely[0].person_id,
                consent_to_contact=intake.consent_to_contact,
                profession_wish=intake.profession_wish,
                german_level_text=intake.german_level,
                registered_beforehand=True,
            )
            report.linked += 1
            file_number = likely[0].file_number
        else:
            attendance = event_attendance.register_new_attendee(
                session, event.id, intake, registered_beforehand=True
            )
            report.created += 1
            person = session.get(Person, attendance.person_id)
            assert person is not None
            file_number = person.file_number
            candidates = tuple(c.file_number for c in likely) + ((twin,) if twin else ())
            if candidates:
                report.possible_duplicates.append(ReviewRow(row.line, file_number, candidates))
        assert attendance.person_id is not None
        registered[attendance.person_id] = ""
        earlier.add(probe, file_number)
    report.rejected.sort(key=lambda r: r.line)
    log.info(
        "attendee import into event %s: %d new, %d linked, %d already there, %d rejected",
        event.id,
        report.created,
        report.linked,
        len(report.already_registered),
        len(report.rejected),
    )
    return report


def certainly_same(
    score: float,
    reasons: Sequence[str],
    probe: PersonProbe,
    other_birth: date | None,
    other_precision: BirthDatePrecision,
) -> bool:
    """A match the import acts on without asking: the same name keys (transliteration-aware),
    the same exact birth date on both sides, and a score of at least CERTAIN_SCORE."""
    return (
        score >= CERTAIN_SCORE
        and "name_key" in reasons
        and probe.birth_date_precision is BirthDatePrecision.EXACT
        and other_precision is BirthDatePrecision.EXACT
        and probe.birth_date == other_birth
    )


class _EarlierRows:
    """The persons this file has registered so far, to find a later row that is one of them
    (alike, not identical: identical rows were rejected while parsing) without the database:
    the rows' blocking keys and name pairs in memory, scored as the duplicate check scores —
    without its common-name penalty (the file is no population to count namesakes in), which
    is why only a certain match skips a row."""

    def __init__(self) -> None:
        self._by_key: dict[object, list[tuple[PersonProbe, str]]] = defaultdict(list)

    @staticmethod
    def _keys(probe: PersonProbe) -> list[object]:
        return [*blocking_keys(probe), *(("names", *pair) for pair in name_pairs(probe))]

    def alike(self, probe: PersonProbe) -> tuple[str | None, bool]:
        """(file number of the most alike earlier row or None, whether certainly the same:
        the same name keys and exact birth date with a score of at least CERTAIN_SCORE)."""
        best: tuple[float, str, bool] | None = None
        seen: set[int] = set()
        for key in self._keys(probe):
            for other, file_number in self._by_key.get(key, ()):
                if id(other) in seen:
                    continue
                seen.add(id(other))
                match = score(probe, other)
                if match.score >= DEFAULT_THRESHOLD and (best is None or match.score > best[0]):
                    certain = certainly_same(
                        match.score,
                        match.reasons,
                        probe,
                        other.birth_date,
                        other.birth_date_precision,
                    )
                    best = (match.score, file_number, certain)
        return (best[1], best[2]) if best else (None, False)

    def add(self, probe: PersonProbe, file_number: str) -> None:
        for key in self._keys(probe):
            self._by_key[key].append((probe, file_number))


def import_attendees(
    session: Session,
    event_id: uuid.UUID,
    path: Path | str,
    mapping: Mapping[str, str] | None = None,
) -> ImportReport:
    """Import the registration list at ``path`` into the event (the caller commits once)."""
    return import_data(session, event_id, read_file(path), mapping)
