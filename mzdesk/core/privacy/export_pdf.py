"""The Art. 15 export as a readable German PDF (reportlab, DejaVu Sans, Arabic shaped).

Each record is a small two-column table "Feld | Inhalt"; empty fields and bookkeeping columns
(version, origin, ids of parent rows) are left out, ids of partners, users and events are
shown as names. The audit entries form one table at the end ("Wer hat wann was getan").
"""

from __future__ import annotations

import json
from datetime import date, datetime
from io import BytesIO
from typing import Any

from mzdesk.core import fonts
from mzdesk.core.letters.text import markup

REGULAR = fonts.REGULAR
BOLD = fonts.BOLD

SKIPPED = frozenset(
    {
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
    "anonymised_on": "Anonymisiert am",
    "created_at": "Angelegt am",
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
ACTIONS = {
    "view": "angesehen",
    "create": "angelegt",
    "update": "geändert",
    "edit": "geändert",
    "merge": "zusammengeführt",
    "privacy_export": "Auskunft erteilt",
    "consent_override": "ohne Einwilligung freigegeben",
    "erase": "gelöscht",
    "denied": "Zugriff verweigert",
    "print": "gedruckt",
    "export": "exportiert",
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
    "status": "Status geändert",
}


def _format(key: str, value: Any, names: dict[str, dict[str, Any]]) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dict) and "sha256" in value and "bytes" in value:
        return f"gespeichert ({value['bytes']} Bytes, SHA-256 {value['sha256'][:16]}…)"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if not isinstance(value, str):
        return str(value)
    if key == "partner_id":
        return str(names["partners"].get(value, value))
    if key == "event_id":
        event = names["events"].get(value)
        return f"{event['name']} ({_date(event['starts_on'])})" if event else value
    if key.endswith("_by_id") or key in ("counsellor_id", "assigned_to_id", "user_id"):
        user = names["users"].get(value)
        return str(user["display_name"]) if user else value
    return _date(value)


def _date(text: str) -> str:
    """ISO dates and timestamps in German form; anything else unchanged."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text).strftime("%d.%m.%Y")
        if len(text) >= 19 and text[4] == "-" and "T" in text:
            return datetime.fromisoformat(text).strftime("%d.%m.%Y %H:%M UTC")
    except ValueError:
        pass
    return text


def _record(row: dict[str, Any], names: dict[str, dict[str, Any]], width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    label_style = ParagraphStyle("label", fontName=BOLD, fontSize=8, leading=10)
    value_style = ParagraphStyle("value", fontName=REGULAR, fontSize=8, leading=10)
    data = [
        [
            Paragraph(markup(LABELS.get(key, key)), label_style),
            Paragraph(markup(_format(key, value, names)), value_style),
        ]
        for key, value in row.items()
        if key not in SKIPPED and value not in (None, "", [], {})
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


def _audit_table(rows: list[dict[str, Any]], names: dict[str, dict[str, Any]], width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    head = ParagraphStyle("head", fontName=BOLD, fontSize=7, leading=9)
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=7, leading=9)
    data = [[Paragraph(text, head) for text in ("Zeitpunkt", "Wer", "Was", "Einzelheiten")]]
    for row in rows:
        user = names["users"].get(row.get("user_id") or "")
        who = user["display_name"] if user else ("Programm" if not row.get("user_id") else "?")
        details = json.dumps(row.get("details") or {}, ensure_ascii=False)
        data.append(
            [
                Paragraph(markup(_date(str(row["at"]))), cell),
                Paragraph(markup(str(who)), cell),
                Paragraph(
                    markup(f"{ACTIONS.get(row['action'], row['action'])} ({row['entity']})"), cell
                ),
                Paragraph(markup(details[:400]), cell),
            ]
        )
    table = Table(
        data, colWidths=[width * 0.2, width * 0.2, width * 0.22, width * 0.38], repeatRows=1
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
    names = document["names"]
    person = document["person"]
    story: list[Any] = [
        Paragraph("Auskunft über gespeicherte Daten (Art. 15 DSGVO, § 83 SGB X)", title),
        Paragraph(
            markup(
                f"Erstellt am {_date(document['created_at'][:10])}. Diese Auskunft enthält alle "
                "Daten, die das Migrationszentrum in mzdesk über die Person speichert, "
                "einschließlich interner Notizen und des Protokolls, wer die Daten wann "
                "angesehen oder geändert hat."
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
