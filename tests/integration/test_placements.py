"""Recording placements: the snapshot at the start date, validation, and the CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest
from stats_world import World, build

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.models import (
    LegalCategory,
    LegalCategoryPeriod,
    Placement,
    ResidenceStatus,
    Setting,
)
from mzdesk.core.services.placements import (
    REFUGEE_CODES_SETTING,
    InvalidPlacement,
    Snapshot,
    add_placement,
    list_placements,
    refresh_snapshot,
    snapshot_at,
)


@pytest.fixture
def world(database: Database) -> World:
    with database.session() as session:
        return build(session)


def test_snapshot_is_taken_at_the_start_date(database: Database, world: World) -> None:
    with database.session() as session:
        before = session.get(Placement, world.ids["ik"])
        after = session.get(Placement, world.ids["svb"])
        assert before is not None and after is not None
        assert (before.legal_category_at_start, before.residence_status_at_start) == (
            LegalCategory.ASYLBLG,
            "GEST",
        )
        assert (after.legal_category_at_start, after.residence_status_at_start) == (
            LegalCategory.SGB2,
            "AE_25_2",
        )
        assert before.refugee_at_start and after.refugee_at_start
        skilled = session.get(Placement, world.ids["ausb"])
        assert skilled is not None and not skilled.refugee_at_start
        assert skilled.counsellor_id == world.ids["u2"]  # the case's counsellor


def test_a_period_counts_on_its_first_and_its_last_day(database: Database, world: World) -> None:
    """P1: ASYLBLG/GEST until 31.05.2025 (inclusive), SGB2/AE_25_2 from 01.06.2025."""
    with database.session() as session:
        case_id = world.ids["c1"]
        on = {
            day: add_placement(session, case_id=case_id, kind="SVB", starts_on=day)
            for day in (date(2023, 1, 1), date(2025, 5, 31), date(2025, 6, 1))
        }
        shown = {
            day: (p.legal_category_at_start, p.residence_status_at_start) for day, p in on.items()
        }
        assert shown == {
            date(2023, 1, 1): (LegalCategory.ASYLBLG, "GEST"),  # the first day
            date(2025, 5, 31): (LegalCategory.ASYLBLG, "GEST"),  # the last day
            date(2025, 6, 1): (LegalCategory.SGB2, "AE_25_2"),
        }
        assert snapshot_at(session, on[date(2023, 1, 1)].person_id, date(2022, 12, 31)) == (
            Snapshot(None, None, False)  # before the first document: unknown
        )


def test_of_overlapping_documents_the_newest_wins(database: Database, world: World) -> None:
    """Documents entered by hand may overlap (an old one not closed): the one valid from the
    latest date counts, whichever was entered first."""
    with database.session() as session:
        placement = add_placement(
            session, case_id=world.ids["c2"], kind="SVB", starts_on=date(2025, 4, 1)
        )
        person_id = placement.person_id
        assert snapshot_at(session, person_id, date(2025, 4, 1)).legal_category is (
            LegalCategory.SGB3  # P2: SGB3 and AE_18B since 2020, open-ended
        )
        session.add_all(
            [
                LegalCategoryPeriod(
                    person_id=person_id,
                    category=LegalCategory.SGB2,
                    valid_from=date(2025, 3, 1),
                    valid_until=date(2025, 12, 31),
                ),
                ResidenceStatus(
                    person_id=person_id, status_code="AE_25_2", valid_from=date(2025, 3, 1)
                ),
            ]
        )
        session.flush()
        assert snapshot_at(session, person_id, date(2025, 4, 1)) == Snapshot(
            LegalCategory.SGB2, "AE_25_2", True
        )
        assert snapshot_at(session, person_id, date(2026, 1, 1)).legal_category is (
            LegalCategory.SGB3  # the newer one has ended: the older, still open, again
        )
        assert refresh_snapshot(session, placement) is True
        assert (placement.legal_category_at_start, placement.residence_status_at_start) == (
            LegalCategory.SGB2,
            "AE_25_2",
        )


def test_extra_refugee_codes_from_parameter_and_setting(database: Database, world: World) -> None:
    with database.session() as session:
        # P2 holds AE_18B, not a refugee status unless the organisation adds it.
        chosen = add_placement(
            session,
            case_id=world.ids["c2"],
            kind="SVB",
            starts_on=date(2025, 11, 1),
            extra_refugee_codes={"AE_18B"},
        )
        assert chosen.refugee_at_start
        plain = add_placement(
            session, case_id=world.ids["c2"], kind="SVB", starts_on=date(2025, 11, 2)
        )
        assert not plain.refugee_at_start
        session.add(Setting(key=REFUGEE_CODES_SETTING, value=["AE_18B"]))
        session.flush()
        assert refresh_snapshot(session, plain) is True
        assert plain.refugee_at_start


def test_invalid_placements_are_refused(database: Database, world: World) -> None:
    with database.session() as session:
        case_id = world.ids["c1"]
        with pytest.raises(InvalidPlacement, match="unknown placement kind"):
            add_placement(session, case_id=case_id, kind="NOPE", starts_on=date(2025, 1, 1))
        with pytest.raises(InvalidPlacement, match="end before"):
            add_placement(
                session,
                case_id=case_id,
                kind="SVB",
                starts_on=date(2025, 5, 1),
                ends_on=date(2025, 4, 30),
            )
        with pytest.raises(InvalidPlacement, match="weekly hours"):
            add_placement(
                session, case_id=case_id, kind="SVB", starts_on=date(2025, 5, 1), weekly_hours="99"
            )


def test_list_placements_by_case_and_period(database: Database, world: World) -> None:
    with database.session() as session:
        found = list_placements(session, case_id=world.ids["c3"])
        assert [p.kind for p in found] == ["EQ", "MINIJOB"]  # newest start first
        in_2024 = list_placements(session, start=date(2024, 1, 1), end=date(2024, 12, 31))
        assert [p.id for p in in_2024] == [world.ids["minijob"]]


def test_cli_add_and_list(
    database: Database, database_url: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "placement",
            "add",
            "--db",
            database_url,
            str(world.ids["c1"]),
            "--kind",
            "AUSB",
            "--start",
            "01.04.2025",
            "--hours",
            "39,5",
            "--employer",
            "Tischlerei Test",
            "--json",
        ]
    )
    assert code == 0
    added = json.loads(capsys.readouterr().out)
    # 01.04.2025 is before P1's change in June: still ASYLBLG with GEST.
    assert added["legal_category_at_start"] == "ASYLBLG"
    assert added["residence_status_at_start"] == "GEST"
    assert added["refugee_at_start"] is True
    assert added["weekly_hours"] == "39.50"
    assert (
        main(["placement", "list", "--db", database_url, "--case", str(world.ids["c1"]), "--json"])
        == 0
    )
    kinds = [row["kind"] for row in json.loads(capsys.readouterr().out)]
    assert kinds == ["SVB", "AUSB", "IK"]
    assert (
        main(
            [
                "placement",
                "add",
                "--db",
                database_url,
                str(world.ids["c1"]),
                "--kind",
                "X",
                "--start",
                "2025-01-01",
            ]
        )
        == 1
    )
    err = capsys.readouterr().err.strip()
    assert err.startswith("mzdesk: unknown placement kind") and "\n" not in err
