"""Every refusal the core raises has its German text for the GUI (issue 20, item 7).

The GUI shows ``error.german``, which falls back to the English message: a ``raise`` of an
:class:`MzdeskError` without ``german=`` shows a counsellor English. The raise statements of
``mzdesk/core`` are read with ``ast``; each raised class is looked up in its module. A raise
passes if it gives ``german=`` (or the German as the second argument), or if its class makes
the German itself (its own ``__init__`` takes no ``german``: ``AccountLocked``,
``IntakeInvalid`` …). The allow-list holds the few raises that only a programming error can
reach, whose message is for a developer — each with its reason.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import mzdesk.core
from mzdesk.core.errors import MzdeskError

CORE = Path(mzdesk.core.__file__).resolve().parent
SKIPPED = ("migrations",)  # Alembic's env and revisions: run by Alembic, raise nothing of ours

# (file under mzdesk/core, class, the English message's first words): why no German.
NEVER_SHOWN = {
    ("scope.py", "ScopeViolation", "unscoped statement on"): (
        "a statement that bypasses the scope is a programming error, refused before it runs; "
        "tests/unit/test_access_structure.py keeps every path scoped"
    ),
    ("privacy/erase.py", "ScopeViolation", "erase_decided runs inside"): (
        "a call from the wrong place in the code (inside an erasure block), never a person's"
    ),
    ("reference.py", "NotFound", "unknown reference set"): (
        "reference set names are constants of the code, never typed or chosen by a person"
    ),
    ("services/contacts.py", "InvalidContact", "the contact time needs a time zone"): (
        "callers pass aware datetimes (the GUI and CLI make them): a naive one is a bug"
    ),
}


@dataclass(frozen=True)
class Raise:
    path: str
    line: int
    cls: str
    message: str  # the English message's leading literal text

    @property
    def key(self) -> tuple[str, str, str]:
        matches = [key for key in NEVER_SHOWN if key[:2] == (self.path, self.cls)]
        for key in matches:
            if self.message.startswith(key[2]):
                return key
        return (self.path, self.cls, self.message)

    def __str__(self) -> str:
        return f"mzdesk/core/{self.path}:{self.line}: raise {self.cls}({self.message!r} …)"


def _module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parents[1]).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(namespace: dict[str, object], node: ast.expr) -> object:
    if isinstance(node, ast.Name):
        return namespace.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = _resolve(namespace, node.value)
        return getattr(owner, node.attr, None) if owner is not None else None
    return None


def _leading_text(call: ast.Call) -> str:
    if not call.args:
        return ""
    first = call.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    if isinstance(first, ast.JoinedStr):
        text = ""
        for part in first.values:
            if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                break
            text += part.value
        return text
    return ""


def _makes_its_own_german(cls: type[MzdeskError]) -> bool:
    init = cls.__init__
    return init is not MzdeskError.__init__ and "german" not in inspect.signature(init).parameters


def _gives_german(call: ast.Call, cls: type[MzdeskError]) -> bool:
    if any(keyword.arg in ("german", None) for keyword in call.keywords):
        return True
    # MzdeskError(message, german): the German as the second positional argument
    return cls.__init__ is MzdeskError.__init__ and len(call.args) >= 2


def domain_raises() -> tuple[list[Raise], list[Raise]]:
    """Every ``raise X(...)`` of an MzdeskError class in the core: (all, without German)."""
    every: list[Raise] = []
    without: list[Raise] = []
    for path in sorted(CORE.rglob("*.py")):
        relative = path.relative_to(CORE).as_posix()
        if relative.startswith(SKIPPED):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        namespace = vars(import_module(_module_name(path)))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            cls = _resolve(namespace, node.exc.func)
            if not (inspect.isclass(cls) and issubclass(cls, MzdeskError)):
                continue
            found = Raise(relative, node.lineno, cls.__name__, _leading_text(node.exc))
            every.append(found)
            if not _makes_its_own_german(cls) and not _gives_german(node.exc, cls):
                without.append(found)
    return every, without


def test_every_domain_error_raised_in_the_core_has_its_german_text() -> None:
    every, without = domain_raises()
    assert len(every) > 200  # the scan sees the raises (about 290 when this was written)
    missing = [str(found) for found in without if found.key not in NEVER_SHOWN]
    assert missing == [], "raise without german=:\n" + "\n".join(missing)


def test_the_allow_list_names_only_raises_that_exist() -> None:
    _every, without = domain_raises()
    assert {found.key for found in without} >= set(NEVER_SHOWN)


def test_a_refused_attendee_e_mail_address_is_in_neither_text() -> None:
    """An attendee's e-mail address is personal data: the reason names the field, not it."""
    from mzdesk.core.services.attendee_import import BadValue, intake_from

    address = "zubrowa.example.org"  # synthetic, without '@'
    try:
        intake_from({"family_name": "Zubrowa", "given_names": "Ilka", "email": address})
    except BadValue as refused:
        assert address not in str(refused) and address not in refused.german
        assert refused.german == "Das ist keine E-Mail-Adresse."
    else:
        raise AssertionError("the address was accepted")
