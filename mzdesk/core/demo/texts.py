"""Bland synthetic German texts for goals, contact summaries and notes (no personal facts)."""

from __future__ import annotations

from mzdesk.core.demo.context import DemoContext

TOPIC_PHRASES = {
    "WORK": "Arbeitssuche",
    "TRAINING": "Ausbildungssuche",
    "LANGUAGE": "Sprachkurs",
    "RECOGNITION": "Anerkennung des Abschlusses",
    "RESIDENCE": "Aufenthaltsfragen",
    "HOUSING": "Wohnungssuche",
    "FAMILY": "Familienangelegenheiten",
    "HEALTH": "Gesundheit",
    "BENEFITS": "Leistungsfragen",
    "EDUCATION": "Schule und Studium",
    "DEBT": "Schulden",
    "OTHER": "allgemeine Fragen",
}
GOALS = {
    "WORK": "Aufnahme einer sozialversicherungspflichtigen Beschäftigung",
    "TRAINING": "Beginn einer Berufsausbildung",
    "LANGUAGE": "Abschluss des Integrationskurses (B1)",
    "RECOGNITION": "Anerkennung des ausländischen Berufsabschlusses",
    "RESIDENCE": "Klärung der Aufenthaltsperspektive",
    "HOUSING": "eigene Wohnung im Landkreis",
    "FAMILY": "Unterstützung der Familie bei Behördengängen",
    "HEALTH": "Anbindung an Beratung und Versorgung",
    "BENEFITS": "Klärung der Leistungsansprüche",
    "EDUCATION": "Zugang zu Schule oder Studium",
    "DEBT": "Überblick über Forderungen und Ratenplan",
    "OTHER": "Orientierung im Landkreis",
}
_OPENINGS = (
    "Gespräch zu {topic}.",
    "Termin zu {topic}.",
    "Rückfrage zu {topic}.",
    "Unterlagen zu {topic} gesichtet.",
    "Beratung zu {topic}.",
)
_MIDDLES = (
    "Nächste Schritte besprochen.",
    "Bewerbungsunterlagen überarbeitet.",
    "Formular gemeinsam ausgefüllt.",
    "Termin bei Partnerstelle vereinbart.",
    "Nachweise noch offen.",
    "Lebenslauf aktualisiert.",
    "Kursangebote erläutert.",
    "Fristen erklärt.",
    "Stellenangebote durchgesehen.",
    "Rückmeldung abwarten.",
)
_ENDINGS = (
    "Wiedervorlage vereinbart.",
    "Ratsuchende Person meldet sich.",
    "Kein weiterer Bedarf heute.",
    "Folgetermin in zwei Wochen.",
    "",
)
FOLLOW_UPS = (
    "Nachweise anfordern",
    "Rückmeldung Partnerstelle prüfen",
    "Kursbeginn nachfragen",
    "Bewerbungsstand erfragen",
    "Aufenthaltsdokument: Verlängerung prüfen",
    "Termin zur Anerkennungsberatung nachhalten",
    "Unterlagen für Jobcenter vollständig?",
)
CLOSING_REASONS = (
    ("Ziel erreicht: Arbeitsaufnahme", 5.0),
    ("Ziel erreicht: Ausbildung", 2.0),
    ("Ziel erreicht: Kurs abgeschlossen", 2.0),
    ("Wegzug aus dem Landkreis", 2.0),
    ("kein Kontakt mehr", 3.0),
    ("Weiterleitung an Regelberatung", 1.5),
    ("auf eigenen Wunsch beendet", 1.0),
)
REJECTION_REASONS = (
    "Kurs ausgebucht, Warteliste",
    "Voraussetzungen nicht erfüllt (Sprachniveau)",
    "nicht zuständig (Wohnort)",
    "Person zum Termin nicht erschienen",
    "derzeit keine freien Stellen",
    "Unterlagen unvollständig",
)
PROFESSIONS = (
    "Pflegehilfe",
    "Lager und Logistik",
    "Berufskraftfahrer/in",
    "Elektroniker/in",
    "Koch/Köchin",
    "Verkauf",
    "Friseur/in",
    "Reinigung",
    "Bau",
    "Erzieher/in",
    "Metallbau",
    "IT",
)


_SUMMARIES = {
    topic: tuple(opening.format(topic=phrase) for opening in _OPENINGS)
    for topic, phrase in TOPIC_PHRASES.items()
}
_NOTES = tuple(f"{middle} {ending}".strip() for middle in _MIDDLES for ending in _ENDINGS)


def summary(ctx: DemoContext, topic: str) -> str:
    options = _SUMMARIES[topic]
    return options[ctx.below(len(options))]


def note(ctx: DemoContext) -> str:
    """A confidential note: bland on purpose (demo data must hold no personal facts)."""
    return _NOTES[ctx.below(len(_NOTES))]
