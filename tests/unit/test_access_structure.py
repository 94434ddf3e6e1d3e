"""Access is structural: a test that finds any service that reaches case data around the scope.

Every session opened for a user is scoped (``mzdesk.core.scope``): ORM reads of persons,
cases and everything about them carry the user's visibility, flushes of rows about another
team's records are refused, and statements that bypass the ORM are refused at run time. What
remains are the *escapes*: blocks that declare a purpose (``scope.unscoped``), statements
marked as decided by the access module itself (``SCOPE_OPTION``), raw connections and sessions
of their own. This test reads the source (AST, with a call graph through mzdesk.core) and

1. lists every escape in mzdesk/ — core, CLI and UI — against a short, reviewed allow-list
   (a new one fails until it is reviewed and listed here with its reason);
2. enumerates every public function of ``core/services``, ``core/kits``, ``core/privacy``,
   ``core/stats`` and ``core/dedupe`` and fails when one reaches the protected tables without
   an access decision: an explicit ``access.require``/``may``/``require_role`` (directly or
   through what it calls), or — for reads — nothing but scoped ORM statements, which the list
   ``SCOPE_IS_THE_DECISION`` names function by function;
3. checks that every "explicit scope" block applies the user's visibility itself.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import mzdesk
from mzdesk.core import scope

ROOT = Path(mzdesk.__file__).resolve().parent
ENUMERATED = (
    "mzdesk.core.services",
    "mzdesk.core.kits",
    "mzdesk.core.privacy",
    "mzdesk.core.stats",
    "mzdesk.core.dedupe",
)
PROTECTED_MODELS = frozenset(model.__name__ for model in scope.CRITERIA)
PROTECTED_TABLES = scope.PROTECTED_TABLES
DECISIONS = frozenset(
    {
        "mzdesk.core.access:require",
        "mzdesk.core.access:require_role",
        "mzdesk.core.access:may",
        "mzdesk.core.scope:unscoped",
    }
)

# --- 1. the reviewed escapes ---------------------------------------------------------------------
# (module, function) -> the escapes it uses. ``unscoped:PURPOSE`` is a declared block; ``option``
# marks a single statement as decided by the access module; ``connection`` is a raw DB-API/Core
# connection; ``session`` a Session of its own.
REVIEWED_ESCAPES: dict[tuple[str, str], set[str]] = {
    # the policy's own lookups (ids and team ids only)
    ("mzdesk.core.access", "actor"): {"option"},
    ("mzdesk.core.access", "_person_visible"): {"option"},
    ("mzdesk.core.access", "_case_visible"): {"option"},
    ("mzdesk.core.access", "record_denial"): {"connection", "session"},
    ("mzdesk.core.scope", "_check_visible"): {"option"},
    ("mzdesk.core.scope", "_on_execute"): {"option"},  # the hook that honours the option
    ("mzdesk.core.scope", "owner_of"): {"unscoped:LOOKUP"},
    # one admitted person's file: their rows, and those of the cases the scope let through
    ("mzdesk.core.services.person_file", "load"): {"unscoped:PERSON_FILE"},
    # a typed id or file number resolved to an id before access.require decides
    ("mzdesk.core.services.lookup", "_matching_ids"): {"unscoped:LOOKUP"},
    ("mzdesk.core.services.lookup", "person"): {"unscoped:LOOKUP"},
    ("mzdesk.core.services.lookup", "person_record"): {"unscoped:LOOKUP"},
    # the capped count over an FTS join: the inner statement carries visible_persons
    ("mzdesk.core.services.search", "count_matches"): {"unscoped:EXPLICIT_SCOPE"},
    # counts that must not depend on who looks (no record leaves); rows stay filtered
    ("mzdesk.core.services.events", "tally"): {"unscoped:EVENT_TALLY"},
    ("mzdesk.core.services.events", "list_events"): {"unscoped:EVENT_TALLY"},
    ("mzdesk.core.services.event_attendance", "attendees"): {"unscoped:EVENT_TALLY"},
    # organisation-wide aggregates for leads (READ_STATISTICS); drill-downs stay scoped
    ("mzdesk.core.stats.report", "compute_statistics"): {"unscoped:STATISTICS"},
    ("mzdesk.core.stats", "bench_yearly_raw"): {"connection"},  # the benchmark's baseline
    # both persons checked (MERGE_PERSONS): every row of both moves, whichever team
    ("mzdesk.core.services.merge", "merge_persons"): {"unscoped:MERGE_PERSONS"},
    # Art. 15 / erasure / retention: every row about one person (PRIVACY decided by callers)
    ("mzdesk.core.privacy.collect", "collect"): {"unscoped:PRIVACY_EXPORT"},
    ("mzdesk.core.privacy.erase", "erase_person"): {"unscoped:ERASURE"},
    ("mzdesk.core.privacy.erase", "_enable_secure_delete"): {"connection"},
    ("mzdesk.core.privacy.erase", "scrub_sqlite"): {"connection", "unscoped:ERASURE"},
    ("mzdesk.core.privacy.erase", "erase_and_scrub"): {"unscoped:ERASURE"},
    ("mzdesk.core.privacy.erase", "reapply_erasures"): {"unscoped:REAPPLY_ERASURES"},
    # the login's failure counter in a transaction of its own (users, not case data)
    ("mzdesk.core.services.accounts", "_has_written"): {"connection"},
    ("mzdesk.core.services.accounts", "_own_transaction"): {"connection"},
    ("mzdesk.core.privacy.retention", "due"): {"unscoped:RETENTION"},
    ("mzdesk.core.privacy.retention", "apply"): {"unscoped:RETENTION"},
    # kits: every row checked by kits.rights
    ("mzdesk.core.kits.export", "collect"): {"unscoped:KITS"},
    ("mzdesk.core.kits.merge", "merge_kit"): {"unscoped:KITS"},
    ("mzdesk.core.kits.review", "resolve_conflict"): {"unscoped:KITS"},
    ("mzdesk.core.kits.rights", "visible_persons_among"): {"option"},
    ("mzdesk.core.kits.rights", "_existing"): {"option"},
    ("mzdesk.core.kits.rights", "visible_cases_among"): {"option"},
    ("mzdesk.core.kits.rights", "ReturnRights.prepare"): {"option"},
    ("mzdesk.core.kits.rights", "ReturnRights.consent_reason"): {"option"},
    ("mzdesk.core.kits.rights", "ReturnRights.attendance_reason"): {"option"},
    ("mzdesk.core.kits.rights", "ReturnRights.household_reason"): {"option"},
    # an id or a number, never a record: the audit filter by file number (READ_AUDIT), the
    # next free file number of a year
    ("mzdesk.core.services.audit", "make_filter"): {"unscoped:LOOKUP"},
    ("mzdesk.core.services.intake", "next_file_number"): {"unscoped:FILE_NUMBER"},
    # benchmarks and demo data: the program itself on its own databases
    ("mzdesk.core.bench.person_file", "measure"): {"connection"},
    ("mzdesk.core.bench.search", "_baseline"): {"connection"},
    ("mzdesk.core.demo.generate", "_prepare"): {"connection"},
    ("mzdesk.core.demo.writer", "loading_connection"): {"connection"},
    ("mzdesk.core.demo.writer", "RowWriter.write"): {"connection"},
    # maintenance on the file, not on rows (no user's data is read)
    ("mzdesk.core.encryption", "encrypt_copy"): {"connection"},
    ("mzdesk.core.privacy.erase", "_checkpoint"): {"connection"},
    ("mzdesk.core.schema", "current_revision"): {"connection"},
    ("mzdesk.ui.about", "database_backend"): {"connection"},
    ("mzdesk.core.database", "Database._probe"): {"connection"},
    ("mzdesk.core.database", "Database.enable_wal"): {"connection"},
    ("mzdesk.core.schema", "upgrade"): {"connection"},
    ("mzdesk.core.schema", "downgrade"): {"connection"},
    ("mzdesk.core.schema", "check"): {"connection"},
    ("mzdesk.core.backup", "_set_aside"): {"connection"},
}

# --- 2. public functions whose only access decision is the scope ----------------------------------
# Reads through the ORM only (admins and other teams get nothing), no role to check beyond that.
SCOPE_IS_THE_DECISION: dict[str, str] = {
    "mzdesk.core.services.persons:count": "the client list's count: visible persons only",
    "mzdesk.core.services.persons:page": "the client list: visible persons only",
    "mzdesk.core.services.referrals:referral_rows": "the referrals list: visible cases only",
    "mzdesk.core.services.referrals:letters_sent_on": "today's letters to print: visible only",
    "mzdesk.core.services.referrals:create_due_referral_follow_ups": (
        "follow-ups for the visible overdue referrals (flushes checked by the scope)"
    ),
    "mzdesk.core.services.merge:resolve_person": "follows a merge chain through the scope",
    "mzdesk.core.services.placements:snapshot_at": "the category at a date, of a visible person",
    "mzdesk.core.services.placements:refresh_snapshot": "the same, written back (flush checked)",
    "mzdesk.core.privacy.collect:merge_group": (
        "the persons merged into one: called inside collect's PRIVACY_EXPORT block"
    ),
    **{
        f"mzdesk.core.stats.{area}:{part}": (
            "a part of compute_statistics (its STATISTICS block) or drill_down (READ_STATISTICS);"
            " alone it counts or lists the user's scope"
        )
        for area in ("caseload", "events", "placements", "referrals")
        for part in ("compute", "drill")
    },
    "mzdesk.core.privacy.export:build_document": "the Art. 15 document of export_person's rows",
    "mzdesk.core.privacy.erase:find_mentions": (
        "called in erase_and_scrub's ERASURE block: kinds and ids of other records, no text"
    ),
    "mzdesk.core.kits.open:open_kit": "the laptop's new database, written by the program itself",
    "mzdesk.core.kits.rows:insert_rows": (
        "Core inserts: refused by the scope in a user's session outside the kits' block"
    ),
}


@dataclass
class Function:
    module: str
    qualname: str
    node: ast.FunctionDef | ast.AsyncFunctionDef
    calls: set[str] = field(default_factory=set)  # resolved "module:qualname"
    escapes: set[str] = field(default_factory=set)
    names_protected: bool = False
    runs_statements: bool = False
    direct_decision: bool = False
    explicit_visibility: bool = False

    @property
    def key(self) -> str:
        return f"{self.module}:{self.qualname}"

    @property
    def public(self) -> bool:
        return not any(part.startswith("_") for part in self.qualname.split("."))


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT.parent).with_suffix("")
        parts = list(relative.parts)
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _imports(tree: ast.Module, module: str) -> dict[str, str]:
    """Local name → "module" or "module:name" it stands for."""
    names: dict[str, str] = {}
    package = (
        module
        if (ROOT.parent / module.replace(".", "/") / "__init__.py").exists()
        else (module.rsplit(".", 1)[0])
    )
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                target = f"{base}.{alias.name}"
                is_module = (ROOT.parent / target.replace(".", "/")).exists() or (
                    ROOT.parent / (target.replace(".", "/") + ".py")
                ).exists()
                names[alias.asname or alias.name] = target if is_module else f"{base}:{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = alias.name
    return names


def _visit(
    body: list[ast.stmt],
    prefix: str,
    cls: str | None,
    module: str,
    imports: dict[str, str],
    local: set[str],
    found: dict[str, Function],
) -> None:
    for node in body:
        if isinstance(node, ast.ClassDef):
            _visit(node.body, f"{prefix}{node.name}.", node.name, module, imports, local, found)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = Function(module, f"{prefix}{node.name}", node)
            _analyse(function, imports, local, cls)
            found[function.key] = function


def _functions() -> dict[str, Function]:
    found: dict[str, Function] = {}
    for module, path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        local = {
            node.name
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        }
        _visit(tree.body, "", None, module, _imports(tree, module), local, found)
    return found


def _attribute_chain(node: ast.AST) -> list[str]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return list(reversed(parts))


SESSION_CALLS = frozenset(
    {"execute", "scalars", "scalar", "get", "add", "add_all", "delete", "merge", "query", "flush"}
)


def _body_nodes(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    """The nodes of the function's body and defaults: annotations name types, not data."""
    for statement in function.body:
        yield from ast.walk(statement)
    for default in [*function.args.defaults, *function.args.kw_defaults]:
        if default is not None:
            yield from ast.walk(default)


