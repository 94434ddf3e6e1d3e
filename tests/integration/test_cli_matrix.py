"""The CLI's permission matrix: every command × actor × target, every cell asserted.

Every command of ``mzdesk.cli.COMMAND_MODULES`` is a row of ``MATRIX`` (a command without a row
fails ``test_every_command_is_in_the_matrix``). A row runs its command as the counsellor and
the lead of team A and as the admin — each on the own team's record, the other team's record
and a person without a case (or without a target, for commands about none) — and once as a
disabled account and with a wrong password (on the first target: the login comes first).
Commands that need no login run once, without one (``--selftest``: in the GUI matrix).

Each cell's expected outcome is written out:

* ``0`` done: exit 0; the row's own-team identifiers are in the output (listing commands);
  a writing command changed the case data, a reading one did not;
* ``D`` access denied: exit 1, ``mzdesk: access denied …``, a ``denied`` audit entry more;
* ``1`` refused otherwise (one line, exit 1), ``L`` login failed, ``2`` usage error;

and for every cell: no identifier of team B's client data (file numbers, names, phones, ids,
short ids) in stdout, stderr, the files written or the log; a refused cell leaves the case data
exactly as it was (a digest of every row but the audit trail and login counters).

The world (``matrix_world``) is built once per backend as a template. Refused cells and reading
cells run on one shared copy of it; the cells that may write run on copies of their own
(SQLite: a file copy; PostgreSQL: ``CREATE DATABASE … TEMPLATE``). Logins use a cheap argon2
setting for speed (the login code is the same).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import shlex
import sqlite3
import subprocess
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import postgres_server_url
from sqlalchemy import create_engine, func, select, text, update
from sqlalchemy.engine import make_url

from mzdesk.cli import build_parser, main
from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.kits import export_kit, merge_kit, open_kit, return_kit
from mzdesk.core.models import AuditEntry, Person, Team, User
from mzdesk.core.services.lookup import short_id
from tests.integration.access_world import PASSWORD
from tests.integration.matrix_world import (
    DISABLED,
    FORGETFUL,
    MatrixWorld,
    build_matrix,
    cheap_password_hashes,
    digest,
)

PASS = "Messe-Mappe 2025 mit Umlaut ü"
ACTORS = ("berater_a", "leitung_a", "admin")
LOGIN_FAILURES = (DISABLED, FORGETFUL)  # a disabled account; a wrong password
NO_LOGIN = "-"
PERSON = ("own", "other", "fresh")
RECORD = ("own", "other")
NONE = ("-",)
NEW_PASSWORD = "neues-passwort-2025"


# --- the matrix --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One command line of the matrix and its expected outcome per actor and target.

    ``expect`` maps each actor to one letter per target (see the module docstring);
    ``postgres`` overrides it where PostgreSQL differs (a SQLite-only command).
    ``shows``: per target (or "actor/target"), the keys of team A's identifiers
    (``own_marks``) an allowed cell prints.
    ``writes``: allowed cells change the case data (each runs on a copy of its own when
    ``isolate``, else the row's allowed cells share one copy, in actor order).
    ``files``: output files (relative to the cell's folder) scanned like stdout.
    """

    command: str  # the command's words, as the parser names them
    args: str  # the rest of the command line; {placeholders}: ``_placeholders``, {actor}
    targets: tuple[str, ...]
    expect: dict[str, str]
    postgres: dict[str, str] = field(default_factory=dict)
    shows: dict[str, tuple[str, ...]] = field(default_factory=dict)
    writes: bool = False
    isolate: bool = False
    files: tuple[str, ...] = ()
    login: bool = True
    check: str | None = None  # a named extra check of allowed cells (``CHECKS``)

    @property
    def name(self) -> str:
        return f"{self.command} {self.args}".strip()


def row(command: str, args: str, targets: tuple[str, ...], expect: str, **extra: Any) -> Row:
    """``expect``: "berater_a leitung_a admin", each one letter per target."""
    letters = expect.split()
    assert len(letters) == len(ACTORS) and all(len(x) == len(targets) for x in letters), command
    postgres = extra.pop("postgres", None)
    over = dict(zip(ACTORS, postgres.split(), strict=True)) if postgres else {}
    return Row(command, args, targets, dict(zip(ACTORS, letters, strict=True)), over, **extra)


def free(command: str, args: str, expect: str, **extra: Any) -> Row:
    """A command that needs no login: run once, without a user."""
    postgres = extra.pop("postgres", None)
    return Row(
        command,
        args,
        NONE,
        {NO_LOGIN: expect},
        {NO_LOGIN: postgres} if postgres else {},
        login=False,
        **extra,
    )


P = {"own": ("own_number",), "fresh": ("fresh_number",)}  # a person's file shows its number


