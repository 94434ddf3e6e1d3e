"""Running the bench: the databases it needs, every figure in the issue's order, the report."""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import URL

from mzdesk.core import schema
from mzdesk.core.bench import (
    attendee_import,
    command,
    gui,
    kit,
    letter,
    loop,
    pending,
    person_file,
    search,
    stats,
)
from mzdesk.core.bench.harness import DEFAULT_RUNS, Figure, Status
from mzdesk.core.database import ENV_DATABASE_KEY, Database
from mzdesk.core.models import Person

DEFAULT_PERSONS = 200_000
SMALL_PERSONS = 1_000
DEMO_SEED = 1

# The order; "--only" takes these keys.
FIGURE_KEYS = (
    search.KEY,
    person_file.KEY,
    letter.KEY,
    letter.BATCH_KEY,
    kit.KEY,
    attendee_import.KEY,
    stats.KEY,
    gui.STARTUP_KEY,
    gui.MEMORY_KEY,
    loop.KEY,
    command.KEY,
)

Progress = Callable[[str], None]


@dataclass
class BenchOptions:
    persons: int = DEFAULT_PERSONS
    runs: int = DEFAULT_RUNS
    keep: Path | None = None  # SQLite file to build the demo in, or to reuse if it has one
    db_url: str | None = None  # an existing database to measure as it is (never built)
    only: tuple[str, ...] = ()  # figure keys; empty: all
    small_persons: int = SMALL_PERSONS  # the memory figure's small database
    seed: int = DEMO_SEED
    progress: Progress | None = None


@dataclass
class BenchReport:
    machine: dict[str, Any]
    database: dict[str, Any]
    runs: int
    started_at: str
    figures: list[Figure] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "started_at": self.started_at,
            "machine": self.machine,
            "database": self.database,
            "runs": self.runs,
            "figures": [figure.as_dict() for figure in self.figures],
        }


