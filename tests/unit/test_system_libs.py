"""The Qt system-library check of ``./dev start`` (mzdesk/ui/system_libs.py), without Qt.

The whole path (the dev script, the message, no traceback) is in
tests/integration/test_dev_script.py; here: what is checked where, and that the one apt-get
line is the same in the check, the README and .ci/run.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from mzdesk.ui import system_libs

REPO = Path(__file__).resolve().parents[2]


def test_a_window_on_x11_needs_the_xcb_libraries_offscreen_does_not() -> None:
    assert "libxcb-cursor.so.0" in system_libs.required({})
    assert "libxcb-cursor.so.0" in system_libs.required({"QT_QPA_PLATFORM": "xcb"})
    offscreen = system_libs.required({"QT_QPA_PLATFORM": "offscreen"})
    assert "libxcb-cursor.so.0" not in offscreen and "libEGL.so.1" in offscreen


def test_a_library_named_for_the_check_that_no_system_has_is_reported_missing() -> None:
    needed = system_libs.required(
        {"QT_QPA_PLATFORM": "offscreen", system_libs.ENV_ALSO: "libmzdesk-none.so.9"}
    )
    absent = system_libs.missing(needed)
    assert absent == ["libmzdesk-none.so.9"]  # and everything Qt needs is here
    text = system_libs.message(absent, needed)
    assert text.startswith("mzdesk: ") and "libmzdesk-none.so.9" in text
    assert system_libs.APT_LINE in text


def test_the_apt_line_is_the_readmes_and_covers_what_qt_loads_in_any_window() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert system_libs.APT_LINE in readme
    # the rest comes with them (apt-cache depends --recurse on Debian 12: freetype with
    # fontconfig, libx11/libxcb with libgl1; the other xcb libraries with libxcb-cursor0)
    pulled_in = {"libfreetype6", "libx11-6", "libxcb1"}
    assert set(system_libs.BASE.values()) <= set(system_libs.PACKAGES) | pulled_in


def test_ci_installs_every_package_of_the_line() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    listed = script.split("packages=(", 1)[1].split("\n)", 1)[0]
    names = set(re.sub(r"#[^\n]*", "", listed).split())
    assert set(system_libs.PACKAGES) <= names, set(system_libs.PACKAGES) - names


class _NoGlib:
    """A finder that fails PySide6's widgets the way a machine without GLib does."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "PySide6.QtWidgets":
            raise ImportError(
                "libglib-2.0.so.0: cannot open shared object file: No such file or directory"
            )


def test_a_library_the_list_does_not_know_is_named_from_qts_import_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "PySide6.QtWidgets", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoGlib(), *sys.meta_path])
    assert system_libs.qt_import_problem() == "libglib-2.0.so.0"
