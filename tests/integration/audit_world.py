"""An administrator and a team lead (synthetic accounts) and an edit with 20 changes: more
than the 300 characters the audit's one-line summary keeps."""

from __future__ import annotations

import uuid

from mzdesk.core.database import Database
from mzdesk.core.models.enums import Role
from mzdesk.core.services import accounts, audit

PASSWORD = "geheim-123"
CHANGES = {
    f"field_{n:02}": {"old": f"alter Wert {n}", "new": f"neuer Wert {n}"} for n in range(1, 21)
}


def admin_and_lead(database: Database) -> tuple[uuid.UUID, uuid.UUID]:
    """(admin id, lead id); the lead, in team "Team Nord", has recorded the long edit."""
    with database.session() as session:
        admin = accounts.create_first_admin(session, "admin", PASSWORD, "Ada Admin").id
        session.commit()
    with database.session(admin) as session:
        accounts.create_team(session, "Team Nord")
        lead = accounts.create_user(
            session, "leitung", PASSWORD, role=Role.TEAM_LEAD, team="Team Nord"
        ).id
        session.commit()
    with database.session(lead) as session:
        audit.append(session, "edit", "event", entity_id=uuid.uuid4(), details={"changes": CHANGES})
        session.commit()
    return admin, lead
