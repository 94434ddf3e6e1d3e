"""Shared fixtures: every database test runs against SQLite and PostgreSQL.

PostgreSQL tests need ``MZDESK_TEST_POSTGRES_URL`` (a server URL whose user may create
databases); ``.ci/run`` starts a server and sets it. Without it they are skipped with that
reason — except under CI, where a missing server is an error, not a silent skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pg_databases
import pytest
from sqlalchemy.engine import make_url

PG_ENV = pg_databases.PG_ENV
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep logs, settings and the default database of tests out of the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("MZDESK_DATABASE_URL", raising=False)


postgres_server_url = pg_databases.postgres_server_url


def _postgres_database(template: bool) -> Iterator[str]:
    server = make_url(postgres_server_url() or "")
    copy_of = pg_databases.migrated_template(server) if template else None
    name = pg_databases.create_database(server, template=copy_of)
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        pg_databases.drop_database(server, name)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards (by a role that
    may create databases; see tests/pg_databases.py for why the drop is done as it is)."""
    yield from _postgres_database(template=False)


@pytest.fixture
def migrated_postgres_url() -> Iterator[str]:
    """Like ``postgres_url``, at the newest schema already (a copy of a migrated template)."""
    yield from _postgres_database(template=True)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mzdesk.sqlite'}"


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the newest schema, once per test process (copied, not used)."""
    from mzdesk.core import schema
    from mzdesk.core.database import Database

    path = tmp_path_factory.mktemp("migrated") / "template.sqlite"
    database = Database(f"sqlite:///{path}", create=True)
    try:
        schema.upgrade(database)
    finally:
        database.close()
    leftovers = [p.name for p in path.parent.iterdir() if p != path]
    assert not leftovers, f"the template is not one closed file: {leftovers}"  # -wal, -shm
    return path


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str:
    """A database URL, once for SQLite and once for PostgreSQL: empty, or — for a test that
    also uses ``database``, which migrates it — at the newest schema already, a copy of a
    template migrated once per process (not some 870 migrations of a few tenths of a second)."""
    migrated = "database" in request.fixturenames
    if request.param == "postgresql":
        fixture = "migrated_postgres_url" if migrated else "postgres_url"
        return str(request.getfixturevalue(fixture))
    url = str(request.getfixturevalue("sqlite_url"))
    if migrated:
        import shutil

        from mzdesk.core.files import create_private

        template: Path = request.getfixturevalue("migrated_sqlite_file")
        path = Path(make_url(url).database or "")
        create_private(path)  # the mode a database mzdesk creates has (0600)
        shutil.copyfile(template, path)  # into the existing file: its mode stays
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[object]:
    """An open, migrated, empty database on each backend."""
    from mzdesk.core import schema
    from mzdesk.core.database import Database

    db = Database(database_url, create=True)
    if schema.state(db) is not schema.SchemaState.CURRENT:  # not copied from a template
        schema.upgrade(db)
    yield db
    db.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The files with a ``slow`` test (the PyInstaller build, the wheel) run first: with
    ``-n 2 --dist loadfile`` a worker takes the files in this order, and a build started last
    kept one worker busy for minutes while the other had nothing left to do."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)  # stable: the rest keeps its order


# --- a crash leaves a trace ---------------------------------------------------------------
# pytest's faulthandler plugin writes a crashing process's Python stacks to its stderr. A
# pytest-xdist worker's stderr is easily lost among the controller's output, so each worker
# writes them (every thread's) to its own file in a folder the controller makes; when a worker
# dies, the controller puts that file's text into the failure report of the test it was
# running, and names the folder at the end (kept only when something is in it).
FAULTS_ENV = "MZDESK_TEST_FAULTS_DIR"
_fault_file: list[object] = []


def _worker_id() -> str | None:
    return os.environ.get("PYTEST_XDIST_WORKER")


@pytest.hookimpl(trylast=True)  # after pytest's own faulthandler plugin: this one wins
def pytest_configure(config: pytest.Config) -> None:
    import faulthandler
    import tempfile

    worker = _worker_id()
    if worker is None:  # the controller (or a run without xdist): stderr, pytest's default
        if not os.environ.get(FAULTS_ENV):
            os.environ[FAULTS_ENV] = tempfile.mkdtemp(prefix="mzdesk-test-faults-")
        return
    folder = os.environ.get(FAULTS_ENV)
    if folder:
        stream = Path(folder, f"{worker}.log").open("a", encoding="utf-8")  # noqa: SIM115
        _fault_file.append(stream)  # open until the process ends
        faulthandler.enable(file=stream, all_threads=True)


def _faults_of(worker: str) -> str:
    folder = os.environ.get(FAULTS_ENV)
    path = Path(folder, f"{worker}.log") if folder else None
    return path.read_text(encoding="utf-8", errors="replace") if path and path.exists() else ""


@pytest.hookimpl(optionalhook=True)
def pytest_handlecrashitem(crashitem: str, report: pytest.TestReport, sched: object) -> None:
    """A worker died while running ``crashitem``: its stacks into the test's report."""
    worker = str(report.node.gateway.id)  # type: ignore[attr-defined]
    trace = _faults_of(worker).strip()
    if trace:
        report.longrepr = f"{report.longrepr}\n\nworker {worker}'s fault log:\n{trace[-20_000:]}"


def _report_fault_folder() -> None:
    import shutil
    import sys

    folder = os.environ.get(FAULTS_ENV)
    if _worker_id() is not None or not folder or not Path(folder).is_dir():
        return
    if any(path.stat().st_size for path in Path(folder).iterdir()):
        print(f"\nfault logs of crashed test workers: {folder}", file=sys.stderr)
    else:
        shutil.rmtree(folder, ignore_errors=True)


# --- leaving the test process -------------------------------------------------------------
# PySide6 6.12 can crash while the interpreter finalizes ("none_dealloc" in the garbage
# collector tearing down Qt wrappers), after every test and the summary are done — which
# would turn a green run into exit code 134. Once pytest has finished everything (summary,
# reports, other plugins' unconfigure), leave with pytest's own exit status instead.
_FINISHED: dict[str, int] = {}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _FINISHED["status"] = int(exitstatus)
    _report_fault_folder()
    try:
        pg_databases.drop_templates()
    except Exception as error:
        import sys

        print(f"\nleft behind: {error}", file=sys.stderr)
        _FINISHED["status"] = _FINISHED["status"] or int(pytest.ExitCode.TESTS_FAILED)
    for server, name in pg_databases.leftovers():  # a test's drop failed: one more attempt
        try:
            pg_databases.drop_database(server, name)
        except Exception as error:
            import sys

            print(f"\nleft behind: {error}", file=sys.stderr)
            _FINISHED["status"] = _FINISHED["status"] or int(pytest.ExitCode.TESTS_FAILED)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    if "status" in _FINISHED:
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_FINISHED["status"])
