"""Failures the security review saw end in a traceback (F13) end in one line, exit 1, with
the database unchanged — on SQLite and PostgreSQL.

* CSV imports (attendees, partners) of binary garbage, a UTF-16 file and a 50 MB line;
* ``-o`` into a read-only folder: backup (plain and encrypted), Art. 15 export, statistics
  as CSV, XLSX and PDF — the line names the path and the operating system's reason, and no
  file is left behind;
* two editors racing (loaded in one session as ``person edit`` does, saved in another
  meanwhile): the "changed meanwhile" conflict, not ``StaleDataError``;
* an error nobody expected (here: a database trigger refusing the insert) prints its type
  and a hint, never the exception's text — which for a database error holds the SQL
  parameters, i.e. the person's name;
* ``contact add --at 0001-01-01T10:00``: a real message, not argparse's "invalid _moment".
"""

from __future__ import annotations

import random
import uuid
from datetime import date
from pathlib import Path

import pytest
from kit_world import dump
from sqlalchemy import text
from test_cli_db import lock, read_only_folder  # noqa: F401 - the fixture

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import Person
from mzdesk.core.services import events, lookup
from mzdesk.core.services.intake import EditConflict, PersonInput, create_person, edit_person


def _url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(code: int, err: str, *fragments: str) -> str:
    """Exit 1 and exactly one line on stderr, ``mzdesk: …``, naming ``fragments``."""
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mzdesk: "), err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def world(database: Database) -> dict[str, str]:
    """An event and a person (for the imports, the Art. 15 export and the edits)."""
    with database.session() as session:
        event = events.create_event(
            session, name="Jobmesse", starts_on=date(2025, 5, 6), place="Kreishaus"
        )
        person = create_person(session, PersonInput(family_name="Geheimname", given_names="Eva"))
        session.commit()
        return {"event": str(event.id), "person": person.file_number}


# --- CSV files that are no CSV ------------------------------------------------------------

HEADER = "Nachname;Vorname;Geburtsdatum\r\n"


def _garbage() -> bytes:
    return random.Random(14).randbytes(64 * 1024)


def _utf16() -> bytes:
    return (HEADER + "Testname;Erika;24.11.1990\r\n").encode("utf-16")


def _long_line() -> bytes:
    return b"Nachname;" + b"x" * (50 * 1024 * 1024) + b"\n"


FILES = {"garbage": _garbage, "utf16": _utf16, "long_line": _long_line}
EXPECTED = {
    "garbage": "not a text file",
    "utf16": "UTF-16",
    "long_line": "line 1 is longer than",
}


@pytest.mark.parametrize("kind", FILES)
@pytest.mark.parametrize("importer", ["attendees", "partners"])
def test_csv_that_is_no_csv_is_refused_in_one_line(
    database: Database,
    world: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    importer: str,
) -> None:
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(FILES[kind]())
    url = _url(database)
    before = dump(url)
    if importer == "attendees":
        argv = ["event", "import-attendees", "--db", url, "--event", world["event"], str(path)]
    else:
        argv = ["partner", "import", "--db", url, str(path)]
    code, out, err = run(capsys, *argv)
    refused(code, err, EXPECTED[kind])
    assert out == ""
    assert dump(url) == before


