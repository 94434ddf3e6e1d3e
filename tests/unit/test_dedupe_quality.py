"""Precision and recall of the duplicate check on a labelled set of synthetic pairs.

tests/data/name_pairs.csv was written before the scorer was tuned: true duplicates with
transliteration variants, swapped names, placeholder dates, typos, missing second given
names; hard non-duplicates: the same common name with another birth date, siblings sharing
family name and phone, twins, father and son, spouses, similar but different names. Pairs
that the scorer gets wrong stay in the set.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from mzdesk.core.dedupe.scoring import DEFAULT_THRESHOLD, PersonProbe, score
from mzdesk.core.models.enums import BirthDatePrecision, Sex

PAIRS = Path(__file__).parents[1] / "data" / "name_pairs.csv"
PRECISION = {"e": BirthDatePrecision.EXACT, "y": BirthDatePrecision.YEAR}
PRECISION["p"] = BirthDatePrecision.PLACEHOLDER


def _probe(row: dict[str, str], side: str) -> PersonProbe:
    birth = row[f"{side}_birth"]
    return PersonProbe(
        family_name=row[f"{side}_family"],
        given_names=row[f"{side}_given"],
        birth_date=date.fromisoformat(birth) if birth else None,
        birth_date_precision=PRECISION[row[f"{side}_prec"]],
        nationalities=tuple(code for code in row[f"{side}_nat"].split("|") if code),
        phone=row[f"{side}_phone"] or None,
        sex=Sex(row[f"{side}_sex"]) if row[f"{side}_sex"] else None,
    )


def evaluate(threshold: float = DEFAULT_THRESHOLD) -> tuple[float, float, int]:
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    true_pos = false_pos = false_neg = 0
    for row in rows:
        flagged = score(_probe(row, "a"), _probe(row, "b")).score >= threshold
        duplicate = row["label"] == "dup"
        true_pos += flagged and duplicate
        false_pos += flagged and not duplicate
        false_neg += duplicate and not flagged
    return true_pos / (true_pos + false_pos), true_pos / (true_pos + false_neg), len(rows)


def test_labelled_set_is_large_and_mixed() -> None:
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        labels = [row["label"] for row in csv.DictReader(handle)]
    assert len(labels) >= 150
    assert labels.count("dup") >= 60 and labels.count("non") >= 60


def test_precision_and_recall_at_the_default_threshold() -> None:
    precision, recall, count = evaluate()
    print(f"name_pairs: {count} pairs, precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95
    assert recall >= 0.90
