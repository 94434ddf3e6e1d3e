"""The offline event kit: export at the office, open on a laptop, return, merge back.

``export_kit`` → file → ``open_kit`` (laptop database) → work at the event → ``return_kit`` →
file → ``merge_kit`` (office, one transaction, idempotent, three-way per field) → decisions in
``review`` (conflicts, possible duplicates). Files are encrypted (``crypto``).
"""

from mzdesk.core.kits.crypto import DEFAULT_LOG_N, KitKind, read_header
from mzdesk.core.kits.errors import KitDamaged, KitRefused, KitTooNew, KitWrongDatabase
from mzdesk.core.kits.export import export_kit
from mzdesk.core.kits.merge import MergeReport, merge_kit
from mzdesk.core.kits.open import OpenReport, open_kit
from mzdesk.core.kits.return_ import return_kit
from mzdesk.core.kits.review import (
    Choice,
    keep_as_new,
    link_duplicate,
    open_conflicts,
    open_duplicates,
    resolve_conflict,
)

__all__ = [
    "DEFAULT_LOG_N",
    "Choice",
    "KitDamaged",
    "KitKind",
    "KitRefused",
    "KitTooNew",
    "KitWrongDatabase",
    "MergeReport",
    "OpenReport",
    "export_kit",
    "keep_as_new",
    "link_duplicate",
    "merge_kit",
    "open_conflicts",
    "open_duplicates",
    "open_kit",
    "read_header",
    "resolve_conflict",
    "return_kit",
]
