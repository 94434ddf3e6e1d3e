"""Letter templates in resources/letters/<language>/: one file per partner kind.

A template is plain UTF-8 text in sections; ``#`` starts a comment line::

    [categories]
    required: IDENTITY
    optional: CONTACT, LANGUAGES
    [subject]
    Bitte um Beratung: {purpose}
    [salutation]
    Sehr geehrte Damen und Herren,
    [body]
    wir bitten Sie, {person_name} … zu beraten.
    [consented]
    Die Person ist mit der Weitergabe der unten genannten Angaben einverstanden.

``<KIND>.txt`` is used for partners of that kind, ``default.txt`` for every other kind.
``required`` categories must be covered by the person's consent before the letter may be sent;
``optional`` ones are printed only where the consent covers them. The optional ``[consented]``
section is the one place a template may speak of the person's consent: it is printed after the
body only when a consent covers the letter (never for a lead's exception or an uncovered draft).
``{name}`` is a placeholder (``{{`` and ``}}`` print braces). A placeholder without a value is
an error at render time: a letter never goes out with an empty or literal ``{name}`` in it.

``_labels.txt`` holds the fixed wording of the letter (``key = text``), again per language.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.resources import resource_path

LANGUAGES = ("de", "en")
SECTIONS = ("categories", "subject", "salutation", "body", "closing")
OPTIONAL_SECTIONS = ("consented",)  # printed only when a consent covers the letter
TEXT_SECTIONS = ("subject", "salutation", "body", "closing", "consented")
PLACEHOLDERS = frozenset(
    {
        "person_name",
        "partner_name",
        "purpose",
        "service",
        "counsellor_name",
        "file_reference",
        "answer_due",
    }
)


class TemplateError(MzdeskError):
    """A template is malformed, or a placeholder in it has no value."""


@dataclass(frozen=True)
class LetterTemplate:
    name: str  # e.g. "de/ABH" — for messages
    required: tuple[str, ...]
    optional: tuple[str, ...]
    sections: dict[str, str]

    def placeholders(self) -> set[str]:
        return {field for text in self.sections.values() for field in _fields(text, self.name)}

    def fill(self, section: str, values: dict[str, str | None]) -> str:
        """The section with every placeholder filled; a missing or empty value raises."""
        text = self.sections[section]
        for field in _fields(text, self.name):
            value = values.get(field)
            if value is None or not str(value).strip():
                raise TemplateError(
                    f"letter template {self.name}: placeholder {{{field}}} in [{section}] "
                    "has no value",
                    german=f"Briefvorlage {self.name}: Platzhalter {{{field}}} in [{section}] "
                    "ist nicht gefüllt.",
                )
        return text.format_map({key: str(value) for key, value in values.items()})


def _fields(text: str, name: str) -> list[str]:
    fields = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateError(
            f"letter template {name}: {exc}",
            german=f"Die Briefvorlage {name} ist fehlerhaft (Platzhalter). "
            "Bitte den IT-Support informieren.",
        ) from exc
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise TemplateError(
                f"letter template {name}: malformed placeholder {{{field}}}",
                german=f"Die Briefvorlage {name} hat einen fehlerhaften Platzhalter. "
                "Bitte den IT-Support informieren.",
            )
        fields.append(field)
    return fields


def parse_sections(text: str, name: str) -> dict[str, str]:
    """``[section]`` headed blocks; comment lines dropped; blank lines inside kept."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            key = line[1:-1].strip()
            if key in sections:
                raise TemplateError(
                    f"{name}, line {number}: section [{key}] given twice",
                    german=f"Die Briefvorlage {name} ist fehlerhaft (Zeile {number}: Abschnitt "
                    f"[{key}] doppelt). Bitte den IT-Support informieren.",
                )
            current = sections[key] = []
        elif current is not None:
            current.append(line)
        elif line.strip():
            raise TemplateError(
                f"{name}, line {number}: text before the first [section]",
                german=f"Die Briefvorlage {name} ist fehlerhaft (Zeile {number}: Text vor dem "
                f"ersten Abschnitt). Bitte den IT-Support informieren.",
            )
    return {key: "\n".join(lines).strip() for key, lines in sections.items()}


def _category_list(value: str, name: str) -> tuple[str, ...]:
    known = set(reference.codes("data_categories"))
    codes = tuple(code.strip().upper() for code in value.split(",") if code.strip())
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise TemplateError(
            f"letter template {name}: unknown data categories {unknown}",
            german=f"Die Briefvorlage {name} nennt unbekannte Datenkategorien. "
            "Bitte den IT-Support informieren.",
        )
    return codes


def parse_template(text: str, name: str) -> LetterTemplate:
    sections = parse_sections(text, name)
    missing = [key for key in SECTIONS if not sections.get(key)]
    extra = [key for key in sections if key not in SECTIONS + OPTIONAL_SECTIONS]
    if missing or extra:
        raise TemplateError(
            f"letter template {name}: missing sections {missing}, unknown sections {extra}",
            german=f"Der Briefvorlage {name} fehlen Abschnitte oder sie hat unbekannte. "
            "Bitte den IT-Support informieren.",
        )
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    for line in sections["categories"].splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "required":
            required = _category_list(value, name)
        elif key.strip() == "optional":
            optional = _category_list(value, name)
        elif line.strip():
            raise TemplateError(
                f"letter template {name}: unknown line in [categories]: {key}",
                german=f"Die Briefvorlage {name} hat eine unbekannte Zeile unter [categories]. "
                "Bitte den IT-Support informieren.",
            )
    template = LetterTemplate(
        name,
        required,
        optional,
        {key: sections[key] for key in TEXT_SECTIONS if sections.get(key)},
    )
    unknown = template.placeholders() - PLACEHOLDERS
    if unknown:
        raise TemplateError(
            f"letter template {name}: unknown placeholders {sorted(unknown)}",
            german=f"Die Briefvorlage {name} nennt unbekannte Platzhalter. "
            "Bitte den IT-Support informieren.",
        )
    return template


def _language(language: str) -> str:
    return language if language in LANGUAGES else "de"


@cache
def load_template(kind: str, language: str = "de") -> LetterTemplate:
    """The template for a partner kind in a letter language (German if not available)."""
    folder = resource_path("letters", _language(language))
    path = folder / f"{kind}.txt"
    if not kind.isalnum() or not path.is_file():
        path = folder / "default.txt"
    return parse_template(path.read_text(encoding="utf-8"), f"{folder.name}/{path.stem}")


@cache
def labels(language: str = "de") -> dict[str, str]:
    """The fixed wording of letters and slips in a language (``_labels.txt``)."""
    path = resource_path("letters", _language(language), "_labels.txt")
    result: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        key, sep, value = raw.partition("=")
        if not sep:
            raise TemplateError(
                f"{path.name}: line without '=': {raw[:40]!r}",
                german=f"Die Textbausteine {path.name} sind fehlerhaft (Zeile ohne „=“). "
                "Bitte den IT-Support informieren.",
            )
        result[key.strip()] = value.strip()
    return result
