"""Referrals in a period per partner kind: outcomes (status counts) and answer times.

A referral counts in the period its ``created_on`` falls in (drafts have no send date).
Answer time: whole days from ``sent_on`` to ``answered_on``, for referrals with both; the
median comes from a per-kind histogram of days computed in SQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import SelectBase, Subquery, select
from sqlalchemy.orm import Session

from mzdesk.core import reference
from mzdesk.core.models import Partner, Referral, ReferralStatus
from mzdesk.core.stats.common import (
    DrillDown,
    UnknownFigure,
    count_all,
    days_between,
    ids_of,
    key_of,
    median_from_histogram,
    run,
    zero_filled,
)
from mzdesk.core.stats.period import Period

STATUS_KEYS = tuple(status.value for status in ReferralStatus)


def fact(session: Session, period: Period) -> Subquery:
    return (
        select(
            Referral.id.label("id"),
            Referral.status.label("status"),
            Partner.kind.label("partner_kind"),
            days_between(session, Referral.sent_on, Referral.answered_on).label("answer_days"),
        )
        .join(Partner, Partner.id == Referral.partner_id)
        .where(Referral.created_on.between(period.start, period.end))
        .subquery("referral_fact")
    )


def statements(session: Session, period: Period) -> dict[str, SelectBase]:
    base = fact(session, period)
    return {
        "by_kind_status": select(base.c.partner_kind, base.c.status, count_all()).group_by(
            base.c.partner_kind, base.c.status
        ),
        "answer_days": select(base.c.partner_kind, base.c.answer_days, count_all())
        .where(base.c.answer_days.is_not(None))
        .group_by(base.c.partner_kind, base.c.answer_days),
    }


@dataclass
class KindRow:
    key: str
    label: str
    total: int
    by_status: dict[str, int]
    answered: int
    median_answer_days: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "total": self.total,
            "by_status": dict(self.by_status),
            "answered": self.answered,
            "median_answer_days": self.median_answer_days,
        }


@dataclass
class ReferralStats:
    total: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    answered: int = 0
    median_answer_days: float | None = None
    kind_rows: list[KindRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_status": dict(self.by_status),
            "answered": self.answered,
            "median_answer_days": self.median_answer_days,
            "by_partner_kind": [row.as_dict() for row in self.kind_rows],
        }


def compute(session: Session, period: Period) -> ReferralStats:
    queries = statements(session, period)
    per_kind: dict[str, dict[str, int]] = defaultdict(dict)
    for kind, status, count in run(session, queries["by_kind_status"]):
        per_kind[key_of(kind)][key_of(status)] = int(count)
    days: dict[str, dict[int, int]] = defaultdict(dict)
    overall: dict[int, int] = defaultdict(int)
    for kind, answer_days, count in run(session, queries["answer_days"]):
        days[key_of(kind)][int(answer_days)] = int(count)
        overall[int(answer_days)] += int(count)
    stats = ReferralStats()
    totals: dict[str, int] = defaultdict(int)
    order = {code: index for index, code in enumerate(reference.codes("partner_kinds"))}
    for kind in sorted(per_kind, key=lambda k: (order.get(k, len(order)), k)):
        statuses = zero_filled(STATUS_KEYS, per_kind[kind])
        for status, count in statuses.items():
            totals[status] += count
        histogram = days.get(kind, {})
        stats.kind_rows.append(
            KindRow(
                key=kind,
                label=reference.label("partner_kinds", kind),
                total=sum(statuses.values()),
                by_status=statuses,
                answered=sum(histogram.values()),
                median_answer_days=median_from_histogram(histogram),
            )
        )
    stats.by_status = zero_filled(STATUS_KEYS, totals)
    stats.total = sum(stats.by_status.values())
    stats.answered = sum(overall.values())
    stats.median_answer_days = median_from_histogram(overall)
    return stats


def drill(session: Session, figure: str, parts: list[str], period: Period) -> DrillDown:
    base = fact(session, period)
    query = select(base.c.id).order_by(base.c.id)
    if parts == ["total"]:
        pass
    elif parts == ["answered"]:
        query = query.where(base.c.answer_days.is_not(None))
    elif len(parts) == 2 and parts[0] == "by_status" and parts[1] in STATUS_KEYS:
        query = query.where(base.c.status == ReferralStatus(parts[1]))
    elif len(parts) in (2, 3) and parts[0] == "by_partner_kind":
        query = query.where(base.c.partner_kind == parts[1])
        if len(parts) == 3:
            if parts[2] not in STATUS_KEYS:
                raise UnknownFigure(
                    f"no such figure: {figure}", german="Diese Kennzahl gibt es nicht."
                )
            query = query.where(base.c.status == ReferralStatus(parts[2]))
    else:
        raise UnknownFigure(f"no such figure: {figure}", german="Diese Kennzahl gibt es nicht.")
    return DrillDown(figure, "referrals", ids_of(session, query))
