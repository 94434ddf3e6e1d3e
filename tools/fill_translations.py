"""Update both catalogues from the code and forms, fill new entries from TSV files, compile.

    .venv/bin/python tools/fill_translations.py [FILE.tsv ...]

Each TSV line: ``Context<TAB>English source<TAB>German translation[<TAB>English plural]``.
Runs pyside6-lupdate for German (mzdesk_de.ts) and English (mzdesk_en.ts), fills what the TSVs
give, runs pyside6-lrelease, and lists entries that are still unfinished (exit 1 if any).

German plurals are written ``singular | plural``. English needs only the ``%n`` strings: their
singular and plural come from the source (``%n person(s)`` → ``%n person`` / ``%n persons``)
or, when the source has no ``(s)``, from the optional fourth column ``singular | plural``.
Every other English entry is the source itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")
BIN = Path(sys.executable).parent


def ts_path(language: str) -> Path:
    return FOLDER / f"mzdesk_{language}.ts"


def lupdate(language: str) -> None:
    sources = sorted(str(p) for p in (ROOT / "mzdesk" / "ui").rglob("*.py"))
    forms = sorted(str(p) for p in (ROOT / "forms").glob("*.ui"))
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sources,
            *forms,
            "-source-language",
            "en",
            "-target-language",
            language,
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts_path(language)),
        ],
        check=True,
        capture_output=True,
    )


def load_tsv(paths: list[str]) -> dict[tuple[str, str], list[str]]:
    table: dict[tuple[str, str], list[str]] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            parts = [part.replace("\\n", "\n") for part in line.split("\t")]
            if len(parts) >= 3 and parts[2].strip():
                table[(parts[0], parts[1])] = parts[2:]
    return table


_PLURAL_S = re.compile(r"\((e?s)\)")


def english(source: str, extra: list[str]) -> list[str] | None:
    """The English forms of ``source``: one, or singular and plural for a ``%n`` string."""
    if "%n" not in source and "%Ln" not in source:
        return [source]
    if _PLURAL_S.search(source):
        return [_PLURAL_S.sub("", source), _PLURAL_S.sub(r"\1", source)]
    if len(extra) >= 2 and extra[1].strip():
        return [part.strip() for part in extra[1].split("|")]
    return None


def fill(language: str, table: dict[tuple[str, str], list[str]]) -> list[str]:
    path = ts_path(language)
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            row = table.get((name, source), [])
            if language == "de":
                variants = [part.strip() for part in row[0].split("|")] if row else None
            else:
                variants = english(source, row)
            if not variants:
                missing.append(f"{language}\t{name}\t{source}")
                continue
            forms = translation.findall("numerusform")
            if forms:
                for index, form in enumerate(forms):
                    form.text = variants[min(index, len(variants) - 1)]
            else:
                translation.text = row[0] if language == "de" else source
            del translation.attrib["type"]
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def main(paths: list[str]) -> int:
    table = load_tsv(paths)
    missing: list[str] = []
    for language in LANGUAGES:
        lupdate(language)
        missing += fill(language, table)
        lupdate(language)  # back into lupdate's own layout
        path = ts_path(language)
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(path), "-qm", str(path.with_suffix(".qm"))],
            check=True,
            capture_output=True,
        )
    for entry in missing:
        print(f"untranslated: {entry}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
