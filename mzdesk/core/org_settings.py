"""Organisation-wide settings stored in the database: each key declared once, with its default.

Personal GUI state (window geometry, column widths) lives in the INI file of ``mzdesk.ui.settings``;
what an admin configures for the whole organisation (letterhead, lead times, retention …) lives
here, in the ``settings`` table with ``user_id`` NULL, so every workstation of a team shares it.
Add a key by declaring one :class:`OrgKey` in ``KEYS`` below; read it with :func:`get_setting`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError
from mzdesk.core.letters import bank
from mzdesk.core.letters.content import Letterhead
from mzdesk.core.models import Setting


@dataclass(frozen=True)
class OrgKey:
    name: str  # stable, dotted, English: "followups.residence_lead_weeks"
    default: Any  # str, int, bool or a list of str; its type is the key's type
    label: str  # English label (the GUI translates its own)
    minimum: int | None = None  # for int keys
    maximum: int | None = None
    check: Callable[[str], str] | None = None  # str keys: the value cleaned, or MzdeskError


class InvalidSetting(MzdeskError):
    """A value that does not fit its key (wrong type or out of range)."""


_LETTERHEAD = Letterhead()  # its fictional defaults are the letterhead keys' defaults

KEYS: tuple[OrgKey, ...] = (
    OrgKey("letterhead.authority", _LETTERHEAD.authority, "Authority"),
    OrgKey("letterhead.organisation", _LETTERHEAD.organisation, "Organisation"),
    OrgKey("letterhead.short_name", _LETTERHEAD.short_name, "Short name (return address)"),
    OrgKey("letterhead.street", _LETTERHEAD.street, "Street"),
    OrgKey("letterhead.postcode", _LETTERHEAD.postcode, "Postcode"),
    OrgKey("letterhead.city", _LETTERHEAD.city, "City"),
    OrgKey("letterhead.phone", _LETTERHEAD.phone, "Phone"),
    OrgKey("letterhead.email", _LETTERHEAD.email, "E-mail"),
    OrgKey("letterhead.website", _LETTERHEAD.website, "Website"),
    OrgKey("letterhead.logo", "", "Logo (PNG or JPEG file)"),
    OrgKey("letterhead.bank_holder", "", "Account holder"),
    OrgKey("letterhead.bank_name", "", "Bank"),
    OrgKey("letterhead.iban", "", "IBAN", check=bank.check_iban),  # empty: none printed
    OrgKey("letterhead.bic", "", "BIC", check=bank.check_bic),
    OrgKey("followups.residence_lead_weeks", 8, "Residence documents: warn weeks ahead", 1, 52),
    OrgKey("referrals.answer_days", 14, "Referral answer deadline (days)", 1, 365),
    OrgKey("security.lock_minutes", 10, "Lock after inactivity (minutes)", 1, 240),
    OrgKey("retention.closed_case_years", 6, "Erase persons N years after last case closed", 1, 30),
    OrgKey("retention.no_case_years", 2, "Erase persons without a case after N years", 1, 30),
    OrgKey("retention.audit_years", 3, "Keep audit entries (years)", 1, 30),
    OrgKey("backup.keep_daily", 7, "Backups: keep the newest of each of the last N days", 1, 365),
    OrgKey("backup.folder", "", "Backup folder (empty: 'backups' beside the database)"),
    OrgKey("backup.passphrase_file", "", "File with the backup passphrase (empty: unencrypted)"),
    OrgKey("security.max_failed_logins", 5, "Failed logins before an account locks", 1, 50),
    OrgKey("security.lockout_minutes", 15, "Account lock after failed logins (minutes)", 1, 1440),
)

_BY_NAME = {key.name: key for key in KEYS}


def declared(name: str) -> OrgKey:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"organisation setting {name!r} is not declared") from None


def coerce(key: OrgKey, value: Any) -> Any:
    """``value`` as the key's type, or :class:`InvalidSetting` with a one-line reason."""
    default = key.default
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in ("1", "true", "yes", "ja"):
            return True
        if str(value).strip().lower() in ("0", "false", "no", "nein"):
            return False
        raise InvalidSetting(
            f"{key.name}: expected yes or no, got {value!r}",
            german=f"{key.label}: Bitte ja oder nein angeben.",
        )
    if isinstance(default, int):
        try:
            number = int(str(value).strip())
        except ValueError:
            raise InvalidSetting(
                f"{key.name}: expected a whole number, got {value!r}",
                german=f"{key.label}: Bitte eine ganze Zahl angeben.",
            ) from None
        low = key.minimum if key.minimum is not None else number
        high = key.maximum if key.maximum is not None else number
        if not low <= number <= high:
            raise InvalidSetting(
                f"{key.name}: {number} is outside {low}–{high}",
                german=f"{key.label}: Der Wert muss zwischen {low} und {high} liegen.",
            )
        return number
    if isinstance(default, list):
        items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
        return [str(item).strip() for item in items if str(item).strip()]
    text = str(value).strip()
    if key.check is not None and text:
        try:
            return key.check(text)
        except MzdeskError as error:
            raise InvalidSetting(
                f"{key.name}: {error}", german=f"{key.label}: {error.german}"
            ) from None
    return text


def get_setting(session: Session, name: str) -> Any:
    """The stored organisation-wide value of ``name``, or its declared default."""
    key = declared(name)
    stored = session.scalars(
        select(Setting.value).where(Setting.key == name, Setting.user_id.is_(None))
    ).first()
    if stored is None:
        return key.default
    try:
        return coerce(key, stored)
    except InvalidSetting:
        return key.default


def set_setting(session: Session, name: str, value: Any) -> Any:
    """Store ``value`` (checked against its key) for the whole organisation; the caller commits."""
    key = declared(name)
    checked = coerce(key, value)
    row = session.scalars(
        select(Setting).where(Setting.key == name, Setting.user_id.is_(None))
    ).first()
    if row is None:
        session.add(Setting(key=name, value=checked))
    else:
        row.value = checked
    return checked
