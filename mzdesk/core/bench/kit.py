"""Figure: merge a returned kit (600 new attendees, 600 employer contacts) into the database.

The kit is made the real way: exported from the measured database for its smallest event,
opened into a temporary laptop database, 600 attendees registered there (one in ten the same
person as someone already known, so the duplicate check has work) with one employer contact
each, returned. Each run merges it in a transaction that is rolled back, so every run starts
from the same database. Baseline: the raw INSERT of the same rows in one transaction.
"""

from __future__ import annotations

import random
import tempfile
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from mzdesk.core.bench.harness import Figure, Target, interleaved, timed
from mzdesk.core.database import Database

KEY = "kit_merge"
ATTENDEES = 600
PASSPHRASE = "bench passphrase"


def figure() -> Figure:
    return Figure(
        key=KEY,
        title="merge a kit (600 attendees + 600 employer contacts)",
        baseline_title="raw insert of the same rows",
        target=Target(max_value=5000.0),
    )


def build_return(database: Database, folder: Path, seed: int = 7) -> bytes:
    from mzdesk.core.kits import export_kit, open_kit, return_kit
    from mzdesk.core.models import (
        Attendance,
        Event,
        EventContact,
        EventContactOutcome,
        EventPartner,
        Partner,
        Person,
        PersonLanguage,
    )

    rng = random.Random(seed)
    with database.session() as session:
        smallest = (
            select(Event.id)
            .outerjoin(Attendance, Attendance.event_id == Event.id)
            .group_by(Event.id)
            .order_by(func.count(Attendance.id), Event.id)
            .limit(1)
        )
        event_id = session.scalars(smallest).first()
        if event_id is None:
            raise RuntimeError("the database has no event to export")
        known = session.execute(
            select(Person.family_name, Person.given_names, Person.birth_date)
            .where(Person.merged_into_id.is_(None))
            .limit(ATTENDEES // 10)
        ).all()
        kit = export_kit(session, event_id, PASSPHRASE)
    open_kit(kit, PASSPHRASE, f"sqlite:///{folder / 'laptop.sqlite'}")
    with Database(f"sqlite:///{folder / 'laptop.sqlite'}") as laptop, laptop.session() as session:
        employers = list(
            session.scalars(
                select(EventPartner.partner_id).where(EventPartner.event_id == event_id)
            )
        ) or list(session.scalars(select(Partner.id).limit(10)))
        now = datetime(2025, 5, 14, 9, tzinfo=UTC)
        for n in range(ATTENDEES):
            if n % 10 == 0 and known:
                family, given, born = known[(n // 10) % len(known)]
            else:
                family, given = f"Messegast{n:04d}", rng.choice(("Amal", "Omar", "Olena", "Ali"))
                born = date(1970, 1, 1) + timedelta(days=rng.randrange(14000))
            person = Person(
                file_number=f"FAIR-{n:05d}-{uuid.uuid4().hex[:6]}",
                family_name=family,
                given_names=given,
                birth_date=born,
                phone=f"0176 {rng.randrange(10**7):07d}",
            )
            person.languages = [PersonLanguage(language_code="ar", cefr_level="A2")]
            session.add(person)
            session.flush()
            attendance = Attendance(
                event_id=event_id, person_id=person.id, registered_at=now, consent_to_contact=True
            )
            session.add(attendance)
            session.flush()
            session.add(
                EventContact(
                    event_id=event_id,
                    attendance_id=attendance.id,
                    partner_id=employers[n % len(employers)],
                    outcome=EventContactOutcome.TALK,
                    occurred_at=now,
                )
            )
        session.flush()
        back = return_kit(session, event_id, PASSPHRASE)
        session.commit()
    return back


def measure(database: Database, runs: int) -> Figure:
    from mzdesk.core.kits import content, crypto, merge_kit
    from mzdesk.core.kits.rows import insert_rows

    with tempfile.TemporaryDirectory(prefix="mzdesk-bench-kit-") as raw:
        back = build_return(database, Path(raw))
    report: dict[str, int] = {}

    def merged() -> None:
        with database.session() as session:
            result = merge_kit(session, back, PASSPHRASE)
            session.flush()
            report.update(
                inserted=result.inserted,
                duplicates=result.duplicates,
                rejected=len(result.rejected),
            )
            session.rollback()

    def raw_insert() -> None:
        rows = {
            name: [entry["row"] for entry in entries]
            for name, entries in content.unpack(_plain).get("changes", {}).items()
        }
        with database.session() as session:
            for name in content.MERGED_TABLES:
                if rows.get(name):
                    insert_rows(session, name, rows[name])
            session.flush()
            session.rollback()

    _header, _plain = crypto.unseal(back, PASSPHRASE)
    samples, baseline = interleaved(
        lambda: timed(merged), lambda: timed(raw_insert), max(1, min(runs, 3))
    )
    note = (
        f"{report.get('inserted', 0)} rows inserted, {report.get('duplicates', 0)} new persons "
        f"held as possible duplicates; decryption (scrypt 2^17) and the duplicate check included"
    )
    return figure().record(samples, baseline, note=note)
