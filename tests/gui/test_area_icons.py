"""Each area of the navigation has its own icon, and the file is there (resources/icons)."""

from __future__ import annotations

from mzdesk.core.resources import resource_path
from mzdesk.ui.areas import DECLARED_AREAS


def test_every_area_has_its_own_icon_file() -> None:
    icons = [declared.icon for declared in DECLARED_AREAS]
    assert len(icons) == len(set(icons)), "two areas share an icon"
    assert all(resource_path("icons", icon).is_file() for icon in icons)


def test_kit_review_is_not_drawn_as_events() -> None:
    by_key = {declared.key: declared.icon for declared in DECLARED_AREAS}
    assert by_key["kit_review"] == "kitreview.svg" != by_key["events"]
