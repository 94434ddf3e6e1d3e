"""Why a kit is refused: each one line in English, with the German for the GUI."""

from __future__ import annotations

from mzdesk.core.errors import MzdeskError


class KitRefused(MzdeskError):
    """A kit that cannot be used here; nothing was changed."""


class KitDamaged(KitRefused):
    """Not a kit, truncated, tampered with, or the wrong passphrase."""


class KitTooNew(KitRefused):
    """Written by a newer mzdesk (file format or schema revision)."""


class KitWrongDatabase(KitRefused):
    """A kit that belongs to another office database, or a laptop database without the kit."""
