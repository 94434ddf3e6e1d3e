"""Maintaining the partner directory: add with contact people, edit, deactivate, reactivate.

Every role may maintain it (a counsellor adds the employer met at a fair; the admin is offered
the Partners area too), a disabled account may not; each change is in the audit trail; an edit
made on an outdated copy is refused; an inactive partner is not offered and not referred to.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from mzdesk.core.access import AccessDenied
from mzdesk.core.database import Database
from mzdesk.core.models import AuditEntry, Case, Partner, PartnerContact, Person, Role, User
from mzdesk.core.services import partners, referrals
from mzdesk.core.services.partners import ContactPerson, PartnerChanged, PartnerError
from mzdesk.core.services.referrals import ReferralError


def _user(db: Database, role: Role, *, active: bool = True) -> uuid.UUID:
    with db.session() as s:
        user = User(username=f"u-{role.value}-{active}", display_name="Test", role=role)
        user.active = active
        s.add(user)
        s.commit()
        return user.id


def _entries(db: Database, partner_id: uuid.UUID) -> list[tuple[str, dict[str, object]]]:
    with db.session() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "partner").order_by(AuditEntry.seq)
        )
        return [(r.action, dict(r.details or {})) for r in rows if r.entity_id == partner_id]


def test_a_counsellor_adds_edits_deactivates_and_reactivates(database: Database) -> None:
    counsellor = _user(database, Role.COUNSELLOR)
    with database.session(counsellor) as s:
        partner = partners.add_partner(
            s,
            name="Malerbetrieb Kaya",
            kind="Arbeitgeber",
            city="Neustadt",
            services="Ausbildung Maler/-in\n\n  Praktikum   drei Wochen ",
            contact_people=[
                ContactPerson("Erika Beispiel", "Ausbildung", "01234 5", "erika@kaya.example"),
                ContactPerson(""),  # an empty row: dropped
            ],
        )
        s.commit()
        partner_id, version = partner.id, partner.version
        assert partner.kind == "AG"
        assert partner.services == "Ausbildung Maler/-in\nPraktikum drei Wochen"
        contact_id = partner.contact_people[0].id
    assert _entries(database, partner_id) == [("create", {"contact_people": 1})]

    with database.session(counsellor) as s:
        partners.update_partner(
            s,
            partner_id,
            expected_version=version,
            phone="01234 77",
            contact_people=[
                ContactPerson("Erika Beispiel", "Ausbildungsleitung", "01234 5", None, contact_id),
                ContactPerson("Jonas Probe", "Inhaber"),
            ],
        )
        s.commit()
    with database.session(counsellor) as s:
        stored = partners.get_partner(s, partner_id)
        assert stored.phone == "01234 77"
        assert sorted((c.name, c.role) for c in stored.contact_people) == [
            ("Erika Beispiel", "Ausbildungsleitung"),
            ("Jonas Probe", "Inhaber"),
        ]
        assert next(c for c in stored.contact_people if c.name == "Erika Beispiel").id == (
            contact_id
        )
        assert stored.version > version
        # the version the first edit started from is outdated now
        with pytest.raises(PartnerChanged):
            partners.update_partner(s, partner_id, expected_version=version, city="Altdorf")
        # removing a contact person removes its row, the one kept keeps its id
        jonas = next(c for c in stored.contact_people if c.name == "Jonas Probe")
        kept = ContactPerson("Jonas Probe", "Inhaber", id=jonas.id)
        partners.update_partner(s, partner_id, contact_people=[kept])
        s.commit()
        assert s.scalar(select(PartnerContact.name).where(PartnerContact.id == contact_id)) is None

    with database.session(counsellor) as s:
        partners.set_partner_active(s, partner_id, False)
        s.commit()
        assert partners.find_partners(s, "kaya") == []
        assert [p.id for p in partners.find_partners(s, "kaya", include_inactive=True)] == [
            partner_id
        ]
        assert s.get(Partner, partner_id) is not None  # never deleted
    with database.session(counsellor) as s:
        partners.set_partner_active(s, partner_id, True)
        s.commit()
        assert [p.id for p in partners.find_partners(s, "kaya")] == [partner_id]
    actions = _entries(database, partner_id)
    assert [a for a, _ in actions] == ["create", "update", "update", "update", "update"]
    assert actions[1][1] == {
        "changed": ["phone"],
        "contact_people_added": 1,
        "contact_people_changed": 1,
    }
    assert actions[2][1] == {"changed": [], "contact_people_removed": 1}
    assert actions[3][1] == {"active": False} and actions[4][1] == {"active": True}
    assert "Erika" not in repr(actions)  # contact people's names stay out of the trail


def test_bad_input_is_refused_in_one_german_line_naming_the_field(database: Database) -> None:
    with database.session() as s:
        with pytest.raises(PartnerError) as empty:
            partners.add_partner(s, name="  ", kind="AG")
        assert (empty.value.german, empty.value.field) == ("Name fehlt.", "name")
        with pytest.raises(PartnerError) as email:
            partners.add_partner(s, name="Kaya", kind="AG", email="info-at-kaya.example")
        assert email.value.field == "email" and "E-Mail-Adresse" in email.value.german
        with pytest.raises(PartnerError) as contact:
            partners.add_partner(
                s,
                name="Kaya",
                kind="AG",
                contact_people=[ContactPerson("A"), ContactPerson("", phone="0123")],
            )
        assert contact.value.german == "Ansprechperson 2: Der Name fehlt."
        assert contact.value.field == "contact:2:name"
        with pytest.raises(PartnerError) as contact_email:
            partners.add_partner(
                s, name="Kaya", kind="AG", contact_people=[ContactPerson("A", email="a@b")]
            )
        assert contact_email.value.field == "contact:1:email"
        assert "\n" not in contact_email.value.german
        assert s.scalars(select(Partner)).all() == []


def test_every_active_account_may_maintain_a_disabled_one_may_not(database: Database) -> None:
    for role in Role:
        user = _user(database, role)
        with database.session(user) as s:
            partners.add_partner(s, name=f"Betrieb {role.value}", kind="AG")
            s.commit()
    disabled = _user(database, Role.COUNSELLOR, active=False)
    with database.session(disabled) as s:
        with pytest.raises(AccessDenied):
            partners.add_partner(s, name="Betrieb X", kind="AG")
        some = partners.find_partners(s, "betrieb")[0]
        with pytest.raises(AccessDenied):
            partners.set_partner_active(s, some.id, False)
        with pytest.raises(AccessDenied):
            partners.update_partner(s, some.id, phone="1")


def test_an_inactive_partner_gets_no_new_referral(database: Database) -> None:
    counsellor = _user(database, Role.COUNSELLOR)
    with database.session(counsellor) as s:
        person = Person(file_number="MZ-2026-000001", family_name="Probe", given_names="Ada")
        s.add(person)
        s.flush()
        case = Case(person_id=person.id, counsellor_id=counsellor, opened_on=date(2026, 1, 5))
        s.add(case)
        partner = partners.add_partner(s, name="Agentur Probe", kind="AA")
        s.commit()
        partners.set_partner_active(s, partner.id, False)
        s.commit()
        with pytest.raises(ReferralError):
            referrals.create_referral(
                s,
                case_id=case.id,
                partner_id=partner.id,
                purpose="Beratung",
                created_by_id=counsellor,
            )
