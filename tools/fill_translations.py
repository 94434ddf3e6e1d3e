"""Fill unfinished entries of the German catalogue from TSV files, then compile it.

    .venv/bin/python tools/fill_translations.py FILE.tsv [...]

Each TSV line: ``Context<TAB>English source<TAB>German translation``. Runs pyside6-lupdate
first (so new strings are in the .ts), fills what the TSVs give, runs pyside6-lrelease, and
lists entries that are still unfinished (exit 1 if any).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "mzdesk_de.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def lupdate() -> None:
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
            "de",
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(TS),
        ],
        check=True,
        capture_output=True,
    )


def load_tsv(paths: list[str]) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[2].strip():
                table[(parts[0], parts[1].replace("\\n", "\n"))] = parts[2].replace("\\n", "\n")
    return table


def main(paths: list[str]) -> int:
    lupdate()
    table = load_tsv(paths)
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            german = table.get((name, source))
            if german is None:
                missing.append(f"{name}\t{source}")
                continue
            forms = translation.findall("numerusform")
            if forms:  # plural: "singular | plural" in the TSV (German has two forms)
                variants = [part.strip() for part in german.split("|")]
                for index, form in enumerate(forms):
                    form.text = variants[min(index, len(variants) - 1)]
            else:
                translation.text = german
            del translation.attrib["type"]
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    lupdate()  # back into lupdate's own layout
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True
    )
    for entry in missing:
        print(f"untranslated: {entry}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
