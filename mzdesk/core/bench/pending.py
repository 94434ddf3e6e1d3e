"""Figures whose areas do not exist yet: listed, so they are not silently skipped.

Each area's issue replaces its entry here with a module that measures it.
"""

from __future__ import annotations

from mzdesk.core.bench.harness import Figure, Target

PENDING = (
    Figure(
        key="kit_merge",
        title="merge a kit (600 attendees + 600 employer contacts)",
        baseline_title="raw insert of the same rows",
        target=Target(max_value=5000.0),
        note="the event kit merge (mzdesk.core.sync) does not exist yet",
    ),
    Figure(
        key="event_loop_gap",
        title="largest event-loop gap during merge/export/backup",
        baseline_title="one frame",
        target=Target(max_value=100.0),
        note="merge, export and backup do not run in the GUI yet",
    ),
)


def figures() -> list[Figure]:
    """Fresh copies (a Figure is mutable)."""
    return [
        Figure(
            key=figure.key,
            title=figure.title,
            baseline_title=figure.baseline_title,
            target=figure.target,
            note=figure.note,
        )
        for figure in PENDING
    ]
