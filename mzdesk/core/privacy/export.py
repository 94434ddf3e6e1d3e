"""Art. 15 GDPR: everything held about a person, as JSON and as a readable German PDF.

``export_person`` collects every row about the person (:mod:`.collect`): the person and the
records merged into it, histories, cases with topics, contacts (*including* the internal
notes: they are the person's data), follow-ups, consents, referrals (the letter's SHA-256 and
size, not its bytes), placements, attendances and employer contacts at events, and the audit
entries about them (who viewed, changed, exported what, and when). Partner, user, event and
team ids are resolved to names in ``names``.

The export itself is audited (``privacy_export``, ids and formats only). The CLI writes two
files side by side, ``F.json`` and ``F.pdf`` (see :func:`output_paths`): the PDF is for the
person, the JSON for a machine; both contain social data and are handed over in person or
encrypted.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core import access
from mzdesk.core.access import Action
from mzdesk.core.files import private_dir, write_file
from mzdesk.core.models import Event, Partner, Team, User
from mzdesk.core.privacy.collect import DERIVED_PERSON_COLUMNS, PersonRecords, collect
from mzdesk.core.services import outputs

log = logging.getLogger(__name__)

FORMAT = "mzdesk-art15-export"
FORMAT_VERSION = 1
SUFFIXES = (".json", ".pdf", ".zip")


@dataclass(frozen=True)
class PersonExport:
    person_id: uuid.UUID
    document: dict[str, Any]  # the JSON document
    pdf: bytes

    def json_bytes(self) -> bytes:
        return json.dumps(self.document, ensure_ascii=False, indent=2).encode("utf-8")


def _names(session: Session, records: PersonRecords) -> dict[str, dict[str, Any]]:
    partner_ids: set[str] = set()
    user_ids: set[str] = set()
    event_ids: set[str] = set()
    team_ids: set[str] = set()
    for rows in records.tables.values():
        for row in rows:
            for key, value in row.items():
                if not isinstance(value, str) or not value:
                    continue
                if key == "partner_id":
                    partner_ids.add(value)
                elif key == "event_id":
                    event_ids.add(value)
                elif key == "team_id":
                    team_ids.add(value)
                elif key in (
                    "user_id",
                    "counsellor_id",
                    "assigned_to_id",
                    "recorded_by_id",
                    "created_by_id",
                    "override_by_id",
                    "updated_by",
                ):
                    user_ids.add(value)

    def ids(values: set[str]) -> list[uuid.UUID]:
        return [uuid.UUID(value) for value in sorted(values)]

    partners = {
        str(pid): name
        for pid, name in session.execute(
            select(Partner.id, Partner.name).where(Partner.id.in_(ids(partner_ids)))
        )
    }
    users = {
        str(uid): {"username": username, "display_name": display}
        for uid, username, display in session.execute(
            select(User.id, User.username, User.display_name).where(User.id.in_(ids(user_ids)))
        )
    }
    events = {
        str(eid): {"name": name, "starts_on": starts.isoformat(), "place": place}
        for eid, name, starts, place in session.execute(
            select(Event.id, Event.name, Event.starts_on, Event.place).where(
                Event.id.in_(ids(event_ids))
            )
        )
    }
    teams = {
        str(tid): name
        for tid, name in session.execute(
            select(Team.id, Team.name).where(Team.id.in_(ids(team_ids)))
        )
    }
    return {"partners": partners, "users": users, "events": events, "teams": teams}


def build_document(session: Session, records: PersonRecords) -> dict[str, Any]:
    tables = {name: rows for name, rows in records.tables.items()}
    persons = [
        {key: value for key, value in row.items() if key not in DERIVED_PERSON_COLUMNS}
        for row in tables.pop("persons")
    ]
    main = next(row for row in persons if row["id"] == str(records.person_id))
    merged = [row for row in persons if row["id"] != str(records.person_id)]
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "person_id": str(records.person_id),
        "person": main,
        "merged_records": merged,
        "records": tables,
        "names": _names(session, records),
    }


def export_person(session: Session, person_id: uuid.UUID) -> PersonExport:
    """Everything about the person as JSON and PDF; appends the audit entry (caller commits)."""
    access.require(session, Action.PRIVACY, person_id=person_id)
    records = collect(session, person_id)
    document = build_document(session, records)
    from mzdesk.core.privacy.export_pdf import render_export_pdf

    pdf = render_export_pdf(document)
    outputs.record_output(
        session,
        outputs.OutputKind.PRIVACY_EXPORT,
        entity="person",
        entity_id=person_id,
        person_id=person_id,
        output_format="json_pdf",
        counts=records.count(),
    )
    log.info("art. 15 export of person %s (%d tables)", person_id, len(records.count()))
    return PersonExport(person_id=person_id, document=document, pdf=pdf)


def output_paths(output: Path) -> tuple[Path, Path]:
    """``-o F``: ``F.json`` and ``F.pdf`` (a ``.json``/``.pdf``/``.zip`` suffix is replaced)."""
    base = output.with_suffix("") if output.suffix.lower() in SUFFIXES else output
    return base.with_name(base.name + ".json"), base.with_name(base.name + ".pdf")


def write_export(export: PersonExport, output: Path) -> tuple[Path, Path]:
    json_path, pdf_path = output_paths(output)
    private_dir(json_path.parent)
    write_file(json_path, export.json_bytes())
    try:
        write_file(pdf_path, export.pdf)
    except BaseException:  # not half an export (the JSON alone) left behind
        json_path.unlink(missing_ok=True)
        raise
    return json_path, pdf_path
