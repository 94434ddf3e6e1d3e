"""The areas of the main window (clients, cases, follow-ups …) and their registry.

An area is a factory for a view plus a title and an icon. Only areas that do something real
are registered; each feature declares its area in ``DECLARED_AREAS`` (key, title, icon,
module: the navigation is built from it without importing the module), and the module's
``register(registry)`` adds the view when the area is first opened. The main window and the
selftest take the areas from the registry; views get what they need injected through an
:class:`AreaContext` and never reach for the main window.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, TypeVar, overload

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from mzdesk.ui import session_scope
from mzdesk.ui.session_scope import Refused
from mzdesk.ui.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")


@dataclass(frozen=True)
class DeclaredArea:
    """An area as the navigation shows it, before its module is imported (start-up speed:
    the window paints its frame with these; a view's module loads when it is first opened)."""

    key: str
    module: str  # has ``register(registry)`` adding the Area with this key
    title: Callable[[], str]
    icon: str
    order: int


def _areas_title(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("Areas", text)


# Each view module's own ``register`` says the same (tests/gui/test_area_declarations.py).
# The titles are translated in the views' modules (context "Areas"), where lupdate finds them.
DECLARED_AREAS = (
    DeclaredArea("clients", "mzdesk.ui.views.clients", _areas_title("Clients"), "clients.svg", 10),
    DeclaredArea(
        "follow_ups", "mzdesk.ui.views.follow_ups", _areas_title("Follow-ups"), "followups.svg", 20
    ),
    DeclaredArea(
        "referrals", "mzdesk.ui.views.referrals", _areas_title("Referrals"), "referrals.svg", 30
    ),
    DeclaredArea("events", "mzdesk.ui.views.events", _areas_title("Events"), "events.svg", 50),
    DeclaredArea(
        "partners", "mzdesk.ui.views.partners", _areas_title("Partners"), "partners.svg", 60
    ),
    DeclaredArea(
        "kit_review", "mzdesk.ui.views.kit_review", _areas_title("Kit review"), "kitreview.svg", 75
    ),
    DeclaredArea(
        "statistics", "mzdesk.ui.views.statistics", _areas_title("Statistics"), "statistics.svg", 80
    ),
    DeclaredArea(
        "audit", "mzdesk.ui.views.audit", _areas_title("Audit trail"), "administration.svg", 900
    ),
    DeclaredArea("users", "mzdesk.ui.views.users", _areas_title("Users"), "users.svg", 950),
)
AREA_MODULES = [area.module for area in DECLARED_AREAS]


@dataclass(frozen=True)
class AreaContext:
    """What a view may use: sessions (one per user action), settings, the UI language."""

    session_factory: Callable[[], Session]
    settings: Settings
    language: str = "de"
    user_id: uuid.UUID | None = None  # the logged-in user (sessions are opened for them)
    # Open a person's file in the clients area (set by the main window; no-op elsewhere).
    show_person: Callable[[uuid.UUID], None] = lambda _person_id: None

    @overload
    def read(self, work: Callable[[Session], T]) -> T: ...
    @overload
    def read(self, work: Callable[[Session], T], *, refused: Refused) -> T | None: ...
    def read(self, work: Callable[[Session], T], *, refused: Refused | None = None) -> T | None:
        """``work(session)`` in a session of its own, not committed (:mod:`.session_scope`);
        with ``refused``, a refusal's German text goes there and the result is None."""
        if refused is None:
            return session_scope.read(self.session_factory, work)
        return session_scope.read(self.session_factory, work, refused=refused)

    @overload
    def write(self, work: Callable[[Session], T]) -> T: ...
    @overload
    def write(self, work: Callable[[Session], T], *, refused: Refused) -> T | None: ...
    def write(self, work: Callable[[Session], T], *, refused: Refused | None = None) -> T | None:
        """``work(session)`` in a session of its own, committed, rolled back on any error
        (:mod:`.session_scope`); with ``refused``, a refusal's German text goes there and the
        result is None."""
        if refused is None:
            return session_scope.write(self.session_factory, work)
        return session_scope.write(self.session_factory, work, refused=refused)


class AreaView(QWidget):
    """Base of every area's view. Override what applies."""

    def menu_actions(self) -> list[QAction]:
        """The view's actions (with their shortcuts) for the main window's menus."""
        return []

    def save_state(self) -> None:
        """Persist column widths, splitters … (called when the main window closes)."""

    def selftest(self) -> str:
        """Check that the view shows its data; raise on failure, return a one-line summary."""
        return "rendered"


@dataclass(frozen=True)
class Area:
    key: str  # stable, English: "clients"
    title: Callable[[], str]  # translated when called (after the translators are installed)
    icon: str  # file in resources/icons
    factory: Callable[[AreaContext], AreaView]
    order: int = 100


class AreaRegistry:
    def __init__(self) -> None:
        self._areas: dict[str, Area] = {}
        self._loaded = False

    def register(self, area: Area) -> None:
        if area.key in self._areas:
            raise ValueError(f"area {area.key!r} is registered twice")
        self._areas[area.key] = area

    def unregister(self, key: str) -> None:
        self._areas.pop(key, None)

    def areas(self) -> list[Area]:
        self._load_builtin()
        return sorted(self._areas.values(), key=lambda area: (area.order, area.key))

    def _load_builtin(self) -> None:
        if not self._loaded:
            self._loaded = True
            for declared in DECLARED_AREAS:
                self.register(
                    Area(
                        key=declared.key,
                        title=declared.title,
                        icon=declared.icon,
                        factory=_lazy_factory(declared),
                        order=declared.order,
                    )
                )

    @contextmanager
    def temporarily(self, area: Area) -> Iterator[None]:
        """Register ``area`` for the duration of a block (a plugin check, a test)."""
        self._load_builtin()
        self.register(area)
        try:
            yield
        finally:
            self.unregister(area.key)


def module_area(declared: DeclaredArea) -> Area:
    """The Area the view module registers itself (importing the module)."""
    scratch = AreaRegistry()
    scratch._loaded = True  # only this module's area
    import_module(declared.module).register(scratch)
    return next(area for area in scratch._areas.values() if area.key == declared.key)


def _lazy_factory(declared: DeclaredArea) -> Callable[[AreaContext], AreaView]:
    def factory(context: AreaContext) -> AreaView:
        return module_area(declared).factory(context)

    return factory


registry = AreaRegistry()
