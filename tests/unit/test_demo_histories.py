"""Demo residence status and legal category histories fit each other (no database)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from mzdesk.core import reference
from mzdesk.core.demo.context import DemoContext
from mzdesk.core.demo.histories import (
    CategoryPeriod,
    Pathway,
    StatusPeriod,
    allowed_categories,
    category_at,
    category_history,
    parse_pathway,
    status_at,
    status_history,
)
from mzdesk.core.demo.profiles import profiles
from mzdesk.core.models.enums import LegalCategory, WorkPermission

PATHWAYS = sorted(
    {pathway for profile, _ in profiles() for pathway in profile.pathways.options},
    key=lambda pathway: [step.status for step in pathway],
)


Histories = tuple[DemoContext, list[StatusPeriod], list[CategoryPeriod]]


def _histories(seed: int, pathway: Pathway | str, arrival: date, birth: date) -> Histories:
    ctx = DemoContext.from_seed(seed)
    steps = parse_pathway(pathway) if isinstance(pathway, str) else pathway
    statuses = status_history(ctx, steps, arrival)
    return ctx, statuses, category_history(ctx, statuses, arrival, birth)


@pytest.mark.parametrize("pathway", PATHWAYS, ids=lambda p: "-".join(s.status for s in p))
def test_every_day_has_a_status_and_a_fitting_legal_category(pathway: Pathway) -> None:
    for seed in range(40):
        arrival = date(2014, 6, 1) + timedelta(days=seed * 97)
        ctx, statuses, categories = _histories(seed, pathway, arrival, date(1990, 5, 5))
        assert statuses[0].valid_from == arrival
        assert categories[0].valid_from == arrival
        assert categories[-1].valid_until is None
        for before, after in itertools.pairwise(statuses):
            assert before.valid_until == after.valid_from - timedelta(days=1)
        for earlier, later in itertools.pairwise(categories):
            assert earlier.valid_until == later.valid_from - timedelta(days=1)
            assert earlier.category is not later.category
        day = arrival
        while day <= ctx.today:
            status = status_at(statuses, day)
            category = category_at(categories, day)
            assert status is not None and category is not None, day
            assert category in allowed_categories(status.status), (status.status, category, day)
            day += timedelta(days=11)


def test_recognition_moves_asylum_benefits_to_sgb2_on_the_same_day() -> None:
    moved = 0
    for seed in range(60):
        _, statuses, categories = _histories(
            seed, "GEST!:3 GEST:3-14 AE_25_2", date(2016, 1, 10), date(1985, 3, 3)
        )
        assert [s.status for s in statuses] == ["GEST", "GEST", "AE_25_2"]
        recognised = statuses[2].valid_from
        assert category_at(categories, recognised - timedelta(days=1)) is LegalCategory.ASYLBLG
        assert category_at(categories, recognised) is LegalCategory.SGB2
        moved += 1
    assert moved == 60


def test_work_is_banned_during_the_first_months_of_the_asylum_procedure() -> None:
    _, statuses, _ = _histories(3, "GEST!:3 GEST:3-14 AE_25_2", date(2016, 1, 10), date(1985, 3, 3))
    first, second, third = statuses
    assert first.work_permission is WorkPermission.VERBOT
    assert first.valid_until == date(2016, 4, 9)
    assert second.work_permission is WorkPermission.NUR_MIT_ABH
    assert third.work_permission is WorkPermission.ERWERB_ERLAUBT


def test_work_permission_is_the_usual_one_of_the_status_unless_banned() -> None:
    statuses_ref = reference.by_code("residence_statuses")
    for pathway in PATHWAYS:
        _, statuses, _ = _histories(1, pathway, date(2015, 2, 1), date(1980, 1, 1))
        for period in statuses:
            usual = statuses_ref[period.status].extra["work"]
            assert period.work_permission in (WorkPermission.VERBOT, WorkPermission(usual))


def test_ukrainians_move_from_asylum_benefits_to_sgb2_in_june_2022() -> None:
    _, statuses, categories = _histories(5, "AE_24", date(2022, 3, 15), date(1980, 1, 1))
    assert [s.status for s in statuses] == ["AE_24"]
    assert category_at(categories, date(2022, 5, 31)) is LegalCategory.ASYLBLG
    assert category_at(categories, date(2022, 6, 1)) is LegalCategory.SGB2
    _, _, later = _histories(5, "AE_24", date(2025, 6, 1), date(1980, 1, 1))
    assert [c.category for c in later] == [LegalCategory.ASYLBLG]


def test_allowed_categories_follow_the_usual_benefits_of_reference_data() -> None:
    for item in reference.items("residence_statuses"):
        usual = item.extra.get("benefits")
        allowed = allowed_categories(item.code)
        if usual is None:
            assert allowed == frozenset(LegalCategory)
        else:
            assert LegalCategory(usual) in allowed
    assert LegalCategory.ASYLBLG not in allowed_categories("AE_25_2")
    assert LegalCategory.SGB2 not in allowed_categories("GEST")
    assert LegalCategory.SGB2 not in allowed_categories("AE_18B")


def test_pension_age_gets_social_welfare_instead_of_sgb2() -> None:
    _, _, categories = _histories(2, "AE_25_2", date(2016, 1, 1), date(1940, 1, 1))
    assert [c.category for c in categories] == [LegalCategory.SGB12]
