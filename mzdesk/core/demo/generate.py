"""``generate_demo``: fill an empty database with synthetic data, fast and reproducibly.

Rows are built as plain dicts and written in batches of a few thousand persons, one
transaction per batch (see ``demo.writer``), so memory stays flat and 200,000 persons take
well under two minutes on SQLite.
"""

from __future__ import annotations

import gc
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.demo.cases import make_cases
from mzdesk.core.demo.context import REFERENCE_DAY, DemoContext, Row
from mzdesk.core.demo.county import AddressBook
from mzdesk.core.demo.events import Attendee, event_count, make_attendances, make_events
from mzdesk.core.demo.network import World, build_network
from mzdesk.core.demo.persons import make_household
from mzdesk.core.demo.placements import make_placements
from mzdesk.core.demo.referrals import make_referrals, store_recent_letters
from mzdesk.core.demo.writer import TABLE_ORDER, RowWriter, loading_connection
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import Person

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
BATCH_PERSONS = 5000


class DemoRefused(MzdeskError):
    """The database already holds persons: demo data goes into an empty database only."""


@dataclass
class DemoSummary:
    """How many rows the demo wrote, per table."""

    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    stored_letters: int = 0  # sent referrals whose letter is stored (the newest ones)

    @property
    def persons(self) -> int:
        return self.counts.get("persons", 0)


def generate_demo(
    database: Database,
    persons: int,
    seed: int,
    progress: ProgressCallback | None = None,
    *,
    today: date = REFERENCE_DAY,
) -> DemoSummary:
    """Fill an empty database (its schema created if need be) with ``persons`` persons.

    ``progress(done, total, phase)`` is called at each step: phases ``network``, ``persons``
    (once per batch), ``indexes``, ``letters``, ``done``. The same ``seed`` and ``today`` give
    the same rows.
    """
    if persons < 1:
        raise MzdeskError(
            "the number of persons must be at least 1",
            german="Die Anzahl der Personen muss mindestens 1 sein.",
        )
    _prepare(database)
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived dicts: cyclic collection would cost a third
    try:
        return _generate(database, persons, seed, progress, today)
    finally:
        if collecting:
            gc.enable()


def _generate(
    database: Database,
    persons: int,
    seed: int,
    progress: ProgressCallback | None,
    today: date,
) -> DemoSummary:
    report = progress or (lambda _done, _total, _phase: None)
    ctx = DemoContext.from_seed(seed, origin=database.installation_id, today=today)
    counts = dict.fromkeys(TABLE_ORDER, 0)
    book = AddressBook(ctx)
    report(0, persons, "network")
    world, rows = build_network(ctx, book, persons)
    events = make_events(ctx, world, rows, event_count(persons))
    attendees: list[Attendee] = []
    with loading_connection(database) as connection:
        writer = RowWriter(connection, counts)
        writer.write_all(rows)
        report(0, persons, "persons")
        done = 0
        while done < persons:
            wanted = min(BATCH_PERSONS, persons - done)
            writer.write_all(make_person_batch(ctx, book, world, wanted, attendees))
            done += wanted
            report(done, persons, "persons")
        rows = defaultdict(list)
        make_attendances(ctx, rows, events, attendees)
        writer.write_all(rows)
        report(persons, persons, "indexes")
    report(persons, persons, "letters")
    with database.session() as session:
        letters = store_recent_letters(session)
        session.commit()
    report(persons, persons, "done")
    log.info("demo data written: %s, %d letters stored", counts, letters)
    return DemoSummary(seed=seed, counts=counts, stored_letters=letters)


def _prepare(database: Database) -> None:
    """Create the schema of a new database; refuse one that already holds persons."""
    if schema.state(database) is schema.SchemaState.EMPTY:
        schema.upgrade(database)
    schema.require_current(database)
    with database.engine.connect() as connection:
        existing = connection.scalar(select(func.count()).select_from(Person))
    if existing:
        raise DemoRefused(
            f"the database {database.display_url} already holds {existing} persons; "
            "demo data goes into an empty database only",
            german="Die Datenbank enthält bereits Personen; Demodaten nur in eine leere Datenbank.",
        )


def make_person_batch(
    ctx: DemoContext, book: AddressBook, world: World, wanted: int, attendees: list[Attendee]
) -> dict[str, list[Row]]:
    """``wanted`` persons in households, with everything that hangs on them (no database)."""
    rows: dict[str, list[Row]] = defaultdict(list)
    made = 0
    while made < wanted:
        for person in make_household(ctx, book, world, rows, wanted - made):
            made += 1
            cases = make_cases(ctx, world, rows, person)
            for case in cases:
                make_referrals(ctx, world, rows, case)
            make_placements(ctx, world, rows, person, cases)
            attendees.append(Attendee(person.id, person.arrival, person.german_level))
    return rows
