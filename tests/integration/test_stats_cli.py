"""``mzdesk stats`` from the command line: JSON shape, periods, usage errors."""

from __future__ import annotations

import json

import pytest
from stats_world import World, build

from mzdesk.cli import main
from mzdesk.core.database import Database


@pytest.fixture
def world(database: Database) -> World:
    with database.session() as session:
        return build(session)


def test_json_has_the_documented_keys(
    database_url: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--db", database_url, "--year", "2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    p = data["placements"]
    assert (p["total"], p["work"], p["training"], p["refugees"]) == (5, 2, 2, 3)
    assert list(p["by_legal_category"]) == ["SGB2", "SGB3", "SGB12", "ASYLBLG", "NONE"]
    assert data["events"]["attendees"] == 42
    assert data["events"]["employer_contacts"] == 3
    assert data["referrals"]["by_status"]["rejected"] == 1
    assert "events, not persons" in data["method"]
    assert data["period"] == {"from": "2025-01-01", "to": "2025-12-31", "label": "2025"}


def test_from_to_and_quarter(
    database_url: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["stats", "--db", database_url, "--from", "2025-07-01", "--to", "31.12.2025", "--json"]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["placements"]["total"] == 3  # SVB, AUSB, EQ
    assert main(["stats", "--db", database_url, "--year", "2025", "--quarter", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["placements"]["by_kind"]["IK"] == 1


def test_drill_down_option(
    database_url: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "stats",
                "--db",
                database_url,
                "--year",
                "2025",
                "--drill-down",
                "placements.by_legal_category.SGB2",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["ids"] == [str(world.ids["svb"])]


def test_summary_text(database_url: str, world: World, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", database_url, "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "placements: 5 (work 2, training 2, refugees 3; 4 persons)" in out


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--from", "2025-12-31", "--to", "2025-01-01"], 1),
        (["--from", "2025-02-30", "--to", "2025-03-01"], 1),
        (["--year", "2025", "--month", "13"], 1),
        (["--year", "2025", "--from", "2025-01-01", "--to", "2025-02-01"], 1),
        ([], 1),
        (["--year", "x"], 2),
        (["--year", "2025", "--json", "--pdf", "f.pdf"], 2),
        (["--year", "2025", "--json", "--suppress-below", "3"], 2),
    ],
)
def test_bad_periods_and_options(
    sqlite_url: str, argv: list[str], code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    from mzdesk.core import schema
    from mzdesk.core.database import Database

    with Database(sqlite_url, create=True) as database:
        schema.upgrade(database)
    with pytest.raises(SystemExit) if code == 2 and "--suppress-below" not in argv else _no_raise():
        assert main(["stats", "--db", sqlite_url, *argv]) == code
    err = capsys.readouterr().err.strip()
    if code == 1:
        assert err.startswith("mzdesk: ") and "\n" not in err


class _no_raise:  # noqa: N801 - a tiny context manager
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False