def test_a_field_longer_than_the_csv_limit_is_refused(
    database: Database, world: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "quoted.csv"
    path.write_bytes(b'Nachname;Vorname\n"' + b"yy\n" * 70_000 + b'";Eva\n')
    url = _url(database)
    before = dump(url)
    argv = ["event", "import-attendees", "--db", url, "--event", world["event"], str(path)]
    refused(*run(capsys, *argv)[::2], "not readable as CSV", "line 2")
    assert dump(url) == before


# --- -o into a read-only folder -------------------------------------------------------------


def _outputs(folder: Path, person: str, passphrase: Path) -> dict[str, list[str]]:
    return {
        "backup": ["backup", "-o", str(folder / "b.mzbackup")],
        "backup encrypted": [
            "backup",
            "-o",
            str(folder / "b.mzbackup"),
            "--passphrase-file",
            str(passphrase),
        ],
        "privacy export": ["privacy", "export", person, "-o", str(folder / "auskunft")],
        "stats csv": ["stats", "--year", "2025", "--csv", str(folder / "s.csv")],
        "stats xlsx": ["stats", "--year", "2025", "--xlsx", str(folder / "s.xlsx")],
        "stats pdf": ["stats", "--year", "2025", "--pdf", str(folder / "s.pdf")],
    }


@pytest.mark.parametrize(
    "command",
    ["backup", "backup encrypted", "privacy export", "stats csv", "stats xlsx", "stats pdf"],
)
def test_output_into_a_read_only_folder(
    database: Database,
    world: dict[str, str],
    read_only_folder: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    passphrase = tmp_path / "pp.txt"
    passphrase.write_text("kit-passphrase-123456\n")
    how = lock(read_only_folder)
    reason = "Operation not permitted" if how.startswith("chattr") else "Permission denied"
    url = _url(database)
    before = dump(url)
    argv = _outputs(read_only_folder, world["person"], passphrase)[command]
    code, _out, err = run(capsys, *argv, "--db", url)
    line = refused(code, err, str(read_only_folder), reason)
    assert "Traceback" not in err and "Geheimname" not in line
    assert list(read_only_folder.iterdir()) == []
    assert dump(url) == before


def test_output_into_a_missing_file_name_is_one_line(
    database: Database, world: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder given where a file is meant: IsADirectoryError, the path named."""
    target = tmp_path / "is-a-folder.xlsx"
    target.mkdir()
    code, _out, err = run(
        capsys, "stats", "--year", "2025", "--xlsx", str(target), "--db", _url(database)
    )
    refused(code, err, str(target), "Is a directory")


# --- two editors at once ----------------------------------------------------------------------


def test_an_edit_saved_meanwhile_is_a_conflict_not_a_stale_data_error(
    database: Database, world: dict[str, str]
) -> None:
    first, second = database.session(), database.session()
    try:
        mine = lookup.person(first, world["person"])  # loaded in A (as `person edit` does)
        expected = mine.version
        theirs = lookup.person(second, world["person"])
        edit_person(second, theirs.id, {"given_names": "Berta"}, theirs.version)
        second.commit()  # B saves meanwhile
        with pytest.raises(EditConflict) as conflict:
            edit_person(first, mine.id, {"given_names": "Carla"}, expected)
        assert conflict.value.current_version == expected + 1
        assert [(d.field, d.mine, d.theirs) for d in conflict.value.diffs] == [
            ("given_names", "Carla", "Berta")
        ]
        assert "inzwischen" in conflict.value.german
    finally:
        first.close()
        second.close()
    with database.session() as session:
        stored = session.get(Person, uuid.UUID(str(mine.id)))
        assert stored is not None and stored.given_names == "Berta"


# --- an error nobody expected ------------------------------------------------------------------


def _trigger_refusing_persons(database: Database) -> None:
    with database.engine.begin() as connection:
        if database.is_sqlite:
            connection.execute(
                text(  # fails when it runs: no such table (not a constraint error)
                    "CREATE TRIGGER refuse_persons BEFORE INSERT ON persons "
                    "BEGIN INSERT INTO no_such_table VALUES (1); END"
                )
            )
        else:
            connection.execute(
                text(
                    "CREATE FUNCTION refuse_persons() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'refused by a test trigger'; END $$ LANGUAGE plpgsql"
                )
            )
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_persons BEFORE INSERT ON persons "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_persons()"
                )
            )


def test_an_unexpected_database_error_prints_no_parameters(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    _trigger_refusing_persons(database)
    url = _url(database)
    run(capsys, "stats", "--year", "2025", "--json", "--db", url)  # the first open's settings
    before = dump(url)
    code, _out, err = run(
        capsys,
        "person",
        "add",
        "--family-name",
        "Vertraulichname",
        "--birth-date",
        "24.11.1990",
        "--phone",
        "0170 8888888",
        "--db",
        url,
    )
    line = refused(code, err, "unexpected error", "log")
    assert "Error" in line  # the exception's type
    for secret in ("Vertraulichname", "1990", "8888888", "[parameters", "INSERT"):
        assert secret not in err
    assert dump(url) == before
    log_files = _log_files()
    assert log_files, "the log file is written"
    logged = "".join(path.read_text("utf-8") for path in log_files)
    assert "Traceback" in logged or "unexpected" in logged
    for secret in ("Vertraulichname", "1990", "8888888", "[parameters"):
        assert secret not in logged


def test_database_errors_hide_their_parameters(database: Database) -> None:
    """Even where a database error's text is shown (``str(exc)``), no value is in it."""
    from sqlalchemy.exc import DBAPIError

    _trigger_refusing_persons(database)
    with database.session() as session:
        session.add(Person(file_number="MZ-X-1", family_name="Vertraulichname", given_names=""))
        with pytest.raises(DBAPIError) as failed:
            session.flush()
    assert "Vertraulichname" not in str(failed.value)
    assert "parameters hidden" in str(failed.value)


def _log_files() -> list[Path]:
    import os

    state = Path(os.environ["XDG_STATE_HOME"])
    return [path for path in state.rglob("*.log") if path.is_file()]


# --- argparse values -------------------------------------------------------------------------


@pytest.mark.parametrize("moment", ["0001-01-01T10:00", "9999-12-31T23:59", "gestern"])
def test_contact_add_with_an_impossible_moment(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], moment: str
) -> None:
    from mzdesk.core import schema

    with Database(sqlite_url, create=True) as database:
        schema.upgrade(database)
    code, out, err = run(
        capsys, "contact", "add", "abcdef12", "--channel", "PHONE", "--at", moment,
        "--db", sqlite_url,
    )  # fmt: skip
    line = refused(code, err, "--at")
    assert "_moment" not in line and "invalid" not in line
    assert out == ""


def test_the_conflict_on_the_command_line_names_fields_not_values(
    database: Database, world: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(database)
    argv = ["person", "edit", world["person"], "--db", url]
    assert run(capsys, *argv, "--given-names", "Berta")[0] == 0  # version 1 -> 2
    code, _out, err = run(capsys, *argv, "--given-names", "Carla", "--version", "1")
    line = refused(code, err, "person changed meanwhile (now version 2)", "--given-names")
    assert "Berta" not in line and "Carla" not in line
