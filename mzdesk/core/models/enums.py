"""Closed sets of codes the program's logic depends on.

Open-ended lists (residence statuses, partner kinds, topics, countries …) are reference data
in resources/reference and are stored as plain codes, so they can grow without a migration.
"""

from enum import StrEnum


class LegalCategory(StrEnum):
    SGB2 = "SGB2"
    SGB3 = "SGB3"
    SGB12 = "SGB12"
    ASYLBLG = "ASYLBLG"
    NONE = "NONE"


class WorkPermission(StrEnum):
    ERWERB_ERLAUBT = "ERWERB_ERLAUBT"
    BESCH_ERLAUBT = "BESCH_ERLAUBT"
    NUR_MIT_ABH = "NUR_MIT_ABH"
    VERBOT = "VERBOT"


class BirthDatePrecision(StrEnum):
    EXACT = "exact"
    YEAR = "year"
    PLACEHOLDER = "placeholder"  # the 01.01.YYYY many refugees carry on their papers


class Sex(StrEnum):
    FEMALE = "f"
    MALE = "m"
    DIVERSE = "x"


class CaseStatus(StrEnum):
    OPEN = "open"
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class CaseSource(StrEnum):
    DESK = "desk"
    EVENT = "event"
    IMPORT = "import"


class ReferralStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DONE = "done"
    REVOKED = "revoked"


class ConsentForm(StrEnum):
    SIGNED_PAPER = "signed_paper"
    VERBAL_WITNESS = "verbal_witness"


class EventKind(StrEnum):
    JOB_FAIR = "job_fair"
    OUTREACH = "outreach"
    INFO_SESSION = "info_session"


class EventContactOutcome(StrEnum):
    TALK = "talk"
    INTERVIEW = "interview"
    APPLICATION = "application"
    HIRED = "hired"


class Role(StrEnum):
    COUNSELLOR = "counsellor"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"
