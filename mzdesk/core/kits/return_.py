"""``return_kit``: everything created or changed on the laptop since the kit was opened.

Each created row travels whole with ``base`` null; each changed row travels whole together
with the values it had when the kit was opened (``base``), so the office can tell, field by
field, who changed what. Rows of the kit deleted on the laptop are listed by id with the
values the office last knew (``deleted``), so the office deletes only what it has not changed
since. Reference tables (teams, users, settings) never go back. The file is encrypted like the
export; it gets a new kit id (each return is its own file), and names the export it belongs to.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access, migrations
from mzdesk.core.access import Action
from mzdesk.core.kits import content, crypto
from mzdesk.core.kits.content import MERGED_TABLES, RowValues, compared_columns, table
from mzdesk.core.kits.errors import KitWrongDatabase
from mzdesk.core.models import Setting

log = logging.getLogger(__name__)


def _setting(session: Session, key: str) -> Setting | None:
    return session.scalars(
        select(Setting).where(Setting.key == key, Setting.user_id.is_(None))
    ).first()


def opened_kit(session: Session) -> dict[str, Any]:
    """What ``open_kit`` recorded, or :class:`KitWrongDatabase` for an ordinary database."""
    found = _setting(session, content.KIT_SETTING)
    if found is None or not isinstance(found.value, dict):
        raise KitWrongDatabase(
            "this database was not opened from an event kit (use it at the office instead)",
            german="Diese Datenbank wurde nicht aus einer Veranstaltungsmappe geöffnet.",
        )
    return dict(found.value)


def changes(
    session: Session, sent_in: int | None = None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, RowValues]]]:
    """(created or changed rows per table, kit rows deleted here per table: id → the values
    the office last knew — as the kit brought them, or as an earlier return carried them).

    Each entry: ``row`` (all values), ``base`` (as opened, or None when created here) and,
    for rows an earlier return carried, ``sent`` (the values it carried) with ``sent_in`` (that
    return's sequence): if the office merged that return, it compares against ``sent``.
    """
    base_setting = _setting(session, content.BASE_SETTING)
    base: dict[str, dict[str, RowValues]] = base_setting.value if base_setting is not None else {}
    sent_setting = _setting(session, content.SENT_SETTING)
    sent: dict[str, dict[str, RowValues]] = sent_setting.value if sent_setting is not None else {}
    changed: dict[str, list[dict[str, Any]]] = {}
    deleted: dict[str, dict[str, RowValues]] = {}
    for name in MERGED_TABLES:
        before = base.get(name, {})
        carried = sent.get(name, {})
        names = [column.name for column in compared_columns(name)]
        found: list[dict[str, Any]] = []
        seen: set[str] = set()
        for row in session.execute(select(table(name)).order_by(table(name).c.id)):
            values = content.encode_row(name, row)
            row_id = str(values["id"])
            seen.add(row_id)
            old = before.get(row_id)
            entry: dict[str, Any] = {"row": values, "base": old}
            if row_id in carried and sent_in is not None:
                values, sequence = _sent(carried[row_id], sent_in)
                entry.update(sent=values, sent_in=sequence)
            if old is None or any(
                content.canonical(values.get(key)) != content.canonical(old.get(key))
                for key in names
            ):
                found.append(entry)
        if found:
            changed[name] = found
        # in the kit, or made here and carried by an earlier return; gone from here now
        gone = sorted((set(before) | set(carried)) - seen)
        if gone:
            deleted[name] = {
                row_id: _sent(carried[row_id], 0)[0] if row_id in carried else before[row_id]
                for row_id in gone
            }
    return changed, deleted


def _sent(stored: RowValues, default: int) -> tuple[RowValues, int]:
    """A row as a return carried it, and that return's sequence (older laptops: ``default``)."""
    values = dict(stored)
    sequence = values.pop(content.SENT_IN, default)
    return values, int(sequence) if isinstance(sequence, int) else default


def return_kit(
    session: Session,
    event_id: uuid.UUID,
    passphrase: str,
    *,
    log_n: int = crypto.DEFAULT_LOG_N,
) -> bytes:
    """The encrypted return file for the office (the caller writes it and commits)."""
    access.require(session, Action.EVENTS)
    opened = opened_kit(session)
    if str(opened["event_id"]) != str(event_id):
        raise KitWrongDatabase(
            f"this laptop database holds the kit of event {opened['event_id']}, not {event_id}",
            german="Diese Laptop-Datenbank gehört zu einer anderen Veranstaltung.",
        )
    previous = int(opened.get("returns", 0))
    changed, deleted = changes(session, previous or None)
    sequence = previous + 1
    kit_id = uuid.uuid4()
    laptop = str(session.info.get("origin") or opened.get("laptop") or "")
    payload: dict[str, Any] = {
        "kind": "return",
        "kit_id": str(kit_id),
        "export_kit_id": opened["kit_id"],
        "event_id": str(event_id),
        "home": opened["home"],
        "laptop": laptop,
        "sequence": sequence,
        "schema": migrations.HEAD,
        "reference_version": content.reference_version(),
        "created_at": datetime.now(UTC).isoformat(),
        "changes": changed,
        "deleted": deleted,
    }
    sealed = crypto.seal(
        content.pack(payload),
        passphrase,
        kind=crypto.KitKind.RETURN,
        kit_id=kit_id,
        source=crypto.installation_uuid(laptop),
        home=crypto.installation_uuid(str(opened["home"])),
        log_n=log_n,
    )
    setting = _setting(session, content.KIT_SETTING)
    assert setting is not None
    setting.value = {**opened, "returns": sequence, "returned_at": payload["created_at"]}
    sent_setting = _setting(session, content.SENT_SETTING)
    carried: dict[str, dict[str, RowValues]] = {
        name: dict(rows) for name, rows in (sent_setting.value if sent_setting else {}).items()
    }
    for name, entries in changed.items():  # every row as the newest return carrying it did
        rows = carried.setdefault(name, {})
        for entry in entries:
            row = entry["row"]
            rows[str(row["id"])] = {
                **{column.name: row.get(column.name) for column in compared_columns(name)},
                content.SENT_IN: sequence,
            }
    if sent_setting is None:
        session.add(Setting(key=content.SENT_SETTING, value=carried))
    else:
        sent_setting.value = carried
    from mzdesk.core.services import outputs

    outputs.record_output(  # the laptop's own trail: what left it, and when
        session,
        outputs.OutputKind.KIT_RETURNED,
        entity="event",
        entity_id=event_id,
        output_format="mzkit",
        ids={"kit_id": kit_id},
        counts={
            "rows": sum(len(rows) for rows in changed.values()),
            "deleted": sum(len(ids) for ids in deleted.values()),
        },
    )
    log.info(
        "return %s of kit %s: %d rows, %d deleted",
        kit_id,
        opened["kit_id"],
        sum(len(rows) for rows in changed.values()),
        sum(len(ids) for ids in deleted.values()),
    )
    return sealed