def machine_info() -> dict[str, Any]:
    """What the figures were measured on (no host names, no user names)."""
    info: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "cpu_model": platform.processor() or platform.machine(),
        "ram_gb": None,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }
    try:
        with Path("/proc/cpuinfo").open(encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    info["cpu_model"] = line.split(":", 1)[1].strip()
                    break
        with Path("/proc/meminfo").open(encoding="ascii") as meminfo:
            total_kb = int(meminfo.readline().split()[1])
            info["ram_gb"] = round(total_kb / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    for package in ("SQLAlchemy", "PySide6-Essentials"):
        with suppress(metadata.PackageNotFoundError):
            info[package.lower()] = metadata.version(package)
    return info


def count_persons(database: Database) -> int:
    with database.session() as session:
        return int(session.execute(select(func.count()).select_from(Person)).scalar_one())


def _say(options: BenchOptions, message: str) -> None:
    if options.progress is not None:
        options.progress(message)


def demo_database(path: Path, persons: int, seed: int, options: BenchOptions) -> Database:
    """The demo database in ``path``: reused if it holds persons (upgraded if older), else built."""
    from mzdesk.core.demo import generate_demo

    database = Database(f"sqlite:///{path}", create=True)
    try:
        state = schema.state(database)
        if state is not schema.SchemaState.EMPTY:
            if state is schema.SchemaState.OUTDATED:
                _say(options, f"upgrading the schema of {path.name}")
                schema.upgrade(database)
            if count_persons(database):
                _say(options, f"reusing {path} ({count_persons(database):,} persons)")
                return database
        _say(options, f"building a demo database of {persons:,} persons in {path}")
        generate_demo(database, persons, seed)
    except BaseException:
        database.close()
        raise
    return database


@contextmanager
def _main_database(options: BenchOptions, stack: ExitStack) -> Iterator[Database]:
    if options.db_url is not None:
        database = Database(options.db_url)
        schema.require_current(database)  # someone else's database: measured, never changed
    elif options.keep is not None:
        database = demo_database(options.keep, options.persons, options.seed, options)
    else:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mzdesk-bench-")))
        database = demo_database(folder / "bench.sqlite", options.persons, options.seed, options)
    try:
        yield database
    finally:
        database.close()


def _url(database: Database) -> str:
    """The URL for a child process, without its secret: that goes into the environment the
    children inherit (a command line is visible to every user of the machine)."""
    secret = database.url.password
    if secret:
        name = ENV_DATABASE_KEY if database.encrypted else "PGPASSWORD"
        os.environ[name] = str(secret)
    url = database.url
    plain = URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    return plain.render_as_string(hide_password=False)


def run_bench(options: BenchOptions) -> BenchReport:
    unknown = set(options.only) - set(FIGURE_KEYS)
    if unknown:
        raise ValueError(f"unknown figure(s): {', '.join(sorted(unknown))}")
    wanted = [key for key in FIGURE_KEYS if not options.only or key in options.only]
    pending_figures = {figure.key: figure for figure in pending.figures()}
    with ExitStack() as stack:
        database = stack.enter_context(_main_database(options, stack))
        persons = count_persons(database)
        report = BenchReport(
            machine=machine_info(),
            database={"url": database.display_url, "backend": database.backend, "persons": persons},
            runs=options.runs,
            started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        startup_children: list[gui.ChildRun] = []
        bare_hwm: list[float] = []
        for key in wanted:
            _say(options, f"measuring {key}")
            figure: Figure
            try:
                if key == search.KEY:
                    figure = search.measure(database, options.runs)
                elif key == person_file.KEY:
                    figure = person_file.measure(database, options.runs)
                elif key == stats.KEY:
                    figure = stats.measure(database, options.runs)
                elif key == letter.KEY:
                    figure = letter.measure(options.runs)
                elif key == letter.BATCH_KEY:
                    figure = letter.measure_batch(options.runs)
                elif key == kit.KEY:
                    figure = kit.measure(database, options.runs)
                elif key == attendee_import.KEY:
                    figure = attendee_import.measure(database, options.runs)
                elif key == loop.KEY:
                    figure = loop.measure(_url(database), options.runs)
                elif key == command.KEY:
                    given = options.db_url is not None
                    figure = command.measure(database, _url(database), options.runs, given=given)
                elif key == gui.STARTUP_KEY:
                    figure, startup_children, bare = gui.measure_startup(
                        _url(database), persons, options.runs
                    )
                    bare_hwm = [run.hwm_kb / 1024.0 for run in bare]
                elif key == gui.MEMORY_KEY:
                    figure = _memory(database, persons, options, stack, startup_children, bare_hwm)
                else:
                    figure = pending_figures[key]
            except (gui.ChildFailed, OSError, RuntimeError) as error:
                figure = _failed(key, persons, options, f"{type(error).__name__}: {error}")
            report.figures.append(figure)
    return report


def _memory(
    database: Database,
    persons: int,
    options: BenchOptions,
    stack: ExitStack,
    large: list[gui.ChildRun],
    bare_hwm: list[float],
) -> Figure:
    small_persons = options.small_persons
    if not large:
        large = gui.startup_runs(_url(database), options.runs)
    if persons == small_persons:
        small = large
    else:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mzdesk-bench-")))
        small_db = demo_database(folder / "small.sqlite", small_persons, options.seed, options)
        try:
            small = gui.startup_runs(_url(small_db), options.runs)
        finally:
            small_db.close()
    bare = f"; a bare window: {statistics.median(bare_hwm):.0f} MB" if bare_hwm else ""
    return gui.measure_memory(large, small, persons, small_persons, extra=bare)


def _failed(key: str, persons: int, options: BenchOptions, reason: str) -> Figure:
    makers: dict[str, Callable[[], Figure]] = {
        search.KEY: search.figure,
        person_file.KEY: person_file.figure,
        stats.KEY: stats.figure,
        letter.KEY: letter.figure,
        letter.BATCH_KEY: letter.batch_figure,
        kit.KEY: kit.figure,
        attendee_import.KEY: attendee_import.figure,
        loop.KEY: loop.figure,
        command.KEY: command.figure,
        gui.STARTUP_KEY: lambda: gui.startup_figure(persons),
        gui.MEMORY_KEY: lambda: gui.memory_figure(persons, options.small_persons),
    }
    return makers[key]().failed(reason)


def missed(report: BenchReport) -> list[Figure]:
    return [f for f in report.figures if f.status is Status.OK and f.passed is False]
