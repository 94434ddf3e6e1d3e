"""The Art. 15 export as a readable German PDF (reportlab, DejaVu Sans, Arabic shaped).

The PDF is for the person it is about, so it says everything in words: each record is a small
two-column table "Feld | Inhalt" with German labels; codes are shown as their German names (a
nationality as "Syrien", a residence status as its title, a case's status as "abgeschlossen");
partners, users, events and teams by their names; dates as TT.MM.JJJJ and moments in local
time. Empty fields, bookkeeping columns (version, origin, ids of parent rows) and the records'
internal ids are left out: the JSON beside the PDF keeps every id and code for a machine.
The audit entries form one table at the end ("Wer hat wann was getan"), their details in
words ("Familienname: alt → neu"), never as JSON.

A column added to a table later is shown under its column name until it gets a label here
(tests/integration/test_privacy_readable.py lists the columns that have none).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from io import BytesIO
from typing import Any

from mzdesk.core import fonts, reference
from mzdesk.core.letters.text import markup

REGULAR = fonts.REGULAR
BOLD = fonts.BOLD

SKIPPED = frozenset(
    {
        "id",  # internal ids: in the JSON
        "version",
        "origin",
        "updated_by",
        "person_id",
        "case_id",
        "consent_id",
        "attendance_id",
        "prev_hash",
        "hash",
        "merged_into_id",
        "household_id",
        "headcount",  # people counted without registering: not about the person
        "position",  # the order of nationalities and languages: the list shows it
        "letter_sha256",  # the letter's check value: in the JSON
    }
)
LABELS = {
    "id": "Kennung",
    "file_number": "Aktenzeichen",
    "family_name": "Familienname",
    "given_names": "Vornamen",
    "family_name_original": "Familienname (Originalschrift)",
    "given_names_original": "Vornamen (Originalschrift)",
    "birth_date": "Geburtsdatum",
    "birth_date_precision": "Genauigkeit des Geburtsdatums",
    "sex": "Geschlecht",
    "interpreter_language": "Dolmetschsprache",
    "phone": "Telefon",
    "email": "E-Mail",
    "street": "Straße",
    "postcode": "Postleitzahl",
    "city": "Ort",
    "municipality": "Gemeinde",
    "arrival_date": "Ankunftsdatum",
    "team_id": "Team",
    "user_id": "Benutzerkonto",
    "anonymised_on": "Anonymisiert am",
    "created_at": "Erfasst am",
    "updated_at": "Zuletzt geändert am",
    "country_code": "Staatsangehörigkeit",
    "language_code": "Sprache",
    "cefr_level": "Niveau",
    "position": "Reihenfolge",
    "status_code": "Aufenthaltsstatus",
    "work_permission": "Erwerbstätigkeit",
    "valid_from": "Gültig ab",
    "valid_until": "Gültig bis",
    "note": "Notiz",
    "category": "Rechtskreis",
    "counsellor_id": "Beratung durch",
    "status": "Status",
    "opened_on": "Eröffnet am",
    "closed_on": "Abgeschlossen am",
    "closing_reason": "Abschlussgrund",
    "goals": "Ziele",
    "source": "Herkunft",
    "event_id": "Veranstaltung",
    "topic_code": "Thema",
    "occurred_at": "Zeitpunkt",
    "channel": "Kontaktweg",
    "minutes": "Minuten",
    "summary": "Zusammenfassung",
    "assigned_to_id": "Zuständig",
    "due_on": "Fällig am",
    "text": "Text",
    "done_at": "Erledigt am",
    "purpose": "Zweck",
    "data_categories": "Datenkategorien",
    "text_version": "Textfassung",
    "given_on": "Erteilt am",
    "expires_on": "Gültig bis",
    "withdrawn_on": "Widerrufen am",
    "form": "Form",
    "witness": "Zeuge/Zeugin",
    "recorded_by_id": "Erfasst von",
    "document": "Dokument",
    "partner_id": "Partner",
    "partner_kind": "Partnerart",
    "created_by_id": "Erstellt von",
    "service": "Angebot",
    "request": "Anliegen",
    "rejection_reason": "Ablehnungsgrund",
    "override_reason": "Begründung ohne Einwilligung",
    "override_by_id": "Freigegeben von",
    "created_on": "Erstellt am",
    "sent_on": "Versandt am",
    "answer_due_on": "Antwort erwartet bis",
    "answered_on": "Beantwortet am",
    "done_on": "Erledigt am",
    "feedback": "Rückmeldung",
    "letter_pdf": "Schreiben (PDF)",
    "letter_sha256": "Prüfsumme des Schreibens (SHA-256)",
    "kind": "Art",
    "employer_name": "Arbeitgeber",
    "starts_on": "Beginn",
    "ends_on": "Ende",
    "weekly_hours": "Wochenstunden",
    "subsidy": "Förderung",
    "legal_category_at_start": "Rechtskreis zu Beginn",
    "residence_status_at_start": "Aufenthaltsstatus zu Beginn",
    "refugee_at_start": "Geflüchtet zu Beginn",
    "headcount": "Anzahl",
    "registered_at": "Angemeldet am",
    "registered_beforehand": "Vorab angemeldet",
    "consent_to_contact": "Einverständnis zur Kontaktaufnahme",
    "profession_wish": "Berufswunsch",
    "german_level": "Deutschkenntnisse",
    "outcome": "Ergebnis",
    "label": "Bezeichnung",
}
SECTIONS = (
    ("person_nationalities", "Staatsangehörigkeiten"),
    ("person_languages", "Sprachen"),
    ("residence_statuses", "Aufenthaltsstatus (Verlauf)"),
    ("legal_category_periods", "Rechtskreis (Verlauf)"),
    ("households", "Haushalt"),
    ("cases", "Fälle"),
    ("case_topics", "Themen der Fälle"),
    ("contacts", "Kontakte (mit internen Notizen)"),
    ("follow_ups", "Wiedervorlagen"),
    ("consents", "Einwilligungen"),
    ("consent_recipients", "Empfänger der Einwilligungen"),
    ("referrals", "Überweisungen an Partner"),
    ("placements", "Vermittlungen"),
    ("attendances", "Teilnahme an Veranstaltungen"),
    ("event_contacts", "Kontakte zu Arbeitgebern auf Veranstaltungen"),
)
TABLE_LABELS = dict(SECTIONS) | {"persons": "Personen", "audit_entries": "Protokolleinträge"}

# Codes stored in a column, in words: the reference sets of resources/reference ...
VALUE_SETS = {
    "country_code": "countries",
    "language_code": "languages",
    "interpreter_language": "languages",
    "cefr_level": "cefr_levels",
    "german_level": "cefr_levels",
    "status_code": "residence_statuses",
    "residence_status_at_start": "residence_statuses",
    "work_permission": "work_permissions",
    "category": "legal_categories",
    "legal_category_at_start": "legal_categories",
    "topic_code": "case_topics",
    "topics": "case_topics",
    "case_topics_added": "case_topics",
    "channel": "contact_channels",
    "partner_kind": "partner_kinds",
    "partner_kinds": "partner_kinds",
    "data_categories": "data_categories",
    "categories": "data_categories",
    "kind": "placement_kinds",  # the only "kind" among the records about a person
}
# ... and the closed sets of core.models.enums (the same words as the Protokoll's).
WORDS: dict[str, dict[str, str]] = {
    "sex": {"f": "weiblich", "m": "männlich", "x": "divers"},
    "birth_date_precision": {
        "exact": "genau",
        "year": "nur das Jahr ist bekannt",
        "placeholder": "Platzhalterdatum (01.01. aus den Papieren)",
    },
    "status": {  # cases and referrals
        "open": "offen",
        "active": "aktiv",
        "paused": "pausiert",
        "closed": "abgeschlossen",
        "draft": "Entwurf",
        "sent": "gesendet",
        "accepted": "angenommen",
        "rejected": "abgelehnt",
        "done": "erledigt",
        "revoked": "zurückgezogen",
    },
    "source": {
        "desk": "in der Beratungsstelle",
        "event": "auf einer Veranstaltung",
        "import": "importiert",
    },
    "form": {
        "signed_paper": "auf Papier unterschrieben",
        "verbal_witness": "mündlich, mit Zeugin oder Zeuge",
    },
    "outcome": {
        "talk": "Gespräch",
        "interview": "Vorstellungsgespräch vereinbart",
        "application": "Bewerbung",
        "hired": "eingestellt",
    },
    "format": {
        "xlsx": "Excel",
        "csv": "CSV",
        "pdf": "PDF",
        "print": "Papier",
        "json_pdf": "JSON und PDF",
        "mzkit": "verschlüsselte Mappendatei",
    },
    "via": {"window": "Programmfenster", "cli": "Kommandozeile"},
    "role": {"counsellor": "Berater/in", "team_lead": "Teamleitung", "admin": "Administration"},
}
WORDS["from"] = WORDS["to"] = WORDS["status"]
# Where a follow-up came from (``FollowUp.source``: "referral:<id>", "residence:<id>", a hint).
FOLLOW_UP_SOURCES = {
    "referral": "aus einer Überweisung ohne Antwort",
    "residence": "aus einem ablaufenden Aufenthaltsdokument",
}
# Keys of audit details that are no record columns (those have their LABELS).
DETAIL_LABELS = {
    "partner_ids": "Partner",
    "categories": "Daten",
    "format": "Format",
    "via": "Über",
    "fields": "Angegebene Felder",
    "filled": "Übernommene Felder",
    "topics": "Themen",
    "case_topics_added": "Neue Themen des Falls",
    "follow_up_on": "Wiedervorlage am",
    "has_note": "Mit Notiz",
    "reason": "Grund",
    "role": "Rolle",
    "changed": "Geändert",
    "ended_periods": "Beendete Zeiträume",
    "was_closed_on": "War abgeschlossen am",
    "was_reason": "Damaliger Abschlussgrund",
    "period": "Zeitraum",
    "from": "Vorher",
    "to": "Nachher",
    "keep": "Behalten",
    "other": "Darin aufgegangen",
}
# Details that say nothing to the person (ids of merged records, row counts per table).
DETAIL_SKIPPED = frozenset({"moved", "dropped", "per_table", "purpose", "redacted_seqs"})
ACTIONS = {
    "view": "angesehen",
    "create": "angelegt",
    "update": "geändert",
    "edit": "bearbeitet",
    "status": "Status geändert",
    "merge": "Datensätze zusammengeführt",
    "kit_merge": "Veranstaltungsmappe zusammengeführt",
    "privacy_export": "Datenauskunft (Art. 15 DSGVO) ausgegeben",
    "override": "Ausnahme ohne Einwilligung festgehalten (Teamleitung)",
    "consent_override": "Ausnahme ohne Einwilligung festgehalten (Teamleitung)",
    "erase": "gelöscht (anonymisiert)",
    "denied": "Zugriff verweigert",
    "print": "gedruckt",
    "export": "exportiert",
    "residence_status": "Aufenthaltsstatus erfasst",
    "legal_category": "Rechtskreis erfasst",
    # what left about the person, and to whom (outputs.py): Art. 15 (1) (c) GDPR
    "letter_printed": "Brief gedruckt",
    "letter_saved": "Brief als PDF gespeichert",
    "letter_reprinted": "Brief erneut gedruckt",
    "letter_batch_printed": "Brief im Sammeldruck gedruckt",
    "referral_sent": "Überweisung gesendet",
    "consent_recorded": "Einwilligung erfasst",
    "consent_withdrawn": "Einwilligung widerrufen",
    "consent_form_printed": "Einwilligungsformular gedruckt",
    "consent_form_saved": "Einwilligungsformular als PDF gespeichert",
    "attendance_list": "Teilnahmeliste ausgegeben",
    "employer_list": "Ausstellerliste ausgegeben",
    "follow_up_list": "Wiedervorlagenliste ausgegeben",
    "contact_list": "Kontaktliste ausgegeben",
    "client_list": "Klientenliste ausgegeben",
    "kit_exported": "Veranstaltungsmappe exportiert",
    "kit_returned": "Veranstaltungsmappe vom Laptop zurückgegeben",
    "statistics_exported": "Statistik exportiert",
}
# Where the record says more than the action (the Protokoll's words).
PAIRS = {
    ("view", "person"): "Personenakte angesehen",
    ("create", "person"): "Person angelegt",
    ("create", "case"): "Fall eröffnet",
    ("create", "contact"): "Kontakt erfasst",
    ("create", "follow_up"): "Wiedervorlage angelegt",
    ("create", "referral"): "Überweisung angelegt",
    ("edit", "person"): "Personendaten bearbeitet",
    ("update", "person"): "Personendaten geändert",
    ("update", "case"): "Fall geändert",
    ("status", "case"): "Fallstatus geändert",
    ("status", "referral"): "Überweisungsstatus geändert",
}
ENTITIES = {
    "person": "Person",
    "persons": "Personen",
    "case": "Fall",
    "contact": "Kontakt",
    "follow_up": "Wiedervorlage",
    "referral": "Überweisung",
    "consent": "Einwilligung",
    "placement": "Vermittlung",
    "attendance": "Teilnahme",
    "event": "Veranstaltung",
    "residence_status": "Aufenthaltsstatus",
    "legal_category_period": "Rechtskreis",
}
DENIALS = {
    "the account is disabled": "das Konto ist deaktiviert",
    "an admin does not read case contents": "Administratoren lesen keine Fallinhalte",
    "the case belongs to another team": "der Fall gehört zu einem anderen Team",
    "the person belongs to another team": "die Person gehört zu einem anderen Team",
}

PERMISSIONS = {  # core.access.Action, as the Protokoll names them
    "read_person": "Personendaten lesen",
    "edit_person": "Personendaten bearbeiten",
    "merge_persons": "Personen zusammenführen",
    "refer": "Weiterleitungen und Einwilligungen",
    "override_consent": "Weiterleitung ohne Einwilligung",
    "read_statistics": "Statistik",
    "export": "Export",
    "privacy": "Datenschutz",
    "events": "Veranstaltungen",
}

Names = Mapping[str, Mapping[str, Any]]
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _day(text: str) -> str:
    return date.fromisoformat(text[:10]).strftime("%d.%m.%Y")


def _moment(text: str, pattern: str = "%d.%m.%Y, %H:%M Uhr") -> str:
    """A stored moment (UTC) in the local time of the computer that writes the export."""
    return datetime.fromisoformat(text).astimezone().strftime(pattern)


def _date(text: str) -> str:
    """ISO dates and timestamps in German form; anything else unchanged."""
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return _day(text)
        if _ISO_MOMENT.match(text):
            return _moment(text)
    except ValueError:
        pass
    return text


def _is_id(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return len(text) in (32, 36)


def _named(value: str, names: Names) -> str | None:
    """The name of a partner, user, event or team id; None for any other id."""
    if value in names.get("partners", {}):
        return str(names["partners"][value])
    if value in names.get("users", {}):
        return str(names["users"][value]["display_name"])
    if value in names.get("teams", {}):
        return str(names["teams"][value])
    if value in names.get("persons", {}):  # the person or a record merged into it
        return str(names["persons"][value])
    event = names.get("events", {}).get(value)
    if event:
        return f"{event['name']} ({_day(event['starts_on'])})"
    return None


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return (
        f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value).replace(".", ",")
    )


def _code(key: str, code: str) -> str:
    """A stored code in words, by what its key says it is; unknown codes as they are."""
    if key in VALUE_SETS:
        for candidate in (code, code.upper(), code.lower()):
            item = reference.by_code(VALUE_SETS[key]).get(candidate)
            if item is not None:
                return item.de
        return code
    if key in WORDS:
        return WORDS[key].get(code, code)
    return code


def _value(key: str, value: Any, names: Names) -> str | None:
    """One field's content in words; None when there is nothing to say (an unnamed id)."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, dict):
        if "sha256" in value and "bytes" in value:  # a stored file: its size, not its bytes
            return f"gespeichert ({_number(value['bytes'])} Bytes)"
        return None
    if isinstance(value, list):
        shown = [text for item in value if (text := _value(key, item, names)) is not None]
        return ", ".join(shown) if shown else None
    text = str(value)  # StrEnum members are their codes
    if _is_id(text):
        return _named(text, names)
    if key == "source" and ":" in text:  # a follow-up made by mzdesk
        return FOLLOW_UP_SOURCES.get(text.partition(":")[0], "automatischer Hinweis")
    if key in VALUE_SETS or key in WORDS:
        return _code(key, text)
    return _date(text)