def _analyse(function: Function, imports: dict[str, str], local: set[str], cls: str | None) -> None:
    names_protected = False
    runs_statements = False
    for node in _body_nodes(function.node):
        if isinstance(node, ast.Name):
            if node.id in PROTECTED_MODELS:
                names_protected = True
            if node.id == "SCOPE_OPTION":
                function.escapes.add("option")
        elif isinstance(node, ast.Attribute):
            if node.attr == "SCOPE_OPTION":
                function.escapes.add("option")
            if node.attr in PROTECTED_MODELS:
                names_protected = True
            if node.attr in ("visible_persons", "visible", "person_visible_sql"):
                function.explicit_visibility = True
        elif isinstance(node, ast.Constant) and node.value in PROTECTED_TABLES:
            names_protected = True
        if not isinstance(node, ast.Call):
            continue
        chain = _attribute_chain(node.func)
        if not chain:
            continue
        name = chain[-1]
        if name in SESSION_CALLS and len(chain) >= 2 and "session" in chain[-2].lower():
            runs_statements = True
        if name == "unscoped":
            purpose = node.args[1] if len(node.args) > 1 else None
            label = purpose.attr if isinstance(purpose, ast.Attribute) else "?"
            function.escapes.add(f"unscoped:{label}")
        if name in ("connection", "exec_driver_sql") and len(chain) >= 2:
            function.escapes.add("connection")
        if name in ("connect", "begin") and "engine" in chain[:-1]:
            function.escapes.add("connection")
        if chain == ["Session"]:
            function.escapes.add("session")
        if name in ("visible_persons", "visible"):
            function.explicit_visibility = True
        # resolve the call
        target: str | None = None
        if len(chain) == 1:
            if name in local:
                target = f"{function.module}:{name}"
            elif name in imports and ":" in imports[name]:
                target = imports[name]
        elif chain[0] == "self" and cls is not None and len(chain) == 2:
            target = f"{function.module}:{cls}.{name}"
        elif chain[0] in imports and ":" not in imports[chain[0]] and len(chain) == 2:
            target = f"{imports[chain[0]]}:{name}"
        if target is not None:
            function.calls.add(target)
            if target in DECISIONS:
                function.direct_decision = True
    function.names_protected = names_protected
    function.runs_statements = runs_statements


