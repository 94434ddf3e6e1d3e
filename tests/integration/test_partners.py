"""Partner directory: add, find (case and accents), CSV import with a report of rejected rows."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mzdesk.cli import main
from mzdesk.core.database import Database
from mzdesk.core.errors import NotFound
from mzdesk.core.models import Partner
from mzdesk.core.services import lookup, partners
from mzdesk.core.services.partners import PartnerError

GOOD_CP1252 = (
    "Name;Art;Straße;PLZ;Ort;Telefon;Briefsprache\r\n"
    "Jobcenter Müsterland;Jobcenter;Hauptstraße 3;12345;Musterstadt;0123 1;de\r\n"  # line 2
    ";AA;Weg 1;12345;Musterstadt;;de\r\n"  # 3: missing name
    "Café Öztürk GmbH;AG;Marktplatz 1;12347;Dorf;;en\r\n"  # 4
    "Irgendwer;Bäckerei;Weg 2;12345;Musterstadt;;de\r\n"  # 5: unknown kind
    "Zu kurz;AG;Weg 3\r\n"  # 6: ragged row
    "IQ Beratung Süd;IQ;Ring 9;12349;Musterstadt;;fr\r\n"  # 7: unknown letter language
    "Jobcenter Muesterland;JC;Andere Straße;12345;Musterstadt;;de\r\n"  # 8: ok, other name
)


def count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Partner)) or 0)


def test_add_find_show(database: Database) -> None:
    with database.session() as s:
        a = partners.add_partner(s, name="Handwerkskammer Südwest", kind="HWK", city="Müstadt")
        partners.add_partner(s, name="Ausländerbehörde Musterland", kind="Ausländerbehörde")
        partners.add_partner(s, name="Café Özdemir", kind="ag", city="Dorf", active=False)
        with pytest.raises(PartnerError, match="already exists"):
            partners.add_partner(s, name="HANDWERKSKAMMER SUDWEST", kind="HWK")
        with pytest.raises(PartnerError, match="unknown partner kind"):
            partners.add_partner(s, name="X", kind="Bäckerei")
        s.commit()
        assert [p.id for p in partners.find_partners(s, "handwerkskammer sudwest")] == [a.id]
        assert [p.name for p in partners.find_partners(s, kind="abh")] == [
            "Ausländerbehörde Musterland"
        ]
        assert [p.name for p in partners.find_partners(s, city="MUSTADT")] == [
            "Handwerkskammer Südwest"
        ]
        assert partners.find_partners(s, "ozdemir") == []  # inactive
        assert [p.name for p in partners.find_partners(s, "ozdemir", include_inactive=True)] == [
            "Café Özdemir"
        ]
        assert partners.get_partner(s, a.id.hex[-8:]).id == a.id


def test_csv_import_reports_broken_rows_and_imports_the_rest(database: Database) -> None:
    data = GOOD_CP1252.encode("cp1252")
    with database.session() as s:
        preview = partners.import_csv(s, data, dry_run=True)
        s.commit()
    assert count(database) == 0  # dry run: nothing stored
    assert preview.encoding == "windows-1252" and preview.delimiter == ";"
    assert preview.created == 3
    rejected = {r.line: r.reason for r in preview.rejected}
    assert set(rejected) == {3, 5, 6, 7}
    assert "name is missing" in rejected[3]
    assert "unknown partner kind 'Bäckerei'" in rejected[5]
    assert "expected 7 fields, found 3" in rejected[6]
    assert "letter language" in rejected[7]

    with database.session() as s:
        report = partners.import_csv(s, data)
        s.commit()
    assert (report.created, len(report.rejected)) == (3, 4)
    with database.session() as s:
        cafe = partners.find_partners(s, "cafe ozturk")[0]
        assert (cafe.kind, cafe.street, cafe.letter_language) == ("AG", "Marktplatz 1", "en")
        assert partners.find_partners(s, "jobcenter")[0].kind == "JC"

    # Re-import: nothing duplicated; a changed phone is an update.
    changed = data.replace(b"0123 1", b"0123 2")
    with database.session() as s:
        again = partners.import_csv(s, changed)
        s.commit()
    assert (again.created, again.updated, again.unchanged) == (0, 1, 2)
    assert count(database) == 3


def test_mixed_encoding_row_is_rejected_not_guessed(database: Database) -> None:
    data = (
        b"name,kind,postcode\n"
        + "Integrationskurs Ærø,IK,12345\n".encode()
        + "Sprachschule Müller,BSK,12346\n".encode("cp1252")  # line 3: not UTF-8
        + b"Jugendmigrationsdienst,JMD,12347\n"
    )
    with database.session() as s:
        report = partners.import_csv(s, data)
        s.commit()
    assert report.encoding == "utf-8" and report.delimiter == ","
    assert [(r.line, "mixed encodings" in r.reason) for r in report.rejected] == [(3, True)]
    assert report.created == 2
    with database.session() as s:
        assert partners.find_partners(s, "aero")[0].name == "Integrationskurs Ærø"


def test_missing_required_column_refuses_the_whole_file(database: Database) -> None:
    with database.session() as s, pytest.raises(PartnerError, match="no column for kind"):
        partners.import_csv(s, b"Name;Ort\nA;B\n")
    with database.session() as s:  # an explicit mapping fixes it
        report = partners.import_csv(s, "Träger;Sorte\nA;AG\n".encode(), mapping={"Sorte": "kind"})
        assert report.created == 1


def test_cli_import_prints_rejected_lines(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "partner.csv"
    path.write_bytes(GOOD_CP1252.encode("cp1252"))
    url = database.url.render_as_string(hide_password=False)
    assert main(["partner", "import", "--db", url, str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run: would import 3 row(s)" in out
    assert "line 3: name is missing" in out and "line 6: expected 7 fields" in out
    assert count(database) == 0
    assert main(["partner", "import", "--db", url, str(path)]) == 0
    capsys.readouterr()
    assert count(database) == 3
    assert main(["partner", "find", "--db", url, "muesterland"]) == 0
    out = capsys.readouterr().out
    assert "Jobcenter Müsterland" in out and "Jobcenter Muesterland" in out


def test_short_ids_tell_time_ordered_ids_apart(database: Database) -> None:
    """Demo ids (UUIDv7-shaped) share their first digits: the short id is the random end."""
    first = uuid.UUID("00000000-e5a3-709a-97e9-70eaca0d86ea")
    second = uuid.UUID("00000000-e5a3-709a-97e9-70eacb0d86ea")
    with database.session() as s:
        for pid, name in ((first, "Erste GmbH"), (second, "Zweite GmbH")):
            s.add(Partner(id=pid, name=name, kind="AG"))
        s.commit()
    with database.session() as s:
        assert lookup.short_id(first) == "ca0d86ea"
        assert lookup.by_id(s, Partner, "ca0d86ea", "partner").id == first
        assert lookup.by_id(s, Partner, "CB0D86EA", "partner").id == second
        with pytest.raises(NotFound, match="ambiguous"):
            lookup.by_id(s, Partner, "0d86ea", "partner")
