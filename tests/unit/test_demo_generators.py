"""The demo's pure generators: believable, consistent rows, reproducible from the seed."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pytest

from mzdesk.core import reference
from mzdesk.core.demo.context import DemoContext
from mzdesk.core.demo.county import AddressBook
from mzdesk.core.demo.events import Attendee, make_attendances, make_events
from mzdesk.core.demo.generate import make_person_batch
from mzdesk.core.demo.network import build_network
from mzdesk.core.models.enums import BirthDatePrecision, ReferralStatus
from mzdesk.core.names import person_sort_key

Rows = dict[str, list[dict[str, Any]]]


def generate(seed: int, persons: int = 1500) -> Rows:
    ctx = DemoContext.from_seed(seed)
    book = AddressBook(ctx)
    world, rows = build_network(ctx, book, persons)
    events = make_events(ctx, world, rows, 3)
    attendees: list[Attendee] = []
    for name, batch in make_person_batch(ctx, book, world, persons, attendees).items():
        rows[name].extend(batch)
    make_attendances(ctx, rows, events, attendees)
    return rows


@pytest.fixture(scope="module")
def rows() -> Rows:
    return generate(11)


def by(rows: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


def _at(periods: list[dict[str, Any]], day: date) -> dict[str, Any] | None:
    found = [p for p in periods if p["valid_from"] <= day <= (p["valid_until"] or date.max)]
    return found[-1] if found else None


def test_placement_snapshots_equal_the_histories_at_the_start_date(rows: Rows) -> None:
    statuses = by(rows["residence_statuses"], "person_id")
    categories = by(rows["legal_category_periods"], "person_id")
    refugee_codes = {
        item.code for item in reference.items("residence_statuses") if item.extra.get("refugee")
    }
    assert len(rows["placements"]) > 200
    for placement in rows["placements"]:
        person, start = placement["person_id"], placement["starts_on"]
        status = _at(statuses[person], start)
        category = _at(categories[person], start)
        assert placement["residence_status_at_start"] == (status["status_code"] if status else None)
        assert placement["legal_category_at_start"] == (category["category"] if category else None)
        assert placement["refugee_at_start"] == (
            placement["residence_status_at_start"] in refugee_codes
        )
    assert any(p["refugee_at_start"] for p in rows["placements"])
    assert not all(p["refugee_at_start"] for p in rows["placements"])


def test_placeholder_and_year_only_birth_dates_are_first_of_january(rows: Rows) -> None:
    precision = Counter(p["birth_date_precision"] for p in rows["persons"])
    assert precision[BirthDatePrecision.PLACEHOLDER] > 0 and precision[BirthDatePrecision.YEAR] > 0
    for person in rows["persons"]:
        if person["birth_date_precision"] is not BirthDatePrecision.EXACT:
            assert (person["birth_date"].month, person["birth_date"].day) == (1, 1)


def test_placeholder_birth_dates_are_common_among_afghans(rows: Rows) -> None:
    nationality = {n["person_id"]: n["country_code"] for n in rows["person_nationalities"]}
    afghans = [p for p in rows["persons"] if nationality[p["id"]] == "AF"]
    placeholder = [
        p for p in afghans if p["birth_date_precision"] is BirthDatePrecision.PLACEHOLDER
    ]
    assert len(afghans) > 50
    assert 0.2 < len(placeholder) / len(afghans) < 0.5


def test_names_carry_transliteration_variants_and_original_scripts(rows: Rows) -> None:
    given = Counter(p["given_names"].split(" ")[0] for p in rows["persons"])
    assert given["Mohammed"] + given["Mohammad"] > 0
    assert given["Muhammad"] + given["Mohamad"] + given["Mohamed"] > 0
    originals = [p for p in rows["persons"] if p["family_name_original"]]
    assert originals, "some names must be recorded in their original script"
    scripts = {ord(p["family_name_original"][0]) // 0x100 for p in originals}
    assert {0x04, 0x06} <= scripts  # Cyrillic and Arabic script blocks
    for person in rows["persons"]:
        assert person["sort_key"] == person_sort_key(person["family_name"], person["given_names"])


def test_households_share_address_and_file_numbers_are_unique(rows: Rows) -> None:
    numbers = [p["file_number"] for p in rows["persons"]]
    assert len(set(numbers)) == len(numbers)
    assert all(n.startswith("MZ-") and len(n) == len("MZ-2024-000123") for n in numbers)
    households = by([p for p in rows["persons"] if p["household_id"]], "household_id")
    assert len(households) == len(rows["households"]) > 10
    for members in households.values():
        assert len(members) > 1
        assert len({(m["street"], m["postcode"], m["city"]) for m in members}) == 1
        assert len({m["arrival_date"] for m in members}) == 1
    assert all(p["postcode"].startswith("00") for p in rows["persons"])  # fictional range


def test_referrals_follow_the_state_machine_and_rest_on_consent(rows: Rows) -> None:
    consents = {c["id"]: c for c in rows["consents"]}
    recipients = by(rows["consent_recipients"], "consent_id")
    partner_kind = {p["id"]: p["kind"] for p in rows["partners"]}
    statuses = Counter(r["status"] for r in rows["referrals"])
    assert set(statuses) == set(ReferralStatus)
    for referral in rows["referrals"]:
        status = referral["status"]
        assert (referral["sent_on"] is None) == (status is ReferralStatus.DRAFT)
        answered = status in (ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.DONE)
        assert (referral["answered_on"] is not None) == answered
        assert (referral["done_on"] is not None) == (status is ReferralStatus.DONE)
        assert (referral["rejection_reason"] is not None) == (status is ReferralStatus.REJECTED)
        dates = [referral[k] for k in ("created_on", "sent_on", "answered_on", "done_on")]
        present = [d for d in dates if d is not None]
        assert present == sorted(present)
        if referral["consent_id"] is None:
            assert referral["override_reason"] and referral["override_by_id"]
            continue
        consent = consents[referral["consent_id"]]
        assert consent["given_on"] <= referral["created_on"]
        covered = {(r["partner_id"], r["partner_kind"]) for r in recipients[consent["id"]]}
        partner = referral["partner_id"]
        assert (partner, None) in covered or (None, partner_kind[partner]) in covered


def test_contacts_and_cases_have_believable_volumes(rows: Rows) -> None:
    persons = len(rows["persons"])
    assert 1.15 < len(rows["cases"]) / persons < 1.4
    assert 4.0 < len(rows["contacts"]) / persons < 6.0
    assert 0.35 < len(rows["referrals"]) / persons < 0.7
    channels = {item.code for item in reference.items("contact_channels")}
    assert {c["channel"] for c in rows["contacts"]} == channels
    cases = {c["id"]: c for c in rows["cases"]}
    for contact in rows["contacts"]:
        case = cases[contact["case_id"]]
        day = contact["occurred_at"].date()
        assert case["opened_on"] <= day <= (case["closed_on"] or date.max)
    for case in rows["cases"]:
        assert (case["closed_on"] is None) == (case["closing_reason"] is None)


def test_events_have_named_and_anonymous_attendance(rows: Rows) -> None:
    named = [a for a in rows["attendances"] if a["person_id"]]
    anonymous = [a for a in rows["attendances"] if not a["person_id"]]
    assert named and all(a["headcount"] == 0 for a in named)
    assert all(a["headcount"] > 0 for a in anonymous)
    attendance_ids = {a["id"] for a in named}
    assert all(c["attendance_id"] in attendance_ids for c in rows["event_contacts"])


def test_partners_cover_every_kind_with_contact_people(rows: Rows) -> None:
    kinds = {p["kind"] for p in rows["partners"]}
    assert kinds == set(reference.codes("partner_kinds"))
    assert 40 <= len(rows["partners"]) <= 80
    assert {c["partner_id"] for c in rows["partner_contacts"]} == {
        p["id"] for p in rows["partners"]
    }


def _without_password_salts(rows: Rows) -> Rows:
    """Argon2 hashes carry a random salt (as they must): compare that they verify instead."""
    from argon2 import PasswordHasher

    for user in rows["users"]:
        if user.get("password_hash"):
            assert PasswordHasher().verify(user["password_hash"], "mzdesk-demo")
            user["password_hash"] = "verified"
    return rows


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    first, second, other = generate(5, 200), generate(5, 200), generate(6, 200)
    assert _without_password_salts(first) == _without_password_salts(second)
    assert first["persons"] != other["persons"]


def test_arrivals_fit_the_countries_history(rows: Rows) -> None:
    nationality = {n["person_id"]: n["country_code"] for n in rows["person_nationalities"]}
    ukrainians = [p for p in rows["persons"] if nationality[p["id"]] == "UA"]
    assert ukrainians
    assert min(p["arrival_date"] for p in ukrainians) >= date(2022, 2, 24)
    statuses = by(rows["residence_statuses"], "person_id")
    for person in ukrainians:
        assert statuses[person["id"]][0]["status_code"] == "AE_24"
