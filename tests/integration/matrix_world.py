"""The permission matrix's world: ``access_world`` and what the CLI and GUI matrix need besides.

On top of :func:`access_world.build` (two teams, one of everything about ``own`` in team A and
``other`` in team B, ``fresh`` without a case):

* the persons get given names and phone numbers of their own; ``other`` is registered at team
  A's fair and ``own`` at team B's (an event's lists must still keep to the reader's team);
* a rejected referral in each team (``referral list --rejected-for``);
* a person in each team whose only case was closed long ago (due for retention), and for each
  of them and ``other`` a likely duplicate without a case;
* a disabled counsellor of team A, and a counsellor of team A whose password is mistyped;
* the organisation's consent text, so that consent forms can be printed.

``marks`` are the strings that identify a team's client data (file numbers, names, ids and
their short forms): a command run by team A must never print one of team B's. Synthetic names
only ("Zubrow…").

:func:`digest` is a stable hash of every row of the case data (audit trail and login
bookkeeping left out: reading and being refused are audited, logging in counts attempts).
"""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from mzdesk.core.database import Database
from mzdesk.core.models import (
    Attendance,
    Base,
    Case,
    CaseStatus,
    Person,
    Referral,
    ReferralStatus,
    User,
)
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts
from mzdesk.core.services.lookup import short_id
from tests.integration.access_world import AT, PASSWORD, World, build

DISABLED, FORGETFUL = "ehemals_a", "vergesslich_a"
# (not the phones in access_world's merge conflicts: an erasure must find its person's alone)
OTHER_PHONE, OWN_PHONE, FRESH_PHONE = "0151 1234562", "0151 1234561", "0151 1234563"
WORDS = "file number, name or phone"  # the label of the marks that are not ids
# Left out of the digest: what a read or a refusal writes besides (audit, login counters).
NOT_DIGESTED = frozenset({"audit_entries"})
USER_BOOKKEEPING = frozenset(
    {"failed_logins", "locked_until", "updated_at", "updated_by", "version"}
)


@dataclass
class MatrixWorld:
    base: World
    old_a: uuid.UUID  # team A: the only case closed long ago (retention)
    old_b: uuid.UUID
    case_old_a: uuid.UUID
    case_old_b: uuid.UUID
    rejected_a: uuid.UUID  # a rejected referral of berater_a's case
    rejected_b: uuid.UUID
    attendance_other_at_a: uuid.UUID  # ``other`` registered at team A's fair
    attendance_own_at_b: uuid.UUID
    twin_a: uuid.UUID  # no case, a likely duplicate of old_a
    twin_b: uuid.UUID  # no case, a likely duplicate of ``other``
    users: dict[str, uuid.UUID] = field(default_factory=dict)

    @property
    def own(self) -> uuid.UUID:
        return self.base.own

    @property
    def other(self) -> uuid.UUID:
        return self.base.other

    @property
    def fresh(self) -> uuid.UUID:
        return self.base.fresh

    def row(self, table: str, team: str) -> uuid.UUID:
        """The id of ``table``'s row about ``own`` (team "A") or ``other`` (team "B")."""
        return self.base.rows[table][0 if team == "A" else 1]

    def ids_of(self, team: str) -> dict[uuid.UUID, str]:
        """Every id of the team's client data (persons, cases, rows about them): what it is."""
        index = 0 if team == "A" else 1
        found = {
            self.own if team == "A" else self.other: "person",
            self.base.case_a if team == "A" else self.base.case_b: "case",
        }
        found |= {rows[index]: name for name, rows in self.base.rows.items() if name != "cases"}
        if team == "A":
            found |= {
                self.old_a: "person due for retention",
                self.case_old_a: "closed case",
                self.rejected_a: "rejected referral",
                self.attendance_own_at_b: "attendance of team A's person at B's fair",
            }
        else:
            found |= {
                self.old_b: "person due for retention",
                self.case_old_b: "closed case",
                self.rejected_b: "rejected referral",
                self.attendance_other_at_a: "attendance of team B's person at A's fair",
            }
        return found

    def marks(self, team: str) -> dict[str, str]:
        """What identifies the team's client data in any output (numbers, names, phones, ids,
        short ids), each with what it is."""
        if team == "A":
            words = ["MZ-T-0001", "MZ-T-0004", "Zubrowa", "Zubrowenko", "Olga", "Alma", OWN_PHONE]
        else:
            words = [
                "MZ-T-0002",
                "MZ-T-0005",
                "Zubrowin",
                "Zubrowek",
                "Berta",
                "Bruni",
                OTHER_PHONE,
            ]
        found = {word: WORDS for word in words}
        for value, what in self.ids_of(team).items():
            found |= {str(value): what, short_id(value): f"{what} (short id)", value.hex: what}
        return found


