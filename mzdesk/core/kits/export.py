"""``export_kit``: the office packs one event for a laptop, encrypted with a passphrase.

Only members of the event's organising team(s) may take it (``kits.rights``). The kit holds
reference data (teams, the event's organisers without any password hash, organisation
settings), the partner directory, the event with its partners, organisers, attendances and
contacts, and only the persons the event needs that the exporting user may see: its
registered attendees and invitees (often none), with their nationalities, languages and
households. Nothing else about anyone. The office keeps which persons each kit carried
(``kit_exports``): a return may change only those.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from mzdesk.core import migrations, scope
from mzdesk.core.errors import NotFound
from mzdesk.core.kits import content, crypto, rights
from mzdesk.core.kits.content import RowValues, table
from mzdesk.core.kits.errors import KitRefused
from mzdesk.core.models import Event

log = logging.getLogger(__name__)


def _rows(session: Session, name: str, where: ColumnElement[bool] | None = None) -> list[RowValues]:
    query: Select[Any] = select(table(name))
    if where is not None:
        query = query.where(where)
    return [
        content.encode_row(name, row) for row in session.execute(query.order_by(table(name).c.id))
    ]


def _in(name: str, column: str, ids: set[uuid.UUID]) -> ColumnElement[bool]:
    return table(name).c[column].in_(sorted(ids))


def collect(session: Session, event_id: uuid.UUID) -> dict[str, list[RowValues]]:
    """The rows of the kit for ``event_id``, per table: what the acting user may see."""
    if session.get(Event, event_id) is None:
        raise NotFound(f"event {event_id} not found", german="Die Veranstaltung gibt es nicht.")
    with scope.unscoped(session, scope.Purpose.KITS):  # every row checked below
        return _collect(session, event_id)


def _collect(session: Session, event_id: uuid.UUID) -> dict[str, list[RowValues]]:
    rows: dict[str, list[RowValues]] = {}
    on_event = {
        name: table(name).c.event_id == event_id
        for name in ("event_partners", "event_organisers", "attendances", "event_contacts")
    }
    rows["events"] = _rows(session, "events", table("events").c.id == event_id)
    for name, where in on_event.items():
        rows[name] = _rows(session, name, where)
    # Only the persons the exporting user may see travel; the attendances (and employer
    # contacts) of the others stay at the office. Anonymous head counts travel.
    attending = {uuid.UUID(row["person_id"]) for row in rows["attendances"] if row["person_id"]}
    person_ids = rights.visible_persons_among(session, attending)
    rows["attendances"] = [
        row
        for row in rows["attendances"]
        if not row["person_id"] or uuid.UUID(row["person_id"]) in person_ids
    ]
    kept = {row["id"] for row in rows["attendances"]}
    rows["event_contacts"] = [row for row in rows["event_contacts"] if row["attendance_id"] in kept]
    organisers = {uuid.UUID(row["user_id"]) for row in rows["event_organisers"]}
    event_partners = {uuid.UUID(row["partner_id"]) for row in rows["event_partners"]}
    rows["teams"] = _rows(session, "teams")
    rows["users"] = rights.no_password(_rows(session, "users", _in("users", "id", organisers)))
    settings = table("settings").c
    rows["settings"] = [
        row
        for row in _rows(session, "settings", settings.user_id.is_(None))
        if row["key"] not in content.LOCAL_SETTINGS and not str(row["key"]).startswith("kit.")
    ]
    rows["partners"] = _rows(session, "partners")
    rows["partner_contacts"] = _rows(
        session, "partner_contacts", _in("partner_contacts", "partner_id", event_partners)
    )
    rows["persons"] = _rows(session, "persons", _in("persons", "id", person_ids))
    households = {uuid.UUID(row["household_id"]) for row in rows["persons"] if row["household_id"]}
    rows["households"] = _rows(session, "households", _in("households", "id", households))
    for name in ("person_nationalities", "person_languages"):
        rows[name] = _rows(session, name, _in(name, "person_id", person_ids))
    return rows


def export_kit(
    session: Session,
    event_id: uuid.UUID,
    passphrase: str,
    *,
    log_n: int = crypto.DEFAULT_LOG_N,
) -> bytes:
    """The encrypted kit for ``event_id`` (the caller writes it to a file)."""
    rights.require_organiser(session, event_id)
    home = str(session.info.get("origin") or "")
    if not home:
        raise KitRefused(
            "this database has no installation id (run 'mzdesk db upgrade' first)",
            german="Diese Datenbank hat keine Installationskennung (zuerst aktualisieren).",
        )
    rows = collect(session, event_id)
    kit_id = uuid.uuid4()
    rights.record_export(session, kit_id, event_id, (row["id"] for row in rows["persons"]))
    payload: dict[str, Any] = {
        "kind": "export",
        "kit_id": str(kit_id),
        "event_id": str(event_id),
        "home": home,
        "schema": migrations.HEAD,
        "reference_version": content.reference_version(),
        "created_at": datetime.now(UTC).isoformat(),
        "rows": rows,
    }
    sealed = crypto.seal(
        content.pack(payload),
        passphrase,
        kind=crypto.KitKind.EXPORT,
        kit_id=kit_id,
        source=crypto.installation_uuid(home),
        home=crypto.installation_uuid(home),
        log_n=log_n,
    )
    from mzdesk.core.services import outputs

    outputs.record_output(  # before the kit leaves (the caller commits)
        session,
        outputs.OutputKind.KIT_EXPORTED,
        entity="event",
        entity_id=event_id,
        output_format="mzkit",
        categories=["IDENTITY", "CONTACT", "LANGUAGES"] if rows["persons"] else [],
        ids={"kit_id": kit_id},
        counts={"persons": len(rows["persons"]), "attendances": len(rows["attendances"])},
    )
    log.info(
        "kit %s exported for event %s: %d persons, %d attendances",
        kit_id,
        event_id,
        len(rows["persons"]),
        len(rows["attendances"]),
    )
    return sealed
