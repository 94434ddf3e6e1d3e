"""The navigation's declarations (mzdesk/ui/areas.py) say what each view module registers."""

from __future__ import annotations

import pytest

from mzdesk.ui.areas import DECLARED_AREAS, DeclaredArea, module_area


@pytest.mark.parametrize("declared", DECLARED_AREAS, ids=lambda d: d.key)
def test_declaration_matches_the_view_module(declared: DeclaredArea) -> None:
    area = module_area(declared)
    assert (area.key, area.icon, area.order) == (declared.key, declared.icon, declared.order)
    assert area.title() == declared.title()


def test_keys_are_unique() -> None:
    keys = [declared.key for declared in DECLARED_AREAS]
    assert len(keys) == len(set(keys))