def caseworkers(keys: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``shows`` of a command without a target that only caseworkers see data in."""
    return {"berater_a/-": keys, "leitung_a/-": keys}


MATRIX: tuple[Row, ...] = (
    # --- persons ---------------------------------------------------------------------------
    row(
        "person add",
        "--family-name Zubrowin --given-names Berta --birth-date 04.03.1990",
        NONE,
        "0 0 D",
        writes=True,
        isolate=True,
    ),
    row("person edit", "{person} --city Neustadt-{actor}", PERSON, "0D0 0D0 DDD", writes=True),
    row("person show", "{person}", PERSON, "0D0 0D0 DDD", shows=P),
    row("person show", "{person} --json", PERSON, "0D0 0D0 DDD", shows=P),
    row(
        "person find",
        "Zubrow",
        NONE,
        "0 0 D",
        shows={"-": ("own_number", "fresh_number", "old_number")},
    ),
    row("person find", "{person} --json", PERSON, "000 000 DDD", shows=P),
    row(
        "person merge",
        "MZ-T-0001 {person}",
        ("other", "fresh"),
        "D0 D0 DD",
        writes=True,
        isolate=True,
    ),
    row(
        "person merge",
        "{person} MZ-T-0003",
        ("own", "other"),
        "0D 0D DD",
        writes=True,
        isolate=True,
    ),
    row("dedupe", "", NONE, "0 0 D", shows={"-": ("old_number", "twin_number")}),
    row("dedupe", "--json", NONE, "0 0 D", shows={"-": ("old_number", "twin_number")}),
    # --- cases, contacts, status -----------------------------------------------------------
    row("case open", "{person} --topic WORK", PERSON, "0D0 0D0 DDD", writes=True, isolate=True),
    # The admin's case lists are empty (no case data), not refused.
    row("case list", "", NONE, "0 0 D", shows=caseworkers(("case_short",))),
    row("case list", "--person {person} --json", PERSON, "0D0 0D0 DDD", shows={"own": ("case",)}),
    row("case list", "--counsellor berater_b --json", NONE, "0 0 D"),
    row("case show", "{case}", RECORD, "0D 0D DD", shows={"own": ("own_number",)}),
    row("case set-status", "{case} active", RECORD, "0D 0D DD", writes=True, isolate=True),
    row("case edit", "{case} --goals Ziel-{actor}", RECORD, "0D 0D DD", writes=True),
    row(
        "contact add",
        "{case} --channel PHONE --minutes 5 --summary Rueckruf",
        RECORD,
        "0D 0D DD",
        writes=True,
    ),
    row("contact list", "{case}", RECORD, "0D 0D DD", shows={"own": ("contact_short",)}),
    row(
        "status set",
        "{person} --legal-category SGB3 --category-from 2025-04-01",
        PERSON,
        "0D0 0D0 DDD",
        writes=True,
        isolate=True,
    ),
    row("status show", "{person} --json", PERSON, "0D0 0D0 DDD", shows={"own": ("own_id",)}),
    row(
        "followup list",
        "--today 2025-06-01",
        NONE,
        "0 0 D",  # the admin reads no case data: refused, like person find
        shows={"berater_a/-": ("own_number", "followup_short")},
    ),
    row("followup done", "{followup}", RECORD, "0D 0D DD", writes=True, isolate=True),
    # the world's follow-up is open: reopening it changes nothing (done → reopen: see
    # test_followups_team.py), so only who may is checked here
    row("followup reopen", "{followup}", RECORD, "0D 0D DD", isolate=True),
    # --- partners --------------------------------------------------------------------------
    row("partner add", "--name 'Jobcenter {actor}' --kind JC", NONE, "0 0 0", writes=True),
    row("partner find", "Agentur", NONE, "0 0 0"),
    row("partner show", "{partner}", NONE, "0 0 0"),
    row("partner import", "{partners_csv}", NONE, "0 0 0", writes=True, isolate=True),
    row("partner import", "{partners_csv} --dry-run", NONE, "0 0 0"),
    # --- consents, referrals, letters ------------------------------------------------------
    row(
        "consent add",
        "{person} --category IDENTITY --purpose Vermittlung --partner {partner}",
        PERSON,
        "0D0 0D0 DDD",
        writes=True,
    ),
    row("consent list", "{person}", PERSON, "0D0 0D0 DDD", shows={"own": ("consent_short",)}),
    row("consent withdraw", "{consent}", RECORD, "0D 0D DD", writes=True, isolate=True),
    row(
        "consent form",
        "{person} -o {out}/form.pdf",
        PERSON,
        "0D0 0D0 DDD",
        files=("form.pdf",),
        shows={"own": ("own_name",), "fresh": ("fresh_name",)},
    ),
    row(
        "referral add",
        "--case {case} --partner {partner} --purpose Vermittlung",
        RECORD,
        "0D 0D DD",
        writes=True,
    ),
    row(
        "referral add",
        "--person {person} --partner {partner} --purpose Vermittlung",
        PERSON,
        "0D1 0D1 DDD",
        writes=True,
    ),
    row("referral list", "", NONE, "0 0 D", shows={"-": ("referral_short", "rejected_short")}),
    row(
        "referral list",
        "--person {person} --json",
        PERSON,
        "0D0 0D0 DDD",
        shows={"own": ("referral", "rejected")},
    ),
    row("referral list", "--status rejected", NONE, "0 0 D", shows={"-": ("rejected_short",)}),
    row(
        "referral list",
        "--rejected-for berater_a",
        NONE,
        "0 0 D",
        shows={"-": ("rejected_short", "own_number")},
    ),
    row("referral list", "--rejected-for berater_b --json", NONE, "0 0 D"),
    row("referral set-status", "{referral} revoked", RECORD, "0D 0D DD", writes=True, isolate=True),
    row(
        "letter",
        "{referral} -o {out}/letter.pdf",
        RECORD,
        "0D 0D DD",
        files=("letter.pdf",),
        shows={"own": ("own_name",)},
    ),
    # --- placements ------------------------------------------------------------------------
    row("placement add", "{case} --kind SVB --start 2025-04-01", RECORD, "0D 0D DD", writes=True),
    row("placement list", "", NONE, "0 0 D", shows={"-": ("placement_short",)}),
    row(
        "placement list",
        "--person {person_id} --json",
        PERSON,
        "0D0 0D0 DDD",
        shows={"own": ("placement",)},
    ),
    row(
        "placement list", "--case {case} --json", RECORD, "0D 0D DD", shows={"own": ("placement",)}
    ),
    # --- events and kits -------------------------------------------------------------------
    row(
        "event add",
        "--name Infotag --date 2025-09-01 --place Rathaus --team 'Team A'",
        NONE,
        "0 0 D",
        writes=True,
    ),
    row("event list", "", NONE, "0 0 D"),
    row("event show", "{event}", RECORD, "00 00 DD"),
    row(
        "event import-attendees",
        "{attendees_csv} --event {event}",
        RECORD,
        "00 00 DD",
        writes=True,
        isolate=True,
        shows={"own": ("own_number",)},
    ),
    row(
        "event attendance-list",
        "{event} -o {out}/list.pdf",
        RECORD,
        "DD 00 DD",
        files=("list.pdf",),
    ),
    row(
        "event employer-list",
        "{event} -o {out}/employers.pdf",
        RECORD,
        "00 00 DD",
        files=("employers.pdf",),
    ),
    row(
        "event export-kit",
        "{event} -o {out}/fair.mzkit --passphrase-file {passphrase}",
        RECORD,
        "0D 0D DD",
        writes=True,
    ),
    free(
        "event open-kit",
        "{kit_a} --passphrase-file {passphrase} --db sqlite:///{out}/laptop.sqlite --json",
        "0",
        check="laptop",
    ),
    free(
        "event return-kit",
        "{event_a} -o {out}/back.mzkit --passphrase-file {passphrase} --db {laptop_a}",
        "0",
    ),
    row(
        "event merge-kit",
        "{returned} --passphrase-file {passphrase} --json",
        RECORD,
        "0D 0D DD",
        writes=True,
        isolate=True,
        check="crafted",
    ),
    # --- statistics ------------------------------------------------------------------------
    row("stats", "--year 2025", NONE, "D 0 D"),
    row("stats", "--year 2025 --json", NONE, "D 0 D"),
    row(
        "stats",
        "--year 2025 --drill-down caseload.new_cases",
        NONE,
        "D 0 D",
        shows={"-": ("case",)},
    ),
    row("stats", "--year 2025 --csv {out}/stats.csv", NONE, "D 0 D", files=("stats.csv",)),
    # --- accounts, audit -------------------------------------------------------------------
    # A login writes its session row (no case data, but a row of the database: "writes");
    # a logout without MZDESK_SESSION has nothing to end (tests/integration/test_cli_session.py
    # runs the sessions themselves).
    row("login", "", NONE, "0 0 0", writes=True),
    free("logout", "", "1"),
    row("user add", "neu_a --team 'Team A' --role counsellor", NONE, "D D 0", writes=True),
    row("user list", "", NONE, "D D 0"),
    row("user disable", "berater_b", NONE, "D D 0", writes=True),
    row("user passwd", "", NONE, "0 0 0", writes=True, isolate=True),
    row("user passwd", "berater_b", NONE, "D D 0", writes=True),
    row("user team-add", "'Team C'", NONE, "D D 0", writes=True),
    row("audit verify", "", NONE, "D 0 0"),
    row("audit reset-anchor", "--reason Rücksicherung", NONE, "D D 0", isolate=True),
    # --- privacy ---------------------------------------------------------------------------
    row(
        "privacy export",
        "{person} -o {out}/auskunft",
        PERSON,
        "DDD 0D0 DDD",
        files=("auskunft.json", "auskunft.pdf"),
        shows={"own": ("own_name",), "fresh": ("fresh_name",)},
    ),
    row("privacy erase", "{person} --yes", PERSON, "DDD 0D0 DDD", writes=True, isolate=True),
    row(
        "privacy retention",
        "--dry-run --json",
        NONE,
        "D 0 0",
        shows={"-": ("old",)},
        check="retention_plan",
    ),
    row(
        "privacy retention",
        "--json",
        NONE,
        "D 0 0",
        writes=True,
        isolate=True,
        check="retention_done",
    ),
    row("privacy scrub", "", NONE, "D 0 0", isolate=True),
    # --- backups and the database ----------------------------------------------------------
    row("backup", "-o {out}/copy.sqlite", NONE, "D D 0"),
    row("restore", "{backup}", NONE, "D D 0", postgres="D D 1", writes=True),
    row(
        "db encrypt",
        "-o {out}/secret.sqlite --key-file {db_key}",
        NONE,
        "D D 0",
        postgres="D D 1",
    ),
    row("db rekey", "--key-file {db_key}", NONE, "D D 1", postgres="D D 1"),
    free("db upgrade", "", "0"),
    free("db check", "", "0"),
    free("db check", "--json", "0"),
    free("demo", "--persons 3", "1"),
    free("bench", "--only search --runs 1 --json", "0", postgres="0"),
)


# --- the commands the parser knows -------------------------------------------------------------


def leaf_commands() -> set[str]:
    """Every command and subcommand the parser knows, as "person show", "stats" …"""
    found: set[str] = set()

    def walk(parser: argparse.ArgumentParser, words: list[str]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.add(" ".join(words))
        for sub in subs:
            for name, child in sub.choices.items():
                walk(child, [*words, name])

    walk(build_parser(), [])
    found.discard("")
    return found


# The top-level options; ``--selftest`` (no login, every area rendered) is a row of the GUI
# matrix: tests/gui/test_gui_matrix.py::test_selftest_needs_no_login_and_names_nobody.
TOP_LEVEL_OPTIONS = {"-h", "--help", "--version", "--db", "--user", "--selftest"}


def test_every_command_is_in_the_matrix() -> None:
    options = {o for a in build_parser()._actions for o in a.option_strings}
    assert options == TOP_LEVEL_OPTIONS, "a new top-level option: is it in a matrix?"
    listed = {r.command for r in MATRIX}
    commands = leaf_commands()
    assert len(commands) > 50  # the walk found the commands (not an empty parser)
    assert commands - listed == set(), "commands without a row in the matrix"
    assert listed - commands == set(), "matrix rows of commands that do not exist"
    for entry in MATRIX:
        if entry.login:
            assert set(entry.expect) == set(ACTORS), entry.name


# --- the world, once per backend ---------------------------------------------------------------


@dataclass
class Backend:
    """The template database of one backend and how to copy it."""

    kind: str
    template: str  # URL
    folder: Path
    world: MatrixWorld
    files: dict[str, Path]
    _made: list[str] = field(default_factory=list)
    _open: dict[str, Database] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # of each copy after its last cell

    def database(self, url: str) -> Database:
        """The test's own connection to a copy (for digests and counts), kept open."""
        if url not in self._open:
            self._open[url] = Database(url)
        return self._open[url]

    def copy(self) -> str:
        """A new database with the template's content."""
        name = f"mzm_{uuid.uuid4().hex[:12]}"
        if self.kind == "sqlite":
            target = self.folder / f"{name}.sqlite"
            source = sqlite3.connect(make_url(self.template).database)
            copied = sqlite3.connect(target)
            with contextlib.closing(source), contextlib.closing(copied):
                source.backup(copied)
            return f"sqlite:///{target}"
        template = make_url(self.template)
        server = create_engine(template.set(database="postgres"), isolation_level="AUTOCOMMIT")
        try:
            with server.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template.database}"'))
        finally:
            server.dispose()
        self._made.append(name)
        return template.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        for database in self._open.values():
            database.close()
        if self.kind != "postgresql":
            return
        template = make_url(self.template)
        server = create_engine(template.set(database="postgres"), isolation_level="AUTOCOMMIT")
        try:
            with server.connect() as connection:
                for name in [*self._made, template.database]:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            server.dispose()


