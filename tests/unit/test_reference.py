"""Reference data (resources/reference/*.json) is complete and consistent with the model."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mzdesk.core import reference
from mzdesk.core.errors import NotFound
from mzdesk.core.models.enums import LegalCategory, WorkPermission
from mzdesk.core.names import fold, person_sort_key
from mzdesk.core.resources import resource_path

REFUGEE = {
    "GEST",
    "DUL",
    "DUL_AUSB",
    "DUL_BESCH",
    "AE_24",
    "AE_25_1",
    "AE_25_2",
    "AE_25_3",
    "AE_25_4",
    "AE_25_5",
    "AE_25A",
    "AE_25B",
}
NOT_REFUGEE = {"NE", "EU", "AE_18A", "AE_18B", "AE_18G"}


def test_every_set_has_a_file_and_every_file_a_set() -> None:
    files = {path.stem for path in resource_path("reference").glob("*.json")}
    assert files == set(reference.SETS)


@pytest.mark.parametrize("set_name", reference.SETS)
def test_set_loads_with_unique_codes_and_labels(set_name: str) -> None:
    items = reference.items(set_name)
    assert items, f"{set_name} is empty"
    codes = [item.code for item in items]
    assert len(codes) == len(set(codes)), f"duplicate codes in {set_name}"
    for item in items:
        assert item.code.strip() == item.code != ""
        assert item.de.strip(), f"{set_name}/{item.code} has no German label"
        assert item.en.strip(), f"{set_name}/{item.code} has no English label"
        assert item.label("de") == item.de
        assert item.label("en") == item.en


def test_unknown_set_is_refused() -> None:
    with pytest.raises(NotFound):
        reference.items("no_such_set")


def test_label_of_unknown_code_shows_the_code() -> None:
    assert reference.label("countries", "SY") == "Syrien"
    assert reference.label("countries", "SY", "en") == "Syria"
    assert reference.label("countries", "Q9") == "Q9"
    assert reference.label("countries", None) == ""


def test_model_enums_match_the_reference_sets() -> None:
    assert set(reference.codes("legal_categories")) == {member.value for member in LegalCategory}
    assert set(reference.codes("work_permissions")) == {member.value for member in WorkPermission}


def test_residence_statuses_point_at_existing_codes() -> None:
    work = set(reference.codes("work_permissions"))
    benefits = set(reference.codes("legal_categories"))
    for status in reference.items("residence_statuses"):
        assert {"work", "benefits", "refugee"} <= status.extra.keys(), status.code
        assert status.extra["work"] is None or status.extra["work"] in work, status.code
        assert status.extra["benefits"] is None or status.extra["benefits"] in benefits, status.code
        assert isinstance(status.extra["refugee"], bool), status.code


def test_refugee_flags_follow_the_domain_definition() -> None:
    """domain.md: GEST, DUL*, AE_24, AE_25* are refugees; NE, EU and AE_18* are not."""
    statuses = reference.by_code("residence_statuses")
    for code, item in statuses.items():
        expected = code in {"GEST", "AE_24"} or code.startswith(("DUL", "AE_25"))
        assert item.extra["refugee"] is expected, code
    assert statuses.keys() >= REFUGEE
    assert statuses.keys() >= NOT_REFUGEE
    assert all(reference.is_refugee_status(code) for code in REFUGEE)
    assert not any(reference.is_refugee_status(code) for code in NOT_REFUGEE)
    assert not reference.is_refugee_status(None)
    assert not reference.is_refugee_status("AE_104C")
    assert reference.is_refugee_status("AE_104C", frozenset({"AE_104C"}))


def test_countries_are_complete() -> None:
    countries = reference.by_code("countries")
    # ISO 3166-1 has 249 codes; plus XK Kosovo, XX stateless and ZZ unknown.
    assert len(countries) == 252
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in countries)
    expected = {
        "SY": "Syrien",
        "AF": "Afghanistan",
        "UA": "Ukraine",
        "TR": "Türkei",
        "IQ": "Irak",
        "ER": "Eritrea",
        "IR": "Iran",
        "XK": "Kosovo",
        "DE": "Deutschland",
        "MK": "Nordmazedonien",
        "BA": "Bosnien und Herzegowina",
        "US": "Vereinigte Staaten",
        "XX": "staatenlos",
        "ZZ": "ungeklärt",
    }
    assert {code: countries[code].de for code in expected} == expected
    assert countries["SY"].en == "Syria"
    assert countries["XX"].en == "stateless"


def test_countries_are_sorted_by_german_name() -> None:
    keys = [fold(item.de) for item in reference.items("countries")]
    assert keys == sorted(keys)


def test_fold_examples() -> None:
    assert fold("Ağaoğlu") == "agaoglu"
    assert fold("Олена") == "olena"
    assert fold("Müller-Lüdenscheidt") == "muller ludenscheidt"
    assert fold(None) == ""
    assert fold("") == ""


@given(st.text())
def test_fold_is_idempotent_and_plain_ascii(text: str) -> None:
    folded = fold(text)
    assert re.fullmatch(r"[a-z0-9 ]*", folded)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_fold_ignores_case_of_ascii(text: str) -> None:
    assert fold(text.upper()) == fold(text.lower()) == fold(text)


def test_person_sort_key_orders_by_family_then_given_name() -> None:
    people = [("Öztürk", "Zeynep"), ("Abadi", "Omar"), ("ozturk", "Ali"), ("Yilmaz", "Ece")]
    ordered = sorted(people, key=lambda person: person_sort_key(*person))
    assert ordered == [
        ("Abadi", "Omar"),
        ("ozturk", "Ali"),
        ("Öztürk", "Zeynep"),
        ("Yilmaz", "Ece"),
    ]


def test_person_sort_key_puts_a_family_name_before_its_double_names() -> None:
    assert person_sort_key("Öztürk", "Zeynep") < person_sort_key("Öztürk-Kaya", "Ece")
