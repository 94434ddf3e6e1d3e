"""Person search on SQLite (FTS5) and PostgreSQL (GIN): one service, one suite, both backends."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, inspect, select, text

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.demo import generate_demo
from mzdesk.core.models import Base, Person
from mzdesk.core.names import person_search_text
from mzdesk.core.services import search

# Synthetic persons (never real people): names in Latin, Cyrillic and Arabic script.
PEOPLE: dict[str, dict[str, object]] = {
    "ahmet": {
        "family_name": "Ağaoğlu",
        "given_names": "Ahmet Can",
        "file_number": "MZ-2024-000123",
        "phone": "+49 176 1234567",
        "birth_date": date(1990, 11, 24),
    },
    "olena": {
        "family_name": "Kovalenko",
        "given_names": "Olena",
        "family_name_original": "Коваленко",
        "given_names_original": "Олена",
        "file_number": "MZ-2019-000045",
        "phone": "0151/9876543",
        "birth_date": date(1990, 3, 5),
    },
    "yusuf": {
        "family_name": "Haddad",
        "given_names": "Yusuf",
        "family_name_original": "حداد",
        "given_names_original": "يوسف",
        "file_number": "MZ-2023-000777",
        "phone": "0049 160 5551234",
        "birth_date": date(1985, 7, 14),
    },
    "zeynep": {
        "family_name": "Müller-Lüdenscheidt",
        "given_names": "Zeynep",
        "file_number": "MZ-2022-004711",
    },
}


def add(db: Database, **fields: object) -> uuid.UUID:
    with db.session() as session:
        person = Person(**fields)
        session.add(person)
        session.commit()
        return person.id


@pytest.fixture
def people(database: Database) -> Iterator[dict[str, uuid.UUID]]:
    ids = {key: add(database, **fields) for key, fields in PEOPLE.items()}
    # a duplicate of Ahmet, merged into him: it must never be found
    ids["merged"] = add(
        database,
        family_name="Ağaoğlu",
        given_names="Ahmet",
        file_number="MZ-2024-000999",
        phone="0176 1234567",
        birth_date=date(1990, 11, 24),
        merged_into_id=ids["ahmet"],
    )
    yield ids


def found(db: Database, raw: str, **kwargs: object) -> set[uuid.UUID]:
    with db.session() as session:
        return {row.id for row in search.search_persons(session, raw, **kwargs)}  # type: ignore[arg-type]


def who(people: dict[str, uuid.UUID], *keys: str) -> set[uuid.UUID]:
    return {people[key] for key in keys}


FINDS: list[tuple[str, list[str]]] = [
    # names: any case, diacritics, order, prefixes, any script
    ("agaoglu", ["ahmet"]),
    ("Ağaoğlu", ["ahmet"]),
    ("AGAO", ["ahmet"]),
    ("can agaoglu", ["ahmet"]),
    ("olena", ["olena"]),
    ("Олена", ["olena"]),
    ("коваленко ол", ["olena"]),
    ("حداد", ["yusuf"]),
    ("يوسف حداد", ["yusuf"]),
    ("yusuf", ["yusuf"]),
    ("lüdenscheidt", ["zeynep"]),
    ("ludenscheidt zey", ["zeynep"]),
    ("Müller", ["zeynep"]),
    # file number, whole or in parts
    ("MZ-2024-000123", ["ahmet"]),
    ("2024-000123", ["ahmet"]),
    ("000123", ["ahmet"]),
    ("MZ-2024-123", ["ahmet"]),
    ("mz-2019", ["olena"]),
    ("4711", ["zeynep"]),
    # phone, any formatting, +49 / 0049 / 0
    ("0176 1234567", ["ahmet"]),
    ("+49 176 1234567", ["ahmet"]),
    ("+49 (0)176 123", ["ahmet"]),
    ("0049176", ["ahmet"]),
    ("0176-123", ["ahmet"]),
    ("(0151) 98765", ["olena"]),
    ("+49 160 555", ["yusuf"]),
    ("0160 5551234", ["yusuf"]),
    # birth date, year
    ("24.11.1990", ["ahmet"]),
    ("24.11.90", ["ahmet"]),
    ("1990-11-24", ["ahmet"]),
    ("05.03.1990", ["olena"]),
    ("1990", ["ahmet", "olena"]),
    ("1985", ["yusuf"]),
    ("olena 1990", ["olena"]),
    ("agaoglu 24.11.1990", ["ahmet"]),
]

DOES_NOT_FIND = [
    "agaoglux",
    "olenka",
    "ahmet olena",  # every word must match the same person
    "zzz",
    "MZ-2024-000124",
    "MZ-2024-000999",  # the merged duplicate's own file number
    "0176 999",
    "+49 151 1234567",
    "25.11.1990",
    "1991",
    "24.11.1991",
    "",
    "   ",
    '"*) OR (',
]


def test_finds_and_does_not_find(database: Database, people: dict[str, uuid.UUID]) -> None:
    """Every kind of query, matches and non-matches (one database per backend, all cases)."""
    wrong = {}
    for raw, expected in FINDS:
        if (got := found(database, raw)) != who(people, *expected):
            wrong[raw] = sorted(key for key, value in people.items() if value in got)
    for raw in DOES_NOT_FIND:
        if got := found(database, raw):
            wrong[raw] = sorted(key for key, value in people.items() if value in got)
    assert not wrong


def test_merged_persons_never_appear_nor_count(
    database: Database, people: dict[str, uuid.UUID]
) -> None:
    with database.session() as session:
        page = search.search_page(session, "agaoglu ahmet")
    assert [row.id for row in page.rows] == [people["ahmet"]]
    assert page.matches == 1
    assert people["merged"] not in found(database, "0176")


def test_rows_show_what_the_list_shows(database: Database, people: dict[str, uuid.UUID]) -> None:
    with database.session() as session:
        (row,) = search.search_persons(session, "Коваленко")
    assert (row.id, row.file_number, row.family_name, row.given_names) == (
        people["olena"],
        "MZ-2019-000045",
        "Kovalenko",
        "Olena",
    )
    assert row.birth_date == date(1990, 3, 5)


def test_an_edit_is_found_at_once_and_the_old_value_no_more(
    database: Database, people: dict[str, uuid.UUID]
) -> None:
    with database.session() as session:
        person = session.get(Person, people["olena"])
        assert person is not None
        person.family_name = "Bondarenko"
        person.family_name_original = "Бондаренко"
        person.phone = "+49 171 2223334"
        session.commit()
    assert found(database, "kovalenko") == set()
    assert found(database, "Коваленко") == set()
    assert found(database, "0151 98") == set()
    assert found(database, "bondarenko olena") == who(people, "olena")
    assert found(database, "Бондаренко") == who(people, "olena")
    assert found(database, "0171 222") == who(people, "olena")
    assert found(database, "1990") == who(people, "ahmet", "olena")  # untouched fields still


def test_a_merge_later_removes_the_person_from_results(
    database: Database, people: dict[str, uuid.UUID]
) -> None:
    assert found(database, "yusuf") == who(people, "yusuf")
    with database.session() as session:
        person = session.get(Person, people["yusuf"])
        assert person is not None
        person.merged_into_id = people["ahmet"]
        session.commit()
    assert found(database, "yusuf") == set()


def test_a_deleted_person_is_gone_from_the_index(
    database: Database, people: dict[str, uuid.UUID]
) -> None:
    with database.session() as session:
        person = session.get(Person, people["zeynep"])
        session.delete(person)
        session.commit()
    assert found(database, "zeynep") == set()
    assert found(database, "4711") == set()
    if database.is_sqlite:
        _assert_fts_consistent(database)


def _assert_fts_consistent(database: Database) -> None:
    """FTS5's own check of an external-content index against ``persons`` (raises if not)."""
    with database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO person_fts(person_fts, rank) VALUES ('integrity-check', 1)")
        )