def _label(key: str) -> str:
    return LABELS.get(key) or DETAIL_LABELS.get(key) or key


def _rows(row: Mapping[str, Any], names: Names) -> list[tuple[str, str]]:
    """The record's fields worth showing, labelled; "changed" only when it differs."""
    shown: list[tuple[str, str]] = []
    created = _value("created_at", row.get("created_at"), names)
    for key, value in row.items():
        if key in SKIPPED:
            continue
        text = _value(key, value, names)
        if key == "updated_at" and text == created:
            continue  # changed in the same minute it was recorded: said once
        if text is not None:
            shown.append((_label(key), text))
    return shown


def _record(row: Mapping[str, Any], names: Names, width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    label_style = ParagraphStyle("label", fontName=BOLD, fontSize=8, leading=10)
    value_style = ParagraphStyle("value", fontName=REGULAR, fontSize=8, leading=10)
    data = [
        [Paragraph(markup(label), label_style), Paragraph(markup(text), value_style)]
        for label, text in _rows(row, names)
    ]
    table = Table(data, colWidths=[width * 0.32, width * 0.68])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor("#999999")),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def action_text(action: str, entity: str) -> str:
    """What an audit entry says was done, in German."""
    text = PAIRS.get((action, entity))
    if text:
        return text
    done = ACTIONS.get(action, action.replace("_", " "))
    what = ENTITIES.get(entity)
    return f"{what} {done}" if what and action in ("view", "create", "update", "edit") else done