@pytest.fixture(scope="module")
def cheap_logins() -> Iterator[None]:
    with cheap_password_hashes():
        yield


def _new_postgres_database() -> str:
    server = make_url(postgres_server_url() or "")
    name = f"mzm_tpl_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    cheap_logins: None,
) -> Iterator[Backend]:
    folder = tmp_path_factory.mktemp(f"matrix-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'template.sqlite'}"
    else:
        url = _new_postgres_database()
    database = Database(url, create=True)
    try:
        schema.upgrade(database)
        world = build_matrix(database)
        files = _prepare_files(database, world, folder)
    finally:
        database.close()
    found = Backend(request.param, url, folder, world, files)
    try:
        yield found
    finally:
        found.drop_all()


@pytest.fixture(scope="module")
def shared(backend: Backend) -> str:
    """One copy for every cell that must not change the case data."""
    return backend.copy()


# --- files the commands read -------------------------------------------------------------------


def _prepare_files(database: Database, world: MatrixWorld, folder: Path) -> dict[str, Path]:
    files = {
        "passphrase": folder / "passphrase.txt",
        "db_key": folder / "db-key.txt",
        "attendees_csv": folder / "attendees.csv",
        "partners_csv": folder / "partners.csv",
    }
    files["passphrase"].write_text(PASS + "\n", encoding="utf-8")
    files["db_key"].write_text("ein-langer-datenbankschluessel\n", encoding="utf-8")
    files["attendees_csv"].write_text(
        "Nachname;Vorname;Geburtsdatum\n"
        "Zubrowa;Olga;04.03.1990\n"  # own: registered at A's fair already, found at B's
        "Zubrowin;Berta;04.03.1990\n"  # other: the same as team B's person — never said so
        "Neufeld;Kira;01.02.1995\n",
        encoding="utf-8",
    )
    files["partners_csv"].write_text(
        "Name;Art;Ort\nSprachschule Sued;IK;Musterstadt\n", encoding="utf-8"
    )
    files.update(_prepare_kits(database, world, folder))
    files["backup"] = _prepare_backup(database, world, folder)
    with database.session() as session:  # made after the backup: a restore takes it away
        session.add(Team(name="Team nach der Sicherung"))
        session.commit()
    return files


def _prepare_kits(database: Database, world: MatrixWorld, folder: Path) -> dict[str, Path]:
    """Each team's kit of its own fair, opened on a laptop; team A's return crafted."""
    found: dict[str, Path] = {}
    for team, organiser, event_id in (
        ("a", "berater_a", world.base.event_a),
        ("b", "berater_b", world.base.event_b),
    ):
        with database.session(world.users[organiser]) as session:
            data = export_kit(session, event_id, PASS, log_n=10)
            session.commit()
        found[f"kit_{team}"] = folder / f"kit-{team}.mzkit"
        found[f"kit_{team}"].write_bytes(data)
        laptop = folder / f"laptop-{team}.sqlite"
        open_kit(data, PASS, f"sqlite:///{laptop}")
        found[f"laptop_{team}"] = laptop
        if team == "a":
            craft_return(laptop, world)
        with Database(f"sqlite:///{laptop}") as lap, lap.session() as session:
            back = return_kit(session, event_id, PASS, log_n=10)
            session.commit()
        found[f"returned_{team}"] = folder / f"returned-{team}.mzkit"
        found[f"returned_{team}"].write_bytes(back)
    return found


def _prepare_backup(database: Database, world: MatrixWorld, folder: Path) -> Path:
    from mzdesk.core import backup

    target = folder / (
        "backup.sqlite" if database.url.get_backend_name() == "sqlite" else "backup.pgdump"
    )
    database.acting_user_id = world.users["admin"]
    try:
        backup.create_backup(database, target)
    finally:
        database.acting_user_id = None
    return target


# --- the crafted return: what a tampered laptop database sends -------------------------------


CRAFTED_NAME = "Zubrowin-Gehackt"


def _hex(value: uuid.UUID, like: Any) -> Any:
    """An id in the laptop file's own storage format (as the sample value ``like``)."""
    if isinstance(like, str) and len(like) == 32:
        return value.hex
    if isinstance(like, str):
        return str(value)
    return value.bytes


def _clone(connection: sqlite3.Connection, table: str, sample_id: Any, **changes: Any) -> None:
    """Insert a copy of the laptop row ``sample_id`` of ``table`` with ``changes``."""
    connection.row_factory = sqlite3.Row
    sample = connection.execute(f"SELECT * FROM {table} WHERE id = ?", (sample_id,)).fetchone()
    assert sample is not None, table
    values = dict(sample) | changes
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))


