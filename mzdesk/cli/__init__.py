"""The command line: ``mzdesk`` opens the GUI, ``mzdesk <command>`` runs a command.

Exit codes: 0 done, 1 refused or failed (one-line reason on stderr), 2 usage.
Each command group lives in its own module and registers itself in ``COMMAND_MODULES``.

Whatever goes wrong, a command ends in one line on stderr, never a traceback: a refusal
(:class:`MzdeskError`) prints its reason; a file that cannot be written or read (``OSError``:
a read-only folder, a full disk, a folder where a file was meant) prints the path and the
operating system's reason; anything else prints only the exception's *type* and where the
log file is — its text may hold personal data (a database error carries the row), so it goes
neither to the screen nor to the log, where the crash report lists the code locations only.
A command line imports only the module of the command it names (``COMMANDS``; the modules pull
in SQLAlchemy, reportlab, openpyxl, …): ``mzdesk --help`` imports none, and the plain ``mzdesk``
GUI start parses its few options without them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

from mzdesk.core.errors import MzdeskError

log = logging.getLogger(__name__)

# Each command group's module, with the commands its ``register(subparsers)`` adds and their
# one-line help (what ``mzdesk --help`` lists). A command line imports only the module of the
# command it names: ``mzdesk --help`` lists the others from this table without importing them
# (their modules pull in SQLAlchemy, reportlab, openpyxl, …). tests/integration/test_cli_imports.py
# keeps the table equal to what the modules register. Each added parser sets
# ``func(args) -> int``.
COMMANDS: dict[str, tuple[tuple[str, str], ...]] = {
    "mzdesk.cli.session_cmd": (
        ("login", 'log in once for this shell: eval "$(mzdesk login)" sets MZDESK_SESSION'),
        ("logout", "end the session of MZDESK_SESSION"),
    ),
    "mzdesk.cli.db_cmd": (("db", "schema migrations and integrity check"),),
    "mzdesk.cli.demo_cmd": (("demo", "fill an empty database with synthetic demo data"),),
    "mzdesk.cli.bench_cmd": (
        ("bench", "benchmarks at county scale, each beside its raw baseline"),
    ),
    "mzdesk.cli.partner_cmd": (("partner", "the partner directory"),),
    "mzdesk.cli.consent_cmd": (("consent", "the consent registry"),),
    "mzdesk.cli.referral_cmd": (("referral", "referrals to partners and their states"),),
    "mzdesk.cli.letter_cmd": (
        ("letter", "write a referral letter to PDF (needs the person's consent)"),
    ),
    "mzdesk.cli.placement_cmd": (("placement", "record and list placements (outcomes)"),),
    "mzdesk.cli.stats_cmd": (
        ("stats", "statistics for a period: placements, referrals, events, caseload"),
    ),
    "mzdesk.cli.dedupe_cmd": (
        ("dedupe", "list likely duplicate persons with ids, scores and reasons"),
    ),
    "mzdesk.cli.followup_cmd": (("followup", "follow-ups (Wiedervorlagen) due for a user"),),
    "mzdesk.cli.audit_cmd": (("audit", "the audit trail"),),
    "mzdesk.cli.person_cmd": (("person", "add, edit, show, find and merge persons"),),
    "mzdesk.cli.event_cmd": (("event", "events and the offline event kit"),),
    "mzdesk.cli.case_cmd": (("case", "counselling cases: open, list, show, change status, edit"),),
    "mzdesk.cli.contact_cmd": (("contact", "the contact log of a case"),),
    "mzdesk.cli.status_cmd": (
        ("status", "residence status and legal category history of a person"),
    ),
    "mzdesk.cli.user_cmd": (("user", "user accounts and teams (admin)"),),
    "mzdesk.cli.privacy_cmd": (("privacy", "data-subject rights and retention"),),
    "mzdesk.cli.backup_cmd": (
        ("backup", "back up the database (SQLite online backup; PostgreSQL pg_dump)"),
        ("restore", "replace the database by a verified backup (the current one is kept aside)"),
    ),
}
COMMAND_MODULES = list(COMMANDS)
MODULE_OF = {name: module for module, commands in COMMANDS.items() for name, _ in commands}

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (it is slow)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from mzdesk import __version__

        sys.stdout.write(f"mzdesk {__version__}\n")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser(
    *, commands: bool = True, argv: Sequence[str] | None = None
) -> argparse.ArgumentParser:
    """The whole command line; ``commands=False``: only the options of the GUI start.

    With ``argv``, only the module of the command it names is imported: every other command
    is there by name and help (for ``--help`` and the "invalid choice" message) from
    ``COMMANDS``. Without ``argv`` (or when it starts unusually) every module is imported.
    """
    parser = _Parser(
        prog="mzdesk",
        description="Case management for a county migration centre. "
        "Without a command, the desktop application starts.",
    )
    parser.add_argument("--version", action=_Version)
    add_db_option(parser)
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="open the main window and every area offscreen; exit 0 if all rendered",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    wanted = set(COMMAND_MODULES) if argv is None else _modules_for(argv)
    for module, listed in COMMANDS.items():
        if module in wanted:
            import_module(module).register(subparsers)
        else:
            for name, help_text in listed:
                subparsers.add_parser(name, help=help_text, add_help=False)
    return parser


def _modules_for(argv: Sequence[str]) -> set[str]:
    """The command modules ``argv`` needs: the one of the command it names, none for a bare
    ``--help``/``--version`` or an unknown command word (argparse lists the choices), every
    one when an option before the command is not exactly one of the top-level options (an
    abbreviation like ``--us NAME``): then the full parser reads it as before."""
    expect_value = False
    for token in argv:
        if expect_value:
            expect_value = False
        elif token in _VALUE_OPTIONS:
            expect_value = True
        elif token.startswith("-"):
            if token not in _PLAIN_OPTIONS and not token.startswith(_VALUE_GIVEN):
                return set(COMMAND_MODULES)
        else:
            return {MODULE_OF[token]} if token in MODULE_OF else set()
    return set()


# Top-level options that take a value (the value is not a command name).
_VALUE_OPTIONS = ("--db", "--user")
_VALUE_GIVEN = tuple(f"{option}=" for option in _VALUE_OPTIONS)
_PLAIN_OPTIONS = ("--selftest", "--version", "-h", "--help")


def _gui_start(argv: Sequence[str]) -> bool:
    """True when ``argv`` names no command and asks for no help: the GUI (or selftest) starts.

    Anything unusual (``--``, an abbreviated option, an unknown word) goes to the full parser,
    which then reports it exactly as before.
    """
    expect_value = False
    for token in argv:
        if expect_value:
            expect_value = False
            continue
        if token in _VALUE_OPTIONS:
            expect_value = True
        elif token.startswith(tuple(f"{option}=" for option in _VALUE_OPTIONS)):
            continue
        elif token not in ("--selftest", "--version"):
            return False
    return not expect_value


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (sqlite:///FILE, sqlite+pysqlcipher:///FILE for an encrypted file "
        "with its key in $MZDESK_DATABASE_KEY or a prompt, or postgresql+psycopg://…); "
        "default: $MZDESK_DATABASE_URL or the SQLite file in the user data folder",
    )
    # Commands that add their own --user (referral_cmd) replace this one: same meaning.
    # TODO(lead): drop once referral_cmd no longer calls its own add_user_option.
    for container in (parser, *parser._action_groups):
        container.conflict_handler = "resolve"
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="log in as NAME (default: $MZDESK_USER); password from $MZDESK_PASSWORD or a prompt",
    )


def fail(message: str) -> int:
    print(f"mzdesk: {message}", file=sys.stderr)
    return EXIT_FAILED


# Options that name a file a command writes (for an OSError that names no file: a full disk).
_OUTPUT_OPTIONS = ("output", "xlsx", "csv", "pdf")


def _file_problem(exc: OSError, args: argparse.Namespace) -> str:
    """``PATH: REASON`` of a failed file operation, e.g. "/mnt/ro/s.xlsx: Permission denied"."""
    reason = exc.strerror or type(exc).__name__
    path = exc.filename
    if path is None:
        given = (getattr(args, name, None) for name in _OUTPUT_OPTIONS)
        path = next((value for value in given if isinstance(value, Path)), None)
    return f"{os.fsdecode(path)}: {reason}" if path is not None else reason


def _unexpected(command: str, exc: BaseException, log_file: Path | None) -> int:
    """One line with the exception's type, and the crash report (code locations, no message,
    no values) in the log."""
    from mzdesk.ui.crash import crash_report  # plain Python: no Qt is imported

    kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
    log.critical("command %s failed\n%s", command, crash_report(type(exc), exc.__traceback__))
    where = f"; the log file {log_file} has the details for IT support" if log_file else ""
    return fail(f"unexpected error ({kind}): the command was stopped{where}")


def main(argv: Sequence[str] | None = None) -> int:
    from mzdesk.core.files import owner_only, remove_stale_temp

    with owner_only():  # every file mzdesk writes is its owner's only (mzdesk.core.files)
        remove_stale_temp()
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    from mzdesk.core.logs import setup_logging

    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(commands=not _gui_start(arguments), argv=arguments)
    args = parser.parse_args(arguments)
    log_file = setup_logging()
    db_url = getattr(args, "db", None)
    if args.command is None:
        from mzdesk.ui.app import run_gui, run_selftest

        return (
            run_selftest(db_url) if args.selftest else run_gui(db_url, getattr(args, "user", None))
        )
    from mzdesk.core.services import outputs

    try:
        with outputs.via(outputs.Channel.CLI):  # outputs recorded here say "Kommandozeile"
            result: int = args.func(args)
    except BrokenPipeError:  # the reader stopped early (``| head``): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
        return EXIT_OK
    except MzdeskError as exc:
        log.info("command %s refused: %s", args.command, type(exc).__name__)
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted")
    except OSError as exc:
        log.info("command %s failed: %s (errno %s)", args.command, type(exc).__name__, exc.errno)
        return fail(_file_problem(exc, args))
    except Exception as exc:
        return _unexpected(args.command, exc, log_file)
    return result