def _denial(details: Mapping[str, Any]) -> str:
    """ "Personendaten lesen: die Rolle Administration darf das nicht"."""
    reason = str(details.get("reason", ""))
    if reason.startswith("the role ") and reason.endswith(" may not"):
        role = reason.removeprefix("the role ").removesuffix(" may not")
        text = f"die Rolle {WORDS['role'].get(role, role)} darf das nicht"
    else:
        text = DENIALS.get(reason, reason)
    action = str(details.get("action", ""))
    return f"{PERMISSIONS.get(action, action)}: {text}" if action else text


def audit_details(row: Mapping[str, Any], names: Names) -> str:
    """An audit entry's details in words: "Feld: alt → neu", names for ids, codes in words."""
    details = row.get("details") or {}
    if not isinstance(details, dict):
        return ""
    if row.get("action") == "denied":
        return _denial(details)
    nested = details.get("changes")
    changes = nested if isinstance(nested, dict) else details
    parts: list[str] = []
    for key, value in changes.items():
        if key in DETAIL_SKIPPED:
            continue
        if isinstance(value, dict) and set(value) == {"old", "new"}:
            old = _value(key, value["old"], names) or "–"
            new = _value(key, value["new"], names) or "–"
            parts.append(f"{_label(key)}: {old} → {new}")
            continue
        if row.get("action") == "privacy_export" and isinstance(value, int):
            key_label = TABLE_LABELS.get(key)
            if key_label:  # how many records of each kind the export held
                parts.append(f"{key_label}: {_number(value)}")
                continue
        if key in ("fields", "filled") and isinstance(value, list):
            text = ", ".join(_label(str(item)) for item in value) or None
        else:
            text = _value(key, value, names)
        if text is not None:
            parts.append(f"{_label(key)}: {text}")
    return "; ".join(parts)