CRAFTS = ("person", "case", "organiser", "attendance")


def craft_return(laptop: Path, world: MatrixWorld, crafts: tuple[str, ...] = CRAFTS) -> None:
    """Edit the laptop database with SQL, as someone who wants more than the kit gave:

    * ``person``: team B's person ``other`` (not in the kit) with a changed name;
    * ``case``: a case of team A for ``other`` (it would make team A see them);
    * ``organiser``: an organiser row for the fair (organisers are set at the office);
    * ``attendance``: ``other``'s attendance at team B's fair (another event), changed.

    The ids of the crafted rows go to ``CRAFTED_IDS[laptop]``.
    """
    connection = sqlite3.connect(laptop)
    made: dict[str, uuid.UUID] = {}
    with contextlib.closing(connection):
        like = connection.execute("SELECT id FROM persons").fetchone()[0]
        own = _hex(world.own, like)
        assert connection.execute("SELECT id FROM persons").fetchall() == [(own,)], (
            "the kit of team A's fair carries only team A's attendee"
        )
        if "person" in crafts:
            made["person"] = world.other
            _clone(
                connection,
                "persons",
                own,
                id=_hex(world.other, like),
                file_number="MZ-T-0002",
                family_name=CRAFTED_NAME,
            )
        if "case" in crafts:
            made["case"] = uuid.uuid4()
            connection.execute(
                "INSERT INTO cases (id, person_id, counsellor_id, team_id, status, opened_on,"
                " source, created_at, updated_at, version, origin) SELECT ?, ?, ?, ?, 'open',"
                " '2025-05-14', 'event', created_at, updated_at, 1, origin FROM persons"
                " WHERE id = ?",
                (
                    _hex(made["case"], like),
                    _hex(world.other, like),
                    _hex(world.users["berater_a"], like),
                    _hex(world.base.teams["A"], like),
                    own,
                ),
            )
        if "organiser" in crafts:
            made["organiser"] = uuid.uuid4()
            organiser = connection.execute("SELECT id FROM event_organisers").fetchone()[0]
            _clone(
                connection,
                "event_organisers",
                organiser,
                id=_hex(made["organiser"], like),
                user_id=_hex(world.users["berater_b"], like),
            )
        if "attendance" in crafts:
            made["attendance"] = world.row("attendances", "B")
            attendance = connection.execute(
                "SELECT id FROM attendances WHERE person_id = ?", (own,)
            ).fetchone()[0]
            _clone(
                connection,
                "attendances",
                attendance,
                id=_hex(made["attendance"], like),
                event_id=_hex(world.base.event_b, like),
                person_id=_hex(world.other, like),
                profession_wish="Gehackt",
            )
        connection.commit()
    CRAFTED_IDS[laptop] = made


