"""One accessor for files in resources/ and forms/, from a checkout, a wheel or a frozen build.

In a checkout the folders sit beside the package (``<repo>/resources``); in a wheel and in the
PyInstaller build they are inside it (``mzdesk/resources``), see pyproject.toml and build.spec.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def _root(name: str) -> Path:
    candidates = [_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name]
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        candidates.insert(0, Path(frozen_base) / "mzdesk" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"mzdesk installation is incomplete: folder '{name}' not found")


def resource_path(*parts: str) -> Path:
    """Path of a file below resources/ (``resource_path("fonts", "DejaVuSans.ttf")``)."""
    return _root("resources").joinpath(*parts)


def form_path(name: str) -> Path:
    """Path of a Qt Designer form below forms/ (``form_path("main_window.ui")``)."""
    return _root("forms") / name


@cache
def load_json(*parts: str) -> Any:
    """Parsed JSON from resources/ (cached: reference data never changes at run time)."""
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
