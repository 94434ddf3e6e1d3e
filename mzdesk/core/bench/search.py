"""Figure: search while typing — a query to the first 50 rows ready for the view.

Measured: ``mzdesk.core.services.search.search_persons(session, raw, limit=50)`` for every
keystroke of a few names typed letter by letter (persons drawn with a fixed seed).
Baseline: the raw full-text query alone — on SQLite ``SELECT rowid FROM person_fts WHERE
person_fts MATCH …  LIMIT 50`` with the same folded prefixes; on PostgreSQL the same prefixes
as a ``to_tsquery`` on the GIN-indexed ``to_tsvector('simple', search_text)``. Reported
"not built" while the search service or its index does not exist (another area builds it).
"""

from __future__ import annotations

import importlib
import random
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import inspect, select, text

from mzdesk.core.bench.harness import Figure, Target, counsellor, interleaved
from mzdesk.core.database import Database
from mzdesk.core.models import Person
from mzdesk.core.names import fold

KEY = "search"
MODULE = "mzdesk.core.services.search"
FUNCTION = "search_persons"
FTS_TABLE = "person_fts"
NAMES_TYPED = 8
LIMIT = 50


def figure() -> Figure:
    return Figure(
        key=KEY,
        title="search while typing (first 50 rows)",
        baseline_title="the raw FTS5 / pg query alone",
        target=Target(max_ratio=5.0, max_value=16.0),
    )


def find_service() -> Callable[..., Any] | None:
    """The search function if that area is built, else None (looked up at run time)."""
    try:
        module = importlib.import_module(MODULE)
    except ImportError:
        return None
    function = getattr(module, FUNCTION, None)
    return function if callable(function) else None


def keystrokes(database: Database, names: int = NAMES_TYPED, seed: int = 4711) -> list[str]:
    """What a counsellor types: family names letter by letter (from 2 letters), then a given
    name's first letters — for ``names`` persons drawn with a fixed seed."""
    with database.session() as session:
        rows = [
            (family, given)
            for family, given in session.execute(
                select(Person.family_name, Person.given_names).order_by(Person.id).limit(5000)
            )
        ]
    if not rows:
        return []
    rng = random.Random(seed)
    typed: list[str] = []
    for family, given in rng.sample(rows, min(names, len(rows))):
        for end in range(2, len(family) + 1):
            typed.append(family[:end])
        first_given = given.split()[0] if given.split() else ""
        for end in range(1, min(3, len(first_given)) + 1):
            typed.append(f"{family} {first_given[:end]}")
    return typed


def fts_expression(raw: str) -> str:
    """Each folded word as a quoted prefix term, all required: ``"ahm"* "am"*``."""
    return " ".join(f'"{word}"*' for word in fold(raw).split())


def _baseline(database: Database, typed: list[str]) -> Callable[[], float] | None:
    if database.is_sqlite:
        if not inspect(database.engine).has_table(FTS_TABLE):
            return None
        query = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q LIMIT {LIMIT}")
        params = [{"q": fts_expression(raw)} for raw in typed]
    else:
        columns = {column["name"] for column in inspect(database.engine).get_columns("persons")}
        if "search_text" not in columns:
            return None
        query = text(
            "SELECT id FROM persons WHERE to_tsvector('simple', search_text) "
            f"@@ to_tsquery('simple', :q) LIMIT {LIMIT}"
        )
        params = [{"q": " & ".join(f"{word}:*" for word in fold(raw).split())} for raw in typed]

    def run() -> float:
        total = 0.0
        for values in params:
            with database.session() as session:
                start = time.perf_counter()
                session.connection().execute(query, values).all()
                total += time.perf_counter() - start
        return total * 1000.0 / len(params)

    return run


def measure(database: Database, runs: int) -> Figure:
    result = figure()
    search = find_service()
    if search is None:
        return result.not_built(f"{MODULE}.{FUNCTION} does not exist yet")
    typed = keystrokes(database)
    if not typed:
        return result.failed("the database holds no persons")
    baseline = _baseline(database, typed)
    if baseline is None:
        return result.not_built(f"the search index ({FTS_TABLE}) is not in this database")
    slowest = [0.0]
    user = counsellor(database)  # as a counsellor: the scope applied to every statement

    def service_run() -> float:
        total = 0.0
        for raw in typed:
            with database.session(user) as session:
                start = time.perf_counter()
                rows = search(session, raw, limit=LIMIT)
                list(rows)  # whatever it returns, materialised: ready for the view
                spent = time.perf_counter() - start
            total += spent
            slowest[0] = max(slowest[0], spent * 1000.0)
        return total * 1000.0 / len(typed)

    samples, baseline_samples = interleaved(service_run, baseline, runs)
    where = "FTS5 MATCH" if database.is_sqlite else "tsvector @@ tsquery (PostgreSQL)"
    return result.record(
        samples,
        baseline_samples,
        note=f"mean per keystroke over {len(typed)} keystrokes, as a counsellor; baseline: "
        f"{where}; "
        f"slowest keystroke {slowest[0]:.1f} ms",
    )
