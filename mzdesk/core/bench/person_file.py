"""Figure: open a person's file (person, cases, 50 contacts, referrals, follow-ups).

Measured: ``services.person_file.load`` in a fresh session, as the case file view calls it.
Baseline: the same ten SELECTs as plain ``text()`` SQL on the same tables, on the session's
connection, rows fetched and nothing else (no type conversion, no dataclasses). The same
persons, drawn at random with a fixed seed, for both.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

from sqlalchemy import select, text

from mzdesk.core.bench.harness import Figure, Target, counsellor, interleaved, timed
from mzdesk.core.database import Database
from mzdesk.core.models import Person
from mzdesk.core.services import person_file

KEY = "person_file"
PERSONS_PER_RUN = 20

_PERSON = """
SELECT id, version, file_number, family_name, given_names, family_name_original,
       given_names_original, birth_date, birth_date_precision, sex, interpreter_language, phone,
       email, street, postcode, city, municipality, arrival_date, household_id, team_id,
       merged_into_id
FROM persons WHERE id = :pid"""
_NATIONALITIES = """
SELECT country_code FROM person_nationalities WHERE person_id = :pid ORDER BY position, id"""
_LANGUAGES = """
SELECT language_code, cefr_level FROM person_languages WHERE person_id = :pid
ORDER BY position, id"""
_RESIDENCE = """
SELECT id, status_code, work_permission, valid_from, valid_until, note FROM residence_statuses
WHERE person_id = :pid ORDER BY valid_from, created_at"""
_CATEGORIES = """
SELECT id, category, valid_from, valid_until FROM legal_category_periods
WHERE person_id = :pid ORDER BY valid_from, created_at"""
_TOPICS = """
SELECT t.case_id, t.topic_code FROM case_topics t JOIN cases c ON c.id = t.case_id
WHERE c.person_id = :pid ORDER BY t.case_id, t.topic_code"""
_CASES = """
SELECT id, version, status, opened_on, closed_on, closing_reason, goals, source, counsellor_id,
       team_id
FROM cases WHERE person_id = :pid ORDER BY opened_on DESC, id"""
_CONTACTS = """
SELECT k.id, k.case_id, k.occurred_at, k.channel, k.minutes, k.interpreter_language, k.summary,
       k.note, k.counsellor_id
FROM contacts k JOIN cases c ON c.id = k.case_id WHERE c.person_id = :pid
ORDER BY k.occurred_at DESC, k.id DESC LIMIT 51"""
_REFERRALS = """
SELECT r.id, r.case_id, r.partner_id, p.name, p.kind, r.service, r.purpose, r.status,
       r.rejection_reason, r.consent_id, r.created_on, r.sent_on, r.answer_due_on,
       r.answered_on, r.done_on, r.letter_sha256 IS NOT NULL
FROM referrals r JOIN cases c ON c.id = r.case_id JOIN partners p ON p.id = r.partner_id
WHERE c.person_id = :pid ORDER BY r.created_on DESC, r.id"""
_FOLLOW_UPS = """
SELECT f.id, f.case_id, f.due_on, f.text, f.assigned_to_id, f.source
FROM follow_ups f JOIN cases c ON c.id = f.case_id
WHERE c.person_id = :pid AND f.done_at IS NULL ORDER BY f.due_on, f.id"""
RAW_QUERIES = tuple(
    text(sql)
    for sql in (
        _PERSON,
        _NATIONALITIES,
        _LANGUAGES,
        _RESIDENCE,
        _CATEGORIES,
        _TOPICS,
        _CASES,
        _CONTACTS,
        _REFERRALS,
        _FOLLOW_UPS,
    )
)


def figure() -> Figure:
    return Figure(
        key=KEY,
        title="open a person's file",
        baseline_title="the raw SQL joins alone (text() SELECTs)",
        target=Target(max_ratio=3.0),
    )


def sample_persons(
    database: Database, count: int, seed: int = 20240601, user: uuid.UUID | None = None
) -> list[uuid.UUID]:
    """``count`` listed persons drawn with a fixed seed (the same ones on every run), of
    those ``user`` may see."""
    with database.session(user) as session:
        ids = list(
            session.scalars(
                select(Person.id).where(Person.merged_into_id.is_(None)).order_by(Person.id)
            )
        )
    if not ids:
        return []
    rng = random.Random(seed)
    return [rng.choice(ids) for _ in range(count)]


def _param(database: Database, value: uuid.UUID) -> Any:
    # How the Uuid type stores an id: 32 hex digits on SQLite, the native type on PostgreSQL.
    return value.hex if database.is_sqlite else value


def measure(database: Database, runs: int, persons: int = PERSONS_PER_RUN) -> Figure:
    """One sample = the mean time per file over ``persons`` sampled persons."""
    result = figure()
    user = counsellor(database)  # as a counsellor: the scope applied to every statement
    ids = sample_persons(database, persons, user=user)
    if not ids:
        return result.failed("the database holds no persons")
    params = [{"pid": _param(database, person_id)} for person_id in ids]

    def service_run() -> float:
        total = 0.0
        for person_id in ids:

            def load(person_id: uuid.UUID = person_id) -> None:
                with database.session(user) as session:
                    person_file.load(session, person_id)

            total += timed(load)
        return total / len(ids)

    def raw_run() -> float:
        total = 0.0
        for values in params:

            def load(values: dict[str, Any] = values) -> None:
                with database.session() as session:
                    connection = session.connection()
                    for query in RAW_QUERIES[:7]:
                        rows = connection.execute(query, values).all()
                    if rows:  # the person has cases (the last query): as the service does
                        for query in RAW_QUERIES[7:]:
                            connection.execute(query, values).all()

            total += timed(load)
        return total / len(ids)

    samples, baseline = interleaved(service_run, raw_run, runs)
    return result.record(
        samples,
        baseline,
        note=f"mean per file over {len(ids)} persons drawn with a fixed seed, as a counsellor",
    )
