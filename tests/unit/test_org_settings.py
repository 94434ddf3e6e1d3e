"""Organisation settings: every key declared once, values checked against their declaration."""

from __future__ import annotations

import pytest

from mzdesk.core import org_settings
from mzdesk.core.org_settings import InvalidSetting, OrgKey


def test_each_key_is_declared_once() -> None:
    names = [key.name for key in org_settings.KEYS]
    assert len(names) == len(set(names))


def test_defaults_fit_their_own_declaration() -> None:
    for key in org_settings.KEYS:
        assert org_settings.coerce(key, key.default) == key.default


def test_numbers_are_checked_against_their_range() -> None:
    key = OrgKey("x.weeks", 8, "Weeks", 1, 52)
    assert org_settings.coerce(key, " 12 ") == 12
    with pytest.raises(InvalidSetting, match="outside 1–52"):
        org_settings.coerce(key, 53)
    with pytest.raises(InvalidSetting) as raised:
        org_settings.coerce(key, "acht")
    assert "ganze Zahl" in raised.value.german


def test_lists_and_flags() -> None:
    assert org_settings.coerce(OrgKey("x.codes", ["A"], "Codes"), "B; C,,") == ["B", "C"]
    assert org_settings.coerce(OrgKey("x.on", False, "On"), "ja") is True
    with pytest.raises(InvalidSetting):
        org_settings.coerce(OrgKey("x.on", False, "On"), "vielleicht")


def test_an_undeclared_key_is_a_programming_error() -> None:
    with pytest.raises(KeyError, match="not declared"):
        org_settings.declared("no.such.key")