def _person(session: Any, number: str, family: str, given: str, phone: str) -> Person:
    person = Person(
        id=uuid.uuid4(),
        file_number=number,
        family_name=family,
        given_names=given,
        birth_date=date(1951, 7, 8),
        phone=phone,
    )
    session.add(person)
    return person


def build_matrix(database: Database) -> MatrixWorld:
    world = build(database)
    with database.session(world.users["admin"]) as session:
        for name in (DISABLED, FORGETFUL):
            world.users[name] = accounts.create_user(
                session, name, PASSWORD, role=Role.COUNSELLOR, team="Team A"
            ).id
        session.commit()
    with database.session(world.users["admin"]) as session:
        accounts.disable_user(session, DISABLED)
        session.commit()
    with database.session() as session:
        for person_id, given, phone in (
            (world.own, "Olga", OWN_PHONE),
            (world.other, "Berta", OTHER_PHONE),
            (world.fresh, "Frieda", FRESH_PHONE),
        ):
            session.execute(
                update(Person).where(Person.id == person_id).values(given_names=given, phone=phone)
            )
        old_a = _person(session, "MZ-T-0004", "Zubrowenko", "Alma", "0151 1234564")
        old_b = _person(session, "MZ-T-0005", "Zubrowek", "Bruni", "0151 1234565")
        # Without a case (every caseworker sees them), each likely the same as a team's person:
        # team A's duplicate check pairs twin_a with old_a, and never twin_b with ``other``.
        twin_a = _person(session, "MZ-T-0006", "Subrowenko", "Alma", "0151 1234566")
        twin_b = _person(session, "MZ-T-0007", "Subrowin", "Bertha", "0151 1234567")
        twin_b.birth_date = date(1990, 3, 4)
        session.flush()
        closed = {}
        for key, person, team, counsellor in (
            ("A", old_a, world.teams["A"], world.users["berater_a"]),
            ("B", old_b, world.teams["B"], world.users["berater_b"]),
        ):
            case = Case(
                id=uuid.uuid4(),
                person_id=person.id,
                team_id=team,
                counsellor_id=counsellor,
                opened_on=date(2012, 1, 5),
                status=CaseStatus.CLOSED,
                closed_on=date(2013, 2, 6),
                closing_reason="abgeschlossen",
            )
            session.add(case)
            closed[key] = case
        rejected = {}
        for key, case_id, counsellor in (
            ("A", world.case_a, world.users["berater_a"]),
            ("B", world.case_b, world.users["berater_b"]),
        ):
            referral = Referral(
                id=uuid.uuid4(),
                case_id=case_id,
                partner_id=world.partner,
                created_by_id=counsellor,
                service="Sprachkurs",
                purpose="Kursplatz",
                status=ReferralStatus.REJECTED,
                created_on=date(2025, 3, 2),
                sent_on=date(2025, 3, 3),
                answered_on=date(2025, 3, 20),
                rejection_reason="Kurs voll",
            )
            session.add(referral)
            rejected[key] = referral
        cross = {
            "A": Attendance(event_id=world.event_a, person_id=world.other, registered_at=AT),
            "B": Attendance(event_id=world.event_b, person_id=world.own, registered_at=AT),
        }
        session.add_all(cross.values())
        session.commit()
        found = MatrixWorld(
            base=world,
            old_a=old_a.id,
            old_b=old_b.id,
            case_old_a=closed["A"].id,
            case_old_b=closed["B"].id,
            rejected_a=rejected["A"].id,
            rejected_b=rejected["B"].id,
            attendance_other_at_a=cross["A"].id,
            attendance_own_at_b=cross["B"].id,
            twin_a=twin_a.id,
            twin_b=twin_b.id,
        )
        found.users = dict(world.users)
        found.users.update(
            {u.username: u.id for u in session.scalars(select(User))}  # the two new accounts
        )
        return found


@contextlib.contextmanager
def cheap_password_hashes() -> Iterator[None]:
    """Cheap argon2 hashes while the block runs (many logins; the same login code)."""
    with pytest.MonkeyPatch.context() as patch:
        hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        patch.setattr(accounts, "_hasher", hasher)
        accounts._dummy_hash.cache_clear()
        yield
    accounts._dummy_hash.cache_clear()


def digest(database: Database, leave_out: frozenset[str] = frozenset()) -> str:
    """A digest of every row of every table but the audit trail, the login counters and the
    tables ``leave_out`` names."""
    hasher = hashlib.sha256()
    with database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_DIGESTED or table.name in leave_out:
                continue
            columns = [
                column
                for column in table.columns
                if not (table.name == "users" and column.name in USER_BOOKKEEPING)
            ]
            rows = connection.execute(select(*columns).order_by(*table.primary_key.columns))
            for row in rows:
                hasher.update(repr(tuple(row)).encode("utf-8"))
            hasher.update(f"|{table.name}|".encode())
    return hasher.hexdigest()