def test_the_flush_hook_fills_search_text(database: Database) -> None:
    person_id = add(
        database,
        family_name="Öztürk",
        given_names="Ece",
        file_number="MZ-2021-000321",
        phone="0157 444",
        birth_date=date(2001, 2, 3),
    )
    with database.session() as session:
        stored = session.scalars(select(Person.search_text).where(Person.id == person_id)).one()
    assert stored == person_search_text(
        family_name="Öztürk",
        given_names="Ece",
        file_number="MZ-2021-000321",
        phone="0157 444",
        birth_date=date(2001, 2, 3),
    )
    assert stored.split() == [
        *("ozturk", "ece", "mz", "2021", "000321", "321", "0157444", "20010203"),
        *("0vak", "0vastrk"),  # the phonetic keys of "Ece" and "Öztürk"
        *("0w9k9", "0w9zt9rk"),  # their shape keys
    ]


def _many(database: Database, count: int) -> set[uuid.UUID]:
    with database.session() as session:
        added = [
            Person(
                family_name=f"Testfamilie{index % 7}",
                given_names=f"Vorname{index:03d}",
                file_number=f"MZ-2020-{index:06d}",
            )
            for index in range(count)
        ]
        session.add_all(added)
        session.commit()
        return {person.id for person in added}


def _all_pages(
    database: Database, raw: str, limit: int
) -> tuple[list[search.SearchPage], list[uuid.UUID]]:
    pages: list[search.SearchPage] = []
    seen: list[uuid.UUID] = []
    after = None
    while True:
        with database.session() as session:
            page = search.search_page(session, raw, after=after, limit=limit)
        pages.append(page)
        seen.extend(row.id for row in page.rows)
        after = page.next_key
        if after is None:
            return pages, seen


