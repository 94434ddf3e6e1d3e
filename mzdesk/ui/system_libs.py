"""Before Qt starts: are the system libraries it needs there? (Linux; ``./dev start`` asks.)

The PySide6 wheels bring Qt itself, but not the desktop libraries Qt loads from the system
(OpenGL/EGL, xkbcommon, GLib, fontconfig, D-Bus, the xcb libraries of an X11 window). On a
fresh Debian or Ubuntu machine some of them are missing, and Qt then ends in a traceback
(``ImportError: libglib-2.0.so.0: cannot open shared object file``) or aborts while loading
its window plugin. ``python -m mzdesk.ui.system_libs [OPTIONS]`` (the options mzdesk will
start with) checks first, in a process of its own: it loads each library by its soname
(``ctypes.CDLL``, the same search the dynamic loader does for Qt), then imports
``PySide6.QtWidgets`` to catch a library this list does not know yet (the window plugin's
libraries are loaded only when a window opens: those are in the list). When something is
missing it prints which libraries and the one ``apt-get install`` line (the README has the
same, :data:`APT_LINE`) and exits 1; likewise when there is no screen to open a window on.

``MZDESK_QT_CHECK_ALSO`` (space-separated sonames) adds libraries to the check: the tests
name one that does not exist to see the message without uninstalling anything.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Iterable, Mapping

# The Debian/Ubuntu packages Qt needs on a desktop: the same list as .ci/run's Qt groups
# (without xvfb/xauth, which only a machine without a screen needs). Their dependencies
# bring the rest of the xcb libraries (render-util, image, randr, …).
PACKAGES = (
    "libgl1",
    "libegl1",
    "libxkbcommon0",
    "libglib2.0-0",
    "libfontconfig1",
    "libdbus-1-3",
    "fonts-dejavu-core",
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libgssapi-krb5-2",
)
APT_LINE = "sudo apt-get install " + " ".join(PACKAGES)

# soname -> the package that has it. Qt's core and widgets (any window, also offscreen):
BASE = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",  # QtNetwork, under the letter preview (QtPdf)
}
# ... and the xcb window plugin (an X11 desktop, and Qt's fallback on Wayland):
XCB = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-util.so.1": "libxcb-util1",
    "libX11-xcb.so.1": "libx11-xcb1",
}
# Window plugins that need no X11 libraries.
NOT_XCB = frozenset({"offscreen", "minimal", "wayland", "wayland-egl", "eglfs", "vnc", "linuxfb"})
ENV_ALSO = "MZDESK_QT_CHECK_ALSO"
_NOT_FOUND = re.compile(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object file")


def platform(environ: Mapping[str, str]) -> str:
    """The window plugin Qt will try first ("xcb" unless QT_QPA_PLATFORM names another)."""
    first = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    return first or "xcb"


def required(environ: Mapping[str, str]) -> dict[str, str]:
    """soname -> package of every library to check for this environment."""
    needed = dict(BASE)
    if platform(environ) not in NOT_XCB:
        needed.update(XCB)
    for name in environ.get(ENV_ALSO, "").split():
        needed.setdefault(name, "")
    return needed


def missing(sonames: Iterable[str]) -> list[str]:
    """The sonames the dynamic loader cannot find or load."""
    absent = []
    for soname in sonames:
        try:
            ctypes.CDLL(soname)
        except OSError:
            absent.append(soname)
    return absent


def qt_import_problem() -> str | None:
    """The soname of a library importing Qt's widgets fails on, or None when it loads."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        found = _NOT_FOUND.search(str(exc))
        return found.group(1) if found else f"({type(exc).__name__}: {exc})"
    return None


def message(absent: list[str], needed: Mapping[str, str]) -> str:
    named = ", ".join(f"{name} ({needed[name]})" if needed.get(name) else name for name in absent)
    return (
        f"mzdesk: Qt cannot start: the system lacks {named}.\n"
        "Install the libraries Qt needs (Debian/Ubuntu), then start again:\n"
        f"  {APT_LINE}\n"
    )


def no_display(environ: Mapping[str, str]) -> bool:
    """A Linux session without any screen for a window (Qt would abort)."""
    if "QT_QPA_PLATFORM" in environ:
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def check(environ: Mapping[str, str] | None = None, argv: Iterable[str] = ()) -> int:
    """0 when Qt can start here; else 1 with the reason (and the apt line) on stderr.

    ``argv``: the options mzdesk is started with; ``--selftest`` runs offscreen where there
    is no screen (``mzdesk.ui.app``), so it needs neither a display nor the xcb libraries."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return 0  # the wheels bring what Windows and macOS need
    if "--selftest" in argv and no_display(environ):
        environ = {**environ, "QT_QPA_PLATFORM": "offscreen"}
    needed = required(environ)
    absent = missing(needed)
    if not absent:
        problem = qt_import_problem()
        absent = [problem] if problem else []
    if absent:
        sys.stderr.write(message(absent, needed))
        return 1
    if no_display(environ):
        sys.stderr.write(
            "mzdesk: no screen for the window: neither DISPLAY nor WAYLAND_DISPLAY is set. "
            "Start it in a desktop session (over ssh: ssh -X), or under xvfb-run.\n"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(check(argv=sys.argv[1:]))