def _audit_table(rows: list[dict[str, Any]], names: Names, width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    head = ParagraphStyle("head", fontName=BOLD, fontSize=7, leading=9)
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=7, leading=9)
    data = [[Paragraph(text, head) for text in ("Zeitpunkt", "Wer", "Was", "Einzelheiten")]]
    for row in rows:
        user_id = row.get("user_id") or ""
        user = names.get("users", {}).get(user_id)
        who = user["display_name"] if user else ("Programm" if not user_id else "unbekannt")
        data.append(
            [
                Paragraph(markup(_moment(str(row["at"]), "%d.%m.%Y %H:%M")), cell),
                Paragraph(markup(str(who)), cell),
                Paragraph(markup(action_text(str(row["action"]), str(row["entity"]))), cell),
                Paragraph(markup(audit_details(row, names)[:600]), cell),
            ]
        )
    table = Table(
        data, colWidths=[width * 0.17, width * 0.17, width * 0.26, width * 0.40], repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
            ]
        )
    )
    return table


def render_export_pdf(document: dict[str, Any]) -> bytes:
    """The export document (see :func:`.export.build_document`) as PDF bytes."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    from mzdesk.core.exports.paging import a4_document, build_with_footer

    fonts.register_fonts()
    buffer = BytesIO()
    doc = a4_document(buffer, title="Auskunft nach Art. 15 DSGVO", margins=(20, 20, 18, 18))
    width = doc.width
    title = ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=18, spaceAfter=6)
    heading = ParagraphStyle(
        "h", fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=3
    )
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=8.5, leading=11)
    person = document["person"]
    files = {row["id"]: row["file_number"] for row in [person, *document["merged_records"]]}
    names = {**document["names"], "persons": files}  # a merge names its records by number
    story: list[Any] = [
        Paragraph("Auskunft über gespeicherte Daten (Art. 15 DSGVO, § 83 SGB X)", title),
        Paragraph(
            markup(
                f"Erstellt am {_date(document['created_at'])}. Diese Auskunft enthält alle "
                "Daten, die das Migrationszentrum in mzdesk über die Person speichert, "
                "einschließlich interner Notizen und des Protokolls, wer die Daten wann "
                "angesehen oder geändert hat. Zeiten sind Ortszeit. Dieselben Angaben in "
                "maschinenlesbarer Form, mit den internen Kennungen der Einträge, enthält die "
                "JSON-Datei, die mit dieser Auskunft übergeben wird."
            ),
            body,
        ),
        Paragraph("Person", heading),
        _record(person, names, width),
    ]
    for merged in document["merged_records"]:
        story += [
            Paragraph("Zusammengeführter Datensatz derselben Person", heading),
            _record(merged, names, width),
        ]
    records = document["records"]
    for table_name, label in SECTIONS:
        rows = records.get(table_name) or []
        if not rows:
            continue
        story.append(Paragraph(f"{label} ({len(rows)})", heading))
        for row in rows:
            story.append(_record(row, names, width))
            story.append(Spacer(1, 3))
    audit_rows = records.get("audit_entries") or []
    story.append(Paragraph(f"Protokoll: wer hat wann was getan ({len(audit_rows)})", heading))
    if audit_rows:
        story.append(_audit_table(audit_rows, names, width))
    else:
        story.append(Paragraph("Keine Einträge.", body))

    build_with_footer(doc, story, f"Auskunft Art. 15 DSGVO – {person['file_number']}")
    return buffer.getvalue()
