"""Statistics on the hand-built county (tests/integration/stats_world.py), on both backends.

The expected numbers are the ones worked out by hand in stats_world's docstring.
"""

from __future__ import annotations

from typing import Any

import pytest
from stats_world import World, build

from mzdesk.core.database import Database
from mzdesk.core.stats import Period, UnknownFigure, compute_statistics, drill_down

Y2025 = Period.year(2025)


@pytest.fixture
def world(database: Database) -> World:
    with database.session() as session:
        return build(session)


def _stats(database: Database, period: Period = Y2025) -> dict[str, Any]:
    with database.session() as session:
        return compute_statistics(session, period).as_dict()


def test_placements_2025(database: Database, world: World) -> None:
    p = _stats(database)["placements"]
    assert (p["total"], p["work"], p["training"], p["course"], p["recognition"]) == (5, 2, 2, 1, 0)
    assert p["refugees"] == 3
    assert p["refugees_work_and_training"] == 2
    assert p["sgb2_indicator"] == 3
    assert p["persons"] == 4  # P1 placed twice: two events, one person
    # P1's category changed in June: IK (March) counts as ASYLBLG, SVB (July) as SGB2.
    assert p["by_legal_category"] == {"SGB2": 1, "SGB3": 1, "SGB12": 0, "ASYLBLG": 1, "NONE": 1}
    assert p["legal_category_unknown"] == 1
    statuses = {row["key"]: row["total"] for row in p["by_residence_status"]}
    assert statuses == {"GEST": 1, "AE_25_2": 1, "AE_18B": 1, "AE_24": 1, "UNKNOWN": 1}
    refugees = {row["key"]: row["refugees"] for row in p["by_residence_status"]}
    assert refugees == {"GEST": 1, "AE_25_2": 1, "AE_18B": 0, "AE_24": 1, "UNKNOWN": 0}
    nations = {row["key"]: row["total"] for row in p["by_nationality"]}
    assert nations == {"SY": 2, "IN": 1, "UA": 1, "UNKNOWN": 1}
    counsellors = {row["key"]: (row["label"], row["total"]) for row in p["by_counsellor"]}
    assert counsellors == {
        str(world.ids["u1"]): ("Beraterin Eins", 3),
        str(world.ids["u2"]): ("Berater Zwei", 1),
        "UNKNOWN": ("ohne Berater/in", 1),
    }
    teams = {row["label"]: (row["total"], row["work"], row["training"]) for row in p["by_team"]}
    assert teams == {"Team Nord": (3, 1, 1), "Team Süd": (2, 1, 1)}
    assert p["by_kind"]["MINIJOB"] == 0  # started in 2024
    assert p["by_kind"]["EQ"] == 1  # started on 31.12.2025


def test_placement_spanning_the_year_counts_in_its_start_year_only(
    database: Database, world: World
) -> None:
    p = _stats(database, Period.year(2024))["placements"]
    assert (p["total"], p["work"], p["refugees"]) == (1, 1, 1)
    assert p["by_legal_category"] == {"SGB2": 0, "SGB3": 0, "SGB12": 0, "ASYLBLG": 0, "NONE": 1}
    assert _stats(database, Period.year(2026))["placements"]["total"] == 0


def test_quarters_and_months(database: Database, world: World) -> None:
    # Q1: IK (01.03.); Q2: SELF (15.05.); Q3: SVB, AUSB; Q4: EQ (31.12.)
    totals = [
        _stats(database, Period.quarter(2025, q))["placements"]["total"] for q in (1, 2, 3, 4)
    ]
    assert totals == [1, 1, 2, 1]
    assert _stats(database, Period.month(2025, 12))["placements"]["training"] == 1


def test_referrals(database: Database, world: World) -> None:
    r = _stats(database)["referrals"]
    assert r["total"] == 4
    assert r["by_status"] == {
        "draft": 1,
        "sent": 1,
        "accepted": 0,
        "rejected": 1,
        "done": 1,
        "revoked": 0,
    }
    assert r["median_answer_days"] == 5.0
    kinds = {row["key"]: row for row in r["by_partner_kind"]}
    assert set(kinds) == {"AA", "IK"}
    assert kinds["AA"]["total"] == 2 and kinds["AA"]["answered"] == 2
    assert kinds["AA"]["median_answer_days"] == 5.0
    assert kinds["IK"]["by_status"]["draft"] == 1 and kinds["IK"]["median_answer_days"] is None