def _closure(functions: dict[str, Function], start: str, attribute: str) -> bool:
    seen: set[str] = set()
    todo = [start]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        function = functions.get(key)
        if function is None:
            continue
        if getattr(function, attribute):
            return True
        todo.extend(function.calls)
    return False


FUNCTIONS = _functions()


def _reaches_case_data(key: str) -> bool:
    """Runs statements on a session (itself or through what it calls) that name a protected
    table (itself or through the statement builders it calls)."""
    return _closure(FUNCTIONS, key, "runs_statements") and _closure(
        FUNCTIONS, key, "names_protected"
    )


def test_the_modules_are_read() -> None:
    """The analysis sees what it should (a broken walk would make the other tests vacuous)."""
    assert "mzdesk.core.services.referrals:list_referrals" in FUNCTIONS
    assert _reaches_case_data("mzdesk.core.services.referrals:list_referrals")
    assert _reaches_case_data("mzdesk.core.stats.placements:compute")  # statements built apart
    assert "mzdesk.core.access:require" in FUNCTIONS["mzdesk.core.services.lookup:by_id"].calls
    assert _closure(FUNCTIONS, "mzdesk.core.services.consents:withdraw", "direct_decision")
    enumerated = [f for f in FUNCTIONS.values() if f.module.startswith(ENUMERATED) and f.public]
    assert len(enumerated) > 150


