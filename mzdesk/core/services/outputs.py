"""Everything that leaves mzdesk is recorded here: one audit entry per output, before it leaves.

An *output* is data about persons (or figures about them) that goes out of the application: a
referral letter printed, saved as PDF or written by the CLI, a consent form printed, statistics
exported, an event's attendance or employer list, an Art. 15 export, an event kit, a
counsellor's follow-up, contact or client list (``desk_lists``). The core function that
produces the output calls :func:`record_output` in the caller's session, and the caller commits
before (printing) or together with (a file written) handing the output over; the window and
the CLI never produce an output past this module.

An entry says **what** (the kind: the audit action; the format; the data categories it
carries; the ids of the records), **to whom** (the partner's id for letters) and **by whom**
(the acting user, taken from the session by :func:`audit.append`). Its details hold ids, codes,
counts and dates only, never names, addresses or free text: :func:`record_output` takes typed
arguments and refuses anything else, so a caller cannot slip personal data into the trail.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from mzdesk.core import reference
from mzdesk.core.errors import MzdeskError
from mzdesk.core.models import AuditEntry

log = logging.getLogger(__name__)


class OutputKind(StrEnum):
    """The audit action of each kind of output (the Protokoll names each in German)."""

    LETTER_PRINTED = "letter_printed"  # a draft's letter (consent or exception) printed
    LETTER_SAVED = "letter_saved"  # a referral letter saved as PDF (window or CLI)
    LETTER_REPRINTED = "letter_reprinted"  # the stored letter of a sent referral printed
    LETTER_BATCH_PRINTED = "letter_batch_printed"  # printed with today's letters
    CONSENT_FORM_PRINTED = "consent_form_printed"
    CONSENT_FORM_SAVED = "consent_form_saved"
    STATISTICS_EXPORTED = "statistics_exported"
    ATTENDANCE_LIST = "attendance_list"
    EMPLOYER_LIST = "employer_list"
    FOLLOW_UP_LIST = "follow_up_list"  # a counsellor's Wiedervorlagen printed or saved
    CONTACT_LIST = "contact_list"  # a counsellor's contacts of a day or week
    CLIENT_LIST = "client_list"  # the client list as filtered in the window
    PRIVACY_EXPORT = "privacy_export"  # Art. 15 GDPR: everything about one person
    KIT_EXPORTED = "kit_exported"
    KIT_RETURNED = "kit_returned"  # the laptop's return file for the office


class Channel(StrEnum):
    """Where the output was asked for: the window (default) or a CLI command."""

    WINDOW = "window"
    CLI = "cli"


_CHANNEL: ContextVar[Channel] = ContextVar("mzdesk_output_channel", default=Channel.WINDOW)


@contextmanager
def via(channel: Channel) -> Iterator[None]:
    """Outputs recorded inside come from ``channel`` (the CLI wraps each command in it)."""
    token = _CHANNEL.set(channel)
    try:
        yield
    finally:
        _CHANNEL.reset(token)


def current_channel() -> Channel:
    return _CHANNEL.get()


# The formats an output may have (the Protokoll shows them as Excel, CSV, PDF …); "print" is
# paper, "json_pdf" the Art. 15 bundle (JSON and PDF).
FORMATS = frozenset({"pdf", "xlsx", "csv", "json_pdf", "mzkit", "print"})


class OutputRefused(MzdeskError):
    """An output that may not happen as asked (the reason names no personal data)."""


def _checked_categories(categories: Iterable[str]) -> list[str]:
    known = reference.codes("data_categories")
    wanted = {str(code).upper() for code in categories}
    unknown = sorted(wanted - set(known))
    if unknown:
        raise ValueError(f"unknown data categories {unknown}")
    return [code for code in known if code in wanted]


def record_output(
    session: Session,
    kind: OutputKind,
    *,
    entity: str,
    entity_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    partner_id: uuid.UUID | None = None,
    output_format: str = "pdf",
    categories: Iterable[str] = (),
    ids: Mapping[str, uuid.UUID | None] | None = None,
    counts: Mapping[str, int] | None = None,
    codes: Mapping[str, str | None] | None = None,
    period: tuple[date, date] | None = None,
) -> AuditEntry:
    """Append the audit entry of one output to ``session`` (the caller commits).

    ``ids`` are further record ids (consent, kit, event …), ``counts`` numbers (persons, rows),
    ``codes`` short codes (a letter's purpose); nothing else enters the details. The channel
    (window or CLI) comes from :func:`via`.
    """
    if not isinstance(kind, OutputKind):
        raise TypeError(f"not an output kind: {kind!r}")
    if output_format not in FORMATS:
        raise ValueError(f"unknown output format {output_format!r}")
    details: dict[str, Any] = {"format": output_format, "via": current_channel().value}
    if partner_id is not None:
        details["partner_id"] = partner_id
    checked = _checked_categories(categories)
    if checked:
        details["categories"] = checked
    for key, value in (ids or {}).items():
        if value is not None and not isinstance(value, uuid.UUID):
            raise TypeError(f"{key}: an id must be a UUID")
        details[key] = value
    for key, number in (counts or {}).items():
        if not isinstance(number, int) or isinstance(number, bool):
            raise TypeError(f"{key}: a count must be an int")
        details[key] = number
    for key, code in (codes or {}).items():
        if code is not None and not (
            isinstance(code, str) and len(code) <= 32 and code.replace("_", "").isalnum()
        ):
            raise ValueError(f"{key}: a code is a short word of letters, digits and _")
        details[key] = code
    if period is not None:
        details["period_start"], details["period_end"] = period
    from mzdesk.core.services import audit  # here: every command line enters ``via``

    entry = audit.append(
        session,
        kind.value,
        entity,
        entity_id=entity_id,
        person_id=person_id,
        details=details,
    )
    log.info("output %s of %s %s recorded", kind.value, entity, entity_id)
    return entry


def record_consent_form(
    session: Session,
    person_id: uuid.UUID,
    consent_id: uuid.UUID | None,
    *,
    printed: bool,
) -> AuditEntry:
    """The consent form for signature printed or saved (blank, or filled from a consent).

    The form names the person and their birth date, and the scope of the consent if filled.
    """
    from mzdesk.core import access
    from mzdesk.core.models import Consent

    access.require(session, access.Action.REFER, person_id=person_id)
    categories: list[str] = ["IDENTITY"]
    if consent_id is not None:
        consent = session.get(Consent, consent_id)
        if consent is None or consent.person_id != person_id:
            raise OutputRefused(
                "that consent belongs to another person",
                german="Diese Einwilligung gehört zu einer anderen Person.",
            )
    return record_output(
        session,
        OutputKind.CONSENT_FORM_PRINTED if printed else OutputKind.CONSENT_FORM_SAVED,
        entity="person",
        entity_id=person_id,
        person_id=person_id,
        output_format="print" if printed else "pdf",
        categories=categories,
        ids={"consent_id": consent_id},
    )