CRAFTED_IDS: dict[Path, dict[str, uuid.UUID]] = {}


# --- running a cell ----------------------------------------------------------------------------


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    files: str  # the text of the files written

    @property
    def text(self) -> str:
        return "\n".join((self.out, self.err, self.files))


def _placeholders(backend: Backend, target: str, out: Path, url: str) -> dict[str, str]:
    """The {placeholders} of a cell's command line: the target's record, files, folders."""
    world, files = backend.world, backend.files
    values = {key: str(path) for key, path in files.items()}
    values.update(
        out=str(out),
        db=url,
        partner=short_id(world.base.partner),
        event_a=short_id(world.base.event_a),
        laptop_a=f"sqlite:///{out / 'laptop-copy.sqlite'}",  # made by _laptop_copy when used
    )
    persons = {"own": world.own, "other": world.other, "fresh": world.fresh}
    if target in persons:
        values["person"] = {"own": "MZ-T-0001", "other": "MZ-T-0002", "fresh": "MZ-T-0003"}[target]
        values["person_id"] = str(persons[target])
    if target in ("own", "other"):
        team = "A" if target == "own" else "B"
        values.update(
            case=short_id(world.base.case_a if team == "A" else world.base.case_b),
            followup=short_id(world.row("follow_ups", team)),
            consent=short_id(world.row("consents", team)),
            referral=short_id(world.row("referrals", team)),
            event=short_id(world.base.event_a if team == "A" else world.base.event_b),
            returned=str(files[f"returned_{team.lower()}"]),
        )
    return values


def own_marks(world: MatrixWorld) -> dict[str, str]:
    """Team A's identifiers an allowed cell is expected to show (``Row.shows``)."""
    return {
        "own_number": "MZ-T-0001",
        "fresh_number": "MZ-T-0003",
        "old_number": "MZ-T-0004",
        "twin_number": "MZ-T-0006",
        "own_name": "Zubrowa",
        "fresh_name": "Zubrowski",
        "own_id": str(world.own),
        "case": str(world.base.case_a),
        "case_short": short_id(world.base.case_a),
        "contact_short": short_id(world.row("contacts", "A")),
        "followup_short": short_id(world.row("follow_ups", "A")),
        "consent_short": short_id(world.row("consents", "A")),
        "referral": str(world.row("referrals", "A")),
        "referral_short": short_id(world.row("referrals", "A")),
        "rejected": str(world.rejected_a),
        "rejected_short": short_id(world.rejected_a),
        "placement": str(world.row("placements", "A")),
        "placement_short": short_id(world.row("placements", "A")),
        "old": str(world.old_a),
    }


def _laptop_copy(laptop: Path, out: Path) -> None:
    """Each cell returns from its own copy of the laptop database."""
    source = sqlite3.connect(laptop)
    copied = sqlite3.connect(out / "laptop-copy.sqlite")
    with contextlib.closing(source), contextlib.closing(copied):
        source.backup(copied)