def test_every_escape_from_the_scope_is_reviewed() -> None:
    found = {
        (function.module, function.qualname): function.escapes
        for function in FUNCTIONS.values()
        if function.escapes
    }
    new = {key: sorted(value) for key, value in found.items() if REVIEWED_ESCAPES.get(key) != value}
    gone = sorted(set(REVIEWED_ESCAPES) - set(found))
    assert not new, f"escapes from the scope that are not reviewed (or changed): {new}"
    assert not gone, f"reviewed escapes that no longer exist (remove them): {gone}"


def test_explicit_scope_blocks_apply_the_users_visibility() -> None:
    for (module, qualname), escapes in REVIEWED_ESCAPES.items():
        if "unscoped:EXPLICIT_SCOPE" in escapes:
            assert FUNCTIONS[f"{module}:{qualname}"].explicit_visibility, (module, qualname)


def test_every_public_service_that_reaches_case_data_decides_access() -> None:
    undecided = sorted(
        function.key
        for function in FUNCTIONS.values()
        if function.module.startswith(ENUMERATED)
        and function.public
        and _reaches_case_data(function.key)
        and not _closure(FUNCTIONS, function.key, "direct_decision")
        and function.key not in SCOPE_IS_THE_DECISION
    )
    assert not undecided, (
        "public functions that reach case data with no access decision (add access.require, "
        f"or list them in SCOPE_IS_THE_DECISION with a reason): {undecided}"
    )


def test_the_allow_lists_name_existing_functions() -> None:
    assert not sorted(key for key in SCOPE_IS_THE_DECISION if key not in FUNCTIONS)


def test_every_enumerated_package_imports() -> None:
    """The walk reads files; the packages must also import (no dead file escapes it)."""
    for package in ENUMERATED:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            importlib.import_module(info.name)
