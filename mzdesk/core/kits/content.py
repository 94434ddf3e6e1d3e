"""What a kit holds: rows per table as JSON, the schema revision, the reference data version.

Values are encoded per column type so that JSON round-trips them exactly (UUIDs and dates as
text, binary as base64, numbers with decimals as text). The three-way merge compares these
encoded values, so "the same value" means the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
import zlib
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Integer,
    LargeBinary,
    Numeric,
    Table,
    TypeDecorator,
    Uuid,
)

from mzdesk.core.kits.errors import KitDamaged
from mzdesk.core.models import Base
from mzdesk.core.resources import resource_path

Encoded = Any  # str | int | bool | None | JSON value
RowValues = dict[str, Encoded]

# Office → laptop only: what the laptop needs to work, never merged back.
REFERENCE_TABLES = ("teams", "users", "settings")
# Created or changed at an event and merged back, parents before children.
MERGED_TABLES = (
    "partners",
    "partner_contacts",
    "households",
    "persons",
    "person_nationalities",
    "person_languages",
    "residence_statuses",
    "legal_category_periods",
    "events",
    "event_partners",
    "event_organisers",
    "attendances",
    "event_contacts",
    "cases",
    "case_topics",
    "contacts",
    "follow_ups",
    "consents",
    "consent_recipients",
    "placements",
)
# Never in a kit: the office's own bookkeeping, referrals (letters are office work), and
# command-line login sessions (they never leave the machine).
NOT_IN_KITS = (
    "audit_entries",
    "kit_exports",
    "kit_merges",
    "merge_conflicts",
    "referrals",
    "cli_sessions",
)
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "updated_by", "version", "origin"})
# Computed by the flush hook from other columns (core.database): never compared, never sent.
DERIVED = {"persons": frozenset({"sort_key", "search_text"})}
# Settings that belong to one database and never travel.
LOCAL_SETTINGS = frozenset({"installation.id"})
KIT_SETTING = "kit.opened"  # on the laptop: which kit, from which office
BASE_SETTING = "kit.base"  # on the laptop: the rows as the kit brought them
SENT_SETTING = "kit.sent"  # on the laptop: each row as the last return that carried it did
SENT_IN = "__sent_in"  # in a SENT_SETTING row: the sequence of that return


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def compared_columns(name: str) -> list[Column[Any]]:
    """The columns a three-way merge compares (not bookkeeping, not derived)."""
    skip = BOOKKEEPING | DERIVED.get(name, frozenset())
    return [column for column in table(name).columns if column.name not in skip]


def sent_columns(name: str) -> list[Column[Any]]:
    skip = DERIVED.get(name, frozenset())
    return [column for column in table(name).columns if column.name not in skip]


def _kind(column: Column[Any]) -> type[Any]:
    column_type = column.type
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    for kind in (Uuid, DateTime, Date, Boolean, Numeric, Integer, LargeBinary, JSON, Enum):
        if isinstance(column_type, kind):
            return kind
    return str


def encode(column: Column[Any], value: Any) -> Encoded:
    if value is None:
        return None
    kind = _kind(column)
    if kind is Uuid:
        return str(value)
    if kind in (DateTime, Date):
        assert isinstance(value, date)
        return value.isoformat()
    if kind is Boolean:
        return bool(value)
    if kind is Numeric and not isinstance(value, int):
        return str(Decimal(value).normalize())
    if kind is Integer:
        return int(value)
    if kind is LargeBinary:
        return base64.b64encode(bytes(value)).decode("ascii")
    if kind is JSON:
        return value
    if kind is Enum:
        return str(getattr(value, "value", value))
    return str(value)


def decode(column: Column[Any], value: Encoded) -> Any:
    if value is None:
        return None
    kind = _kind(column)
    if kind is Uuid:
        return uuid.UUID(str(value))
    if kind is DateTime:
        return datetime.fromisoformat(str(value))
    if kind is Date:
        return date.fromisoformat(str(value))
    if kind is Boolean:
        return bool(value)
    if kind is Numeric:
        return Decimal(str(value))
    if kind is Integer:
        return int(value)
    if kind is LargeBinary:
        return base64.b64decode(str(value))
    if kind is Enum:
        enum_class = getattr(column.type, "enum_class", None)
        return enum_class(value) if enum_class is not None else str(value)
    return value


def encode_row(name: str, row: Any) -> RowValues:
    """A Core row (``row._mapping``) of table ``name`` as JSON-ready values."""
    mapping = row._mapping if hasattr(row, "_mapping") else row
    return {column.name: encode(column, mapping[column]) for column in sent_columns(name)}


def decode_row(name: str, values: RowValues) -> dict[str, Any]:
    """Encoded values back to Python values for an INSERT (unknown keys dropped)."""
    columns = table(name).columns
    return {key: decode(columns[key], value) for key, value in values.items() if key in columns}


def canonical(value: Encoded) -> str:
    """One text form of an encoded value, for comparing and for MergeConflict columns."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@cache
def reference_version() -> str:
    """A short hash of the shipped reference data (residence statuses, countries …)."""
    digest = hashlib.sha256()
    folder = resource_path("reference")
    for path in sorted(folder.glob("*.json")):
        digest.update(path.name.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def pack(payload: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 6)


def unpack(data: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(zlib.decompress(data).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KitDamaged(
            "the kit's content is damaged",
            german="Der Inhalt der Mappe ist beschädigt.",
        ) from exc
    if not isinstance(payload, dict):
        raise KitDamaged(
            "the kit's content is damaged", german="Der Inhalt der Mappe ist beschädigt."
        )
    return payload


def check_schema(payload: dict[str, Any]) -> None:
    """Refuse a kit written with a schema revision this mzdesk does not know."""
    from mzdesk.core import migrations
    from mzdesk.core.kits.errors import KitTooNew

    revision = str(payload.get("schema", ""))
    if revision == migrations.HEAD:
        return
    from mzdesk.core.schema import script_directory

    known = {script.revision for script in script_directory().walk_revisions()}
    if revision not in known:
        raise KitTooNew(
            f"the kit was written by a newer mzdesk (schema {revision}); update mzdesk",
            german="Die Mappe stammt von einer neueren mzdesk-Version. Bitte mzdesk aktualisieren.",
        )