def test_pages_by_name_up_to_the_sort_limit(database: Database) -> None:
    ids = _many(database, 120)
    pages, seen = _all_pages(database, "testfamilie", limit=50)
    assert [len(page.rows) for page in pages] == [50, 50, 20]
    assert pages[0].matches == 120 and not pages[0].more_than_counted
    assert pages[1].matches is None
    assert len(seen) == len(set(seen)) and set(seen) == ids
    with database.session() as session:
        keys = {row.id: row.sort_key for row in session.execute(select(Person.id, Person.sort_key))}
    assert [keys[person] for person in seen] == sorted(keys[person] for person in seen)


def test_pages_beyond_the_sort_limit(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Broad queries: streamed in index order on SQLite, by name on PostgreSQL; all, once."""
    monkeypatch.setattr(search, "SORT_LIMIT", 30)
    ids = _many(database, 95)
    pages, seen = _all_pages(database, "mz 2020", limit=40)
    assert pages[0].matches == 31 and pages[0].more_than_counted
    assert [len(page.rows) for page in pages] == [40, 40, 15]
    assert len(seen) == len(set(seen)) and set(seen) == ids
    assert all(
        page.next_key is None or page.next_key.by_name is not database.is_sqlite for page in pages
    )


def test_search_text_backfill_and_migration_down_and_up(database_url: str) -> None:
    db = Database(database_url, create=True)
    try:
        schema.upgrade(db, "0001_initial")
        with db.engine.begin() as connection:  # a row written by mzdesk before search existed
            columns = {column["name"] for column in inspect(connection).get_columns("persons")}
            assert "search_text" not in columns
            connection.execute(
                text(
                    "INSERT INTO persons (id, file_number, family_name, given_names, "
                    "family_name_original, birth_date, birth_date_precision, phone, sort_key, "
                    "created_at, updated_at, version, origin) VALUES (:id, 'MZ-2018-000042', "
                    "'Petrenko', 'Taras', 'Петренко', :born, 'exact', '+49 1520 777', "
                    "'petrenko taras', :now, :now, 1, 'old')"
                ),
                {
                    "id": uuid.uuid4().hex if db.is_sqlite else str(uuid.uuid4()),
                    "born": date(1979, 5, 1),
                    "now": datetime(2025, 1, 1, tzinfo=UTC),
                },
            )
        schema.upgrade(db)
        for raw in ("petrenko", "Петренко тар", "MZ-2018-42", "01520777", "01.05.1979"):
            assert len(found(db, raw)) == 1, raw
        assert schema.check(db).ok

        schema.downgrade(db, "0001_initial")
        with db.engine.connect() as connection:
            columns = {column["name"] for column in inspect(connection).get_columns("persons")}
            tables = set(inspect(connection).get_table_names())
            count = connection.execute(text("SELECT count(*) FROM persons")).scalar_one()
        assert "search_text" not in columns
        assert not {name for name in tables if name.startswith("person_fts")}
        assert count == 1

        schema.upgrade(db)
        assert len(found(db, "taras")) == 1
        if db.is_sqlite:
            _assert_fts_consistent(db)
    finally:
        db.close()


def test_check_ignores_exactly_the_search_index(database: Database) -> None:
    assert schema.check(database).ok, schema.check(database).problems
    # Without the filter Alembic would report these objects — and only these.
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, Base.metadata)
    names = {_object_name(difference) for difference in differences}
    if database.is_sqlite:
        assert names == {
            "person_fts",
            "person_fts_config",
            "person_fts_data",
            "person_fts_docsize",
            "person_fts_idx",
        }
    else:
        assert names == {"ix_persons_search_text_fts"}
    assert all(schema.is_search_index_table(name) for name in names if name.startswith("person_"))


def _object_name(difference: object) -> str:
    assert isinstance(difference, tuple), difference
    return str(difference[1].name)


def test_check_still_sees_a_real_difference(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("CREATE TABLE person_notes_extra (id INTEGER PRIMARY KEY)"))
    problems = schema.check(database).problems
    assert len(problems) == 1 and "person_notes_extra" in problems[0]


def test_full_text_drives_the_search_on_newer_sqlite(tmp_path: Path) -> None:
    """SQLite 3.4x+ (SQLCipher's, newer Pythons') must read the FTS index first, not walk
    every unmerged person and probe the index per row (what its planner chose: 300x slower)."""
    sqlcipher3 = pytest.importorskip("sqlcipher3")  # its SQLite is newer than the system's
    path = tmp_path / "plans.sqlite"
    with Database(f"sqlite:///{path}", create=True) as database:
        generate_demo(database, 300, seed=3)
        statements: list[tuple[str, object]] = []

        def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
            if "person_fts" in statement:
                statements.append((statement, parameters))

        event.listen(database.engine, "before_cursor_execute", remember)
        with database.session() as session:
            assert search.search_persons(session, "ahm")
        event.remove(database.engine, "before_cursor_execute", remember)
    assert statements
    newer = sqlcipher3.connect(str(path))  # a plain file opens without a key
    try:
        for statement, parameters in statements:
            plan = [row[3] for row in newer.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            first = next(step for step in plan if step.startswith(("SCAN", "SEARCH")))
            assert "person_fts" in first, plan
    finally:
        newer.close()