def test_events(database: Database, world: World) -> None:
    e = _stats(database)["events"]
    assert e["count"] == 1
    assert (e["attendees"], e["registered"], e["anonymous"]) == (42, 2, 40)
    assert (e["employer_contacts"], e["interviews"], e["hires"], e["talks"]) == (3, 1, 1, 1)
    assert e["employers"] == 2
    assert _stats(database, Period.year(2024))["events"]["anonymous"] == 130


def test_caseload(database: Database, world: World) -> None:
    c = _stats(database)["caseload"]
    assert (c["open_at_end"], c["new_cases"], c["closed_cases"]) == (3, 2, 1)
    assert (c["contacts"], c["active_cases"]) == (4, 2)
    rows = {row["key"]: row for row in c["by_counsellor"]}
    u1, u2 = rows[str(world.ids["u1"])], rows[str(world.ids["u2"])]
    assert (u1["open_at_end"], u1["contacts"], u1["active_cases"], u1["team"]) == (
        2,
        3,
        2,
        "Team Nord",
    )
    assert (u2["open_at_end"], u2["new_cases"], u2["closed_cases"], u2["contacts"]) == (0, 1, 1, 1)
    assert (rows["UNKNOWN"]["open_at_end"], rows["UNKNOWN"]["new_cases"]) == (1, 1)


def test_method_note(database: Database, world: World) -> None:
    assert "events, not persons" in _stats(database)["method"]


def test_drill_down_lists_the_records_behind_figures(database: Database, world: World) -> None:
    ids = world.ids
    expected = {
        "placements.total": {ids[k] for k in ("ik", "svb", "ausb", "eq", "self")},
        "placements.work": {ids["svb"], ids["self"]},
        "placements.training": {ids["ausb"], ids["eq"]},
        "placements.refugees": {ids["ik"], ids["svb"], ids["eq"]},
        "placements.by_legal_category.SGB2": {ids["svb"]},
        "placements.by_legal_category.ASYLBLG": {ids["ik"]},
        "placements.legal_category_unknown": {ids["self"]},
        "placements.by_residence_status.UNKNOWN": {ids["self"]},
        "placements.by_nationality.SY": {ids["ik"], ids["svb"]},
        f"placements.by_counsellor.{ids['u1']}": {ids["ik"], ids["svb"], ids["eq"]},
        f"placements.by_team.{ids['team_sued']}": {ids["ausb"], ids["self"]},
        "referrals.by_status.done": {ids["r1"]},
        "referrals.by_partner_kind.IK": {ids["r3"], ids["r4"]},
        "events.registered": {ids["a1"], ids["a2"]},
        "events.anonymous": {ids["a3"]},
        "caseload.open_at_end": {ids["c1"], ids["c3"], ids["c4"]},
        "caseload.new_cases": {ids["c2"], ids["c4"]},
        "caseload.active_cases": {ids["c1"], ids["c2"]},
        "caseload.contacts": {ids[k] for k in ("k1", "k2", "k3", "k4")},
        f"caseload.by_counsellor.{ids['u1']}.open_at_end": {ids["c1"], ids["c3"]},
    }
    with database.session() as session:
        for key, wanted in expected.items():
            assert set(drill_down(session, key, Y2025).ids) == wanted, key
        with pytest.raises(UnknownFigure):
            drill_down(session, "placements.nonsense", Y2025)


def test_every_count_figure_has_as_many_ids_as_it_counts(database: Database, world: World) -> None:
    stats = _stats(database)
    p, r, c = stats["placements"], stats["referrals"], stats["caseload"]
    figures: dict[str, int] = {
        f"placements.{name}": p[name]
        for name in ("total", "work", "training", "course", "refugees", "sgb2_indicator")
    }
    figures |= {f"placements.by_kind.{k}": v for k, v in p["by_kind"].items()}
    figures |= {f"placements.by_legal_category.{k}": v for k, v in p["by_legal_category"].items()}
    for dimension in ("by_residence_status", "by_nationality", "by_counsellor", "by_team"):
        figures |= {f"placements.{dimension}.{row['key']}": row["total"] for row in p[dimension]}
    figures |= {f"referrals.by_status.{k}": v for k, v in r["by_status"].items()}
    figures |= {f"caseload.{k}": c[k] for k in ("open_at_end", "new_cases", "contacts")}
    figures["events.employer_contacts"] = stats["events"]["employer_contacts"]
    with database.session() as session:
        for key, value in figures.items():
            assert len(drill_down(session, key, Y2025).ids) == value, key
