"""Intake and edits on SQLite and PostgreSQL: rows, history, version conflicts, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from mzdesk.core.database import Database
from mzdesk.core.models import (
    AuditEntry,
    BirthDatePrecision,
    LegalCategory,
    LegalCategoryPeriod,
    Person,
    ResidenceStatus,
    Sex,
    WorkPermission,
)
from mzdesk.core.services import audit
from mzdesk.core.services.intake import (
    EditConflict,
    IntakeInvalid,
    LanguageSkillInput,
    PersonInput,
    create_person,
    duplicate_candidates,
    edit_person,
    load_input,
    validate,
)

TODAY = date(2026, 11, 24)

FULL = PersonInput(
    family_name="Öztürk",
    given_names="Ayşe Gül",
    family_name_original="Öztürk",
    given_names_original="Ayşe Gül",
    birth_date="01.01.1991",
    birth_date_placeholder=True,
    sex="f",
    nationalities=("TUR", "SY", "tur"),
    languages=(LanguageSkillInput("tr", "native"), LanguageSkillInput("de", "a2")),
    interpreter_language="tr",
    phone="+49 176 5550123",
    email="a.oeztuerk@example.org",
    street="Bahnhofstraße 3",
    postcode="54290",
    city="Neustadt",
    municipality="Neustadt",
    arrival_date="3.4.23",
    residence_status="AE_25_2",
    work_permission="ERWERB_ERLAUBT",
    residence_valid_from="01.05.2024",
    residence_valid_until="30.04.2027",
    legal_category="SGB2",
    legal_category_since="2024-05-01",
)


def _create(database: Database, data: PersonInput = FULL) -> Person:
    with database.session() as session:
        person = create_person(session, data, today=TODAY)
        session.commit()
        return person


def test_validate_reports_each_bad_field_in_german_and_english() -> None:
    bad = PersonInput(
        family_name=" ",
        birth_date="24.11.",
        nationalities=("QQQ",),
        languages=(LanguageSkillInput("xx"),),
        phone="call me",
        email="nobody@",
        postcode="123",
        arrival_date="01.01.2030",
        work_permission="ERWERB_ERLAUBT",
        legal_category="SGB9",
    )
    errors = {error.field: error for error in validate(bad, today=TODAY)}
    assert set(errors) == {
        "family_name",
        "birth_date",
        "nationalities",
        "languages",
        "phone",
        "email",
        "postcode",
        "arrival_date",
        "residence_status",
        "legal_category",
    }
    assert errors["birth_date"].german.startswith("„24.11.“ ist unvollständig")
    assert errors["family_name"].german == "Der Familienname fehlt."
    assert validate(FULL, today=TODAY) == []


def test_placeholder_needs_the_first_of_january() -> None:
    errors = validate(
        PersonInput(family_name="X", birth_date="02.01.1990", birth_date_placeholder=True),
        today=TODAY,
    )
    assert [error.field for error in errors] == ["birth_date"]


def test_create_writes_person_lists_histories_and_audit(database: Database) -> None:
    person = _create(database)
    assert person.file_number == "MZ-2026-000001"
    with database.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        assert (stored.family_name, stored.given_names) == ("Öztürk", "Ayşe Gül")
        assert stored.birth_date == date(1991, 1, 1)
        assert stored.birth_date_precision is BirthDatePrecision.PLACEHOLDER
        assert stored.sex is Sex.FEMALE
        assert [n.country_code for n in stored.nationalities] == ["TR", "SY"]
        assert [(lang.language_code, lang.cefr_level) for lang in stored.languages] == [
            ("tr", "NATIVE"),
            ("de", "A2"),
        ]
        assert stored.arrival_date == date(2023, 4, 3)
        assert "agaoglu" not in stored.search_text and "ozturk" in stored.search_text
        (status,) = stored.residence_statuses
        assert (status.status_code, status.work_permission) == (
            "AE_25_2",
            WorkPermission.ERWERB_ERLAUBT,
        )
        assert (status.valid_from, status.valid_until) == (date(2024, 5, 1), date(2027, 4, 30))
        (period,) = stored.legal_categories
        assert (period.category, period.valid_from) == (LegalCategory.SGB2, date(2024, 5, 1))
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "create")).one()
        assert entry.person_id == person.id
        assert "birth_date" in entry.details["fields"]
        assert audit.verify(session).ok
    second = _create(database, PersonInput(family_name="Haddad", residence_status="GEST"))
    assert second.file_number == "MZ-2026-000002"
    with database.session() as session:
        (status,) = session.scalars(
            select(ResidenceStatus).where(ResidenceStatus.person_id == second.id)
        )
        assert status.valid_from == TODAY  # no date typed: from today


def test_invalid_input_writes_nothing(database: Database) -> None:
    with database.session() as session:
        with pytest.raises(IntakeInvalid) as caught:
            create_person(session, replace(FULL, birth_date="31.02.1990"), today=TODAY)
        assert [error.field for error in caught.value.errors] == ["birth_date"]
        assert "gibt es nicht" in caught.value.german
        session.rollback()
        assert session.scalar(select(func.count()).select_from(Person)) == 0


def test_household_join_or_new(database: Database) -> None:
    first = _create(database, PersonInput(family_name="Kovalenko", given_names="Olena"))
    child = _create(
        database,
        PersonInput(family_name="Kovalenko", given_names="Taras", household_with=first.file_number),
    )
    third = _create(
        database,
        PersonInput(family_name="Kovalenko", given_names="Iryna", household_with=str(child.id)),
    )
    with database.session() as session:
        households = {session.get(Person, p.id).household_id for p in (first, child, third)}  # type: ignore[union-attr]
        assert len(households) == 1 and None not in households
        assert load_input(session, third.id).household_members == (
            first.file_number,
            child.file_number,
        )
    with database.session() as session, pytest.raises(IntakeInvalid) as caught:
        create_person(session, PersonInput(family_name="A", household_with="MZ-0"), today=TODAY)
    assert caught.value.errors[0].field == "household_with"


def test_edit_changes_fields_bumps_version_and_audits_old_and_new(database: Database) -> None:
    person = _create(database)
    with database.session() as session:
        shown = load_input(session, person.id)
        assert shown.input.birth_date == "01.01.1991" and shown.input.birth_date_placeholder
        edited = edit_person(
            session,
            person.id,
            {"phone": "0176 999 888", "nationalities": ("TR",)},
            shown.version,
            today=TODAY,
        )
        session.commit()
        assert edited.version > shown.version
    with database.session() as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        assert stored.phone == "0176 999 888"
        assert [n.country_code for n in stored.nationalities] == ["TR"]
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "edit")).one()
        assert entry.details["changes"] == {
            "phone": {"old": "+49 176 5550123", "new": "0176 999 888"},
            "nationalities": {"old": "TR, SY", "new": "TR"},
        }
        # Saving the same values again changes nothing and audits nothing.
        version = stored.version
        edit_person(session, person.id, {"phone": "0176 999 888"}, version, today=TODAY)
        session.commit()
        assert session.get(Person, person.id).version == version  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).where(AuditEntry.action == "edit")) == 1


def test_status_and_legal_category_changes_add_history(database: Database) -> None:
    person = _create(database)
    later = date(2026, 12, 1)
    with database.session() as session:
        shown = load_input(session, person.id)
        edit_person(
            session,
            person.id,
            {
                "residence_status": "NE",
                "legal_category": "SGB12",
                "legal_category_since": "1.11.2026",
            },
            shown.version,
            today=later,
        )
        session.commit()
    with database.session() as session:
        statuses = session.scalars(
            select(ResidenceStatus)
            .where(ResidenceStatus.person_id == person.id)
            .order_by(ResidenceStatus.valid_from)
        ).all()
        assert [(s.status_code, s.valid_from) for s in statuses] == [
            ("AE_25_2", date(2024, 5, 1)),
            ("NE", later),  # the old start date was still in the form: the change is dated today
        ]
        periods = session.scalars(
            select(LegalCategoryPeriod)
            .where(LegalCategoryPeriod.person_id == person.id)
            .order_by(LegalCategoryPeriod.valid_from)
        ).all()
        assert [(p.category, p.valid_from) for p in periods] == [
            (LegalCategory.SGB2, date(2024, 5, 1)),
            (LegalCategory.SGB12, date(2026, 11, 1)),
        ]
        shown = load_input(session, person.id)
        assert (shown.input.residence_status, shown.input.legal_category) == ("NE", "SGB12")
        with pytest.raises(IntakeInvalid) as caught:
            edit_person(session, person.id, {"residence_status": ""}, shown.version, today=later)
        assert caught.value.errors[0].field == "residence_status"


def test_a_newer_version_is_a_conflict_with_a_diff_and_writes_nothing(database: Database) -> None:
    person = _create(database)
    with database.session() as mine, database.session() as theirs:
        my_view = load_input(mine, person.id)
        mine.rollback()
        their_view = load_input(theirs, person.id)
        edit_person(
            theirs,
            person.id,
            {"phone": "0151 111 222", "city": "Altdorf"},
            their_view.version,
            today=TODAY,
        )
        theirs.commit()

        changes = {"phone": "0170 333 444", "email": "new@example.org", "city": "Altdorf"}
        with pytest.raises(EditConflict) as caught:
            edit_person(mine, person.id, changes, my_view.version, today=TODAY)
        conflict = caught.value
        mine.rollback()
        assert conflict.current_version > my_view.version
        assert {(d.field, d.mine, d.theirs) for d in conflict.diffs} == {
            ("phone", "0170 333 444", "0151 111 222"),
            ("email", "new@example.org", "a.oeztuerk@example.org"),
        }  # the city is the same on both sides: no conflict there
        assert "nichts gespeichert" in conflict.german
        stored = mine.get(Person, person.id)
        assert stored is not None and stored.phone == "0151 111 222"

        # "Overwrite with mine": save against the version the conflict reported.
        edit_person(mine, person.id, changes, conflict.current_version, today=TODAY)
        mine.commit()
        assert mine.get(Person, person.id).phone == "0170 333 444"  # type: ignore[union-attr]


def test_duplicate_candidates_find_a_transliteration_variant(database: Database) -> None:
    existing = _create(
        database,
        PersonInput(
            family_name="Alhasan",
            given_names="Muhammad",
            birth_date="05.03.1990",
            nationalities=("SYR",),
        ),
    )
    _create(database, PersonInput(family_name="Kovalenko", given_names="Olena"))
    probe = PersonInput(
        family_name="Al-Hassan",
        given_names="Mohammed",
        birth_date="5.3.1990",
        nationalities=("SY",),
    )
    with database.session() as session:
        found = duplicate_candidates(session, probe, today=TODAY)
        assert [c.person_id for c in found] == [existing.id]
        assert found[0].score >= 0.75
        assert "birth_date" in found[0].reasons
        # A half-typed date doesn't stop the check (names alone are too weak a match here);
        # the person themselves is excluded on edits.
        assert duplicate_candidates(session, replace(probe, birth_date="5.3."), today=TODAY) == []
        assert not duplicate_candidates(session, probe, exclude=existing.id, today=TODAY)
