"""Every file mzdesk writes is readable by its owner only (security review F15).

Each output command runs through ``mzdesk.cli.main`` on a small demo database, with the test
process's umask set to the usual 022 (which makes 0644 files): the file (and a folder mzdesk
creates) must come out 0600 (0700). The database, its WAL and SHM, a laptop database opened
from a kit and the log file likewise; the core's writers also without the CLI's umask. Also
F15's argv point: ``contact add`` takes the confidential note from a file or stdin.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from mzdesk.cli import main
from mzdesk.core import backup
from mzdesk.core.database import Database
from mzdesk.core.models import Contact

PASSWORD = "mzdesk-demo"  # the demo accounts' documented password
PASSPHRASE = "private files passphrase"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@dataclass
class World:
    folder: Path
    url: str
    person: str  # a file number of Team Süd
    case: str  # a case id of Team Süd
    referral: str  # a Team Süd referral with its stored letter
    event: str  # an event of Team Süd

    def path(self) -> Path:
        return Path(self.url.removeprefix("sqlite:///"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("demo")
    url = f"sqlite:///{folder / 'data' / 'mzdesk.sqlite'}"
    previous = os.umask(0o022)
    try:
        assert main(["demo", "--persons", "40", "--db", url]) == 0
    finally:
        os.umask(previous)
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:

        def one(sql: str) -> str:
            row = connection.execute(sql).fetchone()
            assert row is not None, sql
            return str(row[0])

        sud = "(SELECT id FROM teams WHERE name = 'Team Süd')"
        case = one(f"SELECT id FROM cases WHERE team_id = {sud} ORDER BY opened_on DESC")
        person = one(
            f"SELECT p.file_number FROM persons p JOIN cases c ON c.person_id = p.id "
            f"WHERE c.id = '{case}'"
        )
        referral = one(
            "SELECT r.id FROM referrals r JOIN cases c ON c.id = r.case_id "
            f"WHERE c.team_id = {sud} AND r.letter_pdf IS NOT NULL AND r.consent_id IS NOT NULL"
        )
        # its consent still holds (a letter whose consent ended never leaves again)
        connection.execute(
            "UPDATE consents SET withdrawn_on = NULL, expires_on = NULL WHERE id = "
            f"(SELECT consent_id FROM referrals WHERE id = '{referral}')"
        )
        connection.commit()
        event = one(f"SELECT id FROM events WHERE team_id = {sud}")
    connection.close()
    return World(folder, url, person, case, referral, event)


@pytest.fixture
def world(demo: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    """A copy of the demo database for one test (a test may change it)."""
    target = tmp_path / "data"
    shutil.copytree(demo.path().parent, target)
    target.chmod(0o755)
    monkeypatch.setenv("MZDESK_PASSWORD", PASSWORD)
    monkeypatch.chdir(tmp_path)
    return World(
        tmp_path,
        f"sqlite:///{target / 'mzdesk.sqlite'}",
        demo.person,
        demo.case,
        demo.referral,
        demo.event,
    )


def _run(w: World, user: str, *args: str) -> None:
    code = main([*args, "--db", w.url, "--user", user])
    assert code == 0, args


def _passfile(w: World) -> Path:
    path = w.folder / "pass.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


Output = Callable[[World], list[Path]]


def _backup_plain(w: World) -> list[Path]:
    _run(w, "admin", "backup", "-o", str(w.folder / "out" / "b.sqlite"))
    return [w.folder / "out", w.folder / "out" / "b.sqlite"]


def _backup_sealed(w: World) -> list[Path]:
    target = w.folder / "b.mzbackup"
    _run(w, "admin", "backup", "-o", str(target), "--passphrase-file", str(_passfile(w)))
    return [target]


def _backup_auto(w: World) -> list[Path]:
    _run(w, "admin", "backup")
    folder = w.path().parent / "backups"
    return [folder, *folder.iterdir()]


def _art15(w: World) -> list[Path]:
    _run(w, "leitung2", "privacy", "export", w.person, "-o", str(w.folder / "auskunft"))
    return [w.folder / "auskunft.json", w.folder / "auskunft.pdf"]


def _stats(kind: str) -> Output:
    def run(w: World) -> list[Path]:
        target = w.folder / f"stats.{kind}"
        _run(w, "leitung2", "stats", "--year", "2024", f"--{kind}", str(target))
        return [target]

    run.__name__ = f"stats_{kind}"
    return run


def _letter(w: World) -> list[Path]:
    _run(w, "berater2", "letter", w.referral, "-o", str(w.folder / "letter.pdf"))
    return [w.folder / "letter.pdf"]


def _consent_form(w: World) -> list[Path]:
    _run(w, "berater2", "consent", "form", w.person, "-o", str(w.folder / "form.pdf"))
    return [w.folder / "form.pdf"]


def _attendance(w: World) -> list[Path]:
    _run(w, "leitung2", "event", "attendance-list", w.event, "-o", str(w.folder / "att.pdf"))
    return [w.folder / "att.pdf"]


def _employers(w: World) -> list[Path]:
    _run(w, "berater2", "event", "employer-list", w.event, "-o", str(w.folder / "emp.pdf"))
    return [w.folder / "emp.pdf"]


def _kit_and_laptop(w: World) -> list[Path]:
    kit, laptop = w.folder / "event.mzkit", w.folder / "laptop" / "laptop.sqlite"
    passfile = _passfile(w)
    secret = ["--passphrase-file", str(passfile)]
    _run(w, "berater2", "event", "export-kit", w.event, "-o", str(kit), *secret)
    code = main(["event", "open-kit", str(kit), *secret, "--db", f"sqlite:///{laptop}"])
    assert code == 0
    return [kit, laptop.parent, laptop]


def _encrypted_copy(w: World) -> list[Path]:
    pytest.importorskip("sqlcipher3")
    key = w.folder / "key.txt"
    key.write_text("a database key of some length\n")
    target = w.folder / "encrypted.sqlite"
    _run(w, "admin", "db", "encrypt", "-o", str(target), "--key-file", str(key))
    return [target]


OUTPUTS: list[Output] = [
    _backup_plain,
    _backup_sealed,
    _backup_auto,
    _art15,
    _stats("csv"),
    _stats("xlsx"),
    _stats("pdf"),
    _letter,
    _consent_form,
    _attendance,
    _employers,
    _kit_and_laptop,
    _encrypted_copy,
]


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda f: f.__name__.strip("_"))
def test_every_output_command_writes_owner_only_files(world: World, output: Output) -> None:
    paths = output(world)
    assert paths
    for path in paths:
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, f"{path.name}: {oct(mode(path))}"


def test_a_new_database_its_wal_and_shm_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "mzdesk.sqlite"
    assert main(["db", "upgrade", "--db", f"sqlite:///{path}"]) == 0
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    with Database(f"sqlite:///{path}") as db, db.session() as s:  # core use: no CLI umask
        s.add(_setting())
        s.commit()
        wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
        assert wal.exists() and shm.exists()
        assert (mode(wal), mode(shm)) == (0o600, 0o600)


def _setting() -> object:
    from mzdesk.core.models import Setting

    return Setting(key="test.private", value=1)


def test_the_log_file_is_owner_only(tmp_path: Path) -> None:
    import logging

    from mzdesk.core.logs import setup_logging

    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = setup_logging(directory=tmp_path / "log")
        assert path is not None
        logging.getLogger("mzdesk.test").info("a line")
        assert mode(path) == 0o600 and mode(path.parent) == 0o700
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_the_cores_writers_are_owner_only_without_the_cli(world: World) -> None:
    """Library use (the GUI's background operations, tests): no umask from the CLI."""
    from mzdesk.core.exports import write_csv, write_pdf, write_xlsx
    from mzdesk.core.stats.period import Period
    from mzdesk.core.stats.report import compute_statistics

    db = Database(world.url)
    written = [backup.create_backup(db, world.folder / "core.sqlite").path]
    written.append(
        backup.create_backup(db, world.folder / "core.mzbackup", passphrase=PASSPHRASE).path
    )
    with db.session() as s:
        report = compute_statistics(s, Period.year(2024))
    for writer, name in ((write_csv, "s.csv"), (write_xlsx, "s.xlsx"), (write_pdf, "s.pdf")):
        writer(report, world.folder / name)
        written.append(world.folder / name)
    db.close()
    assert {p.name: oct(mode(p)) for p in written} == {p.name: "0o600" for p in written}


# --- the confidential note never needs the command line ------------------------------------


def _notes(w: World) -> list[str | None]:
    with Database(w.url) as db, db.session() as s:
        return list(s.scalars(select(Contact.note).order_by(Contact.created_at.desc()).limit(1)))


def test_contact_note_from_a_file_or_stdin(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    note_file = world.folder / "note.txt"
    note_file.write_text("Vertraulich: Gespräch über die Wohnsituation\n", encoding="utf-8")
    base = ["contact", "add", world.case, "--channel", "PHONE"]
    _run(world, "berater2", *base, "--note-file", str(note_file))
    assert _notes(world) == ["Vertraulich: Gespräch über die Wohnsituation"]
    monkeypatch.setattr("sys.stdin", io.StringIO("Aus der Standardeingabe\nzweite Zeile\n"))
    _run(world, "berater2", *base, "--note", "-")
    assert _notes(world) == ["Aus der Standardeingabe\nzweite Zeile"]
    missing = world.folder / "missing.txt"
    code = main([*base, "--note-file", str(missing), "--db", world.url, "--user", "berater2"])
    assert code == 1 and "cannot read" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*base, "--note", "x", "--note-file", str(note_file)])
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["contact", "add", "--help"])
    assert "visible to other local users" in " ".join(capsys.readouterr().out.split())
