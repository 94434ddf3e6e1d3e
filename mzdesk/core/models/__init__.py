"""The one data model of mzdesk. Import models from here."""

from mzdesk.core.models.account import CliSession, Team, User
from mzdesk.core.models.audit import AuditEntry
from mzdesk.core.models.base import Base, Record
from mzdesk.core.models.case import Case, CaseTopic, Contact, FollowUp
from mzdesk.core.models.consent import Consent, ConsentRecipient
from mzdesk.core.models.enums import (
    BirthDatePrecision,
    CaseSource,
    CaseStatus,
    ConsentForm,
    EventContactOutcome,
    EventKind,
    LegalCategory,
    ReferralStatus,
    Role,
    Sex,
    WorkPermission,
)
from mzdesk.core.models.event import Attendance, Event, EventContact, EventOrganiser, EventPartner
from mzdesk.core.models.partner import Partner, PartnerContact
from mzdesk.core.models.person import (
    Household,
    LegalCategoryPeriod,
    Person,
    PersonLanguage,
    PersonNationality,
    ResidenceStatus,
)
from mzdesk.core.models.placement import Placement
from mzdesk.core.models.referral import Referral
from mzdesk.core.models.setting import Setting
from mzdesk.core.models.sync import KitExport, KitMerge, MergeConflict

__all__ = [
    "Attendance",
    "AuditEntry",
    "Base",
    "BirthDatePrecision",
    "Case",
    "CaseSource",
    "CaseStatus",
    "CaseTopic",
    "CliSession",
    "Consent",
    "ConsentForm",
    "ConsentRecipient",
    "Contact",
    "Event",
    "EventContact",
    "EventContactOutcome",
    "EventKind",
    "EventOrganiser",
    "EventPartner",
    "FollowUp",
    "Household",
    "KitExport",
    "KitMerge",
    "LegalCategory",
    "LegalCategoryPeriod",
    "MergeConflict",
    "Partner",
    "PartnerContact",
    "Person",
    "PersonLanguage",
    "PersonNationality",
    "Placement",
    "Record",
    "Referral",
    "ReferralStatus",
    "ResidenceStatus",
    "Role",
    "Setting",
    "Sex",
    "Team",
    "User",
    "WorkPermission",
]
