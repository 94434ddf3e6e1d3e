"""``generate_demo`` on SQLite and PostgreSQL: counts, integrity, determinism across backends."""

from __future__ import annotations

import hashlib
import subprocess
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.demo import generate_demo
from mzdesk.core.demo.generate import DemoRefused
from mzdesk.core.demo.referrals import STORED_LETTERS
from mzdesk.core.models import Base, Contact, Partner, Person, Placement, Referral, ResidenceStatus
from mzdesk.core.services import referrals

PERSONS = 200


def digest(database: Database) -> str:
    """Names, birth dates, file numbers, contact times and placement snapshots, hashed."""
    hasher = hashlib.sha256()
    with database.session() as session:
        for person in session.scalars(select(Person).order_by(Person.file_number)):
            hasher.update(
                f"{person.id}|{person.file_number}|{person.family_name}|{person.given_names}|"
                f"{person.family_name_original}|{person.birth_date}|"
                f"{person.birth_date_precision.value}|{person.created_at.isoformat()}".encode()
            )
        for contact in session.scalars(select(Contact).order_by(Contact.id)):
            assert contact.occurred_at.tzinfo is UTC
            hasher.update(f"{contact.case_id}|{contact.occurred_at.isoformat()}".encode())
        for placement in session.scalars(select(Placement).order_by(Placement.id)):
            hasher.update(
                f"{placement.starts_on}|{placement.weekly_hours}|{placement.legal_category_at_start}"
                f"|{placement.residence_status_at_start}|{placement.refugee_at_start}".encode()
            )
    return hasher.hexdigest()


def table_counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
        }


def test_demo_fills_an_empty_database_consistently(database_url: str, tmp_path: Path) -> None:
    progress: list[tuple[int, int, str]] = []
    with Database(database_url, create=True) as database:  # empty: the schema is created
        summary = generate_demo(database, PERSONS, seed=4, progress=lambda *a: progress.append(a))
        report = schema.check(database)
        assert report.ok, report.problems
        counts = table_counts(database)
        for table, written in summary.counts.items():
            assert counts[table] == written, table
        assert counts["persons"] == PERSONS
        assert PERSONS * 1.1 < counts["cases"] < PERSONS * 1.5
        assert PERSONS * 4 < counts["contacts"] < PERSONS * 6
        assert counts["events"] >= 3 and counts["attendances"] > 0
        assert 40 <= counts["partners"] <= 80
        with database.session() as session:
            origins = set(session.scalars(select(Person.origin).distinct()))
            assert origins == {database.installation_id}
            assert (
                session.scalar(select(func.count()).select_from(ResidenceStatus)) or 0
            ) > PERSONS
        here = digest(database)
    assert progress[0][2] == "network" and progress[-1] == (PERSONS, PERSONS, "done")
    assert [p[0] for p in progress] == sorted(p[0] for p in progress)

    with Database(f"sqlite:///{tmp_path / 'same.sqlite'}", create=True) as same:
        generate_demo(same, PERSONS, seed=4)
        assert digest(same) == here  # same seed: same rows, whatever the backend
    with Database(f"sqlite:///{tmp_path / 'other.sqlite'}", create=True) as other:
        generate_demo(other, PERSONS, seed=5)
        assert digest(other) != here


def _letter_hashes(database: Database) -> list[str | None]:
    with database.session() as session:
        return list(
            session.scalars(
                select(Referral.letter_sha256)
                .where(Referral.letter_sha256.is_not(None))
                .order_by(Referral.id)
            )
        )


def test_demo_stores_the_newest_letters_for_reprint(tmp_path: Path) -> None:
    with Database(f"sqlite:///{tmp_path / 'letters.sqlite'}", create=True) as database:
        summary = generate_demo(database, PERSONS, seed=4)
        with database.session() as session:
            sent = session.scalar(select(func.count()).where(Referral.sent_on.is_not(None)))
            assert summary.stored_letters == min(sent or 0, STORED_LETTERS) > 0
            newest = session.scalars(
                select(Referral)
                .where(Referral.letter_pdf.is_not(None))
                .order_by(Referral.sent_on.desc())
            ).first()
            assert newest is not None
            pdf = referrals.stored_letter(session, newest.id)  # hash checked
            partner = session.get(Partner, newest.partner_id)
            assert partner is not None
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        assert partner.name.split()[0] in text
        assert newest.sent_on is not None and newest.sent_on.strftime("%d.%m.%Y") in text
        hashes = _letter_hashes(database)
    with Database(f"sqlite:///{tmp_path / 'again.sqlite'}", create=True) as again:
        generate_demo(again, PERSONS, seed=4)
        assert _letter_hashes(again) == hashes  # the same letters, byte for byte


def test_demo_refuses_a_database_that_holds_persons(database: Database) -> None:
    generate_demo(database, 5, seed=1)
    with pytest.raises(DemoRefused, match="already holds 5 persons"):
        generate_demo(database, 5, seed=2)
    assert table_counts(database)["persons"] == 5
    # The load connection was given back as it was: foreign keys enforced again.
    if database.is_sqlite:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
