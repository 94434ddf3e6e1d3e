"""mzdesk/core never imports Qt or the UI (complements the import-linter contract).

import-linter needs the package importable and follows the import graph; this check reads the
source of every module with ``ast``, so it also catches imports inside functions and
``TYPE_CHECKING`` blocks, and runs without any extra tool.
"""

from __future__ import annotations

import ast
from pathlib import Path

import mzdesk.core

FORBIDDEN = ("PySide6", "shiboken6", "mzdesk.ui")
CORE = Path(mzdesk.core.__file__).resolve().parent


def _is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in FORBIDDEN)


def _resolve_relative(path: Path, root: Path, level: int, module: str | None) -> str:
    """The absolute module named by ``from <dots><module> import`` in a file below ``root``."""
    package = ["mzdesk", "core", *path.parent.relative_to(root).parts]
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, *([module] if module else [])])


def forbidden_imports(root: Path) -> list[str]:
    """``"<file>:<line>: <module>"`` for each import of a forbidden module below ``root``.

    ``root`` is the ``mzdesk/core`` folder (relative imports are resolved from there).
    """
    found: list[tuple[str, int, str]] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            modules: list[str] = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = _resolve_relative(path, root, node.level, node.module)
                else:
                    base = node.module or ""
                # "from mzdesk import ui" names the module in the alias.
                modules = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute | ast.Name)
                and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
                in ("import_module", "__import__")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                modules = [node.args[0].value]
            for module in modules:
                if _is_forbidden(module):
                    found.append((path.relative_to(root).as_posix(), node.lineno, module))
                    break
    return [f"{file}:{line}: {module}" for file, line, module in sorted(found)]


def test_core_imports_neither_qt_nor_the_ui() -> None:
    assert list(CORE.rglob("*.py")), "mzdesk/core has no modules?"
    assert forbidden_imports(CORE) == []


def test_the_check_finds_forbidden_imports(tmp_path: Path) -> None:
    core = tmp_path / "mzdesk" / "core"
    (core / "sub").mkdir(parents=True)
    (core / "clean.py").write_text("import json\nfrom sqlalchemy import select\n")
    (core / "qt.py").write_text("import json\nimport PySide6.QtWidgets\n")
    (core / "sub" / "lazy.py").write_text(
        "def f():\n"
        "    from shiboken6 import isValid\n"
        "    from ... import ui\n"
        "    from mzdesk.ui.main_window import MainWindow\n"
        "    import importlib\n"
        "    importlib.import_module('PySide6.QtGui')\n"
    )
    (core / "uiish.py").write_text("import mzdesk.uitools\nfrom mzdesk.core import names\n")

    found = forbidden_imports(core)

    assert found == [
        "qt.py:2: PySide6.QtWidgets",
        "sub/lazy.py:2: shiboken6",
        "sub/lazy.py:3: mzdesk.ui",
        "sub/lazy.py:4: mzdesk.ui.main_window",
        "sub/lazy.py:6: PySide6.QtGui",
    ]
