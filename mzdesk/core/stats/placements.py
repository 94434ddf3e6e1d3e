"""Placements in a period: into work, into training, refugees, and their breakdowns.

A placement counts in the period its start date falls in, once per placement: events, not
persons (the SGB II integration indicator's rule) — a person placed twice counts twice.
Legal category, residence status and refugee flag are the snapshot taken at the start date.

Every figure is one GROUP BY over the same "fact" subquery (one row per placement in the
period with the columns figures group by); the drill-down selects the ids from that subquery
with the same condition, so a figure and its list of placements cannot disagree.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Select,
    SelectBase,
    String,
    Subquery,
    case,
    cast,
    distinct,
    func,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from mzdesk.core import reference
from mzdesk.core.models import Case, LegalCategory, PersonNationality, Placement, Team, User
from mzdesk.core.stats.common import (
    UNKNOWN,
    BreakdownRow,
    DrillDown,
    UnknownFigure,
    as_uuid,
    count_all,
    ids_of,
    key_of,
    run,
    zero_filled,
)
from mzdesk.core.stats.period import Period

LEGAL_CATEGORY_KEYS = tuple(category.value for category in LegalCategory)
GROUPS = ("work", "training", "course", "recognition")


def kind_groups() -> dict[str, str]:
    return {
        item.code: str(item.extra.get("group", "")) for item in reference.items("placement_kinds")
    }


def indicator_kinds() -> tuple[str, ...]:
    """Kinds the SGB II integration indicator counts (insured work, self-employment, training)."""
    return tuple(
        item.code for item in reference.items("placement_kinds") if item.extra.get("sgb2_indicator")
    )


def kinds_of(group: str) -> tuple[str, ...]:
    return tuple(code for code, found in kind_groups().items() if found == group)


def _fact_select(period: Period) -> Select[Any]:
    """One row per placement starting in ``period`` with everything the figures group by."""
    first_nationality = (
        select(PersonNationality.country_code)
        .where(PersonNationality.person_id == Placement.person_id)
        .order_by(PersonNationality.position, PersonNationality.country_code)
        .limit(1)
        .correlate(Placement)
        .scalar_subquery()
    )
    return (
        select(
            Placement.id.label("id"),
            Placement.person_id.label("person_id"),
            Placement.kind.label("kind"),
            case((Placement.kind.in_(kinds_of("work")), 1), else_=0).label("work"),
            case((Placement.kind.in_(kinds_of("training")), 1), else_=0).label("training"),
            case((Placement.refugee_at_start, 1), else_=0).label("refugee"),
            Placement.legal_category_at_start.label("legal_category"),
            Placement.residence_status_at_start.label("residence_status"),
            first_nationality.label("nationality"),
            Placement.counsellor_id.label("counsellor_id"),
            func.coalesce(Case.team_id, User.team_id).label("team_id"),
        )
        .select_from(Placement)
        .outerjoin(Case, Case.id == Placement.case_id)
        .outerjoin(User, User.id == Placement.counsellor_id)
        .where(Placement.starts_on.between(period.start, period.end))
    )


def fact(period: Period) -> Subquery:
    return _fact_select(period).subquery("placement_fact")


DIMENSIONS = (
    "kind",
    "legal_category",
    "residence_status",
    "nationality",
    "counsellor_id",
    "team_id",
)


def statements(period: Period) -> dict[str, SelectBase]:
    """The SQL aggregate behind the placement figures (also the benchmark's raw baseline).

    The placements of the period are read once (a CTE); each breakdown is a GROUP BY over it,
    glued together with UNION ALL — GROUPING SETS by hand, as SQLite has none. Rows:
    (dimension, key as text, total, work, training, refugees); "persons" carries the number of
    distinct persons in ``total``.
    """
    base = _fact_select(period).cte("placement_fact")
    parts: list[Any] = [
        select(
            literal("persons").label("dimension"),
            cast(null(), String).label("key"),
            func.count(distinct(base.c.person_id)).label("total"),
            literal(0).label("work"),
            literal(0).label("training"),
            literal(0).label("refugees"),
        )
    ]
    for dimension in DIMENSIONS:
        column = base.c[dimension]
        parts.append(
            select(
                literal(dimension).label("dimension"),
                cast(column, String).label("key"),
                count_all().label("total"),
                func.coalesce(func.sum(base.c.work), 0).label("work"),
                func.coalesce(func.sum(base.c.training), 0).label("training"),
                func.coalesce(func.sum(base.c.refugee), 0).label("refugees"),
            ).group_by(column)
        )
    return {"placements": union_all(*parts)}


@dataclass
class PlacementStats:
    total: int = 0
    work: int = 0
    training: int = 0
    course: int = 0
    recognition: int = 0
    sgb2_indicator: int = 0
    refugees: int = 0
    refugees_work_and_training: int = 0
    persons: int = 0
    legal_category_unknown: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    refugees_by_kind: dict[str, int] = field(default_factory=dict)
    by_legal_category: dict[str, int] = field(default_factory=dict)
    legal_category_rows: list[BreakdownRow] = field(default_factory=list)
    residence_status_rows: list[BreakdownRow] = field(default_factory=list)
    nationality_rows: list[BreakdownRow] = field(default_factory=list)
    counsellor_rows: list[BreakdownRow] = field(default_factory=list)
    team_rows: list[BreakdownRow] = field(default_factory=list)

    @property
    def work_and_training(self) -> int:
        return self.work + self.training

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "work": self.work,
            "training": self.training,
            "work_and_training": self.work_and_training,
            "course": self.course,
            "recognition": self.recognition,
            "sgb2_indicator": self.sgb2_indicator,
            "refugees": self.refugees,
            "refugees_work_and_training": self.refugees_work_and_training,
            "persons": self.persons,
            "by_kind": dict(self.by_kind),
            "by_legal_category": dict(self.by_legal_category),
            "legal_category_unknown": self.legal_category_unknown,
            "by_legal_category_detail": [row.as_dict() for row in self.legal_category_rows],
            "by_residence_status": [row.as_dict() for row in self.residence_status_rows],
            "by_nationality": [row.as_dict() for row in self.nationality_rows],
            "by_counsellor": [row.as_dict() for row in self.counsellor_rows],
            "by_team": [row.as_dict() for row in self.team_rows],
        }


def _rows(found: Sequence[Any], labels: dict[str, str]) -> list[BreakdownRow]:
    rows = [
        BreakdownRow(
            key=key_of(value),
            label=labels.get(key_of(value), key_of(value)),
            total=int(total),
            work=int(work),
            training=int(training),
            refugees=int(refugees),
        )
        for value, total, work, training, refugees in found
    ]
    rows.sort(key=lambda row: (row.key == UNKNOWN, -row.total, row.label))
    return rows


def _uuid_key(value: object) -> object:
    """A UUID read back as text (SQLite: 32 hex digits, PostgreSQL: canonical) → UUID."""
    return None if value is None else uuid.UUID(str(value))


def _names(session: Session, model: type[User] | type[Team], ids: list[str]) -> dict[str, str]:
    wanted = [uuid.UUID(i) for i in ids if i != UNKNOWN]
    if not wanted:
        return {}
    column = User.display_name if model is User else Team.name
    found = session.execute(select(model.id, column).where(model.id.in_(wanted))).all()
    return {str(row_id): str(name) for row_id, name in found}


def compute(session: Session, period: Period) -> PlacementStats:
    grouped: dict[str, list[tuple[Any, int, int, int, int]]] = defaultdict(list)
    for dimension, key, total, work, training, refugees in run(
        session, statements(period)["placements"]
    ):
        value = _uuid_key(key) if dimension in ("counsellor_id", "team_id") else key
        grouped[str(dimension)].append((value, int(total), int(work), int(training), int(refugees)))
    stats = PlacementStats()
    groups = kind_groups()
    by_kind = {str(kind): total for kind, total, _w, _t, _r in grouped["kind"]}
    refugees_by_kind = {str(kind): refugees for kind, _n, _w, _t, refugees in grouped["kind"]}
    stats.by_kind = zero_filled(reference.codes("placement_kinds"), by_kind)
    stats.refugees_by_kind = zero_filled(reference.codes("placement_kinds"), refugees_by_kind)
    stats.total = sum(by_kind.values())
    stats.refugees = sum(refugees_by_kind.values())
    for group in GROUPS:
        setattr(stats, group, sum(n for k, n in by_kind.items() if groups.get(k) == group))
    indicator = indicator_kinds()
    stats.sgb2_indicator = sum(n for k, n in by_kind.items() if k in indicator)
    stats.refugees_work_and_training = sum(
        n for k, n in refugees_by_kind.items() if groups.get(k) in ("work", "training")
    )
    stats.persons = sum(row[1] for row in grouped["persons"])

    category_labels = {item.code: item.de for item in reference.items("legal_categories")}
    category_labels[UNKNOWN] = "unbekannt"
    category_rows = _rows(grouped["legal_category"], category_labels)
    counts = {row.key: row.total for row in category_rows}
    stats.legal_category_unknown = counts.pop(UNKNOWN, 0)
    stats.by_legal_category = {key: counts.get(key, 0) for key in LEGAL_CATEGORY_KEYS}
    present = {row.key: row for row in category_rows}
    stats.legal_category_rows = [
        present.get(key) or BreakdownRow(key, category_labels.get(key, key), 0, 0, 0, 0)
        for key in (*LEGAL_CATEGORY_KEYS, *([UNKNOWN] if UNKNOWN in present else []))
    ]

    status_labels = {item.code: item.de for item in reference.items("residence_statuses")}
    status_labels[UNKNOWN] = "unbekannt"
    stats.residence_status_rows = _rows(grouped["residence_status"], status_labels)
    country_labels = {item.code: item.de for item in reference.items("countries")}
    country_labels[UNKNOWN] = "unbekannt"
    stats.nationality_rows = _rows(grouped["nationality"], country_labels)
    found = grouped["counsellor_id"]
    names = _names(session, User, [key_of(row[0]) for row in found])
    stats.counsellor_rows = _rows(found, {**names, UNKNOWN: "ohne Berater/in"})
    found = grouped["team_id"]
    names = _names(session, Team, [key_of(row[0]) for row in found])
    stats.team_rows = _rows(found, {**names, UNKNOWN: "ohne Team"})
    return stats


_DIMENSION_OF_KEY = {
    "by_legal_category": "legal_category",
    "by_residence_status": "residence_status",
    "by_nationality": "nationality",
    "by_counsellor": "counsellor_id",
    "by_team": "team_id",
}


def drill(session: Session, figure: str, parts: list[str], period: Period) -> DrillDown:
    """Placement ids behind ``placements.<parts>`` (see ``mzdesk.core.stats.drill_down``)."""
    base = fact(period)
    query = select(base.c.id).order_by(base.c.id)
    head = parts[0] if parts else ""
    if head == "total" and len(parts) == 1:
        pass
    elif head in ("work", "training", "course", "recognition") and len(parts) == 1:
        query = query.where(base.c.kind.in_(kinds_of(head)))
    elif head == "work_and_training" and len(parts) == 1:
        query = query.where(base.c.kind.in_(kinds_of("work") + kinds_of("training")))
    elif head == "sgb2_indicator" and len(parts) == 1:
        query = query.where(base.c.kind.in_(indicator_kinds()))
    elif head == "refugees" and len(parts) == 1:
        query = query.where(base.c.refugee == 1)
    elif head == "refugees_work_and_training" and len(parts) == 1:
        query = query.where(
            base.c.refugee == 1, base.c.kind.in_(kinds_of("work") + kinds_of("training"))
        )
    elif head == "legal_category_unknown" and len(parts) == 1:
        query = query.where(base.c.legal_category.is_(None))
    elif head == "by_kind" and len(parts) == 2:
        query = query.where(base.c.kind == parts[1])
    elif head in _DIMENSION_OF_KEY and len(parts) == 2:
        column = base.c[_DIMENSION_OF_KEY[head]]
        value: object = parts[1]
        if head in ("by_counsellor", "by_team"):
            value = as_uuid(parts[1])
        elif value == UNKNOWN:
            value = None
        query = query.where(column.is_(None) if value is None else column == value)
    else:
        raise UnknownFigure(f"no such figure: {figure}", german="Diese Kennzahl gibt es nicht.")
    return DrillDown(figure, "placements", ids_of(session, query))
