"""An audit entry with many changes: leads get all its details (not a JSON text cut after 300
characters), admins only the field names; on SQLite and PostgreSQL."""

from __future__ import annotations

from mzdesk.core.database import Database
from mzdesk.core.services import audit
from tests.integration.audit_world import CHANGES, admin_and_lead


def test_a_long_change_reaches_the_lead_whole(database: Database) -> None:
    admin, lead = admin_and_lead(database)
    where = audit.AuditFilter(action="edit")
    with database.session(lead) as session:
        (row,) = audit.list_entries(session, where)
    assert len(row.details) == 300 and row.details.endswith("…")  # the one-line summary
    assert row.values == {"changes": CHANGES}
    assert row.values["changes"]["field_20"]["new"] == "neuer Wert 20"
    with database.session(admin) as session:
        (row,) = audit.list_entries(session, where)
    assert row.details == "changes" and row.values is None  # no case contents for admins
