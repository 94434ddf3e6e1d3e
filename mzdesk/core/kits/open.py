"""``open_kit``: the laptop's local database, created from an export kit.

The new database gets the current schema and every row of the kit with its id, version and
origin. Two settings remember the kit: ``kit.opened`` (kit id, event, the office installation)
and ``kit.base`` (each row's compared values as they arrived), so that ``return_kit`` can send
what changed together with the values it changed from, for the office's three-way merge.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mzdesk.core import schema
from mzdesk.core.database import Database
from mzdesk.core.kits import content, crypto
from mzdesk.core.kits.content import MERGED_TABLES, RowValues, compared_columns
from mzdesk.core.kits.errors import KitRefused, KitWrongDatabase
from mzdesk.core.kits.rows import insert_rows
from mzdesk.core.models import Base, Setting

log = logging.getLogger(__name__)


@dataclass
class OpenReport:
    kit_id: uuid.UUID
    event_id: uuid.UUID
    database: str
    rows: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kit_id": str(self.kit_id),
            "event_id": str(self.event_id),
            "database": self.database,
            "rows": dict(self.rows),
        }


def decrypt_export(data: bytes, passphrase: str) -> tuple[crypto.KitHeader, dict[str, Any]]:
    header = crypto.read_header(data)
    if header.kind is not crypto.KitKind.EXPORT:
        raise KitRefused(
            "this is a returned kit: merge it at the office with 'mzdesk event merge-kit'",
            german="Das ist eine zurückgegebene Mappe: Sie wird im Büro zusammengeführt.",
        )
    header, plaintext = crypto.unseal(data, passphrase)
    payload = content.unpack(plaintext)
    content.check_schema(payload)
    return header, payload


def base_snapshot(rows: dict[str, list[RowValues]]) -> dict[str, dict[str, RowValues]]:
    """Per merged table: row id → the compared values as the kit brought them."""
    snapshot: dict[str, dict[str, RowValues]] = {}
    for name in MERGED_TABLES:
        names = [column.name for column in compared_columns(name)]
        snapshot[name] = {
            str(row["id"]): {key: row.get(key) for key in names} for row in rows.get(name, [])
        }
    return snapshot


def open_kit(data: bytes, passphrase: str, target_url: str) -> OpenReport:
    """Create the laptop database at ``target_url`` (new or empty) from an export kit."""
    header, payload = decrypt_export(data, passphrase)
    rows: dict[str, list[RowValues]] = payload.get("rows", {})
    database = Database(target_url, create=True)
    try:
        if schema.state(database) is not schema.SchemaState.EMPTY:
            raise KitWrongDatabase(
                f"{database.display_url} is not empty: open a kit into a new database",
                german="Die Zieldatenbank ist nicht leer: Eine Mappe wird in eine neue "
                "Datenbank geöffnet.",
            )
        schema.upgrade(database)
        laptop = database.installation_id
        report = OpenReport(
            kit_id=header.kit_id,
            event_id=uuid.UUID(str(payload["event_id"])),
            database=database.display_url,
        )
        with database.session() as session:
            for table in Base.metadata.sorted_tables:
                if rows.get(table.name):
                    report.rows[table.name] = insert_rows(session, table.name, rows[table.name])
            opened = {
                "kit_id": str(header.kit_id),
                "event_id": str(payload["event_id"]),
                "home": str(payload["home"]),
                "laptop": laptop,
                "schema": payload.get("schema"),
                "reference_version": payload.get("reference_version"),
                "opened_at": datetime.now(UTC).isoformat(),
                "returns": 0,
            }
            session.add(Setting(key=content.KIT_SETTING, value=opened))
            session.add(Setting(key=content.BASE_SETTING, value=base_snapshot(rows)))
            session.commit()
    finally:
        database.close()
    log.info("kit %s opened: %d rows", header.kit_id, sum(report.rows.values()))
    return report