def _file_text(path: Path) -> str:
    if not path.exists():
        return ""
    if path.suffix == ".pdf":
        done = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        )
        return done.stdout
    return path.read_text(encoding="utf-8", errors="replace")


def run_cell(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    actor: str,
    argv: list[str],
    out: Path,
    files: tuple[str, ...],
) -> Outcome:
    for path in files:
        (out / path).unlink(missing_ok=True)
    monkeypatch.delenv("MZDESK_SESSION", raising=False)  # the password login of each actor
    if actor == NO_LOGIN:
        monkeypatch.delenv("MZDESK_USER", raising=False)
        monkeypatch.delenv("MZDESK_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("MZDESK_USER", actor)
        monkeypatch.setenv("MZDESK_PASSWORD", "falsch-getippt" if actor == FORGETFUL else PASSWORD)
    monkeypatch.setenv("MZDESK_NEW_PASSWORD", NEW_PASSWORD)
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's usage errors
        code = int(stop.code or 0)
    stdout, stderr = capsys.readouterr()
    return Outcome(code, stdout, stderr, "\n".join(_file_text(out / p) for p in files))


def _count(database: Database, action: str) -> int:
    with database.session() as session:
        statement = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
        return int(session.scalar(statement) or 0)


def _reset_login_counter(database: Database) -> None:
    with database.session() as session:
        session.execute(
            update(User)
            .where(User.username == FORGETFUL)
            .values(failed_logins=0, locked_until=None)
        )
        session.commit()


# --- the cells ---------------------------------------------------------------------------------


def _expected(entry: Row, backend: Backend, actor: str) -> str:
    if backend.kind == "postgresql" and actor in entry.postgres:
        return entry.postgres[actor]
    if actor in LOGIN_FAILURES:
        return "L"
    return entry.expect[actor]


def _cells(entry: Row) -> list[tuple[str, int, str]]:
    """(actor, target index, target) of the row, the login failures on the first target."""
    if not entry.login:
        return [(NO_LOGIN, 0, "-")]
    cells = [(a, i, t) for a in ACTORS for i, t in enumerate(entry.targets)]
    return cells + [(a, 0, entry.targets[0]) for a in LOGIN_FAILURES]


def _argv(entry: Row, values: dict[str, str]) -> list[str]:
    words = [*entry.command.split(), *shlex.split(entry.args.format(**values))]
    if "--db" not in words:
        words += ["--db", values["db"]]
    return words


@pytest.mark.parametrize("entry", MATRIX, ids=lambda r: r.name)
def test_cli_matrix(
    entry: Row,
    backend: Backend,
    shared: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world = backend.world
    forbidden = world.marks("B")
    everyone = forbidden | world.marks("A")  # an admin reads no case contents at all
    shown = own_marks(world)
    problems: list[str] = []
    row_copy: str | None = None
    for number, (actor, index, target) in enumerate(_cells(entry)):
        letters = _expected(entry, backend, actor)
        expected = "L" if letters == "L" else letters[index]
        if entry.writes and expected == "0":
            if entry.isolate or row_copy is None:
                url = backend.copy()
                row_copy = None if entry.isolate else url
            else:
                url = row_copy
        else:
            url = shared
        out = tmp_path / f"cell{number}"
        out.mkdir()
        if "{laptop_a}" in entry.args:
            _laptop_copy(backend.files["laptop_a"], out)
        argv = _argv(entry, _placeholders(backend, target, out, url) | {"actor": actor})
        shown_line = " ".join(argv[: argv.index("--db")])
        shown_line = shown_line.replace(str(out), "<out>").replace(str(backend.folder), "<world>")
        cell = Cell(entry, actor, target, expected, shown_line)
        database = backend.database(url)
        before = backend.digests.get(url) or digest(database)
        denials = _count(database, "denied") if expected == "D" else 0
        database.engine.dispose()  # no connection of ours open while the command runs
        got = run_cell(capsys, monkeypatch, actor, argv, out, entry.files)
        after = backend.digests[url] = digest(database)
        if actor == FORGETFUL:
            _reset_login_counter(database)
        wanted = entry.shows.get(f"{actor}/{target}", entry.shows.get(target, ()))
        found = _judge(cell, got, before, after, [shown[k] for k in wanted])
        marks = everyone if actor == "admin" else forbidden
        found += [f"shows {m}" for m in _leaks(backend, entry, actor, got, marks)]
        if expected == "D" and _count(database, "denied") <= denials:
            found.append("the denial was not audited")
        if expected == "0" and entry.check is not None and got.code == 0:
            found += CHECKS[entry.check](backend, url, got, cell)
        problems += [f"{cell}: {problem}" for problem in found]
    problems += _log_problems()
    assert problems == [], "\n".join(problems)


@dataclass(frozen=True)
class Cell:
    entry: Row
    actor: str
    target: str
    expected: str
    command: str

    def __str__(self) -> str:
        return f"[{self.actor} on {self.target}, expected {self.expected}] mzdesk {self.command}"


def _leaks(
    backend: Backend, entry: Row, actor: str, got: Outcome, forbidden: dict[str, str]
) -> list[str]:
    """Team B's identifiers in the cell's output, but for what the row says back on purpose:
    the admin's retention names the organisation's due ids; a merge report lists the ids of
    the rows it refused (the return file's own ids)."""
    allowed: set[uuid.UUID] = set()
    if entry.command == "privacy retention" and actor == "admin":
        allowed = {backend.world.old_a, backend.world.old_b}
    if entry.command == "event merge-kit":  # the ids the return carried, listed as refused
        allowed = {i for made in CRAFTED_IDS.values() for i in made.values()}
    echoed = {form for i in allowed for form in (str(i), short_id(i), i.hex)}
    return [
        f"{mark} ({what})"
        for mark, what in forbidden.items()
        if mark in got.text and mark not in echoed
    ][:4]


EXIT = {"0": 0, "D": 1, "1": 1, "L": 1, "2": 2}


def _judge(cell: Cell, got: Outcome, before: str, after: str, wanted: list[str]) -> list[str]:
    problems: list[str] = []
    said = (got.err.strip().splitlines() or [""])[-1][:200]
    if got.code != EXIT[cell.expected]:
        problems.append(f"exit {got.code}: {said}")
    if "Traceback" in got.text:
        problems.append("a traceback")
    if cell.expected == "0":
        missing = [w for w in wanted if w not in got.text]
        if missing:
            problems.append(f"does not show {missing}")
        if cell.entry.writes and before == after:
            problems.append("allowed, but the case data did not change")
        if not cell.entry.writes and before != after:
            problems.append("a reading command changed the case data")
        return problems
    if before != after:
        problems.append("refused, but the case data changed")
    lines = got.err.strip().splitlines()
    if len(lines) != 1 and cell.expected != "2":
        problems.append(f"not one line: {lines[:3]}")
    if cell.expected == "D" and not got.err.startswith("mzdesk: access denied"):
        problems.append(f"not an access denial: {said}")
    # a failed login, or (after the limit: disabled and unknown accounts count like real ones)
    # the lockout that follows from the failures
    if cell.expected == "L" and not (
        "wrong user name or password" in got.err
        or "account locked after repeated failed logins" in got.err
    ):
        problems.append(f"not a failed login: {said}")
    if got.out.strip():
        problems.append(f"refused, but printed {got.out.strip()[:80]!r}")
    return problems


PERSONAL_WORDS = ("Zubrowa", "Zubrowin", "Zubrowski", "Zubrowenko", "Zubrowek", "0151 ")


def _log_problems() -> list[str]:
    """The log of the test's commands names no person (XDG_STATE_HOME is the test's own)."""
    from mzdesk.core.logs import log_directory

    folder = log_directory()
    text_ = "".join(p.read_text(encoding="utf-8") for p in folder.glob("mzdesk.log*"))
    found = [word for word in PERSONAL_WORDS if word in text_]
    return [f"the log names persons: {found}"] if found else []


# --- extra checks of some allowed cells --------------------------------------------------------


def _check_laptop(backend: Backend, url: str, got: Outcome, cell: Cell) -> list[str]:
    """The kit opened on a laptop: only team A's attendee, no password hash of anyone."""
    problems = []
    laptop = make_url(json.loads(got.out)["database"]).database
    connection = sqlite3.connect(str(laptop))
    with contextlib.closing(connection):
        persons = connection.execute("SELECT file_number FROM persons").fetchall()
        hashes = connection.execute(
            "SELECT count(*) FROM users WHERE password_hash IS NOT NULL"
        ).fetchone()[0]
        dumped = "\n".join(connection.iterdump())
    if persons != [("MZ-T-0001",)]:
        problems.append(f"the laptop holds {persons}")
    if hashes:
        problems.append(f"{hashes} password hashes on the laptop")
    leaked = [m for m in backend.world.marks("B") if m in dumped]
    if leaked:
        problems.append(f"the laptop holds team B's {leaked[:4]}")
    return problems


# Why each crafted row is refused when it comes alone (``test_each_crafted_row_alone``).
CRAFTED_REASONS = {
    "person": ("persons", "about a person the kit did not carry"),
    "case": ("cases", "about a person the kit did not carry"),
    "organiser": ("event_organisers", "organisers are set at the office, not by a kit"),
    "attendance": ("attendances", "it belongs to another event than the kit's"),
}


def refused_rows(report: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {(r["table"], r["id"]): r["reason"] for r in report["rejected_rows"]}


def crafted_refusals(backend: Backend, report: dict[str, Any], laptop: Path) -> list[str]:
    """What is wrong with a merge report of a crafted return (empty: every crafted row is
    refused and listed with a reason)."""
    rejected = refused_rows(report)
    problems = []
    for craft, row_id in CRAFTED_IDS[laptop].items():
        table_name = CRAFTED_REASONS[craft][0]
        if not rejected.get((table_name, str(row_id))):
            problems.append(f"the crafted {craft} row was not refused: {rejected}")
    if report["inserted"] or report["updated"]:
        problems.append(f"the crafted return changed the office: {report}")
    return problems


def _check_crafted(backend: Backend, url: str, got: Outcome, cell: Cell) -> list[str]:
    """The crafted return: every crafted row refused with its reason; team B's data as it was."""
    problems = crafted_refusals(backend, json.loads(got.out), backend.files["laptop_a"])
    with Database(url) as database, database.session() as session:
        other = session.get(Person, backend.world.other)
        if other is None or other.family_name != "Zubrowin":
            problems.append("team B's person changed")
    return problems


def _check_retention_plan(backend: Backend, url: str, got: Outcome, cell: Cell) -> list[str]:
    """A lead's plan: their team's due person only; the admin's: the organisation's, ids only."""
    plan = json.loads(got.out)
    due = set(plan["persons_closed_cases"])
    world = backend.world
    wanted = {str(world.old_a)} | ({str(world.old_b)} if cell.actor == "admin" else set())
    problems = [] if due == wanted else [f"due {due}, expected {wanted}"]
    # the admin's plan: counts and dates, no person named; a lead's may name their team's file
    # numbers (the leak scan of every cell keeps the other team's out), never names or phones
    words = [
        w
        for w in ("Zubrow", "0151", *(("MZ-T-",) if cell.actor == "admin" else ()))
        if w in got.text
    ]
    if words:
        problems.append(f"the plan names {words}")
    return problems


def _check_retention_done(backend: Backend, url: str, got: Outcome, cell: Cell) -> list[str]:
    """After the run: a lead erased their team's due person and left team B's; the admin both."""
    world = backend.world
    with Database(url) as database, database.session() as session:
        erased = {
            pid
            for pid in (world.old_a, world.old_b)
            if (found := session.get(Person, pid)) is not None and found.anonymised_on is not None
        }
    wanted = {world.old_a} | ({world.old_b} if cell.actor == "admin" else set())
    return [] if erased == wanted else [f"erased {erased}, expected {wanted}"]


CHECKS: dict[str, Callable[[Backend, str, Outcome, Cell], list[str]]] = {
    "laptop": _check_laptop,
    "crafted": _check_crafted,
    "retention_plan": _check_retention_plan,
    "retention_done": _check_retention_done,
}


# --- the kit's way through, with a crafted return ----------------------------------------------


KIT_BOOKKEEPING = frozenset({"kit_exports", "kit_merges", "merge_conflicts"})
MERGE_ROW = next(entry for entry in MATRIX if entry.command == "event merge-kit")


def _cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    actor: str,
    *words: object,
    db: str | None = None,
) -> Outcome:
    argv = [str(word) for word in words] + (["--db", db] if db else [])
    return run_cell(capsys, monkeypatch, actor, argv, Path(), ())


def test_a_crafted_return_widens_nothing(
    backend: Backend,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Export as the organiser, open on a laptop, tamper with it in SQL, return, merge: every
    crafted row is refused and listed; the office's data is as it was; team B's person stays
    out of team A's reach."""
    world, office = backend.world, backend.copy()
    kit, back, laptop = tmp_path / "fair.mzkit", tmp_path / "back.mzkit", tmp_path / "lap.sqlite"
    passphrase = backend.files["passphrase"]
    event_a = short_id(world.base.event_a)
    run = functools.partial(_cli, capsys, monkeypatch)

    refused = run("berater_a", "event", "export-kit", short_id(world.base.event_b), "-o", kit,
                  "--passphrase-file", passphrase, db=office)  # fmt: skip
    assert refused.code == 1 and refused.err.startswith("mzdesk: access denied"), refused.err
    assert not kit.exists()
    done = run("berater_a", "event", "export-kit", event_a, "-o", kit,
               "--passphrase-file", passphrase, db=office)  # fmt: skip
    assert done.code == 0, done.err
    opened = run(NO_LOGIN, "event", "open-kit", kit, "--passphrase-file", passphrase, "--json",
                 db=f"sqlite:///{laptop}")  # fmt: skip
    assert opened.code == 0, opened.err
    cell = Cell(MATRIX[0], NO_LOGIN, "own", "0", "event open-kit")
    assert _check_laptop(backend, office, opened, cell) == []

    craft_return(laptop, world)
    returned = run(NO_LOGIN, "event", "return-kit", event_a, "-o", back,
                   "--passphrase-file", passphrase, db=f"sqlite:///{laptop}")  # fmt: skip
    assert returned.code == 0, returned.err
    with Database(office) as database:
        before = digest(database, KIT_BOOKKEEPING)
    merged = run("berater_a", "event", "merge-kit", back, "--passphrase-file", passphrase,
                 "--json", db=office)  # fmt: skip
    assert merged.code == 0, merged.err
    report = json.loads(merged.out)
    assert crafted_refusals(backend, report, laptop) == []
    assert len(report["rejected_rows"]) == len(CRAFTS)
    reasons = refused_rows(report)
    assert reasons[("persons", str(world.other))] == CRAFTED_REASONS["person"][1]
    organiser = str(CRAFTED_IDS[laptop]["organiser"])
    assert reasons[("event_organisers", organiser)] == CRAFTED_REASONS["organiser"][1]
    with Database(office) as database:
        assert digest(database, KIT_BOOKKEEPING) == before  # nothing of it reached the office
    text_ = run("berater_a", "event", "merge-kit", back, "--passphrase-file", passphrase,
                db=office)  # fmt: skip
    assert text_.code == 0 and "nothing changed" in text_.out  # merged once: a no-op now

    for words in (("person", "show", "MZ-T-0002"), ("case", "list", "--person", "MZ-T-0002")):
        still = run("berater_a", *words, db=office)
        assert still.code == 1 and still.err.startswith("mzdesk: access denied"), still.err
    found = run("berater_a", "person", "find", "Zubrowin", "--json", db=office)
    assert found.code == 0 and json.loads(found.out) == []
    said = Outcome(0, text_.out + found.out, merged.err + text_.err + found.err, "")
    assert _leaks(backend, MERGE_ROW, "berater_a", said, world.marks("B")) == []


@pytest.mark.parametrize("craft", CRAFTS)
def test_each_crafted_row_alone_is_refused_with_its_reason(
    backend: Backend, tmp_path: Path, craft: str
) -> None:
    """One tampering at a time: the refusal names the rule it breaks (no knock-on reason)."""
    world, office = backend.world, backend.copy()
    laptop = tmp_path / "laptop.sqlite"
    open_kit(backend.files["kit_a"].read_bytes(), PASS, f"sqlite:///{laptop}")
    craft_return(laptop, world, (craft,))
    with Database(f"sqlite:///{laptop}") as lap, lap.session() as session:
        back = return_kit(session, world.base.event_a, PASS, log_n=10)
    with Database(office) as database:
        before = digest(database, KIT_BOOKKEEPING)
        with database.session(world.users["berater_a"]) as session:
            report = merge_kit(session, back, PASS).as_dict()
            session.commit()
        assert digest(database, KIT_BOOKKEEPING) == before
    table_name, reason = CRAFTED_REASONS[craft]
    row_id = str(CRAFTED_IDS[laptop][craft])
    assert refused_rows(report) == {(table_name, row_id): reason}


def test_matrix_size() -> None:
    """The number of cells per backend (reported in the note on the issue)."""
    cells = sum(len(_cells(entry)) for entry in MATRIX)
    assert cells > 300, cells
