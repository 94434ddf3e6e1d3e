"""Figure: import an event's registration list of 600 rows (CSV) into the database.

The list mixes people the database knows (one row in three: names and birth dates of stored
persons, so the duplicate check links or flags them) with synthetic newcomers. Each run imports
it into the smallest event in a transaction that is rolled back, so every run starts from the
same database. Baseline: registering the same rows as new attendees without any duplicate
check (what the import costs beyond the writing itself).
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from sqlalchemy import func, select

from mzdesk.core.bench.harness import Figure, Target, interleaved, timed
from mzdesk.core.database import Database

KEY = "attendee_import"
ROWS = 600


def figure() -> Figure:
    return Figure(
        key=KEY,
        title="import a registration list (600 rows)",
        baseline_title="the same rows registered without duplicate check",
        target=Target(max_value=5000.0),
    )


def registration_list(database: Database, seed: int = 11) -> bytes:
    """A semicolon CSV as an organiser's spreadsheet exports it (German dates)."""
    from mzdesk.core.models import Person

    rng = random.Random(seed)
    with database.session() as session:
        total = int(session.scalar(select(func.count()).select_from(Person)) or 0)
        known = session.execute(
            select(Person.family_name, Person.given_names, Person.birth_date)
            .where(Person.merged_into_id.is_(None), Person.anonymised_on.is_(None))
            .order_by(Person.id)
            .offset(max(0, total // 2 - ROWS))
            .limit(ROWS // 3)
        ).all()
    lines = ["Nachname;Vorname;Geburtsdatum;Einwilligung"]
    for n in range(ROWS):
        if n % 3 == 0 and known:
            family, given, born = known[(n // 3) % len(known)]
        else:
            family, given = f"Listengast{n:04d}", rng.choice(("Amal", "Omar", "Olena", "Ali"))
            born = date(1965, 1, 1) + timedelta(days=rng.randrange(15000))
        day = born.strftime("%d.%m.%Y") if born else ""
        lines.append(f"{family};{given};{day};ja")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _smallest_event(database: Database) -> uuid.UUID:
    from mzdesk.core.models import Attendance, Event

    with database.session() as session:
        event_id = session.scalars(
            select(Event.id)
            .outerjoin(Attendance, Attendance.event_id == Event.id)
            .group_by(Event.id)
            .order_by(func.count(Attendance.id), Event.id)
            .limit(1)
        ).first()
    if event_id is None:
        raise RuntimeError("the database has no event to import into")
    return uuid.UUID(str(event_id))


def measure(database: Database, runs: int) -> Figure:
    from mzdesk.core.services import attendee_import, event_attendance

    data = registration_list(database)
    event_id = _smallest_event(database)
    report: dict[str, int] = {}

    def imported() -> None:
        with database.session() as session:
            result = attendee_import.import_data(session, event_id, data)
            session.flush()
            report.update(
                created=result.created,
                linked=result.linked,
                flagged=len(result.possible_duplicates),
                skipped=len(result.already_registered),
            )
            session.rollback()

    parsed = attendee_import.parse(data)

    def registered_only() -> None:
        with database.session() as session:
            for row in parsed.rows:
                if row.intake is not None:
                    event_attendance.register_new_attendee(
                        session, event_id, row.intake, registered_beforehand=True
                    )
            session.flush()
            session.rollback()

    samples, baseline = interleaved(
        lambda: timed(imported), lambda: timed(registered_only), max(1, min(runs, 3))
    )
    note = (
        f"{report.get('created', 0)} new, {report.get('linked', 0)} linked to known persons, "
        f"{report.get('flagged', 0)} flagged as possible duplicates, "
        f"{report.get('skipped', 0)} already registered; parsing and duplicate check included"
    )
    return figure().record(samples, baseline, note=note)
